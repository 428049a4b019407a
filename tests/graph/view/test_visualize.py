"""The HTML page in a real browser (headless Chromium): what is drawn, where, hover evidence,
search, filters, highlighting, escaping, no request leaving the machine, and the notebook
iframe."""

from __future__ import annotations

import http.server
import json
import random
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import ClassVar

import networkx as nx
import pytest

from graph.rdf.network import entity_network, statement_count
from graph.store.facts import to_networkx
from graph.store.store import open_store
from graph.view.layout import layout
from graph.view.page_data import PHYSICS_LIMIT
from graph.view.visualize import render_html, script_json, show
from tests.conftest import ROOT

XSS_NAME = '<img src=x onerror="window.kgPwned=1">'
XSS_SENTENCE = "<script>window.kgPwned=2</script> met <b>bold</b>"
LARGE = 2_000


@pytest.fixture(scope="module")
def example_graph(example_build) -> nx.MultiDiGraph:
    with open_store(example_build / "store", read_only=True) as store:
        return to_networkx(store)


def generated_graph(size: int, *, seed: int = 3) -> nx.MultiDiGraph:
    """A scale-free core of 80% of the entities plus small separate components."""
    rng = random.Random(seed)
    core = nx.powerlaw_cluster_graph(int(size * 0.8), 2, 0.3, seed=seed)
    pairs, first = list(core.edges()), core.number_of_nodes()
    while first < size:
        count = min(rng.randint(2, 5), size - first)
        pairs += [(first + rng.randrange(i), first + i) for i in range(1, count)]
        first += count
    graph = nx.MultiDiGraph()
    for n in range(size):
        graph.add_node(f"e{n}", label=f"Entity {n}", type="organization", aliases=[], mentions=1)
    for s, o in pairs:
        sentence = f"Entity {s} works with Entity {o}."
        evidence = [{"sentence": sentence, "document": "news.txt", "confidence": 0.7}]
        graph.add_edge(
            f"e{s}", f"e{o}", label="works with", kind="asserted", confidence=0.7, evidence=evidence
        )
    return graph


@pytest.fixture(scope="module")
def large_page(tmp_path_factory) -> tuple[nx.MultiDiGraph, Path]:
    graph = generated_graph(LARGE)
    path = tmp_path_factory.mktemp("large") / "graph.html"
    path.write_text(render_html(graph), encoding="utf-8")
    return graph, path


def open_page(browser, path: Path):
    page = browser.new_page(viewport={"width": 1300, "height": 850})
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function("window.kgReady === true", timeout=60_000)
    return page, requests, errors


def drawn(page) -> list[int]:
    return page.evaluate("[kgNetwork.body.nodeIndices.length, kgNetwork.body.edgeIndices.length]")


def node_point(page, node: str) -> dict:
    """Where `node` is on the screen."""
    return page.evaluate(
        """(id) => {
        const p = kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id]);
        const box = document.getElementById('kg-network').getBoundingClientRect();
        return {x: p.x + box.left, y: p.y + box.top};
    }""",
        node,
    )


def node_called(graph: nx.MultiDiGraph, label: str) -> str:
    return next(n for n, d in graph.nodes(data=True) if d["label"] == label)


def test_visualize_draws_every_node_and_edge(browser, example_build, example_graph):
    path = example_build / "graph.html"
    page, requests, errors = open_page(browser, path)
    assert drawn(page) == [example_graph.number_of_nodes(), example_graph.number_of_edges()]
    assert errors == []
    assert requests == [path.as_uri()]
    page.close()


def test_visualize_draws_a_large_graph_at_its_positions(browser, large_page):
    graph, path = large_page
    page, requests, errors = open_page(browser, path)
    assert drawn(page) == [graph.number_of_nodes(), graph.number_of_edges()]
    positions = page.evaluate("kgNetwork.getPositions()")
    assert {n: (p["x"], p["y"]) for n, p in positions.items()} == layout(graph)
    assert page.evaluate("kgNetwork.physics.options.enabled") is False
    # Zoomed out to show everything, only the hubs are named, each label clear of the others.
    labelled = page.evaluate(
        "Object.values(kgNetwork.body.nodes).filter((n) => n.labelModule.visible()).length"
    )
    assert 5 <= labelled <= 20
    assert errors == []
    assert requests == [path.as_uri()]
    page.close()


