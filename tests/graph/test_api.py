"""The Python API (issue 15): `import graph` and `import extract` give a notebook its few calls,
imported on first use."""

from __future__ import annotations

import subprocess
import sys

import pytest
import rdflib

import extract
import graph
from graph.errors import StoreError
from graph.query.presets import UnknownEntity
from tests.conftest import EXAMPLE, ROOT

TEXTS = {
    "deal": "Acme acquired Globex. Jane Smith leads Acme.",
    "other": "Initech partners with Hooli.",
}


@pytest.fixture(scope="module")
def kg(nlp):
    return graph.from_texts(TEXTS, nlp=nlp)


def test_api_import_is_fast_and_lazy():
    code = (
        "import sys, graph, extract; "
        "print(sorted(m for m in ('spacy', 'pyoxigraph', 'rdflib', 'networkx', 'pandas') "
        "if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip() == "[]"
    assert {"build_graph", "from_texts", "open_graph", "KnowledgeGraph"} <= set(dir(graph))
    with pytest.raises(AttributeError):
        graph.nothing_here  # noqa: B018


def test_api_from_texts_rows_frame_network(kg):
    assert kg.rows("SELECT ?who WHERE { ?who rel:acquire ent:globex }") == [{"who": "ent:acme"}]
    frame = kg.frame(preset="entities")
    assert {"Acme", "Globex", "Jane Smith", "Initech", "Hooli"} <= set(frame["label"])
    labels = dict(kg.network().nodes(data="label"))
    assert labels["https://kg.example.org/entity/hooli"] == "Hooli"
    documents = kg.rows("SELECT ?path WHERE { ?d kg:path ?path } ORDER BY ?path")
    assert documents == [{"path": "deal"}, {"path": "other"}]


def test_api_presets_and_their_errors(kg):
    [row] = kg.rows(preset="path", arguments=["jane smith", "Globex"])
    assert row["path"] == "Jane Smith -[leads]-> Acme -[acquires]-> Globex"
    with pytest.raises(UnknownEntity, match="did you mean Acme"):
        kg.rows(preset="neighbors", arguments=["Acne"])


def test_api_show_inline_titled_after_the_documents(kg):
    cell = kg._repr_html_()
    assert cell.startswith("<iframe srcdoc=") and "2 documents: deal, other" in cell


def test_api_export_one_graph_per_document(kg, tmp_path):
    [written] = kg.export(tmp_path / "graph.trig")
    dataset = rdflib.Dataset().parse(written, format="trig")
    named = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert {
        "https://kg.example.org/document/deal",
        "https://kg.example.org/document/other",
    } <= named
    assert kg.export(tmp_path / "csv") == [
        tmp_path / "csv" / "nodes.csv",
        tmp_path / "csv" / "edges.csv",
    ]


def test_api_build_graph_in_memory_leaves_no_folder(tmp_path, monkeypatch, nlp):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(TEXTS["deal"])
    (tmp_path / "docs" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    monkeypatch.chdir(tmp_path)
    kg = graph.build_graph(["docs"], nlp=nlp)
    assert kg.rows(preset="neighbors", arguments=["Acme"])
    assert [path for path, _ in kg.skipped] == ["docs/photo.png"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]


def test_api_build_graph_to_a_folder_and_open_it(tmp_path, nlp):
    kg = graph.build_graph([EXAMPLE], out=tmp_path / "out", nlp=nlp)
    assert kg.report.parsed and (tmp_path / "out" / "graph.html").is_file()
    kg.close()
    with graph.open_graph(tmp_path / "out") as opened:
        assert {"label": "Meta"} in opened.rows(
            "SELECT ?label WHERE { ent:meta rdfs:label ?label }"
        )
    with graph.open_graph(tmp_path / "out" / "store") as opened:
        assert opened.rows("ASK { ent:meta ?p ?o }") == [{"boolean": True}]
    with pytest.raises(StoreError, match="no kg store in"):
        graph.open_graph(tmp_path)


def test_api_extract_read_triples(nlp):
    [triple] = extract.read_triples("Initech partners with Hooli.", nlp=nlp)
    assert (triple.subject.name, triple.relation, triple.object.name) == (
        "Initech", "partners with", "Hooli",
    )  # fmt: skip
    assert triple.evidence.sentence == "Initech partners with Hooli."
    assert isinstance(extract.Document(id="x", text="y"), extract.Document)
