"""The formats of `kg export`: the RDF of all graphs as Turtle or N-Triples (their union), TriG
or N-Quads (one named graph per document, the derived facts in the default graph), JSON-LD in
compact form (a `@context` of kg's prefixes); and the entity network as GraphML or CSV
(graph.view.network_files)."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from graph.errors import OutputError
from graph.rdf.vocab import PREFIXES, TURTLE_PREFIXES
from graph.store.dump import COPY_BYTES, RDF_FORMATS, union_triples, write_rdf
from graph.store.facts import to_networkx
from graph.store.files import BUILD_OUTPUTS, atomic_write
from graph.view.network_files import flat_network, write_csv, write_graphml

QUAD_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}
EXPORT_FORMATS = ("ttl", "nt", "jsonld", *QUAD_FORMATS, "graphml", "csv")
# Where `kg export` writes each format, beside the store, unless told; graph.ttl is the build's.
DEFAULT_NAMES = {fmt: f"graph.{fmt}" for fmt in EXPORT_FORMATS} | {
    "ttl": "export.ttl",
    "nquads": "graph.nq",
    "csv": "csv",
}
# Namespaces longest first, so that a nested namespace takes the closest prefix.
NAMESPACES = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


def export_store(store: ox.Store, *, fmt: str, out: Path, force: bool = False) -> list[Path]:
    """Write the graph in format `fmt` to `out` (for csv, a folder); return the files written.

    Raises:
        OutputError: an unknown format, `out` is a file kg build wrote (unless `force`), or
            `out` cannot be written.
    """
    if fmt not in EXPORT_FORMATS:
        raise OutputError(f"unknown format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}")
    if not force:
        refuse_build_output(out)
    if fmt in QUAD_FORMATS:
        write_dataset(store, out, fmt=fmt)
        return [out]
    if fmt == "jsonld":
        write_jsonld(store, out)
        return [out]
    if fmt in RDF_FORMATS:
        write_rdf(store, out, fmt=fmt)
        return [out]
    network = flat_network(to_networkx(store))
    if fmt == "graphml":
        write_graphml(network, out)
        return [out]
    return write_csv(network, out)


def export_to_stream(store: ox.Store, *, fmt: str, stream: BinaryIO) -> None:
    """Write the graph in format `fmt` (not csv, which is two files) to a binary stream.

    Raises:
        OutputError: csv, or an unknown format.
    """
    if fmt == "csv":
        raise OutputError("csv is two files (nodes.csv, edges.csv): give a folder with --out")
    with tempfile.TemporaryDirectory(prefix="kg-export-") as folder:
        [written] = export_store(store, fmt=fmt, out=Path(folder) / f"graph.{fmt}")
        with written.open("rb") as file:
            shutil.copyfileobj(file, stream, COPY_BYTES)
    stream.flush()


def refuse_build_output(out: Path) -> None:
    """Refuse to replace what kg build wrote (graph.ttl, graph.html, the store beside them).

    Raises:
        OutputError: `out` is one of them.
    """
    if out.name in BUILD_OUTPUTS and out.exists() and (out.parent / "store").is_dir():
        raise OutputError(
            f"{out}: written by kg build, an export does not replace it; choose another "
            "--out, or add --force"
        )


def write_dataset(store: ox.Store, path: Path, *, fmt: str) -> None:
    """Every graph of `store` as TriG or N-Quads (`fmt` trig or nquads): each document's graph
    named by the document's IRI, the facts in the default graph."""
    rdf_format = QUAD_FORMATS[fmt]
    prefixes = TURTLE_PREFIXES if rdf_format == ox.RdfFormat.TRIG else None
    if isinstance(store, ox.Store):
        atomic_write(path, lambda tmp: store.dump(str(tmp), rdf_format, prefixes=prefixes))
        return
    quads = list(store)  # a remote store's quads
    atomic_write(
        path, lambda tmp: ox.serialize(quads, str(tmp), format=rdf_format, prefixes=prefixes)
    )


def write_jsonld(store: ox.Store, path: Path) -> None:
    """The union of all graphs as compact JSON-LD: `@context` declares kg's prefixes, and
    properties, types and IRIs use them (`kg:mentionCount`, `ent:meta`)."""
    expanded = json.loads(ox.serialize(union_triples(store), format=ox.RdfFormat.JSON_LD))
    document = {"@context": dict(PREFIXES), "@graph": compact(expanded)}
    atomic_write(
        path,
        lambda tmp: tmp.write_text(
            json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8"
        ),
    )


def compact(value: object) -> object:
    """Expanded JSON-LD with IRIs as compact IRIs where a prefix covers them.

    >>> compact({"@id": "https://kg.example.org/entity/meta",
    ...          "http://www.w3.org/2000/01/rdf-schema#label": [{"@value": "Meta"}]})
    {'@id': 'ent:meta', 'rdfs:label': [{'@value': 'Meta'}]}
    """
    if isinstance(value, list):
        return [compact(item) for item in value]
    if not isinstance(value, dict):
        return value
    out = {}
    for key, item in value.items():
        if key in ("@id", "@type") and isinstance(item, str):
            out[key] = compact_iri(item)
        else:
            out[key if key.startswith("@") else compact_iri(key)] = compact(item)
    return out


def compact_iri(iri: str) -> str:
    """`iri` as prefix:local when a prefix covers it; the local part must not start with '/',
    which JSON-LD would take for an absolute IRI.

    >>> compact_iri("https://kg.example.org/vocab#Entity"), compact_iri("http://other/x")
    ('kg:Entity', 'http://other/x')
    """
    for prefix, namespace in NAMESPACES:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            local = iri[len(namespace) :]
            return iri if local.startswith("/") else f"{prefix}:{local}"
    return iri
