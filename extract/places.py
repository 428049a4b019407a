"""Locations and affiliations stated inside noun phrases (issue 14).

- 'the Moscone Center in San Francisco' -> (Moscone Center, be in, San Francisco);
- 'San Francisco, California' -> (San Francisco, be in, California);
- 'Toulouse-based Airbus' -> (Airbus, based in, Toulouse); 'the Acme-owned ship Zeta' ->
  (Acme, own, Zeta);
- 'Jane Roe of Acme', 'Jane Roe from Sydney' -> (Jane Roe, of, Acme), (Jane Roe, from, Sydney);
- 'the German state of Hesse' -> (Hesse, state of, Germany).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extract.candidate import Candidate, children
from extract.descriptors import described_name, head_of_name, is_name_token, is_place_word
from extract.lexicon import (
    DESCRIPTOR_TYPES,
    FACILITY_WORDS,
    NAME_CLASS_NOUNS,
    NATIONALITIES,
    PARTITIVE_HEADS,
    PLACE_CLASS_NOUNS,
)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Things that are somewhere: a person is 'from' a place instead, a product is sold there.
LOCATED_LABELS = frozenset({"ORG", "FAC", "GPE", "LOC", "EVENT"})
# Participles after a hyphenated name, and the relation of the name to the head noun.
PARTICIPLES = {
    "based": "be based in",
    "owned": "own",
    "led": "lead",
    "backed": "back",
    "controlled": "control",
    "funded": "fund",
    "run": "run",
    "operated": "operate",
    "made": "make",
    "built": "build",
    "sponsored": "sponsor",
}
PREPOSITIONS = {"in": "be in", "near": "be near", "outside": "be outside"}
# A country's names by any of them: 'united states', 'us'. Not the adjectives: the 'Korean
# Central News Agency' is North Korea's, where the lexicon's 'korean' is South Korea.
COUNTRY_WORDS = {name.lower(): names for names in NATIONALITIES.values() for name in names}


def place_candidates(token: Token) -> Iterator[Candidate]:
    """The location rules that apply at `token` (a preposition, apposition or 'based')."""
    if token.dep_ == "prep":
        yield from name_preposition_candidates(token)
    elif token.dep_ in ("appos", "conj"):
        yield from place_pair_candidates(token)
    elif token.lower_ in PARTICIPLES and token.dep_ == "amod":
        yield from participle_candidates(token)


def country_prefix(token: Token) -> tuple[tuple[str, ...], int, int] | None:
    """'The United States National Transportation Safety Board', 'US Federal Reserve': the
    country an organization's name begins with, as its names and where its words start and
    end."""
    if token.ent_iob_ != "B" or token.ent_type_ != "ORG":
        return None
    end = entity_end(token)
    start = token.i + 1 if token.lower_ == "the" else token.i  # 'The US Senate'
    for size in (3, 2, 1):
        if start + size < end:  # a word of the organization's own must follow
            words = " ".join(t.lower_ for t in token.doc[start : start + size])
            if words in COUNTRY_WORDS:
                return COUNTRY_WORDS[words], start, start + size
    return None


def country_name_candidates(token: Token) -> Iterator[Candidate]:
    """'the United States National Transportation Safety Board' -> (the board, based in,
    United States): an organization named after its country is based there."""
    if country_prefix(token) is not None:
        organization = token.doc[entity_end(token) - 1]
        yield Candidate(organization, token, "based in", (token,), "descriptor_place")


def entity_end(token: Token) -> int:
    """Where the named-entity span that begins at `token` ends."""
    end = token.i + 1
    while end < len(token.doc) and token.doc[end].ent_iob_ == "I":
        end += 1
    return end


def name_preposition_candidates(prep: Token) -> Iterator[Candidate]:
    """A preposition hanging on a name with a name as its object."""
    name = prep.head
    instance = None
    if name.pos_ == "NOUN":
        yield from place_class_candidates(prep)
        # 'the annual Hajj pilgrimage near Mecca': the place is the named event's.
        instance = class_instance(name)
        # 'his wife Jo Roe, 36, from Sydney': the preposition hangs on the description.
        name = instance or next((a for a in children(name, "appos") if is_name_token(a)), name)
    if name.ent_type_ == "NORP" and name.dep_ == "appos":
        name = name.head  # 'Jo Roe, Republican from Texas': the person is from there
    if not is_name_token(name) or name.pos_ == "PRON" or in_measure(name):
        return
    for obj in children(prep, "pobj"):
        if not is_name_token(obj):
            continue
        if prep.lower_ in PREPOSITIONS and (is_located(name) or instance is not None):
            if obj.ent_type_ in PLACE_LABELS:
                yield Candidate(name, obj, PREPOSITIONS[prep.lower_], (prep,), "location")
                # 'Flag Base in Tampa, Florida' is in Florida too
                for larger in larger_places(obj):
                    yield Candidate(name, larger, "be in", (prep,), "location")
        elif name.ent_type_ == "PERSON" and prep.lower_ == "from" and obj.ent_type_ == "GPE":
            for person in (name, *earlier_people(prep)):
                for place in (obj, *larger_places(obj)):
                    yield Candidate(person, place, "be from", (prep,), "location")
        elif name.ent_type_ == "PERSON" and prep.lower_ in ("of", "at") and obj.ent_type_ == "ORG":
            yield Candidate(name, obj, prep.lower_, (prep,), "affiliation")
        elif name.ent_type_ == "ORG" and obj.ent_type_ == "GPE" and is_country_of(prep):
            # 'Colorado State University of the US': an 'of' after the name, not in it
            yield Candidate(name, obj, "be in", (prep,), "location")
        elif name.ent_type_ == obj.ent_type_ == "ORG" and prep.lower_ == "at":
            # 'the Energy Institute at Stanford University': a unit of the institution
            yield Candidate(name, obj, "part of", (prep,), "affiliation")


def is_country_of(prep: Token) -> bool:
    """An 'of' that places a named organization in a country ('Zorbia State University of the
    US'): outside the organization's name ('the Bank of Zorbia' names its country)."""
    return prep.lower_ == "of" and not prep.ent_type_


def earlier_people(prep: Token) -> list[Token]:
    """'Jo Roe, 42, and his wife Ann Roe, 36, from Sydney': a 'from' after the last of
    coordinated people is said of each of them, unless one has a preposition of its own."""
    last = prep.head
    if last.dep_ != "conj" or any(c.i > last.i for c in last.conjuncts):
        return []
    found = []
    for person in last.conjuncts:
        if person.i < last.i and person.ent_type_ == "PERSON" and not children(person, "prep"):
            found.append(person)  # 'Jo Roe of Leeds and Ann Lee from Oslo': each has its own
    return found


def is_located(name: Token) -> bool:
    """A name of a thing that is somewhere: an organization, a facility, a place, an event,
    or an untyped name ending in a facility word ('the Al-Noor Hotel')."""
    if name.ent_type_ in LOCATED_LABELS:
        return True
    return not name.ent_type_ and name.lower_ in FACILITY_WORDS


def place_pair_candidates(appos: Token) -> Iterator[Candidate]:
    """'Sydney, Australia': a place set off by a comma after a place is where it lies; the
    parser often makes it a conjunct ('Flint, Michigan'), which a list of places is not
    ('Paris, Rome and Oslo' has a coordinator)."""
    if is_place_pair(appos.head, appos):
        before = appos.doc[appos.left_edge.i - 1]
        yield Candidate(appos.head, appos, "be in", (before,), "location")


def is_place_pair(place: Token, appos: Token) -> bool:
    """Whether `appos` is the place `place` lies in: 'Sydney, Australia'."""
    if appos.head != place or appos.dep_ not in ("appos", "conj"):
        return False
    before = appos.doc[appos.left_edge.i - 1] if appos.left_edge.i > 0 else None
    if appos.dep_ == "conj":
        listed = children(place, "cc") or len(place.conjuncts) > 1
    else:
        listed = bool(place.conjuncts or appos.conjuncts)
    return (
        place.ent_type_ == "GPE"
        and (appos.ent_type_ == "GPE" or is_region_name(appos))
        and before is not None
        and before.text == ","
        and before.i == place.i + 1
        and not listed
    )


SET_OFF = frozenset({",", ".", ";", ")", ":"})


def is_region_name(appos: Token) -> bool:
    """'Livorno, Tuscany,': a lone proper noun set off after a place, which the small model may
    tag a person or nothing; a person's name is not apposed to a town's. Set off on both
    sides: 'back from Zorbia, Roe walked in' makes the subject after it an apposition."""
    doc = appos.doc
    after = doc[appos.i + 1].text if appos.i + 1 < len(doc) else "."
    return (
        appos.dep_ == "appos"
        and appos.pos_ == "PROPN"
        and appos.ent_type_ in ("PERSON", "")
        and appos.left_edge.i == appos.right_edge.i
        and after in SET_OFF
    )


def larger_places(place: Token) -> list[Token]:
    """The place a place lies in, set after it: 'Australia' of 'Sydney, Australia'."""
    return [c for c in children(place, "appos", "conj") if is_place_pair(place, c)]


def class_instance(noun: Token) -> Token | None:
    """The name right before a class noun that types it ('the Hajj pilgrimage', 'the
    cruise ship Zeta' has its name after): the named event or thing the noun stands for."""
    if NAME_CLASS_NOUNS.get(noun.lemma_.lower()) is None:
        return None
    for name in children(noun, "compound", "nmod"):
        if name.right_edge.i == noun.i - 1 and is_name_token(name):
            return head_of_name(name)
    return None


def participle_candidates(participle: Token) -> Iterator[Candidate]:
    """'Toulouse-based Airbus' -> (Airbus, be based in, Toulouse); 'the Acme-owned ship
    Zeta' -> (Acme, own, Zeta): the modifier of the participle is its place or its agent."""
    thing = participle.head
    if not is_name_token(thing):
        # 'Zentek, the Oslo-based maker': the description's name is beside or before it.
        named = [a for a in children(thing, "appos") if is_name_token(a)]
        if thing.dep_ == "appos" and is_name_token(thing.head):
            named.append(thing.head)
        thing = next(iter(named), None) or described_name(thing) or thing
    for modifier in children(participle, "npadvmod", "compound", "nmod"):
        if not (modifier.ent_type_ or modifier.text[:1].isupper()):
            continue  # 'state-run': no name
        modifier = head_of_name(modifier)
        if participle.lower_ == "based":
            # 'the Paris-based company': coreference may tell which company
            known = is_name_token(thing) or thing.lemma_.lower() in DESCRIPTOR_TYPES
            if known and modifier.ent_type_ in (*PLACE_LABELS, ""):
                yield Candidate(thing, modifier, "be based in", (participle,), "location")
        else:
            predicate = PARTICIPLES[participle.lower_]
            yield Candidate(modifier, thing, predicate, (participle,), "participle")


def place_class_candidates(prep: Token) -> Iterator[Candidate]:
    """'the German state of Hesse', 'the town of Yeoncheon in Korea'."""
    noun = prep.head
    if prep.lower_ != "of" or noun.lemma_.lower() not in PLACE_CLASS_NOUNS:
        return
    for obj in children(prep, "pobj"):
        if obj.ent_type_ not in PLACE_LABELS and obj.pos_ != "PROPN":
            continue
        for place in (t for t in noun.lefts if is_place_word(t) or is_place_owner(t)):
            yield Candidate(obj, head_of_name(place), f"{noun.lower_} of", (noun,), "relational")
        for inner in children(noun, "prep"):
            if inner.lower_ == "in":
                for where in children(inner, "pobj"):
                    if where.ent_type_ in PLACE_LABELS:
                        yield Candidate(obj, where, "be in", (inner,), "location")


def is_place_owner(token: Token) -> bool:
    return token.dep_ == "poss" and token.ent_type_ == "GPE"


def in_measure(name: Token) -> bool:
    """'sales of Acme in China': the place is where the sales are, not where Acme is."""
    prep = name.head
    heads = {prep.head.lemma_.lower(), prep.head.lower_}
    return name.dep_ == "pobj" and prep.lower_ == "of" and not PARTITIVE_HEADS.isdisjoint(heads)
