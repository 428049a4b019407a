"""Facts about an entity's numbers (`extract.amounts`): with the real model, and on hand-built
parses."""

from __future__ import annotations

import pytest

from extract.amounts import amount_candidates
from extract.columns import columns
from tests.conftest import plain, read
from tests.extract.test_nominal_rules import build

EXPECTED = [
    ("Zentek fared worse, with a fall of 12%.", {("Zentek", "fare with fall of", "12%")}),
    (
        "The Dow, the S&P 500 and the Nasdaq indexes all fell 2 percent.",
        {("Dow", "fall", "2 percent"), ("S&P 500", "fall", "2 percent")},
    ),
    (
        "Zentek ended the day with a 3 percent boost.",
        {("Zentek", "end with boost of", "3 percent")},
    ),
]
NOT_EXPECTED = [
    # a move without a number, and a 'with' that is no move
    ("Zentek fared worse, with a fall in sales.", {("Zentek", "fare with fall of", "sales")}),
    ("Zentek grew with a partner of 12 years.", {("Zentek", "grow with partner of", "12 years")}),
]


@pytest.mark.parametrize(("sentence", "expected"), EXPECTED, ids=[s for s, _ in EXPECTED])
def test_amounts_sentence_table(nlp, sentence, expected):
    found = plain(read(sentence, nlp=nlp))
    assert expected <= found, f"missing {expected - found}; read {found}"


@pytest.mark.parametrize(("sentence", "unwanted"), NOT_EXPECTED, ids=[s for s, _ in NOT_EXPECTED])
def test_amounts_not_read(nlp, sentence, unwanted):
    assert not (plain(read(sentence, nlp=nlp)) & unwanted)


def amounts(nlp, rows) -> set[tuple[str, str, str]]:
    doc = build(nlp, rows)
    return {(c.subject.text, c.predicate, c.object.text) for c in amount_candidates(columns(doc))}


def test_rule_change_noun_after_with_on_built_parse(nlp):
    rows = [
        ("Zentek", 1, "nsubj", "PROPN", "B-ORG"),
        ("fared", 1, "ROOT", "VERB", "O"),
        ("with", 1, "prep", "ADP", "O"),
        ("a", 4, "det", "DET", "O"),
        ("fall", 2, "pobj", "NOUN", "O"),
        ("of", 4, "prep", "ADP", "O"),
        ("12", 7, "nummod", "NUM", "B-PERCENT"),
        ("%", 5, "pobj", "NOUN", "I-PERCENT"),
    ]
    assert amounts(nlp, rows) == {("Zentek", "fared with fall of", "%")}  # no lemmatizer
    rows[4] = ("partner", 2, "pobj", "NOUN", "O")  # no move: nothing about Zentek's numbers
    assert amounts(nlp, rows) == set()


def test_rule_amount_after_to_down_on_built_parse(nlp):
    rows = [
        ("Zentek", 1, "nsubj", "PROPN", "B-ORG"),
        ("fell", 1, "ROOT", "VERB", "O"),
        ("to", 1, "prep", "ADP", "O"),
        ("down", 2, "pcomp", "ADV", "O"),
        ("100", 3, "npadvmod", "NUM", "B-CARDINAL"),
    ]
    assert amounts(nlp, rows) == {("Zentek", "fall", "100")}
    rows[1] = ("waited", 1, "ROOT", "VERB", "O")  # no verb of change
    assert amounts(nlp, rows) == set()


def test_rule_list_of_names_set_beside_the_first_on_built_parse(nlp):
    # 'Alpha, Bravo and Delta indices each fell 2%', the class noun apposed to Alpha
    rows = [
        ("Alpha", 6, "nsubj", "PROPN", "B-ORG"),
        (",", 5, "punct", "PUNCT", "O"),
        ("Bravo", 5, "nmod", "PROPN", "B-ORG"),
        ("and", 2, "cc", "CCONJ", "O"),
        ("Delta", 2, "conj", "PROPN", "B-ORG"),
        ("indices", 0, "appos", "NOUN", "O"),
        ("fell", 6, "ROOT", "VERB", "O"),
        ("2", 8, "nummod", "NUM", "B-PERCENT"),
        ("%", 6, "npadvmod", "NOUN", "I-PERCENT"),
    ]
    doc = build(nlp, rows)
    doc[5].tag_ = "NNS"
    found = {(c.subject.text, c.predicate) for c in amount_candidates(columns(doc))}
    assert found == {("Alpha", "fall"), ("Bravo", "fall"), ("Delta", "fall")}


def test_rule_subjects_the_parser_split_on_built_parse(nlp):
    rows = [
        ("Alpha", 4, "nsubj", "PROPN", "B-ORG"),
        (",", 0, "punct", "PUNCT", "O"),
        ("Bravo", 4, "nsubj", "PROPN", "B-ORG"),
        ("all", 2, "appos", "PRON", "O"),
        ("fell", 4, "ROOT", "VERB", "O"),
        ("2", 6, "nummod", "NUM", "B-PERCENT"),
        ("%", 4, "npadvmod", "NOUN", "I-PERCENT"),
    ]
    found = {s for s, _, _ in amounts(nlp, rows)}
    assert found == {"Alpha", "Bravo"}
