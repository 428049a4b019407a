"""What a name's own words say of its type: its last word ('Acme Corp.', 'Dow Jones
Industrial Average'), a version number ('Internet Explorer 9', 'IE9'), the versions beside it
('Zorbix' of 'Zorbix 9'), a job title before it, 'based in' before it. Votes for
`extract.votes`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span

from extract.classes import CLASS_TYPES
from extract.description_names import name_class as word_class
from extract.entities import COMPANY_DESIGNATORS, entity_key
from extract.lexicon import (
    COUNTRY_KEYS,
    DESCRIPTION_CLASSES,
    LEADING_CLASS_PHRASES,
    MAKER_NAME_ENDINGS,
    PLACE_NAME_ENDINGS,
    TITLE_WORDS,
)
from extract.triple import ENTITY_TYPES

VALUE_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL"})
# 'IE9', 'WPA2', 'PS5': an acronym run into a version number (the small model tags them
# as places or organizations).
VERSIONED_ACRONYM = re.compile(r"^[A-Z]{2,}\d+$")
# The keys of countries with several names ('US', 'UK'): the small model tags them anything.
COUNTRY_NAMES = frozenset(COUNTRY_KEYS.values())


def product_line_votes(spans: list[Span], clusters: list[int]) -> Iterator[int]:
    """'Zorbix' beside 'Zorbix 9', 'ZX' beside 'ZX9': the name of versioned products is their
    product line, whatever the small model tags it."""
    lines = set()
    texts = [span.text for span in spans]  # each built from its tokens: once
    for span, text in zip(spans, texts):
        if VERSIONED_ACRONYM.match(text):
            lines.add(text.rstrip("0123456789").lower())
        elif len(span) > 1 and span[-1].like_num and span[0].pos_ == "PROPN":
            lines.add(span[:-1].text.lower())
    for text, cluster in zip(texts, clusters):
        if text.lower() in lines:
            yield cluster


def own_class_votes(spans: list[Span], clusters: list[int]) -> Iterator[tuple[int, str]]:
    """'Dow Jones Industrial Average', 'iTunes Music Store', 'Acme Corp.': a name whose last
    word is a class noun or a legal suffix is of that class, and so is each shorter name of
    it ('Dow Jones'); a country's name is a place; a name after a job title is a person; what
    a thing is 'based in' is a place."""
    fullest: dict[int, Span] = {}
    for span, cluster in zip(spans, clusters):
        if len(span) > len(fullest.get(cluster, ())):
            fullest[cluster] = span
    classes = {cluster: name_class(span) for cluster, span in fullest.items()}  # once each
    for span, cluster in zip(spans, clusters):
        type_ = classes[cluster]
        if type_ is not None:
            yield cluster, type_
        # 'CEO Jane Roe', 'Toulouse-based Airbus' / 'based in Toulouse'
        if any(t.lower_ in TITLE_WORDS for t in span.root.lefts if t.i < span.start):
            yield cluster, "person"
        if span.root.dep_ == "pobj" and span.root.head.head.lower_ == "based":
            yield cluster, "place"


def name_class(span: Span) -> str | None:
    """The type a name's own words give it: its last word, or the word before a number
    ('Zeta Air Flight 210'); else a class noun it opens with ('Cyclone Zeta'); a country's
    name ('US') a place."""
    if entity_key(span.text) in COUNTRY_NAMES:
        return "place"
    if len(span) < 2:
        return None
    last = span[-1].lower_.rstrip(".")
    if span[-1].like_num and len(span) > 2:
        last = span[-2].lower_
    if last in COMPANY_DESIGNATORS or last in MAKER_NAME_ENDINGS:
        return "organization"
    if last in PLACE_NAME_ENDINGS:
        return "place"
    return CLASS_TYPES.get(last) or opening_class(span)


def opening_class(span: Span) -> str | None:
    """'Cyclone Zeta', 'Space Shuttle Zeta', 'Museum of Zorbia': a class noun that opens a
    name whose other words name no class is what the name is (the small model tags many such
    names persons). Not a person's class (a title is read where posts are), nor a descriptor of
    companies' wares ('a System Under Test' is a term, not a product's name)."""
    words = [t.lower_ for t in span if t.is_alpha]
    if len(words) < 2:
        return None
    phrase = " ".join(words[:2])
    if phrase in LEADING_CLASS_PHRASES:
        return LEADING_CLASS_PHRASES[phrase] if len(words) > 2 else None
    type_ = DESCRIPTION_CLASSES.get(words[0])
    if type_ == "person" or type_ not in ENTITY_TYPES:
        return None
    if any(word_class(word) for word in words[1:]):
        return None
    return type_


def version_votes(spans: list[Span], clusters: list[int]) -> Iterator[int]:
    """'Internet Explorer 9', 'FTSE 100', 'Airbus A330', 'IE9': a name that ends in a version
    or model number names a product (a date or an amount is no such name, nor 'NZ $ 26')."""
    for span, cluster in zip(spans, clusters):
        if any(t.tag_ == "$" for t in span):
            continue
        if VERSIONED_ACRONYM.match(span.text) or (
            len(span) > 1
            and (span[-1].like_num or any(ch.isdigit() for ch in span[-1].text))
            and span[0].pos_ == "PROPN"
            and span[0].ent_type_ not in VALUE_LABELS
        ):
            yield cluster
