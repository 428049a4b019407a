"""Definite descriptions: which named entity 'the company', 'the singer' or 'the court' is.

A description points back at an entity on these kinds of evidence, tried in this order
(the head-match and class sieves of Lee et al. 2013; the entity-level class nouns of Haghighi
and Klein 2009):
1. its head is the head word of one of the entity's names: 'the Supreme Court ... the court',
   'Cyclone Zeta ... the cyclone', 'the County of Rowe ... the county';
2. the text said the entity is one: 'Zeta, a Seattle-based company', 'Zeta is a
   company', 'the rapper Zeta', 'a drink called the Zeta'; a country's name says it is a
   country ('Chile ... the country');
3. its head says the same as one of those ('a drink called Zeta ... the beverage', 'Cyclone
   Zeta ... the storm', 'the Zeta Festival ... the event');
4. its head names a class of the type the entity's names give it ('the Zeta Museum' is an
   organization, whatever its tag), else of the entity's tagged type ('the city' a place).
The first three decide as sieves; the last leaves the choice to the ranking model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from extract.anaphora import PERSON_PRONOUNS
from extract.lexicon import (
    CLASS_SYNONYMS,
    COUNTRY_CLASSES,
    COUNTRY_NAMES,
    DESCRIPTION_CLASSES,
    DESCRIPTOR_TYPES,
    EVENT_KINDS,
    EVENT_NAME_WORDS,
    INSTITUTION_NOUNS,
    NAME_CLASS_NOUNS,
    NAMED_CLASS_HEADS,
    NAMING_NOUNS,
    ORGANIZATION_KINDS,
    PLACE_KINDS,
    SELF_REFERRING_WORKS,
    UNDISTINGUISHING_MODIFIERS,
    VENUE_NOUNS,
    VENUE_WORDS,
)

if TYPE_CHECKING:
    from extract.anaphora import Anaphor
    from extract.coref_state import EntityState

# Verbs whose object names the noun they describe: 'a drink called the Zeta'.
NAMING_VERBS = frozenset("call name dub title know label".split())
# Types a class noun of one type may still describe: a work is often tagged a product, a
# country acting an organization.
LOOSE_TYPES = {
    "work": frozenset({"work", "product", "event"}),
    "product": frozenset({"product", "work"}),
    "event": frozenset({"event", "work"}),
    "organization": frozenset({"organization", "group"}),
    "place": frozenset({"place"}),
    "person": frozenset({"person"}),
    "law": frozenset({"law", "work"}),
}

# Kinds of organization and of place that one description does not cross.
KINDS = ORGANIZATION_KINDS + PLACE_KINDS


def class_of(lemma: str) -> str | None:
    """The entity type a class noun describes, if it is one."""
    if lemma in VENUE_NOUNS:
        return "place"
    return DESCRIPTOR_TYPES.get(lemma) or DESCRIPTION_CLASSES.get(lemma)


def name_heads(span: Span) -> set[str]:
    """The words of a name a description may repeat: its last word ('the court' of 'the
    Supreme Court'), or the word before its 'of' ('the county' of 'the County of Rowe', not
    'the mayor' of 'the Office of the Mayor'), and a class noun it opens with ('the cyclone'
    of 'Cyclone Zeta'). A one-word name counts only
    after 'the' ('the Court'): 'Attention' or 'Government' alone is a capitalized common
    noun more often than a name."""
    words = [t for t in span if t.is_alpha]
    if not words:
        return set()
    if len(words) == 1 and len(span) > 1 and span[-1].like_num:
        return {words[0].lower_}  # 'Factor 1 ... that factor', 'Phase 2 ... the phase'
    if len(words) == 1:
        before = span.doc[span.start - 1] if span.start else None
        institution = words[0].lower_ in INSTITUTION_NOUNS  # 'the Government': the country's
        if before is None or before.lower_ != "the" or institution:
            return set()
        return {words[0].lower_}
    before_of = {t.lower_ for t in words if t.i + 1 < span.end and span.doc[t.i + 1].lower_ == "of"}
    # 'Office of the Mayor' is an office: the last word of a name with 'of' is not its head.
    heads = before_of or {words[-1].lower_}
    # 'Cyclone Zeta', not 'Application School': a class noun opening a name that names no
    # other class is what the name is.
    if class_of(words[0].lower_) is not None and not any(name_class(t.lower_) for t in words[1:]):
        heads.add(words[0].lower_)
    return heads


def said_classes(span: Span) -> set[str]:
    """Class nouns the text gives a name: 'chipmaker Zeta', 'the rapper Zeta', 'Zeta, the
    chip designer', 'a company, Zeta', 'Zeta is a company', 'a drink called Zeta', 'the Zeta
    organization'; not 'the Zeta property', which is Zeta's, nor 'the name Zeta'."""
    root = span.root
    # 'the rapper Zeta': the small model often tags such a noun an adjective.
    nouns = {
        t
        for t in root.lefts
        if t.i < span.start
        and (t.pos_ == "NOUN" or (t.pos_ == "ADJ" and class_of(t.lower_) is not None))
    }
    nouns |= {t for t in root.children if t.dep_ == "appos" and t.pos_ == "NOUN"}
    before = span.doc[span.start - 1] if span.start else None
    if before is not None and before.pos_ in ("NOUN", "ADJ") and class_of(before.lower_):
        nouns.add(before)  # whatever the parse made of it
    head = root.head
    if root.dep_ == "compound" and head.lemma_ in NAMED_CLASS_HEADS and head.tag_ == "NN":
        nouns.add(head)  # 'the Zeta organization'
    # 'Image: Zeta' (a caption) names who made it, '... per episode (Zeta 2013)' cites it.
    cited = before is not None and before.text == "("
    if root.dep_ == "appos" and head.pos_ == "NOUN" and head.dep_ != "ROOT" and not cited:
        nouns.add(head)
    if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_ == "be":
        nouns |= {c for c in head.children if c.dep_ == "attr" and c.pos_ == "NOUN"}
    if root.dep_ == "attr" and head.lemma_ == "be":
        nouns |= {c for c in head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"}
    verb = head.head if root.dep_ == "pobj" and head.lower_ == "as" else head
    if (
        root.dep_ in ("oprd", "xcomp", "dobj", "attr", "pobj")
        and verb.lemma_ in NAMING_VERBS
        and verb.dep_ in ("acl", "relcl")
        and verb.head.pos_ == "NOUN"
    ):
        nouns.add(verb.head)
    # A plural is a class the name is one of ('local papers, Zeta, ...'), not what it is.
    said = {t.lemma_.lower() for t in nouns if t.tag_ not in ("NNS", "NNPS")} - NAMING_NOUNS
    return said | (COUNTRY_CLASSES if is_country(span) else set())


def is_country(span: Span) -> bool:
    """Whether a name is a country's: its name says it is one ('the country' of 'Chile')."""
    words = [t.lower_ for t in span if not t.is_punct]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words) in COUNTRY_NAMES


