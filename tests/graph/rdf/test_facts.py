"""graph.rdf.facts: the facts gathered from extractions are those read back from the store."""

from __future__ import annotations

import pyoxigraph as ox

from graph.rdf.facts import Edge, Facts, most_common, statement_kind
from graph.rdf.vocab import entity_iri, relation_iri
from graph.store.facts import read_facts


def test_facts_from_extractions_equal_facts_read_from_the_store(hand_extraction, hand_store):
    gathered = Facts()
    gathered.add_extraction(hand_extraction)
    stored = read_facts(hand_store)
    assert gathered.entities() == stored.entities()
    assert gathered.quads() == stored.quads()
    network, back = gathered.network(), stored.network()
    assert list(network.edges(keys=True, data=True)) == list(back.edges(keys=True, data=True))


def test_facts_entities_count_mentions_and_take_the_commonest_name(hand_extraction):
    facts = Facts()
    facts.add_extraction(hand_extraction)
    entities = facts.entities()
    acme, jane = entities[entity_iri("Acme")], entities[entity_iri("Jane Doe")]
    assert (acme.label, acme.mentions, acme.aliases) == ("Acme", 3, [])
    assert (jane.label, jane.mentions) == ("Jane Doe", 2)
    assert jane.class_iri == "https://schema.org/Person"


def test_facts_only_asserted_statements_are_edges_of_the_default_graph(hand_extraction):
    facts = Facts()
    facts.add_extraction(hand_extraction)
    edges = {
        (q.subject.value, q.predicate.value, q.object.value)
        for q in facts.quads()
        if isinstance(q.object, ox.NamedNode) and q.predicate.value.startswith(relation_iri(""))
    }
    acme, jane = entity_iri("Acme"), entity_iri("Jane Doe")
    assert edges == {(acme, relation_iri("hire"), jane), (jane, relation_iri("lead"), acme)}
    negated = facts.edges[(acme, entity_iri("Globex"), relation_iri("buy"), "negated")]
    assert isinstance(negated, Edge) and negated.forms == {"did not buy": 1}
    assert negated.evidence[0]["sentence"] == "Acme did not buy Globex."


def test_facts_statement_kinds_and_forms():
    assert statement_kind(negated=True, speaker="x", modality=None) == "negated"
    assert statement_kind(negated=False, speaker="x", modality="possible") == "reported"
    assert statement_kind(negated=False, speaker=None, modality="possible") == "hedged"
    assert statement_kind(negated=False, speaker=None, modality=None) == "asserted"
    assert most_common(Facts().relations["r"] + __import__("collections").Counter("ab")) == "a"
