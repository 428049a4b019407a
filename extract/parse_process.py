"""Parsing shared with a forked child process while this one reads what was parsed.

Parsing takes about four fifths of extraction and holds the GIL, so threads cannot overlap it
with our rules. A child forked with the loaded pipeline parses batch after batch and sends each
back as a `DocBin` (about 15 bytes a token); this process meanwhile runs the rules,
coreference and the writing of the graph on the other core. Whenever this process needs the
child's next batch and it is not ready, it parses a later batch itself rather than wait, and
keeps its Docs until their turn: both cores parse, in the share that the load on each allows.
The batches are those of `extract.pipeline.parse`, parsed by the same `nlp.pipe` call wherever
they are parsed, so the parses are the same, and they come out in order.

The child is forked before the caller opens the store (whose threads a forked child must not
inherit), ignores Ctrl-C (the parent decides what an interrupt ends), and ends itself when its
parent is gone (a `kill -9` of the build leaves no orphan holding the model's memory).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice
from multiprocessing.connection import Connection
from pathlib import Path
from types import TracebackType
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from extract.errors import error_line
from extract.pipeline import BATCH_CHARS, BATCH_SIZE, load_pipeline

# What a Doc carries back: everything our rules read (NORM too: the tokenizer sets some, as
# "n't" -> "not", that the word's own lexeme does not have). Checked against the parse made
# here in tests/extract/test_parse_process.py.
ATTRS = (
    "ORTH", "NORM", "LEMMA", "POS", "TAG", "MORPH", "HEAD", "DEP",
    "ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "ENT_ID", "SENT_START",
)  # fmt: skip
# Batches handed to the child and not yet read: one it parses and one queued, so that it never
# waits while this process reads a batch or parses one of its own.
WINDOW = 2
# Batches this process parses at most while the child's answer is late, held until their turn
# (their Docs in memory): more let it take a larger share when the child's core is busy.
HELD = 4
# Seconds between the checks, while waiting, that the other process still runs.
POLL_SECONDS = 1.0

Batch = list[tuple[str, Any]]


class ParsingProcessDied(RuntimeError):
    """The child parsing the documents ended without answering (killed, out of memory)."""


class ParsingFailed(RuntimeError):
    """Parsing raised in the child an error that cannot cross to this process as it is."""


@dataclass
class Turn:
    """A batch in its place in the output: the contexts of its texts, and its Docs, or the error
    parsing it raised, once parsed (by the child when `in_child`, else here)."""

    contexts: list[Any]
    in_child: bool = False
    docs: list[Doc] = field(default_factory=list)
    error: Exception | None = None

    def result(self) -> list[Doc]:
        if self.error is not None:
            raise self.error
        return self.docs


class ParsingProcess:
    """A forked child that parses batches of texts with `nlp` (forked when created).

    >>> from extract.pipeline import load_pipeline
    >>> with ParsingProcess(load_pipeline()) as child:
    ...     [(doc[0].pos_, n) for doc, n in child.parse([[("Acme hired Jo.", 1)]])]
    [('PROPN', 1)]
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp, self.vocab = nlp, nlp.vocab
        context = multiprocessing.get_context("fork")
        self.requests = context.Queue()
        # A pipe, not a queue, for the answers: the child sends each before it parses on, so
        # that what it parsed reaches us even when it dies on the next batch.
        self.results, answers = context.Pipe(duplex=False)
        self.process = context.Process(
            target=serve,
            args=(nlp, self.requests, answers, os.getpid()),
            name="kg-parser",
            daemon=True,
        )
        self.process.start()
        answers.close()  # the child's end: once it is gone, reading here ends, not waits

    def parse(self, batches: Iterable[Batch]) -> Iterator[tuple[Doc, Any]]:
        """The `Doc` of each `(text, context)` pair of `batches`, with its context, in order;
        an error parsing a batch is raised when its turn comes, after the Docs before it."""
        batches = iter(batches)
        turns: deque[Turn] = deque()  # the batches being parsed, here or there, in order
        self.feed(batches, turns)
        while turns:
            turn = turns.popleft()
            if turn.in_child:
                self.share(batches, turns)
                turn.docs = self.receive()
            self.feed(batches, turns)  # before reading: the child parses on meanwhile
            yield from zip(turn.result(), turn.contexts)

    def feed(self, batches: Iterator[Batch], turns: deque[Turn]) -> None:
        """Hand the child the next batches until it has WINDOW not yet read."""
        while sum(turn.in_child for turn in turns) < WINDOW:
            batch = next(batches, None)
            if batch is None:
                return
            self.requests.put([text for text, _ in batch])
            turns.append(Turn([context for _, context in batch], in_child=True))

    def share(self, batches: Iterator[Batch], turns: deque[Turn]) -> None:
        """While the child's next answer is not ready, parse the next batches here (at most
        HELD held), rather than wait."""
        while sum(not turn.in_child for turn in turns) < HELD and not self.results.poll():
            batch = next(batches, None)
            if batch is None:
                return
            turns.append(self.parse_here(batch))

    def parse_here(self, batch: Batch) -> Turn:
        """A batch parsed by this process, as the child parses it; an error is kept for its
        turn (an interrupt is not: it ends the parsing now)."""
        contexts = [context for _, context in batch]
        texts = [text for text, _ in batch]
        try:
            return Turn(contexts, docs=list(self.nlp.pipe(texts, batch_size=len(texts))))
        except Exception as e:
            return Turn(contexts, error=e)

    def receive(self) -> list[Doc]:
        """The Docs of the next batch, or the error parsing it raised."""
        try:
            while not self.results.poll(POLL_SECONDS):
                if not self.process.is_alive():
                    raise EOFError
            kind, payload = self.results.recv()
        except (EOFError, OSError):
            self.process.join(timeout=POLL_SECONDS)
            raise ParsingProcessDied(
                f"the parsing process ended (exit code {self.process.exitcode}) without "
                "parsing its documents; out of memory?"
            ) from None
        if kind == "error":
            raise pickle.loads(payload)
        return list(DocBin().from_bytes(payload).get_docs(self.vocab))

    def close(self, *, failed: bool = False) -> None:
        """Stop the child: let it finish, or, after an error here, end it at once (it writes
        nothing, so nothing is lost)."""
        if self.process.is_alive() and not failed:
            self.requests.put(None)
            self.process.join(timeout=10 * POLL_SECONDS)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        # What the child never read is dropped rather than waited for at exit.
        self.requests.cancel_join_thread()
        self.requests.close()
        self.results.close()

    def __enter__(self) -> ParsingProcess:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close(failed=kind is not None)


