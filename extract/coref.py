"""Pronouns and definite descriptions -> the entity they refer to, within one document.

The resolver has the shape of Lee et al. (2013) for what rules decide well and of a
mention-ranking model (Clark and Manning 2015) for the rest:
1. anaphoricity: an expletive or event "it" and a description that defines its noun refer to
   nothing (`extract.anaphora`);
2. hard constraints pick the candidates: agreement of person, number and type, binding ("Meta
   praised it" cannot mean Meta), a window of sentences; a third person inside a quotation
   is not its speaker, and a name addressed ("Your Honor") is no third person;
3. a logistic regression trained on GUM's coreference (`extract.coref_model`) scores each
   candidate from its distance, its salience (references already resolved to it count as
   mentions), grammatical roles, type and head-word fit; the best one is taken if its
   probability clears the model's threshold, else the word stays unresolved;
4. "I" and "we" inside a quotation are its speaker.

Decisions run left to right, so that every resolved reference adds to its entity's salience
(and a pronoun left just under the threshold to its likeliest candidate's: `NotingDecider`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from math import log1p

from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Token

from extract.anaphora import (
    FAMILY_TYPES,
    PRONOUN_TYPES,
    REFLEXIVES,
    Anaphor,
    find_anaphors,
    is_pleonastic,
)
from extract.columns import Columns, isin
from extract.coref_features import NounIndex, form_group, own_subject, pair_features
from extract.coref_groups import (
    coordinated_groups,
    family_group,
    group_antecedent,
    group_state,
    takes_group,
)
from extract.coref_model import CorefModel, NotingDecider, load_model
from extract.coref_quotations import Quotations, previous_speaker, speaker_resolutions
from extract.coref_sieves import (
    clause_subject,
    client,
    coordinated_possessor,
    fronted_subject,
    name_head,
    reported_speaker,
    reporting_it,
    representatives,
    salience_sieve,
)
from extract.coref_state import (
    GENDERED,
    Antecedent,
    EntityState,
    Resolution,
    entity_states,
    gender_clashes,
    gender_matches,
    mentioned,
    said_no_person,
)
from extract.descriptions import apart, description_sieve, evidence, reported, vocabulary
from extract.lexicon import DESCRIPTOR_TYPES

__all__ = ["Antecedent", "EntityState", "Resolution", "resolve_references"]

# How many sentences back an entity's last mention may be for a pronoun, and for a description.
PRONOUN_WINDOW = 6
DESCRIPTION_WINDOW = 10
# An entity mentioned this often (names and resolved references) stays in view for a pronoun
# SALIENT_WINDOW sentences: a document's main person is often 'he' for pages after their name
# (on GUM, 5-fold CV: pronoun recall 0.396 -> 0.472 at precision 0.764 -> 0.768).
SALIENT_MENTIONS = 2
SALIENT_WINDOW = 40


# Given an anaphor and its candidates (cluster, features), the clusters it refers to, best first.
Decide = Callable[[Anaphor, list[tuple[int, dict[str, float]]]], list[tuple[int, float]]]


def candidate_tokens(cols: Columns, *, heads: frozenset[str]) -> list[Token]:
    """Tokens that may be pronouns or descriptions, picked from the columns without a full pass."""
    pronouns = (cols.pos == PRON) & isin(cols.lower, cols.ids(*PRONOUN_TYPES))
    descriptions = (cols.pos == NOUN) & (
        isin(cols.lemma, cols.ids(*DESCRIPTOR_TYPES, *heads)) | isin(cols.lower, cols.ids(*heads))
    )
    families = cols.pos == PROPN  # 'the Sams' (see `family_surnames`)
    return cols.tokens(pronouns | descriptions | families)


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
        decide: overrides the model's choice (training uses the gold answer here); a
            `NotingDecider` given here has its noted candidates counted as by default.
    """
    model = model or load_model()
    if decide is None:
        decide = NotingDecider(model)
    noting = decide if isinstance(decide, NotingDecider) else None
    states = entity_states(antecedents)
    heads = vocabulary(states)  # before the groups: a description never means one
    groups = coordinated_groups(antecedents)
    states |= {group.cluster: group_state(group) for group in groups}
    pending_groups = iter(sorted(groups, key=lambda group: group.span.end))
    next_group = next(pending_groups, None)
    named = {t.i for antecedent in antecedents for t in antecedent.span}
    anaphors = [
        anaphor
        for anaphor in find_anaphors(candidate_tokens(cols, heads=heads), heads=heads)
        if anaphor.token.i not in named  # a word of a name is the name's ('the Sams' band)
    ]
    nouns = NounIndex.of(cols)
    quotations = Quotations.of(cols, antecedents)
    referred: dict[int, int] = {}  # token -> the cluster it was resolved to
    resolutions: list[Resolution] = []
    pending = iter(antecedents)
    next_name = next(pending, None)
    for anaphor in anaphors:
        while next_name is not None and next_name.span.start < anaphor.start:
            # 'Your Honor' is 'you' there, not 'he'; 'Ca- is that normal?' is a word cut off
            if mentioned(next_name.span, quoted=quotations.quoted(next_name.span.start)):
                sentence = int(cols.sentence[next_name.span.start])
                states[next_name.cluster].mention(next_name.span.root, sentence, reference=False)
            next_name = next(pending, None)
        while next_group is not None and next_group.span.end <= anaphor.start:
            sentence = int(cols.sentence[next_group.root.i])
            states[next_group.cluster].mention(next_group.root, sentence, reference=False)
            next_group = next(pending_groups, None)
        if anaphor.first_person:
            continue  # resolved from its quotation below, once every speaker is known
        excluded = frozenset()
        if anaphor.kind == "pronoun":
            excluded = bound_later(anaphor.token, quotations.named)
            if (speaker := quotations.speaker(anaphor.start, referred)) is not None:
                excluded |= {speaker}
        resolution = resolve_one(
            anaphor,
            states,
            cols,
            nouns,
            decide,
            excluded=excluded,
            resolved=referred,
            quotations=quotations,
        )
        resolutions.append(resolution)
        sentence = int(cols.sentence[anaphor.token.i])
        if resolution.ranked:
            referred[anaphor.token.i] = resolution.ranked[0][0]
            states[resolution.ranked[0][0]].referred(anaphor, sentence)
        elif noting and anaphor.kind == "pronoun" and anaphor.token.i in noting.likely:
            states[noting.likely[anaphor.token.i]].mention(anaphor.token, sentence, reference=True)
    resolutions += speaker_resolutions(quotations, anaphors, resolutions)
    kept = [r for r in resolutions if reported(r.anaphor, resolved=bool(r.ranked))]
    return sorted(kept, key=lambda r: r.anaphor.start)


