"""Sentence starts that the parser cannot see: headlines, datelines and captions carry no full
stop, so without help it reads 'Airbus cuts jobs\\n\\nMarch 3, 2009 The company said...' as one
sentence.

A sentence starts
- after a blank line;
- after a single line break, when the line before looks like a headline: it begins with a
  capital, has no final punctuation and does not stop on a joining word ('the', 'and'), and
  the next line begins with a capital or a digit (a hard-wrapped sentence goes on in lower
  case, or after 'the');
- after a headline repeated at the start of the next paragraph (news feeds that print the
  title again before the body);
- after a dateline at the start of a sentence: a date ('March 3, 2009', 'Friday, May 8,
  2009') or a place and a dash ('MENLO PARK, Calif. --') followed by a capital;
- at a photo credit ('... at the fair Image: Jo Roe.'): a caption's credit says who made the
  picture, and run on into the caption it makes its label a word of the last name ('the
  Zeta Station Image'). A credit states no fact (see `is_credit`).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from extract.lexicon import CREDIT_LABELS, JOINING_WORDS, MONTHS, WEEKDAYS

DASHES = frozenset({"--", "—", "–"})
# A dateline ('MENLO PARK, Calif. --') is a few words at the start of a paragraph.
DATELINE_TOKENS = 8
FINAL = frozenset({".", "!", "?", "…", ":", ";", ","})
CLOSING = frozenset({'"', "'", "”", "’", ")", "]"})


def sentence_starts(doc: Doc) -> set[int]:
    """The token indexes that start a sentence for the reasons above."""
    if not len(doc):
        return set()
    lines = list(text_lines(doc))
    starts = set()
    for n, (line, blank) in enumerate(lines):
        if n and (blank or (headline(lines[n - 1][0]) and opens(line[0]))):
            starts.add(line.start)
        if n and blank and (n == 1 or lines[n - 1][1]):  # a one-line paragraph before
            starts.update(repeated_title(lines[n - 1][0], line))
    for start in [0, *sorted(starts)]:
        starts.update(dateline_end(doc, start))
    starts.update(credit_starts(doc))
    return {i for i in starts if 0 < i < len(doc)}


def credit_starts(doc: Doc) -> Iterator[int]:
    """Where a photo credit begins: a capitalized label and a colon ('Image: Jo Roe')."""
    for token in doc[:-1]:
        if is_credit_label(token):
            yield token.i


def is_credit_label(token: Token) -> bool:
    """'Image' of 'Image: Jo Roe': the label of a photo credit, no name nor word of one."""
    return (
        token.text.istitle()
        and token.lower_ in CREDIT_LABELS
        and token.i + 1 < len(token.doc)
        and token.doc[token.i + 1].text == ":"
    )


def is_credit(sent: Span) -> bool:
    """Whether a sentence is a photo credit ('Image: Jo Roe / Zeta Press.'): it names who made
    a picture, and no rule should read 'Jo Roe is an image' from it."""
    return len(sent) > 1 and is_credit_label(sent[0])


def text_lines(doc: Doc) -> Iterator[tuple[Span, bool]]:
    """The lines of a document as token spans without their line breaks, each with whether a
    blank line comes before it."""
    start, blank = 0, False
    for token in doc:
        if token.is_space and "\n" in token.text:
            if token.i > start:
                yield doc[start : token.i], blank
                blank = False
            blank = blank or token.text.count("\n") >= 2
            start = token.i + 1
    if start < len(doc):
        yield doc[start:], blank


def headline(line: Span) -> bool:
    """Whether a line reads as a headline or a caption: capitalized, without final
    punctuation, not stopped on a joining word."""
    words = [t for t in line if not t.is_space and t.text not in CLOSING]
    if not words or not words[0].text[:1].isupper():
        return False
    last = words[-1]
    return last.text not in FINAL and not last.is_punct and last.lower_ not in JOINING_WORDS


def ends_sentence(sent: Span) -> bool:
    """Whether a sentence ends with final punctuation; one that does not is a headline, a
    dateline or a caption.

    Mentions in such sentences may shorten names the text gives in full only later ('Dow falls'
    before 'the Dow Jones Industrial Average'): see extract.entities.cluster_names.
    """
    # From the end: the last word decides, and the words before it need no Token each.
    doc = sent.doc
    for i in range(sent.end - 1, sent.start - 1, -1):
        token = doc[i]
        if not token.is_space and token.text not in CLOSING:
            return token.text in FINAL - {","}
    return False


def opens(token) -> bool:
    """Whether a line's first token can begin a sentence."""
    return token.text[:1].isupper() or token.text[:1].isdigit() or token.text[:1] in "\"'“‘"


def repeated_title(title: Span, paragraph: Span) -> Iterator[int]:
    """'Dow falls 340 points\\n\\nDow falls 340 points September 4, 2008 The Dow...': the body
    starts after the title repeated."""
    doc = title.doc
    if not headline(title) or paragraph.end - paragraph.start <= len(title):
        return
    words = [t.text for t in title]
    if [t.text for t in doc[paragraph.start : paragraph.start + len(words)]] == words:
        yield paragraph.start + len(words)


def dateline_end(doc: Doc, start: int) -> Iterator[int]:
    """Where the text after a dateline at `start` begins: 'March 06, 2008 During...',
    'SANTA CLARA, Calif. -- Nvidia...'."""
    end = date_end(doc, start)
    if end is not None and end < len(doc) and opens(doc[end]) and not doc[end].is_space:
        yield end
    if doc[start].is_upper:
        window = doc[start : start + DATELINE_TOKENS]
        dash = next((t.i for t in window if t.text in DASHES), None)
        if dash is not None and dash + 1 < len(doc):
            yield dash + 1


def date_end(doc: Doc, start: int) -> int | None:
    """The end of a date written 'Friday, May 8, 2009' or 'May 08, 2009' at `start`."""
    i = start
    if i + 1 < len(doc) and doc[i].lower_ in WEEKDAYS and doc[i + 1].text == ",":
        i += 2
    parts = doc[i : i + 4]
    if (
        len(parts) == 4
        and parts[0].lower_ in MONTHS
        and parts[1].is_digit
        and parts[2].text == ","
        and parts[3].is_digit
        and len(parts[3].text) == 4
    ):
        return i + 4
    return None
