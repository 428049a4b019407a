"""Coreference of 'he' and 'she': who says a quotation, names that mention no person where
they stand, and binding past a relative clause set off by a comma; the rules on hand-built
parses, and sentence tables with the real model."""

from __future__ import annotations

import pytest

from extract.columns import columns
from extract.coref_quotations import Quotations, quotation_marks
from extract.coref_state import Antecedent, entity_states, in_case_name, said_no_person
from tests.conftest import hand_parse, referent

# text, the referring word (its last occurrence), the entity it must refer to
REFERENCES = [
    # 'remarked' introduces a quotation as 'said' does: its speaker is not the 'he' inside
    (
        'Kevin Brown met Mark Smith in Paris. Smith remarked to the paper, "We will keep it '
        'until he leaves."',
        "he",
        "Kevin Brown",
    ),
    # a relative clause set off by a comma is no part of the clause the subject opens
    (
        "Kevin Brown left the band in May. He flew to Paris to meet Mark Smith, who had told "
        "Brown he would help him.",
        "He",
        "Kevin Brown",
    ),
    # a party of a case cited is no person mentioned there
    (
        "Tom Hurt asked for a new trial. The court looked at Kennedy versus Washington, and he "
        "preserved the issue.",
        "he",
        "Tom Hurt",
    ),
    (
        "Tom Hurt asked for a new trial. In Kennedy versus Washington, he said, the court ruled "
        "for him.",
        "him",
        "Tom Hurt",
    ),
]
# text and a referring word that must stay unresolved
UNRESOLVED = [
    # the one who remarks it would say 'I'; no one else is named
    ('Mark Smith met the press. "He will sign," Smith remarked.', "He"),
    # only a case is named: its parties are not the 'he' after it
    ("The court looked at Kennedy versus Washington. He preserved the issue.", "He"),
    # a spacecraft is no 'he'
    ("The spacecraft Stardust landed in Utah in January. He was pleased.", "He"),
]


@pytest.mark.parametrize(
    ("text", "word", "expected"), REFERENCES, ids=[t for t, _, _ in REFERENCES]
)
def test_coref_person_resolves(nlp, text, word, expected):
    assert referent(nlp, text, word) == expected


@pytest.mark.parametrize(("text", "word"), UNRESOLVED, ids=[t for t, _ in UNRESOLVED])
def test_coref_person_leaves_unresolved(nlp, text, word):
    assert referent(nlp, text, word) is None


def paragraphs_parse(nlp):
    """'Roe saw " Wild 2 ) . \\n\\n Lind said , " He left . "': a stray mark in the first
    paragraph, a quotation in the second."""
    words = ["Roe", "saw", '"', "Wild", "2", ")", ".", "\n\n"]
    words += ["Lind", "said", ",", '"', "He", "left", ".", '"']
    heads = [1, 1, 3, 1, 3, 1, 1, 6, 9, 9, 9, 13, 13, 9, 13, 13]
    deps = ["nsubj", "ROOT", "punct", "dobj", "nummod", "punct", "punct", "dep"]
    deps += ["nsubj", "ROOT", "punct", "punct", "nsubj", "ccomp", "punct", "punct"]
    pos = ["PROPN", "VERB", "PUNCT", "PROPN", "NUM", "PUNCT", "PUNCT", "SPACE"]
    pos += ["PROPN", "VERB", "PUNCT", "PUNCT", "PRON", "VERB", "PUNCT", "PUNCT"]
    lemmas = [w.lower() for w in words]
    lemmas[9] = "say"
    return hand_parse(nlp, words, heads, deps, pos, lemmas=lemmas)


def test_coref_quotation_marks_pair_within_a_paragraph(nlp):
    doc = paragraphs_parse(nlp)
    # the stray mark is closed where its paragraph ends, the next paragraph's pair stays one
    assert quotation_marks(columns(doc)) == [2, 6, 11, 15]


def test_coref_a_stray_mark_leaves_the_next_quotation_its_speaker(nlp):
    doc = paragraphs_parse(nlp)
    lind = Antecedent(doc[8:9], 0, frozenset({"person"}))
    quotations = Quotations.of(columns(doc), [lind])
    assert quotations.speaker(12, {}) == 0  # 'He' is inside Lind's quotation
    assert quotations.speaker(9, {}) is None  # 'said' is outside any


