"""News benchmark: kg's triples against the facts careful readers took from news articles.

Runs ``kg extract --format jsonl`` from this tree over the articles of the news data set
(../shared/data/news beside the repository, or ``--data DIR``), scores the triples with the data
set's own ``score.py`` (the definition of the figures: it is run as it is, never copied) and prints
each article's line and the overall figures. ``--explain`` also prints, for each missed fact and
each wrong entity-to-entity triple, the sentence with kg's triples from it and the rule that made
each one: what you read to find the mechanism behind an error.

Usage:
    python benchmarks/news.py [--data DIR] [--ids A,B] [--explain] [--save FILE] [--triples FILE]
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA_DIR = REPO_ROOT.parent / "shared" / "data" / "news"
ARTICLE_LINE = re.compile(r"^(\S+): recall \d+/\d+ precision")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA_DIR, help="gold/, texts/, score.py"
    )
    parser.add_argument("--ids", help="comma-separated article ids (default: all)")
    parser.add_argument(
        "--explain", action="store_true", help="misses and wrong triples in context"
    )
    parser.add_argument("--save", type=Path, help="also write kg's triples (JSON Lines) here")
    parser.add_argument("--triples", type=Path, help="score this JSON Lines file, do not extract")
    return parser.parse_args(argv)


def article_ids(data: Path, ids: str | None) -> list[str]:
    if ids:
        return ids.split(",")
    return sorted(path.stem for path in (data / "gold").glob("*.json"))


def extract(paths: Iterable[Path], out: Path) -> None:
    """Run this tree's `kg extract` (not whichever kg is installed) into `out`."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
    }
    command = [sys.executable, "-m", "graph.cli", "extract", "--format", "jsonl", *map(str, paths)]
    with out.open("w", encoding="utf-8") as stream:
        done = subprocess.run(
            command, stdout=stream, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO_ROOT
        )
    if done.returncode not in (0, 1):
        raise RuntimeError(f"kg extract failed ({done.returncode}): {done.stderr.strip()[-500:]}")


def score(data: Path, ids: list[str], triples: Path) -> str:
    """score.py's --per-article report of a triples file."""
    command = [sys.executable, str(data / "score.py"), str(data / "gold"), str(data / "texts")]
    command += ["--ids", ",".join(ids), "--triples", str(triples), "--per-article"]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(
            f"score.py failed ({done.returncode}): {done.stdout[-300:]}{done.stderr[-300:]}"
        )
    return done.stdout


def parse_report(report: str) -> dict[str, dict[str, list]]:
    """score.py's --per-article lines -> {article: {"missed": [fact id], "wrong": [(s, r, o)]}}.

    >>> parse_report("a: recall 0/1 precision 0/1 x\\n   missed f1\\n   wrong  ('A', 'r', 'B')\\n")
    {'a': {'missed': ['f1'], 'wrong': [('A', 'r', 'B')]}}
    """
    articles: dict[str, dict[str, list]] = {}
    current = None
    for line in report.splitlines():
        found = ARTICLE_LINE.match(line)
        if found:
            current = articles.setdefault(found.group(1), {"missed": [], "wrong": []})
        elif current is not None and line.startswith("   missed "):
            current["missed"].append(line.split(None, 1)[1])
        elif current is not None and line.startswith("   wrong "):
            current["wrong"].append(tuple(ast.literal_eval(line.split(None, 1)[1])))
    return articles


