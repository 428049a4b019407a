"""How a build writes: documents stored in batches while the next are parsed, the same graph
whatever the batches; a document that fails names its file and leaves what was read before it
stored; an interrupted build leaves no half-written output. Real model, real store."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

import extract.extractor
import graph.store.batches as batches
from graph.build import build
from graph.cli import main
from graph.errors import BuildError

HASH = ox.NamedNode("https://kg.example.org/vocab#contentHash")
TEXTS = [
    "Acme Robotics hired Dana Whitfield. Dana Whitfield founded Orbex Labs in Oslo.",
    "Orbex Labs partners with Acme Robotics. Lena Brandt leads Orbex Labs.",
    "Lena Brandt visited Lisbon in 2019. Acme Robotics opened an office in Lisbon.",
    "Kestrel Motors acquired Orbex Labs. Dana Whitfield praised Kestrel Motors.",
    "Kestrel Motors is based in Turin. Marco Ventura runs Kestrel Motors.",
    "Marco Ventura met Lena Brandt in Oslo. Brandt thanked Ventura.",
]


def write_docs(folder: Path, texts: list[str] = TEXTS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n, text in enumerate(texts):
        (folder / f"doc{n}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def committed(out: Path) -> set[str]:
    """The documents stored with their commit mark (content hash)."""
    store = ox.Store.read_only(str(out / "store"))
    return {q.subject.value.rsplit("/", 1)[-1] for q in store.quads_for_pattern(None, HASH, None)}


def outputs(out: Path) -> tuple[bytes, bytes]:
    """graph.ttl and graph.html as they are."""
    return (out / "graph.ttl").read_bytes(), (out / "graph.html").read_bytes()


def graph(out: Path) -> tuple[frozenset, frozenset, bytes]:
    """The store's quads, the triples of graph.ttl (whose text depends on which documents the
    last build parsed) and the page."""
    store = ox.Store.read_only(str(out / "store"))
    turtle = ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    return frozenset(store), frozenset(turtle), (out / "graph.html").read_bytes()


@pytest.fixture
def counted_batches(monkeypatch) -> list[int]:
    """The number of documents each batch written holds (the real writes still happen)."""
    sizes: list[int] = []
    write = batches.write_batch

    def counting(store, graphs, turtle, default=None):
        sizes.append(len(graphs))
        write(store, graphs, turtle, default)

    monkeypatch.setattr(batches, "write_batch", counting)
    return sizes


def test_build_writing_in_small_batches_is_the_same_graph(
    tmp_path, nlp, monkeypatch, counted_batches
):
    docs = write_docs(tmp_path / "docs")
    monkeypatch.setattr(batches, "FIRST_BYTES", batches.WRITE_BYTES)
    build([docs], out=tmp_path / "whole", nlp=nlp)
    assert counted_batches == [len(TEXTS)]  # one batch, at the end
    counted_batches.clear()
    monkeypatch.setattr(batches, "FIRST_BYTES", 1)
    build([docs], out=tmp_path / "streamed", nlp=nlp)
    assert len(counted_batches) > 1 and sum(counted_batches) == len(TEXTS)
    assert graph(tmp_path / "streamed") == graph(tmp_path / "whole")
    assert outputs(tmp_path / "streamed") == outputs(tmp_path / "whole")


def test_build_writing_stores_documents_while_parsing(tmp_path, nlp, monkeypatch):
    """The first batch is stored before the last document is parsed, not after."""
    docs = write_docs(tmp_path / "docs")
    monkeypatch.setattr(batches, "FIRST_BYTES", 1)
    parsed: list[int] = []
    at_first_write: list[int] = []
    write = batches.write_batch

    def noting(store, graphs, turtle, default=None):
        at_first_write.append(len(parsed)) if not at_first_write else None
        write(store, graphs, turtle, default)

    monkeypatch.setattr(batches, "write_batch", noting)
    build([docs], out=tmp_path / "out", nlp=nlp, progress=lambda done, *_: parsed.append(done))
    assert at_first_write and at_first_write[0] < len(TEXTS)


def failing_on(monkeypatch, name: str) -> None:
    """The rules raise, as a bug would, on the document `name`."""
    read = extract.extractor.extract_document

    def extract_document(doc, document, **options):
        if document.id.endswith(name):
            raise ValueError("an unforeseen parse")
        return read(doc, document, **options)

    monkeypatch.setattr(extract.extractor, "extract_document", extract_document)


@pytest.mark.parametrize("workers", [1, 2])
def test_build_writing_failing_document_is_named_and_earlier_ones_kept(
    tmp_path, nlp, monkeypatch, workers
):
    docs = write_docs(tmp_path / "docs", TEXTS[:2])
    out = tmp_path / "out"
    build([docs], out=out, nlp=nlp)
    before = outputs(out)
    write_docs(docs, TEXTS)  # four more documents, the fourth of which fails
    monkeypatch.setattr(batches, "FIRST_BYTES", 1)
    failing_on(monkeypatch, "doc3.txt")
    with pytest.raises(BuildError, match=r"doc3\.txt: reading it failed \(ValueError: an unf"):
        build([docs], out=out, nlp=nlp, workers=workers)
    assert {"doc0.txt", "doc1.txt", "doc2.txt"} <= committed(out)
    assert "doc3.txt" not in committed(out)
    assert outputs(out) == before  # graph.ttl and graph.html as they were
    monkeypatch.undo()
    build([docs], out=out, nlp=nlp)
    build([docs], out=tmp_path / "fresh", nlp=nlp)
    assert graph(out) == graph(tmp_path / "fresh")


def test_build_writing_failing_document_is_one_line_from_the_cli(
    tmp_path, nlp, monkeypatch, capsys
):
    docs = write_docs(tmp_path / "docs", TEXTS[:3])
    failing_on(monkeypatch, "doc1.txt")
    with pytest.raises(SystemExit) as done:
        main(["build", str(docs), "--out", str(tmp_path / "out"), "--quiet"])
    err = capsys.readouterr().err
    assert done.value.code == 1
    assert err.count("\n") == 1 and "doc1.txt: reading it failed (ValueError" in err


def test_build_writing_interrupted_leaves_no_half_written_output(tmp_path, nlp, monkeypatch):
    """Ctrl-C halfway: the earlier graph.ttl and graph.html stay whole, no temporary file is
    left, and the same build run again gives the graph of an uninterrupted one."""
    docs = write_docs(tmp_path / "docs", TEXTS[:2])
    out = tmp_path / "out"
    build([docs], out=out, nlp=nlp)
    before = outputs(out)
    write_docs(docs, TEXTS)
    monkeypatch.setattr(batches, "FIRST_BYTES", 1)

    def interrupt(done: int, total: int, words: int) -> None:
        if done == 4:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build([docs], out=out, nlp=nlp, progress=interrupt)
    assert outputs(out) == before
    assert sorted(p.name for p in out.iterdir()) == ["graph.html", "graph.ttl", "store"]
    build([docs], out=out, nlp=nlp)
    build([docs], out=tmp_path / "fresh", nlp=nlp)
    assert graph(out) == graph(tmp_path / "fresh")
