"""Triples -> RDF.

A document's contribution is one named graph, named by the document's IRI: the document, its
sentences, one `kg:Statement` per triple read (with confidence, negation, attribution, modality
and character offsets), and one `kg:Occurrence` per entity it names. Rebuilding a document
replaces exactly that graph.

The facts a reader wants to query directly live in the default graph and are derived from all
document graphs (see graph.rdf.facts).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import NamedTuple

from extract.readers import MEDIA_TYPES
from extract.triple import Document, Entity, Extraction, Triple
from graph.rdf.terms import A_NT, DATE_NT, DATE_TIME_NT, NT, nt_iri, nt_literal
from graph.rdf.turtle import turtle_text
from graph.rdf.vocab import (
    TYPE_CLASSES,
    document_iri,
    entity_iri,
    relation_iri,
    segment,
    sentence_iri,
    statement_iri,
)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Occurrence:
    """How one document (or one part of a long one) names one entity."""

    iri: str  # the entity's
    entity: Entity
    words: Counter[str]  # the words naming it, pronouns and descriptions included, counted
    reasons: dict[str, str]  # why a merged word names it, by word
    names: AbstractSet[str]  # which of the words are names of it (no pronoun, no description)

    @property
    def mentions(self) -> int:
        """How often the document mentions the entity (once at least: it relates it)."""
        return max(1, sum(self.words.values()))


Occurrences = list[Occurrence]


class DocumentGraph(NamedTuple):
    """The quads of one document, or of one part of a long one (see
    extract.pipeline.document_parts): the document's IRI; the quads as N-Quads, which the
    store loads natively, without a Python object per term; whether they replace what the
    document had stored (true of its first part); the content hash that marks the document
    complete (on its last part, None on the others); and its triples as Turtle statements
    (graph.rdf.turtle), for graph.ttl."""

    iri: str
    nquads: bytes
    content_hash: str | None
    replaces: bool = True
    turtle: bytes = b""


def document_graph(
    extraction: Extraction,
    *,
    content_hash: str | None,
    replaces: bool = True,
    occurrences: Occurrences | None = None,
) -> DocumentGraph:
    """The named graph of one document, or its part read in `extraction` (whose
    `entity_occurrences` a caller that has them passes in `occurrences`)."""
    document = extraction.document
    graph = nt_iri(document_iri(document.id))
    triples = [
        (graph, A_NT, NT["kg:Document"]),
        (graph, A_NT, NT["prov:Entity"]),
        (graph, NT["kg:path"], nt_literal(document.id)),
    ]
    if document.offset == 0:
        triples += metadata_triples(document, graph)
    for triple in extraction.triples:
        triples += statement_triples(triple, graph)
    if occurrences is None:
        occurrences = entity_occurrences(extraction)
    triples += occurrence_triples(extraction, graph, occurrences)
    unique = list(dict.fromkeys(triples))
    lines = [f"{s} {p} {o} {graph} .\n" for s, p, o in unique]
    if content_hash is not None:
        # Not in the N-Quads: the store gets the hash apart, as the document's commit mark
        # (graph.store.replace_documents); graph.ttl states it with the rest.
        unique.append((graph, NT["kg:contentHash"], nt_literal(content_hash)))
    return DocumentGraph(
        document_iri(document.id),
        "".join(lines).encode(),
        content_hash,
        replaces,
        turtle_text(unique).encode(),
    )


def metadata_triples(document: Document, graph: str) -> Iterator[tuple[str, str, str]]:
    """What the file says of itself, as schema.org terms on the document: its format (a media
    type), title, author and publication date (typed, so that SPARQL compares dates)."""
    media_type = MEDIA_TYPES.get(document.format, "text/plain")
    yield graph, NT["schema:encodingFormat"], nt_literal(media_type)
    if document.title:
        yield graph, NT["schema:name"], nt_literal(document.title)
    if document.author:
        yield graph, NT["schema:author"], nt_literal(document.author)
    if document.published:
        kind = DATE_TIME_NT if "T" in document.published else DATE_NT
        yield graph, NT["schema:datePublished"], f"{nt_literal(document.published)}^^{kind}"


def statement_triples(triple: Triple, document: str) -> Iterator[tuple[str, str, str]]:
    evidence = triple.evidence
    sentence_end = evidence.sentence_start + len(evidence.sentence)
    sentence = nt_iri(sentence_iri(evidence.document, evidence.sentence_start, sentence_end))
    subject, obj = entity_iri(triple.subject.name), entity_iri(triple.object.name)
    predicate = relation_iri(triple.predicate)
    node = nt_iri(
        statement_iri(
            evidence.document,
            evidence.subject,
            evidence.relation,
            evidence.object,
            subject,
            predicate,
            obj,
            triple.negated,
            triple.modality,
        )
    )
    yield sentence, A_NT, NT["kg:Sentence"]
    yield sentence, NT["dcterms:isPartOf"], document
    yield sentence, NT["kg:text"], nt_literal(evidence.sentence)
    yield sentence, NT["kg:start"], nt_literal(evidence.sentence_start)
    yield sentence, NT["kg:end"], nt_literal(sentence_end)
    yield node, A_NT, NT["kg:Statement"]
    yield node, NT["rdf:subject"], nt_iri(subject)
    yield node, NT["rdf:predicate"], nt_iri(predicate)
    yield node, NT["rdf:object"], nt_iri(obj)
    yield node, NT["kg:relation"], nt_literal(triple.relation)
    yield node, NT["kg:confidence"], nt_literal(float(triple.confidence))
    yield node, NT["kg:negated"], nt_literal(triple.negated)
    yield node, NT["kg:asserted"], nt_literal(triple.asserted)
    yield node, NT["kg:rule"], nt_literal(triple.rule)
    yield node, NT["prov:wasDerivedFrom"], sentence
    if triple.modality:
        yield node, NT["kg:modality"], nt_literal(triple.modality)
    if triple.attributed_to is not None:
        yield node, NT["prov:wasAttributedTo"], nt_iri(entity_iri(triple.attributed_to.name))
    for name, (start, end) in (
        ("subject", evidence.subject),
        ("relation", evidence.relation),
        ("object", evidence.object),
    ):
        yield node, NT[f"kg:{name}Start"], nt_literal(start)
        yield node, NT[f"kg:{name}End"], nt_literal(end)


def entity_occurrences(extraction: Extraction) -> Occurrences:
    """Each entity the document names or relates: its IRI; the entity, the words naming it
    (with how often) and why those words name it; and which of the words are names of it."""
    entities: dict[str, tuple[Entity, Counter[str], dict[str, str]]] = {}
    # Pronouns and descriptions count as mentions but are no names of the entity.
    references = {" ".join(m.text.split()) for m in extraction.mentions if m.reference}
    for mention in extraction.mentions:
        if mention.entity is None:  # a reference left unresolved names no entity
            continue
        key = entity_iri(mention.entity.name)
        if key not in entities:
            entities[key] = (mention.entity, Counter(), {})
        _, words, reasons = entities[key]
        word = " ".join(mention.text.split())
        words[word] += 1
        if mention.reason and not mention.reference:
            reasons[word] = mention.reason
    for triple in extraction.triples:
        for entity in (triple.subject, triple.object, triple.attributed_to):
            if entity is not None and entity_iri(entity.name) not in entities:
                entities[entity_iri(entity.name)] = (entity, Counter(), {})
    return [
        Occurrence(key, entity, words, reasons, words.keys() - references)
        for key, (entity, words, reasons) in entities.items()
    ]


def occurrence_triples(
    extraction: Extraction, document: str, occurrences: Occurrences
) -> Iterator[tuple[str, str, str]]:
    """How this document names each entity: its name, the words used and why they name it, the
    type, how often."""
    for found in occurrences:
        # One occurrence per part of a long document: parts count their mentions apart.
        part = f"offset={extraction.document.offset}&" if extraction.document.offset else ""
        occurrence = f"{document[1:-1]}#{part}entity={found.iri.rsplit('/', 1)[1]}"
        node = nt_iri(occurrence)
        yield node, A_NT, NT["kg:Occurrence"]
        yield node, NT["dcterms:isPartOf"], document
        yield node, NT["kg:entity"], nt_iri(found.iri)
        yield node, NT["kg:name"], nt_literal(found.entity.name)
        yield node, NT["kg:entityType"], nt_iri(TYPE_CLASSES[found.entity.type])
        yield node, NT["kg:mentionCount"], nt_literal(found.mentions)
        words = found.words
        references = sum(words.values()) - sum(words[name] for name in found.names)
        if references:
            yield node, NT["kg:referenceCount"], nt_literal(references)
        for alias in found.names:
            yield node, NT["kg:alias"], nt_literal(alias)
        for alias, reason in found.reasons.items():
            merge = nt_iri(f"{occurrence}&alias={segment(alias)}")
            yield node, NT["kg:merge"], merge
            yield merge, NT["kg:alias"], nt_literal(alias)
            yield merge, NT["kg:reason"], nt_literal(reason)
