"""Short forms of names: which full name a surname, a beginning, an ending or an acronym stands
for (rules 2 to 5 of `extract.entities`).

A short form joins a full name only when exactly one full name fits it, and only when their
types agree where the small model's types are reliable: it tells places and nationalities
from the rest well, organizations, products, events and works from one another poorly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from extract.lexicon import COUNTRY_KEYS, FACILITY_WORDS, NAME_COORDINATORS, NAME_FUNCTION_WORDS
from extract.names import acronym_letters, initials, is_camel_word

PLACES = frozenset({"place", "group"})
ORGANIZATION = frozenset({"organization"})
UNNAMED = frozenset({"concept", "date", "quantity"})
# Types a one-word name may have and still be a person's last (or first) name: the small
# model tags a lone surname as an organization, a place or nothing ('Smith said').
SURNAME_TYPES = frozenset({"person", "organization", "place"})
FIRST_NAME_TYPES = frozenset({"person"})


@dataclass(frozen=True)
class Name:
    """A name of a document (or a known entity): its key, words and the types it was given."""

    key: str
    words: tuple[str, ...]
    types: frozenset[str]  # the types its mentions were tagged with, 'thing' left out
    person: bool  # named as a person in full ('Jane Doe', 'Ms Doe')
    lone_person: bool = False  # only tagged person, and by one word: no evidence of a type
    whole: bool = True  # no stray bracket ('Software Development Kit (SDK'): may be shortened


def compatible(short: Name, full: Name) -> bool:
    """Whether the types of a short form and a full name allow them to be one entity. A place
    or nationality at the edge of a longer name only qualifies it ('UK Financial Conduct
    Authority', 'Sydney Morning Herald')."""
    a = frozenset() if short.lone_person else short.types
    b = full.types
    if (a | b) & UNNAMED:
        return False
    if not b:
        return not a & PLACES
    return not a or bool(a & b) or not (a | b) & PLACES


def coordinated(words: tuple[str, ...]) -> bool:
    """'Siemens and Bosch', 'Twitter / Acme' (a credit): a name that joins two names is no
    one's full name."""
    return any(w.casefold() in NAME_COORDINATORS or w == "/" for w in words[1:-1])


@dataclass
class NameIndex:
    """Full names by the short forms that may stand for them."""

    first_names: bool = True
    endings: bool = True
    acronyms: bool = True
    surname_types: frozenset[str] = SURNAME_TYPES
    people: dict[str, set[Name]] = field(default_factory=lambda: defaultdict(set))
    firsts: dict[str, set[Name]] = field(default_factory=lambda: defaultdict(set))
    beginnings: dict[tuple[str, ...], set[Name]] = field(default_factory=lambda: defaultdict(set))
    ends: dict[tuple[str, ...], set[Name]] = field(default_factory=lambda: defaultdict(set))
    letters: dict[str, set[Name]] = field(default_factory=lambda: defaultdict(set))

    def add(self, name: Name) -> None:
        """Index a full name under each short form it may have."""
        words = name.words
        if len(words) < 2 or name.types & UNNAMED or not name.whole:
            return
        if name.person:
            self.people[words[-1]].add(name)
            self.firsts[words[0]].add(name)
            return
        if not coordinated(words):
            for size in range(1, len(words)):
                self.beginnings[words[:size]].add(name)
                self.ends[words[size:]].add(name)
        for letters in initials(" ".join(words)):
            self.letters[letters].add(name)

    def candidates(self, short: Name) -> list[tuple[Name, str]]:
        """Every full name `short` may stand for, with the rule that allows it."""
        if short.types & UNNAMED:
            return []
        found = [
            (n, "beginning of") for n in self.beginnings.get(short.words, ()) if begins(short, n)
        ]
        if self.endings:
            found += [(n, "end of") for n in self.ends.get(short.words, ()) if ends(short, n)]
        # 'US' and 'UK' are countries, not the initials of 'University of Sheffield'.
        country = short.key in COUNTRY_KEYS
        if self.acronyms and not country and (letters := acronym_letters(" ".join(short.words))):
            found += [(n, "initials of") for n in self.letters.get(letters, ()) if n != short]
        if len(short.words) == 1 and not short.types - self.surname_types:
            for n in self.people.get(short.words[0], ()):
                found.append((n, "last name of"))
            if self.first_names and not short.types - FIRST_NAME_TYPES:
                found += [(n, "first name of") for n in self.firsts.get(short.words[0], ())]
        return found


def begins(short: Name, full: Name) -> bool:
    """'Dow' for 'Dow Jones Industrial Average', but not 'Air France' for 'Air France Flight
    447': the words a number adds name a model, a version or a flight; nor 'Lumora' for the
    product 'Lumora Glide', nor 'Glide' for 'Glide Touch': a product's first words name its
    maker or its line, as a brand in camel case does ('iPhone' of 'iPhone Developer Program').
    Nor a person's full name for what is named after them: 'Jo Zell' for
    'Jo Zell Foundation'. Nor a place for a site named after it and more: 'Zorbia' for 'Zorbia
    Ridley International Airport' (see `sited`)."""
    rest = full.words[len(short.words) :]
    return (
        compatible(short, full)
        and not short.person
        and not (short.types | full.types) & {"product"}
        # 'iPhone' of 'iPhone Developer Program': a brand in camel case is a product's line
        and not is_camel_word(short.words[0])
        and not any(ch.isdigit() for w in rest for ch in w)
        and not sited(short, rest)
    )


def sited(short: Name, rest: tuple[str, ...]) -> bool:
    """Whether a place name begins a facility's name only to say where it is: 'Zorbia' of
    'Zorbia Ridley International Airport', 'Zorbia Space Center'. The facility word alone after
    it is a short form's own ('Heathrow' for 'Heathrow Airport'); a place and two or more words
    more, ending on one, is a site in that place, and both are named on their own."""
    return (
        bool(short.types)
        and short.types <= PLACES
        and len(rest) > 1
        and rest[-1].casefold() in FACILITY_WORDS
    )


def ends(short: Name, full: Name) -> bool:
    """'Chrome' for 'Google Chrome', but not 'Korea' for 'North Korea' (a bare place name is
    another place). After 'of' only an organization's name or an untyped one: 'Zentology' for
    'Church of Zentology', but not 'Justine' (a person) for 'Friends of Justine'."""
    before = full.words[-len(short.words) - 1]
    return (
        compatible(short, full)
        and not short.types & PLACES
        and (before.casefold() not in NAME_FUNCTION_WORDS or short.types <= ORGANIZATION)
    )


def follows(short_first: int | None, full_first: int) -> bool:
    """A text gives a name in full before it shortens it; a short form used first (outside a
    headline) names another entity: 'Sony' before 'Sony Music Europe'."""
    return short_first is None or short_first > full_first


def first_positions(
    keys: list[str], headlines: Collection[int] | None
) -> tuple[dict[str, int], dict[str, int | None]]:
    """Where each key is first named, and first named outside a headline (None if never)."""
    first: dict[str, int] = {}
    body: dict[str, int | None] = {}
    for n, key in enumerate(keys):
        first.setdefault(key, n)
        body.setdefault(key, None)
        if body[key] is None and (headlines is None or n not in headlines):
            body[key] = n
    return first, body


def earliest_with_acronyms(
    body: Mapping[str, int | None], table: Mapping[str, Name]
) -> dict[str, int | None]:
    """Where each name is first used outside a headline, by itself or by its acronym: 'IE6
    users' before 'the Internet Explorer 6 Countdown' uses 'Internet Explorer 6' first, so
    the longer name is another entity."""
    by_letters: dict[str, list[str]] = defaultdict(list)
    for key, name in table.items():
        if len(name.words) == 1 and (letters := acronym_letters(name.words[0])):
            by_letters[letters].append(key)
    earliest = dict(body)
    for key, name in table.items():
        if len(name.words) < 2:
            continue
        for letters in initials(" ".join(name.words)):
            used = [body[short] for short in by_letters.get(letters, ()) if body[short] is not None]
            if earliest[key] is not None:
                used.append(earliest[key])
            earliest[key] = min(used, default=None)
    return earliest
