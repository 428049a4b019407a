"""Pronouns and definite descriptions -> the entity they refer to, within one document.

The resolver has the shape of Lee et al. (2013) for what rules decide well and of a
mention-ranking model (Clark and Manning 2015) for the rest:
1. anaphoricity: an expletive or event "it" and a description that defines its noun refer to
   nothing (`extract.anaphora`);
2. hard constraints pick the candidates: agreement of person, number and type, binding ("Meta
   praised it" cannot mean Meta), a window of sentences;
3. a logistic regression trained on GUM's coreference (`extract.coref_model`) scores each
   candidate from its distance, its salience (references already resolved to it count as
   mentions), grammatical roles, type and head-word fit; the best one is taken if its
   probability clears the model's threshold, else the word stays unresolved;
4. "I" and "we" inside a quotation are its speaker.

Decisions run left to right, so that every resolved reference adds to its entity's salience.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from spacy.symbols import NOUN, PRON
from spacy.tokens import Span, Token

from extract.anaphora import (
    FEMININE,
    MASCULINE,
    PRONOUN_TYPES,
    REFLEXIVES,
    SPEAKER_PLURAL,
    Anaphor,
    find_anaphors,
    is_pleonastic,
)
from extract.candidate import has_lemma
from extract.columns import Columns, isin
from extract.coref_features import NounIndex, form_group, pair_features, role_of
from extract.coref_model import CorefModel, load_model
from extract.descriptions import (
    apart,
    description_sieve,
    evidence,
    name_heads,
    reported,
    said_classes,
    vocabulary,
)
from extract.gender import name_gender
from extract.lexicon import DESCRIPTOR_TYPES, INSTITUTION_NOUNS, REPORTING_VERBS

# How many sentences back an entity's last mention may be for a pronoun, and for a description.
PRONOUN_WINDOW = 6
DESCRIPTION_WINDOW = 10
QUOTES = ('"', "“", "”")
# A pronoun clashes with an entity that earlier pronouns of the other gender refer to.
GENDERED = {**dict.fromkeys(MASCULINE, FEMININE), **dict.fromkeys(FEMININE, MASCULINE)}


@dataclass(frozen=True)
class Antecedent:
    """A named mention that a later word may refer to."""

    span: Span
    cluster: int
    types: frozenset[str]


@dataclass
class EntityState:
    """What the resolver knows of one entity at a point of the document."""

    cluster: int
    types: frozenset[str]
    heads: set[str]  # lower-cased last words of its names
    words: set[str] = field(default_factory=set)  # words of its names a description may repeat
    descriptors: set[str] = field(default_factory=set)  # nouns said of it ('the chipmaker')
    pronouns: set[str] = field(default_factory=set)  # pronouns resolved to it
    one_word: bool = True  # named by one word only ('Meta'), never in full ('Mark Zuckerberg')
    genders: set[str] = field(default_factory=set)  # what its names say: 'Ms Roe', 'Kevin Roe'
    # form group ('he', 'it', 'they') -> the token of the last such pronoun resolved to it
    last_pronoun: dict[str, int] = field(default_factory=dict)
    names: int = 0
    references: int = 0
    subjects: int = 0
    first_sentence: int = 0
    last_token: int = -1
    last_sentence: int = -1
    last_role: str = "other"

    @property
    def mentions(self) -> int:
        return self.names + self.references

    def mention(self, token: Token, sentence: int, *, reference: bool) -> None:
        if self.last_token < 0:
            self.first_sentence = sentence
        role = role_of(token)
        # 'Nvidia Corp. (NVDA) abandoned its bid': the entity stays the sentence's subject.
        if sentence == self.last_sentence and self.last_role == "subject":
            role = "subject"
        self.names += not reference
        self.references += reference
        self.subjects += role == "subject"
        self.last_token, self.last_sentence, self.last_role = token.i, sentence, role


@dataclass(frozen=True)
class Resolution:
    """What one referring word was resolved to: clusters above threshold, best first, each
    with its probability; empty when unresolved, and why."""

    anaphor: Anaphor
    ranked: tuple[tuple[int, float], ...]
    reason: str


# Given an anaphor and its candidates (cluster, features), the clusters it refers to, best first.
Decide = Callable[[Anaphor, list[tuple[int, dict[str, float]]]], list[tuple[int, float]]]


def candidate_tokens(cols: Columns, *, heads: frozenset[str]) -> list[Token]:
    """Tokens that may be pronouns or descriptions, picked from the columns without a full pass."""
    pronouns = (cols.pos == PRON) & isin(cols.lower, cols.ids(*PRONOUN_TYPES))
    descriptions = (cols.pos == NOUN) & (
        isin(cols.lemma, cols.ids(*DESCRIPTOR_TYPES, *heads)) | isin(cols.lower, cols.ids(*heads))
    )
    return cols.tokens(pronouns | descriptions)


def resolve_references(
    cols: Columns,
    antecedents: list[Antecedent],
    *,
    model: CorefModel | None = None,
    decide: Decide | None = None,
) -> list[Resolution]:
    """Resolve every pronoun and description of a document, in document order.

    Args:
        antecedents: the named mentions, in document order.
        model: the ranking model (the shipped one by default).
        decide: overrides the model's choice (training uses the gold answer here).
    """
    model = model or load_model()
    decide = decide or model.decide
    states = entity_states(antecedents)
    heads = vocabulary(states)
    anaphors = list(find_anaphors(candidate_tokens(cols, heads=heads), heads=heads))
    nouns = NounIndex.of(cols)
    resolutions: list[Resolution] = []
    pending = iter(antecedents)
    next_name = next(pending, None)
    for anaphor in anaphors:
        while next_name is not None and next_name.span.start < anaphor.start:
            state = states[next_name.cluster]
            state.mention(
                next_name.span.root, int(cols.sentence[next_name.span.start]), reference=False
            )
            next_name = next(pending, None)
        if anaphor.first_person:
            continue  # resolved from its quotation below, once every speaker is known
        resolution = resolve_one(anaphor, states, cols, nouns, decide)
        resolutions.append(resolution)
        if resolution.ranked:
            best = states[resolution.ranked[0][0]]
            best.mention(anaphor.token, int(cols.sentence[anaphor.token.i]), reference=True)
            if anaphor.kind == "description":
                best.descriptors.add(anaphor.form)
            else:
                best.pronouns.add(anaphor.form)
                best.last_pronoun[form_group(anaphor)] = anaphor.token.i
    resolutions += speaker_resolutions(cols, anaphors, antecedents, resolutions)
    kept = [r for r in resolutions if reported(r.anaphor, resolved=bool(r.ranked))]
    return sorted(kept, key=lambda r: r.anaphor.start)


def entity_states(antecedents: list[Antecedent]) -> dict[int, EntityState]:
    states: dict[int, EntityState] = {}
    for antecedent in antecedents:
        state = states.setdefault(
            antecedent.cluster, EntityState(antecedent.cluster, antecedent.types, set())
        )
        state.heads.add(antecedent.span[-1].lower_)
        state.one_word &= len(antecedent.span) == 1
        state.words |= name_heads(antecedent.span)
        state.descriptors |= said_classes(antecedent.span)
        if "person" in antecedent.types and (gender := name_gender(antecedent.span)):
            state.genders.add(gender)
    return states


def resolve_one(
    anaphor: Anaphor,
    states: dict[int, EntityState],
    cols: Columns,
    nouns: NounIndex,
    decide: Decide,
) -> Resolution:
    if is_pleonastic(anaphor.token):
        return Resolution(anaphor, (), "expletive 'it': stands for a clause, not an entity")
    sentence = int(cols.sentence[anaphor.token.i])
    eligible = [state for state in states.values() if allowed(anaphor, state, sentence)]
    eligible.sort(key=lambda state: -state.last_token)
    most_mentions = max((state.mentions for state in states.values()), default=0)
    candidates = [
        (
            state.cluster,
            apart(
                anaphor,
                pair_features(
                    anaphor,
                    state,
                    sentence=sentence,
                    recency=recency,
                    most_mentions=most_mentions,
                    nouns=nouns,
                )
                | relative_features(anaphor, state, eligible),
            ),
        )
        for recency, state in enumerate(eligible)
    ]
    if not candidates:
        return Resolution(anaphor, (), "no agreeing entity mentioned nearby")
    if anaphor.kind == "description" and (sieve := description_sieve(anaphor, eligible)):
        return Resolution(anaphor, ((sieve[0].cluster, 1.0),), sieve[1])
    speaker = reported_speaker(anaphor, eligible)
    if speaker is not None:
        return Resolution(anaphor, ((speaker.cluster, 1.0),), "the speaker of the claim it is in")
    ranked = decide(anaphor, candidates)
    if not ranked and (sieve := salience_sieve(anaphor, eligible, sentence)) is not None:
        return Resolution(anaphor, ((sieve.cluster, 1.0),), "the subject in view, of its class")
    if not ranked:
        return Resolution(anaphor, (), "no candidate scored above the threshold")
    return Resolution(anaphor, tuple(ranked), "antecedent chosen")


def reported_speaker(anaphor: Anaphor, eligible: list[EntityState]) -> EntityState | None:
    """'Meta said it would appeal', 'Acme said that it will be willing to pay': the subject of
    a reported clause that is a pronoun is the one who reports it, when that one agrees (a
    sieve of Lee et al. 2013, whose speaker rules are among the most precise)."""
    token = anaphor.token
    if anaphor.kind != "pronoun" or token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = token.head
    while clause.dep_ in ("conj", "xcomp", "acomp") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or not has_lemma(clause.head, REPORTING_VERBS):
        return None
    speakers = {c.i for c in clause.head.children if c.dep_ == "nsubj"}
    found = [s for s in eligible if s.last_token in speakers]
    return found[0] if len(found) == 1 else None


def salience_sieve(
    anaphor: Anaphor, eligible: list[EntityState], sentence: int
) -> EntityState | None:
    """The subject a reader keeps in mind (a sieve of Lee et al. 2013: where a rule decides
    well, it decides). 'Yann LeCun is the chief scientist at Meta. He...': a person pronoun
    whose previous or own sentence has exactly one person as subject is that person, over
    names mentioned after it.

    Measured on GUM (the shipped model, its 50 documents), the same rule was right for 24 of
    36 person pronouns it decided, 12 of 52 'it'/'its' and 4 of 16 class descriptions ('the
    company' for the subject company), and on the news articles the descriptions cost 3
    wrong edges for no fact found: 'it' and descriptions are left to the model.
    """
    if anaphor.kind == "description":
        return subject_description(anaphor, eligible, sentence)
    if not (anaphor.form in MASCULINE or anaphor.form in FEMININE):
        return None
    fitting = [s for s in eligible if s.names and ("person" in s.types or s.types == {"thing"})]
    subjects = [s for s in fitting if s.last_role == "subject" and sentence - s.last_sentence <= 1]
    return subjects[0] if len(subjects) == 1 else None


def subject_description(
    anaphor: Anaphor, eligible: list[EntityState], sentence: int
) -> EntityState | None:
    """'Qualcomm plans to bring Llama 2 to phones. The chipmaker is working with Meta': a
    class description that opens its sentence as subject continues the nearest subject of
    its class in the two sentences before, when there is one such subject.

    On GUM this rule decided 2 descriptions (both wrong, against 4 of 16 right for any class
    description taking the subject in view); on the news articles it costs no precision, and
    it is the journalist's way of naming the company again."""
    described = DESCRIPTOR_TYPES.get(anaphor.form)
    if described not in ("organization", "product") or role_of(anaphor.token) != "subject":
        return None
    if anaphor.form in INSTITUTION_NOUNS or anaphor.token.i - anaphor.token.sent.start > 4:
        return None
    for back in (1, 2):
        subjects = [
            s
            for s in eligible
            if s.names
            and (described in s.types or s.types == {"thing"})
            and s.last_role == "subject"
            and sentence - s.last_sentence == back
        ]
        if subjects:
            return subjects[0] if len(subjects) == 1 else None
    return None


def relative_features(
    anaphor: Anaphor, state: EntityState, eligible: list[EntityState]
) -> dict[str, float]:
    """How a candidate stands among the others: a lone candidate, the most mentioned one, the
    latest subject (the entity a reader keeps in mind)."""
    subjects = [s for s in eligible if s.last_role == "subject"]
    group = form_group(anaphor)
    chained = max(eligible, key=lambda s: s.last_pronoun.get(group, -1))
    return {
        # 'he ... he': the entity the last pronoun of the same form was resolved to
        f"{group}:chain": float(chained is state and group in state.last_pronoun),
        "gender_match": float(
            bool(state.genders)
            and not gender_clashes(anaphor.form, state)
            and anaphor.form in GENDERED
        ),
        "gender_clash": float(bool(state.pronouns & GENDERED.get(anaphor.form, set()))),
        "only_candidate": float(len(eligible) == 1),
        "most_mentioned_candidate": float(state.mentions == max(s.mentions for s in eligible)),
        "latest_subject": float(bool(subjects) and subjects[0] is state),
        "candidates": min(len(eligible), 5) / 5,
    }


def allowed(anaphor: Anaphor, state: EntityState, sentence: int) -> bool:
    """The hard constraints: seen before, near enough, agreeing, not bound."""
    if state.last_token < 0 or state.last_token >= anaphor.start:
        return False
    fit = evidence(anaphor, state) if anaphor.kind == "description" else None
    if anaphor.kind == "description" and fit is None:
        return False
    head_match = fit in ("name", "said")  # the description's own words: any distance, type
    window = PRONOUN_WINDOW if anaphor.kind == "pronoun" else DESCRIPTION_WINDOW
    if sentence - state.last_sentence > window and not head_match:
        return False
    if anaphor.kind == "pronoun" and gender_clashes(anaphor.form, state):
        return False
    person_to_untyped = state.types == {"thing"} and "person" in anaphor.types
    if not (state.types & anaphor.types) and not person_to_untyped and not head_match:
        return False
    return not binds(anaphor.token, state, sentence)


def gender_clashes(pronoun: str, state: EntityState) -> bool:
    """'she' cannot be a man's name, nor 'he' a woman's, when all its names agree on it."""
    if len(state.genders) != 1:
        return False
    gender = next(iter(state.genders))
    return (pronoun in MASCULINE and gender == "female") or (
        pronoun in FEMININE and gender == "male"
    )


def binds(token: Token, state: EntityState, sentence: int) -> bool:
    """An object cannot be the subject of its own verb ('Meta praised it', 'the chipmaker
    agreed to buy the company'), and a reflexive must be ('Meta praised itself')."""
    if state.last_sentence != sentence:
        return False
    antecedent = token.doc[state.last_token]
    if token.lower_ in REFLEXIVES:
        verb = token.head if token.dep_ in ("dobj", "dative") else token.head.head
        return not (antecedent.head == verb and antecedent.dep_ in ("nsubj", "nsubjpass"))
    if token.dep_ not in ("dobj", "pobj", "dative"):
        return False
    verb = token.head if token.dep_ != "pobj" else token.head.head
    verbs = {verb.i}
    while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        verb = verb.head  # 'agreed to buy it': the subject of 'agreed' is that of 'buy'
        verbs.add(verb.i)
    return antecedent.dep_ in ("nsubj", "nsubjpass") and antecedent.head.i in verbs


def speaker_resolutions(
    cols: Columns,
    anaphors: list[Anaphor],
    antecedents: list[Antecedent],
    resolved: list[Resolution],
) -> list[Resolution]:
    """'"We will appeal," Meta said': a first-person pronoun in a quotation is its speaker
    ('we' an organization or group, 'I' a person)."""
    first = [a for a in anaphors if a.first_person]
    if not first:
        return []
    quotes = np.flatnonzero(isin(cols.lower, cols.ids(*QUOTES))).tolist()
    named = {t.i: a for a in antecedents for t in a.span}
    referred = {r.anaphor.token.i: r.ranked[0][0] for r in resolved if r.ranked}
    types = {a.cluster: a.types for a in antecedents}
    out = []
    for anaphor in first:
        at = bisect_left(quotes, anaphor.start)
        if at % 2 == 0 or at >= len(quotes):
            out.append(Resolution(anaphor, (), "first person outside a quotation: the writer"))
            continue
        speaker = quotation_speaker(cols, quotes[at - 1], quotes[at], named, referred)
        plural = anaphor.form in SPEAKER_PLURAL
        wanted = {"organization", "group"} if plural else {"person"}
        if speaker is None or not (types.get(speaker, frozenset()) & wanted):
            out.append(Resolution(anaphor, (), "the quotation's speaker is not a named entity"))
            continue
        out.append(Resolution(anaphor, ((speaker, 1.0),), "speaker of the quotation"))
    return out


def quotation_speaker(
    cols: Columns, opening: int, closing: int, named: dict, referred: dict[int, int]
) -> int | None:
    """The cluster of whoever says the quotation between two quote marks: the subject of a
    reporting verb outside it, in the sentence where it ends or begins."""
    sentences = {int(cols.sentence[opening]), int(cols.sentence[closing])}
    for index in sorted(sentences):
        for token in cols.sentence_span(index):
            if opening <= token.i <= closing or token.lemma_ not in REPORTING_VERBS:
                continue
            for subject in (c for c in token.children if c.dep_ == "nsubj"):
                if subject.i in named:
                    return named[subject.i].cluster
                if subject.i in referred:
                    return referred[subject.i]
    return None
