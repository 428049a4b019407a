"""The main job: documents -> triples -> store -> Turtle and HTML, in one call.

`build` reads as the data flows: the paths give files (`find_files`), the files documents
(graph.reading: `changed_documents`), the documents their parts (`parts_of`) and extractions
(`extract`, the one entry point of extraction); each extraction is resolved against the graph
and written to the store and the Turtle spool (`write_extractions`); the facts are refreshed;
then graph.ttl and the page (`write_outputs`).

Only documents that are new or changed since the last build are parsed; each one's
contribution replaces its previous one, so building twice changes nothing and editing a file
replaces what it said.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import BinaryIO

import networkx as nx
from spacy.language import Language

from extract.documents import MAX_FILE_SIZE, STDIN, find_files, missing_documents
from extract.entities import KnownEntities, resolve_extraction
from extract.triple import Extraction
from graph.errors import InputError, OutputError
from graph.rdf.facts import Facts
from graph.rdf.network import entity_network
from graph.rdf.quads import DocumentGraph, document_graph, entity_occurrences
from graph.rdf.vocab import document_iri
from graph.reading import Pending, changed_documents, extract, extraction_executor, parts_of
from graph.store.batches import BatchWriter
from graph.store.dump import spool_turtle, write_turtle
from graph.store.facts import refresh_facts
from graph.store.files import atomic_write, make_folder, remove_stale_temporaries
from graph.store.store import (
    STORE_FOLDER,
    Store,
    document_paths,
    document_titles,
    known_entities,
    open_store,
    page_title,
    remove_documents,
    stored_hashes,
)
from graph.terminal import count
from graph.view.analyze import most_connected
from graph.view.visualize import page_selection, write_html

log = logging.getLogger("kg")
# What a build writes beside its store, each atomically.
TURTLE, PAGE = "graph.ttl", "graph.html"
Progress = Callable[[int, int, int], None]


@dataclass
class BuildReport:
    """What a build did and what the graph holds afterwards."""

    out: Path
    parsed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # documents whose files are gone
    documents: int = 0
    entities: int = 0
    relations: int = 0
    most_connected: list[tuple[str, int]] = field(default_factory=list)
    drawn: int = 0  # entities in graph.html


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
    prepare_folder(out)
    report = BuildReport(out=out)
    files = find_files([p for p in paths if str(p) != STDIN], exclude=out, skipped=report.skipped)
    choice = PageChoice(top=top, focus=focus, hops=hops, community=community)
    # The executor first: worker processes fork before the store starts its threads.
    with (
        extraction_executor(workers, scheduler) as (executor, window),
        open_store(remote or out / STORE_FOLDER) as store,
        ExitStack() as stack,
    ):
        # The store is ours (locked) from here: what a killed build left can go.
        remove_stale_temporaries(out, [TURTLE, PAGE])
        hashes = stored_hashes(store)
        stored = forget_missing(store, paths, files, report, keep=keep_missing)
        pending: Pending = {}
        documents = changed_documents(files, stdin_text, hashes, report, max_file_size)
        parts = parts_of(documents, pending)
        # Unnamed, so nothing is left if the build is killed. A remote store's graph.ttl is
        # read back from it.
        spool = None if remote is not None else turtle_spool(stack, out)
        facts = Facts()
        write_extractions(
            store,
            extract(parts, nlp=nlp, executor=executor, window=window),
            pending,
            report,
            facts=facts,
            progress=progress,
            total=len(files) + (stdin_text is not None),
            turtle=None if spool is None else partial(spool_turtle, spool, path=out / TURTLE),
        )
        require_some_input(report)
        # Reading the store back costs more than writing it: when this build parsed every
        # document the store holds, the facts gathered on the way are the store's facts.
        # Always refreshed: a build interrupted after its document writes left them behind.
        facts = refresh_facts(store, facts if stored <= set(report.parsed) else None)
        graph, drawn = write_outputs(store, facts, out, spool=spool, report=report, choice=choice)
        report.documents = len(stored_hashes(store))
    report.entities = graph.number_of_nodes()
    report.relations = graph.number_of_edges()
    report.most_connected = most_connected(graph)
    report.drawn = drawn.number_of_nodes()
    return report


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


def forget_missing(
    store: Store, paths: Sequence[str | Path], files: list[Path], report: BuildReport, *, keep: bool
) -> set[str]:
    """Remove from the store what came from files no longer below the folders of `paths`
    (unless `keep`); return the documents the store holds then."""
    stored = document_paths(store)
    if not keep:
        report.removed = missing_documents(stored, paths, files)
        remove_documents(store, report.removed)
        stored -= set(report.removed)
    return stored


def turtle_spool(stack: ExitStack, out: Path) -> BinaryIO:
    """A temporary file for the Turtle of the documents written, for graph.ttl; unbuffered, so
    that a full disk fails the write, not the close."""
    return stack.enter_context(tempfile.TemporaryFile(dir=out, buffering=0))


def write_extractions(
    store: Store,
    extractions: Iterable[Extraction],
    pending: Pending,
    report: BuildReport,
    *,
    facts: Facts,
    progress: Progress | None,
    total: int,
    turtle: Callable[[Iterable[bytes]], None] | None = None,
) -> None:
    """Resolve each document's entities against the graph and write it, in batches
    (graph.store.batches); a long document's parts go one after another, and its content hash
    with its last part. What each adds to the facts is gathered in `facts`; `turtle` is given
    each batch's Turtle."""
    known = KnownEntities(known_entities(store))
    words = 0
    with BatchWriter(store, turtle=turtle) as writer:
        for extraction in extractions:
            extraction = resolve_extraction(extraction, known)
            writer.add(graph_of(extraction, pending, report, facts))
            if progress is not None:
                words += len(extraction.document.text.split())
                done = len(report.parsed) + len(report.unchanged) + len(report.skipped)
                progress(done, max(total, done), words)


