"""kg serve: the real server on a free loopback port, queried with SPARQLWrapper and plain HTTP."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import rdflib
from SPARQLWrapper import JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from graph.rdf.vocab import entity_iri, relation_iri

# The server's time limit in these tests: long enough for every ordinary query on a slow machine.
TIME_LIMIT = 3
PARTNER = "SELECT ?o WHERE { ent:meta rel:partner_with ?o }"
MICROSOFT = entity_iri("Microsoft")
# 896 quads to the 4th power: never finishes, and streams rows all the while.
ENDLESS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
# The same product counted: computes without sending anything until the end.
ENDLESS_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def start_server(store: Path, *, timeout: float = TIME_LIMIT) -> tuple[subprocess.Popen, str]:
    """`kg serve` on a free port; returns the process and the query URL of its startup line."""
    command = [sys.executable, "-m", "graph.cli", "serve", "--store", str(store)]
    process = subprocess.Popen(
        [*command, "--port", "0", "--timeout", str(timeout)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    line = process.stdout.readline()
    found = re.search(r"at (http://127\.0\.0\.1:\d+/query) ", line)
    if not found:
        stop_server(process)
        pytest.fail(f"no startup line with the URL: {line!r}")
    return process, found.group(1)


def stop_server(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def store(example_build, tmp_path_factory) -> Path:
    """A copy of the example store: the server must not touch the shared one."""
    target = tmp_path_factory.mktemp("serve") / "store"
    shutil.copytree(example_build / "store", target)
    return target


@pytest.fixture(scope="module")
def url(store):
    process, query_url = start_server(store)
    yield query_url
    stop_server(process)
    assert process.returncode == 0


def get(url: str, query: str, *, accept: str | None = None):
    request = urllib.request.Request(
        url + "?" + urllib.parse.urlencode({"query": query}),
        headers={"Accept": accept} if accept else {},
    )
    return urllib.request.urlopen(request, timeout=30)


def post(url: str, body: bytes, content_type: str, *, accept: str | None = None):
    headers = {"Content-Type": content_type} | ({"Accept": accept} if accept else {})
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    return urllib.request.urlopen(request, timeout=30)


def refusal(call) -> tuple[int, str]:
    """The status and message of an HTTP error the call must raise."""
    with pytest.raises(urllib.error.HTTPError) as caught:
        call()
    return caught.value.code, caught.value.read().decode("utf-8")


def test_serve_startup_line_names_the_url(store):
    process, query_url = start_server(store)
    try:
        assert query_url.startswith("http://127.0.0.1:")
        with get(query_url, "ASK { ?s ?p ?o }", accept="application/sparql-results+json") as r:
            assert json.load(r)["boolean"] is True
    finally:
        stop_server(process)


def test_serve_select_with_sparqlwrapper(url):
    client = SPARQLWrapper(url)
    client.setQuery(PARTNER)
    client.setReturnFormat(JSON)
    bindings = client.queryAndConvert()["results"]["bindings"]
    assert [b["o"]["value"] for b in bindings] == [MICROSOFT]


def test_serve_ask_with_sparqlwrapper_get_and_post(url):
    for method in ("GET", POST):
        client = SPARQLWrapper(url)
        client.setMethod(method)
        client.setQuery("ASK { ent:openai rel:release ent:gpt4 }")  # negated: not a fact
        client.setReturnFormat(JSON)
        assert client.queryAndConvert()["boolean"] is False
        client.setQuery("ASK { ent:meta rel:release ent:llama2 }")
        client.setReturnFormat(XML)
        assert client.queryAndConvert().getElementsByTagName("boolean")[0].firstChild.data == "true"


def test_serve_from_and_dataset_parameters_name_the_graphs_read(url):
    def count(pattern: str, dataset: str = "", **params: str) -> int:
        query = f"SELECT (COUNT(*) AS ?n) {dataset} WHERE {{ {pattern} }}"
        address = url + "?" + urllib.parse.urlencode({"query": query, **params})
        request = urllib.request.Request(address, headers={"Accept": "text/csv"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            return int(next(csv.DictReader(io.TextIOWrapper(answer)))["n"])

    sentences, labels = "?s a kg:Sentence", "?e rdfs:label ?label"  # documents' and facts'
    with get(url, "SELECT ?g WHERE { GRAPH ?g { ?g a kg:Document } }", accept="text/csv") as r:
        [document] = [row["g"] for row in csv.DictReader(io.TextIOWrapper(r))]
    assert count(sentences) > 0 and count(labels) > 0  # the union of all graphs
    assert count(sentences, f"FROM <{document}>") == count(sentences)
    assert count(labels, f"FROM <{document}>") == 0
    assert count(labels, **{"default-graph-uri": document}) == 0
    assert count(sentences, **{"default-graph-uri": document}) == count(sentences)


def test_serve_construct_with_sparqlwrapper(url):
    client = SPARQLWrapper(url)
    client.setQuery("CONSTRUCT WHERE { ent:meta ?p ?o }")
    client.setReturnFormat(TURTLE)
    graph = rdflib.Graph().parse(data=client.queryAndConvert(), format="turtle")
    meta = rdflib.URIRef(entity_iri("Meta"))
    assert (meta, rdflib.URIRef(relation_iri("partner with")), rdflib.URIRef(MICROSOFT)) in graph
    assert (meta, rdflib.RDFS.label, rdflib.Literal("Meta")) in graph


def parse_select(content_type: str, body: str) -> list[str]:
    """The values of ?o in a SELECT answer of each format."""
    if "json" in content_type:
        return [b["o"]["value"] for b in json.loads(body)["results"]["bindings"]]
    if "xml" in content_type:
        ns = {"r": "http://www.w3.org/2005/sparql-results#"}
        return [e.text for e in ET.fromstring(body).iterfind(".//r:binding/r:uri", ns)]
    if "csv" in content_type:
        return [row["o"] for row in csv.DictReader(io.StringIO(body))]
    rows = list(csv.reader(io.StringIO(body), delimiter="\t"))
    assert rows[0] == ["?o"]
    return [cell.strip("<>") for [cell] in rows[1:]]


@pytest.mark.parametrize(
    "accept",
    [
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    ],
)
def test_serve_select_content_types(url, accept):
    with get(url, PARTNER, accept=accept) as response:
        assert response.headers.get_content_type() == accept
        assert parse_select(accept, response.read().decode("utf-8")) == [MICROSOFT]


@pytest.mark.parametrize(
    ("accept", "rdflib_format"), [("text/turtle", "turtle"), ("application/n-triples", "nt")]
)
def test_serve_construct_content_types(url, accept, rdflib_format):
    query = "CONSTRUCT WHERE { ent:meta rel:partner_with ?o }"
    with get(url, query, accept=accept) as response:
        assert response.headers.get_content_type() == accept
        graph = rdflib.Graph().parse(data=response.read().decode("utf-8"), format=rdflib_format)
    assert set(graph.objects()) == {rdflib.URIRef(MICROSOFT)}


def test_serve_ask_content_types(url):
    query = "ASK { ent:meta rel:partner_with ent:microsoft }"
    with get(url, query, accept="text/csv") as response:
        assert response.read().decode().strip().lower() == "true"
    with get(url, query, accept="application/sparql-results+xml") as response:
        assert "<boolean>true</boolean>" in response.read().decode()


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (urllib.parse.urlencode({"query": PARTNER}).encode(), "application/x-www-form-urlencoded"),
        (PARTNER.encode(), "application/sparql-query"),
    ],
)
def test_serve_post_forms(url, body, content_type):
    accept = "application/sparql-results+json"
    with post(url, body, content_type, accept=accept) as response:
        assert parse_select(accept, response.read().decode()) == [MICROSOFT]


def test_serve_malformed_query_is_400_with_the_message(url):
    status, message = refusal(lambda: get(url, "SELECT ?s\nWHERE { ?s ?p }"))
    assert status == 400
    assert re.match(r"query: malformed SPARQL at line 2, column \d+", message)
    client = SPARQLWrapper(url)
    client.setQuery("SELECT ?s WHERE { ?s ?p }")
    with pytest.raises(QueryBadFormed, match="malformed SPARQL"):
        client.query()


def test_serve_updates_are_refused(url):
    update = "INSERT DATA { ent:meta rel:acquire ent:microsoft }"
    form = urllib.parse.urlencode({"update": update}).encode()
    endpoint = url.removesuffix("query") + "update"
    for call in (
        lambda: post(endpoint, form, "application/x-www-form-urlencoded"),
        lambda: post(url, update.encode(), "application/sparql-update"),
        lambda: post(url, form, "application/x-www-form-urlencoded"),
        lambda: get(url, "DELETE WHERE { ?s ?p ?o }"),
    ):
        status, message = refusal(call)
        assert status == 403
        assert "not allowed" in message
    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)
    client.setQuery(update)
    # SPARQLWrapper has exceptions of its own for 400, 401, 404 and 500 only.
    with pytest.raises(urllib.error.HTTPError, match="403"):
        client.query()
    with get(url, "ASK { ent:meta rel:acquire ?x }", accept="text/csv") as response:
        assert response.read().decode().strip().lower() == "false"


def test_serve_service_is_refused_and_never_sent(url):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(2)
    port = listener.getsockname()[1]
    reached = []
    thread = threading.Thread(target=lambda: reached.append(accept_one(listener)))
    thread.start()
    try:
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        status, message = refusal(lambda: get(url, query))
    finally:
        thread.join()
        listener.close()
    assert status == 403
    assert "SERVICE is not allowed" in message
    assert reached == [False]


def accept_one(listener: socket.socket) -> bool:
    try:
        listener.accept()[0].close()
    except TimeoutError:
        return False
    return True


@pytest.mark.parametrize("query", [ENDLESS, ENDLESS_COUNT], ids=["streaming", "computing"])
def test_serve_long_query_is_stopped(url, query):
    started = time.monotonic()
    status, message = refusal(lambda: get(url, query))
    elapsed = time.monotonic() - started
    assert status == 503
    assert f"stopped after {TIME_LIMIT} s" in message
    assert elapsed < TIME_LIMIT + 5
    # The engine that ran it was replaced: the endpoint answers at once.
    with get(url, "ASK { ?s ?p ?o }", accept="text/csv") as response:
        assert response.read().decode().strip().lower() == "true"


def test_serve_stops_with_its_engines(store):
    process, query_url = start_server(store)
    with get(query_url, PARTNER) as response:
        response.read()
    engines = child_pids(process.pid)
    assert engines, "no Oxigraph engine found"
    stop_server(process)
    assert process.returncode == 0
    time.sleep(0.2)
    assert [pid for pid in engines if Path(f"/proc/{pid}").exists()] == []


def child_pids(parent: int) -> list[int]:
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == parent:
            children.append(int(stat.parent.name))
    return children


def test_serve_missing_store_is_one_line_error(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "graph.cli", "serve", "--store", str(tmp_path / "nothing")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "no kg store in" in result.stderr