def test_visualize_zoom_sets_arrows_and_hub_labels(browser, large_page):
    """Zoomed out: no arrowheads, hubs' labels enlarged to stay readable; zoomed in: arrowheads,
    and every label at its own size."""
    page, _, errors = open_page(browser, large_page[1])
    shape = """async (scale) => {
        if (scale !== null) kgNetwork.moveTo({scale});
        for (let n = 0; n < 3; n++) await new Promise(requestAnimationFrame);
        const fonts = Object.values(kgNetwork.body.nodes).map((n) => n.options.font.size);
        return [kgNetwork.body.edges[0].options.arrows.to.enabled, Math.max(...fonts)];
    }"""
    [arrows, largest] = page.evaluate(shape, None)
    assert not arrows and largest * page.evaluate("kgNetwork.getScale()") >= 13
    [arrows, largest] = page.evaluate(shape, 1.2)
    assert arrows and largest * 1.2 <= 40
    assert errors == []
    page.close()


@pytest.mark.parametrize("which", ["example", "large"])
def test_visualize_every_component_is_on_screen(browser, example_build, large_page, which):
    """Disconnected components stay in the first view instead of drifting away."""
    path = example_build / "graph.html" if which == "example" else large_page[1]
    page, _, _ = open_page(browser, path)
    outside = page.evaluate(
        """() => {
        const canvas = kgNetwork.canvas.frame.canvas;
        return Object.entries(kgNetwork.getPositions()).filter(([id, p]) => {
            const d = kgNetwork.canvasToDOM(p);
            return d.x < 0 || d.y < 0 || d.x > canvas.clientWidth || d.y > canvas.clientHeight;
        }).map(([id]) => id);
    }"""
    )
    assert outside == []
    page.close()


def test_visualize_layout_packs_components_into_a_screen_shape():
    graph = nx.MultiDiGraph([("hub", f"leaf{n}") for n in range(30)])
    graph.add_edges_from((f"a{n}", f"b{n}") for n in range(200))
    positions = layout(graph)
    xs, ys = [x for x, _ in positions.values()], [y for _, y in positions.values()]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    assert 0.5 < width / height < 3
    assert len(set(positions.values())) == len(positions)  # no two nodes on one spot
    assert layout(graph) == positions  # the same every run


def hover_edge(page, label: str) -> str:
    point = page.evaluate(
        """(label) => {
        const edge = kgNetwork.body.data.edges.get({filter: (e) => e.label === label})[0];
        const p = kgNetwork.getPositions([edge.from, edge.to]);
        const [a, b] = [p[edge.from], p[edge.to]];
        const mid = {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2};
        const dom = kgNetwork.canvasToDOM(mid);
        const box = document.getElementById('kg-network').getBoundingClientRect();
        return {x: dom.x + box.left, y: dom.y + box.top};
    }""",
        label,
    )
    page.mouse.move(point["x"], point["y"])
    page.wait_for_selector("#kg-tooltip:not([hidden])", timeout=5_000)
    return page.inner_text("#kg-tooltip")


def test_visualize_edge_hover_shows_sentence(browser, example_build):
    page, _, _ = open_page(browser, example_build / "graph.html")
    text = hover_edge(page, "partners with")
    assert "Meta partners with Microsoft on the launch." in text
    assert "open-model-release.txt" in text
    page.close()


def test_visualize_node_hover_shows_type_aliases_and_mentions(
    browser, example_build, example_graph
):
    page, _, _ = open_page(browser, example_build / "graph.html")
    node = node_called(example_graph, "Mark Zuckerberg")
    attrs = example_graph.nodes[node]
    point = node_point(page, node)
    page.mouse.move(point["x"], point["y"])
    page.wait_for_selector("#kg-tooltip:not([hidden])", timeout=5_000)
    text = page.inner_text("#kg-tooltip")
    assert "Mark Zuckerberg" in text and "person" in text
    assert f"{attrs['mentions']} mention" in text
    assert attrs["aliases"] and all(alias in text for alias in attrs["aliases"])
    page.close()


def test_visualize_search_focuses_alias(browser, example_build):
    page, _, _ = open_page(browser, example_build / "graph.html")
    page.fill("#kg-search", "zuckerberg")
    page.press("#kg-search", "Enter")
    focused = page.evaluate("kgNetwork.getSelectedNodes()")
    assert focused == ["https://kg.example.org/entity/markzuckerberg"]
    # The view moves to it: its centre ends on the entity.
    page.wait_for_function(
        """(id) => {
        const p = kgNetwork.getPositions([id])[id], v = kgNetwork.getViewPosition();
        return Math.hypot(p.x - v.x, p.y - v.y) < 1;
    }""",
        arg=focused[0],
        timeout=5_000,
    )
    page.close()


