"""What stands out in the entity network, and the parts of it a page draws: pure networkx over
the graph that graph.store.facts.to_networkx reads (no store here)."""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

import networkx as nx

from graph.errors import SelectionError


def most_connected(graph: nx.MultiDiGraph, *, limit: int = 5) -> list[tuple[str, int]]:
    """The entities with the most relations, as (label, degree), ties by label.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="A"); g.add_node("b", label="B"); g.add_edge("a", "b")
    0
    >>> most_connected(g)
    [('A', 1), ('B', 1)]
    """
    degrees = sorted(
        ((graph.nodes[n]["label"], d) for n, d in graph.degree()), key=lambda x: (-x[1], x[0])
    )
    return degrees[:limit]


def type_counts(graph: nx.MultiDiGraph) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for _, data in graph.nodes(data=True):
        counts[data["type"]] += 1
    return dict(sorted(counts.items()))


def ranked(graph: nx.MultiDiGraph) -> list[str]:
    """Entities, most important first: by relations (degree), then mentions, then label.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="A", mentions=1); g.add_node("b", label="B", mentions=5)
    >>> ranked(g)
    ['b', 'a']
    """
    degree = dict(graph.degree())
    return sorted(
        graph.nodes,
        key=lambda n: (-degree[n], -graph.nodes[n].get("mentions", 0), graph.nodes[n]["label"], n),
    )


def top_entities(graph: nx.MultiDiGraph, *, limit: int) -> nx.MultiDiGraph:
    """The `limit` most important entities (see `ranked`) and the relations among them.

    >>> g = nx.MultiDiGraph([("a", "b"), ("a", "c")])
    >>> nx.set_node_attributes(g, {"a": "A", "b": "B", "c": "C"}, "label")
    >>> sorted(top_entities(g, limit=2))
    ['a', 'b']
    """
    return graph.subgraph(ranked(graph)[:limit]).copy()


def find_entity(graph: nx.MultiDiGraph, name: str) -> str:
    """The entity called `name` (label or alias, any case); the most important if several are.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("ent/meta", label="Meta", aliases=["Meta Platforms"])
    >>> find_entity(g, "meta platforms")
    'ent/meta'

    Raises:
        SelectionError: no entity has that name or alias.
    """
    wanted = name.strip().casefold()
    for node in ranked(graph):
        attrs = graph.nodes[node]
        if wanted in {s.casefold() for s in [attrs["label"], *attrs.get("aliases", [])]}:
            return node
    raise SelectionError(
        f'no entity named "{name}" in the graph; give a name or alias as the page shows it'
    )


def neighbourhood(graph: nx.MultiDiGraph, name: str, *, hops: int = 1) -> nx.MultiDiGraph:
    """The entity called `name` and those at most `hops` relations away (either direction).

    >>> g = nx.MultiDiGraph([("a", "b"), ("c", "b"), ("c", "d")])
    >>> nx.set_node_attributes(g, {n: n.upper() for n in "abcd"}, "label")
    >>> sorted(neighbourhood(g, "A", hops=2))
    ['a', 'b', 'c']
    """
    center = find_entity(graph, name)
    undirected = graph.to_undirected(as_view=True)
    reach = nx.single_source_shortest_path_length(undirected, center, cutoff=hops)
    return graph.subgraph(reach).copy()


def communities(graph: nx.MultiDiGraph) -> list[set[str]]:
    """Louvain communities of the entity network, largest first (seeded: the same every run)."""
    found = nx.community.louvain_communities(nx.Graph(graph), seed=7)
    return sorted(found, key=lambda c: (-len(c), min(c)))


def community(graph: nx.MultiDiGraph, *, number: int) -> nx.MultiDiGraph:
    """Community `number` (1 is the largest) with the relations inside it.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("x", "y")])
    >>> sorted(community(g, number=2))
    ['x', 'y']

    Raises:
        SelectionError: there are fewer communities than `number`.
    """
    found = communities(graph)
    if not 1 <= number <= len(found):
        raise SelectionError(
            f"no community {number}: the graph has {len(found)}, numbered 1 (largest) "
            f"to {len(found)}"
        )
    return graph.subgraph(found[number - 1]).copy()


def select(
    graph: nx.MultiDiGraph,
    *,
    top: int | None = None,
    focus: str | None = None,
    hops: int = 1,
    community_number: int | None = None,
) -> nx.MultiDiGraph:
    """The part of `graph` to draw: the neighbourhood of `focus` or one community if asked,
    then its `top` most important entities if asked; the whole graph if nothing is asked.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> nx.set_node_attributes(g, {n: n.upper() for n in "abcd"}, "label")
    >>> sorted(select(g, focus="c", hops=1, top=2))
    ['b', 'c']
    """
    part = graph
    if focus is not None:
        part = neighbourhood(part, focus, hops=hops)
    if community_number is not None:
        part = community(part, number=community_number)
    if top is not None:
        part = top_entities(part, limit=top)
    return part


def centrality(graph: nx.MultiDiGraph, *, limit: int = 10) -> list[tuple[str, float]]:
    """The entities that most often lie on the shortest chains between others (betweenness,
    relations taken in either direction), as (label, score), highest first.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(g, {n: n.upper() for n in "abc"}, "label")
    >>> centrality(g, limit=1)
    [('B', 1.0)]
    """
    scores = nx.betweenness_centrality(nx.Graph(graph))
    order = sorted(scores, key=lambda n: (-scores[n], graph.nodes[n]["label"], n))
    return [(graph.nodes[n]["label"], round(scores[n], 4)) for n in order[:limit]]


def shortest_path(graph: nx.MultiDiGraph, source: str, target: str) -> list[tuple[str, str, str]]:
    """The shortest chain of relations between two entities (names or aliases, any case), each
    relation followed in either direction, as (subject, relation, object) labels.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", label="knows"); g.add_edge("c", "b", label="likes")
    0
    0
    >>> nx.set_node_attributes(g, {n: n.upper() for n in "abc"}, "label")
    >>> shortest_path(g, "a", "c")
    [('A', 'knows', 'B'), ('C', 'likes', 'B')]

    Raises:
        SelectionError: an entity is not in the graph, or nothing links the two.
    """
    start, end = find_entity(graph, source), find_entity(graph, target)
    try:
        nodes = nx.shortest_path(graph.to_undirected(as_view=True), start, end)
    except nx.NetworkXNoPath as e:
        raise SelectionError(f'nothing links "{source}" to "{target}" in the graph') from e
    steps = []
    for a, b in pairwise(nodes):
        subject, obj = (a, b) if graph.has_edge(a, b) else (b, a)
        # Several relations may join the two: an asserted one first.
        edge = min(
            graph.get_edge_data(subject, obj).values(),
            key=lambda d: (d.get("kind", "asserted") != "asserted", d["label"]),
        )
        steps.append((graph.nodes[subject]["label"], edge["label"], graph.nodes[obj]["label"]))
    return steps
