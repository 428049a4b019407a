"""The entity network as one self-contained interactive HTML page, in a file or a notebook.

displaCy's pattern: `network_data` (graph.view.page_data) turns the networkx graph into a plain
dict, `render_html` turns that into an HTML string, `show` wraps it for Jupyter. The page inlines
vis-network from the pyvis package and our own script, and a Content-Security-Policy forbids
every request, so it works from `file://` with no network: pyvis's own templates load vis.js and
Bootstrap from CDNs.
"""

from __future__ import annotations

import html
import json
import logging
import re
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import networkx as nx

from graph.rdf.network import entity_network
from graph.store.facts import to_networkx
from graph.view.analyze import select, top_entities
from graph.view.page_data import network_data

log = logging.getLogger("kg")

# More entities than this draw slowly: a frame of the whole graph takes 50-75 ms at 5,000
# entities (8,750 relations) in headless Chromium here, 125-185 ms at 7,000 and 170-300 ms at
# 10,000 (benchmarks/page.py, several runs), past the 100 ms where panning and zooming stop
# feeling smooth.
DRAW_LIMIT = 5_000


def render_html(graph: nx.MultiDiGraph, *, title: str = "Knowledge graph") -> str:
    """A complete HTML page showing `graph`; every string from the graph is escaped.

    >>> page = render_html(nx.MultiDiGraph(), title="<empty>")
    >>> "<title>&lt;empty&gt;</title>" in page and "https://" not in page.split("<script")[0]
    True
    """
    return fill_page(script_json(network_data(graph)), title=title)


def fill_page(data: str, *, title: str) -> str:
    """The page around `data`, the `script_json` of `network_data` (a build lays out and
    encodes the graph while its last documents are stored, and names the page after)."""
    assets = resources.files("graph.view") / "assets"
    # Found, not imported: importing pyvis imports IPython, half a second of every build.
    vis = Path(find_spec("pyvis").origin).parent / "templates" / "lib" / "vis-9.1.2"
    replacements = {
        "__KG_TITLE__": html.escape(title),
        "__KG_CSS__": (assets / "page.css").read_text(encoding="utf-8"),
        "__KG_DATA__": data,
        "__KG_VIS_JS__": (vis / "vis-network.min.js").read_text(encoding="utf-8"),
        "__KG_JS__": (assets / "page.js").read_text(encoding="utf-8"),
    }
    page = (assets / "page.html").read_text(encoding="utf-8")
    # One pass, so that a placeholder written inside a document's text is never expanded.
    return re.sub(r"__KG_[A-Z_]+__", lambda m: replacements[m.group()], page)


def script_json(data: dict) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' can close it.

    >>> script_json({"name": "</script><b>"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def write_html(graph: nx.MultiDiGraph, path: Path, *, title: str = "Knowledge graph") -> None:
    path.write_text(render_html(graph, title=title), encoding="utf-8")


class NotebookPage:
    """The page as a Jupyter output: an `<iframe srcdoc=...>` holding the whole page.

    The iframe is a document of its own, so the page's script runs in JupyterLab, classic
    Notebook and VS Code without trusting the notebook, its Content-Security-Policy still
    forbids every request, and `sandbox` keeps it away from the notebook around it.
    """

    def __init__(self, page: str, *, height: int = 620) -> None:
        self.html = page
        self.height = height

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.html, quote=True)}" sandbox="allow-scripts" '
            f'title="Knowledge graph" style="width: 100%; height: {self.height}px; '
            'border: 1px solid #ddd; border-radius: 4px"></iframe>'
        )

    def display(self) -> None:
        """Show it now, even when it is not the last expression of the cell."""
        from IPython.display import display  # only notebooks need IPython

        display(self)

    def save(self, path: str | Path) -> Path:
        """Write the page itself (not the iframe) to `path`, to open in a browser."""
        path = Path(path)
        path.write_text(self.html, encoding="utf-8")
        return path


def show(
    source: Any,
    *,
    top: int | None = None,
    focus: str | None = None,
    hops: int = 1,
    community: int | None = None,
    title: str = "Knowledge graph",
    height: int = 620,
) -> NotebookPage:
    """The page of a graph, a store, an output folder or a page file, for a notebook cell.

    `source` is a networkx graph from `graph.store.facts.to_networkx`, an open store, the folder
    written by `kg build`, a store's folder or URL, or a `graph.html` file, shown as it is.
    `top`, `focus`/`hops` and `community` choose part of the graph, as `kg build` does; without
    `top`, at most DRAW_LIMIT entities are drawn, the most connected.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("ent/a", label="<A>", type="person", aliases=[], mentions=1)
    >>> cell = show(g)._repr_html_()
    >>> cell.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;'), "<A>" in cell
    (True, False)

    Raises:
        StoreError: `source` is a folder holding no store.
        SelectionError: `focus` names no entity, or there is no community `community`.
    """
    if isinstance(source, str | Path) and Path(source).suffix in {".html", ".htm"}:
        return NotebookPage(Path(source).read_text(encoding="utf-8"), height=height)
    graph = source if isinstance(source, nx.Graph) else read_graph(source)
    drawn = page_selection(
        graph,
        top=top,
        focus=focus,
        hops=hops,
        community=community,
        page="the page",
        choices="top=N, focus=NAME (and hops=N) or community=N",
    )
    return NotebookPage(render_html(drawn, title=title), height=height)


def page_selection(
    graph: nx.MultiDiGraph,
    *,
    top: int | None,
    focus: str | None,
    hops: int,
    community: int | None,
    page: str,
    choices: str,
) -> nx.MultiDiGraph:
    """The part of `graph` a page draws: as chosen (see graph.view.analyze.select), and without
    `top` at most DRAW_LIMIT entities, the most connected, with a warning that names the page
    and the `choices` the user has. Concepts, dates and quantities are left out as
    graph.rdf.network.entity_network says."""
    graph = entity_network(graph)
    drawn = select(graph, top=top, focus=focus, hops=hops, community_number=community)
    if top is None and len(drawn) > DRAW_LIMIT:
        log.warning(
            "%s shows the %s most connected of %s entities, as more draw slowly; choose with %s",
            page,
            f"{DRAW_LIMIT:,}",
            f"{len(drawn):,}",
            choices,
        )
        drawn = top_entities(drawn, limit=DRAW_LIMIT)
    return drawn


def read_graph(source: Any) -> nx.MultiDiGraph:
    """The entity network of an open store, a store's folder or URL, or a build's folder."""
    if not isinstance(source, str | Path):
        return to_networkx(source)
    from graph.store.remote import is_remote
    from graph.store.store import STORE_FOLDER, open_store

    if not is_remote(source) and (Path(source) / STORE_FOLDER).is_dir():
        source = Path(source) / STORE_FOLDER
    with open_store(source, read_only=True) as store:
        return to_networkx(store)
