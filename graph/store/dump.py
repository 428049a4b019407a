"""The store's graphs as RDF files, each written atomically (graph.store.files): the union of all
graphs as Turtle or N-Triples, dumped by the store itself, and graph.ttl of a build, which joins
that dump with the Turtle the build spooled as it wrote (graph.rdf.turtle).

The other formats of `kg export` are written by graph.view.export.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Collection, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from graph.errors import OutputError
from graph.rdf.vocab import TURTLE_PREFIXES
from graph.store.files import atomic_write
from graph.store.store import Store

log = logging.getLogger("kg")

RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
# Threads that dump the store at once, and runs of graphs per thread (runs even out the load:
# the default graph alone is as large as many documents). Reading the store costs about 7 us
# a quad here, far more than writing the text, and a second thread halves it on two cores.
DUMP_THREADS = min(4, os.cpu_count() or 1)
RUNS_PER_THREAD = 4
COPY_BYTES = 1 << 20
# Declared first in a build's graph.ttl: the Turtle it wrote itself declares none.
PREFIX_BLOCK = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in TURTLE_PREFIXES.items()).encode()


def union_triples(store: Store) -> Iterator[ox.Triple]:
    """Every triple of every graph, in the store's own stable order.

    No triple stands in two graphs (each document graph has subjects of its own, and the
    derived facts are only in the default graph), so the union needs no de-duplication.
    """
    return (quad.triple for quad in store)


def write_turtle(
    store: Store,
    path: Path,
    *,
    spool: BinaryIO | None = None,
    spooled: Collection[str] = frozenset(),
    facts: bytes | None = None,
) -> None:
    """The union of all graphs as Turtle, with kg's prefixes.

    A build passes in `spool` the Turtle of the graphs it wrote (graph.rdf.turtle), whose IRIs
    are `spooled`: those graphs are copied from there, the others dumped from the store; and
    in `facts` the Turtle of the default graph (`graph.rdf.facts.Facts.turtle`), which it has
    just written, so that the store need not read it back.
    """
    if spool is None or not isinstance(store, ox.Store):
        write_rdf(store, path, fmt="ttl")
        return
    graphs = [g for g in store.named_graphs() if g.value not in spooled]
    if facts is None:
        graphs.insert(0, ox.DefaultGraph())

    def write(temporary: Path) -> None:
        with open(temporary, "wb") as file:
            file.write(PREFIX_BLOCK)
            file.write(facts or b"")
        dump_graphs(
            store, temporary, fmt="ttl", prefixes=TURTLE_PREFIXES, graphs=graphs, append=True
        )
        with open(temporary, "ab") as file:
            spool.seek(0)
            shutil.copyfileobj(spool, file, COPY_BYTES)

    atomic_write(path, write)


def spool_turtle(spool: BinaryIO, chunks: Iterable[bytes], *, path: Path) -> None:
    """Keep Turtle statements for `path` in `spool`, until write_turtle writes the file.

    Raises:
        OutputError: the disk is full.
    """
    try:
        spool.writelines(chunks)
    except OSError as e:
        raise OutputError(f"{path}: cannot write ({e.strerror}); the previous file is kept") from e


def write_rdf(store: Store, path: Path, *, fmt: str = "ttl") -> None:
    """The union of all graphs as Turtle, N-Triples or JSON-LD (`fmt` ttl, nt or jsonld)."""
    prefixes = TURTLE_PREFIXES
    if isinstance(store, ox.Store) and fmt in ("ttl", "nt"):
        atomic_write(path, lambda tmp: dump_graphs(store, tmp, fmt=fmt, prefixes=prefixes))
        return
    triples = union_triples(store)
    atomic_write(
        path,
        lambda tmp: ox.serialize(triples, str(tmp), format=RDF_FORMATS[fmt], prefixes=prefixes),
    )


def dump_graphs(
    store: ox.Store,
    path: Path,
    *,
    fmt: str,
    prefixes: dict[str, str],
    threads: int = DUMP_THREADS,
    graphs: list[ox.NamedNode | ox.DefaultGraph] | None = None,
    append: bool = False,
) -> None:
    """The union of `graphs` (all, by default), one graph after another, serialized by the
    store itself.

    The store does not hold the GIL while it reads and writes: a build draws its page
    meanwhile, and `threads` threads dump consecutive runs of graphs into temporary files
    that are then joined in order, so the file is the same whatever `threads`. Turtle allows
    a prefix block before each graph, and the graphs share no blank node. `append`: after
    what `path` holds.
    """
    if graphs is None:
        graphs = [ox.DefaultGraph(), *store.named_graphs()]
    runs = consecutive_runs(graphs, threads * RUNS_PER_THREAD) if threads > 1 else [graphs]
    with open(path, "ab" if append else "wb") as file:
        if len(runs) == 1:
            dump_run(store, graphs, file, fmt=fmt, prefixes=prefixes)
            return
        with (
            ExitStack() as temporaries,
            ThreadPoolExecutor(max_workers=threads, thread_name_prefix="kg-dump") as pool,
        ):
            # Unnamed where the system allows: nothing is left behind if the build is killed.
            parts = [
                temporaries.enter_context(tempfile.TemporaryFile(dir=path.parent)) for _ in runs
            ]
            dumps = [
                pool.submit(dump_run, store, run, part, fmt=fmt, prefixes=prefixes)
                for run, part in zip(runs, parts)
            ]
            for dump, part in zip(dumps, parts):
                dump.result()
                part.seek(0)
                shutil.copyfileobj(part, file, COPY_BYTES)


def dump_run(
    store: ox.Store,
    graphs: list[ox.NamedNode | ox.DefaultGraph],
    file: BinaryIO,
    *,
    fmt: str,
    prefixes: dict[str, str],
) -> None:
    rdf_format = RDF_FORMATS[fmt]
    for graph in graphs:
        store.dump(
            file,
            format=rdf_format,
            from_graph=graph,
            prefixes=prefixes if rdf_format == ox.RdfFormat.TURTLE else None,
        )


def consecutive_runs(items: list, count: int) -> list[list]:
    """`items` cut into at most `count` consecutive runs of about equal length.

    >>> consecutive_runs([1, 2, 3, 4, 5], 2)
    [[1, 2, 3], [4, 5]]
    """
    size = max(1, -(-len(items) // max(1, count)))
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]
