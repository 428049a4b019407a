"""Which words of a document point back at an entity: pronouns and definite descriptions, and
whether a pronoun refers to anything at all.

Deciding anaphoricity first is what makes a resolver precise (Lee et al. 2013; Clark and
Manning 2015): "it is unclear whether", "it was a bold step that" and "the company that wins"
refer to no entity, and resolving them puts a false edge in the graph.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Span, Token

from extract.description_names import (
    apposed_name,
    defined_by_participle,
    following_name,
    names_here,
)
from extract.lexicon import (
    DESCRIPTION_CLASSES,
    DESCRIPTOR_TYPES,
    EITHER_DESCRIPTORS,
    STATE_OF_AFFAIRS_NOUNS,
)

MASCULINE = frozenset("he him his himself".split())
FEMININE = frozenset("she her hers herself".split())
PERSON_PRONOUNS = MASCULINE | FEMININE
THING_PRONOUNS = frozenset("it its itself".split())
PLURAL_PRONOUNS = frozenset("they them their theirs themselves".split())
# First person: inside a quotation they are the speaker, elsewhere the writer (no entity).
SPEAKER_SINGULAR = frozenset("i me my mine myself".split())
SPEAKER_PLURAL = frozenset("we us our ours ourselves".split())
REFLEXIVES = frozenset("himself herself itself themselves".split())
THING_TYPES = frozenset({"organization", "product", "place", "event", "work", "law", "thing"})
# Types a pronoun can refer to.
PRONOUN_TYPES = {
    **dict.fromkeys(PERSON_PRONOUNS, frozenset({"person"})),
    **dict.fromkeys(THING_PRONOUNS, THING_TYPES),
    **dict.fromkeys(PLURAL_PRONOUNS, frozenset({"organization", "group"})),
    **dict.fromkeys(SPEAKER_SINGULAR, frozenset({"person"})),
    **dict.fromkeys(SPEAKER_PLURAL, frozenset({"organization", "group"})),
}
DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
FAMILY_TYPES = frozenset({"group"})  # 'the Sams': the people named with the surname
# Predicates whose clausal complement an expletive "it" stands in for: "it seems that".
RAISING_VERBS = frozenset("seem appear happen turn remain take matter occur".split())
WEATHER_VERBS = frozenset("rain snow pour drizzle".split())
# Adjectives whose infinitive has their subject as its own: 'it is willing to pay' refers.
CONTROL_ADJECTIVES = frozenset(
    "willing unwilling able unable ready eager keen likely unlikely set due prepared happy "
    "reluctant determined poised".split()
)
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "csubj", "advcl", "relcl", "acl"})


@dataclass(frozen=True)
class Anaphor:
    """A word that may refer back to an entity.

    `kind` is "pronoun" or "description"; `types` the entity types it may refer to; `start`
    and `end` the token span that says it ("the Japanese carmaker").
    """

    token: Token
    kind: str
    types: frozenset[str]
    start: int
    end: int

    @property
    def form(self) -> str:
        """The pronoun, or the description's head lemma."""
        return self.token.lower_ if self.kind == "pronoun" else self.token.lemma_.lower()

    @property
    def determiner(self) -> str:
        """A description's first word, lower-cased ('the', 'this'); a pronoun's own form."""
        return self.token.doc[self.start].lower_

    @property
    def first_person(self) -> bool:
        return self.form in SPEAKER_SINGULAR or self.form in SPEAKER_PLURAL

    # What a description's own phrase says, asked of every entity in view: worked out once.
    @cached_property
    def apposed(self) -> Token | None:
        """The name a description is in apposition with ('Zeta, the first lunar mission')."""
        return apposed_name(self.token)

    @cached_property
    def following(self) -> Span | None:
        """The name set after a description, between commas ('the firm, Arm,')."""
        return following_name(self.token)

    @cached_property
    def names_itself(self) -> bool:
        """Whether the phrase says which entity it is ('the river known as the Zeta', 'the
        organization founded by Zeta') instead of pointing back at one."""
        return names_here(self.token) or defined_by_participle(self.token)


def find_anaphors(tokens: list[Token], *, heads: frozenset[str]) -> Iterator[Anaphor]:
    """The pronouns and definite descriptions among `tokens` that may refer to an entity.

    Args:
        tokens: candidate tokens in document order (see `extract.coref.candidate_tokens`).
        heads: the nouns a description of this document may have (see
            `extract.descriptions.vocabulary`): class nouns, the head words of its names ("the
            court" of "the Supreme Court") and the classes the text gave them.
    """
    for token in tokens:
        if token.pos_ == "PRON":
            if token.lower_ in PRONOUN_TYPES:
                yield Anaphor(token, "pronoun", PRONOUN_TYPES[token.lower_], token.i, token.i + 1)
        elif token.pos_ == "PROPN":
            if family_surnames(token):
                yield Anaphor(token, "description", FAMILY_TYPES, token.i - 1, token.i + 1)
        else:
            anaphor = description(token, heads=heads)
            if anaphor is not None:
                yield anaphor


def family_surnames(token: Token) -> frozenset[str]:
    """'the Sams', 'the Joneses': the surnames (lower case) a proper noun in 's' after 'the'
    may be the plural of, making a family (the tagger often calls it singular); none for
    other words."""
    before = token.doc[token.i - 1] if token.i else None
    if token.pos_ != "PROPN" or before is None or before.lower_ != "the":
        return frozenset()
    word = token.lower_
    return frozenset(
        word[: -len(ending)]
        for ending in ("s", "es")
        if word.endswith(ending) and len(word) > len(ending) + 1
    )


