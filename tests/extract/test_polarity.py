"""Events that did not happen, or are only intended, claimed or possible, are never facts
(issue 14, bullet 5): read with the real model, and rule by rule on hand-built parses."""

from __future__ import annotations

import pytest

from extract.polarity import modality_of
from extract.relations import sentence_candidates
from tests.conftest import hand_parse as parse
from tests.conftest import read

# sentence -> (subject, predicate, object) that must be read, and how it is marked.
MARKED = [
    ("Acme abandoned its acquisition of Widget Co.", ("Acme", "acquire", "Widget Co."), "negated"),
    ("Acme called off its merger with Widget Co.", ("Acme", "merge with", "Widget Co."), "negated"),
    (
        "The acquisition of Widget Co by Acme was blocked by regulators.",
        ("Acme", "acquire", "Widget Co"),
        "negated",
    ),
    (
        "Acme's partnership with Widget Co collapsed.",
        ("Acme", "partner with", "Widget Co"),
        "negated",
    ),
    ("Acme denied that it had sued Widget Co.", ("Acme", "sue", "Widget Co."), "negated"),
    ("Acme has no plans to buy Widget Co.", ("Acme", "buy", "Widget Co."), "negated"),
    ("Acme failed to buy Widget Co.", ("Acme", "buy", "Widget Co."), "negated"),
    ("Acme sold Zeta without consulting Widget Co.", ("Acme", "consult", "Widget Co."), "negated"),
    ("Regulators barred Acme from buying Widget Co.", ("Acme", "buy", "Widget Co."), "negated"),
    (
        "Acme pleaded not guilty to charges of fraud.",
        ("Acme", "plead guilty to", "charges of fraud"),
        "negated",
    ),
    (
        "Acme may announce a partnership with Widget Co.",
        ("Acme", "announce", "partnership"),
        "possible",
    ),
    ("Acme should pay Widget Co.", ("Acme", "pay", "Widget Co."), "possible"),
    (
        "By licensing Zeta to Widget Co, Acme could earn millions.",
        ("Acme", "license", "Zeta"),
        "possible",
    ),
    (
        "Acme's plan to compete with Widget Co surprised analysts.",
        ("Acme", "compete with", "Widget Co"),
        "intended",
    ),
    (
        "Acme partnered with Widget Co to bring Zeta to Europe.",
        ("Acme", "bring", "Zeta"),
        "intended",
    ),
    ("Acme said it would sue Widget Co.", ("Acme", "sue", "Widget Co."), "attributed"),
    ("Acme is unable to pay Widget Co.", ("Acme", "pay", "Widget Co."), "negated"),
    ("Acme did not buy or sell Zeta.", ("Acme", "sell", "Zeta"), "negated"),
    ("Acme is in talks to acquire Widget Co.", ("Acme", "acquire", "Widget Co."), "intended"),
    ("Acme rejected claims that it had paid Zeta.", ("Acme", "pay", "Zeta"), "negated"),
    ("Reports that Acme will buy Zeta lifted its shares.", ("Acme", "buy", "Zeta"), "claimed"),
    ("The ruling allows Acme to sell Zeta in France.", ("Acme", "sell", "Zeta"), "possible"),
    ("Regulators urged Acme to sell Zeta.", ("Acme", "sell", "Zeta"), "intended"),
    ("Acme has yet to approve the deal with Zeta.", ("Acme", "approve with", "Zeta"), "negated"),
    ("Acme allegedly bribed Zeta.", ("Acme", "bribe", "Zeta"), "claimed"),
    ("Acme will probably buy Zeta.", ("Acme", "buy", "Zeta"), "possible"),
    (
        "Acme is considering a sale of Zeta to Widget Co.",
        ("Acme", "consider sale to", "Widget Co."),
        "intended",
    ),
    (
        "Acme said in a statement that it had no plans to sell Zeta.",
        ("Acme", "sell", "Zeta"),
        "attributed",
    ),
    ("Acme stopped supplying Zeta.", ("Acme", "supply", "Zeta"), "negated"),
    ("Acme's bid to buy Zeta failed.", ("Acme", "buy", "Zeta"), "negated"),
    ("Acme's offer to buy Zeta was rejected.", ("Acme", "buy", "Zeta"), "negated"),
    (
        "Acme said that it will be willing to pay Widget Co.",
        ("Acme", "pay", "Widget Co."),
        "intended",
    ),
    (
        "Acme said that it will be willing to pay Widget Co.",
        ("Acme", "pay", "Widget Co."),
        "attributed",
    ),
    # A claim is marked in the modality too: readers of the modality alone see it is no fact.
    ("Acme claims that Zeta violates the agreement.", ("Zeta", "violate", "agreement"), "claimed"),
    ("Acme alleged that Zeta had copied Bolt.", ("Zeta", "copy", "Bolt"), "claimed"),
    ("Acme said that Zeta had bought Bolt.", ("Zeta", "buy", "Bolt"), "reported"),
]


