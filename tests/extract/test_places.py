"""Location rules of `extract.places` on hand-built parses (issue 14)."""

from __future__ import annotations

from tests.extract.test_nominal_rules import build, candidates


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


def test_rule_apposition_hung_on_a_noun_further_back_on_built_parse(nlp):
    doc = build(
        nlp,
        [
            ("suits", 1, "nsubj", "NOUN", "O"),
            ("grew", 1, "ROOT", "VERB", "O"),
            ("in", 1, "prep", "ADP", "O"),
            ("Ohio", 2, "pobj", "PROPN", "B-GPE"),
            (",", 1, "punct", "PUNCT", "O"),
            ("Zentek", 8, "poss", "PROPN", "B-ORG"),
            ("'s", 5, "case", "PART", "O"),
            ("home", 8, "compound", "NOUN", "O"),
            ("state", 0, "appos", "NOUN", "O"),
        ],
    )
    found = candidates(doc)
    assert ("Zentek", "based in", "Ohio") in found
    assert not any(s == "suits" and o in ("state", "Zentek") for s, _, o in found)


def test_rule_apposition_on_a_name_stays_on_it_on_built_parse(nlp):
    doc = build(
        nlp,
        [
            ("Brantel", 1, "nsubj", "PROPN", "B-ORG"),
            ("grew", 1, "ROOT", "VERB", "O"),
            ("in", 1, "prep", "ADP", "O"),
            ("Ohio", 2, "pobj", "PROPN", "B-GPE"),
            (",", 0, "punct", "PUNCT", "O"),
            ("Zentek", 7, "poss", "PROPN", "B-ORG"),
            ("'s", 5, "case", "PART", "O"),
            ("unit", 0, "appos", "NOUN", "O"),
        ],
    )
    assert ("Brantel", "unit of", "Zentek") in candidates(doc)


def test_rule_from_after_coordinated_people_on_built_parse(nlp):
    doc = build(
        nlp,
        [
            ("Roe", 6, "nsubj", "PROPN", "B-PERSON"),
            ("and", 0, "cc", "CCONJ", "O"),
            ("his", 3, "poss", "PRON", "O"),
            ("wife", 0, "conj", "NOUN", "O"),
            ("Ann", 3, "appos", "PROPN", "B-PERSON"),
            ("from", 3, "prep", "ADP", "O"),
            ("spoke", 6, "ROOT", "VERB", "O"),
            ("Oslo", 5, "pobj", "PROPN", "B-GPE"),
        ],
    )
    found = candidates(doc)
    assert ("Ann", "be from", "Oslo") in found and ("Roe", "be from", "Oslo") in found


def test_rule_organization_named_after_its_country_on_built_parse(nlp):
    doc = build(
        nlp,
        [
            ("US", 2, "compound", "PROPN", "B-ORG"),
            ("Safety", 2, "compound", "PROPN", "I-ORG"),
            ("Board", 3, "nsubj", "PROPN", "I-ORG"),
            ("grew", 3, "ROOT", "VERB", "O"),
        ],
    )
    assert ("Board", "based in", "US") in candidates(doc)


def test_rule_country_alone_is_no_organization_named_after_it_on_built_parse(nlp):
    doc = build(
        nlp,
        [
            ("US", 1, "nsubj", "PROPN", "B-ORG"),
            ("grew", 1, "ROOT", "VERB", "O"),
        ],
    )
    assert not any(p == "based in" for _, p, _ in candidates(doc))
