"""kg's own triples as Turtle text, written as a build makes them.

Reading a graph back from the store to serialize it costs about 7 us a triple here, ten times
what writing its text costs; so a build writes the Turtle of the documents it parses as it goes
(see graph.store.dump.write_turtle), from the N-Triples terms graph.rdf.quads makes for the
store. kg's vocabulary, entities and relations become prefixed names
(graph.rdf.vocab.TURTLE_PREFIXES) where the name is plainly valid, numbers and booleans are
written bare, and the rest stays in its N-Triples form, which is also Turtle.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rdflib.namespace import RDF, XSD

from graph.rdf.vocab import TURTLE_PREFIXES

# A local name any Turtle parser reads: ASCII letters, digits, _ - and inner dots.
PLAIN_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
# Longest namespace first, so that nested namespaces take the closest prefix.
NAMESPACES = sorted(((iri, p) for p, iri in TURTLE_PREFIXES.items()), key=lambda n: -len(n[0]))
SHORTENED = tuple(f"<{iri}" for iri, _ in NAMESPACES)
BARE = tuple(f'"^^<{XSD[name]}>' for name in ("integer", "boolean"))
DECIMAL = f'"^^<{XSD.decimal}>'
TYPE = f"<{RDF.type}>"


def turtle_text(triples: Iterable[tuple[str, str, str]]) -> str:
    """Turtle statements (no prefix declarations) of `triples`, given as N-Triples terms;
    consecutive triples of one subject share it.

    >>> print(turtle_text([
    ...     ("<https://kg.example.org/entity/meta>", TYPE, "<https://schema.org/Organization>"),
    ...     ("<https://kg.example.org/entity/meta>", "<https://kg.example.org/vocab#start>",
    ...      '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'),
    ... ]), end="")
    ent:meta a schema:Organization ;
        kg:start 3 .
    """
    parts = []
    subject = None
    for s, p, o in triples:
        if s == subject:
            parts.append(" ;\n    ")
        else:
            if subject is not None:
                parts.append(" .\n")
            parts += (turtle_term(s), " ")
            subject = s
        parts += ("a" if p == TYPE else turtle_term(p), " ", turtle_term(o))
    if subject is not None:
        parts.append(" .\n")
    return "".join(parts)


def turtle_term(term: str) -> str:
    """An N-Triples term as Turtle.

    >>> turtle_term('"0.85"^^<http://www.w3.org/2001/XMLSchema#decimal>')
    '0.85'
    >>> turtle_term('"1"^^<http://www.w3.org/2001/XMLSchema#decimal>')  # bare 1 is an integer
    '"1"^^xsd:decimal'
    >>> turtle_term("<https://kg.example.org/entity/soci%C3%A9t%C3%A9>")
    '<https://kg.example.org/entity/soci%C3%A9t%C3%A9>'
    """
    if term.startswith(SHORTENED):
        return prefixed(term)
    if term.endswith(BARE):
        return term[1 : term.index('"^^<')]
    if term.endswith(DECIMAL):
        lexical = term[1 : -len(DECIMAL)]
        return lexical if "." in lexical else f'"{lexical}"^^xsd:decimal'
    return term


@lru_cache(maxsize=65536)
def prefixed(term: str) -> str:
    """An IRI in one of kg's namespaces as a prefixed name, if its local name is plain."""
    iri = term[1:-1]
    for namespace, prefix in NAMESPACES:
        if iri.startswith(namespace):
            local = iri[len(namespace) :]
            return f"{prefix}:{local}" if PLAIN_LOCAL.fullmatch(local) else term
    return term
