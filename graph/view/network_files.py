"""The entity network (graph.store.facts.to_networkx) as files for other tools: GraphML for Gephi
and Cytoscape, CSV (nodes.csv and edges.csv). Both hold scalars only: lists become text."""

from __future__ import annotations

import csv
import logging
import re
from pathlib import Path

import networkx as nx

from graph.store.files import atomic_write, make_folder

log = logging.getLogger("kg")
# Characters XML 1.0 cannot hold, even escaped (and lone surrogates, which no UTF-8 can).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def flat_network(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The network with scalar attributes only: lists joined with "; ", evidence one line per
    sentence, and a `weight` (the number of sentences) on each edge for Gephi.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", evidence=[{"sentence": "A b.", "document": "d", "confidence": 0.5}])
    0
    >>> flat_network(g).edges["a", "b", 0]
    {'evidence': 'A b. (d, 0.50)', 'weight': 1}
    """
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: scalar(v) for k, v in data.items()})
    for source, target, key, data in graph.edges(keys=True, data=True):
        attributes = {k: scalar(v) for k, v in data.items()}
        attributes.setdefault("weight", len(data.get("evidence", [])) or 1)
        flat.add_edge(source, target, key=key, **attributes)
    return flat


def scalar(value: object) -> str | int | float | bool:
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dict):
        if {"sentence", "document"} <= value.keys():
            return f"{value['sentence']} ({value['document']}, {value.get('confidence', 0):.2f})"
        return ", ".join(f"{k}: {scalar(v)}" for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        items = [scalar(v) for v in value]
        separator = "\n" if any(isinstance(v, dict) for v in value) else "; "
        return separator.join(str(item) for item in items)
    return "" if value is None else str(value)


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    """GraphML; characters XML cannot hold (control characters) become U+FFFD, with a warning
    (and XML reads any line end back as \\n)."""
    safe = nx.MultiDiGraph()
    safe.add_nodes_from((n, xml_safe(d)) for n, d in graph.nodes(data=True))
    safe.add_edges_from((s, t, k, xml_safe(d)) for s, t, k, d in graph.edges(keys=True, data=True))
    # The standard library's writer, not lxml's (which nx picks when lxml is installed, as
    # trafilatura installs it): the file is then the same wherever kg runs.
    atomic_write(path, lambda tmp: nx.write_graphml_xml(safe, str(tmp)))
    values = [*graph.nodes.data(), *((s, d) for s, _, d in graph.edges.data())]
    changed = sum(
        bool(NOT_XML.search(v)) for _, d in values for v in d.values() if isinstance(v, str)
    )
    if changed:
        log.warning(
            "%s: %d text(s) hold control characters, which XML cannot; written as U+FFFD "
            "(export ttl, nt, jsonld or csv keeps them)",
            path,
            changed,
        )


def xml_safe(data: dict) -> dict:
    return {k: NOT_XML.sub("\ufffd", v) if isinstance(v, str) else v for k, v in data.items()}


def write_csv(graph: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """nodes.csv (id and attributes) and edges.csv (source, target and attributes) in `folder`."""
    make_folder(folder)
    nodes = [{"id": n, **d} for n, d in graph.nodes(data=True)]
    edges = [{"source": s, "target": t, **d} for s, t, d in graph.edges(data=True)]
    written = []
    for name, rows, first in (
        ("nodes.csv", nodes, ["id"]),
        ("edges.csv", edges, ["source", "target"]),
    ):
        columns = list(dict.fromkeys([*first, *(k for row in rows for k in row)]))
        atomic_write(
            folder / name, lambda tmp, rows=rows, columns=columns: write_rows(tmp, rows, columns)
        )
        written.append(folder / name)
    return written


def write_rows(path: Path, rows: list[dict], columns: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
