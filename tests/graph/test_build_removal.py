"""A rebuild removes what came from files that no longer exist (issue 15), from the store, the
Turtle and the page; --keep-missing keeps it."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDFS

from extract.documents import missing_documents
from tests.graph.test_cli import run_kg

KEPT = "Acme acquired Globex. Jane Smith leads Acme."
GONE = "Initech partners with Hooli. Peter Gibbons leads Initech."


def labels(store) -> set[str]:
    query = "SELECT ?l WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
    return {row["l"].value for row in ox.Store.read_only(str(store)).query(query)}


def statements(store) -> int:
    statement = "<https://kg.example.org/vocab#Statement>"
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s a {statement} }} }}"
    return int(next(iter(ox.Store.read_only(str(store)).query(query)))["n"].value)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "kept.txt").write_text(KEPT)
    (tmp_path / "docs" / "gone.txt").write_text(GONE)
    return tmp_path


def test_build_removal_deleted_file_leaves_the_graph(capsys, monkeypatch, folder):
    code, out, err = run_kg(capsys, monkeypatch, "build", "docs", "--out", "out", "--quiet")
    assert code == 0, err
    assert {"Initech", "Acme"} <= labels(folder / "out" / "store")
    before = statements(folder / "out" / "store")
    (folder / "docs" / "gone.txt").unlink()
    code, out, err = run_kg(capsys, monkeypatch, "build", "docs", "--out", "out", "--quiet")
    assert code == 0, err
    assert "(0 read, 1 unchanged, 1 removed)" in out
    found = labels(folder / "out" / "store")
    assert "Acme" in found and not {"Initech", "Hooli", "Peter Gibbons"} & found
    assert 0 < statements(folder / "out" / "store") < before
    turtle = Graph().parse(folder / "out" / "graph.ttl", format="turtle")
    assert (None, RDFS.label, Literal("Acme")) in turtle
    assert (None, RDFS.label, Literal("Initech")) not in turtle
    page = (folder / "out" / "graph.html").read_text(encoding="utf-8")
    assert "Acme" in page and "Initech" not in page and "gone.txt" not in page


def test_build_removal_keep_missing(capsys, monkeypatch, folder):
    run_kg(capsys, monkeypatch, "build", "docs", "--out", "out", "--quiet")
    (folder / "docs" / "gone.txt").unlink()
    code, out, err = run_kg(
        capsys, monkeypatch, "build", "docs", "--out", "out", "--quiet", "--keep-missing"
    )
    assert code == 0, err
    assert "removed" not in out
    assert {"Initech", "Acme"} <= labels(folder / "out" / "store")


def test_build_removal_only_below_the_folders_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "here.txt").write_text("x")
    stored = ["docs/here.txt", "docs/gone.txt", "docsmore/gone.txt", "elsewhere/gone.txt"]
    found = [tmp_path / "docs" / "here.txt"]
    assert missing_documents(stored, ["docs"], found) == ["docs/gone.txt"]
    assert missing_documents(stored, ["docs/here.txt"], found) == []
