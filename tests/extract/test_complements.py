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


def test_rule_party_preposition_two_nouns_below_the_verb(nlp):
    doc = parse(
        nlp,
        ["Bea", "requested", "help", "for", "the", "search", "from", "Acme"],
        [1, 1, 1, 2, 5, 3, 5, 6],
        ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "prep", "pobj"],
        ["PROPN", "VERB", "NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN"],
        ["Bea", "request", "help", "for", "the", "search", "from", "Acme"],
    )
    assert ("Bea", "request help from", "Acme") in relations(doc)


def test_rule_place_two_nouns_below_the_verb_is_no_party(nlp):
    # 'in' says where the plant is, not who the cut is with
    doc = parse(
        nlp,
        ["Acme", "cut", "jobs", "at", "the", "plant", "in", "Ohio"],
        [1, 1, 1, 2, 5, 3, 5, 6],
        ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "prep", "pobj"],
        ["PROPN", "VERB", "NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN"],
        ["Acme", "cut", "job", "at", "the", "plant", "in", "Ohio"],
    )
    assert not any(o == "Ohio" for _, _, o in relations(doc))


def test_rule_appointed_as_a_title_without_its_organization(nlp):
    doc = parse(
        nlp,
        ["Roe", "was", "appointed", "as", "chief", "executive"],
        [2, 2, 2, 2, 5, 3],
        ["nsubjpass", "auxpass", "ROOT", "prep", "amod", "pobj"],
        ["PROPN", "AUX", "VERB", "ADP", "ADJ", "NOUN"],
        ["Roe", "be", "appoint", "as", "chief", "executive"],
        tags=["NNP", "VBD", "VBN", "IN", "JJ", "NN"],
    )
    found = [c for c in sentence_candidates(doc[:]) if c.rule == "title_unowned"]
    assert [(c.subject.text, c.predicate) for c in found] == [("Roe", "chief executive of")]


def test_rule_appointed_as_a_plain_noun_is_no_title(nlp):
    doc = parse(
        nlp,
        ["Roe", "was", "appointed", "as", "a", "judge"],
        [2, 2, 2, 2, 5, 3],
        ["nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj"],
        ["PROPN", "AUX", "VERB", "ADP", "DET", "NOUN"],
        ["Roe", "be", "appoint", "as", "a", "judge"],
        tags=["NNP", "VBD", "VBN", "IN", "DT", "NN"],
    )
    assert not [c for c in sentence_candidates(doc[:]) if c.rule == "title_unowned"]


def leaving(doc) -> list[tuple[str, str]]:
    return [
        (c.subject.text, c.predicate)
        for c in sentence_candidates(doc[:])
        if c.rule == "post_unowned"
    ]


def test_rule_person_leaving_an_unnamed_post(nlp):
    doc = parse(
        nlp,
        ["Roe", "will", "step", "down", "in", "May"],
        [2, 2, 2, 2, 2, 4],
        ["nsubj", "aux", "ROOT", "prt", "prep", "pobj"],
        ["PROPN", "AUX", "VERB", "ADP", "ADP", "PROPN"],
        ["Roe", "will", "step", "down", "in", "May"],
    )
    doc.ents = [doc.char_span(0, 3, label="PERSON")]
    assert leaving(doc) == [("Roe", "leave")]


def test_rule_named_post_or_no_person_is_no_unnamed_post(nlp):
    words = ["Roe", "will", "step", "down", "from", "Zeta"]
    heads = [2, 2, 2, 2, 2, 4]
    deps = ["nsubj", "aux", "ROOT", "prt", "prep", "pobj"]
    pos = ["PROPN", "AUX", "VERB", "ADP", "ADP", "PROPN"]
    doc = parse(nlp, words, heads, deps, pos)
    doc.ents = [doc.char_span(0, 3, label="PERSON")]
    assert leaving(doc) == []  # the post is named: 'step down from' is read by the verb rules
    doc = parse(
        nlp,
        ["prices", "will", "step", "down"],
        [2, 2, 2, 2],
        ["nsubj", "aux", "ROOT", "prt"],
        ["NOUN", "AUX", "VERB", "ADP"],
    )
    assert leaving(doc) == []