def marks(triple) -> set[str]:
    found = {"negated"} if triple.negated else set()
    found |= {triple.modality} if triple.modality else set()
    return found | ({"attributed"} if triple.attributed_to else set())


@pytest.mark.parametrize(("sentence", "triple", "mark"), MARKED, ids=[s for s, *_ in MARKED])
def test_polarity_statement_is_read_and_marked(nlp, sentence, triple, mark):
    found = [
        t for t in read(sentence, nlp=nlp) if (t.subject.name, t.predicate, t.object.name) == triple
    ]
    assert found, f"expected {triple} in {sentence!r}"
    assert all(mark in marks(t) and not t.asserted for t in found), [marks(t) for t in found]


# Events that did happen stay facts.
ASSERTED = [
    ("Acme completed its acquisition of Widget Co.", ("Acme", "acquire", "Widget Co.")),
    ("After acquiring Widget Co, Acme hired John Smith.", ("Acme", "acquire", "Widget Co")),
    ("Acme sold Zeta without consulting Widget Co.", ("Acme", "sell", "Zeta")),
    ("Acme did not buy Zeta but sold Widget Co.", ("Acme", "sell", "Widget Co.")),
    ("Acme bought Zeta and sold Widget Co.", ("Acme", "sell", "Widget Co.")),
]


@pytest.mark.parametrize(("sentence", "triple"), ASSERTED, ids=[s for s, _ in ASSERTED])
def test_polarity_plain_events_stay_asserted(nlp, sentence, triple):
    found = [
        t for t in read(sentence, nlp=nlp) if (t.subject.name, t.predicate, t.object.name) == triple
    ]
    assert found and all(t.asserted for t in found)


def test_polarity_cancelled_deal_gives_no_light_verb_relation(nlp):
    # 'abandons acquisition of' would read as an acquisition to anyone matching words.
    predicates = {
        t.predicate for t in read("Acme abandoned its acquisition of Widget Co.", nlp=nlp)
    }
    assert not any("acquisition" in p for p in predicates)


def flags(doc):
    return {
        (c.subject.text, c.predicate, c.object.text): (c.negated, c.modality)
        for c in sentence_candidates(doc[:])
    }


def test_rule_nominalization_takes_cancelling_verb(nlp):
    doc = parse(
        nlp,
        ["Acme", "abandoned", "its", "acquisition", "of", "Zeta"],
        [1, 1, 3, 1, 3, 4],
        ["nsubj", "ROOT", "poss", "dobj", "prep", "pobj"],
        ["PROPN", "VERB", "PRON", "NOUN", "ADP", "PROPN"],
        ["Acme", "abandon", "its", "acquisition", "of", "Zeta"],
    )
    assert flags(doc)[("its", "acquire", "Zeta")] == (True, None)


def test_rule_nominalization_takes_modal_of_governing_verb(nlp):
    doc = parse(
        nlp,
        ["Acme", "may", "announce", "its", "acquisition", "of", "Zeta"],
        [2, 2, 2, 4, 2, 4, 5],
        ["nsubj", "aux", "ROOT", "poss", "dobj", "prep", "pobj"],
        ["PROPN", "AUX", "VERB", "PRON", "NOUN", "ADP", "PROPN"],
        ["Acme", "may", "announce", "its", "acquisition", "of", "Zeta"],
    )
    assert flags(doc)[("its", "acquire", "Zeta")] == (False, "possible")


def test_rule_nominalization_subject_of_collapse(nlp):
    doc = parse(
        nlp,
        ["Acme", "'s", "merger", "with", "Zeta", "collapsed"],
        [2, 0, 5, 2, 3, 5],
        ["poss", "case", "nsubj", "prep", "pobj", "ROOT"],
        ["PROPN", "PART", "NOUN", "ADP", "PROPN", "VERB"],
        ["Acme", "'s", "merger", "with", "Zeta", "collapse"],
    )
    assert flags(doc)[("Acme", "merge with", "Zeta")] == (True, None)


def test_rule_denied_claim_is_negated_and_attributed(nlp):
    doc = parse(
        nlp,
        ["Acme", "denied", "that", "Bo", "sued", "Zeta"],
        [1, 1, 4, 4, 1, 4],
        ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "dobj"],
        ["PROPN", "VERB", "SCONJ", "PROPN", "VERB", "PROPN"],
        ["Acme", "deny", "that", "Bo", "sue", "Zeta"],
    )
    [candidate] = [c for c in sentence_candidates(doc[:]) if c.predicate == "sue"]
    assert candidate.negated and candidate.speaker is not None and candidate.speaker.text == "Acme"


def test_rule_no_plans_negates_the_nouns_infinitive(nlp):
    words = ["Acme", "has", "no", "plans", "to", "buy", "Zeta"]
    doc = parse(
        nlp,
        words,
        [1, 1, 3, 1, 5, 3, 5],
        ["nsubj", "ROOT", "det", "dobj", "aux", "acl", "dobj"],
        ["PROPN", "VERB", "DET", "NOUN", "PART", "VERB", "PROPN"],
        ["Acme", "have", "no", "plan", "to", "buy", "Zeta"],
        tags=["NNP", "VBZ", "DT", "NNS", "TO", "VB", "NNP"],
    )
    assert flags(doc)[("Acme", "buy", "Zeta")] == (True, "intended")


