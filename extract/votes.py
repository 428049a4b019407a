"""Type votes for the named mentions of a document: the small model's tags, and the evidence
around a name that beats them (issue 14, bullet 7).

Each entity's type is the majority of its votes: a tag counts one per mention (a lone person
tag half: the small model often tags a company so), a class noun said of the name ('the Zorbix
browser', 'Zorbix, a browser') two, a name's own last word ('Acme Corp.', 'iTunes Music Store')
two, a version number ('Internet Explorer 9', 'IE9') one, a resolved reference ('he', 'the
company') two.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from spacy.symbols import NOUN
from spacy.tokens import Span, Token

from extract.anaphora import PRONOUN_TYPES
from extract.classes import CLASS_TYPES, class_type
from extract.columns import Columns, isin
from extract.description_names import name_bearer
from extract.descriptors import apposed_to
from extract.entities import TYPE_PRIORITY
from extract.lexicon import (
    DESCRIPTOR_TYPES,
    PLACE_CLASS_NOUNS,
    SHARE_NOUNS,
)
from extract.name_votes import own_class_votes, product_line_votes, version_votes
from extract.names import is_camel_word
from extract.places import is_place_pair

# A one-word person tag without a full name is often a company (rule 4 of extract.entities);
# such an entity may also be what "the company" or "its" refers to.
LONE_PERSON_TYPES = frozenset({"person", "organization"})
# Nouns of a place's own institutions: 'the UK government' types no organization 'UK'.
INSTITUTIONS = frozenset(
    "government ministry police army military authority agency court parliament".split()
)
# A one-word person tag counts less than half a tag: two of them do not outweigh one other
# tag ('Chrome' twice a person, 'Zeta Chrome' once a product).
LONE_VOTE = 0.45
# A noun that names the kind of an entity ("its GPT-4 model", "the company") is better evidence
# of its type than the small model's tag.
NOUN_VOTE = 2.0
# A possessor's name on a name ('Acme's Zorbix') says it is the possessor's product more
# often than its subsidiary: a little more than one tag.
POSSESSED_VOTE = 1.5
# A brand in camel case ('iPhone', 'iTunes') is most often a product: a little more than the
# one organization tag the small model gives it.
CAMEL_VOTE = 1.25
# A name beside its versions ('Zorbix', 'Zorbix 9') is their line; less than a tag, so that a
# company tagged as one keeps its type ('Boeing' of 'Boeing 747').
LINE_VOTE = 0.75
# Names listed together ('Acme, Zell and Quorx') are mostly of one kind: where the small model
# gave a name only a weak tag (a lone person, none), each co-member's tag counts half a tag, at
# most one in all.
LIST_VOTE = 0.5
# A type with less than this share of an entity's strongest vote is taken for a tagging slip.
TYPE_SHARE = 0.34


def mention_votes(
    cols: Columns, spans: list[Span], types: list[str], clusters: list[int]
) -> list[Counter[str]]:
    """The type votes of each cluster of mentions."""
    votes: list[Counter[str]] = [Counter() for _ in range(max(clusters, default=-1) + 1)]
    full_person = full_person_clusters(spans, types, clusters)
    for cluster, type_ in zip(clusters, types):
        lone = type_ == "person" and cluster not in full_person
        # A name spaCy left untyped is no evidence of any type: any other vote outweighs it.
        votes[cluster][type_] += LONE_VOTE if lone else 0.1 if type_ == "thing" else 1.0
    for cluster, type_ in class_noun_votes(cols, spans, clusters):
        votes[cluster][type_] += NOUN_VOTE
    for cluster in version_votes(spans, clusters):
        votes[cluster]["product"] += 1.0
    for cluster, type_ in own_class_votes(spans, clusters):
        votes[cluster][type_] += NOUN_VOTE
    for cluster, type_, weight in form_votes(spans, types, clusters):
        votes[cluster][type_] += weight
    for cluster in share_votes(spans, clusters):
        votes[cluster]["organization"] += NOUN_VOTE
    for cluster in source_votes(spans, clusters):
        votes[cluster]["organization"] += 1.0
    for cluster in product_line_votes(spans, clusters):
        votes[cluster]["product"] += LINE_VOTE
    for cluster, type_, weight in list_votes(spans, types, clusters, full_person):
        votes[cluster][type_] += weight
    for n, span in enumerate(spans):
        # 'Livorno, Tuscany': the place a place lies in (see extract.places.is_place_pair)
        if len(span) == 1 and is_place_pair(span.root.head, span.root):
            votes[clusters[n]]["place"] += NOUN_VOTE
    return votes


def list_votes(
    spans: list[Span], types: list[str], clusters: list[int], full_person: set[int]
) -> Iterator[tuple[int, str, float]]:
    """What the other names of a list say of a weakly tagged one: 'Apple, Zell and Samsung'
    are companies though the small model tags 'Zell' a person."""
    at = {span.root.i: n for n, span in enumerate(spans)}
    group = list(range(len(spans)))
    for n, span in enumerate(spans):
        if span.root.dep_ == "conj" and span.root.head.i in at:
            group[n] = group[at[span.root.head.i]]
    weak = [
        t == "thing" or (t == "person" and c not in full_person) for t, c in zip(types, clusters)
    ]
    for n, cluster in enumerate(clusters):
        if not weak[n]:
            continue
        others = Counter(
            types[m]
            for m in range(len(spans))
            if m != n and group[m] == group[n] and clusters[m] != cluster
            if not weak[m]
        )
        for type_, count in others.items():
            yield cluster, type_, min(count * LIST_VOTE, 1.0)


def source_votes(spans: list[Span], clusters: list[int]) -> Iterator[int]:
    """'according to the Lund Herald': a source that is not a person's name is an
    organization (the small model tags newspapers as events or works)."""
    for span, cluster in zip(spans, clusters):
        root = span.root
        to = root.head if root.dep_ == "pobj" else None
        if to is not None and to.lower_ == "to" and to.head.lower_ == "according":
            if root.ent_type_ not in ("PERSON", "NORP"):
                yield cluster


def share_votes(spans: list[Span], clusters: list[int]) -> Iterator[int]:
    """'shares in Zell fell', 'Zell shares', 'a stake in Zell': whose shares are traded is a
    company."""
    for span, cluster in zip(spans, clusters):
        root = span.root
        head = root.head.head if root.dep_ == "pobj" and root.head.lower_ in ("in", "of") else None
        if head is not None and head.lower_ in SHARE_NOUNS:
            yield cluster
        elif root.dep_ == "compound" and root.head.lower_ in SHARE_NOUNS:
            yield cluster


def possessor_label(span: Span) -> str:
    """The entity label of the possessor right before a name ('Acme's Zorbix'), by the words
    when the parse hangs the possessive elsewhere; '' when none."""
    doc = span.doc
    owner = next((c for c in span.root.lefts if c.dep_ == "poss"), None)
    if owner is None and span.start > 1 and doc[span.start - 1].tag_ == "POS":
        owner = doc[span.start - 2]
    return owner.ent_type_ if owner is not None else ""


def form_votes(
    spans: list[Span], types: list[str], clusters: list[int]
) -> Iterator[tuple[int, str, float]]:
    """What the form of a mention says: 'Acme's Zorbix' (a company's possession, not tagged a
    person) is a product; 'the Quillmen' (a plural tagged a person) a band or a team."""
    for span, type_, cluster in zip(spans, types, clusters):
        if type_ != "person" and possessor_label(span) == "ORG":
            yield cluster, "product", POSSESSED_VOTE
        if type_ == "person" and span.root.tag_ == "NNPS":
            yield cluster, "organization", 1.0
        if len(span) == 1 and is_camel_word(span[0].text):
            yield cluster, "product", CAMEL_VOTE  # 'iPhone', 'iTunes' tagged organizations


def full_person_clusters(spans: list[Span], types: list[str], clusters: list[int]) -> set[int]:
    """The clusters with a person tag on a name of several words."""
    return {c for c, s, t in zip(clusters, spans, types) if t == "person" and len(s) > 1}


def class_noun_votes(
    cols: Columns, spans: list[Span], clusters: list[int]
) -> Iterator[tuple[int, str]]:
    """'its GPT-4 model', 'the Firefox browser', 'Spore, a game', 'Spore is a game': a name
    with a class noun is of the noun's type; but 'the UK government' is the government of a
    place, not an organization named UK, and 'Toyota president Akio Toyoda' says Toyoda is a
    person, not Toyota: a name before a person's class says whom the person works for."""
    span_at = {t.i: n for n, span in enumerate(spans) for t in span}
    for token in cols.tokens((cols.pos == NOUN) & isin(cols.lemma, cols.ids(*CLASS_TYPES))):
        lemma = token.lemma_.lower()
        type_ = class_type(token) or CLASS_TYPES[lemma]  # a 'music player' is no person
        employers = set(modifiers(token)) if type_ == "person" else set()
        for name in class_noun_names(token):
            if name.i not in span_at or (lemma in INSTITUTIONS and name.ent_type_ == "GPE"):
                continue
            if name not in employers:
                yield clusters[span_at[name.i]], type_


