"""kg export: every format parses back, and names with quotes, <>, & and newlines survive."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from typer.testing import CliRunner

from graph.cli import app
from graph.rdf.vocab import KG, entity_iri
from graph.store.dump import dump_graphs
from graph.store.facts import to_networkx
from graph.store.store import open_store
from graph.view.export import export_store

NAME = 'Meta "Platforms" <b>&amp; & Co\nsecond line'
RELATION = 'teams up <with> "&"\n'
SENTENCE = 'Meta said: "<Microsoft> & us"\nagain.\tEnd \\ back'
META = ox.NamedNode(entity_iri("Meta"))
LABEL = ox.NamedNode(str(rdflib.RDFS.label))
TEXT = ox.NamedNode(str(KG.text))
RELATION_LABEL = ox.NamedNode(str(KG.relation))
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def replace_literal(store: ox.Store, predicate: ox.NamedNode, old: str, new: str) -> None:
    """Swap a literal value wherever it is the object of `predicate`, in any graph."""
    for quad in list(store.quads_for_pattern(None, predicate, ox.Literal(old), None)):
        store.remove(quad)
        store.add(ox.Quad(quad.subject, quad.predicate, ox.Literal(new), quad.graph_name))


def rewrite(path: Path, *changes: tuple[ox.NamedNode, str, str]) -> None:
    # A function of its own, so that the store is closed on return: a store opened read-only
    # while this process still holds it open for writing may find files compacted away.
    with open_store(path) as store:
        for predicate, old, new in changes:
            replace_literal(store, predicate, old, new)


@pytest.fixture
def store_path(built_copy) -> Path:
    """The example store with an awkward entity name, relation and sentence."""
    path = built_copy / "store"
    rewrite(
        path,
        (LABEL, "Meta", NAME),
        (RELATION_LABEL, "partners with", RELATION),
        (TEXT, "Meta partners with Microsoft on the launch.", SENTENCE),
    )
    return path


def rdflib_term(term):
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    datatype = None if term.datatype.value == XSD_STRING else rdflib.URIRef(term.datatype.value)
    return rdflib.Literal(term.value, datatype=datatype)


def union_graph(path: Path) -> rdflib.Graph:
    graph = rdflib.Graph()
    with open_store(path, read_only=True) as store:
        for quad in store:
            graph.add(tuple(rdflib_term(t) for t in quad.triple))
    return graph


@pytest.mark.parametrize(
    ("fmt", "rdflib_format"), [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")]
)
def test_export_rdf_parses_back_to_the_same_graph(store_path, tmp_path, fmt, rdflib_format):
    out = tmp_path / f"graph.{fmt}"
    with open_store(store_path, read_only=True) as store:
        assert export_store(store, fmt=fmt, out=out) == [out]
    parsed = rdflib.Graph().parse(out, format=rdflib_format)
    expected = union_graph(store_path)
    assert (rdflib.URIRef(META.value), rdflib.RDFS.label, rdflib.Literal(NAME)) in parsed
    if not isomorphic(parsed, expected):
        _, only_parsed, only_expected = graph_diff(to_isomorphic(parsed), to_isomorphic(expected))
        pytest.fail(
            f"only in the export:\n{only_parsed.serialize(format='nt')}\n"
            f"only in the store:\n{only_expected.serialize(format='nt')}"
        )


def test_export_graphml_parses_back_with_scalar_attributes(store_path, tmp_path):
    out = tmp_path / "graph.graphml"
    with open_store(store_path, read_only=True) as store:
        export_store(store, fmt="graphml", out=out)
        network = to_networkx(store)
    parsed = nx.read_graphml(out, force_multigraph=True)
    assert parsed.number_of_nodes() == network.number_of_nodes()
    assert parsed.number_of_edges() == network.number_of_edges()
    assert parsed.nodes[META.value]["label"] == NAME
    [edge] = [d for _, _, d in parsed.edges(data=True) if d["label"] == RELATION]
    assert SENTENCE in edge["evidence"]
    assert edge["kind"] == "asserted"
    assert isinstance(edge["confidence"], float)
    assert edge["weight"] == 1
    aliases = parsed.nodes[META.value]["aliases"]
    assert set(aliases.split("; ")) >= {"Meta Platforms"}
    for _, data in [*parsed.nodes(data=True), *((None, d) for _, _, d in parsed.edges(data=True))]:
        assert all(isinstance(v, str | int | float | bool) for v in data.values())


def test_export_graphml_replaces_characters_xml_cannot_hold(built_copy, tmp_path):
    path = built_copy / "store"
    rewrite(path, (LABEL, "Meta", "Meta\x0bform\x00feed"))
    out = tmp_path / "graph.graphml"
    with open_store(path, read_only=True) as store:
        export_store(store, fmt="graphml", out=out)
    assert nx.read_graphml(out).nodes[META.value]["label"] == "Meta\ufffdform\ufffdfeed"


def test_export_csv_nodes_and_edges(store_path, tmp_path):
    folder = tmp_path / "csv"
    with open_store(store_path, read_only=True) as store:
        written = export_store(store, fmt="csv", out=folder)
        network = to_networkx(store)
    assert written == [folder / "nodes.csv", folder / "edges.csv"]
    with (folder / "nodes.csv").open(encoding="utf-8", newline="") as handle:
        nodes = {row["id"]: row for row in csv.DictReader(handle)}
    with (folder / "edges.csv").open(encoding="utf-8", newline="") as handle:
        edges = list(csv.DictReader(handle))
    assert len(nodes) == network.number_of_nodes()
    assert len(edges) == network.number_of_edges()
    assert nodes[META.value]["label"] == NAME
    [edge] = [e for e in edges if e["label"] == RELATION]
    assert (edge["source"], edge["target"]) == (META.value, entity_iri("Microsoft"))
    assert SENTENCE in edge["evidence"]


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("ttl", "export.ttl"),
        ("nt", "graph.nt"),
        ("trig", "graph.trig"),
        ("nquads", "graph.nq"),
        ("jsonld", "graph.jsonld"),
        ("graphml", "graph.graphml"),
        ("csv", "csv/nodes.csv"),
    ],
)
def test_export_cli_writes_beside_the_store(built_copy, fmt, name):
    result = CliRunner().invoke(
        app, ["export", "--store", str(built_copy / "store"), "--format", fmt]
    )
    assert result.exit_code == 0, result.output
    assert (built_copy / name).is_file()
    assert result.output.startswith("wrote ")


def test_export_cli_out_and_unknown_format(built_copy, tmp_path):
    store = str(built_copy / "store")
    runner = CliRunner()
    out = tmp_path / "x.nt"
    result = runner.invoke(app, ["export", "--store", store, "--format", "nt", "--out", str(out)])
    assert result.exit_code == 0
    assert rdflib.Graph().parse(out, format="nt")
    result = runner.invoke(app, ["export", "--store", store, "--format", "gexf"])
    assert result.exit_code == 2


@pytest.mark.parametrize("fmt", ["ttl", "nt"])
def test_export_dump_is_the_same_file_whatever_the_threads(built_copy, tmp_path, fmt):
    store = ox.Store()  # the example's graphs, copied under five document names
    with open_store(built_copy / "store", read_only=True) as built:
        for quad in built:
            if isinstance(quad.graph_name, ox.DefaultGraph):
                store.add(quad)
                continue
            for copy in range(5):
                graph = ox.NamedNode(f"{quad.graph_name.value}-{copy}")
                store.add(ox.Quad(quad.subject, quad.predicate, quad.object, graph))
    dumped = {}
    folder = tmp_path / "dumps"
    folder.mkdir()
    for threads in (1, 3):
        path = folder / f"{threads}.{fmt}"
        dump_graphs(store, path, fmt=fmt, prefixes={"kg": str(KG)}, threads=threads)
        dumped[threads] = path.read_bytes()
    assert dumped[1] == dumped[3]
    assert fmt == "nt" or b"@prefix kg:" in dumped[1]
    assert sorted(folder.iterdir()) == [folder / f"1.{fmt}", folder / f"3.{fmt}"]  # no leftovers
