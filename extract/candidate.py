"""What every rule yields: a candidate relation whose arguments are still tokens, and the priors
of the rules that produce them."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

ARGUMENT_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})

# How often each rule's output is right: the confidence of its triples.
CONFIDENCE = {
    "svo": 0.85,
    "passive": 0.8,
    "copula": 0.75,
    "adjective_preposition": 0.75,
    "role": 0.8,
    "verb_preposition": 0.7,
    "passive_preposition": 0.65,
    "apposition": 0.6,
    "title": 0.75,
    "nominalization": 0.65,
    "possessive": 0.55,
    "relational": 0.7,
    "descriptor": 0.7,
    "descriptor_place": 0.65,
    "location": 0.7,
    "affiliation": 0.65,
    "measure": 0.65,
    "title_unowned": 0.6,
    "amount": 0.7,
    "participle": 0.7,
}


@dataclass(frozen=True)
class Candidate:
    """A relation read from the parse, its arguments still tokens."""

    subject: Token
    object: Token
    predicate: str
    relation_tokens: tuple[Token, ...]
    rule: str
    negated: bool = False
    modality: str | None = None
    speaker: Token | None = None
    # The object says what the subject is ('a company'): a concept, never a reference.
    predicative: bool = False

    @property
    def confidence(self) -> float:
        return CONFIDENCE[self.rule]


def expand(tokens: list[Token]) -> list[Token]:
    """Each token and the tokens coordinated with it: 'Azure, AWS and Hugging Face'."""
    expanded = []
    for token in tokens:
        expanded += [token, *(t for t in token.conjuncts if t.i > token.i)]
    # The small model tags some names as adjectives ('AWS'); a name is an argument whatever its tag.
    return [t for t in dict.fromkeys(expanded) if t.pos_ in ARGUMENT_POS or t.ent_type_]


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]
