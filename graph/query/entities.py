"""The entities of a graph as a reader checks them: name, type, mentions, aliases, and why each
alias was taken to name the entity."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from graph.queries import query_text
from graph.rdf.network import VALUE_TYPES
from graph.rdf.vocab import CLASS_TYPES, PREFIXES
from graph.store.store import Store


@dataclass(frozen=True)
class EntityRecord:
    """One entity of the graph and the evidence of its identity."""

    iri: str
    label: str
    type: str
    mentions: int
    references: int  # how many of the mentions are pronouns or descriptions
    aliases: tuple[str, ...]
    merges: tuple[tuple[str, str], ...]  # (alias, why it names this entity)


def list_entities(store: Store, *, include_values: bool = False) -> list[EntityRecord]:
    """Every named entity, most mentioned first; concepts ('large language model'), dates and
    quantities only on request."""
    aliases: dict[str, list[str]] = defaultdict(list)
    for row in store.query(query_text("entity_aliases"), prefixes=PREFIXES):
        aliases[row["entity"].value].append(row["alias"].value)
    merges: dict[str, list[tuple[str, str]]] = defaultdict(list)
    rows = store.query(query_text("merges"), prefixes=PREFIXES, use_default_graph_as_union=True)
    for row in rows:
        merges[row["entity"].value].append((row["alias"].value, row["reason"].value))
    rows = store.query(query_text("references"), prefixes=PREFIXES, use_default_graph_as_union=True)
    references = {
        row["entity"].value: int(row["references"].value)
        for row in rows
        if row["references"] is not None
    }
    records = []
    for row in store.query(query_text("entity_nodes"), prefixes=PREFIXES):
        kind = CLASS_TYPES.get(row["type"].value, "thing")
        if kind in VALUE_TYPES and not include_values:
            continue
        iri = row["entity"].value
        records.append(
            EntityRecord(
                iri,
                row["label"].value,
                kind,
                int(row["mentions"].value),
                references.get(iri, 0),
                tuple(sorted(aliases[iri])),
                tuple(sorted(merges[iri])),
            )
        )
    return sorted(records, key=lambda r: (-r.mentions, r.label))
