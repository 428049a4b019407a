"""Short calls for a notebook or a script: the triples of a text, without a store."""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.triple import Document, Triple

if TYPE_CHECKING:
    from spacy.language import Language


def read_triples(text: str, *, nlp: Language | None = None, name: str = "text") -> list[Triple]:
    """The triples read from one text (the document `name`), with their evidence.

    >>> [t.relation for t in read_triples("Meta partners with Microsoft.")]
    ['partners with']
    """
    from extract.extractor import extract_documents

    return [
        t for e in extract_documents([Document(id=name, text=text)], nlp=nlp) for t in e.triples
    ]
