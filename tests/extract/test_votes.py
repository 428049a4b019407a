"""Type votes from the evidence around a name, on hand-built parses (issue 14, bullet 7)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from extract.columns import columns
from extract.votes import majority, mention_votes
from tests.conftest import hand_parse


def voted(nlp, words, heads, deps, pos, names, *, tags=None, lemmas=None):
    """The type each named span `(start, end, label, type)` gets from its votes alone."""
    doc = hand_parse(nlp, words, heads, deps, pos, lemmas=lemmas, tags=tags)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label, _ in names if label]
    spans = [doc[start:end] for start, end, _, _ in names]
    types = [type_ for _, _, _, type_ in names]
    votes = mention_votes(columns(doc), spans, types, list(range(len(spans))))
    return [majority(v) for v in votes]


def test_votes_the_town_of_a_name_is_a_place(nlp):
    # 'the town of Brelsk': the small model tagged it an organization
    words = ["the", "town", "of", "Brelsk"]
    types = voted(
        nlp,
        words,
        [1, 1, 1, 2],
        ["det", "ROOT", "prep", "pobj"],
        ["DET", "NOUN", "ADP", "PROPN"],
        [(3, 4, "ORG", "organization")],
    )
    assert types == ["place"]


def test_votes_a_name_modifying_a_class_noun(nlp):
    # 'the Quoddle instant messenger', the name an nmod of the noun
    words = ["the", "Quoddle", "instant", "messenger"]
    types = voted(
        nlp,
        words,
        [3, 3, 3, 3],
        ["det", "nmod", "compound", "ROOT"],
        ["DET", "PROPN", "NOUN", "NOUN"],
        [(1, 2, "ORG", "organization")],
    )
    assert types == ["product"]


OWN_WORDS = [
    # a name's own last words, each tagged an organization by the small model
    (["Halvorsen", "Computer"], "organization"),  # a maker named after what it makes
    (["Zorbix", "Browser"], "product"),
    (["Varna", "Air", "Flight", "318"], "event"),  # the word before a flight's number
    (["Zahra", "Hotel"], "place"),
]


@pytest.mark.parametrize(("words", "expected"), OWN_WORDS)
def test_votes_a_names_own_last_word(nlp, words, expected):
    n = len(words)
    heads = [n - 1] * n
    heads[-1] = n - 1
    deps = ["compound"] * (n - 1) + ["ROOT"]
    pos = ["PROPN"] * (n - 1) + ["NUM" if words[-1].isdigit() else "PROPN"]
    lemmas = [w.lower() for w in words]
    types = voted(nlp, words, heads, deps, pos, [(0, n, "ORG", "organization")], lemmas=lemmas)
    assert types == [expected]


OPENING_WORDS = [
    # a class noun opening a name, each name tagged a person by the small model
    (["Cyclone", "Phailin"], "event"),
    (["Space", "Shuttle", "Atlantis"], "product"),
    (["Tropical", "Storm", "Bill"], "event"),  # 'bill' names a class, but the phrase says it
    (["Lake", "Tahoe"], "place"),
    (["Senator", "Jo", "Roe"], "person"),  # a title: no class read from the name
    (["Storm", "Airlines"], "organization"),  # the last word names the class
    (["Mission", "Bank", "Zorbia"], "person"),  # two class nouns: none is sure
]


@pytest.mark.parametrize(("words", "expected"), OPENING_WORDS)
def test_votes_a_names_opening_class_noun(nlp, words, expected):
    n = len(words)
    heads = [n - 1] * n
    deps = ["compound"] * (n - 1) + ["ROOT"]
    lemmas = [w.lower() for w in words]
    names = [(0, n, "PERSON", "person")]
    types = voted(nlp, words, heads, deps, ["PROPN"] * n, names, lemmas=lemmas)
    assert types == [expected]


def test_votes_a_companys_possession_is_its_product(nlp):
    # "Norvik's Zentaro": not tagged a person, so a product
    words = ["Norvik", "'s", "Zentaro", "sold"]
    names = [(0, 1, "ORG", "organization"), (2, 3, "ORG", "organization")]
    types = voted(
        nlp,
        words,
        [2, 0, 3, 3],
        ["poss", "case", "nsubj", "ROOT"],
        ["PROPN", "PART", "PROPN", "VERB"],
        names,
    )
    assert types == ["organization", "product"]


def test_votes_a_persons_possession_is_not_a_product(nlp):
    # "Jane Roe's Bolt" tells nothing: a person's company, pet, or boat
    words = ["Roe", "'s", "Bolt", "sold"]
    names = [(0, 1, "PERSON", "person"), (2, 3, "ORG", "organization")]
    types = voted(
        nlp,
        words,
        [2, 0, 3, 3],
        ["poss", "case", "nsubj", "ROOT"],
        ["PROPN", "PART", "PROPN", "VERB"],
        names,
    )
    assert types[1] == "organization"


def test_votes_a_plural_tagged_person_is_a_band(nlp):
    words = ["the", "Quillmen", "played"]
    types = voted(
        nlp,
        words,
        [1, 2, 2],
        ["det", "nsubj", "ROOT"],
        ["DET", "PROPN", "VERB"],
        [(1, 2, "PERSON", "person")],
        tags=["DT", "NNPS", "VBD"],
    )
    assert types == ["organization"]


def test_votes_a_product_line_beside_its_versions(nlp):
    # 'Zorbix 9 ... Zorbix ... ZX9 ... ZX': the line of versioned products
    words = ["Zorbix", "9", "and", "Zorbix", "and", "ZX9", "and", "ZX"]
    heads = [0, 0, 0, 0, 3, 3, 5, 5]
    deps = ["ROOT", "nummod", "cc", "conj", "cc", "conj", "cc", "conj"]
    pos = ["PROPN", "NUM", "CCONJ", "PROPN", "CCONJ", "PROPN", "CCONJ", "PROPN"]
    names = [(0, 2, "", "thing"), (3, 4, "", "thing"), (5, 6, "", "thing"), (7, 8, "", "thing")]
    assert voted(nlp, words, heads, deps, pos, names) == ["product"] * 4


def test_votes_a_company_is_no_line_of_its_models(nlp):
    # 'Boeing 747 ... Boeing': a company tagged as one keeps its type
    words = ["Boeing", "747", "and", "Boeing"]
    names = [(0, 2, "PRODUCT", "product"), (3, 4, "ORG", "organization")]
    types = voted(
        nlp,
        words,
        [0, 0, 0, 0],
        ["ROOT", "nummod", "cc", "conj"],
        ["PROPN", "NUM", "CCONJ", "PROPN"],
        names,
    )
    assert types == ["product", "organization"]


def test_votes_a_shorter_name_takes_the_class_of_the_fullest(nlp):
    # 'Kappa Jones ... the Kappa Jones Average': both tagged organizations, one entity
    words = ["Kappa", "Jones", "and", "Kappa", "Jones", "Average"]
    heads = [1, 1, 1, 5, 5, 1]
    deps = ["compound", "ROOT", "cc", "compound", "compound", "conj"]
    pos = ["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PROPN"]
    doc = hand_parse(nlp, words, heads, deps, pos, lemmas=[w.lower() for w in words])
    spans = [doc[0:2], doc[3:6]]
    votes = mention_votes(columns(doc), spans, ["organization"] * 2, [0, 0])
    assert majority(votes[0]) == "product"


def test_votes_a_country_is_a_place_whatever_its_tag(nlp):
    types = voted(
        nlp,
        ["US", "rose"],
        [1, 1],
        ["nsubj", "ROOT"],
        ["PROPN", "VERB"],
        [(0, 1, "ORG", "organization")],
    )
    assert types == ["place"]


CLASS_NOUN_PARSES = [
    # words, heads, deps, pos, the name's index -> its type; each name tagged an organization
    (  # 'the union Zell': the class noun modifies the name
        ["the", "union", "Zell"],
        [2, 2, 2],
        ["det", "compound", "ROOT"],
        ["DET", "NOUN", "PROPN"],
        2,
        "organization",
    ),
    (  # 'the ship, Zell': the name in apposition with the noun
        ["the", "ship", ",", "Zell"],
        [1, 1, 1, 1],
        ["det", "ROOT", "punct", "appos"],
        ["DET", "NOUN", "PUNCT", "PROPN"],
        3,
        "product",
    ),
    (  # 'forums such as Zell'
        ["forums", "such", "as", "Zell"],
        [0, 2, 0, 2],
        ["ROOT", "amod", "prep", "pobj"],
        ["NOUN", "ADJ", "ADP", "PROPN"],
        3,
        "product",
    ),
    (  # 'a startup going by the name Zell': the name the noun goes by
        ["a", "startup", "going", "by", "the", "name", "Zell"],
        [1, 1, 1, 2, 5, 3, 5],
        ["det", "ROOT", "acl", "prep", "det", "pobj", "appos"],
        ["DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "PROPN"],
        6,
        "organization",
    ),
    (  # 'a ship by the name of Zell'
        ["a", "ship", "by", "the", "name", "of", "Zell"],
        [1, 1, 1, 4, 2, 4, 5],
        ["det", "ROOT", "prep", "det", "pobj", "prep", "pobj"],
        ["DET", "NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN"],
        6,
        "product",
    ),
    (  # 'a ship with the name Zell': not the name it goes by
        ["a", "ship", "with", "the", "name", "Zell"],
        [1, 1, 1, 4, 2, 4],
        ["det", "ROOT", "prep", "det", "pobj", "appos"],
        ["DET", "NOUN", "ADP", "DET", "NOUN", "PROPN"],
        5,
        "organization",
    ),
    (  # 'forums as Zell' says nothing of Zell
        ["forums", "as", "Zell"],
        [0, 0, 1],
        ["ROOT", "prep", "pobj"],
        ["NOUN", "ADP", "PROPN"],
        2,
        "organization",
    ),
]


@pytest.mark.parametrize(("words", "heads", "deps", "pos", "at", "expected"), CLASS_NOUN_PARSES)
def test_votes_class_nouns_said_of_a_name(nlp, words, heads, deps, pos, at, expected):
    lemmas = ["forum" if w == "forums" else w for w in words]
    names = [(at, at + 1, "ORG", "organization")]
    assert voted(nlp, words, heads, deps, pos, names, lemmas=lemmas) == [expected]


def test_votes_a_name_before_a_persons_class_is_the_employer(nlp):
    # 'Zellco engineer Ana Rue left': Zellco tagged a person once, as the small model does
    words = ["Zellco", "engineer", "Ana", "Rue", "left"]
    types = voted(
        nlp,
        words,
        [1, 3, 3, 4, 4],
        ["compound", "compound", "compound", "nsubj", "ROOT"],
        ["PROPN", "NOUN", "PROPN", "PROPN", "VERB"],
        [(0, 1, "ORG", "organization"), (2, 4, "PERSON", "person")],
    )
    assert types == ["organization", "person"]


def test_votes_a_model_number_in_words(nlp):
    # 'the Zorbix Five Hundred', its number tagged apart and joined to the name, untyped
    words = ["Zorbix", "Five", "Hundred"]
    types = voted(
        nlp,
        words,
        [2, 2, 2],
        ["compound", "compound", "ROOT"],
        ["PROPN", "NUM", "NUM"],
        [(0, 3, "", "thing")],
    )
    assert types == ["product"]


def test_votes_a_possessive_the_parse_hangs_elsewhere(nlp):
    # "Norvik 's Zell Mobile", the possessive attached to another word, 'Zell Mobile' a place
    words = ["Norvik", "'s", "Zell", "Mobile", "sold"]
    names = [(0, 1, "ORG", "organization"), (2, 4, "LOC", "place")]
    types = voted(
        nlp,
        words,
        [4, 0, 3, 4, 4],
        ["nsubj", "case", "compound", "dobj", "ROOT"],
        ["PROPN", "PART", "PROPN", "PROPN", "VERB"],
        names,
        tags=["NNP", "POS", "NNP", "NNP", "VBD"],
    )
    assert types == ["organization", "product"]


SHARES = [
    # 'shares in Zell fell', 'Zell shares fell': the small model tagged Zell a place
    (["shares", "in", "Zell", "fell"], [3, 0, 1, 3], ["nsubj", "prep", "pobj", "ROOT"], 2),
    (["Zell", "shares", "fell"], [1, 2, 2], ["compound", "nsubj", "ROOT"], 0),
]


@pytest.mark.parametrize(("words", "heads", "deps", "at"), SHARES)
def test_votes_whose_shares_trade_is_a_company(nlp, words, heads, deps, at):
    pos = ["PROPN" if w == "Zell" else "ADP" if w == "in" else "NOUN" for w in words]
    names = [(at, at + 1, "GPE", "place")]
    assert voted(nlp, words, heads, deps, pos, names) == ["organization"]


def test_votes_two_lone_person_tags_do_not_outweigh_a_tag(nlp):
    words = ["Zeta", "Chrome", "and", "Chrome", "and", "Chrome"]
    heads = [1, 1, 1, 1, 3, 3]
    deps = ["compound", "ROOT", "cc", "conj", "cc", "conj"]
    pos = ["PROPN", "PROPN", "CCONJ", "PROPN", "CCONJ", "PROPN"]
    doc = hand_parse(nlp, words, heads, deps, pos)
    spans = [doc[0:2], doc[3:4], doc[5:6]]
    votes = mention_votes(columns(doc), spans, ["product", "person", "person"], [0, 0, 0])
    assert majority(votes[0]) == "product"


LIST_WORDS = ["Acme", ",", "Zell", "and", "Quorx", "sell", "chips"]
LIST_PARSE = (
    [5, 0, 0, 2, 2, 5, 5],
    ["nsubj", "punct", "conj", "cc", "conj", "ROOT", "dobj"],
    ["PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB", "NOUN"],
)


def test_votes_a_lone_person_tag_in_a_list_of_companies_is_a_company(nlp):
    names = [
        (0, 1, "ORG", "organization"),
        (2, 3, "PERSON", "person"),
        (4, 5, "ORG", "organization"),
    ]
    assert voted(nlp, LIST_WORDS, *LIST_PARSE, names) == ["organization"] * 3


def test_votes_a_list_leaves_a_full_name_its_own_tag(nlp):
    # 'Acme, Jo Zell and Quorx': a person's full name in a list of companies stays a person
    words = ["Acme", ",", "Jo", "Zell", "and", "Quorx", "sell", "chips"]
    heads = [6, 0, 3, 0, 3, 3, 6, 6]
    deps = ["nsubj", "punct", "compound", "conj", "cc", "conj", "ROOT", "dobj"]
    pos = ["PROPN", "PUNCT", "PROPN", "PROPN", "CCONJ", "PROPN", "VERB", "NOUN"]
    names = [
        (0, 1, "ORG", "organization"),
        (2, 4, "PERSON", "person"),
        (5, 6, "ORG", "organization"),
    ]
    assert voted(nlp, words, heads, deps, pos, names) == ["organization", "person", "organization"]


def test_votes_a_lone_person_tag_outside_a_list_keeps_its_vote(nlp):
    # 'Acme praised Zell': no list, nothing outweighs the tag
    words = ["Acme", "praised", "Zell"]
    names = [(0, 1, "ORG", "organization"), (2, 3, "PERSON", "person")]
    parse = ([1, 1, 1], ["nsubj", "ROOT", "dobj"], ["PROPN", "VERB", "PROPN"])
    assert voted(nlp, words, *parse, names) == ["organization", "person"]
