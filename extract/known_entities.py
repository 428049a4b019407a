"""Entities named by earlier documents: a new document's short names resolve to them.

The cross-document half of entity identity (extract.entities holds the rules within one
document): when a graph already knows exactly one person called Zuckerberg, 'Zuckerberg' alone in
a later article is that person.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from extract.aliases import FIRST_NAME_TYPES, Name, NameIndex
from extract.names import entity_key, name_words
from extract.triple import Entity, Extraction, Mention, Triple

__all__ = ["UNNAMED_TYPES", "KnownEntities", "resolve_extraction"]

# Types whose entities carry no name of their own: values and common-noun concepts.
UNNAMED_TYPES = frozenset({"concept", "date", "quantity"})


class KnownEntities:
    """Entities named by earlier documents, so that a new document's short names resolve to them
    (rule 3 across documents, for people's last names and beginnings of names only):
    'Zuckerberg' alone in a later article is Mark Zuckerberg when the graph knows exactly one
    person of that last name."""

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self.keys: set[str] = set()
        self.names = NameIndex(
            first_names=False, endings=False, acronyms=False, surname_types=FIRST_NAME_TYPES
        )
        self.entities: dict[str, Entity] = {}
        for entity in entities:
            self.add(entity)

    def add(self, entity: Entity) -> None:
        if entity.type not in UNNAMED_TYPES:
            name = known_name(entity)
            self.keys.add(name.key)
            self.entities.setdefault(name.key, entity)
            self.names.add(name)

    def resolve(self, entity: Entity) -> tuple[Entity, str]:
        """The known entity `entity` names, and why; itself and '' when none or several."""
        if entity.type in UNNAMED_TYPES or entity_key(entity.name) in self.keys:
            return entity, ""
        found = {full.key: rule for full, rule in self.names.candidates(known_name(entity))}
        if len(found) != 1:
            return entity, ""
        key, rule = next(iter(found.items()))
        known = self.entities[key]
        return known, f"{rule} {known.name}, named in another document"


def known_name(entity: Entity) -> Name:
    words = tuple(name_words(entity.name))
    person = entity.type == "person"
    return Name(
        key=entity_key(entity.name),
        words=words,
        types=frozenset({entity.type}) - {"thing"},
        person=person and len(words) > 1,
    )


def resolve_extraction(extraction: Extraction, known: KnownEntities) -> Extraction:
    """Rename the entities of one document's extraction to the known entities they name, then
    add them to `known`."""
    resolved: dict[Entity, tuple[Entity, str]] = {}

    def entity_of(entity: Entity) -> Entity:
        if entity not in resolved:
            resolved[entity] = known.resolve(entity)
        return resolved[entity][0]

    def renamed_triple(triple: Triple) -> Triple:
        subject, obj = entity_of(triple.subject), entity_of(triple.object)
        speaker = triple.attributed_to and entity_of(triple.attributed_to)
        if (subject, obj, speaker) == (triple.subject, triple.object, triple.attributed_to):
            return triple  # most entities are not renamed: spare the copies
        return replace(triple, subject=subject, object=obj, attributed_to=speaker)

    def renamed_mention(mention: Mention) -> Mention:
        if mention.entity is None:
            return mention
        entity = entity_of(mention.entity)
        reason = mention.reason or resolved[mention.entity][1]
        if entity == mention.entity and reason == mention.reason:
            return mention
        return replace(mention, entity=entity, reason=reason)

    triples = tuple(renamed_triple(t) for t in extraction.triples)
    mentions = tuple(renamed_mention(m) for m in extraction.mentions)
    for entity, _ in resolved.values():
        known.add(entity)
    return replace(extraction, triples=triples, mentions=mentions)
