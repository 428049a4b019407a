"""The main job: documents -> triples -> store -> Turtle and HTML, in one call.

`build` reads as the data flows: the paths give files (`find_files`), the files documents
(graph.reading: `changed_documents`), the documents their parts (`parts_of`) and extractions
(`extract`, the one entry point of extraction); each extraction is resolved against the graph
and handed to a writer thread that stores it and spools its Turtle while the next documents are
parsed (`write_extractions`, graph.store.batches); the facts are refreshed; then graph.ttl,
written by that thread while this one draws the page (`write_outputs`).

Only documents that are new or changed since the last build are parsed; each one's
contribution replaces its previous one, so building twice changes nothing and editing a file
replaces what it said.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import BinaryIO

import networkx as nx
from spacy.language import Language

from extract.documents import MAX_FILE_SIZE, STDIN, find_files
from extract.parse_process import file_sizes, parser_for
from extract.triple import Document, Extraction
from graph.errors import OutputError
from graph.rdf.facts import Facts
from graph.rdf.network import entity_network
from graph.rdf.vocab import document_iri
from graph.reading import (
    Pending,
    Progress,
    changed_documents,
    extract,
    extraction_executor,
    parts_of,
)
from graph.report import BuildReport
from graph.store.batches import BatchWriter
from graph.store.dump import spool_turtle, write_turtle
from graph.store.facts import refresh_facts
from graph.store.files import (
    PAGE,
    TURTLE,
    atomic_write,
    is_output_folder,
    make_folder,
    remove_stale_temporaries,
)
from graph.store.store import (
    STORE_FOLDER,
    Store,
    document_titles,
    open_store,
    page_title,
    stored_hashes,
)
from graph.view.analyze import most_connected
from graph.view.page_data import network_data
from graph.view.visualize import fill_page, page_selection, script_json
from graph.writing import forget_missing, require_some_input, write_extractions

log = logging.getLogger("kg")


@dataclass(frozen=True)
class PageChoice:
    """The part of the graph graph.html draws (see graph.view.analyze.select)."""

    top: int | None = None
    focus: str | None = None
    hops: int = 1
    community: int | None = None


def build(
    paths: Sequence[str | Path],
    *,
    out: Path = Path("output"),
    stdin_text: str | None = None,
    nlp: Language | None = None,
    remote: str | None = None,
    top: int | None = None,
    focus: str | None = None,
    hops: int = 1,
    community: int | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    progress: Progress | None = None,
    max_file_size: int | None = MAX_FILE_SIZE,
    keep_missing: bool = False,
) -> BuildReport:
    """Build or update the graph in `out` from the text files under `paths`.

    Writes `out/store` (the Oxigraph store), `out/graph.ttl` and `out/graph.html`; with `remote`,
    the URL of a SPARQL 1.1 store (see graph.store.remote), loads the graph there instead of
    `out/store`. `top`, `focus` with `hops`, and `community` restrict graph.html to part of the
    graph (see graph.view.analyze.select); the store and Turtle stay complete. Without `top`,
    graph.html holds at most DRAW_LIMIT entities, the most connected, and a warning says so.

    Documents are parsed by `workers` local processes, or on the Dask cluster whose scheduler
    address is `scheduler` (tcp://HOST:8786); either way the graph is the same. `progress` is
    called after each parsed document with (documents done, documents to parse, words done).
    Files larger than `max_file_size` bytes (None: no limit) are reported and skipped. What
    came from files that no longer exist below the folders of `paths` is removed from the graph,
    unless `keep_missing`.

    Raises:
        InputError: a path is missing, a folder holds no text, or no input could be read.
        OutputError: `out` cannot be written.
        StoreError: the store is locked by another kg command or damaged.
        SelectionError: `focus` names no entity, or there is no community `community`.
    """
    choice = PageChoice(top=top, focus=focus, hops=hops, community=community)
    return BuildJob(
        paths=paths,
        out=out,
        stdin_text=stdin_text,
        nlp=nlp,
        remote=remote,
        choice=choice,
        workers=workers,
        scheduler=scheduler,
        progress=progress,
        max_file_size=max_file_size,
        keep_missing=keep_missing,
    ).run()


@dataclass(frozen=True)
class BuildJob:
    """One build as asked (see `build`, which documents the fields)."""

    paths: Sequence[str | Path]
    out: Path
    stdin_text: str | None = None
    nlp: Language | None = None
    remote: str | None = None
    choice: PageChoice = PageChoice()
    workers: int = 1
    scheduler: str | None = None
    progress: Progress | None = None
    max_file_size: int | None = MAX_FILE_SIZE
    keep_missing: bool = False

    def run(self) -> BuildReport:
        """Paths -> documents -> extractions -> store and Turtle -> network -> page."""
        out = self.out
        prepare_folder(out)
        report = BuildReport(out=out)
        paths = [p for p in self.paths if str(p) != STDIN]
        files = find_files(paths, exclude=out, skip_folder=is_output_folder, skipped=report.skipped)
        # The executor and the parsing child first: processes fork before the store starts
        # its threads.
        with (
            extraction_executor(self.workers, self.scheduler) as (executor, window),
            parser_for(self.sizes(files) if executor is None else [], nlp=self.nlp) as parser,
            open_store(self.remote or out / STORE_FOLDER) as store,
            ExitStack() as stack,
        ):
            # The store is ours (locked) from here: what a killed build left can go.
            remove_stale_temporaries(out, [TURTLE, PAGE])
            # The Turtle of the documents written; a remote store's graph.ttl is read back.
            spool = None if self.remote is not None else turtle_spool(stack, out)
            turtle = None if spool is None else partial(spool_turtle, spool, path=out / TURTLE)
            # Last on the stack, so first out: its writes end before the spool closes.
            writer = stack.enter_context(BatchWriter(store, turtle=turtle))
            parse = partial(extract, nlp=self.nlp, executor=executor, window=window, parser=parser)
            facts = self.write_documents(store, files, report, writer=writer, parse=parse)
            graph, drawn = write_outputs(
                store, facts, out, writer=writer, spool=spool, report=report, choice=self.choice
            )
            report.documents = len(stored_hashes(store))
        report.entities = graph.number_of_nodes()
        report.relations = graph.number_of_edges()
        report.most_connected = most_connected(graph)
        report.drawn = drawn.number_of_nodes()
        return report

    def sizes(self, files: list[Path]) -> list[int]:
        """The sizes of the inputs, to tell whether parsing in a child pays."""
        stdin = [] if self.stdin_text is None else [len(self.stdin_text)]
        return file_sizes(files) + stdin

    def write_documents(
        self,
        store: Store,
        files: list[Path],
        report: BuildReport,
        *,
        writer: BatchWriter,
        parse: Callable[[Iterable[Document]], Iterator[Extraction]],
    ) -> Facts:
        """Store (and spool the Turtle of) the documents new or changed, forget those whose
        files are gone, refresh the facts; return them. The last batch and the facts may
        still be being written, by `writer`, on return."""
        hashes = stored_hashes(store)
        stored = forget_missing(store, self.paths, files, report, keep=self.keep_missing)
        pending: Pending = {}
        documents = changed_documents(files, self.stdin_text, hashes, report, self.max_file_size)
        facts = Facts()
        write_extractions(
            store,
            parse(parts_of(documents, pending)),
            pending,
            report,
            facts=facts,
            progress=self.progress,
            total=len(files) + (self.stdin_text is not None),
            writer=writer,
        )
        require_some_input(report)
        # Reading the store back costs more than writing it: when this build parsed every
        # document the store holds, the facts gathered on the way are the store's facts, and
        # go with the last batch, stored while the page is made. Always rewritten: a build
        # interrupted after its document writes left them behind.
        if stored <= set(report.parsed):
            writer.send(default=facts.nquads())
            return facts
        writer.send()
        writer.wait()
        return refresh_facts(store)


def prepare_folder(out: Path) -> None:
    """Create the output folder, failing early if it cannot be written."""
    make_folder(out)
    probe = out / ".kg-write-test"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as e:
        raise OutputError(
            f"{out}: output folder is not writable ({e.strerror}); choose another --out"
        ) from e


def turtle_spool(stack: ExitStack, out: Path) -> BinaryIO:
    """A temporary file for the Turtle of the documents written, for graph.ttl: unnamed, so
    nothing is left if the build is killed; unbuffered, so that a full disk fails the write,
    not the close."""
    return stack.enter_context(tempfile.TemporaryFile(dir=out, buffering=0))


def write_outputs(
    store: Store,
    facts: Facts,
    out: Path,
    *,
    writer: BatchWriter,
    spool: BinaryIO | None,
    report: BuildReport,
    choice: PageChoice,
) -> tuple[nx.MultiDiGraph, nx.MultiDiGraph]:
    """Write graph.ttl and graph.html; return the network and the part of it drawn."""
    # The store writes the Turtle without holding the GIL: draw the page meanwhile.
    written = {document_iri(document) for document in report.parsed}
    exporting = writer.then(
        write_turtle,
        store,
        out / TURTLE,
        spool=spool,
        spooled=written,
        facts=None if spool is None else facts.turtle(),  # a remote store's is read back
    )
    graph = entity_network(facts.network())  # what the page and the summary show
    drawn = page_selection(
        graph,
        top=choice.top,
        focus=choice.focus,
        hops=choice.hops,
        community=choice.community,
        page=PAGE,
        choices="--top N, --focus NAME --hops N or --community N",
    )
    data = script_json(network_data(drawn))  # laid out while the last batch is stored
    writer.stored.result()  # the titles of the documents of the last batch
    title = page_title(document_titles(store))
    page = fill_page(data, title=title)
    atomic_write(out / PAGE, lambda tmp: tmp.write_text(page, encoding="utf-8"))
    exporting.result()
    return graph, drawn
