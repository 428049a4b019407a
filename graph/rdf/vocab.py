"""The RDF vocabulary kg writes: our own terms under one namespace, standard ones where they exist
(rdfs:label, skos:altLabel, schema.org classes, PROV, Dublin Core), and the IRIs we mint.

IRIs are minted under `https://kg.example.org/`, a name reserved for examples (RFC 2606): kg
does not own a domain, and a user who publishes a graph replaces the base.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from urllib.parse import quote

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace

from extract.entities import entity_key

BASE = "https://kg.example.org/"
ENTITY = Namespace(BASE + "entity/")
RELATION = Namespace(BASE + "relation/")
DOCUMENT = Namespace(BASE + "document/")
STATEMENT = Namespace(BASE + "statement/")


class KG(DefinedNamespace):
    """Terms of the kg vocabulary."""

    _NS = Namespace(BASE + "vocab#")
    _fail = True

    # Classes
    Entity: URIRef  # anything an argument of a triple stands for
    Concept: URIRef  # a common noun phrase used as an argument: "large language model"
    Group: URIRef  # nationalities, religious and political groups
    Date: URIRef
    Quantity: URIRef
    Document: URIRef
    Sentence: URIRef
    Statement: URIRef  # one reading of a triple from one sentence (an rdf:Statement)
    Occurrence: URIRef  # how one document names one entity

    # Statement properties
    relation: URIRef  # the readable relation: "partners with"
    confidence: URIRef
    negated: URIRef
    asserted: URIRef  # true when neither negated, attributed nor hedged
    modality: URIRef  # "possible" or "intended"
    rule: URIRef  # the extraction rule that produced the statement
    subjectStart: URIRef
    subjectEnd: URIRef
    relationStart: URIRef
    relationEnd: URIRef
    objectStart: URIRef
    objectEnd: URIRef

    # Document, sentence and occurrence properties
    path: URIRef
    contentHash: URIRef
    text: URIRef
    start: URIRef
    end: URIRef
    entity: URIRef
    name: URIRef
    alias: URIRef
    entityType: URIRef
    mentionCount: URIRef
    referenceCount: URIRef  # how many of an occurrence's mentions are pronouns or descriptions
    merge: URIRef  # an occurrence's record of a name merged into the entity
    reason: URIRef  # why that name was merged: which rule, after which name


TYPE_CLASSES: dict[str, URIRef] = {
    "organization": SDO.Organization,
    "person": SDO.Person,
    "product": SDO.Product,
    "place": SDO.Place,
    "event": SDO.Event,
    "work": SDO.CreativeWork,
    "law": SDO.Legislation,
    "language": SDO.Language,
    "group": KG.Group,
    "date": KG.Date,
    "quantity": KG.Quantity,
    "thing": SDO.Thing,
    "concept": KG.Concept,
}
CLASS_TYPES = {str(iri): name for name, iri in TYPE_CLASSES.items()}

PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "ent": str(ENTITY),
    "rel": str(RELATION),
    "doc": str(DOCUMENT),
    "schema": str(SDO),
    "prov": str(PROV),
    "skos": str(SKOS),
    "rdfs": str(RDFS),
    "rdf": str(RDF),
    "xsd": str(XSD),
    "owl": str(OWL),
    "dcterms": str(DCTERMS),
}
# The prefixes of kg's Turtle files: document IRIs are paths, which make unreadable prefixed
# names, so they stay whole.
TURTLE_PREFIXES = {prefix: iri for prefix, iri in PREFIXES.items() if prefix != "doc"}


@lru_cache(maxsize=65536)
def entity_iri(name: str) -> str:
    """The IRI of the entity a name stands for; names with one key share it.

    >>> entity_iri("Meta Platforms, Inc.")
    'https://kg.example.org/entity/meta'
    """
    return ENTITY + segment(entity_key(name))


@lru_cache(maxsize=65536)
def relation_iri(predicate: str) -> str:
    """The IRI of a relation, from its lemma form.

    >>> relation_iri("partner with")
    'https://kg.example.org/relation/partner_with'
    """
    return RELATION + segment("_".join(predicate.casefold().split()))


@lru_cache(maxsize=4096)
def document_iri(document_id: str) -> str:
    """The IRI of a document, which also names the RDF graph of what it contributed.

    >>> document_iri("news/a b.txt")
    'https://kg.example.org/document/news/a%20b.txt'
    """
    return DOCUMENT + quote(document_id, safe="/-._~")


def sentence_iri(document_id: str, start: int, end: int) -> str:
    """A sentence is named by its characters in the document (RFC 5147 fragment)."""
    return f"{document_iri(document_id)}#char={start},{end}"


def statement_iri(*parts: object) -> str:
    """A statement is named by a digest of what identifies it, so rebuilding mints the same IRI."""
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8", "surrogatepass"))
    return STATEMENT + digest.hexdigest()[:24]


def segment(text: str) -> str:
    """`text` as one IRI path segment: letters and digits of any script kept, the rest
    percent-encoded, so that any name gives a valid, readable IRI.

    A dot is kept only inside: '.' and '..' are dot-segments that IRI normalization removes,
    and a Turtle local name may neither start nor end with one.

    >>> segment('a<b> "c"'), segment("."), segment("v1.2")
    ('a%3Cb%3E%20%22c%22', '%2E', 'v1.2')
    """
    last = len(text) - 1
    return "".join(
        ch
        if ch.isalnum() or ch in "-_~" or (ch == "." and 0 < n < last)
        else "%2E"
        if ch == "."
        else quote(ch, safe="")
        for n, ch in enumerate(text)
    )
