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
        if path.is_dir():
            files = _walk(path, exclude=exclude)
            if not files:
                suffixes = ", ".join(sorted(TEXT_SUFFIXES))
                raise InputError(f"{path}: folder holds no text files (looked for {suffixes})")
            found.extend(files)
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _walk(folder: Path, *, exclude: Path | None) -> list[Path]:
    excluded = exclude.resolve() if exclude else None
    files = []
    # followlinks=False: a symbolic-link loop cannot make the walk endless.
    for root, dirs, names in os.walk(folder, onerror=_warn_unreadable):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and Path(root, d).resolve() != excluded
        )
        files += [Path(root, n) for n in sorted(names) if Path(n).suffix.lower() in TEXT_SUFFIXES]
    return files


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
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def read_document(path: Path) -> Document:
    """Read one file as a `Document`.

    Raises:
        InputError: the file is unreadable, binary, or not valid UTF-8.
    """
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read file ({e.strerror})") from e
    text = decode(data, name=str(path))
    if path.suffix.lower() in {".html", ".htm"}:
        text = html_to_text(text)
    return Document(id=document_id(path), text=text)


def decode(data: bytes, *, name: str) -> str:
    """Decode text: UTF-8 (or UTF-16 with its byte-order mark), else the legacy encoding that
    charset-normalizer detects, with a warning naming it; binary data is refused.

    >>> decode("café".encode(), name="x")
    'café'
    >>> decode("Café crème".encode("latin-1"), name="x")
    'Café crème'
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
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
    paths: Sequence[str | Path], *, exclude: Path | None = None
) -> Iterator[Document]:
    """Read every text file named by `paths`; `-` reads standard input as the document `stdin`.

    Files that cannot be read raise `InputError` when reached; use `find_files` and
    `read_document` to decide per file.
    """
    for path in paths:
        if str(path) == STDIN:
            yield Document(id="stdin", text=sys.stdin.read())
            continue
        for file in find_files([path], exclude=exclude):
            yield read_document(file)


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