def class_noun_names(noun: Token) -> Iterator[Token]:
    """The name tokens a class noun is said of: its compound modifiers, the name it modifies
    ('the union Zell'), the names in apposition with it, the subject of the copula it
    completes, the names after 'such as' and after a place noun's 'of' ('the town of Zell'),
    the name it goes by ('a woman by the name of Zell')."""
    yield from modifiers(noun)
    if noun.dep_ == "appos":
        yield apposed_to(noun)  # 'UTC, the main index, the Zeta 50': the index is Zeta 50
    elif noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
        yield noun.head
    yield from (c for c in noun.rights if c.dep_ == "appos")
    for prep in noun.rights:
        if prep.dep_ != "prep":
            continue
        such_as = prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.lefts)
        if (
            such_as
            or prep.lower_ in ("including", "like")
            or (prep.lower_ == "of" and noun.lemma_.lower() in PLACE_CLASS_NOUNS)
        ):
            yield from (c for c in prep.children if c.dep_ == "pobj")
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        yield from (c for c in noun.head.children if c.dep_ == "nsubj")
    yield from (t for t in noun.subtree if t.i > noun.i and name_bearer(t) == noun)


def modifiers(noun: Token) -> Iterator[Token]:
    """The words before a class noun that modify it ('Firefox' of 'the Firefox browser')."""
    return (c for c in noun.lefts if c.dep_ in ("compound", "nmod"))


