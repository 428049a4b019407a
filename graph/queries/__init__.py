"""Every SPARQL text kg runs, one .rq file each: the ready-made queries of `kg query --preset`
here (PRESETS), the queries kg's own code runs in internal/. kg's prefixes
(graph.rdf.vocab.PREFIXES) are declared by whoever runs them, never written in a file.

>>> "?hash" in query_text("hashes"), PRESETS[0]
(True, 'entities')
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

# The ready-made queries, as `kg query --preset` lists them.
PRESETS = ("entities", "relations", "neighbors", "path", "sources")


@cache
def query_text(name: str) -> str:
    """The text of the query kg runs as `name` (graph/queries/internal/NAME.rq)."""
    return files(__name__).joinpath("internal", f"{name}.rq").read_text(encoding="utf-8")


def preset_text(name: str) -> str:
    """The text of preset `name` (graph/queries/NAME.rq), one of PRESETS."""
    return files(__name__).joinpath(f"{name}.rq").read_text(encoding="utf-8")
