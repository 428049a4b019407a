"""Arguments whose head noun is not what the fact is about (issue 14).

'holds 12% of Acme', 'a stake in Acme', 'cut jobs at Opel': the object the parser gives is a
quantity or a relational head, and the entity sits in its complement. 'Annual sales at Acme
rose 12%': the subject is a measure of the entity. Each such candidate gets a variant whose
argument is the entity and whose relation absorbs the head and its preposition ('holds 12%
of', 'annual sales rise'); the candidate as read is kept too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from extract.candidate import Candidate, children
from extract.lexicon import (
    ADJUNCT_NOUNS,
    NOMINALIZATIONS,
    PARTITIVE_HEADS,
    RELATIONAL_NOUNS,
    TITLE_WORDS,
)
from extract.mentions import DocumentEntities
from extract.reframes import (
    is_entity,
    is_name_token,
    place_group_variants,
    target_variants,
)
from extract.sentences import is_credit

# Prepositions after an object's head that relate it to an entity: 'a deal with Magna'.
OBJECT_PREPOSITIONS = frozenset(
    "of in at with from for to on over against between among into like".split()
)
# A measure of an entity is 'of', 'at' or 'in' it: 'sales at Acme', 'shares in Acme'.
MEASURE_PREPOSITIONS = frozenset({"of", "at", "in", "for"})
# Rules whose object says what the subject is: 'Barra is the first woman', 'X, a company'.
PREDICATIVE_RULES = frozenset({"apposition", "descriptor", "copula"})
PREPOSITION_RULES = frozenset({"verb_preposition", "passive_preposition"})
TIME_PREPOSITIONS = frozenset("after before during since until following amid".split())
# 'Opel, its division': the relational rules read these already ('division of').
NAMING_RULES = frozenset({"apposition", "descriptor"})
# An organization is the article's subject when it has this many more mentions than any other.
MAIN_MARGIN = 2
# Rules whose object is the organization the article is about, once it is known.
UNOWNED_RULES = {"title_unowned": "title", "post_unowned": "verb_preposition"}
GROUP_PRONOUNS = frozenset({"them", "they", "these", "those", "us", "we"})
HEAD_DEPS = frozenset({"amod", "compound", "nummod", "quantmod", "nmod"})
MAX_HEAD_WORDS = 4


def candidate_variants(candidate: Candidate, entities: DocumentEntities) -> Iterator[Candidate]:
    """The candidate as read, and the variants that move an argument to an entity; in a
    photo credit only who is credited."""
    sent = candidate.relation_tokens[0].sent
    if is_credit(sent):
        yield from credit_fact(candidate, sent[0])
        return
    if candidate.rule in UNOWNED_RULES:
        yield from owned_title(candidate, entities)
        return
    if candidate.rule in PREDICATIVE_RULES:
        candidate = replace(candidate, predicative=True)
    if not is_adjunct(candidate):
        yield candidate
    yield from measure_variants(candidate, entities)
    yield from place_group_variants(candidate, entities)
    yield from target_variants(candidate, entities)
    yield from object_variants(candidate, entities)
    yield from role_chain_variants(candidate, entities)
    yield from verb_complement_variants(candidate, entities)


def credit_fact(candidate: Candidate, label: Token) -> Iterator[Candidate]:
    """'Image: Jo Roe.' -> (Jo Roe, credited for, image): the credit names who made the
    picture, and it is no kind of thing ('Jo Roe is an image')."""
    if candidate.object.i == label.i and candidate.subject.i != label.i:
        yield replace(candidate, predicate="credited for", rule="role", predicative=False)


def is_adjunct(candidate: Candidate) -> bool:
    """'said in a statement', 'bought it in a deal': a container of the act after a verb's
    preposition says how, and is no object of the verb (issue 14); its complement may still
    be read ('in a statement to the Times'). A date stays: 'discontinued in 2006' is what
    a reader keeps of the event."""
    if candidate.rule not in PREPOSITION_RULES:
        return False
    return candidate.object.lemma_.lower() in ADJUNCT_NOUNS


def measure_variants(candidate: Candidate, entities: DocumentEntities) -> Iterator[Candidate]:
    """'Annual sales at Acme rose to $3bn' -> (Acme, annual sales rise to, $3bn)."""
    subject = entity_in(candidate.subject, entities, measure=True)
    # 'Shares in Acme fell on Monday': a time adjunct says nothing about Acme.
    if subject is not None and candidate.object.ent_type_ not in ("DATE", "TIME"):
        token, words = subject
        # 'sales at Acme rose' -> (Acme, sales rise): the preposition joined head and entity.
        head = words.rsplit(" ", 1)[0]
        predicate = f"{head} {candidate.predicate}"
        yield replace(candidate, subject=token, predicate=predicate, rule="measure")


def object_variants(candidate: Candidate, entities: DocumentEntities) -> Iterator[Candidate]:
    """'holds 12% of Acme' -> (X, hold 12% of, Acme)."""
    # A time adjunct ('recovered after the appointment of X') is about when, not whom: its
    # complement is read only through a partitive or relational head.
    timed = candidate.relation_tokens[-1].lower_ in TIME_PREPOSITIONS
    # 'Opel, its division': the relational rules read a possessor there already.
    owners = candidate.rule not in NAMING_RULES
    # 'quoting North Korea's news agency KCNA': the object is the apposed name, not its owner.
    owners = owners and named_apposition(candidate.object, entities) is candidate.object
    # 'abandoned its acquisition of X': the nominalization rule reads the acquisition, with
    # the polarity the verb gives it; 'abandon acquisition of' would read as a takeover.
    if candidate.object.lemma_.lower() in NOMINALIZATIONS:
        return
    obj = entity_in(candidate.object, entities, measure=False, any_head=not timed, owners=owners)
    if obj is not None and obj[0] != candidate.subject:
        token, words = obj
        # 'employs 3,000 people in France and Germany': each coordinated entity.
        for each in (token, *(t for t in token.conjuncts if t.i > token.i)):
            if is_entity(each, entities):
                predicate = f"{candidate.predicate} {words}"
                yield replace(candidate, object=each, predicate=predicate)


def verb_complement_variants(
    candidate: Candidate, entities: DocumentEntities
) -> Iterator[Candidate]:
    """'axe 10,000 jobs at its division, Opel' -> (X, axe 10,000 jobs at, Opel): a verb's
    prepositional object that is a description beside a name; the verb rules keep such an
    object beside a direct object only when it is itself a name."""
    verb, obj = candidate.relation_tokens[0], candidate.object
    if candidate.rule != "svo" or obj.dep_ != "dobj" or obj.pos_ not in ("NOUN", "NUM"):
        return
    if is_name_token(obj, entities):
        return
    words = head_words(obj)
    for prep in children(verb, "prep"):
        for noun in children(prep, "pobj"):
            named = named_apposition(noun, entities)
            if words and named is not noun and prep.lower_ not in TIME_PREPOSITIONS:
                predicate = f"{candidate.predicate} {words} {prep.lower_}"
                yield replace(candidate, object=named, predicate=predicate)


def role_chain_variants(candidate: Candidate, entities: DocumentEntities) -> Iterator[Candidate]:
    """'director of Housing Studies at Harvard University': the unit's organization holds
    the role too -> (X, director of housing studies at, Harvard University)."""
    if candidate.rule not in ("role", "title") or not is_entity(candidate.object, entities):
        return
    unit = candidate.object
    for prep in children(unit, "prep"):
        if prep.lower_ not in ("at", "of"):
            continue
        for organization in children(prep, "pobj"):
            if organization.ent_type_ == "ORG" and not same_entity(unit, organization, entities):
                name = " ".join(t.text for t in unit.subtree if t.i < prep.i and t.dep_ != "det")
                predicate = f"{candidate.predicate} {name} {prep.lower_}"
                yield replace(candidate, object=organization, predicate=predicate)


def owned_title(candidate: Candidate, entities: DocumentEntities) -> Iterator[Candidate]:
    """'Chief executive Jo Roe said': a title without its organization, in an article about
    one organization, is that organization's; so is the post a person leaves unnamed."""
    found = main_organization(entities)
    if found is not None:
        yield replace(candidate, object=found, rule=UNOWNED_RULES[candidate.rule])


