"""graph.rdf.vocab: the IRIs kg mints and its closed vocabulary."""

from __future__ import annotations

import pytest

from graph.rdf.vocab import (
    CLASS_TYPES,
    KG,
    PREFIXES,
    TYPE_CLASSES,
    document_iri,
    entity_iri,
    relation_iri,
    segment,
    sentence_iri,
    statement_iri,
)


def test_vocab_names_of_one_entity_share_its_iri():
    assert entity_iri("Acme") == entity_iri("Acme Inc.") == PREFIXES["ent"] + "acme"
    assert entity_iri("Acme") != entity_iri("Globex")


def test_vocab_relation_and_document_iris():
    assert relation_iri("Partner  With") == PREFIXES["rel"] + "partner_with"
    assert document_iri("news/a b.txt") == PREFIXES["doc"] + "news/a%20b.txt"
    assert sentence_iri("a.txt", 3, 9) == PREFIXES["doc"] + "a.txt#char=3,9"


def test_vocab_statement_iri_is_stable_and_distinct():
    assert statement_iri("a", 1, True) == statement_iri("a", 1, True)
    assert statement_iri("a", 1, True) != statement_iri("a", 1, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Société", "Société"), ("a/b", "a%2Fb"), ("..", "%2E%2E"), ("v1.2", "v1.2"), ("", "")],
)
def test_vocab_segment_keeps_letters_and_encodes_the_rest(text, expected):
    assert segment(text) == expected


def test_vocab_types_and_classes_are_inverse():
    assert {CLASS_TYPES[str(iri)] for iri in TYPE_CLASSES.values()} == set(TYPE_CLASSES)


def test_vocab_kg_namespace_is_closed():
    assert str(KG.mentionCount) == PREFIXES["kg"] + "mentionCount"
    with pytest.raises(AttributeError):
        KG.noSuchTerm  # noqa: B018
