"""Rules that repair where the small model attaches a phrase (issue 14): a preposition that
belongs to the verb but hangs deep inside its object.

Each rule yields (who is the subject, object token, predicate, relation tokens, rule name) for
`extract.relations.predicate_candidates`, like the rules of `extract.complements`.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.candidate import children
from extract.clauses import is_named, is_passive
from extract.complements import RuleOutput, object_noun, prepositional_objects, relation_span
from extract.polarity import verb_phrase

# Prepositions that relate a verb's act to a party rather than say where or when it was:
# 'requested assistance for the search from Airbus' is a request from Airbus.
PARTY_PREPOSITIONS = frozenset({"from", "against", "with"})


def distant_preposition(verb: Token) -> RuleOutput:
    """'requested assistance for the search from Airbus' -> (_, request assistance from,
    Airbus): the parser hangs 'from Airbus' on 'search', two nouns below the verb."""
    noun = object_noun(verb)
    if noun is None or is_passive(verb):
        return
    for inner in children(noun, "prep"):
        for middle in children(inner, "pobj"):
            if middle.pos_ != "NOUN" or is_named(middle):
                continue
            for prep in children(middle, "prep"):
                if prep.lower_ not in PARTY_PREPOSITIONS:
                    continue
                predicate = f"{verb_phrase(verb)} {noun.lower_} {prep.lower_}"
                tokens = (*relation_span(verb), noun, prep)
                for obj in prepositional_objects(prep, names_only=True):
                    yield "subject", obj, predicate, tokens, "light_verb"
