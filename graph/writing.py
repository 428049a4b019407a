"""What a build writes of each document: its extraction resolved against the graph, stored as its
named graph (in batches, graph.store.batches), spooled as Turtle and added to the facts; and
what the store no longer needs (documents whose files are gone)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from extract.documents import missing_documents
from extract.entities import KnownEntities, resolve_extraction
from extract.triple import Extraction
from graph.errors import InputError
from graph.rdf.facts import Facts
from graph.rdf.quads import DocumentGraph, document_graph, entity_occurrences
from graph.reading import Pending, Progress
from graph.report import BuildReport
from graph.store.batches import BatchWriter
from graph.store.store import Store, document_paths, known_entities, remove_documents
from graph.terminal import count

log = logging.getLogger("kg")


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
    writer: BatchWriter | None = None,
) -> None:
    """Resolve each document's entities against the graph and write it, in batches
    (graph.store.batches); a long document's parts go one after another, and its content hash
    with its last part. What each adds to the facts is gathered in `facts`; `turtle` is given
    each batch's Turtle. Given a `writer` (of `store`), the documents go to it, and its last
    batch may still be in flight on return; else all are stored on return."""
    if writer is None:
        with BatchWriter(store, turtle=turtle) as own:
            write_extractions(
                store, extractions, pending, report, facts=facts, progress=progress,
                total=total, writer=own,
            )  # fmt: skip
        return
    known = KnownEntities(known_entities(store))
    words = 0
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
