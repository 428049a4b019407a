"""Write the graph to files, each one atomically: a temporary file beside the target, renamed over
it only once complete, so that a failed write leaves the previous file intact; and the union of
all graphs as Turtle or N-Triples, dumped by the store itself (graph.ttl of a build).

The formats of `kg export` are written by graph.serialize.
"""

from __future__ import annotations

import glob
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, suppress
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from graph.errors import OutputError, first_line
from graph.rdf.vocab import TURTLE_PREFIXES

log = logging.getLogger("kg")

RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
# A temporary output file untouched for this long was left by a write that was killed.
STALE_SECONDS = 600
# Threads that dump the store at once, and runs of graphs per thread (runs even out the load:
# the default graph alone is as large as many documents). Reading the store costs about 7 us
# a quad here, far more than writing the text, and a second thread halves it on two cores.
DUMP_THREADS = min(4, os.cpu_count() or 1)
RUNS_PER_THREAD = 4
COPY_BYTES = 1 << 20
# Declared again before the Turtle a build spooled: the dumps before it may declare none.
PREFIX_BLOCK = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in TURTLE_PREFIXES.items()).encode()


def make_folder(folder: Path) -> None:
    """Create an output folder and its parents.

    Raises:
        OutputError: it cannot be created.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(
            f"{folder}: cannot create output folder ({e.strerror}); choose another --out"
        ) from e


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Call `write` on a temporary path beside `path`, then rename it to `path`.

    Raises:
        OutputError: the folder is not writable or the disk is full.
    """
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
        os.close(handle)
        # mkstemp makes the file private; the output should be as readable as any other file.
        os.chmod(temporary, 0o666 & ~current_umask())
    except OSError as e:
        raise OutputError(
            f"{path.parent}: cannot write here ({e.strerror}); choose another --out"
        ) from e
    try:
        write(Path(temporary))
        os.replace(temporary, path)
    except OSError as e:
        # pyoxigraph's OSError carries its message but no strerror.
        reason = e.strerror or first_line(e)
        raise OutputError(f"{path}: cannot write ({reason}); the previous file is kept") from e
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def remove_stale_temporaries(folder: Path, names: Iterable[str]) -> None:
    """Remove the temporary files a killed write of `names` left in `folder`: those older than
    STALE_SECONDS (a `kg export` running meanwhile may be writing a younger one)."""
    now = time.time()
    for name in names:
        for temporary in folder.glob(f".{glob.escape(name)}.*.tmp"):
            with suppress(OSError):
                if now - temporary.stat().st_mtime > STALE_SECONDS:
                    temporary.unlink()


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def union_triples(store: ox.Store) -> Iterator[ox.Triple]:
    """Every triple of every graph, in the store's own stable order.

    No triple stands in two graphs (each document graph has subjects of its own, and the
    derived facts are only in the default graph), so the union needs no de-duplication.
    """
    return (quad.triple for quad in store)


def write_turtle(
    store: ox.Store,
    path: Path,
    *,
    spool: BinaryIO | None = None,
    spooled: Collection[str] = frozenset(),
) -> None:
    """The union of all graphs as Turtle, with kg's prefixes.

    A build passes in `spool` the Turtle of the graphs it wrote (graph.rdf.turtle), whose IRIs
    are `spooled`: those graphs are copied from there, the others dumped from the store.
    """
    if spool is None or not isinstance(store, ox.Store):
        write_rdf(store, path, fmt="ttl")
        return
    graphs = [ox.DefaultGraph(), *(g for g in store.named_graphs() if g.value not in spooled)]

    def write(temporary: Path) -> None:
        dump_graphs(store, temporary, fmt="ttl", prefixes=TURTLE_PREFIXES, graphs=graphs)
        with open(temporary, "ab") as file:
            file.write(PREFIX_BLOCK)
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


def write_rdf(store: ox.Store, path: Path, *, fmt: str = "ttl") -> None:
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
) -> None:
    """The union of `graphs` (all, by default), one graph after another, serialized by the
    store itself.

    The store does not hold the GIL while it reads and writes: a build draws its page
    meanwhile, and `threads` threads dump consecutive runs of graphs into temporary files
    that are then joined in order, so the file is the same whatever `threads`. Turtle allows
    a prefix block before each graph, and the graphs share no blank node.
    """
    if graphs is None:
        graphs = [ox.DefaultGraph(), *store.named_graphs()]
    runs = consecutive_runs(graphs, threads * RUNS_PER_THREAD) if threads > 1 else [graphs]
    with open(path, "wb") as file:
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
    size = -(-len(items) // max(1, count))
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


# Moved to graph.serialize and graph.network_files (the formats of kg export); still found here.
MOVED = {
    "serialize": ("EXPORT_FORMATS", "DEFAULT_NAMES", "export_store"),
    "network_files": ("NOT_XML", "flat_network", "write_graphml", "write_csv"),
}


def __getattr__(name: str) -> object:
    import importlib

    for module, names in MOVED.items():
        if name in names:
            return getattr(importlib.import_module(f"graph.{module}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
