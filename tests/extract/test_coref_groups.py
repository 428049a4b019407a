"""Coordinated names as one plural antecedent ('Carrano and Biewener ... their results'): the
groups on hand-built parses, the rule that takes one, and texts read with the real model."""

from __future__ import annotations

import pytest

from extract.anaphora import PRONOUN_TYPES, Anaphor, family_surnames
from extract.columns import columns
from extract.coref_features import NounIndex
from extract.coref_groups import (
    coordinated_groups,
    family_group,
    group_antecedent,
    group_state,
    without_families,
)
from extract.coref_state import Antecedent, entity_states
from tests.conftest import assert_reads, hand_parse, plain, read, referent

ORGANIZATION = frozenset({"organization"})
PERSON = frozenset({"person"})


def antecedents_of(doc, names: list[tuple[int, int]], clusters: list[int]) -> list[Antecedent]:
    return [
        Antecedent(doc[start:end], cluster, ORGANIZATION)
        for (start, end), cluster in zip(names, clusters)
    ]


def await_their_launch(nlp, *, noun_tag: str = "NN"):
    # "Acme and Zeta await their launch ."
    return hand_parse(
        nlp,
        ["Acme", "and", "Zeta", "await", "their", "launch", "."],
        [3, 0, 0, 3, 5, 3, 3],
        ["nsubj", "cc", "conj", "ROOT", "poss", "dobj", "punct"],
        ["PROPN", "CCONJ", "PROPN", "VERB", "PRON", "NOUN", "PUNCT"],
        tags=["NNP", "CC", "NNP", "VBP", "PRP$", noun_tag, "."],
    )


def test_groups_coordinated_names_of_two_entities_are_one_group(nlp):
    doc = await_their_launch(nlp)
    [group] = coordinated_groups(antecedents_of(doc, [(0, 1), (2, 3)], [0, 1]))
    assert group.members == (0, 1) and group.span.text == "Acme and Zeta"
    assert group.cluster == 2  # numbered after every cluster


def test_groups_a_list_of_three_names_is_one_group(nlp):
    # "Acme , Zeta and Orbit grew ." : spaCy hangs every conjunct on the first
    doc = hand_parse(
        nlp,
        ["Acme", ",", "Zeta", "and", "Orbit", "grew", "."],
        [5, 0, 0, 2, 2, 5, 5],
        ["nsubj", "punct", "conj", "cc", "conj", "ROOT", "punct"],
        ["PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB", "PUNCT"],
    )
    [group] = coordinated_groups(antecedents_of(doc, [(0, 1), (2, 3), (4, 5)], [0, 1, 2]))
    assert group.members == (0, 1, 2)


def test_groups_a_name_beside_a_conjunct_noun_joins_the_list(nlp):
    # "Acme , 42 , and its partner Zeta grew ." : the list's second member is 'its partner'
    doc = hand_parse(
        nlp,
        ["Acme", ",", "42", ",", "and", "its", "partner", "Zeta", "grew", "."],
        [8, 0, 0, 0, 0, 6, 0, 6, 8, 8],
        ["nsubj", "punct", "appos", "punct", "cc", "poss", "conj", "appos", "ROOT", "punct"],
        ["PROPN", "PUNCT", "NUM", "PUNCT", "CCONJ", "PRON", "NOUN", "PROPN", "VERB", "PUNCT"],
    )
    [group] = coordinated_groups(antecedents_of(doc, [(0, 1), (7, 8)], [0, 1]))
    assert group.members == (0, 1)


