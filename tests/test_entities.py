"""Entity identity: keys and within-document clusters, as tables."""

from __future__ import annotations

import pytest

from extract.entities import KnownEntities, cluster_names, entity_key
from extract.triple import Entity

SAME_KEY = [
    ("Meta Platforms", "Meta"),
    ("Meta Platforms, Inc.", "meta"),
    ("Meta's", "Meta"),
    ("Open AI", "OpenAI"),
    ("Microsoft Corp.", "Microsoft"),
    ("The Walt Disney Company", "Walt Disney"),
]
DIFFERENT_KEY = [
    ("Meta", "Metal"),
    ("Apple", "Apple Music"),
    ("Group", "Inc"),
    ("Apple", "Apple Inc Music"),
]


@pytest.mark.parametrize(("a", "b"), SAME_KEY)
def test_entities_same_key(a, b):
    assert entity_key(a) == entity_key(b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT_KEY)
def test_entities_different_key(a, b):
    assert entity_key(a) != entity_key(b)


@pytest.mark.parametrize("name", ["🙂", "<>", "\u200b", ""])
def test_entities_key_for_names_without_letters(name):
    assert entity_key(name) and entity_key(name) == entity_key(name)


CLUSTERS = [
    # mentions -> cluster index per mention
    ([("Mark Zuckerberg", "person"), ("Zuckerberg", "person")], [0, 0]),
    ([("Hugging Face", "organization"), ("Hugging", "thing")], [0, 0]),
    ([("Jane Doe", "person"), ("John Doe", "person"), ("Doe", "person")], [0, 1, 2]),
    ([("Apple", "organization"), ("Microsoft", "organization")], [0, 1]),
    (
        [("Meta", "organization"), ("META", "organization"), ("Meta Platforms", "organization")],
        [0, 0, 0],
    ),
]


@pytest.mark.parametrize(("mentions", "expected"), CLUSTERS)
def test_entities_clusters(mentions, expected):
    assert cluster_names(mentions).index == expected


def test_entities_ticker_and_reasons():
    clustering = cluster_names(
        [("Alphabet Inc", "organization"), ("GOOGL", "organization"), ("Alphabet", "organization")],
        tickers={1: 0},
    )
    assert clustering.index == [0, 0, 0]
    assert clustering.reason[1] == "ticker in parentheses after Alphabet Inc"
    assert "company designator" in clustering.reason[2]


ACROSS_DOCUMENTS = [
    # known entities, a new document's entity -> the entity it resolves to
    ([("Mark Zuckerberg", "person")], ("Zuckerberg", "person"), "Mark Zuckerberg"),
    ([("Goldman Sachs", "organization")], ("Goldman", "organization"), "Goldman Sachs"),
    ([("Jane Doe", "person"), ("John Doe", "person")], ("Doe", "person"), "Doe"),  # ambiguous
    ([("Meta", "organization")], ("Meta Platforms", "organization"), "Meta Platforms"),  # same key
    ([("Apple", "organization")], ("Apple", "concept"), "Apple"),  # concepts are not resolved
]


@pytest.mark.parametrize(("known", "new", "expected"), ACROSS_DOCUMENTS)
def test_entities_resolve_across_documents(known, new, expected):
    index = KnownEntities(Entity(name, kind) for name, kind in known)
    assert index.resolve(Entity(*new))[0].name == expected
