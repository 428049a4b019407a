"""Output files written atomically: a temporary file beside the target, renamed over it only once
complete, so that a failed write leaves the previous file intact; and the temporaries a killed
write left behind."""

from __future__ import annotations

import glob
import os
import tempfile
import time
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path

from graph.errors import OutputError, first_line

# A temporary output file untouched for this long was left by a write that was killed.
STALE_SECONDS = 600
# What kg build writes in its output folder: the store, and beside it, each atomically, the
# Turtle and the page.
STORE_FOLDER, TURTLE, PAGE = "store", "graph.ttl", "graph.html"
BUILD_OUTPUTS = (STORE_FOLDER, TURTLE, PAGE)


def is_output_folder(folder: Path) -> bool:
    """Whether `folder` holds the output of a kg build (a store beside the Turtle or the page),
    which kg must not read back as documents.

    Raises:
        OSError: the folder cannot be read.
    """
    return (folder / STORE_FOLDER).is_dir() and any(
        (folder / name).is_file() for name in (TURTLE, PAGE)
    )


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
