"""Roles: the role nouns of appositions, titles and 'as' phrases ('chief executive of
Microsoft', 'its main rival', 'named Mary Barra as its new chief executive'), whose
organization each names, and who holds them.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extract.candidate import children, has_lemma
from extract.clauses import is_named, is_passive, names_for
from extract.complements import RuleOutput
from extract.lexicon import (
    APPOINTING_VERBS,
    CORPORATE_TITLES,
    DESCRIPTOR_TYPES,
    ROLE_NOUNS,
    TITLE_WORDS,
)
from extract.posts import has_of_phrase, is_post, is_role_object, post_owners

# Entity labels of names that are never a role themselves ('President' has no label).
NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"})


def as_role(verb: Token) -> RuleOutput:
    """'GM named Mary Barra as its new chief executive' -> (Mary Barra, new chief executive
    of, GM); 'Jane Doe was appointed as chief scientist of Meta' -> (Jane Doe, ...); 'Haas will
    replace Segars as the head of Arm' -> (Haas, head of, Arm): the object takes the role only
    after a verb of appointing."""
    people: list[str | Token] = ["subject"]
    appointer = None
    if not is_passive(verb) and has_lemma(verb, APPOINTING_VERBS):
        # 'announced head of finance Jo Roe as its president': the name apposed to the object
        objects = [n for o in children(verb, "dobj", "oprd") for n in names_for(o) or [o]]
        people = [o for o in objects if is_named(o)]
        # 'GM named Barra as its chief': the one who appoints owns the post 'its' names.
        appointer = next((n for s in children(verb, "nsubj") for n in names_for(s) or [s]), None)
    for prep in children(verb, "prep"):
        if prep.lower_ != "as":
            continue
        for role in children(prep, "pobj"):
            if not is_role_noun(role):
                continue
            owners = list(role_objects(role))
            if not owners and role.lower_ in CORPORATE_TITLES and not has_of_phrase(role):
                # 'appointed as chief executive' (not '... of a startup'): variants finds the owner
                owners = [(role, role_words(role))]
            for owner, predicate in owners:
                if appointer is not None and owner.lower_ in ("its", "their"):
                    owner = appointer
                rule = "role" if owner is not role else "title_unowned"
                for person in people:
                    yield person, owner, predicate, (role,), rule


def is_role_noun(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return lemma in TITLE_WORDS or lemma in ROLE_NOUNS or DESCRIPTOR_TYPES.get(lemma) == "person"


def is_name_attribute(attr: Token) -> bool:
    """A proper name, not a role noun, as a copula's attribute ('the winners were Jo Roe of
    the Acme Party'): it names the one who holds no role it could be 'of'."""
    return attr.pos_ == "PROPN" and attr.ent_type_ in NAME_TYPES and not is_role_noun(attr)


def role_words(noun: Token) -> str:
    """'its new chief executive (of)' -> 'new chief executive of'; 'the Crown prosecutor'
    -> 'prosecutor of' (the owner's name is not part of the role)."""
    return " ".join([*role_name(noun), "of"])


def role_name(noun: Token) -> list[str]:
    """The words of a role without its owner's name: 'the Acme Party nominee' -> ['nominee']."""
    modifiers = [
        t
        for t in noun.lefts
        if t.dep_ in ("amod", "compound") and t.ent_type_ not in ("ORG", "GPE", "NORP")
    ]
    return [t.lower_ if t.pos_ != "PROPN" else t.text for t in (*modifiers, noun)]


def role_objects(noun: Token) -> Iterator[tuple[Token, str]]:
    """'chief executive of Microsoft' -> (Microsoft, 'chief executive of'): a role noun whose
    preposition names an organization; 'its main rival', 'Meta's chief scientist' -> the
    possessor ('Firefox, its main rival' -> Firefox is the main rival of what 'its' is); 'the
    Crown prosecutor' -> the organization named before a role noun; 'director of Housing
    Studies at Harvard' -> also Harvard."""
    # 'Spore, AOL's AIM messenger': a name before the noun makes the phrase name that thing,
    # whose owner the possessor is; it says nothing of Spore's role.
    named_inside = any(c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" for c in noun.lefts)
    for owner in children(noun, "poss"):
        if (owner.pos_ in ("PROPN", "PRON") or owner.ent_type_) and not named_inside:
            yield owner, role_words(noun)
    if is_role_noun(noun):
        for owner in children(noun, "compound"):
            if owner.ent_type_ in ("ORG", "GPE", "NORP"):
                yield owner, role_words(noun)
    words = role_name(noun)
    for prep in children(noun, "prep"):
        if prep.lower_ not in ("of", "at", "for", "with", "to"):
            continue  # 'adviser to', 'supplier to' name a relation too
        for obj in children(prep, "pobj"):
            if is_post(obj):
                # 'nominee for Governor of Zorbia' -> Zorbia: the post itself is no organization
                for owner, post in post_owners(obj):
                    yield owner, " ".join([*words, prep.lower_, post])
                continue
            if is_role_object(obj):
                yield obj, " ".join([*words, prep.lower_])
                for place in children(obj, "prep"):
                    if place.lower_ == "at":  # 'director of Housing Studies at Harvard'
                        for host in children(place, "pobj"):
                            if is_named(host):
                                yield host, " ".join([*words, "at"])


def role_holder(person: Token) -> tuple[Token, Token] | None:
    """'the general secretary of the union Unite, Tony Woodley': the parser hangs the person on
    the organization; the role noun and its preposition, when `person` is such a name."""
    owner = person.head
    if person.dep_ != "appos" or person.ent_type_ != "PERSON" or owner.dep_ != "pobj":
        return None
    prep = owner.head
    if prep.lower_ in ("of", "at") and is_role_noun(prep.head) and is_named(owner):
        return prep.head, prep
    return None