def read_records(path: Path) -> dict[str, list[dict]]:
    """kg's JSON Lines triples grouped by article id (the file stem of their document)."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            by_article[Path(str(record.get("document", ""))).stem].append(record)
    return by_article


def normalize(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").split())


def group_by_sentence(records: Iterable[dict]) -> dict[str, list[dict]]:
    """Triples grouped by their sentence, in the order sentences first appear.

    >>> list(group_by_sentence([{"sentence": "A."}, {"sentence": "B."}, {"sentence": "A."}]))
    ['A.', 'B.']
    """
    groups: dict[str, list[dict]] = {}
    for record in records:
        groups.setdefault(record["sentence"], []).append(record)
    return groups


def sentences_with(groups: dict[str, list[dict]], quote: str) -> list[str]:
    """The sentences that contain a quote, or that the quote contains (a quote may span two).

    >>> sentences_with({"Meta hired Ann.": [], "Ann left.": []}, "meta hired  ann")
    ['Meta hired Ann.']
    """
    needle = normalize(quote)
    found = [s for s in groups if needle in normalize(s)]
    return found or [s for s in groups if normalize(s).rstrip(".") in needle]


def text_sentence(text: str, quote: str) -> str | None:
    """The stretch of the article around a quote, for a miss kg read nothing from."""
    flat = " ".join(text.split())
    at = normalize(flat).find(normalize(quote))
    if at < 0:
        return None
    stop = flat.rfind(". ", 0, at)
    start = stop + 2 if stop >= 0 else 0
    end = flat.find(". ", at + len(quote))
    return flat[start : end + 1 if end >= 0 else len(flat)]


def describe(record: dict) -> str:
    flags = ["NEG"] if record.get("negated") else []
    if record.get("modality"):
        flags.append(record["modality"])
    if record.get("attributed_to"):
        flags.append(f"by {record['attributed_to']}")
    extra = f"  [{', '.join(flags)}]" if flags else ""
    triple = f"{record['subject']} | {record['relation']} | {record['object']}"
    return f"      {record.get('rule', '?'):22} {triple}{extra}"


def side(gold: dict, spec: str | list) -> str:
    if isinstance(spec, list):
        return "/".join(spec[:3])
    return next((e["name"] for e in gold["entities"] if e["id"] == spec), spec)


def explain_article(
    gold: dict, text: str, records: list[dict], report: dict[str, list]
) -> list[str]:
    """The lines that show one article's misses and wrong triples in their sentences."""
    facts = {f["id"]: f for f in gold.get("facts", [])}
    groups = group_by_sentence(records)
    lines = []
    for fact_id in report["missed"]:
        fact = facts[fact_id]
        relation = "/".join(fact["r"][:4])
        lines.append(
            f"  MISSED {fact_id}: {side(gold, fact['s'])} --{relation}--> {side(gold, fact['o'])}"
        )
        lines.append(f"    evidence: {fact['evidence']}")
        found = sentences_with(groups, fact["evidence"])
        for sentence in found:
            lines.append(f"    sentence: {sentence}")
            lines += [describe(r) for r in groups[sentence]]
        if not found:
            lines.append(f"    sentence: {text_sentence(text, fact['evidence'])}")
            lines.append("      (kg read no triple from it)")
    for subject, relation, object_ in report["wrong"]:
        lines.append(f"  WRONG {subject} | {relation} | {object_}")
        wanted = (subject, relation, object_)
        hits = {
            r["sentence"] for r in records if (r["subject"], r["relation"], r["object"]) == wanted
        }
        for sentence in hits:
            lines.append(f"    sentence: {sentence}")
            lines += [describe(r) for r in groups[sentence]]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    data = args.data
    if not (data / "score.py").is_file():
        print(
            f"error: no score.py in {data} (give the news data folder with --data)", file=sys.stderr
        )
        return 1
    ids = article_ids(data, args.ids)
    with tempfile.TemporaryDirectory() as scratch:
        triples = args.triples or args.save or Path(scratch) / "triples.jsonl"
        try:
            if not args.triples:
                extract([data / "texts" / f"{i}.txt" for i in ids], triples)
            report = score(data, ids, triples)
        except RuntimeError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        records = read_records(triples) if args.explain else {}
    articles = parse_report(report)
    for line in report.splitlines():
        if not line.startswith("   ") or line.startswith("   VIOLATION"):
            print(line)
    if args.explain:
        for article, found in articles.items():
            print(f"\n== {article}")
            gold = json.loads((data / "gold" / f"{article}.json").read_text(encoding="utf-8"))
            text = (data / "texts" / f"{article}.txt").read_text(encoding="utf-8")
            print("\n".join(explain_article(gold, text, records.get(article, []), found)))
        print(report.splitlines()[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
