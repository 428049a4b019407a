"""Extraction on several processes or machines, results in input order.

Each worker parses and reads whole batches of documents and sends back only the small
`Extraction`s, not spaCy `Doc`s (which spaCy's own `n_process` ships between processes). Any
executor with `submit(fn, *args) -> future` and `future.result()` serves: a local process pool,
or a Dask distributed client, so the same code runs on a laptop and on a cluster. At most
`window` batches are in flight, so memory stays flat however long the input.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Protocol

from extract.errors import KgError, error_line
from extract.extractor import extract_documents
from extract.pipeline import load_pipeline
from extract.triple import Document, Extraction

# Documents per task: large enough that a task's overhead is small against parsing it,
# small enough that workers stay evenly busy.
BATCH_DOCUMENTS = 8


class Executor(Protocol):
    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Any: ...


class ExtractionFailed(Exception):
    """Reading one document (or part) raised an unexpected error: its id, offset, the error in
    one line, and the extractions of the documents before it in its batch (`done`), which
    cross from a worker process as they are."""

    def __init__(
        self, document: str, offset: int, reason: str, done: tuple[Extraction, ...] = ()
    ) -> None:
        super().__init__(document, offset, reason, done)
        self.document, self.offset, self.reason, self.done = document, offset, reason, done

    def __str__(self) -> str:
        return f"{self.document}: {self.reason}"


def extract_batch(documents: list[Document]) -> list[Extraction]:
    """The task a worker runs: its pipeline is loaded once per process (cached).

    Raises:
        ExtractionFailed: reading a document raised an error that is no KgError; it names the
            document (each of `documents` gives one extraction, in order).
    """
    extractions: list[Extraction] = []
    try:
        # A worker parses its own batches: it forks no parsing child of its own.
        for extraction in extract_documents(documents, nlp=load_pipeline(), overlap=False):
            extractions.append(extraction)
    except KgError:
        raise
    except Exception as e:
        failed = documents[min(len(extractions), len(documents) - 1)]
        raise ExtractionFailed(failed.id, failed.offset, error_line(e), tuple(extractions)) from e
    return extractions


def extract_parallel(
    documents: Iterable[Document],
    *,
    executor: Executor,
    window: int,
    batch_documents: int = BATCH_DOCUMENTS,
) -> Iterator[Extraction]:
    """Extract `documents` through `executor`, yielding results in input order.

    Args:
        executor: a process pool or a Dask client.
        window: batches in flight at once (about twice the number of workers).
    """
    pending: deque = deque()
    for batch in batches(documents, size=batch_documents):
        pending.append(executor.submit(extract_batch, batch))
        if len(pending) >= window:
            yield from finished(pending.popleft())
    while pending:
        yield from finished(pending.popleft())


def finished(task: Any) -> Iterator[Extraction]:
    """The extractions of a batch; of a failed one, those before the failure, then its error."""
    try:
        extractions = task.result()
    except ExtractionFailed as e:
        yield from e.done
        raise
    yield from extractions


def batches(documents: Iterable[Document], *, size: int) -> Iterator[list[Document]]:
    """Consecutive lists of `size` documents (the last may be shorter).

    >>> [len(b) for b in batches([Document(str(n), "") for n in range(5)], size=2)]
    [2, 2, 1]
    """
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of `workers` processes, forked now, each loading the pipeline as it starts.

    Workers are forked, as spaCy's own `n_process` does: create the pool before opening the
    store, whose threads a forked child must not inherit. ('spawn' and 'forkserver' re-import
    the caller's main script, which fails when it came from standard input.)
    """
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=load_pipeline)
    # A pool forks its workers at its first task, not when it is made: that task would come
    # after the store opened. A first task that does nothing forks them all now.
    pool.submit(int)
    return pool
