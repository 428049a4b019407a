"""The shape of graph/ as issue 16 set it: imports run one way between the wings (rdf <- store
<- query, view; build, reading, api and cli on top), no module over 300 lines, no function over
60, and no SPARQL text outside graph/queries/."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

GRAPH = ROOT / "graph"
# What each part of graph/ may import from graph/ (besides itself); extract/ is below them all.
LEAVES = {"graph.errors", "graph.terminal", "graph.queries"}
ALLOWED = {
    "rdf": LEAVES,
    "store": LEAVES | {"graph.rdf"},
    "query": LEAVES | {"graph.rdf", "graph.store"},
    "view": LEAVES | {"graph.rdf", "graph.store"},
}
MODULES = sorted(p for p in GRAPH.rglob("*.py"))
# A query's text: a SELECT, ASK, CONSTRUCT or DESCRIBE with a WHERE block.
SPARQL = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b[^\n]*\bWHERE\s*\{")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """Every module `path` imports, at the top or inside a function."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def wing(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 and parts[1] in ALLOWED else None


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_layout_imports_run_one_way(path):
    module = module_name(path)
    own = wing(module)
    if own is None:
        return  # the top (build, reading, api, cli) and the leaves may import any wing
    wrong = [
        name
        for name in imported(path)
        if name.startswith("graph.")
        and wing(name) != own
        and not any(name == a or name.startswith(a + ".") for a in ALLOWED[own])
    ]
    assert not wrong, f"{module} imports {wrong}: graph.{own} may import only {ALLOWED[own]}"


def test_layout_extract_never_imports_graph():
    for path in (ROOT / "extract").rglob("*.py"):
        assert not [n for n in imported(path) if n.split(".")[0] == "graph"], path


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_layout_modules_and_functions_are_short(path):
    text = path.read_text(encoding="utf-8")
    assert text.count("\n") <= 300, f"{path}: {text.count(chr(10))} lines"
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = node.end_lineno - node.lineno + 1
            assert length <= 60, f"{path}:{node.lineno} {node.name} is {length} lines"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_layout_sparql_lives_in_queries(path):
    code = [line for line in path.read_text(encoding="utf-8").splitlines() if ">>>" not in line]
    found = [line.strip() for line in code if SPARQL.search(line)]
    assert not found, f"{path}: SPARQL text outside graph/queries/: {found}"


def test_layout_every_query_file_is_used():
    used = "\n".join(p.read_text(encoding="utf-8") for p in MODULES)
    for query in (GRAPH / "queries" / "internal").glob("*.rq"):
        assert f'query_text("{query.stem}")' in used, f"{query} is run by no module"
