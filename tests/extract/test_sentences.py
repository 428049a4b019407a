"""Sentence starts the parser cannot see: headlines, repeated titles and datelines, on the real
pipeline; and lines that only wrap a sentence, which must not be cut."""

from __future__ import annotations

import pytest

from extract.sentences import ends_sentence

SENTENCES = [
    # text -> its sentences, stripped
    (
        "Orvel Air cuts routes to Varnia\nThe airline said on Monday that it would stop.",
        ["Orvel Air cuts routes to Varnia", "The airline said on Monday that it would stop."],
    ),
    (
        "Orvel Air cuts routes\n\nOrvel Air cuts routes March 3, 2009 The airline said it "
        "would stop flying to Varnia.",
        [
            "Orvel Air cuts routes",
            "Orvel Air cuts routes",
            "March 3, 2009",
            "The airline said it would stop flying to Varnia.",
        ],
    ),
    (
        "Friday, May 8, 2009 Jonas Pemberton told the court that he had left.",
        ["Friday, May 8, 2009", "Jonas Pemberton told the court that he had left."],
    ),
    (
        "KESTREL BAY, Varnia -- The airline said on Monday that it would stop flying.",
        ["KESTREL BAY, Varnia --", "The airline said on Monday that it would stop flying."],
    ),
    # A hard-wrapped sentence goes on after a line break: in lower case, or after 'the'.
    (
        "The airline said on Monday that it would stop\nflying to Varnia next year.",
        ["The airline said on Monday that it would stop\nflying to Varnia next year."],
    ),
    (
        "Jonas Pemberton met the\nBoard of Orvel Air on Monday.",
        ["Jonas Pemberton met the\nBoard of Orvel Air on Monday."],
    ),
    # A paragraph that does not repeat the title is not cut.
    (
        "Orvel Air cuts routes\n\nOrvel Air said on Monday that it would stop flying.",
        ["Orvel Air cuts routes", "Orvel Air said on Monday that it would stop flying."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_sentences_headlines_and_datelines(nlp, text, expected):
    assert [s.text.strip() for s in nlp(text).sents] == expected


def test_sentences_headline_ends_without_punctuation(nlp):
    doc = nlp("Orvel Air cuts routes\n\nThe airline said it would stop flying.")
    assert [ends_sentence(s) for s in doc.sents] == [False, True]
