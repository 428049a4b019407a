"""`kg build --top/--focus/--hops/--community`: graph.html draws part of the graph, the store and
Turtle stay whole, and a graph too large to draw well is cut to the most connected entities
with a one-line warning."""

from __future__ import annotations

import io
import json
import logging
import re
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from graph.cli import main
from graph.store.facts import to_networkx
from graph.store.store import open_store
from graph.view.analyze import communities, ranked
from tests.conftest import EXAMPLE


def run_kg(capsys, monkeypatch, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    with pytest.raises(SystemExit) as exit_info:
        main([*map(str, args)])
    captured = capsys.readouterr()
    return exit_info.value.code, captured.out, captured.err


def page_labels(out: Path) -> set[str]:
    """The names of the entities graph.html draws."""
    page = (out / "graph.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', page).group(1))
    return {node["label"] for node in data["nodes"]}


def whole_graph(out: Path) -> nx.MultiDiGraph:
    with open_store(out / "store", read_only=True) as store:
        return to_networkx(store)


def labels(graph: nx.MultiDiGraph, nodes) -> set[str]:
    return {graph.nodes[n]["label"] for n in nodes}


def test_build_focus_draws_the_neighbourhood(capsys, monkeypatch, built_copy):
    turtle = set(ox.parse(path=str(built_copy / "graph.ttl"), format=ox.RdfFormat.TURTLE))
    code, out, err = run_kg(
        capsys, monkeypatch, "build", EXAMPLE, "--out", built_copy, "--focus", "meta", "--hops", "1"
    )
    assert code == 0, err
    graph = whole_graph(built_copy)
    meta = next(n for n, d in graph.nodes(data=True) if d["label"] == "Meta")
    expected = labels(graph, {meta, *graph.successors(meta), *graph.predecessors(meta)})
    assert page_labels(built_copy) == expected
    assert f"({len(expected)} of {graph.number_of_nodes()} entities)" in out
    # Still whole (the document was not parsed again: its graph comes from the store now).
    assert set(ox.parse(path=str(built_copy / "graph.ttl"), format=ox.RdfFormat.TURTLE)) == turtle


def test_build_focus_by_alias_two_hops(capsys, monkeypatch, built_copy):
    code, _, err = run_kg(
        capsys,
        monkeypatch,
        "build",
        EXAMPLE,
        "--out",
        built_copy,
        "--focus",
        "Zuckerberg",
        "--hops",
        "2",
    )
    assert code == 0, err
    graph = whole_graph(built_copy)
    mark = next(n for n, d in graph.nodes(data=True) if "Zuckerberg" in d["aliases"])
    reach = nx.single_source_shortest_path_length(graph.to_undirected(), mark, cutoff=2)
    assert page_labels(built_copy) == labels(graph, reach)


def test_build_top_draws_the_most_connected(capsys, monkeypatch, built_copy):
    code, out, err = run_kg(
        capsys, monkeypatch, "build", EXAMPLE, "--out", built_copy, "--top", "5"
    )
    assert code == 0, err
    graph = whole_graph(built_copy)
    assert page_labels(built_copy) == labels(graph, ranked(graph)[:5])
    assert {"Meta", "Llama 2"} <= page_labels(built_copy)
    assert f"(5 of {graph.number_of_nodes()} entities)" in out


def test_build_community_draws_one_community(capsys, monkeypatch, built_copy):
    code, _, err = run_kg(
        capsys, monkeypatch, "build", EXAMPLE, "--out", built_copy, "--community", "1"
    )
    assert code == 0, err
    graph = whole_graph(built_copy)
    assert page_labels(built_copy) == labels(graph, communities(graph)[0])


def test_build_unknown_focus_is_a_one_line_error(capsys, monkeypatch, built_copy):
    page = (built_copy / "graph.html").read_text(encoding="utf-8")
    code, _, err = run_kg(
        capsys, monkeypatch, "build", EXAMPLE, "--out", built_copy, "--focus", "Nobody Inc"
    )
    assert code == 1
    assert err.count("\n") == 1 and '"Nobody Inc"' in err and err.startswith("kg: error:")
    assert (built_copy / "graph.html").read_text(encoding="utf-8") == page  # left as it was


@pytest.mark.parametrize(
    "args, message",
    [
        (["--hops", "2"], "--hops 2 needs --focus"),
        (["--community", "999"], "no community 999"),
        (["--top", "0"], "--top takes a number of entities (1 or more)"),
    ],
)
def test_build_focus_option_mistakes(capsys, monkeypatch, built_copy, args, message):
    code, _, err = run_kg(capsys, monkeypatch, "build", EXAMPLE, "--out", built_copy, *args)
    assert code == 1 and message in err and err.count("\n") == 1


def test_build_too_large_graph_is_cut_with_a_warning(monkeypatch, built_copy, caplog):
    """Above DRAW_LIMIT entities graph.html holds the most connected; --top draws any number."""
    from graph.build import build

    monkeypatch.setattr("graph.view.visualize.DRAW_LIMIT", 10)
    with caplog.at_level(logging.WARNING, logger="kg"):
        report = build([EXAMPLE], out=built_copy)
    [warning] = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warning.startswith(f"graph.html shows the 10 most connected of {report.entities}")
    assert "--top N" in warning and "--focus NAME" in warning
    assert report.drawn == len(page_labels(built_copy)) == 10
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="kg"):
        report = build([EXAMPLE], out=built_copy, top=12)
    assert report.drawn == 12 and not caplog.records