def serve(nlp: Language, requests: Any, results: Connection, parent: int) -> None:
    """The child's loop: parse each batch of texts asked for until told to stop (None) or
    until the parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            texts = requests.get(timeout=POLL_SECONDS)
        except queue.Empty:
            if os.getppid() != parent:
                os._exit(0)  # orphaned: nobody will read what we parse
            continue
        if texts is None:
            return
        try:
            docs = list(nlp.pipe(texts, batch_size=len(texts)))
            answer = ("docs", DocBin(attrs=ATTRS, docs=docs).to_bytes())
        except Exception as e:
            answer = ("error", shippable(e))
        results.send(answer)


def shippable(error: Exception) -> bytes:
    """`error` pickled to be raised in the parent, with the child's traceback as a note; as a
    ParsingFailed naming it when it does not survive pickling."""
    error.add_note("in the parsing process:\n" + "".join(traceback.format_exception(error)))
    try:
        data = pickle.dumps(error)
        pickle.loads(data)
        return data
    except Exception:
        return pickle.dumps(ParsingFailed(error_line(error)))


def parse_batches(
    batches: Iterator[Batch],
    *,
    nlp: Language,
    parser: ParsingProcess | None = None,
    overlap: bool | None = None,
) -> Iterator[tuple[Doc, Any]]:
    """The `Doc` of each `(text, context)` pair of `batches`, with its context, in order:
    parsed by `parser`; else, with `overlap` (None: when it pays, see `worth_a_process`), by a
    child forked for these batches alone; else here."""
    if parser is not None:
        yield from parser.parse(batches)
        return
    fork, batches = worth_a_process(batches) if overlap is None else (overlap, batches)
    if not fork:
        for batch in batches:
            yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
        return
    with ParsingProcess(nlp) as child:
        yield from child.parse(batches)


@contextmanager
def parser_for(
    sizes: Iterable[int], *, nlp: Language | None = None
) -> Iterator[ParsingProcess | None]:
    """A child forked now to parse texts of these sizes (characters, or bytes of their files)
    later, when they fill more than one batch and this process may fork; else None.

    >>> with parser_for([10, 20]) as parser:
    ...     parser is None
    True
    """
    sizes = list(sizes)
    if not (len(sizes) > BATCH_SIZE or sum(sizes) > BATCH_CHARS) or not may_fork():
        yield None
        return
    with ParsingProcess(nlp or load_pipeline()) as parser:
        yield parser


def file_sizes(files: Iterable[Path]) -> list[int]:
    """The size of each file in bytes (0 when it cannot be read: reading it will say why)."""
    sizes = []
    for file in files:
        try:
            sizes.append(file.stat().st_size)
        except OSError:
            sizes.append(0)
    return sizes


def worth_a_process(batches: Iterator[Batch]) -> tuple[bool, Iterator[Batch]]:
    """Whether parsing `batches` in a child pays, and the batches (those looked at put back):
    it does when there is more than one (with one, reading could only start after parsing
    ends) and this process may fork (see `may_fork`).

    >>> worth_a_process(iter([[("a", 0)]]))[0]
    False
    """
    first = list(islice(batches, 2))
    return len(first) > 1 and may_fork(), chain(first, batches)


def may_fork() -> bool:
    """Whether forking is safe here: on Linux, from a process that runs no other thread (a
    thread may hold a lock the child would wait on forever) and may have children."""
    return (
        sys.platform.startswith("linux")
        and threading.active_count() == 1
        and not multiprocessing.current_process().daemon
    )
