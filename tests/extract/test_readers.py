"""The formats people keep documents in (issue 15): real files made here (a PDF printed by
headless Chromium, a Word file written by python-docx, a web page with its navigation and
sidebars, Markdown with front matter), read into the graph with their title, author and date."""

from __future__ import annotations

import io
import subprocess
from datetime import datetime
from pathlib import Path

import docx
import pyoxigraph as ox
import pytest
from pypdf import PdfWriter

from extract.documents import find_files, read_document
from extract.errors import InputError
from extract.extractor import extract_documents
from extract.readers import read_markdown
from graph.query.sparql import query_store
from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.graph.test_cli import run_kg

PAGE = """<!DOCTYPE html><html><head><title>Acme buys Globex | The Daily Planet</title>
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
<meta property="og:title" content="Acme buys Globex">
<script>var note = "Initech partners with Hooli";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> Initech partners with Hooli.</nav>
<div class="cookie-banner">We use cookies. Umbrella partners with Cyberdyne.</div>
<article><h1>Acme buys Globex</h1>
<p>Acme acquired Globex on Tuesday. The deal was announced in Springfield by the lawyers of
Acme, who said the merger would close in May.</p>
<p>Jane Smith leads Acme. She said that the company would keep every factory open.</p>
</article>
<aside><h2>Most read</h2><ul><li>Stark Industries partners with Oscorp.</li>
<li>Soylent acquires Tyrell.</li></ul></aside>
<footer>Copyright The Daily Planet. Vandelay Industries sponsors Pendant Publishing.</footer>
<script>document.write("Massive Dynamic acquires Virtucon")</script>
</body></html>"""
BOILERPLATE = {
    "Initech", "Hooli", "Umbrella", "Cyberdyne", "Stark Industries", "Oscorp", "Soylent",
    "Tyrell", "Vandelay Industries", "Pendant Publishing", "Massive Dynamic", "Virtucon",
}  # fmt: skip
MARKDOWN = """---
title: "Quarterly notes"
author: Kim Writer
date: 2024-04-02
---
# Initrode hires Peter Gibbons

Initrode **hired** Peter Gibbons in [Austin](https://example.org/austin).

- Bill Lumbergh leads Initrode
- Milton Waddams joined Initech

```python
Massive_Dynamic = acquires("Virtucon")
```
"""
PRINTED = """<html><head><title>Vandelay annual report</title></head><body>
<h1>Vandelay annual report</h1>
<p>Vandelay Industries acquired Kramerica. Art Vandelay leads Vandelay Industries.</p>
</body></html>"""


def names(extraction) -> set[str]:
    return {m.entity.name for m in extraction.mentions if m.entity is not None} | {
        e.name for t in extraction.triples for e in (t.subject, t.object)
    }


def facts(extraction) -> set[tuple[str, str, str]]:
    return {(t.subject.name, t.predicate, t.object.name) for t in extraction.triples}


def read_file(path: Path, nlp):
    document = read_document(path)
    [extraction] = extract_documents([document], nlp=nlp)
    return document, extraction


def assert_offsets_true(document, extraction) -> None:
    """Every sentence and argument of the evidence is where it says in the text kg read."""
    assert extraction.triples
    for triple in extraction.triples:
        evidence = triple.evidence
        start = evidence.sentence_start
        assert document.text[start : start + len(evidence.sentence)] == evidence.sentence
        for begin, end in (evidence.subject, evidence.object):
            assert start <= begin < end <= start + len(evidence.sentence)


