"""Spans the small model takes for names that name nothing, or name something else: a post
alone, common nouns, the letters of a currency, a name a naming verb gives a thing."""

from __future__ import annotations

from spacy.tokens import Span, Token

from extract.description_names import NAMING_VERBS, class_of
from extract.lexicon import (
    DESCRIPTOR_TYPES,
    INTERJECTIONS,
    PERSON_TITLES,
    POST_WORDS,
    STUDY_FIELDS,
)


def is_no_name(span: Span) -> bool:
    """Words the small model takes for a name that name nothing (see below)."""
    return (
        is_lower_case(span)
        or is_interjection(span)
        or is_listed_field(span)
        or is_capitalized_class(span)
        or is_member_noun(span)
    )


def is_member_noun(span: Span) -> bool:
    """'a Libertarian', 'an Anglican': one capitalized word after 'a' or 'an' is one member of
    what the word names (a party, a church), not the party itself."""
    word = span[0]
    return len(span) == 1 and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") and c.i == word.i - 1 for c in word.children
    )


def is_capitalized_class(span: Span) -> bool:
    """'the Government said', 'Police arrested him': a class noun alone in capitals is a
    description of some government or police force, not a name of its own."""
    word = span[0]
    return len(span) == 1 and word.is_title and DESCRIPTOR_TYPES.get(word.lower_) == "organization"


def is_lower_case(span: Span) -> bool:
    """'the disco club', 'a magician', 'in red': words without a capital or a digit are
    common nouns, whatever the tagger made of them; a web or news group address
    ('alt.zeta.fans') is a name."""
    text = span.text
    return not any(ch.isupper() or ch.isdigit() for ch in text) and not (
        "." in text.strip(".") and " " not in text
    )


def is_listed_field(span: Span) -> bool:
    """'a professor in Linguistics and Philosophy', 'Science, Technology and Engineering': a
    field of study in capitals, listed with another, is a common noun (tagged a place)."""
    if len(span) != 1 or span[0].lower_ not in STUDY_FIELDS:
        return False
    token = span[0]
    partners = [*(c for c in token.children if c.dep_ == "conj")]
    if token.dep_ == "conj":
        partners.append(token.head)
    return any(p.lower_ in STUDY_FIELDS for p in partners)


def is_interjection(span: Span) -> bool:
    """'Nah, we never did': a spoken answer the small model tags a person is no name."""
    return len(span) == 1 and span[0].lower_ in INTERJECTIONS


def is_title_only(phrase: Span) -> bool:
    """'Acme's Chief Executive, Jo Roe', 'a Professor at Zeta University': a post in capitals
    is no entity of its own, but its holder's title ('the President' alone may be one)."""
    doc = phrase.doc
    if not all(t.lower_ in POST_WORDS or t.lower_.rstrip(".") in PERSON_TITLES for t in phrase):
        return False
    after = doc[phrase.end : phrase.end + 2]
    holder = any(t.ent_type_ == "PERSON" and t.ent_iob_ == "B" for t in after)
    return holder or phrase.start == 0 or doc[phrase.start - 1].lower_ != "the"


def with_currencies(spans: list[Span], types: list[str]) -> tuple[list[Span], list[str]]:
    """'NZ $ 26 million', 'US $ 8.00': the letters before a currency sign say which dollar;
    they and the amount after them are one amount, no place or thing."""
    starts = {span.start: n for n, span in enumerate(spans) if types[n] == "quantity"}
    absorbed = set()
    for n, span in enumerate(spans):
        if not is_currency_prefix(span[0]) or not all(
            t.tag_ == "$" or t.like_num for t in span[1:]
        ):
            continue
        after = starts.get(span.end, starts.get(span.end + 1))
        end = span.end
        if after is not None and after != n:
            absorbed.add(after)
            end = max(end, spans[after].end)
        spans[n], types[n] = span.doc[span.start : end], "quantity"
    kept = [n for n in range(len(spans)) if n not in absorbed]
    return [spans[n] for n in kept], [types[n] for n in kept]


def is_currency_prefix(token: Token) -> bool:
    """'NZ' of 'NZ $', 'US' of 'US$': a few capitals right before a currency sign."""
    doc = token.doc
    return (
        token.i + 1 < len(doc)
        and doc[token.i + 1].tag_ == "$"
        and token.text.isupper()
        and token.is_alpha
        and len(token.text) <= 3
    )


def called_class(span: Span) -> str | None:
    """The type of the thing a naming verb gives this name: 'product' for 'a drink called
    Zeta', 'work' for 'a song named Jo Roe'; None for a person ('a man called Zeta') or where
    no naming verb gives it."""
    root = span.root
    verb = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "as" else root.head
    if root.dep_ not in ("oprd", "xcomp", "dobj", "attr", "pobj") or verb.i == root.i:
        return None
    if verb.lemma_ not in NAMING_VERBS or verb.dep_ not in ("acl", "relcl"):
        return None
    noun = verb.head
    type_ = class_of(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
    return type_ if type_ not in (None, "person") else None
