"""What the commands share: the lists of choices, the arguments and options several commands
take, and printing data.

Nothing here imports spaCy, rdflib, pyoxigraph or networkx, nor a module that does: `kg --help`,
a mistyped option and every command's start would pay for them (over a second here). Each
command imports what it runs inside its function."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from graph.errors import KgError
from graph.queries import PRESETS
from graph.terminal import count, visible

# What `kg extract` prints (extract.formats writes each).
TRIPLE_FORMATS = ("jsonl", "tsv", "carb", "mentions")
# The choices of graph.query.results.FORMATS and graph.view.export.EXPORT_FORMATS, written out
# so as not to import those modules (tests/graph/test_cli.py checks that they are the same).
RESULT_FORMATS = ("table", "csv", "json")
EXPORT_FORMATS = ("ttl", "nt", "jsonld", "trig", "nquads", "graphml", "csv")


def choices(name: str, values: tuple[str, ...]) -> type[Enum]:
    """A str Enum of `values`, as typer takes a list of choices."""
    return Enum(name, {value: value for value in values}, type=str)


TripleFormat = choices("TripleFormat", TRIPLE_FORMATS)
ResultFormat = choices("ResultFormat", RESULT_FORMATS)
Preset = choices("Preset", PRESETS)
ExportFormat = choices("ExportFormat", EXPORT_FORMATS)

Paths = Annotated[
    list[str],
    typer.Argument(
        help="Documents (.txt, .md, .html, .pdf, .docx) or folders; - reads standard input.",
        metavar="PATHS",
    ),
]


def store_option(value: Path) -> Path:
    """--store: the store folder, or the output folder that holds it."""
    from graph.store.store import find_store

    return find_store(value)


StoreFolder = Annotated[
    Path,
    typer.Option(
        "--store",
        help="The output folder of kg build, or the store folder in it (OUT/store).",
        callback=store_option,
    ),
]
Timeout = Annotated[
    float, typer.Option("--timeout", min=0.1, help="Seconds a query may run before it is stopped.")
]


def read_query(argument: str) -> tuple[str, str]:
    """A query given inline or as a .rq file; the name used in error messages."""
    if argument.endswith(".rq") and "\n" not in argument and "{" not in argument:
        path = Path(argument)
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except (OSError, UnicodeDecodeError) as e:
            raise KgError(
                f"{path}: cannot read query file ({getattr(e, 'strerror', None) or e})"
            ) from e
    return argument, "query"


def echo_data(text: str) -> None:
    """Print CSV or TSV: exact into a pipe or a file; on a terminal with control characters
    shown as escapes (see graph.terminal), lines and tabs kept."""
    if sys.stdout.isatty():
        text = "\n".join(
            "\t".join(visible(cell) for cell in line.split("\t")) for line in text.split("\n")
        )
    typer.echo(text, color=True)  # else click drops escape sequences from the data


def skipped_error(skipped: list[tuple[str, str]]) -> KgError:
    """The error that ends a command that skipped files: each named with why."""
    return KgError(
        f"{count(len(skipped), 'file')} skipped: " + "; ".join(f"{p} ({r})" for p, r in skipped)
    )
