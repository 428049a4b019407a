"""Common nouns that describe the name they stand before or beside (issue 14).

- 'French drug maker Sanofa' -> (Sanofa, be, drug maker) and (Sanofa, based in, France);
- 'France's investigative agency BEA', 'Boeing rival Airbus' -> (BEA, investigative agency
  of, France), (Airbus, rival of, Boeing): a possessor, or a name before a relational noun, is
  what the description relates the name to;
- the same set beside the name: 'Opel, its European division', 'Unite, the British union',
  'the Crown prosecutor, Mark Tedeschi'.

The small model often parses 'the US car manufacturer General Motors' as two sibling subjects
rather than a compound, so a noun right before a name with the same head and role counts too.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extract.candidate import Candidate, children, listed_names
from extract.lexicon import (
    AFFILIATION_NOUNS,
    DESCRIPTOR_TYPES,
    HOME_NOUNS,
    NATIONALITIES,
    PLACE_PART_NOUNS,
    RELATIONAL_NOUNS,
    TITLE_WORDS,
)

PLACE_LABELS = frozenset({"GPE", "LOC"})
# Endings of words for a follower of a faith, party or movement: 'Scientologist', 'Methodist'.
ADHERENT_ENDINGS = ("ist", "ian", "ite", "crat")
# Names whose class noun after them says what they are: 'the Hajj pilgrimage', 'the X jet'.
INSTANCE_LABELS = frozenset({"PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
OWNER_LABELS = frozenset({"ORG", "PERSON", "GPE"})
QUOTES = frozenset({'"', "'", "”", "’", "“"})
# Prepositions that list examples of the class noun they follow.
EXAMPLE_PREPOSITIONS = frozenset({"as", "including", "like"})
NAME_LABELS = frozenset(
    {"ORG", "PERSON", "PRODUCT", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART"}
)


def descriptor_candidates(noun: Token) -> Iterator[Candidate]:
    """The facts a descriptive noun phrase states about the name after it."""
    name = described_name(noun)
    if name is None or (noun.lower_ in TITLE_WORDS and name.ent_type_ == "PERSON"):
        return
    if noun.lower_ in PLACE_PART_NOUNS:
        return  # 'downtown Taipei', 'mainland Australia': a part of the place, no class of it
    # 'the British union Unite': the parser may hang the adjective on the name.
    before = [w for t in name.lefts if t.i < noun.left_edge.i for w in t.subtree]
    modifiers = [*before, *(t for t in noun.subtree if t.i < noun.i)]
    places = [t for t in modifiers if is_place_word(t)]
    owners = [t for t in (*children(noun, "poss"), *children(name, "poss")) if t.i < noun.i]
    if noun.lemma_.lower() in RELATIONAL_NOUNS or noun.lemma_.lower() in AFFILIATION_NOUNS:
        owners += [t for t in modifiers if t.ent_type_ in OWNER_LABELS and t not in places]
    owners = [head_of_name(t) for t in owners]
    words = [
        t
        for t in modifiers
        if t.dep_ in ("amod", "compound", "nmod", "conj", "cc")
        and not t.ent_type_
        and t.pos_ != "PROPN"
        and t.lower_ != "own"
    ]
    role = " ".join(t.lower_ for t in (*words, noun))
    listed = [c for c in name.conjuncts if c.i > name.i] if noun.tag_ == "NNS" else []
    for each in (name, *listed):  # 'carmakers Acme and Bolt': each is a carmaker
        yield Candidate(each, noun, "be", (noun,), "descriptor")
    for owner in dict.fromkeys(owners):
        yield Candidate(name, owner, f"{role} of", (noun,), "relational")
    kind = DESCRIPTOR_TYPES.get(noun.lemma_.lower(), name.ent_type_.lower())
    relation = "from" if kind == "person" else "based in"
    for place in places:
        yield Candidate(name, place, relation, (place,), "descriptor_place")


def example_candidates(prep: Token) -> Iterator[Candidate]:
    """'banks such as Acme, Bolt and Zeta', 'journals including The Review', 'rivals like
    Zeta' -> (Acme, be, bank) for each name: a class noun's listed examples are instances of
    it. Only names: 'costs such as rent' lists no instance a graph could hold."""
    noun = prep.head
    if prep.dep_ != "prep" or prep.lower_ not in EXAMPLE_PREPOSITIONS or noun.pos_ != "NOUN":
        return
    if prep.lower_ == "as" and not any(c.lower_ == "such" for c in prep.children):
        return  # 'worked as a consultant', 'the same as Zeta'
    for first in children(prep, "pobj"):
        for name in (first, *first.conjuncts):
            # 'Social Science & Medicine': a conjunct inside one name is no second example.
            inside = name is not first and name.ent_iob_ == "I" and name.ent_type_
            # 'books in languages like German': a nationality word names no instance.
            language = name.ent_type_ in ("NORP", "LANGUAGE")
            if is_name_token(name) and not inside and not language and not children(name, "case"):
                yield Candidate(head_of_name(name), noun, "be", (noun,), "descriptor")


def class_noun_candidates(noun: Token) -> Iterator[Candidate]:
    """'the Boeing 787 jet', 'the annual Hajj pilgrimage' -> (787, be, jet): a name right
    before a class noun is an instance of it, when the name's type allows ('the Obama
    administration', 'the Acme plant' name no administration or plant)."""
    names = [
        t
        for t in children(noun, "compound", "nmod")
        if t.right_edge.i == noun.i - 1 and is_name_token(t)
    ]
    if not names or noun.pos_ != "NOUN" or of_a_name(noun):
        return
    labels = {t.ent_type_ for t in names[0].subtree}
    kind = DESCRIPTOR_TYPES.get(noun.lemma_.lower())
    if labels & INSTANCE_LABELS or (kind == "product" and labels == {""}):
        yield Candidate(names[0], noun, "be", (noun,), "descriptor")


