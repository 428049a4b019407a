"""Extraction rules: a table of sentences and the triples a reader expects, read with the real
model, and rule tests on hand-built parses that do not depend on the model's mistakes."""

from __future__ import annotations

import pytest

from extract.relations import sentence_candidates
from extract.verb_words import is_viewpoint
from tests.conftest import hand_parse as parse
from tests.conftest import plain, read

# sentence -> triples that must be read (subject, predicate, object); '-' marks negation.
EXPECTED = [
    ("Meta released Llama 2.", {("Meta", "release", "Llama 2")}),
    ("Llama 2 was released by Meta.", {("Meta", "release", "Llama 2")}),
    ("Llama 2 is available on AWS.", {("Llama 2", "be available on", "AWS")}),
    ("Meta partners with Microsoft.", {("Meta", "partner with", "Microsoft")}),
    ("Meta partnered with Microsoft in 2023.", {("Meta", "partner with", "Microsoft")}),
    ("Llama 2 is a large language model.", {("Llama 2", "be", "large language model")}),
    (
        "Llama 2 is available on Azure, AWS and Hugging Face.",
        {
            ("Llama 2", "be available on", "Azure"),
            ("Llama 2", "be available on", "AWS"),
            ("Llama 2", "be available on", "Hugging Face"),
        },
    ),
    (
        "Google and Microsoft invested in OpenAI.",
        {("Google", "invest in", "OpenAI"), ("Microsoft", "invest in", "OpenAI")},
    ),
    (
        "Apple acquired Beats and hired Jimmy Iovine.",
        {("Apple", "acquire", "Beats"), ("Apple", "hire", "Jimmy Iovine")},
    ),
    ("OpenAI did not release GPT-4 as open source.", {("OpenAI", "-release", "GPT-4")}),
    ("Amazon never acquired Netflix.", {("Amazon", "-acquire", "Netflix")}),
    (
        "Satya Nadella, the chief executive of Microsoft, spoke in Paris.",
        {("Satya Nadella", "chief executive of", "Microsoft")},
    ),
    (
        "Yann LeCun is the chief AI scientist at Meta.",
        {("Yann LeCun", "chief AI scientist at", "Meta")},
    ),
    ("Microsoft, which owns GitHub, reported strong results.", {("Microsoft", "own", "GitHub")}),
    # relations carried by nouns
    ("CEO Mark Zuckerberg of Meta spoke.", {("Mark Zuckerberg", "CEO of", "Meta")}),
    ("Meta's chief scientist Jane Doe spoke.", {("Jane Doe", "chief scientist of", "Meta")}),
    ("Meta's partnership with Microsoft expanded.", {("Meta", "partner with", "Microsoft")}),
    ("Microsoft's acquisition of GitHub closed in 2018.", {("Microsoft", "acquire", "GitHub")}),
    ("Jane Doe, chief scientist at Meta, resigned.", {("Jane Doe", "chief scientist at", "Meta")}),
    ("Llama 2, a language model, is free.", {("Llama 2", "be", "language model")}),
    # clause structure
    ("The model that Meta released beats GPT-4.", {("Meta", "release", "model")}),
    (
        "Meta released Llama 2 and partnered with Microsoft.",
        {("Meta", "release", "Llama 2"), ("Meta", "partner with", "Microsoft")},
    ),
    ("Meta decided to release Llama 2.", {("Meta", "release", "Llama 2")}),
    # statements by one entity about another
    ("Secunia said that Zeta has many flaws.", {("Secunia", "say about", "Zeta")}),
    (
        "Zentek's behaviour is unacceptable, said the minister Jo Roe.",
        {("Jo Roe", "say about", "Zentek")},
    ),
    (
        "A statement from Zentek said that Brantel had broken the deal.",
        {("Zentek", "say about", "Brantel")},
    ),
    # a party hung deep inside the object
    (
        "Acme sought approval for the deal from the European Commission.",
        {("Acme", "seek approval from", "European Commission")},
    ),
    ("Norland put its army on high alert.", {("Norland", "put army on", "high alert")}),
    (
        "Tom Lind is undergoing trial by jury for the death of his daughter, Mary.",
        {("Tom Lind", "undergo trial for death of", "Mary")},
    ),
    (
        "The only company that bought steel was Zentek.",
        {("Zentek", "buy", "steel")},
    ),
    (
        "Zentek also announced Marta Lind as its new president.",
        {("Marta Lind", "new president of", "Zentek")},
    ),
    (
        "According to Reuters, citing the Zentek spokesman Jo Roe, sales fell.",
        {("Reuters", "cite", "Jo Roe")},
    ),
    # whom a quotation is about is read from inside it
    (
        'Jo Roe wrote, "Al Tan proceeded to lie to Ann Berg that the drives were lost."',
        {("Jo Roe", "write about", "Al Tan"), ("Al Tan", "lie to", "Ann Berg")},
    ),
]

