"""The main job: documents -> triples -> store -> Turtle and HTML, in one call.

Only documents that are new or changed since the last build are parsed; each one's
contribution replaces its previous one, so building twice changes nothing and editing a file
replaces what it said.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from pyoxigraph import Store
from spacy.language import Language

from extract.documents import (
    MAX_FILE_SIZE,
    STDIN,
    find_files,
    missing_documents,
    read_document,
)
from extract.entities import KnownEntities, resolve_extraction
from extract.extractor import extract_documents
from extract.parallel import extract_parallel, process_pool
from extract.pipeline import document_parts
from extract.triple import Document, Extraction
from graph.errors import BuildError, InputError, OutputError
from graph.rdf.facts import Facts
from graph.rdf.network import entity_network
from graph.rdf.quads import DocumentGraph, content_hash, document_graph, entity_occurrences
from graph.rdf.vocab import document_iri
from graph.store.dump import spool_turtle, write_turtle
from graph.store.facts import refresh_facts
from graph.store.files import atomic_write, make_folder, remove_stale_temporaries
from graph.store.store import (
    STORE_FOLDER,
    document_paths,
    document_titles,
    known_entities,
    open_store,
    page_title,
    remove_documents,
    replace_documents,
    stored_hashes,
)
from graph.terminal import count
from graph.view.analyze import most_connected
from graph.view.visualize import page_selection, write_html

log = logging.getLogger("kg")
# Bytes of N-Quads written to the store at once. Each write adds files that RocksDB merges
# in the background: measured on 1,000 articles with 2 workers, batches of 16 articles (about
# 3.6 MB) cost 45 s of merging, of 128 articles 15 s, of 512 articles 4 s.
WRITE_BYTES = 64_000_000
# Seconds to wait for a Dask scheduler to answer.
DASK_TIMEOUT = 10


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
    progress: Callable[[int, int, int], None] | None = None,
    max_file_size: int | None = MAX_FILE_SIZE,
    keep_missing: bool = False,
) -> BuildReport:
    """Build or update the graph in `out` from the text files under `paths`.

    Writes `out/store` (the Oxigraph store), `out/graph.ttl` and `out/graph.html`; with `remote`,
    the URL of a SPARQL 1.1 store (see graph.store.remote), loads the graph there instead of
    `out/store`.
    `top`, `focus` with `hops`, and `community` restrict graph.html to part of the graph (see
    graph.view.analyze.select); the store and Turtle stay complete. Without `top`, graph.html
    holds at most DRAW_LIMIT entities, the most connected, and a warning says so.

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
    # The executor first: worker processes fork before the store starts its threads.
    with (
        extraction_executor(workers, scheduler) as (executor, window),
        open_store(remote or out / STORE_FOLDER) as store,
        ExitStack() as stack,
    ):
        # The store is ours (locked) from here: what a killed build left can go.
        remove_stale_temporaries(out, ["graph.ttl", "graph.html"])
        hashes = stored_hashes(store)
        stored = document_paths(store)
        if not keep_missing:
            report.removed = missing_documents(stored, paths, files)
            remove_documents(store, report.removed)
            stored -= set(report.removed)
        pending: dict[str, tuple[int, str]] = {}
        parts = parts_of(
            changed_documents(files, stdin_text, hashes, report, max_file_size), pending
        )
        if executor is None:
            extractions = extract_documents(parts, nlp=nlp)
        else:
            extractions = extract_parallel(parts, executor=executor, window=window)
        total = len(files) + (stdin_text is not None)
        facts = Facts()
        # The Turtle of the documents written, for graph.ttl: unnamed, so nothing is left if
        # the build is killed; unbuffered, so that a full disk fails the write, not the close.
        # A remote store's graph.ttl is read back from it.
        spool, turtle = None, None
        if remote is None:
            spool = stack.enter_context(tempfile.TemporaryFile(dir=out, buffering=0))
            turtle = partial(spool_turtle, spool, path=out / "graph.ttl")
        write_extractions(
            store,
            extractions,
            pending,
            report,
            facts=facts,
            progress=progress,
            total=total,
            turtle=turtle,
        )
        if not report.parsed and not report.unchanged and not report.empty:
            raise InputError(
                "no input could be read: " + "; ".join(f"{p}: {r}" for p, r in report.skipped)
            )
        # Reading the store back costs more than writing it: when this build parsed every
        # document the store holds, the facts gathered on the way are the store's facts.
        # Always refreshed: a build interrupted after its document writes left them behind.
        facts = refresh_facts(store, facts if stored <= set(report.parsed) else None)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-turtle") as exporter:
            # The store writes the Turtle without holding the GIL: draw the page meanwhile.
            written = {document_iri(document) for document in report.parsed}
            exporting = exporter.submit(
                write_turtle, store, out / "graph.ttl", spool=spool, spooled=written
            )
            graph = entity_network(facts.network())  # what the page and the summary show
            title = page_title(document_titles(store))
            drawn = page_selection(
                graph,
                top=top,
                focus=focus,
                hops=hops,
                community=community,
                page="graph.html",
                choices="--top N, --focus NAME --hops N or --community N",
            )
            atomic_write(
                out / "graph.html",
                lambda tmp: write_html(drawn, tmp, title=title),
            )
            exporting.result()
        report.documents = len(stored_hashes(store))
    report.entities = graph.number_of_nodes()
    report.relations = graph.number_of_edges()
    report.most_connected = most_connected(graph)
    report.drawn = drawn.number_of_nodes()
    return report


