"""Named mentions: where an entity span the small model gives is really two names."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from extract.columns import columns
from extract.mentions import find_entities
from extract.name_checks import called_class
from extract.spans import extended, joined_entities, split_entity
from extract.votes import reference_type
from tests.conftest import hand_parse


def entity(nlp, words, pos, start, end) -> Span:
    doc = Doc(nlp.vocab, words=words, pos=pos)
    return Span(doc, start, end, label="ORG")


def test_mentions_split_a_name_and_its_acronym(nlp):
    words = ["Software", "Development", "Kit", "(", "SDK", ")"]
    span = entity(nlp, words, ["PROPN", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT"], 0, 5)
    assert [p.text for p in split_entity(span)] == ["Software Development Kit", "SDK"]


def test_mentions_split_at_a_place_preposition(nlp):
    words = ["Seawolf", "in", "Varnia"]
    span = entity(nlp, words, ["PROPN", "ADP", "PROPN"], 0, 3)
    assert [p.text for p in split_entity(span)] == ["Seawolf", "Varnia"]


def test_mentions_keep_of_inside_a_name(nlp):
    words = ["Bank", "of", "America"]
    span = entity(nlp, words, ["PROPN", "ADP", "PROPN"], 0, 3)
    assert [p.text for p in split_entity(span)] == ["Bank of America"]


def test_mentions_split_a_name_said_twice_across_a_missed_sentence_end(nlp):
    # 'I represent respondent T. W. T. W. comes today': the parser missed the period's end
    span = entity(nlp, ["T.", "W.", "T.", "W."], ["PROPN"] * 4, 0, 4)
    assert [p.text for p in split_entity(span)] == ["T. W.", "T. W."]
    span = entity(nlp, ["New", "York", "New", "York"], ["PROPN"] * 4, 0, 4)
    assert [p.text for p in split_entity(span)] == ["New York New York"]  # no period: a title


TYPES = [
    ("Microsoft released Internet Explorer 9 on Monday.", "Internet Explorer 9", "product"),
    (
        "Shares rose as the Dow Jones Industrial Average climbed.",
        "Dow Jones Industrial Average",
        "product",
    ),
    ("The UK government said it would act. Officials in the UK agreed.", "UK", "place"),
    ("Analysts praised the Zorbix browser.", "Zorbix", "product"),
    ("Shares of Quorvane Ltd. fell.", "Quorvane Ltd.", "organization"),
    ("The firm is based in Vetrenstad.", "Vetrenstad", "place"),
    ("Chief executive Anselm Quorvik resigned.", "Anselm Quorvik", "person"),
    ("Users of QX7 complained. QX7 crashed often.", "QX7", "product"),
    ("The plan will cost NZ $ 26 million, the minister said.", "NZ $ 26 million", "quantity"),
    # a class noun opening the name; the small model tags each a person
    ("Cyclone Phailin hit India on Saturday.", "Cyclone Phailin", "event"),
    ("Space Shuttle Atlantis landed on Thursday.", "Space Shuttle Atlantis", "product"),
    # the name a class noun goes by; the small model tags it a person
    ("Investors backed a startup going by the name Zorvex.", "Zorvex", "organization"),
]


@pytest.mark.parametrize(("text", "name", "expected"), TYPES, ids=[t for t, _, _ in TYPES])
def test_mentions_type_from_the_evidence(nlp, text, name, expected):
    entities = find_entities(columns(nlp(text)))
    [entity] = {e for e in entities.span_entity if e.name == name}
    assert entity.type == expected


REFERENCE_VOTES = [
    # pronoun, the types its entity may have -> the type it votes for ('thing': none)
    ("he", {"person", "organization"}, "person"),
    ("it", {"person", "organization"}, "organization"),  # a lone person tag: a company
    ("it", {"organization", "product"}, "thing"),  # 'it' tells no company from its product
]


@pytest.mark.parametrize(("word", "possible", "expected"), REFERENCE_VOTES)
def test_mentions_pronoun_votes_only_the_type_it_leaves(nlp, word, possible, expected):
    doc = hand_parse(nlp, [word, "fell"], [1, 1], ["nsubj", "ROOT"], ["PRON", "VERB"])
    assert reference_type(doc[0], frozenset(possible)) == expected


def entity_names(entities) -> dict[str, str]:
    """Each mention's text -> the name of its entity."""
    return {s.text: e.name for s, e in zip(entities.spans, entities.span_entity)}


