"""What the entity network draws: named entities and the relations between them, and a concept
only where it says what an entity is or where several entities share it.

The store keeps every statement with its provenance; the network (the page, GraphML, the
views of graph.view.analyze) leaves out the rest so that a reader sees the facts about the named
entities of the text instead of a cloud of phrases ('the drop', 'different causes'), and counts
what it left out so that the page can say so.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from graph.rdf.vocab import relation_iri

# Node types that name no entity of their own: common-noun phrases and values.
VALUE_TYPES = frozenset({"concept", "date", "quantity"})
# Relations that say what an entity is: 'Llama 2 is a large language model' (copula),
# 'Llama 2, a large language model' (apposition).
IS_A = frozenset(relation_iri(p) for p in ("be", "become", "remain"))
# A concept that this many named entities share is a node of its own ('open-weight model').
SHARED_BY = 2
# graph.graph keys: how many statements the full network held, and that it was filtered.
STATEMENTS = "statements"
FILTERED = "entity_network"


def entity_network(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The part of the full network (graph.rdf.facts.Facts.network) that is drawn: every named
    entity, a concept that an entity is ('is a', apposition) or that at least SHARED_BY named
    entities are linked to, no dates or quantities, and the relations that involve a named
    entity. `graph.graph["statements"]` keeps how many statements the full network held.

    >>> g = nx.MultiDiGraph()
    >>> for n, t in [("a", "person"), ("b", "organization"), ("c", "concept"), ("d", "date")]:
    ...     g.add_node(n, type=t)
    >>> for s, o in [("a", "b"), ("a", "c"), ("a", "d")]:
    ...     _ = g.add_edge(s, o, predicate="https://kg.example.org/relation/meet", evidence=[{}])
    >>> sorted(entity_network(g).edges()), entity_network(g).graph["statements"]
    ([('a', 'b')], 3)
    """
    if graph.graph.get(FILTERED):
        return graph  # already the drawn part: keep the full network's count
    named = {n for n, d in graph.nodes(data=True) if d.get("type") not in VALUE_TYPES}
    kept = named | set(drawn_concepts(graph, named))
    part = nx.MultiDiGraph()
    part.graph.update(graph.graph)
    part.graph[FILTERED] = True
    part.graph[STATEMENTS] = graph.graph.get(STATEMENTS, statement_count(graph.edges(data=True)))
    part.add_nodes_from((n, graph.nodes[n]) for n in graph.nodes if n in kept)
    part.add_edges_from(
        (s, o, key, data)
        for s, o, key, data in graph.edges(keys=True, data=True)
        if s in kept and o in kept and (s in named or o in named)
    )
    return part


def drawn_concepts(graph: nx.MultiDiGraph, named: set[str]) -> Iterable[str]:
    """The concepts that say what a named entity is, or that SHARED_BY of them share."""
    for node, data in graph.nodes(data=True):
        if data.get("type") != "concept":
            continue
        linked = set()
        for s, o, d in [*graph.in_edges(node, data=True), *graph.out_edges(node, data=True)]:
            other = o if s == node else s
            if other in named:
                if d.get("predicate") in IS_A:
                    yield node
                    break
                linked.add(other)
        else:
            if len(linked) >= SHARED_BY:
                yield node


def statement_count(edges: Iterable[tuple]) -> int:
    """How many statements the edges carry: one sentence of evidence each.

    >>> statement_count([("a", "b", {"evidence": [{}, {}]}), ("b", "c", {"evidence": [{}]})])
    3
    """
    return sum(len(data.get("evidence", ())) for *_, data in edges)
