"""Rules over what a verb takes beyond its subject and direct object: prepositional objects,
light verbs ('file a lawsuit against'), adjective complements ('made X available on Y'), roles
given with 'as', and claims about someone; and the role nouns they share with appositions.

Each rule yields (who is the subject, object token, predicate, relation tokens, rule name) for
`extract.relations.predicate_candidates`, which adds the subjects and the clause's polarity.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extract.candidate import children, dependents, has_lemma
from extract.clauses import NAMED_LABELS, UNNAMED_LABELS, is_named, is_passive, names_for
from extract.lexicon import (
    APPOINTING_VERBS,
    CANCELLING_VERBS,
    CLAIM_VERBS,
    COMMUNICATION_NOUNS,
    CORPORATE_TITLES,
    DESCRIPTOR_TYPES,
    EVENT_NOUNS,
    IRREGULAR_PARTICIPLES,
    LIGHT_VERBS,
    REPORTING_VERBS,
    RIVAL_WORDS,
    ROLE_NOUNS,
    TITLE_WORDS,
)
from extract.polarity import verb_phrase
from extract.posts import has_of_phrase, is_post, is_role_object, post_owners
from extract.verb_words import is_relating, particles

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
            elif is_pass:
                predicate = f"be {verb.lower_} {prep.lower_}"
                yield "subject", obj, predicate, (verb, prep), "passive_preposition"
            else:
                yield "subject", obj, *light_relation(verb, prep), "verb_preposition"
    yield from light_verb_noun(verb)
    yield from passive_light_verb(verb)


def light_relation(verb: Token, prep: Token) -> tuple[str, tuple[Token, ...]]:
    """'signed a deal with X' -> 'sign deal with'; 'partnered with X' -> 'partner with'."""
    noun = light_noun(verb)
    words = [verb_phrase(verb), *([noun.lower_] if noun is not None else []), prep.lower_]
    tokens = (*relation_span(verb), *([noun] if noun is not None else []), prep)
    return " ".join(words), tokens


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


def as_role(verb: Token) -> RuleOutput:
    """'GM named Mary Barra as its new chief executive' -> (Mary Barra, new chief executive
    of, GM); 'Jane Doe was appointed as chief scientist of Meta' -> (Jane Doe, ...); 'Haas will
    replace Segars as the head of Arm' -> (Haas, head of, Arm): the object takes the role only
    after a verb of appointing."""
    people: list[str | Token] = ["subject"]
    appointer = None
    if not is_passive(verb) and has_lemma(verb, APPOINTING_VERBS):
        people = [o for o in children(verb, "dobj", "oprd") if is_named(o)]
        # 'GM named Barra as its chief': the one who appoints owns the post 'its' names.
        appointer = next((n for s in children(verb, "nsubj") for n in names_for(s) or [s]), None)
    for prep in children(verb, "prep"):
        if prep.lower_ != "as":
            continue
        for role in children(prep, "pobj"):
            if not is_role_noun(role):
                continue
            owners = list(role_objects(role))
            if not owners and role.lower_ in CORPORATE_TITLES and not has_of_phrase(role):
                # 'appointed as chief executive' (not '... of a startup'): variants finds the owner
                owners = [(role, role_words(role))]
            for owner, predicate in owners:
                if appointer is not None and owner.lower_ in ("its", "their"):
                    owner = appointer
                rule = "role" if owner is not role else "title_unowned"
                for person in people:
                    yield person, owner, predicate, (role,), rule


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


def is_role_noun(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return lemma in TITLE_WORDS or lemma in ROLE_NOUNS or DESCRIPTOR_TYPES.get(lemma) == "person"


def role_words(noun: Token) -> str:
    """'its new chief executive (of)' -> 'new chief executive of'; 'the Crown prosecutor'
    -> 'prosecutor of' (the owner's name is not part of the role)."""
    return " ".join([*role_name(noun), "of"])


def role_name(noun: Token) -> list[str]:
    """The words of a role without its owner's name: 'the Acme Party nominee' -> ['nominee']."""
    modifiers = [
        t
        for t in noun.lefts
        if t.dep_ in ("amod", "compound") and t.ent_type_ not in ("ORG", "GPE", "NORP")
    ]
    return [t.lower_ if t.pos_ != "PROPN" else t.text for t in (*modifiers, noun)]


def role_objects(noun: Token) -> Iterator[tuple[Token, str]]:
    """'chief executive of Microsoft' -> (Microsoft, 'chief executive of'): a role noun whose
    preposition names an organization; 'its main rival', 'Meta's chief scientist' -> the
    possessor ('Firefox, its main rival' -> Firefox is the main rival of what 'its' is); 'the
    Crown prosecutor' -> the organization named before a role noun; 'director of Housing
    Studies at Harvard' -> also Harvard."""
    # 'Spore, AOL's AIM messenger': a name before the noun makes the phrase name that thing,
    # whose owner the possessor is; it says nothing of Spore's role.
    named_inside = any(c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" for c in noun.lefts)
    for owner in children(noun, "poss"):
        if (owner.pos_ in ("PROPN", "PRON") or owner.ent_type_) and not named_inside:
            yield owner, role_words(noun)
    if is_role_noun(noun):
        for owner in children(noun, "compound"):
            if owner.ent_type_ in ("ORG", "GPE", "NORP"):
                yield owner, role_words(noun)
    words = role_name(noun)
    for prep in children(noun, "prep"):
        if prep.lower_ not in ("of", "at", "for", "with", "to"):
            continue  # 'adviser to', 'supplier to' name a relation too
        for obj in children(prep, "pobj"):
            if is_post(obj):
                # 'nominee for Governor of Zorbia' -> Zorbia: the post itself is no organization
                for owner, post in post_owners(obj):
                    yield owner, " ".join([*words, prep.lower_, post])
                continue
            if is_role_object(obj):
                yield obj, " ".join([*words, prep.lower_])
                for place in children(obj, "prep"):
                    if place.lower_ == "at":  # 'director of Housing Studies at Harvard'
                        for host in children(place, "pobj"):
                            if is_named(host):
                                yield host, " ".join([*words, "at"])


def role_holder(person: Token) -> tuple[Token, Token] | None:
    """'the general secretary of the union Unite, Tony Woodley': the parser hangs the person on
    the organization; the role noun and its preposition, when `person` is such a name."""
    owner = person.head
    if person.dep_ != "appos" or person.ent_type_ != "PERSON" or owner.dep_ != "pobj":
        return None
    prep = owner.head
    if prep.lower_ in ("of", "at") and is_role_noun(prep.head) and is_named(owner):
        return prep.head, prep
    return None


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
