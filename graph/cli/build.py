"""`kg build`: documents to a graph (store, graph.ttl, graph.html), with a progress bar."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from graph.cli.app import app
from graph.cli.help import Quiet, Verbose
from graph.cli.options import Paths, skipped_error
from graph.errors import KgError
from graph.terminal import count, visible

if TYPE_CHECKING:
    from graph.report import BuildReport

Out = Annotated[Path, typer.Option("--out", help="Folder for the store, graph.ttl and graph.html.")]
StoreURL = Annotated[
    str | None,
    typer.Option(
        "--store",
        metavar="URL",
        help="Load into this SPARQL 1.1 store (http://HOST:PORT/...: Oxigraph, Fuseki, "
        "GraphDB, Virtuoso) instead of OUT/store.",
    ),
]
Top = Annotated[
    int | None,
    typer.Option("--top", help="Draw only the N most connected entities in graph.html."),
]
Focus = Annotated[
    str | None,
    typer.Option("--focus", help="Draw only this entity (name or alias) and its neighbours."),
]
Hops = Annotated[
    int | None,
    typer.Option("--hops", help="With --focus: how many relations away (default 1)."),
]
Community = Annotated[
    int | None,
    typer.Option("--community", help="Draw only community N (1 is the largest)."),
]
Workers = Annotated[
    int, typer.Option("--workers", min=1, help="Processes that parse documents at once.")
]
Scheduler = Annotated[
    str | None,
    typer.Option("--scheduler", help="Parse on this Dask cluster: tcp://HOST:8786."),
]
MaxFileSize = Annotated[
    float,
    typer.Option("--max-file-size", min=0, help="Skip (and name) files larger than this, in MB."),
]
KeepMissing = Annotated[
    bool,
    typer.Option(
        "--keep-missing",
        help="Keep what came from files that no longer exist in the folders given.",
    ),
]


@app.command()
def build(
    paths: Paths,
    out: Out = Path("output"),
    store: StoreURL = None,
    top_n: Top = None,
    focus: Focus = None,
    hops: Hops = None,
    community: Community = None,
    workers: Workers = 1,
    scheduler: Scheduler = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
    max_file_size: MaxFileSize = 100.0,
    keep_missing: KeepMissing = False,
) -> None:
    """Build or update the graph from text: store, Turtle and an interactive HTML page.

    The store and Turtle hold everything; graph.html at most 5,000 entities (see --top, --focus).
    """
    from extract.documents import read_stdin
    from graph.build import build as run_build

    check_options(store=store, top_n=top_n, focus=focus, hops=hops)
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
    print_report(report, store=store, out=out)
    if report.skipped:
        raise skipped_error(report.skipped)


def check_options(
    *, store: str | None, top_n: int | None, focus: str | None, hops: int | None
) -> None:
    """Refuse what typer cannot check: a --store that is no URL, --hops without --focus."""
    from graph.store.remote import is_remote

    if store is not None and not is_remote(store):
        raise KgError(f"--store {store}: give the URL of a SPARQL store (http://HOST:PORT/...)")
    if hops is not None and focus is None:
        raise KgError(f"--hops {hops} needs --focus NAME: the entity to count hops from")
    if (top_n is not None and top_n < 1) or (hops is not None and hops < 0):
        raise KgError("--top takes a number of entities (1 or more), --hops 0 or more")


def print_report(report: BuildReport, *, store: str | None, out: Path) -> None:
    """What the build did and wrote, in three lines."""
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
