"""Coreference: which entity a pronoun or definite description refers to, as a table."""

from __future__ import annotations

import pytest

from extract.columns import columns
from extract.mentions import find_entities

# text, the referring word (its first occurrence), the entity it must refer to
REFERENCES = [
    ("Llama 2 is a model from Meta. It is free.", "It", "Llama 2"),
    ("Meta released Llama 2. The company said it is free.", "company", "Meta"),
    ("Meta released Llama 2. The company said the model is free.", "model", "Llama 2"),
    ("Mark Zuckerberg leads Meta. He said the model is free.", "He", "Mark Zuckerberg"),
    ("Sheryl Sandberg met Mark Zuckerberg. She praised Meta.", "She", "Sheryl Sandberg"),
    ("Satya Nadella runs Microsoft. The executive praised Meta.", "executive", "Satya Nadella"),
    ("Microsoft and Google compete. The company that wins takes all.", "company", "Google"),
    ("Meta Platforms (META) rose. Its shares gained.", "Its", "Meta Platforms"),
]
# text and a referring word that must stay unresolved (no agreeing entity nearby)
UNRESOLVED = [
    ("Meta released Llama 2. She was pleased.", "She"),
    ("Satya Nadella spoke. The company was silent.", "company"),
]


def referent(nlp, text: str, word: str) -> str | None:
    doc = nlp(text)
    entities = find_entities(columns(doc))
    token = next(t for t in doc if t.text == word)
    found = entities.mention_of(token)
    return found[0].name if found else None


@pytest.mark.parametrize(
    ("text", "word", "expected"), REFERENCES, ids=[t for t, _, _ in REFERENCES]
)
def test_coref_resolves(nlp, text, word, expected):
    assert referent(nlp, text, word) == expected


@pytest.mark.parametrize(("text", "word"), UNRESOLVED, ids=[t for t, _ in UNRESOLVED])
def test_coref_leaves_unresolved(nlp, text, word):
    assert referent(nlp, text, word) is None
