"""graph.view.analyze over the network of a real store (graph.store.facts.to_networkx)."""

from __future__ import annotations

import pytest

from graph.errors import SelectionError
from graph.rdf.vocab import entity_iri
from graph.store.facts import to_networkx
from graph.view.analyze import (
    centrality,
    communities,
    find_entity,
    most_connected,
    ranked,
    select,
    shortest_path,
    type_counts,
)


@pytest.fixture
def network(hand_store):
    return to_networkx(hand_store)


def test_analyze_network_of_the_store(network):
    acme, jane = entity_iri("Acme"), entity_iri("Jane Doe")
    assert set(network) == {acme, jane, entity_iri("Globex")}
    kinds = sorted(d["kind"] for *_, d in network.edges(data=True))
    assert kinds == ["asserted", "asserted", "negated"]
    assert network.nodes[jane]["mentions"] == 2 and network.graph["statements"] == 3


def test_analyze_what_stands_out(network):
    assert most_connected(network, limit=1) == [("Acme", 3)]
    assert ranked(network)[0] == entity_iri("Acme")
    assert type_counts(network) == {"organization": 2, "person": 1}
    assert centrality(network, limit=1) == [("Acme", 1.0)]
    assert sorted(map(len, communities(network))) in ([3], [1, 2])


def test_analyze_finding_entities_and_paths(network):
    assert find_entity(network, "  jane DOE ") == entity_iri("Jane Doe")
    assert shortest_path(network, "Jane Doe", "Globex") == [
        ("Jane Doe", "leads", "Acme"),
        ("Acme", "did not buy", "Globex"),
    ]
    assert set(select(network, focus="Globex", hops=1)) == {
        entity_iri("Acme"),
        entity_iri("Globex"),
    }
    with pytest.raises(SelectionError, match="no entity named"):
        find_entity(network, "Initech")