@pytest.mark.parametrize(
    ("words", "heads", "deps", "names", "clusters"),
    [
        # "Acme and Acme Corp grew ." : one entity named twice is no group
        (
            ["Acme", "and", "Acme", "Corp", "grew", "."],
            [4, 0, 3, 0, 4, 4],
            ["nsubj", "cc", "compound", "conj", "ROOT", "punct"],
            [(0, 1), (2, 4)],
            [0, 0],
        ),
        # "the Acme and Zeta deal grew ." : the names modify a noun
        (
            ["the", "Acme", "and", "Zeta", "deal", "grew", "."],
            [4, 4, 1, 1, 5, 5, 5],
            ["det", "compound", "cc", "conj", "nsubj", "ROOT", "punct"],
            [(1, 2), (3, 4)],
            [0, 1],
        ),
        # "Acme , its rival Zeta , grew ." : an apposition, no list
        (
            ["Acme", ",", "its", "rival", "Zeta", ",", "grew", "."],
            [6, 0, 3, 0, 3, 0, 6, 6],
            ["nsubj", "punct", "poss", "appos", "appos", "punct", "ROOT", "punct"],
            [(0, 1), (4, 5)],
            [0, 1],
        ),
    ],
)
def test_groups_none_of_one_entity_a_modifier_or_an_apposition(
    nlp, words, heads, deps, names, clusters
):
    pos = ["PROPN" if w[0].isupper() else "X" for w in words]
    doc = hand_parse(nlp, words, heads, deps, pos)
    assert coordinated_groups(antecedents_of(doc, names, clusters)) == []


def group_case(nlp, doc, pronoun: int):
    """The group `group_antecedent` takes for the pronoun at `pronoun`, if any, with the
    members' own states as candidates too (latest first, as the resolver orders them)."""
    antecedents = antecedents_of(doc, [(0, 1), (2, 3)], [0, 1])
    states = entity_states(antecedents)
    for antecedent in antecedents:
        states[antecedent.cluster].mention(antecedent.span.root, 0, reference=False)
    [group] = coordinated_groups(antecedents)
    state = group_state(group)
    state.mention(group.root, 0, reference=False)
    eligible = sorted([*states.values(), state], key=lambda s: -s.last_token)
    token = doc[pronoun]
    anaphor = Anaphor(token, "pronoun", PRONOUN_TYPES[token.lower_], token.i, token.i + 1)
    nouns = NounIndex.of(columns(doc))
    return group_antecedent(anaphor, eligible, sentence=0, nouns=nouns)


def test_groups_plural_pronoun_after_coordinated_names_is_the_group(nlp):
    found = group_case(nlp, await_their_launch(nlp), 4)
    assert found is not None and found.members == (0, 1)


def test_groups_plural_noun_between_takes_the_pronoun(nlp):
    # "Acme and Zeta hired engineers for their launch ." : 'their' may be the engineers'
    doc = hand_parse(
        nlp,
        ["Acme", "and", "Zeta", "hired", "engineers", "for", "their", "launch", "."],
        [3, 0, 0, 3, 3, 3, 7, 5, 3],
        ["nsubj", "cc", "conj", "ROOT", "dobj", "prep", "poss", "pobj", "punct"],
        ["PROPN", "CCONJ", "PROPN", "VERB", "NOUN", "ADP", "PRON", "NOUN", "PUNCT"],
        tags=["NNP", "CC", "NNP", "VBD", "NNS", "IN", "PRP$", "NN", "."],
    )
    assert group_case(nlp, doc, 6) is None


# text, the word (its last occurrence), the group it refers to
GROUP_REFERENCES = [
    ("Meta and Microsoft said they would invest in Zeta.", "they", "Meta and Microsoft"),
    (
        "In 2008, Endeavour and Atlantis await a journey on their launchpads.",
        "their",
        "Endeavour and Atlantis",
    ),
    (
        "Kevin Brown and Laura Jones measured the growth of a chicken. Their results were clear.",
        "Their",
        "Kevin Brown and Laura Jones",
    ),
    # a name set beside the noun that is the second conjunct, with an age beside the first
    (
        "Kevin Brown, 42, and his wife Laura Brown, 36, from Leeds, are undergoing trial for "
        "manslaughter over the death of their child.",
        "their",
        "Kevin Brown and Laura Brown",
    ),
    # a family's plural surname: the people named with it
    (
        "Kevin Brown and Laura Brown went to court. However, the Browns refused treatment.",
        "Browns",
        "Kevin Brown and Laura Brown",
    ),
]
# text, a plural pronoun that is no group of names
NO_GROUP = [
    # the plural noun between is what 'they' means
    ("Meta and Microsoft hired engineers. They wrote the code.", "They"),
    # a singular pronoun is never the group
    ("Meta and Microsoft met in Paris. It was a long meeting.", "It"),
    # no names joined at all
    ("The engineers met in Paris. They wrote the code.", "They"),
]