def of_a_name(noun: Token) -> bool:
    """Whether the noun is of a name after it: 'the Zeta demonstration of Gizmo' is a
    demonstration of Gizmo on Zeta, and Zeta no demonstration."""
    return any(
        is_name_token(o) for p in children(noun, "prep") if p.lower_ == "of" for o in p.children
    )


def maker_candidates(token: Token) -> Iterator[Candidate]:
    """'the Airbus A330 jetliner', 'a Zentek Z9 phone' -> (Airbus, make, A330): an
    organization's name right before a product's is mostly its maker's."""
    if token.ent_type_ != "ORG" or token.dep_ not in ("compound", "nmod"):
        return
    if head_of_name(token) is not token:
        return  # read once, at the organization's last word
    head = token.head
    products = [head] if head.ent_type_ == "PRODUCT" else []
    products += [
        c
        for c in head.lefts
        if c.i > token.i and c.ent_type_ == "PRODUCT" and c.dep_ in ("compound", "nmod")
    ]
    for product in products[:1]:
        yield Candidate(token, head_of_name(product), "make", (token,), "maker")


def described_name(noun: Token) -> Token | None:
    """The name a common noun describes: its head when it modifies a name ('carmaker
    Toyota'), or a name right after it that the parser made its sibling."""
    if (noun.pos_ != "NOUN" and not is_adherent(noun)) or noun.ent_type_:
        return None
    head = noun.head
    if noun.dep_ == "compound" and head.i > noun.i and is_name_token(head):
        # 'thumb Ford Motor Company CEO Jo Roe': another name between is no description.
        between = noun.doc[noun.i + 1 : head.i]
        if all(t.ent_type_ == head.ent_type_ and t.pos_ == "PROPN" for t in between):
            return head
        return None
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is None or not is_name_token(after):
        return None
    root = head_of_name(after)
    if root.head == head and root.dep_ == noun.dep_ and root.i != head.i:
        return root
    if root.dep_ == "appos" and root.head in noun.ancestors and noun.tag_ == "NNS":
        # 'Shares of energy companies Exxon and Chevron fell': the parser hangs the names
        # on 'Shares'; with no comma between, they are the companies.
        return root
    return None


def is_adherent(token: Token) -> bool:
    """'Scientologist Tom Cruise', 'Republican Jo Roe': a capitalized word for a follower,
    which NER leaves out of the person's name, describes the person."""
    return (
        token.pos_ == "PROPN"
        and not token.ent_type_
        and token.dep_ == "compound"
        and token.head.ent_type_ == "PERSON"
        and token.lower_.endswith(ADHERENT_ENDINGS)
    )


def is_name_token(token: Token) -> bool:
    return token.ent_type_ in NAME_LABELS or token.pos_ == "PROPN"


def head_of_name(token: Token) -> Token:
    """The last word of the name a token belongs to: 'General' -> 'Motors'."""
    while (
        token.dep_ in ("compound", "flat") and token.head.i > token.i and is_name_token(token.head)
    ):
        token = token.head
    return token


def is_place_word(token: Token) -> bool:
    """A place name or a nationality ('US', 'French') modifying a description."""
    if token.ent_type_ in PLACE_LABELS and token.dep_ in ("compound", "amod", "nmod"):
        return token.head.ent_type_ not in PLACE_LABELS
    return token.ent_type_ == "NORP" and token.lower_ in NATIONALITIES


