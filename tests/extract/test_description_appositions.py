"""Descriptions said of a name in their own sentence: 'Vantor-1, the first crewed mission',
'Kilo Vance, the best-known rapper': each is its name's entity, whatever modifier defines
it; a subject after a comma is not, nor a copula's predicate."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from extract.anaphora import Anaphor
from extract.coref import EntityState
from extract.description_names import (
    apposed_name,
    described_before_comma,
    following_name,
    said_classes,
)
from extract.descriptions import evidence
from tests.conftest import hand_parse, referent

# text, the description's head (its last occurrence), the entity it must refer to
APPOSED = [
    (
        "Kilo Vance, the first great Zorbian rapper, wrote songs about the harbor.",
        "rapper",
        "Kilo Vance",
    ),
    # a name right before the description, both the subject of one verb
    (
        "Kilo Vance the person has been in the news all year, and we made a drink about it.",
        "person",
        "Kilo Vance",
    ),
    # the name after the description, named before it
    (
        "The Vantor Lottery Corporation lost the first case. Kim Roe argued for the appellant, "
        "Vantor Lottery Corporation, in May.",
        "appellant",
        "Vantor Lottery Corporation",
    ),
    # a name set after a noun phrase says what it is, wherever the parse hung it
    (
        "Kim Roe directed the fourth episode of the series, “The Long Harbor”. Critics praised "
        "the episode.",
        "episode",
        "Long Harbor",
    ),
    # of two festivals the text named, the one whose name the modifier repeats
    (
        "The first festival was called Summerfest and the second festival was called "
        "Winterfest. At the summerfest festival the crowds were large.",
        "festival",
        "Summerfest",
    ),
]
# text and a description that must stay unresolved
NOT_APPOSED = [
    # a subject after a comma is no apposition
    ("When Vantor left Oslo, the company that bought it moved in.", "company"),
    # a name after it that was not named before introduces one; names in a list are none
    ("Vantor hired ten engineers. The firm, Bolt, hired none.", "firm"),
    (
        "Kim Roe directed an episode, Bo Lind and Tor Berg wrote it. Critics praised the episode.",
        "episode",
    ),
    # the first mission alone introduces one
    ("Vantor hired ten engineers in Oslo. The first mission failed.", "mission"),
    # a name or an 'of' inside says whose it is; a copula's predicate is not asked
    ("Bo Lind, the former Vantor chairman, spoke first.", "chairman"),
    ("Bo Lind, the head of the board, spoke first.", "head"),
    ("By the way, Bo Lind was the first guy I know of to do this.", "guy"),
]


@pytest.mark.parametrize(("text", "word", "expected"), APPOSED, ids=[t for t, _, _ in APPOSED])
def test_description_apposed_resolves(nlp, text, word, expected):
    assert referent(nlp, text, word) == expected


@pytest.mark.parametrize(("text", "word"), NOT_APPOSED, ids=[t for t, _ in NOT_APPOSED])
def test_description_not_apposed_stays_unresolved(nlp, text, word):
    assert referent(nlp, text, word) is None


def test_description_apposed_name_on_hand_parses(nlp):
    # "Zeta , the first mission , failed ." : an apposition of the name
    doc = hand_parse(
        nlp,
        ["Zeta", ",", "the", "first", "mission", ",", "failed", "."],
        [6, 0, 4, 4, 0, 0, 6, 6],
        ["nsubj", "punct", "det", "amod", "appos", "punct", "ROOT", "punct"],
        ["PROPN", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT", "VERB", "PUNCT"],
    )
    assert apposed_name(doc[4]) == doc[0]
    # "flew on Zeta , the first mission ." : the parse took the apposition for an object
    doc = hand_parse(
        nlp,
        ["flew", "on", "Zeta", ",", "the", "first", "mission", "."],
        [0, 0, 1, 0, 6, 6, 0, 0],
        ["ROOT", "prep", "pobj", "punct", "det", "amod", "dobj", "punct"],
        ["VERB", "ADP", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT"],
    )
    assert apposed_name(doc[6]) == doc[2]
    # "Zeta is the first mission ." : a copula is none
    doc = hand_parse(
        nlp,
        ["Zeta", "is", "the", "first", "mission", "."],
        [1, 1, 4, 4, 1, 1],
        ["nsubj", "ROOT", "det", "amod", "attr", "punct"],
        ["PROPN", "AUX", "DET", "ADJ", "NOUN", "PUNCT"],
        lemmas=["Zeta", "be", "the", "first", "mission", "."],
    )
    assert apposed_name(doc[4]) is None
    # "In Zeta , the mission failed ." : a subject after a comma is none
    doc = hand_parse(
        nlp,
        ["In", "Zeta", ",", "the", "mission", "failed", "."],
        [5, 0, 5, 4, 5, 5, 5],
        ["prep", "pobj", "punct", "det", "nsubj", "ROOT", "punct"],
        ["ADP", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
    )
    assert apposed_name(doc[4]) is None


def test_description_said_classes_of_a_passive_naming(nlp):
    # "the first part is called Zeta ." : Zeta is a part
    doc = hand_parse(
        nlp,
        ["the", "first", "part", "is", "called", "Zeta", "."],
        [2, 2, 4, 4, 4, 4, 4],
        ["det", "amod", "nsubjpass", "auxpass", "ROOT", "oprd", "punct"],
        ["DET", "ADJ", "NOUN", "AUX", "VERB", "PROPN", "PUNCT"],
        lemmas=["the", "first", "part", "be", "call", "Zeta", "."],
        tags=["DT", "JJ", "NN", "VBZ", "VBN", "NNP", "."],
    )
    assert said_classes(doc[5:6]) == {"part"}


def test_description_said_classes_of_a_named_bar(nlp):
    # "the Zeta Lights bar opened ." : Zeta Lights is a bar
    words = ["the", "Zeta", "Lights", "bar", "opened", "."]
    heads, pos = [3, 2, 3, 4, 4, 4], ["DET", "PROPN", "PROPN", "NOUN", "VERB", "PUNCT"]
    deps = ["det", "compound", "compound", "nsubj", "ROOT", "punct"]
    tags = ["DT", "NNP", "NNPS", "NN", "VBD", "."]
    doc = hand_parse(nlp, words, heads, deps, pos, tags=tags)
    assert said_classes(doc[1:3]) == {"bar"}
    # a person's name before it is its owner's
    doc = hand_parse(nlp, words, heads, deps, pos, tags=tags)
    doc.ents = [Span(doc, 1, 3, label="PERSON")]
    assert said_classes(doc[1:3]) == set()


def test_description_of_no_class_needs_its_name_beside_it(nlp):
    # 'the orbiter' of 'Zeta Orbiter', 'the fungus' of a species said to be one: a noun of no
    # class gives no evidence; 'the zeta part' of a part called Zeta does
    doc = hand_parse(
        nlp,
        ["the", "orbiter", "and", "the", "zeta", "part"],
        [1, 1, 1, 5, 5, 1],
        ["det", "ROOT", "cc", "det", "compound", "conj"],
        ["DET", "NOUN", "CCONJ", "DET", "NOUN", "NOUN"],
        tags=["DT", "NN", "CC", "DT", "NN", "NN"],
    )
    orbiter = Anaphor(doc[1], "description", frozenset({"product", "thing"}), 0, 2)
    part = Anaphor(doc[5], "description", frozenset({"product", "thing"}), 3, 6)
    named = EntityState(0, frozenset({"product"}), set(), words={"orbiter"})
    said = EntityState(1, frozenset({"work"}), set(), descriptors={"part"}, name_words={"zeta"})
    assert evidence(orbiter, named) is None
    assert evidence(part, said) == "said"


def test_description_name_after_it_says_which(nlp):
    # "for the appellant , Zeta Lotteries , spoke" : the name after, in commas
    doc = hand_parse(
        nlp,
        ["for", "the", "appellant", ",", "Zeta", "Lotteries", ",", "Roe", "spoke"],
        [8, 2, 0, 2, 5, 2, 2, 8, 8],
        ["prep", "det", "pobj", "punct", "compound", "appos", "punct", "nsubj", "ROOT"],
        ["ADP", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "PROPN", "VERB"],
    )
    assert following_name(doc[2]).text == "Zeta Lotteries"
    appellant = Anaphor(doc[2], "description", frozenset({"person"}), 1, 3)
    named = EntityState(0, frozenset({"organization"}), set(), name_words={"zeta", "lotteries"})
    other = EntityState(1, frozenset({"person"}), set(), name_words={"kim", "roe"})
    assert evidence(appellant, named) == "said"
    assert evidence(appellant, other) is None
    # "the mayor , Roe and Lind" : a list is not what the noun is
    doc = hand_parse(
        nlp,
        ["the", "mayor", ",", "Roe", "and", "Lind"],
        [1, 1, 1, 1, 3, 3],
        ["det", "ROOT", "punct", "appos", "cc", "conj"],
        ["DET", "NOUN", "PUNCT", "PROPN", "CCONJ", "PROPN"],
    )
    assert following_name(doc[1]) is None


def test_description_said_of_a_name_set_after_it(nlp):
    # 'One was adapted in the last episode of the season , " Zeta " .': the parse hung the
    # name on 'One', the words say it is the episode
    words = [
        "One",
        "was",
        "adapted",
        "in",
        "the",
        "last",
        "episode",
        "of",
        "the",
        "season",
        ",",
        '"',
        "Zeta",
        '"',
        ".",
    ]
    heads = [2, 2, 2, 2, 6, 6, 3, 6, 9, 7, 2, 12, 0, 12, 2]
    deps = [
        "nsubjpass",
        "auxpass",
        "ROOT",
        "prep",
        "det",
        "amod",
        "pobj",
        "prep",
        "det",
        "pobj",
        "punct",
        "punct",
        "appos",
        "punct",
        "punct",
    ]
    pos = [
        "NUM",
        "AUX",
        "VERB",
        "ADP",
        "DET",
        "ADJ",
        "NOUN",
        "ADP",
        "DET",
        "NOUN",
        "PUNCT",
        "PUNCT",
        "PROPN",
        "PUNCT",
        "PUNCT",
    ]
    tags = [
        "CD",
        "VBD",
        "VBN",
        "IN",
        "DT",
        "JJ",
        "NN",
        "IN",
        "DT",
        "NN",
        ",",
        "``",
        "NNP",
        "''",
        ".",
    ]
    doc = hand_parse(nlp, words, heads, deps, pos, tags=tags)
    assert described_before_comma(doc[12:13]) == doc[6]
    assert "episode" in said_classes(doc[12:13])
    # "In the city , Zeta said ." : a subject after a comma is none
    doc = hand_parse(
        nlp,
        ["In", "the", "city", ",", "Zeta", "said", "."],
        [5, 2, 0, 5, 5, 5, 5],
        ["prep", "det", "pobj", "punct", "nsubj", "ROOT", "punct"],
        ["ADP", "DET", "NOUN", "PUNCT", "PROPN", "VERB", "PUNCT"],
    )
    assert described_before_comma(doc[4:5]) is None


def test_description_adjacent_name_of_the_same_role(nlp):
    # "Zeta the person has been" : two subjects of one verb, side by side
    doc = hand_parse(
        nlp,
        ["Zeta", "the", "person", "has", "been"],
        [4, 2, 4, 4, 4],
        ["nsubj", "det", "nsubj", "aux", "ROOT"],
        ["PROPN", "DET", "NOUN", "AUX", "AUX"],
    )
    assert apposed_name(doc[2]) == doc[0]
    # "told Zeta the company would pay" : another role of another word
    doc = hand_parse(
        nlp,
        ["told", "Zeta", "the", "company", "would", "pay"],
        [0, 0, 3, 5, 5, 0],
        ["ROOT", "dobj", "det", "nsubj", "aux", "ccomp"],
        ["VERB", "PROPN", "DET", "NOUN", "AUX", "VERB"],
    )
    assert apposed_name(doc[3]) is None


def test_description_said_classes_skip_an_apposition_without_punctuation(nlp):
    # "at Zeta the site was down ." : the next clause's subject, parsed as an apposition
    doc = hand_parse(
        nlp,
        ["at", "Zeta", "the", "site", "was", "down", "."],
        [4, 0, 3, 1, 4, 4, 4],
        ["prep", "pobj", "det", "appos", "ROOT", "advmod", "punct"],
        ["ADP", "PROPN", "DET", "NOUN", "AUX", "ADV", "PUNCT"],
    )
    assert said_classes(doc[1:2]) == set()


def test_description_said_classes_skip_an_apposition_that_is_the_missing_subject(nlp):
    # "as of 18:00 UTC , the index , rose ." : 'rose' has no subject but 'the index'
    doc = hand_parse(
        nlp,
        ["as", "of", "18:00", "UTC", ",", "the", "index", ",", "rose", "."],
        [8, 0, 3, 1, 3, 6, 3, 3, 8, 8],
        ["prep", "prep", "nummod", "pobj", "punct", "det", "appos", "punct", "ROOT", "punct"],
        ["ADP", "ADP", "NUM", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PUNCT"],
    )
    assert said_classes(doc[3:4]) == set()
