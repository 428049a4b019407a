"""Triples as flat records: JSON Lines and TSV for people and tools, and the Open IE columns
that benchmarks such as CaRB read."""

from __future__ import annotations

from extract.openie import OpenTuple
from extract.triple import Mention, Triple

FIELDS = (
    "subject",
    "relation",
    "object",
    "subject_type",
    "object_type",
    "confidence",
    "negated",
    "attributed_to",
    "modality",
    "predicate",
    "rule",
    "sentence",
    "document",
    "subject_start",
    "subject_end",
    "object_start",
    "object_end",
)


def triple_record(triple: Triple) -> dict:
    """A triple as a flat dict of plain values, in `FIELDS` order."""
    evidence = triple.evidence
    return {
        "subject": triple.subject.name,
        "relation": triple.relation,
        "object": triple.object.name,
        "subject_type": triple.subject.type,
        "object_type": triple.object.type,
        "confidence": triple.confidence,
        "negated": triple.negated,
        "attributed_to": triple.attributed_to.name if triple.attributed_to else None,
        "modality": triple.modality,
        "predicate": triple.predicate,
        "rule": triple.rule,
        "sentence": evidence.sentence,
        "document": evidence.document,
        "subject_start": evidence.subject[0],
        "subject_end": evidence.subject[1],
        "object_start": evidence.object[0],
        "object_end": evidence.object[1],
    }


def mention_record(mention: Mention, document: str) -> dict:
    """A mention as a flat dict: where it is, what it says, what kind it is, the entity it stands
    for (None when a reference was left unresolved) and why.

    >>> from extract.triple import Entity
    >>> mention_record(Mention(None, "it", 4, 6, "expletive", "pronoun"), "a.txt")["entity"] is None
    True
    """
    return {
        "document": document,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "kind": mention.kind,
        "entity": mention.entity.name if mention.entity else None,
        "type": mention.entity.type if mention.entity else None,
        "reason": mention.reason or ("same name" if mention.kind == "name" else ""),
    }


def tsv_header() -> str:
    return "\t".join(FIELDS)


def tsv_line(record: dict) -> str:
    """One TSV row; tabs and line breaks inside values are escaped so a row stays one line.

    >>> tsv_line({"a": "x\\ty", "b": None, "c": True})
    'x\\\\ty\\t\\ttrue'
    """
    return "\t".join(tsv_value(value) for value in record.values())


def tsv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def carb_line(sentence: str, extraction: OpenTuple) -> str:
    r"""Open IE output: sentence, confidence, arg1, relation, and the other arguments joined.

    >>> carb_line("A b c .", OpenTuple("A", "b", ("c", "d"), 0.5)).split("\t")
    ['A b c .', '0.500', 'A', 'b', 'c d']
    """
    columns = [extraction.arg1, extraction.relation, " ".join(extraction.args)]
    return "\t".join(
        [sentence.strip(), f"{extraction.confidence:.3f}", *(tsv_value(c) for c in columns)]
    )