@pytest.mark.parametrize(
    ("text", "word", "expected"), GROUP_REFERENCES, ids=[t for t, _, _ in GROUP_REFERENCES]
)
def test_groups_resolve(nlp, text, word, expected):
    assert referent(nlp, text, word) == expected


@pytest.mark.parametrize(("text", "word"), NO_GROUP, ids=[t for t, _ in NO_GROUP])
def test_groups_left_alone(nlp, text, word):
    found = referent(nlp, text, word)
    assert found is None or " and " not in found


def test_groups_a_family_takes_the_fact_of_each_member(nlp):
    assert_reads(
        nlp,
        "Kevin Brown and Laura Brown went to court. However, the Browns refused treatment.",
        {("Kevin Brown", "refuse", "treatment"), ("Laura Brown", "refuse", "treatment")},
        {("Browns", "refuse", "treatment")},
    )


def test_groups_make_no_merged_node_in_the_graph(nlp):
    triples = plain(read("Meta and Microsoft met in Paris. They signed a deal.", nlp=nlp))
    assert triples and not any(" and " in s or " and " in o for s, _, o in triples)


def test_groups_each_member_takes_the_fact(nlp):
    assert_reads(
        nlp,
        "Meta and Microsoft said they would invest in Zeta.",
        {("Meta", "invest in", "Zeta"), ("Microsoft", "invest in", "Zeta")},
        # a member says it of itself, not of the other
        {("Meta", "say about", "Microsoft"), ("Microsoft", "say about", "Meta")},
    )


def the_sams_refused(nlp):
    """'Jo Sam and Al Sam met . The Sams refused .'"""
    words = ["Jo", "Sam", "and", "Al", "Sam", "met", ".", "The", "Sams", "refused", "."]
    heads = [1, 5, 1, 4, 1, 5, 5, 8, 9, 9, 9]
    deps = ["compound", "nsubj", "cc", "compound", "conj", "ROOT", "punct"]
    deps += ["det", "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "PUNCT"]
    pos += ["DET", "PROPN", "VERB", "PUNCT"]
    tags = ["NNP", "NNP", "CC", "NNP", "NNP", "VBD", ".", "DT", "NNPS", "VBD", "."]
    return hand_parse(nlp, words, heads, deps, pos, tags=tags)


def test_groups_a_family_is_the_group_of_its_surname(nlp):
    doc = the_sams_refused(nlp)
    assert family_surnames(doc[8]) == {"sam"}
    assert family_surnames(doc[1]) == frozenset()  # singular
    antecedents = [Antecedent(doc[0:2], 0, PERSON), Antecedent(doc[3:5], 1, PERSON)]
    [group] = coordinated_groups(antecedents)
    states = entity_states(antecedents) | {group.cluster: group_state(group)}
    assert family_group(doc[8], states) is None  # the group's mention not yet passed
    states[group.cluster].mention(group.root, 0, reference=False)
    assert family_group(doc[8], states).cluster == group.cluster
    for state in entity_states(antecedents).values():
        state.mention(doc[state.last_token], 0, reference=False)
    assert family_group(doc[8], entity_states(antecedents)) is None  # no group: no family


def test_groups_a_family_surname_is_no_name(nlp):
    doc = the_sams_refused(nlp)
    spans = [doc[0:2], doc[3:5], doc[8:9]]
    kept, types = without_families(spans, ["person", "person", "organization"])
    assert [s.text for s in kept] == ["Jo Sam", "Al Sam"] and types == ["person", "person"]
    # one person of that name: 'the Sams' may be a band, a company, the text's own name
    kept, _ = without_families([doc[0:2], doc[8:9]], ["person", "organization"])
    assert [s.text for s in kept] == ["Jo Sam", "Sams"]