def graph_of(
    extraction: Extraction, pending: Pending, report: BuildReport, facts: Facts
) -> DocumentGraph:
    """The graph of one document part, its content hash on its last part; its facts added to
    `facts`, its document counted as parsed on its first part."""
    occurrences = entity_occurrences(extraction)
    facts.add_extraction(extraction, occurrences=occurrences)
    document = extraction.document
    left, digest = pending.pop(document.id)
    if left > 1:
        pending[document.id] = (left - 1, digest)
    if document.offset == 0:
        report.parsed.append(document.id)
    log.debug(
        "%s: read %s, %s",
        document.id,
        count(len(extraction.triples), "triple"),
        count(len(extraction.mentions), "mention"),
    )
    return document_graph(
        extraction,
        content_hash=digest if left == 1 else None,
        replaces=document.offset == 0,
        occurrences=occurrences,
    )


def require_some_input(report: BuildReport) -> None:
    """Raises InputError when no input could be read at all."""
    if not report.parsed and not report.unchanged and not report.empty:
        raise InputError(
            "no input could be read: " + "; ".join(f"{p}: {r}" for p, r in report.skipped)
        )


def write_outputs(
    store: Store,
    facts: Facts,
    out: Path,
    *,
    spool: BinaryIO | None,
    report: BuildReport,
    choice: PageChoice,
) -> tuple[nx.MultiDiGraph, nx.MultiDiGraph]:
    """Write graph.ttl and graph.html; return the network and the part of it drawn."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-turtle") as exporter:
        # The store writes the Turtle without holding the GIL: draw the page meanwhile.
        written = {document_iri(document) for document in report.parsed}
        exporting = exporter.submit(write_turtle, store, out / TURTLE, spool=spool, spooled=written)
        graph = entity_network(facts.network())  # what the page and the summary show
        title = page_title(document_titles(store))
        drawn = page_selection(
            graph,
            top=choice.top,
            focus=choice.focus,
            hops=choice.hops,
            community=choice.community,
            page=PAGE,
            choices="--top N, --focus NAME --hops N or --community N",
        )
        atomic_write(out / PAGE, lambda tmp: write_html(drawn, tmp, title=title))
        exporting.result()
    return graph, drawn
