"""kg export (issue 15): TriG and N-Quads with a named graph per document, compact JSON-LD,
standard output, and a build's own outputs left alone unless --force."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from graph.build import build
from graph.rdf.vocab import PREFIXES
from tests.graph.test_cli import run_kg
from tests.graph.view.test_export import rdflib_term


@pytest.fixture(scope="module")
def two_documents(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("two")
    (folder / "docs").mkdir()
    (folder / "docs" / "a.txt").write_text("Acme acquired Globex. Jane Smith leads Acme.")
    (folder / "docs" / "b.txt").write_text("Initech partners with Hooli.")
    build([folder / "docs"], out=folder / "out", nlp=nlp)
    return folder / "out"


def store_graphs(store_path) -> dict[str, rdflib.Graph]:
    """Each graph of the store (the default graph as '') as an rdflib graph."""
    graphs: dict[str, rdflib.Graph] = {}
    for quad in ox.Store.read_only(str(store_path)):
        name = "" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        graphs.setdefault(name, rdflib.Graph()).add(tuple(map(rdflib_term, quad.triple)))
    return graphs


def assert_same(parsed: rdflib.Graph, expected: rdflib.Graph) -> None:
    if not isomorphic(parsed, expected):
        _, only_parsed, only_expected = graph_diff(to_isomorphic(parsed), to_isomorphic(expected))
        pytest.fail(
            f"only in the export:\n{only_parsed.serialize(format='nt')}\n"
            f"only in the store:\n{only_expected.serialize(format='nt')}"
        )


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("trig", "trig"), ("nquads", "nquads")])
def test_export_formats_one_graph_per_document(
    capsys, monkeypatch, two_documents, tmp_path, fmt, rdflib_format
):
    out = tmp_path / f"graph.{fmt}"
    code, _, err = run_kg(
        capsys, monkeypatch, "export", "--format", fmt, "--store", two_documents, "--out", out
    )
    assert code == 0, err
    dataset = rdflib.Dataset()
    dataset.parse(out, format=rdflib_format)
    expected = store_graphs(two_documents / "store")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    documents = {iri for iri in names if iri.endswith(("docs/a.txt", "docs/b.txt"))}
    assert len(documents) == 2
    assert names == {*documents, str(rdflib.graph.DATASET_DEFAULT_GRAPH_ID)}
    for iri in documents:
        assert_same(dataset.graph(rdflib.URIRef(iri)), expected[iri])
    assert_same(dataset.graph(rdflib.graph.DATASET_DEFAULT_GRAPH_ID), expected[""])


def test_export_formats_jsonld_is_compact_with_kg_prefixes(two_documents, tmp_path):
    out = tmp_path / "graph.jsonld"
    code, _, err = run_export(two_documents, "--format", "jsonld", "--out", out)
    assert code == 0, err
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["@context"] == PREFIXES
    text = out.read_text(encoding="utf-8")
    assert '"rdfs:label"' in text and '"ent:acme"' in text and '"kg:Statement"' in text
    assert "https://kg.example.org/vocab#" not in text.split('"@graph"')[1]
    union = rdflib.Graph()
    for graph in store_graphs(two_documents / "store").values():
        union += graph
    assert_same(rdflib.Graph().parse(out, format="json-ld"), union)


def run_export(store, *args) -> tuple[int, bytes, str]:
    """kg export in a process of its own: its standard output is bytes, as a pipe gets them."""
    done = subprocess.run(
        [sys.executable, "-m", "graph.cli", "export", "--store", str(store), *map(str, args)],
        capture_output=True,
        timeout=120,
    )
    return done.returncode, done.stdout, done.stderr.decode()


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("nt", "nt"), ("trig", "trig")])
def test_export_formats_to_standard_output(two_documents, fmt, rdflib_format):
    code, out, err = run_export(two_documents, "--format", fmt, "--out", "-")
    assert code == 0, err
    parsed = rdflib.Dataset().parse(data=out.decode("utf-8"), format=rdflib_format)
    assert len(parsed) or len(list(parsed.quads()))
    assert not (two_documents / f"graph.{fmt}").exists() and b"wrote" not in out


def test_export_formats_csv_to_standard_output_is_refused(two_documents):
    code, out, err = run_export(two_documents, "--format", "csv", "--out", "-")
    assert code == 1 and not out and "give a folder with --out" in err


def test_export_formats_build_outputs_need_force(capsys, monkeypatch, two_documents, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(two_documents, out)
    before = (out / "graph.ttl").read_bytes()
    for name in ("graph.ttl", "graph.html"):
        code, _, err = run_kg(
            capsys, monkeypatch, "export", "--store", out, "--format", "ttl", "--out", out / name
        )
        assert code == 1 and "written by kg build" in err and "--force" in err
    assert (out / "graph.ttl").read_bytes() == before
    code, _, err = run_kg(
        capsys, monkeypatch, "export", "--store", out, "--format", "ttl"
    )  # the default is not the build's file
    assert code == 0 and (out / "export.ttl").is_file(), err
    code, _, err = run_kg(
        capsys,
        monkeypatch,
        "export",
        "--store",
        out,
        "--format",
        "nt",
        "--out",
        out / "graph.ttl",
        "--force",
    )
    assert code == 0, err
    assert (out / "graph.ttl").read_bytes() != before
