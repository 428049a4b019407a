"""graph.store.store: opening stores, and what kg reads from and writes to one."""

from __future__ import annotations

import inspect

import pyoxigraph as ox
import pytest

from extract.triple import Entity
from graph.errors import StoreError
from graph.rdf.quads import content_hash, document_graph
from graph.rdf.vocab import document_iri
from graph.store.remote import RemoteStore
from graph.store.store import (
    Store,
    document_paths,
    document_titles,
    find_store,
    known_entities,
    open_store,
    remove_documents,
    replace_documents,
    stored_hashes,
)
from tests.graph.conftest import TEXT


def test_store_reads_what_a_document_wrote(hand_store):
    assert stored_hashes(hand_store) == {"notes.txt": content_hash(TEXT)}
    assert document_paths(hand_store) == {"notes.txt"}
    assert document_titles(hand_store) == {"notes.txt": "Notes"}
    assert set(known_entities(hand_store)) == {
        Entity("Acme", "organization"),
        Entity("Jane Doe", "person"),
        Entity("Globex", "organization"),
    }


def test_store_a_document_without_its_hash_is_not_complete(hand_extraction):
    store = ox.Store()
    replace_documents(store, [document_graph(hand_extraction, content_hash=None)])
    assert document_paths(store) == {"notes.txt"}
    assert stored_hashes(store) == {} and list(known_entities(store)) == []


def test_store_replacing_and_removing_a_document(hand_store, hand_extraction):
    before = len(hand_store)
    graph = document_graph(hand_extraction, content_hash=content_hash(TEXT))
    replace_documents(hand_store, [graph])
    assert len(hand_store) == before  # replaced, not added to
    remove_documents(hand_store, ["notes.txt"])
    assert document_paths(hand_store) == set()
    assert ox.NamedNode(document_iri("notes.txt")) not in set(hand_store.named_graphs())


def test_store_open_on_disk_and_find_it(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        with open_store(tmp_path / "store", read_only=True):
            pass
    with open_store(tmp_path / "store") as store:
        store.add(ox.Quad(ox.NamedNode("http://s"), ox.NamedNode("http://p"), ox.Literal("o")))
    assert find_store(tmp_path) == tmp_path / "store"
    with open_store(find_store(tmp_path), read_only=True) as store:
        assert len(store) == 1
    with pytest.raises(StoreError, match="no kg store"):
        find_store(tmp_path / "nothing")


@pytest.mark.parametrize("kind", [ox.Store, RemoteStore])
def test_store_protocol_is_what_both_stores_have(kind):
    declared = {n for n, _ in inspect.getmembers(Store) if not n.startswith("_")} | {"__iter__"}
    assert all(callable(getattr(kind, name, None)) for name in declared)