def apposition_candidates(appos: Token) -> Iterator[Candidate]:
    """'Opel, its European division', 'Paris's father, Albert Jaquier', 'the Crown
    prosecutor, Mark Tedeschi': a name set beside a noun with a possessor (or, for a title
    or relational noun, an organization before it) stands in the noun's relation to it;
    'Unite, the British union' -> (Unite, based in, UK)."""
    if listed_names(appos) or described_before(head_of_name(appos)):
        return  # 'the FTSE, Paris' CAC and Frankfurt's DAX indices': a list, no description
    name, description = apposed_to(appos), appos
    if description.pos_ == "PROPN" and name.pos_ == "NOUN":
        name, description = description, name
    if appos.ent_type_ == "PERSON" and appos.head.ent_type_ != "PERSON":
        yield from misplaced_title_candidates(appos)
    if not is_name_token(name) or name.pos_ == "PRON" or description.pos_ != "NOUN":
        return
    named = [
        t
        for t in children(description, "compound", "nmod")
        if is_name_token(t) and not is_place_word(t)
    ]
    relational = description.lower_ in TITLE_WORDS or description.lemma_ in RELATIONAL_NOUNS
    if named and not relational:
        return  # "AOL's AIM messenger" is a named thing of its own, not a description
    owners = [o for o in children(description, "poss") if is_owner(o)]
    owners += [head_of_name(t) for t in named if not is_place_word(t)]
    words = [
        t
        for t in description.lefts
        if t.dep_ in ("amod", "compound") and not is_name_token(t) and t.lower_ != "own"
    ]
    role = " ".join(t.lower_ for t in (*words, description))
    for owner in dict.fromkeys(owners):
        yield Candidate(name, owner, f"{role} of", (description,), "relational")
        if not HOME_NOUNS.isdisjoint(t.lemma_.lower() for t in (*words, description)):
            # 'California, Acme's home state': where the owner is based.
            relation = "from" if owner.ent_type_ == "PERSON" else "based in"
            yield Candidate(owner, name, relation, (description,), "descriptor_place")
    kind = DESCRIPTOR_TYPES.get(description.lemma_.lower(), name.ent_type_.lower())
    relation = "from" if kind == "person" else "based in"
    for place in (t for t in description.lefts if is_place_word(t)):
        yield Candidate(name, head_of_name(place), relation, (place,), "descriptor_place")


def described_before(appos: Token) -> bool:
    """A name the parser set beside a noun further back though a noun right before it
    describes it ('Shares of energy companies Exxon'): no apposition of the far noun."""
    before = appos.doc[appos.left_edge.i - 1] if appos.left_edge.i else None
    return before is not None and before != appos.head and described_name(before) == appos


def apposed_to(appos: Token) -> Token:
    """What an apposition describes: its head, or the name right before its comma when the
    parser hung it on a common noun further back ('a suit was filed in California, Acme's
    home state': the state is California, not the suit; 'the site "Zeta Wiki", a spinoff of
    Acme': the spinoff is Zeta Wiki), or the name right after it when the parser set both
    beside a third ('As of noon, the main index, the Zeta 50, rose'), or the last of a list."""
    head = appos.head
    after = name_after(appos)
    if after is not None:
        return after
    if appos.tag_ not in ("NNS", "NNPS"):
        # 'Zell and Quorx, a maker of chips': a singular apposition after a list is its last
        # name's, though the parser hangs it on the first.
        while last := [c for c in head.children if c.dep_ == "conj" and c.i < appos.i]:
            head = last[-1]
    comma = appos.left_edge.i - 1
    if head.pos_ != "NOUN" or comma < 1 or appos.doc[comma].text != ",":
        return head
    before = appos.doc[comma - 1]
    if before.text in QUOTES and comma > 1:
        before = appos.doc[comma - 2]
    root = head_of_name(before)
    # 'the union Unitas, John Smith': a name inside the noun's own phrase is that noun's
    inside = head in before.ancestors and not (root.dep_ == "appos" and appos.pos_ == "NOUN")
    if is_name_token(before) and (before.ent_type_ in NAME_LABELS or root.pos_ == "PROPN"):
        if not inside:
            return root
    return head


def name_after(appos: Token) -> Token | None:
    """The name apposed to the same head right after a description's comma: 'UTC, the main
    index, the Zeta 50': the parser hangs both on the noun before them."""
    end = appos.right_edge.i
    if appos.pos_ != "NOUN" or end + 2 >= len(appos.doc) or appos.doc[end + 1].text != ",":
        return None
    for sibling in children(appos.head, "appos"):
        if sibling.pos_ == "PROPN" and sibling.left_edge.i in (end + 2, end + 3):
            return head_of_name(sibling)
    return None


def misplaced_title_candidates(person: Token) -> Iterator[Candidate]:
    """'the general secretary of the union Unite, Tony Woodley': the parser hangs the
    person on the organization; the title before it is the person's."""
    organization = person.head
    prep = organization.head
    title = prep.head
    if organization.dep_ != "pobj" or prep.lower_ not in ("of", "at") or title.pos_ != "NOUN":
        return
    if title.lower_ not in TITLE_WORDS and title.lemma_ not in RELATIONAL_NOUNS:
        return
    words = [t for t in title.lefts if t.dep_ in ("amod", "compound") and not is_name_token(t)]
    role = " ".join(t.lower_ for t in (*words, title))
    yield Candidate(person, organization, f"{role} {prep.lower_}", (title,), "title")


def is_owner(token: Token) -> bool:
    """A possessor that can own a title or a thing: a name, a pronoun or a description
    ('its', 'the company's'), which coreference resolves."""
    return is_name_token(token) or token.pos_ == "PRON" or token.lemma_.lower() in DESCRIPTOR_TYPES
