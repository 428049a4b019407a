"""The plain data the page draws (displaCy's converter step): nodes with positions and sizes,
edges with their evidence, and what the legend says, as JSON-ready records.

The page's script (assets/page.js) reads these records: a key renamed here is renamed there.
"""

from __future__ import annotations

import math
from typing import TypedDict

import networkx as nx

from graph.rdf.facts import NodeAttributes
from graph.rdf.network import STATEMENTS, statement_count
from graph.view.analyze import type_counts
from graph.view.layout import layout

# Up to this many nodes vis-network's physics polishes the layout in the browser (it settles in
# well under a second from our start positions); larger graphs are drawn at our positions.
PHYSICS_LIMIT = 200
# Sentences kept per edge: enough to judge a relation, bounded so that hub edges stay small.
EVIDENCE_LIMIT = 20
COLORS = {
    "organization": "#4e79a7",
    "person": "#f28e2b",
    "product": "#59a14f",
    "place": "#e15759",
    "event": "#76b7b2",
    "work": "#edc948",
    "law": "#b07aa1",
    "language": "#ff9da7",
    "group": "#9c755f",
    "date": "#bab0ac",
    "quantity": "#bab0ac",
    "thing": "#86bcb6",
    "concept": "#d3d3d3",
}
# How each kind of statement is drawn (graph.rdf.facts.statement_kind): only facts as solid lines,
# and each other kind with a colour and dash pattern of its own, named in the legend.
EDGE_STYLES = {
    "asserted": {"color": "#8a8a8a", "dashes": False, "legend": "stated as fact"},
    "negated": {"color": "#c44", "dashes": [9, 5], "legend": "negated: the text says it is not so"},
    "hedged": {
        "color": "#d08a00",
        "dashes": [2, 4],
        "legend": "possible, intended or hypothetical",
    },
    "reported": {
        "color": "#7a5cc4",
        "dashes": [12, 4, 2, 4],
        "legend": "reported: someone says so",
    },
}


class PageNode(TypedDict):
    """One entity as the page draws it."""

    id: str
    label: str
    type: str
    aliases: list[str]
    mentions: int
    degree: int
    size: float
    x: int
    y: int


# `from` is a Python keyword: the functional form of TypedDict.
PageEdge = TypedDict(
    "PageEdge",
    {
        "from": int,  # position in PageData["nodes"]
        "to": int,
        "label": str,
        "kind": str,  # graph.rdf.facts.statement_kind
        "confidence": float,
        "evidence": list[list],  # [sentence position, document position, confidence]
        "more": int,  # sentences left out (EVIDENCE_LIMIT)
    },
)


class PageData(TypedDict):
    """Everything the page draws, embedded in it as JSON."""

    nodes: list[PageNode]
    edges: list[PageEdge]
    sentences: list[str]
    documents: list[str]
    colors: dict[str, str]
    edgeStyles: dict[str, dict]
    statements: int  # in the store, drawn or not
    drawnStatements: int
    physics: bool
    typeCounts: dict[str, int]


def network_data(graph: nx.MultiDiGraph) -> PageData:
    """The plain data the page draws.

    Edges name their ends by position in `nodes`, and their evidence is `[sentence, document,
    confidence]` with positions in `sentences` and `documents` (a sentence often states several
    relations): at 10,000 nodes this makes the page two thirds the size of the same data
    spelled out.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="A", type="person", aliases=[], mentions=2)
    >>> g.add_edge("a", "a", label="knows", kind="asserted", confidence=0.5,
    ...            evidence=[{"sentence": "A knows A.", "document": "d.txt", "confidence": 0.5}])
    0
    >>> data = network_data(g)
    >>> data["edges"], data["statements"], data["drawnStatements"]
    ([{'from': 0, 'to': 0, 'label': 'knows', 'kind': 'asserted', 'confidence': 0.5, \
'evidence': [[0, 0, 0.5]], 'more': 0}], 1, 1)
    """
    nodes = sorted(graph.nodes)
    index = {node: n for n, node in enumerate(nodes)}
    positions = layout(graph)
    degree = dict(graph.degree())
    sentences: dict[str, int] = {}
    documents: dict[str, int] = {}
    edges: list[PageEdge] = []
    for s, o, d in graph.edges(data=True):
        evidence = [
            [
                sentences.setdefault(e["sentence"], len(sentences)),
                documents.setdefault(e["document"], len(documents)),
                e["confidence"],
            ]
            for e in d["evidence"][:EVIDENCE_LIMIT]
        ]
        edges.append(
            {
                "from": index[s],
                "to": index[o],
                "label": d["label"],
                "kind": d["kind"],
                "confidence": d["confidence"],
                "evidence": evidence,
                "more": len(d["evidence"]) - len(evidence),
            }
        )
    return {
        "nodes": [node_record(node, graph.nodes[node], degree[node], positions) for node in nodes],
        "edges": edges,
        "sentences": list(sentences),
        "documents": list(documents),
        "colors": COLORS,
        "edgeStyles": EDGE_STYLES,
        # What the legend says is left out: statements of the store not drawn here.
        "statements": graph.graph.get(STATEMENTS, statement_count(graph.edges(data=True))),
        "drawnStatements": statement_count(graph.edges(data=True)),
        "physics": len(nodes) <= PHYSICS_LIMIT,
        # The legend lists the most frequent types first.
        "typeCounts": dict(sorted(type_counts(graph).items(), key=lambda kv: (-kv[1], kv[0]))),
    }


def node_record(
    node: str, attrs: NodeAttributes, degree: int, positions: dict[str, tuple[int, int]]
) -> PageNode:
    x, y = positions[node]
    return {
        "id": node,
        "label": attrs["label"],
        "type": attrs["type"],
        "aliases": attrs["aliases"],
        "mentions": attrs["mentions"],
        "degree": degree,
        # Grows with the log of the degree: hubs of hundreds of relations stay on screen.
        "size": round(9 + 5 * math.log2(1 + degree), 1),
        "x": x,
        "y": y,
    }
