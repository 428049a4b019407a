"""Readers of the formats people keep their documents in: each turns a file's bytes or text into
the prose kg parses (blocks separated by blank lines, so that a heading or a list item is a
sentence of its own) and the metadata the format carries (title, author, publication date).

Each format is read by a well-kept library that does it better than code of ours would: pypdf
(PDF text layer), python-docx (Word), trafilatura (the main content of a web page, without its
navigation, sidebars and footers) and markdown-it-py (CommonMark). They are imported when a file
of their format is read, so that reading plain text costs none of them.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from html.parser import HTMLParser
from typing import NamedTuple

from extract.errors import InputError

# Format names recorded with each document, by file suffix, and their media types.
FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
MEDIA_TYPES = {
    "text": "text/plain",
    "markdown": "text/markdown",
    "html": "text/html",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
# Formats read from bytes (the others are text, decoded first).
BINARY_FORMATS = frozenset({"pdf", "docx"})
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


class Reading(NamedTuple):
    """What a reader found in a file: its prose and, where the format carries them, its title,
    author and publication date (ISO 8601: a date or a date-time)."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None


def read_pdf(data: bytes, *, name: str) -> Reading:
    """The text layer of a PDF, page after page, and its document information.

    Raises:
        InputError: the file is no PDF pypdf can open, or has no text layer (a scan).
    """
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        with quiet("pypdf"):
            reader = PdfReader(io.BytesIO(data))
            pages = [page.extract_text() or "" for page in reader.pages]
            info = reader.metadata
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as e:
        raise InputError(f"{name}: cannot read this PDF ({e}); is it damaged or encrypted?") from e
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise InputError(f"{name}: PDF with no text layer (a scan?): OCR it first, e.g. ocrmypdf")
    if info is None:
        return Reading(text)
    return Reading(
        text,
        title=clean(info.title),
        author=clean(info.author),
        published=iso_date(safe(lambda: info.creation_date)),
    )


def read_docx(data: bytes, *, name: str) -> Reading:
    """The paragraphs of a Word document (each heading and list item one) and its core
    properties.

    Raises:
        InputError: the file is no Word document python-docx can open.
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, ValueError, KeyError, OSError) as e:
        raise InputError(f"{name}: cannot read this Word document ({e}); is it a .docx?") from e
    # Tables hold their own paragraphs, read after the body's; a merged cell is listed once
    # per row and column it spans, so cells are taken once each.
    cells = {id(c._tc): c for t in document.tables for r in t.rows for c in r.cells}
    paragraphs = [p.text for p in document.paragraphs]
    paragraphs += [p.text for c in cells.values() for p in c.paragraphs]
    text = "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
    properties = document.core_properties
    return Reading(
        text,
        title=clean(properties.title),
        author=clean(properties.author),
        published=iso_date(properties.created),
    )


def read_html(html: str) -> Reading:
    """The main content of a web page, as trafilatura finds it (no navigation, sidebars,
    footers, cookie banners or scripts), one paragraph per block, and the page's metadata.

    A page too short for trafilatura to tell its main content is read whole (its visible text).

    >>> read_html("<p>Meta <b>partners</b> with Microsoft.</p>").text
    'Meta partners with Microsoft.'
    """
    import trafilatura

    with quiet("trafilatura", "htmldate", "courlan"):
        main = trafilatura.extract(html, include_comments=False, include_tables=True)
        metadata = trafilatura.extract_metadata(html)
    text = "\n\n".join(" ".join(line.split()) for line in (main or "").splitlines() if line.strip())
    if not text:
        text = html_to_text(html)
    if metadata is None:
        return Reading(text)
    return Reading(
        text,
        title=clean(metadata.title),
        author=clean(metadata.author),
        published=iso_date(metadata.date),
    )


def read_markdown(source: str) -> Reading:
    """The prose of a Markdown text: each heading, paragraph and list item a block of its own,
    emphasis and links reduced to their words; code blocks, HTML blocks and front matter left
    out. The title, author and date come from the front matter (or the title from the first
    heading).

    >>> read_markdown("---\\ntitle: T\\n---\\n# Acme\\n\\n- **Acme** buys [Globex](x)\\n").text
    'Acme\\n\\nAcme buys Globex'
    """
    from markdown_it import MarkdownIt

    fields, body = front_matter(source)
    blocks: list[str] = []
    heading = None
    previous = None
    for token in MarkdownIt("commonmark").parse(body):
        # Code (fence, code_block) and raw HTML are not prose; inline tokens hold the rest.
        if token.type == "inline":
            text = " ".join(inline_text(token.children or []).split())
            if text:
                blocks.append(text)
            if heading is None and previous is not None and previous.type == "heading_open":
                heading = text or None
        previous = token
    return Reading(
        "\n\n".join(blocks),
        title=clean(fields.get("title")) or heading,
        author=clean(fields.get("author")),
        published=iso_date(fields.get("date") or fields.get("published")),
    )


def inline_text(children: list) -> str:
    """The words of inline Markdown: text and code spans, line breaks as spaces; no images or
    raw HTML."""
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def front_matter(source: str) -> tuple[dict[str, str], str]:
    """The `key: value` fields of a YAML front matter block and the text after it.

    >>> front_matter("---\\ntitle: 'A b'\\ndate: 2024-03-05\\n---\\nText")
    ({'title': 'A b', 'date': '2024-03-05'}, 'Text')
    """
    match = FRONT_MATTER.match(source)
    if match is None:
        return {}, source
    fields = {}
    for line in match.group(1).splitlines():
        key, colon, value = line.partition(":")
        if colon and key.strip() and not key.startswith((" ", "\t", "-")):
            fields[key.strip().lower()] = value.strip().strip("'\"")
    return fields, source[match.end() :]


@contextmanager
def quiet(*names: str) -> Iterator[None]:
    """Silence the warnings a reader's library logs about a file's flaws ("EOF marker not
    found"): kg reports a file it cannot read itself, and what it can read needs no warning."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def clean(value: object) -> str | None:
    """A metadata text with its spaces normalized, or None when empty."""
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def safe(read):
    """A metadata value, or None when the file holds it malformed (pypdf raises on a bad date)."""
    try:
        return read()
    except (ValueError, TypeError, KeyError):
        return None


def iso_date(value: object) -> str | None:
    """A date or date-time as ISO 8601 text (an xsd:date or xsd:dateTime), or None when it is
    none.

    >>> iso_date("2024-03-05"), iso_date("2024-03-05T09:00:00Z"), iso_date("March")
    ('2024-03-05', '2024-03-05T09:00:00+00:00', None)
    """
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = clean(value)
    if text is None:
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        return None


class _VisibleText(HTMLParser):
    """Collects the text a browser would show, one block element per line."""

    HIDDEN = frozenset({"script", "style", "head", "title", "noscript", "template", "svg"})
    BLOCKS = frozenset(
        "p div br li h1 h2 h3 h4 h5 h6 tr section article header footer blockquote pre table "
        "ul ol hr".split()
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
