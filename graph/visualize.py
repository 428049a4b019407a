"""The entity network as one self-contained interactive HTML page, in a file or a notebook.

displaCy's pattern: `network_data` turns the networkx graph into a plain dict, `render_html`
turns that into an HTML string, `show` wraps it for Jupyter. The page inlines vis-network from
the pyvis package and our own script, and a Content-Security-Policy forbids every request, so it
works from `file://` with no network: pyvis's own templates load vis.js and Bootstrap from CDNs.
"""

from __future__ import annotations

import html
import json
import logging
import math
import random
import re
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import igraph
import networkx as nx

from graph.analyze import select, top_entities, type_counts
from graph.rdf.network import STATEMENTS, entity_network, statement_count
from graph.store.facts import to_networkx

log = logging.getLogger("kg")

# More entities than this draw slowly: a frame of the whole graph takes 50-75 ms at 5,000
# entities (8,750 relations) in headless Chromium here, 125-185 ms at 7,000 and 170-300 ms at
# 10,000 (benchmarks/page.py, several runs), past the 100 ms where panning and zooming stop
# feeling smooth.
DRAW_LIMIT = 5_000
# Up to this many nodes vis-network's physics polishes the layout in the browser (it settles in
# well under a second from our start positions); larger graphs are drawn at our positions.
PHYSICS_LIMIT = 200
# Sentences kept per edge: enough to judge a relation, bounded so that hub edges stay small.
EVIDENCE_LIMIT = 20
# Screen units between linked nodes (median): room for a relation label between them.
EDGE_LENGTH = 110.0
# Components of at least AREA_FROM nodes get at least CELL x CELL screen units per node.
AREA_FROM = 20
CELL = 90.0
# Space between packed components, in screen units.
GAP = 60.0
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


def network_data(graph: nx.MultiDiGraph) -> dict:
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
    edges = []
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


def node_record(node: str, attrs: dict, degree: int, positions: dict) -> dict:
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


def layout(graph: nx.MultiDiGraph) -> dict[str, tuple[int, int]]:
    """Positions in screen units: each connected component laid out on its own, then the
    components packed in rows, largest first, so that none drifts off-screen.

    igraph's Fruchterman-Reingold (C core) lays out 10,000 nodes in about a second here, where
    networkx's spring_layout takes about 2 minutes.

    >>> layout(nx.MultiDiGraph([("a", "b"), ("c", "d")]))
    {'a': (0, 0), 'b': (110, 0), 'c': (0, 60), 'd': (110, 60)}
    """
    nodes = sorted(graph.nodes)
    index = {node: n for n, node in enumerate(nodes)}
    edges = sorted({(index[s], index[o]) for s, o in graph.edges() if s != o})
    whole = igraph.Graph(n=len(nodes), edges=edges)
    parts = sorted(whole.connected_components(), key=lambda c: (-len(c), c[0]))
    with seeded_random():
        shapes = [component_layout(whole.induced_subgraph(members)) for members in parts]
    corners = pack([shape_size(shape) for shape in shapes])
    positions = {}
    for members, shape, (left, top) in zip(parts, shapes, corners):
        for member, (x, y) in zip(members, shape):
            positions[nodes[member]] = (round(left + x), round(top + y))
    return positions


@contextmanager
def seeded_random():
    """Same layout every run: igraph draws from Python's `random`, whose state is restored."""
    state = random.getstate()
    random.seed(7)
    try:
        yield
    finally:
        random.setstate(state)


