"""What the coreference resolver knows as it reads a document: the named mentions a word may
point back to, each entity's state so far (its names, the references resolved to it, where and
in what role it was last mentioned), and what a word was resolved to."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from extract.anaphora import FEMININE, MASCULINE, PERSON_PRONOUNS, Anaphor
from extract.coref_features import form_group, role_of, subject_verb
from extract.description_names import class_of, name_heads, said_classes
from extract.gender import given_name_gender, name_gender

# The words that join the parties of a case's name: 'Roe v. Wade', 'Kennedy versus Washington'.
CASE_JOINERS = frozenset({"versus", "v.", "vs.", "vs", "v"})

# A pronoun clashes with an entity that earlier pronouns of the other gender refer to.
GENDERED = {**dict.fromkeys(MASCULINE, FEMININE), **dict.fromkeys(FEMININE, MASCULINE)}


@dataclass(frozen=True)
class Antecedent:
    """A named mention that a later word may refer to."""

    span: Span
    cluster: int
    types: frozenset[str]


@dataclass
class EntityState:
    """What the resolver knows of one entity at a point of the document."""

    cluster: int
    types: frozenset[str]
    heads: set[str]  # lower-cased last words of its names
    words: set[str] = field(default_factory=set)  # words of its names a description may repeat
    descriptors: set[str] = field(default_factory=set)  # nouns said of it ('the chipmaker')
    name_words: set[str] = field(default_factory=set)  # every word of its names, lower case
    pronouns: set[str] = field(default_factory=set)  # pronouns resolved to it
    one_word: bool = True  # named by one word only ('Meta'), never in full ('Mark Zuckerberg')
    genders: set[str] = field(default_factory=set)  # what its names say: 'Ms Roe', 'Kevin Roe'
    # form group ('he', 'it', 'they') -> the token of the last such pronoun resolved to it
    last_pronoun: dict[str, int] = field(default_factory=dict)
    names: int = 0
    document_names: int = 0  # its names in the whole document, before and after the word
    references: int = 0
    subjects: int = 0
    first_sentence: int = 0
    last_token: int = -1
    last_sentence: int = -1
    last_role: str = "other"
    subject_of: set[int] = field(default_factory=set)  # the verbs of its sentence it is subject of
    members: tuple[int, ...] = ()  # a group's entities ('Meta and Microsoft'): see coref_groups

    @property
    def mentions(self) -> int:
        return self.names + self.references

    def mention(self, token: Token, sentence: int, *, reference: bool) -> None:
        if self.last_token < 0:
            self.first_sentence = sentence
        role = role_of(token)
        # 'Nvidia Corp. (NVDA) abandoned its bid': the entity stays the sentence's subject.
        if sentence == self.last_sentence and self.last_role == "subject":
            role = "subject"
        self.names += not reference
        self.references += reference
        self.subjects += role == "subject"
        if sentence != self.last_sentence:
            self.subject_of = set()
        if (verb := subject_verb(token)) is not None:
            self.subject_of.add(verb)
        self.last_token, self.last_sentence, self.last_role = token.i, sentence, role

    def referred(self, anaphor: Anaphor, sentence: int) -> None:
        """Count a pronoun or description resolved to this entity as its mention."""
        self.mention(anaphor.token, sentence, reference=True)
        if anaphor.kind == "description":
            self.descriptors.add(anaphor.form)
        else:
            self.pronouns.add(anaphor.form)
            self.last_pronoun[form_group(anaphor)] = anaphor.token.i


@dataclass(frozen=True)
class Resolution:
    """What one referring word was resolved to: clusters above threshold, best first, each
    with its probability; empty when unresolved, and why."""

    anaphor: Anaphor
    ranked: tuple[tuple[int, float], ...]
    reason: str


def entity_states(antecedents: list[Antecedent]) -> dict[int, EntityState]:
    states: dict[int, EntityState] = {}
    for antecedent in antecedents:
        state = states.setdefault(
            antecedent.cluster, EntityState(antecedent.cluster, antecedent.types, set())
        )
        state.heads.add(antecedent.span[-1].lower_)
        state.document_names += 1
        state.one_word &= len(antecedent.span) == 1
        state.words |= name_heads(antecedent.span)
        state.name_words |= {t.lower_ for t in antecedent.span}
        state.descriptors |= said_classes(antecedent.span)
        retype = not (state.types & {"person", "place"})
        if retype and (gender := given_name_gender(antecedent.span)):
            # 'Isabel' tagged a work of art, or not at all: a given name says person
            state.types |= {"person"}
            state.genders.add(gender)
        elif "person" in antecedent.types and (gender := name_gender(antecedent.span)):
            state.genders.add(gender)
    return states


def mentioned(span: Span, *, quoted: bool) -> bool:
    """Whether a name mentions its entity where it stands, for the salience and distance of
    the words after it: not the one addressed ('Your Honor' is 'you' there), nor a word cut
    off ('Ca- is that normal?'), nor a party of a case cited ('in Kennedy versus
    Washington' names a case: the 'he' after it is no Kennedy); `quoted` whether the name is
    inside a quotation."""
    return not (addressed(span) or span.text.endswith("-") or in_case_name(span, quoted=quoted))


def in_case_name(span: Span, *, quoted: bool) -> bool:
    """Whether a name is a party of a case's name: 'Kennedy versus Washington', 'Roe v.
    Wade'. Not within a quotation (`quoted`), where 'X vs. Y' is a title ('dubbed the
    conflict "Scientology vs. the Internet"' still mentions the Internet)."""
    if quoted:
        return False
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in CASE_JOINERS:
        return True
    return any(c.dep_ == "prep" and c.lower_ in CASE_JOINERS for c in root.children)


def addressed(span: Span) -> bool:
    """Whether a name is the one spoken to: 'Your Honor', 'your Majesty'. The one addressed
    is 'you' there, and a 'he' or 'it' after it is someone else. (Vocatives by their commas
    alone, 'Thank you, Roe.', are not told from lists of names by a small parse: on GUM that
    rule lost 24 right pronouns.)"""
    return any(c.dep_ == "poss" and c.lower_ == "your" for c in span.root.children)


def said_no_person(pronoun: str, state: EntityState) -> bool:
    """'Stardust is a NASA space capsule ... The project is called Stardust': what the text
    says an entity is decides over the tags that took its name for a person's, so 'he' is
    not the entity the text calls only things. Only where the tags too are split between a
    person and something else: what a parse says of a name is noisier than a tag ('In a
    recently-accepted Evolution paper, Bos ...' called Nick Bos a paper)."""
    if pronoun not in PERSON_PRONOUNS or state.types == {"person"}:
        return False
    said = {class_of(noun) for noun in state.descriptors} - {None}
    return bool(said) and "person" not in said


def gender_matches(pronoun: str, state: EntityState) -> bool:
    """Whether an entity's names say the gender of 'he' or 'she'."""
    return bool(state.genders) and pronoun in GENDERED and not gender_clashes(pronoun, state)


def gender_clashes(pronoun: str, state: EntityState) -> bool:
    """'she' cannot be a man's name, nor 'he' a woman's, when all its names agree on it."""
    if len(state.genders) != 1:
        return False
    gender = next(iter(state.genders))
    return (pronoun in MASCULINE and gender == "female") or (
        pronoun in FEMININE and gender == "male"
    )
