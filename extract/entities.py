"""Entity names, types and identity: which mentions in a document name the same entity.

Rules, in the order they apply (each one a reader can check):
1. Mentions with the same key are one entity. The key ignores case, spacing, punctuation, a
   possessive 's, a leading "the" and trailing company designators ("Inc.", "Corp.",
   "Platforms"): "Meta Platforms", "META", "Meta's" and "meta" share the key `meta`.
2. A one-word mention that is the first or last name of exactly one person named in full
   ("Zuckerberg" after "Mark Zuckerberg") is that person.
3. A mention whose words begin exactly one longer name ("Hugging" and "Hugging Face") is that
   entity.
4. The type is the majority of the mentions' types; spaCy's small model often tags a lone
   company name as a person, so a one-word person tag that never comes with a full name
   counts half.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from extract.triple import ENTITY_TYPES, Entity, Extraction, Mention, Triple

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
# Types whose entities carry no name of their own: values and common-noun concepts.
UNNAMED_TYPES = frozenset({"concept", "date", "quantity"})
# Types of things with a name of their own, which can be referred to by pronouns.
NAMED_TYPES = frozenset(ENTITY_TYPES) - UNNAMED_TYPES
COMPANY_DESIGNATORS = frozenset(
    {
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "ltd",
        "limited",
        "llc",
        "plc",
        "ag",
        "sa",
        "gmbh",
        "nv",
        "holdings",
        "group",
        "platforms",
        "technologies",
    }
)
# Type priority when votes tie: the more specific type wins.
TYPE_PRIORITY = ENTITY_TYPES


def name_words(name: str) -> list[str]:
    """The words of a name that identify it, without possessive, article or designators.

    >>> name_words("The Meta Platforms, Inc.'s")
    ['Meta']
    """
    text = unicodedata.normalize("NFKC", name).strip()
    for ending in ("'s", "’s", "'", "’"):
        text = text.removesuffix(ending)
    words = [w.strip(".,;:()[]\"'“”‘’") for w in text.split()]
    words = [w for w in words if w]
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    while len(words) > 1 and words[-1].casefold().rstrip(".") in COMPANY_DESIGNATORS:
        words = words[:-1]
    return words


@lru_cache(maxsize=65536)
def entity_key(name: str) -> str:
    """The identity of a name across mentions and documents.

    >>> entity_key("Open AI") == entity_key("OpenAI") == "openai"
    True
    >>> entity_key("Meta Platforms (META)") == entity_key("Meta")
    False
    """
    key = "".join(ch for ch in "".join(name_words(name)).casefold() if ch.isalnum())
    if key:
        return key
    # Names without letters or digits (emoji, symbols) still need a stable identity.
    return "x" + hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class Clustering:
    """Which entity each mention of a document names, and why it was merged into it."""

    index: list[int]
    reason: list[str]


def cluster_names(
    names: list[tuple[str, str]], *, tickers: Mapping[int, int] | None = None
) -> Clustering:
    """Group `(name, type)` mentions of one document into entities.

    Args:
        names: the mentions in document order.
        tickers: mention index -> index of the name it is the stock ticker of
            ('Meta Platforms (META)').

    >>> cluster_names([("Mark Zuckerberg", "person"), ("Meta", "organization"),
    ...                ("Zuckerberg", "person"), ("Meta Platforms", "organization")]).index
    [0, 1, 0, 1]
    """
    keys = [entity_key(name) for name, _ in names]
    words = {key: name_words(name) for (name, _), key in zip(names, keys)}
    types: dict[str, set[str]] = defaultdict(set)
    for (_, type_), key in zip(names, keys):
        types[key].add(type_)
    targets = merge_targets(words, types)
    for mention, owner in (tickers or {}).items():
        if keys[mention] != keys[owner]:  # 'Meta (META)' share a key already
            reason = f"ticker in parentheses after {names[owner][0]}"
            targets[keys[mention]] = (targets[keys[owner]][0], reason)
    order: dict[str, int] = {}
    index = [order.setdefault(targets[key][0], len(order)) for key in keys]
    first = {}
    for (name, _), key in zip(names, keys):
        first.setdefault(targets[key][0], name)
    reason = [
        targets[key][1] or ("" if name == first[targets[key][0]] else SAME_KEY_REASON)
        for (name, _), key in zip(names, keys)
    ]
    return Clustering(index, reason)


SAME_KEY_REASON = "same name but for case, spacing, punctuation or company designator"


class NameIndex:
    """Full names by their short forms (rules 2 and 3): people by last name (and, within one
    document, first name), other names by each of their beginnings."""

    def __init__(self, *, first_names: bool) -> None:
        self.first_names = first_names
        self.people: dict[str, set[str]] = defaultdict(set)
        self.beginnings: dict[tuple[str, ...], set[str]] = defaultdict(set)

    def add(self, value: str, words: list[str], *, person: bool) -> None:
        """Index the full name `words`, answering `value` when a short form matches it."""
        if person and len(words) > 1:
            for word in {words[0], words[-1]} if self.first_names else {words[-1]}:
                self.people[word].add(value)
        elif not person:
            for size in range(1, len(words)):
                self.beginnings[tuple(words[:size])].add(value)

    def match(self, words: list[str], *, person: bool) -> tuple[str, str] | None:
        """The one full name a short name stands for, and the rule that says so."""
        if person and len(words) == 1:
            people = self.people.get(words[0], set())
            if len(people) == 1:
                rule = "first or last name of" if self.first_names else "last name of"
                return next(iter(people)), rule
        names = self.beginnings.get(tuple(words), set())
        return (next(iter(names)), "beginning of") if len(names) == 1 else None


def merge_targets(
    words: Mapping[str, list[str]], types: Mapping[str, set[str]]
) -> dict[str, tuple[str, str]]:
    """For each key of a document, the key of the entity it belongs to, and why."""
    index = NameIndex(first_names=True)
    for key, own in words.items():
        index.add(key, own, person="person" in types[key])
    targets = {}
    for key, own in words.items():
        found = index.match(own, person="person" in types[key])
        targets[key] = (found[0], f"{found[1]} {' '.join(words[found[0]])}") if found else (key, "")
    return targets


class KnownEntities:
    """Entities named by earlier documents, so that a new document's short names resolve to them
    (rules 2 and 3 across documents): 'Zuckerberg' alone in a later article is Mark Zuckerberg
    when the graph knows exactly one person of that last name."""

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self.keys: set[str] = set()
        self.names = NameIndex(first_names=False)
        for entity in entities:
            self.add(entity)

    def add(self, entity: Entity) -> None:
        if entity.type not in UNNAMED_TYPES:
            self.keys.add(entity_key(entity.name))
            self.names.add(entity.name, name_words(entity.name), person=entity.type == "person")

    def resolve(self, entity: Entity) -> tuple[Entity, str]:
        """The known entity `entity` names, and why; itself and '' when none or several."""
        if entity.type in UNNAMED_TYPES or entity_key(entity.name) in self.keys:
            return entity, ""
        found = self.names.match(name_words(entity.name), person=entity.type == "person")
        if found is None:
            return entity, ""
        name, rule = found
        return Entity(name=name, type=entity.type), f"{rule} {name}, named in another document"


def resolve_extraction(extraction: Extraction, known: KnownEntities) -> Extraction:
    """Rename the entities of one document's extraction to the known entities they name, then
    add them to `known`."""
    resolved: dict[Entity, tuple[Entity, str]] = {}

    def entity_of(entity: Entity) -> Entity:
        if entity not in resolved:
            resolved[entity] = known.resolve(entity)
        return resolved[entity][0]

    def renamed_triple(triple: Triple) -> Triple:
        subject, obj = entity_of(triple.subject), entity_of(triple.object)
        speaker = triple.attributed_to and entity_of(triple.attributed_to)
        if (subject, obj, speaker) == (triple.subject, triple.object, triple.attributed_to):
            return triple  # most entities are not renamed: spare the copies
        return replace(triple, subject=subject, object=obj, attributed_to=speaker)

    def renamed_mention(mention: Mention) -> Mention:
        if mention.entity is None:
            return mention
        entity = entity_of(mention.entity)
        reason = mention.reason or resolved[mention.entity][1]
        if entity == mention.entity and reason == mention.reason:
            return mention
        return replace(mention, entity=entity, reason=reason)

    triples = tuple(renamed_triple(t) for t in extraction.triples)
    mentions = tuple(renamed_mention(m) for m in extraction.mentions)
    for entity, _ in resolved.values():
        known.add(entity)
    return replace(extraction, triples=triples, mentions=mentions)