# sentence -> triples that must not be read as asserted facts.
NOT_ASSERTED = [
    ("If Meta released Llama 3, Google would respond.", ("Meta", "release", "Llama 3")),
    (
        "Jo Roe wrote that Al Tan would be jailed, UNLESS of course, he paid and cooperated "
        "with Ann Berg.",
        ("Al Tan", "cooperate with", "Ann Berg"),
    ),
    ("Has Meta released Llama 3?", ("Meta", "release", "Llama 3")),
    ("OpenAI believes that Meta released Llama 3.", ("Meta", "release", "Llama 3")),
    ("Meta may release Llama 3.", ("Meta", "release", "Llama 3")),
    ("Meta intends to release Llama 3.", ("Meta", "release", "Llama 3")),
    ("Meta did not release Llama 3.", ("Meta", "release", "Llama 3")),
]

# sentence -> triples that must not be read at all.
NOT_EXPECTED = [
    ("OpenAI did not release GPT-4.", {("OpenAI", "release", "GPT-4")}),
    (
        "Meta's partnership with Microsoft expanded.",
        {("Meta's partnership with Microsoft", "expand", "")},
    ),
    # the quoted thing is the apposed name, not its owner
    (
        "According to Reuters, quoting Norway's main bank Norbank, rates rose.",
        {("Reuters", "quote main bank of", "Norway")},
    ),
    # a verb that places nothing keeps only named prepositional objects
    ("Norland sold its army on Monday.", {("Norland", "sell army on", "Monday")}),
    # a passive is read by the passive rules, in its own voice
    (
        "Tom Lind was charged over the murder of Ann Berg.",
        {("Tom Lind", "charge murder of", "Ann Berg")},
    ),
    # what one says of oneself relates no two entities
    ("Acme said that it would sue Zeta.", {("Acme", "say about", "Acme")}),
    # no person is a kind of another
    ("My major influences are Jo Roe and Al Tan.", {("Jo Roe", "be", "Al Tan")}),
    # a 'for' phrase that opens the clause says in whose eyes
    ("For Jo Roe, a Zeta teacher, Al Tan was a legend.", {("Al Tan", "be for", "Jo Roe")}),
    # words of a quotation belong to it, not to the verb that introduces it
    (
        'Jo Roe said, "I think his prints are as good as his paintings, his famous pictures '
        'of Ann Berg."',
        {("Jo Roe", "say picture of", "Ann Berg"), ("Jo Roe", "say famous picture of", "Ann Berg")},
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), EXPECTED, ids=[s for s, _ in EXPECTED])
def test_relations_sentence_table(nlp, sentence, expected):
    found = plain(read(sentence, nlp=nlp))
    assert expected <= found, f"missing {expected - found}; read {found}"


@pytest.mark.parametrize(("sentence", "unwanted"), NOT_EXPECTED, ids=[s for s, _ in NOT_EXPECTED])
def test_relations_not_read(nlp, sentence, unwanted):
    assert not (plain(read(sentence, nlp=nlp)) & unwanted)


