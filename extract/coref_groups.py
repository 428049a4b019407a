"""Coordinated names as one plural antecedent: 'Carrano and Biewener ... their results', 'Meta
and Microsoft said they would invest'. A plural pronoun after names joined by 'and' most often
means all of them, which none of the members' own entities is.

Each coordination of names from different entities becomes a group: an entity of its own for
the resolver (a candidate for 'they', 'them', 'their' alone), numbered after the document's
clusters, so that the resolver, the mentions and the benchmarks number the groups alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from extract.anaphora import PLURAL_PRONOUNS, Anaphor, family_surnames
from extract.coref_features import NounIndex
from extract.coref_state import Antecedent, EntityState

GROUP_TYPE = "group"
GROUP_TYPES = frozenset({GROUP_TYPE})
# Words a list of names may hold between two of them: 'A and B', 'A, B, and C', 'A & B'.
JOINING_WORDS = frozenset({",", "and", "&"})


@dataclass(frozen=True)
class Group:
    """Names of several entities joined into one phrase ('Endeavour and Atlantis'): the
    clusters of its members, in text order, and the words from the first to the last."""

    cluster: int
    members: tuple[int, ...]
    span: Span

    @property
    def root(self) -> Token:
        """The first member's head word, which heads the coordination in the parse and has
        the phrase's role ('Meta' of 'Meta and Microsoft said')."""
        return self.span.root


def coordinated_groups(antecedents: list[Antecedent]) -> list[Group]:
    """The groups of names the parse coordinates, each numbered after every cluster of
    `antecedents` (and after the groups before it)."""
    first_cluster = max((a.cluster for a in antecedents), default=-1) + 1
    by_root = {a.span.root.i: a for a in antecedents}
    joined: dict[int, list[Antecedent]] = {}  # first member's root -> the members
    for antecedent in antecedents:
        first = first_conjunct(conjunct_word(antecedent.span.root))
        if first.i in by_root and first.i != antecedent.span.root.i:
            members = joined.setdefault(first.i, [by_root[first.i]])
            members.append(antecedent)
    groups = []
    for members in joined.values():
        group = group_of(members, cluster=first_cluster + len(groups))
        if group is not None:
            groups.append(group)
    return groups


def conjunct_word(root: Token) -> Token:
    """The word that joins a name to a coordination: the name's own, or the noun it is set
    beside when that noun is the conjunct ('Thomas Sam and his wife Manju Sam')."""
    noun = root.head
    if root.dep_ == "appos" and noun.pos_ == "NOUN" and noun.dep_ == "conj":
        return noun
    return root


def first_conjunct(token: Token) -> Token:
    """The first word of the coordination a word is a conjunct of ('Atlantis' -> 'Endeavour'),
    or the word itself."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def group_of(members: list[Antecedent], *, cluster: int) -> Group | None:
    """The group of coordinated names, unless they are one entity ('Acme and Acme Corp.'),
    a modifier ('the Meta and Microsoft deal'), or things between them are more than a list's
    commas and 'and' ('Meta, its rival Zeta')."""
    members = sorted(members, key=lambda a: a.span.start)
    clusters = tuple(dict.fromkeys(a.cluster for a in members))
    if len(clusters) < 2 or members[0].span.root.dep_ in ("compound", "amod", "nmod"):
        return None
    doc = members[0].span.doc
    for before, after in pairwise(members):
        between = doc[before.span.end : after.span.start]
        if any(not joining(t, before, after) for t in between):
            return None
    return Group(cluster, clusters, doc[members[0].span.start : members[-1].span.end])


def joining(word: Token, before: Antecedent, after: Antecedent) -> bool:
    """Whether a word between two coordinated names is part of the list: a comma, 'and', a
    determiner, an age set beside the first name ('Thomas Sam, 42, and'), or the noun the
    second name is set beside, with its own words ('and his wife Manju Sam')."""
    if word.lower_ in JOINING_WORDS or word.dep_ == "det":
        return True
    if word.like_num and word.dep_ == "appos" and word.head.i == before.span.root.i:
        return True
    noun = conjunct_word(after.span.root)
    return noun.i != after.span.root.i and noun.left_edge.i <= word.i <= noun.i


def group_state(group: Group) -> EntityState:
    """The resolver's state of a group before its mention."""
    return EntityState(group.cluster, GROUP_TYPES, set(), members=group.members, document_names=1)


