"""The `kg` command: parses arguments, calls the library, prints results and one-line errors."""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated

import click
import typer

from graph.errors import KgError, first_line
from graph.help import Quiet, Verbose, Version, use_plain_help
from graph.terminal import count, json_text, visible

use_plain_help()
app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn English text into a knowledge graph you can browse, query with SPARQL and explore. "
    "Errors are one line; --debug shows the traceback of an unexpected one.",
)
log = logging.getLogger("kg")


@app.callback()
def kg(version: Version = False) -> None:
    """Turn English text into a knowledge graph (see kg --help)."""
    log.setLevel(logging.INFO)  # each command's -q or -v changes it


class TripleFormat(str, Enum):
    jsonl = "jsonl"
    tsv = "tsv"
    carb = "carb"
    mentions = "mentions"


class ResultFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


Paths = Annotated[
    list[str],
    typer.Argument(
        help="Documents (.txt, .md, .html, .pdf, .docx) or folders; - reads standard input.",
        metavar="PATHS",
    ),
]


@app.command()
def build(
    paths: Paths,
    out: Annotated[
        Path, typer.Option("--out", help="Folder for the store, graph.ttl and graph.html.")
    ] = Path("output"),
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            metavar="URL",
            help="Load into this SPARQL 1.1 store (http://HOST:PORT/...: Oxigraph, Fuseki, "
            "GraphDB, Virtuoso) instead of OUT/store.",
        ),
    ] = None,
    top_n: Annotated[
        int | None,
        typer.Option("--top", help="Draw only the N most connected entities in graph.html."),
    ] = None,
    focus: Annotated[
        str | None,
        typer.Option("--focus", help="Draw only this entity (name or alias) and its neighbours."),
    ] = None,
    hops: Annotated[
        int | None,
        typer.Option("--hops", help="With --focus: how many relations away (default 1)."),
    ] = None,
    community: Annotated[
        int | None,
        typer.Option("--community", help="Draw only community N (1 is the largest)."),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Processes that parse documents at once.")
    ] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Parse on this Dask cluster: tcp://HOST:8786."),
    ] = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
    max_file_size: Annotated[
        float,
        typer.Option(
            "--max-file-size", min=0, help="Skip (and name) files larger than this, in MB."
        ),
    ] = 100.0,
    keep_missing: Annotated[
        bool,
        typer.Option(
            "--keep-missing",
            help="Keep what came from files that no longer exist in the folders given.",
        ),
    ] = False,
) -> None:
    """Build or update the graph from text: store, Turtle and an interactive HTML page.

    The store and Turtle hold everything; graph.html at most 5,000 entities (see --top, --focus).
    """
    from extract.documents import read_stdin
    from graph.build import build as run_build
    from graph.store.remote import is_remote

    if store is not None and not is_remote(store):
        raise KgError(f"--store {store}: give the URL of a SPARQL store (http://HOST:PORT/...)")
    if hops is not None and focus is None:
        raise KgError(f"--hops {hops} needs --focus NAME: the entity to count hops from")
    if (top_n is not None and top_n < 1) or (hops is not None and hops < 0):
        raise KgError("--top takes a number of entities (1 or more), --hops 0 or more")
    stdin_text = read_stdin() if "-" in paths else None
    with progress_display(enabled=not quiet and sys.stderr.isatty()) as progress:
        report = run_build(
            paths,
            out=out,
            stdin_text=stdin_text,
            remote=store,
            top=top_n,
            focus=focus,
            hops=1 if hops is None else hops,
            community=community,
            workers=workers,
            scheduler=scheduler,
            progress=progress,
            max_file_size=round(max_file_size * 1_000_000),
            keep_missing=keep_missing,
        )
    top = ", ".join(f"{visible(label)} ({degree})" for label, degree in report.most_connected)
    removed = f", {len(report.removed)} removed" if report.removed else ""
    typer.echo(
        f"{count(report.documents, 'document')} ({len(report.parsed)} read, "
        f"{len(report.unchanged)} unchanged{removed}), "
        f"{count(report.entities, 'entity', 'entities')}, {count(report.relations, 'relation')}"
    )
    if top:
        typer.echo(f"most connected: {top}")
    drawn = report.drawn < report.entities
    part = f" ({report.drawn} of {report.entities} entities)" if drawn else ""
    typer.echo(
        visible(f"wrote {store or out / 'store'}, {out / 'graph.ttl'}, {out / 'graph.html'}") + part
    )
    if report.skipped:
        raise KgError(
            f"{count(len(report.skipped), 'file')} skipped: "
            + "; ".join(f"{p} ({r})" for p, r in report.skipped)
        )


