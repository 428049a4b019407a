"""Parsed documents -> triples with entities and evidence.

`extract_documents` is the whole of extraction: it parses documents in batches and turns each
`Doc` into an `Extraction`. `extract_document` does one parsed document.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extract.amounts import amount_candidates
from extract.arguments import argument
from extract.columns import columns
from extract.entities import NAMED_TYPES
from extract.mentions import DocumentEntities, Reference, find_entities
from extract.parse_process import ParsingProcess, parse_batches
from extract.pipeline import (
    BATCH_CHARS,
    BATCH_SIZE,
    batches,
    document_parts,
    load_pipeline,
    split_text,
)
from extract.relations import Candidate, document_candidates
from extract.triple import Document, Entity, Evidence, Extraction, Mention, Triple
from extract.variants import candidate_variants

# Each argument found through a pronoun or description rather than a name costs confidence:
# the resolver is right less often than the parser.
REFERENCE_FACTOR = 0.9
# Types of names that no person is, nor is any of them a person.
NO_PERSON_TYPES = frozenset({"work", "product", "place", "organization"})
UNNAMED_SOURCE = Entity(name="unnamed source", type="concept")
IRREGULAR_THIRD_PERSON = {"be": "is", "have": "has", "do": "does", "go": "goes"}
# Rules whose predicate is already a relation phrase ('chief executive of', 'based in').
PHRASE_RULES = frozenset(
    {"role", "title", "relational", "descriptor_place", "affiliation", "measure"}
)


def extract_documents(
    documents: Iterable[Document],
    *,
    nlp: Language | None = None,
    batch_size: int = BATCH_SIZE,
    require_named: bool = True,
    parser: ParsingProcess | None = None,
    overlap: bool | None = None,
) -> Iterator[Extraction]:
    """Parse and read every document, yielding one `Extraction` each, in input order; a
    document longer than PART_CHARS yields one for each of its parts (see `document_parts`).

    Texts longer than a parsing piece are read piece by piece; coreference does not cross
    pieces. The documents are parsed by `parser`, a child process forked earlier; else, with
    `overlap`, by a child forked now, while this process reads (None: when the input is more
    than one batch and this process may fork; see extract.parse_process); else here. The
    extractions are the same either way.
    """
    nlp = nlp or load_pipeline()
    groups = batches(pieces_of(documents), size=batch_size, chars=BATCH_CHARS)
    triples: list[Triple] = []
    mentions: list[Mention] = []
    parsed = parse_batches(groups, nlp=nlp, parser=parser, overlap=overlap)
    for doc, (part, offset, last) in parsed:
        piece = extract_document(
            doc, part, offset=part.offset + offset, require_named=require_named
        )
        triples += piece.triples
        mentions += piece.mentions
        # Each part as soon as its last piece is read: when parsing the next batch fails,
        # what was read before it is whole and goes out.
        if last:
            yield Extraction(part, tuple(triples), tuple(mentions))
            triples, mentions = [], []


def pieces_of(documents: Iterable[Document]) -> Iterator[tuple[str, tuple[Document, int, bool]]]:
    """The texts to parse: each part's pieces (see `split_text`), each with its part, its
    offset in the part and whether it is the part's last.

    >>> [(text, last) for text, (_, _, last) in pieces_of([Document("a", "one")])]
    [('one', True)]
    """
    for document in documents:
        for part in document_parts(document):
            pieces = split_text(part.text)
            for n, (offset, text) in enumerate(pieces):
                yield text, (part, offset, n == len(pieces) - 1)


def extract_document(
    doc: Doc, document: Document, *, offset: int = 0, require_named: bool = True
) -> Extraction:
    """Read the triples and entity mentions of one parsed document.

    Args:
        doc: the parse.
        document: the document `doc` was parsed from (or a piece of it).
        offset: where `doc` starts in the document (for documents parsed in pieces).
        require_named: keep only triples with at least one named entity ("Meta", not
            "developers"), as a knowledge graph wants; Open IE scoring keeps all.
    """
    cols = columns(doc)
    entities = find_entities(cols)
    triples: dict[tuple, Triple] = {}
    sentences: dict[int, tuple[str, int]] = {}
    text = doc.text  # built from every token on each call: take it once
    read = chain(document_candidates(cols), amount_candidates(cols))
    for candidate in chain.from_iterable(candidate_variants(c, entities) for c in read):
        index = int(cols.sentence[candidate.relation_tokens[0].i])
        if index not in sentences:
            sentences[index] = sentence_text(text, cols.sentence_span(index))
        sentence = sentences[index]
        for reading in entities.member_readings(candidate.subject, candidate.object):
            triple = build_triple(
                candidate, sentence, reading, document_id=document.id, offset=offset
            )
            if triple is None or (require_named and not has_named_argument(triple)):
                continue
            key = (triple.subject, triple.predicate, triple.object, triple.negated, sentence[1])
            if key not in triples or triples[key].confidence < triple.confidence:
                triples[key] = triple
    mentions = tuple(
        Mention(entity, span.text, span.start_char + offset, span.end_char + offset, reason)
        for span, entity, reason in zip(entities.spans, entities.span_entity, entities.span_reason)
    ) + tuple(reference_mention(doc, r, offset=offset) for r in entities.references.values())
    mentions = tuple(sorted(mentions, key=lambda m: (m.start, m.end)))
    return Extraction(document, tuple(triples.values()), mentions)


def reference_mention(doc: Doc, reference: Reference, *, offset: int) -> Mention:
    """A pronoun or description as a mention: of its best candidate, or of no entity."""
    span = doc[reference.start : reference.end]
    return Mention(
        reference.candidates[0] if reference.candidates else None,
        span.text,
        span.start_char + offset,
        span.end_char + offset,
        reason=reference.reason,
        kind=reference.kind,
    )


def sentence_text(text: str, sent: Span) -> tuple[str, int]:
    """A sentence's text without surrounding white space, and where that text starts."""
    raw = text[sent.start_char : sent.end_char]
    stripped = raw.strip()
    return stripped, sent.start_char + len(raw) - len(raw.lstrip())


