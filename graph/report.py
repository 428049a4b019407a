"""What a build did and what the graph holds afterwards (`kg build` prints it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class BuildReport:
    """What a build did and what the graph holds afterwards."""

    out: Path
    parsed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # documents whose files are gone
    documents: int = 0
    entities: int = 0
    relations: int = 0
    most_connected: list[tuple[str, int]] = field(default_factory=list)
    drawn: int = 0  # entities in graph.html