@pytest.mark.parametrize(("sentence", "triple"), NOT_ASSERTED, ids=[s for s, _ in NOT_ASSERTED])
def test_relations_tempting_but_not_asserted(nlp, sentence, triple):
    found = [
        t for t in read(sentence, nlp=nlp) if (t.subject.name, t.predicate, t.object.name) == triple
    ]
    assert found, f"expected the statement to be read (and marked) in {sentence!r}"
    assert not any(t.asserted for t in found)


def test_relations_arguments_are_entities_not_clauses(nlp):
    triples = read(
        "Meta's partnership with Microsoft expanded the reach of Llama 2.",
        nlp=nlp,
        require_named=False,
    )
    assert triples, "expected a triple"
    assert all(len(t.subject.name.split()) <= 3 for t in triples)


def test_relations_reported_speech_is_attributed(nlp):
    [triple] = [
        t
        for t in read("OpenAI believes that Meta released Llama 2.", nlp=nlp)
        if t.predicate == "release"
    ]
    assert triple.attributed_to is not None and triple.attributed_to.name == "OpenAI"
    assert not triple.asserted


def test_relations_intention_is_marked(nlp):
    [triple] = [
        t
        for t in read("Qualcomm plans to bring Llama 2 to phones.", nlp=nlp)
        if t.predicate == "bring"
    ]
    assert triple.subject.name == "Qualcomm" and triple.modality == "intended"


def test_relations_evidence_offsets_point_at_words(nlp):
    text = "Intro line.\n\nMeta released Llama 2 on Tuesday."
    [triple] = [t for t in read(text, nlp=nlp) if t.predicate == "release"]
    evidence = triple.evidence
    assert text[slice(*evidence.subject)] == "Meta"
    assert text[slice(*evidence.relation)] == "released"
    assert text[slice(*evidence.object)] == "Llama 2"
    assert evidence.sentence == "Meta released Llama 2 on Tuesday."
    assert text[evidence.sentence_start :].startswith(evidence.sentence)
    assert 0 < triple.confidence <= 1


def candidates(doc):
    return {
        (c.subject.text, c.predicate, c.object.text, c.negated) for c in sentence_candidates(doc[:])
    }


def test_rule_svo_on_built_parse(nlp):
    doc = parse(
        nlp,
        ["Meta", "released", "Llama"],
        [1, 1, 1],
        ["nsubj", "ROOT", "dobj"],
        ["PROPN", "VERB", "PROPN"],
        ["Meta", "release", "Llama"],
    )
    assert candidates(doc) == {("Meta", "release", "Llama", False)}


def test_rule_passive_agent_on_built_parse(nlp):
    doc = parse(
        nlp,
        ["Llama", "was", "released", "by", "Meta"],
        [2, 2, 2, 2, 3],
        ["nsubjpass", "auxpass", "ROOT", "agent", "pobj"],
        ["PROPN", "AUX", "VERB", "ADP", "PROPN"],
        ["Llama", "be", "release", "by", "Meta"],
    )
    assert ("Meta", "release", "Llama", False) in candidates(doc)


def test_rule_negation_on_built_parse(nlp):
    doc = parse(
        nlp,
        ["Meta", "did", "not", "release", "Llama"],
        [3, 3, 3, 3, 3],
        ["nsubj", "aux", "neg", "ROOT", "dobj"],
        ["PROPN", "AUX", "PART", "VERB", "PROPN"],
        ["Meta", "do", "not", "release", "Llama"],
    )
    assert candidates(doc) == {("Meta", "release", "Llama", True)}


