"""Rules for what the parse misplaces or leaves out (issue 14): a preposition that belongs to
the verb but hangs deep inside its object; the organization a person leaves, unsaid in an
article about one company.

Each rule yields (who is the subject, object token, predicate, relation tokens, rule name) for
`extract.relations.predicate_candidates`, like the rules of `extract.complements`.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.candidate import children, has_lemma
from extract.clauses import is_named, is_passive, subjects_of
from extract.complements import (
    RuleOutput,
    object_noun,
    prepositional_objects,
    relation_span,
)
from extract.lexicon import COMPETING_VERBS, FINDING_VERBS, FOUNDING_VERBS
from extract.polarity import is_negated, verb_phrase
from extract.verb_words import is_relating

# Verbs of putting something somewhere: where it ends up is what the sentence says ('puts
# its military in a state of war', 'placed the army on high alert').
PLACING_VERBS = frozenset({"put", "place", "keep"})
PLACES = frozenset({"in", "on", "into", "under"})

# Nouns of a person's death: whom an act 'over the death of X' concerns.
DEATH_NOUNS = frozenset({"death", "murder", "killing"})

# Verbs of leaving a post that need not name it: 'Akerson will step down in January'.
LEAVING_VERBS = frozenset({"stand down", "step down", "resign", "retire", "step aside"})
PERSON_PRONOUNS = frozenset({"he", "she"})

# Prepositions that relate a verb's act to a party rather than say where or when it was:
# 'requested assistance for the search from Airbus' is a request from Airbus.
PARTY_PREPOSITIONS = frozenset({"from", "against", "with"})


def according_to(verb: Token) -> RuleOutput:
    """'According to Acme, sales of Zeta rose' -> (Acme, say about, sales of Zeta): the
    source an 'according to' phrase names says what the clause says of its subject."""
    if is_negated(verb):
        return  # 'According to Acme, Zeta did not pay': Acme still said so
    for according in children(verb, "prep"):
        if according.lower_ != "according":
            continue
        for to in children(according, "prep"):
            for source in children(to, "pobj") if to.lower_ == "to" else []:
                if not is_named(source):
                    continue  # 'according to reports'
                for subject in subjects_of(verb):
                    if subject.pos_ in ("NOUN", "PROPN", "PRON"):
                        yield source, subject, "say about", (according,), "report"


def reported_finding(verb: Token) -> RuleOutput:
    """'The Bankers Association reported that late payments rose' -> (Bankers Association,
    report about, late payments): a finding an entity publishes is about the clause's
    subject even when that is a common noun (a mere 'said that sales grew' is not; see
    `extract.complements.reported_subject` for named subjects)."""
    if not has_lemma(verb, FINDING_VERBS) or not is_named(next(iter(subjects_of(verb)), verb)):
        return
    for clause in children(verb, "ccomp"):
        for subject in children(clause, "nsubj", "nsubjpass"):
            if subject.pos_ == "NOUN":
                yield "subject", subject, f"{verb_phrase(verb)} about", (verb,), "report"


def rival_owners(verb: Token) -> RuleOutput:
    """'competes with rivals like Bolt's Z9 and Zeta's Q1' -> (_, compete with, Bolt), (_,
    compete with, Zeta): competing with a company's product is competing with the company."""
    if not has_lemma(verb, COMPETING_VERBS):
        return
    for prep in children(verb, "prep"):
        if prep.lower_ not in ("with", "against"):
            continue
        for obj in children(prep, "pobj"):
            for owner in (t for t in obj.subtree if is_named(t) and children(t, "case")):
                yield (
                    "subject",
                    owner,
                    f"{verb_phrase(verb)} {prep.lower_}",
                    (verb, prep),
                    "verb_preposition",
                )


def co_founders(verb: Token) -> RuleOutput:
    """'Acme was started by Jo Roe and Ann Lee' -> (Jo Roe, co-found with, Ann Lee): people
    who found an organization together are each other's co-founders."""
    if not has_lemma(verb, FOUNDING_VERBS):
        return
    if is_passive(verb):
        founded = children(verb, "nsubjpass")
        founders = [p for a in children(verb, "agent") for p in children(a, "pobj")]
    else:
        founded, founders = children(verb, "dobj"), children(verb, "nsubj")
    if not any(t.ent_type_ == "ORG" for t in founded):
        return  # 'Jo and Ann started a campaign': no organization founded
    for first in founders:
        people = [t for t in (first, *first.conjuncts) if t.ent_type_ == "PERSON"]
        if first.ent_type_ == "PERSON" and len(people) > 1:
            yield first, people[1], "co-found with", (verb,), "verb_preposition"


