"""Run SPARQL over the store with kg's prefixes predeclared, and format the results.

A user's query is untrusted input: SPARQL `SERVICE` sends a query to any host on the network
(rdflib and Oxigraph both follow it) and `LOAD` fetches any URL (Oxigraph does), so requests that
use them are refused, and so are updates unless explicitly allowed (`kg query --allow-update`).
pyoxigraph cannot interrupt a running query, so `query_store` runs it in a child process that is
killed at the time limit. Ready-made queries ship as .rq files in graph/queries/
(graph.query.presets).
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox
from pyparsing import ParseBaseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from graph.errors import KgError, QueryError, QueryRefused, StoreError, first_line
from graph.query.results import QueryResult
from graph.rdf.vocab import PREFIXES
from graph.store.store import open_store

# Seconds a query may run in `kg query` and `kg serve` unless told otherwise.
DEFAULT_TIMEOUT = 30.0
PROLOGUE = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())


def check_query(text: str, *, name: str = "query", allow_update: bool = False) -> set[str]:
    """Refuse a malformed query, an update (unless `allow_update`), or a request that would
    reach the network (SERVICE, LOAD); return the names of the parts of the request
    (`DatasetClause` for each FROM, and so on).

    >>> "DatasetClause" in check_query("SELECT * FROM <http://g/> WHERE { ?s ?p ?o }")
    True
    >>> check_query("SELECT * WHERE { SERVICE <http://h/> { ?s ?p ?o } }", name="q.rq")
    Traceback (most recent call last):
    ...
    graph.errors.QueryRefused: q.rq: SERVICE is not allowed: kg does not send queries to other hosts
    """
    try:
        names = set(node_names(parse_request(text, name=name, allow_update=allow_update)))
    except RecursionError:
        # pyparsing recurses once per nested group: thousands of braces exhaust the stack.
        raise QueryError(f"{name}: nested too deeply to parse; simplify the query") from None
    if "ServiceGraphPattern" in names:
        raise QueryRefused(
            f"{name}: SERVICE is not allowed: kg does not send queries to other hosts"
        )
    if "Load" in names:
        raise QueryRefused(f"{name}: LOAD is not allowed: kg does not fetch data from the network")
    return names


def parse_request(text: str, *, name: str, allow_update: bool) -> CompValue | ParseResults:
    try:
        return parseQuery(PROLOGUE + text)
    except ParseBaseException as e:
        update = parse_update(text)
        if update is None:
            line, column = e.lineno - PROLOGUE.count("\n"), e.col
            raise QueryError(
                f"{name}: malformed SPARQL at line {line}, column {column}: {e.msg}"
            ) from e
        if not allow_update:
            raise QueryRefused(
                f"{name}: updates are not allowed; kg query only reads the store "
                "(kg query --allow-update changes it)"
            ) from e
        return update


def is_update(text: str) -> bool:
    try:
        return parse_update(text) is not None
    except RecursionError:
        return False


def parse_update(text: str) -> CompValue | None:
    """The parse of an update, or None when `text` is none (an empty one is none either)."""
    try:
        update = parseUpdate(PROLOGUE + text)
    except ParseBaseException:
        return None
    return update if "request" in update else None


def node_names(node: object):
    if isinstance(node, CompValue):
        yield node.name
        for value in node.values():
            yield from node_names(value)
    elif isinstance(node, list | tuple | ParseResults):
        for value in node:
            yield from node_names(value)


def run_query(
    store: ox.Store,
    text: str,
    *,
    name: str = "query",
    bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None,
) -> QueryResult:
    """Check and run a query over the union of all graphs of `store`, or over the graphs its
    FROM and FROM NAMED clauses name.

    Args:
        bindings: values for variables of the query, substituted safely (never by formatting
            text into the query); Oxigraph requires a bound variable to be in the projection.

    Raises:
        QueryError: the query is malformed or not allowed.
    """
    names = check_query(text, name=name)
    substitutions = {ox.Variable(k): v for k, v in (bindings or {}).items()}
    try:
        answer = store.query(
            text,
            prefixes=PREFIXES,
            # Oxigraph's union default graph would override the query's own dataset.
            use_default_graph_as_union="DatasetClause" not in names,
            substitutions=substitutions,
        )
    except (SyntaxError, ValueError, OSError, RuntimeError) as e:
        raise QueryError(f"{name}: {first_line(e)}") from e
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        variables = tuple(v.value for v in answer.variables)
        return QueryResult(variables=variables, rows=[tuple(row) for row in answer])
    return QueryResult(triples=list(answer))


def run_update(store: ox.Store, text: str, *, name: str = "update") -> None:
    """Check and apply a SPARQL update, in one transaction.

    The default graph is recomputed from the documents by the next `kg build`: change the
    documents' graphs to make a change last.

    >>> store = ox.Store()
    >>> run_update(store, "INSERT DATA { ent:acme rdfs:label 'Acme' }")
    >>> len(store)
    1

    Raises:
        QueryError: the update is malformed or reaches the network (LOAD, SERVICE).
    """
    check_query(text, name=name, allow_update=True)
    try:
        store.update(text, prefixes=PREFIXES)
    except (SyntaxError, ValueError, OSError, RuntimeError) as e:
        raise QueryError(f"{name}: {first_line(e)}") from e


def query_store(
    path: Path,
    text: str,
    *,
    name: str = "query",
    bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    allow_update: bool = False,
) -> QueryResult:
    """Run a query over the store in folder `path`, stopped after `timeout` seconds; with
    `allow_update`, a SPARQL update may change the store.

    The query runs in a child process that opens the store read-only and is killed at the
    limit: pyoxigraph has no way to interrupt a query. Starting it costs about 0.3 s.

    Raises:
        QueryError: the query is malformed, not allowed, or ran longer than `timeout`.
        StoreError: there is no store at `path`, or another kg command writes it (updates).
    """
    check_query(text, name=name, allow_update=allow_update)
    if timeout is None:
        return answer_query(path, text, name, bindings, allow_update)
    # A fresh interpreter, not a fork (a forked copy of a process that runs threads, such as a
    # notebook kernel, can deadlock) nor multiprocessing's spawn (which imports the caller's
    # main script again, and fails on a script read from standard input). It imports kg from
    # where this process did, installed or not.
    source = str(Path(__file__).resolve().parents[2])
    python_path = os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH")]))
    child = subprocess.Popen(
        [sys.executable, "-c", "from graph.query.sparql import answer_child; answer_child()"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": python_path},
    )
    request = pickle.dumps((Path(path), text, name, dict(bindings or {}), allow_update))
    try:
        answer, said = child.communicate(request, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise QueryError(
            f"{name}: stopped after {timeout:g} s, the time limit; add a LIMIT or narrow "
            "the patterns, or allow more time with --timeout"
        ) from None
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    if child.returncode != 0 or not answer:
        last = said.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        raise QueryError(f"{name}: the query process failed ({last[0]})")
    failed, result = pickle.loads(answer)  # our own child's answer
    if failed:
        raise result
    return result


def answer_query(
    path: Path,
    text: str,
    name: str,
    bindings: Mapping[str, ox.NamedNode | ox.Literal] | None,
    allow_update: bool = False,
) -> QueryResult:
    if allow_update and is_update(text):
        if not Path(path).is_dir():  # opening it to write would create an empty store
            raise StoreError(f"{path}: no store here; build one with: kg build PATH")
        # Oxigraph applies an update in one transaction: killed at the time limit, it leaves
        # the store as it was.
        with open_store(path) as store:
            run_update(store, text, name=name)
        return QueryResult(updated=True)
    with open_store(path, read_only=True) as store:
        return run_query(store, text, name=name, bindings=bindings)


def answer_child() -> None:
    """The child process of `query_store`: a pickled request on standard input, the pickled
    (failed, result or error) on standard output."""
    out, sys.stdout = sys.stdout.buffer, sys.stderr  # nothing else may reach the answer's pipe
    try:
        answer = (False, answer_query(*pickle.loads(sys.stdin.buffer.read())))
    except KgError as e:
        answer = (True, e)
    out.write(pickle.dumps(answer))
    out.flush()