def resolve_one(
    anaphor: Anaphor,
    states: dict[int, EntityState],
    cols: Columns,
    nouns: NounIndex,
    decide: Decide,
    *,
    excluded: frozenset[int] = frozenset(),
    resolved: dict[int, int] | None = None,
    quotations: Quotations | None = None,
) -> Resolution:
    """One anaphor's resolution; `excluded` the clusters it cannot be: whoever says the
    quotation it is in (a third person there is someone else), a name its clause says after
    it as another ('He described Montalvo'); `resolved` the words resolved so far (token ->
    cluster) and `quotations` the document's, for who says what."""
    if is_pleonastic(anaphor.token):
        return Resolution(anaphor, (), "expletive 'it': stands for a clause, not an entity")
    if anaphor.types == FAMILY_TYPES:
        family = family_group(anaphor.token, states)
        if family is None:
            return Resolution(anaphor, (), "no group of people named with the surname before")
        return Resolution(anaphor, ((family.cluster, 1.0),), "the people named with the surname")
    if anaphor.form in REFLEXIVES and anaphor.token.dep_ == "appos":
        # 'Rick Santorum himself has said', 'the property itself': part of its noun's mention
        return Resolution(anaphor, (), "emphatic reflexive: a word of its noun's mention")
    sentence = int(cols.sentence[anaphor.token.i])
    eligible = [
        state
        for state in states.values()
        if state.cluster not in excluded and allowed(anaphor, state, sentence)
    ]
    eligible.sort(key=lambda state: -state.last_token)
    if speakers := representatives(anaphor):
        eligible = [state for state in eligible if state.last_token not in speakers]
    if not eligible:
        return Resolution(anaphor, (), "no agreeing entity mentioned nearby")
    if anaphor.kind == "description" and (sieve := description_sieve(anaphor, eligible)):
        return Resolution(anaphor, ((sieve[0].cluster, 1.0),), sieve[1])
    if (possessor := coordinated_possessor(anaphor, eligible)) is not None:
        return Resolution(anaphor, ((possessor.cluster, 1.0),), "the name its noun is joined to")
    if quotations is not None and (fronted := fronted_subject(anaphor, eligible, quotations.named)):
        return Resolution(anaphor, ((fronted.cluster, 1.0),), "the subject after its phrase")
    if (binder := reflexive_binder(anaphor, eligible, sentence)) is not None:
        return Resolution(anaphor, ((binder.cluster, 1.0),), "the subject a reflexive is bound to")
    if (group := group_antecedent(anaphor, eligible, sentence=sentence, nouns=nouns)) is not None:
        return Resolution(anaphor, ((group.cluster, 1.0),), "the names joined before it")
    if (represented := client(anaphor, eligible, resolved or {})) is not None:
        return Resolution(anaphor, ((represented.cluster, 1.0),), "the one its speaker speaks for")
    if (reporter := reporting_it(anaphor, eligible, sentence)) is not None:
        return Resolution(anaphor, ((reporter.cluster, 1.0),), "the organization that says it")
    speaker = reported_speaker(anaphor, eligible)
    if speaker is not None:
        return Resolution(anaphor, ((speaker.cluster, 1.0),), "the speaker of the claim it is in")
    if quotations is not None and (
        speaker := previous_speaker(anaphor, eligible, quotations, resolved or {})
    ):
        return Resolution(anaphor, ((speaker.cluster, 1.0),), "the speaker of the quotation before")
    # The features are worth computing only for what the rules above left to the model.
    most_mentions = max((state.mentions for state in states.values()), default=0)
    standing = Standing.among(anaphor, eligible)
    candidates = [
        (
            state.cluster,
            by_form(
                anaphor,
                pair_features(
                    anaphor,
                    state,
                    sentence=sentence,
                    recency=recency,
                    most_mentions=most_mentions,
                    nouns=nouns,
                )
                | relative_features(anaphor, state, eligible, standing=standing),
            ),
        )
        for recency, state in enumerate(eligible)
    ]
    ranked = decide(anaphor, candidates)
    # After the model, so that it still learns from these: where it declines, the rule decides.
    if not ranked and (subject := clause_subject(anaphor, eligible, sentence)) is not None:
        return Resolution(anaphor, ((subject.cluster, 1.0),), "the subject of its own clause")
    if not ranked and (sieve := salience_sieve(anaphor, eligible, sentence)) is not None:
        return Resolution(anaphor, ((sieve.cluster, 1.0),), "the subject in view, of its class")
    if not ranked:
        return Resolution(anaphor, (), "no candidate scored above the threshold")
    return Resolution(anaphor, tuple(ranked), "antecedent chosen")