def distant_preposition(verb: Token) -> RuleOutput:
    """'requested assistance for the search from Airbus' -> (_, request assistance from,
    Airbus): the parser hangs 'from Airbus' on 'search', two nouns below the verb."""
    noun = object_noun(verb)
    if noun is None or is_passive(verb):
        return
    for prep in distant_prepositions(noun):
        predicate = f"{verb_phrase(verb)} {noun.lower_} {prep.lower_}"
        tokens = (*relation_span(verb), noun, prep)
        for obj in prepositional_objects(prep, names_only=True):
            yield "subject", obj, predicate, tokens, "light_verb"


def distant_prepositions(noun: Token) -> list[Token]:
    """The party prepositions one phrase below an object noun: on the noun of its own
    preposition ('assistance for the search [from Airbus]') or on its participle ('a video
    featuring Cruise [from YouTube]')."""
    middles = [m for p in children(noun, "prep") for m in children(p, "pobj")]
    middles = [m for m in middles if m.pos_ == "NOUN" and not is_named(m)]
    middles += [a for a in children(noun, "acl") if a.tag_ in ("VBG", "VBN")]
    preps = [p for m in middles for p in children(m, "prep") if p.lower_ in PARTY_PREPOSITIONS]
    return [p for p in preps if is_relating(p)]  # not 'letters ranging from X to Y'.


def unnamed_post(verb: Token) -> RuleOutput:
    """'Akerson plans to stand down on January 15' -> (Akerson, leave, _): a person leaving a
    post that is not named leaves the organization the article is about, which
    `extract.variants` finds (or drops the candidate when no organization stands out). The
    relation is 'leave' whatever the verb: 'stand down', 'resign', 'retire' say the same."""
    phrase = verb_phrase(verb)
    if phrase not in LEAVING_VERBS or children(verb, "dobj"):
        return
    if any(p.lower_ in ("from", "as") for p in children(verb, "prep")):
        return  # the post is named: the verb rules read it
    subjects = [s for s in subjects_of(verb) if is_person(s)]
    if subjects:
        # The object stands in for the organization until extract.variants puts it there.
        yield "subject", subjects[0], "leave", relation_span(verb), "post_unowned"


def is_person(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or token.lower_ in PERSON_PRONOUNS


def placement(verb: Token) -> RuleOutput:
    """'North Korea puts its military in a state of war' -> (North Korea, put military in,
    state of war): after a verb of placing, the place is part of the fact even when it is no
    name (other verbs with an object keep only named prepositional objects)."""
    nouns = [o for o in children(verb, "dobj") if o.pos_ in ("NOUN", "PROPN", "PRON")]
    if not nouns or is_passive(verb) or verb.lemma_.lower() not in PLACING_VERBS:
        return
    noun = nouns[0]
    for prep in children(verb, "prep"):
        if prep.lower_ not in PLACES:
            continue
        words = [verb_phrase(verb), *([noun.lower_] if noun.pos_ == "NOUN" else []), prep.lower_]
        tokens = (*relation_span(verb), noun, prep)
        # 'in quasi-state of war' split at its hyphen: the last object is the head.
        for obj in [o for o in children(prep, "pobj") if o.text.isalpha()][-1:]:
            if obj.pos_ == "NOUN" and not obj.ent_type_:
                yield "subject", obj, " ".join(words), tokens, "light_verb"


def death_of(verb: Token) -> RuleOutput:
    """'are undergoing trial for manslaughter by gross negligence for the death of their
    child, Gloria' -> (_, undergo trial for death of, Gloria): the person whose death an act
    concerns, however deep the parser hangs 'the death of' among the verb's adjuncts."""
    if is_passive(verb):
        return  # 'was charged over the murder of X': the passive rules read it
    noun = object_noun(verb)
    found = [death for death in adjunct_nouns(verb) if death.lemma_.lower() in DEATH_NOUNS]
    for death in found:
        for of in children(death, "prep"):
            if of.lower_ != "of":
                continue
            words = [verb_phrase(verb), *([noun.lower_] if noun is not None else [])]
            predicate = " ".join([*words, death.head.lower_, death.lemma_.lower(), "of"])
            for obj in prepositional_objects(of, names_only=True):
                yield "subject", obj, predicate, (*relation_span(verb), death, of), "light_verb"


def adjunct_nouns(verb: Token, depth: int = 3) -> list[Token]:
    """The nouns of the verb's (and its object's) prepositions, and of theirs, `depth` deep."""
    heads = [verb, *children(verb, "dobj")]
    found: list[Token] = []
    for _ in range(depth):
        nouns = [o for h in heads for p in children(h, "prep") for o in children(p, "pobj")]
        found += nouns
        heads = nouns
    return found
