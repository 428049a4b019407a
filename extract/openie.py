"""Open IE mode: n-ary tuples whose arguments and relation are phrases copied from the sentence,
as Open IE benchmarks such as CaRB expect, rather than the resolved entities the graph wants.

The predicates are the graph's (`extract.relations`); what differs is the extent of each part:
an argument is the whole phrase a head word governs ('A number of rare and endemic plants'), the
relation keeps auxiliaries, negation and the preposition that introduces its object ('are also
known as'), and the verb's other prepositional phrases become further arguments ('in Japan').
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain

from spacy.language import Language
from spacy.tokens import Doc, Token

from extract.candidate import CONFIDENCE, expand
from extract.columns import columns
from extract.pipeline import BATCH_SIZE, load_pipeline
from extract.relations import document_candidates, subjects_of

# Dependents that belong to the relation when they sit before the verb ('has not yet been').
RELATION_DEPS = frozenset({"aux", "auxpass", "neg", "prt"})
# Prepositions that usually add a circumstance (time, place) rather than the verb's object.
CIRCUMSTANCE_PREPS = frozenset({"in", "on", "at", "during", "after", "before", "since", "until"})
OBJECT_DEPS = ("dobj", "attr", "oprd", "dative")
POSSESSIVE_CONFIDENCE = 0.5
# Right dependents of a noun that make tuples of their own rather than part of its phrase.
CLAUSE_DEPS = frozenset({"conj", "cc", "punct", "appos", "relcl", "acl"})
EXTRA_DEPS = frozenset({"prep", "npadvmod", "advcl", "agent"})


@dataclass(frozen=True)
class OpenTuple:
    """One Open IE extraction: arg1, relation, further arguments, all as written."""

    arg1: str
    relation: str
    args: tuple[str, ...]
    confidence: float


def read_sentences(
    sentences: Iterable[str], *, nlp: Language | None = None
) -> Iterator[tuple[str, OpenTuple]]:
    """Parse one sentence per item and yield each with its Open IE tuples."""
    nlp = nlp or load_pipeline()
    for doc in nlp.pipe(sentences, batch_size=BATCH_SIZE):
        for extraction in open_tuples(doc):
            yield doc.text, extraction


def open_tuples(doc: Doc) -> Iterator[OpenTuple]:
    """Every Open IE tuple of a parsed sentence or document, one per predicate and argument
    coordination."""
    seen = set()
    for extraction in chain.from_iterable(map(verb_tuples, predicates(doc))):
        key = (extraction.arg1, extraction.relation, extraction.args)
        if key not in seen:
            seen.add(key)
            yield extraction
    for appos in (t for t in doc if t.dep_ == "appos"):
        yield OpenTuple(phrase(appos.head), "is", (phrase(appos),), CONFIDENCE["apposition"])
    for owner in (t for t in doc if t.dep_ == "poss" and t.pos_ in ("PROPN", "NOUN")):
        yield OpenTuple(phrase(owner), "has", (possessed(owner.head),), POSSESSIVE_CONFIDENCE)


def predicates(doc: Doc) -> list[Token]:
    """Predicate heads in order, taken from the graph rules' candidates."""
    heads = {}
    for candidate in document_candidates(columns(doc)):
        head = candidate.relation_tokens[0]
        if head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT":
            heads[head.i] = head
    return [heads[i] for i in sorted(heads)]


def verb_tuples(verb: Token) -> Iterator[OpenTuple]:
    subjects = expand(subjects_of(verb))
    if not subjects:
        return
    objects, relation_prep = main_objects(verb)
    if not objects and any(c.dep_ == "xcomp" for c in verb.children):
        return  # "decided to release X" is read at "release"
    relation = relation_text(verb, relation_prep)
    extras = [phrase(t) for t in extra_arguments(verb, relation_prep)]
    confidence = CONFIDENCE["svo" if objects else "verb_preposition"]
    for subject in subjects:
        subject_text = phrase(subject)
        if not objects:
            # Extra phrases only, or none ('Competition is heating up'): surer with some.
            yield OpenTuple(
                subject_text, relation, tuple(extras), confidence * (0.8 if extras else 0.6)
            )
            continue
        for obj in objects:
            yield OpenTuple(subject_text, relation, (phrase(obj), *extras), confidence)


