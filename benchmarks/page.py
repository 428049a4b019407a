"""How fast the HTML page of a large graph becomes usable in headless Chromium.

    python benchmarks/page.py [--sizes 500 2000 10000] [--screenshots DIR]

Graphs: a scale-free core (networkx `powerlaw_cluster_graph`, m=2, p=0.3) holding 80% of the
entities, plus small components of 2-6 entities for the rest, as extraction from many documents
gives; about 1.75 relations per entity, 1-3 sentences of evidence per relation (120 characters
each), names, aliases, types and documents drawn from a seeded generator.

Figures, from the median of --rounds runs (by total):
- layout: `graph.view.layout.layout` (igraph, component packing), in Python.
- render: all of `render_html` (layout included) until the HTML string is complete.
- size: the HTML file in MB (vis-network itself is 0.47 MB of it).
- first draw: from navigation start (`performance.timeOrigin`) to vis-network's first
  `afterDrawing` event, read from `window.kgTimes.firstDraw`.
- interactive: from navigation start until the page has answered a click: as soon as
  `window.kgReady` is true, the most connected node is clicked with the mouse, and the time is
  taken at the first `afterDrawing` after the click (its neighbourhood highlighted). Includes
  Playwright's polling and input latency (a few ms).
- total: render + interactive, which is what the targets bound (issue 4: 2,000 entities usable
  within 3 s and 10,000 within 10 s, layout included).
- frame: one full redraw of the whole graph as first shown (vis-network's internal
  `renderer._redraw()`, mean of 5),
  the cost of every frame while panning or zooming; 100 ms (10 frames/s) is where the page
  stops feeling smooth, which is how `graph.view.visualize.DRAW_LIMIT` was chosen.

(Named page.py, not html.py: a script's folder comes first on sys.path, and html.py would
shadow the standard library's html package for every script here.)
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named html.py: take its folder off the path, or `import html` anywhere below
# (networkx does) would find this file instead of the standard library's module.
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != HERE]

import argparse  # noqa: E402
import random  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

import networkx as nx  # noqa: E402

from graph.view.layout import layout  # noqa: E402
from graph.view.visualize import render_html  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

TARGETS = {2_000: 3.0, 10_000: 10.0}
TYPES = {"organization": 5, "person": 5, "product": 3, "place": 2, "concept": 4, "thing": 2}
RELATIONS = [
    "works with",
    "releases",
    "acquires",
    "is part of",
    "competes with",
    "invests in",
    "is chief executive of",
    "announces",
    "partners with",
    "is available on",
    "sues",
    "hires",
    "is based in",
    "trains",
    "supports",
    "criticises",
    "funds",
    "builds",
    "launches",
    "buys",
]
KINDS = {"asserted": 90, "negated": 4, "reported": 4, "hedged": 2}
SYLLABLES = "ka ro mi ten va lo su dri an bel cor fin gar hal ist jun mer nor pol quin sar".split()
SUFFIXES = ["Labs", "Systems", "Group", "AI", "Holdings", "Partners", "", "", "", ""]


def synthetic_graph(size: int, *, seed: int = 7) -> nx.MultiDiGraph:
    """A graph shaped like what `graph.store.facts.to_networkx` returns, with `size` entities."""
    rng = random.Random(seed)
    core = nx.powerlaw_cluster_graph(int(size * 0.8), 2, 0.3, seed=seed)
    pairs = list(core.edges())
    first = core.number_of_nodes()
    while first < size:
        count = min(rng.randint(2, 6), size - first)
        pairs += [(first + rng.randrange(i), first + i) for i in range(1, count)]
        first += count
    graph = nx.MultiDiGraph()
    for n in range(size):
        graph.add_node(f"https://kg.example.org/entity/e{n}", **entity(rng))
    for s, o in pairs:
        if rng.random() < 0.5:
            s, o = o, s
        add_relation(
            graph, rng, f"https://kg.example.org/entity/e{s}", f"https://kg.example.org/entity/e{o}"
        )
    return graph


def entity(rng: random.Random) -> dict:
    name = "".join(rng.choices(SYLLABLES, k=rng.randint(2, 3))).capitalize()
    label = f"{name} {rng.choice(SUFFIXES)}".strip()
    return {
        "label": label,
        "type": rng.choices(list(TYPES), weights=list(TYPES.values()))[0],
        "aliases": [name.upper()[:4]] if rng.random() < 0.2 else [],
        "mentions": int(rng.paretovariate(1.2)),
    }


def add_relation(graph: nx.MultiDiGraph, rng: random.Random, s: str, o: str) -> None:
    relation = rng.choices(RELATIONS, weights=[1 / (n + 1) for n in range(len(RELATIONS))])[0]
    kind = rng.choices(list(KINDS), weights=list(KINDS.values()))[0]
    subject, obj = graph.nodes[s]["label"], graph.nodes[o]["label"]
    evidence = [
        {
            "sentence": f"{subject} {relation} {obj}, according to people familiar with the "
            f"matter who spoke on condition of anonymity{'.' * (n + 1)}",
            "document": f"news/2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}.txt",
            "confidence": round(rng.uniform(0.3, 1.0), 2),
        }
        for n in range(rng.choice([1, 1, 1, 2, 3]))
    ]
    graph.add_edge(
        s,
        o,
        key=f"{relation}|{kind}",
        label=relation,
        kind=kind,
        confidence=max(e["confidence"] for e in evidence),
        evidence=evidence,
    )


# Arms the clock for a click on the most connected node and returns where that node is.
ARM_CLICK = """() => {
    const degree = (id) => kgNetwork.getConnectedEdges(id).length;
    const hub = kgNetwork.body.data.nodes.getIds().sort((a, b) => degree(b) - degree(a))[0];
    const p = kgNetwork.canvasToDOM(kgNetwork.getPositions([hub])[hub]);
    const box = document.getElementById('kg-network').getBoundingClientRect();
    kgNetwork.once('click', () => kgNetwork.once('afterDrawing', () => {
        window.kgAnswered = performance.now();
    }));
    return {x: p.x + box.left, y: p.y + box.top};
}"""
READ_FIGURES = """() => {
    const frames = [];
    for (let n = 0; n < 5; n++) {
        const start = performance.now();
        kgNetwork.renderer._redraw();
        frames.push(performance.now() - start);
    }
    return {first_draw: kgTimes.firstDraw / 1000, interactive: window.kgAnswered / 1000,
            frame: frames.reduce((x, y) => x + y) / frames.length / 1000};
}"""


def measure_page(browser, path: Path, screenshot: Path | None) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1300, "height": 850})
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_function("window.kgReady === true", timeout=300_000, polling=10)
    target = page.evaluate(ARM_CLICK)
    page.mouse.click(target["x"], target["y"])
    page.wait_for_function("window.kgAnswered !== undefined", timeout=60_000, polling=10)
    # Where nodes overlap, the click may pick a neighbour of the hub: any node will do.
    if not page.evaluate("document.body.dataset.highlighted"):
        raise RuntimeError(f"{path}: the click on the most connected node selected nothing")
    box = page.locator("#kg-network").bounding_box()
    page.mouse.click(box["x"] + 3, box["y"] + 3)  # on the background: lifts the highlight
    figures = page.evaluate(READ_FIGURES)
    if screenshot is not None:
        page.screenshot(path=str(screenshot))
    context.close()
    return figures


def measure(size: int, browser, folder: Path, rounds: int, screenshots: Path | None) -> dict:
    """The figures of the median round (by total time)."""
    graph = synthetic_graph(size)
    path = folder / f"graph-{size}.html"
    runs = []
    for _ in range(rounds):
        start = time.perf_counter()
        layout(graph)
        layout_seconds = time.perf_counter() - start
        start = time.perf_counter()
        html = render_html(graph, title=f"{size:,} entities")
        render_seconds = time.perf_counter() - start
        path.write_text(html, encoding="utf-8")
        shot = screenshots / f"graph-{size}.png" if screenshots else None
        run = {"layout": layout_seconds, "render": render_seconds}
        run.update(measure_page(browser, path, shot))
        run["total"] = run["render"] + run["interactive"]
        runs.append(run)
    median = sorted(runs, key=lambda run: run["total"])[len(runs) // 2]
    return {**median, "size": path.stat().st_size / 1e6, "edges": graph.number_of_edges()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2_000, 10_000])
    parser.add_argument("--rounds", type=int, default=3, help="runs per size; the best counts")
    parser.add_argument("--screenshots", type=Path, help="folder for a screenshot of each page")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    print(
        f"{'entities':>8} {'relations':>9} {'layout':>7} {'render':>7} {'size':>7} "
        f"{'1st draw':>8} {'interact':>8} {'total':>7} {'target':>12} {'frame':>6}"
    )
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for size in args.sizes:
            f = measure(size, browser, Path(folder), args.rounds, args.screenshots)
            target = TARGETS.get(size)
            verdict = ""
            if target is not None:
                verdict = f"<= {target:4.1f}s {'ok' if f['total'] <= target else 'MISSED'}"
            print(
                f"{size:>8,} {f['edges']:>9,} {f['layout']:6.2f}s {f['render']:6.2f}s "
                f"{f['size']:5.1f}MB {f['first_draw']:7.2f}s {f['interactive']:7.2f}s "
                f"{f['total']:6.2f}s {verdict:>12} {f['frame'] * 1000:4.0f}ms"
            )
        browser.close()


if __name__ == "__main__":
    main()
