"""Rules over what a verb takes beyond its subject and direct object: prepositional objects,
light verbs ('file a lawsuit against'), adjective complements ('made X available on Y'), rivals
and claims about someone. Roles given with 'as' and role nouns are in extract.roles.

Each rule yields (who is the subject, object token, predicate, relation tokens, rule name) for
`extract.relations.predicate_candidates`, which adds the subjects and the clause's polarity.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extract.candidate import children, dependents, has_lemma
from extract.clauses import NAMED_LABELS, UNNAMED_LABELS, is_named, is_passive, names_for
from extract.lexicon import (
    CANCELLING_VERBS,
    CLAIM_VERBS,
    COMMUNICATION_NOUNS,
    DESCRIPTOR_TYPES,
    EVENT_NOUNS,
    IRREGULAR_PARTICIPLES,
    LIGHT_VERBS,
    REPORTING_VERBS,
    RIVAL_WORDS,
)
from extract.polarity import verb_phrase
from extract.posts import is_post
from extract.verb_words import is_relating, particles, set_phrases

# Prepositions of time and place: their concept objects are circumstances, not partners.
CIRCUMSTANCE_PREPOSITIONS = frozenset(
    "in on at during after before since until near within across throughout".split()
)
# A verb rule yields (who is the subject, object token, predicate, relation tokens, rule name):
# "subject" when the sentence subject is the triple's subject, "object" when the passive
# makes it the triple's object, or the subject token itself ('made Llama available on X').
RuleOutput = Iterator[tuple[str | Token, Token, str, tuple[Token, ...], str]]


def prepositional_objects(prep: Token, *, names_only: bool) -> list[Token]:
    """A preposition's objects and the names they stand for; only names when `names_only`."""
    found = []
    for obj in children(prep, "pobj"):
        if is_named(obj) or not names_only:
            found.append(obj)
        found += stand_ins(obj)
    return found


def stand_ins(noun: Token) -> list[Token]:
    """The names a common-noun argument stands for: 'its European division, Opel' -> Opel;
    an event's owner, 'complied with the Church's requests' -> the Church."""
    found = names_for(noun)
    if noun.lemma_.lower() in EVENT_NOUNS:
        found += [o for o in children(noun, "poss") if is_named(o) or o.pos_ == "PRON"]
    return found


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


# Parts of speech of a 'prep' that cannot be one: the parser's slips on names.
MISPARSED_PREPOSITIONS = frozenset({"PROPN", "PRON"})


def verb_preposition(verb: Token) -> RuleOutput:
    """'Meta partners with Microsoft' -> (Meta, partner with, Microsoft). A verb with a direct
    object keeps only prepositions that name someone: 'licenses its designs to Apple'; a light
    verb keeps its noun: 'filed a lawsuit against Apple' -> (_, file lawsuit against, Apple)."""
    has_object = any(
        dep in ("dobj", "attr", "acomp") for c, dep in dependents(verb) if c.tag_ != "WP"
    )
    is_pass = is_passive(verb)
    state = next((c for c in children(verb, "oprd") if c.pos_ == "ADJ"), None)
    for prep in children(verb, "prep", "dative"):
        if prep.pos_ in MISPARSED_PREPOSITIONS or not is_relating(prep):
            continue  # 'ranging from US President Barack Obama': a name parsed as a preposition
        for obj in prepositional_objects(prep, names_only=has_object):
            if is_post(obj):
                continue  # 'served as Governor of Zorbia': a post, which `as_role` reads
            if is_pass and state is not None:
                # 'Llama 2 has been made available on Azure'
                predicate = f"be {state.lemma_.lower()} {prep.lower_}"
                yield "subject", obj, predicate, (state, prep), "adjective_preposition"
            elif is_pass:  # 'was put through to X'
                predicate = " ".join(["be", *(t.lower_ for t in relation_span(verb)), prep.lower_])
                yield "subject", obj, predicate, (verb, prep), "passive_preposition"
            else:
                yield "subject", obj, *light_relation(verb, prep), "verb_preposition"
    yield from light_verb_noun(verb)
    yield from passive_light_verb(verb)


def light_relation(verb: Token, prep: Token) -> tuple[str, tuple[Token, ...]]:
    """'signed a deal with X' -> 'sign deal with'; 'partnered with X' -> 'partner with'."""
    noun = light_noun(verb)
    phrase = [noun] if noun is not None else set_phrases(verb, prep)  # 'get in touch with'
    words = [verb_phrase(verb), *(t.lower_ for t in phrase), prep.lower_]
    return " ".join(words), (*relation_span(verb), *phrase, prep)


def light_noun(verb: Token) -> Token | None:
    """The noun that carries the meaning of a light verb ('sign a deal', 'file a lawsuit'):
    'licensed its designs to Apple' stays 'license to'."""
    return object_noun(verb) if has_lemma(verb, LIGHT_VERBS) else None


def object_noun(verb: Token) -> Token | None:
    """The verb's common-noun object ('took a stake', 'cut jobs'), not a description of
    someone ('sued the maker of X')."""
    for obj in children(verb, "dobj"):
        if obj.pos_ == "NOUN" and not obj.ent_type_ and obj.lemma_.lower() not in DESCRIPTOR_TYPES:
            return obj
    return None


