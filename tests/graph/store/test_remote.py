"""kg build --store URL: the graph loaded into a real Oxigraph server, with the same idempotence."""

from __future__ import annotations

import socket
import subprocess
import time
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from graph.build import build
from graph.errors import StoreError
from graph.query.engines import engine_binary, free_port
from graph.store.remote import RemoteStore
from graph.store.store import open_store
from tests.conftest import EXAMPLE

TEXT = "Meta partners with Microsoft on the launch. Qualcomm works with Meta on the project."
CHANGED = "Meta partners with Nvidia on the launch. Qualcomm works with Meta on the project."


@pytest.fixture
def server(tmp_path):
    """A read-write Oxigraph server of its own on a free loopback port; its base URL."""
    port = free_port()
    location = str(tmp_path / "remote-store")
    process = subprocess.Popen(
        [engine_binary(), "serve", "--location", location, "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("the Oxigraph server did not start")
            time.sleep(0.02)
    yield f"http://127.0.0.1:{port}/"
    process.terminate()
    process.wait(10)


def remote_quads(url: str) -> list[ox.Quad]:
    return list(RemoteStore(url))


def graphs(quads: list[ox.Quad]) -> dict[str, rdflib.Graph]:
    """Quads as one rdflib graph per graph name ('' for the default graph)."""
    triples: dict[str, list[ox.Triple]] = defaultdict(list)
    for quad in quads:
        name = "" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        triples[name].append(quad.triple)
    return {
        name: rdflib.Graph().parse(
            data=ox.serialize(group, format=ox.RdfFormat.N_TRIPLES), format="nt"
        )
        for name, group in triples.items()
    }


def assert_same(actual: list[ox.Quad], expected: list[ox.Quad]) -> None:
    mine, theirs = graphs(actual), graphs(expected)
    assert sorted(mine) == sorted(theirs)
    for name in mine:
        if not isomorphic(mine[name], theirs[name]):
            _, only_actual, only_expected = graph_diff(
                to_isomorphic(mine[name]), to_isomorphic(theirs[name])
            )
            pytest.fail(
                f"graph <{name}> differs:\nonly here:\n{only_actual.serialize(format='nt')}"
                f"\nonly expected:\n{only_expected.serialize(format='nt')}"
            )


def test_remote_build_twice_is_the_same_graph(server, tmp_path, nlp):
    first = build([EXAMPLE], out=tmp_path / "out", nlp=nlp, remote=server)
    after_first = remote_quads(server)
    second = build([EXAMPLE], out=tmp_path / "out", nlp=nlp, remote=server)
    assert len(first.parsed) == 1
    assert (second.parsed, second.unchanged) == ([], first.parsed)
    assert (second.entities, second.relations) == (first.entities, first.relations)
    assert_same(remote_quads(server), after_first)


def test_remote_build_equals_the_embedded_one(server, tmp_path, nlp, example_build):
    build([EXAMPLE], out=tmp_path / "out", nlp=nlp, remote=server)
    with open_store(example_build / "store", read_only=True) as store:
        embedded = list(store)
    assert_same(remote_quads(server), embedded)
    assert (tmp_path / "out" / "graph.ttl").exists()
    assert not (tmp_path / "out" / "store").exists()


def test_remote_rebuild_replaces_a_changed_document(server, tmp_path, nlp):
    document = tmp_path / "docs" / "news.txt"
    document.parent.mkdir()
    document.write_text(TEXT, encoding="utf-8")
    build([document], out=tmp_path / "out", nlp=nlp, remote=server)
    document.write_text(CHANGED, encoding="utf-8")
    report = build([document], out=tmp_path / "out", nlp=nlp, remote=server)
    assert (len(report.parsed), report.unchanged) == (1, [])
    # What an embedded store built from the changed text alone holds, and nothing else.
    build([document], out=tmp_path / "fresh", nlp=nlp)
    with open_store(tmp_path / "fresh" / "store", read_only=True) as store:
        fresh = list(store)
    assert_same(remote_quads(server), fresh)
    ask = "ASK { <https://kg.example.org/entity/meta> ?p <https://kg.example.org/entity/%s> }"
    assert not bool(RemoteStore(server).query(ask % "microsoft"))
    assert bool(RemoteStore(server).query(ask % "nvidia"))


@pytest.mark.parametrize(
    "text",
    ['say "hi" <b> & \\ back', "two\nlines\r\tand tab", "nul \x00 bell \x07 \u2028 😀", "ünïcödé"],
)
def test_remote_literals_survive_the_round_trip(server, text):
    store = RemoteStore(server)
    quad = ox.Quad(
        ox.NamedNode("https://kg.example.org/entity/x"),
        ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
        ox.Literal(text),
        ox.NamedNode("https://kg.example.org/document/a%20b.txt"),
    )
    store.extend([quad, ox.Quad(quad.subject, quad.predicate, ox.Literal(text, language="en"))])
    assert {q.object for q in store} == {ox.Literal(text), ox.Literal(text, language="en")}
    store.remove_graph(quad.graph_name)
    assert [q.graph_name for q in store] == [ox.DefaultGraph()]


def test_remote_unreachable_store_is_one_clear_error(tmp_path):
    url = f"http://127.0.0.1:{free_port()}/"
    with pytest.raises(StoreError, match=r"cannot reach the store .*is it running\?"):
        build([EXAMPLE], out=tmp_path / "out", remote=url)


def test_remote_cli_refuses_a_folder_as_store(tmp_path):
    from typer.testing import CliRunner

    from graph.cli import app

    result = CliRunner().invoke(app, ["build", str(EXAMPLE), "--store", str(Path(tmp_path))])
    assert result.exit_code == 1
    assert "give the URL of a SPARQL store" in str(result.exception)
