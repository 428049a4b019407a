"""Query results: the answer of a query (`QueryResult`) rendered as an aligned table for people,
SPARQL CSV or SPARQL JSON results for tools."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

import pyoxigraph as ox

from graph.errors import QueryError
from graph.rdf.vocab import PREFIXES
from graph.terminal import json_text, visible

# The formats of `format_result` (and `kg query --format`).
FORMATS = ("table", "csv", "json")


@dataclass(frozen=True)
class QueryResult:
    """The answer to a query: rows for SELECT, a boolean for ASK, triples for CONSTRUCT."""

    variables: tuple[str, ...] = ()
    rows: list[tuple[ox.NamedNode | ox.Literal | ox.BlankNode | None, ...]] = field(
        default_factory=list
    )
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)
    updated: bool = False  # an update ran (kg query --allow-update)


def format_result(result: QueryResult, *, fmt: str = "table") -> str:
    """Render a result as an aligned table, SPARQL CSV or SPARQL JSON results."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if result.updated:
        return "store updated"
    if result.boolean is not None:
        return (
            json.dumps({"head": {}, "boolean": result.boolean})
            if fmt == "json"
            else str(result.boolean).lower()
        )
    if not result.variables and result.triples:
        # N-Triples, whose \uXXXX escapes keep the text exact and the terminal safe.
        return "\n".join(visible(f"{t.subject} {t.predicate} {t.object} .") for t in result.triples)
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
    values = (["" if v is None else v.value for v in row] for row in result.rows)
    for row in [result.variables, *values]:
        # csv quotes a value holding its "\n" line end but not a lone "\r", which readers take
        # for a line end too.
        quoting = csv.QUOTE_ALL if any("\r" in value for value in row) else csv.QUOTE_MINIMAL
        csv.writer(out, lineterminator="\n", quoting=quoting).writerow(row)
    return out.getvalue().rstrip("\n")


def format_json(result: QueryResult) -> str:
    bindings = [
        {var: json_term(value) for var, value in zip(result.variables, row) if value is not None}
        for row in result.rows
    ]
    return json_text(
        {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}, indent=1
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
