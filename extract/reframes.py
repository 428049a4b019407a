"""Variants that re-read who acts on whom (issue 14): people in a country act for it ('Politicians
in Germany expressed disappointment at GM'); the subject of an investigation is its theme ('Acme
became the subject of an SEC investigation'). Used by `extract.variants.candidate_variants`,
with the tests of what an argument token stands for that both modules share.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from extract.candidate import Candidate, children
from extract.lexicon import NOMINALIZATIONS
from extract.mentions import DocumentEntities

AMOUNT_LABELS = frozenset({"PERCENT", "MONEY", "CARDINAL", "QUANTITY", "DATE", "TIME"})
# Nouns that make their subject the theme of the act after 'of'.
TARGET_NOUNS = ("subject", "target", "focus")
# Rules whose object says what the subject is: no act to re-read.
PREDICATIVE_RULES = frozenset({"apposition", "descriptor", "copula"})


def place_group_variants(candidate: Candidate, entities: DocumentEntities) -> Iterator[Candidate]:
    """'Politicians in Germany expressed disappointment at GM' -> (Germany, politicians express
    disappointment at, GM): people or things in a country act for it towards another entity
    (only then: 'investors in London bought shares' says nothing of London)."""
    noun, obj = candidate.subject, candidate.object
    if noun.pos_ != "NOUN" or is_entity(noun, entities) or not is_entity(obj, entities):
        return
    if candidate.rule in PREDICATIVE_RULES or obj.pos_ == "PRON":
        return
    for prep in children(noun, "prep"):
        if prep.lower_ != "in":
            continue
        for place in children(prep, "pobj"):
            if place.ent_type_ == "GPE" and is_entity(place, entities):
                predicate = f"{noun.lower_} {candidate.predicate}"
                yield replace(candidate, subject=place, predicate=predicate, rule="measure")


def target_variants(candidate: Candidate, entities: DocumentEntities) -> Iterator[Candidate]:
    """'Acme became the subject of an SEC investigation' -> (SEC, investigate, Acme): the
    subject is the theme of an act whose agent names it."""
    noun = candidate.object
    if noun.lemma_.lower() in TARGET_NOUNS:  # 'became the subject of an SEC investigation'
        noun = next((o for p in children(noun, "prep") for o in children(p, "pobj")), noun)
    elif not candidate.predicate.endswith(tuple(f"{t} of" for t in TARGET_NOUNS)):
        return
    verb = NOMINALIZATIONS.get(noun.lemma_.lower())
    if verb is None or not is_entity(candidate.subject, entities):
        return
    for agent in children(noun, "compound", "nmod", "poss"):
        if is_name_token(agent, entities):
            yield replace(
                candidate,
                subject=agent,
                object=candidate.subject,
                predicate=verb,
                rule="nominalization",
                predicative=False,
            )


def is_name_token(token: Token, entities: DocumentEntities) -> bool:
    """A token of a named mention that is no amount."""
    return token.i in entities.token_span and token.ent_type_ not in AMOUNT_LABELS


def is_entity(token: Token, entities: DocumentEntities) -> bool:
    """A token that names or refers to an entity; '12%' and '$3bn' are amounts, not entities."""
    if token.ent_type_ in AMOUNT_LABELS:
        return False
    return token.i in entities.token_span or token.i in entities.references
