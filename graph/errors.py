"""Errors of the graph side. They share `KgError` with extraction, so that one `except` catches
all; graph modules import the base (and `InputError`) from here, not from extract.errors.

>>> first_line(OSError("disk full\\nmore detail")), first_line(ValueError())
('disk full', 'ValueError')
"""

from __future__ import annotations

from extract.errors import InputError, KgError

__all__ = [
    "BuildError",
    "InputError",
    "KgError",
    "OutputError",
    "QueryError",
    "QueryRefused",
    "SelectionError",
    "StoreError",
    "first_line",
]


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


def first_line(error: BaseException | str, *, default: str | None = None) -> str:
    """The first line of an error's message (or of a text), for a one-line report; for an
    error without a message, `default`, else the error's class name."""
    text = str(error).strip()
    if text:
        return text.splitlines()[0]
    return type(error).__name__ if default is None else default
