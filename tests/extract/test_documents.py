"""Reading inputs: files, folders, HTML, and the errors for what cannot be read."""

from __future__ import annotations

import pytest

from extract.documents import find_files, html_to_text, read_document
from extract.errors import InputError


def test_documents_folder_walk_is_recursive_and_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/z.md", "a.txt", "b/page.html", "image.png"):
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in find_files([tmp_path])] == [
        "a.txt",
        "b/page.html",
        "b/z.md",
    ]


def test_documents_output_folder_is_not_read(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "graph.html").write_text("x")
    assert find_files([tmp_path], exclude=tmp_path / "output") == [tmp_path / "a.txt"]


def test_documents_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        find_files([tmp_path / "nope.txt"])


def test_documents_folder_without_text(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    with pytest.raises(InputError, match="holds no file kg reads"):
        find_files([tmp_path])


def test_documents_binary_file(tmp_path):
    path = tmp_path / "data.txt"
    path.write_bytes(b"abc\x00\x01")
    with pytest.raises(InputError, match="binary"):
        read_document(path)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Café crème at the Élysée", "latin-1"),
        ("Mr. Müller’s “quote” – ok", "cp1252"),
        ("Компания Яндекс выпустила новую модель.", "cp1251"),
        ("Meta released Llama 2.", "utf-16"),
    ],
)
def test_documents_legacy_encodings_are_decoded(tmp_path, text, encoding):
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    assert read_document(path).text == text


def test_documents_undecodable_file(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(128, 256)) * 3)
    with pytest.raises(InputError, match="no other encoding fits"):
        read_document(path)


def test_documents_html_visible_text_only():
    html = """<html><head><title>T</title><style>p{}</style></head><body>
    <h1>Meta &amp; Microsoft</h1><p>Meta <em>partners</em> with Microsoft.</p>
    <script>alert(1)</script><p>Second.</p></body></html>"""
    assert html_to_text(html) == "Meta & Microsoft\n\nMeta partners with Microsoft.\n\nSecond."
