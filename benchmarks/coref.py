"""Coreference on GUM: kg's mentions scored against human annotation.

    python benchmarks/coref.py [--data ../shared/data/gum] [--ids A,B] [--per-doc]

Writes each GUM document's plain text to a temporary folder, runs `kg extract --format
mentions` over them (the tree this script belongs to, with the shipped model: nothing is
trained), and scores with the data's own gum_coref.py. References kg left unresolved are no
predictions and are left out. Prints precision, recall, F1, pronoun and description recall.
The shipped model was trained on these documents: for figures on documents it never saw, use
the cross-validation of benchmarks/train_coref.py.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.gum import DATA, ROOT, read_documents, score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="GUM folder (conllu/, scorer)")
    parser.add_argument("--ids", help="Comma-separated document ids (default: all).")
    parser.add_argument("--per-doc", action="store_true", help="A line per document too.")
    args = parser.parse_args()
    ids = args.ids.split(",") if args.ids else None
    documents = read_documents(args.data, ids=ids)
    with tempfile.TemporaryDirectory() as folder:
        texts = Path(folder) / "texts"
        texts.mkdir()
        for document in documents:
            (texts / f"{document.id}.txt").write_text(document.text, encoding="utf-8")
        command = [sys.executable, "-m", "graph.cli", "extract", str(texts), "--format", "mentions"]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
        mentions = Path(folder) / "mentions.jsonl"
        records = (json.loads(line) for line in result.stdout.splitlines() if line.strip())
        resolved = [r for r in records if r["kind"] == "name" or r["entity"] is not None]
        mentions.write_text("".join(json.dumps(r) + "\n" for r in resolved), encoding="utf-8")
        print(score(mentions, data=args.data, ids=[d.id for d in documents]))
        if args.per_doc:
            gum = args.data / "gum_coref.py"
            per = [sys.executable, str(gum), "score", str(args.data / "conllu"), str(mentions)]
            per += ["--per-doc", "--ids", ",".join(d.id for d in documents)]
            print(subprocess.run(per, capture_output=True, text=True, check=True).stdout)


if __name__ == "__main__":
    main()
