"""A parsed document's token attributes as numpy columns.

Python-level iteration over a Doc creates a Token object per token per pass, which costs more
than our rules do. The rules instead select the few tokens they care about from these columns
and only then touch Token objects.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.attrs import DEP, ENT_IOB, LEMMA, LOWER, POS, SENT_START, TAG
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

OUTSIDE_ENTITY = 2  # spaCy's ENT_IOB code for "O"
FEW_IDS = 8


@dataclass(frozen=True)
class Columns:
    doc: Doc
    pos: np.ndarray
    dep: np.ndarray
    tag: np.ndarray
    lemma: np.ndarray
    lower: np.ndarray
    ent_iob: np.ndarray
    sentence: np.ndarray  # index of each token's sentence
    # Where each sentence starts, and the document's length after them: sentence n is
    # tokens bounds[n] to bounds[n + 1] (plain ints: the rules ask one sentence at a time).
    bounds: list[int]

    def ids(self, *names: str) -> np.ndarray:
        """String ids of `names` in this document's vocabulary, for comparing with a column
        (read-only: shared by every document of the vocabulary)."""
        return string_ids(self.doc.vocab.strings, names)

    def sentence_span(self, index: int) -> Span:
        """The sentence with this index."""
        return self.doc[self.bounds[index] : self.bounds[index + 1]]

    def tokens(self, mask: np.ndarray) -> list[Token]:
        doc = self.doc
        return [doc[int(i)] for i in np.flatnonzero(mask)]


# Cached: the rules ask for the same word lists (hundreds of words) in every document.
@lru_cache(maxsize=1024)
def string_ids(strings: StringStore, names: tuple[str, ...]) -> np.ndarray:
    ids = np.array([strings.add(name) for name in names], dtype=np.uint64)
    ids.setflags(write=False)
    return ids


def columns(doc: Doc) -> Columns:
    array = doc.to_array([POS, DEP, TAG, LEMMA, LOWER, ENT_IOB, SENT_START])
    starts = array[:, 6].astype(np.int64) == 1
    if len(doc):
        starts[0] = True
    return Columns(
        doc,
        array[:, 0],
        array[:, 1],
        array[:, 2],
        array[:, 3],
        array[:, 4],
        array[:, 5],
        np.cumsum(starts) - 1,
        [*np.flatnonzero(starts).tolist(), len(doc)],
    )


def isin(column: np.ndarray, ids: np.ndarray | Iterable[int]) -> np.ndarray:
    ids = np.asarray(list(ids) if not isinstance(ids, np.ndarray) else ids, dtype=np.uint64)
    if len(ids) > FEW_IDS:
        # np.isin sorts the column with the ids on each call: searching the sorted ids for
        # each token takes a fifth of its time.
        ids = sorted_ids(ids)
        return ids[np.minimum(np.searchsorted(ids, column), len(ids) - 1)] == column
    # np.isin's own set-up costs more than comparing a document's column with a few ids.
    found = np.zeros(len(column), dtype=bool)
    for id_ in ids:
        found |= column == id_
    return found


# The sorted copies of the read-only id arrays of `string_ids`, by the array's identity (the
# array is kept beside its copy, so that its id is never reused): the rules ask for the same
# few hundred words in every document, and sorting them again cost more than searching them.
_sorted: dict[int, tuple[np.ndarray, np.ndarray]] = {}


def sorted_ids(ids: np.ndarray) -> np.ndarray:
    if ids.flags.writeable:
        return np.sort(ids)
    cached = _sorted.get(id(ids))
    if cached is None or cached[0] is not ids:
        if len(_sorted) > 4096:
            _sorted.clear()
        cached = _sorted[id(ids)] = (ids, np.sort(ids))
    return cached[1]
