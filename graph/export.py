"""Write the graph to files, each one atomically: a temporary file beside the target, renamed over
it only once complete, so that a failed write leaves the previous file intact.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox

from graph.errors import OutputError
from graph.vocab import PREFIXES


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
        raise OutputError(f"{path}: cannot write ({e.strerror}); the previous file is kept") from e
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


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


def write_turtle(store: ox.Store, path: Path) -> None:
    """The union of all graphs as Turtle, with kg's prefixes."""
    triples = union_triples(store)
    # Document IRIs are paths, which make unreadable prefixed names: leave them whole.
    prefixes = {p: ns for p, ns in PREFIXES.items() if p != "doc"}
    atomic_write(
        path,
        lambda tmp: ox.serialize(triples, str(tmp), format=ox.RdfFormat.TURTLE, prefixes=prefixes),
    )