IDENTITY = [
    # text, mention -> the entity it names: merges that are tempting but wrong, and right ones
    (
        "Sony said profits rose. Its label Sony Music Europe signed two bands, and Sony Music "
        "Europe said more would follow. Sony shares rose.",
        {"Sony": "Sony", "Sony Music Europe": "Sony Music Europe"},
    ),
    (
        "Engineers at Siemens and Bosch agreed. Siemens said it was pleased.",
        {"Siemens": "Siemens", "Bosch": "Bosch"},
    ),
    (
        "Orlan Records sued Orlan Computer. Orlan Computer said that Orlan and Orlan Records "
        "would meet in court.",
        {"Orlan": "Orlan Computer", "Orlan Records": "Orlan Records"},
    ),
    (
        "Marit Paris, a Norwegian woman and former nurse, has claimed that the hospital fired "
        "her. Paris was born in Bergen.",
        {"Marit Paris": "Marit Paris", "Paris": "Marit Paris", "Bergen": "Bergen"},
    ),
    (
        "President Barack Obama met Chancellor Angela Merkel in Berlin. The President praised "
        "the Chancellor.",
        {"President": "Barack Obama", "Chancellor": "Angela Merkel"},
    ),
    (
        "Education Secretary Miguel Cardona spoke on Monday. The Secretary said loans would "
        "be forgiven.",
        {"Secretary": "Miguel Cardona"},
    ),
    (
        "President Joe Biden met President Xi Jinping in Bali. The President said the talks "
        "went well.",
        {"President": "President"},  # two presidents: neither
    ),
]


@pytest.mark.parametrize(("text", "expected"), IDENTITY, ids=[t[:30] for t, _ in IDENTITY])
def test_mentions_identity(nlp, text, expected):
    names = entity_names(find_entities(columns(nlp(text))))
    assert {k: names[k] for k in expected} == expected


def two_places_parse(nlp) -> Doc:
    """'Jo Paris , a woman , left . Paris said so .' with 'Jo' and 'Paris' tagged two places."""
    words = ["Jo", "Paris", ",", "a", "woman", ",", "left", ".", "Paris", "said", "so", "."]
    heads = [1, 6, 1, 4, 1, 1, 6, 6, 9, 9, 9, 9]
    deps = ["compound", "nsubj", "punct", "det", "appos", "punct", "ROOT", "punct"]
    deps += ["nsubj", "ROOT", "advmod", "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PUNCT"]
    pos += ["PROPN", "VERB", "ADV", "PUNCT"]
    doc = hand_parse(nlp, words, heads, deps, pos)
    doc.ents = [Span(doc, 0, 1, "GPE"), Span(doc, 1, 2, "GPE"), Span(doc, 8, 9, "GPE")]
    return doc


def test_mentions_join_a_name_cut_into_two_places(nlp):
    doc = two_places_parse(nlp)
    assert [(e.text, label) for e, label in joined_entities(doc.ents)] == [
        ("Jo Paris", ""),
        ("Paris", "GPE"),
    ]


def test_mentions_cluster_again_with_the_voted_types(nlp):
    # 'a woman' makes 'Jo Paris' a person, so 'Paris' is her last name, not the city
    entities = find_entities(columns(two_places_parse(nlp)))
    assert [(s.text, e.name, e.type) for s, e in zip(entities.spans, entities.span_entity)] == [
        ("Jo Paris", "Jo Paris", "person"),
        ("Paris", "Jo Paris", "person"),
    ]


