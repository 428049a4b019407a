"""Fixtures of the graph tests: an extraction made by hand (no spaCy), and a real in-memory
Oxigraph store holding it as kg build stores it."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from extract.triple import Document, Entity, Evidence, Extraction, Mention, Triple
from graph.rdf.facts import Facts
from graph.rdf.quads import content_hash, document_graph
from graph.store.facts import refresh_facts
from graph.store.store import replace_documents

TEXT = "Acme hired Jane Doe. She leads Acme. Acme did not buy Globex."
ACME = Entity("Acme", "organization")
JANE = Entity("Jane Doe", "person")
GLOBEX = Entity("Globex", "organization")


def triple(subject, relation, predicate, obj, sentence_start, sentence, *, negated=False):
    """A triple read from one sentence of TEXT, its spans found in the sentence."""

    def where(text: str) -> tuple[int, int]:
        start = sentence_start + sentence.index(text)
        return start, start + len(text)

    evidence = Evidence(
        document="notes.txt",
        sentence=sentence,
        sentence_start=sentence_start,
        subject=where(subject[1]),
        relation=where(relation.split()[-1]),
        object=where(obj[1]),
    )
    return Triple(
        subject=subject[0],
        relation=relation,
        predicate=predicate,
        object=obj[0],
        confidence=0.9,
        evidence=evidence,
        rule="test",
        negated=negated,
    )


@pytest.fixture
def hand_extraction() -> Extraction:
    """Three statements of TEXT: two asserted, one negated; 'She' a pronoun for Jane Doe."""
    document = Document("notes.txt", TEXT, title="Notes")
    triples = (
        triple((ACME, "Acme"), "hired", "hire", (JANE, "Jane Doe"), 0, "Acme hired Jane Doe."),
        triple((JANE, "She"), "leads", "lead", (ACME, "Acme"), 21, "She leads Acme."),
        triple(
            (ACME, "Acme"),
            "did not buy",
            "buy",
            (GLOBEX, "Globex"),
            37,
            "Acme did not buy Globex.",
            negated=True,
        ),
    )
    mentions = (
        Mention(ACME, "Acme", 0, 4),
        Mention(JANE, "Jane Doe", 11, 19),
        Mention(JANE, "She", 21, 24, kind="pronoun"),
        Mention(ACME, "Acme", 31, 35),
        Mention(ACME, "Acme", 37, 41),
        Mention(GLOBEX, "Globex", 54, 60),
    )
    return Extraction(document, triples, mentions)


@pytest.fixture
def hand_store(hand_extraction) -> ox.Store:
    """An in-memory store holding `hand_extraction` and its facts, as a build writes them."""
    store = ox.Store()
    graph = document_graph(hand_extraction, content_hash=content_hash(TEXT))
    replace_documents(store, [graph])
    facts = Facts()
    facts.add_extraction(hand_extraction)
    refresh_facts(store, facts)
    return store
