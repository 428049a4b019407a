"""Named mentions: where an entity span the small model gives is really two names."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.mentions import split_entity


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