@app.command()
def extract(
    paths: Paths,
    format: Annotated[
        TripleFormat,
        typer.Option(
            "--format",
            help="jsonl, tsv, carb (one sentence per input line, Open IE columns), or mentions "
            "(JSON Lines: every name, pronoun and description and the entity it stands for).",
        ),
    ] = TripleFormat.jsonl,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Print the triples read from text, without building a store."""
    from extract.documents import read_documents
    from extract.extractor import extract_documents
    from extract.formats import carb_line, mention_record, triple_record, tsv_header, tsv_line
    from extract.openie import read_sentences

    skipped: list[tuple[str, str]] = []
    documents = read_documents(paths, skipped=skipped)
    if format is TripleFormat.carb:
        lines = (line for d in documents for line in d.text.splitlines() if line.strip())
        for sentence, extraction in read_sentences(lines):
            echo_data(carb_line(sentence, extraction))
    else:
        if format is TripleFormat.tsv:
            typer.echo(tsv_header())
        for extraction in extract_documents(documents):
            if format is TripleFormat.mentions:
                for mention in extraction.mentions:
                    typer.echo(json_text(mention_record(mention, extraction.document.id)))
                continue
            for triple in extraction.triples:
                record = triple_record(triple)
                if format is TripleFormat.jsonl:
                    typer.echo(json_text(record))
                else:
                    echo_data(tsv_line(record))
    if skipped:
        raise KgError(
            f"{count(len(skipped), 'file')} skipped: "
            + "; ".join(f"{p} ({r})" for p, r in skipped)
        )


class Preset(str, Enum):
    entities = "entities"
    relations = "relations"
    neighbors = "neighbors"
    path = "path"
    sources = "sources"


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


@app.command()
def query(
    arguments: Annotated[
        list[str] | None,
        typer.Argument(
            help="A SPARQL query or a .rq file holding one; with --preset, its arguments.",
            metavar="QUERY|ARGS",
            show_default=False,
        ),
    ] = None,
    preset: Annotated[
        Preset | None,
        typer.Option(
            "--preset",
            help="A ready-made query: entities, relations, neighbors ENTITY, path FROM TO (the "
            "shortest chains of facts), sources ENTITY (the sentences behind what was read "
            "about ENTITY).",
        ),
    ] = None,
    store: StoreFolder = Path("output"),
    format: Annotated[
        ResultFormat, typer.Option("--format", help="table, csv or json.")
    ] = ResultFormat.table,
    timeout: Timeout = 30.0,
    allow_update: Annotated[
        bool,
        typer.Option(
            "--allow-update",
            help="Let a SPARQL update (INSERT, DELETE...) change the store; refused otherwise.",
        ),
    ] = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Run a SPARQL query over the graph; prefixes kg, ent, rel, schema, prov... are declared."""
    from graph.query.presets import run_preset
    from graph.query.results import format_result
    from graph.query.sparql import query_store

    arguments = arguments or []
    if preset is not None:
        result = run_preset(store, preset.value, arguments, timeout=timeout)
    elif len(arguments) == 1:
        text, name = read_query(arguments[0])
        result = query_store(store, text, name=name, timeout=timeout, allow_update=allow_update)
    else:
        raise KgError(
            f"give one query (got {len(arguments)} arguments), or --preset NAME; "
            "quote a query that holds spaces"
        )
    output = format_result(result, fmt=format.value)
    if format is ResultFormat.csv:
        echo_data(output)
    else:
        typer.echo(output)


@app.command()
def serve(
    store: StoreFolder = Path("output"),
    port: Annotated[
        int, typer.Option("--port", help="Port to listen on; 0 picks a free one.")
    ] = 7878,
    host: Annotated[
        str,
        typer.Option("--host", help="Address to listen on; other machines cannot reach 127.0.0.1."),
    ] = "127.0.0.1",
    timeout: Timeout = 30.0,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Serve the graph read-only over the SPARQL 1.1 Protocol (for YASGUI, SPARQLWrapper, curl)."""
    import signal

    from graph.query.serve import serve_store

    # Stopped by a service manager or a test: clean up (and stop Oxigraph) as for Ctrl-C.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    with serve_store(store, host=host, port=port, timeout=timeout) as server:
        editor = server.url.removesuffix("query")
        typer.echo(
            f"kg: serving {visible(str(store))} read-only at {server.url} (SPARQL 1.1 "
            f"Protocol; query editor at {editor}; queries stop after {timeout:g} s). Ctrl-C stops.",
        )
        typer.echo("kg: it answers from the store as it is now; restart it after kg build.")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            typer.echo("kg: stopped")


@app.command()
def entities(
    store: StoreFolder = Path("output"),
    everything: Annotated[
        bool, typer.Option("--all", help="Also list concepts, dates and quantities.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of text.")] = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """List each entity with its type, mentions, aliases and why names were merged into it."""
    from dataclasses import asdict

    from graph.query.entities import list_entities
    from graph.store.store import open_store

    with open_store(store, read_only=True) as opened:
        records = list_entities(opened, include_values=everything)
    for record in records:
        if as_json:
            typer.echo(json_text(asdict(record)))
            continue
        mentions = count(record.mentions, "mention")
        referred = f", {record.references} by reference" if record.references else ""
        typer.echo(visible(f"{record.label}  ({record.type}, {mentions}{referred})"))
        for alias in record.aliases:
            why = dict(record.merges).get(alias, "")
            typer.echo(visible(f"    = {alias}" + (f": {why}" if why else "")))


class ExportFormat(str, Enum):
    ttl = "ttl"
    nt = "nt"
    jsonld = "jsonld"
    trig = "trig"
    nquads = "nquads"
    graphml = "graphml"
    csv = "csv"


@app.command()
def export(
    format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            help="ttl, nt or jsonld (RDF of all graphs); trig or nquads (a named graph per "
            "document); graphml (for Gephi, Cytoscape) or csv (nodes.csv and edges.csv) of the "
            "entity network.",
        ),
    ],
    store: StoreFolder = Path("output"),
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="File to write (a folder for csv), - for standard output; beside the store "
            "if not given.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace graph.ttl or graph.html of the build.")
    ] = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Write the graph in another format."""
    from graph.store.store import open_store
    from graph.view.export import DEFAULT_NAMES, export_store, export_to_stream

    with open_store(store, read_only=True) as opened:
        if str(out) == "-":
            sys.stdout.flush()
            export_to_stream(opened, fmt=format.value, stream=sys.stdout.buffer)
            return
        target = out or store.parent / DEFAULT_NAMES[format.value]
        written = export_store(opened, fmt=format.value, out=target, force=force)
    typer.echo(visible("wrote " + ", ".join(map(str, written))))


@contextmanager
def progress_display(*, enabled: bool) -> Iterator[Callable[[int, int, int], None] | None]:
    """A progress bar on the terminal (documents, words per second, time left), or nothing
    when output is not a terminal."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    started = time.monotonic()
    columns = (
        TextColumn("documents"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task("build", total=None, rate="")

        def update(done: int, total: int, words: int) -> None:
            rate = words / max(time.monotonic() - started, 1e-6)
            bar.update(task, completed=done, total=total, rate=f"{rate:,.0f} words/s")

        yield update


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


class OneLine(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"kg: {record.levelname.lower()}: {visible(record.getMessage())}"


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
        typer.echo(f"kg: error: {visible(str(e))}", err=True)
        sys.exit(1)
    except (KeyboardInterrupt, *ABORTS):
        code = INTERRUPTED
    except CLICK_ERRORS as e:
        e.show()
        sys.exit(e.exit_code)
    except BrokenPipeError:
        # The reader went away (kg query ... | head): stop quietly, as other commands do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(141)
    except Exception as e:
        # A bug or a fault no message foresaw: still one line, the traceback with --debug.
        if debug:
            raise
        message = visible(first_line(e, default=""))
        typer.echo(
            f"kg: internal error: {type(e).__name__}: {message}; run with --debug for details",
            err=True,
        )
        sys.exit(2)
    finally:
        log.removeHandler(handler)
        if argv is None:
            # The outcome is decided: a Ctrl-C while the process shuts its worker pool and
            # threads down must not turn it into a traceback and a death by signal.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
    if code == INTERRUPTED:  # typer turns Ctrl-C into this exit code
        typer.echo(
            "kg: interrupted; finished documents are stored, run the same command to go on",
            err=True,
        )
    sys.exit(code if isinstance(code, int) else 0)


# Typer 0.29 carries its own copy of click: its errors are not click's.
CLICK_ERRORS = tuple(
    {click.ClickException}
    | {c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"}
)
ABORTS = tuple({click.exceptions.Abort, typer.Abort})
INTERRUPTED = 130


if __name__ == "__main__":
    main()
