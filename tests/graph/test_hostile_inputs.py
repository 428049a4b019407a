"""Hostile inputs (issue 7): whatever a folder holds, kg reads what it can, names every file it
cannot read with the reason, goes on, and never prints a traceback.

Black-box: the real `kg` command runs as a subprocess on a folder holding one file of each kind
(built once for the module). On a root account, unreadable files are made with chmod and kg runs
without the capabilities that let root read anything (setpriv), as an ordinary user would.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph

from extract.documents import decode, find_files, html_to_text, read_document
from extract.errors import InputError
from extract.pipeline import PIECE_CHARS, split_text
from graph.store.files import is_output_folder
from tests.conftest import ROOT

# A Python traceback, plain or drawn by rich (typer's pretty exceptions).
TRACEBACK = re.compile(r"Traceback \(most recent call last\)|^\s+File \"|[╭╰]─", re.MULTILINE)
# Characters a terminal obeys or hides: none may reach the screen raw (tab and newline may).
HIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069\ufeff]"
)
SETPRIV = shutil.which("setpriv")
MB = 1_000_000
DEPTH = 1100
NESTED = "in/nested/" + "n/" * DEPTH + "bottom.txt"


@dataclass
class Run:
    code: int
    out: str
    err: str


def kg(
    *args: object,
    cwd: Path,
    stdin: bytes = b"",
    timeout: float = 300,
    unprivileged: bool = False,
    **popen,
) -> Run:
    """Run the kg command; fail on a traceback, on output that is not UTF-8, or on stderr that
    would make a terminal obey a control character."""
    command = [sys.executable, "-m", "graph.cli", *map(str, args)]
    if unprivileged and os.geteuid() == 0:
        if SETPRIV is None:
            pytest.skip("needs setpriv to run kg without root's right to read every file")
        command = [SETPRIV, "--bounding-set=-dac_override,-dac_read_search", *command]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"}
    done = subprocess.run(
        command, cwd=cwd, input=stdin, capture_output=True, timeout=timeout, env=env, **popen
    )
    run = Run(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))
    assert not TRACEBACK.search(run.err + run.out), run.err
    assert not HIDDEN.search(run.err), run.err
    return run


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("kg: error:")]


def stored_paths(store: Path) -> set[str]:
    query = "SELECT ?path WHERE { GRAPH ?g { ?g kg:path ?path ; kg:contentHash ?h } }"
    with_prefix = "PREFIX kg: <https://kg.example.org/vocab#>\n" + query
    store = ox.Store.read_only(str(store))
    return {row["path"].value for row in store.query(with_prefix)}


def labels(store: Path) -> set[str]:
    query = "SELECT ?l WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
    return {row["l"].value for row in ox.Store.read_only(str(store)).query(query)}


NO_NEWLINE = " ".join(f"Acme{i % 7} partners with Globex{i % 5}" for i in range(4000))
# File -> the reason kg gives for not reading it.
UNREADABLE = {
    "binary.txt": "binary file",
    "noise.txt": "no other encoding fits",
    "utf16-broken.txt": "not valid UTF-16",
    "locked.txt": "Permission denied",
    "dangling.txt": "No such file",
    "pipe.txt": "not a regular file",
    "huge.txt": "too large",
    "photo.png": "not in a format kg reads",
    "report.pdf": "cannot read this PDF",
}
READABLE = {
    "good.txt": "Meta partners with Microsoft. Sundar Pichai leads Google.",
    "cp1252.txt": "Café Crème partners with Microsoft.",
    "cp1251.txt": "Газпром подписал соглашение с Microsoft. Москва является столицей России.",
    "shift-jis.txt": "トヨタはマイクロソフトと提携している。東京は日本の首都です。",
    "utf16.txt": "Oracle partners with IBM.",
    "utf8-bom.txt": "Intel partners with Nvidia.",
    "page.html": "<html><head><style>p{color:red}</style><script>Evilcorp partners with "
    "Badguy();</script></head><body><p>Apple acquires Beats.</p></body></html>",
    "empty.txt": "",
    "blank.md": " \n\t\n",
    "no-newline.txt": NO_NEWLINE,
    "esc\x1b[31mred.txt": "Samsung partners with Qualcomm.",
    "deep/" + "/".join(f"d{i}" for i in range(30)) + "/bottom.txt": "Adobe partners with Figma.",
}


def make_hostile_folder(folder: Path) -> None:
    for name, text in READABLE.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        encoding = {"cp1252.txt": "cp1252", "cp1251.txt": "cp1251", "shift-jis.txt": "shift_jis"}
        path.write_bytes(
            "\ufeff".encode() + text.encode()
            if name == "utf8-bom.txt"
            else text.encode("utf-16")
            if name == "utf16.txt"
            else text.encode(encoding.get(name, "utf-8"))
        )
    # A file name that is not UTF-8 at all.
    (folder / os.fsdecode(b"latin-\xe9t\xe9.txt")).write_bytes(b"Siemens partners with Bosch.")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "title\x1b]0;pwned\x07.txt").write_bytes(b"\x00\x01")  # retitles a terminal
    (folder / "noise.txt").write_bytes(bytes(range(128, 256)) * 3)
    (folder / "utf16-broken.txt").write_bytes(b"\xff\xfeA\x00\x00\xd8B\x00")
    (folder / "locked.txt").write_text("Secret partners with Hidden.")
    (folder / "locked.txt").chmod(0)
    (folder / "locked-folder").mkdir()
    (folder / "locked-folder" / "inside.txt").write_text("Hidden partners with Secret.")
    (folder / "locked-folder").chmod(0)
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "huge.txt").write_bytes(b"Meta partners with Microsoft. " * (MB // 25))
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (folder / "report.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    (folder / "loop").symlink_to(".")
    (folder / "deep" / "d0" / "up").symlink_to("../..")
    # Deeper than Python 3.11's recursive os.walk can go.
    deepest = folder / "nested"
    for _ in range(DEPTH):
        deepest /= "n"
        deepest.mkdir(parents=True)
    (deepest / "bottom.txt").write_text("Spotify partners with Sony.")


def remove_nested(folder: Path) -> None:
    """shutil.rmtree recurses too: take the nested folders down from the bottom."""
    deepest = folder / "nested" / Path(*["n"] * DEPTH)
    (deepest / "bottom.txt").unlink()
    while deepest != folder:
        deepest.rmdir()
        deepest = deepest.parent


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The hostile folder built once, its output folder inside it, with /dev/zero named too."""
    cwd = tmp_path_factory.mktemp("hostile")
    make_hostile_folder(cwd / "in")
    args = ("build", "in", "/dev/zero", "--out", "in/out", "--max-file-size", "1")
    first = kg(*args, cwd=cwd, unprivileged=True)
    second = kg(*args, cwd=cwd, unprivileged=True)
    yield cwd, first, second
    (cwd / "in" / "locked-folder").chmod(0o755)  # so that pytest can clean up
    remove_nested(cwd / "in")


