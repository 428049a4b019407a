"""Ready-made queries as `kg query --preset` runs them: the entities named in the arguments must
exist (else the error suggests the nearest names), and `path` finds the shortest chains of
facts of any length with networkx, where SPARQL would need one pattern per length."""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Sequence
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from graph.errors import QueryError
from graph.queries import PRESETS, preset_text, query_text
from graph.query.results import QueryResult
from graph.query.sparql import DEFAULT_TIMEOUT, query_store
from graph.rdf.vocab import PREFIXES
from graph.store.facts import to_networkx
from graph.store.store import Store, find_store, open_store

# Presets whose arguments are entity names.
ENTITY_PRESETS = frozenset({"neighbors", "sources", "path"})
SUGGESTIONS = 3
# Shortest paths listed at most (there may be many of the same length).
PATHS = 20


class UnknownEntity(QueryError):
    """A preset's argument names no entity of the graph."""


def preset_query(name: str, arguments: Sequence[str] = ()) -> tuple[str, dict[str, ox.Literal]]:
    """The text of a ready-made query from graph/queries/ and its arguments as bindings.

    A preset declares its parameters in a comment line `# parameters: ?a ?b`; each argument is
    bound as a literal, never formatted into the text.

    >>> text, bindings = preset_query("neighbors", ["Meta"])
    >>> bindings["entity"].value
    'Meta'
    """
    if name not in PRESETS:
        raise QueryError(f"unknown preset {name!r}; expected one of {', '.join(PRESETS)}")
    text = preset_text(name)
    declared = re.search(r"^#\s*parameters:(.*)$", text, flags=re.MULTILINE)
    parameters = re.findall(r"\?(\w+)", declared.group(1)) if declared else []
    if len(arguments) != len(parameters):
        wanted = " ".join(p.upper() for p in parameters) or "no arguments"
        raise QueryError(
            f"preset {name} takes {wanted}, got {len(arguments)} argument(s): "
            f"kg query --preset {name} {wanted if parameters else ''}".rstrip()
        )
    return text, {p: ox.Literal(a) for p, a in zip(parameters, arguments)}


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
            check_entities(store, arguments)
            if name == "path":
                return shortest_paths(to_networkx(store), *arguments)
    return query_store(path, text, name=f"preset {name}", bindings=bindings, timeout=timeout)


def check_entities(store: Store, arguments: Sequence[str]) -> None:
    """Refuse arguments that name no entity of `store` (see `check_entity`)."""
    names = entity_names(store)
    for argument in arguments:
        check_entity(argument, names)


def entity_names(store: Store) -> list[str]:
    """Every label, then every alias, of an entity in the graph (a suggestion is a label when
    one fits)."""
    found: dict[str, list[str]] = {"label": [], "alias": []}
    for row in store.query(query_text("entity_names"), prefixes=PREFIXES):
        found[row["kind"].value].append(row["name"].value)
    return sorted(found["label"]) + sorted(found["alias"])


def check_entity(argument: str, names: Sequence[str]) -> None:
    """Refuse a name that is no entity's label or alias (in any case), suggesting the nearest.

    >>> check_entity("meta", ["Meta"])
    >>> check_entity("Metta", ["Meta", "Microsoft"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graph.query.presets.UnknownEntity: no entity named "Metta"; did you mean Meta? (kg query ...
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