def test_visualize_type_filter_hides_nodes(browser, example_build, example_graph):
    page, _, _ = open_page(browser, example_build / "graph.html")
    people = {n for n, d in example_graph.nodes(data=True) if d["type"] == "person"}
    page.uncheck("input[data-type=person]")
    hidden = page.evaluate("kgNetwork.body.data.nodes.get({filter: (n) => n.hidden}).length")
    assert hidden == len(people) > 0
    others = [(s, o) for s, o in example_graph.edges() if s not in people and o not in people]
    assert drawn(page) == [example_graph.number_of_nodes() - len(people), len(others)]
    page.check("input[data-type=person]")
    assert drawn(page) == [example_graph.number_of_nodes(), example_graph.number_of_edges()]
    page.close()


def test_visualize_relation_filter_hides_edges(browser, example_build, example_graph):
    page, _, _ = open_page(browser, example_build / "graph.html")
    page.select_option("#kg-relation", "is available on")
    kept = [d for _, _, d in example_graph.edges(data=True) if d["label"] == "is available on"]
    assert drawn(page) == [example_graph.number_of_nodes(), len(kept)]
    assert len(kept) > 1
    page.close()


def test_visualize_confidence_slider_hides_weak_edges(browser, example_build, example_graph):
    page, _, _ = open_page(browser, example_build / "graph.html")
    confidences = sorted(d["confidence"] for _, _, d in example_graph.edges(data=True))
    threshold = next(c for c in (0.5, 0.6, 0.7, 0.8, 0.9) if confidences[0] < c <= confidences[-1])
    page.evaluate(
        """(value) => {
        const slider = document.getElementById('kg-confidence');
        slider.value = value;
        slider.dispatchEvent(new Event('input'));
    }""",
        threshold,
    )
    strong = [c for c in confidences if c >= threshold]
    assert 0 < len(strong) < len(confidences)
    assert drawn(page) == [example_graph.number_of_nodes(), len(strong)]
    assert page.inner_text("#kg-confidence-value") == f"{threshold:.2f}"
    page.close()


def test_visualize_edge_labels_hide_when_zoomed_out(browser, example_build):
    page, _, _ = open_page(browser, example_build / "graph.html")
    shown = """(scale) => {
        kgNetwork.moveTo({scale});
        return Object.values(kgNetwork.body.edges).filter((e) => e.labelModule.visible()).length;
    }"""
    assert page.evaluate(shown, 1.5) > 0
    assert page.evaluate(shown, 0.3) == 0
    page.close()


def pixel(page, point: dict) -> list[int]:
    return page.evaluate(
        """async (p) => {
        await new Promise(requestAnimationFrame);
        const canvas = kgNetwork.canvas.frame.canvas, box = canvas.getBoundingClientRect();
        const ratio = canvas.width / canvas.clientWidth;
        const [x, y] = [(p.x - box.left) * ratio, (p.y - box.top) * ratio];
        return [...canvas.getContext('2d').getImageData(x, y, 1, 1).data];
    }""",
        point,
    )


def test_visualize_click_highlights_neighbourhood(browser, example_build, example_graph):
    page, _, _ = open_page(browser, example_build / "graph.html")
    meta = node_called(example_graph, "Meta")
    neighbours = {meta, *example_graph.successors(meta), *example_graph.predecessors(meta)}
    far = next(n for n in sorted(example_graph) if n not in neighbours)
    near = next(n for n in sorted(neighbours) if n != meta)
    before = {n: pixel(page, node_point(page, n)) for n in (far, near)}
    point = node_point(page, meta)
    page.mouse.click(point["x"], point["y"])
    assert page.evaluate("kgNeighbours()") == sorted(neighbours)
    after = {n: pixel(page, node_point(page, n)) for n in (far, near)}
    assert after[near] == before[near]
    assert sum(after[far][:3]) > sum(before[far][:3]) + 150  # faded towards white
    box = page.locator("#kg-network").bounding_box()
    page.mouse.click(box["x"] + 3, box["y"] + 3)  # the background lifts the veil
    assert page.evaluate("kgNeighbours()") == []
    assert pixel(page, node_point(page, far)) == before[far]
    page.close()


