"""Where a document names something (extract.spans), on hand-built parses."""

from __future__ import annotations

import pytest

from extract.columns import columns
from extract.spans import name_spans
from tests.conftest import parse_rows, plain, read


def spans_of(nlp, rows) -> list[str]:
    return [span.text for span in name_spans(columns(parse_rows(nlp, rows)))[0]]


def test_spans_a_post_before_its_holders_name_is_no_name(nlp):
    # "Varnia's Prime Minister, Jo Roe, said": the post is Jo Roe's title
    rows = [
        ("Varnia", 3, "poss", "PROPN", "B-GPE"),
        ("'s", 0, "case", "PART", "O"),
        ("Prime", 3, "compound", "PROPN", "O"),
        ("Minister", 8, "nsubj", "PROPN", "O"),
        (",", 3, "punct", "PUNCT", "O"),
        ("Jo", 6, "compound", "PROPN", "B-PERSON"),
        ("Roe", 3, "appos", "PROPN", "I-PERSON"),
        (",", 3, "punct", "PUNCT", "O"),
        ("said", 8, "ROOT", "VERB", "O"),
    ]
    assert spans_of(nlp, rows) == ["Varnia", "Jo Roe"]


def test_spans_a_post_alone_may_name_its_holder(nlp):
    # 'the President said': the text's one president
    rows = [
        ("the", 1, "det", "DET", "O"),
        ("President", 2, "nsubj", "PROPN", "O"),
        ("said", 2, "ROOT", "VERB", "O"),
    ]
    assert spans_of(nlp, rows) == ["President"]


def test_spans_a_post_after_an_article_is_no_name(nlp):
    # 'Roe is a Professor at Zorbia University': a post, not the name of its holder
    rows = [
        ("Roe", 1, "nsubj", "PROPN", "B-PERSON"),
        ("is", 1, "ROOT", "AUX", "O"),
        ("a", 3, "det", "DET", "O"),
        ("Professor", 1, "attr", "PROPN", "O"),
        ("at", 3, "prep", "ADP", "O"),
        ("Zorbia", 6, "compound", "PROPN", "B-ORG"),
        ("University", 4, "pobj", "PROPN", "I-ORG"),
    ]
    assert spans_of(nlp, rows) == ["Roe", "Zorbia University"]


def test_spans_words_without_capitals_are_no_name(nlp):
    # 'the disco club owner Jo Roe of alt.zeta.fans': the model's tags on common nouns
    rows = [
        ("the", 3, "det", "DET", "O"),
        ("disco", 2, "compound", "NOUN", "B-ORG"),
        ("club", 3, "compound", "NOUN", "I-ORG"),
        ("owner", 5, "compound", "NOUN", "O"),
        ("Jo", 5, "compound", "PROPN", "B-PERSON"),
        ("Roe", 5, "ROOT", "PROPN", "I-PERSON"),
        ("of", 5, "prep", "ADP", "O"),
        ("alt.zeta.fans", 6, "pobj", "PROPN", "B-PRODUCT"),
        ("in", 5, "prep", "ADP", "O"),
        ("red", 8, "pobj", "PROPN", "O"),
        ("since", 5, "prep", "ADP", "O"),
        ("two", 12, "nummod", "NUM", "B-DATE"),
        ("years", 10, "pobj", "NOUN", "I-DATE"),
    ]
    assert spans_of(nlp, rows) == ["Jo Roe", "alt.zeta.fans", "two years"]


def test_spans_letters_before_a_currency_sign_are_the_amounts(nlp):
    # 'cost NZ $ 26 million': the letters say which dollar, no place
    rows = [
        ("cost", 0, "ROOT", "VERB", "O"),
        ("NZ", 0, "dobj", "PROPN", "O"),
        ("$", 4, "quantmod", "SYM", "B-MONEY"),
        ("26", 4, "compound", "NUM", "I-MONEY"),
        ("million", 1, "appos", "NUM", "I-MONEY"),
    ]
    doc = parse_rows(nlp, rows)
    doc[2].tag_ = "$"
    assert [(s.text, t) for s, t in zip(*name_spans(columns(doc)))] == [
        ("NZ $ 26 million", "quantity")
    ]


