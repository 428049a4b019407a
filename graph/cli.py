"""The `kg` command: parses arguments, calls the library, prints results and one-line errors."""

from __future__ import annotations

import json
import logging
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import click
import typer

from extract.errors import KgError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn English text into a knowledge graph you can browse, query with SPARQL and explore.",
)
log = logging.getLogger("kg")


class TripleFormat(str, Enum):
    jsonl = "jsonl"
    tsv = "tsv"
    carb = "carb"


class ResultFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


Paths = Annotated[
    list[str],
    typer.Argument(help="Text files (.txt, .md, .html) or folders; - reads standard input."),
]


@app.command()
def build(
    paths: Paths,
    out: Annotated[
        Path, typer.Option("--out", help="Folder for the store, graph.ttl and graph.html.")
    ] = Path("output"),
) -> None:
    """Build or update the graph from text: store, Turtle and an interactive HTML page."""
    from graph.build import build as run_build

    stdin_text = sys.stdin.read() if "-" in paths else None
    report = run_build(paths, out=out, stdin_text=stdin_text)
    top = ", ".join(f"{label} ({degree})" for label, degree in report.most_connected)
    typer.echo(
        f"{report.documents} documents ({len(report.parsed)} read, "
        f"{len(report.unchanged)} unchanged), {report.entities} entities, "
        f"{report.relations} relations"
    )
    if top:
        typer.echo(f"most connected: {top}")
    typer.echo(f"wrote {out / 'store'}, {out / 'graph.ttl'}, {out / 'graph.html'}")
    if report.skipped:
        raise KgError(
            f"{len(report.skipped)} file(s) skipped: "
            + "; ".join(f"{p} ({r})" for p, r in report.skipped)
        )


@app.command()
def extract(
    paths: Paths,
    format: Annotated[
        TripleFormat,
        typer.Option(
            "--format", help="jsonl, tsv, or carb (one sentence per input line, Open IE columns)."
        ),
    ] = TripleFormat.jsonl,
) -> None:
    """Print the triples read from text, without building a store."""
    from extract.documents import read_documents
    from extract.extractor import extract_documents
    from extract.formats import carb_line, triple_record, tsv_header, tsv_line
    from extract.openie import read_sentences

    if format is TripleFormat.carb:
        documents = read_documents(paths)
        lines = (line for d in documents for line in d.text.splitlines() if line.strip())
        for sentence, extraction in read_sentences(lines):
            typer.echo(carb_line(sentence, extraction))
        return
    if format is TripleFormat.tsv:
        typer.echo(tsv_header())
    for extraction in extract_documents(read_documents(paths)):
        for triple in extraction.triples:
            record = triple_record(triple)
            typer.echo(
                json.dumps(record, ensure_ascii=False)
                if format is TripleFormat.jsonl
                else tsv_line(record)
            )


@app.command()
def query(
    sparql: Annotated[str, typer.Argument(help="A SPARQL query, or a .rq file holding one.")],
    store: Annotated[
        Path, typer.Option("--store", help="The store folder written by kg build.")
    ] = Path("output/store"),
    format: Annotated[
        ResultFormat, typer.Option("--format", help="table, csv or json.")
    ] = ResultFormat.table,
) -> None:
    """Run a SPARQL query over the graph; prefixes kg, ent, rel, schema, prov... are declared."""
    from graph.sparql import format_result, run_query
    from graph.store import open_store

    text, name = read_query(sparql)
    with open_store(store, read_only=True) as opened:
        result = run_query(opened, text, name=name)
    typer.echo(format_result(result, fmt=format.value))


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


class OneLine(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"kg: {record.levelname.lower()}: {record.getMessage()}"


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, turning kg's errors into one line on stderr and exit code 1."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLine())
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    debug = "--debug" in (argv if argv is not None else sys.argv)
    args = [a for a in (argv if argv is not None else sys.argv[1:]) if a != "--debug"]
    try:
        code = app(args, standalone_mode=False)
    except KgError as e:
        if debug:
            raise
        typer.echo(f"kg: error: {e}", err=True)
        sys.exit(1)
    except (KeyboardInterrupt, click.exceptions.Abort):
        typer.echo(
            "kg: interrupted; finished documents are stored, run the same command to go on",
            err=True,
        )
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    finally:
        log.removeHandler(handler)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
