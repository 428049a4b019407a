"""Readings found wrong on held-out news and interviews (text no rule was written against):
names taken for roles, titles of works and awards cut into pieces, common nouns capitalized
in a title taken for names. Sentences read with the real model, and the rules on hand-built
parses."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extract.columns import columns
from extract.entities import cluster_names
from extract.extractor import extract_documents
from extract.name_checks import (
    is_capitalized_class,
    is_listed_field,
    is_member_noun,
)
from extract.names import is_camel_word
from extract.nominal import possessive_candidates
from extract.roles import is_name_attribute
from extract.spans import name_spans
from extract.titles import (
    acronym_expansions,
    apposed_titles,
    with_hyphened_end,
    with_of_phrase,
    written_titles,
)
from extract.triple import Document
from extract.verb_words import placing_phrase
from tests.conftest import assert_reads, parse_rows

NAME_ATTRIBUTES = [
    # text -> triples that must be read, and triples that must not
    (
        "Other candidates elected were Jo Roe of Acme Party and Ben Ito of the Zeta Party.",
        {("Jo Roe", "of", "Acme Party"), ("Ben Ito", "of", "Zeta Party")},
        {("Jo Roe", "Jo Roe of", "Acme Party")},
    ),
]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), NAME_ATTRIBUTES)
def test_a_name_after_a_copula_is_no_role(nlp, text, wanted, unwanted):
    assert_reads(nlp, text, wanted, unwanted)


def test_name_attribute_on_built_parse(nlp):
    # 'The winners were Jo Roe of Acme' / 'The winner was the chief of Acme'
    doc = parse_rows(
        nlp,
        [
            ("The", 1, "det", "DET", "O"),
            ("winners", 2, "nsubj", "NOUN", "O"),
            ("were", 2, "ROOT", "AUX", "O"),
            ("Jo", 4, "compound", "PROPN", "B-PERSON"),
            ("Roe", 2, "attr", "PROPN", "I-PERSON"),
            ("of", 4, "prep", "ADP", "O"),
            ("Acme", 5, "pobj", "PROPN", "B-ORG"),
            ("and", 4, "cc", "CCONJ", "O"),
            ("chief", 4, "conj", "NOUN", "O"),
        ],
    )
    assert is_name_attribute(doc[4])
    assert not is_name_attribute(doc[8])


TITLES = [
    # text -> triples that must be read, and triples that must not
    (
        "Tim Lee won the Orbis Man of the Match award.",
        {("Tim Lee", "win", "Orbis Man of the Match")},
        {("Tim Lee", "win", "Orbis Man")},
    ),
    (
        "Jo Roe wrote The Fall of Zeta in Varnia.",
        {("Jo Roe", "write", "The Fall of Zeta")},
        {("Jo Roe", "write", "Fall")},
    ),
    (
        "Her first novel, Rivers and Roads, was a bestseller.",
        {("Rivers and Roads", "be", "bestseller")},
        {("Rivers", "be", "bestseller")},
    ),
]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), TITLES)
def test_a_title_runs_across_small_words(nlp, text, wanted, unwanted):
    assert_reads(nlp, text, wanted, unwanted)


def test_titles_on_built_parse(nlp):
    # 'his book, Rivers or Roads, won the Zeta Man of the Year award'
    doc = parse_rows(
        nlp,
        [
            ("his", 1, "poss", "PRON", "O"),
            ("book", 7, "nsubj", "NOUN", "O"),
            (",", 1, "punct", "PUNCT", "O"),
            ("Rivers", 1, "appos", "PROPN", "O"),
            ("or", 3, "cc", "CCONJ", "O"),
            ("Roads", 3, "conj", "PROPN", "O"),
            (",", 1, "punct", "PUNCT", "O"),
            ("won", 7, "ROOT", "VERB", "O"),
            ("the", 10, "det", "DET", "O"),
            ("Zeta", 10, "compound", "PROPN", "O"),
            ("Man", 7, "dobj", "PROPN", "O"),
            ("of", 10, "prep", "ADP", "O"),
            ("the", 14, "det", "DET", "O"),
            ("Year", 14, "compound", "PROPN", "O"),
            ("award", 11, "pobj", "NOUN", "O"),
        ],
    )
    assert [span.text for span in apposed_titles(doc)] == ["Rivers or Roads"]
    assert with_of_phrase(doc[9:11], covered=()).text == "Zeta Man of the Year"
    assert with_of_phrase(doc[9:11], covered={13}).text == "Zeta Man"


PLACINGS = [
    # text -> triples that must be read, and triples that must not
    (
        "Jo Roe scored a goal, putting Zorbia in the lead.",
        {("Jo Roe", "put in lead", "Zorbia")},
        {("Jo Roe", "put", "Zorbia")},
    ),
]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), PLACINGS)
def test_a_verb_of_placing_keeps_its_place(nlp, text, wanted, unwanted):
    assert_reads(nlp, text, wanted, unwanted)


def test_placing_phrase_on_built_parse(nlp):
    # 'Acme put Zeta in the lead and sold Orbis'
    doc = parse_rows(
        nlp,
        [
            ("Acme", 1, "nsubj", "PROPN", "B-ORG"),
            ("put", 1, "ROOT", "VERB", "O"),
            ("Zeta", 1, "dobj", "PROPN", "B-ORG"),
            ("in", 1, "prep", "ADP", "O"),
            ("the", 5, "det", "DET", "O"),
            ("lead", 3, "pobj", "NOUN", "O"),
            ("and", 1, "cc", "CCONJ", "O"),
            ("sold", 1, "conj", "VERB", "O"),
            ("Orbis", 7, "dobj", "PROPN", "B-ORG"),
        ],
    )
    assert placing_phrase(doc[1]) == "in lead"
    assert placing_phrase(doc[7]) == ""


def test_a_camel_case_brand_is_a_name(nlp):
    # the small model tags 'wikiHow' an adverb or an interjection
    assert_reads(
        nlp, "Jo Roe, the founder of wikiHow, spoke.", {("Jo Roe", "founder of", "wikiHow")}, set()
    )
    spans, _ = name_spans(columns(nlp("Acme bought wikiHow.")))
    assert "wikiHow" in [span.text for span in spans]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("wikiHow", True),
        ("iTunes", True),
        ("eBay", True),
        ("mRNA", False),
        ("pH", False),
        ("Zeta", False),
        ("zeta", False),
        ("McDonald", False),
    ],
)
def test_camel_case_on_built_parse(nlp, word, expected):
    doc = parse_rows(nlp, [(word, 0, "ROOT", "ADV", "O")])
    assert is_camel_word(doc[0].text) is expected


POSSESSIONS = [
    # text -> triples that must be read, and triples that must not
    (
        "Jo Roe met Tim Lee in his Acme office in Varnia.",
        {("Jo Roe", "meet", "Tim Lee")},
        {("Tim Lee", "have", "Acme"), ("Jo Roe", "have", "Acme")},
    ),
    ("Zeta launched its Orbis app in May.", {("Zeta", "have", "Orbis")}, set()),
]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), POSSESSIONS)
def test_a_persons_office_at_an_organization_is_no_ownership(nlp, text, wanted, unwanted):
    assert_reads(nlp, text, wanted, unwanted)


@pytest.mark.parametrize(
    ("owner", "label", "owns"),
    [("his", "ORG", False), ("its", "ORG", True), ("his", "PRODUCT", True)],
)
def test_possessive_of_a_compound_name_on_built_parse(nlp, owner, label, owns):
    # 'his Acme office', 'its Acme office', 'his Acme phone'
    doc = parse_rows(
        nlp,
        [
            (owner, 2, "poss", "PRON", "O"),
            ("Acme", 2, "compound", "PROPN", f"B-{label}"),
            ("office", 2, "ROOT", "NOUN", "O"),
        ],
    )
    assert bool(list(possessive_candidates(doc[0]))) is owns


def test_written_title_on_built_parse(nlp):
    # 'Jo wrote The Fall of Zeta in Varnia' / 'Jo sold The Fall of Zeta'
    rows = [
        ("Jo", 1, "nsubj", "PROPN", "B-PERSON"),
        ("wrote", 1, "ROOT", "VERB", "O"),
        ("The", 3, "det", "DET", "O"),
        ("Fall", 1, "dobj", "PROPN", "B-PERSON"),
        ("of", 3, "prep", "ADP", "O"),
        ("Zeta", 4, "pobj", "PROPN", "B-GPE"),
        ("in", 5, "prep", "ADP", "O"),
        ("Varnia", 6, "pobj", "PROPN", "B-GPE"),
    ]

    def lemma(word: str) -> str:
        return {"wrote": "write", "sold": "sell"}.get(word, word.lower())

    assert [s.text for s in written_titles(parse_rows(nlp, rows, lemma=lemma))] == [
        "The Fall of Zeta"
    ]
    rows[1] = ("sold", 1, "ROOT", "VERB", "O")
    assert list(written_titles(parse_rows(nlp, rows, lemma=lemma))) == []


def test_the_name_apposed_to_an_appointed_object_takes_the_role(nlp):
    assert_reads(
        nlp,
        "Acme also announced head of finance Jo Roe as its new president.",
        {("Jo Roe", "new president of", "Acme")},
        set(),
    )


def test_a_listed_field_of_study_is_no_place(nlp):
    assert_reads(
        nlp,
        "Jo Roe is a professor at Zeta University in Linguistics and Philosophy.",
        {("Jo Roe", "professor at", "Zeta University")},
        {("Zeta University", "be in", "Linguistics")},
    )


def test_listed_field_on_built_parse(nlp):
    # 'in Linguistics and Philosophy' / 'in Linguistics and Varnia'
    rows = [
        ("in", 0, "ROOT", "ADP", "O"),
        ("Linguistics", 0, "pobj", "PROPN", "B-GPE"),
        ("and", 1, "cc", "CCONJ", "O"),
        ("Philosophy", 1, "conj", "PROPN", "O"),
    ]
    doc = parse_rows(nlp, rows)
    assert is_listed_field(doc[1:2]) and is_listed_field(doc[3:4])
    rows[3] = ("Varnia", 1, "conj", "PROPN", "B-GPE")
    assert not is_listed_field(parse_rows(nlp, rows)[1:2])


def test_an_acronyms_long_form_is_one_name(nlp):
    assert_reads(
        nlp,
        "The ZETA Global contest (Zorbian Engineering and Technology Association) was founded "
        "by Jo Roe.",
        {("Jo Roe", "found", "Zorbian Engineering and Technology Association")},
        {("Jo Roe", "found", "Zorbian Engineering")},
    )


def test_acronym_expansion_on_built_parse(nlp):
    words = ["the", "FZT", "(", "For", "Zeta", "and", "Tech", ")"]
    rows = [(w, 1, "dep", "PROPN" if w[0].isupper() else "X", "O") for w in words]
    assert [s.text for s in acronym_expansions(parse_rows(nlp, rows))] == ["For Zeta and Tech"]
    rows[1] = ("ZOO", 1, "dep", "PROPN", "O")
    assert list(acronym_expansions(parse_rows(nlp, rows))) == []


def test_a_class_noun_in_capitals_is_no_name(nlp):
    text = "The Government said on Monday that Police had arrested Tim Lee in Varnia."
    assert_reads(nlp, text, set(), {("Government", "say about", "Police")})
    spans, _ = name_spans(columns(nlp(text)))
    assert [span.text for span in spans if span.text in ("Government", "Police")] == []


def test_capitalized_class_on_built_parse(nlp):
    doc = parse_rows(
        nlp,
        [
            ("Police", 1, "nsubj", "PROPN", "B-ORG"),
            ("met", 1, "ROOT", "VERB", "O"),
            ("President", 3, "compound", "PROPN", "O"),
            ("Acme", 1, "dobj", "PROPN", "B-ORG"),
        ],
    )
    assert is_capitalized_class(doc[0:1])
    assert not is_capitalized_class(doc[2:3])  # a person's title: the holder's name
    assert not is_capitalized_class(doc[3:4])


def test_a_member_is_not_the_party(nlp):
    assert_reads(
        nlp,
        "As a Libertarian, Jo Roe ran against Tim Lee.",
        {("Jo Roe", "run against", "Tim Lee")},
        {("Jo Roe", "run as", "Libertarian")},
    )


def test_member_noun_on_built_parse(nlp):
    rows = [
        ("Jo", 1, "nsubj", "PROPN", "B-PERSON"),
        ("is", 1, "ROOT", "AUX", "O"),
        ("a", 3, "det", "DET", "O"),
        ("Libertarian", 1, "attr", "PROPN", "B-NORP"),
    ]
    assert is_member_noun(parse_rows(nlp, rows)[3:4])
    rows[2] = ("the", 3, "det", "DET", "O")
    assert not is_member_noun(parse_rows(nlp, rows)[3:4])


def test_a_sentences_full_stop_is_no_part_of_a_name(nlp):
    assert_reads(
        nlp,
        "Acme's Jo Roe was defeated by 10,694 votes by James To.",
        {("James To", "defeat", "Jo Roe")},
        {("James To.", "defeat", "Jo Roe")},
    )


def test_hyphened_end_on_built_parse(nlp):
    # 'Wong Kwok-hing and Toulouse-based Airbus', 'hing' the head of 'Kwok'
    words = ["Wong", "Kwok", "-", "hing", "and", "Toulouse", "-", "based", "Airbus"]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[True, False, False, True, True, False, False, True, False],
        heads=[3, 3, 3, 3, 3, 7, 7, 8, 3],
        deps=["compound", "compound", "punct", "ROOT", "cc", "npadvmod", "punct", "amod", "conj"],
        pos=["PROPN", "PROPN", "PUNCT", "NOUN", "CCONJ", "PROPN", "PUNCT", "VERB", "PROPN"],
    )
    assert with_hyphened_end(doc, 0, 2) == 4
    assert with_hyphened_end(doc, 5, 6) == 6


def test_a_camel_case_brand_is_no_short_form_and_votes_product(nlp):
    names = [("iZeta Developer Program", "organization"), ("iZeta", "organization")]
    assert cluster_names(names).index == [0, 1]  # the program is not the phone
    [extraction] = extract_documents(
        [Document("t", "Acme sold the iZeta to Orbis. Developers wrote apps for the iZeta.")],
        nlp=nlp,
    )
    types = {m.entity.name: m.entity.type for m in extraction.mentions if m.entity}
    assert types.get("iZeta") == "product"
