"""kg's graph side: RDF store, SPARQL, networkx views, the HTML page.

The calls a notebook needs are here, imported on first use so that `import graph` stays fast:

>>> import graph
>>> sorted(graph.__all__)[:3]
['KnowledgeGraph', 'build_graph', 'centrality']

`build_graph(paths)` and `from_texts(texts)` build a graph in memory; `open_graph(folder)` opens
one `kg build` stored; a `KnowledgeGraph` answers `.query()`, `.rows()`, `.frame()` (pandas),
`.network()` (networkx), `.show()` (inline in Jupyter) and `.export(path)`.
"""

from __future__ import annotations

import importlib

# Name -> the module that defines it.
_LAZY = {
    "KnowledgeGraph": "graph.api",
    "build_graph": "graph.api",
    "from_texts": "graph.api",
    "open_graph": "graph.api",
    "show": "graph.view.visualize",
    "centrality": "graph.view.analyze",
    "communities": "graph.view.analyze",
}
__all__ = sorted(_LAZY)


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'graph' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