def test_spans_a_post_ending_an_organizations_span_is_no_word_of_it(nlp):
    # 'Jo Roe , Zeta Administrator , spoke' with the post tagged into the organization
    rows = [
        ("Jo", 1, "compound", "PROPN", "B-PERSON"),
        ("Roe", 7, "nsubj", "PROPN", "I-PERSON"),
        (",", 1, "punct", "PUNCT", "O"),
        ("Zeta", 4, "compound", "PROPN", "B-ORG"),
        ("Administrator", 1, "appos", "PROPN", "I-ORG"),
        (",", 1, "punct", "PUNCT", "O"),
        ("Acme", 7, "npadvmod", "PROPN", "B-ORG"),
        ("spoke", 7, "ROOT", "VERB", "O"),
    ]
    doc = parse_rows(nlp, rows)
    for token in doc:
        token.tag_ = "NNP" if token.pos_ == "PROPN" else "XX"
    assert [s.text for s in name_spans(columns(doc))[0]] == ["Jo Roe", "Zeta", "Acme"]


def test_spans_a_spoken_answer_is_no_name(nlp):
    # 'Nah , Jo Roe never did' with the answer tagged a person
    rows = [
        ("Nah", 5, "npadvmod", "PROPN", "B-PERSON"),
        (",", 5, "punct", "PUNCT", "O"),
        ("Jo", 3, "compound", "PROPN", "B-PERSON"),
        ("Roe", 5, "nsubj", "PROPN", "I-PERSON"),
        ("never", 5, "neg", "ADV", "O"),
        ("did", 5, "ROOT", "VERB", "O"),
    ]
    assert spans_of(nlp, rows) == ["Jo Roe"]


def types_of(nlp, rows) -> list[tuple[str, str]]:
    spans, types = name_spans(columns(parse_rows(nlp, rows)))
    return [(span.text, type_) for span, type_ in zip(spans, types)]


def test_spans_a_quoted_title_is_one_name_whatever_its_words_are_tagged(nlp):
    # 'curator of "Light and Shadow"': the tagger's person and thing are one work
    rows = [
        ("curator", 0, "ROOT", "NOUN", "O"),
        ("of", 0, "prep", "ADP", "O"),
        ('"', 3, "punct", "PUNCT", "O"),
        ("Light", 1, "pobj", "PROPN", "B-PERSON"),
        ("and", 3, "cc", "CCONJ", "O"),
        ("Shadow", 3, "conj", "PROPN", "B-ORG"),
        ('"', 3, "punct", "PUNCT", "O"),
    ]
    assert types_of(nlp, rows) == [("Light and Shadow", "work")]


@pytest.mark.parametrize(
    "quoted",
    [
        # 'said "Zentek Is Ready"': a clause with its subject, in whatever capitals
        [("Is", 0, "ccomp", "AUX", "O"), ("Ready", 3, "acomp", "ADJ", "O")],
        # 'said "Zentek will win"': words after the first in lower case
        [("will", 3, "aux", "AUX", "O"), ("win", 0, "ccomp", "VERB", "O")],
    ],
)
def test_spans_quoted_speech_is_no_title(nlp, quoted):
    rows = [
        ("said", 0, "ROOT", "VERB", "O"),
        ('"', 0, "punct", "PUNCT", "O"),
        ("Zentek", 3, "nsubj", "PROPN", "B-ORG"),
        *quoted,
        ('"', 0, "punct", "PUNCT", "O"),
    ]
    assert types_of(nlp, rows) == [("Zentek", "organization")]


def test_spans_a_quoted_title_with_the_real_model(nlp):
    text = 'Jane Roe, curator of "Light and Shadow" at the Zentek Museum, spoke on Monday.'
    found = plain(read(text, nlp=nlp))
    assert ("Jane Roe", "curator of", "Light and Shadow") in found
    assert not {t for t in found if t[2] == "Light"}
