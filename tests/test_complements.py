"""Rules of `extract.complements` on hand-built parses, apart from the model's mistakes."""

from __future__ import annotations

from extract.relations import sentence_candidates
from tests.conftest import hand_parse as parse


def relations(doc) -> set[tuple[str, str, str]]:
    return {(c.subject.text, c.predicate, c.object.text) for c in sentence_candidates(doc[:])}


def test_rule_statement_about_the_subject_of_what_is_said(nlp):
    doc = parse(
        nlp,
        ["Secunia", "said", "that", "Zeta", "has", "flaws"],
        [1, 1, 4, 4, 1, 4],
        ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "dobj"],
        ["PROPN", "VERB", "SCONJ", "PROPN", "VERB", "NOUN"],
        ["Secunia", "say", "that", "Zeta", "have", "flaw"],
    )
    assert ("Secunia", "say about", "Zeta") in relations(doc)


def test_rule_no_statement_about_a_common_noun(nlp):
    doc = parse(
        nlp,
        ["Secunia", "said", "that", "users", "have", "flaws"],
        [1, 1, 4, 4, 1, 4],
        ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "dobj"],
        ["PROPN", "VERB", "SCONJ", "NOUN", "VERB", "NOUN"],
        ["Secunia", "say", "that", "user", "have", "flaw"],
    )
    assert not any(p == "say about" for _, p, _ in relations(doc))
