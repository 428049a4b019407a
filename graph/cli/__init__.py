"""The `kg` command: parses arguments, calls the library, prints results and one-line errors.

One module per group of commands (build, extract, query and serve, entities and export), each
registering its commands on the app of graph.cli.app; what they share is in graph.cli.options.
"""

from __future__ import annotations

from graph.cli import build, extract, query, store  # noqa: F401  (registers the commands)
from graph.cli.app import app, main

__all__ = ["app", "main"]
