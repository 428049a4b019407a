"""Relations carried by nouns rather than verbs.

- titles: "CEO Mark Zuckerberg of Meta", "Meta's chief scientist Jane Doe", "Meta spokesman
  Jo Roe", "its chief financial officer Jo Roe" -> (person, title of, org);
- possessives between names: "Microsoft's Azure", "Acme's Zeta app" -> (Microsoft, have, Azure);
- relational nouns with a possessor: "its European division, Opel" -> (Opel, European division
  of, it);
- nominalizations: "Meta's partnership with Microsoft" -> (Meta, partner with, Microsoft),
  "the launch of Llama 2 by Meta" -> (Meta, launch, Llama 2).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from spacy.attrs import HEAD
from spacy.symbols import NOUN, NUM, PROPN
from spacy.tokens import Token

from extract.candidate import Candidate, children, expand
from extract.columns import Columns, isin
from extract.descriptors import (
    EXAMPLE_PREPOSITIONS,
    apposition_candidates,
    class_noun_candidates,
    described_name,
    descriptor_candidates,
    example_candidates,
    is_adherent,
    is_owner,
    maker_candidates,
)
from extract.lexicon import (
    CORPORATE_TITLES,
    HOLDER_TITLE_WORDS,
    NATIONALITIES,
    NOMINAL_PREPOSITIONS,
    NOMINALIZATIONS,
    POST_WORDS,
    PUBLIC_POST_WORDS,
    RELATIONAL_NOUNS,
    STATE_BODY_NOUNS,
    TITLE_MODIFIERS,
)
from extract.places import PARTICIPLES, country_name_candidates, place_candidates
from extract.posts import is_post, post_candidates

# Nominalized verbs of making, whose theme's owner is the maker.
MAKING = frozenset({"develop", "launch", "release"})
NOUN_PREPOSITIONS = ("in", "near", "outside", "from", "of", "at", "among")
NAME_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "GPE", "NORP", "FAC", "WORK_OF_ART", "EVENT"})


def nominal_mask(cols: Columns) -> np.ndarray:
    """The tokens where the noun-phrase rules of this module and its helpers may apply, beyond
    those `relations.document_candidates` selects already (appositions, possessives, titles)."""
    before_name = np.zeros(len(cols.pos), dtype=bool)
    before_name[:-1] = cols.pos[1:] == PROPN
    after_name = np.zeros(len(cols.pos), dtype=bool)
    after_name[1:] = (cols.pos[:-1] == PROPN) | (cols.pos[:-1] == NUM)  # 'the Boeing 787 jet'
    mask = (cols.pos == NOUN) & (before_name | after_name)
    # 'Scientologist Tom Cruise': an untyped proper noun before a name (see is_adherent)
    mask |= (cols.pos == PROPN) & before_name  # 'Scientologist Tom Cruise', 'Airbus A330'
    # A preposition on a noun or a name ('the Center in Oslo'), or 'among' on a copula.
    offsets = cols.doc.to_array([HEAD]).astype(np.int64)
    head_pos = cols.pos[np.arange(len(cols.pos)) + offsets]
    on_noun = (head_pos == NOUN) | (head_pos == PROPN) | (cols.lower == cols.ids("among")[0])
    prep = (cols.dep == cols.ids("prep")[0]) & on_noun
    mask |= prep & isin(cols.lower, cols.ids(*NOUN_PREPOSITIONS, *EXAMPLE_PREPOSITIONS))
    # 'Flint, Michigan' read as a coordination: a place pair (see `places.place_pair_candidates`)
    mask |= (cols.dep == cols.ids("conj")[0]) & (cols.pos == PROPN)
    mask |= cols.dep == cols.ids("case")[0]  # an owner the parser made a conjunct
    mask |= cols.ent_iob == 3  # an entity's first word: 'United States National ... Board'
    return mask | ((cols.dep == cols.ids("amod")[0]) & isin(cols.lower, cols.ids(*PARTICIPLES)))


def nominal_candidates(token: Token) -> Iterator[Candidate]:
    """The noun rules that apply at `token`."""
    if token.dep_ in ("compound", "amod") and token.lower_ in HOLDER_TITLE_WORDS:
        yield from title_candidates(token)
    if token.dep_ == "poss":
        yield from possessive_candidates(token)
    if token.dep_ == "case" and token.head.dep_ not in ("poss", "case"):
        yield from misplaced_possessive(token)
    if token.pos_ == "NOUN" and token.lemma_.lower() in NOMINALIZATIONS:
        yield from nominalization_candidates(token)
    if token.dep_ == "appos":
        yield from apposition_candidates(token)
    if token.pos_ == "NOUN" or is_adherent(token):
        yield from descriptor_candidates(token)
        if token.i and token.doc[token.i - 1].pos_ in ("PROPN", "NUM"):
            yield from class_noun_candidates(token)
    if token.ent_type_ == "ORG":
        yield from maker_candidates(token)
    if token.dep_ in ("prep", "appos", "amod", "conj"):
        yield from place_candidates(token)
    if token.dep_ == "prep" and token.lower_ == "of" and is_post(token.head):
        yield from post_candidates(token.head)
    if token.ent_iob_ == "B" and token.ent_type_ == "ORG":
        yield from country_name_candidates(token)
    if token.pos_ == "NOUN" and token.lemma_.lower() in STATE_BODY_NOUNS:
        yield from state_body_candidates(token)
    if token.dep_ == "prep" and token.lower_ in EXAMPLE_PREPOSITIONS:
        yield from example_candidates(token)
    if token.lower_ == "among" and token.dep_ == "prep":
        yield from among_candidates(token)


def is_name(token: Token) -> bool:
    return token.ent_type_ in NAME_LABELS or token.pos_ == "PROPN"


def title_candidates(title: Token) -> Iterator[Candidate]:
    """'CEO Mark Zuckerberg', 'Meta's chief scientist Jane Doe', 'Meta spokesman Jo Roe': the
    title words before a person's name, and the organization that owns the title (a name among
    the title words, a possessor, or 'of'/'at'); 'German economy minister' names a country."""
    person = title.head
    while person.dep_ in ("compound", "amod") and person.head.i > person.i and not is_name(person):
        person = person.head
    phrase = [t for t in person.lefts if t.dep_ in ("compound", "amod")]
    if person.ent_type_ != "PERSON" and person.pos_ == "NOUN":
        # 'its chief financial officer Jo Roe' parsed as two subjects: the title is a sibling.
        phrase, person = [person], described_name(person)
    if person is None or person.ent_type_ != "PERSON":
        return
    words = sorted(
        {
            w.i: w
            for t in phrase
            if t.ent_type_ != "PERSON"
            for w in t.subtree
            if w.dep_ not in ("poss", "case", "det") and not w.is_punct and w.i < person.i
        }.values(),
        key=lambda t: t.i,
    )
    named = [w for w in words if is_owner_word(w)]
    words = [w for w in words if w not in named and is_role_word(w, named)]
    if not words or (words[-1].i != title.i and title not in words):
        return
    organizations = [w for w in named if w.head not in named]
    organizations += [o for t in (person, *words) for o in children(t, "poss") if is_owner(o)]
    for prep in children(person, "prep"):
        if prep.lower_ in ("of", "at"):
            organizations += [o for o in children(prep, "pobj") if is_name(o)]
    role = " ".join(t.text if t.pos_ == "PROPN" or t.is_upper else t.lower_ for t in words)
    for organization in organizations:
        yield Candidate(person, organization, f"{role} of", tuple(words), "title")
    if not organizations and title.lower_ in CORPORATE_TITLES and not after_a_name(words):
        # 'Chief executive Jo Roe said': extract.variants looks for the organization; not when
        # a capitalized word may name it ('Zorbix co-founder Jo Roe' starting a sentence).
        yield Candidate(person, title, f"{role} of", tuple(words), "title_unowned")


def is_role_word(token: Token, owners: list[Token]) -> bool:
    """A word of the title itself: no number or date, and before the owner's name only an
    adjective or a title word ('former Acme boss', not 'thumb Acme CEO')."""
    if token.pos_ == "NUM" or token.ent_type_ in ("DATE", "TIME"):
        return False
    if owners and token.i < owners[0].i and token.pos_ != "ADJ":
        return token.lower_ in POST_WORDS
    return True


def is_owner_word(token: Token) -> bool:
    """A name among a title's words that says whose title it is: 'Airbus' in 'Airbus
    spokesman', 'German' in 'German economy minister'."""
    if token.ent_type_ in ("ORG", "GPE"):
        return True
    if token.pos_ == "PROPN" and not token.ent_type_:
        # 'Former Acme boss': NER leaves many company names untyped; 'CEO' is no owner.
        return token.lower_ not in POST_WORDS and token.lower_ not in PUBLIC_POST_WORDS
    if token.pos_ == "NOUN" and not token.is_sent_start and is_capitalized(token):
        return True  # 'said Zorbix co-founder Jo Roe': a company name the tagger took for a noun
    return token.ent_type_ == "NORP" and token.lower_ in NATIONALITIES


