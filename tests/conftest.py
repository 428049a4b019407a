"""Shared fixtures: the real spaCy pipeline, the bundled example, and a store built from it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from spacy.tokens import Doc

from extract.columns import columns
from extract.extractor import extract_documents
from extract.mentions import find_entities
from extract.pipeline import load_pipeline
from extract.triple import Document, Extraction, Triple

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "open-model-release.txt"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


def read(text: str, *, nlp, require_named: bool = True) -> list[Triple]:
    """The triples of one text."""
    [extraction] = extract_documents([Document("test", text)], nlp=nlp, require_named=require_named)
    return list(extraction.triples)


def assert_reads(nlp, text: str, wanted: set[tuple], unwanted: set[tuple]) -> None:
    """`text` gives every triple of `wanted` and none of `unwanted` (as `plain` writes them)."""
    found = plain(read(text, nlp=nlp, require_named=False))
    assert wanted <= found
    assert not unwanted & found


def referent(nlp, text: str, word: str) -> str | None:
    """The entity the last `word` of `text` was resolved to, if any."""
    doc = nlp(text)
    entities = find_entities(columns(doc))
    token = [t for t in doc if t.text == word][-1]
    reference = entities.references.get(token.i)
    return reference.candidates[0].name if reference and reference.candidates else None


def plain(triples: list[Triple]) -> set[tuple]:
    """Triples as (subject, predicate, object) with a '-' before negated predicates."""
    return {
        (t.subject.name, ("-" if t.negated else "") + t.predicate, t.object.name) for t in triples
    }


def parse_rows(nlp, rows, *, lemma=str.lower) -> Doc:
    """A parse built by hand from (word, head, dep, pos, entity IOB tag[, lemma]) rows; the
    lemma is `lemma(word)` where a row has none."""
    columns = list(zip(*rows))
    words = list(columns[0])
    return Doc(
        nlp.vocab,
        words=words,
        heads=list(columns[1]),
        deps=list(columns[2]),
        pos=list(columns[3]),
        ents=list(columns[4]),
        lemmas=list(columns[5]) if len(columns) > 5 else [lemma(w) for w in words],
    )


def hand_parse(nlp, words, heads, deps, pos, lemmas=None, tags=None) -> Doc:
    """A parse built by hand, so that a rule is tested apart from the model's mistakes."""
    return Doc(
        nlp.vocab,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=lemmas or words,
        tags=tags or [""] * len(words),
    )


@pytest.fixture(scope="session")
def example_extraction(nlp) -> Extraction:
    [extraction] = extract_documents(
        [Document("examples/open-model-release.txt", EXAMPLE.read_text(encoding="utf-8"))], nlp=nlp
    )
    return extraction


@pytest.fixture(scope="session")
def example_build(tmp_path_factory, nlp) -> Path:
    """An output folder built once from the example; tests copy it before changing it."""
    from graph.build import build

    out = tmp_path_factory.mktemp("example") / "output"
    build([EXAMPLE], out=out, nlp=nlp)
    return out


@pytest.fixture
def built_copy(example_build, tmp_path) -> Path:
    target = tmp_path / "output"
    shutil.copytree(example_build, target)
    return target


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright."""
    if not CHROMIUM.exists():
        pytest.fail("Chromium is not installed: apt-get install -y chromium (the test script does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()
