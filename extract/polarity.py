"""Whether a candidate relation is asserted: negation, modality and attribution of the clause
that states it, and of the verb that governs a noun ('Nvidia abandoned its acquisition of Arm':
the acquisition did not happen; issue 14, bullet 5)."""

from __future__ import annotations

from spacy.tokens import Token

from extract.candidate import children, dependents, has_lemma
from extract.clauses import is_infinitive, names_for, subjects_of
from extract.lexicon import (
    ABILITY_NOUNS,
    ADJECTIVE_MODALITY,
    CANCELLING_VERBS,
    CLAIM_NOUNS,
    CLAIM_VERBS,
    COLLAPSING_VERBS,
    DENYING_VERBS,
    DIRECTIVE_VERBS,
    HEDGE_ADVERBS,
    HEDGE_MODALS,
    INTENT_NOUNS,
    INTENT_VERBS,
    NEGATING_ADJECTIVES,
    NEGATING_NOUNS,
    NEGATING_VERBS,
    PERMIT_VERBS,
    PREVENTING_VERBS,
    REPORTING_VERBS,
)
from extract.verb_words import particles, verb_lemma

NEGATORS = frozenset({"never", "neither", "nor"})
# Prepositions whose gerund is a means of the main clause: it shares the clause's modality
# ('By licensing X, Meta could...': the licensing is as hypothetical as the earning).
MEANS_PREPOSITIONS = frozenset({"by", "through", "via"})
Frame = dict  # negated, modality, speaker: the keyword arguments of a Candidate


# Modalities that only say whose word a statement is: a hedge or intention outranks them.
REPORT_MODALITIES = frozenset({"reported", "claimed"})


def frame_of(verb: Token) -> Frame:
    """The polarity of the clause headed by `verb`."""
    speaker = speaker_of(verb)
    modality = modality_of(verb)
    if modality is None and speaker is not None:
        modality = report_modality(verb)
    return {"negated": is_negated(verb), "modality": modality, "speaker": speaker}


def report_modality(verb: Token) -> str:
    """'Acme claims that Zeta violates...' -> claimed; 'Acme said that...' -> reported: a
    statement in someone's words is not the text's own (the scorer and the page read the
    modality, not only the speaker)."""
    clause = verb
    while (governor := clause_governor(clause)) is not None:
        clause = governor
    if claim_noun(clause) is not None:
        return "claimed"  # 'Paris's claims that...'
    if clause.dep_ == "ccomp" and has_lemma(clause.head, CLAIM_VERBS):
        return "claimed"
    return "reported"


def noun_frame(noun: Token) -> Frame:
    """The polarity a noun's event takes from the verb that governs it: 'abandoned its
    acquisition', 'the merger was blocked', 'the deal collapsed', 'may announce a merger'."""
    governor = governing_verb(noun)
    if governor is None:
        return {"negated": noun_negated(noun), "modality": None, "speaker": None}
    modality = modality_of(governor)
    if modality is None and has_lemma(governor, INTENT_VERBS):
        modality = "intended"  # 'Meta proposed a merger with X'
    speaker = speaker_of(governor)
    if modality is None and speaker is not None:
        modality = report_modality(governor)
    return {"negated": noun_negated(noun), "modality": modality, "speaker": speaker}


