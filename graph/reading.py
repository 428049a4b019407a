"""What a build reads: the documents to parse (new or changed since the stored build), their
parts, and their extractions, parsed here, by local processes or on a Dask cluster. The one
entry point of extraction for a build is `extract`."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from spacy.language import Language

from extract.documents import MAX_FILE_SIZE, read_document
from extract.errors import error_line
from extract.extractor import extract_documents
from extract.parallel import (
    Executor,
    ExtractionFailed,
    extract_parallel,
    process_pool,
)
from extract.parse_process import ParsingProcess
from extract.pipeline import document_parts
from extract.triple import Document, Extraction
from graph.errors import BuildError, InputError, KgError
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
    parser: ParsingProcess | None = None,
) -> Iterator[Extraction]:
    """The extraction of each part: parsed here, by `parser` (a child process forked before the
    store opened) while this process reads, or by `executor` (`window` batches in flight).

    Raises:
        BuildError: reading a part raised an unexpected error (no KgError); it names the file.
    """
    given: deque[Document] = deque()  # the parts handed to the parser, not yet extracted

    def handed() -> Iterator[Document]:
        for part in parts:
            given.append(part)
            yield part

    if executor is None:
        # No child forked now: the store's threads run.
        extractions = extract_documents(handed(), nlp=nlp, parser=parser, overlap=False)
    else:
        extractions = extract_parallel(handed(), executor=executor, window=window)
    return named_failures(extractions, given)


def named_failures(
    extractions: Iterator[Extraction], given: deque[Document]
) -> Iterator[Extraction]:
    """`extractions`, where an unexpected error names the part being read: extractions come in
    the order of the parts, so it is the first of `given` not yet extracted."""
    try:
        for extraction in extractions:
            done = (extraction.document.id, extraction.document.offset)
            while given:
                part = given.popleft()
                if (part.id, part.offset) == done:
                    break
            yield extraction
    except ExtractionFailed as e:
        raise failure(e.document, e.reason) from e
    except KgError:
        raise
    except Exception as e:
        if not given:
            raise
        raise failure(given[0].id, error_line(e)) from e


def failure(document: str, reason: str) -> BuildError:
    return BuildError(
        f"{document}: reading it failed ({reason}); what was read before it is stored: move "
        "the file away and run the same command again (--debug shows where it failed)"
    )


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
