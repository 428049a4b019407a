"""The rules of the coreference resolver that decide where they are precise (the sieves of
Lee et al. 2013): the speaker of a reported claim, whom a spokesman speaks for, the subject
of a possessive's own clause, the subject in view, the story's own company for a class
description. Who says a quotation is in `extract.coref_quotations`."""

from __future__ import annotations

from spacy.tokens import Token

from extract.anaphora import (
    FEMININE,
    MASCULINE,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    Anaphor,
)
from extract.candidate import has_lemma
from extract.coref_features import governing_verbs, role_of
from extract.coref_state import Antecedent, EntityState
from extract.lexicon import (
    CLAIM_NOUNS,
    CORPORATE_TITLES,
    DENYING_VERBS,
    DESCRIPTOR_TYPES,
    INSTITUTION_NOUNS,
    REPORTING_VERBS,
    REPRESENTATIVE_NOUNS,
)


def reported_speaker(anaphor: Anaphor, eligible: list[EntityState]) -> EntityState | None:
    """'Meta said it would appeal', 'Acme denied that it paid', 'Acme rejected claims that it
    paid', 'Acme said its chief would resign', 'Acme said the company would': the subject of
    a reported (or denied) clause that is a pronoun or a description, or the possessive on
    that subject, is the one who reports it, when that one agrees (a sieve of Lee et al.
    2013, whose speaker rules are among the most precise)."""
    verb = reporting_verb(anaphor.token)
    if verb is None:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(represented(s, anaphor) for s in subjects):
        return None  # 'His lawyer, Jo Roe, said he would appeal': see `client`
    # 'His father, Jo Roe, said he...': the name set beside a common noun subject speaks
    named = [a for s in subjects if s.pos_ == "NOUN" for a in s.children if a.dep_ == "appos"]
    speakers = {t.i for t in (*subjects, *named)}
    # 'Acme CEO Jo Roe said it would': the company whose post the speaker is named with (not
    # for 'they': 'Acme spokesperson Jo Roe said they apply to letters' were documents)
    if anaphor.form not in PLURAL_PRONOUNS:
        speakers |= {o.i for t in subjects for o in t.subtree if is_post_owner(o, t)}
    # 'Devocht, who had told Montalvo he would help': a relative's speaker is its noun
    if verb.dep_ == "relcl" and any(verb.doc[i].tag_ in ("WP", "WDT") for i in speakers):
        speakers.add(verb.head.i)
    found = [s for s in eligible if s.last_token in speakers]
    return found[0] if len(found) == 1 else None


def reporting_verb(token: Token) -> Token | None:
    """The verb that reports (or denies) the clause a word is the subject of, or the
    possessive on the subject of: 'said' of 'Meta said it would', 'rejected' of 'Acme
    rejected claims that its chief paid'."""
    subject = token.head if token.dep_ == "poss" else token
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = subject.head
    while clause.dep_ in ("conj", "xcomp", "acomp") and clause.head.i != clause.i:
        clause = clause.head
    verb = clause.head
    # 'Acme rejected claims that it had paid': the claim's noun is said of its verb's subject
    if clause.dep_ in ("acl", "ccomp") and verb.lemma_ in CLAIM_NOUNS and verb.dep_ == "dobj":
        return verb.head
    if clause.dep_ != "ccomp" or not has_lemma(verb, REPORTING_VERBS | DENYING_VERBS):
        return None
    return verb


def represented(subject: Token, anaphor: Anaphor) -> Token | None:
    """The possessive of the same gender as a 'he' or 'she' on a speaker who speaks for
    someone: 'His' of 'His lawyer said he'. (A relative speaks for himself: 'His father Jo
    Roe said he was taking his family'.)"""
    same = FEMININE if anaphor.form in FEMININE else MASCULINE
    if anaphor.form not in same or subject.lemma_.lower() not in REPRESENTATIVE_NOUNS:
        return None
    return next((c for c in subject.children if c.dep_ == "poss" and c.lower_ in same), None)


def client(
    anaphor: Anaphor, eligible: list[EntityState], referred: dict[int, int]
) -> EntityState | None:
    """'John Smith was arrested. His lawyer, Tom Brown, said he would appeal': a 'he' in what
    someone's lawyer or spokesman reports is the one the possessive refers to, not the
    speaker (see `representatives`)."""
    verb = reporting_verb(anaphor.token)
    if verb is None or anaphor.kind != "pronoun":
        return None
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        possessive = represented(subject, anaphor)
        if possessive is not None and possessive.i in referred:
            return next((s for s in eligible if s.cluster == referred[possessive.i]), None)
    return None


