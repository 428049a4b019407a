"""kg's extraction side: English text -> spaCy parse -> triples with their evidence.

The calls a notebook needs are here, imported on first use (spaCy loads only when text is read):

>>> import extract
>>> doc = extract.Document(id="memo", text="Acme acquired Globex.")
>>> [(t.subject.name, t.predicate, t.object.name) for t in extract.read_triples(doc.text)]
[('Acme', 'acquire', 'Globex')]
"""

from __future__ import annotations

import importlib

# Name -> the module that defines it.
_LAZY = {
    "Document": "extract.triple",
    "Triple": "extract.triple",
    "Entity": "extract.triple",
    "read_document": "extract.documents",
    "read_documents": "extract.documents",
    "extract_documents": "extract.extractor",
    "read_triples": "extract.api",
    "load_pipeline": "extract.pipeline",
}
__all__ = sorted(_LAZY)


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'extract' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