def name_class(word: str) -> str | None:
    """The type a word of a name says the named thing has ('museum' of 'the Zeta Museum',
    'games' of 'the Zeta Games')."""
    if word in EVENT_NAME_WORDS:
        return "event"
    return class_of(word) or NAME_CLASS_NOUNS.get(word)


def told_types(state: EntityState) -> set[str]:
    """The types the entity's own names give it: 'the Zeta Museum' is an organization,
    'Cyclone Zeta' an event, whatever their tags."""
    return {t for word in state.words if (t := name_class(word))}


def vocabulary(states: dict[int, EntityState]) -> frozenset[str]:
    """Every head a description of this document may have: class nouns, and the name heads
    and said classes of its entities."""
    words = set(DESCRIPTION_CLASSES) | VENUE_NOUNS
    for state in states.values():
        words |= state.words | state.descriptors
    return frozenset(words)


def kin(lemma: str) -> frozenset[str]:
    """Class nouns that say what `lemma` says ('beverage' of 'drink'); 'event' is said of
    every kind of event ('the event' of 'the Zeta Festival'), 'facility' of the grounds a name
    ends in ('the facility' of 'the Zeta Convention Centre'). Not 'company' of every kind
    of company: the chipmaker of one sentence is often not the company of the next, when
    the text names two companies."""
    if lemma == "event":
        return EVENT_KINDS
    if lemma in VENUE_NOUNS:
        return VENUE_WORDS
    return next((group for group in CLASS_SYNONYMS if lemma in group), frozenset())


def evidence(anaphor: Anaphor, state: EntityState) -> str | None:
    """Why a description may be this entity: 'name' (a head of its names), 'said' (a class
    the text gave it), 'kin' (a synonym of either), 'told' (a class of the type its names
    give it), 'class' (a class of its tagged type), or None."""
    lemma, lower = anaphor.form, anaphor.token.lower_
    if anaphor.determiner == "this" and lemma in INSTITUTION_NOUNS | SELF_REFERRING_WORKS:
        return None  # 'this court' of a judgment is the court that writes it (1 of 4 on GUM)
    if names_here(anaphor.token):
        return None
    if lower in state.words or lemma in state.words:
        return "name"
    if lemma in state.descriptors:
        return "said"
    if kin(lemma) & (state.words | state.descriptors):
        return "kin"
    if kind_clash(lemma, state.heads | state.descriptors):
        return None
    described = class_of(lemma)
    if described is None or lemma in INSTITUTION_NOUNS:
        return None
    if described != "person" and is_person(state):
        return None  # 'Ahmed Mohamed ... he ... the company'
    fitting = LOOSE_TYPES.get(described, {described})
    # 'Lyon is a city' ... 'the company': what the text said it is decides over its tags,
    # and so does what its name says ('Cyclone Zeta' ... 'the storm').
    said = {class_of(noun) for noun in state.descriptors} - {None}
    if said and not said & fitting:
        return None
    if told := told_types(state):
        return "told" if told & fitting else None
    if state.types == {"thing"} or state.types & fitting:
        return "class"
    return None