def test_mentions_join_no_names_of_two_labels(nlp):
    doc = two_places_parse(nlp)
    doc.ents = [Span(doc, 0, 1, "ORG"), Span(doc, 1, 2, "GPE")]
    assert [e.text for e, _ in joined_entities(doc.ents)] == ["Jo", "Paris"]


COORDINATED = [
    # words, heads, deps -> the names an entity span holds
    (
        ["North", "and", "South", "Varnia"],
        [3, 0, 0, 3],
        ["nmod", "cc", "conj", "ROOT"],
        ["North", "South Varnia"],
    ),
    (["Marks", "and", "Spencer"], [0, 0, 0], ["ROOT", "cc", "conj"], ["Marks and Spencer"]),
    (
        ["Orbital", "Addressing", "and", "Reporting", "System"],
        [4, 4, 1, 1, 4],
        ["compound", "nmod", "cc", "conj", "ROOT"],
        ["Orbital Addressing and Reporting System"],
    ),
]


@pytest.mark.parametrize(("words", "heads", "deps", "expected"), COORDINATED)
def test_mentions_split_names_that_share_a_head(nlp, words, heads, deps, expected):
    pos = ["CCONJ" if w == "and" else "PROPN" for w in words]
    doc = hand_parse(nlp, words, heads, deps, pos)
    span = Span(doc, 0, len(words), label="GPE")
    assert [p.text for p in split_entity(span)] == expected


def spaced_parse(nlp, words, spaces, heads, deps, pos) -> Doc:
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    return doc


EXTENDED = [
    # words, spaces, heads, deps, pos, the span given -> the span extended
    (  # a word joined by a hyphen
        ["the", "Al", "-", "Zahra", "Hotel"],
        [True, False, False, True, False],
        [4, 3, 3, 4, 4],
        ["det", "compound", "punct", "compound", "ROOT"],
        ["DET", "PROPN", "PUNCT", "PROPN", "PROPN"],
        (3, 5),
        "Al-Zahra Hotel",
    ),
    (  # a spaced dash joins no name
        ["Oslo", "-", "Zahra", "Hotel"],
        [True, True, True, False],
        [3, 3, 3, 3],
        ["npadvmod", "punct", "compound", "ROOT"],
        ["PROPN", "PUNCT", "PROPN", "PROPN"],
        (2, 4),
        "Zahra Hotel",
    ),
    (  # a proper noun that modifies the name
        ["Quorvane", "UK", "grew"],
        [True, True, False],
        [1, 2, 2],
        ["compound", "nsubj", "ROOT"],
        ["PROPN", "PROPN", "VERB"],
        (1, 2),
        "Quorvane UK",
    ),
    (  # a headline's capitalized class noun is no part of the name
        ["Automaker", "GM", "grew"],
        [True, True, False],
        [1, 2, 2],
        ["compound", "nsubj", "ROOT"],
        ["PROPN", "PROPN", "VERB"],
        (1, 2),
        "GM",
    ),
]


@pytest.mark.parametrize(("words", "spaces", "heads", "deps", "pos", "given", "expected"), EXTENDED)
def test_mentions_extend_a_name_span(nlp, words, spaces, heads, deps, pos, given, expected):
    doc = spaced_parse(nlp, words, spaces, heads, deps, pos)
    assert extended(doc[given[0] : given[1]]).text == expected


CALLED = [
    # text, the mention a naming verb gives a thing, the entity it names, its type
    (
        "Senator Malcolm Trevick spoke on Monday. A bar in Oslo sells a new drink called "
        "Trevick. Trevick said he was amused.",
        "Trevick",
        ("Trevick", "product"),
    ),
    (  # a person named so keeps the name
        "Malcolm Trevick left early. A man called Trevick phoned later.",
        "Trevick",
        ("Malcolm Trevick", "person"),
    ),
]


