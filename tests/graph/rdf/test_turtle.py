"""graph.rdf.turtle: N-Triples terms written as Turtle read back as the same triples."""

from __future__ import annotations

import pyoxigraph as ox
from hypothesis import given
from hypothesis import strategies as st

from graph.rdf.terms import nt_iri, nt_literal
from graph.rdf.turtle import turtle_term, turtle_text
from graph.rdf.vocab import TURTLE_PREFIXES, entity_iri

PREFIX_BLOCK = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in TURTLE_PREFIXES.items())
NAME = nt_iri("https://kg.example.org/vocab#name")


def read_back(triples: list[tuple[str, str, str]]) -> tuple[set, set]:
    """The triples as Turtle and as N-Triples, each parsed."""
    turtle = PREFIX_BLOCK + turtle_text(triples)
    ntriples = "".join(f"{s} {p} {o} .\n" for s, p, o in triples)
    return (
        set(ox.parse(turtle.encode(), format=ox.RdfFormat.TURTLE)),
        set(ox.parse(ntriples.encode(), format=ox.RdfFormat.N_TRIPLES)),
    )


@given(st.text(min_size=1), st.one_of(st.text(), st.integers(), st.booleans()))
def test_turtle_any_name_and_value_survive(name, value):
    subject = nt_iri(entity_iri(name))
    turtle, ntriples = read_back([(subject, NAME, nt_literal(value)), (subject, NAME, '"x"')])
    assert turtle == ntriples


def test_turtle_prefixed_names_only_where_plain():
    assert turtle_term(nt_iri(entity_iri("Acme"))) == "ent:acme"
    assert turtle_term(nt_iri(entity_iri("Acme") + "%20x")).startswith("<")
    assert turtle_term(nt_literal(0.5)) == "0.5" and turtle_term(nt_literal(True)) == "true"
