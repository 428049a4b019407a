"""Find input files and read them as text: plain text as it is; Markdown, HTML, PDF and Word
through their readers (extract.readers), with the title, author and date they carry.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from extract.decoding import decode
from extract.errors import InputError
from extract.readers import (
    FORMATS,
    Reading,
    html_to_text,
    read_docx,
    read_html,
    read_markdown,
    read_pdf,
)
from extract.triple import Document

__all__ = ["Document", "decode", "find_files", "html_to_text", "read_document", "read_documents"]

log = logging.getLogger("kg")

# The files kg reads in a folder, by suffix; a file named directly is read as text if its suffix
# is none of these.
TEXT_SUFFIXES = frozenset(FORMATS)
SUFFIXES = ", ".join(sorted(TEXT_SUFFIXES))
STDIN = "-"
# Files larger than this are reported and skipped unless the caller allows more
# (kg build --max-file-size): a 1 GB log would take hours to parse.
MAX_FILE_SIZE = 100_000_000
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


def document_id(path: Path) -> str:
    """The id of a file's document: its path relative to the working folder when it is below it,
    else absolute, with forward slashes, so that `docs/a.txt` and `./docs/a.txt` are one document.

    >>> document_id(Path("./examples/../examples/a.txt"))
    'examples/a.txt'
    """
    absolute = Path(os.path.abspath(path))
    try:
        name = absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        name = absolute.as_posix()
    # A file name that is not UTF-8 arrives with surrogate escapes, which no IRI or literal
    # can hold: spell its bytes as \xNN.
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def read_document(path: Path, *, max_bytes: int | None = MAX_FILE_SIZE) -> Document:
    """Read one file as a `Document`: its prose, its format and the metadata it carries.

    Args:
        max_bytes: refuse files larger than this; None reads any size.

    Raises:
        InputError: the file is unreadable, not a regular file, larger than `max_bytes`,
            binary, in no encoding that fits, or a PDF or Word document that cannot be read
            (a scan without text layer, a damaged file).
    """
    data = read_bytes(path, max_bytes=max_bytes)
    name = str(path)
    fmt = FORMATS.get(path.suffix.lower(), "text")
    reading = read_format(data, fmt=fmt, name=name)
    return Document(
        id=document_id(path),
        text=reading.text,
        format=fmt,
        title=reading.title,
        author=reading.author,
        published=reading.published,
    )


def read_format(data: bytes, *, fmt: str, name: str) -> Reading:
    """The prose and metadata of a file's bytes in format `fmt` (see extract.readers)."""
    if fmt == "pdf":
        return read_pdf(data, name=name)
    if fmt == "docx":
        return read_docx(data, name=name)
    text = decode(data, name=name)
    if fmt == "html":
        return read_html(text)
    if fmt == "markdown":
        return read_markdown(text)
    return Reading(text)


def missing_documents(
    stored: Iterable[str], paths: Sequence[str | Path], found: Iterable[Path]
) -> list[str]:
    """The stored documents whose files are gone: below a folder of `paths`, not among the
    files `found` there now, and no longer on disk.

    >>> missing_documents(["gone.txt", "/elsewhere/gone.txt", "stdin"], ["."], [])
    ['gone.txt']
    """
    folders = [document_id(Path(p)) for p in paths if str(p) != STDIN and Path(p).is_dir()]
    present = {document_id(file) for file in found}
    return sorted(
        document
        for document in stored
        if document != "stdin"  # standard input is no file that could be gone
        and any(_below(document, folder) for folder in folders)
        and document not in present
        and not os.path.lexists(document)
    )


def _below(document: str, folder: str) -> bool:
    """Whether document id `document` is below the folder whose id is `folder`."""
    if folder == ".":  # the working folder: the ids of its files are relative paths
        return not document.startswith("/")
    return document.startswith(folder.rstrip("/") + "/")


def read_bytes(path: Path, *, max_bytes: int | None) -> bytes:
    """A file's bytes, refusing what is not a regular file or is larger than `max_bytes`."""
    try:
        size = path.stat().st_size
        # A named pipe would block, a device might never end (/dev/zero).
        if not path.is_file():
            raise InputError(f"{path}: not a regular file (a pipe, socket or device); skip it")
        if max_bytes is None or size <= max_bytes:
            with path.open("rb") as handle:
                # Bounded even if the file grows after stat().
                data = handle.read(-1 if max_bytes is None else max_bytes + 1)
                size = len(data)
    except OSError as e:
        raise InputError(f"{path}: cannot read file ({e.strerror or e})") from e
    if max_bytes is not None and size > max_bytes:
        raise InputError(
            f"{path}: too large ({size / 1e6:,.1f} MB, the limit is {max_bytes / 1e6:,g} MB); "
            "split it, or raise the limit with --max-file-size"
        )
    return data


def read_documents(
    paths: Sequence[str | Path],
    *,
    exclude: Path | None = None,
    skip_folder: Callable[[Path], bool] | None = None,
    skipped: list[tuple[str, str]] | None = None,
) -> Iterator[Document]:
    """Read every text file named by `paths`; `-` reads standard input as the document `stdin`.

    Files that cannot be read raise `InputError` when reached, or, given a `skipped` list, are
    logged and added to it as (path, reason) while the others are read.
    """
    for path in paths:
        if str(path) == STDIN:
            yield Document(id="stdin", text=read_stdin())
            continue
        found = find_files([path], exclude=exclude, skip_folder=skip_folder, skipped=skipped)
        for file in found:
            try:
                document = read_document(file)
            except InputError as e:
                if skipped is None:
                    raise
                log.error("skipped %s", e)
                skipped.append((str(file), str(e).split(": ", 1)[-1]))
                continue
            yield document


def read_stdin() -> str:
    """Standard input as text, decoded from its bytes as a file's are (not by the locale)."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # replaced by a text stream, as in tests and notebooks
        return sys.stdin.read()
    return decode(stream.read(), name="standard input")
