"""The embedded, persistent RDF store: Oxigraph on disk.

Why Oxigraph: measured here at 1.1M triples, rdflib's in-memory store loads in 12-21 s and
answers a 2-hop join in 7.8 s, while Oxigraph loads in 2-4 s and answers it in under 1 ms. Users
still get rdflib's API (`open_dataset`, through the oxrdflib plugin); our bulk writes go to
pyoxigraph directly, because adding triples one by one through rdflib is as slow as rdflib.

A build killed at any moment leaves every document either fully stored with its content hash,
or without the hash and so parsed again by the next build (see `replace_documents`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import pyoxigraph as ox

from extract.triple import Entity
from graph.errors import StoreError, first_line
from graph.queries import query_text
from graph.rdf.quads import DocumentGraph
from graph.rdf.vocab import CLASS_TYPES, KG, PREFIXES, document_iri
from graph.store.files import STORE_FOLDER
from graph.store.remote import RemoteStore, is_remote

if TYPE_CHECKING:
    from rdflib import Dataset

CONTENT_HASH = ox.NamedNode(str(KG.contentHash))


class Store(Protocol):
    """What kg's store functions ask of a store: a `pyoxigraph.Store` (on disk or in memory)
    has it, and so has a `graph.store.remote.RemoteStore`. Code that needs more of pyoxigraph
    (`dump`, `named_graphs`, `update`) checks `isinstance(store, pyoxigraph.Store)` first."""

    def query(
        self,
        query: str,
        /,
        *,
        prefixes: Mapping[str, str] | None = None,
        use_default_graph_as_union: bool = False,
    ) -> Any: ...

    def remove_graph(self, graph: ox.NamedNode, /) -> None: ...

    def clear_graph(self, graph: ox.NamedNode | ox.DefaultGraph, /) -> None: ...

    def extend(self, quads: Iterable[ox.Quad], /) -> None: ...

    def bulk_load(self, data: bytes, /, *, format: ox.RdfFormat, lenient: bool = False) -> None: ...

    def flush(self) -> None: ...

    def __iter__(self) -> Iterator[ox.Quad]: ...


@contextmanager
def open_store(path: Path | str, *, read_only: bool = False) -> Iterator[Store]:
    """Open (or create) the store in folder `path`, or the remote store at URL `path`.

    Read-only, a store opens even while a build writes it (RocksDB's lock is for writers), and
    is seen as it was at that moment. A remote store is a `graph.store.remote.RemoteStore`.

    Raises:
        StoreError: the folder is not a store, is locked by another kg process, or cannot be
            created; or a write failed (a full disk, a folder made read-only): what was
            written before stays, and documents not committed are read again by the next build.
    """
    if is_remote(path):
        yield RemoteStore(path, read_only=read_only)
        return
    path = Path(path)
    if read_only and not path.is_dir():
        raise StoreError(
            f"{path}: no store here; build one with: kg build PATH --out {path.parent}"
        )
    try:
        store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except (OSError, RuntimeError) as e:  # RuntimeError: files a writer compacted away meanwhile
        raise StoreError(f"{path}: cannot open the store ({first_line(e)}); {hint(e)}") from e
    try:
        yield store
        if not read_only:
            store.flush()
    except OSError as e:  # pyoxigraph's write errors; ours (KgError) are no OSError
        if read_only:
            raise
        raise StoreError(
            f"{path}: cannot write the store ({first_line(e)}); {hint(e)}; what was stored "
            "is kept, run the same command again"
        ) from e
    except BaseException:
        if not read_only:
            with suppress(OSError):  # keep what the build wrote before it was stopped
                store.flush()
        raise
    finally:
        del store


def find_store(path: Path | str) -> Path | str:
    """The store that `path` names: a store folder, or the output folder of a build that holds
    one (OUT/store); a URL (a remote store) is returned as it is.

    Raises:
        StoreError: neither `path` nor `path`/store is a kg store.
    """
    if is_remote(path):
        return path
    path = Path(path)
    for candidate in (path, path / STORE_FOLDER):
        if is_store(candidate):
            return candidate
    raise StoreError(
        f"no kg store in {path} nor in {path / STORE_FOLDER}; give the folder kg build wrote "
        "(--out, default output) or its store folder, or build one: kg build DOCUMENTS --out OUT"
    )


def is_store(folder: Path) -> bool:
    """Whether `folder` holds an Oxigraph store (RocksDB's CURRENT file names its manifest)."""
    try:
        return (folder / "CURRENT").is_file()
    except OSError:
        return False


def hint(error: BaseException) -> str:
    """How to fix a store that cannot be opened or written."""
    text = str(error)
    if "lock" in text.lower():
        return "another kg command is writing it: wait for it to finish, or use another --out"
    if "No space left" in text or "Disk quota" in text or "File too large" in text:
        return "the disk is full: make room"
    if "Read-only file system" in text or "Permission denied" in text:
        return "the folder cannot be written: fix its permissions or use another --out"
    return "is another kg command using it?"


def open_dataset(store: ox.Store) -> Dataset:
    """The store as an rdflib `Dataset` whose default graph is the union of all graphs.

    >>> import pyoxigraph
    >>> len(open_dataset(pyoxigraph.Store()))
    0
    """
    # Imported here: rdflib's SPARQL engine, which the plugin loads, takes half a second, and
    # no kg command needs it.
    from oxrdflib.store import OxigraphStore
    from rdflib import Dataset

    dataset = Dataset(store=OxigraphStore(store=store), default_union=True)
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    return dataset


def stored_hashes(store: Store) -> dict[str, str]:
    """The content hash of every stored document, by document id."""
    rows = store.query(query_text("hashes"), prefixes=PREFIXES)
    return {row["path"].value: row["hash"].value for row in rows}


def known_entities(store: Store) -> Iterator[Entity]:
    """The entities named by the stored documents, as each document names and types them.

    Read from the documents' own graphs, not the derived facts: a build interrupted before
    refreshing the facts must resume knowing what its finished documents named. Only documents
    stored completely (with their content hash) count.
    """
    for row in store.query(query_text("known_entities"), prefixes=PREFIXES):
        kind = CLASS_TYPES.get(row["type"].value)
        if kind is not None:
            yield Entity(name=row["name"].value, type=kind)


def replace_documents(
    store: Store, graphs: Sequence[DocumentGraph], *, default: bytes | None = None
) -> None:
    """Replace the named graph of each document with its new quads (a long document's later
    parts add to its first), and with `default` (N-Quads of the facts), the default graph.

    The content hash is the commit mark of a document: the other quads go first with the fast,
    non-transactional bulk loader, the hashes last in one transaction. A build interrupted
    before that leaves the documents without their hash, so the next build parses them again
    (and rewrites the default graph, which every build recomputes from scratch).
    """
    if not graphs and default is None:
        return
    for graph in graphs:
        if graph.replaces:
            store.remove_graph(ox.NamedNode(graph.iri))
    if default is not None:
        store.clear_graph(ox.DefaultGraph())
    # One load for the documents and the facts: each load writes and syncs a file per index
    # (0.1-0.3 s here, however few the quads), so that a build's last write costs one.
    # Lenient: kg writes these N-Quads itself, with IRIs valid by construction (graph.rdf.vocab);
    # not checking them again saves a fifth of the store's work (measured on 5,000 articles).
    store.bulk_load(
        b"".join([*(graph.nquads for graph in graphs), default or b""]),
        format=ox.RdfFormat.N_QUADS,
        lenient=True,
    )
    store.extend(
        ox.Quad(node, CONTENT_HASH, ox.Literal(graph.content_hash), node)
        for graph in graphs
        if graph.content_hash is not None
        for node in [ox.NamedNode(graph.iri)]
    )


def remove_documents(store: Store, documents: Sequence[str]) -> None:
    """Remove the named graph of each of `documents` (their ids), as for files that are gone."""
    for document in documents:
        store.remove_graph(ox.NamedNode(document_iri(document)))


def document_titles(store: Store) -> dict[str, str | None]:
    """The title of every stored document (schema:name, None when its file gives none), by id."""
    titles: dict[str, str | None] = {}
    for row in store.query(query_text("titles"), prefixes=PREFIXES):
        title = row["title"]
        if titles.get(row["path"].value) is None:
            titles[row["path"].value] = None if title is None else title.value
    return titles


def page_title(titles: dict[str, str | None], *, shown: int = 3) -> str:
    """The title of a graph's page, after its documents: one document's title (or file name
    without its suffix); for several, how many and the first few.

    >>> page_title({"docs/memo.docx": "Memo on Hooli"})
    'Memo on Hooli'
    >>> page_title({"a/notes.md": None, "b.txt": None, "c.txt": "Cee", "d.txt": None})
    '4 documents: b, Cee, d...'
    """
    names = sorted(
        (title or Path(document).stem or document for document, title in titles.items()),
        key=str.casefold,
    )
    if len(names) <= 1:
        return names[0] if names else "Knowledge graph"
    more = "..." if len(names) > shown else ""
    return f"{len(names)} documents: {', '.join(names[:shown])}{more}"


def document_paths(store: Store) -> set[str]:
    """The id of every document with a graph in the store, stored completely or not."""
    rows = store.query(query_text("documents"), prefixes=PREFIXES)
    return {row["path"].value for row in rows}