def test_rule_appointer_owns_the_post_its_names(nlp):
    doc = parse(
        nlp,
        ["Zeta", "named", "Roe", "as", "its", "chief"],
        [1, 1, 1, 1, 5, 3],
        ["nsubj", "ROOT", "dobj", "prep", "poss", "pobj"],
        ["PROPN", "VERB", "PROPN", "ADP", "PRON", "NOUN"],
        ["Zeta", "name", "Roe", "as", "its", "chief"],
    )
    found = relations(doc)
    assert ("Roe", "chief of", "Zeta") in found and ("Roe", "chief of", "its") not in found


def test_rule_placing_verb_keeps_the_place(nlp):
    doc = parse(
        nlp,
        ["Norland", "put", "troops", "in", "a", "state", "of", "war"],
        [1, 1, 1, 1, 5, 3, 5, 6],
        ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "prep", "pobj"],
        ["PROPN", "VERB", "NOUN", "ADP", "DET", "NOUN", "ADP", "NOUN"],
        ["Norland", "put", "troop", "in", "a", "state", "of", "war"],
    )
    assert ("Norland", "put troops in", "state") in relations(doc)


def test_rule_other_verbs_keep_no_concept_place(nlp):
    doc = parse(
        nlp,
        ["Norland", "sold", "troops", "in", "a", "state", "of", "war"],
        [1, 1, 1, 1, 5, 3, 5, 6],
        ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "prep", "pobj"],
        ["PROPN", "VERB", "NOUN", "ADP", "DET", "NOUN", "ADP", "NOUN"],
        ["Norland", "sell", "troop", "in", "a", "state", "of", "war"],
    )
    assert not any(o == "state" for _, _, o in relations(doc))


def test_rule_party_preposition_on_the_objects_participle(nlp):
    doc = parse(
        nlp,
        ["Acme", "removed", "a", "video", "featuring", "Roe", "from", "Zeta"],
        [1, 1, 3, 1, 3, 4, 4, 6],
        ["nsubj", "ROOT", "det", "dobj", "acl", "dobj", "prep", "pobj"],
        ["PROPN", "VERB", "DET", "NOUN", "VERB", "PROPN", "ADP", "PROPN"],
        ["Acme", "remove", "a", "video", "feature", "Roe", "from", "Zeta"],
        tags=["NNP", "VBD", "DT", "NN", "VBG", "NNP", "IN", "NNP"],
    )
    assert ("Acme", "remove video from", "Zeta") in relations(doc)


def test_rule_statement_about_the_owner_of_an_act(nlp):
    doc = parse(
        nlp,
        ["Roe", "said", "Zeta", "'s", "behaviour", "was", "bad"],
        [1, 1, 4, 2, 5, 1, 5],
        ["nsubj", "ROOT", "poss", "case", "nsubj", "ccomp", "acomp"],
        ["PROPN", "VERB", "PROPN", "PART", "NOUN", "AUX", "ADJ"],
        ["Roe", "say", "Zeta", "'s", "behaviour", "be", "bad"],
    )
    assert ("Roe", "say about", "Zeta") in relations(doc)


def test_rule_death_of_a_person_deep_among_the_adjuncts(nlp):
    words = ["Roe", "faces", "trial", "by", "jury", "for", "the", "death", "of", "Ann"]
    doc = parse(
        nlp,
        words,
        [1, 1, 1, 1, 3, 4, 7, 5, 7, 8],
        ["nsubj", "ROOT", "dobj", "prep", "pobj", "prep", "det", "pobj", "prep", "pobj"],
        ["PROPN", "VERB", "NOUN", "ADP", "NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN"],
        ["Roe", "face", "trial", "by", "jury", "for", "the", "death", "of", "Ann"],
    )
    assert ("Roe", "face trial for death of", "Ann") in relations(doc)
    doc[7].lemma_ = "rules"  # 'for the rules of Ann': no death, no relation
    assert not any(p.endswith("death of") for _, p, _ in relations(doc))
