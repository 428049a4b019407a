"""`kg entities` and `kg export`: what the stored graph holds, listed or written out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from graph.cli.app import app
from graph.cli.help import Quiet, Verbose
from graph.cli.options import ExportFormat, StoreFolder
from graph.terminal import count, json_text, visible


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
