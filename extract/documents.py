"""Read input files as text: plain text as it is; Markdown, HTML, PDF and Word through their
readers (extract.readers), with the title, author and date they carry. Which files a folder
holds is extract.files's part.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from extract.decoding import decode
from extract.errors import InputError
from extract.files import find_files
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

STDIN = "-"
# Files larger than this are reported and skipped unless the caller allows more
# (kg build --max-file-size): a 1 GB log would take hours to parse.
MAX_FILE_SIZE = 100_000_000


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