def test_rule_coordinated_objects_on_built_parse(nlp):
    words = ["Llama", "is", "available", "on", "Azure", ",", "AWS", "and", "Bedrock"]
    heads = [1, 1, 1, 2, 3, 4, 4, 6, 6]
    deps = ["nsubj", "ROOT", "acomp", "prep", "pobj", "punct", "conj", "cc", "conj"]
    pos = ["PROPN", "AUX", "ADJ", "ADP", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN"]
    lemmas = ["Llama", "be", "available", "on", "Azure", ",", "AWS", "and", "Bedrock"]
    doc = parse(nlp, words, heads, deps, pos, lemmas)
    assert {c[2] for c in candidates(doc)} == {"Azure", "AWS", "Bedrock"}
    assert {c[1] for c in candidates(doc)} == {"be available on"}


def test_rule_headline_noun_read_as_verb(nlp):
    doc = parse(
        nlp,
        ["Meta", "partners", "with", "Microsoft"],
        [1, 1, 1, 2],
        ["amod", "ROOT", "prep", "pobj"],
        ["PROPN", "NOUN", "ADP", "PROPN"],
        ["Meta", "partner", "with", "Microsoft"],
        tags=["NNP", "NNS", "IN", "NNP"],
    )
    assert candidates(doc) == {("Meta", "partner with", "Microsoft", False)}


def test_rule_nominalization_with_agent_on_built_parse(nlp):
    words = ["the", "launch", "of", "Llama", "by", "Meta"]
    doc = parse(
        nlp,
        words,
        [1, 1, 1, 2, 1, 4],
        ["det", "ROOT", "prep", "pobj", "prep", "pobj"],
        ["DET", "NOUN", "ADP", "PROPN", "ADP", "PROPN"],
        ["the", "launch", "of", "Llama", "by", "Meta"],
    )
    assert candidates(doc) == {("Meta", "launch", "Llama", False)}


def test_rule_a_quotations_words_are_no_object_of_its_verb(nlp):
    # 'Roe said , " I think pictures of Zeta . "' with 'pictures' hung on 'said'
    doc = parse(
        nlp,
        words=["Roe", "said", ",", '"', "I", "think", "pictures", "of", "Zeta", ".", '"'],
        heads=[1, 1, 1, 1, 5, 1, 1, 6, 7, 1, 1],
        deps="nsubj ROOT punct punct nsubj ccomp dobj prep pobj punct punct".split(),
        pos="PROPN VERB PUNCT PUNCT PRON VERB NOUN ADP PROPN PUNCT PUNCT".split(),
        lemmas=["Roe", "say", ",", '"', "I", "think", "picture", "of", "Zeta", ".", '"'],
    )
    assert not {c for c in candidates(doc) if c[0] == "Roe" and c[2] in ("pictures", "Zeta")}
    # a quoted title right after the verb is its object
    doc = parse(
        nlp,
        words=["Roe", "sang", '"', "Rain", '"', "."],
        heads=[1, 1, 3, 1, 3, 1],
        deps=["nsubj", "ROOT", "punct", "dobj", "punct", "punct"],
        pos=["PROPN", "VERB", "PUNCT", "PROPN", "PUNCT", "PUNCT"],
        lemmas=["Roe", "sing", '"', "Rain", '"', "."],
    )
    assert ("Roe", "sing", "Rain", False) in candidates(doc)


def test_rule_a_viewpoint_relates_nothing_on_built_parse(nlp):
    # 'For Roe , Tan was a legend' against 'Tan worked for Roe'
    fronted = parse(
        nlp,
        words=["For", "Roe", ",", "Tan", "was", "a", "legend"],
        heads=[4, 0, 4, 4, 4, 6, 4],
        deps=["prep", "pobj", "punct", "nsubj", "ROOT", "det", "attr"],
        pos=["ADP", "PROPN", "PUNCT", "PROPN", "AUX", "DET", "NOUN"],
        lemmas=["for", "Roe", ",", "Tan", "be", "a", "legend"],
    )
    after = parse(
        nlp,
        words=["Tan", "worked", "for", "Roe"],
        heads=[1, 1, 1, 2],
        deps=["nsubj", "ROOT", "prep", "pobj"],
        pos=["PROPN", "VERB", "ADP", "PROPN"],
        lemmas=["Tan", "work", "for", "Roe"],
    )
    assert is_viewpoint(fronted[0])
    assert not is_viewpoint(after[2])