def takes_group(anaphor: Anaphor) -> bool:
    """Whether an anaphor may refer to a group: a plural pronoun only ('the company' and 'it'
    are one entity)."""
    return anaphor.kind == "pronoun" and anaphor.form in PLURAL_PRONOUNS


def group_name(names: list[str]) -> str:
    """A group's name from its members' names, as a list is written.

    >>> group_name(["Carrano", "Biewener"])
    'Carrano and Biewener'
    >>> group_name(["Ubisoft", "Microsoft", "Sony"])
    'Ubisoft, Microsoft and Sony'
    """
    if len(names) < 3:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


# How many sentences back a group may be for the rule: its own or the one before.
GROUP_SENTENCES = 1


def group_antecedent(
    anaphor: Anaphor, eligible: list[EntityState], *, sentence: int, nouns: NounIndex
) -> EntityState | None:
    """'Endeavour and Atlantis await a journey on their launchpads', 'Carrano and Biewener
    (...). Their results': a plural pronoun whose nearest antecedent in view is a group, in its
    own sentence or the one before, is that group, when no plural noun stands between
    ('Carrano and Biewener trained chickens. They' are the chickens)."""
    if not takes_group(anaphor):
        return None
    nearest = nearest_candidate(eligible, anaphor.token.doc)
    if nearest is None or not nearest.members or sentence - nearest.last_sentence > GROUP_SENTENCES:
        return None
    if nouns.between(nearest.last_token, anaphor.start, plural=True):
        return None
    return nearest


def nearest_candidate(eligible: list[EntityState], doc: Doc) -> EntityState | None:
    """The candidate mentioned last (`eligible` is latest first), a member named inside its
    group's phrase counting as the group's mention rather than after it."""
    groups = [s for s in eligible if s.members]
    for state in eligible:
        if not any(inside(state, group, doc) for group in groups):
            return state
    return None


def inside(state: EntityState, group: EntityState, doc: Doc) -> bool:
    """Whether an entity was last named inside a group's phrase ('Microsoft' of 'Meta and
    Microsoft')."""
    root = doc[group.last_token]
    return state.cluster in group.members and root.i <= state.last_token <= root.right_edge.i


def family_group(token: Token, states: Mapping[int, EntityState]) -> EntityState | None:
    """'Thomas Sam, 42, and his wife Manju Sam ... the Sams continued': a surname's plural is
    the latest group named before it whose members all have that surname."""
    surnames = family_surnames(token)
    groups = [
        state
        for state in states.values()
        if state.members
        and 0 <= state.last_token < token.i
        and all(surnames & states[member].heads for member in state.members)
    ]
    return max(groups, key=lambda state: state.last_token, default=None)


def without_families(spans: list[Span], types: list[str]) -> tuple[list[Span], list[str]]:
    """The name spans but those that are a family's plural surname ('the Sams' where the text
    names Thomas Sam and Manju Sam): a family is its members, no entity of its own."""
    people: dict[str, set[str]] = {}
    for span, type_ in zip(spans, types):
        if type_ == "person" and len(span) > 1:
            people.setdefault(span[-1].lower_, set()).add(span.text)
    kept = [
        (span, type_)
        for span, type_ in zip(spans, types)
        if len(span) > 1
        or not any(len(people.get(name, ())) > 1 for name in family_surnames(span.root))
    ]
    return [span for span, _ in kept], [type_ for _, type_ in kept]
