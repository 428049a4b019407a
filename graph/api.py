"""The calls a notebook needs, on one object: build a graph from files or from strings (in
memory, no output folder), or open one a build stored; query it into rows or a DataFrame; its
networkx view; its page inline; export it. `import graph` exposes these names lazily.

>>> kg = from_texts(["Acme acquired Globex. Jane Smith leads Acme."])
>>> kg.rows("SELECT ?who WHERE { ?who rel:acquire ent:globex }")
[{'who': 'ent:acme'}]
>>> sorted(kg.network().nodes(data="label"))[0]
('https://kg.example.org/entity/acme', 'Acme')
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from graph.query.presets import preset_query
from graph.query.results import QueryResult
from graph.query.sparql import run_query

if TYPE_CHECKING:
    import networkx
    import pandas
    from spacy.language import Language

    from extract.triple import Document
    from graph.report import BuildReport
    from graph.view.visualize import NotebookPage

log = logging.getLogger("kg")


class KnowledgeGraph:
    """A graph kg built, over its store: in memory (`build_graph`, `from_texts`) or a store
    folder opened read-only (`open_graph`). Shown inline in Jupyter as its page.

    >>> KnowledgeGraph(ox.Store()).rows("ASK { ?s ?p ?o }")
    [{'boolean': False}]
    """

    def __init__(self, store: ox.Store, *, skipped: Sequence[tuple[str, str]] = ()) -> None:
        self.store = store
        self.skipped = list(skipped)  # (path, reason) of each file that could not be read
        self.report: BuildReport | None = None  # what build_graph(..., out=) did
        self._network: networkx.MultiDiGraph | None = None
        self._closing = ExitStack()

    def query(
        self, text: str, *, bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None
    ) -> QueryResult:
        """Run a SPARQL query (kg's prefixes declared) over all graphs."""
        return run_query(self.store, text, bindings=bindings)

    def preset(self, name: str, *arguments: str) -> QueryResult:
        """Run a ready-made query: entities, relations, neighbors ENTITY, path FROM TO,
        sources ENTITY (as `kg query --preset`)."""
        from graph.query.presets import ENTITY_PRESETS, check_entities, shortest_paths

        text, bindings = preset_query(name, arguments)
        if name in ENTITY_PRESETS:
            check_entities(self.store, arguments)
            if name == "path":
                return shortest_paths(self.network(), *arguments)
        return run_query(self.store, text, name=f"preset {name}", bindings=bindings)

    def rows(self, text: str | None = None, *, preset: str | None = None, arguments=()) -> list:
        """A query's answer as a list of dicts, IRIs as prefixed names (`ent:meta`), literals
        as numbers, booleans or text."""
        from graph.query.frames import python_value

        result = self.preset(preset, *arguments) if preset else self.query(text or "")
        if result.boolean is not None:
            return [{"boolean": result.boolean}]
        return [
            {v: python_value(term) for v, term in zip(result.variables, row)} for row in result.rows
        ]

    def frame(
        self, text: str | None = None, *, preset: str | None = None, arguments=()
    ) -> pandas.DataFrame:
        """A query's answer (or a preset's) as a pandas DataFrame (pip install kg[notebook])."""
        from graph.query.frames import to_dataframe

        result = self.preset(preset, *arguments) if preset else self.query(text or "")
        return to_dataframe(result)

    def network(self) -> networkx.MultiDiGraph:
        """The entity network (graph.store.facts.to_networkx), made once."""
        from graph.store.facts import to_networkx

        if self._network is None:
            self._network = to_networkx(self.store)
        return self._network

    def show(self, **options: Any) -> NotebookPage:
        """The interactive page, for a notebook cell (options as graph.view.visualize.show)."""
        from graph.store.store import document_titles, page_title
        from graph.view.visualize import show

        options.setdefault("title", page_title(document_titles(self.store)))
        return show(self.network(), **options)

    def _repr_html_(self) -> str:
        return self.show()._repr_html_()

    def export(self, path: str | Path, *, format: str | None = None) -> list[Path]:
        """Write the graph to `path` in `format` (ttl, nt, jsonld, trig, nquads, graphml, csv;
        by default from the suffix), as `kg export`."""
        from graph.view.export import export_store

        path = Path(path)
        fmt = format or {".nq": "nquads", "": "csv"}.get(path.suffix, path.suffix.lstrip("."))
        return export_store(self.store, fmt=fmt, out=path)

    def close(self) -> None:
        """Let go of the store (a store folder opened by `open_graph` is unlocked)."""
        self._closing.close()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def build_graph(
    paths: Iterable[str | Path], *, out: str | Path | None = None, nlp: Language | None = None
) -> KnowledgeGraph:
    """The graph of the documents under `paths` (files and folders), built in memory; with
    `out`, stored there as `kg build` stores it (store, graph.ttl, graph.html: building again
    parses only what changed) and opened read-only, the build's report in `.report`. Files that
    cannot be read are logged and listed in `.skipped`."""
    from extract.documents import read_documents
    from graph.store.files import is_output_folder

    if out is not None:
        from graph.build import build

        report = build(list(paths), out=Path(out), nlp=nlp)
        graph = open_graph(out)
        graph.skipped, graph.report = report.skipped, report
        return graph
    skipped: list[tuple[str, str]] = []
    documents = read_documents(list(paths), skip_folder=is_output_folder, skipped=skipped)
    graph = from_documents(documents, nlp=nlp)
    graph.skipped = skipped
    return graph


def from_texts(
    texts: Iterable[str] | Mapping[str, str], *, nlp: Language | None = None
) -> KnowledgeGraph:
    """The graph of texts held in memory: a list (documents `text-1`, `text-2`...) or a
    mapping of document names to texts."""
    from extract.triple import Document

    named = texts.items() if isinstance(texts, Mapping) else (
        (f"text-{i}", text) for i, text in enumerate(texts, 1)
    )  # fmt: skip
    return from_documents((Document(id=name, text=text) for name, text in named), nlp=nlp)


def from_documents(documents: Iterable[Document], *, nlp: Language | None = None) -> KnowledgeGraph:
    """The graph of `Document`s, in an in-memory store, made as `kg build` makes it."""
    from graph.rdf.facts import Facts
    from graph.reading import Pending, extract, parts_of, with_hashes
    from graph.report import BuildReport
    from graph.store.facts import refresh_facts
    from graph.writing import write_extractions

    store = ox.Store()  # in memory
    pending: Pending = {}
    report = BuildReport(out=Path())
    extractions = extract(parts_of(with_hashes(documents), pending), nlp=nlp)
    facts = Facts()
    write_extractions(store, extractions, pending, report, facts=facts, progress=None, total=0)
    refresh_facts(store, facts)
    return KnowledgeGraph(store, skipped=report.skipped)


def open_graph(path: str | Path) -> KnowledgeGraph:
    """The graph `kg build` stored: its output folder or store folder, opened read-only (a
    build may write it meanwhile; the graph is seen as it was).

    Raises:
        StoreError: no kg store there.
    """
    from graph.store.store import find_store, open_store

    stack = ExitStack()
    store = stack.enter_context(open_store(find_store(path), read_only=True))
    graph = KnowledgeGraph(store)
    graph._closing = stack
    return graph
