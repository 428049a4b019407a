"""Query results as pandas DataFrames, for notebooks.

pandas is imported when a frame is made, not with this module: it is in the `notebook` extra,
not a dependency of kg.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pyoxigraph as ox

from graph.query.presets import preset_query
from graph.query.results import QueryResult, compact
from graph.query.sparql import run_query

if TYPE_CHECKING:
    import pandas

XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger")}
NUMBERS = {XSD + t for t in ("decimal", "double", "float")}


def to_dataframe(result: QueryResult, *, compact_iris: bool = True) -> pandas.DataFrame:
    """A query result as a DataFrame: a column per variable for SELECT, `subject`, `predicate`,
    `object` for CONSTRUCT, `boolean` for ASK. Literals become numbers, booleans or text; IRIs
    prefixed names (`ent:meta`) unless `compact_iris` is False.

    >>> meta = ox.NamedNode("https://kg.example.org/entity/meta")
    >>> rows = [(meta, ox.Literal("8", datatype=ox.NamedNode(XSD + "integer")))]
    >>> to_dataframe(QueryResult(variables=("entity", "mentions"), rows=rows))
         entity  mentions
    0  ent:meta         8
    """
    import pandas

    if result.boolean is not None:
        return pandas.DataFrame({"boolean": [result.boolean]})
    if not result.variables and result.triples:
        columns = ["subject", "predicate", "object"]
        rows = [(t.subject, t.predicate, t.object) for t in result.triples]
    else:
        columns, rows = list(result.variables), result.rows
    values = [[python_value(term, compact_iris=compact_iris) for term in row] for row in rows]
    return pandas.DataFrame(values, columns=columns)


def query_frame(
    store: ox.Store,
    text: str | None = None,
    *,
    preset: str | None = None,
    arguments: Sequence[str] = (),
    compact_iris: bool = True,
) -> pandas.DataFrame:
    """Run a SPARQL query, or a ready-made one (`preset`: entities, relations, neighbors, path,
    sources, with its `arguments`), over `store` into a DataFrame.

    Raises:
        QueryError: the query is malformed or not allowed, or the preset's arguments are wrong.
    """
    bindings = None
    if preset is not None:
        text, bindings = preset_query(preset, arguments)
    if text is None:
        raise TypeError("give a query or a preset")
    result = run_query(
        store, text, name=f"preset {preset}" if preset else "query", bindings=bindings
    )
    return to_dataframe(result, compact_iris=compact_iris)


def python_value(
    term: ox.NamedNode | ox.Literal | ox.BlankNode | None, *, compact_iris: bool = True
) -> str | int | float | bool | None:
    if term is None:
        return None
    if not isinstance(term, ox.Literal):
        return compact(term) if compact_iris else term.value
    datatype = term.datatype.value
    try:
        if datatype in INTEGERS:
            return int(term.value)
        if datatype in NUMBERS:
            return float(term.value)
    except ValueError:
        return term.value  # an ill-typed literal stays text
    if datatype == XSD + "boolean":
        return term.value in ("true", "1")
    return term.value
