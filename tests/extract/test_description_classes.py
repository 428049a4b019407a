"""What the text says a name is, beyond the mention at hand: a class noun compounded with the
said one ('a cocktail drink called Zeta'), and the class a repeat of the name is compounded
with where the tagger left it untagged ('the Zeta organization'); and a description its
participle defines ('the organization founded by Zeta'), which points back at none; and
whether a name's tag fits a class noun, which the model weighs."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from extract.anaphora import Anaphor
from extract.columns import columns
from extract.coref import EntityState
from extract.description_names import label_fits, repeated_classes, said_classes
from extract.descriptions import evidence
from extract.mentions import find_entities
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


# text, the description's head, which of its occurrences, the entity it must refer to (None:
# none): a kind of place said of a place's name anywhere in the text ('the Vellano region')
PLACE_KIND_SAID = [
    (
        "Trucks from Vellano reached Oslo on Monday. Farms across the region were flooded. "
        "Later Kim Roe, who leads the Vellano region, thanked Oslo.",
        "region",
        0,
        "Vellano",
    ),
    (
        "Kim Roe flew from Vellano to Oslo on Monday. She said the region needs help. Most "
        "people in the Vellano region are farmers.",
        "region",
        0,
        "Vellano",
    ),
    # the name said again with its kind is no description of it
    (
        "Kim Roe, who leads the Vellano region, flew to Oslo on Monday. She said the region "
        "needs help.",
        "region",
        0,
        None,
    ),
    # the city of a state's name is the one named after it
    (
        "Kim Roe met the mayor of the Texas city of Austin. The city has cold winters.",
        "city",
        1,
        None,
    ),
    (
        "Vantor opened a shop in Vellano. The Vellano region is dry. The ceremony was short.",
        "ceremony",
        0,
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "word", "occurrence", "expected"),
    PLACE_KIND_SAID,
    ids=[t for t, *_ in PLACE_KIND_SAID],
)
def test_description_place_kind_said_of_a_name(nlp, text, word, occurrence, expected):
    doc = nlp(text)
    entities = find_entities(columns(doc))
    token = [t for t in doc if t.text == word][occurrence]
    reference = entities.references.get(token.i)
    assert (
        reference.candidates[0].name if reference and reference.candidates else None
    ) == expected


def place_kind_parse(nlp, name_pos: str, tag: str, dep: str = "amod"):
    """'Aid reached the Vellano region .', the name tagged as the small model may tag it."""
    return hand_parse(
        nlp,
        ["Aid", "reached", "the", "Vellano", "region", "."],
        [1, 1, 4, 4, 1, 1],
        ["nsubj", "ROOT", "det", dep, "dobj", "punct"],
        ["NOUN", "VERB", "DET", name_pos, "NOUN", "PUNCT"],
        lemmas=["aid", "reach", "the", "Vellano", "region", "."],
        tags=["NN", "VBD", "DT", tag, "NN", "."],
    )


def test_description_repeated_place_kind_of_an_untagged_name(nlp):
    # a capitalized word the tagger took for an adjective, and a proper noun, before 'region'
    assert repeated_classes(place_kind_parse(nlp, "ADJ", "JJ")) == {"vellano": {"region"}}
    compound = place_kind_parse(nlp, "PROPN", "NNP", dep="compound")
    assert repeated_classes(compound) == {"vellano": {"region"}}
    # a nationality is no name of the region: 'the Italian region'
    doc = place_kind_parse(nlp, "ADJ", "JJ")
    doc.ents = [Span(doc, 3, 4, label="NORP")]
    assert repeated_classes(doc) == {}
    # 'the Texas city of Austin': the city is Austin, not Texas
    doc = hand_parse(
        nlp,
        ["the", "Texas", "city", "of", "Austin"],
        [2, 2, 2, 2, 3],
        ["det", "compound", "ROOT", "prep", "pobj"],
        ["DET", "PROPN", "NOUN", "ADP", "PROPN"],
        lemmas=["the", "Texas", "city", "of", "Austin"],
        tags=["DT", "NNP", "NN", "IN", "NNP"],
    )
    assert repeated_classes(doc) == {}


def test_description_of_the_name_said_again_with_its_kind(nlp):
    # 'the Vellano region' gives the name right there: no description of Vellano
    doc = place_kind_parse(nlp, "ADJ", "JJ")
    anaphor = Anaphor(doc[4], "description", frozenset({"place", "thing"}), 2, 5)
    vellano = EntityState(0, frozenset({"place"}), set(), descriptors={"region"})
    assert evidence(anaphor, vellano) is None
