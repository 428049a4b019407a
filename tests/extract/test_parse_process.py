"""Parsing in a forked child: the Docs that come back are the parse made here, attribute by
attribute, so extraction gives the same result either way; an error in the child comes back in
its batch's turn, after the Docs before it; a child that dies or is orphaned ends cleanly. The
parsing shared between the child and this process gives the same extractions in the same order,
and an error in a batch either parsed comes in its turn."""

from __future__ import annotations

import multiprocessing
import os
import re
import subprocess
import sys
import threading
import time

import numpy as np
import pytest
import spacy
from spacy.language import Language

import extract.parse_process as parse_process
from extract.extractor import extract_documents
from extract.parse_process import ParsingFailed, ParsingProcess, ParsingProcessDied
from extract.triple import Document
from tests.conftest import EXAMPLE, ROOT

SECOND = ROOT / "examples" / "chip-deal.txt"
# Every token attribute a rule could read, and the IDX of each token in its text.
ATTRIBUTES = [
    "ORTH", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "LEMMA", "POS", "TAG", "MORPH", "DEP",
    "HEAD", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "ENT_ID", "SENT_START", "SPACY", "IS_ALPHA",
    "IS_TITLE", "IS_STOP", "LIKE_NUM", "IS_PUNCT", "IDX",
]  # fmt: skip
MARKER = "Zyxwv"  # a word no real text here has: the fake pipeline fails on it
TEST_PROCESS = os.getpid()


def paragraphs() -> list[str]:
    """The bundled examples, a paragraph a text: real English, several batches of a few."""
    texts = [EXAMPLE.read_text(encoding="utf-8"), SECOND.read_text(encoding="utf-8")]
    return [p.strip() for text in texts for p in text.split("\n\n") if p.strip()]


def in_batches(texts: list[str], size: int) -> list[list[tuple[str, int]]]:
    pairs = [(text, n) for n, text in enumerate(texts)]
    return [pairs[n : n + size] for n in range(0, len(pairs), size)]


def test_parse_process_docs_are_the_parse_made_here(nlp):
    texts = paragraphs()
    here = [nlp.pipe([text], batch_size=1).__next__() for text in texts]
    with ParsingProcess(nlp) as child:
        there = list(child.parse(in_batches(texts, 1)))
    assert [n for _, n in there] == list(range(len(texts)))
    for a, (b, _) in zip(here, there):
        assert a.text == b.text
        assert np.array_equal(a.to_array(ATTRIBUTES), b.to_array(ATTRIBUTES))
        assert [(e.start, e.end, e.label_) for e in a.ents] == [
            (e.start, e.end, e.label_) for e in b.ents
        ]
        assert [(s.start, s.end) for s in a.sents] == [(s.start, s.end) for s in b.sents]
        assert [(t.lemma_, t.norm_, t.whitespace_) for t in a] == [
            (t.lemma_, t.norm_, t.whitespace_) for t in b
        ]


def test_parse_process_extractions_are_the_same(nlp):
    documents = [Document(f"p{n}.txt", text) for n, text in enumerate(paragraphs())]
    here = list(extract_documents(documents, nlp=nlp, batch_size=2, overlap=False))
    there = list(extract_documents(documents, nlp=nlp, batch_size=2, overlap=True))
    assert there == here
    assert sum(len(e.triples) for e in here) > 10


def test_parse_process_decides_by_the_number_of_batches():
    one, two = [[("a", 0)]], [[("a", 0)], [("b", 1)]]
    assert parse_process.worth_a_process(iter(one))[0] is False
    worth, batches = parse_process.worth_a_process(iter(two))
    assert worth is parse_process.may_fork() and list(batches) == two


@Language.component("kg_test_fails_on_marker")
def fails_on_marker(doc):
    if MARKER in doc.text:
        raise ValueError(f"cannot parse {MARKER}")
    return doc


@Language.component("kg_test_dies_on_marker")
def dies_on_marker(doc):
    if MARKER in doc.text and os.getpid() != TEST_PROCESS:
        os._exit(9)
    return doc


class Unpicklable(Exception):
    """An error holding what pickle refuses (a lock)."""

    def __init__(self, reason):
        super().__init__(reason)
        self.lock = threading.Lock()


@Language.component("kg_test_raises_unpicklable")
def raises_unpicklable(doc):
    if MARKER in doc.text:
        raise Unpicklable("no way back")
    return doc


def blank_with(component: str) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe(component)
    return nlp


def test_parse_process_error_comes_after_the_batches_before_it():
    texts = ["One text.", "Two texts.", f"A {MARKER} text.", "Four texts."]
    got = []
    with pytest.raises(ValueError, match=f"cannot parse {MARKER}") as raised:
        with ParsingProcess(blank_with("kg_test_fails_on_marker")) as child:
            got.extend(n for _, n in child.parse(in_batches(texts, 2)))
    assert got == [0, 1]
    assert "in the parsing process" in "".join(raised.value.__notes__)


