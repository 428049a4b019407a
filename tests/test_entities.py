"""Entity identity: keys and within-document clusters, as tables."""

from __future__ import annotations

import pytest

from extract.entities import cluster_names, entity_key

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
    assert cluster_names(mentions) == expected
