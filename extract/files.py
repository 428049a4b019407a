"""Which files kg reads below the paths it is given: folders walked in a stable order, hidden
files and folders, linked folders and kg's own output left out, files in no format kg reads
reported.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from extract.errors import InputError
from extract.readers import FORMATS

log = logging.getLogger("kg")

# The files kg reads in a folder, by suffix; a file named directly is read as text if its suffix
# is none of these.
TEXT_SUFFIXES = frozenset(FORMATS)
SUFFIXES = ", ".join(sorted(TEXT_SUFFIXES))
# Non-text files in a folder are reported by name, up to this many.
NAMES_SHOWN = 5


def find_files(
    paths: Sequence[str | Path],
    *,
    exclude: Path | None = None,
    skip_folder: Callable[[Path], bool] | None = None,
    skipped: list[tuple[str, str]] | None = None,
) -> list[Path]:
    """List the files kg reads named by `paths`, walking folders recursively, in a stable order.

    Args:
        paths: files and folders.
        exclude: a folder never to read (the build's own output folder).
        skip_folder: whether a folder is not documents (one holding an earlier build's output,
            as the caller, who writes those, knows it); named directly, such a folder is an
            error.
        skipped: where to add (path, reason) for each file of a folder in no format kg reads,
            logged as an error as any file that cannot be read; without it, they are only
            logged.

    Raises:
        InputError: a path does not exist, or a folder holds no file kg reads.
    """
    found: list[Path] = []
    for path in map(Path, paths):
        if not path.exists():
            raise InputError(f"{path}: no such file or folder; check the path")
        if path.is_dir() and (_skips(skip_folder, path) or _inside(path, exclude)):
            raise InputError(
                f"{path}: this folder holds kg's own output (store, graph.html), not documents; "
                "give the folder of your documents"
            )
        if path.is_dir():
            files, ignored = _walk(path, exclude=exclude, skip_folder=skip_folder)
            if not files:
                raise InputError(
                    f"{path}: folder holds no file kg reads (looked for {SUFFIXES})"
                    + (f"; not read: {_some(ignored)}" if ignored else "")
                )
            _report_ignored(path, ignored, skipped)
            found.extend(files)
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _report_ignored(
    folder: Path, ignored: list[Path], skipped: list[tuple[str, str]] | None
) -> None:
    if ignored and skipped is None:
        log.info("%s: in no format kg reads (%s), not read: %s", folder, SUFFIXES, _some(ignored))
        return
    for path in ignored:
        reason = f"not in a format kg reads ({SUFFIXES}); name it alone to read it as text"
        log.error("skipped %s: %s", path, reason)
        skipped.append((str(path), reason))


def _walk(
    folder: Path, *, exclude: Path | None, skip_folder: Callable[[Path], bool] | None
) -> tuple[list[Path], list[Path]]:
    """The text files below `folder`, and the other files, but for hidden ones."""
    excluded = exclude.resolve() if exclude else None
    files, ignored = [], []
    # Depth first with a stack of its own: Python 3.11's os.walk recurses, and a thousand
    # nested folders exhaust the interpreter's stack. Each folder goes with its resolved path:
    # the walk never enters a linked folder, so a subfolder's is its parent's plus its name,
    # where resolving it anew costs one lstat per level (minutes at a thousand levels).
    pending = [(folder, folder.resolve())]
    while pending:
        root, real = pending.pop()
        try:
            entries = sorted(os.scandir(root), key=lambda entry: entry.name)
        except OSError as e:
            _warn_unreadable(e)
            continue
        folders = []
        for entry in entries:
            path = Path(root, entry.name)
            if _is_folder(entry):
                # Not into linked folders: a symbolic-link loop cannot make the walk endless.
                if not (entry.name.startswith(".") or entry.is_symlink()):
                    if real / entry.name != excluded and not _skipped_folder(skip_folder, path):
                        folders.append((path, real / entry.name))
            elif path.suffix.lower() in TEXT_SUFFIXES:
                files.append(path)
            elif not entry.name.startswith("."):
                ignored.append(path)
        pending.extend(reversed(folders))
    return files, ignored


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _some(paths: list[Path]) -> str:
    more = len(paths) - NAMES_SHOWN
    return ", ".join(map(str, paths[:NAMES_SHOWN])) + (f" and {more} more" if more > 0 else "")


def _skips(skip_folder: Callable[[Path], bool] | None, folder: Path) -> bool:
    try:
        return skip_folder is not None and skip_folder(folder)
    except OSError:  # an unreadable folder: the walk reports it
        return False


def _skipped_folder(skip_folder: Callable[[Path], bool] | None, folder: Path) -> bool:
    if not _skips(skip_folder, folder):
        return False
    log.info("%s: not read, it holds the output of a kg build", folder)
    return True


def _inside(path: Path, folder: Path | None) -> bool:
    return folder is not None and path.resolve().is_relative_to(folder.resolve())


def _warn_unreadable(error: OSError) -> None:
    log.warning("%s: skipped unreadable folder (%s)", error.filename, error.strerror)
