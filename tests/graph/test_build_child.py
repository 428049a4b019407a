"""A build large enough parses in a child process while this one reads and writes: the same
store, graph.ttl and graph.html as a build parsing here; the child, like the worker pool, is
forked before the store opens; an error in the child is the one-line error of a failing
document, with what was read before it stored. Real model, real store."""

from __future__ import annotations

import multiprocessing
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

import extract.parse_process as parse_process
import graph.build
from extract.pipeline import BATCH_SIZE
from graph.build import build
from graph.cli import main
from graph.errors import BuildError
from tests.conftest import EXAMPLE, ROOT

SECOND = ROOT / "examples" / "chip-deal.txt"
DOCUMENTS = BATCH_SIZE + 2  # two parsing batches: the child pays
HASH = ox.NamedNode("https://kg.example.org/vocab#contentHash")


def write_corpus(folder: Path) -> Path:
    """The bundled examples, two sentences a file, as many files as make two batches."""
    text = " ".join(p.read_text(encoding="utf-8") for p in (EXAMPLE, SECOND))
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(DOCUMENTS):
        pair = [sentences[(2 * n + k) % len(sentences)] for k in range(2)]
        (folder / f"doc{n:02}.txt").write_text(" ".join(pair) + "\n", encoding="utf-8")
    return folder


def everything(out: Path) -> tuple[frozenset, bytes, bytes]:
    store = ox.Store.read_only(str(out / "store"))
    return frozenset(store), (out / "graph.ttl").read_bytes(), (out / "graph.html").read_bytes()


def committed(out: Path) -> set[str]:
    store = ox.Store.read_only(str(out / "store"))
    return {q.subject.value.rsplit("/", 1)[-1] for q in store.quads_for_pattern(None, HASH, None)}


@pytest.fixture(autouse=True)
def forking_allowed(monkeypatch) -> None:
    """Forking is allowed here even when an earlier test of this worker left threads running
    (a Dask cluster's): what these tests check is what the child does."""
    monkeypatch.setattr(parse_process, "may_fork", lambda: True)


@pytest.fixture
def children_at_store_opening(monkeypatch) -> list[int]:
    """How many child processes run when each build opens its store (beyond those that ran
    before the test)."""
    counts: list[int] = []
    before = len(multiprocessing.active_children())
    open_store = graph.build.open_store

    def counting(*args, **kwargs):
        counts.append(len(multiprocessing.active_children()) - before)
        return open_store(*args, **kwargs)

    monkeypatch.setattr(graph.build, "open_store", counting)
    return counts


def test_build_child_gives_the_graph_of_one_process(tmp_path, nlp, children_at_store_opening):
    docs = write_corpus(tmp_path / "docs")
    build([docs], out=tmp_path / "child", nlp=nlp)
    assert children_at_store_opening == [1]  # forked before the store opened
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parse_process, "may_fork", lambda: False)
        build([docs], out=tmp_path / "here", nlp=nlp)
    assert children_at_store_opening == [1, 0]
    assert everything(tmp_path / "child") == everything(tmp_path / "here")


def test_build_small_input_forks_no_child(tmp_path, nlp, children_at_store_opening):
    build([EXAMPLE, SECOND], out=tmp_path / "out", nlp=nlp)
    assert children_at_store_opening == [0]


def test_build_worker_pool_forks_before_the_store_opens(tmp_path, children_at_store_opening):
    build([EXAMPLE], out=tmp_path / "out", workers=2)
    assert children_at_store_opening == [2]


class FailingPipeline:
    """The real pipeline, except that it fails (or dies) on a batch holding `word`."""

    def __init__(self, nlp, word: str, *, die: bool) -> None:
        self.nlp, self.word, self.die = nlp, word, die

    def pipe(self, texts, **options):
        if any(self.word in text for text in texts):
            if self.die:
                import os

                os._exit(9)
            raise ValueError("an unforeseen parse")
        return self.nlp.pipe(texts, **options)


def failing_child(monkeypatch, word: str, *, die: bool = False) -> None:
    """The parsing child, forked from this process, fails on the batch that holds `word`; this
    process parses none (it would parse that batch without failing)."""
    serve = parse_process.serve
    monkeypatch.setattr(parse_process, "HELD", 0)

    def failing(nlp, *args):
        serve(FailingPipeline(nlp, word, die=die), *args)

    monkeypatch.setattr(parse_process, "serve", failing)


@pytest.mark.parametrize("die", [False, True])
def test_build_child_failure_is_named_and_earlier_batches_kept(tmp_path, nlp, monkeypatch, die):
    docs = write_corpus(tmp_path / "docs")
    (docs / f"doc{DOCUMENTS - 1:02}.txt").write_text("Orbex Labs hired Dana Whitfield.\n")
    failing_child(monkeypatch, "Orbex", die=die)
    out = tmp_path / "out"
    reason = "ParsingProcessDied: the parsing process ended" if die else "ValueError: an unf"
    # The second batch fails as a whole, as it does parsed here: its first file is named.
    with pytest.raises(BuildError, match=rf"doc{BATCH_SIZE:02}\.txt: reading it failed \({reason}"):
        build([docs], out=out, nlp=nlp)
    assert committed(out) == {f"doc{n:02}.txt" for n in range(BATCH_SIZE)}


def test_build_child_failure_is_one_line_from_the_cli(tmp_path, nlp, monkeypatch, capsys):
    docs = write_corpus(tmp_path / "docs")
    failing_child(monkeypatch, "Qualcomm")
    with pytest.raises(SystemExit) as done:
        main(["build", str(docs), "--out", str(tmp_path / "out"), "--quiet"])
    err = capsys.readouterr().err
    assert done.value.code == 1
    assert err.count("\n") == 1 and "reading it failed (ValueError: an unforeseen parse" in err