def representatives(anaphor: Anaphor) -> set[int]:
    """The words of the speakers a 'he' or 'she' cannot be, since they speak for the one it
    is: 'Her spokesman, Jo Roe, said she would travel' (the noun and the name beside it)."""
    verb = reporting_verb(anaphor.token)
    if verb is None or anaphor.kind != "pronoun":
        return set()
    speakers = [c for c in verb.children if c.dep_ == "nsubj" and represented(c, anaphor)]
    return {w.i for s in speakers for w in (s, *s.children) if w.dep_ in ("nsubj", "appos")}


def is_post_owner(word: Token, name: Token) -> bool:
    """Whether a word is the organization of a post before a name: 'Acme' of 'Acme CEO Jo
    Roe'."""
    post = word.head
    return (
        word.dep_ == "compound"
        and (word.pos_ == "PROPN" or word.ent_type_ == "ORG")
        and post.dep_ == "compound"
        and post.head.i == name.i
        and post.lower_ in CORPORATE_TITLES
    )


def coordinated_possessor(anaphor: Anaphor, eligible: list[EntityState]) -> EntityState | None:
    """'Ronald Reagan and his campaign', 'Jacob and his Sons', 'Acme and its suppliers': a
    possessive on a noun coordinated with a name is that name's, when it agrees."""
    token = anaphor.token
    if anaphor.kind != "pronoun" or token.dep_ != "poss" or token.head.dep_ != "conj":
        return None
    first = token.head.head
    return next((s for s in eligible if s.last_token == first.i and s.names), None)


def clause_subject(
    anaphor: Anaphor, eligible: list[EntityState], sentence: int
) -> EntityState | None:
    """'Acme tweeted support via its account', 'While Acme is holding its exhibit': a
    possessive pronoun (or an 'it' subject of an adverbial clause: 'Acme recovered, with it
    climbing') is the subject of its own clause, when one named entity that agrees is that
    subject: the name itself, not a word of a longer subject ('the Acme gallery') nor
    one of two ('Acme and Zeta ... their'). On GUM out of fold it decided 28 pronouns, 25 of
    them right."""
    token = anaphor.token
    if anaphor.kind != "pronoun":
        return None
    if token.dep_ == "poss":
        verbs = governing_verbs(token)
    elif (outer := subordinate_of(token)) is not None:
        verbs = {outer}
    else:
        return None
    found = [
        s
        for s in eligible
        if s.last_sentence == sentence
        and s.names
        and s.subject_of & verbs
        and whole_subject(token.doc[s.last_token])
        and not within(token, token.doc[s.last_token])
    ]
    return found[0] if len(found) == 1 else None


# Dependents that set a phrase before its clause: 'During a media event, Apple released'.
FRONTED_DEPS = frozenset({"prep", "advcl", "npadvmod"})


def fronted_subject(
    anaphor: Anaphor, eligible: list[EntityState], named: dict[int, Antecedent]
) -> EntityState | None:
    """'During a media event held at its Cupertino headquarters, Apple released the SDK':
    a possessive in a phrase set before its clause is the subject that follows the phrase,
    when a name in view is that subject (a reader holds the 'its' until the name comes)."""
    token = anaphor.token
    if anaphor.kind != "pronoun" or token.dep_ != "poss":
        return None
    word = token
    while word.head.i != word.i:
        verb = word.head
        if verb.pos_ in ("VERB", "AUX") and word.dep_ in FRONTED_DEPS and word.i < verb.i:
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or subject.left_edge.i <= word.right_edge.i:
                return None
            if (name := named.get(subject.i)) is None:
                return None
            return next((s for s in eligible if s.cluster == name.cluster), None)
        word = verb
    return None


def subordinate_of(token: Token) -> int | None:
    """'Acme recovered, with it climbing again', 'Acme sold it before it bought a rival': the
    verb whose clause an 'it' subject's adverbial clause hangs from ('they' so decided lost
    precision on GUM, 'he' is left to the subject in view)."""
    if token.dep_ not in ("nsubj", "nsubjpass") or token.lower_ != "it":
        return None
    verb = token.head
    if verb.dep_ == "advcl":
        return verb.head.i
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        return verb.head.head.i
    return None


