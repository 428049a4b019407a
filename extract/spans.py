"""Where a document names something: spaCy's entities, cut where the small model ran two
names together and joined where it cut one, plus the proper-noun phrases its NER left untyped.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.symbols import ADJ, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from extract.candidate import CLAUSE_SUBJECT_DEPS, HYPHENS
from extract.columns import OUTSIDE_ENTITY, Columns, isin
from extract.entities import NER_TYPES
from extract.gender import first_name_gender
from extract.lexicon import (
    DESCRIPTOR_TYPES,
    FIELD_WORDS,
    HOLDER_TITLE_WORDS,
    NAME_COORDINATORS,
    PERSON_TITLES,
    POST_WORDS,
    TITLE_WORDS,
)
from extract.name_checks import is_no_name, is_title_only, with_currencies
from extract.names import is_camel_word
from extract.sentences import is_credit_label
from extract.titles import with_hyphened_end, with_of_phrase, with_titles

# Labels of names the small model cuts in two ('Jane' 'Paris' as two places).
JOINED_LABELS = frozenset({"PERSON", "GPE", "ORG"})
SPLITTING_PREPOSITIONS = frozenset({"in", "on", "at"})
MODIFIED_TYPES = frozenset({"place", "group", "quantity"})
SURNAME_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss"})
VALUE_TYPES = frozenset({"date", "quantity"})
TRAILING = frozenset({",", ";", ":", '"', "'", "(", ")", "-", "--", ".", "!", "?"})
# Single quotation marks are left out: an apostrophe ('the players' union') looks the same.
DOUBLE_QUOTES = frozenset({'"', "“", "”", "``", "''"})
TITLE_MAX_WORDS = 12
# Words a title leaves in lower case: 'Tricks of the Trade', 'Light and Shadow'.
TITLE_SMALL_WORDS = frozenset("a an the and or nor but of on in at to for from with by as".split())
TITLE_LABELS = frozenset({"WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
SENTENCE_ENDS = frozenset({".", "!", "?"})


def name_spans(cols: Columns) -> tuple[list[Span], list[str]]:
    """spaCy's entities, plus proper-noun phrases its NER left untyped ('Google', 'Azure')."""
    doc = cols.doc
    spans, types = [], []
    titles = quoted_titles(doc)
    in_titles = {t.i for title in titles for t in title}
    for ent, label in joined_entities(doc.ents):
        for part in split_entity(ent):
            if any(t.i in in_titles for t in part):
                continue  # the title is the name; its words name nothing of their own
            span = trim(part)
            type_ = NER_TYPES.get(label, "thing")
            if span is not None and (type_ in VALUE_TYPES or not is_no_name(span)):
                # 'Methodist Jo Roe', 'Republican Jo Roe': a word before a person's name
                # describes the person; before other names it is often their first word
                whole = extended(span, words=type_ != "person")
                # 'Hitwise UK', 'Zorbix Five Hundred': a place or a number with a name
                # before it is neither
                modified = any(t.pos_ == "PROPN" for t in doc[whole.start : span.start])
                spans.append(whole)
                types.append("thing" if modified and type_ in MODIFIED_TYPES else type_)
    spans += titles
    types += [title_type(title) for title in titles]
    covered = {t.i for s in spans for t in s}
    # A proper noun that modifies another noun ('chief AI scientist') is part of a phrase.
    untyped = (
        (cols.pos == PROPN)
        & (cols.ent_iob == OUTSIDE_ENTITY)
        & ~isin(cols.dep, cols.ids("compound"))
    )
    for token in cols.tokens(untyped):
        if token.i not in covered:
            phrase = trim(doc[phrase_start(cols, token.i, covered) : token.i + 1])
            if phrase is not None and not is_title_only(phrase) and not is_no_name(phrase):
                phrase = with_of_phrase(extended(phrase), covered)
                spans.append(phrase)
                types.append("thing")
    for token in doc:
        if is_camel_word(token.text) and token.i not in covered:  # 'wikiHow' tagged an adverb
            spans.append(doc[token.i : token.i + 1])
            types.append("thing")
    for token in mistagged_surnames(cols, spans, covered):
        spans.append(doc[token.i : token.i + 1])
        types.append("thing")  # the clustering makes it the person's ('last name of')
    spans, types = with_currencies(spans, types)
    spans, types = with_titles(doc, spans, types)
    # 'Internet Explorer 9': the number NER tagged apart is the version of the name before it.
    within = {t.i for span in spans if len(span) > 1 for t in span}
    kept = [n for n, span in enumerate(spans) if len(span) > 1 or span.start not in within]
    order = sorted(kept, key=lambda n: spans[n].start)
    return [spans[n] for n in order], [types[n] for n in order]


