"""The store across builds: same input twice, another document, a changed document; and names of
any kind through triples -> store -> Turtle -> parse."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import RDFS

from extract.documents import read_document
from extract.entities import KnownEntities, resolve_extraction
from extract.extractor import extract_documents
from extract.triple import Document, Entity, Evidence, Extraction, Triple
from graph.build import build
from graph.rdf.facts import Facts
from graph.rdf.quads import content_hash, document_graph
from graph.rdf.vocab import entity_iri
from graph.store.dump import union_triples, write_turtle
from graph.store.facts import read_facts, refresh_facts, to_networkx
from graph.store.store import open_store, replace_documents
from tests.conftest import EXAMPLE, ROOT

SECOND = "Microsoft acquired GitHub in 2018. GitHub is a code hosting platform."


def store_graph(out: Path) -> Graph:
    with open_store(out / "store", read_only=True) as store:
        text = ox.serialize(union_triples(store), format=ox.RdfFormat.N_TRIPLES).decode()
    return Graph().parse(data=text, format="nt")


def turtle_graph(out: Path) -> Graph:
    return Graph().parse(out / "graph.ttl", format="turtle")


def assert_same(a: Graph, b: Graph) -> None:
    if not isomorphic(a, b):
        _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
        raise AssertionError(
            f"graphs differ:\nonly first:\n{only_a.serialize(format='nt')}\n"
            f"only second:\n{only_b.serialize(format='nt')}"
        )


def test_build_twice_changes_nothing(built_copy, nlp):
    before = store_graph(built_copy)
    report = build([EXAMPLE], out=built_copy, nlp=nlp)
    assert report.parsed == [] and len(report.unchanged) == 1
    assert_same(before, store_graph(built_copy))


def test_build_adds_another_document(built_copy, tmp_path, nlp):
    before = store_graph(built_copy)
    second = tmp_path / "second.txt"
    second.write_text(SECOND)
    report = build([second], out=built_copy, nlp=nlp)
    after = store_graph(built_copy)
    assert report.documents == 2
    # One graph written by this build (its Turtle spooled), one read back from the store.
    assert_same(turtle_graph(built_copy), after)
    assert (
        URIRef(entity_iri("Microsoft")),
        URIRef("https://kg.example.org/relation/acquire"),
        URIRef(entity_iri("GitHub")),
    ) in after
    statements = "SELECT ?s WHERE { ?s a kg:Statement }"
    assert len(after.query(statements, initNs={"kg": "https://kg.example.org/vocab#"})) > len(
        before.query(statements, initNs={"kg": "https://kg.example.org/vocab#"})
    )


def test_build_replaces_a_changed_document(tmp_path, nlp):
    source = tmp_path / "news.txt"
    source.write_text("Meta released Llama 2.")
    build([source], out=tmp_path / "changed", nlp=nlp)
    source.write_text(SECOND)
    build([source], out=tmp_path / "changed", nlp=nlp)
    build([source], out=tmp_path / "clean", nlp=nlp)
    assert_same(store_graph(tmp_path / "changed"), store_graph(tmp_path / "clean"))
    assert_same(turtle_graph(tmp_path / "changed"), store_graph(tmp_path / "changed"))
    assert (None, RDFS.label, Literal("Llama 2")) not in store_graph(tmp_path / "changed")


def test_build_writes_turtle_and_html(example_build):
    assert_same(turtle_graph(example_build), store_graph(example_build))
    assert "<canvas" not in (example_build / "graph.html").read_text()[:2000]


def extraction_naming(subject: str, obj: str) -> Extraction:
    sentence = f"{subject} met {obj}."
    evidence = Evidence(
        document="doc",
        sentence=sentence,
        sentence_start=0,
        subject=(0, len(subject)),
        relation=(len(subject) + 1, len(subject) + 4),
        object=(len(subject) + 5, len(sentence) - 1),
    )
    triple = Triple(
        subject=Entity(subject, "person"),
        relation="meets",
        predicate="meet",
        object=Entity(obj, "organization"),
        confidence=0.8,
        evidence=evidence,
        rule="svo",
    )
    return Extraction(Document("doc", sentence), (triple,), ())


names = st.text(min_size=1, max_size=40).filter(lambda s: s.strip())


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(subject=names, obj=names)
def test_build_any_name_survives_store_and_turtle(tmp_path, subject, obj):
    extraction = extraction_naming(subject, obj)
    store = ox.Store()
    replace_documents(
        store, [document_graph(extraction, content_hash=content_hash(extraction.document.text))]
    )
    refresh_facts(store)
    path = tmp_path / "graph.ttl"
    write_turtle(store, path)
    graph = Graph().parse(path, format="turtle")
    labels = {str(label) for label in graph.objects(None, RDFS.label)}
    assert subject in labels or entity_iri(subject) == entity_iri(obj)
    assert (
        URIRef(entity_iri(subject)),
        URIRef("https://kg.example.org/relation/meet"),
        URIRef(entity_iri(obj)),
    ) in graph or entity_iri(subject) == entity_iri(obj)


def test_build_resolves_names_across_documents(tmp_path, nlp, capsys):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Mark Zuckerberg founded Facebook. Meta Platforms (META) owns Instagram.")
    second.write_text("Zuckerberg praised Instagram.")
    out = tmp_path / "out"
    build([first], out=out, nlp=nlp)
    build([second], out=out, nlp=nlp)
    graph = store_graph(out)
    person = URIRef(entity_iri("Mark Zuckerberg"))
    assert (
        person,
        URIRef("https://kg.example.org/relation/praise"),
        URIRef(entity_iri("Instagram")),
    ) in graph
    assert (URIRef(entity_iri("Zuckerberg")), None, None) not in graph

    from graph.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["entities", "--store", str(out / "store")])
    assert exit_info.value.code == 0
    listing = capsys.readouterr().out
    assert "Mark Zuckerberg  (person, 2 mentions)" in listing
    assert "= Zuckerberg: last name of Mark Zuckerberg, named in another document" in listing
    assert "= META: same name but for case" in listing or "= META: ticker" in listing


LONG_PARAGRAPHS = [
    "Mark Zuckerberg founded Facebook in 2004. Meta Platforms owns Instagram.",
    "Microsoft acquired GitHub in 2018. GitHub hosts code for millions of developers.",
    "Google released Gemini in December. Amazon partners with Anthropic on chips.",
    "Apple sued Epic Games in California. Nvidia supplies chips to Tesla.",
    "Zuckerberg praised Instagram. Instagram is a photo sharing service.",
]


def test_build_reads_a_long_document_in_parts(tmp_path, nlp, monkeypatch):
    monkeypatch.setattr("extract.pipeline.PART_CHARS", 100)
    source = tmp_path / "long.txt"
    text = "\n\n".join(LONG_PARAGRAPHS)
    source.write_text(text)
    out = tmp_path / "out"
    report = build([source], out=out, nlp=nlp)
    assert report.parsed == [str(source)] and report.documents == 1
    graph = store_graph(out)
    person = URIRef(entity_iri("Mark Zuckerberg"))
    # The last part resolves 'Zuckerberg' to the person its first part named.
    assert (person, URIRef("https://kg.example.org/relation/praise"), None) in graph
    assert (URIRef(entity_iri("Microsoft")), None, URIRef(entity_iri("GitHub"))) in graph
    # Offsets are into the whole file, whichever part a sentence was read in.
    kg = "https://kg.example.org/vocab#"
    sentences = graph.query(
        f"SELECT ?text ?start ?end WHERE {{ ?s <{kg}text> ?text ; "
        f"<{kg}start> ?start ; <{kg}end> ?end }}"
    )
    assert len(sentences) >= 6
    for sentence, start, end in sentences:
        assert text[start.toPython() : end.toPython()] == str(sentence)
    # Mentions are counted over all parts (Instagram: in the first and the last).
    counts = [
        int(c) for c in graph.objects(URIRef(entity_iri("Instagram")), URIRef(f"{kg}mentionCount"))
    ]
    assert counts and counts[0] >= 3
    # Committed only whole: built again, nothing to do.
    assert build([source], out=out, nlp=nlp).unchanged == [str(source)]
    # Changed, it is replaced wholly, parts and all.
    source.write_text("\n\n".join(LONG_PARAGRAPHS[:3]))
    build([source], out=out, nlp=nlp)
    build([source], out=tmp_path / "clean", nlp=nlp)
    assert_same(store_graph(out), store_graph(tmp_path / "clean"))
    assert (None, None, URIRef(entity_iri("Tesla"))) not in store_graph(out)


def test_facts_gathered_while_building_are_the_stores(tmp_path, nlp):
    """A build that parses every document takes the facts from its extractions instead of
    reading them back: they must be what the store gives."""
    files = sorted((ROOT / "examples").glob("*.txt"))
    known = KnownEntities()
    gathered = Facts()
    for extraction in extract_documents([read_document(f) for f in files], nlp=nlp):
        gathered.add_extraction(resolve_extraction(extraction, known))
    out = tmp_path / "out"
    build(files, out=out, nlp=nlp)
    with open_store(out / "store", read_only=True) as store:
        default_graph = set(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        assert set(gathered.quads()) == set(read_facts(store).quads()) == default_graph
        network = to_networkx(store, everything=True)
    mine = gathered.network()
    assert dict(mine.nodes(data=True)) == dict(network.nodes(data=True))
    assert list(mine.edges(keys=True, data=True)) == list(network.edges(keys=True, data=True))
    assert network.number_of_edges() > 20


def test_build_removes_what_a_killed_write_left(built_copy, nlp):
    stale, young = built_copy / ".graph.ttl.k1ll3d.tmp", built_copy / ".graph.html.wr1t1ng.tmp"
    stale.write_text("@prefix half")
    young.write_text("<html")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    build([EXAMPLE], out=built_copy, nlp=nlp)
    assert not stale.exists() and young.exists()


def test_build_entities_count_references(example_build, capsys):
    """kg entities says how many mentions of an entity were pronouns or descriptions."""
    from graph.cli import main
    from graph.query.entities import list_entities
    from graph.store.store import open_store

    with open_store(example_build / "store", read_only=True) as store:
        records = {r.label: r for r in list_entities(store)}
    assert 0 < records["Meta"].references < records["Meta"].mentions
    with pytest.raises(SystemExit) as exit_info:
        main(["entities", "--store", str(example_build)])
    assert exit_info.value.code == 0
    meta = records["Meta"]
    assert f"Meta  (organization, {meta.mentions} mentions, {meta.references} by reference)" in (
        capsys.readouterr().out
    )
