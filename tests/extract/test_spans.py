"""Where a document names something (extract.spans), on hand-built parses."""

from __future__ import annotations

from extract.columns import columns
from extract.spans import name_spans
from tests.conftest import parse_rows


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
