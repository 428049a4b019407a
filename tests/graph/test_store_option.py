"""--store takes the store folder or the output folder that holds it, in every command; a folder
with no store is an error naming both paths tried."""

from __future__ import annotations

import pytest

from tests.graph.query.test_serve import start_server, stop_server
from tests.graph.test_cli import run_kg

READERS = {
    "query": ["query", "--preset", "entities"],
    "entities": ["entities"],
    "export": ["export", "--format", "nt"],
    "serve": ["serve", "--port", "0"],
}


@pytest.mark.parametrize("command", ["query", "entities", "export"])
@pytest.mark.parametrize("where", ["output", "store"])
def test_store_option_takes_output_or_store_folder(
    capsys, monkeypatch, built_copy, tmp_path, command, where
):
    folder = built_copy if where == "output" else built_copy / "store"
    extra = ["--out", tmp_path / "graph.nt"] if command == "export" else []
    code, out, err = run_kg(capsys, monkeypatch, *READERS[command], "--store", folder, *extra)
    assert code == 0, err
    assert "Llama 2" in out or (tmp_path / "graph.nt").stat().st_size > 0


@pytest.mark.parametrize("where", ["output", "store"])
def test_store_option_serve_takes_output_or_store_folder(built_copy, where):
    process, url = start_server(built_copy if where == "output" else built_copy / "store")
    stop_server(process)
    assert url.startswith("http://127.0.0.1:")


@pytest.mark.parametrize("command", sorted(READERS))
def test_store_option_folder_without_store_names_both_paths(capsys, monkeypatch, tmp_path, command):
    (tmp_path / "docs").mkdir()
    code, out, err = run_kg(capsys, monkeypatch, *READERS[command], "--store", tmp_path / "docs")
    assert code == 1 and not out
    [line] = err.splitlines()
    assert line.startswith(f"kg: error: no kg store in {tmp_path / 'docs'} nor in ")
    assert str(tmp_path / "docs" / "store") in line


def test_store_option_default_is_the_output_folder(capsys, monkeypatch, built_copy):
    monkeypatch.chdir(built_copy.parent)
    code, out, err = run_kg(capsys, monkeypatch, "entities")
    assert code == 0 and "Llama 2" in out, err
