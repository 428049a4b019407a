"""RDF terms as kg writes them: pyoxigraph terms for the store, and the same terms as N-Triples
text, which the store loads natively and graph.rdf.turtle turns into Turtle.

>>> NT["kg:name"]
'<https://kg.example.org/vocab#name>'
"""

from __future__ import annotations

import json

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

from graph.rdf.vocab import KG

DEFAULT = ox.DefaultGraph()


def iri(value: str) -> ox.NamedNode:
    return ox.NamedNode(str(value))


def literal(value: str | int | float | bool) -> ox.Literal:
    if isinstance(value, bool):
        return TRUE if value else FALSE
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=INTEGER)
    if isinstance(value, float):
        return ox.Literal(decimal_text(value), datatype=DECIMAL)
    return ox.Literal(value)


def decimal_text(value: float) -> str:
    """`value` to three decimals, written as the store keeps an xsd:decimal (its canonical
    form), so that the Turtle a build writes has the very literals the store holds.

    >>> decimal_text(0.85), decimal_text(1.0), decimal_text(0.0004)
    ('0.85', '1', '0')
    """
    return f"{value:.3f}".rstrip("0").rstrip(".")


def nt_iri(value: str) -> str:
    """An IRI as N-Triples writes it; kg's IRIs are built valid (see graph.rdf.vocab)."""
    return f"<{value}>"


def nt_literal(value: str | int | float | bool) -> str:
    r"""A literal as N-Triples writes it, typed like `literal`.

    >>> print(nt_literal('say "hi"\n'), nt_literal(3))
    "say \"hi\"\n" "3"^^<http://www.w3.org/2001/XMLSchema#integer>
    """
    if isinstance(value, bool):
        return TRUE_NT if value else FALSE_NT
    if isinstance(value, int):
        return f'"{value}"^^{INTEGER_NT}'
    if isinstance(value, float):
        return f'"{decimal_text(value)}"^^{DECIMAL_NT}'
    if value.isprintable() and '"' not in value and "\\" not in value:
        return f'"{value}"'  # most text: nothing to escape
    # JSON's string escapes are a subset of N-Triples' ECHAR and UCHAR.
    return json.dumps(value, ensure_ascii=False)


# Terms built once: rdflib's namespace attribute lookups cost more than the writes themselves.
A = iri(RDF.type)
BOOLEAN, INTEGER, DECIMAL = iri(XSD.boolean), iri(XSD.integer), iri(XSD.decimal)
TRUE, FALSE = ox.Literal("true", datatype=BOOLEAN), ox.Literal("false", datatype=BOOLEAN)
# Every term of graph.rdf.vocab.KG, as declared there: a term added there is usable here.
TERMS = {f"kg:{term}": iri(KG[term]) for term in KG.__annotations__} | {
    f"{prefix}:{term}": iri(namespace[term])
    for prefix, namespace, terms in [
        ("prov", PROV, ["Entity", "wasDerivedFrom", "wasAttributedTo"]),
        ("dcterms", DCTERMS, ["isPartOf"]),
        ("rdf", RDF, ["subject", "predicate", "object"]),
        ("rdfs", RDFS, ["label"]),
        ("skos", SKOS, ["altLabel"]),
        ("owl", OWL, ["ObjectProperty"]),
        ("schema", SDO, ["encodingFormat", "name", "author", "datePublished"]),
    ]
    for term in terms
}
NT = {name: nt_iri(term.value) for name, term in TERMS.items()}
A_NT = nt_iri(RDF.type)
TRUE_NT, FALSE_NT = (f'"{v}"^^<{XSD.boolean}>' for v in ("true", "false"))
INTEGER_NT, DECIMAL_NT = nt_iri(XSD.integer), nt_iri(XSD.decimal)
DATE_NT, DATE_TIME_NT = nt_iri(XSD.date), nt_iri(XSD.dateTime)
