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
    segment,
    sentence_iri,
    statement_iri,
)

DEFAULT = ox.DefaultGraph()


def iri(value: str) -> ox.NamedNode:
    return ox.NamedNode(str(value))


def literal(value: str | int | float | bool) -> ox.Literal:
    if isinstance(value, bool):
        return TRUE if value else FALSE
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=INTEGER)
    if isinstance(value, float):
        return ox.Literal(f"{value:.3f}", datatype=DECIMAL)
    return ox.Literal(value)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# Terms built once: rdflib's namespace attribute lookups cost more than the writes themselves.
A = iri(RDF.type)
BOOLEAN, INTEGER, DECIMAL = iri(XSD.boolean), iri(XSD.integer), iri(XSD.decimal)
TRUE, FALSE = ox.Literal("true", datatype=BOOLEAN), ox.Literal("false", datatype=BOOLEAN)
KG_TERMS = """Document Sentence Statement Occurrence Entity path contentHash text start end relation
confidence negated asserted rule modality entity name entityType mentionCount alias merge reason
subjectStart subjectEnd relationStart relationEnd objectStart objectEnd""".split()
TERMS = {f"kg:{term}": iri(KG[term]) for term in KG_TERMS} | {
    f"{prefix}:{term}": iri(namespace[term])
    for prefix, namespace, terms in [
        ("prov", PROV, ["Entity", "wasDerivedFrom", "wasAttributedTo"]),
        ("dcterms", DCTERMS, ["isPartOf"]),
        ("rdf", RDF, ["subject", "predicate", "object"]),
        ("rdfs", RDFS, ["label"]),
        ("skos", SKOS, ["altLabel"]),
        ("owl", OWL, ["ObjectProperty"]),
    ]
    for term in terms
}


def document_quads(extraction: Extraction) -> list[ox.Quad]:
    """The named graph of one document."""
    document = extraction.document
    graph = iri(document_iri(document.id))
    triples = [
        (graph, A, TERMS["kg:Document"]),
        (graph, A, TERMS["prov:Entity"]),
        (graph, TERMS["kg:path"], literal(document.id)),
        (graph, TERMS["kg:contentHash"], literal(content_hash(document.text))),
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
    node = iri(
        statement_iri(
            evidence.document,
            evidence.subject,
            evidence.relation,
            evidence.object,
            subject.value,
            predicate.value,
            obj.value,
            triple.negated,
            triple.modality,
        )
    )
    yield sentence, A, TERMS["kg:Sentence"]
    yield sentence, TERMS["dcterms:isPartOf"], document
    yield sentence, TERMS["kg:text"], literal(evidence.sentence)
    yield sentence, TERMS["kg:start"], literal(evidence.sentence_start)
    yield sentence, TERMS["kg:end"], literal(sentence_end)
    yield node, A, TERMS["kg:Statement"]
    yield node, TERMS["rdf:subject"], subject
    yield node, TERMS["rdf:predicate"], predicate
    yield node, TERMS["rdf:object"], obj
    yield node, TERMS["kg:relation"], literal(triple.relation)
    yield node, TERMS["kg:confidence"], literal(float(triple.confidence))
    yield node, TERMS["kg:negated"], literal(triple.negated)
    yield node, TERMS["kg:asserted"], literal(triple.asserted)
    yield node, TERMS["kg:rule"], literal(triple.rule)
    yield node, TERMS["prov:wasDerivedFrom"], sentence
    if triple.modality:
        yield node, TERMS["kg:modality"], literal(triple.modality)
    if triple.attributed_to is not None:
        yield node, TERMS["prov:wasAttributedTo"], iri(entity_iri(triple.attributed_to.name))
    for name, (start, end) in (
        ("subject", evidence.subject),
        ("relation", evidence.relation),
        ("object", evidence.object),
    ):
        yield node, TERMS[f"kg:{name}Start"], literal(start)
        yield node, TERMS[f"kg:{name}End"], literal(end)


def occurrence_triples(extraction: Extraction, document: ox.NamedNode) -> Iterator[tuple]:
    """How this document names each entity: its name, the words used and why they name it, the
    type, how often."""
    entities: dict[str, tuple[Entity, Counter[str], dict[str, str]]] = {}
    # Pronouns and descriptions count as mentions but are no names of the entity.
    references = {" ".join(m.text.split()) for m in extraction.mentions if m.reference}
    for mention in extraction.mentions:
        _, aliases, reasons = entities.setdefault(
            entity_iri(mention.entity.name), (mention.entity, Counter(), {})
        )
        alias = " ".join(mention.text.split())
        aliases[alias] += 1
        if mention.reason and not mention.reference:
            reasons[alias] = mention.reason
    for triple in extraction.triples:
        for entity in (triple.subject, triple.object, triple.attributed_to):
            if entity is not None:
                entities.setdefault(entity_iri(entity.name), (entity, Counter(), {}))
    for entity_value, (entity, aliases, reasons) in entities.items():
        node = iri(f"{document.value}#entity={entity_value.rsplit('/', 1)[1]}")
        yield node, A, TERMS["kg:Occurrence"]
        yield node, TERMS["dcterms:isPartOf"], document
        yield node, TERMS["kg:entity"], iri(entity_value)
        yield node, TERMS["kg:name"], literal(entity.name)
        yield node, TERMS["kg:entityType"], iri(TYPE_CLASSES[entity.type])
        yield node, TERMS["kg:mentionCount"], literal(max(1, sum(aliases.values())))
        for alias in aliases.keys() - references:
            yield node, TERMS["kg:alias"], literal(alias)
        for alias, reason in reasons.items():
            merge = iri(f"{node.value}&alias={segment(alias)}")
            yield node, TERMS["kg:merge"], merge
            yield merge, TERMS["kg:alias"], literal(alias)
            yield merge, TERMS["kg:reason"], literal(reason)


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
            quads.append(
                ox.Quad(iri(row["subject"]), iri(row["predicate"]), iri(row["object"]), DEFAULT)
            )
    for predicate, label in sorted(relations.items()):
        quads += [
            ox.Quad(iri(predicate), A, TERMS["owl:ObjectProperty"], DEFAULT),
            ox.Quad(iri(predicate), TERMS["rdfs:label"], literal(label), DEFAULT),
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
            ox.Quad(node, A, TERMS["kg:Entity"], DEFAULT),
            ox.Quad(node, A, iri(kind), DEFAULT),
            ox.Quad(node, TERMS["rdfs:label"], literal(label), DEFAULT),
            ox.Quad(node, TERMS["kg:mentionCount"], literal(sum(types[entity].values())), DEFAULT),
        ]
        quads += [
            ox.Quad(node, TERMS["skos:altLabel"], literal(alias), DEFAULT)
            for alias in sorted((aliases[entity] | set(names[entity])) - {label})
        ]
    return quads

