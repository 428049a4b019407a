"""The entity network as one self-contained interactive HTML page.

displaCy's pattern: `network_data` turns the networkx graph into a plain dict, `render_html`
turns that into an HTML string. The page inlines vis-network from the pyvis package, its
stylesheet and our own script, and a Content-Security-Policy forbids every request, so it works
from `file://` with no network: pyvis's own templates load vis.js and Bootstrap from CDNs.
"""

from __future__ import annotations

import json
import math
import random
import re
from importlib import resources
from pathlib import Path

import igraph
import networkx as nx

# Graphs up to this many nodes are laid out by vis-network's physics in the browser, which
# settles quickly at this size; larger ones get positions computed here and no physics.
PHYSICS_LIMIT = 200
# Sentences shown per edge: enough to judge a relation, bounded so that hub edges stay small.
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


def network_data(graph: nx.MultiDiGraph) -> dict:
    """The plain data the page draws: nodes, edges, colours, type counts, layout mode."""
    degree = dict(graph.degree())
    positions = layout(graph) if len(graph) > PHYSICS_LIMIT else {}
    nodes = []
    for iri, attrs in sorted(graph.nodes(data=True)):
        node = {
            "id": iri,
            "label": attrs["label"],
            "type": attrs["type"],
            "aliases": attrs["aliases"],
            "mentions": attrs["mentions"],
            "size": round(8 + 5 * math.sqrt(degree[iri]), 1),
        }
        if iri in positions:
            node["x"], node["y"] = positions[iri]
        nodes.append(node)
    edges = [
        {
            "id": f"e{n}",
            "from": s,
            "to": o,
            "label": d["label"],
            "kind": d["kind"],
            "confidence": d["confidence"],
            "evidence": d["evidence"][:EVIDENCE_LIMIT],
        }
        for n, (s, o, d) in enumerate(graph.edges(data=True))
    ]
    counts: dict[str, int] = {}
    for node in nodes:
        counts[node["type"]] = counts.get(node["type"], 0) + 1
    return {
        "nodes": nodes,
        "edges": edges,
        "colors": COLORS,
        "physics": not positions,
        "typeCounts": dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
    }


def layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Positions in screen units for graphs too large for in-browser physics.

    igraph's Fruchterman-Reingold (C core, grid variant) lays out 10,000 nodes in about 0.8 s
    here, where networkx's spring_layout takes about 2 minutes.
    """
    nodes = sorted(graph.nodes)
    index = {node: n for n, node in enumerate(nodes)}
    edges = sorted({(index[s], index[o]) for s, o in graph.edges() if s != o})
    random.seed(7)  # igraph draws its start positions from Python's random module
    coordinates = igraph.Graph(n=len(nodes), edges=edges).layout_fruchterman_reingold(grid=True)
    spread = 40.0  # screen units per layout unit: room for a label between neighbours
    return {
        node: (round(x * spread, 1), round(y * spread, 1))
        for node, (x, y) in zip(nodes, coordinates)
    }


def render_html(graph: nx.MultiDiGraph, *, title: str = "Knowledge graph") -> str:
    """A complete HTML page showing `graph`; every string from the graph is escaped."""
    assets = resources.files("graph") / "assets"
    vis = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    replacements = {
        "__KG_TITLE__": escape_html(title),
        "__KG_VIS_CSS__": (vis / "vis-network.css").read_text(encoding="utf-8"),
        "__KG_CSS__": (assets / "page.css").read_text(encoding="utf-8"),
        "__KG_DATA__": script_json(network_data(graph)),
        "__KG_VIS_JS__": (vis / "vis-network.min.js").read_text(encoding="utf-8"),
        "__KG_JS__": (assets / "page.js").read_text(encoding="utf-8"),
    }
    page = (assets / "page.html").read_text(encoding="utf-8")
    # One pass, so that a placeholder written inside a document's text is never expanded.
    return re.sub(r"__KG_[A-Z_]+__", lambda m: replacements[m.group()], page)


def script_json(data: dict) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' can close it.

    >>> script_json({"name": "</script><b>"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def escape_html(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def write_html(graph: nx.MultiDiGraph, path: Path, *, title: str = "Knowledge graph") -> None:
    path.write_text(render_html(graph, title=title), encoding="utf-8")
