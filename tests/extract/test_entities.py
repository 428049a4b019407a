"""Entity identity: keys and within-document clusters, as tables."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.entities import (
    SAME_KEY_REASON,
    KnownEntities,
    cluster_names,
    entity_key,
    is_acronym,
    name_words,
)
from extract.triple import Entity

SAME_KEY = [
    ("Meta Platforms", "Meta"),
    ("Meta Platforms, Inc.", "meta"),
    ("Meta's", "Meta"),
    ("Open AI", "OpenAI"),
    ("Microsoft Corp.", "Microsoft"),
    ("The Walt Disney Company", "Walt Disney"),
    ("Mr. Jonas Pemberton", "Jonas Pemberton"),
    ("Z310s", "Z310"),
    ("Britain", "UK"),
    ("U.S.", "United States"),
]
DIFFERENT_KEY = [
    ("Meta", "Metal"),
    ("Apple", "Apple Music"),
    ("Group", "Inc"),
    ("Apple", "Apple Inc Music"),
    ("1990s", "1990"),  # a decade, not the plural of a model
    ("us", "US"),  # a pronoun, not the country
    ("Sir", "Lord"),  # a title alone is a name
]


@pytest.mark.parametrize(("a", "b"), SAME_KEY)
def test_entities_same_key(a, b):
    assert entity_key(a) == entity_key(b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT_KEY)
def test_entities_different_key(a, b):
    assert entity_key(a) != entity_key(b)


@pytest.mark.parametrize("name", ["🙂", "<>", "\u200b", ""])
def test_entities_key_for_names_without_letters(name):
    assert entity_key(name) and entity_key(name) == entity_key(name)


CLUSTERS = [
    # mentions -> cluster index per mention
    ([("Mark Zuckerberg", "person"), ("Zuckerberg", "person")], [0, 0]),
    ([("Hugging Face", "organization"), ("Hugging", "thing")], [0, 0]),
    ([("Jane Doe", "person"), ("John Doe", "person"), ("Doe", "person")], [0, 1, 2]),
    ([("Apple", "organization"), ("Microsoft", "organization")], [0, 1]),
    (
        [("Meta", "organization"), ("META", "organization"), ("Meta Platforms", "organization")],
        [0, 0, 0],
    ),
]


P, ORG, T, PL, G = "person", "organization", "thing", "place", "group"
RULES = [
    # mentions -> cluster per mention, and the reason the last mention joined (or "")
    ([("Jonas Pemberton", P), ("Mr Pemberton", P)], [0, 0], "last name of Jonas Pemberton"),
    ([("Jonas Pemberton", P), ("Pemberton", ORG)], [0, 0], "last name of Jonas Pemberton"),
    ([("Jane Quillby", P), ("Dr. Quillby", ORG)], [0, 0], "last name of Jane Quillby"),
    ([("Georgia Pemberton", P), ("Georgia", PL)], [0, 1], ""),  # a place is no first name
    ([("Tom Halden", P), ("Halden Motor Company", ORG), ("Halden", ORG)], [0, 1, 2], ""),
    ([("Kappa Index", T), ("Kappa", ORG)], [0, 0], "beginning of Kappa Index"),
    ([("Freedonia", PL), ("Freedonia Broadcasting Corporation", ORG)], [0, 1], ""),
    ([("Freedonia Conduct Authority", T), ("Freedonia", PL)], [0, 1], ""),
    ([("Freedonian", G), ("Freedonian Broadcasting", ORG)], [0, 1], ""),
    ([("Acme and Globex", ORG), ("Acme", ORG)], [0, 1], ""),
    ([("Twitter / Zeta Agency", ORG), ("Zeta Agency", ORG)], [0, 1], ""),  # a credit's two
    (
        [("North and South Varnia", PL), ("North Varnia", PL), ("North", PL)],
        [0, 1, 1],
        "beginning of North Varnia",
    ),
    ([("Orvel Air", ORG), ("Orvel Air Flight 12", ORG)], [0, 1], ""),
    ([("Lumora Glide", "product"), ("Lumora", ORG)], [0, 1], ""),  # the maker
    ([("Glide", "product"), ("Glide Touch", T)], [0, 1], ""),  # another product of the line
    ([("Lumora Glide", "product"), ("Glide", P)], [0, 0], "end of Lumora Glide"),
    ([("North Varnia", PL), ("Varnia", PL)], [0, 1], ""),  # a bare place is another place
    # a place before a site's own name and its class says where the site is
    ([("Varnia Ridley International Airport", PL), ("Varnia", PL)], [0, 1], ""),
    ([("Varnia Space Center", ORG), ("Varnia", PL)], [0, 1], ""),
    ([("Varnia Space Center", ORG), ("Varnia", ORG)], [0, 0], "beginning of Varnia Space Center"),
    ([("Ridley Airport", PL), ("Ridley", PL)], [0, 0], "beginning of Ridley Airport"),
    ([("Varnia City", PL), ("Varnia", PL)], [0, 0], "beginning of Varnia City"),
    # after 'of', an untyped or organization name is the organization; a person, a place or
    # a group ('Zorbists') is what it is of
    ([("Church of Zorbism", ORG), ("Zorbism", T)], [0, 0], "end of Church of Zorbism"),
    ([("Church of Zorbism", ORG), ("Zorbism", "group")], [0, 1], ""),
    ([("Friends of Justine Hale", ORG), ("Justine Hale", P)], [0, 1], ""),
    (
        [("Northfield Conduct Authority", ORG), ("NCA", ORG)],
        [0, 0],
        "initials of Northfield Conduct Authority",
    ),
    ([("NCA", T), ("Northfield Conduct Authority", ORG)], [0, 0], ""),
    (  # two names with these initials: neither
        [("Northfield Conduct Authority", ORG), ("Nordic Cable Alliance", ORG), ("NCA", ORG)],
        [0, 1, 2],
        "",
    ),
    ([("Jonas Pemberton", P), ("JP", ORG)], [0, 1], ""),  # people are not named by initials
    ([("Z310s", "product"), ("Z310", "product")], [0, 0], SAME_KEY_REASON),
    ([("Britain", PL), ("UK", PL)], [0, 0], "another name of the same country"),
    (  # longer names resolve first: 'Kappa' begins two names of one entity
        [("Kappa Jones Industrial Index", T), ("Kappa Jones", ORG), ("Kappa", ORG)],
        [0, 0, 0],
        "beginning of Kappa Jones",
    ),
    ([("Software Kit (SDK", ORG), ("SDK", ORG)], [0, 1], ""),  # a broken span is no full name
    # what is named after a person is not the person
    (
        [("Jo Zellner Foundation", ORG), ("Jo Zellner", P), ("Zellner", P)],
        [0, 1, 1],
        "last name of Jo Zellner",
    ),
    ([("Jo Zellner Foundation", P), ("Jo Zellner", P)], [0, 1], ""),
    # a country's short name is not the initials of a longer name
    ([("University of Sandford", ORG), ("US", PL)], [0, 1], ""),
    ([("University of Sandford", ORG), ("U.S.", ORG)], [0, 1], ""),
    ([("University of Sandford", ORG), ("UoS", ORG)], [0, 0], "initials of University of Sandford"),
]


@pytest.mark.parametrize(("mentions", "expected"), CLUSTERS)
def test_entities_clusters(mentions, expected):
    assert cluster_names(mentions).index == expected


@pytest.mark.parametrize(("mentions", "expected", "reason"), RULES)
def test_entities_cluster_rules(mentions, expected, reason):
    clustering = cluster_names(mentions)
    assert clustering.index == expected
    assert clustering.reason[-1] == reason


ORDER = [
    # mentions, headline mentions -> clusters: a name is given in full before it is shortened
    ([("Vantor", ORG), ("Vantor Music Europe", ORG), ("Vantor", ORG)], set(), [0, 1, 0]),
    ([("Vantor", ORG), ("Vantor Music Europe", ORG), ("Vantor", ORG)], {0}, [0, 0, 0]),
    ([("Vantor Music Europe", ORG), ("Vantor", ORG)], set(), [0, 0]),
    ([("Glide", "product"), ("Lumora Glide", "product")], set(), [0, 0]),  # endings neither
    # initials and surnames need no order: a headline's 'NCA' before the full name
    ([("NCA", ORG), ("Northfield Conduct Authority", ORG)], set(), [0, 0]),
    # a name used by its acronym before a longer name begins with it is another entity
    (
        [
            ("Quill Reader 4", "thing"),
            ("QR4", "thing"),
            ("Quill Reader 4 Tracker", "work"),
            ("Quill Reader 4", "thing"),
        ],
        {0},
        [0, 0, 1, 0],
    ),
    # a surname two full names share is the one given before it; ambiguous when both were
    (
        [("Ahmed Zorin", P), ("Zorin", P), ("Malik Zorin", P), ("Zorin", P)],
        set(),
        [0, 0, 1, 0],
    ),
    ([("Ahmed Zorin", P), ("Malik Zorin", P), ("Zorin", P)], set(), [0, 1, 2]),
]


@pytest.mark.parametrize(("mentions", "headlines", "expected"), ORDER)
def test_entities_short_forms_follow_full_names(mentions, headlines, expected):
    assert cluster_names(mentions, headlines=headlines).index == expected


def test_entities_parenthesized_acronym_and_ticker():
    names = [("Quill Explorer", "product"), ("QE", ORG), ("$99", "quantity"), ("USD", ORG)]
    clustering = cluster_names(names, tickers={1: 0, 3: 2})
    assert clustering.index == [0, 0, 1, 2]  # no currency is an amount
    assert clustering.reason[1] == "acronym in parentheses after Quill Explorer"
    forms = [("Bureau d'Enquêtes et d'Analyses", ORG), ("BEA", ORG)]
    assert cluster_names(forms, acronyms={1: 0}).reason[1].startswith("acronym in")


ACRONYMS = [
    ("FCA", "Financial Conduct Authority", True),
    ("SEC", "Securities and Exchange Commission", True),
    ("DoJ", "Department of Justice", True),
    ("U.S.", "United States", True),
    ("QE9", "Quill Explorer 9", True),
    ("FDIC", "Federal Deposit Insurance Corporation", True),
    ("BEA", "Bureau d'Enquêtes et d'Analyses", True),
    ("NRW", "North Rhine-Westphalia", True),
    ("FCA", "Federal Reserve", False),
    ("Fca", "Financial Conduct Authority", False),  # not written as an acronym
    ("QE", "Quill Explorer 9", False),
    ("AB", "Alpha", False),
]


@pytest.mark.parametrize(("short", "full", "expected"), ACRONYMS)
def test_entities_is_acronym(short, full, expected):
    assert is_acronym(short, full) is expected


def test_entities_name_words_strip_titles():
    assert name_words("Ms Jane Quillby") == ["Jane", "Quillby"]
    assert name_words("Dr.") == ["Dr"]  # nothing else to name


def test_entities_ticker_and_reasons():
    clustering = cluster_names(
        [("Alphabet Inc", "organization"), ("GOOGL", "organization"), ("Alphabet", "organization")],
        tickers={1: 0},
    )
    assert clustering.index == [0, 0, 0]
    assert clustering.reason[1] == "ticker in parentheses after Alphabet Inc"
    assert "company designator" in clustering.reason[2]


ACROSS_DOCUMENTS = [
    # known entities, a new document's entity -> the entity it resolves to
    ([("Mark Zuckerberg", "person")], ("Zuckerberg", "person"), "Mark Zuckerberg"),
    ([("Goldman Sachs", "organization")], ("Goldman", "organization"), "Goldman Sachs"),
    ([("Jane Doe", "person"), ("John Doe", "person")], ("Doe", "person"), "Doe"),  # ambiguous
    ([("Meta", "organization")], ("Meta Platforms", "organization"), "Meta Platforms"),  # same key
    ([("Apple", "organization")], ("Apple", "concept"), "Apple"),  # concepts are not resolved
    ([("Freedonia Broadcasting Corp", "organization")], ("Freedonia", "place"), "Freedonia"),
    ([("Jonas Pemberton", "person")], ("Pemberton", "organization"), "Pemberton"),
    ([("Jonas Pemberton", "person")], ("Pemberton", "person"), "Jonas Pemberton"),
    ([("Acme and Globex", "organization")], ("Acme", "organization"), "Acme"),
]


@pytest.mark.parametrize(("known", "new", "expected"), ACROSS_DOCUMENTS)
def test_entities_resolve_across_documents(known, new, expected):
    index = KnownEntities(Entity(name, kind) for name, kind in known)
    assert index.resolve(Entity(*new))[0].name == expected


NAME_TEXT = st.text(alphabet=st.sampled_from(list("AaBbQq (.)&-'0 ")), max_size=12)
MENTIONS = st.lists(st.tuples(NAME_TEXT, st.sampled_from([P, ORG, T, PL, G, "date"])), max_size=8)


@given(mentions=MENTIONS, data=st.data())
@settings(max_examples=300, deadline=None)
def test_entities_clustering_is_a_partition(mentions, data):
    """Whatever the names and parentheses: one cluster per mention, numbered in order of first
    mention, mentions with one key together, and a reason for every merge."""
    pairs = data.draw(st.dictionaries(st.integers(0, 7), st.integers(0, 7), max_size=3))
    pairs = {m: o for m, o in pairs.items() if m < len(mentions) and o < len(mentions)}
    headlines = data.draw(st.none() | st.sets(st.integers(0, 7)))
    clustering = cluster_names(mentions, tickers=pairs, headlines=headlines)
    assert len(clustering.index) == len(clustering.reason) == len(mentions)
    firsts = list(dict.fromkeys(clustering.index))
    assert firsts == list(range(len(firsts)))
    by_key = {}
    for (name, _), cluster in zip(mentions, clustering.index):
        assert by_key.setdefault(entity_key(name), cluster) == cluster


def test_entities_names_told_apart_stand_for_the_other_full_name():
    # 'Orlan Computer ... Orlan and Orlan Records': 'Orlan' is not the record label
    mentions = [
        ("Orlan Records", ORG),
        ("Orlan Computer", ORG),
        ("Orlan", ORG),
        ("Orlan Records", ORG),
    ]
    assert cluster_names(mentions).index == [0, 1, 2, 0]  # two full names fit: neither
    clustering = cluster_names(mentions, apart=[(2, 3)])
    assert clustering.index == [0, 1, 1, 0]
    assert clustering.reason[2] == "beginning of Orlan Computer"


def test_entities_a_post_alone_joins_its_one_holder():
    # 'Secretary Jo Cardona spoke. Critics said the Secretary erred. Cardona replied.'
    mentions = [("Jo Cardona", "person"), ("Secretary", "person"), ("Cardona", "person")]
    clustering = cluster_names(mentions, posts=[(1, 0)])
    assert clustering.index == [0, 0, 0]
    assert clustering.reason[1] == "post of Jo Cardona"
    # held by the surname's full name: one holder, whichever mention the post followed
    assert cluster_names(mentions, posts=[(1, 2)]).index == [0, 0, 0]
    assert cluster_names(mentions).index == [0, 1, 0]


def test_entities_a_post_two_people_held_stays_apart():
    # 'President Jo Roe met President Li Wei. The President said...'
    mentions = [("Jo Roe", "person"), ("Li Wei", "person"), ("President", "person")]
    assert cluster_names(mentions, posts=[(2, 0), (2, 1)]).index == [0, 1, 2]
