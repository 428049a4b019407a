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
from collections import Counter
from dataclasses import dataclass, field

from extract.triple import Entity

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
NAMED_TYPES = frozenset(
    {
        "organization",
        "person",
        "product",
        "place",
        "event",
        "work",
        "law",
        "language",
        "group",
        "thing",
    }
)
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
TYPE_PRIORITY = (
    "person",
    "organization",
    "product",
    "place",
    "event",
    "work",
    "law",
    "language",
    "group",
    "date",
    "quantity",
    "thing",
    "concept",
)


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


@dataclass
class Cluster:
    """Mentions of one entity within a document, and the votes for its type."""

    names: list[str] = field(default_factory=list)
    votes: Counter[str] = field(default_factory=Counter)

    @property
    def type(self) -> str:
        return max(self.votes, key=lambda t: (self.votes[t], -TYPE_PRIORITY.index(t)))

    @property
    def name(self) -> str:
        """The fullest name: most words, then most frequent, then first seen."""
        counts = Counter(self.names)
        best = max(self.names, key=lambda n: (len(name_words(n)), counts[n], -self.names.index(n)))
        return (
            " ".join(name_words(best))
            if best.casefold().startswith("the ")
            else best.removesuffix("'s")
        )

    @property
    def entity(self) -> Entity:
        return Entity(name=self.name, type=self.type)


def cluster_names(names: list[tuple[str, str]]) -> list[int]:
    """Group `(name, type)` mentions of one document into entities; return a cluster index per
    mention, in the order of `names`.

    >>> cluster_names([("Mark Zuckerberg", "person"), ("Meta", "organization"),
    ...                ("Zuckerberg", "person"), ("Meta Platforms", "organization")])
    [0, 1, 0, 1]
    """
    by_key: dict[str, int] = {}
    keys = [entity_key(name) for name, _ in names]
    for key in keys:
        by_key.setdefault(key, len(by_key))
    full_names = {key: name_words(name) for (name, _), key in zip(names, keys)}
    types = {key: {t for (_, t), k in zip(names, keys) if k == key} for key in by_key}
    merged = {key: _merge_target(key, full_names, types) for key in by_key}
    order: dict[str, int] = {}
    return [order.setdefault(merged[key], len(order)) for key in keys]


def _merge_target(key: str, full_names: dict[str, list[str]], types: dict[str, set[str]]) -> str:
    words = full_names[key]
    longer = {k: w for k, w in full_names.items() if len(w) > len(words)}
    if len(words) == 1 and "person" in types[key]:
        people = [
            k for k, w in longer.items() if "person" in types[k] and words[0] in (w[0], w[-1])
        ]
        if len(people) == 1:
            return people[0]
    starts = [k for k, w in longer.items() if w[: len(words)] == words and "person" not in types[k]]
    return starts[0] if len(starts) == 1 else key


def vote_types(
    mention_types: list[str], names: list[str], *, full_person_names: set[str]
) -> Counter[str]:
    """Count type votes for one cluster; lone one-word person tags count half (rule 4)."""
    votes: Counter[str] = Counter()
    for mention_type, name in zip(mention_types, names):
        lone = mention_type == "person" and len(name_words(name)) == 1
        votes[mention_type] += 0.5 if lone and not full_person_names else 1
    return votes