def mistagged_surnames(cols: Columns, spans: list[Span], covered: set[int]) -> Iterator[Token]:
    """'Rathbun requested...', 'Currently Roe is...': a person's last name that the tagger took
    for a common noun, a verb or an adjective, where the document names the person in full."""
    surnames = {
        s[-1].text
        for s in spans
        if len(s) > 1
        and all(t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in s)
        and first_name_gender(s[0]) is not None  # 'Mets Poet' names no person by his surname
    }
    if not surnames:
        return
    candidates = isin(cols.lower, cols.ids(*(name.lower() for name in surnames)))
    candidates &= isin(cols.pos, (NOUN, VERB, ADJ)) & (cols.ent_iob == OUTSIDE_ENTITY)
    for token in cols.tokens(candidates):
        # A name in an argument's place, bare: not the head of a caption ('Image: Jo Roe')
        bare = not any(c.dep_ in ("det", "amod") for c in token.children)
        if token.text in surnames and token.is_title and token.dep_ in SURNAME_DEPS and bare:
            if token.i not in covered:
                yield token


def joined_entities(ents: tuple[Span, ...]) -> Iterator[tuple[Span, str]]:
    """The entities with their labels, two of one label side by side joined when the first
    modifies the second: the small model cuts 'Jane Paris' into two places (then untyped)."""
    n = 0
    while n < len(ents):
        ent = ents[n]
        label = ent.label_
        while (
            n + 1 < len(ents)
            and ents[n + 1].start == ent.end
            and ents[n + 1].label_ == ent.label_
            and ent.label_ in JOINED_LABELS
            and ent[-1].dep_ == "compound"
            and ent[-1].head.i in range(ent.end, ents[n + 1].end)
        ):
            n += 1
            ent = ent.doc[ent.start : ents[n].end]
            # two places side by side are no place name: the tag of the halves says nothing
            label = "" if label == "GPE" else label
        yield ent, label
        n += 1


def split_entity(ent: Span) -> list[Span]:
    """An entity span the small model ran across two names: 'Software Development Kit (SDK'
    is a name and its acronym; 'Seawolf in Varnia' is a ship and an island ('in', 'on',
    'at' join no name's words, unlike 'of' in 'Bank of America'); 'North and South Varnia'
    two countries."""
    doc = ent.doc
    if halves := repeated_halves(ent):
        return halves
    # A quoted title's words may be joined by any preposition: '"Tricks on Stage"'. The
    # small model's WORK_OF_ART tag says too little: it also takes a ship in a port for one.
    title = is_quoted(ent)
    cuts = [
        t.i
        for t in ent[1:-1]
        if t.text == "("
        or (t.lower_ in SPLITTING_PREPOSITIONS and doc[t.i + 1].pos_ == "PROPN" and not title)
        or (t.i == ent.start + 1 and shared_head_coordinator(t))
        or (t.text == "," and starts_conjunct(t, ent))
        or (t.lower_ == "of" and is_post_field(ent[: t.i - ent.start]))
    ]
    if not cuts:
        return [ent]
    parts, start = [], ent.start
    for cut in cuts:
        parts.append(doc[start:cut])
        start = cut + 1
    parts.append(doc[start : ent.end])
    return [part for part in parts if len(part) and any(t.pos_ == "PROPN" for t in part)]


