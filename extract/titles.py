"""Names that run across small words and hyphens: titles of works ('his latest book, Hegemony or
Survival,') and of awards ('the Budweiser Man of the Match award'), which the small model cuts
at their 'or' or 'of' into two names or leaves half-named, and names cut at a hyphen."""

from __future__ import annotations

from collections.abc import Collection, Iterator

from spacy.tokens import Doc, Span, Token

from extract.candidate import HYPHENS
from extract.lexicon import WORK_CLASS_NOUNS, WRITING_VERBS

# Small words a title's capitalized words may run across ('Alice in Wonderland', 'War and
# Peace', 'Man of the Match').
TITLE_JOINERS = frozenset("of the a an and or in on at to for".split())


def apposed_titles(doc: Doc) -> Iterator[Span]:
    """'his latest book, Hegemony or Survival, was': the whole apposition of a work's class
    noun is the work's title when its words are capitalized but for small joining words."""
    for token in doc:
        if token.dep_ != "appos" or token.head.lemma_.lower() not in WORK_CLASS_NOUNS:
            continue
        span = doc[token.left_edge.i : token.right_edge.i + 1]
        if len(span) > 1 and is_title_words(span):
            yield span


def written_titles(doc: Doc) -> Iterator[Span]:
    """'Mark Twain wrote The Adventures of Tom Sawyer': a capitalized object of a verb of
    writing with a capitalized 'of' phrase is one title, up to the 'of' phrase's head (the
    small model makes 'The Adventures' a person and 'Tom Sawyer' another)."""
    for token in doc:
        if token.dep_ != "dobj" or token.head.lemma_.lower() not in WRITING_VERBS:
            continue
        for prep in token.children:
            objects = [o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
            if prep.lower_ == "of" and prep.i == token.i + 1 and objects:
                start = token.left_edge.i
                start += doc[start].lower_ in ("the", "a", "an") and not doc[start].is_title
                span = doc[start : objects[0].i + 1]
                if is_title_words(span):
                    yield span


def is_title_words(span: Span) -> bool:
    """Capitalized words joined by small words, capitalized at both ends ('Hegemony or
    Survival'; not 'Acme, its rival')."""
    first, last = span[0], span[-1]
    return (
        first.is_title
        and last.is_title
        and all(t.is_title or t.lower_ in TITLE_JOINERS for t in span)
        and any(t.lower_ in TITLE_JOINERS for t in span)
    )


def with_of_phrase(span: Span, covered: Collection[int]) -> Span:
    """An untyped proper-noun phrase with the capitalized 'of' phrase after it that no name
    covers: 'Budweiser Man' + 'of the Match' ('the Budweiser Man of the Match award')."""
    doc, end = span.doc, span.end
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return span
    start = end + 1 + (doc[end + 1].lower_ == "the")
    stop = start
    while stop < len(doc) and is_bare_proper_noun(doc[stop], covered):
        stop += 1
    return doc[span.start : stop] if stop > start else span


def is_bare_proper_noun(token: Token, covered: Collection[int]) -> bool:
    return (
        token.pos_ == "PROPN" and token.is_title and not token.ent_type_ and token.i not in covered
    )


def acronym_expansions(doc: Doc) -> Iterator[Span]:
    """'the FIRST Global competition (For Inspiration and Recognition of Science and
    Technology)': the words in parentheses whose capitals spell an acronym just before them
    are that acronym's long form, one name (not 'Inspiration' and 'Recognition')."""
    for opening in doc:
        if opening.text != "(":
            continue
        closing = next((t for t in doc[opening.i + 1 :] if t.text in ("(", ")")), None)
        if closing is None or closing.text != ")" or closing.i - opening.i < 3:
            continue
        inside = doc[opening.i + 1 : closing.i]
        initials = "".join(t.text[0] for t in inside if t.is_title).upper()
        before = doc[max(opening.i - 4, 0) : opening.i]
        if len(initials) > 1 and any(t.text.isupper() and t.text == initials for t in before):
            yield inside


def with_titles(doc: Doc, spans: list[Span], types: list[str]) -> tuple[list[Span], list[str]]:
    """The name spans of a document with its titles and acronyms' long forms in place of the
    names they overlap."""
    titles = [*apposed_titles(doc), *written_titles(doc)]
    spans, types = without_overlaps(spans, types, titles)
    return without_overlaps(spans, types, list(acronym_expansions(doc)), type_="thing")


def without_overlaps(
    spans: list[Span], types: list[str], titles: list[Span], *, type_: str = "work"
) -> tuple[list[Span], list[str]]:
    """The name spans with each title in place of the names it overlaps, of type `type_`."""
    kept = [
        (span, type_)
        for span, type_ in zip(spans, types)
        if not any(span.start < t.end and t.start < span.end for t in titles)
    ]
    kept += [(title, type_) for title in titles]
    return [s for s, _ in kept], [t for _, t in kept]


def with_hyphened_end(doc: Doc, start: int, end: int) -> int:
    """'Wong Kwok-hing' tagged 'Wong Kwok': the word joined by a hyphen to a name's last word,
    which the name hangs on (not 'Toulouse-based')."""
    while (
        start < end < len(doc) - 1
        and doc[end].text in HYPHENS
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].pos_ in ("NOUN", "PROPN")
        and doc[end - 1].head.i == end + 1
    ):
        end += 2
    return end
