"""Location rules of `extract.places` on hand-built parses (issue 14)."""

from __future__ import annotations

from tests.test_nominal_rules import build, candidates


def test_rule_place_pair_read_as_conjunct_on_built_parse(nlp):
    doc = build(
        nlp,
        [
            ("Portland", 3, "nsubj", "PROPN", "B-GPE"),
            (",", 0, "punct", "PUNCT", "O"),
            ("Oregon", 0, "conj", "PROPN", "B-GPE"),
            ("grew", 3, "ROOT", "VERB", "O"),
        ],
    )
    assert ("Portland", "be in", "Oregon") in candidates(doc)


def test_rule_list_of_places_is_no_place_pair_on_built_parse(nlp):
    doc = build(
        nlp,
        [
            ("Paris", 5, "nsubj", "PROPN", "B-GPE"),
            (",", 0, "punct", "PUNCT", "O"),
            ("Rome", 0, "conj", "PROPN", "B-GPE"),
            ("and", 2, "cc", "CCONJ", "O"),
            ("Oslo", 2, "conj", "PROPN", "B-GPE"),
            ("grew", 5, "ROOT", "VERB", "O"),
        ],
    )
    assert not any(p == "be in" for _, p, _ in candidates(doc))