def component_layout(part: igraph.Graph) -> list[tuple[float, float]]:
    """One connected component's positions, scaled so that linked nodes sit about EDGE_LENGTH
    apart, and moved so that its top-left corner is (0, 0)."""
    if part.vcount() == 1:
        return [(0.0, 0.0)]
    if part.vcount() == 2:
        return [(0.0, 0.0), (EDGE_LENGTH, 0.0)]
    # The grid variant only weighs nearby nodes' repulsion: 0.1 s instead of 0.6 s at 1,000.
    coordinates = part.layout_fruchterman_reingold(grid=part.vcount() > 300).coords
    lengths = sorted(math.dist(coordinates[e.source], coordinates[e.target]) for e in part.es)
    scale = EDGE_LENGTH / max(lengths[len(lengths) // 2], 1e-9)
    left, top = min(x for x, _ in coordinates), min(y for _, y in coordinates)
    width = max(x for x, _ in coordinates) - left
    height = max(y for _, y in coordinates) - top
    if part.vcount() >= AREA_FROM:
        # Around hubs Fruchterman-Reingold packs leaves tighter than their labels need: give
        # every node at least a CELL-sized square of the component's box.
        scale = max(scale, CELL * math.sqrt(part.vcount() / max(width * height, 1e-9)))
    return [((x - left) * scale, (y - top) * scale) for x, y in coordinates]


def shape_size(shape: list[tuple[float, float]]) -> tuple[float, float]:
    return max(x for x, _ in shape), max(y for _, y in shape)


def pack(sizes: list[tuple[float, float]], *, aspect: float = 1.6) -> list[tuple[float, float]]:
    """Top-left corners for boxes of the given (width, height), placed in rows like words in a
    paragraph, so that the whole is about `aspect` times as wide as high (a screen's shape).

    >>> pack([(100, 100), (10, 10), (10, 10)], aspect=1)
    [(0, 0), (160.0, 0), (0, 160.0)]
    """
    area = sum((w + GAP) * (h + GAP) for w, h in sizes)
    row_width = max(max((w for w, _ in sizes), default=0), math.sqrt(area * aspect))
    corners = []
    x = y = row_height = 0
    for width, height in sizes:
        if x > 0 and x + width > row_width:
            x, y, row_height = 0, y + row_height + GAP, 0
        corners.append((x, y))
        x += width + GAP
        row_height = max(row_height, height)
    return corners


def render_html(graph: nx.MultiDiGraph, *, title: str = "Knowledge graph") -> str:
    """A complete HTML page showing `graph`; every string from the graph is escaped.

    >>> page = render_html(nx.MultiDiGraph(), title="<empty>")
    >>> "<title>&lt;empty&gt;</title>" in page and "https://" not in page.split("<script")[0]
    True
    """
    assets = resources.files("graph") / "assets"
    vis = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    replacements = {
        "__KG_TITLE__": html.escape(title),
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
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def write_html(graph: nx.MultiDiGraph, path: Path, *, title: str = "Knowledge graph") -> None:
    path.write_text(render_html(graph, title=title), encoding="utf-8")


class NotebookPage:
    """The page as a Jupyter output: an `<iframe srcdoc=...>` holding the whole page.

    The iframe is a document of its own, so the page's script runs in JupyterLab, classic
    Notebook and VS Code without trusting the notebook, its Content-Security-Policy still
    forbids every request, and `sandbox` keeps it away from the notebook around it.
    """

    def __init__(self, page: str, *, height: int = 620) -> None:
        self.html = page
        self.height = height

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.html, quote=True)}" sandbox="allow-scripts" '
            f'title="Knowledge graph" style="width: 100%; height: {self.height}px; '
            'border: 1px solid #ddd; border-radius: 4px"></iframe>'
        )

    def display(self) -> None:
        """Show it now, even when it is not the last expression of the cell."""
        from IPython.display import display  # only notebooks need IPython

        display(self)

    def save(self, path: str | Path) -> Path:
        """Write the page itself (not the iframe) to `path`, to open in a browser."""
        path = Path(path)
        path.write_text(self.html, encoding="utf-8")
        return path


def show(
    source: Any,
    *,
    top: int | None = None,
    focus: str | None = None,
    hops: int = 1,
    community: int | None = None,
    title: str = "Knowledge graph",
    height: int = 620,
) -> NotebookPage:
    """The page of a graph, a store, an output folder or a page file, for a notebook cell.

    `source` is a networkx graph from `graph.store.facts.to_networkx`, an open store, the folder
    written by `kg build`, a store's folder or URL, or a `graph.html` file, shown as it is.
    `top`, `focus`/`hops` and `community` choose part of the graph, as `kg build` does; without
    `top`, at most DRAW_LIMIT entities are drawn, the most connected.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("ent/a", label="<A>", type="person", aliases=[], mentions=1)
    >>> cell = show(g)._repr_html_()
    >>> cell.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;'), "<A>" in cell
    (True, False)

    Raises:
        StoreError: `source` is a folder holding no store.
        SelectionError: `focus` names no entity, or there is no community `community`.
    """
    if isinstance(source, str | Path) and Path(source).suffix in {".html", ".htm"}:
        return NotebookPage(Path(source).read_text(encoding="utf-8"), height=height)
    graph = source if isinstance(source, nx.Graph) else read_graph(source)
    drawn = page_selection(
        graph,
        top=top,
        focus=focus,
        hops=hops,
        community=community,
        page="the page",
        choices="top=N, focus=NAME (and hops=N) or community=N",
    )
    return NotebookPage(render_html(drawn, title=title), height=height)


def page_selection(
    graph: nx.MultiDiGraph,
    *,
    top: int | None,
    focus: str | None,
    hops: int,
    community: int | None,
    page: str,
    choices: str,
) -> nx.MultiDiGraph:
    """The part of `graph` a page draws: as chosen (see graph.analyze.select), and without
    `top` at most DRAW_LIMIT entities, the most connected, with a warning that names the page
    and the `choices` the user has. Concepts, dates and quantities are left out as
    graph.rdf.network.entity_network says."""
    graph = entity_network(graph)
    drawn = select(graph, top=top, focus=focus, hops=hops, community_number=community)
    if top is None and len(drawn) > DRAW_LIMIT:
        log.warning(
            "%s shows the %s most connected of %s entities, as more draw slowly; choose with %s",
            page,
            f"{DRAW_LIMIT:,}",
            f"{len(drawn):,}",
            choices,
        )
        drawn = top_entities(drawn, limit=DRAW_LIMIT)
    return drawn


def read_graph(source: Any) -> nx.MultiDiGraph:
    """The entity network of an open store, a store's folder or URL, or a build's folder."""
    if not isinstance(source, str | Path):
        return to_networkx(source)
    from graph.store.remote import is_remote
    from graph.store.store import STORE_FOLDER, open_store

    if not is_remote(source) and (Path(source) / STORE_FOLDER).is_dir():
        source = Path(source) / STORE_FOLDER
    with open_store(source, read_only=True) as store:
        return to_networkx(store)
