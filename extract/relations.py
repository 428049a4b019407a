"""Dependency rules that read candidate relations from a parsed sentence: verbs, copulas and
appositions here, relations carried by nouns in `extract.nominal`.

Each rule is one small function over a predicate token. A rule yields `Candidate`s that still
point at tokens; `extract.extractor` turns their argument tokens into entities. The
confidences are the rules' priors: how often a rule's output is right, so that sorting by
confidence puts the surest triples first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.symbols import AUX, VERB
from spacy.tokens import Span, Token

from extract.candidate import Candidate, children, expand
from extract.clauses import is_headline_verb, is_passive, resolve_relative, subjects_of
from extract.columns import Columns, isin
from extract.lexicon import (
    CANCELLING_VERBS,
    CLAIM_VERBS,
    DESCRIPTOR_TYPES,
    LIGHT_VERBS,
    NOMINALIZATIONS,
    TITLE_WORDS,
)
from extract.nominal import nominal_candidates
from extract.polarity import frame_of, noun_frame, verb_phrase

__all__ = ["Candidate", "document_candidates", "sentence_candidates", "subjects_of"]
# NER labels of things with names of their own (not dates, amounts or numbers).
NAMED_LABELS = frozenset(
    {"ORG", "PERSON", "PRODUCT", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "LAW"}
)
COPULAS = frozenset({"be", "remain", "become"})
COMPLEMENT_DEPS = frozenset({"dobj", "prep", "xcomp", "ccomp", "attr", "acomp", "oprd", "dative"})


def document_candidates(cols: Columns) -> Iterator[Candidate]:
    """Every candidate relation of a parsed document, in token order."""
    mask = (cols.pos == VERB) | (cols.pos == AUX) | isin(cols.dep, cols.ids("appos"))
    mask |= isin(cols.dep, cols.ids("ROOT")) & isin(cols.tag, cols.ids("NNS"))
    mask |= isin(cols.lemma, cols.ids(*NOMINALIZATIONS)) | isin(cols.dep, cols.ids("poss"))
    mask |= isin(cols.lower, cols.ids(*TITLE_WORDS)) & isin(cols.dep, cols.ids("compound", "amod"))
    for token in cols.tokens(mask):
        yield from token_candidates(token)


def sentence_candidates(sent: Span) -> Iterator[Candidate]:
    """Every candidate relation of one sentence, in token order."""
    for token in sent:
        yield from token_candidates(token)


def token_candidates(token: Token) -> Iterator[Candidate]:
    if token.dep_ == "appos":
        yield from apposition_candidates(token)
    for candidate in nominal_candidates(token):
        if candidate.rule == "nominalization":
            # 'abandoned its acquisition of Arm': the noun's event takes the verb's polarity.
            candidate = replace(candidate, **noun_frame(candidate.relation_tokens[0]))
        yield candidate
    if is_predicate(token):
        yield from predicate_candidates(token)


def is_predicate(token: Token) -> bool:
    """A verb, a copula with a complement, or a headline noun that is really a verb."""
    if token.pos_ == "VERB":
        return True
    if token.pos_ == "AUX":
        return token.dep_ not in ("aux", "auxpass") and any(
            c.dep_ in ("attr", "acomp") for c in token.children
        )
    return is_headline_verb(token)


def predicate_candidates(verb: Token) -> Iterator[Candidate]:
    """Apply the verb rules to one predicate and expand coordinated arguments."""
    subjects = expand(subjects_of(verb))
    if not subjects:
        return
    frame = frame_of(verb)
    rules = (
        svo,
        passive,
        copula,
        adjective_preposition,
        adjective_complement,
        verb_preposition,
        as_role,
        reported_subject,
    )
    for rule in rules:
        for role, obj, predicate, relation_tokens, name in rule(verb):
            objects = [resolve_relative(o, verb) for o in expand([obj])]
            if role == "subject":
                pairs = [(s, o) for s in subjects for o in objects]
            elif role == "object":
                pairs = [(o, s) for s in subjects for o in objects]
            else:
                pairs = [(s, o) for s in expand([role]) for o in objects]
            for subject, object_ in pairs:
                yield Candidate(subject, object_, predicate, relation_tokens, name, **frame)


# A verb rule yields (who is the subject, object token, predicate, relation tokens, rule name):
# "subject" when the sentence subject is the triple's subject, "object" when the passive
# makes it the triple's object, or the subject token itself ('made Llama available on X').
RuleOutput = Iterator[tuple[str | Token, Token, str, tuple[Token, ...], str]]


def svo(verb: Token) -> RuleOutput:
    """'Meta released Llama 2' -> (Meta, release, Llama 2); 'Meta built and released Llama 2'
    -> also (Meta, build, Llama 2)."""
    for obj in children(verb, "dobj") or shared_objects(verb):
        yield "subject", obj, verb_phrase(verb), relation_span(verb), "svo"


def shared_objects(verb: Token) -> list[Token]:
    """The object of 'released' in 'built and released Llama 2': a verb with no complement of
    its own, directly followed by 'and'/'or' and a verb that has one and no subject."""
    if any(c.dep_ in COMPLEMENT_DEPS for c in verb.children):
        return []
    doc = verb.doc
    for partner in children(verb, "conj"):
        between = doc[verb.i + 1 : partner.i]
        if (
            partner.pos_ == "VERB"
            and [t.dep_ for t in between] in (["cc"], ["punct", "cc"])
            and not children(partner, "nsubj", "nsubjpass")
        ):
            return children(partner, "dobj")
    return []


def passive(verb: Token) -> RuleOutput:
    """'Llama 2 was released by Meta' -> (Meta, release, Llama 2)."""
    if not is_passive(verb):
        return
    for agent in children(verb, "agent"):
        for actor in children(agent, "pobj"):
            yield "object", actor, verb_phrase(verb), (verb, agent), "passive"


def copula(verb: Token) -> RuleOutput:
    """'Llama 2 is a large language model' -> (Llama 2, be, large language model), and
    'Yann LeCun is the chief scientist at Meta' -> (Yann LeCun, chief scientist at, Meta)."""
    if verb.lemma_ not in COPULAS:
        return
    for attr in children(verb, "attr"):
        roles = list(role_objects(attr))
        yield from (("subject", obj, predicate, (attr,), "role") for obj, predicate in roles)
        if not roles or not children(attr, "prep"):
            yield "subject", attr, verb.lemma_, (verb,), "copula"


def adjective_preposition(verb: Token) -> RuleOutput:
    """'Llama 2 is available on AWS' -> (Llama 2, be available on, AWS)."""
    for adjective in children(verb, "acomp"):
        for prep in children(adjective, "prep"):
            for obj in children(prep, "pobj"):
                predicate = f"{verb.lemma_} {adjective.lemma_.lower()} {prep.lower_}"
                yield "subject", obj, predicate, (verb, adjective, prep), "adjective_preposition"


def adjective_complement(verb: Token) -> RuleOutput:
    """'Meta made Llama 2 available on Azure' -> (Llama 2, be available on, Azure): the
    adjective's own subject, or the verb's object, is what the adjective says something of."""
    for adjective in children(verb, "ccomp", "xcomp", "oprd"):
        if adjective.pos_ != "ADJ" or is_passive(verb):
            continue
        themes = children(adjective, "nsubj") or children(verb, "dobj")
        for prep in children(adjective, "prep"):
            for obj in children(prep, "pobj"):
                predicate = f"be {adjective.lemma_.lower()} {prep.lower_}"
                for theme in themes:
                    yield theme, obj, predicate, (adjective, prep), "adjective_preposition"


def verb_preposition(verb: Token) -> RuleOutput:
    """'Meta partners with Microsoft' -> (Meta, partner with, Microsoft). A verb with a direct
    object keeps only prepositions that name someone: 'licenses its designs to Apple'; a light
    verb keeps its noun: 'filed a lawsuit against Apple' -> (_, file lawsuit against, Apple)."""
    has_object = any(c.dep_ in ("dobj", "attr", "acomp") for c in verb.children)
    is_pass = is_passive(verb)
    state = next((c for c in children(verb, "oprd") if c.pos_ == "ADJ"), None)
    for prep in children(verb, "prep", "dative"):
        for obj in children(prep, "pobj"):
            if has_object and obj.ent_type_ not in NAMED_LABELS:
                continue
            if is_pass and state is not None:
                # 'Llama 2 has been made available on Azure'
                predicate = f"be {state.lemma_.lower()} {prep.lower_}"
                yield "subject", obj, predicate, (state, prep), "adjective_preposition"
            elif is_pass:
                predicate = f"be {verb.lower_} {prep.lower_}"
                yield "subject", obj, predicate, (verb, prep), "passive_preposition"
            else:
                yield "subject", obj, *light_relation(verb, prep), "verb_preposition"
    yield from light_verb_noun(verb)


def light_relation(verb: Token, prep: Token) -> tuple[str, tuple[Token, ...]]:
    """'signed a deal with X' -> 'sign deal with'; 'partnered with X' -> 'partner with'."""
    noun = light_noun(verb)
    words = [verb_phrase(verb), *([noun.lower_] if noun is not None else []), prep.lower_]
    tokens = (*relation_span(verb), *([noun] if noun is not None else []), prep)
    return " ".join(words), tokens


def light_noun(verb: Token) -> Token | None:
    """The noun that carries the meaning of a light verb ('sign a deal', 'file a lawsuit'):
    'licensed its designs to Apple' stays 'license to'."""
    return object_noun(verb) if verb.lemma_.lower() in LIGHT_VERBS else None


def object_noun(verb: Token) -> Token | None:
    """The verb's common-noun object ('took a stake', 'cut jobs'), not a description of
    someone ('sued the maker of X')."""
    for obj in children(verb, "dobj"):
        if obj.pos_ == "NOUN" and not obj.ent_type_ and obj.lemma_.lower() not in DESCRIPTOR_TYPES:
            return obj
    return None


def light_verb_noun(verb: Token) -> RuleOutput:
    """'took a stake in Arm', 'held talks with Arm': the preposition hangs on the noun."""
    noun = object_noun(verb)
    if noun is None or is_passive(verb) or verb_phrase(verb) in CANCELLING_VERBS:
        return  # 'abandoned its acquisition of Arm' is read as a negated acquisition
    for prep in children(noun, "prep"):
        for obj in children(prep, "pobj"):
            if obj.ent_type_ in NAMED_LABELS or (obj.pos_ == "PROPN" and not obj.ent_type_):
                predicate = f"{verb_phrase(verb)} {noun.lower_} {prep.lower_}"
                tokens = (*relation_span(verb), noun, prep)
                yield "subject", obj, predicate, tokens, "light_verb"


def as_role(verb: Token) -> RuleOutput:
    """'GM named Mary Barra as its new chief executive' -> (Mary Barra, new chief executive
    of, GM); 'Jane Doe was appointed as chief scientist of Meta' -> (Jane Doe, ...)."""
    holders = "subject" if is_passive(verb) else None
    people = [o for o in children(verb, "dobj") if o.pos_ == "PROPN" or o.ent_type_ == "PERSON"]
    for prep in children(verb, "prep"):
        if prep.lower_ != "as":
            continue
        for role in children(prep, "pobj"):
            if not is_role_noun(role):
                continue
            owners = children(role, "poss") + [o for o, _ in role_objects(role)]
            predicate = role_words(role)
            for owner in owners:
                for person in [holders] if holders else people:
                    yield person, owner, predicate, (role,), "role"


def reported_subject(verb: Token) -> RuleOutput:
    """'Paris claimed that the Church imprisoned her' -> (Paris, claim about, Church): a
    statement by one entity about another (the claim itself is read, attributed, at its verb)."""
    if verb.lemma_ not in CLAIM_VERBS:
        return  # 'GM said that Smith...' is rarely a relation between GM and Smith
    for clause in children(verb, "ccomp"):
        for subject in children(clause, "nsubj", "nsubjpass"):
            if subject.pos_ in ("PROPN", "PRON") or subject.ent_type_ in NAMED_LABELS:
                yield "subject", subject, f"{verb_phrase(verb)} about", (verb,), "report"


def is_role_noun(noun: Token) -> bool:
    return noun.lower_ in TITLE_WORDS or DESCRIPTOR_TYPES.get(noun.lemma_.lower()) == "person"


def role_words(noun: Token) -> str:
    """'its new chief executive (of)' -> 'new chief executive of'."""
    modifiers = [t for t in noun.lefts if t.dep_ in ("amod", "compound")]
    words = [t.lower_ if t.pos_ != "PROPN" else t.text for t in (*modifiers, noun)]
    return " ".join([*words, "of"])


def apposition_candidates(appos: Token) -> Iterator[Candidate]:
    """'Satya Nadella, the chief executive of Microsoft' -> (Satya Nadella, chief executive of,
    Microsoft); 'Llama 2, a language model' -> (Llama 2, be, language model)."""
    name, description = appos.head, appos
    if description.pos_ == "PROPN" and name.pos_ == "NOUN":
        name, description = description, name
    if name.pos_ != "PROPN" or description.pos_ != "NOUN":
        return
    roles = list(role_objects(description))
    for obj, predicate in roles:
        yield Candidate(name, obj, predicate, (description,), "role")
    if not roles or not children(description, "prep"):
        # 'GM, America's largest carmaker' is also a carmaker; 'Satya Nadella, the chief
        # executive of Microsoft' says only the role.
        yield Candidate(name, description, "be", (description,), "apposition")


def role_objects(noun: Token) -> Iterator[tuple[Token, str]]:
    """'chief executive of Microsoft' -> (Microsoft, 'chief executive of'): a role noun whose
    preposition names an organization; 'its main rival', 'Meta's chief scientist' -> the
    possessor ('Firefox, its main rival' -> Firefox is the main rival of what 'its' is)."""
    for owner in children(noun, "poss"):
        if owner.pos_ in ("PROPN", "PRON") or owner.ent_type_:
            yield owner, role_words(noun)
    for prep in children(noun, "prep"):
        if prep.lower_ not in ("of", "at", "for", "with"):
            continue
        for obj in children(prep, "pobj"):
            if obj.ent_type_ in ("ORG", "GPE", "PERSON", "NORP") or obj.pos_ == "PROPN":
                modifiers = [t for t in noun.lefts if t.dep_ in ("amod", "compound")]
                words = [t.lower_ if t.pos_ != "PROPN" else t.text for t in (*modifiers, noun)]
                yield obj, " ".join([*words, prep.lower_])


def relation_span(verb: Token) -> tuple[Token, ...]:
    return (verb, *(c for c in verb.children if c.dep_ == "prt"))