def repeated_halves(ent: Span) -> list[Span]:
    """'respondent T. W. T. W. comes today': a name that ends in a period and is then said
    again is two mentions across a sentence end the parser missed, not one name."""
    half = len(ent) // 2
    first, second = ent[:half], ent[half:]
    if half and len(ent) % 2 == 0 and first[-1].text.endswith("."):
        if [t.text for t in first] == [t.text for t in second]:
            return [first, second]
    return []


def starts_conjunct(comma: Token, ent: Span) -> bool:
    """'from the Academy, Zeta Officer School and ...' run into one span: a comma followed by
    a conjunct of a word before it lists two names ('Zeta, Inc.' or 'Varnia, Ohio' do not)."""
    return any(
        t.dep_ == "conj" and ent.start <= t.head.i < comma.i for t in ent[comma.i - ent.start + 1 :]
    )


def is_post_field(words: Span) -> bool:
    """'Director of Marketing of Acme Corp.' tagged 'Marketing of Acme Corp.': the field of a
    post after its 'of' is no word of the organization's name."""
    doc, start = words.doc, words.start - 1
    # 'Director of Media and Communications of ...' tagged from 'Communications'
    while start >= 0 and is_field_word(doc[start]):
        start -= 1
    return (
        start >= 0
        and doc[start].lower_ == "of"
        and doc[start].head.lower_ in POST_WORDS
        and all(is_field_word(w) for w in words)
    )


def is_field_word(token: Token) -> bool:
    return token.lower_ in FIELD_WORDS or token.lower_ in NAME_COORDINATORS


def quoted_titles(doc: Doc) -> list[Span]:
    """Words in title case between double quotation marks ('curator of "Light and Shadow"'):
    one name, a title, where the small model tags its words as several names or none. A
    quotation of speech is no title: its words after the first are mostly in lower case."""
    titles = []
    opening = None
    for token in doc:
        if token.text not in DOUBLE_QUOTES:
            continue
        if opening is None:
            opening = token.i
            continue
        inside = doc[opening + 1 : token.i]
        opening = None
        if is_title_case(inside) and (title := trim(inside)) is not None:
            titles.append(title)  # 'The Long Harbor' as 'Long Harbor', like other names
    return titles


def is_title_case(words: Span) -> bool:
    """'Light and Shadow', 'Andy Warhol: Photographs and Prints': two to a dozen words, every
    one capitalized but the short words a title leaves in lower case, within one sentence."""
    alphabetic = [t for t in words if t.is_alpha]
    capitalized = [t for t in alphabetic if t.text[:1].isupper()]
    return (
        2 <= len(words) <= TITLE_MAX_WORDS
        and len(capitalized) >= 2
        and words[0].text[:1].isupper()
        and all(t in capitalized or t.lower_ in TITLE_SMALL_WORDS for t in alphabetic)
        and not any(t.is_sent_start for t in words[1:])
        and not any(t.text in SENTENCE_ENDS for t in words)
        # '"We Are Ready"': a clause with its subject is quoted speech, a slogan at most
        and not any(
            t.dep_ in CLAUSE_SUBJECT_DEPS and words.start <= t.head.i < words.end for t in words
        )
    )


def title_type(title: Span) -> str:
    """A work's, unless spaCy gave the whole title a type of a named thing ('"Zeta Prize"')."""
    labels = {t.ent_type_ for t in title}
    label = labels.pop() if len(labels) == 1 else ""
    return NER_TYPES[label] if label in TITLE_LABELS else "work"


def is_quoted(span: Span) -> bool:
    """Whether quotation marks enclose the span: '"Tricks on Stage"' is one title."""
    doc = span.doc
    if span.start == 0 or span.end >= len(doc):
        return False
    return doc[span.start - 1].is_quote and doc[span.end].is_quote


