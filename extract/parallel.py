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

from extract.extractor import extract_documents
from extract.pipeline import load_pipeline
from extract.triple import Document, Extraction

# Documents per task: large enough that a task's overhead is small against parsing it,
# small enough that workers stay evenly busy.
BATCH_DOCUMENTS = 8


class Executor(Protocol):
    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Any: ...


def extract_batch(documents: list[Document]) -> list[Extraction]:
    """The task a worker runs: its pipeline is loaded once per process (cached)."""
    return list(extract_documents(documents, nlp=load_pipeline()))


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
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


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
    """A pool of `workers` processes, each loading the pipeline as it starts.

    Workers are forked, as spaCy's own `n_process` does: create the pool before opening the
    store, whose threads a forked child must not inherit. ('spawn' and 'forkserver' re-import
    the caller's main script, which fails when it came from standard input.)
    """
    context = multiprocessing.get_context("fork")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=load_pipeline)
