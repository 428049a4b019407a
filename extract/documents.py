"""Find input files and read them as text: .txt and .md as they are, .html reduced to what a
browser shows.
"""

from __future__ import annotations

import codecs
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from html.parser import HTMLParser
from pathlib import Path

import charset_normalizer

from extract.errors import InputError
from extract.triple import Document

log = logging.getLogger("kg")

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})
STDIN = "-"
# Files larger than this are reported and skipped unless the caller allows more
# (kg build --max-file-size): a 1 GB log would take hours to parse.
MAX_FILE_SIZE = 100_000_000
# Non-text files in a folder are reported by name, up to this many.
NAMES_SHOWN = 5


def find_files(paths: Sequence[str | Path], *, exclude: Path | None = None) -> list[Path]:
    """List the text files named by `paths`, walking folders recursively, in a stable order.

    Args:
        paths: files and folders.
        exclude: a folder never to read (the build's own output folder).

    Raises:
        InputError: a path does not exist, or a folder holds no text file.
    """
    found: list[Path] = []
    for path in map(Path, paths):
        if not path.exists():
            raise InputError(f"{path}: no such file or folder; check the path")
        if path.is_dir() and (is_output_folder(path) or _inside(path, exclude)):
            raise InputError(
                f"{path}: this folder holds kg's own output (store, graph.html), not documents; "
                "give the folder of your documents"
            )
        if path.is_dir():
            files, ignored = _walk(path, exclude=exclude)
            suffixes = ", ".join(sorted(TEXT_SUFFIXES))
            if not files:
                raise InputError(
                    f"{path}: folder holds no text files (looked for {suffixes})"
                    + (f"; not read: {_some(ignored)}" if ignored else "")
                )
            if ignored:
                log.info(
                    "%s: not text by their name (%s), not read: %s", path, suffixes, _some(ignored)
                )
            found.extend(files)
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _walk(folder: Path, *, exclude: Path | None) -> tuple[list[Path], list[Path]]:
    """The text files below `folder`, and the other files, but for hidden ones."""
    excluded = exclude.resolve() if exclude else None
    files, ignored = [], []
    # Depth first with a stack of its own: Python 3.11's os.walk recurses, and a thousand
    # nested folders exhaust the interpreter's stack.
    pending = [folder]
    while pending:
        root = pending.pop()
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
                    if path.resolve() != excluded and not _skip_output_folder(path):
                        folders.append(path)
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


def is_output_folder(folder: Path) -> bool:
    """Whether `folder` holds the output of a kg build (a store beside graph.ttl or graph.html),
    which kg must not read back as documents."""
    try:
        return (folder / "store").is_dir() and any(
            (folder / name).is_file() for name in ("graph.ttl", "graph.html")
        )
    except OSError:  # an unreadable folder: the walk reports it
        return False


def _skip_output_folder(folder: Path) -> bool:
    if not is_output_folder(folder):
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
    """Read one file as a `Document`.

    Args:
        max_bytes: refuse files larger than this; None reads any size.

    Raises:
        InputError: the file is unreadable, not a regular file, larger than `max_bytes`,
            binary, or in no encoding that fits.
    """
    data = read_bytes(path, max_bytes=max_bytes)
    text = decode(data, name=str(path))
    if path.suffix.lower() in {".html", ".htm"}:
        text = html_to_text(text)
    return Document(id=document_id(path), text=text)


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


def decode(data: bytes, *, name: str) -> str:
    """Decode text: UTF-8 (or UTF-16 with its byte-order mark), else the legacy encoding that
    charset-normalizer detects, with a warning naming it; binary data is refused.

    >>> decode("café".encode(), name="x")
    'café'
    >>> decode("Café crème".encode("latin-1"), name="x")
    'Café crème'
    """
    for boms, encoding in (
        ((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE), "utf-32"),  # before UTF-16: FF FE 00 00
        ((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE), "utf-16"),
    ):
        if data.startswith(boms):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as e:
                label = encoding.upper()
                raise InputError(
                    f"{name}: starts as {label} text but is not valid {label} (byte {e.start}); "
                    f"convert it, e.g. iconv -f {label} -t UTF-8"
                ) from e
    if b"\x00" in data[:8192]:
        raise InputError(
            f"{name}: binary file (NUL bytes), expected text; remove it from the input"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        utf8_error = e
    encoding = legacy_encoding(data)
    if encoding is None:
        raise InputError(
            f"{name}: not UTF-8 (byte {utf8_error.start}) and no other encoding fits; "
            "convert it, e.g. iconv -f ENCODING -t UTF-8"
        ) from utf8_error
    log.warning("%s: not UTF-8, read as %s", name, encoding)
    return data.decode(encoding)


def legacy_encoding(data: bytes) -> str | None:
    """The encoding of non-UTF-8 text, or None when nothing fits.

    kg reads English: text that reads as Windows-1252 with only a sprinkling of accented
    letters ('Café crème') is taken as such, because detection is unreliable on short Western
    text (it may guess Central European or even Urdu code pages); other text (Cyrillic, CJK)
    gets the encoding charset-normalizer detects.
    """
    if reads_as_western(data):
        return "cp1252"
    best = charset_normalizer.from_bytes(data).best()
    return None if best is None else codecs.lookup(best.encoding).name


def reads_as_western(data: bytes) -> bool:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    letters = [ch for ch in text if ch.isalpha()]
    accented = [ch for ch in text if ord(ch) > 127]
    if not all(ch.isalpha() or ch in WESTERN_PUNCTUATION for ch in accented):
        return False
    # Cyrillic or Greek bytes read as cp1252 are letters too, but nearly all of them accented.
    return len(accented) <= 0.3 * max(1, len(letters))


WESTERN_PUNCTUATION = frozenset("‘’“”–—…•€£¥©®°±·«»¿¡§¶×÷")


def read_documents(
    paths: Sequence[str | Path],
    *,
    exclude: Path | None = None,
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
        for file in find_files([path], exclude=exclude):
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


class _VisibleText(HTMLParser):
    """Collects the text a browser would show, one block element per line."""

    HIDDEN = frozenset({"script", "style", "head", "title", "noscript", "template", "svg"})
    BLOCKS = frozenset(
        {
            "p",
            "div",
            "br",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "section",
            "article",
            "header",
            "footer",
            "blockquote",
            "pre",
            "table",
            "ul",
            "ol",
            "hr",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.HIDDEN:
            self.hidden_depth += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden_depth = max(0, self.hidden_depth - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden_depth:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Reduce an HTML page to its visible text, paragraphs separated by blank lines.

    >>> html_to_text("<p>Meta <b>partners</b> with Microsoft.</p><script>x()</script>")
    'Meta partners with Microsoft.'
    """
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    paragraphs = (" ".join(block.split()) for block in "".join(parser.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)
