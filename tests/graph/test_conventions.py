"""The command line behaves like the tools people know (issue 15): --version, -q and -v on every
command, help without type placeholders, counts in the singular for one, a page titled after
its documents."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from graph.cli import app
from tests.graph.test_cli import COMMANDS, run_kg

# What typer 0.29 writes for a parameter's type: <bool>, <list[str]>, <path>, <int range>...
PLACEHOLDER = re.compile(r"<[a-z][a-z_\[\], |]*>|\{[a-z_]+\}")


def test_conventions_version(capsys, monkeypatch):
    code, out, _ = run_kg(capsys, monkeypatch, "--version")
    assert code == 0 and re.fullmatch(r"kg \d+\.\d+\.\d+\S*\n", out)


@pytest.mark.parametrize("command", COMMANDS)
def test_conventions_every_command_has_quiet_and_verbose(command):
    result = CliRunner().invoke(app, [command, "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert re.search(r"--quiet\s+-q\s", result.output), result.output
    assert re.search(r"--verbose\s+-v\s", result.output), result.output


@pytest.mark.parametrize("command", [*COMMANDS, None])
def test_conventions_help_has_no_type_placeholders(command):
    args = [command, "--help"] if command else ["--help"]
    result = CliRunner().invoke(app, args, terminal_width=200)
    assert result.exit_code == 0
    assert not PLACEHOLDER.findall(result.output), result.output


def test_conventions_build_help_names_values(capsys, monkeypatch):
    result = CliRunner().invoke(app, ["build", "--help"], terminal_width=200)
    assert re.search(r"--out\s+DIR", result.output)
    assert "PATHS..." in result.output


def test_conventions_quiet_and_verbose_set_what_is_said(capsys, monkeypatch, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "a.txt").write_text("Acme acquired Globex.")
    out = tmp_path / "out"
    code, _, err = run_kg(capsys, monkeypatch, "build", tmp_path / "a.txt", tmp_path / "empty.txt",
                          "--out", out, "-q")  # fmt: skip
    assert code == 0 and err == ""
    (tmp_path / "a.txt").write_text("Acme acquired Initech.")
    code, _, err = run_kg(capsys, monkeypatch, "build", tmp_path / "a.txt", tmp_path / "empty.txt",
                          "--out", out, "--verbose")  # fmt: skip
    assert code == 0
    assert "kg: warning: " in err and "empty document" in err
    assert re.search(r"kg: debug: .*a\.txt: read 1 triple, 2 mentions", err)
    code, _, err = run_kg(capsys, monkeypatch, "build", tmp_path / "empty.txt", "--out", out)
    assert "kg: warning: " in err and "debug" not in err  # the default again


def test_conventions_counts_of_one_are_singular(capsys, monkeypatch, tmp_path):
    (tmp_path / "a.txt").write_text("Acme acquired Globex.")
    code, out, err = run_kg(capsys, monkeypatch, "build", tmp_path / "a.txt", "--out",
                            tmp_path / "out", "-q")  # fmt: skip
    assert code == 0, err
    assert out.startswith("1 document (1 read, 0 unchanged), 2 entities, 1 relation\n")
    code, out, _ = run_kg(capsys, monkeypatch, "entities", "--store", tmp_path / "out")
    assert "(organization, 1 mention)" in out or ", 1 mention)" in out
    (tmp_path / "b.bin").write_bytes(b"\x00\x01")
    code, _, err = run_kg(capsys, monkeypatch, "extract", tmp_path / "b.bin")
    assert code == 1 and "kg: error: 1 file skipped: " in err


def page_title(out) -> str:
    page = (out / "graph.html").read_text(encoding="utf-8")
    return re.search(r"<title>(.*?)</title>", page).group(1)


def test_conventions_page_is_titled_after_its_documents(capsys, monkeypatch, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "acme-news.txt").write_text("Acme acquired Globex.")
    run_kg(capsys, monkeypatch, "build", docs, "--out", tmp_path / "out", "-q")
    assert page_title(tmp_path / "out") == "acme-news"
    (docs / "notes.md").write_text("---\ntitle: Quarterly notes\n---\nInitech hired Bob.\n")
    (docs / "zeta.txt").write_text("Hooli acquired Aviato.")
    (docs / "beta.txt").write_text("Umbrella acquired Cyberdyne.")
    run_kg(capsys, monkeypatch, "build", docs, "--out", tmp_path / "out", "-q")
    assert page_title(tmp_path / "out") == "4 documents: acme-news, beta, Quarterly notes..."