def entity_in(
    noun: Token,
    entities: DocumentEntities,
    *,
    measure: bool,
    any_head: bool = False,
    owners: bool = True,
) -> tuple[Token, str] | None:
    """The entity an argument's head is about and the words that relate them: 'stake in
    [Acme]' -> (Acme, 'stake in'); 'Acme's main rivals' -> (Acme, 'main rivals of')."""
    # A description that refers ('the lender in the US' beside its name) still has its
    # complement read; a name or pronoun is the entity itself.
    if is_name_token(noun, entities) or noun.pos_ not in ("NOUN", "NUM"):
        return None
    lemma = noun.lemma_.lower()
    relational = lemma in RELATIONAL_NOUNS or noun.lower_ in TITLE_WORDS
    if measure and lemma not in PARTITIVE_HEADS and noun.lower_ not in PARTITIVE_HEADS:
        return None
    words = head_words(noun)
    if words is None:
        return None
    if owners and (relational or lemma in PARTITIVE_HEADS or noun.lower_ in PARTITIVE_HEADS):
        for owner in children(noun, "poss", "compound", "nmod"):
            # 'sold its shares': a pronoun owner is mostly the subject itself.
            if is_entity(owner, entities) and (relational or owner.pos_ != "PRON"):
                return owner, f"{words} of"
    if not (any_head or relational or lemma in PARTITIVE_HEADS or noun.lower_ in PARTITIVE_HEADS):
        return None
    return through_preposition(noun, words, entities, measure=measure)