def test_hostile_inputs_build_goes_on_and_exits_1(hostile):
    _, first, _ = hostile
    assert first.code == 1, first.err
    assert re.search(r"^\d+ documents \(\d+ read, 0 unchanged\)", first.out, re.MULTILINE)
    assert error_lines(first.err)[-1].startswith(f"kg: error: {len(UNREADABLE) + 2} files skipped")


@pytest.mark.parametrize(("name", "reason"), [*UNREADABLE.items(), ("/dev/zero", "regular")])
def test_hostile_inputs_unreadable_file_is_named_with_its_reason(hostile, name, reason):
    _, first, _ = hostile
    path = name if name.startswith("/") else f"in/{name}"
    [line] = [
        line for line in error_lines(first.err) if line.startswith(f"kg: error: skipped {path}")
    ]
    assert reason in line


def test_hostile_inputs_readable_files_are_stored(hostile):
    cwd, _, _ = hostile
    expected = {f"in/{name}" for name in READABLE} | {"in/latin-\\xe9t\\xe9.txt", NESTED}
    assert stored_paths(cwd / "in" / "out" / "store") == expected


def test_hostile_inputs_legacy_encodings_are_decoded_not_mojibake(hostile):
    cwd, first, _ = hostile
    assert "in/cp1252.txt: not UTF-8, read as cp1252" in first.err
    assert "in/cp1251.txt: not UTF-8, read as cp1251" in first.err
    assert re.search(r"in/shift-jis.txt: not UTF-8, read as (cp932|shift_jis)", first.err)
    found = labels(cwd / "in" / "out" / "store")
    assert "Café Crème" in found
    assert not [label for label in found if re.search("[ÃÐÑâ]\\W|\ufffd|\ufeff", label)]


def test_hostile_inputs_scripts_and_styles_are_not_read(hostile):
    cwd, _, _ = hostile
    found = labels(cwd / "in" / "out" / "store")
    assert {"Apple", "Beats"} <= found
    assert not {"Evilcorp", "Badguy"} & found


def test_hostile_inputs_unreadable_folders_are_named(hostile):
    _, first, _ = hostile
    assert re.search(r"kg: warning: in/locked-folder: skipped unreadable folder", first.err)


def test_hostile_inputs_file_names_are_stored_exactly_and_shown_escaped(hostile):
    cwd, first, _ = hostile
    assert "in/esc\x1b[31mred.txt" in stored_paths(cwd / "in" / "out" / "store")
    assert "kg: error: skipped in/title\\u001b]0;pwned\\u0007.txt: binary file" in first.err


def test_hostile_inputs_outputs_are_valid(hostile):
    cwd, _, _ = hostile
    out = cwd / "in" / "out"
    turtle = Graph().parse(out / "graph.ttl", format="turtle")
    assert len(turtle) == len(list(ox.Store.read_only(str(out / "store"))))
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Café Crème" in page


