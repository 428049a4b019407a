"""Rules that keep wrong relations out of a news article's graph and read the posts written
as names: sentences read with the real model, and the rules on hand-built parses."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extract.candidate import is_word_prefix
from extract.clauses import is_passive, names_for, subjects_of
from extract.columns import columns
from extract.posts import is_post, post_holders, post_owners
from extract.relations import sentence_candidates
from extract.spans import name_spans
from extract.verb_words import is_relating, particles, verb_lemma
from tests.conftest import assert_reads, parse_rows, read

# sentence -> triples that must be read, and triples that must not
EXPECTED = [
    (
        "Jo Roe, Canada's Attorney General, sued Acme.",
        {("Jo Roe", "Attorney General of", "Canada"), ("Jo Roe", "sue", "Acme")},
        {("Canada", "have", "Attorney General")},
    ),
    (
        "France's Prime Minister, Jean Dupont, met Tim Lee in Paris.",
        {("Jean Dupont", "Prime Minister of", "France"), ("Jean Dupont", "meet", "Tim Lee")},
        {("France", "have", "Prime Minister")},
    ),
    (
        "In a statement, Governor of Ohio Jo Roe said the plant would close.",
        {("Jo Roe", "Governor of", "Ohio")},
        set(),
    ),
    (
        "Jo Roe, the Green Party's nominee for Governor of Ohio, spoke on Monday.",
        {("Jo Roe", "nominee for Governor of", "Ohio"), ("Jo Roe", "nominee of", "Green Party")},
        {("Jo Roe", "nominee for", "Governor")},
    ),
    (
        "Jo Roe served as Governor of Ohio until 2001.",
        {("Jo Roe", "Governor of", "Ohio")},
        {("Jo Roe", "serve as", "Governor")},
    ),
    (
        "Jo Roe, chief economist at Acme Bank, said prices would rise.",
        {("Jo Roe", "chief economist at", "Acme Bank")},
        set(),
    ),
    (
        "About 2,000 Zorbians worship the old gods, such as Arvo, Belka and Corin.",
        {("Zorbians", "worship", "Arvo")},
        {("Zorbians", "worship god as", "Arvo")},
    ),
    (
        "The agency said Jo Roe contacted Zorbia's foreign minister over housing for the "
        "refugees out at sea.",
        {("Jo Roe", "contact foreign minister of", "Zorbia")},
        {("Jo Roe", "contact out foreign minister of", "Zorbia")},
    ),
    (
        "Fans wrote to Acme creator Jo Roe and to Green Party nominee Tim Lee.",
        {("Jo Roe", "creator of", "Acme"), ("Tim Lee", "nominee of", "Green Party")},
        set(),
    ),
    (
        "The questions came from Zorbia Times reporter Ann Bell.",
        {("Ann Bell", "reporter of", "Zorbia Times")},
        set(),
    ),
    (
        "Texas student Ahmed Ali built a clock.",
        {("Ahmed Ali", "from", "Texas")},
        {("Ahmed Ali", "student of", "Texas")},
    ),
    (
        "Jo Roe was arrested by police and charged with theft by Acme.",
        {("Acme", "charge", "Jo Roe"), ("police", "arrest", "Jo Roe")},
        {("Jo Roe", "charge with", "theft")},
    ),
    (
        "Acme has bought and sold Zeta twice.",
        {("Acme", "buy", "Zeta"), ("Acme", "sell", "Zeta")},
        set(),
    ),
    (
        "Mark Rathbun left the group in 2004.\n\n"
        "Rathbun requested donations to help Daniel Montalvo.",
        {("Mark Rathbun", "help", "Daniel Montalvo"), ("Mark Rathbun", "request", "donations")},
        set(),
    ),
    (
        "Co-founder of Acme, Jo Roe, personally met with Tim Lee during his visit.",
        {("Jo Roe", "founder of", "Acme"), ("Jo Roe", "meet with", "Tim Lee")},
        {("co", "meet with", "Tim Lee")},
    ),
    (
        "Jo Roe studied at Kent State University of the US and the University of Leeds of the UK.",
        {("Kent State University", "be in", "US"), ("University of Leeds", "be in", "UK")},
        set(),
    ),
    ("Jo Roe works for the Bank of England.", {("Jo Roe", "work for", "Bank of England")}, set()),
    (
        "Senator Jo Roe, a Democrat from Ohio, spoke on Monday.",
        {("Jo Roe", "be from", "Ohio")},
        set(),
    ),
    (
        "Jo Roe, a Democrat, spoke in Ohio.",
        {("Jo Roe", "speak in", "Ohio")},
        {("Jo Roe", "be from", "Ohio")},
    ),
    (
        "President Jo Roe met Chancellor Ann Lee in Berlin. The President praised the Chancellor.",
        {("Jo Roe", "praise", "Ann Lee")},
        {("President", "praise", "Chancellor")},
    ),
    ("Acme turned the offer down.", {("Acme", "turn down", "offer")}, set()),
    ("Acme gave up its claim to Zeta.", {("Acme", "give up claim to", "Zeta")}, set()),
]
# sentences where no relation between two names may be read
NOTHING_BETWEEN_NAMES = [
    "The charity received letters ranging from Mayor Jo Roe to author Tim Lee.",
    "Unlike rival services like Zeta, Acme relies entirely on volunteers.",
    "Jo Roe, the Secretary of State, spoke at length.",
]


@pytest.mark.parametrize(("sentence", "wanted", "unwanted"), EXPECTED)
def test_sentence_gives_expected_triples(nlp, sentence, wanted, unwanted):
    assert_reads(nlp, sentence, wanted, unwanted)


@pytest.mark.parametrize("sentence", NOTHING_BETWEEN_NAMES)
def test_sentence_relates_no_two_names(nlp, sentence):
    named = {"PERSON", "ORG", "GPE", "PRODUCT", "organization", "person", "place", "product"}
    triples = read(sentence, nlp=nlp)
    assert not [t for t in triples if t.subject.type in named and t.object.type in named], sentence


def candidates(doc):
    return {(c.subject.text, c.predicate, c.object.text) for c in sentence_candidates(doc[:])}


def test_post_with_place_possessor_names_its_holder_on_built_parse(nlp):
    # 'Zorbia's Attorney General, Jo Roe, sued Acme.'
    doc = parse_rows(
        nlp,
        [
            ("Zorbia", 3, "poss", "PROPN", "B-GPE"),
            ("'s", 0, "case", "PART", "O"),
            ("Attorney", 3, "compound", "PROPN", "O"),
            ("General", 8, "nsubj", "PROPN", "O"),
            (",", 3, "punct", "PUNCT", "O"),
            ("Jo", 6, "compound", "PROPN", "B-PERSON"),
            ("Roe", 3, "appos", "PROPN", "I-PERSON"),
            (",", 3, "punct", "PUNCT", "O"),
            ("sued", 8, "ROOT", "VERB", "O", "sue"),
            ("Acme", 8, "dobj", "PROPN", "B-ORG"),
            (".", 8, "punct", "PUNCT", "O"),
        ],
    )
    assert is_post(doc[3]) and not is_post(doc[6])
    assert [(o.text, r) for o, r in post_owners(doc[3])] == [("Zorbia", "Attorney General of")]
    found = candidates(doc)
    assert ("Roe", "Attorney General of", "Zorbia") in found
    assert ("Roe", "sued", "Acme") in found  # the post stands for its holder as a subject
    assert not [c for c in found if c[0] == "Zorbia" and c[2] == "General"]


def test_post_field_is_no_owner_on_built_parse(nlp):
    # 'Jo Roe, the Secretary of State, spoke.'
    doc = parse_rows(
        nlp,
        [
            ("Jo", 1, "compound", "PROPN", "B-PERSON"),
            ("Roe", 8, "nsubj", "PROPN", "I-PERSON"),
            (",", 1, "punct", "PUNCT", "O"),
            ("the", 4, "det", "DET", "O"),
            ("Secretary", 1, "appos", "PROPN", "O"),
            ("of", 4, "prep", "ADP", "O"),
            ("State", 5, "pobj", "PROPN", "B-ORG"),
            (",", 1, "punct", "PUNCT", "O"),
            ("spoke", 8, "ROOT", "VERB", "O", "speak"),
            (".", 8, "punct", "PUNCT", "O"),
        ],
    )
    assert post_owners(doc[4]) == []
    assert not [c for c in candidates(doc) if c[2] == "State"]


def test_affiliation_noun_before_a_name_relates_it_on_built_parse(nlp):
    # 'Acme producer Jo Roe spoke.'
    doc = parse_rows(
        nlp,
        [
            ("Acme", 1, "compound", "PROPN", "B-ORG"),
            ("producer", 3, "compound", "NOUN", "O"),
            ("Jo", 3, "compound", "PROPN", "B-PERSON"),
            ("Roe", 4, "nsubj", "PROPN", "I-PERSON"),
            ("spoke", 4, "ROOT", "VERB", "O"),
            (".", 4, "punct", "PUNCT", "O"),
        ],
    )
    assert ("Roe", "producer of", "Acme") in candidates(doc)


def test_range_bounds_relate_nothing_on_built_parse(nlp):
    # 'Jo received praise ranging from Acme to Zeta.'
    doc = parse_rows(
        nlp,
        [
            ("Jo", 1, "nsubj", "PROPN", "B-PERSON"),
            ("received", 1, "ROOT", "VERB", "O", "receive"),
            ("praise", 1, "dobj", "NOUN", "O"),
            ("ranging", 1, "advcl", "NOUN", "O"),
            ("from", 1, "prep", "ADP", "O"),
            ("Acme", 4, "pobj", "PROPN", "B-ORG"),
            ("to", 1, "prep", "ADP", "O"),
            ("Zeta", 6, "pobj", "PROPN", "B-ORG"),
            (".", 1, "punct", "PUNCT", "O"),
        ],
    )
    assert not is_relating(doc[4]) and not is_relating(doc[6])
    assert not [c for c in candidates(doc) if c[2] in ("Acme", "Zeta")]


def test_examples_and_contrasts_relate_nothing_on_built_parse(nlp):
    # 'Acme, unlike Zeta, sells the old models, such as Arvo.'
    doc = parse_rows(
        nlp,
        [
            ("Acme", 4, "nsubj", "PROPN", "B-ORG"),
            (",", 0, "punct", "PUNCT", "O"),
            ("unlike", 4, "prep", "ADP", "O"),
            ("Zeta", 2, "pobj", "PROPN", "B-ORG"),
            ("sells", 4, "ROOT", "VERB", "O", "sell"),
            ("the", 7, "det", "DET", "O"),
            ("old", 7, "amod", "ADJ", "O"),
            ("models", 4, "dobj", "NOUN", "O", "model"),
            (",", 7, "punct", "PUNCT", "O"),
            ("such", 10, "amod", "ADJ", "O"),
            ("as", 7, "prep", "ADP", "O"),
            ("Arvo", 10, "pobj", "PROPN", "B-PRODUCT"),
            (".", 4, "punct", "PUNCT", "O"),
        ],
    )
    assert not is_relating(doc[2]) and not is_relating(doc[10])
    found = candidates(doc)
    assert not [c for c in found if c[2] == "Zeta" or " as" in c[1]]
    assert ("Acme", "sells", "Arvo") in found  # the examples stand for the object itself


@pytest.mark.parametrize(
    ("word", "tag", "lemma", "expected"),
    [
        ("rates", "VBZ", "rat", "rate"),
        ("hates", "VBZ", "hat", "hate"),
        ("watches", "VBZ", "watch", "watch"),
        ("goes", "VBZ", "go", "go"),
        ("rated", "VBD", "rate", "rate"),
    ],
)
def test_verb_lemma_mends_a_cut_stem(nlp, word, tag, lemma, expected):
    doc = parse_rows(nlp, [(word, 0, "ROOT", "VERB", "O", lemma)])
    doc[0].tag_ = tag
    assert verb_lemma(doc[0]) == expected


def test_particle_after_a_heavy_object_is_none_on_built_parse(nlp):
    # 'Jo contacted the minister of Zorbia out at sea' / 'Jo turned the offer down'
    heavy = parse_rows(
        nlp,
        [
            ("Jo", 1, "nsubj", "PROPN", "B-PERSON"),
            ("contacted", 1, "ROOT", "VERB", "O", "contact"),
            ("the", 3, "det", "DET", "O"),
            ("minister", 1, "dobj", "NOUN", "O"),
            ("of", 3, "prep", "ADP", "O"),
            ("Zorbia", 4, "pobj", "PROPN", "B-GPE"),
            ("out", 1, "prt", "ADP", "O"),
            ("at", 1, "prep", "ADP", "O"),
            ("sea", 7, "pobj", "NOUN", "O"),
        ],
    )
    light = parse_rows(
        nlp,
        [
            ("Jo", 1, "nsubj", "PROPN", "B-PERSON"),
            ("turned", 1, "ROOT", "VERB", "O", "turn"),
            ("the", 3, "det", "DET", "O"),
            ("offer", 1, "dobj", "NOUN", "O"),
            ("down", 1, "prt", "ADP", "O"),
        ],
    )
    assert particles(heavy[1]) == []
    assert [p.text for p in particles(light[1])] == ["down"]


def test_participle_coordinated_with_a_passive_is_passive_on_built_parse(nlp):
    # 'Jo was held and moved to Zeta' / 'Jo has held and moved it'
    passive = parse_rows(
        nlp,
        [
            ("Jo", 2, "nsubjpass", "PROPN", "B-PERSON"),
            ("was", 2, "auxpass", "AUX", "O"),
            ("held", 2, "ROOT", "VERB", "O"),
            ("and", 2, "cc", "CCONJ", "O"),
            ("moved", 2, "conj", "VERB", "O"),
            ("to", 4, "prep", "ADP", "O"),
            ("Zeta", 5, "pobj", "PROPN", "B-ORG"),
        ],
    )
    active = parse_rows(
        nlp,
        [
            ("Jo", 2, "nsubj", "PROPN", "B-PERSON"),
            ("has", 2, "aux", "AUX", "O"),
            ("held", 2, "ROOT", "VERB", "O"),
            ("and", 2, "cc", "CCONJ", "O"),
            ("moved", 2, "conj", "VERB", "O"),
            ("it", 4, "dobj", "PRON", "O"),
        ],
    )
    for doc in (passive, active):
        doc[2].tag_ = doc[4].tag_ = "VBN"
    assert is_passive(passive[4])
    assert not is_passive(active[4])


def surname_rows(first: str) -> list[tuple]:
    # '<first> Roe spoke. Roe left.' with the second 'Roe' tagged as a verb
    return [
        (first, 1, "compound", "PROPN", "B-PERSON"),
        ("Roe", 2, "nsubj", "PROPN", "I-PERSON"),
        ("spoke", 2, "ROOT", "VERB", "O"),
        (".", 2, "punct", "PUNCT", "O"),
        ("Roe", 5, "nsubj", "VERB", "O"),
        ("left", 5, "ROOT", "VERB", "O"),
        (".", 5, "punct", "PUNCT", "O"),
    ]


def test_surname_tagged_as_a_verb_is_a_name_on_built_parse(nlp):
    spans, _ = name_spans(columns(parse_rows(nlp, surname_rows("Mark"))))
    assert [(s.start, s.text) for s in spans] == [(0, "Mark Roe"), (4, "Roe")]


def test_last_word_of_a_name_without_a_given_name_stays_a_word_on_built_parse(nlp):
    # 'Mets Poet ... Poet says': no given name, so 'Poet' may be a common noun
    spans, _ = name_spans(columns(parse_rows(nlp, surname_rows("Zorbix"))))
    assert [s.text for s in spans] == ["Zorbix Roe"]


def copula_rows(subject: str, det: bool) -> list[tuple]:
    # '[The] <subject> is a Professor at Acme.'
    rows = [("The", 1, "det", "DET", "O")] if det else []
    at = len(rows)
    return [
        *rows,
        (subject, at + 1, "nsubj", "NOUN", "O"),
        ("is", at + 1, "ROOT", "AUX", "O"),
        ("a", at + 3, "det", "DET", "O"),
        ("Professor", at + 1, "attr", "PROPN", "O"),
        ("at", at + 3, "prep", "ADP", "O"),
        ("Acme", at + 4, "pobj", "PROPN", "B-ORG"),
    ]


def test_bare_capitalized_subject_is_no_description_of_the_name_after_on_built_parse(nlp):
    lemma = {"is": "be"}.get
    mistagged = parse_rows(nlp, copula_rows("Roe", det=False), lemma=lambda w: lemma(w, w))
    described = parse_rows(nlp, copula_rows("winner", det=True), lemma=lambda w: lemma(w, w))
    assert names_for(mistagged[0]) == []
    assert [t.text for t in names_for(described[1])] == ["Professor"]


@pytest.mark.parametrize("post_dep", ["ROOT", "nsubj"])
def test_post_before_its_holder_as_a_subject_on_built_parse(nlp, post_dep):
    # 'Zorbia's Prime Minister, Jo Roe said.': the post the root over 'said', or a second
    # subject of 'said'
    post_head = 3 if post_dep == "ROOT" else 7
    doc = parse_rows(
        nlp,
        [
            ("Zorbia", 3, "poss", "PROPN", "B-GPE"),
            ("'s", 0, "case", "PART", "O"),
            ("Prime", 3, "compound", "PROPN", "O"),
            ("Minister", post_head, post_dep, "PROPN", "O"),
            (",", 7, "punct", "PUNCT", "O"),
            ("Jo", 6, "compound", "PROPN", "B-PERSON"),
            ("Roe", 7, "nsubj", "PROPN", "I-PERSON"),
            (
                "said",
                3 if post_dep == "ROOT" else 7,
                "parataxis" if post_dep == "ROOT" else "ROOT",
                "VERB",
                "O",
            ),
            (".", 7, "punct", "PUNCT", "O"),
        ],
    )
    found = candidates(doc)
    assert ("Roe", "Prime Minister of", "Zorbia") in found
    assert not [c for c in found if c[2] == "Minister"]


def test_post_after_a_name_with_no_comma_has_no_holder_on_built_parse(nlp):
    # 'the Minister said Jo Roe left': no comma after the post, so no holder.
    doc = parse_rows(
        nlp,
        [
            ("the", 1, "det", "DET", "O"),
            ("Minister", 2, "nsubj", "PROPN", "O"),
            ("said", 2, "ROOT", "VERB", "O"),
            ("Jo", 4, "compound", "PROPN", "B-PERSON"),
            ("Roe", 5, "nsubj", "PROPN", "I-PERSON"),
            ("left", 2, "ccomp", "VERB", "O"),
        ],
    )
    assert post_holders(doc[1]) == []


def test_piece_of_a_hyphenated_word_is_no_subject_on_built_parse(nlp):
    # 'Co-founder Jo Roe met Tim' parsed with 'Co' and '-' as subjects
    doc = Doc(
        nlp.vocab,
        words=["Co", "-", "founder", "Jo", "Roe", "met", "Tim"],
        spaces=[False, False, True, True, True, True, False],
        heads=[5, 5, 4, 4, 5, 5, 5],
        deps=["nsubj", "nsubj", "compound", "compound", "nsubj", "ROOT", "dobj"],
        pos=["NOUN", "NOUN", "NOUN", "PROPN", "PROPN", "VERB", "PROPN"],
        ents=["O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON"],
    )
    assert is_word_prefix(doc[0]) and not is_word_prefix(doc[3])
    assert [t.text for t in subjects_of(doc[5])] == ["Roe"]


def test_country_after_an_organization_places_it_on_built_parse(nlp):
    # 'Zorbix University of the UK grew.' / 'Bank of Zorbia grew.' (the 'of' inside the name)
    def rows(inside: bool) -> list[tuple]:
        tag = "I-ORG" if inside else "O"
        return [
            ("Zorbix", 1, "compound", "PROPN", "B-ORG"),
            ("University", 5, "nsubj", "PROPN", "I-ORG"),
            ("of", 1, "prep", "ADP", tag),
            ("the", 4, "det", "DET", tag),
            ("UK", 2, "pobj", "PROPN", "I-ORG" if inside else "B-GPE"),
            ("grew", 5, "ROOT", "VERB", "O"),
        ]

    assert ("University", "be in", "UK") in candidates(parse_rows(nlp, rows(inside=False)))
    assert not [c for c in candidates(parse_rows(nlp, rows(inside=True))) if c[1] == "be in"]


def test_office_title_before_a_name_on_built_parse(nlp):
    # 'Zorbix Administrator Jo Roe spoke.'
    doc = parse_rows(
        nlp,
        [
            ("Zorbix", 3, "compound", "PROPN", "B-ORG"),
            ("Administrator", 3, "compound", "PROPN", "O"),
            ("Jo", 3, "compound", "PROPN", "B-PERSON"),
            ("Roe", 4, "nsubj", "PROPN", "I-PERSON"),
            ("spoke", 4, "ROOT", "VERB", "O"),
        ],
    )
    assert ("Roe", "Administrator of", "Zorbix") in candidates(doc)
