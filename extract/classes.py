"""The entity type a class noun says a name has, reading the compound before it: a 'player'
is a person, a 'music player' a product."""

from __future__ import annotations

from spacy.tokens import Token

from extract.lexicon import (
    CLASS_PHRASE_TYPES,
    DESCRIPTOR_TYPES,
    NAME_CLASS_NOUNS,
    WORK_CLASS_NOUNS,
)

# Class nouns and their types, for names said to be of that class.
CLASS_TYPES = {**DESCRIPTOR_TYPES, **NAME_CLASS_NOUNS, **dict.fromkeys(WORK_CLASS_NOUNS, "work")}


def class_type(noun: Token) -> str | None:
    """The type a class noun gives the name it is said of, or None for no class noun.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("a music player")
    >>> doc[2].head = doc[2]
    >>> doc[1].head, doc[1].dep_ = doc[2], "compound"
    >>> class_type(doc[2])
    'product'
    """
    lemma = noun.lemma_.lower() or noun.lower_
    before = noun.doc[noun.i - 1] if noun.i else None
    if before is not None and before.head == noun and before.dep_ == "compound":
        phrase = f"{before.lower_} {lemma}"
        if phrase in CLASS_PHRASE_TYPES:
            return CLASS_PHRASE_TYPES[phrase]
    return CLASS_TYPES.get(lemma)
