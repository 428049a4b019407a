"""Errors of the graph side; they share `KgError` with extraction, so one `except` catches all."""

from __future__ import annotations

from extract.errors import KgError


class StoreError(KgError):
    """The store cannot be opened, read or written."""


class QueryError(KgError):
    """A SPARQL query is malformed or not allowed."""


class QueryRefused(QueryError):
    """A well-formed request that kg does not run: an update, or SERVICE to another host."""


class SelectionError(KgError):
    """The part of the graph asked for is not there (unknown entity, no such community)."""


class OutputError(KgError):
    """An output file or folder cannot be written."""


class BuildError(KgError):
    """A build cannot run as asked (for instance, no Dask scheduler at the given address)."""