def test_parse_process_error_that_cannot_cross_is_named():
    with pytest.raises(ParsingFailed, match="Unpicklable: no way back"):
        with ParsingProcess(blank_with("kg_test_raises_unpicklable")) as child:
            list(child.parse(in_batches([f"{MARKER}."], 1)))


def test_parse_process_death_is_an_error_not_a_hang():
    got = []
    with pytest.raises(ParsingProcessDied, match="exit code 9"):
        with ParsingProcess(blank_with("kg_test_dies_on_marker")) as child:
            got.extend(n for _, n in child.parse(in_batches(["Fine.", f"{MARKER}."], 1)))
            raise AssertionError("no Docs after the child died")
    assert got == [0]


ORPHAN = """
import os, signal, spacy
from extract.parse_process import ParsingProcess
child = ParsingProcess(spacy.blank("en"))
print(child.process.pid, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_parse_process_ends_when_its_parent_is_killed():
    done = subprocess.run(
        [sys.executable, "-c", ORPHAN], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    pid = int(done.stdout.split()[0])
    deadline = time.monotonic() + 10 * parse_process.POLL_SECONDS
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive(pid)


def alive(pid: int) -> bool:
    """Whether process `pid` runs (not a zombie waiting for its reaper)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


class SharedPipeline:
    """The real pipeline, with the parsing shared for sure: the child waits on its first batch
    until this process has parsed one, the first batch not handed to the child; a batch holding
    `fail_here` fails when parsed here, one holding `fail_there` fails (or, with `die`, ends
    the child) when parsed in the child."""

    def __init__(self, nlp, *, fail_here=None, fail_there=None, die=False, error=ValueError):
        self.nlp, self.vocab = nlp, nlp.vocab
        self.fail_here, self.fail_there, self.die, self.error = fail_here, fail_there, die, error
        self.parent = os.getpid()
        self.released = multiprocessing.get_context("fork").Event()
        self.parsed_here: list[str] = []

    def pipe(self, texts, **options):
        texts = list(texts)
        here = os.getpid() == self.parent
        if here:
            self.parsed_here += texts
            self.released.set()
        else:
            self.released.wait(timeout=60)
        marker = self.fail_here if here else self.fail_there
        if marker is not None and any(marker in text for text in texts):
            if self.die and not here:
                os._exit(9)
            raise self.error(f"cannot parse {marker} {'here' if here else 'in the child'}")
        return self.nlp.pipe(texts, **options)


def test_parse_process_shared_extractions_are_the_same_in_order(nlp):
    documents = [Document(f"p{n}.txt", text) for n, text in enumerate(paragraphs())]
    here = list(extract_documents(documents, nlp=nlp, batch_size=2, overlap=False))
    shared = SharedPipeline(nlp)
    with ParsingProcess(shared) as child:
        got = list(extract_documents(documents, nlp=nlp, batch_size=2, parser=child))
    assert got == here
    assert [e.document.id for e in got] == [d.id for d in documents]
    # Both processes parsed: the batch after the two handed to the child was parsed here.
    assert shared.parsed_here[:2] == [d.text for d in documents[4:6]]


@pytest.mark.parametrize(
    "options, error, done",
    [
        # The third batch, the first parsed here, fails after the child's two.
        ({"fail_here": MARKER}, rf"ValueError\('cannot parse {MARKER} here", [0, 1]),
        # The child's second batch fails, or ends the child, before the one parsed here.
        ({"fail_there": MARKER}, rf"ValueError\('cannot parse {MARKER} in the child", [0]),
        ({"fail_there": MARKER, "die": True}, r"ParsingProcessDied\('the parsing process", [0]),
        # Both fail: the first in the order of the texts comes first.
        ({"fail_here": MARKER, "fail_there": MARKER}, "in the child", [0]),
    ],
)
def test_parse_process_shared_error_comes_in_its_turn(nlp, options, error, done):
    texts = ["Acme hired Jo.", f"Jo left {MARKER}.", f"Bo joined {MARKER}.", "Al stayed."]
    got = []
    with pytest.raises(Exception) as raised:
        with ParsingProcess(SharedPipeline(nlp, **options)) as child:
            got.extend(n for _, n in child.parse(in_batches(texts, 1)))
    assert got == done
    assert re.search(error, repr(raised.value))


def test_parse_process_shared_interrupt_ends_the_parsing_now(nlp):
    texts = ["Acme hired Jo.", "Jo left.", f"Bo joined {MARKER}.", "Al stayed."]
    got = []
    interrupted = SharedPipeline(nlp, fail_here=MARKER, error=KeyboardInterrupt)
    with pytest.raises(KeyboardInterrupt):
        with ParsingProcess(interrupted) as child:
            got.extend(n for _, n in child.parse(in_batches(texts, 1)))
    # Not kept for its turn like an error: raised while this process parsed, before any Doc.
    assert got == []
    assert not child.process.is_alive()