def parts_of(
    documents: Iterable[Document], pending: dict[str, tuple[int, str]]
) -> Iterator[Document]:
    """The parts of each document (most documents are one part), noting in `pending`, before
    its first part goes, how many parts it has and its content hash."""
    for document in documents:
        parts = document_parts(document)
        # The first part carries what the file says of itself (format, title...), for its graph.
        parts[0] = replace(document, text=parts[0].text, offset=parts[0].offset)
        pending[document.id] = (len(parts), content_hash(document.text))
        yield from parts


def write_extractions(
    store: Store,
    extractions: Iterable[Extraction],
    pending: dict[str, tuple[int, str]],
    report: BuildReport,
    *,
    facts: Facts,
    progress: Callable[[int, int, int], None] | None,
    total: int,
    turtle: Callable[[Iterable[bytes]], None] | None = None,
) -> None:
    """Resolve each document's entities against the graph and write it, in batches; a long
    document's parts go one after another, and its content hash with its last part. What each
    adds to the facts is gathered in `facts`; `turtle` is given each batch's Turtle.

    A writer thread stores one batch while this thread parses the next: the store loads N-Quads
    without holding the GIL, so the writes cost the parse (almost) nothing. Only one batch is in
    flight, and an error in it is raised here before the next batch goes.
    """
    batch: list[DocumentGraph] = []
    size = 0
    known = KnownEntities(known_entities(store))
    words = 0
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-writer") as writer:
        writing: Future | None = None
        for extraction in extractions:
            extraction = resolve_extraction(extraction, known)
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
            batch.append(
                document_graph(
                    extraction,
                    content_hash=digest if left == 1 else None,
                    replaces=document.offset == 0,
                    occurrences=occurrences,
                )
            )
            size += len(batch[-1].nquads)
            if size >= WRITE_BYTES:
                if writing is not None:
                    writing.result()
                writing = writer.submit(write_batch, store, batch, turtle)
                batch, size = [], 0
            if progress is not None:
                words += len(document.text.split())
                done = len(report.parsed) + len(report.unchanged) + len(report.skipped)
                progress(done, max(total, done), words)
        if writing is not None:
            writing.result()
    write_batch(store, batch, turtle)


def write_batch(
    store: Store,
    graphs: list[DocumentGraph],
    turtle: Callable[[Iterable[bytes]], None] | None,
) -> None:
    replace_documents(store, graphs)
    if turtle is not None:
        turtle(graph.turtle for graph in graphs)


@contextmanager
def extraction_executor(workers: int, scheduler: str | None) -> Iterator[tuple[Any, int]]:
    """The executor that parses documents and the batches to keep in flight: None for this
    process, a local process pool, or a Dask client."""
    if scheduler is not None:
        client = dask_client(scheduler)
        try:
            yield client, 2 * max(1, sum(client.nthreads().values()))
        finally:
            client.close()
    elif workers > 1:
        with process_pool(workers) as pool:
            yield pool, 2 * workers
    else:
        yield None, 0


def dask_client(scheduler: str) -> Any:
    """A client of the Dask cluster at `scheduler`."""
    try:
        from distributed import Client
    except ImportError as e:
        raise BuildError("--scheduler needs Dask: pip install 'kg[dask]'") from e
    try:
        return Client(scheduler, timeout=DASK_TIMEOUT)
    except OSError as e:
        raise BuildError(f"--scheduler {scheduler}: no Dask scheduler answers there ({e})") from e


def changed_documents(
    files: list[Path],
    stdin_text: str | None,
    hashes: dict[str, str],
    report: BuildReport,
    max_bytes: int | None = MAX_FILE_SIZE,
) -> Iterator[Document]:
    """The documents to parse: readable, not empty, and new or changed since the stored build."""
    for document in read_all(files, stdin_text, report, max_bytes):
        if not document.text.strip():
            log.warning("%s: empty document, nothing to read", document.id)
            report.empty.append(document.id)
        if hashes.get(document.id) == content_hash(document.text):
            report.unchanged.append(document.id)
            continue
        yield document


def read_all(
    files: list[Path], stdin_text: str | None, report: BuildReport, max_bytes: int | None
) -> Iterator[Document]:
    if stdin_text is not None:
        yield Document(id="stdin", text=stdin_text)
    for file in files:
        try:
            yield read_document(file, max_bytes=max_bytes)
        except InputError as e:
            log.error("skipped %s", e)
            report.skipped.append((str(file), str(e).split(": ", 1)[-1]))


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