def test_rule_failure_noun_negates_its_infinitive(nlp):
    doc = parse(
        nlp,
        ["Acme", "'s", "failure", "to", "pay", "Zeta", "hurt"],
        [2, 0, 6, 4, 2, 4, 6],
        ["poss", "case", "nsubj", "aux", "acl", "dobj", "ROOT"],
        ["PROPN", "PART", "NOUN", "PART", "VERB", "PROPN", "VERB"],
        ["Acme", "'s", "failure", "to", "pay", "Zeta", "hurt"],
        tags=["NNP", "POS", "NN", "TO", "VB", "NNP", "VBD"],
    )
    assert flags(doc)[("Acme", "pay", "Zeta")][0] is True


def test_rule_negated_adjective_complement(nlp):
    doc = parse(
        nlp,
        ["Bo", "pleaded", "not", "guilty", "to", "fraud"],
        [1, 1, 3, 1, 3, 4],
        ["nsubj", "ROOT", "neg", "acomp", "prep", "pobj"],
        ["PROPN", "VERB", "PART", "ADJ", "ADP", "NOUN"],
        ["Bo", "plead", "not", "guilty", "to", "fraud"],
    )
    assert flags(doc) == {("Bo", "plead guilty to", "fraud"): (True, None)}


def test_rule_no_longer_negates(nlp):
    doc = parse(
        nlp,
        ["Acme", "no", "longer", "supports", "Zeta"],
        [3, 2, 3, 3, 3],
        ["nsubj", "neg", "advmod", "ROOT", "dobj"],
        ["PROPN", "ADV", "ADV", "VERB", "PROPN"],
        ["Acme", "no", "longer", "support", "Zeta"],
    )
    assert flags(doc) == {("Acme", "support", "Zeta"): (True, None)}


def test_rule_without_gerund_is_negated_but_main_clause_is_not(nlp):
    doc = parse(
        nlp,
        ["Acme", "sold", "Zeta", "without", "consulting", "Bo"],
        [1, 1, 1, 1, 3, 4],
        ["nsubj", "ROOT", "dobj", "prep", "pcomp", "dobj"],
        ["PROPN", "VERB", "PROPN", "ADP", "VERB", "PROPN"],
        ["Acme", "sell", "Zeta", "without", "consult", "Bo"],
        tags=["NNP", "VBD", "NNP", "IN", "VBG", "NNP"],
    )
    found = flags(doc)
    assert found[("Acme", "consult", "Bo")] == (True, None)
    assert found[("Acme", "sell", "Zeta")] == (False, None)


def test_rule_claimed_clause_is_marked_claimed(nlp):
    doc = parse(
        nlp,
        ["Acme", "claims", "that", "Zeta", "copied", "Bolt"],
        [1, 1, 4, 4, 1, 4],
        ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "dobj"],
        ["PROPN", "VERB", "SCONJ", "PROPN", "VERB", "PROPN"],
        ["Acme", "claim", "that", "Zeta", "copy", "Bolt"],
    )
    [candidate] = [c for c in sentence_candidates(doc[:]) if c.predicate == "copy"]
    assert candidate.modality == "claimed" and candidate.speaker.text == "Acme"


def test_rule_hedge_outranks_report(nlp):
    doc = parse(
        nlp,
        ["Acme", "said", "Zeta", "may", "buy", "Bolt"],
        [1, 1, 4, 4, 1, 4],
        ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "dobj"],
        ["PROPN", "VERB", "PROPN", "AUX", "VERB", "PROPN"],
        ["Acme", "say", "Zeta", "may", "buy", "Bolt"],
    )
    assert flags(doc)[("Zeta", "buy", "Bolt")] == (False, "possible")


def test_rule_plain_statement_has_no_report_mark(nlp):
    doc = parse(
        nlp,
        ["Zeta", "copied", "Bolt"],
        [1, 1, 1],
        ["nsubj", "ROOT", "dobj"],
        ["PROPN", "VERB", "PROPN"],
        ["Zeta", "copy", "Bolt"],
    )
    assert flags(doc)[("Zeta", "copy", "Bolt")] == (False, None)


def test_polarity_condition_parsed_as_a_preposition(nlp):
    # 'UNLESS of course , he paid' with 'UNLESS' labelled a preposition of 'paid'
    doc = parse(
        nlp,
        ["UNLESS", "of", "course", ",", "he", "paid"],
        [5, 0, 1, 5, 5, 5],
        ["prep", "pcomp", "pobj", "punct", "nsubj", "ROOT"],
        ["SCONJ", "ADP", "NOUN", "PUNCT", "PRON", "VERB"],
        ["unless", "of", "course", ",", "he", "pay"],
    )
    assert modality_of(doc[5]) == "hypothetical"