def passive_light_verb(verb: Token) -> RuleOutput:
    """'The lawsuit was filed by Epic against Apple' -> (Epic, file lawsuit against, Apple)."""
    if not is_passive(verb) or not has_lemma(verb, LIGHT_VERBS):
        return
    nouns = [n for n in children(verb, "nsubjpass") if n.pos_ == "NOUN" and not n.ent_type_]
    agents = [a for agent in children(verb, "agent") for a in children(agent, "pobj")]
    for noun in nouns:
        for prep in children(verb, "prep") + children(noun, "prep"):
            predicate = f"{verb_phrase(verb)} {noun.lower_} {prep.lower_}"
            for obj in prepositional_objects(prep, names_only=True):
                for agent in agents:
                    yield agent, obj, predicate, (verb, noun, prep), "light_verb"


def light_verb_noun(verb: Token) -> RuleOutput:
    """'took a stake in Arm', 'held talks with Arm': the preposition hangs on the noun."""
    noun = object_noun(verb)
    if noun is None or is_passive(verb) or verb_phrase(verb) in CANCELLING_VERBS:
        return  # 'abandoned its acquisition of Arm' is read as a negated acquisition
    for prep in filter(is_relating, children(noun, "prep")):
        predicate = f"{verb_phrase(verb)} {noun.lower_} {prep.lower_}"
        tokens = (*relation_span(verb), noun, prep)
        # 'underwent trial for manslaughter': a light verb's noun makes a relation with any
        # object but a circumstance ('announced the release in a post'); other verbs' nouns
        # only with names ('cut jobs at Opel').
        concepts = light_noun(verb) is not None and prep.lower_ not in CIRCUMSTANCE_PREPOSITIONS
        for obj in prepositional_objects(prep, names_only=not concepts):
            if obj.ent_type_ not in UNNAMED_LABELS:  # 'announced its move on Wednesday'
                yield "subject", obj, predicate, tokens, "light_verb"


def object_preposition(verb: Token) -> RuleOutput:
    """'GM sold Opel to Magna' -> also (Opel, be sold to, Magna); 'moved her to the UK',
    'renamed the Five Hundred to the Taurus': where the named object ends up."""
    if is_passive(verb):
        return
    themes = [o for o in children(verb, "dobj") if is_named(o) or o.pos_ == "PRON"]
    for prep in children(verb, "prep", "dative"):
        if prep.lower_ not in ("to", "into") or not themes:
            continue
        predicate = f"be {participle(verb)} {prep.lower_}"
        for obj in prepositional_objects(prep, names_only=True):
            for theme in themes:
                yield theme, obj, predicate, (verb, prep), "object_preposition"


def participle(verb: Token) -> str:
    """'sold', 'moved', 'will rename' -> 'renamed': the past participle, close enough."""
    if verb.tag_ in ("VBD", "VBN"):
        return verb.lower_
    lemma = verb.lemma_.lower()
    if lemma in IRREGULAR_PARTICIPLES:
        return IRREGULAR_PARTICIPLES[lemma]
    return lemma + ("d" if lemma.endswith("e") else "ed")


def rival_objects(verb: Token) -> RuleOutput:
    """'licensed X from rival Microsoft', 'sued its rival Zeta' -> (subject, rival of, name)."""
    objects = children(verb, "dobj") + [
        o for p in children(verb, "prep") for o in children(p, "pobj")
    ]
    for obj in objects:
        rivals = [
            m
            for m in obj.lefts
            if m.dep_ in ("amod", "compound") and m.lemma_.lower() in RIVAL_WORDS
        ]
        if rivals and is_named(obj):
            yield "subject", obj, "rival of", (rivals[0],), "role"


def reported_subject(verb: Token) -> RuleOutput:
    """'Paris claimed that the Church imprisoned her' -> (Paris, claim about, Church), 'Secunia
    said that Zeta has flaws' -> (Secunia, say about, Zeta): a statement by one entity about
    another, which readers count as a fact (the claim itself is read, attributed, at its verb)."""
    if not has_lemma(verb, CLAIM_VERBS | REPORTING_VERBS):
        return
    for clause in children(verb, "ccomp"):
        for subject in children(clause, "nsubj", "nsubjpass"):
            # "GM's behaviour towards Germany is unacceptable": about GM, the act's owner
            for about in (subject, *stand_ins(subject)):
                if about.pos_ in ("PROPN", "PRON") or about.ent_type_ in NAMED_LABELS:
                    yield "subject", about, f"{verb_phrase(verb)} about", (verb,), "report"


def statement_recipients(verb: Token) -> RuleOutput:
    """'said in a statement to The New York Times', 'In a statement to the BBC, the company
    denied...' -> (subject, say in statement to, The New York Times)."""
    for prep in children(verb, "prep"):
        if prep.lower_ not in ("in", "during", "through"):
            continue
        for noun in children(prep, "pobj"):
            if noun.lemma_.lower() not in COMMUNICATION_NOUNS:
                continue
            for to in children(noun, "prep"):
                if to.lower_ in ("to", "with"):
                    predicate = f"{verb_phrase(verb)} in {noun.lemma_.lower()} {to.lower_}"
                    for obj in prepositional_objects(to, names_only=True):
                        yield "subject", obj, predicate, (verb, noun, to), "light_verb"


def relation_span(verb: Token) -> tuple[Token, ...]:
    return (verb, *particles(verb))