def through_preposition(
    noun: Token, words: str, entities: DocumentEntities, *, measure: bool
) -> tuple[Token, str] | None:
    """'12% of [Acme]', 'the last of its shares in [the company]': follow the complement to
    the first entity, through at most one more partitive head."""
    allowed = MEASURE_PREPOSITIONS if measure else OBJECT_PREPOSITIONS
    for prep in children(noun, "prep"):
        if prep.lower_ not in allowed:
            continue
        for obj in children(prep, "pobj"):
            if obj.pos_ == "PRON" and obj.lower_ in GROUP_PRONOUNS:
                continue  # 'one of them' is one of a group, not of an entity
            obj = named_apposition(obj, entities)
            if is_entity(obj, entities):
                return obj, f"{words} {prep.lower_}"
            inner = obj.lemma_.lower()
            if prep.lower_ == "of" and (inner in PARTITIVE_HEADS or obj.lower_ in PARTITIVE_HEADS):
                found = through_preposition(obj, obj.lower_, entities, measure=measure)
                if found is not None:
                    return found[0], f"{words} of {found[1]}"
    return None


def head_words(noun: Token) -> str | None:
    """A head and the modifiers before it that name no entity, as relation words: '12%',
    'main rivals', 'second largest sub-prime lender'; None when they are too many to read
    as a relation."""
    start = noun.i
    for child in reversed(list(noun.lefts)):
        if child.dep_ not in HEAD_DEPS or child.right_edge.i != start - 1 or is_named(child):
            break
        start = child.left_edge.i
    text = noun.doc[start : noun.i + 1].text.lower()
    if len(text.split()) > MAX_HEAD_WORDS:
        return None
    return text


def is_named(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in ("ORG", "PERSON", "GPE", "PRODUCT")


def named_apposition(noun: Token, entities: DocumentEntities) -> Token:
    """'at its European division, Opel': a common noun set beside a name stands for it."""
    if noun.pos_ == "NOUN" and not is_entity(noun, entities):
        for appos in children(noun, "appos"):
            if is_entity(appos, entities):
                return appos
    return noun


def same_entity(a: Token, b: Token, entities: DocumentEntities) -> bool:
    return entities.token_span.get(a.i, -1) == entities.token_span.get(b.i, -2)


def main_organization(entities: DocumentEntities) -> Token | None:
    """A token of the organization an article is about: the one named or referred to most
    often, by a margin, or None when no organization stands out."""
    counts: dict = {}
    first: dict = {}
    for span, entity in zip(entities.spans, entities.span_entity):
        if entity.type == "organization":
            counts[entity] = counts.get(entity, 0) + 1
            first.setdefault(entity, span.root)
    for reference in entities.references.values():  # 'the company', 'it'
        if reference.candidates and reference.candidates[0] in counts:
            counts[reference.candidates[0]] += 1
    ranked = [*sorted(counts.values(), reverse=True), 0]
    if not counts or ranked[0] - ranked[1] < MAIN_MARGIN:
        return None
    return first[max(counts, key=counts.get)]