def names_here(token: Token) -> bool:
    """'this guy named Kilo', 'the river known as the Zeta', 'the publishing giant Zeta': a
    noun phrase that gives its name right there introduces an entity, or is said of the
    name beside it, rather than pointing back at one."""
    if token.head.pos_ == "PROPN" and token.dep_ in ("compound", "nmod", "amod"):
        return True
    return any(c.dep_ in ("acl", "relcl") and c.lemma_ in NAMING_VERBS for c in token.children)


def is_person(state: EntityState) -> bool:
    """Whether a person's name or a person pronoun resolved to it says the entity is one."""
    return "person" in state.types and bool(state.genders or state.pronouns & PERSON_PRONOUNS)


def kind_clash(lemma: str, said: set[str]) -> bool:
    """Whether what the text or a name's head said the entity is, is another kind of
    organization or place than the description's: 'the company' of 'the Zeta Commission,
    a regulator', 'the city' of a country."""
    kinds = {n for n, group in enumerate(KINDS) if said & group}
    own = {n for n, group in enumerate(KINDS) if lemma in group}
    return bool(own and kinds and not own & kinds)


def modifier_clash(anaphor: Anaphor, state: EntityState) -> bool:
    """'the smaller organization', 'the Brazilian team': a modifier the entity's names do
    not have says the description may be another one of its class; one its names have does
    not ('the virtual microscope' of 'the Virtual Microscope'), nor one that tells nothing
    apart ('the former president', 'the present storm')."""
    words = state.words | state.descriptors | state.name_words
    return any(
        c.dep_ in ("amod", "compound", "nmod")
        and c.lower_ not in words
        and c.lemma_ not in words
        and c.lower_ not in UNDISTINGUISHING_MODIFIERS
        for c in anaphor.token.lefts
    )


def description_sieve(
    anaphor: Anaphor, eligible: list[EntityState]
) -> tuple[EntityState, str] | None:
    """The entity a description's own words pick: the nearest whose name it repeats, else
    the nearest the text said is one, when no modifier of the description says otherwise.
    Only a class noun decides so ('the court', 'the singer'; not 'the press' of 'the Zeta
    Press', nor 'the purpose'), and not after 'that' ('that program' is most often another
    one than the named program: 0 of 3 right on GUM)."""
    if class_of(anaphor.form) is None or anaphor.determiner == "that":
        return None
    kinds = (
        ("name", "repeats a name's head word"),
        ("said", "the text said so"),
        ("kin", "says what the text or its name said it is"),
    )
    fits = [(s, evidence(anaphor, s)) for s in eligible]
    for kind, reason in kinds:
        found = [s for s, fit in fits if fit == kind]
        if found and not modifier_clash(anaphor, found[0]):
            return found[0], reason
    return None


def description_features(anaphor: Anaphor, state: EntityState) -> dict[str, float]:
    """The model's view of a description's fit with an entity: by its names, by what the
    text said of it, by its type alone, and whether a modifier clashes."""
    kind = evidence(anaphor, state)
    described = class_of(anaphor.form)
    said_types = {class_of(noun) for noun in state.descriptors}
    return {
        f"desc_evidence:{kind}": 1.0,
        "desc_type_exact": float(described is not None and described in state.types),
        "desc_modifier_clash": float(modifier_clash(anaphor, state)),
        # 'Zeta, a church, ... the organization': a class of the type the text said
        "desc_said_type": float(described is not None and described in said_types),
        # 'the Zeta Festival ... the zeta festival': a modifier repeats a word of its names
        "desc_modifier_named": float(
            any(c.lower_ in state.name_words for c in anaphor.token.lefts if c.dep_ != "det")
        ),
    }


def apart(anaphor: Anaphor, features: dict[str, float]) -> dict[str, float]:
    """A description's features under names of their own: the model weighs them apart from
    a pronoun's, so that training on descriptions leaves the pronouns' scores as they were."""
    if anaphor.kind != "description":
        return features
    return {"d:" + name: value for name, value in features.items()}


def reported(anaphor: Anaphor, *, resolved: bool) -> bool:
    """Whether a reference is one the triples should treat as such: an unresolved 'the
    launch' or 'the project' stays the concept it says, as before these class nouns were
    descriptions; an unresolved 'the company' stands for no concept."""
    return resolved or anaphor.kind != "description" or anaphor.form in DESCRIPTOR_TYPES
