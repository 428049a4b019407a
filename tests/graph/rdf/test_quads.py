"""graph.rdf.quads: one document's extraction as its named graph, in N-Quads and Turtle."""

from __future__ import annotations

import pyoxigraph as ox

from graph.rdf.quads import content_hash, document_graph, entity_occurrences
from graph.rdf.vocab import KG, PREFIXES, TURTLE_PREFIXES, document_iri, entity_iri
from tests.graph.conftest import TEXT


def parsed(graph) -> set[ox.Quad]:
    return set(ox.parse(graph.nquads, format=ox.RdfFormat.N_QUADS))


def test_quads_one_named_graph_per_document(hand_extraction):
    graph = document_graph(hand_extraction, content_hash=content_hash(TEXT))
    quads = parsed(graph)
    assert graph.iri == document_iri("notes.txt") and graph.replaces
    assert {q.graph_name for q in quads} == {ox.NamedNode(graph.iri)}
    statements = [q for q in quads if q.object == ox.NamedNode(str(KG.Statement))]
    assert len(statements) == 3


def test_quads_content_hash_is_kept_out_of_the_nquads_but_in_the_turtle(hand_extraction):
    digest = content_hash(TEXT)
    graph = document_graph(hand_extraction, content_hash=digest)
    assert not [q for q in parsed(graph) if q.predicate.value == str(KG.contentHash)]
    prefixes = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in TURTLE_PREFIXES.items())
    turtle = ox.parse(prefixes.encode() + graph.turtle, format=ox.RdfFormat.TURTLE)
    triples = {q.triple for q in turtle}
    assert {q.triple for q in parsed(graph)} | {
        ox.Triple(ox.NamedNode(graph.iri), ox.NamedNode(str(KG.contentHash)), ox.Literal(digest))
    } == triples


def test_quads_pronouns_count_as_references_not_aliases(hand_extraction):
    store = ox.Store()
    graph = document_graph(hand_extraction, content_hash=None)
    store.bulk_load(graph.nquads, format=ox.RdfFormat.N_QUADS)
    rows = store.query(
        "SELECT ?e ?count ?refs ?alias WHERE { GRAPH ?g {"
        " ?o kg:entity ?e ; kg:mentionCount ?count ; kg:alias ?alias"
        " OPTIONAL { ?o kg:referenceCount ?refs } } }",
        prefixes=PREFIXES,
    )
    jane = [row for row in rows if row["e"].value == entity_iri("Jane Doe")]
    assert [(int(r["count"].value), int(r["refs"].value), r["alias"].value) for r in jane] == [
        (2, 1, "Jane Doe")
    ]


def test_quads_occurrences_are_typed_records(hand_extraction):
    found = {o.entity.name: o for o in entity_occurrences(hand_extraction)}
    assert set(found) == {"Acme", "Jane Doe", "Globex"}
    assert found["Acme"].mentions == 3 and found["Acme"].names == {"Acme"}
    assert found["Jane Doe"].words == {"Jane Doe": 1, "She": 1}
    assert found["Jane Doe"].names == {"Jane Doe"}
