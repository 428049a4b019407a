"""The entities of a graph as a reader checks them: name, type, mentions, aliases, and why each
alias was taken to name the entity."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox

from graph.rdf.vocab import CLASS_TYPES, PREFIXES

ENTITIES_QUERY = """
SELECT ?entity ?label ?type ?mentions WHERE {
  ?entity a kg:Entity ; rdfs:label ?label ; a ?type ; kg:mentionCount ?mentions .
  FILTER (?type != kg:Entity)
}"""
ALIASES_QUERY = "SELECT ?entity ?alias WHERE { ?entity skos:altLabel ?alias }"
REFERENCES_QUERY = """
SELECT ?entity (SUM(?count) AS ?references) WHERE { GRAPH ?g {
  ?occurrence kg:entity ?entity ; kg:referenceCount ?count
} } GROUP BY ?entity"""
MERGES_QUERY = """
SELECT DISTINCT ?entity ?alias ?reason WHERE { GRAPH ?g {
  ?occurrence kg:entity ?entity ; kg:merge ?merge . ?merge kg:alias ?alias ; kg:reason ?reason
} }"""


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


VALUE_TYPES = frozenset({"concept", "date", "quantity"})


def list_entities(store: ox.Store, *, include_values: bool = False) -> list[EntityRecord]:
    """Every named entity, most mentioned first; concepts ('large language model'), dates and
    quantities only on request."""
    aliases: dict[str, list[str]] = defaultdict(list)
    for row in store.query(ALIASES_QUERY, prefixes=PREFIXES):
        aliases[row["entity"].value].append(row["alias"].value)
    merges: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in store.query(MERGES_QUERY, prefixes=PREFIXES, use_default_graph_as_union=True):
        merges[row["entity"].value].append((row["alias"].value, row["reason"].value))
    references = {
        row["entity"].value: int(row["references"].value)
        for row in store.query(REFERENCES_QUERY, prefixes=PREFIXES, use_default_graph_as_union=True)
        if row["references"] is not None
    }
    records = []
    for row in store.query(ENTITIES_QUERY, prefixes=PREFIXES):
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