@dataclass(frozen=True)
class Standing:
    """What sets candidates apart among all of them, worked out once per anaphor (per
    candidate it made ranking quadratic in the entities in view)."""

    latest_subject: EntityState | None
    chained: EntityState
    main: int
    most_mentions: int
    gender_matching: tuple[EntityState, ...]

    @classmethod
    def among(cls, anaphor: Anaphor, eligible: list[EntityState]) -> Standing:
        group = form_group(anaphor)
        return cls(
            latest_subject=next((s for s in eligible if s.last_role == "subject"), None),
            chained=max(eligible, key=lambda s: s.last_pronoun.get(group, -1)),
            main=max(s.document_names for s in eligible),
            most_mentions=max(s.mentions for s in eligible),
            gender_matching=tuple(s for s in eligible if gender_matches(anaphor.form, s)),
        )


def relative_features(
    anaphor: Anaphor,
    state: EntityState,
    eligible: list[EntityState],
    *,
    standing: Standing | None = None,
) -> dict[str, float]:
    """How a candidate stands among the others: a lone candidate, the most mentioned one, the
    latest subject (the entity a reader keeps in mind)."""
    standing = standing or Standing.among(anaphor, eligible)
    group = form_group(anaphor)
    return {
        # 'he ... he': the entity the last pronoun of the same form was resolved to
        f"{group}:chain": float(standing.chained is state and group in state.last_pronoun),
        "gender_match": float(gender_matches(anaphor.form, state)),
        # 'Isabel met Drew Cass. She...': the one candidate whose name says the pronoun's gender
        "sole_gender_match": float(
            len(standing.gender_matching) == 1 and standing.gender_matching[0] is state
        ),
        "gender_clash": float(bool(state.pronouns & GENDERED.get(anaphor.form, set()))),
        "only_candidate": float(len(eligible) == 1),
        "most_mentioned_candidate": float(state.mentions == standing.most_mentions),
        "latest_subject": float(standing.latest_subject is state),
        "candidates": min(len(eligible), 5) / 5,
        # the document's main entity among the candidates: named most often in all of it
        f"{group}:document_main": float(state.document_names == standing.main),
        "document_names": log1p(state.document_names) / 3,
    }


def by_form(anaphor: Anaphor, features: dict[str, float]) -> dict[str, float]:
    """A pronoun's features twice: as they are, shared by every form, and under its form
    group's name ('it|distance:0'), so that the model weighs them for 'it' apart where 'it'
    differs from 'he' (most of it names no entity) and alike where the data is too thin to
    tell (the augmentation of Daume 2007); a description's under names of their own."""
    if anaphor.kind != "pronoun":
        return apart(anaphor, features)
    group = form_group(anaphor)
    return features | {f"{group}|{name}": value for name, value in features.items()}