def case_parse(nlp):
    """'Roe v. Wade was cited .'"""
    words = ["Roe", "v.", "Wade", "was", "cited", "."]
    heads = [4, 0, 1, 4, 4, 4]
    deps = ["nsubjpass", "prep", "pobj", "auxpass", "ROOT", "punct"]
    pos = ["PROPN", "ADP", "PROPN", "AUX", "VERB", "PUNCT"]
    return hand_parse(nlp, words, heads, deps, pos)


def test_coref_parties_of_a_case_name_are_no_mention(nlp):
    doc = case_parse(nlp)
    assert in_case_name(doc[0:1], quoted=False)
    assert in_case_name(doc[2:3], quoted=False)


def test_coref_a_quoted_title_with_versus_is_no_case_name(nlp):
    doc = hand_parse(
        nlp,
        ["He", "dubbed", "it", '"', "Roe", "vs.", "Wade", '"', "."],
        [1, 1, 1, 1, 1, 4, 5, 1, 1],
        ["nsubj", "ROOT", "dobj", "punct", "oprd", "prep", "pobj", "punct", "punct"],
        ["PRON", "VERB", "PRON", "PUNCT", "PROPN", "ADP", "PROPN", "PUNCT", "PUNCT"],
    )
    quotations = Quotations.of(columns(doc), [])
    assert quotations.around(4) == (3, 7)
    assert not in_case_name(doc[4:5], quoted=quotations.quoted(4))
    assert not in_case_name(doc[6:7], quoted=quotations.quoted(6))


def test_coref_a_name_beside_a_preposition_is_a_mention(nlp):
    doc = hand_parse(
        nlp,
        ["Roe", "from", "Wade", "left", "."],
        [3, 0, 1, 3, 3],
        ["nsubj", "prep", "pobj", "ROOT", "punct"],
        ["PROPN", "ADP", "PROPN", "VERB", "PUNCT"],
    )
    assert not in_case_name(doc[0:1], quoted=False)
    assert not in_case_name(doc[2:3], quoted=False)


@pytest.mark.parametrize(
    ("types", "said", "pronoun", "expected"),
    [
        # the tags split between person and organization, the text says a spacecraft
        ({"person", "organization"}, {"spacecraft", "project"}, "he", True),
        # untagged, and said a spacecraft
        ({"thing"}, {"spacecraft"}, "she", True),
        # 'it' is no person pronoun
        ({"person", "organization"}, {"spacecraft"}, "it", False),
        # a person among the classes said
        ({"person", "organization"}, {"spacecraft", "director"}, "he", False),
        # the tags agree on a person: a class the parse said is not enough
        ({"person"}, {"paper"}, "his", False),
        # nothing said
        ({"person", "organization"}, set(), "he", False),
    ],
)
def test_coref_an_entity_said_a_thing_is_no_person(nlp, types, said, pronoun, expected):
    doc = hand_parse(
        nlp, ["Zeta", "left", "."], [1, 1, 1], ["nsubj", "ROOT", "punct"], ["PROPN"] * 3
    )
    [state] = entity_states([Antecedent(doc[0:1], 0, frozenset(types))]).values()
    state.descriptors = set(said)
    assert said_no_person(pronoun, state) == expected


@pytest.mark.parametrize(
    ("words", "heads", "deps", "bound"),
    [
        # "He met Roe , who told Lind he left ." : Lind is in a remark set off by a comma
        (
            ["He", "met", "Roe", ",", "who", "told", "Lind", "he", "left", "."],
            [1, 1, 1, 2, 5, 2, 5, 8, 5, 1],
            ["nsubj", "ROOT", "dobj", "punct", "nsubj", "relcl", "dobj", "nsubj", "ccomp", "punct"],
            False,
        ),
        # "He met the man who told Lind ." : a restrictive relative is under 'He'
        (
            ["He", "met", "the", "man", "who", "told", "Lind", "."],
            [1, 1, 3, 1, 5, 3, 5, 1],
            ["nsubj", "ROOT", "det", "dobj", "nsubj", "relcl", "dobj", "punct"],
            True,
        ),
    ],
)
def test_coref_a_relative_set_off_by_a_comma_is_not_bound(nlp, words, heads, deps, bound):
    from extract.coref import bound_later

    pos = [
        "PRON"
        if w in ("He", "he", "who")
        else "PROPN"
        if w in ("Roe", "Lind")
        else "PUNCT"
        if w in (",", ".")
        else "VERB"
        for w in words
    ]
    doc = hand_parse(nlp, words, heads, deps, pos)
    lind = next(t for t in doc if t.text == "Lind")
    named = {lind.i: Antecedent(doc[lind.i : lind.i + 1], 7, frozenset({"person"}))}
    assert (7 in bound_later(doc[0], named)) == bound