def main_objects(verb: Token) -> tuple[list[Token], Token | None]:
    """The verb's object phrases, and the preposition that joins the relation when the object is
    prepositional ('adapted to the soils')."""
    direct = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    if direct:
        return expand(direct), None
    for adjective in (c for c in verb.children if c.dep_ == "acomp"):
        preps = [p for p in adjective.children if p.dep_ == "prep"]
        objects = [g for p in preps[:1] for g in p.children if g.dep_ == "pobj"]
        # 'is available on AWS': the adjective and its preposition join the relation.
        return (expand(objects), preps[0]) if objects else ([adjective], None)
    preps = [
        c
        for c in verb.children
        if c.dep_ in ("prep", "agent") and any(g.dep_ == "pobj" for g in c.children)
    ]
    if not preps:
        return [], None
    prep = next((p for p in preps if p.dep_ == "agent"), None)
    prep = prep or next((p for p in preps if p.i > verb.i and not is_circumstance(p)), None)
    if prep is None:
        return [], None
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return expand(objects), prep


def is_circumstance(prep: Token) -> bool:
    """'in 1879', 'on Tuesday': a time or place rather than the verb's object."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return prep.lower_ in CIRCUMSTANCE_PREPS and any(
        o.ent_type_ in ("DATE", "TIME") for o in objects
    )


def extra_arguments(verb: Token, relation_prep: Token | None) -> list[Token]:
    """Prepositional and adverbial phrases of the verb beyond its object, in sentence order,
    including those before it ('In 1879, he was re-elected')."""
    return [
        c
        for c in verb.children
        if c.dep_ in EXTRA_DEPS
        and (relation_prep is None or c.i != relation_prep.i)
        and not (
            c.dep_ == "advcl"
            and (c.i < verb.i or any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children))
        )
    ]


def relation_text(verb: Token, prep: Token | None) -> str:
    """Auxiliaries, negation, adverbs between them and the verb, particles and the joining
    preposition: 'are also known as'."""
    before = [
        c
        for c in verb.lefts
        if c.dep_ in RELATION_DEPS or (c.dep_ == "advmod" and c.i > first_aux(verb))
    ]
    after = [c for c in verb.rights if c.dep_ == "prt"]
    if prep is not None:
        after += [prep] if prep.head.i == verb.i else [prep.head, prep]
    words = sorted([*before, verb, *after], key=lambda t: t.i)
    text = " ".join(t.text for t in words)
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        # 'decided to release': the governing verb is part of the relation.
        return f"{relation_text(verb.head, None)} {text}"
    return text


def possessed(noun: Token) -> str:
    """'Meta 's partnership with Microsoft' -> 'partnership with Microsoft'."""
    doc = noun.doc
    own = [
        c
        for c in noun.children
        if c.dep_ not in ("poss", "det", "case", "conj", "cc", "punct", "relcl", "appos")
    ]
    start = min([noun.i, *(c.left_edge.i for c in own if c.i < noun.i)])
    end = max([noun.i, *(c.right_edge.i for c in own if c.i > noun.i)])
    return doc[start : end + 1].text


def first_aux(verb: Token) -> int:
    auxiliaries = [c.i for c in verb.lefts if c.dep_ in ("aux", "auxpass")]
    return min(auxiliaries) if auxiliaries else verb.i


def phrase(token: Token) -> str:
    """The words a token governs, without coordinated siblings or enclosing punctuation:
    'US 258' from 'US 258 and NC 122'."""
    doc = token.doc
    if token.dep_ == "prep":
        start, end = token.left_edge.i, token.right_edge.i
    else:
        own = [c for c in token.children if c.dep_ not in CLAUSE_DEPS or c.i < token.i]
        start = min([token.i, *(c.left_edge.i for c in own)])
        end = max([token.i, *(c.right_edge.i for c in own)])
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and doc[end].is_punct:
        end -= 1
    return doc[start : end + 1].text
