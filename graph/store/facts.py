"""The facts and the entity network, read from the store, and the default graph written from
them: the store side of graph.rdf.facts."""

from __future__ import annotations

import networkx as nx
import pyoxigraph as ox

from graph.queries import query_text
from graph.rdf.facts import Facts, NodeAttributes
from graph.rdf.network import entity_network
from graph.rdf.vocab import CLASS_TYPES, PREFIXES
from graph.store.store import Store


def refresh_facts(store: Store, facts: Facts | None = None) -> Facts:
    """Rewrite the default graph (entities, relations, asserted edges) from `facts`, or, without,
    from all documents in the store; return the facts."""
    if facts is None:
        facts = read_facts(store)
    write_facts(store, facts.nquads())
    return facts


def write_facts(store: Store, nquads: bytes) -> None:
    """Make `nquads` (`Facts.nquads`) the default graph."""
    # Not one transaction, and need not be: every build recomputes the facts from scratch.
    store.clear_graph(ox.DefaultGraph())
    # The bulk loader writes the store's files directly: less work than a transaction, and
    # nothing left in memory for the store to write out when it closes. Lenient: the IRIs are
    # valid by construction (graph.rdf.vocab), as in graph.store.store.replace_documents.
    store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS, lenient=True)


def read_facts(store: Store) -> Facts:
    """The facts of every document in `store`."""
    facts = Facts()
    for row in store.query(query_text("occurrences"), prefixes=PREFIXES):
        facts.add_occurrence(
            row["entity"].value, row["name"].value, row["type"].value, int(row["count"].value)
        )
    for row in store.query(query_text("occurrence_aliases"), prefixes=PREFIXES):
        facts.add_alias(row["entity"].value, row["alias"].value)
    read_statements(store, facts)
    return facts


def read_statements(store: Store, facts: Facts) -> None:
    """Add every statement of `store` to `facts`."""
    for row in store.query(query_text("statements"), prefixes=PREFIXES):
        facts.add_statement(
            subject=row["s"].value,
            predicate=row["p"].value,
            object=row["o"].value,
            relation=row["relation"].value,
            confidence=float(row["confidence"].value),
            negated=row["negated"].value == "true",
            modality=row["modality"] and row["modality"].value,
            speaker=row["speaker"] and row["speaker"].value,
            sentence=row["text"].value,
            document=row["path"].value,
        )


def to_networkx(store: Store, *, everything: bool = False) -> nx.MultiDiGraph:
    """The entity network: a node per named entity in some statement, an edge per relation
    between two entities and kind of statement (asserted, negated, reported, hedged), carrying
    every sentence it was read from; a concept only where it says what an entity is or where
    several entities share it, and no dates or quantities (graph.rdf.network.entity_network).
    `everything` keeps every statement of the store, concepts and values included.

    Node attributes: `label`, `type`, `aliases`, `mentions`. Edge attributes: `label` (the most
    common readable form), `predicate`, `kind`, `confidence` (the highest), `evidence` (dicts of
    `sentence`, `document`, `confidence`). `graph.graph["statements"]` counts the statements of
    the store, drawn or not.
    """
    facts = Facts()
    read_statements(store, facts)
    network = facts.network(node_attributes(store))
    return network if everything else entity_network(network)


def node_attributes(store: Store) -> dict[str, NodeAttributes]:
    """The entities of the default graph, as `to_networkx` has them."""
    nodes = {
        row["entity"].value: NodeAttributes(
            label=row["label"].value,
            type=CLASS_TYPES.get(row["type"].value, "thing"),
            aliases=[],
            mentions=int(row["mentions"].value),
        )
        for row in store.query(query_text("entity_nodes"), prefixes=PREFIXES)
    }
    for row in store.query(query_text("entity_aliases"), prefixes=PREFIXES):
        node = nodes.get(row["entity"].value)
        if node is not None and row["alias"].value:
            node["aliases"].append(row["alias"].value)
    for node in nodes.values():
        node["aliases"].sort()
    return nodes