@pytest.mark.parametrize(
    ("text", "mention", "expected"), CALLED, ids=[t[:30] for t, _, _ in CALLED]
)
def test_mentions_a_called_thing_is_no_persons_name(nlp, text, mention, expected):
    doc = nlp(text)
    entities = find_entities(columns(doc))
    called = next(t.i for t in doc if t.text == mention and t.head.lemma_ == "call")
    entity = entities.span_entity[entities.token_span[called]]
    assert (entity.name, entity.type) == expected
    others = [e for s, e in zip(entities.spans, entities.span_entity) if s.start > called]
    assert all(e.name == "Malcolm Trevick" for e in others if e.name.endswith("Trevick"))


def test_mentions_called_class_of_a_hand_parse(nlp):
    words = ["a", "drink", "called", "Zeta", "and", "a", "man", "called", "Roe"]
    heads = [1, 1, 1, 2, 1, 6, 1, 6, 7]
    deps = ["det", "ROOT", "acl", "oprd", "cc", "det", "conj", "acl", "oprd"]
    pos = ["DET", "NOUN", "VERB", "PROPN", "CCONJ", "DET", "NOUN", "VERB", "PROPN"]
    lemmas = ["a", "drink", "call", "Zeta", "and", "a", "man", "call", "Roe"]
    doc = hand_parse(nlp, words, heads, deps, pos, lemmas)
    assert called_class(doc[3:4]) == "product"
    assert called_class(doc[8:9]) is None  # a person keeps the name
    assert called_class(doc[1:2]) is None  # no naming verb gives it


TITLES_ALONE = [
    # text, whether a capitalized post alone is named as an entity
    ("Currently Roe is a Professor at Zorbia University.", "Professor", False),
    ("Wikinews interviewed Assistant Professor Jo Roe about sport.", "Assistant Professor", False),
    ("Officials met on Monday. Later the President spoke to reporters.", "President", True),
]


@pytest.mark.parametrize(
    ("text", "title", "named"), TITLES_ALONE, ids=[t for t, _, _ in TITLES_ALONE]
)
def test_mentions_a_post_alone_names_no_entity(nlp, text, title, named):
    entities = find_entities(columns(nlp(text)))
    assert (title in {s.text for s in entities.spans}) == named


def test_mentions_keep_a_titles_preposition(nlp):
    words = ["Tricks", "on", "Stage"]
    doc = Doc(nlp.vocab, words=words, pos=["PROPN", "ADP", "PROPN"])
    # unquoted, a work's tag is no reason: the model tags a ship in a port so
    assert [p.text for p in split_entity(Span(doc, 0, 3, label="WORK_OF_ART"))] == [
        "Tricks",
        "Stage",
    ]
    quoted = Doc(
        nlp.vocab, words=['"', *words, '"'], pos=["PUNCT", "PROPN", "ADP", "PROPN", "PUNCT"]
    )
    assert [p.text for p in split_entity(Span(quoted, 1, 4, label="ORG"))] == ["Tricks on Stage"]


def test_mentions_split_a_list_run_into_one_name(nlp):
    # 'from the Academy , Zeta Officer School' tagged one organization
    words = ["from", "the", "Academy", ",", "Zeta", "Officer", "School"]
    heads = [0, 2, 0, 2, 6, 6, 2]
    deps = ["ROOT", "det", "pobj", "punct", "compound", "compound", "conj"]
    pos = ["ADP", "DET", "PROPN", "PUNCT", "PROPN", "PROPN", "PROPN"]
    doc = hand_parse(nlp, words, heads, deps, pos)
    assert [p.text for p in split_entity(Span(doc, 1, 7, "ORG"))] == [
        "the Academy",
        "Zeta Officer School",
    ]
    # a comma before a word that is no conjunct ('Zeta, Inc.') stays inside the name
    doc = hand_parse(
        nlp, ["Zeta", ",", "Inc."], [0, 0, 0], ["ROOT", "punct", "appos"], ["PROPN"] * 3
    )
    assert [p.text for p in split_entity(Span(doc, 0, 3, "ORG"))] == ["Zeta , Inc."]
