"""Posts written in capitals as if they were names: 'Zorbia's Prime Minister, Jo Roe',
'Attorney General', 'Governor of Zorbia Jo Roe'. The small model tags them as proper nouns,
so the rules would take the post for an entity ('Zorbia has Attorney General'); the entity is
the person who holds it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Span, Token

from extract.candidate import Candidate, children
from extract.lexicon import FIELD_WORDS, POST_WORDS, PUBLIC_POST_WORDS

NAMED_TYPES = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART"})
HOLDER_TYPES = NAMED_TYPES | {"PERSON"}


def is_post(token: Token) -> bool:
    """A post and nothing else: every word of it a word of a post, none typed as a name.

    >>> import spacy
    >>> doc = spacy.blank("en")("Attorney General")
    >>> doc[0].dep_, doc[0].head = "compound", doc[1]
    >>> doc[0].pos_ = doc[1].pos_ = "PROPN"
    >>> is_post(doc[1]), is_post(doc[0])
    (True, False)
    """
    if token.pos_ != "PROPN" or token.dep_ == "compound" or token.ent_type_ in HOLDER_TYPES:
        return False  # a post the tagger left a common noun the role rules read already
    words = [t for t in token.lefts if t.dep_ in ("compound", "amod")] + [token]
    return all(is_post_word(w.lower_) for w in words)


def is_post_word(word: str) -> bool:
    """Whether a lower-case word is a word of a post ('prime', 'minister', 'attorney')."""
    return word in POST_WORDS or word in PUBLIC_POST_WORDS


def post_holders(post: Token) -> list[Token]:
    """The people who hold a post written as a name: 'Zorbia's Prime Minister, Jo Roe' and
    'Governor of Zorbia Jo Roe' (the parser makes the name the object of 'of')."""
    if not is_post(post):
        return []
    found = [a for a in children(post, "appos") if a.ent_type_ == "PERSON"]
    for prep in children(post, "prep"):
        if prep.lower_ == "of":
            found += [o for o in children(prep, "pobj") if o.ent_type_ == "PERSON"]
    return found + said_holders(post)


def said_holders(post: Token) -> list[Token]:
    """'Zorbia's Prime Minister, Jo Roe said': the parser makes the name, right after the
    post's comma, the subject of a verb that the post heads or is a second subject of."""
    comma = post.doc[post.i + 1] if post.i + 1 < len(post.doc) else None
    if comma is None or comma.text != ",":
        return []
    verbs = [v for v in post.children if v.pos_ == "VERB" and v.i > post.i]
    if post.dep_ == "nsubj":
        verbs.append(post.head)
    return [
        subject
        for verb in verbs
        for subject in children(verb, "nsubj")
        if subject.ent_type_ == "PERSON" and subject.left_edge.i == comma.i + 1
    ]


def post_owners(post: Token) -> list[tuple[Token, str]]:
    """Whose post it is, with the words of the relation: 'Zorbia's Attorney General' ->
    (Zorbia, 'Attorney General of'); 'Governor of Zorbia Jo Roe' -> (Zorbia, 'Governor of')."""
    words = [t.text for t in post.lefts if t.dep_ in ("compound", "amod")]
    role = " ".join([*words, post.text, "of"])
    found = [(o, role) for o in children(post, "poss") if o.pos_ in ("PROPN", "PRON")]
    for prep in children(post, "prep"):
        if prep.lower_ == "of":
            # 'Governor of Zorbia Jo Roe': the parser makes the place a compound of the name
            for obj in children(prep, "pobj"):
                owners = children(obj, "compound") if obj.ent_type_ == "PERSON" else [obj]
                found += [(o, role) for o in owners if is_owner(o)]
    return found


def is_owner(token: Token) -> bool:
    """A name that may own a post: not the field of one ('Secretary of State')."""
    return token.ent_type_ in NAMED_TYPES and token.lower_ not in FIELD_WORDS


def is_role_object(token: Token) -> bool:
    """A name a role may be of ('director of Acme'), not the field of the role ('Director of
    Media and Communications of the Zeta Open', 'Minister of Finance')."""
    named = token.ent_type_ in ("ORG", "GPE", "PERSON", "NORP") or token.pos_ == "PROPN"
    return named and token.lower_ not in FIELD_WORDS


def has_of_phrase(role: Token) -> bool:
    """'Director of Media and Communications of a tennis event', 'chief executive of a
    startup': a role with an 'of' phrase is of what that phrase says, named or not."""
    return any(prep.lower_ == "of" for prep in children(role, "prep"))


def post_candidates(post: Token) -> Iterator[Candidate]:
    """'Governor of Zorbia Jo Roe said', 'Zorbia's Prime Minister, Jo Roe said' -> (Jo Roe,
    Governor of, Zorbia): a post's holders and owners, where the parser made the holder no
    apposition ('Zorbia's Attorney General, Jo Roe,' is read at the apposition)."""
    holders = [h for h in post_holders(post) if h.dep_ != "appos"]
    for holder in holders:
        for owner, role in post_owners(post):
            yield Candidate(holder, owner, role, (post,), "title")


def held_posts(spans: Sequence[Span], types: Sequence[str]) -> list[tuple[int, int]]:
    """'President Barack Obama met ... The President praised': a post written alone as a name
    stands for a person the text named with that post before their name ('Education
    Secretary Miguel Cardona' holds 'the Secretary'). Returns (mention of a post alone,
    mention of a person named with it before) pairs; every such person, so that the caller
    can tell one holder from two ('President Jo Roe met President Li Wei. The President')."""
    held = []
    titled: list[tuple[int, tuple[str, ...]]] = []  # (mention, the post before the name)
    for n, span in enumerate(spans):
        if post := post_words(span):
            held += [(n, m) for m, before in titled if before[-len(post) :] == post]
        elif types[n] == "person" and (before := post_before(span)):
            titled.append((n, before))
    return held


def post_words(span: Span) -> tuple[str, ...]:
    """The words of a span that is a post and nothing else ('the Prime Minister'), or ()."""
    words = tuple(t.lower_ for t in span if t.lower_ != "the")
    if words and all(is_post_word(w) for w in words):
        return words
    return ()


def post_before(name: Span) -> tuple[str, ...]:
    """The words of a post in capitals that the parser joins to a name right before it
    ('Prime Minister' of 'Prime Minister Jo Roe', 'Secretary' of 'Education Secretary Jo
    Roe'), or ()."""
    doc, start = name.doc, name.start
    while start > 0 and is_post_word_of(doc[start - 1], range(start, name.end)):
        start -= 1
    return tuple(t.lower_ for t in doc[start : name.start])


def is_post_word_of(token: Token, heads: range) -> bool:
    return (
        token.dep_ == "compound"
        and token.is_title
        and token.head.i in heads
        and is_post_word(token.lower_)
    )