def shared_head_coordinator(token: Token) -> bool:
    """'North and South Varnia': an 'and' after a modifier of a later head joins two names
    that share it (unlike 'Marks and Spencer', one name whose first word heads the rest).
    Only after a name's first word: 'Aircraft Addressing and Reporting System' is one name."""
    before = token.doc[token.i - 1]
    return (
        token.lower_ in NAME_COORDINATORS
        and before.dep_ in ("nmod", "amod", "compound")
        and before.head.i > token.i + 1
    )


def phrase_start(cols: Columns, head: int, covered: set[int]) -> int:
    """Where the proper-noun phrase ending at `head` begins: 'Hugging Face' from 'Face'."""
    start = head
    compound = cols.ids("compound")[0]
    while (
        start > 0
        and cols.sentence[start - 1] == cols.sentence[head]
        and start - 1 not in covered
        and cols.pos[start - 1] == PROPN
        and cols.dep[start - 1] == compound
    ):
        start -= 1
    return start


def extended(span: Span, *, words: bool = True) -> Span:
    """A name span with the words the small model left off its start: a word joined by a
    hyphen ('Al-Zahra Hotel' from 'Zahra Hotel', 'Wi-Fi' from 'Fi'), a proper noun outside
    any entity that modifies the name ('Hitwise UK' from 'UK'), unless `words` is false."""
    doc, start = span.doc, span.start
    while start > 0:
        before = doc[start - 1]
        if (
            before.text in HYPHENS
            and start > 1
            and not before.whitespace_
            and not doc[start - 2].whitespace_
            and doc[start - 2].text[:1].isupper()
            and not doc[start - 2].ent_type_
        ):
            start -= 2
        elif (
            words
            and before.pos_ == "PROPN"
            and before.text[:1].isupper()
            # 'Automaker GM', 'CEO Jo Roe' in a headline's capitals: a class or a title
            and before.lower_ not in DESCRIPTOR_TYPES
            and before.lower_ not in TITLE_WORDS
            # 'Mr. Grant' is Grant: a courtesy title votes person, it is not part of the name
            and before.lower_.rstrip(".") not in PERSON_TITLES
            and not before.ent_type_
            and before.dep_ in ("compound", "nmod")
            and before.head.i in range(start, span.end)
        ):
            start -= 1
        else:
            break
    return doc[start : span.end]


def trim(span: Span) -> Span | None:
    """Drop a leading article and a trailing possessive or punctuation from an entity span."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].lower_ == "the" or span.doc[start].is_punct):
        start += 1
    while end > start and (
        span.doc[end - 1].tag_ == "POS"
        or span.doc[end - 1].text in TRAILING
        or span.doc[end - 1].is_space
        or is_credit_label(span.doc[end - 1])  # 'Zeta Station Image: Jo Roe'
    ):
        end -= 1
    # 'Zeta Administrator' tagged an organization: the post is its holder's, not the name's.
    while end - start > 1 and is_trailing_post(span.doc[end - 1]):
        end -= 1
    # 'Llama 3', 'Windows 11': NER often stops before a version number.
    while (
        end < len(span.doc)
        and span.doc[end].pos_ == "NUM"
        and span.doc[end].head.i in range(start, end)
    ):
        end += 1
    end = with_hyphened_end(span.doc, start, end)
    return span.doc[start:end] if end > start else None


def is_trailing_post(token: Token) -> bool:
    """A post word ending an organization's span, no word of its name: 'Zeta Administrator',
    'Acme CEO', but not 'Zeta Mayor Jo Roe' (a person's) or 'Acme Directors'."""
    return token.ent_type_ == "ORG" and token.lower_ in HOLDER_TITLE_WORDS and token.tag_ == "NNP"


def clean_name(text: str) -> str:
    """A mention's text as a name: single spaces, no possessive.

    >>> clean_name("Meta's")
    'Meta'
    """
    return " ".join(text.split()).removesuffix("'s").removesuffix("’s")
