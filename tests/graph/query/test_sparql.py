"""SPARQL over the built example: prefixes, provenance filters, safe bindings and refusals."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph.errors import QueryError
from graph.query.results import format_result
from graph.query.sparql import run_query
from graph.rdf.vocab import entity_iri
from graph.store.store import open_dataset, open_store


@pytest.fixture
def store(example_build):
    with open_store(example_build / "store", read_only=True) as opened:
        yield opened


def test_sparql_prefixes_are_declared(store):
    result = run_query(store, "SELECT ?o WHERE { ent:meta rel:partner_with ?o }")
    assert [row[0].value for row in result.rows] == [entity_iri("Microsoft")]


def test_sparql_provenance_is_queryable(store):
    query = """SELECT ?text ?confidence ?path WHERE {
      ?st rdf:subject ent:meta ; rdf:predicate rel:partner_with ; kg:confidence ?confidence ;
          prov:wasDerivedFrom ?sentence .
      ?sentence kg:text ?text ; dcterms:isPartOf ?doc . ?doc kg:path ?path }"""
    [row] = run_query(store, query).rows
    assert row[0].value == "Meta partners with Microsoft on the launch."
    assert 0 < float(row[1].value) <= 1
    assert row[2].value.endswith("open-model-release.txt")


def test_sparql_negated_statements_are_not_facts(store):
    ask_fact = "ASK { ent:openai rel:release ent:gpt4 }"
    ask_statement = "ASK { ?st rdf:subject ent:openai ; rdf:object ent:gpt4 ; kg:negated true }"
    assert run_query(store, ask_fact).boolean is False
    assert run_query(store, ask_statement).boolean is True


def test_sparql_bindings_are_values_not_text(store):
    query = "SELECT ?e ?name WHERE { ?e rdfs:label ?name }"
    result = run_query(store, query, bindings={"name": ox.Literal('Meta" } ; DROP ALL ; #')})
    assert result.rows == []
    result = run_query(store, query, bindings={"name": ox.Literal("Meta")})
    assert [row[0].value for row in result.rows] == [entity_iri("Meta")]


def test_sparql_from_limits_the_query_to_the_graphs_named(store):
    def count(pattern: str, dataset: str = "") -> int:
        [[n]] = run_query(store, f"SELECT (COUNT(*) AS ?n) {dataset} WHERE {{ {pattern} }}").rows
        return int(n.value)

    sentences, labels = "?s a kg:Sentence", "?e rdfs:label ?label"  # documents' and facts'
    [document] = store.named_graphs()
    assert count(sentences) > 0 and count(labels) > 0  # the union of all graphs
    assert count(sentences, f"FROM <{document.value}>") == count(sentences)
    assert count(labels, f"FROM <{document.value}>") == 0
    assert count(sentences, f"FROM NAMED <{document.value}>") == 0


def test_sparql_malformed_query_names_line_and_column(store):
    with pytest.raises(QueryError, match=r"q\.rq: malformed SPARQL at line 2, column \d+"):
        run_query(store, "SELECT ?s\nWHERE { ?s ?p }", name="q.rq")


def test_sparql_service_is_refused(store):
    with pytest.raises(QueryError, match="SERVICE is not allowed"):
        run_query(store, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }")


def test_sparql_update_is_refused(store):
    with pytest.raises(QueryError, match="updates are not allowed"):
        run_query(store, "DELETE WHERE { ?s ?p ?o }")


def test_sparql_formats(store):
    result = run_query(store, "SELECT ?label WHERE { ent:meta rdfs:label ?label }")
    assert format_result(result, fmt="csv") == "label\nMeta"
    assert '"value": "Meta"' in format_result(result, fmt="json")
    assert format_result(result, fmt="table").splitlines()[2] == "Meta"


def test_sparql_rdflib_dataset_view(store):
    dataset = open_dataset(store)
    rows = list(dataset.query("SELECT ?label WHERE { ent:meta rdfs:label ?label }"))
    assert [str(row[0]) for row in rows] == ["Meta"]