def name_head(word: Token) -> Token:
    """The last word of the name a word is in, which the name's phrase hangs from: 'Zeta' of
    'Acme Zeta', whichever of them the mention's token is."""
    while word.dep_ in ("compound", "flat") and word.head.pos_ == "PROPN":
        word = word.head
    return word


def within(token: Token, name: Token) -> bool:
    """Whether a word is inside the phrase a name heads: 'its' of 'Zeta, its main rival, grew'
    is said of another."""
    name = name_head(name)
    return name.left_edge.i <= token.i <= name.right_edge.i


def whole_subject(word: Token) -> bool:
    """Whether a name's word heads a subject alone: 'Acme' of 'Acme Corp. said', not of 'the
    Acme gallery said' nor 'Acme and Zeta said'."""
    word = name_head(word)
    if word.dep_ == "appos":
        word = word.head
    coordinated = word.dep_ == "conj" or any(c.dep_ == "conj" for c in word.children)
    return word.dep_ in ("nsubj", "nsubjpass") and not coordinated


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
    if anaphor.form not in PERSON_PRONOUNS:
        return None
    fitting = [s for s in eligible if s.names and ("person" in s.types or s.types == {"thing"})]
    subjects = [s for s in fitting if s.last_role == "subject" and sentence - s.last_sentence <= 1]
    return subjects[0] if len(subjects) == 1 else None


def subject_description(
    anaphor: Anaphor, eligible: list[EntityState], sentence: int
) -> EntityState | None:
    """'Qualcomm plans to bring Llama 2 to phones. The chipmaker is working with Meta': a
    class description that opens its sentence as subject continues the nearest subject of
    its class in the two sentences before, when there is one such subject; with no subject of
    its class there, the story's own one (`story_subject`).

    On GUM this rule decided 2 descriptions (both wrong, against 4 of 16 right for any class
    description taking the subject in view); on the news articles it costs no precision, and
    it is the journalist's way of naming the company again."""
    described = DESCRIPTOR_TYPES.get(anaphor.form)
    if described not in ("organization", "product") or role_of(anaphor.token) != "subject":
        return None
    if anaphor.form in INSTITUTION_NOUNS or anaphor.token.i - anaphor.token.sent.start > 4:
        return None
    doc = anaphor.token.doc
    for back in (1, 2):
        subjects = [
            s
            for s in eligible
            if s.names
            and (described in s.types or s.types == {"thing"})
            and (s.last_role == "subject" or joined_subject(doc[s.last_token]))
            and sentence - s.last_sentence == back
        ]
        if subjects:
            return subjects[0] if len(subjects) == 1 else None
    return story_subject(described, eligible)


def reporting_it(
    anaphor: Anaphor, eligible: list[EntityState], sentence: int
) -> EntityState | None:
    """'Ford recalled 500,000 trucks. It said the vehicles had a faulty belt': an 'it' that
    says, announces or reports is the one organization that was a subject in its sentence or
    the one before (what else says things is a person, and 'it' is none)."""
    token = anaphor.token
    if anaphor.form != "it" or token.dep_ != "nsubj" or token.head.i < token.i:
        return None
    if not has_lemma(token.head, REPORTING_VERBS):
        return None
    subjects = [
        s
        for s in eligible
        if "organization" in s.types
        and (s.last_role == "subject" or joined_subject(token.doc[s.last_token]))
        and sentence - s.last_sentence <= 1
    ]
    return subjects[0] if len(subjects) == 1 else None


def joined_subject(word: Token) -> bool:
    """Whether a name is joined to a subject by 'and': 'Boeing and Airbus are competing' has
    two subjects, and 'the airline' after it is neither's by that."""
    return word.dep_ == "conj" and role_of(word.head) == "subject"


# The names so far the story's own company must have, and how many times those of any other
# of its class in view, for 'the company' opening a sentence to mean it with no subject near.
STORY_NAMES = 3
STORY_LEAD = 2


def story_subject(described: str, eligible: list[EntityState]) -> EntityState | None:
    """'Apple released the SDK ... Among the applications were EA's Spore. The company also
    announced': the entity of its class the story has named far more often than any other.
    On the news articles it found 2 more facts at the same precision ('The index fell to its
    lowest level' of the Dow Jones); on GUM it changed no link."""
    fitting = sorted(
        (s for s in eligible if s.names and described in s.types),
        key=lambda s: -s.names,
    )
    if not fitting or fitting[0].names < STORY_NAMES:
        return None
    if len(fitting) > 1 and fitting[0].names < STORY_LEAD * fitting[1].names:
        return None
    return fitting[0]