def after_a_name(words: list[Token]) -> bool:
    """Whether a capitalized word the tagger missed as a name is among a title's words or
    right before them: 'Zorbix co-founder Jo Roe', parsed in pieces."""
    doc, i = words[0].doc, words[0].i - 1
    while i >= words[0].sent.start and (doc[i].text == "-" or doc[i].lower_ in TITLE_MODIFIERS):
        i -= 1
    before = doc[i] if i >= words[0].sent.start else None
    named_before = (
        before is not None and before.pos_ in ("NOUN", "PROPN") and is_capitalized(before)
    )
    return named_before or any(is_capitalized(w) for w in words if w.pos_ == "NOUN")


def is_capitalized(token: Token) -> bool:
    """A capitalized word that is no word of a post: a name, or a sentence's first word."""
    return token.is_title and token.lower_ not in POST_WORDS


def possessive_candidates(owner: Token) -> Iterator[Candidate]:
    """'Microsoft's Azure': a name owned by a name."""
    owned = owner.head
    if is_post(owned):
        # 'Zorbia's Attorney General, Jo Roe': a post, held by a person, not owned
        yield from post_candidates(owned)
        return
    if owned.pos_ == "NOUN" and is_owner(owner):
        yield from class_noun_possessive(owner, owned)
    elif is_name(owner) and owner.pos_ != "PRON" and is_name(owned):
        if owned.ent_type_ != "PERSON":
            yield Candidate(owner, owned, "have", relation_tokens(owner), "possessive")


