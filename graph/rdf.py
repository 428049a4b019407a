"""Triples -> RDF.

A document's contribution is one named graph, named by the document's IRI: the document, its
sentences, one `kg:Statement` per triple read (with confidence, negation, attribution, modality
and character offsets), and one `kg:Occurrence` per entity it names. Rebuilding a document
replaces exactly that graph.

The facts a reader wants to query directly live in the default graph and are derived from all
document graphs by `fact_quads`: each entity once (type by majority, label, aliases, mention
count), each relation once with its readable label, and one edge `subject relation object` for
every triple that some document asserts (not negated, attributed or hedged).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from extract.triple import Entity, Extraction, Triple
from graph.vocab import (
    KG,
    TYPE_CLASSES,
    document_iri,
    entity_iri,
    relation_iri,
    sentence_iri,
    statement_iri,
)

DEFAULT = ox.DefaultGraph()


def iri(value: str) -> ox.NamedNode:
    return ox.NamedNode(str(value))


def literal(value: str | int | float | bool) -> ox.Literal:
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=iri(XSD.boolean))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=iri(XSD.integer))
    if isinstance(value, float):
        return ox.Literal(f"{value:.3f}", datatype=iri(XSD.decimal))
    return ox.Literal(value)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def document_quads(extraction: Extraction) -> list[ox.Quad]:
    """The named graph of one document."""
    document = extraction.document
    graph = iri(document_iri(document.id))
    triples = [
        (graph, iri(RDF.type), iri(KG.Document)),
        (graph, iri(RDF.type), iri(PROV.Entity)),
        (graph, iri(KG.path), literal(document.id)),
        (graph, iri(KG.contentHash), literal(content_hash(document.text))),
    ]
    for triple in extraction.triples:
        triples += statement_triples(triple, graph)
    triples += occurrence_triples(extraction, graph)
    return [ox.Quad(s, p, o, graph) for s, p, o in dict.fromkeys(triples)]


def statement_triples(triple: Triple, document: ox.NamedNode) -> Iterator[tuple]:
    evidence = triple.evidence
    sentence_end = evidence.sentence_start + len(evidence.sentence)
    sentence = iri(sentence_iri(evidence.document, evidence.sentence_start, sentence_end))
    subject, obj = iri(entity_iri(triple.subject.name)), iri(entity_iri(triple.object.name))
    predicate = iri(relation_iri(triple.predicate))
    node = iri(statement_iri(evidence.document, evidence.subject, evidence.relation, evidence.object,
                             subject.value, predicate.value, obj.value, triple.negated, triple.modality))
    yield sentence, iri(RDF.type), iri(KG.Sentence)
    yield sentence, iri(DCTERMS.isPartOf), document
    yield sentence, iri(KG.text), literal(evidence.sentence)
    yield sentence, iri(KG.start), literal(evidence.sentence_start)
    yield sentence, iri(KG.end), literal(sentence_end)
    yield node, iri(RDF.type), iri(KG.Statement)
    yield node, iri(RDF.subject), subject
    yield node, iri(RDF.predicate), predicate
    yield node, iri(RDF.object), obj
    yield node, iri(KG.relation), literal(triple.relation)
    yield node, iri(KG.confidence), literal(float(triple.confidence))
    yield node, iri(KG.negated), literal(triple.negated)
    yield node, iri(KG.asserted), literal(triple.asserted)
    yield node, iri(KG.rule), literal(triple.rule)
    yield node, iri(PROV.wasDerivedFrom), sentence
    if triple.modality:
        yield node, iri(KG.modality), literal(triple.modality)
    if triple.attributed_to is not None:
        yield node, iri(PROV.wasAttributedTo), iri(entity_iri(triple.attributed_to.name))
    for name, (start, end) in (("subject", evidence.subject), ("relation", evidence.relation),
                               ("object", evidence.object)):
        yield node, iri(KG[f"{name}Start"]), literal(start)
        yield node, iri(KG[f"{name}End"]), literal(end)


def occurrence_triples(extraction: Extraction, document: ox.NamedNode) -> Iterator[tuple]:
    """How this document names each entity: its name, the words used, the type, how often."""
    entities: dict[str, list] = {}
    for mention in extraction.mentions:
        entities.setdefault(entity_iri(mention.entity.name), [mention.entity, Counter()])[1][mention.text] += 1
    for triple in extraction.triples:
        for entity in (triple.subject, triple.object, triple.attributed_to):
            if entity is not None:
                entities.setdefault(entity_iri(entity.name), [entity, Counter()])
    for entity_value, (entity, aliases) in entities.items():
        node = iri(f"{document.value}#entity={entity_value.rsplit('/', 1)[1]}")
        yield node, iri(RDF.type), iri(KG.Occurrence)
        yield node, iri(DCTERMS.isPartOf), document
        yield node, iri(KG.entity), iri(entity_value)
        yield node, iri(KG.name), literal(entity.name)
        yield node, iri(KG.entityType), iri(TYPE_CLASSES[entity.type])
        yield node, iri(KG.mentionCount), literal(max(1, sum(aliases.values())))
        for alias in aliases:
            yield node, iri(KG.alias), literal(" ".join(alias.split()))


def fact_quads(
    occurrences: Iterable[dict], aliases: Iterable[dict], statements: Iterable[dict]
) -> list[ox.Quad]:
    """The default graph, derived from every document's occurrences and statements.

    Args:
        occurrences: rows with `entity`, `name`, `type` (class IRI) and `count`.
        aliases: rows with `entity` and `alias`.
        statements: rows with `subject`, `predicate`, `object`, `relation` and `asserted`.
    """
    names: dict[str, Counter[str]] = defaultdict(Counter)
    types: dict[str, Counter[str]] = defaultdict(Counter)
    for row in occurrences:
        names[row["entity"]][row["name"]] += row["count"]
        types[row["entity"]][row["type"]] += row["count"]
    alias_sets: dict[str, set[str]] = defaultdict(set)
    for row in aliases:
        alias_sets[row["entity"]].add(row["alias"])
    quads = entity_quads(names, types, alias_sets)
    relations: dict[str, str] = {}
    for row in statements:
        relations.setdefault(row["predicate"], row["relation"])
        if row["asserted"]:
            quads.append(ox.Quad(iri(row["subject"]), iri(row["predicate"]), iri(row["object"]), DEFAULT))
    for predicate, label in sorted(relations.items()):
        quads += [
            ox.Quad(iri(predicate), iri(RDF.type), iri(OWL.ObjectProperty), DEFAULT),
            ox.Quad(iri(predicate), iri(RDFS.label), literal(label), DEFAULT),
        ]
    return list(dict.fromkeys(quads))


def entity_quads(
    names: dict[str, Counter[str]], types: dict[str, Counter[str]], aliases: dict[str, set[str]]
) -> list[ox.Quad]:
    """Each entity once: the name and type most of its mentions give, the other names as aliases."""
    quads = []
    for entity in sorted(names):
        label = max(names[entity], key=lambda n: (names[entity][n], len(n), n))
        kind = max(types[entity], key=lambda t: (types[entity][t], t))
        node = iri(entity)
        quads += [
            ox.Quad(node, iri(RDF.type), iri(KG.Entity), DEFAULT),
            ox.Quad(node, iri(RDF.type), iri(kind), DEFAULT),
            ox.Quad(node, iri(RDFS.label), literal(label), DEFAULT),
            ox.Quad(node, iri(KG.mentionCount), literal(sum(types[entity].values())), DEFAULT),
        ]
        quads += [
            ox.Quad(node, iri(SKOS.altLabel), literal(alias), DEFAULT)
            for alias in sorted((aliases[entity] | set(names[entity])) - {label})
        ]
    return quads


__all__ = ["Entity", "content_hash", "document_quads", "fact_quads"]
