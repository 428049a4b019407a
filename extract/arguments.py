"""Argument tokens -> entities and concepts, with the words that name them (issue 14).

A named mention or resolved reference gives its entity; a nationality adjective gives its
country; a class noun whose modifier names the instance gives that instance; any other noun
gives a concept whose words keep their 'of' complement ('risk of fraud', not 'risk').
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from extract.candidate import children
from extract.classes import class_type
from extract.descriptors import is_adherent
from extract.lexicon import (
    DESCRIPTOR_TYPES,
    EMPTY_HEADS,
    LISTING_WORDS,
    NATIONALITIES,
    STATE_BODY_NOUNS,
    TITLE_WORDS,
)
from extract.mentions import DocumentEntities, clean_name
from extract.places import country_prefix
from extract.triple import Entity

NOUN_PHRASE_DEPS = frozenset({"compound", "amod", "nummod", "quantmod", "nmod", "npadvmod"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
INSTANCE_NAME_LABELS = frozenset(
    {"ORG", "PERSON", "PRODUCT", "GPE", "FAC", "EVENT", "WORK_OF_ART", "LAW", "LOC"}
)
AMOUNT_LABELS = frozenset({"PERCENT", "MONEY", "QUANTITY"})
# Names whose class noun after them stands for them: 'the A330 jetliner', 'the Hajj pilgrimage'.
INSTANCE_LABELS = frozenset({"PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
# A concept keeps at most this many words: a whole clause is no node of a graph.
MAX_CONCEPT_WORDS = 6


def argument(
    token: Token,
    entities: DocumentEntities,
    *,
    avoid: Entity | None = None,
    predicative: bool = False,
) -> tuple[Entity, tuple[int, int]] | None:
    """The entity an argument token stands for, with the character offsets of its words.

    A named mention or resolved reference gives its entity (a reference avoids `avoid`, the
    other argument: nothing acts on itself here); a pronoun that could not be resolved gives
    None (its triple is dropped), and so do an unresolved description ('the model') and a bare
    empty head ('one', 'details'); a common
    noun gives a concept. A `predicative` noun ('is the first woman', 'X, a company') says
    what something is and refers to nothing: coreference is not asked.
    """
    found = named(token, entities, avoid=avoid, predicative=predicative)
    if found is not None:
        entity, span = with_currency(*found)
        return entity, (span.start_char, span.end_char)
    adherent = predicative and is_adherent(token)  # 'Scientologist Tom Cruise'
    if token.pos_ == "PRON" or (token.pos_ not in ("NOUN", "NUM") and not adherent):
        return None
    if not predicative and token.i in entities.references:
        # 'the model' points back at an entity coreference could not tell: like an
        # unresolved 'it', it stands for no concept ('model' would be a bare head).
        return None
    span = concept_phrase(token, entities)
    if span is None:
        return None
    if predicative:  # 'the Boeing 787 jet' is a jet, not a 'boeing 787 jet'
        span = token.doc[after_names(span, token) : span.end]
        name = class_name(span, token)
    else:
        name = concept_name(span)
    kind = "quantity" if token.pos_ == "NUM" else "concept"
    return Entity(name=name, type=kind), (span.start_char, span.end_char)


def concept_name(span: Span) -> str:
    """A concept's name in lower case but for the names inside it: 'The iPhone 2.0 update'
    -> 'the iPhone 2.0 update', not 'iphone 2.0 update'."""
    text = "".join((t.text if keeps_case(t) else t.lower_) + t.whitespace_ for t in span)
    return clean_name(text.strip())


def keeps_case(token: Token) -> bool:
    """Whether a word is written as a name is: a word with a capital inside ('iPhone', 'SDK'),
    or a proper noun, unless it opens its sentence where any word is capitalised and the
    recogniser does not call it a name."""
    if any(c.isupper() for c in token.text[1:]):
        return True
    return token.pos_ == "PROPN" and (not token.is_sent_start or token.ent_type_ != "")


def class_name(span: Span, head: Token) -> str:
    """What one instance is, from the words that say it: 'other financing firms' (of 'firms
    such as Acme') -> 'financing firm'; each listed name is one firm, not several."""
    words = [t for t in span if not (t.i < head.i and t.lower_ in LISTING_WORDS)] or [head]
    plural = head.tag_ == "NNS" and words[-1] == head
    text = "".join(
        (t.lemma_.lower() if plural and t == head else t.lower_) + t.whitespace_ for t in words
    )
    return clean_name(text.strip())


def named(
    token: Token, entities: DocumentEntities, *, avoid: Entity | None, predicative: bool
) -> tuple[Entity, Span] | None:
    """The named entity an argument token stands for, if any."""
    if predicative:  # 'is the first woman', 'the Hajj pilgrimage': no reference, no instance
        if token.i in entities.token_span:
            return reference(token, entities, avoid=avoid)
        return country_of(token, entities)
    # 'the Nasdaq composite index': the name in the phrase beats what coreference guesses.
    found = country_of(token, entities) or named_compound(token, entities)
    if found is None:
        found = reference(token, entities, avoid=avoid)
    return found or modifier_name(token, entities)


def reference(
    token: Token, entities: DocumentEntities, *, avoid: Entity | None
) -> tuple[Entity, Span] | None:
    """The entity a token names or refers to; a description or pronoun never refers to a
    bare number ('the index' is no '-82')."""
    found = entities.mention_of(token, avoid=avoid)
    if found is None or token.i in entities.token_span:
        return found
    return found if any(c.isalpha() for c in found[0].name) else None


def with_currency(entity: Entity, span: Span) -> tuple[Entity, Span]:
    """'$450m': the small model's money mentions often leave out the currency sign."""
    before = span.doc[span.start - 1] if span.start else None
    if span.root.ent_type_ != "MONEY" or before is None or before.tag_ != "$":
        return entity, span
    if entity.name.startswith(before.text):
        return entity, span
    return Entity(name=before.text + entity.name, type=entity.type), span.doc[before.i : span.end]


def country_of(token: Token, entities: DocumentEntities) -> tuple[Entity, Span] | None:
    """'German economy minister': a nationality adjective stands for its country, as do the
    first words of 'the United States National Transportation Safety Board'; the document's
    own mention of it when there is one ('Britain' for 'British')."""
    prefix = country_prefix(token)
    if prefix is not None:
        names, start, end = prefix
    elif token.ent_type_ == "NORP" and token.lower_ in NATIONALITIES:
        names, start, end = NATIONALITIES[token.lower_], token.i, token.i + 1
    else:
        return None
    for span, entity in zip(entities.spans, entities.span_entity):
        if clean_name(span.text) in names:
            return entity, token.doc[start:end]
    return Entity(name=names[0], type="place"), token.doc[start:end]


def named_compound(token: Token, entities: DocumentEntities) -> tuple[Entity, Span] | None:
    """'its GPT-4 model', 'the Nasdaq composite index': a class noun whose modifier names
    the instance stands for it."""
    # 'the Meta chief' names a chief of Meta, not Meta: people and places are not instances.
    is_class = class_type(token) in ("organization", "product")
    if token.tag_ in ("NNS", "NNPS"):
        return None  # 'the CAC and DAX indices' are several things
    for child in token.lefts:
        # 'the US car maker' describes a maker from a place, not the place.
        between = token.doc[child.right_edge.i + 1 : token.i]
        # 'the Airbus A330 jetliner': a product's or event's name makes any noun its class
        instance = is_class or child.ent_type_ in INSTANCE_LABELS
        if (
            instance
            and child.dep_ in ("compound", "nmod")
            and child.i in entities.token_span
            and all(is_class_modifier(t, token) for t in between)
            and child.ent_type_ not in PLACE_LABELS
        ):
            return entities.mention_of(child)
        if not is_class:
            continue
        if child.dep_ == "compound" and child.i == token.i - 1 and child.pos_ == "PROPN":
            if child.ent_type_ in ("GPE", "NORP") and token.lemma_.lower() in STATE_BODY_NOUNS:
                return state_body(child, token)
            return modifier_name(child, entities)  # a name the mentions left out
    return None


def state_body(place: Token, noun: Token) -> tuple[Entity, Span]:
    """'the UK government', 'the US administration': a body of the state, an organization
    of its own (it sells shares, appoints people), not the country itself."""
    start = place.i
    while start > 0 and noun.doc[start - 1].ent_type_ == place.ent_type_:
        start -= 1
    span = noun.doc[start : noun.i + 1]
    return Entity(name=clean_name(span.text), type="organization"), span


def is_class_modifier(word: Token, noun: Token) -> bool:
    """'portable' and 'music' in 'the iPod portable music player': words of the class noun."""
    if word.dep_ not in ("amod", "compound") or word.pos_ == "PROPN" or word.ent_type_:
        return False
    return word.i < word.head.i <= noun.i


def modifier_name(token: Token, entities: DocumentEntities) -> tuple[Entity, Span] | None:
    """'Former Acme boss', 'Acme's Pluto app': a proper noun modifying a title or class noun,
    which the mentions leave out as part of a phrase, names the title's organization or the
    class noun's instance (the document's entity of that name when there is one)."""
    head = token.head
    if head.lower_ == "based" and token.dep_ == "npadvmod" and token.text[:1].isupper():
        # 'Toulouse-based': the small model often reads the place as a common noun.
        return Entity(name=token.text, type="place"), token.doc[token.i : token.i + 1]
    if token.pos_ != "PROPN" or token.dep_ != "compound":
        return None
    if head.pos_ != "NOUN" and head.lower_ not in TITLE_WORDS:
        return None
    start = token.i
    while (
        start > 0
        and token.doc[start - 1].pos_ == "PROPN"
        and token.doc[start - 1].head.i > start - 1
    ):
        start -= 1
    span = token.doc[start : token.i + 1]
    name = clean_name(span.text)
    for mention, entity in zip(entities.spans, entities.span_entity):
        if clean_name(mention.text) == name:
            return entity, span
    if head.lower_ in TITLE_WORDS:
        return Entity(name=name, type="organization"), span
    return Entity(name=name, type=DESCRIPTOR_TYPES.get(head.lemma_.lower(), "thing")), span


def noun_phrase(token: Token) -> Span:
    """A noun with its compound and adjective modifiers, without determiners or possessives:
    'a large language model' -> 'large language model'."""
    start = token.i
    for child in reversed(list(token.lefts)):
        if child.dep_ not in NOUN_PHRASE_DEPS or child.right_edge.i != start - 1:
            break
        start = child.left_edge.i
    return token.doc[start : token.i + 1]


def after_names(span: Span, head: Token) -> int:
    """Where a predicate noun phrase starts once the names before its head are left out
    ('Australian woman' and 'Scientology-owned ship' keep their modifiers)."""
    start = span.start
    for token in span:
        if token.i >= head.i:
            break
        # head follows, so token.i + 1 is inside the document
        if token.ent_type_ in INSTANCE_NAME_LABELS and not token.doc[token.i + 1].is_punct:
            start = token.i + 1
    return start


def concept_phrase(token: Token, entities: DocumentEntities) -> Span | None:
    """A concept's words: the noun phrase and an 'of' complement that names no entity ('risk
    of fraud', 'rise in the price of bonds'); None for an empty head standing alone."""
    span = noun_phrase(token)
    end = token
    for _ in range(2):  # 'rise in the price of bonds': two complements at most
        inner = complement(end, entities)
        if inner is None or inner.i - span.start + 1 > MAX_CONCEPT_WORDS:
            break
        end = inner
    if end is token and len(span) == 1 and token.lemma_.lower() in EMPTY_HEADS:
        return None
    return token.doc[span.start : end.i + 1]


def complement(noun: Token, entities: DocumentEntities) -> Token | None:
    """The common noun of an 'of' (or, after a change word, 'in') complement right after a
    noun, when it names no entity: 'risk [of fraud]', 'rise [in unemployment]'."""
    right = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if right is None or right.head != noun or right.dep_ != "prep":
        return None
    if right.lower_ != "of" and not (right.lower_ == "in" and noun.lemma_.lower() in CHANGES):
        return None
    for obj in children(right, "pobj"):
        named = obj.i in entities.token_span or entities.is_resolved(obj.i)
        # 'weights of its models': a possessor makes the complement about an entity.
        owned = any(c.dep_ == "poss" for c in obj.children)
        if obj.ent_type_ in AMOUNT_LABELS:
            return obj  # 'a fall of 17%'
        if obj.pos_ == "NOUN" and not named and not obj.ent_type_ and not owned:
            return obj
    return None


# Nouns of change whose 'in' complement is what changed: 'a rise in unemployment'.
CHANGES = frozenset("rise fall increase decrease drop decline gain jump cut growth".split())