def allowed(anaphor: Anaphor, state: EntityState, sentence: int) -> bool:
    """The hard constraints: seen before, near enough (farther for an entity mentioned again),
    agreeing, not bound."""
    if state.last_token < 0 or state.last_token >= anaphor.start:
        return False
    if state.members and not takes_group(anaphor):
        return False  # 'Meta and Microsoft ... it': one entity is none of the group
    fit = evidence(anaphor, state) if anaphor.kind == "description" else None
    if anaphor.kind == "description" and fit is None:
        return False
    head_match = fit in ("name", "said", "kin")  # the description's own words: any distance, type
    window = PRONOUN_WINDOW if anaphor.kind == "pronoun" else DESCRIPTION_WINDOW
    if anaphor.kind == "pronoun" and state.mentions >= SALIENT_MENTIONS:
        window = SALIENT_WINDOW
    if sentence - state.last_sentence > window and not head_match:
        return False
    if anaphor.kind == "pronoun" and gender_clashes(anaphor.form, state):
        return False
    if anaphor.kind == "pronoun" and said_no_person(anaphor.form, state):
        return False
    person_to_untyped = state.types == {"thing"} and "person" in anaphor.types
    told = fit == "told"  # what the text or the name says it is decides over its tags
    if not (state.types & anaphor.types) and not person_to_untyped and not (head_match or told):
        return False
    return not binds(anaphor.token, state, sentence)


def reflexive_binder(
    anaphor: Anaphor, eligible: list[EntityState], sentence: int
) -> EntityState | None:
    """'Congress has proven itself ineffective': a reflexive is its own clause's subject
    (binding's principle A; `binds` has kept, of the entities in its sentence, only that one),
    when that subject is a name."""
    if anaphor.form not in REFLEXIVES:
        return None
    bound = [s for s in eligible if s.last_sentence == sentence and s.names]
    return bound[0] if len(bound) == 1 else None


def bound_later(token: Token, named: dict[int, Antecedent]) -> frozenset[int]:
    """The clusters named later in the clause a subject pronoun opens, which it cannot be:
    'He described Montalvo', 'she told them Roe had left' (binding's principle C: a name is
    never bound by a pronoun above it). A clause coordinated with the pronoun's ('He smiled
    and Montalvo laughed') is not under it, nor a relative clause set off by a comma, which
    adds a remark of its own ('He met Devocht, who had told Montalvo he would help': 'He'
    is Montalvo)."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return frozenset()
    verb = token.head
    clusters = set()
    for i in range(token.right_edge.i + 1, verb.right_edge.i + 1):
        if i not in named or named[i].cluster in clusters:
            continue
        word = token.doc[i]
        while word.i != verb.i and word.dep_ not in ("conj", "parataxis"):
            if nonrestrictive(word):
                break
            word = word.head
        if word.i == verb.i:
            clusters.add(named[i].cluster)
    return frozenset(clusters)


def nonrestrictive(word: Token) -> bool:
    """Whether a word heads a relative clause set off by a comma: 'Devocht, who had told'."""
    start = word.left_edge.i
    return word.dep_ == "relcl" and start > 0 and word.doc[start - 1].text == ","


def apposed_possessor(token: Token, name: Token) -> bool:
    """'Mozilla Firefox, its main rival': the possessive of a noun set beside a name says
    whose that noun is, someone else's (a name is not its own rival, parent or chief)."""
    noun = token.head
    return token.dep_ == "poss" and noun.dep_ == "appos" and noun.head.i == name_head(name).i


def binds(token: Token, state: EntityState, sentence: int) -> bool:
    """An object cannot be the subject of its own verb ('Meta praised it', 'the chipmaker
    agreed to buy the company'), and a reflexive must be ('Meta praised itself')."""
    if state.last_sentence != sentence:
        return False
    antecedent = token.doc[state.last_token]
    if apposed_possessor(token, antecedent):
        return True
    if token.lower_ in REFLEXIVES:
        verb = token.head if token.dep_ in ("dobj", "dative") else token.head.head
        return not (antecedent.head == verb and antecedent.dep_ in ("nsubj", "nsubjpass"))
    if token.dep_ not in ("dobj", "pobj", "dative"):
        return False
    verb = token.head if token.dep_ != "pobj" else token.head.head
    verbs = {verb.i}
    while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i and not own_subject(verb):
        verb = verb.head  # 'agreed to buy it': the subject of 'agreed' is that of 'buy'
        verbs.add(verb.i)
    return antecedent.dep_ in ("nsubj", "nsubjpass") and antecedent.head.i in verbs
