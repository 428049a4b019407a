"""Open IE mode: phrases as written, relations with auxiliaries and prepositions, n-ary args."""

from __future__ import annotations

import pytest

from extract.openie import open_tuples

# sentence -> (arg1, relation, args) tuples that must be read.
EXPECTED = [
    ("Llama 2 was released by Meta .", ("Llama 2", "was released by", ("Meta",))),
    (
        "They are also known as the Northern Territories in Japan .",
        ("They", "are also known as", ("the Northern Territories in Japan",)),
    ),
    (
        "Meta did not release the weights of its largest model .",
        ("Meta", "did not release", ("the weights of its largest model",)),
    ),
    (
        "The company decided to release the model in July .",
        ("The company", "decided to release", ("the model", "in July")),
    ),
    ("Llama 2 is available on Azure and AWS .", ("Llama 2", "is available on", ("AWS",))),
    (
        "Satya Nadella , the chief executive of Microsoft , spoke in Paris .",
        ("Satya Nadella", "is", ("the chief executive of Microsoft",)),
    ),
    (
        "He held the post as Attorney-General until 1834 .",
        ("He", "held", ("the post", "as Attorney-General", "until 1834")),
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), EXPECTED, ids=[s for s, _ in EXPECTED])
def test_openie_sentence_table(nlp, sentence, expected):
    found = {(t.arg1, t.relation, t.args) for t in open_tuples(nlp(sentence))}
    assert expected in found, f"read {found}"


def test_openie_confidences_are_probabilities(nlp):
    tuples = list(
        open_tuples(nlp("Meta 's partnership with Microsoft , a software maker , grew ."))
    )
    assert tuples and all(0 < t.confidence <= 1 for t in tuples)
