"""networkx views of the store: the entity network with its evidence, and what stands out in it."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
import pyoxigraph as ox

from graph.vocab import CLASS_TYPES, PREFIXES

NODES_QUERY = """
SELECT ?entity ?label ?type ?mentions (GROUP_CONCAT(?alias; SEPARATOR="\\u001f") AS ?aliases)
WHERE {
  ?entity a kg:Entity ; rdfs:label ?label ; a ?type ; kg:mentionCount ?mentions .
  FILTER (?type != kg:Entity)
  OPTIONAL { ?entity skos:altLabel ?alias }
} GROUP BY ?entity ?label ?type ?mentions
"""
STATEMENTS_QUERY = """
SELECT ?s ?p ?o ?relation ?confidence ?negated ?asserted ?modality ?speaker ?text ?path
WHERE { GRAPH ?g {
  ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:relation ?relation ;
      kg:confidence ?confidence ; kg:negated ?negated ; kg:asserted ?asserted ;
      prov:wasDerivedFrom ?sentence .
  ?sentence kg:text ?text .
  ?g kg:path ?path .
  OPTIONAL { ?st kg:modality ?modality }
  OPTIONAL { ?st prov:wasAttributedTo ?speaker }
} }
"""


def to_networkx(store: ox.Store) -> nx.MultiDiGraph:
    """The entity network: a node per entity in some statement, an edge per relation between two
    entities and kind of statement (asserted, negated, reported, hedged), carrying every sentence
    it was read from.

    Node attributes: `label`, `type`, `aliases`, `mentions`. Edge attributes: `label`, `kind`,
    `confidence` (the highest), `evidence` (dicts of `sentence`, `document`, `confidence`).
    """
    graph = nx.MultiDiGraph()
    nodes = node_attributes(store)
    edges: dict[tuple, dict] = {}
    for row in store.query(STATEMENTS_QUERY, prefixes=PREFIXES, use_default_graph_as_union=True):
        subject, obj = row["s"].value, row["o"].value
        kind = statement_kind(row)
        key = (subject, obj, row["p"].value, kind)
        confidence = float(row["confidence"].value)
        edge = edges.setdefault(
            key, {"label": row["relation"].value, "kind": kind, "confidence": 0.0, "evidence": []}
        )
        edge["confidence"] = max(edge["confidence"], confidence)
        edge["evidence"].append(
            {"sentence": row["text"].value, "document": row["path"].value, "confidence": confidence}
        )
    for (subject, obj, predicate, kind), data in sorted(edges.items()):
        for node in (subject, obj):
            if node not in graph:
                graph.add_node(node, **nodes.get(node, fallback_node(node)))
        data["evidence"].sort(key=lambda e: (-e["confidence"], e["document"], e["sentence"]))
        graph.add_edge(subject, obj, key=f"{predicate}|{kind}", predicate=predicate, **data)
    return graph


def node_attributes(store: ox.Store) -> dict[str, dict]:
    nodes = {}
    for row in store.query(NODES_QUERY, prefixes=PREFIXES):
        aliases = (
            row["aliases"].value.split("\x1f") if row["aliases"] and row["aliases"].value else []
        )
        nodes[row["entity"].value] = {
            "label": row["label"].value,
            "type": CLASS_TYPES.get(row["type"].value, "thing"),
            "aliases": sorted(a for a in aliases if a),
            "mentions": int(row["mentions"].value),
        }
    return nodes


def fallback_node(iri: str) -> dict:
    return {"label": iri.rsplit("/", 1)[-1], "type": "thing", "aliases": [], "mentions": 0}


def statement_kind(row: ox.QuerySolution) -> str:
    if row["negated"].value == "true":
        return "negated"
    if row["speaker"] is not None:
        return "reported"
    if row["modality"] is not None:
        return "hedged"
    return "asserted"


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
