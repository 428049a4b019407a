"""What a build reads: the documents to parse (new or changed since the stored build), their
parts, and their extractions, parsed here, by local processes or on a Dask cluster. The one
entry point of extraction for a build is `extract`."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from spacy.language import Language

from extract.documents import MAX_FILE_SIZE, read_document
from extract.extractor import extract_documents
from extract.parallel import Executor, extract_parallel, process_pool
from extract.pipeline import document_parts
from extract.triple import Document, Extraction
from graph.errors import BuildError, InputError
from graph.rdf.quads import content_hash
from graph.report import BuildReport

log = logging.getLogger("kg")
# Seconds to wait for a Dask scheduler to answer.
DASK_TIMEOUT = 10
# Per document being written: how many of its parts are still to come, and its content hash.
Pending = dict[str, tuple[int, str]]
# Called after each document parsed with (documents done, documents to parse, words done).
Progress = Callable[[int, int, int], None]


def changed_documents(
    files: list[Path],
    stdin_text: str | None,
    hashes: dict[str, str],
    report: BuildReport,
    max_bytes: int | None = MAX_FILE_SIZE,
) -> Iterator[tuple[Document, str]]:
    """The documents to parse, each with its content hash: readable, and new or changed since
    the stored build (`hashes`); `report` is told which were empty, unchanged or skipped."""
    for document in read_all(files, stdin_text, report, max_bytes):
        digest = content_hash(document.text)
        if not document.text.strip():
            # Warned of, and still stored when new or changed: its empty graph replaces what
            # the file said before it was emptied, and its hash marks it read.
            log.warning("%s: empty document, nothing to read", document.id)
            report.empty.append(document.id)
        if hashes.get(document.id) == digest:
            report.unchanged.append(document.id)
            continue
        yield document, digest


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


def with_hashes(documents: Iterable[Document]) -> Iterator[tuple[Document, str]]:
    """Documents with their content hashes, as `parts_of` takes them."""
    return ((document, content_hash(document.text)) for document in documents)


def parts_of(documents: Iterable[tuple[Document, str]], pending: Pending) -> Iterator[Document]:
    """The parts of each document (most documents are one part), noting in `pending`, before
    its first part goes, how many parts it has and its content hash."""
    for document, digest in documents:
        parts = document_parts(document)
        # The first part carries what the file says of itself (format, title...), for its graph.
        parts[0] = replace(document, text=parts[0].text, offset=parts[0].offset)
        pending[document.id] = (len(parts), digest)
        yield from parts


def extract(
    parts: Iterable[Document],
    *,
    nlp: Language | None = None,
    executor: Executor | None = None,
    window: int = 0,
) -> Iterator[Extraction]:
    """The extraction of each part: parsed here, or by `executor` (`window` batches in flight)."""
    if executor is None:
        return extract_documents(parts, nlp=nlp)
    return extract_parallel(parts, executor=executor, window=window)


@contextmanager
def extraction_executor(
    workers: int, scheduler: str | None
) -> Iterator[tuple[Executor | None, int]]:
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


def dask_client(scheduler: str):  # -> distributed.Client, an optional dependency
    """A client of the Dask cluster at `scheduler`."""
    try:
        from distributed import Client
    except ImportError as e:
        raise BuildError("--scheduler needs Dask: pip install 'kg[dask]'") from e
    try:
        return Client(scheduler, timeout=DASK_TIMEOUT)
    except OSError as e:
        raise BuildError(f"--scheduler {scheduler}: no Dask scheduler answers there ({e})") from e
