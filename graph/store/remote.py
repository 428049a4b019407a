"""Remote stores: the graph in any SPARQL 1.1 store over HTTP (Oxigraph server, Fuseki, GraphDB,
Virtuoso) instead of the embedded one.

`RemoteStore` has the few methods of `pyoxigraph.Store` that kg's store functions call, declared
as `graph.store.store.Store` (`query`, `remove_graph`, `clear_graph`, `extend`, `bulk_load`,
iteration, `flush`), so the store functions and `graph.build` work on either unchanged: the same
per-document named graphs, replaced on rebuild; content hashes read back to skip unchanged
documents; the facts of the default graph recomputed.

Only the SPARQL 1.1 Protocol is used: reads are queries whose SPARQL JSON results pyoxigraph
parses into the same row objects as a local query; writes are SPARQL Update (`DROP SILENT GRAPH`,
`CLEAR SILENT DEFAULT`, `INSERT DATA` with terms in N-Triples syntax, which SPARQL shares). The
Graph Store Protocol would do as well, but each product puts it at a URL of its own.

The update endpoint is found from the URL given (`endpoints`). The store should hold kg's graph
alone (a dataset or repository of its own): a build replaces its default graph.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from urllib.parse import urlencode, urlsplit

import pyoxigraph as ox

from graph.errors import StoreError, first_line
from graph.queries import query_text

# Quads per INSERT DATA request: small enough for any server's request limits.
INSERT_BATCH = 5000
# Seconds to wait for an answer; loading a large batch can take a while on a busy server.
HTTP_TIMEOUT = 300


def is_remote(location: object) -> bool:
    """Whether a store location is a URL rather than a folder.

    >>> is_remote("http://127.0.0.1:7878/query"), is_remote("output/store")
    (True, False)
    """
    return isinstance(location, str) and location.startswith(("http://", "https://"))


def endpoints(url: str) -> tuple[str, str]:
    """The query and update URLs of a store, from the URL a user gives.

    >>> endpoints("http://localhost:7878")  # Oxigraph server
    ('http://localhost:7878/query', 'http://localhost:7878/update')
    >>> endpoints("http://localhost:3030/kg/query")  # Fuseki, or Oxigraph again
    ('http://localhost:3030/kg/query', 'http://localhost:3030/kg/update')
    >>> endpoints("http://localhost:7200/repositories/kg")  # GraphDB, RDF4J
    ('http://localhost:7200/repositories/kg', 'http://localhost:7200/repositories/kg/statements')
    >>> endpoints("http://localhost:8890/sparql")  # Virtuoso, Fuseki's /kg: one URL for both
    ('http://localhost:8890/sparql', 'http://localhost:8890/sparql')
    """
    path = urlsplit(url).path.rstrip("/")
    base = url.rstrip("/")
    if not path:
        return base + "/query", base + "/update"
    if path.endswith("/query"):
        return url, base.removesuffix("query") + "update"
    if "/repositories/" in path and path.count("/") == 2:
        return url, base + "/statements"
    return url, url


class RemoteStore:
    """A SPARQL 1.1 store over HTTP, used as kg uses a `pyoxigraph.Store`.

    >>> RemoteStore("http://127.0.0.1:7878").update_url
    'http://127.0.0.1:7878/update'
    """

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        self.url = url
        self.query_url, self.update_url = endpoints(url)
        self.read_only = read_only

    def query(
        self,
        text: str,
        *,
        prefixes: Mapping[str, str] | None = None,
        use_default_graph_as_union: bool = False,
    ) -> ox.QuerySolutions | ox.QueryBoolean:
        """Run a SELECT or ASK query; rows as pyoxigraph gives them.

        Raises:
            StoreError: the store cannot be reached or refuses the query; or the query asks for
                the union default graph, which the protocol cannot ask for (name the graphs with
                `GRAPH ?g` instead).
        """
        if use_default_graph_as_union:
            raise StoreError(
                f"{self.url}: a remote store has its own default graph; "
                "name the graphs in the query with GRAPH ?g"
            )
        prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in (prefixes or {}).items())
        answer = self.post(
            self.query_url, {"query": prologue + text}, accept="application/sparql-results+json"
        )
        try:
            return ox.parse_query_results(answer, format=ox.QueryResultsFormat.JSON)
        except SyntaxError as e:
            raise StoreError(
                f"{self.query_url}: the answer is not SPARQL JSON results ({e})"
            ) from e

    def update(self, text: str) -> None:
        if self.read_only:
            raise StoreError(f"{self.url}: opened read-only")
        self.post(self.update_url, {"update": text})

    def remove_graph(self, graph: ox.NamedNode) -> None:
        self.update(f"DROP SILENT GRAPH {graph}")

    def clear_graph(self, graph: ox.NamedNode | ox.DefaultGraph) -> None:
        self.update(
            "CLEAR SILENT DEFAULT"
            if isinstance(graph, ox.DefaultGraph)
            else f"CLEAR SILENT GRAPH {graph}"
        )

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads, `INSERT_BATCH` per request."""
        batch: list[ox.Quad] = []
        for quad in quads:
            batch.append(quad)
            if len(batch) >= INSERT_BATCH:
                self.update(insert_data(batch))
                batch = []
        if batch:
            self.update(insert_data(batch))

    def bulk_load(self, data: bytes, *, format: ox.RdfFormat, lenient: bool = False) -> None:
        self.extend(ox.parse(data, format=format, lenient=lenient))

    def flush(self) -> None:
        """Nothing to do: every update is sent when made."""

    def __iter__(self) -> Iterator[ox.Quad]:
        for row in self.query(query_text("all_quads")):
            yield ox.Quad(row["s"], row["p"], row["o"], row["g"] or ox.DefaultGraph())

    def post(self, url: str, form: dict[str, str], *, accept: str | None = None) -> bytes:
        headers = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}
        if accept:
            headers["Accept"] = accept
        request = urllib.request.Request(
            url, data=urlencode(form).encode("utf-8"), headers=headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT) as response:
                return response.read()
        except urllib.error.HTTPError as e:
            said = first_line(e.read().decode("utf-8", "replace"), default="")[:300]
            said = f": {said}" if said else ""
            raise StoreError(f"{url}: the store answered {e.code} {e.reason}{said}") from e
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise StoreError(f"{url}: cannot reach the store ({reason}); is it running?") from e


def insert_data(quads: Iterable[ox.Quad]) -> str:
    """A SPARQL `INSERT DATA` request for quads, grouped by graph.

    >>> q = ox.Quad(ox.NamedNode("http://s"), ox.NamedNode("http://p"), ox.Literal('a "b"'),
    ...             ox.NamedNode("http://g"))
    >>> print(insert_data([q]))
    INSERT DATA {
    GRAPH <http://g> {
    <http://s> <http://p> "a \\"b\\"" .
    }
    }
    """
    graphs: dict[str, list[str]] = defaultdict(list)
    for quad in quads:
        default = isinstance(quad.graph_name, ox.DefaultGraph)
        graphs["" if default else str(quad.graph_name)].append(
            f"{quad.subject} {quad.predicate} {quad.object} ."
        )
    parts = ["INSERT DATA {"]
    for graph, lines in graphs.items():
        parts += [*lines] if not graph else [f"GRAPH {graph} {{", *lines, "}"]
    parts.append("}")
    return "\n".join(parts)
