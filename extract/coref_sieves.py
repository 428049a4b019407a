"""The rules of the coreference resolver that decide where they are precise (the sieves of
Lee et al. 2013): the speaker of a reported claim, the subject of a possessive's own clause,
the subject in view, the speaker of a quotation for "I" and "we" (and, for "he" or "it"
inside a quotation, whom it cannot be), and the speaker of the quotation before for the "he"
who says the next one."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import numpy as np
from spacy.symbols import SPACE
from spacy.tokens import Token

from extract.anaphora import (
    FEMININE,
    MASCULINE,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    SPEAKER_PLURAL,
    Anaphor,
)
from extract.candidate import has_lemma
from extract.columns import Columns, isin
from extract.coref_features import governing_verbs, role_of
from extract.coref_state import Antecedent, EntityState, Resolution
from extract.lexicon import (
    CLAIM_NOUNS,
    CORPORATE_TITLES,
    DENYING_VERBS,
    DESCRIPTOR_TYPES,
    INSTITUTION_NOUNS,
    QUOTING_VERBS,
    REPORTING_VERBS,
    REPRESENTATIVE_NOUNS,
)
from extract.spans import DOUBLE_QUOTES


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


def speaker_resolutions(
    quotations: Quotations, anaphors: list[Anaphor], resolved: list[Resolution]
) -> list[Resolution]:
    """'"We will appeal," Meta said': a first-person pronoun in a quotation is its speaker
    ('we' an organization or group, 'I' a person)."""
    first = [a for a in anaphors if a.first_person]
    if not first:
        return []
    referred = {r.anaphor.token.i: r.ranked[0][0] for r in resolved if r.ranked}
    types = {a.cluster: a.types for a in quotations.named.values()}
    out = []
    for anaphor in first:
        if not quotations.quoted(anaphor.start):
            out.append(Resolution(anaphor, (), "first person outside a quotation: the writer"))
            continue
        speaker = quotations.speaker(anaphor.start, referred)
        plural = anaphor.form in SPEAKER_PLURAL
        wanted = {"organization", "group"} if plural else {"person"}
        if speaker is not None and plural and "person" in types.get(speaker, frozenset()):
            # '"We are pleased," said Jo Roe, the company's chief executive': her company
            employer = speakers_employer(quotations, anaphor.start, speaker, referred, types)
            if employer is not None:
                out.append(Resolution(anaphor, ((employer, 1.0),), "the speaker's organization"))
                continue
        if speaker is None or not (types.get(speaker, frozenset()) & wanted):
            out.append(Resolution(anaphor, (), "the quotation's speaker is not a named entity"))
            continue
        out.append(Resolution(anaphor, ((speaker, 1.0),), "speaker of the quotation"))
    return out


def speakers_employer(
    quotations: Quotations,
    position: int,
    speaker: int,
    referred: dict[int, int],
    types: dict[int, frozenset[str]],
) -> int | None:
    """The organization a quotation's speaker is named as working for, where the quotation
    ends or begins: 'Acme CEO Jo Roe', 'Jo Roe, Acme's chief executive', 'Jo Roe, the
    company's chief executive', 'Jo Roe, its co-founder' (the last two as resolved); `types`
    the types of each cluster."""
    cols, named = quotations.cols, quotations.named
    opening, closing = quotations.around(position) or (position, position)
    sentences = {int(cols.sentence[opening]), int(cols.sentence[closing])}
    roots = {
        antecedent.span.root
        for antecedent in named.values()
        if antecedent.cluster == speaker and int(cols.sentence[antecedent.span.start]) in sentences
    }
    found = set()
    for root in roots:
        owners = [o for o in root.subtree if is_post_owner(o, root)]
        posts = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        owners += [c for post in posts for c in post.children if c.dep_ == "poss"]
        for owner in owners:
            cluster = named[owner.i].cluster if owner.i in named else referred.get(owner.i)
            if cluster is not None and "organization" in types.get(cluster, frozenset()):
                found.add(cluster)
    return found.pop() if len(found) == 1 else None


def quotation_marks(cols: Columns) -> list[int]:
    """The positions of the document's quotation marks, opening and closing in turn, paired
    within each paragraph: a mark the paragraph leaves open ('comet Wild (also known as
    "Wild 2) in deep space') is closed at the paragraph's end, so that it does not turn
    every quotation after it inside out (on GUM, 'Markus Landgraf has estimated ... He
    estimated' took Landgraf for the speaker of a quotation 'He' was in)."""
    marks = np.flatnonzero(isin(cols.lower, cols.ids(*DOUBLE_QUOTES))).tolist()
    doc = cols.doc
    breaks = [int(i) for i in np.flatnonzero(cols.pos == SPACE) if "\n" in doc[int(i)].text]
    breaks.append(len(doc))
    paired: list[int] = []
    at = 0
    for end in breaks:
        paragraph = []
        while at < len(marks) and marks[at] < end:
            paragraph.append(marks[at])
            at += 1
        if len(paragraph) % 2:
            paragraph.append(end - 1)
        paired += paragraph
    return paired


def quotation_speaker(
    cols: Columns, opening: int, closing: int, named: dict, referred: dict[int, int]
) -> int | None:
    """The cluster of whoever says the quotation between two quote marks: the subject of a
    reporting verb outside it, in the sentence where it ends or begins."""
    sentences = {int(cols.sentence[opening]), int(cols.sentence[closing])}
    for index in sorted(sentences):
        for token in cols.sentence_span(index):
            if opening <= token.i <= closing or token.lemma_ not in QUOTING_VERBS:
                continue
            for subject in (c for c in token.children if c.dep_ == "nsubj"):
                if subject.i in named:
                    return named[subject.i].cluster
                if subject.i in referred:
                    return referred[subject.i]
                if (beside := apposed_speaker(subject, named)) is not None:
                    return beside
    return None


def apposed_speaker(subject: Token, named: dict) -> int | None:
    """'said the general secretary of the union Unite, Tony Woodley': the name set beside a
    common noun subject, wherever the parse hangs it in the subject's phrase."""
    if subject.pos_ != "NOUN":
        return None
    found = {
        named[t.i].cluster
        for t in subject.subtree
        if t.dep_ == "appos" and t.i in named and "person" in named[t.i].types
    }
    return found.pop() if len(found) == 1 else None


@dataclass(frozen=True)
class Quotations:
    """The document's quotation marks and named mentions, to tell who says the quotation a
    word is in."""

    cols: Columns
    quotes: list[int]
    named: dict

    @classmethod
    def of(cls, cols: Columns, antecedents: list[Antecedent]) -> Quotations:
        return cls(cols, quotation_marks(cols), {t.i: a for a in antecedents for t in a.span})

    def around(self, position: int) -> tuple[int, int] | None:
        """The opening and closing marks of the quotation a token is in, None outside one."""
        at = bisect_left(self.quotes, position)
        if at % 2 == 0 or at >= len(self.quotes):
            return None
        return self.quotes[at - 1], self.quotes[at]

    def quoted(self, position: int) -> bool:
        return self.around(position) is not None

    def speaker(self, position: int, referred: dict[int, int]) -> int | None:
        """The cluster of whoever says the quotation around a token, None outside one or when
        its speaker is no entity: '"We will keep it until he leaves," Stan said': 'he' is not
        Stan, who would say 'I'."""
        if (marks := self.around(position)) is None:
            return None
        return quotation_speaker(self.cols, *marks, self.named, referred)

    def last_two(self, position: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """The last two quotations that end before a token outside any, the later first."""
        at = bisect_left(self.quotes, position)
        if at % 2 or at < 4:
            return None
        return (self.quotes[at - 2], self.quotes[at - 1]), (
            self.quotes[at - 4],
            self.quotes[at - 3],
        )


def previous_speaker(
    anaphor: Anaphor,
    eligible: list[EntityState],
    quotations: Quotations,
    referred: dict[int, int],
) -> EntityState | None:
    """'"It is the best decision," said Tony Woodley. "I am delighted," he told the BBC': a
    'he' or 'she' who says a quotation right after another goes on as its speaker, when no
    other person is named since. On the news articles it found 1 more fact at the same
    precision; on GUM it changed no link."""
    token = anaphor.token
    if anaphor.form not in PERSON_PRONOUNS or token.dep_ != "nsubj":
        return None
    if token.head.lemma_ not in QUOTING_VERBS or (last := quotations.last_two(token.i)) is None:
        return None
    (opening, closing), (before_opening, before_closing) = last
    cols = quotations.cols
    if token.i - closing > 3 or cols.sentence[opening] - cols.sentence[before_closing] > 1:
        return None  # '"...," he said': the verb's own quotation ends right before it
    speaker = quotation_speaker(cols, before_opening, before_closing, quotations.named, referred)
    persons = [s for s in eligible if "person" in s.types and s.last_token > before_closing]
    if speaker is None or [s.cluster for s in persons] != [speaker]:
        return None
    return persons[0]
