"""Run SPARQL over the store with kg's prefixes predeclared, and format the results.

A user's query is untrusted input: SPARQL `SERVICE` sends a query to any host on the network
(rdflib and Oxigraph both follow it), so queries that use it are refused, and so are updates.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

import pyoxigraph as ox
from pyparsing import ParseBaseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from graph.errors import QueryError
from graph.vocab import PREFIXES

FORMATS = ("table", "csv", "json")
PROLOGUE = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())


@dataclass(frozen=True)
class QueryResult:
    """The answer to a query: rows for SELECT, a boolean for ASK, triples for CONSTRUCT."""

    variables: tuple[str, ...] = ()
    rows: list[tuple[ox.NamedNode | ox.Literal | ox.BlankNode | None, ...]] = field(
        default_factory=list
    )
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)


def check_query(text: str, *, name: str = "query") -> None:
    """Refuse a malformed query, an update, or a query that would reach the network.

    >>> check_query("SELECT * WHERE { ?s ?p ?o }")
    >>> check_query("SELECT * WHERE { SERVICE <http://h/> { ?s ?p ?o } }", name="q.rq")
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: q.rq: SERVICE is not allowed: kg does not send queries to other hosts
    """
    try:
        tree = parseQuery(PROLOGUE + text)
    except ParseBaseException as e:
        if is_update(text):
            raise QueryError(
                f"{name}: updates are not allowed; kg query only reads the store"
            ) from e
        line, column = e.lineno - PROLOGUE.count("\n"), e.col
        raise QueryError(
            f"{name}: malformed SPARQL at line {line}, column {column}: {e.msg}"
        ) from e
    if "ServiceGraphPattern" in set(node_names(tree)):
        raise QueryError(f"{name}: SERVICE is not allowed: kg does not send queries to other hosts")


def is_update(text: str) -> bool:
    try:
        parseUpdate(PROLOGUE + text)
    except ParseBaseException:
        return False
    return True


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
    """Check and run a query over the union of all graphs of `store`.

    Args:
        bindings: values for variables of the query, substituted safely (never by formatting
            text into the query); Oxigraph requires a bound variable to be in the projection.

    Raises:
        QueryError: the query is malformed or not allowed.
    """
    check_query(text, name=name)
    substitutions = {ox.Variable(k): v for k, v in (bindings or {}).items()}
    try:
        answer = store.query(
            text, prefixes=PREFIXES, use_default_graph_as_union=True, substitutions=substitutions
        )
    except (SyntaxError, ValueError, OSError, RuntimeError) as e:
        raise QueryError(f"{name}: {str(e).strip().splitlines()[0]}") from e
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        variables = tuple(v.value for v in answer.variables)
        return QueryResult(variables=variables, rows=[tuple(row) for row in answer])
    return QueryResult(triples=list(answer))


def format_result(result: QueryResult, *, fmt: str = "table") -> str:
    """Render a result as an aligned table, SPARQL CSV or SPARQL JSON results."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if result.boolean is not None:
        return (
            json.dumps({"head": {}, "boolean": result.boolean})
            if fmt == "json"
            else str(result.boolean).lower()
        )
    if not result.variables and result.triples:
        return "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in result.triples)
    return {"table": format_table, "csv": format_csv, "json": format_json}[fmt](result)


def format_table(result: QueryResult) -> str:
    header = list(result.variables)
    cells = [[visible(compact(value)) for value in row] for row in result.rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(header)]
    lines = [
        "  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines)


def format_csv(result: QueryResult) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.variables)
    writer.writerows([("" if v is None else v.value) for v in row] for row in result.rows)
    return out.getvalue().rstrip("\n")


def format_json(result: QueryResult) -> str:
    bindings = [
        {var: json_term(value) for var, value in zip(result.variables, row) if value is not None}
        for row in result.rows
    ]
    return json.dumps(
        {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}},
        ensure_ascii=False,
        indent=1,
    )


def json_term(term: ox.NamedNode | ox.Literal | ox.BlankNode) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def compact(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> str:
    """A term as a person reads it: `ent:meta` for IRIs under a known prefix, a literal's text."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in PREFIXES.items():
            if term.value.startswith(namespace) and len(term.value) > len(namespace):
                return f"{prefix}:{term.value[len(namespace) :]}"
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def visible(text: str) -> str:
    """Make control and invisible formatting characters visible rather than let a terminal obey
    them.

    >>> visible("a\\tb\\u202ec")
    'a\\\\tb\\\\u202ec'
    """
    named = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}
    return "".join(
        named.get(ch, f"\\u{ord(ch):04x}") if unicodedata.category(ch) in ("Cc", "Cf") else ch
        for ch in text
    )
