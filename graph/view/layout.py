"""Where the page draws each entity: each connected component laid out on its own by igraph, then
the components packed in rows, so that the browser's physics has little left to do (or nothing,
above graph.view.visualize.PHYSICS_LIMIT)."""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from contextlib import contextmanager

import igraph
import networkx as nx

# Screen units between linked nodes (median): room for a relation label between them.
EDGE_LENGTH = 110.0
# Components of at least AREA_FROM nodes get at least CELL x CELL screen units per node.
AREA_FROM = 20
CELL = 90.0
# Space between packed components, in screen units.
GAP = 60.0


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
def seeded_random() -> Iterator[None]:
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
