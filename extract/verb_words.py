"""The words that name a verb's relation: its lemma, mended where the small model's lemmatizer
cuts a verb's '-es' ending to a wrong stem, its particles ('gave up'), and the prepositions
that may relate it to an object."""

from __future__ import annotations

from spacy.tokens import Token

from extract.candidate import children, has_lemma
from extract.lexicon import CONTRAST_PREPOSITIONS, PLACING_VERBS, RANGE_WORDS

# Stems that really take '-es' ('watches', 'pushes', 'fixes', 'goes'): after any other,
# '-es' is a silent 'e' and '-s' ('rates' -> 'rate', not 'rat').
ES_STEMS = ("ch", "sh", "s", "x", "z", "o")


def verb_lemma(verb: Token) -> str:
    """The verb's lemma, lowercase: 'rates' -> 'rate' where the lemmatizer gives 'rat'.

    >>> import spacy
    >>> doc = spacy.blank("en")("rates")
    >>> doc[0].tag_, doc[0].lemma_ = "VBZ", "rat"
    >>> verb_lemma(doc[0])
    'rate'
    """
    lemma, text = verb.lemma_.lower(), verb.lower_
    if verb.tag_ == "VBZ" and text == f"{lemma}es" and not lemma.endswith(ES_STEMS):
        return text[:-1]
    return lemma


def particles(verb: Token) -> list[Token]:
    """The verb's particles: 'gave up', 'turned the offer down'. Not a word the parser took
    for one after an object with its own preposition: in 'contacted the minister of Zorbia
    out at sea' the 'out' belongs to 'at sea' (a particle comes before so heavy an object)."""
    found = []
    for particle in children(verb, "prt"):
        objects = [o for o in children(verb, "dobj") if o.i < particle.i]
        if not any(t.dep_ == "prep" for o in objects for t in o.subtree):
            found.append(particle)
    return found


def is_relating(prep: Token) -> bool:
    """Whether a verb's preposition may relate the subject to its object: not one that sets
    the object apart ('relies, unlike Zeta, on...') or compares with it ('votes like Zeta'),
    lists examples of a noun ('the gods, such as Zeus'), or bounds a range a word before it
    opens ('support ranging from X to Y')."""
    if prep.lower_ in CONTRAST_PREPOSITIONS:
        return False
    if prep.lower_ == "like" and prep.head.pos_ in ("VERB", "AUX"):
        return False  # 'I'll have one vote, just like every other Zorbian': a comparison
    if prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children):
        return False
    if is_viewpoint(prep):
        return False
    if prep.lower_ not in ("from", "to"):
        return True
    head = prep.head
    between = prep.doc[min(head.i, prep.i) + 1 : max(head.i, prep.i)]
    return not any(has_lemma(t, RANGE_WORDS) or t.lower_ in RANGE_WORDS for t in (head, *between))


def is_viewpoint(prep: Token) -> bool:
    """'For Jo Roe, Zeta was a legend': a 'for' phrase that opens the clause, set off by a
    comma before its subject, says in whose eyes; it relates no argument to the subject."""
    doc, edge = prep.doc, prep.right_edge.i
    subjects = [c.i for c in prep.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return (
        prep.lower_ == "for"
        and edge + 1 < len(doc)
        and doc[edge + 1].text == ","
        and bool(subjects)
        and edge < min(subjects)
        and prep.i == prep.sent.start
    )


def set_phrases(verb: Token, prep: Token) -> list[Token]:
    """The set phrases between a verb and its preposition that are part of the relation: 'get
    in touch with', 'went on display at', 'testified in court against'. A preposition with a
    bare common noun (no article, no modifier, no name) before `prep`, and that noun."""
    found = []
    for other in children(verb, "prep"):
        if other.i >= prep.i or other.i < verb.i:
            continue
        objects = list(other.children)
        if len(objects) != 1 or objects[0].dep_ != "pobj":
            continue
        noun = objects[0]
        if noun.pos_ == "NOUN" and not noun.ent_type_ and not list(noun.children):
            found += [other, noun]
    return found


def placing_phrase(verb: Token) -> str:
    """A verb of placing with the place its object is put in: 'put Sweden in the lead' ->
    'put in lead' (bare 'put' says nothing of the object); any other verb as it is."""
    if verb.lemma_.lower() not in PLACING_VERBS:
        return ""
    for prep in children(verb, "prep"):
        nouns = [o for o in children(prep, "pobj") if o.pos_ == "NOUN" and not o.ent_type_]
        if prep.lower_ in ("in", "into", "on", "at", "under") and nouns:
            return f"{prep.lower_} {nouns[0].lemma_.lower()}"
    return ""