def misplaced_possessive(case: Token) -> Iterator[Candidate]:
    """'rivals like RIM's BlackBerry and Microsoft's Windows Mobile', 'The Church of
    Scientology's cruise ship Freewinds': the small model makes the owner a conjunct or an
    object rather than a possessor; what it owns is the name that heads the words after its
    "'s"."""
    owner = case.head
    if case.lower_ not in ("'s", "'", "’s") or not is_name(owner) or owner.pos_ == "PRON":
        return
    owned = case.doc[case.i + 1] if case.i + 1 < len(case.doc) else None
    while owned is not None and owned.dep_ in ("compound", "amod") and owned.head.i > owned.i:
        owned = owned.head  # 'cruise ship Freewinds'
    if owned is None or not is_name(owned) or owned.ent_type_ == "PERSON":
        return
    if owned.i > owner.i and owned not in owner.subtree:
        yield Candidate(owner, owned, "have", (case,), "possessive")


def class_noun_possessive(owner: Token, noun: Token) -> Iterator[Candidate]:
    """'Acme's Zeta app', 'its own Zeta browser' -> (owner, have, Zeta); 'its Paris
    headquarters' -> (owner, have headquarters in, Paris). The owner may be a pronoun."""
    names = [t for t in children(noun, "compound", "nmod") if is_name(t) and t.i > owner.i]
    if not names or names[-1].ent_type_ == "PERSON":
        return
    owned = names[-1]
    if owned.ent_type_ in ("GPE", "LOC"):
        predicate = f"have {noun.lower_} in"
        yield Candidate(owner, owned, predicate, (noun,), "possessive")
    elif not (is_personal(owner) and owned.ent_type_ == "ORG"):
        # 'its Zeta app' names the app; 'his MIT office' is his office at MIT, not MIT his
        yield Candidate(owner, owned, "have", relation_tokens(owner), "possessive")


def is_personal(owner: Token) -> bool:
    """A person as an owner: a person's name or 'his', 'her'."""
    return owner.ent_type_ == "PERSON" or owner.lower_ in ("his", "her")


def relation_tokens(owner: Token) -> tuple[Token, ...]:
    """The possessive marker after an owner, the words that say 'has'."""
    return (owner.doc[owner.i + 1],) if owner.i + 1 < len(owner.doc) else (owner,)


def nominalization_candidates(noun: Token) -> Iterator[Candidate]:
    """'Meta's partnership with Microsoft', 'the launch of Llama 2 by Meta'."""
    predicate = NOMINALIZATIONS[noun.lemma_.lower()]
    preposition = predicate.split()[-1] if len(predicate.split()) > 1 else "of"
    preposition = NOMINAL_PREPOSITIONS.get(noun.lemma_.lower(), preposition)
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
    if not agents and themes:
        # 'the SEC investigation into Acme': with a theme, a name before the noun acts.
        agents = [t for t in children(noun, "compound") if t.ent_type_ in ("ORG", "PERSON")]
    if not agents and predicate in MAKING:
        # 'the development of Microsoft's browser': who owns what is made made it.
        agents = [o for t in themes for o in children(t, "poss") if is_name(o)]
    for agent in expand(agents):
        for theme in expand(themes):
            yield Candidate(agent, theme, predicate, (noun,), "nominalization")


def state_body_candidates(noun: Token) -> Iterator[Candidate]:
    """'the UK government' -> (UK government, government of, UK): the body is an
    organization of its own (see `extract.arguments.state_body`), and the country's."""
    before = noun.doc[noun.i - 1] if noun.i else None
    if before is not None and before.dep_ == "compound" and before.head == noun:
        if before.ent_type_ in ("GPE", "NORP") and before.pos_ == "PROPN":
            yield Candidate(noun, before, f"{noun.lemma_.lower()} of", (noun,), "relational")


def among_candidates(prep: Token) -> Iterator[Candidate]:
    """'Acme is among Bolt's main competitors' -> (Acme, be among, competitors), which
    `extract.variants` reads as (Acme, is among main competitors of, Bolt). The relation
    token is the preposition, so that Open IE does not take the copula for a verb."""
    verb = prep.head
    if verb.lemma_ not in ("be", "remain") or children(verb, "attr", "acomp"):
        return
    for subject in children(verb, "nsubj"):
        for group in children(prep, "pobj"):
            # 'among the applications': a plain group is no relation to anyone.
            if group.pos_ == "NOUN" and group.lemma_.lower() in RELATIONAL_NOUNS:
                yield Candidate(subject, group, f"{verb.lemma_} among", (prep,), "copula")
