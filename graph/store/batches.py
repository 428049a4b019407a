"""Document graphs written to the store in batches, by a writer thread, while the caller parses
the next documents: the store loads N-Quads without holding the GIL, so the writes cost the
parse (almost) nothing. The facts go with the last batch (`BatchWriter.send(default=...)`),
and what must follow it (the Turtle) queues behind it on the same thread (`BatchWriter.then`),
so that a build's end overlaps too."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from types import TracebackType
from typing import Any

from graph.rdf.quads import DocumentGraph
from graph.store.store import Store, replace_documents

# Bytes of N-Quads written to the store at once, at most. Each write adds files that RocksDB
# merges in the background: measured on 1,000 articles with 2 workers, batches of 16 articles
# (about 3.6 MB) cost 45 s of merging, of 128 articles 15 s, of 512 articles 4 s.
WRITE_BYTES = 64_000_000
# The first batch goes at this size, and each later one when the writer is free and at least
# half as large as all written before: batches grow geometrically, so their count (and the
# merging) stays near that of WRITE_BYTES batches on a large corpus, while a small corpus is
# stored as it is parsed rather than all at its end.
FIRST_BYTES = 1_000_000


class BatchWriter:
    """Gathers document graphs and stores them in batches on a writer thread, one batch in
    flight while the next is gathered; an error in one is raised before the next goes. The
    rest is written when the block ends without error; `turtle` is given each batch's Turtle.
    Batches start at `first_bytes` of N-Quads (FIRST_BYTES) and go up to `most_bytes`
    (WRITE_BYTES)."""

    def __init__(
        self,
        store: Store,
        *,
        turtle: Callable[[Iterable[bytes]], None] | None = None,
        first_bytes: int | None = None,
        most_bytes: int | None = None,
    ) -> None:
        self.store = store
        self.turtle = turtle
        self.first_bytes = FIRST_BYTES if first_bytes is None else first_bytes
        self.most_bytes = WRITE_BYTES if most_bytes is None else most_bytes
        self.batch: list[DocumentGraph] = []
        self.size = 0
        self.written = 0  # bytes handed to the writer thread
        self.stored: Future | None = None  # the last batch handed to it
        self.last: Future | None = None  # the last task handed to it
        self.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-writer")

    def add(self, graph: DocumentGraph) -> None:
        """Gather `graph`; hand the batch to the writer when it is large enough."""
        self.batch.append(graph)
        self.size += len(graph.nquads)
        due = min(self.most_bytes, max(self.first_bytes, self.written // 2))
        if self.size >= self.most_bytes or (self.size >= due and self.idle()):
            self.send()

    def idle(self) -> bool:
        return self.last is None or self.last.done()

    def send(self, *, default: bytes | None = None) -> Future:
        """Hand the gathered batch (perhaps empty) to the writer thread, after raising what
        the previous task raised (and waiting for it: one batch in flight at most); with
        `default` (N-Quads of the facts), it replaces the default graph in the same write."""
        if self.last is not None:
            self.last.result()
        batch, self.batch, self.size = self.batch, [], 0
        self.written += sum(len(graph.nquads) for graph in batch)
        self.stored = self.last = self.writer.submit(
            write_batch, self.store, batch, self.turtle, default
        )
        return self.stored

    def then(self, task: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        """Run `task` on the writer thread after what was handed to it before, if that
        succeeded (else the returned future raises the same error)."""
        previous = self.last

        def run() -> Any:
            if previous is not None:
                previous.result()
            return task(*args, **kwargs)

        self.last = self.writer.submit(run)
        return self.last

    def wait(self) -> None:
        """Wait until every task handed to the writer is done, raising what one raised."""
        if self.last is not None:
            self.last.result()

    def __enter__(self) -> BatchWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            if kind is None:
                self.finish()
            elif issubclass(kind, Exception) and not self.failed():
                # Reading a document failed, not the store: what was read before is stored,
                # and the error raised is that one.
                with suppress(Exception):
                    self.finish()
        finally:
            # What is under way finishes (a batch in flight is stored whole, with its commit
            # marks); on an error, what waits is dropped.
            self.writer.shutdown(cancel_futures=kind is not None)

    def finish(self) -> None:
        """Store what is gathered and wait for every task, raising what one raised."""
        if self.batch:
            self.send()
        self.wait()

    def failed(self) -> bool:
        """Whether a task handed to the writer raised (waiting for the one under way)."""
        return self.last is not None and self.last.exception() is not None


def write_batch(
    store: Store,
    graphs: list[DocumentGraph],
    turtle: Callable[[Iterable[bytes]], None] | None,
    default: bytes | None = None,
) -> None:
    replace_documents(store, graphs, default=default)
    if turtle is not None:
        turtle(graph.turtle for graph in graphs)