def governing_verb(noun: Token) -> Token | None:
    if noun.dep_ in ("dobj", "nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    return None


def noun_negated(noun: Token) -> bool:
    """'no plans', 'its failure', 'called off the deal', 'the merger was blocked', 'the bid
    collapsed', 'did not announce a deal'."""
    if any(c.lower_ == "no" or c.dep_ == "neg" for c in noun.lefts):
        return True
    if has_lemma(noun, NEGATING_NOUNS):
        return True
    governor = governing_verb(noun)
    if governor is None:
        return False
    phrase = verb_phrase(governor)
    if noun.dep_ in ("dobj", "nsubjpass") and phrase in CANCELLING_VERBS:
        return True
    if noun.dep_ == "nsubj" and phrase in COLLAPSING_VERBS:
        return True
    return noun.dep_ == "dobj" and is_negated(governor)


def is_negated(verb: Token) -> bool:
    """'did not release', 'never released', 'pleaded not guilty', 'declined to comment',
    'denied that it had hacked X', 'without consulting X', 'has no plans to buy X'; negation on
    a governing verb carries over to its infinitive complement."""
    if any(dep == "neg" or c.lower_ in NEGATORS or is_no_longer(c) for c, dep in dependents(verb)):
        return True
    if any(dep in ("acomp", "oprd") and children(c, "neg") for c, dep in dependents(verb)):
        return True
    head = verb.head
    if claim_noun(verb) is not None:
        return noun_negated(head)  # 'rejected claims that it had paid X'
    if verb.dep_ == "conj" and shares_auxiliary(verb):
        return is_negated(head)  # 'did not buy or sell Zeta'
    if verb.dep_ == "xcomp" and head.dep_ == "acomp":
        return head.lemma_.lower() in NEGATING_ADJECTIVES or is_negated(head.head)
    if verb.dep_ == "xcomp":
        # 'has yet to approve': not yet done
        not_yet = head.lemma_ in ("have", "be") and any(c.lower_ == "yet" for c in head.children)
        return not_yet or has_lemma(head, NEGATING_VERBS) or is_negated(head)
    if verb.dep_ == "ccomp":
        return has_lemma(head, DENYING_VERBS)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        return head.lower_ == "without" or (
            head.lower_ == "from" and has_lemma(head.head, PREVENTING_VERBS)
        )
    if verb.dep_ == "acl" and is_infinitive(verb):
        return noun_negated(head)
    if verb.dep_ == "advcl" and is_infinitive(verb):
        # 'called off the deal to sell X': the parser hangs the deal's infinitive on the verb.
        return verb_phrase(head) in CANCELLING_VERBS and bool(children(head, "dobj"))
    return False


def claim_noun(clause: Token) -> Token | None:
    """The noun whose content the clause is: 'claims that it had paid X', 'reports that Meta
    will buy X' (a relative clause, 'the claims that it made', has no 'that' mark)."""
    head = clause.head
    if (
        clause.dep_ not in ("acl", "ccomp")
        or head.pos_ != "NOUN"
        or not has_lemma(head, CLAIM_NOUNS)
    ):
        return None
    return head if any(c.dep_ == "mark" for c in clause.children) else None


def shares_auxiliary(verb: Token) -> bool:
    """'did not buy or sell', 'may buy and sell': a coordinated bare verb with no subject of
    its own takes the auxiliaries, and so the negation, of the verb it is coordinated with."""
    head = verb.head
    if head.pos_ not in ("VERB", "AUX") or children(verb, "nsubj", "nsubjpass", "aux"):
        return False
    coordinator = [c.lower_ for c in head.children if c.dep_ == "cc"]
    return verb.tag_ == "VB" or any(c in ("or", "nor") for c in coordinator)


def is_no_longer(token: Token) -> bool:
    """'no longer wants': 'longer' with its 'no'."""
    return token.lower_ == "longer" and any(c.lower_ == "no" for c in token.children)


def is_condition(word: Token, dep: str, verb: Token) -> bool:
    """'if', 'unless' or 'whether' opening the verb's clause; 'UNLESS of course, he paid' is
    parsed with a preposition's label."""
    if word.lower_ not in ("if", "unless", "whether"):
        return False
    return dep == "mark" or (dep == "prep" and word.pos_ == "SCONJ" and word.i < verb.i)


def modality_of(verb: Token) -> str | None:
    """'could release' -> possible; 'plans to release', 'its plan to release', 'partnered with X
    to release' -> intended; 'if Meta released' -> hypothetical; 'Did Meta release?' ->
    question. An infinitive or means gerund shares its governor's modality."""
    # 'unless he returned and cooperated': a condition holds for the verbs it coordinates
    heads = (verb, verb.head) if verb.dep_ == "conj" else (verb,)
    if any(is_condition(c, dep, head) for head in heads for c, dep in dependents(head)):
        return "hypothetical"
    if is_question(verb):
        return "question"
    if any(dep == "aux" and c.lower_ in HEDGE_MODALS for c, dep in dependents(verb)):
        return "possible"
    for adverb in children(verb, "advmod"):
        if adverb.lower_ in HEDGE_ADVERBS:
            return HEDGE_ADVERBS[adverb.lower_]  # 'allegedly bribed', 'will probably buy'
    if claim_noun(verb) is not None:
        return "claimed"  # 'reports that Meta will buy X'
    head = verb.head
    if verb.dep_ == "xcomp" and head.dep_ == "acomp":
        # 'will be willing to contribute', 'is likely to buy', 'is unable to pay'
        return modality_of(head.head) or ADJECTIVE_MODALITY.get(head.lemma_.lower())
    if verb.dep_ == "xcomp" or (verb.dep_ == "ccomp" and is_infinitive(verb)):
        # 'plans to release', 'urged Meta to sell', 'allows Meta to sell', 'wants X to stop'
        return modality_of(head) or complement_modality(head)
    if verb.dep_ == "advcl" and is_infinitive(verb):
        return "intended"
    if verb.dep_ == "acl" and is_infinitive(verb):
        return noun_modality(head)
    if verb.dep_ == "pcomp" and head.lower_ in MEANS_PREPOSITIONS and head.dep_ == "prep":
        return modality_of(head.head)
    if verb.dep_ == "conj" and not children(verb, "nsubj", "nsubjpass", "aux"):
        return modality_of(head) if head.pos_ in ("VERB", "AUX") else None
    return None


def complement_modality(verb: Token) -> str | None:
    if has_lemma(verb, INTENT_VERBS) or has_lemma(verb, DIRECTIVE_VERBS):
        return "intended"
    if has_lemma(verb, PERMIT_VERBS):
        return "possible"
    return None


def noun_modality(noun: Token) -> str | None:
    if has_lemma(noun, INTENT_NOUNS):
        return "intended"
    if has_lemma(noun, ABILITY_NOUNS):
        return "possible"
    governor = governing_verb(noun)
    return modality_of(governor) if governor is not None else None


def speaker_of(verb: Token) -> Token | None:
    """The subject of the reporting verb whose claim this clause is: 'OpenAI believes that X',
    'Meta said it plans to buy X', 'Acme denied that it had hacked X'."""
    clause = verb
    while (governor := clause_governor(clause)) is not None:
        clause = governor
    noun = claim_noun(clause)
    if noun is not None:
        # 'Paris's claims that...', 'Meta confirmed reports that...'
        owners = children(noun, "poss")
        reporter = governing_verb(noun)
        if not owners and reporter is not None and has_lemma(reporter, REPORTING_VERBS):
            owners = subjects_of(reporter)
        return owners[0] if owners else None
    if clause.dep_ == "ccomp" and has_lemma(clause.head, REPORTING_VERBS | DENYING_VERBS):
        speakers = subjects_of(clause.head)
        # 'The security firm Secunia said that...': the speaker is the apposed name.
        return (names_for(speakers[0]) or speakers)[0] if speakers else None
    return None


def clause_governor(clause: Token) -> Token | None:
    """The predicate a clause without a tense of its own belongs to: coordinated and infinitive
    verbs, adjectives, gerunds after a preposition, and a noun's infinitive ('it had no plans
    to sell X' belongs to 'had')."""
    head = clause.head
    if head == clause:
        return None
    if clause.dep_ in ("conj", "xcomp", "acomp"):
        return head
    if clause.dep_ == "advcl" and not children(clause, "nsubj", "nsubjpass", "mark"):
        return head
    if clause.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    if clause.dep_ == "acl" and is_infinitive(clause):
        return governing_verb(head)
    return None


def is_question(token: Token) -> bool:
    """Whether the sentence ends with a question mark, which attaches to the sentence root
    (found by walking up: cheaper than building the sentence span)."""
    root = token
    while root.head.i != root.i:
        root = root.head
    return any(c.text == "?" for c in root.rights)


def verb_phrase(verb: Token) -> str:
    """The lemma of a verb with its particle: 'gave up' -> 'give up'."""
    return " ".join([verb_lemma(verb), *(p.lower_ for p in particles(verb))])
