"""Entity names, types and identity: which mentions in a document name the same entity.

Rules, in the order they apply (each one a reader can check; `kg entities` shows which one
merged a name):
1. Mentions with the same key are one entity. The key ignores case, spacing, punctuation, a
   possessive 's, a leading "the", a courtesy title ("Mr", "Dr"), trailing company designators
   ("Inc.", "Corp.") and the plural of a model ("A330s"): "Meta Platforms", "META", "Meta's"
   and "meta" share the key `meta`; "UK" and "Britain" name one country.
2. A stock ticker or an acronym in parentheses after a name ("Internet Explorer (IE)") is that
   name.
3. A short form stands for the one full name it fits (extract.aliases): a one-word last or
   first name of a person named in full ("Mr Smith" after "John Smith"); the beginning or the
   end of a longer name ("Dow" of "Dow Jones Industrial Average", "Chrome" of "Google
   Chrome"), a beginning only once the name was given in full (when the caller says which
   mentions are in headlines); an acronym of a name's initials ("FCA" of "Financial Conduct
   Authority"). A place or nationality never stands for a longer name it begins ("UK
   Financial Conduct Authority"), a name that joins two names ("Siemens and Bosch") for
   neither, a name is no version of itself ("Air France Flight 447") and a product's first
   words are its maker or its line.
4. A post written alone as a name ("the President", "the Prime Minister") is the one person
   the text named with that post before their name ("President Jo Roe").
5. The type is the majority of the mentions' types; spaCy's small model often tags a lone
   company name as a person, so a one-word person tag that never comes with a full name
   counts half.
Across documents, extract.known_entities resolves a new document's short names to the entities
a graph already holds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from extract.aliases import (
    Name,
    NameIndex,
    earliest_with_acronyms,
    first_positions,
    follows,
)
from extract.known_entities import UNNAMED_TYPES, KnownEntities, resolve_extraction
from extract.names import (
    COMPANY_DESIGNATORS,
    entity_key,
    identifying_words,
    is_acronym,
    name_words,
    spelling_key,
    titled,
)
from extract.triple import ENTITY_TYPES

__all__ = [
    "COMPANY_DESIGNATORS",
    "Clustering",
    "KnownEntities",
    "cluster_names",
    "entity_key",
    "is_acronym",
    "name_words",
    "resolve_extraction",
]

NER_TYPES = {
    "ORG": "organization",
    "PERSON": "person",
    "PRODUCT": "product",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "EVENT": "event",
    "WORK_OF_ART": "work",
    "LAW": "law",
    "LANGUAGE": "language",
    "DATE": "date",
    "TIME": "date",
    "MONEY": "quantity",
    "PERCENT": "quantity",
    "QUANTITY": "quantity",
    "CARDINAL": "quantity",
    "ORDINAL": "quantity",
}
# Types of things with a name of their own, which can be referred to by pronouns.
NAMED_TYPES = frozenset(ENTITY_TYPES) - UNNAMED_TYPES
# Type priority when votes tie: the more specific type wins.
TYPE_PRIORITY = ENTITY_TYPES


@dataclass(frozen=True)
class Clustering:
    """Which entity each mention of a document names, and why it was merged into it."""

    index: list[int]
    reason: list[str]


SAME_KEY_REASON = "same name but for case, spacing, punctuation, title or company designator"
COUNTRY_REASON = "another name of the same country"
# Rules that hold only for a name given in full before it is shortened (aliases.follows):
# 'Vantor' before 'Vantor Music Europe' is the parent company. An ending before its full
# name is most often the small model cutting the full name's first mention ('Music Store').
ORDERED_RULES = frozenset({"beginning of"})
POST_RULE = "post of"


def cluster_names(
    names: list[tuple[str, str]],
    *,
    tickers: Mapping[int, int] | None = None,
    acronyms: Mapping[int, int] | None = None,
    headlines: Collection[int] | None = None,
    apart: Collection[tuple[int, int]] = (),
    posts: Collection[tuple[int, int]] = (),
) -> Clustering:
    """Group `(name, type)` mentions of one document into entities.

    Args:
        names: the mentions in document order.
        tickers: mention index -> index of the name it follows in parentheses as a stock
            ticker ('Meta Platforms (META)'); called an acronym when it is one.
        acronyms: mention index -> index of the name it follows in parentheses as an acronym
            ('Internet Explorer (IE)'; see `is_acronym`).
        headlines: indexes of the mentions in a headline, dateline or caption, where names
            are shortened before the text gives them in full. Without it the order of
            mentions is not used.
        apart: pairs of mentions the text tells apart ('Apple and Apple Corps'): a short form
            of the one stands for no longer name of the other.
        posts: pairs of a post alone ('the President') and a person named with that post
            before their name ('President Jo Roe'); the post is that person when all its
            pairs are.

    >>> cluster_names([("Mark Zuckerberg", "person"), ("Meta", "organization"),
    ...                ("Mr Zuckerberg", "person"), ("Meta Platforms", "organization")]).index
    [0, 1, 0, 1]
    """
    keys = [entity_key(name) for name, _ in names]
    table = document_names(names, keys)
    fixed = parenthesized(names, keys, table, tickers or {}, acronyms or {})
    first, body = first_positions(keys, headlines)
    body = earliest_with_acronyms(body, table)
    ordered = headlines is not None
    distinct: dict[str, set[str]] = defaultdict(set)
    for a, b in apart:
        distinct[keys[a]].add(keys[b])
        distinct[keys[b]].add(keys[a])
    targets = merge_targets(
        table, fixed, first=first, body=body, ordered=ordered, distinct=distinct
    )
    targets.update(post_targets(keys, table, targets, posts))
    order: dict[str, int] = {}
    index = [order.setdefault(root(targets, key), len(order)) for key in keys]
    first_name: dict[str, str] = {}
    for (name, _), key in zip(names, keys):
        first_name.setdefault(key, name)
    reason = [
        targets[key][1] if key in targets else same_key_reason(name, first_name[key])
        for (name, _), key in zip(names, keys)
    ]
    return Clustering(index, reason)


def same_key_reason(name: str, first: str) -> str:
    """Why a mention with the key of its entity's first name is that entity ('' if the same
    words)."""
    if name == first:
        return ""
    return COUNTRY_REASON if spelling_key(name) != spelling_key(first) else SAME_KEY_REASON


def document_names(names: list[tuple[str, str]], keys: list[str]) -> dict[str, Name]:
    """Each key of a document as a Name: its words, the types of its mentions, whether it is a
    person's full name; in order of first mention."""
    types: dict[str, set[str]] = defaultdict(set)
    words: dict[str, tuple[str, ...]] = {}
    titles: set[str] = set()
    broken: set[str] = set()
    for (name, type_), key in zip(names, keys):
        types[key].add(type_)
        if "(" in name or ")" in name:
            broken.add(key)
        words.setdefault(key, identifying_words(name))
        if titled(name):  # 'Ms Doe' is a person, whatever the tag
            titles.add(key)
            types[key].add("person")
    table = {}
    for key, own in words.items():
        evidence = frozenset(types[key]) - {"thing"}
        table[key] = Name(
            key=key,
            words=own,
            types=evidence,
            person="person" in evidence and len(own) > 1,
            lone_person=len(own) == 1 and evidence == {"person"} and key not in titles,
            whole=key not in broken,
        )
    return table


