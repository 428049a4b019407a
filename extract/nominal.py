"""Relations carried by nouns rather than verbs.

- titles: "CEO Mark Zuckerberg of Meta", "Meta's chief scientist Jane Doe" -> (person, title, org);
- possessives between names: "Microsoft's Azure" -> (Microsoft, have, Azure);
- nominalizations: "Meta's partnership with Microsoft" -> (Meta, partner with, Microsoft),
  "the launch of Llama 2 by Meta" -> (Meta, launch, Llama 2).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extract.candidate import Candidate, children, expand
from extract.lexicon import NOMINALIZATIONS, TITLE_WORDS

NAME_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "GPE", "NORP", "FAC", "WORK_OF_ART", "EVENT"})


def nominal_candidates(token: Token) -> Iterator[Candidate]:
    """The noun rules that apply at `token`."""
    if token.dep_ in ("compound", "amod") and token.lower_ in TITLE_WORDS:
        yield from title_candidates(token)
    if token.dep_ == "poss":
        yield from possessive_candidates(token)
    if token.pos_ == "NOUN" and token.lemma_.lower() in NOMINALIZATIONS:
        yield from nominalization_candidates(token)


def is_name(token: Token) -> bool:
    return token.ent_type_ in NAME_LABELS or token.pos_ == "PROPN"


def title_candidates(title: Token) -> Iterator[Candidate]:
    """'CEO Mark Zuckerberg', 'Meta's chief scientist Jane Doe': the title words before a
    person's name, and the organization that owns the title (a possessive, or 'of'/'at')."""
    person = title.head
    while person.dep_ in ("compound", "amod") and person.head.i > person.i and not is_name(person):
        person = person.head
    if person.ent_type_ != "PERSON":
        return
    words = [t for t in person.lefts if t.dep_ in ("compound", "amod") and t.ent_type_ != "PERSON"]
    words = sorted(
        {
            w.i: w
            for t in words
            for w in t.subtree
            if w.dep_ not in ("poss", "case") and not w.is_punct
        }.values(),
        key=lambda t: t.i,
    )
    if not words or (words[-1].i != title.i and title not in words):
        return
    organizations = [o for t in (person, *words) for o in children(t, "poss") if is_name(o)]
    for prep in children(person, "prep"):
        if prep.lower_ in ("of", "at"):
            organizations += [o for o in children(prep, "pobj") if is_name(o)]
    role = " ".join(t.text if t.pos_ == "PROPN" or t.is_upper else t.lower_ for t in words)
    for organization in organizations:
        yield Candidate(person, organization, f"{role} of", tuple(words), "title")


def possessive_candidates(owner: Token) -> Iterator[Candidate]:
    """'Microsoft's Azure': a name owned by a name."""
    owned = owner.head
    if is_name(owner) and is_name(owned) and owned.ent_type_ != "PERSON" and owner.pos_ != "PRON":
        yield Candidate(
            owner,
            owned,
            "have",
            (owner.doc[owner.i + 1],) if owner.i + 1 < len(owner.doc) else (owner,),
            "possessive",
        )


def nominalization_candidates(noun: Token) -> Iterator[Candidate]:
    """'Meta's partnership with Microsoft', 'the launch of Llama 2 by Meta'."""
    predicate = NOMINALIZATIONS[noun.lemma_.lower()]
    preposition = predicate.split()[-1] if len(predicate.split()) > 1 else "of"
    themes = [
        t
        for prep in children(noun, "prep")
        if prep.lower_ == preposition
        for t in children(prep, "pobj")
    ]
    agents = [t for t in children(noun, "poss") if is_name(t) or t.pos_ == "PRON"]
    # 'the launch of Llama 2 by Meta': the parser may hang 'by Meta' on the theme.
    for head in (noun, *themes):
        for prep in children(head, "prep"):
            if prep.lower_ == "by":
                agents += [t for t in children(prep, "pobj") if is_name(t)]
    for agent in expand(agents):
        for theme in expand(themes):
            yield Candidate(agent, theme, predicate, (noun,), "nominalization")
