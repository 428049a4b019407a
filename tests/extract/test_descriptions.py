"""Definite descriptions: 'the court', 'the cyclone', 'the company' resolved by the words of a
name and by what the text said an entity is, and the descriptions that must stay unresolved;
the rules also on hand-built parses."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from extract.anaphora import Anaphor, introduces_nothing
from extract.coref import EntityState
from extract.description_names import is_country, name_heads, said_classes
from extract.descriptions import evidence, kin, kind_clash, modifier_clash
from tests.conftest import hand_parse, referent

# text, the description's head (its last occurrence), the entity it must refer to
DESCRIBED = [
    # the head word of a name
    (
        "The Supreme Court of Freedonia heard the appeal on Monday. The court ruled for the city.",
        "court",
        "Supreme Court of Freedonia",
    ),
    # a class noun that opens a name
    (
        "Cyclone Zelda reached the coast on Sunday. Officials said the cyclone weakened.",
        "cyclone",
        "Cyclone Zelda",
    ),
    # what the text said it is: an apposition, a noun before the name, a copula, 'called'
    (
        "Vantor, a Seattle-based company, hired ten engineers. The company plans more.",
        "company",
        "Vantor",
    ),
    (
        "The rapper Kilo Vance released an album in May. The rapper said it was his best.",
        "rapper",
        "Kilo Vance",
    ),
    # a post in capitals before the name says what the person is
    (
        "President Jo Roe met Chancellor Ann Lee in Berlin. The president praised the chancellor.",
        "chancellor",
        "Ann Lee",
    ),
    ("Mia Lund is a writer from Oslo. The writer lives in Bergen now.", "writer", "Mia Lund"),
    (
        "Orla Finn serves a cocktail called the Blue Harbor. The cocktail costs ten dollars.",
        "cocktail",
        "Blue Harbor",
    ),
    # a country's name says it is one; a synonym says what the text or the name said
    (
        "Chile signed a trade pact with Vantor in May. The country will cut its tariffs.",
        "country",
        "Chile",
    ),
    (
        "Orla Finn serves a drink called the Blue Harbor. The beverage costs ten dollars.",
        "beverage",
        "Blue Harbor",
    ),
    (
        "Cyclone Zelda reached the coast on Sunday. Officials said the storm weakened.",
        "storm",
        "Cyclone Zelda",
    ),
    # the grounds a name ends in; a numbered name's word
    (
        "The fair took place at the Rowe Convention Centre. Crowds filled every corner of the "
        "facility.",
        "facility",
        "Rowe Convention Centre",
    ),
    ("Kim Roe ran Study 2 in Oslo. The study found no effect.", "study", "Study 2"),
    # a state's name says it is one; a body of people is the group the text called it
    ("Kim Roe grew up in Ohio. She wants to reform the state's tax laws.", "state", "Ohio"),
    (
        "Volunteer organization Harbor Friends collects books for children. The group also "
        "sells buttons.",
        "group",
        "Harbor Friends",
    ),
    # a conjunct, a measure, a bare noun after 'at' or a reflexive tells no other one apart
    (
        "Mia Lund played in the Zorbian Chess Championship in May. She won the championship "
        "and $5,000.",
        "championship",
        "Zorbian Chess Championship",
    ),
    (
        "Orla Finn serves a cocktail called the Blue Harbor. Guests order the cocktail at "
        "dessert time.",
        "cocktail",
        "Blue Harbor",
    ),
    (
        "Kilo Vance wrote a series called Harbor Nights. Critics said the series itself was "
        "too long.",
        "series",
        "Harbor Nights",
    ),
    # a name before a class noun that says what it is
    (
        "Kim Roe took two drives from the Zorbology organization in May. Later the "
        "organization asked for them back.",
        "organization",
        "Zorbology",
    ),
]
# the singular of an organization's name's plural last word
DESCRIBED += [
    (
        "Lena Ford runs the Orvan Galleries in Oslo. Critics praised the gallery for its new show.",
        "gallery",
        "Orvan Galleries",
    ),
    (
        "Kim Roe flew on Norvik Airlines last week. The airline lost her bags.",
        "airline",
        "Norvik Airlines",
    ),
]
# a state that calls itself a commonwealth
DESCRIBED.append(
    (
        "Kim Roe was born in Virginia. She wants to serve the whole commonwealth.",
        "commonwealth",
        "Virginia",
    )
)
# text and a description that must stay unresolved
UNDESCRIBED = [
    ("Vantor hired ten engineers in Oslo. The ceremony was short.", "ceremony"),
    ("Vantor bought Bolt in May. The move surprised analysts.", "move"),
    # a country is no city: the city is one the text did not name
    ("Vantor hired ten engineers in Norway. The city welcomed the move.", "city"),
    ("Vantor hired ten engineers in Oslo. The government raised taxes.", "government"),
    ("Lyon is a large city in France. The company grew quickly.", "company"),  # a city
    ("Vantor sold the Harbor property to Orla Finn. The property was large.", "property"),
    ("Image: Kilo Vance. The image shows a crowded stage.", "image"),  # a caption's credit
    ("Vantor opened an office in Oslo. The end of the year was quiet.", "end"),
    ("The Harbor Press printed the book. The press was free that year.", "free"),
    # a regulator the subject in view is no company, though both are organizations
    (
        "The Zorbian Trade Commission, a regulator, fined Vantor on Monday. The company said "
        "nothing.",
        "company",
    ),
    # a noun phrase that gives its name right there introduces an entity
    ("Kim Roe wrote to the Office of the Mayor. The mayor said nothing.", "mayor"),
    ("Bo Lind is a guy from Oslo. Years later I met this guy named Tor Berg.", "guy"),
    ("The Lenn is a river in Zorbia. In the south, the river known as the Avon runs dry.", "river"),
    ("Vantor, a publishing giant, grew fast. Bolt bought the publishing giant Orbis.", "giant"),
    # a possessor is no class of the name it owns: Kim Roe is the camp's, not a camp
    ("The reform camp's Kim Roe won a seat. Later the reform camp lost votes.", "camp"),
    # a name before a class noun it does not say it is: the team is Zeta's
    ("Kim Roe joined the Zeta team in May. The team won.", "team"),
    # a generic description defined by its own clause
    ("Vantor hired ten engineers. The company that wins the bid will build the bridge.", "company"),
    # a person is no company, a city no firm, a country no city
    ("Ahmed Vance said he would visit Oslo. The company welcomed the news.", "company"),
    ("Lyon, a city in France, hosted the fair in May. The firm sold ten cars there.", "firm"),
    ("Chile is a long country. The city expects more visitors.", "city"),
    # a city is no state, nor a person or a company
    ("Kim Roe grew up in Oslo. She wants to reform the state's tax laws.", "state"),
    ("Vantor hired Kim Roe in May. The state raised taxes.", "state"),
    # a city is no commonwealth
    ("Kim Roe was born in Oslo. She wants to serve the whole commonwealth.", "commonwealth"),
]


@pytest.mark.parametrize(("text", "word", "expected"), DESCRIBED, ids=[t for t, _, _ in DESCRIBED])
def test_description_resolves(nlp, text, word, expected):
    assert referent(nlp, text, word) == expected


@pytest.mark.parametrize(("text", "word"), UNDESCRIBED, ids=[t for t, _ in UNDESCRIBED])
def test_description_stays_unresolved(nlp, text, word):
    assert referent(nlp, text, word) is None


def test_description_name_heads(nlp):
    doc = nlp.make_doc("the County of Rowe and Cyclone Zelda and the Rowe Art Museum and Attention")
    assert name_heads(doc[1:4]) == {"county"}
    assert name_heads(doc[5:7]) == {"cyclone", "zelda"}
    assert name_heads(doc[9:12]) == {"museum"}
    assert name_heads(doc[13:14]) == set()  # one word without 'the': a capitalized noun
    # an office is no mayor; a school named for its use is no application
    doc = nlp.make_doc("the Office of the Mayor and the Application School")
    assert name_heads(doc[1:5]) == {"office"}
    assert name_heads(doc[7:9]) == {"school"}
    doc = nlp.make_doc("Factor 1 and Attention")
    assert name_heads(doc[0:2]) == {"factor"}  # a numbered name is one


def test_description_name_heads_of_a_plural_organization_name(nlp):
    doc = nlp.make_doc("the Orvan Galleries and the Norvik Airlines and the United States")
    doc.ents = [
        Span(doc, 1, 3, label="ORG"),
        Span(doc, 5, 7, label="ORG"),
        Span(doc, 9, 11, label="GPE"),
    ]
    assert name_heads(doc[1:3]) == {"galleries", "gallery"}
    assert name_heads(doc[5:7]) == {"airlines", "airline"}
    assert name_heads(doc[9:11]) == {"states"}  # a place's: 'the state' is another
    # a name the tagger did not take for an organization's: 'the operator' is one of them
    doc = nlp.make_doc("the Tarrow Operators")
    assert name_heads(doc[1:3]) == {"operators"}


def test_description_said_classes_on_a_hand_parse(nlp):
    # "Zeta , a company , grew ." : the apposition says what Zeta is
    doc = hand_parse(
        nlp,
        ["Zeta", ",", "a", "company", ",", "grew", "."],
        [5, 0, 3, 0, 0, 5, 5],
        ["nsubj", "punct", "det", "appos", "punct", "ROOT", "punct"],
        ["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PUNCT"],
        tags=["NNP", ",", "DT", "NN", ",", "VBD", "."],
    )
    assert said_classes(doc[0:1]) == {"company"}


def test_description_said_classes_of_a_post_before_the_name(nlp):
    # "Prime Minister Jo Roe spoke ." : the post's last word is what Jo Roe is
    doc = hand_parse(
        nlp,
        ["Prime", "Minister", "Jo", "Roe", "spoke", "."],
        [1, 3, 3, 4, 4, 4],
        ["compound", "compound", "compound", "nsubj", "ROOT", "punct"],
        ["PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
    )
    assert said_classes(doc[2:4]) == {"minister"}


def test_description_said_classes_skip_a_possessed_thing(nlp):
    # "the Zeta property was sold ." : the property is Zeta's, not Zeta
    doc = hand_parse(
        nlp,
        ["the", "Zeta", "property", "was", "sold", "."],
        [2, 2, 4, 4, 4, 4],
        ["det", "compound", "nsubjpass", "auxpass", "ROOT", "punct"],
        ["DET", "PROPN", "NOUN", "AUX", "VERB", "PUNCT"],
        tags=["DT", "NNP", "NN", "VBD", "VBN", "."],
    )
    assert said_classes(doc[1:2]) == set()


def test_description_said_classes_skip_a_possessor(nlp):
    # "the camp 's Roe won ." : Roe belongs to the camp and is none
    doc = hand_parse(
        nlp,
        ["the", "camp", "'s", "Roe", "won", "."],
        [1, 3, 1, 4, 4, 4],
        ["det", "poss", "case", "nsubj", "ROOT", "punct"],
        ["DET", "NOUN", "PART", "PROPN", "VERB", "PUNCT"],
        tags=["DT", "NN", "POS", "NNP", "VBD", "."],
    )
    assert said_classes(doc[3:4]) == set()


def test_description_said_class_of_another_type_blocks_the_class(nlp):
    # 'Lyon is a city': 'the company' cannot be Lyon, whatever its tags
    doc = hand_parse(
        nlp,
        ["the", "company"],
        [1, 1],
        ["det", "ROOT"],
        ["DET", "NOUN"],
        tags=["DT", "NN"],
    )
    doc[1].lemma_ = "company"
    anaphor = Anaphor(doc[1], "description", frozenset({"organization"}), 0, 2)
    city = EntityState(0, frozenset({"organization", "place"}), set(), descriptors={"city"})
    firm = EntityState(1, frozenset({"organization"}), set())
    assert evidence(anaphor, city) is None
    assert evidence(anaphor, firm) == "class"


def test_description_country_names(nlp):
    doc = nlp.make_doc("the Netherlands and New Zealand and Lyon and Georgia Roe")
    assert is_country(doc[0:2]) and is_country(doc[3:5])
    assert not is_country(doc[6:7])
    assert not is_country(doc[8:10])  # a person's name that begins with a country's


def test_description_kin():
    assert "beverage" in kin("drink") and "cyclone" in kin("storm")
    assert "festival" in kin("event")
    assert kin("company") & {"firm"} and not kin("ceremony")


def state_of(cluster, types, **fields):
    return EntityState(cluster, frozenset(types), set(), **fields)


def test_description_told_by_a_name_word_over_the_tags(nlp):
    # 'Cyclone Zelda' tagged an organization: its name says it is an event, so 'the storm'
    # may be it ('kin' of 'cyclone'), 'the festival' may not be said of a museum
    doc = hand_parse(
        nlp,
        ["the", "storm", "and", "the", "festival"],
        [1, 1, 1, 4, 1],
        ["det", "ROOT", "cc", "det", "conj"],
        ["DET", "NOUN", "CCONJ", "DET", "NOUN"],
        tags=["DT", "NN", "CC", "DT", "NN"],
    )
    storm = Anaphor(doc[1], "description", frozenset({"event", "thing"}), 0, 2)
    festival = Anaphor(doc[4], "description", frozenset({"event", "thing"}), 3, 5)
    cyclone = state_of(0, {"organization"}, words={"cyclone", "zelda"})
    museum = state_of(1, {"event"}, words={"museum"})
    assert evidence(storm, cyclone) == "kin"
    assert evidence(festival, cyclone) == "told"  # an event, by its name; the model decides
    assert evidence(festival, museum) is None  # a museum, whatever its tag


def test_description_kind_of_organization_clash(nlp):
    # 'the company' of 'the Zeta Commission, a regulator': a public body is no company;
    # a firm is one, and a class the text never said clashes with nothing
    assert kind_clash("company", {"commission"}) and kind_clash("regulator", {"firm"})
    assert not kind_clash("company", {"firm"}) and not kind_clash("company", {"museum"})
    assert not kind_clash("company", set())
    company = Anaphor(
        description_of(nlp, ["the", "company"]).token,
        "description",
        frozenset({"organization", "thing"}),
        0,
        2,
    )
    regulator = EntityState(
        0, frozenset({"organization"}), {"commission"}, descriptors={"regulator"}
    )
    firm = EntityState(1, frozenset({"organization"}), {"corp"}, descriptors={"firm"})
    assert evidence(company, regulator) is None
    assert evidence(company, firm) == "kin"


def description_of(nlp, words: list[str]) -> Anaphor:
    """A hand-built 'the ADJ NOUN' (or 'this NOUN'), its last word the description."""
    last = len(words) - 1
    doc = hand_parse(
        nlp,
        words,
        [last] * len(words),
        ["det"] + ["amod"] * (last - 1) + ["ROOT"],
        ["DET"] + ["ADJ"] * (last - 1) + ["NOUN"],
        tags=["DT"] + ["JJ"] * (last - 1) + ["NN"],
    )
    return Anaphor(doc[last], "description", frozenset({"product", "thing"}), 0, len(words))


def test_description_modifier_of_the_name_does_not_clash(nlp):
    microscope = state_of(
        0, {"product"}, words={"microscope"}, name_words={"virtual", "microscope"}
    )
    assert not modifier_clash(description_of(nlp, ["the", "virtual", "microscope"]), microscope)
    assert not modifier_clash(description_of(nlp, ["the", "former", "microscope"]), microscope)
    assert modifier_clash(description_of(nlp, ["the", "smaller", "microscope"]), microscope)


def test_description_this_court_is_no_named_court(nlp):
    # 'this court' of a judgment is the court that writes it, not the court named before
    doc = hand_parse(
        nlp, ["this", "court"], [1, 1], ["det", "ROOT"], ["DET", "NOUN"], tags=["DT", "NN"]
    )
    anaphor = Anaphor(doc[1], "description", frozenset({"organization"}), 0, 2)
    court = state_of(0, {"organization"}, words={"court"})
    assert evidence(anaphor, court) is None


def hand_description(nlp, determiner: str, noun: str, types: set[str]) -> Anaphor:
    doc = hand_parse(
        nlp, [determiner, noun], [1, 1], ["det", "ROOT"], ["DET", "NOUN"], tags=["DT", "NN"]
    )
    return Anaphor(doc[1], "description", frozenset(types), 0, 2)


def test_description_place_kinds_clash(nlp):
    # a country is no city nor region, a city no country; a city may be 'the town'
    city = hand_description(nlp, "the", "city", {"place", "thing"})
    region = hand_description(nlp, "the", "region", {"place", "thing"})
    country = state_of(0, {"place"}, descriptors={"country", "nation"})
    town = state_of(1, {"place"}, descriptors={"town"})
    assert evidence(city, country) is None and evidence(region, country) is None
    assert evidence(city, town) == "kin"
    assert kind_clash("country", {"city"}) and not kind_clash("region", {"province"})
    # a memorial is no city, a station no street; a tower is a building
    assert kind_clash("city", {"memorial"}) and kind_clash("street", {"station"})
    assert not kind_clash("building", {"tower"})


def test_description_this_study_is_the_text_itself(nlp):
    # 'this study' of an academic text is the text, not the study named before; 'the study'
    # may be the named one
    study = state_of(0, {"work"}, words={"study"})
    assert evidence(hand_description(nlp, "this", "study", {"work", "thing"}), study) is None
    assert evidence(hand_description(nlp, "the", "study", {"work", "thing"}), study) == "name"


def test_description_of_a_thing_is_no_person(nlp):
    # a name that says its gender, or a 'he' resolved to it, is a person's: no 'the company'
    company = hand_description(nlp, "the", "company", {"organization", "thing"})
    gendered = state_of(0, {"person", "thing"}, genders={"male"})
    pronoun = state_of(1, {"person", "organization"}, pronouns={"she"})
    untold = state_of(2, {"thing"})
    assert evidence(company, gendered) is None and evidence(company, pronoun) is None
    assert evidence(company, untold) == "class"
    assert evidence(hand_description(nlp, "the", "man", {"person"}), gendered) == "class"


def test_description_points_back_past_what_tells_no_other_apart(nlp):
    # "won the championship and $ 50,000" : a conjunct is no modifier
    doc = hand_parse(
        nlp,
        ["won", "the", "championship", "and", "$", "50,000"],
        [0, 2, 0, 2, 5, 2],
        ["ROOT", "det", "dobj", "cc", "nmod", "conj"],
        ["VERB", "DET", "NOUN", "CCONJ", "SYM", "NUM"],
    )
    doc.ents = [Span(doc, 5, 6, label="MONEY")]
    assert introduces_nothing(doc[2])
    # "the series itself" : a reflexive stresses its noun
    doc = hand_parse(
        nlp,
        ["the", "series", "itself"],
        [1, 1, 1],
        ["det", "ROOT", "appos"],
        ["DET", "NOUN", "PRON"],
    )
    assert introduces_nothing(doc[1])
    # "the 240,000 meter park" : a measure tells no named park apart; "the Zeta park" does
    words, heads = ["the", "240,000", "meter", "park"], [3, 2, 3, 3]
    deps, pos = ["det", "nummod", "nmod", "ROOT"], ["DET", "NUM", "NOUN", "NOUN"]
    doc = hand_parse(nlp, words, heads, deps, pos)
    doc.ents = [Span(doc, 1, 3, label="QUANTITY")]
    assert introduces_nothing(doc[3])
    doc = hand_parse(
        nlp,
        ["the", "Zeta", "park"],
        [2, 2, 2],
        ["det", "compound", "ROOT"],
        ["DET", "PROPN", "NOUN"],
    )
    assert not introduces_nothing(doc[2])


def test_description_bare_noun_after_at_says_when_not_which(nlp):
    # "the cocktail at dessert time" points back; "the lawyer at the firm" says which one
    doc = hand_parse(
        nlp,
        ["the", "cocktail", "at", "dessert", "time"],
        [1, 1, 1, 4, 2],
        ["det", "ROOT", "prep", "compound", "pobj"],
        ["DET", "NOUN", "ADP", "NOUN", "NOUN"],
        tags=["DT", "NN", "IN", "NN", "NN"],
    )
    assert introduces_nothing(doc[1])
    doc = hand_parse(
        nlp,
        ["the", "lawyer", "at", "the", "firm"],
        [1, 1, 1, 4, 2],
        ["det", "ROOT", "prep", "det", "pobj"],
        ["DET", "NOUN", "ADP", "DET", "NOUN"],
        tags=["DT", "NN", "IN", "DT", "NN"],
    )
    assert not introduces_nothing(doc[1])
    # 'of' always says which
    doc = hand_parse(
        nlp,
        ["the", "head", "of", "state"],
        [1, 1, 1, 2],
        ["det", "ROOT", "prep", "pobj"],
        ["DET", "NOUN", "ADP", "NOUN"],
        tags=["DT", "NN", "IN", "NN"],
    )
    assert not introduces_nothing(doc[1])


def test_description_state_names_and_groups(nlp):
    # 'Virginia' says it is a state, as 'Chile' says it is a country; not 'Georgia'
    doc = nlp.make_doc("Virginia and Georgia")
    assert "state" in said_classes(doc[0:1])
    assert "state" not in said_classes(doc[2:3])
    assert kin("group") == kin("organization") and "group" in kin("organization")
    # a commonwealth is one of the four states that call themselves so
    doc = nlp.make_doc("Virginia and Texas")
    assert "commonwealth" in said_classes(doc[0:1])
    assert "commonwealth" not in said_classes(doc[2:3])


def test_description_of_the_kind_the_text_said(nlp):
    # 'the car manufacturer Zeta ... the company': the kind said, more than a type; a
    # regulator is of another kind, and a tag alone says only the type
    company = hand_description(nlp, "the", "company", {"organization", "thing"})
    maker = state_of(0, {"organization"}, descriptors={"manufacturer"})
    regulator = state_of(1, {"organization"}, descriptors={"regulator"})
    tagged = state_of(2, {"organization"})
    assert evidence(company, maker) == "kind"
    assert evidence(company, regulator) is None
    assert evidence(company, tagged) == "class"


def test_description_of_a_specific_kind_needs_more_than_a_generic_one(nlp):
    # 'Zeta, the company, ... Kalmo ... the chipmaker': a company is no chipmaker for being
    # called a company
    chipmaker = hand_description(nlp, "the", "chipmaker", {"organization", "thing"})
    company = state_of(0, {"organization"}, descriptors={"company"})
    assert evidence(chipmaker, company) != "kind"
