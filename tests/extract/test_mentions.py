"""Named mentions: where an entity span the small model gives is really two names."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from extract.columns import columns
from extract.mentions import find_entities, split_entity


def entity(nlp, words, pos, start, end) -> Span:
    doc = Doc(nlp.vocab, words=words, pos=pos)
    return Span(doc, start, end, label="ORG")


def test_mentions_split_a_name_and_its_acronym(nlp):
    words = ["Software", "Development", "Kit", "(", "SDK", ")"]
    span = entity(nlp, words, ["PROPN", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT"], 0, 5)
    assert [p.text for p in split_entity(span)] == ["Software Development Kit", "SDK"]


def test_mentions_split_at_a_place_preposition(nlp):
    words = ["Freewinds", "in", "Bonaire"]
    span = entity(nlp, words, ["PROPN", "ADP", "PROPN"], 0, 3)
    assert [p.text for p in split_entity(span)] == ["Freewinds", "Bonaire"]


def test_mentions_keep_of_inside_a_name(nlp):
    words = ["Bank", "of", "America"]
    span = entity(nlp, words, ["PROPN", "ADP", "PROPN"], 0, 3)
    assert [p.text for p in split_entity(span)] == ["Bank of America"]


TYPES = [
    ("Microsoft released Internet Explorer 9 on Monday.", "Internet Explorer 9", "product"),
    (
        "Shares rose as the Dow Jones Industrial Average climbed.",
        "Dow Jones Industrial Average",
        "product",
    ),
    ("The UK government said it would act. Officials in the UK agreed.", "UK", "place"),
    ("Analysts praised the Zorbix browser.", "Zorbix", "product"),
    ("Shares of Quorvane Ltd. fell.", "Quorvane Ltd.", "organization"),
    ("The firm is based in Vetrenstad.", "Vetrenstad", "place"),
    ("Chief executive Anselm Quorvik resigned.", "Anselm Quorvik", "person"),
]


@pytest.mark.parametrize(("text", "name", "expected"), TYPES, ids=[t for t, _, _ in TYPES])
def test_mentions_type_from_the_evidence(nlp, text, name, expected):
    entities = find_entities(columns(nlp(text)))
    [entity] = {e for e in entities.span_entity if e.name == name}
    assert entity.type == expected