def parenthesized(
    names: list[tuple[str, str]],
    keys: list[str],
    table: Mapping[str, Name],
    tickers: Mapping[int, int],
    acronyms: Mapping[int, int],
) -> dict[str, tuple[str, str]]:
    """Rule 2: the names that follow another in parentheses, as merge targets with reasons."""
    fixed = {}
    for mention, owner in {**tickers, **acronyms}.items():
        if keys[mention] == keys[owner] or not table[keys[owner]].words:
            continue  # 'Meta (META)' share a key already
        if table[keys[owner]].types & {"date", "quantity"}:
            continue  # '$99 (USD)' names a currency, not the amount
        short, full = names[mention][0], names[owner][0]
        kind = "acronym" if mention in acronyms or is_acronym(short, full) else "ticker"
        fixed[keys[mention]] = (keys[owner], f"{kind} in parentheses after {full}")
    return fixed


def merge_targets(
    table: Mapping[str, Name],
    fixed: Mapping[str, tuple[str, str]],
    *,
    first: Mapping[str, int],
    body: Mapping[str, int | None],
    ordered: bool,
    distinct: Mapping[str, set[str]],
) -> dict[str, tuple[str, str]]:
    """Rule 3: for each key that stands for a longer name, the key it joins and why. Longer
    names are resolved first, so that a short form of two names that are one entity ('Dow' of
    'Dow Jones' and of 'Dow Jones Industrial Average') is not ambiguous."""
    index = NameIndex()
    for name in table.values():
        index.add(name)
    targets = dict(fixed)
    for key in sorted(table, key=lambda k: -len(table[k].words)):
        if key in targets:
            continue
        found: dict[str, tuple[str, str]] = {}
        # The closest full name first, so that the reason is the same every run.
        candidates = sorted(index.candidates(table[key]), key=lambda c: (len(c[0].words), c[0].key))
        for full, rule in candidates:
            if (
                root(targets, full.key) == key
                or full.key in distinct.get(key, ())
                or (ordered and rule in ORDERED_RULES and not follows(body[key], first[full.key]))
            ):
                continue  # itself already ('Meta (META)' by a ticker), told apart, or too early
            found.setdefault(root(targets, full.key), (full.key, rule))
        if len(found) > 1 and ordered:
            found = given_before(found, body[key], first)
        if len(found) == 1:
            target, rule = next(iter(found.values()))
            targets[key] = (target, f"{rule} {' '.join(table[target].words)}")
    return targets


def post_targets(
    keys: list[str],
    table: Mapping[str, Name],
    targets: Mapping[str, tuple[str, str]],
    posts: Collection[tuple[int, int]],
) -> dict[str, tuple[str, str]]:
    """Rule 4: a post alone ('the Secretary') joins the one person its mentions follow named
    with it ('Secretary Cardona'); it stays an entity of its own when they follow two."""
    holders: dict[str, set[str]] = defaultdict(set)
    for mention, holder in posts:
        holders[keys[mention]].add(root(targets, keys[holder]))
    return {
        key: (holder, f"{POST_RULE} {' '.join(table[holder].words)}")
        for key, (holder, *others) in ((k, sorted(h)) for k, h in holders.items())
        if not others and key not in targets and holder != key
    }


def given_before(
    found: dict[str, tuple[str, str]], short_first: int | None, first: Mapping[str, int]
) -> dict[str, tuple[str, str]]:
    """Of the full names a short form may stand for, those the text gave before it: 'Ahmed
    Mohamed ... Mohamed received support ... His father Mohamed El-Hassan Mohamed': the
    'Mohamed' used before the father is named is the boy. All of them when none or all were."""
    earlier = {k: v for k, v in found.items() if follows(short_first, first[v[0]])}
    return earlier or found


def root(targets: Mapping[str, tuple[str, str]], key: str) -> str:
    """The key a chain of merges ends at."""
    seen = {key}
    while key in targets and targets[key][0] not in seen:
        key = targets[key][0]
        seen.add(key)
    return key
