"""Facts about an entity's numbers (issue 14): 'the Nasdaq fell 3.2 percent', 'the Dow fell
344.65', 'the FTSE closed down more than 1 percent'.

The verb rules read objects and prepositions; an amount the parser attaches to a verb of
change as an adverbial noun phrase ('fell [340 points]') is read here, so that the number
of the story becomes a fact about its subject.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extract.candidate import Candidate, expand
from extract.clauses import subjects_of
from extract.columns import Columns, isin
from extract.complements import relation_span
from extract.polarity import frame_of, verb_phrase

# Verbs that say how a number moved or where it ended.
CHANGE_VERBS = frozenset(
    "rise fall drop gain lose climb jump decline increase decrease slip slide tumble plunge "
    "soar surge add shed sink dip rally close end finish grow shrink rebound recover "
    "slump plummet edge".split()
)
# Nouns of such a move: 'fared worse, with a fall of 17%', 'ended the day with a 3% gain'.
CHANGE_NOUNS = frozenset(
    "fall rise drop gain loss decline increase decrease jump slide plunge surge boost dip "
    "rally slump rebound climb".split()
)
AMOUNT_LABELS = frozenset({"PERCENT", "MONEY", "CARDINAL", "QUANTITY"})
AMOUNT_NOUNS = frozenset({"point", "points", "percent", "%", "cent", "per"})


def amount_candidates(cols: Columns) -> Iterator[Candidate]:
    """(subject, verb, amount) for every amount hanging on a verb of change."""
    mask = isin(cols.dep, cols.ids("npadvmod"))
    for amount in cols.tokens(mask):
        if not is_amount(amount):
            continue
        verb = amount.head
        if verb.lower_ in ("down", "up") and verb.head.pos_ == "VERB":
            verb = verb.head  # 'fell sharply, down 2.95%'
        elif verb.lower_ in ("down", "up") and verb.head.dep_ == "prep":
            verb = verb.head.head  # 'dropping off to down 100'
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in CHANGE_VERBS:
            continue
        yield from verb_amount(verb, amount)
    mask = isin(cols.lower, cols.ids("with")) & isin(cols.dep, cols.ids("prep"))
    for prep in cols.tokens(mask):
        yield from with_change(prep)


def with_change(prep: Token) -> Iterator[Candidate]:
    """'Acme fared worse, with a fall of 17%' -> (Acme, fare with fall of, 17%); 'with a 3
    percent boost' -> (Acme, fare with boost of, 3 percent): the move is the subject's."""
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX"):
        return
    for noun in (c for c in prep.children if c.dep_ == "pobj"):
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in CHANGE_NOUNS:
            continue
        amounts = [a for a in noun.children if a.dep_ in ("compound", "nmod") and is_amount(a)]
        for of in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            amounts += [a for a in of.children if a.dep_ == "pobj" and is_amount(a)]
        predicate = f"{verb_phrase(verb)} with {noun.lemma_.lower()} of"
        frame = frame_of(verb)
        for amount in amounts:
            for subject in expand(subjects_of(verb)):
                yield Candidate(subject, amount, predicate, (prep, noun), "amount", **frame)


def verb_amount(verb: Token, amount: Token) -> Iterator[Candidate]:
    frame = frame_of(verb)
    for subject in expand(subjects_of(verb)):
        yield Candidate(subject, amount, verb_phrase(verb), relation_span(verb), "amount", **frame)


def is_amount(token: Token) -> bool:
    """'344.65', '3.2 percent', '340 points', '$3bn'."""
    if token.ent_type_ in AMOUNT_LABELS:
        return True
    return token.lower_ in AMOUNT_NOUNS and any(c.dep_ == "nummod" for c in token.children)
