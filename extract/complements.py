"""Arguments whose head noun is not what the fact is about (issue 14).

'holds 12% of Acme', 'a stake in Acme', 'cut jobs at Opel': the object the parser gives is a
quantity or a relational head, and the entity sits in its complement. 'Annual sales at Acme
rose 12%': the subject is a measure of the entity. Each such candidate gets a variant whose
argument is the entity and whose relation absorbs the head and its preposition ('holds 12%
of', 'annual sales rise'); the candidate as read is kept too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from extract.candidate import Candidate, children
from extract.lexicon import PARTITIVE_HEADS, RELATIONAL_NOUNS, TITLE_WORDS
from extract.mentions import DocumentEntities

# Prepositions after an object's head that relate it to an entity: 'a deal with Magna'.
OBJECT_PREPOSITIONS = frozenset(
    "of in at with from for to on over against between among into".split()
)
# A measure of an entity is 'of', 'at' or 'in' it: 'sales at Acme', 'shares in Acme'.
MEASURE_PREPOSITIONS = frozenset({"of", "at", "in", "for"})
TIME_PREPOSITIONS = frozenset("after before during since until following amid".split())
# 'Opel, its division': the relational rules read these already ('division of').
NAMING_RULES = frozenset({"apposition", "descriptor"})
GROUP_PRONOUNS = frozenset({"them", "they", "these", "those", "us", "we"})
AMOUNT_LABELS = frozenset({"PERCENT", "MONEY", "CARDINAL", "QUANTITY", "DATE", "TIME"})
HEAD_DEPS = frozenset({"amod", "compound", "nummod", "quantmod", "nmod"})
MAX_HEAD_WORDS = 3


def candidate_variants(candidate: Candidate, entities: DocumentEntities) -> Iterator[Candidate]:
    """The candidate as read, and the variants that move an argument to an entity."""
    yield candidate
    subject = entity_in(candidate.subject, entities, measure=True)
    # 'Shares in Acme fell on Monday': a time adjunct says nothing about Acme.
    if subject is not None and candidate.object.ent_type_ not in ("DATE", "TIME"):
        token, words = subject
        # 'sales at Acme rose' -> (Acme, sales rise): the preposition joined head and entity.
        head = words.rsplit(" ", 1)[0]
        yield replace(
            candidate,
            subject=token,
            predicate=f"{head} {candidate.predicate}",
            rule="measure",
        )
    # A time adjunct ('recovered after the appointment of X') is about when, not whom: its
    # complement is read only through a partitive or relational head.
    timed = candidate.relation_tokens[-1].lower_ in TIME_PREPOSITIONS
    if candidate.rule in NAMING_RULES:
        return
    obj = entity_in(candidate.object, entities, measure=False, any_head=not timed)
    if obj is not None and obj[0] != candidate.subject:
        token, words = obj
        yield replace(candidate, object=token, predicate=f"{candidate.predicate} {words}")


def entity_in(
    noun: Token, entities: DocumentEntities, *, measure: bool, any_head: bool = False
) -> tuple[Token, str] | None:
    """The entity an argument's head is about and the words that relate them: 'stake in
    [Acme]' -> (Acme, 'stake in'); 'Acme's main rivals' -> (Acme, 'main rivals of')."""
    if is_entity(noun, entities) or noun.pos_ not in ("NOUN", "NUM"):
        return None
    lemma = noun.lemma_.lower()
    relational = lemma in RELATIONAL_NOUNS or noun.lower_ in TITLE_WORDS
    if measure and lemma not in PARTITIVE_HEADS and noun.lower_ not in PARTITIVE_HEADS:
        return None
    words = head_words(noun)
    if words is None:
        return None
    if relational or lemma in PARTITIVE_HEADS or noun.lower_ in PARTITIVE_HEADS:
        for owner in children(noun, "poss", "compound", "nmod"):
            # 'sold its shares': a pronoun owner is mostly the subject itself.
            if is_entity(owner, entities) and (relational or owner.pos_ != "PRON"):
                return owner, f"{words} of"
    if not (any_head or relational or lemma in PARTITIVE_HEADS or noun.lower_ in PARTITIVE_HEADS):
        return None
    return through_preposition(noun, words, entities, measure=measure)


def through_preposition(
    noun: Token, words: str, entities: DocumentEntities, *, measure: bool
) -> tuple[Token, str] | None:
    """'12% of [Acme]', 'the last of its shares in [the company]': follow the complement to
    the first entity, through at most one more partitive head."""
    allowed = MEASURE_PREPOSITIONS if measure else OBJECT_PREPOSITIONS
    for prep in children(noun, "prep"):
        if prep.lower_ not in allowed:
            continue
        for obj in children(prep, "pobj"):
            if obj.lower_ in GROUP_PRONOUNS:
                continue  # 'one of them' is one of a group, not of an entity
            if is_entity(obj, entities):
                return obj, f"{words} {prep.lower_}"
            inner = obj.lemma_.lower()
            if prep.lower_ == "of" and (inner in PARTITIVE_HEADS or obj.lower_ in PARTITIVE_HEADS):
                found = through_preposition(obj, obj.lower_, entities, measure=measure)
                if found is not None:
                    return found[0], f"{words} of {found[1]}"
    return None


def head_words(noun: Token) -> str | None:
    """A head and its modifiers that name no entity, as relation words: '12%', 'main
    rivals'; None when they are too many to read as a relation."""
    modifiers = [
        t
        for t in noun.lefts
        if t.dep_ in HEAD_DEPS
        and t.ent_type_ not in ("ORG", "PERSON", "GPE", "PRODUCT")
        and t.pos_ != "PROPN"
    ]
    words = [w for t in modifiers for w in t.subtree if not w.is_punct or w.text == "%"]
    words.append(noun)
    if len(words) > MAX_HEAD_WORDS:
        return None
    return " ".join(w.text if w.text == "%" else w.lower_ for w in words).replace(" %", "%")


def is_entity(token: Token, entities: DocumentEntities) -> bool:
    """A token that names or refers to an entity; '12%' and '$3bn' are amounts, not entities."""
    if token.ent_type_ in AMOUNT_LABELS:
        return False
    return token.i in entities.token_span or token.i in entities.references