def possible_types(votes: Counter[str], *, lone: bool) -> frozenset[str]:
    """The types an entity may have, for agreement with pronouns and descriptions: those with
    a fair share of its votes ('thing' only when nothing else is), and organization too for a
    lone person tag. One stray tag among many ('Meta' once as a person) does not let "he"
    refer to a company.

    >>> sorted(possible_types(Counter(organization=5, person=1), lone=False))
    ['organization']
    """
    top = max(votes.values(), default=0)
    typed = frozenset(t for t, n in votes.items() if t != "thing" and n >= TYPE_SHARE * top)
    typed = typed or frozenset(votes)
    return typed | LONE_PERSON_TYPES if lone and typed == {"person"} else typed


def majority(votes: Counter[str]) -> str:
    return max(votes, key=lambda t: (votes[t], -TYPE_PRIORITY.index(t)))


def reference_type(token: Token, possible: frozenset[str]) -> str:
    """The type a resolved reference votes for: a description's noun type, or the one type a
    pronoun leaves ('he' a person, 'it' of a lone person tag an organization); 'thing' (no
    vote) when it leaves several: 'it' does not tell a company from its product."""
    if token.pos_ != "PRON":
        return DESCRIPTOR_TYPES.get(token.lemma_.lower(), "thing")
    allowed = PRONOUN_TYPES[token.lower_] & possible or PRONOUN_TYPES[token.lower_]
    return next(iter(allowed)) if len(allowed) == 1 else "thing"
