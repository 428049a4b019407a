"""The data that flows out of extraction: plain strings and character offsets, no spaCy objects.

Graph code and its tests use these types without ever importing spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Coarse entity types, the most specific first (ties in type votes go to the earlier one).
# spaCy's NER labels map onto them in `extract.entities`; the graph maps them onto schema.org
# classes.
ENTITY_TYPES = (
    "person",
    "organization",
    "product",
    "place",
    "event",
    "work",
    "law",
    "language",
    "group",
    "date",
    "quantity",
    "thing",  # a proper name spaCy did not type
    "concept",  # a common noun phrase: "large language model"
)


@dataclass(frozen=True)
class Document:
    """One input text, or one part of a long one. `id` is the path it came from, or `stdin`;
    `offset` is where `text` starts in that file (see extract.pipeline.document_parts).

    `format` is the format it was read from (text, markdown, html, pdf, docx: see
    extract.readers); `title`, `author` and `published` (ISO 8601 date or date-time) are what
    the file says of itself, where its format carries them.
    """

    id: str
    text: str
    offset: int = 0
    # Out of the repr, which shows what is parsed.
    format: str = field(default="text", repr=False)
    title: str | None = field(default=None, repr=False)
    author: str | None = field(default=None, repr=False)
    published: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Entity:
    """A resolved entity: its canonical name within the document and its type."""

    name: str
    type: str


MENTION_KINDS = ("name", "pronoun", "description")


@dataclass(frozen=True)
class Mention:
    """One place in a document that names an entity or refers to one.

    `kind` is one of MENTION_KINDS; a pronoun or description ("it", "the company") that could
    not be resolved has no `entity`. `reason` says why the words stand for `entity` when they
    are not its name as is (a merge rule, or the antecedent chosen and its score), or why a
    reference stayed unresolved.
    """

    entity: Entity | None
    text: str
    start: int
    end: int
    reason: str = ""
    kind: str = "name"

    @property
    def reference(self) -> bool:
        """A pronoun or description, not a name."""
        return self.kind != "name"


@dataclass(frozen=True)
class Evidence:
    """Where a triple was read: the sentence and the character offsets of each part.

    Offsets are into the document text; `subject` and `object` point at the words in the
    sentence (a pronoun, when the argument was resolved by coreference).
    """

    document: str
    sentence: str
    sentence_start: int
    subject: tuple[int, int]
    relation: tuple[int, int]
    object: tuple[int, int]


@dataclass(frozen=True, kw_only=True)
class Triple:
    """A subject-relation-object statement read from one sentence.

    `predicate` is the lemma form that identifies the relation ("partner with"); `relation` is
    its readable form ("partners with"). A negated triple is a statement that the text denies,
    never a fact; `attributed_to` names who claimed it when it was only reported; `modality`
    records hedges ("possible", "intended").
    """

    subject: Entity
    relation: str
    predicate: str
    object: Entity
    confidence: float
    evidence: Evidence
    rule: str
    negated: bool = False
    attributed_to: Entity | None = None
    modality: str | None = None

    @property
    def asserted(self) -> bool:
        """Whether the text states this as a plain fact (not denied, reported or hedged)."""
        return not self.negated and self.attributed_to is None and self.modality is None


@dataclass(frozen=True)
class Extraction:
    """Everything read from one document: its triples and every entity mention."""

    document: Document
    triples: tuple[Triple, ...] = field(default=())
    mentions: tuple[Mention, ...] = field(default=())
