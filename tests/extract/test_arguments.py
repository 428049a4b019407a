"""Argument tokens -> entities (`extract.arguments`) on hand-built parses."""

from __future__ import annotations

from extract.arguments import argument
from extract.columns import columns
from extract.mentions import find_entities
from tests.extract.test_nominal_rules import build


def argument_name(doc, i: int) -> str | None:
    found = argument(doc[i], find_entities(columns(doc)))
    return found[0].name if found else None


def test_rule_class_noun_after_a_product_name_stands_for_it(nlp):
    doc = build(
        nlp,
        [
            ("The", 4, "det", "DET", "O"),
            ("Zentek", 4, "nmod", "PROPN", "B-ORG"),
            ("Z9", 4, "compound", "PROPN", "B-PRODUCT"),
            ("big", 4, "amod", "ADJ", "O"),
            ("jetliner", 5, "nsubj", "NOUN", "O"),
            ("landed", 5, "ROOT", "VERB", "O"),
        ],
    )
    assert argument_name(doc, 4) == "Z9"


def test_rule_class_noun_after_an_organization_is_no_instance(nlp):
    # 'the Zentek plant' is a plant of Zentek, not Zentek
    doc = build(
        nlp,
        [
            ("The", 2, "det", "DET", "O"),
            ("Zentek", 2, "compound", "PROPN", "B-ORG"),
            ("plant", 3, "nsubj", "NOUN", "O"),
            ("closed", 3, "ROOT", "VERB", "O"),
        ],
    )
    assert argument_name(doc, 2) != "Zentek"


def test_rule_concept_keeps_the_case_of_names_inside_it(nlp):
    # 'iPhone Orbix update', not 'iphone orbix update'; the opening 'Sales' is no name
    doc = build(
        nlp,
        [
            ("Sales", 3, "nsubj", "NOUN", "O"),
            ("of", 0, "prep", "ADP", "O"),
            ("Orbix", 3, "pobj", "PROPN", "O"),
            ("rose", 3, "ROOT", "VERB", "O"),
            ("after", 3, "prep", "ADP", "O"),
            ("the", 8, "det", "DET", "O"),
            ("iPhone", 8, "compound", "NOUN", "O"),
            ("Orbix", 8, "compound", "PROPN", "O"),
            ("update", 4, "pobj", "NOUN", "O"),
        ],
    )
    assert argument_name(doc, 8) == "iPhone Orbix update"
    assert argument_name(doc, 0) == "sales"
