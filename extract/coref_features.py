"""The features on which the coreference model ranks an entity as what a word refers to.

The features of Lee et al.'s sieves and of Clark and Manning's mention ranking, kept to what a
small parse gives reliably: distance, the entity's salience (its mentions so far, resolved
references included), grammatical roles and their parallelism, type fit per anaphor form,
head-word and descriptor match for descriptions, and how many other nouns a pronoun passes on
its way back (a common noun in between is often what "it" means: "Competition helps buyers
because it lowers prices").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from math import log1p
from typing import TYPE_CHECKING

import numpy as np
from spacy.symbols import NOUN
from spacy.tokens import Token

from extract.anaphora import PERSON_PRONOUNS, PLURAL_PRONOUNS, Anaphor
from extract.columns import Columns, isin
from extract.descriptions import description_features
from extract.lexicon import DESCRIPTOR_TYPES

if TYPE_CHECKING:
    from extract.coref_state import EntityState

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj")


@dataclass(frozen=True)
class NounIndex:
    """Where the document's common-noun arguments are, singular and plural apart."""

    singular: list[int]
    plural: list[int]

    @classmethod
    def of(cls, cols: Columns) -> NounIndex:
        arguments = (cols.pos == NOUN) & isin(cols.dep, cols.ids(*ARGUMENT_DEPS))
        singular = arguments & isin(cols.tag, cols.ids("NN"))
        plural = arguments & isin(cols.tag, cols.ids("NNS"))
        return cls(np.flatnonzero(singular).tolist(), np.flatnonzero(plural).tolist())

    def between(self, start: int, end: int, *, plural: bool) -> int:
        positions = self.plural if plural else self.singular
        return bisect_left(positions, end) - bisect_right(positions, start)


def role_of(token: Token) -> str:
    """A mention's grammatical role: subject, object, oblique, possessor or other; a name's
    words take the role of the phrase they head ('Meta' in 'Meta Platforms')."""
    while token.dep_ == "compound" and token.head.i != token.i and not other_name(token):
        token = token.head
    dep = token.dep_
    if dep in SUBJECT_DEPS:
        return "subject"
    if dep in ("dobj", "dative", "attr"):
        return "object"
    if dep == "pobj":
        return "oblique"
    if dep == "poss":
        return "possessor"
    return "other"


def other_name(token: Token) -> bool:
    """Whether the word a name's word modifies begins another name: 'Pan-democrat' in
    'Pan-democrat Gary Fan failed' describes Gary Fan and is not the subject of 'failed'."""
    head = token.head
    if head.ent_iob_ == "O" or head.i < token.i:
        return False
    return any(t.ent_iob_ == "B" for t in token.doc[token.i + 1 : head.i + 1])


def subject_verb(token: Token) -> int | None:
    """The verb a mention is the subject of, if it is one ('Meta' of 'Meta Platforms said',
    'Roe' of 'her lawyer, Jo Roe, said')."""
    while token.dep_ in ("compound", "flat") and token.head.i != token.i and not other_name(token):
        token = token.head
    if token.dep_ == "appos" and token.head.dep_ in SUBJECT_DEPS:
        token = token.head
    return token.head.i if token.dep_ in SUBJECT_DEPS else None


def governing_verbs(token: Token) -> set[int]:
    """The verb whose clause a pronoun is in, and the verbs it completes: 'its' of 'agreed to
    buy its rival' is in the clause of 'buy' and of 'agreed'."""
    verb = token.head
    for _ in range(4):  # 'its' -> 'account' -> 'via' -> 'tweeted'
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    verbs = {verb.i}
    while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i and not own_subject(verb):
        verb = verb.head
        verbs.add(verb.i)
    return verbs


def own_subject(verb: Token) -> bool:
    """Whether a coordinated verb has a subject of its own, and so does not share that of the
    verb it is joined to: 'Gloria fell ill and the parents were told to take the child'."""
    return verb.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def form_group(anaphor: Anaphor) -> str:
    """The anaphor's form as the model sees it: a pronoun class or a description's class."""
    if anaphor.kind == "pronoun":
        if anaphor.form in PERSON_PRONOUNS:
            return "he"
        return "they" if anaphor.form in PLURAL_PRONOUNS else "it"
    return "desc_" + DESCRIPTOR_TYPES.get(anaphor.form, "head")


def pair_features(
    anaphor: Anaphor,
    state: EntityState,
    *,
    sentence: int,
    recency: int,
    most_mentions: int,
    nouns: NounIndex,
) -> dict[str, float]:
    """The features of `state`'s entity as the referent of `anaphor`.

    Args:
        sentence: the anaphor's sentence index.
        recency: 0 for the candidate mentioned last, 1 for the one before...
        most_mentions: the most mentions any entity has so far.
    """
    group = form_group(anaphor)
    distance = sentence - state.last_sentence
    role = role_of(anaphor.token)
    features = {
        "bias": 1.0,
        f"form:{group}": 1.0,
        f"distance:{min(distance, 3)}": 1.0,
        f"recency:{min(recency, 2)}": 1.0,
        f"{group}:recency:{min(recency, 2)}": 1.0,
        "token_distance": log1p(anaphor.start - state.last_token) / 5,
        "mentions": log1p(state.mentions),
        "references": log1p(state.references),
        "most_mentioned": float(state.mentions == most_mentions),
        "subject_share": state.subjects / max(state.mentions, 1),
        "introduced_early": float(state.first_sentence <= 1),
        f"anaphor_role:{role}": 1.0,
        f"candidate_role:{state.last_role}": 1.0,
        "parallel_role": float(role == state.last_role),
        "untyped": float(state.types == {"thing"}),
        # 'USI is holding its exhibit': a possessive or reflexive of the clause's own subject
        f"{group}:clause_subject": float(
            sentence == state.last_sentence
            and bool(state.subject_of & governing_verbs(anaphor.token))
        ),
        f"{group}:one_word_names": float(state.one_word),
        # 'Carrano and Biewener ... their': names joined into one plural antecedent
        "coordinated_names": float(bool(state.members)),
    }
    # a given name says person whatever else a tag said ('Isabel' tagged an organization once)
    for type_ in {"person"} if state.genders else state.types:
        features[f"{group}:type:{type_}"] = 1.0
    passed = nouns.between(state.last_token, anaphor.start, plural=group == "they")
    features[f"{group}:nouns_between"] = min(passed, 3) / 3
    if anaphor.kind == "description":
        features["head_match"] = float(anaphor.token.lower_ in state.heads)
        features["described_before"] = float(anaphor.form in state.descriptors)
        features["modified"] = float(
            any(c.dep_ in ("amod", "compound") for c in anaphor.token.lefts)
        )
        features.update(description_features(anaphor, state))
    else:
        features.update(pronoun_context(anaphor.token))
    return features


def pronoun_context(token: Token) -> dict[str, float]:
    """What around a pronoun tells whether it refers at all: 'it' as the subject of a copula,
    or followed by an infinitive, is often an event or a clause."""
    head = token.head
    features = {}
    if token.lower_ == "it":
        if token.dep_ in SUBJECT_DEPS and head.lemma_ == "be":
            features["it_subject_of_be"] = 1.0
            # "It's true", "it's ironic": said of what was just said or done, seldom of a name
            if any(c.dep_ == "acomp" for c in head.children):
                features["it_be_adjective"] = 1.0
        if any(c.dep_ in ("ccomp", "xcomp", "advcl") for c in head.children):
            features["it_clause_beside"] = 1.0
    if token.i == token.sent.start:
        features["sentence_initial"] = 1.0
    return features
