"""What the text says a name is, beyond the mention at hand: a class noun compounded with the
said one ('a cocktail drink called Zeta'), and the class a repeat of the name is compounded
with where the tagger left it untagged ('the Zeta organization'); and a description its
participle defines ('the organization founded by Zeta'), which points back at none; and
whether a name's tag fits a class noun, which the model weighs."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from extract.anaphora import Anaphor
from extract.coref import EntityState
from extract.description_names import label_fits, repeated_classes, said_classes
from extract.descriptions import evidence
from tests.conftest import hand_parse, referent

# text, the description's head (its last occurrence), the entity it must refer to
SAID_ELSEWHERE = [
    # 'Vantology' is tagged where it stands alone, not before 'organization'
    (
        "Jo Marsh was raised in Vantology. She quit the Vantology organization at nineteen. "
        "Her parents still work for the organization.",
        "organization",
        "Vantology",
    ),
    (
        "A bar in Oslo sells a cocktail drink called the Kilo. Guests who order the cocktail "
        "get a free snack.",
        "cocktail",
        "Kilo",
    ),
]


@pytest.mark.parametrize(
    ("text", "word", "expected"), SAID_ELSEWHERE, ids=[t for t, _, _ in SAID_ELSEWHERE]
)
def test_description_said_elsewhere_resolves(nlp, text, word, expected):
    assert referent(nlp, text, word) == expected


def test_description_repeated_classes_of_an_untagged_compound(nlp):
    # "Zeta left the Zeta organization ." : the second Zeta says what the first is
    doc = hand_parse(
        nlp,
        ["Zeta", "left", "the", "Zeta", "organization", "."],
        [1, 1, 4, 4, 1, 1],
        ["nsubj", "ROOT", "det", "compound", "dobj", "punct"],
        ["PROPN", "VERB", "DET", "PROPN", "NOUN", "PUNCT"],
        lemmas=["Zeta", "leave", "the", "Zeta", "organization", "."],
        tags=["NNP", "VBD", "DT", "NNP", "NN", "."],
    )
    assert repeated_classes(doc) == {"zeta": {"organization"}}
    assert "organization" in said_classes(doc[0:1])
    # a noun that says no class of the name is not one: 'the Zeta property' is Zeta's
    doc = hand_parse(
        nlp,
        ["Zeta", "sold", "the", "Zeta", "property", "."],
        [1, 1, 4, 4, 1, 1],
        ["nsubj", "ROOT", "det", "compound", "dobj", "punct"],
        ["PROPN", "VERB", "DET", "PROPN", "NOUN", "PUNCT"],
        lemmas=["Zeta", "sell", "the", "Zeta", "property", "."],
        tags=["NNP", "VBD", "DT", "NNP", "NN", "."],
    )
    assert repeated_classes(doc) == {}


def test_description_said_class_takes_a_compound_of_its_type(nlp):
    # "a cocktail drink called Zeta" : a cocktail and a drink (both products)
    doc = hand_parse(
        nlp,
        ["a", "cocktail", "drink", "called", "Zeta"],
        [2, 2, 2, 2, 3],
        ["det", "compound", "ROOT", "acl", "oprd"],
        ["DET", "NOUN", "NOUN", "VERB", "PROPN"],
        lemmas=["a", "cocktail", "drink", "call", "Zeta"],
        tags=["DT", "NN", "NN", "VBN", "NNP"],
    )
    assert said_classes(doc[4:5]) == {"cocktail", "drink"}
    # "the chip designer Zeta" : a designer, and not a chip (its product)
    doc = hand_parse(
        nlp,
        ["the", "chip", "designer", "Zeta"],
        [3, 2, 3, 3],
        ["det", "compound", "compound", "ROOT"],
        ["DET", "NOUN", "NOUN", "PROPN"],
        tags=["DT", "NN", "NN", "NNP"],
    )
    assert said_classes(doc[3:4]) == {"designer"}


def test_description_defined_by_a_participle_points_back_at_nothing(nlp):
    # "the organization founded by Zeta" : its participle says which one it is
    doc = hand_parse(
        nlp,
        ["the", "organization", "founded", "by", "Zeta"],
        [1, 1, 1, 2, 3],
        ["det", "ROOT", "acl", "agent", "pobj"],
        ["DET", "NOUN", "VERB", "ADP", "PROPN"],
        lemmas=["the", "organization", "found", "by", "Zeta"],
        tags=["DT", "NN", "VBN", "IN", "NNP"],
    )
    anaphor = Anaphor(doc[1], "description", frozenset({"organization", "thing"}), 0, 2)
    said = EntityState(0, frozenset({"organization"}), set(), descriptors={"organization"})
    assert evidence(anaphor, said) is None


def test_description_label_fits_the_tag_of_a_names_word(nlp):
    # "Zeta and Kilo Vance": a place tag fits 'the city', a person's does not, none says nothing
    doc = hand_parse(
        nlp,
        ["Zeta", "and", "Kilo", "Vance", "met", "Oslo"],
        [4, 0, 3, 0, 4, 4],
        ["nsubj", "cc", "compound", "conj", "ROOT", "dobj"],
        ["PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "PROPN"],
    )
    doc.ents = [Span(doc, 0, 1, label="GPE"), Span(doc, 2, 4, label="PERSON")]
    assert label_fits("city", doc[0]) is True
    assert label_fits("city", doc[3]) is False
    assert label_fits("city", doc[5]) is None
    assert label_fits("purpose", doc[0]) is None
