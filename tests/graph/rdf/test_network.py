"""What the entity network draws: named entities, their relations, and only the concepts that
say what an entity is or that several entities share; the rest is counted, not lost."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.rdf.network import STATEMENTS, entity_network
from graph.rdf.vocab import relation_iri
from graph.store.facts import to_networkx
from graph.store.store import open_store

NODES = {
    "Orvel Air": "organization",
    "Varnia": "place",
    "Jonas Pemberton": "person",
    "Quillby": "thing",  # a proper name spaCy left untyped is still a name
    "regional airline": "concept",
    "route network": "concept",
    "the drop": "concept",
    "2009": "date",
    "120 jobs": "quantity",
}
EDGES = [
    # subject, predicate, object, statements
    ("Orvel Air", "be", "regional airline", 1),  # what an entity is: drawn
    ("Orvel Air", "expand", "route network", 2),
    ("Quillby", "plan", "route network", 1),  # a second entity: the concept is drawn
    ("Jonas Pemberton", "blame", "the drop", 1),  # one entity, no is-a: left out
    ("Orvel Air", "fly to", "Varnia", 3),
    ("Orvel Air", "cut", "120 jobs", 1),  # values are left out
    ("Varnia", "join in", "2009", 1),
    ("Jonas Pemberton", "found in", "2009", 1),  # shared, but a date
    ("regional airline", "need", "route network", 1),  # no named entity: left out
]


def network() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for name, kind in NODES.items():
        graph.add_node(name, label=name, type=kind, aliases=[], mentions=1)
    for subject, predicate, obj, count in EDGES:
        graph.add_edge(
            subject,
            obj,
            predicate=relation_iri(predicate),
            label=predicate,
            kind="asserted",
            evidence=[{"sentence": f"{subject} {predicate} {obj}."}] * count,
        )
    return graph


def test_network_draws_named_entities_and_concepts_that_say_something():
    drawn = entity_network(network())
    assert sorted(drawn) == sorted(
        ["Orvel Air", "Varnia", "Jonas Pemberton", "Quillby", "regional airline", "route network"]
    )
    assert sorted((s, d["label"], o) for s, o, d in drawn.edges(data=True)) == [
        ("Orvel Air", "be", "regional airline"),
        ("Orvel Air", "expand", "route network"),
        ("Orvel Air", "fly to", "Varnia"),
        ("Quillby", "plan", "route network"),
    ]
    assert drawn.graph[STATEMENTS] == 12  # every statement of the full network, drawn or not


@pytest.mark.parametrize(
    ("predicate", "drawn"),
    [("be", True), ("become", True), ("blame", False)],
)
def test_network_one_entity_concept_only_when_it_says_what_it_is(predicate, drawn):
    graph = nx.MultiDiGraph()
    graph.add_node("a", type="organization")
    graph.add_node("c", type="concept")
    graph.add_edge("c", "a", predicate=relation_iri(predicate), evidence=[{}])
    assert ("c" in entity_network(graph)) is drawn


def test_network_filter_twice_keeps_the_full_count():
    once = entity_network(network())
    assert entity_network(once) is once
    part = once.subgraph(["Orvel Air", "Varnia"]).copy()
    assert entity_network(part).graph[STATEMENTS] == 12


def test_network_of_a_store_leaves_concepts_in_the_store(example_build):
    with open_store(example_build / "store", read_only=True) as store:
        drawn, everything = to_networkx(store), to_networkx(store, everything=True)
    assert set(drawn) < set(everything)
    assert all(drawn.nodes[n]["type"] not in {"date", "quantity"} for n in drawn)
    assert drawn.graph[STATEMENTS] == sum(
        len(d["evidence"]) for *_, d in everything.edges(data=True)
    )
