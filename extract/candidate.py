"""What every rule yields: a candidate relation whose arguments are still tokens, and the priors
of the rules that produce them."""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

ARGUMENT_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
HYPHENS = frozenset({"-", "‐", "‑"})
NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
# The relations by which a clause has its subject.
CLAUSE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})

# How often each rule's output is right: the confidence of its triples.
CONFIDENCE = {
    "svo": 0.85,
    "passive": 0.8,
    "copula": 0.75,
    "adjective_preposition": 0.75,
    "role": 0.8,
    "verb_preposition": 0.7,
    "light_verb": 0.65,
    "report": 0.55,
    "object_preposition": 0.6,
    "passive_preposition": 0.65,
    "apposition": 0.6,
    "title": 0.75,
    "nominalization": 0.65,
    "possessive": 0.55,
    "relational": 0.7,
    "descriptor": 0.7,
    "descriptor_place": 0.65,
    "location": 0.7,
    "affiliation": 0.65,
    "measure": 0.65,
    "title_unowned": 0.6,
    "post_unowned": 0.6,
    "amount": 0.7,
    "participle": 0.7,
    "maker": 0.6,
}


@dataclass(frozen=True)
class Candidate:
    """A relation read from the parse, its arguments still tokens."""

    subject: Token
    object: Token
    predicate: str
    relation_tokens: tuple[Token, ...]
    rule: str
    negated: bool = False
    modality: str | None = None
    speaker: Token | None = None
    # The object says what the subject is ('a company'): a concept, never a reference.
    predicative: bool = False

    @property
    def confidence(self) -> float:
        return CONFIDENCE[self.rule]


def expand(tokens: list[Token]) -> list[Token]:
    """Each token and the tokens coordinated with it: 'Azure, AWS and Hugging Face'."""
    expanded = []
    for token in tokens:
        # A conjunct with its own "'s" owns what follows ("BlackBerry and Microsoft's Windows
        # Mobile"): it is no argument.
        expanded += [
            token,
            *(t for t in token.conjuncts if t.i > token.i and not children(t, "case")),
            *companions(token),
        ]
    # The small model tags some names as adjectives ('AWS'); a name is an argument whatever its tag.
    found = [t for t in dict.fromkeys(expanded) if t.pos_ in ARGUMENT_POS or is_mistagged_name(t)]
    return [t for t in found if not is_word_piece(t)]


def is_word_piece(token: Token) -> bool:
    """A piece of a hyphenated word the tokenizer cut: 'co' or '-' of 'co-founder'."""
    return token.text in HYPHENS or is_word_prefix(token)


def is_word_prefix(token: Token) -> bool:
    """'co' of 'co-founder', which the tokenizer cuts and the parser may take for a subject:
    the first part of a hyphenated word is no argument (a name keeps its parts together)."""
    doc = token.doc
    if token.ent_type_ or token.whitespace_ or token.i + 2 >= len(doc):
        return False
    hyphen = doc[token.i + 1]
    return hyphen.text == "-" and not hyphen.whitespace_ and doc[token.i + 2].is_alpha


def is_mistagged_name(token: Token) -> bool:
    """A name with another tag: typed by NER, or a capitalized word in a noun's place
    ('Rathbun requested...': a surname tagged as a verb; the entities say if it is a name)."""
    return bool(token.ent_type_) or (token.is_title and token.dep_ in NOUN_DEPS)


def companions(token: Token) -> list[Token]:
    """'Acme, along with Zeta,' and 'together with Zeta': coordinated in all but syntax; 'the
    FTSE, Paris' CAC and Frankfurt's DAX indices': the parser sets the plural class noun, with
    the other names inside it, beside the first name."""
    found = []
    for appos in children(token, "appos"):
        if token.pos_ == "PROPN":
            found += listed_names(appos)
    for prep in children(token, "prep"):
        if prep.lower_ == "along":
            found += [
                o for w in children(prep, "prep") if w.lower_ == "with" for o in children(w, "pobj")
            ]
        elif prep.lower_ == "with" and any(
            a.lower_ in ("together", "along") for a in prep.children
        ):
            found += children(prep, "pobj")
    return found


def listed_names(noun: Token) -> list[Token]:
    """The names a plural class noun lists ('Paris' CAC and Frankfurt's DAX indices'), when
    the parser sets it beside the first name of the list; none for any other noun."""
    if noun.dep_ != "appos" or noun.tag_ not in ("NNS", "NNPS"):
        return []
    names = [n for n in children(noun, "nmod", "compound") if n.pos_ == "PROPN"]
    return [m for n in names if n.i > noun.head.i for m in (n, *n.conjuncts) if m.i < noun.i]


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c, dep in dependents(token) if dep in deps]


# The children of the tokens of the last document asked about, each with its relation: the
# rules ask about the same tokens tens of times, and each pass over `token.children` builds new
# Token objects and looks their relations up again (a tenth of the time of our rules).
# One tuple, read and replaced whole, so that threads reading two documents never mix them.
_last_children: tuple[weakref.ref[Doc], dict[int, list[tuple[Token, str]]]] | None = None


def dependents(token: Token) -> list[tuple[Token, str]]:
    """The children of `token` with their relations, in order."""
    global _last_children
    doc = token.doc
    cached = _last_children
    if cached is None or cached[0]() is not doc:
        cached = _last_children = (weakref.ref(doc), {})
    found = cached[1].get(token.i)
    if found is None:
        found = cached[1][token.i] = [(c, c.dep_) for c in token.children]
    return found


def has_lemma(token: Token, words: frozenset[str] | set[str]) -> bool:
    """Whether the token's lemma is one of `words`, also when the small model lemmatizes a
    verb wrongly ('hopes' -> 'hop'): its inflected form is tried without its ending.

    >>> from spacy.vocab import Vocab
    >>> from spacy.tokens import Doc
    >>> doc = Doc(Vocab(), words=["hopes"], lemmas=["hop"])
    >>> has_lemma(doc[0], {"hope"})
    True
    """
    return not words.isdisjoint(lemma_forms(token.text.lower(), token.lemma_.lower()))


@lru_cache(maxsize=4096)
def lemma_forms(lower: str, lemma: str) -> frozenset[str]:
    """A word's lemma, its lower-case form and its form without each regular ending."""
    forms = {lemma, lower}
    for ending in ("s", "es", "ed", "d", "ing"):
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            base = lower[: -len(ending)]
            forms |= {base, base + "e", base[:-1] if base[-1:] == base[-2:-1] else base}
    return frozenset(forms)