def print_pdf(html: str, folder: Path) -> Path:
    """A real PDF, printed by headless Chromium."""
    if not CHROMIUM.exists():
        pytest.fail("Chromium is not installed: apt-get install -y chromium")
    page, pdf = folder / "print.html", folder / "report.pdf"
    page.write_text(html, encoding="utf-8")
    subprocess.run(
        [str(CHROMIUM), "--headless", *CHROMIUM_ARGS, "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    page.unlink()
    return pdf


def write_docx(path: Path) -> Path:
    document = docx.Document()
    properties = document.core_properties
    properties.title, properties.author = "Memo on Hooli", "Pat Author"
    properties.created = datetime(2024, 3, 20, 10, 0)
    document.add_heading("Memo on Hooli", level=1)
    document.add_paragraph("Hooli acquired Pied Piper. Gavin Belson leads Hooli.")
    document.add_paragraph("Erlich Bachman founded Aviato.", style="List Bullet")
    document.save(path)
    return path


def test_readers_html_main_content_only(tmp_path, nlp):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    document, extraction = read_file(tmp_path / "page.html", nlp)
    assert ("Acme", "acquire", "Globex") in facts(extraction)
    assert "Jane Smith" in names(extraction)
    assert not BOILERPLATE & names(extraction)
    assert not {"cookies", "Most read", "Copyright", "Home"} & set(document.text.split())
    assert (document.format, document.author, document.published) == (
        "html", "Jane Reporter", "2024-03-05",
    )  # fmt: skip
    assert document.title.startswith("Acme buys Globex")
    assert_offsets_true(document, extraction)


def test_readers_markdown_prose_only(tmp_path, nlp):
    (tmp_path / "notes.md").write_text(MARKDOWN, encoding="utf-8")
    document, extraction = read_file(tmp_path / "notes.md", nlp)
    assert document.text.split("\n\n") == [
        "Initrode hires Peter Gibbons",
        "Initrode hired Peter Gibbons in Austin.",
        "Bill Lumbergh leads Initrode",
        "Milton Waddams joined Initech",
    ]
    sentences = {t.evidence.sentence for t in extraction.triples}
    assert {"Bill Lumbergh leads Initrode", "Milton Waddams joined Initech"} <= sentences
    assert ("Bill Lumbergh", "lead", "Initrode") in facts(extraction)
    assert not {"Virtucon", "Massive_Dynamic", "Kim Writer"} & names(extraction)
    assert (document.format, document.title, document.author, document.published) == (
        "markdown", "Quarterly notes", "Kim Writer", "2024-04-02",
    )  # fmt: skip
    assert_offsets_true(document, extraction)


def test_readers_markdown_title_from_first_heading():
    assert read_markdown("Intro.\n\n## Acme *rises*\n\n# Later\n").title == "Acme rises"
    assert read_markdown("No heading here.").title is None


def test_readers_pdf_printed_by_chromium(tmp_path, nlp):
    document, extraction = read_file(print_pdf(PRINTED, tmp_path), nlp)
    assert ("Vandelay Industries", "acquire", "Kramerica") in facts(extraction)
    assert (document.format, document.title) == ("pdf", "Vandelay annual report")
    assert_offsets_true(document, extraction)


def test_readers_scanned_pdf_is_named_with_the_fix(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(blank_pdf())
    with pytest.raises(InputError, match=r"scan\.pdf: .*no text layer.*OCR it first"):
        read_document(tmp_path / "scan.pdf")


def test_readers_damaged_pdf_and_docx(tmp_path):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(InputError, match=r"broken\.pdf: cannot read this PDF"):
        read_document(tmp_path / "broken.pdf")
    with pytest.raises(InputError, match=r"broken\.docx: cannot read this Word document"):
        read_document(tmp_path / "broken.docx")


def test_readers_docx(tmp_path, nlp):
    document, extraction = read_file(write_docx(tmp_path / "memo.docx"), nlp)
    assert document.text.split("\n\n") == [
        "Memo on Hooli",
        "Hooli acquired Pied Piper. Gavin Belson leads Hooli.",
        "Erlich Bachman founded Aviato.",
    ]
    assert ("Hooli", "acquire", "Pied Piper") in facts(extraction)
    assert (document.format, document.title) == ("docx", "Memo on Hooli")
    assert document.author == "Pat Author"
    assert document.published.startswith("2024-03-20T10:00:00")
    assert_offsets_true(document, extraction)


def test_readers_folder_names_what_it_cannot_read(tmp_path):
    (tmp_path / "a.md").write_text("Acme buys Globex.")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    skipped: list[tuple[str, str]] = []
    assert find_files([tmp_path], skipped=skipped) == [tmp_path / "a.md"]
    assert skipped == [(str(tmp_path / "photo.png"), skipped[0][1])]
    assert "not in a format kg reads" in skipped[0][1]


def test_readers_build_folder_of_formats_and_query_by_month(capsys, monkeypatch, tmp_path, nlp):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    (folder / "notes.md").write_text(MARKDOWN, encoding="utf-8")
    write_docx(folder / "memo.docx")
    (folder / "scan.pdf").write_bytes(blank_pdf())
    code, out, err = run_kg(capsys, monkeypatch, "build", folder, "--out", tmp_path / "out")
    assert code == 1  # the scan is named, the others are read
    assert "scan.pdf: PDF with no text layer" in err and "1 file skipped" in err
    assert "3 documents" in out
    march = """SELECT DISTINCT ?title ?subject ?object WHERE {
        ?statement a kg:Statement ; rdf:subject/rdfs:label ?subject ;
            rdf:object/rdfs:label ?object ; prov:wasDerivedFrom/dcterms:isPartOf ?document .
        ?document schema:name ?title ; schema:datePublished ?date .
        FILTER (YEAR(?date) = 2024 && MONTH(?date) = 3) }"""
    result = query_store(tmp_path / "out" / "store", march)
    rows = {tuple(term.value for term in row) for row in result.rows}
    assert ("Memo on Hooli", "Hooli", "Pied Piper") in rows
    assert {title for title, _, _ in rows} == {"Memo on Hooli", "Acme buys Globex"}
    assert not {row for row in rows if row[1] == "Bill Lumbergh"}  # published in April
    authors = query_store(
        tmp_path / "out" / "store",
        "SELECT ?format ?author WHERE { ?d schema:encodingFormat ?format ; schema:author ?author }",
    )
    assert {(f.value, a.value) for f, a in authors.rows} == {
        ("text/html", "Jane Reporter"),
        ("text/markdown", "Kim Writer"),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Pat Author"),
    }
    dates = query_store(
        tmp_path / "out" / "store", "SELECT ?d WHERE { ?x schema:datePublished ?d }"
    )
    assert {d.datatype.value.rsplit("#")[1] for (d,) in dates.rows} == {"date", "dateTime"}
    assert all(isinstance(d, ox.Literal) for (d,) in dates.rows)


def blank_pdf() -> bytes:
    """A PDF whose page has no text layer, as a scan has."""
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
