"""The facts: what the default graph and the entity network are derived from.

Each entity once (the name and type most of its mentions give, its other names, how often it
is mentioned), each relation once with its most common readable form, an edge `subject relation
object` for every triple some document asserts, and the network's edges with their evidence.
`Facts` gathers them one occurrence and one statement at a time, from either source:

- the store, every document's graph (graph.store.facts.read_facts);
- a build's extractions as it writes them (`Facts.add_extraction`): when a build parses every
  document of the graph anyway, this spares reading the whole store back, which costs more
  than writing it (about 8 us a quad read here).

Both give the same facts, whatever the order the documents come in.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TypedDict

import networkx as nx
import pyoxigraph as ox

from extract.triple import Extraction
from graph.rdf.quads import Occurrences, entity_occurrences
from graph.rdf.terms import A_NT, NT, nt_iri, nt_literal
from graph.rdf.turtle import turtle_text
from graph.rdf.vocab import CLASS_TYPES, TYPE_CLASSES, entity_iri, relation_iri


class Evidence(TypedDict):
    """One sentence behind an edge of the network (a dict: networkx attributes are data)."""

    sentence: str
    document: str  # its id
    confidence: float


class NodeAttributes(TypedDict):
    """What the network holds of an entity (graph.store.facts.to_networkx documents them)."""

    label: str
    type: str  # a name of extract's types: person, organization, concept...
    aliases: list[str]
    mentions: int


@dataclass(frozen=True)
class EntityFacts:
    """One entity as all documents together name it."""

    label: str  # the name most of its mentions give
    class_iri: str  # its schema.org or kg class, the type most of its mentions give
    aliases: list[str]  # its other names, sorted
    mentions: int


# (subject, object, predicate, kind): one edge of the network per relation and kind.
EdgeKey = tuple[str, str, str, str]


@dataclass
class Edge:
    """One edge of the network as statements add to it."""

    forms: Counter[str] = field(default_factory=Counter)  # the readable relations, counted
    confidence: float = 0.0  # the highest of its statements
    evidence: list[Evidence] = field(default_factory=list)


class Facts:
    """Facts gathered so far; see the module's documentation."""

    def __init__(self) -> None:
        self.names: dict[str, Counter[str]] = defaultdict(Counter)
        self.types: dict[str, Counter[str]] = defaultdict(Counter)
        self.aliases: dict[str, set[str]] = defaultdict(set)
        self.relations: dict[str, Counter[str]] = defaultdict(Counter)
        self.edges: dict[EdgeKey, Edge] = {}
        # `entities` as last computed: a build asks for them twice (the default graph, the
        # network); None once an occurrence or alias is added since.
        self.computed: dict[str, EntityFacts] | None = None

    def add_occurrence(self, entity: str, name: str, type_class: str, count: int) -> None:
        """A document names `entity` `count` times, as `name`, of type `type_class` (an IRI)."""
        self.names[entity][name] += count
        self.types[entity][type_class] += count
        self.computed = None

    def add_alias(self, entity: str, alias: str) -> None:
        self.aliases[entity].add(alias)
        self.computed = None

    def add_statement(
        self,
        *,
        subject: str,
        predicate: str,
        object: str,
        relation: str,
        confidence: float,
        negated: bool,
        modality: str | None,
        speaker: str | None,
        sentence: str,
        document: str,
    ) -> None:
        """One statement a document makes (entities and predicate as IRIs)."""
        self.relations[predicate][relation] += 1
        kind = statement_kind(negated=negated, speaker=speaker, modality=modality)
        edge = self.edges.setdefault((subject, object, predicate, kind), Edge())
        edge.forms[relation] += 1
        edge.confidence = max(edge.confidence, confidence)
        edge.evidence.append(Evidence(sentence=sentence, document=document, confidence=confidence))

    def add_extraction(
        self, extraction: Extraction, *, occurrences: Occurrences | None = None
    ) -> None:
        """What one document (or part of one) adds, as its graph in the store says it
        (`occurrences`: its `entity_occurrences`, if the caller has them)."""
        if occurrences is None:
            occurrences = entity_occurrences(extraction)
        for found in occurrences:
            type_class = str(TYPE_CLASSES[found.entity.type])
            self.add_occurrence(found.iri, found.entity.name, type_class, found.mentions)
            for alias in found.names:
                self.add_alias(found.iri, alias)
        seen = set()
        for triple in extraction.triples:
            evidence = triple.evidence
            speaker = triple.attributed_to and entity_iri(triple.attributed_to.name)
            statement = (
                entity_iri(triple.subject.name),
                relation_iri(triple.predicate),
                entity_iri(triple.object.name),
                evidence.subject,
                evidence.relation,
                evidence.object,
                triple.negated,
                triple.modality,
            )
            if statement in seen:  # one statement in the store, as its IRI says
                continue
            seen.add(statement)
            self.add_statement(
                subject=statement[0],
                predicate=statement[1],
                object=statement[2],
                relation=triple.relation,
                confidence=round(triple.confidence, 3),  # as the store keeps it
                negated=triple.negated,
                modality=triple.modality or None,
                speaker=speaker,
                sentence=evidence.sentence,
                document=evidence.document,
            )

    def entities(self) -> dict[str, EntityFacts]:
        """Each entity, by IRI."""
        if self.computed is None:
            self.computed = self.compute_entities()
        return self.computed

    def compute_entities(self) -> dict[str, EntityFacts]:
        nodes = {}
        for entity, names in self.names.items():
            label = max(names, key=lambda n: (names[n], len(n), n))
            kind = max(self.types[entity], key=lambda t: (self.types[entity][t], t))
            nodes[entity] = EntityFacts(
                label=label,
                class_iri=kind,
                aliases=sorted((self.aliases[entity] | set(names)) - {label}),
                mentions=sum(self.types[entity].values()),
            )
        return nodes

    def quads(self) -> list[ox.Quad]:
        """The default graph."""
        return list(ox.parse(self.nquads(), format=ox.RdfFormat.N_QUADS))

    def nquads(self) -> bytes:
        """The default graph as N-Quads, which the store loads without a Python object per
        term (see graph.store.facts.write_facts)."""
        return "".join(f"{s} {p} {o} .\n" for s, p, o in self.triples()).encode()

    def turtle(self) -> bytes:
        """The default graph as Turtle statements (graph.rdf.turtle), for graph.ttl: written
        from the facts, not read back from the store."""
        return turtle_text(self.triples()).encode()

    def triples(self) -> list[tuple[str, str, str]]:
        """The default graph, as N-Triples terms: entities, then asserted edges, then
        relations, each sorted by IRI."""
        triples = []
        for entity, node in sorted(self.entities().items()):
            subject = nt_iri(entity)
            triples += [
                (subject, A_NT, NT["kg:Entity"]),
                (subject, A_NT, nt_iri(node.class_iri)),
                (subject, NT["rdfs:label"], nt_literal(node.label)),
                (subject, NT["kg:mentionCount"], nt_literal(node.mentions)),
            ]
            triples += [(subject, NT["skos:altLabel"], nt_literal(a)) for a in node.aliases]
        for subject, obj, predicate, kind in sorted(self.edges):
            if kind == "asserted":
                triples.append((nt_iri(subject), nt_iri(predicate), nt_iri(obj)))
        for predicate, forms in sorted(self.relations.items()):
            relation = nt_iri(predicate)
            triples += [
                (relation, A_NT, NT["owl:ObjectProperty"]),
                (relation, NT["rdfs:label"], nt_literal(most_common(forms))),
            ]
        return triples

    def network(self, nodes: dict[str, NodeAttributes] | None = None) -> nx.MultiDiGraph:
        """The entity network (see graph.store.facts.to_networkx), with the attributes of `nodes`
        (by default, the entities gathered here)."""
        if nodes is None:
            nodes = {
                entity: NodeAttributes(
                    label=node.label,
                    type=CLASS_TYPES.get(node.class_iri, "thing"),
                    aliases=list(node.aliases),  # the network's own: its users may change it
                    mentions=node.mentions,
                )
                for entity, node in self.entities().items()
            }
        graph = nx.MultiDiGraph()
        for (subject, obj, predicate, kind), edge in sorted(self.edges.items()):
            for node in (subject, obj):
                if node not in graph:
                    graph.add_node(node, **nodes.get(node, fallback_node(node)))
            evidence = sorted(
                edge.evidence, key=lambda e: (-e["confidence"], e["document"], e["sentence"])
            )
            graph.add_edge(
                subject,
                obj,
                key=f"{predicate}|{kind}",
                predicate=predicate,
                label=most_common(edge.forms),
                kind=kind,
                confidence=edge.confidence,
                evidence=evidence,
            )
        return graph


def statement_kind(*, negated: bool, speaker: str | None, modality: str | None) -> str:
    """How a statement stands: asserted (a fact), negated, reported or hedged."""
    if negated:
        return "negated"
    if speaker is not None:
        return "reported"
    if modality is not None:
        return "hedged"
    return "asserted"


def most_common(forms: Counter[str]) -> str:
    """The most frequent form, ties to the first in alphabetical order.

    >>> most_common(Counter({"partnered with": 2, "partners with": 2, "works with": 1}))
    'partnered with'
    """
    return min(forms, key=lambda form: (-forms[form], form))


def fallback_node(entity: str) -> NodeAttributes:
    return NodeAttributes(label=entity.rsplit("/", 1)[-1], type="thing", aliases=[], mentions=0)
