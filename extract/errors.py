"""The one exception hierarchy of kg: every error raised on purpose derives from `KgError`.

Messages say what was expected, what came, and how to fix it, in one line, because the CLI
prints them as they are.
"""

from __future__ import annotations


class KgError(Exception):
    """Base of every error kg raises on purpose."""


class InputError(KgError):
    """An input path is missing, unreadable, or holds no text."""


class ModelError(KgError):
    """The spaCy pipeline cannot be loaded."""


def error_line(error: Exception) -> str:
    """An error's class and the first line of its message.

    >>> error_line(ValueError("no digits\\nmore"))
    'ValueError: no digits'
    """
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__
