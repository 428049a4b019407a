"""Ready-made queries as `kg query --preset` runs them: the entities named in the arguments must
exist (else the error suggests the nearest names), and `path` finds the shortest chains of
facts of any length with networkx, where SPARQL would need one pattern per length."""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Sequence
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from graph.errors import QueryError
from graph.rdf.vocab import PREFIXES
from graph.sparql import DEFAULT_TIMEOUT, QueryResult, preset_query, query_store
from graph.store.facts import to_networkx
from graph.store.store import find_store, open_store

# Presets whose arguments are entity names.
ENTITY_PRESETS = frozenset({"neighbors", "sources", "path"})
NAMES_QUERY = "SELECT DISTINCT ?name WHERE {{ ?e a kg:Entity ; {} ?name }}"
SUGGESTIONS = 3
# Shortest paths listed at most (there may be many of the same length).
PATHS = 20


class UnknownEntity(QueryError):
    """A preset's argument names no entity of the graph."""


def run_preset(
    path: Path | str,
    name: str,
    arguments: Sequence[str] = (),
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> QueryResult:
    """Run preset `name` with `arguments` over the store at `path` (a store folder or the
    output folder of a build).

    Raises:
        QueryError: an unknown preset or the wrong number of arguments.
        UnknownEntity: an argument names no entity; the message suggests the nearest names.
    """
    text, bindings = preset_query(name, arguments)
    path = find_store(path)
    if name in ENTITY_PRESETS:
        with open_store(path, read_only=True) as store:
            names = entity_names(store)
            for argument in arguments:
                check_entity(argument, names)
            if name == "path":
                return shortest_paths(to_networkx(store), *arguments)
    return query_store(path, text, name=f"preset {name}", bindings=bindings, timeout=timeout)


def entity_names(store: ox.Store) -> list[str]:
    """Every label, then every alias, of an entity in the graph (a suggestion is a label when
    one fits)."""
    names = []
    for predicate in ("rdfs:label", "skos:altLabel"):
        rows = store.query(NAMES_QUERY.format(predicate), prefixes=PREFIXES)
        names += sorted(row["name"].value for row in rows)
    return names


def check_entity(argument: str, names: Sequence[str]) -> None:
    """Refuse a name that is no entity's label or alias (in any case), suggesting the nearest.

    >>> check_entity("meta", ["Meta"])
    >>> check_entity("Metta", ["Meta", "Microsoft"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graph.presets.UnknownEntity: no entity named "Metta"; did you mean Meta? (kg query ...
    """
    wanted = argument.strip().casefold()
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(name.casefold(), name)
    if wanted in by_key:
        return
    close = difflib.get_close_matches(wanted, list(by_key), n=SUGGESTIONS, cutoff=0.6)
    hint = f"; did you mean {', '.join(by_key[key] for key in close)}?" if close else ""
    raise UnknownEntity(
        f'no entity named "{argument}"{hint} (kg query --preset entities lists them)'
    )


def shortest_paths(graph: nx.MultiDiGraph, source: str, target: str) -> QueryResult:
    """The shortest chains of facts (asserted relations, followed either way) between the
    entities named `source` and `target` (labels or aliases, any case), as rows of from, to,
    steps and the path read out: "A -[offers]-> B <-[leads]- C".

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("a", {"label": "A"}), ("b", {"label": "B"}), ("c", {"label": "C"})])
    >>> _ = g.add_edge("a", "b", label="offers", kind="asserted")
    >>> _ = g.add_edge("c", "b", label="leads", kind="asserted")
    >>> [row[3].value for row in shortest_paths(g, "a", "C").rows]
    ['A -[offers]-> B <-[leads]- C']
    """
    facts = nx.MultiDiGraph()
    facts.add_nodes_from(graph.nodes(data=True))
    facts.add_edges_from(
        (s, t, d) for s, t, d in graph.edges(data=True) if d.get("kind", "asserted") == "asserted"
    )
    undirected = facts.to_undirected(as_view=True)
    sources, targets = matching(graph, source), matching(graph, target)
    found: list[list[str]] = []
    for start in sources:
        for end in targets:
            if start != end and nx.has_path(undirected, start, end):
                found += nx.all_shortest_paths(undirected, start, end)
    shortest = min((len(p) for p in found), default=0)
    chains = {path_text(facts, p): p for p in found if len(p) == shortest}
    steps = ox.Literal(str(shortest - 1), datatype=INTEGER)
    rows = [
        (label(graph, chains[text][0]), label(graph, chains[text][-1]), steps, ox.Literal(text))
        for text in sorted(chains)[:PATHS]
    ]
    return QueryResult(variables=("from", "to", "steps", "path"), rows=rows)


INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def label(graph: nx.MultiDiGraph, node: str) -> ox.Literal:
    return ox.Literal(graph.nodes[node].get("label", node))


def matching(graph: nx.MultiDiGraph, name: str) -> list[str]:
    """The entities whose label or an alias is `name`, in any case."""
    wanted = name.strip().casefold()
    return [
        node
        for node, data in graph.nodes(data=True)
        if wanted in {n.casefold() for n in [data.get("label", node), *data.get("aliases", [])]}
    ]


def path_text(graph: nx.MultiDiGraph, path: list[str]) -> str:
    """A path of entities read out with the relation of each step and its direction."""
    parts = [graph.nodes[path[0]].get("label", path[0])]
    for a, b in itertools.pairwise(path):
        if graph.has_edge(a, b):
            label = min(d.get("label", "") for d in graph.get_edge_data(a, b).values())
            parts.append(f" -[{label}]-> ")
        else:
            label = min(d.get("label", "") for d in graph.get_edge_data(b, a).values())
            parts.append(f" <-[{label}]- ")
        parts.append(graph.nodes[b].get("label", b))
    return "".join(parts)