def test_hostile_inputs_output_inside_input_is_never_read(hostile):
    cwd, _, second = hostile
    assert second.code == 1
    documents = len(READABLE) + 2
    assert f"{documents} documents (0 read, {documents} unchanged)" in second.out
    assert not [p for p in stored_paths(cwd / "in" / "out" / "store") if p.startswith("in/out")]


def test_hostile_inputs_earlier_output_folder_is_not_read(hostile, monkeypatch):
    cwd, _, _ = hostile
    monkeypatch.chdir(cwd)
    files = find_files([Path("in")], exclude=Path("elsewhere"), skip_folder=is_output_folder)
    assert files and not [f for f in files if f.parts[:2] == ("in", "out")]


def test_hostile_inputs_output_folder_as_input_is_refused(hostile):
    cwd, _, _ = hostile
    run = kg("build", "in/out", "--out", "in/out", cwd=cwd)
    assert run.code == 1
    assert run.err.startswith("kg: error: in/out: this folder holds kg's own output")


def test_hostile_inputs_nothing_readable(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(b"\x00\x01")
    run = kg("build", "in", "--out", "out", cwd=tmp_path)
    assert run.code == 1
    assert error_lines(run.err)[-1].startswith("kg: error: no input could be read: in/a.txt")


def test_hostile_inputs_missing_path(tmp_path):
    run = kg("build", "nowhere", "--out", "out", cwd=tmp_path)
    assert (run.code, run.err) == (
        1,
        "kg: error: nowhere: no such file or folder; check the path\n",
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Café Crème partners with Microsoft.\n".encode("cp1252"), "Café Crème"),
        (b"\xffMeta partners with Microsoft.\n", "Microsoft"),
        ("Meta partners with Microsoft.\n".encode("utf-16"), "Microsoft"),
    ],
)
def test_hostile_inputs_standard_input_is_decoded_like_a_file(tmp_path, data, expected):
    run = kg("extract", "-", cwd=tmp_path, stdin=data)
    assert run.code == 0, run.err
    assert f'"{expected}"' in run.out


def test_hostile_inputs_long_text_is_cut_in_bounded_pieces(nlp):
    for text in ("x" * (nlp.max_length + 10), NO_NEWLINE * 10, "word " * 300_000):
        pieces = split_text(text)
        assert "".join(piece for _, piece in pieces) == text
        assert max(len(piece) for _, piece in pieces) <= PIECE_CHARS < nlp.max_length
        assert [offset for offset, _ in pieces] == [
            sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))
        ]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_hostile_inputs_any_bytes_decode_or_are_refused(data):
    try:
        text = decode(data, name="x")
    except InputError as e:
        assert str(e).startswith("x: ") and "\n" not in str(e)
    else:
        assert isinstance(text, str)
        text.encode("utf-8")  # no lone surrogates


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/!-=\"' &;#x0abcscriptp\n")), max_size=80))
def test_hostile_inputs_any_html_reduces_to_text(markup):
    assert isinstance(html_to_text(markup), str)


def test_hostile_inputs_read_document_refuses_a_pipe_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(InputError, match="not a regular file"):
        read_document(tmp_path / "pipe.txt")


def test_hostile_inputs_unexpected_error_is_one_line_and_debug_shows_it(
    monkeypatch, capsys, example_build
):
    import graph.query.entities
    from graph.cli import main

    def broken(*args, **kwargs):
        raise ValueError("boom\x1b[31m\nsecond line")

    monkeypatch.setattr(graph.query.entities, "list_entities", broken)
    store = str(example_build / "store")
    with pytest.raises(SystemExit) as exit_info:
        main(["entities", "--store", store])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err == (
        "kg: internal error: ValueError: boom\\u001b[31m; run with --debug for details\n"
    )
    with pytest.raises(ValueError, match="boom"):
        main(["--debug", "entities", "--store", store])


@pytest.mark.parametrize(
    "args",
    [
        ("build", "in", "--max-file-size", "lots"),
        ("build", "in", "--max-file-size", "-1"),
        ("query", "--timeout", "0", "ASK {}"),
        ("nonsense",),
        ("build",),
    ],
)
def test_hostile_inputs_bad_options_are_usage_errors(tmp_path, args):
    run = kg(*args, cwd=tmp_path)
    assert run.code == 2 and run.out == ""
    assert "Usage: " in run.err or "Error" in run.err


def test_hostile_inputs_extract_names_unreadable_files_and_goes_on(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(b"\x00\x01")
    (tmp_path / "in" / "b.txt").write_text("Meta partners with Microsoft.")
    run = kg("extract", "in", cwd=tmp_path)
    assert run.code == 1 and '"Microsoft"' in run.out
    assert error_lines(run.err) == [
        "kg: error: skipped in/a.txt: binary file (NUL bytes), expected text; remove it from "
        "the input",
        "kg: error: 1 file skipped: in/a.txt (binary file (NUL bytes), expected text; remove "
        "it from the input)",
    ]