def test_visualize_text_from_documents_never_runs(browser, tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("a", label=XSS_NAME, type="person", aliases=["</script>"], mentions=1)
    graph.add_node("b", label="Acme & Co", type="organization", aliases=[], mentions=1)
    graph.add_edge(
        "a",
        "b",
        label=XSS_SENTENCE,
        kind="reported",
        confidence=0.9,
        evidence=[{"sentence": XSS_SENTENCE, "document": "<doc>.txt", "confidence": 0.9}],
    )
    path = tmp_path / "xss.html"
    path.write_text(render_html(graph, title=XSS_NAME))
    page, requests, errors = open_page(browser, path)
    text = hover_edge(page, XSS_SENTENCE)
    assert XSS_SENTENCE in text and "<doc>.txt" in text and "reported" in text
    point = node_point(page, "a")
    page.mouse.move(point["x"], point["y"])
    page.wait_for_function(
        "(name) => document.getElementById('kg-tooltip').innerText.includes(name)", arg=XSS_NAME
    )
    assert XSS_SENTENCE in page.inner_text("#kg-relation")
    assert page.evaluate("window.kgPwned") is None
    assert page.evaluate("document.querySelectorAll('img, b, script:not([type])').length") == 2
    assert page.title() == XSS_NAME
    assert requests == [path.as_uri()]
    assert errors == []
    page.close()


class CountingHandler(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self):
        CountingHandler.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_visualize_page_cannot_reach_a_server(browser, example_build):
    """The Content-Security-Policy blocks requests even to a server that is up and local."""
    server = http.server.HTTPServer(("127.0.0.1", 0), CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        page, _, _ = open_page(browser, example_build / "graph.html")
        url = f"http://127.0.0.1:{server.server_port}/"
        outcome = page.evaluate(
            """async (url) => {
            new Image().src = url + 'image.png';
            try { await fetch(url + 'fetch'); return 'fetched'; } catch (e) { return 'blocked'; }
        }""",
            url,
        )
        page.wait_for_timeout(200)
        assert outcome == "blocked"
        assert CountingHandler.hits == []
        page.close()
    finally:
        server.shutdown()
        server.server_close()


def test_visualize_show_draws_inside_a_notebook_iframe(
    browser, example_build, example_graph, tmp_path
):
    cell = show(example_build)._repr_html_()
    srcdoc = re.search(r'srcdoc="([^"]*)"', cell)
    assert srcdoc and "<" not in srcdoc.group(1)  # escaped, so the notebook sees one element
    parent = tmp_path / "notebook.html"
    parent.write_text(f"<!DOCTYPE html><html><body><h1>Out[1]:</h1>{cell}</body></html>")
    page = browser.new_page(viewport={"width": 1100, "height": 800})
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(parent.as_uri())
    frame = page.frames[1]
    frame.wait_for_function("window.kgReady === true", timeout=30_000)
    counts = frame.evaluate(
        "[kgNetwork.body.nodeIndices.length, kgNetwork.body.edgeIndices.length]"
    )
    assert counts == [example_graph.number_of_nodes(), example_graph.number_of_edges()]
    assert requests == [parent.as_uri()]
    page.close()


def test_visualize_show_takes_a_graph_a_store_or_a_page(example_build, example_graph):
    from_graph = show(example_graph).html
    with open_store(example_build / "store", read_only=True) as store:
        assert show(store).html == from_graph
    assert show(example_build / "store").html == from_graph
    page = show(example_build / "graph.html")
    assert page.html == (example_build / "graph.html").read_text(encoding="utf-8")
    part = show(example_graph, focus="Meta", hops=1).html
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', part).group(1))
    assert "Meta" in {n["label"] for n in data["nodes"]}
    assert len(data["nodes"]) < example_graph.number_of_nodes()


def test_visualize_empty_graph_is_ready(browser, tmp_path):
    path = tmp_path / "empty.html"
    path.write_text(render_html(nx.MultiDiGraph()), encoding="utf-8")
    page, _, errors = open_page(browser, path)
    assert page.inner_text("#kg-counts") == "0 entities, 0 relations"
    assert errors == []
    page.close()


def test_visualize_show_is_an_ipython_html_output(example_graph):
    """Jupyter asks objects for text/html through IPython's display protocol; our module does
    not import IPython itself."""
    formatters = pytest.importorskip("IPython.core.formatters")
    data, _ = formatters.DisplayFormatter().format(show(example_graph))
    assert data["text/html"].startswith("<iframe srcdoc=")
    code = "import sys, graph.view.visualize; print('IPython' in sys.modules)"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert loaded.stdout.strip() == "False", loaded.stderr


def test_visualize_small_graphs_use_physics(example_graph):
    assert example_graph.number_of_nodes() <= PHYSICS_LIMIT
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', render_html(example_graph))[1])
    assert data["physics"] is True


def test_visualize_script_json_cannot_close_script():
    assert "</" not in script_json({"a": "</script><script>alert(1)</script>"})


def test_visualize_screenshot_of_the_example(browser, example_build, tmp_path):
    """The README's picture; KG_UPDATE_SCREENSHOT=1 writes it to docs/example-graph.png."""
    import os
    import shutil

    page, _, _ = open_page(browser, example_build / "graph.html")
    shot = tmp_path / "example-graph.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("KG_UPDATE_SCREENSHOT") == "1":
        shutil.copy(shot, ROOT / "docs" / "example-graph.png")
    page.close()


def kinds_graph() -> nx.MultiDiGraph:
    """Four entities in a row, one relation of each kind of statement between neighbours, and
    a concept that only one of them is linked to (left out of the drawing)."""
    graph = nx.MultiDiGraph()
    for name in ("Orvel Air", "Varnia", "Quillby Systems", "Jonas Pemberton"):
        graph.add_node(name, label=name, type="organization", aliases=[], mentions=1)
    graph.add_node("drop", label="the drop", type="concept", aliases=[], mentions=1)
    links = [
        ("Orvel Air", "Varnia", "flies to", "asserted"),
        ("Varnia", "Quillby Systems", "buys", "negated"),
        ("Quillby Systems", "Jonas Pemberton", "hires", "hedged"),
        ("Jonas Pemberton", "Orvel Air", "leads", "reported"),
        ("Orvel Air", "drop", "causes", "asserted"),
    ]
    for s, o, label, kind in links:
        sentence = f"{s} {label} {o}."
        evidence = [{"sentence": sentence, "document": "news.txt", "confidence": 0.8}]
        graph.add_edge(
            s,
            o,
            key=f"{label}|{kind}",
            predicate=f"https://kg.example.org/relation/{label.split()[0]}",
            label=label,
            kind=kind,
            confidence=0.8,
            evidence=evidence,
        )
    return graph


def test_visualize_each_kind_of_statement_is_drawn_its_own_way(browser, tmp_path):
    """Facts solid; negated, hedged and reported statements each with their own colour and
    dash pattern, the legend naming each and what the page leaves out."""
    path = tmp_path / "kinds.html"
    path.write_text(render_html(entity_network(kinds_graph())), encoding="utf-8")
    page, requests, errors = open_page(browser, path)
    styles = page.evaluate(
        """Object.fromEntries(kgNetwork.body.data.edges.get().map((e) =>
            [e.label, [JSON.stringify(e.dashes), e.color.color]]))"""
    )
    assert set(styles) == {"flies to", "buys", "hires", "leads"}  # 'causes' is not drawn
    assert styles["flies to"][0] == "false"
    assert len({dashes for dashes, _ in styles.values()}) == 4
    assert len({color for _, color in styles.values()}) == 4
    legend = page.evaluate(
        """[...document.querySelectorAll('#kg-kinds .kind')].map((k) => [k.dataset.kind,
            k.querySelector('line').getAttribute('stroke-dasharray'), k.textContent])"""
    )
    assert [kind for kind, _, _ in legend] == ["asserted", "negated", "hedged", "reported"]
    assert legend[0][1] == "none" and len({dashes for _, dashes, _ in legend}) == 4
    assert "negated" in legend[1][2] and "possible" in legend[2][2] and "reported" in legend[3][2]
    note = page.inner_text("#kg-left-out")
    assert note.startswith("1 of 5 statements not drawn") and "kg query" in note
    assert "may, would or is meant to be so" in hover_edge(page, "hires")
    assert errors == [] and requests == [path.as_uri()]
    page.close()


def test_visualize_example_page_says_what_it_leaves_out(browser, example_build):
    with open_store(example_build / "store", read_only=True) as store:
        everything = to_networkx(store, everything=True)
    drawn = to_networkx_edges(example_build)
    left_out = statement_count(everything.edges(data=True)) - drawn
    page, _, errors = open_page(browser, example_build / "graph.html")
    assert left_out > 0
    assert page.inner_text("#kg-left-out").startswith(f"{left_out} of ")
    assert errors == []
    page.close()


def to_networkx_edges(out: Path) -> int:
    """The statements of the entity network drawn from the store in `out`."""
    with open_store(out / "store", read_only=True) as store:
        return statement_count(to_networkx(store).edges(data=True))
