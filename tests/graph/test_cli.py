"""The kg command: help for every command, output formats, and one-line errors with exit code 1."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from graph.cli import app, main
from tests.conftest import EXAMPLE, ROOT

COMMANDS = [command.name or command.callback.__name__ for command in app.registered_commands]


def run_kg(capsys, monkeypatch, *args: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    with pytest.raises(SystemExit) as exit_info:
        main([*map(str, args)])
    captured = capsys.readouterr()
    return exit_info.value.code, captured.out, captured.err


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_has_help(command):
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output


def test_cli_build_example(capsys, monkeypatch, tmp_path):
    code, out, err = run_kg(capsys, monkeypatch, "build", EXAMPLE, "--out", tmp_path / "out")
    assert code == 0, err
    assert "1 document (" in out and "most connected: Llama 2" in out
    assert {p.name for p in (tmp_path / "out").iterdir()} == {"store", "graph.ttl", "graph.html"}


def test_cli_html_needs_no_network(example_build):
    html = (example_build / "graph.html").read_text()
    assert not re.search(r"<script[^>]*\bsrc=|<link\b|@import|url\((?!\"?data:)", html)
    assert not re.search(r"(src|href)=[\"']?https?://", html)


@pytest.mark.parametrize("fmt", ["jsonl", "tsv"])
def test_cli_extract_formats(capsys, monkeypatch, fmt):
    code, out, _ = run_kg(
        capsys,
        monkeypatch,
        "extract",
        "-",
        "--format",
        fmt,
        stdin="Meta partners with Microsoft.\n",
    )
    assert code == 0
    if fmt == "jsonl":
        [record] = [json.loads(line) for line in out.splitlines()]
        assert {
            k: record[k]
            for k in (
                "subject",
                "relation",
                "object",
                "subject_type",
                "object_type",
                "negated",
                "document",
            )
        } == {
            "subject": "Meta",
            "relation": "partners with",
            "object": "Microsoft",
            "subject_type": "organization",
            "object_type": "organization",
            "negated": False,
            "document": "stdin",
        }
        assert (
            0 < record["confidence"] <= 1 and record["sentence"] == "Meta partners with Microsoft."
        )
    else:
        header, row = out.splitlines()
        assert header.split("\t")[:3] == ["subject", "relation", "object"]
        assert row.split("\t")[:3] == ["Meta", "partners with", "Microsoft"]


def test_cli_extract_carb_columns(capsys, monkeypatch):
    code, out, _ = run_kg(
        capsys,
        monkeypatch,
        "extract",
        "--format",
        "carb",
        "-",
        stdin="Llama 2 was released by Meta .\n",
    )
    assert code == 0
    sentence, confidence, arg1, relation, arg2 = out.splitlines()[0].split("\t")
    assert (sentence, arg1, relation, arg2) == (
        "Llama 2 was released by Meta .",
        "Llama 2",
        "was released by",
        "Meta",
    )
    assert 0 < float(confidence) <= 1


def one_line_error(err: str, *needles: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_cli_missing_path(capsys, monkeypatch, tmp_path):
    code, _, err = run_kg(
        capsys, monkeypatch, "build", tmp_path / "missing.txt", "--out", tmp_path / "o"
    )
    assert code == 1
    one_line_error(err, "missing.txt", "no such file")


def test_cli_folder_without_text(capsys, monkeypatch, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "photo.jpg").write_bytes(b"\xff\xd8")
    code, _, err = run_kg(capsys, monkeypatch, "build", tmp_path / "in", "--out", tmp_path / "o")
    assert code == 1
    one_line_error(err, "holds no file kg reads")


def test_cli_binary_and_undecodable_files_are_named(capsys, monkeypatch, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Meta released Llama 2.")
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02")
    (folder / "noise.txt").write_bytes(bytes(range(128, 256)) * 3)
    code, out, err = run_kg(capsys, monkeypatch, "build", folder, "--out", tmp_path / "o")
    assert code == 1
    assert "blob.txt" in err and "binary" in err and "noise.txt" in err and "UTF-8" in err
    assert "Traceback" not in err
    assert "1 document (" in out  # the readable file was still built


def test_cli_empty_file_is_a_warning(capsys, monkeypatch, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    code, _, err = run_kg(
        capsys, monkeypatch, "build", tmp_path / "empty.txt", "--out", tmp_path / "o"
    )
    assert code == 0
    assert "warning" in err and "empty.txt" in err


def test_cli_malformed_query(capsys, monkeypatch, example_build):
    code, _, err = run_kg(
        capsys,
        monkeypatch,
        "query",
        "SELECT ?s WHERE { ?s ?p }",
        "--store",
        example_build / "store",
    )
    assert code == 1
    one_line_error(err, "malformed SPARQL at line 1, column")


def test_cli_query_file_and_formats(capsys, monkeypatch, example_build, tmp_path):
    query = tmp_path / "labels.rq"
    query.write_text("SELECT ?label WHERE { ent:meta rdfs:label ?label }")
    code, out, _ = run_kg(
        capsys, monkeypatch, "query", query, "--store", example_build / "store", "--format", "csv"
    )
    assert code == 0 and out.splitlines() == ["label", "Meta"]


def test_cli_missing_query_file(capsys, monkeypatch, example_build):
    code, _, err = run_kg(
        capsys, monkeypatch, "query", "nope.rq", "--store", example_build / "store"
    )
    assert code == 1
    one_line_error(err, "nope.rq", "cannot read query file")


def test_cli_unwritable_output_keeps_nothing_half_done(capsys, monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    code, _, err = run_kg(capsys, monkeypatch, "build", EXAMPLE, "--out", blocker / "out")
    assert code == 1
    one_line_error(err, "cannot create output folder")


def test_cli_failed_build_leaves_previous_outputs(capsys, monkeypatch, built_copy, tmp_path):
    before = {p.name: p.read_bytes() for p in built_copy.iterdir() if p.is_file()}
    code, _, _ = run_kg(capsys, monkeypatch, "build", tmp_path / "missing.txt", "--out", built_copy)
    assert code == 1
    assert {p.name: p.read_bytes() for p in built_copy.iterdir() if p.is_file()} == before


def test_cli_extract_mentions_as_json_lines(capsys, monkeypatch, tmp_path):
    text = "Meta released Llama 2. The company said it was free. It is unclear whether it helps."
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    code, out, _ = run_kg(capsys, monkeypatch, "extract", str(path), "--format", "mentions")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert {tuple(r) for r in records} == {
        ("document", "start", "end", "text", "kind", "entity", "type", "reason")
    }
    by_text = {(r["text"], r["start"]): r for r in records}
    company = by_text[("The company", text.index("The company"))]
    assert (company["kind"], company["entity"]) == ("description", "Meta")
    expletive = by_text[("It", text.index("It is"))]
    assert expletive["entity"] is None and "expletive" in expletive["reason"]
    assert all(text[r["start"] : r["end"]] == r["text"] for r in records)


def test_cli_choices_are_the_librarys():
    """graph.cli.options writes the lists out so as not to import the modules that own them."""
    from graph.cli.options import EXPORT_FORMATS, RESULT_FORMATS
    from graph.query.results import FORMATS
    from graph.view import export

    assert RESULT_FORMATS == FORMATS
    assert EXPORT_FORMATS == export.EXPORT_FORMATS


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"], ["query", "--nope"]])
def test_cli_help_and_usage_errors_load_no_heavy_library(args, tmp_path):
    """Help and a mistyped option import neither spaCy, rdflib, pyoxigraph nor networkx."""
    heavy = ["spacy", "rdflib", "pyoxigraph", "networkx"]
    code = (
        "import sys\nfrom graph.cli import main\ntry:\n    main(sys.argv[1:])\n"
        f"except SystemExit:\n    pass\nprint([m for m in {heavy!r} if m in sys.modules])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=tmp_path,
    )
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout + done.stderr
