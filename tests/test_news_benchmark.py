"""Tests of the pure helpers of benchmarks/news.py (running it needs the model and the data)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO_ROOT = Path(__file__).resolve().parents[1]

REPORT = """\
doc1: recall 1/3 precision 1/2 violations 0 splits [] triples 4
   missed acme-buys-widgetco
   missed ann-ceo-of-acme
   wrong  ('Acme', "buys O'Neil's", 'Widget Co')
doc2: recall 0/0 precision 0/0 violations 0 splits [] triples 0
news recall=0.333 (1/3) precision=0.500 (1/2) f1=0.400
"""


def load_news() -> ModuleType:
    """Import benchmarks/news.py by path, since benchmarks/ is not a package."""
    spec = importlib.util.spec_from_file_location(
        "news_benchmark", REPO_ROOT / "benchmarks" / "news.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


news = load_news()


def test_news_parse_report_reads_misses_and_wrong_triples():
    articles = news.parse_report(REPORT)
    assert articles == {
        "doc1": {
            "missed": ["acme-buys-widgetco", "ann-ceo-of-acme"],
            "wrong": [("Acme", "buys O'Neil's", "Widget Co")],
        },
        "doc2": {"missed": [], "wrong": []},
    }


def test_news_group_by_sentence_keeps_order_and_all_triples():
    records = [
        {"sentence": "Acme bought Widget Co.", "rule": "svo"},
        {"sentence": "Ann runs Acme.", "rule": "svo"},
        {"sentence": "Acme bought Widget Co.", "rule": "verb_preposition"},
    ]
    groups = news.group_by_sentence(records)
    assert list(groups) == ["Acme bought Widget Co.", "Ann runs Acme."]
    assert [r["rule"] for r in groups["Acme bought Widget Co."]] == ["svo", "verb_preposition"]


def test_news_sentences_with_ignores_case_and_spacing():
    groups = {"Acme  bought Widget Co. on Monday.": [], "Ann runs Acme.": []}
    assert news.sentences_with(groups, "acme bought widget co.") == [
        "Acme  bought Widget Co. on Monday."
    ]
    assert news.sentences_with(groups, "Bob left Acme") == []


def test_news_text_sentence_finds_the_quote_in_the_article():
    text = "Headline here\nAcme grew. Ann runs Acme now. Bob left."
    assert news.text_sentence(text, "runs acme") == "Ann runs Acme now."
    assert news.text_sentence(text, "Headline") == "Headline here Acme grew."
    assert news.text_sentence(text, "not in it") is None


def test_news_explain_article_shows_the_sentence_and_rules():
    gold = {
        "entities": [{"id": "acme", "name": "Acme"}, {"id": "widget", "name": "Widget Co"}],
        "facts": [{"id": "f", "s": "acme", "r": ["buy"], "o": "widget", "evidence": "Acme bought"}],
    }
    records = [
        {
            "sentence": "Acme bought Widget Co.",
            "rule": "svo",
            "subject": "Acme",
            "relation": "sells",
            "object": "Widget Co",
            "negated": True,
        }
    ]
    lines = news.explain_article(
        gold, "Acme bought Widget Co.", records, {"missed": ["f"], "wrong": []}
    )
    assert lines[0] == "  MISSED f: Acme --buy--> Widget Co"
    assert "sentence: Acme bought Widget Co." in lines[2]
    assert "svo" in lines[3] and "[NEG]" in lines[3]
