"""Hostile names (issue 7): any string from a document (quotes, backslashes, <>, &, newlines,
tabs, control, zero-width and right-to-left characters, emoji) can name an entity or a relation,
and the store, every export format, the HTML page and the terminal keep it valid and literal.

Property tests (hypothesis) drive the library with arbitrary text; one real build through the
`kg` command checks the same on what spaCy makes of a document full of such names.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import subprocess
import sys
from contextlib import suppress
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Literal

from extract.extractor import extract_documents
from extract.triple import Document, Entity, Evidence, Extraction, Mention, Triple
from graph.query.results import QueryResult, format_result
from graph.rdf.quads import content_hash, document_graph
from graph.rdf.vocab import PREFIXES
from graph.store.dump import RDF_FORMATS, union_triples
from graph.store.facts import refresh_facts, to_networkx
from graph.store.store import replace_documents
from graph.terminal import json_text, visible
from graph.view.export import export_store
from graph.view.network_files import NOT_XML
from graph.view.visualize import render_html
from tests.graph.test_hostile_inputs import HIDDEN, ROOT, kg

# Names as a document could give them: every character but lone surrogates (which no decoded
# text holds), short, and not blank.
names = st.text(min_size=1, max_size=24).filter(str.strip)
sentences = st.text(max_size=60)
# Names with the characters that break formats most often, mixed with ordinary letters.
NASTY = list("\"'\\<>&;#%{}[]\n\t\r\x00\x07\x1b\x7f\x85\u200b\u200d\u202e\u2028\ufeff\U0001f680")
nasty = st.text(alphabet=st.sampled_from([*NASTY, *"aZ 9é"]), min_size=1, max_size=16).filter(
    str.strip
)
any_name = st.one_of(names, nasty)
PROPERTIES = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def extraction_of(subject: str, relation: str, obj: str, sentence: str, doc: str) -> Extraction:
    text = f"{sentence} {subject} {relation} {obj}."
    evidence = Evidence(
        document=doc,
        sentence=text,
        sentence_start=0,
        subject=(0, 1),
        relation=(1, 2),
        object=(2, 3),
    )
    people = (Entity(subject, "person"), Entity(obj, "organization"))
    triple = Triple(
        subject=people[0],
        relation=relation,
        predicate=relation,
        object=people[1],
        confidence=0.5,
        evidence=evidence,
        rule="svo",
    )
    mentions = tuple(Mention(e, e.name, 0, 1) for e in people)
    return Extraction(Document(doc, text), (triple,), mentions)


def stored(extraction: Extraction) -> ox.Store:
    store = ox.Store()
    replace_documents(
        store, [document_graph(extraction, content_hash=content_hash(extraction.document.text))]
    )
    refresh_facts(store)
    return store


@PROPERTIES
@given(subject=any_name, relation=any_name, obj=any_name, sentence=sentences, doc=any_name)
def test_hostile_names_rdf_exports_round_trip(tmp_path, subject, relation, obj, sentence, doc):
    store = stored(extraction_of(subject, relation, obj, sentence, doc))
    everything = set(union_triples(store))
    for fmt, rdf_format in RDF_FORMATS.items():
        path = tmp_path / f"graph.{fmt}"
        export_store(store, fmt=fmt, out=path)
        assert triples_in(path, rdf_format) == everything, fmt
    # An independent parser reads the Turtle the same.
    dataset = Dataset().parse(tmp_path / "graph.ttl", format="turtle")
    assert len(dataset) == len(everything)
    assert {str(o) for o in dataset.objects() if isinstance(o, Literal)} == {
        t.object.value for t in everything if isinstance(t.object, ox.Literal)
    }


@PROPERTIES
@given(subject=any_name, relation=any_name, obj=any_name, sentence=sentences, doc=any_name)
def test_hostile_names_network_exports_round_trip(tmp_path, subject, relation, obj, sentence, doc):
    store = stored(extraction_of(subject, relation, obj, sentence, doc))
    network = to_networkx(store)
    export_store(store, fmt="csv", out=tmp_path / "csv")
    with (tmp_path / "csv" / "nodes.csv").open(encoding="utf-8", newline="") as handle:
        nodes = {row["id"]: row for row in csv.DictReader(handle)}
    with (tmp_path / "csv" / "edges.csv").open(encoding="utf-8", newline="") as handle:
        [edge] = list(csv.DictReader(handle))
    assert {n: row["label"] for n, row in nodes.items()} == dict(network.nodes(data="label"))
    assert (edge["label"], edge["evidence"].rsplit(" (", 1)[0]) == (relation, sentence_of(store))
    export_store(store, fmt="graphml", out=tmp_path / "graph.graphml")
    back = nx.read_graphml(tmp_path / "graph.graphml")
    assert dict(back.nodes(data="label")) == {
        n: as_xml(label) for n, label in network.nodes(data="label")
    }
    [(_, _, data)] = back.edges(data=True)
    assert data["label"] == as_xml(relation)


def as_xml(text: str) -> str:
    """What XML gives back: control characters it cannot hold written as U+FFFD (with a warning),
    line ends read as \n (XML's own end-of-line handling); all else exact."""
    return NOT_XML.sub("\ufffd", re.sub("\r\n?", "\n", text))


def triples_in(path: Path, rdf_format: ox.RdfFormat) -> set[ox.Triple]:
    return {quad.triple for quad in ox.parse(path=str(path), format=rdf_format)}


def sentence_of(store: ox.Store) -> str:
    query = "SELECT ?t WHERE { GRAPH ?g { ?s <https://kg.example.org/vocab#text> ?t } }"
    [row] = list(store.query(query))
    return row["t"].value


class Tags(HTMLParser):
    """The elements of a page, and the text of its data script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list]] = []
        self.texts: dict[str, str] = {}
        self.current = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, attrs))
        self.current = dict(attrs).get("id") or tag

    def handle_endtag(self, tag: str) -> None:
        self.current = ""

    def handle_data(self, data: str) -> None:
        self.texts[self.current] = self.texts.get(self.current, "") + data


def page_parts(page: str) -> Tags:
    parser = Tags()
    parser.feed(page)
    parser.close()
    return parser


EMPTY_PAGE = page_parts(render_html(nx.MultiDiGraph(), title="x"))


@PROPERTIES
@given(
    label=any_name,
    alias=any_name,
    relation=any_name,
    sentence=sentences,
    doc=any_name,
    title=any_name,
)
def test_hostile_names_html_no_text_becomes_markup(label, alias, relation, sentence, doc, title):
    graph = nx.MultiDiGraph()
    graph.add_node("a", label=label, type="person", aliases=[alias], mentions=1)
    graph.add_node("b", label=title, type="organization", aliases=[], mentions=2)
    evidence = [{"sentence": sentence, "document": doc, "confidence": 0.5}]
    graph.add_edge("a", "b", label=relation, kind="asserted", confidence=0.5, evidence=evidence)
    parts = page_parts(render_html(graph, title=title))
    assert parts.tags == EMPTY_PAGE.tags  # the same elements and attributes as an empty page
    assert parts.texts["title"] == title
    data = json.loads(parts.texts["kg-data"])
    assert [n["label"] for n in data["nodes"]] == [label, title]
    assert data["nodes"][0]["aliases"] == [alias]
    assert (data["edges"][0]["label"], data["sentences"], data["documents"]) == (
        relation,
        [sentence],
        [doc],
    )


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_hostile_names_terminal_text_is_visible_and_json_exact(text):
    assert not HIDDEN.search(visible(text).replace("\t", ""))
    assert not HIDDEN.search(json_text({"name": text}))
    assert json.loads(json_text({"name": text})) == {"name": text}


@settings(max_examples=100, deadline=None)
@given(st.lists(any_name, min_size=1, max_size=4))
def test_hostile_names_query_results_stay_on_screen_and_exact(values):
    result = QueryResult(variables=("v",), rows=[(ox.Literal(v),) for v in values])
    table = format_result(result, fmt="table")
    assert not HIDDEN.search(table) and len(table.splitlines()) == len(values) + 3
    rows = json.loads(format_result(result, fmt="json"))["results"]["bindings"]
    assert [row["v"]["value"] for row in rows] == values
    output = format_result(result, fmt="csv")
    assert list(csv.reader(io.StringIO(output, newline=""))) == [["v"]] + [[v] for v in values]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.text(max_size=200),
        st.lists(
            st.sampled_from(
                [
                    "Meta",
                    "partners",
                    "with",
                    "Microsoft",
                    ".",
                    "\n\n",
                    "it",
                    "said",
                    "\u202e",
                    "🚀",
                    "<b>",
                    '"',
                    "\\",
                    "\x00",
                    "\x1b",
                    "Zuckerberg",
                    "'s",
                    "not",
                    "--",
                ]
            ),
            max_size=40,
        ).map(" ".join),
    )
)
def test_hostile_names_extraction_never_raises(nlp, text):
    [extraction] = extract_documents([Document("h", text)], nlp=nlp, require_named=False)
    for triple in extraction.triples:
        evidence = triple.evidence
        start = evidence.sentence_start
        assert text[start : start + len(evidence.sentence)] == evidence.sentence
    for mention in extraction.mentions:
        assert text[mention.start : mention.end] == mention.text


# One real build of a document full of hostile names, through the kg command.
HOSTILE_TEXT = """"Acme <script>alert(1)</script> Corp" partners with Microsoft.
O'Brien & Sons\\Ltd acquired "Globex" in 2020.
Zero\u200bWidth Inc partners with Ali\u202eBaba.
Emoji 🚀 Labs hires Tab\tPerson.
Bell\x07Corp partners with Esc\x1b[31mRed Corp.
Microsoft partners with ]]> CDATA Corp and --> Comment Inc.
Google acquires "Quote""Double" Company.
Contoso&amp;Co partners with Fabrikam</title> Inc.
Initech\u2028Labs partners with Umbrella\u00adCorp.
"""
LABELS = "SELECT ?label WHERE { ?e a kg:Entity ; rdfs:label ?label } ORDER BY ?label"


@pytest.fixture(scope="module")
def names_build(tmp_path_factory) -> Path:
    cwd = tmp_path_factory.mktemp("names")
    (cwd / "names.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    run = kg("build", "names.txt", "--out", "out", cwd=cwd)
    assert run.code == 0, run.err
    assert not HIDDEN.search(run.out)
    return cwd


@pytest.fixture(scope="module")
def store_labels(names_build) -> list[str]:
    store = ox.Store.read_only(str(names_build / "out" / "store"))
    found = [row["label"].value for row in store.query(LABELS, prefixes=PREFIXES)]
    # The document's hard cases did become names (else this test would prove little).
    joined = "".join(found)
    for ch in ("<", '"', "\\", "&", "\x07", "\x1b", "\u202e", "🚀"):
        assert ch in joined, ch
    return found


def test_hostile_names_query_table_is_safe_and_json_csv_exact(names_build, store_labels):
    store = names_build / "out" / "store"
    table = kg("query", LABELS, "--store", store, cwd=names_build)
    assert table.code == 0 and not HIDDEN.search(table.out)
    assert "Bell\\u0007Corp" in table.out and "Ali\\u202eBaba" in table.out
    as_json = kg("query", LABELS, "--store", store, "--format", "json", cwd=names_build)
    assert not HIDDEN.search(as_json.out)
    bindings = json.loads(as_json.out)["results"]["bindings"]
    assert [b["label"]["value"] for b in bindings] == store_labels
    as_csv = kg("query", LABELS, "--store", store, "--format", "csv", cwd=names_build)
    assert [row[0] for row in csv.reader(as_csv.out.splitlines(True))][1:] == store_labels


def test_hostile_names_construct_is_valid_n_triples(names_build, store_labels):
    construct = "CONSTRUCT { ?e rdfs:label ?label } WHERE { ?e a kg:Entity ; rdfs:label ?label }"
    run = kg("query", construct, "--store", names_build / "out" / "store", cwd=names_build)
    assert run.code == 0 and not HIDDEN.search(run.out)
    triples = ox.parse(run.out.encode(), format=ox.RdfFormat.N_TRIPLES)
    assert sorted(t.object.value for t in triples) == store_labels


def test_hostile_names_entities_listing(names_build, store_labels):
    store = names_build / "out" / "store"
    text = kg("entities", "--all", "--store", store, cwd=names_build)
    assert text.code == 0 and not HIDDEN.search(text.out)
    lines = kg("entities", "--all", "--json", "--store", store, cwd=names_build)
    assert not HIDDEN.search(lines.out)
    listed = [json.loads(line)["label"] for line in lines.out.splitlines()]
    assert sorted(listed) == store_labels


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_hostile_names_rdf_exports_of_a_real_build(names_build, fmt):
    store = names_build / "out" / "store"
    run = kg("export", "--format", fmt, "--store", store, cwd=names_build)
    assert run.code == 0, run.err
    everything = set(union_triples(ox.Store.read_only(str(store))))
    assert triples_in(store.parent / f"graph.{fmt}", RDF_FORMATS[fmt]) == everything


def test_hostile_names_graphml_and_csv_of_a_real_build(names_build, store_labels):
    store = names_build / "out" / "store"
    run = kg("export", "--format", "graphml", "--store", store, cwd=names_build)
    assert run.code == 0
    assert re.search(r"kg: warning: .*graph.graphml: \d+ text\(s\) hold control", run.err)
    labels = dict(nx.read_graphml(store.parent / "graph.graphml").nodes(data="label"))
    assert set(labels.values()) <= {as_xml(label) for label in store_labels}
    kg("export", "--format", "csv", "--store", store, cwd=names_build)
    with (store.parent / "csv" / "nodes.csv").open(encoding="utf-8", newline="") as handle:
        assert {row["label"] for row in csv.DictReader(handle)} <= set(store_labels)


def test_hostile_names_html_of_a_real_build(names_build, store_labels):
    page = (names_build / "out" / "graph.html").read_text(encoding="utf-8")
    parts = page_parts(page)
    assert parts.tags == EMPTY_PAGE.tags
    labels = {node["label"] for node in json.loads(parts.texts["kg-data"])["nodes"]}
    assert labels and labels <= set(store_labels)


def test_hostile_names_csv_on_a_terminal_shows_escapes(names_build):
    """Into a pipe CSV is exact (above); on a terminal its control characters are shown."""
    main, terminal = pty.openpty()
    store = names_build / "out" / "store"
    process = subprocess.Popen(
        [sys.executable, "-m", "graph.cli", "query", LABELS, "--store", store, "--format", "csv"],
        stdout=terminal,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    os.close(terminal)
    chunks = []
    with suppress(OSError):  # EIO once the command has closed the terminal
        while chunk := os.read(main, 65536):
            chunks.append(chunk)
    os.close(main)
    assert process.wait(timeout=60) == 0
    screen = b"".join(chunks).decode().replace("\r\n", "\n")
    assert "Bell\\u0007Corp" in screen and "Ali\\u202eBaba" in screen
    assert not HIDDEN.search(screen)