def build_triple(
    candidate: Candidate,
    sentence: tuple[str, int],
    entities: DocumentEntities,
    *,
    document_id: str,
    offset: int,
) -> Triple | None:
    subject = argument(candidate.subject, entities)
    obj = argument(
        candidate.object,
        entities,
        avoid=subject[0] if subject else None,
        predicative=candidate.predicative,
    )
    if subject is None or obj is None or subject[0] == obj[0]:
        return None
    if types_deny(candidate.rule, subject[0], obj[0], predicate=candidate.predicate):
        return None
    speaker = None
    if candidate.speaker is not None:
        # A claim stays a claim even when we cannot tell whose it is.
        speaker = argument(candidate.speaker, entities) or (UNNAMED_SOURCE, (0, 0))
    references = sum(
        1 for token in (candidate.subject, candidate.object) if is_reference(token, entities)
    )
    relation_start = min(t.idx for t in candidate.relation_tokens)
    relation_end = max(t.idx + len(t.text) for t in candidate.relation_tokens)
    text, sentence_start = sentence
    return Triple(
        subject=subject[0],
        relation=readable(candidate),
        predicate=candidate.predicate,
        object=obj[0],
        confidence=round(candidate.confidence * REFERENCE_FACTOR**references, 3),
        evidence=Evidence(
            document=document_id,
            sentence=text,
            sentence_start=sentence_start + offset,
            subject=(subject[1][0] + offset, subject[1][1] + offset),
            relation=(relation_start + offset, relation_end + offset),
            object=(obj[1][0] + offset, obj[1][1] + offset),
        ),
        rule=candidate.rule,
        negated=candidate.negated,
        attributed_to=speaker[0] if speaker else None,
        modality=candidate.modality,
    )


def types_deny(rule: str, subject: Entity, obj: Entity, *, predicate: str = "") -> bool:
    """Whether the arguments' voted types make a rule's reading impossible: no person is a
    kind of another ('my influences are Jo Roe and Al Tan'), nor a work, product, place or
    organization, nor they a person (a title's words parsed as an appositive: 'Jo Roe,
    curator of "Light and Shadow"'); and a descriptor's place must be a place (the tagger's
    place that the votes made something else: 'Zorbism magazine X')."""
    if rule == "copula" and subject.type == obj.type == "person":
        return True
    if rule in ("copula", "apposition") and predicate == "be":
        types = {subject.type, obj.type}
        return "person" in types and bool(types & NO_PERSON_TYPES)
    return rule == "descriptor_place" and obj.type != "place"


def is_reference(token: Token, entities: DocumentEntities) -> bool:
    return entities.is_resolved(token.i)


def has_named_argument(triple: Triple) -> bool:
    return triple.subject.type in NAMED_TYPES or triple.object.type in NAMED_TYPES


def readable(candidate: Candidate) -> str:
    """The relation as a reader says it: 'partner with' -> 'partners with'.

    >>> from types import SimpleNamespace
    >>> readable(SimpleNamespace(predicate="carry out", rule="svo"))
    'carries out'
    """
    if candidate.rule in PHRASE_RULES:
        return candidate.predicate
    if candidate.predicate == "be":
        return "is a"
    verb, _, rest = candidate.predicate.partition(" ")
    return " ".join(filter(None, [third_person(verb), rest]))


def third_person(verb: str) -> str:
    if verb in IRREGULAR_THIRD_PERSON:
        return IRREGULAR_THIRD_PERSON[verb]
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in tuple("aeiou"):
        return verb[:-1] + "ies"
    return verb + "s"
