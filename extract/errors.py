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
