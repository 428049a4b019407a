"""`kg query` and `kg serve`: SPARQL over the graph, once or over HTTP."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from graph.cli.app import app
from graph.cli.help import Quiet, Verbose
from graph.cli.options import Preset, ResultFormat, StoreFolder, Timeout, echo_data, read_query
from graph.errors import KgError
from graph.terminal import visible


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
