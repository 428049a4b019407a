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
4. its head is of the kind of organization or place the text or a name's head said ('the
   car manufacturer Zeta ... the company');
5. its head names a class of the type the entity's names give it ('the Zeta Museum' is an
   organization, whatever its tag), else of the entity's tagged type ('the city' a place).
The first three decide as sieves; the last two leave the choice to the ranking model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.anaphora import PERSON_PRONOUNS
from extract.description_names import (
    class_of,
    label_fits,
    name_class,
    names_match,
)
from extract.lexicon import (
    CLASS_SYNONYMS,
    DESCRIPTION_CLASSES,
    DESCRIPTOR_TYPES,
    EVENT_KINDS,
    GENERIC_KIND_HEADS,
    GROUP_SYNONYMS,
    INSTITUTION_NOUNS,
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
    if lemma in GROUP_SYNONYMS:
        return GROUP_SYNONYMS
    return next((group for group in CLASS_SYNONYMS if lemma in group), frozenset())


def evidence(anaphor: Anaphor, state: EntityState) -> str | None:
    """Why a description may be this entity: 'name' (a head of its names), 'said' (a class
    the text gave it), 'kin' (a synonym of either), 'kind' (a noun of the same kind of
    organization or place as either), 'told' (a class of the type its names give it),
    'class' (a class of its tagged type), or None."""
    lemma, lower = anaphor.form, anaphor.token.lower_
    if anaphor.determiner == "this" and lemma in INSTITUTION_NOUNS | SELF_REFERRING_WORKS:
        return None  # 'this court' of a judgment is the court that writes it (1 of 4 on GUM)
    if anaphor.names_itself:
        return None
    if (name := anaphor.apposed) is not None and name.i == state.last_token:
        return "said"  # 'Zeta-1, the first crewed mission', whatever the parse made of it
    if (after := anaphor.following) is not None:
        # 'for the appellant, Zeta Lotteries': the name after says which, and only it
        return "said" if names_match(after, state.name_words) else None
    if class_of(lemma) is None and not modifier_named(anaphor, state):
        # 'the shuttle' of 'Space Shuttle', 'the fungus' of a species said to be one: a noun
        # of no class is seldom the named one (0 of 20 the model scored on GUM)
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
    if kind_agrees(lemma, state.heads | state.descriptors):
        # 'the car manufacturer General Motors ... the company': the kind the text said,
        # more than a type; not a sieve, as a text often names two of a kind
        return "kind"
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
    Press', nor 'the purpose'), another noun only with its name beside it (`named_part`),
    and not after 'that' ('that program' is most often another one than the named program:
    0 of 3 right on GUM)."""
    if (name := anaphor.apposed) is not None:
        found = [s for s in eligible if s.last_token == name.i]
        return (found[0], "in apposition to its name") if found else None
    if anaphor.following is not None:
        # the eligible ones are those whose names it repeats (`evidence`)
        return (eligible[0], "in apposition to its name") if eligible else None
    if anaphor.determiner == "that":
        return None
    if class_of(anaphor.form) is None:
        return named_part(anaphor, eligible)
    kinds = (
        ("name", "repeats a name's head word"),
        ("said", "the text said so"),
        ("kin", "says what the text or its name said it is"),
    )
    fits = [(s, evidence(anaphor, s)) for s in eligible]
    for kind, reason in kinds:
        # 'the summer festival' of the festival called Summer, not of the nearer Winter one
        found = sorted(
            (s for s, fit in fits if fit == kind), key=lambda s: not modifier_named(anaphor, s)
        )
        if found and not modifier_clash(anaphor, found[0]):
            return found[0], reason
    return None


def named_part(anaphor: Anaphor, eligible: list[EntityState]) -> tuple[EntityState, str] | None:
    """'The first part is called Legato ... in the legato part': a noun of no class decides
    when the text said it of a name and a modifier repeats that name (said alone, 'the
    bulb' or 'the purpose' was most often another one: 5 wrong for 2 right on GUM)."""
    found = [s for s in eligible if modifier_named(anaphor, s) and evidence(anaphor, s) == "said"]
    return (found[0], "the text said so, and a modifier repeats its name") if found else None


def modifier_named(anaphor: Anaphor, state: EntityState) -> bool:
    """Whether a modifier of the description is a word of the entity's names ('the zeta
    festival' of 'the Zeta Festival')."""
    return any(c.lower_ in state.name_words for c in anaphor.token.lefts if c.dep_ != "det")


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
        "desc_modifier_named": float(modifier_named(anaphor, state)),
        # 'the city' of a name its last mention's tag says is a place, or says is none
        f"desc_label:{label_fits(anaphor.form, anaphor.token.doc[state.last_token])}": 1.0,
    }


def kind_agrees(lemma: str, said: set[str]) -> bool:
    """Whether what the text or a name's head said the entity is, is of the description's
    kind of organization or place ('manufacturer' and 'company'). Of an organization, only a
    generic head agrees with a specific one: the carmaker is 'the company', but a company is
    no 'chipmaker' for being called a company (the text may name another that is one)."""
    if any(lemma in group for group in ORGANIZATION_KINDS) and lemma not in GENERIC_KIND_HEADS:
        return False
    return any(lemma in group and said & group for group in KINDS)


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