def description(token: Token, *, heads: frozenset[str]) -> Anaphor | None:
    """'the company', 'the Japanese carmaker', 'the search giant': a definite singular noun
    phrase whose head names a class of entity, or the head of a name in the document."""
    lemma = token.lemma_.lower()
    known = lemma in DESCRIPTOR_TYPES or lemma in heads or token.lower_ in heads
    # 'the CFL', 'the Court': a capitalized head is a name said again, not a description.
    if token.tag_ != "NN" or not known or not token.is_lower:
        return None
    determiner = [c for c in token.lefts if c.dep_ == "det" and c.lower_ in DETERMINERS]
    # 'Zeta, the first lunar mission', 'the appellant, Zeta': an apposition is its name's,
    # whatever defines it
    apposed = apposed_name(token) is not None or following_name(token) is not None
    if not determiner or not (introduces_nothing(token) or apposed):
        return None
    if lemma in EITHER_DESCRIPTORS:
        types = frozenset({"organization", "person"})
    elif lemma in DESCRIPTOR_TYPES or lemma in DESCRIPTION_CLASSES:
        described = DESCRIPTOR_TYPES.get(lemma) or DESCRIPTION_CLASSES[lemma]
        # A proper name spaCy left untyped ('Arm') may well be what 'the company' describes.
        types = frozenset({described} if described == "person" else {described, "thing"})
    else:
        types = frozenset(THING_TYPES | {"person"})
    return Anaphor(token, "description", types, determiner[0].i, token.i + 1)


# Tags of a modifier that measures or counts ('the 240,000 square meter park'), or says
# where from ('the Japanese carmaker'): it tells no named one apart.
UNNAMING_LABELS = frozenset({"NORP", "QUANTITY", "CARDINAL", "MONEY", "PERCENT"})


def introduces_nothing(noun: Token) -> bool:
    """False for a noun phrase that says which entity it is rather than pointing back: 'the
    chief executive of Microsoft', 'the Nvidia chip', 'the company that wins', 'the firm,
    Arm'."""
    for child in noun.children:
        if child.dep_ in ("conj", "cc") or intensive(child):
            continue  # 'won the championship and $50,000', 'the series itself'
        if child.dep_ in ("appos", "poss"):
            return False
        # A name inside says which one ('the Nvidia chip'); a nationality does not.
        if (child.pos_ == "PROPN" or child.ent_type_) and child.ent_type_ not in UNNAMING_LABELS:
            return False
        if child.dep_ == "prep" and child.lower_ in ("of", "at", "for", "behind"):
            if not adverbial(child):
                return False
        # A restrictive relative clause (no comma before it) defines its noun.
        if child.dep_ == "relcl" and noun.doc[child.left_edge.i - 1].text != ",":
            return False
    return True


def adverbial(prep: Token) -> bool:
    """'having the cocktail at dessert time', 'the drink at night': a bare singular noun after
    'at' or 'for' says when or how, not which one ('the chief executive at Zeta', 'the
    lawyer for the city', 'the lawyer for victims'); 'of' always says which."""
    if prep.lower_ == "of":
        return False
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(
        o.tag_ == "NN"
        and not o.ent_type_
        and not any(c.dep_ in ("det", "poss") or c.pos_ == "PROPN" for c in o.children)
        for o in objects
    )


def intensive(child: Token) -> bool:
    """'the series itself': a reflexive beside its noun stresses it, and says nothing of which."""
    return child.dep_ == "appos" and child.lower_ in REFLEXIVES


def is_pleonastic(token: Token) -> bool:
    """An 'it' that stands for no entity: extraposition ('it is unclear whether', 'it is
    obvious why'), clefts ('it was a bold step that'), raising and weather verbs ('it seems
    that', 'it rains'), and object expletives ('makes it possible to')."""
    if token.lower_ != "it":
        return False
    if token.dep_ == "expl":
        return True
    verb = token.head
    if token.dep_ == "dobj" and any(c.dep_ in ("ccomp", "xcomp", "oprd") for c in verb.children):
        return any(c.dep_ in ("acomp", "oprd") or c.pos_ == "ADJ" for c in verb.children)
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if verb.lemma_ in WEATHER_VERBS:
        return True
    # 'It was a bold step': an event or a state of affairs, not an entity.
    if any(c.dep_ == "attr" and c.lemma_.lower() in STATE_OF_AFFAIRS_NOUNS for c in verb.children):
        return True
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS and c.i > token.i]
    predicates = [c for c in verb.children if c.dep_ in ("acomp", "attr")]
    for predicate in predicates:
        if predicate.lemma_.lower() in CONTROL_ADJECTIVES:
            continue  # 'it is willing to pay': the infinitive is what it does
        clauses += [c for c in predicate.children if c.dep_ in CLAUSE_DEPS]
    if not clauses:
        return False
    if verb.lemma_ in RAISING_VERBS:
        return True
    return bool(predicates) and any(introduced_clause(c) for c in clauses)


def introduced_clause(clause: Token) -> bool:
    """A clause opened by 'that', 'whether', 'to', a wh-word, or a cleft's relative."""
    if clause.dep_ == "relcl":
        return True
    return any(
        (c.dep_ in ("mark", "aux") and c.lower_ in ("that", "whether", "if", "to"))
        or c.tag_ in ("WDT", "WP", "WRB")
        for c in clause.children
    )
