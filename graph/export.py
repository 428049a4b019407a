"""Write the graph to files, each one atomically: a temporary file beside the target, renamed over
it only once complete, so that a failed write leaves the previous file intact.

`export_store` writes the formats of `kg export`: the RDF of all graphs as Turtle, N-Triples or
JSON-LD, and the entity network (graph.analyze.to_networkx) as GraphML for Gephi and Cytoscape
or as CSV (nodes.csv and edges.csv). GraphML and CSV hold scalars only: lists become text.
"""

from __future__ import annotations

import csv
import glob
import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, suppress
from pathlib import Path
from typing import BinaryIO

import networkx as nx
import pyoxigraph as ox

from graph.analyze import to_networkx
from graph.errors import OutputError
from graph.vocab import TURTLE_PREFIXES

log = logging.getLogger("kg")

RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
EXPORT_FORMATS = (*RDF_FORMATS, "graphml", "csv")
# Where `kg export` writes each format, beside the store, unless told.
DEFAULT_NAMES = {fmt: f"graph.{fmt}" for fmt in EXPORT_FORMATS} | {"csv": "csv"}
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
# Characters XML 1.0 cannot hold, even escaped (and lone surrogates, which no UTF-8 can).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


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
        reason = e.strerror or (str(e).strip().splitlines() or [type(e).__name__])[0]
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

    A build passes in `spool` the Turtle of the graphs it wrote (graph.turtle), whose IRIs
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


def export_store(store: ox.Store, *, fmt: str, out: Path) -> list[Path]:
    """Write the graph in format `fmt` to `out` (for csv, a folder); return the files written.

    Raises:
        OutputError: an unknown format, or `out` cannot be written.
    """
    if fmt not in EXPORT_FORMATS:
        raise OutputError(f"unknown format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}")
    if fmt in RDF_FORMATS:
        write_rdf(store, out, fmt=fmt)
        return [out]
    network = flat_network(to_networkx(store))
    if fmt == "graphml":
        write_graphml(network, out)
        return [out]
    return write_csv(network, out)


def flat_network(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The network with scalar attributes only: lists joined with "; ", evidence one line per
    sentence, and a `weight` (the number of sentences) on each edge for Gephi.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", evidence=[{"sentence": "A b.", "document": "d", "confidence": 0.5}])
    0
    >>> flat_network(g).edges["a", "b", 0]
    {'evidence': 'A b. (d, 0.50)', 'weight': 1}
    """
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: scalar(v) for k, v in data.items()})
    for source, target, key, data in graph.edges(keys=True, data=True):
        attributes = {k: scalar(v) for k, v in data.items()}
        attributes.setdefault("weight", len(data.get("evidence", [])) or 1)
        flat.add_edge(source, target, key=key, **attributes)
    return flat


def scalar(value: object) -> str | int | float | bool:
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dict):
        if {"sentence", "document"} <= value.keys():
            return f"{value['sentence']} ({value['document']}, {value.get('confidence', 0):.2f})"
        return ", ".join(f"{k}: {scalar(v)}" for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        items = [scalar(v) for v in value]
        separator = "\n" if any(isinstance(v, dict) for v in value) else "; "
        return separator.join(str(item) for item in items)
    return "" if value is None else str(value)


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    """GraphML; characters XML cannot hold (control characters) become U+FFFD, with a warning
    (and XML reads any line end back as \\n)."""
    safe = nx.MultiDiGraph()
    safe.add_nodes_from((n, xml_safe(d)) for n, d in graph.nodes(data=True))
    safe.add_edges_from((s, t, k, xml_safe(d)) for s, t, k, d in graph.edges(keys=True, data=True))
    atomic_write(path, lambda tmp: nx.write_graphml(safe, str(tmp)))
    values = [*graph.nodes.data(), *((s, d) for s, _, d in graph.edges.data())]
    changed = sum(
        bool(NOT_XML.search(v)) for _, d in values for v in d.values() if isinstance(v, str)
    )
    if changed:
        log.warning(
            "%s: %d text(s) hold control characters, which XML cannot; written as U+FFFD "
            "(export ttl, nt, jsonld or csv keeps them)",
            path,
            changed,
        )


def xml_safe(data: dict) -> dict:
    return {k: NOT_XML.sub("\ufffd", v) if isinstance(v, str) else v for k, v in data.items()}


def write_csv(graph: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """nodes.csv (id and attributes) and edges.csv (source, target and attributes) in `folder`."""
    make_folder(folder)
    nodes = [{"id": n, **d} for n, d in graph.nodes(data=True)]
    edges = [{"source": s, "target": t, **d} for s, t, d in graph.edges(data=True)]
    written = []
    for name, rows, first in (
        ("nodes.csv", nodes, ["id"]),
        ("edges.csv", edges, ["source", "target"]),
    ):
        columns = list(dict.fromkeys([*first, *(k for row in rows for k in row)]))
        atomic_write(
            folder / name, lambda tmp, rows=rows, columns=columns: write_rows(tmp, rows, columns)
        )
        written.append(folder / name)
    return written


def write_rows(path: Path, rows: list[dict], columns: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
