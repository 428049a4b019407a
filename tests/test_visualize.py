"""The HTML page in a real browser (headless Chromium): what is drawn, hover evidence, search,
filters, escaping, and no request leaving the machine."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from graph.analyze import to_networkx
from graph.store import open_store
from graph.visualize import render_html, script_json

XSS_NAME = '<img src=x onerror="window.kgPwned=1">'
XSS_SENTENCE = "<script>window.kgPwned=2</script> met <b>bold</b>"


@pytest.fixture(scope="module")
def example_graph(example_build) -> nx.MultiDiGraph:
    with open_store(example_build / "store", read_only=True) as store:
        return to_networkx(store)


def open_page(browser, path: Path):
    page = browser.new_page(viewport={"width": 1300, "height": 850})
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function("window.kgReady === true", timeout=60_000)
    return page, requests, errors


def test_visualize_draws_every_node_and_edge(browser, example_build, example_graph):
    page, requests, errors = open_page(browser, example_build / "graph.html")
    drawn = page.evaluate("[kgNetwork.body.nodeIndices.length, kgNetwork.body.edgeIndices.length]")
    assert drawn == [example_graph.number_of_nodes(), example_graph.number_of_edges()]
    assert errors == []
    assert [url for url in requests if not url.startswith("file://")] == []
    page.close()


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


def test_visualize_search_focuses_alias(browser, example_build):
    page, _, _ = open_page(browser, example_build / "graph.html")
    page.fill("#kg-search", "zuckerberg")
    page.press("#kg-search", "Enter")
    focused = page.evaluate("kgNetwork.getSelectedNodes()")
    assert focused == ["https://kg.example.org/entity/markzuckerberg"]
    page.close()


def test_visualize_type_filter_hides_nodes(browser, example_build, example_graph):
    page, _, _ = open_page(browser, example_build / "graph.html")
    people = sum(1 for _, d in example_graph.nodes(data=True) if d["type"] == "person")
    page.uncheck("input[data-type=person]")
    hidden = page.evaluate("kgNetwork.body.data.nodes.get({filter: (n) => n.hidden}).length")
    assert hidden == people > 0
    page.close()


def test_visualize_text_from_documents_never_runs(browser, tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("a", label=XSS_NAME, type="person", aliases=["</script>"], mentions=1)
    graph.add_node("b", label="Acme & Co", type="organization", aliases=[], mentions=1)
    graph.add_edge(
        "a",
        "b",
        label=XSS_SENTENCE,
        kind="asserted",
        confidence=0.9,
        evidence=[{"sentence": XSS_SENTENCE, "document": "<doc>.txt", "confidence": 0.9}],
    )
    path = tmp_path / "xss.html"
    path.write_text(render_html(graph, title=XSS_NAME))
    page, requests, errors = open_page(browser, path)
    text = hover_edge(page, XSS_SENTENCE)
    assert XSS_SENTENCE in text
    assert page.evaluate("window.kgPwned") is None
    assert page.title() == XSS_NAME
    assert [url for url in requests if not url.startswith("file://")] == []
    assert errors == []
    page.close()


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
        shutil.copy(shot, Path(__file__).resolve().parents[1] / "docs" / "example-graph.png")
    page.close()
