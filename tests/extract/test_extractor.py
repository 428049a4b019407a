"""The bundled example: the triples a reader would expect, and no pronoun as an argument."""

from __future__ import annotations

from extract.coref import PRONOUN_TYPES
from extract.extractor import extract_documents, types_deny
from extract.triple import Document, Entity
from tests.conftest import ROOT, plain

EXPECTED = {
    ("Meta", "release", "Llama 2"),
    ("Llama 2", "be", "large language model"),
    ("Meta", "partner with", "Microsoft"),
    ("Llama 2", "be available on", "Azure"),
    ("Llama 2", "be available on", "AWS"),
    ("Llama 2", "be available on", "Hugging Face"),
    ("Satya Nadella", "chief executive of", "Microsoft"),
    ("Mark Zuckerberg", "chief executive of", "Meta"),
    ("Yann LeCun", "chief AI scientist at", "Meta"),
    ("Yann LeCun", "argue for", "open research"),  # "He" resolved
    ("OpenAI", "-release", "GPT-4"),  # negated, never a fact
    ("OpenAI", "keep", "weights"),  # "The rival" resolved
    ("Qualcomm", "work with", "Meta"),  # "The chipmaker" resolved
}


def test_extractor_example_triples(example_extraction):
    found = plain(example_extraction.triples)
    assert EXPECTED <= found, f"missing {EXPECTED - found}"


def test_extractor_example_has_no_pronoun_argument(example_extraction):
    for triple in example_extraction.triples:
        for entity in (triple.subject, triple.object):
            assert entity.name.lower() not in PRONOUN_TYPES, triple


def test_extractor_example_types(example_extraction):
    types = {e.name: e.type for t in example_extraction.triples for e in (t.subject, t.object)}
    assert types["Meta"] == "organization"
    assert types["Qualcomm"] == "organization"
    assert types["Mark Zuckerberg"] == "person"
    assert types["Llama 2"] == "product"


def test_extractor_example_negation_and_attribution(example_extraction):
    negated = [t for t in example_extraction.triples if t.negated]
    assert {(t.subject.name, t.object.name) for t in negated} >= {
        ("OpenAI", "GPT-4"),
        ("Meta", "cost"),
    }
    trained = [t for t in example_extraction.triples if t.predicate == "be trained on"]
    assert trained and all(t.attributed_to and t.attributed_to.name == "Meta" for t in trained)


CHIP_DEAL = {
    ("Nvidia", "-acquire", "Arm"),  # "abandoned its acquisition": never a fact
    ("Jensen Huang", "chief executive of", "Nvidia"),
    ("Masayoshi Son", "chief executive of", "SoftBank"),  # title before a name
    ("Arm", "license to", "Apple"),
    ("Arm", "-manufacture", "chips"),  # "The company does not manufacture chips"
    ("SoftBank", "list", "Arm"),
    ("Rene Haas", "replace", "Simon Segars"),
}


def test_extractor_second_example(nlp):
    [extraction] = extract_documents(
        [Document("examples/chip-deal.txt", (ROOT / "examples" / "chip-deal.txt").read_text())],
        nlp=nlp,
    )
    found = plain(extraction.triples)
    assert CHIP_DEAL <= found, f"missing {CHIP_DEAL - found}"
    types = {e.name: e.type for t in extraction.triples for e in (t.subject, t.object)}
    assert types["Arm"] == types["Nvidia"] == "organization"
    listed = [t for t in extraction.triples if t.predicate == "list"]
    assert all(t.modality == "intended" for t in listed)
    reported = [t for t in extraction.triples if t.object.name == "consortium"]
    assert all(t.attributed_to is not None and t.modality == "possible" for t in reported)


def test_extractor_no_person_is_said_to_be_a_named_work_or_place():
    person = Entity(name="Jo Roe", type="person")
    assert types_deny("apposition", person, Entity(name="Light", type="work"), predicate="be")
    assert types_deny("copula", Entity(name="Zorbia", type="place"), person, predicate="be")
    # a role relates them; and a person may be one of a group ('Jo Roe, a Methodist')
    assert not types_deny(
        "copula", person, Entity(name="Acme", type="organization"), predicate="be ceo of"
    )
    assert not types_deny(
        "apposition", person, Entity(name="Methodists", type="group"), predicate="be"
    )
