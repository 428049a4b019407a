"""Pronouns and definite descriptions -> the entity they refer to, within one document.

A light, explainable resolver in the tradition of Hobbs and of Lappin and Leass's salience
factors: a referring word is matched to an earlier named entity that agrees with it (person or
thing, singular or plural, the type a description's noun implies), preferring entities that
were sentence subjects, that are mentioned often, and that are near. A word with no agreeing
candidate stays unresolved, and the triples it would carry are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.symbols import NOUN, PRON
from spacy.tokens import Span, Token

from extract.columns import Columns, isin
from extract.lexicon import DESCRIPTOR_TYPES

PERSON_PRONOUNS = frozenset("he him his himself she her hers herself".split())
THING_PRONOUNS = frozenset("it its itself".split())
PLURAL_PRONOUNS = frozenset("they them their theirs themselves".split())
# Types a pronoun can refer to.
PRONOUN_TYPES = {
    **dict.fromkeys(PERSON_PRONOUNS, frozenset({"person"})),
    **dict.fromkeys(
        THING_PRONOUNS,
        frozenset({"organization", "product", "place", "event", "work", "law", "thing"}),
    ),
    **dict.fromkeys(PLURAL_PRONOUNS, frozenset({"organization", "group"})),
}
DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
# How many sentences back a pronoun, and a description, may look for its entity.
PRONOUN_WINDOW = 2
DESCRIPTION_WINDOW = 4


@dataclass(frozen=True)
class Antecedent:
    """A named mention that a later word may refer to."""

    span: Span
    cluster: int
    types: frozenset[str]


def referring_types(token: Token) -> frozenset[str] | None:
    """The entity types `token` may refer to, if it is a pronoun or definite description."""
    if token.pos_ == "PRON":
        return PRONOUN_TYPES.get(token.lower_)
    if token.pos_ != "NOUN" or token.lemma_.lower() not in DESCRIPTOR_TYPES:
        return None
    if not any(c.dep_ == "det" and c.lower_ in DETERMINERS for c in token.children):
        return None
    # 'the chief executive of Microsoft' introduces a role; it does not point back.
    if any(c.dep_ in ("prep", "compound", "poss", "appos") for c in token.children):
        return None
    described = DESCRIPTOR_TYPES[token.lemma_.lower()]
    # A proper name spaCy left untyped ('Arm') may well be what 'the company' describes.
    return frozenset({described, "thing"}) if described != "person" else frozenset({described})


def referring_tokens(cols: Columns) -> list[Token]:
    """Tokens that may be pronouns or descriptions, picked from the columns without a full pass."""
    pronouns = (cols.pos == PRON) & isin(cols.lower, cols.ids(*PRONOUN_TYPES))
    descriptions = (cols.pos == NOUN) & isin(cols.lemma, cols.ids(*DESCRIPTOR_TYPES))
    return cols.tokens(pronouns | descriptions)


def resolve_references(cols: Columns, antecedents: list[Antecedent]) -> dict[int, list[int]]:
    """Map the index of every resolvable pronoun or description to the cluster indices it may
    refer to, best first (the next one serves when the best is ruled out later: 'Nvidia agreed
    to buy the company' cannot mean that Nvidia buys itself).

    `antecedents` must be in document order.
    """
    sent_index = cols.sentence
    resolved = {}
    for token in referring_tokens(cols):
        types = referring_types(token)
        if types is None:
            continue
        window = PRONOUN_WINDOW if token.pos_ == "PRON" else DESCRIPTION_WINDOW
        ranked = ranked_antecedents(token, types, antecedents, sent_index, window=window)
        if ranked:
            resolved[token.i] = ranked
    return resolved


def ranked_antecedents(
    token: Token,
    types: frozenset[str],
    antecedents: list[Antecedent],
    sent_index: np.ndarray,
    *,
    window: int,
) -> list[int]:
    here = int(sent_index[token.i])
    seen: dict[int, int] = {}
    scored = []
    for candidate in antecedents:
        if candidate.span.end > token.i:
            break
        seen[candidate.cluster] = seen.get(candidate.cluster, 0) + 1
        distance = here - int(sent_index[candidate.span.start])
        if distance > window or not (candidate.types & types) or binds(token, candidate.span):
            continue
        score = salience(candidate.span, distance, seen[candidate.cluster])
        scored.append((score, candidate.span.start, candidate))
    ranked = sorted(scored, key=lambda s: (s[0], s[1]), reverse=True)
    return list(dict.fromkeys(candidate.cluster for _, _, candidate in ranked))


def salience(span: Span, distance: int, mentions: int) -> float:
    """Lappin and Leass's factors, simplified: recency, subjecthood, repetition."""
    subject = span.root.dep_ in ("nsubj", "nsubjpass") or span.root.head.dep_ in (
        "nsubj",
        "nsubjpass",
    )
    return -2.0 * distance + (1.5 if subject else 0.0) + 0.3 * min(mentions, 5)


def binds(token: Token, span: Span) -> bool:
    """A non-reflexive object pronoun cannot be the subject of its own verb ('Meta praised it')."""
    if token.dep_ not in ("dobj", "pobj") or token.pos_ != "PRON":
        return False
    verb = token.head if token.dep_ == "dobj" else token.head.head
    return span.root.head == verb and span.root.dep_ in ("nsubj", "nsubjpass")
