"""Hostile queries (issue 7): SPARQL pasted from the web is checked before it runs. Malformed
text is a one-line error with its position; SERVICE, LOAD and any other way out to the network
are refused; updates are refused unless `kg query --allow-update`; a runaway query is stopped.

A local HTTP server (127.0.0.1, a free port) counts requests: none may reach it.
"""

from __future__ import annotations

import http.server
import re
import shutil
import threading
import time
from typing import ClassVar

import pyoxigraph as ox
import pytest

from graph.errors import QueryError, QueryRefused
from graph.query.sparql import check_query, query_store, run_query
from graph.store.store import open_store
from tests.graph.test_hostile_inputs import kg

ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
MALFORMED = [
    "SELECT ?s WHERE { ?s ?p }",
    "SELECT * WHERE { ?s ?p ?o ",
    "SELEC * WHERE { ?s ?p ?o }",
    "SELECT * WHERE { ?s ?p 'unterminated }",
    "SELECT * WHERE { ?s <http://a b> ?o }",
    "SELECT * WHERE { ?s ?p ?o } LIMIT -1",
    "SELECT * WHERE { ?s ?p ?o } ; DROP ALL",
    "SELECT * WHERE { ?s nope:p ?o }",
    "SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(\n}",
    "SELECT * WHERE { ?s ?p ?o }\x00",
    "",
    "   \n\t",
    "<script>alert(1)</script>",
    "SELECT * WHERE " + "{" * 3000 + "}" * 3000,
    "SELECT * WHERE { FILTER(" + "(" * 3000 + "1" + ")" * 3000 + ") }",
]
SERVICES = [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { BIND(<http://127.0.0.1:{port}/sparql> AS ?u) SERVICE ?u { ?s ?p ?o } }",
    "SELECT * WHERE { ?a ?b ?c OPTIONAL { SERVICE <http://127.0.0.1:{port}/> { ?s ?p ?o } } }",
    "SELECT * WHERE { { ?a ?b ?c } UNION { SERVICE <http://127.0.0.1:{port}/> { ?s ?p ?o } } }",
    "SELECT * WHERE { { SELECT * WHERE { SERVICE <http://127.0.0.1:{port}/> { ?s ?p ?o } } } }",
    "ASK { FILTER EXISTS { SERVICE <http://127.0.0.1:{port}/> { ?s ?p ?o } } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:{port}/> { ?s ?p ?o } }",
]
UPDATES = [
    "INSERT DATA { <http://a/s> <http://a/p> 'o' }",
    "DELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
    "CLEAR DEFAULT",
    "CREATE GRAPH <http://a/g>",
    "COPY DEFAULT TO <http://a/g>",
    "DELETE { ?s ?p ?o } INSERT { ?s ?p 'x' } WHERE { ?s ?p ?o }",
    "INSERT DATA { <http://a/s> <http://a/p> 'o' } ; DROP ALL",
    "WITH <http://a/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
]
NETWORK_UPDATES = [
    "LOAD <http://127.0.0.1:{port}/data.ttl>",
    "LOAD SILENT <http://127.0.0.1:{port}/data.ttl> INTO GRAPH <http://a/g>",
    "INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:{port}/> { ?s ?p ?o } }",
]


class Counting(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self):
        Counting.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/turtle")
        self.end_headers()
        self.wfile.write(b"<http://a/x> <http://a/y> <http://a/z> .\n")

    do_POST = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def port():
    """A server that would answer anything; the tests check that it never hears from kg."""
    server = http.server.HTTPServer(("127.0.0.1", 0), Counting)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()
    assert Counting.hits == []


@pytest.fixture(scope="module")
def store(example_build):
    with open_store(example_build / "store", read_only=True) as opened:
        yield opened


def one_line(error: Exception, name: str = "query") -> str:
    message = str(error)
    assert message.startswith(f"{name}: ") and "\n" not in message, message
    return message


@pytest.mark.parametrize("text", MALFORMED)
def test_hostile_queries_malformed_is_one_line_with_position(store, text):
    with pytest.raises(QueryError) as error:
        run_query(store, text)
    message = one_line(error.value)
    assert re.search(r"at line \d+, column \d+: |error at \d+:\d+: |nested too deeply", message)


def test_hostile_queries_position_is_in_the_users_text():
    with pytest.raises(QueryError, match=r"at line 3, column 3"):
        check_query("SELECT *\nWHERE {\n  ?s ?p\n}")


@pytest.mark.parametrize("text", SERVICES)
def test_hostile_queries_service_is_refused(store, port, text):
    with pytest.raises(QueryRefused, match="SERVICE is not allowed") as error:
        run_query(store, text.replace("{port}", str(port)))
    one_line(error.value)


@pytest.mark.parametrize("text", UPDATES)
def test_hostile_queries_updates_are_refused(store, text):
    with pytest.raises(QueryRefused, match="updates are not allowed") as error:
        run_query(store, text)
    assert "--allow-update" in one_line(error.value)


@pytest.mark.parametrize("text", NETWORK_UPDATES)
def test_hostile_queries_network_updates_are_refused_even_when_allowed(port, text):
    with pytest.raises(QueryRefused, match=r"(LOAD|SERVICE) is not allowed"):
        check_query(text.replace("{port}", str(port)), allow_update=True)


def test_hostile_queries_from_fetches_nothing(example_build, port):
    """FROM names a graph of the store; Oxigraph never loads it from the network (the server
    fixture fails the module if it was asked for anything)."""
    text = f"SELECT * FROM <http://127.0.0.1:{port}/data.ttl> WHERE {{ ?s ?p ?o }} LIMIT 1"
    query_store(example_build / "store", text)
    named = f"SELECT * FROM NAMED <http://127.0.0.1:{port}/g> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert query_store(example_build / "store", named).rows == []
    assert Counting.hits == []


def test_hostile_queries_cli_refusals_are_one_line_and_leave_the_store(example_build, port):
    store = example_build / "store"
    before = set(ox.Store.read_only(str(store)))
    for text in [
        SERVICES[0].replace("{port}", str(port)),
        "DROP ALL",
        NETWORK_UPDATES[0].replace("{port}", str(port)),
        MALFORMED[0],
        MALFORMED[-2],
    ]:
        run = kg("query", text, "--store", store, cwd=example_build)
        assert run.code == 1 and run.out == ""
        assert run.err.startswith("kg: error: query: ") and run.err.count("\n") == 1, run.err
    assert set(ox.Store.read_only(str(store))) == before


def test_hostile_queries_runaway_query_is_stopped(example_build):
    started = time.monotonic()
    run = kg("query", ENDLESS, "--store", example_build / "store", "--timeout", "1", cwd="/")
    assert run.code == 1
    assert run.err.startswith("kg: error: query: stopped after 1 s, the time limit")
    assert time.monotonic() - started < 15


def test_hostile_queries_preset_arguments_are_values_not_code(example_build):
    store = example_build / "store"
    before = set(ox.Store.read_only(str(store)))
    for argument in ['"} } ; DROP ALL ; #', "Meta' } SERVICE <http://h/> { ?s ?p ?o } #", "\x1b["]:
        run = kg("query", "--preset", "neighbors", argument, "--store", store, cwd="/")
        # A name of no entity: one error line, the name shown (escaped), nothing run.
        assert run.code == 1 and not run.out, run.err
        assert run.err.startswith("kg: error: no entity named ") and run.err.count("\n") == 1
    assert set(ox.Store.read_only(str(store))) == before


def test_hostile_queries_query_files_that_cannot_be_read(tmp_path, example_build):
    (tmp_path / "latin.rq").write_bytes(b"SELECT * WHERE { ?s ?p '\xe9' }")
    (tmp_path / "folder.rq").mkdir()
    for name in ("latin.rq", "folder.rq", "missing.rq"):
        run = kg("query", name, "--store", example_build / "store", cwd=tmp_path)
        assert run.code == 1 and run.err.startswith(f"kg: error: {name}: cannot read query file")


def test_hostile_queries_allow_update_changes_the_store(built_copy):
    store = built_copy / "store"
    insert = "INSERT DATA { ent:acme rdfs:label 'Acme <&> \"Co\"' }"
    run = kg("query", "--allow-update", insert, "--store", store, cwd="/")
    assert (run.code, run.out) == (0, "store updated\n"), run.err
    ask = "ASK { ent:acme rdfs:label 'Acme <&> \"Co\"' }"
    assert kg("query", ask, "--store", store, cwd="/").out == "true\n"
    # Updates still are not queries: without the option, refused.
    assert kg("query", "DROP ALL", "--store", store, cwd="/").code == 1
    assert kg("query", ask, "--store", store, cwd="/").out == "true\n"


def test_hostile_queries_update_on_a_busy_or_missing_store(built_copy, tmp_path):
    store = built_copy / "store"
    insert = "INSERT DATA { ent:a rdfs:label 'a' }"
    with open_store(store):  # another kg command writing
        run = kg("query", "--allow-update", insert, "--store", store, cwd="/")
    assert run.code == 1 and "another kg command is writing it" in run.err
    run = kg("query", "--allow-update", insert, "--store", tmp_path / "none", cwd="/")
    assert run.code == 1 and "no kg store in" in run.err
    assert not (tmp_path / "none").exists()


def test_hostile_queries_copy_of_a_store_is_not_needed_to_read(example_build, tmp_path):
    """Reading while a build writes: a read-only open sees the store as it was."""
    store = tmp_path / "store"
    shutil.copytree(example_build / "store", store)
    with open_store(store) as writing:
        writing.update("INSERT DATA { <http://a/s> <http://a/p> 'o' }")
        run = kg("query", "ASK { ?s ?p ?o }", "--store", store, cwd="/")
    assert (run.code, run.out) == (0, "true\n"), run.err
