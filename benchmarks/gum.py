"""GUM documents with gold coreference, read from ../shared/data/gum at run time: their plain
texts (as the scorer rebuilds them), gold clusters, and the scorer itself."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "gum"


@dataclass(frozen=True)
class GumDocument:
    """One GUM document: its id, plain text, gold tokens and gold mentions (as the scorer's
    `parse` gives them)."""

    id: str
    text: str
    tokens: list
    mentions: list


def scorer(data: Path = DATA) -> ModuleType:
    """The scorer module `gum_coref.py`, imported from the data folder."""
    path = data / "gum_coref.py"
    if not path.is_file():
        raise SystemExit(f"{path}: GUM scorer not found; pass --data FOLDER (with conllu/)")
    spec = importlib.util.spec_from_file_location("gum_coref", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_documents(data: Path = DATA, *, ids: list[str] | None = None) -> list[GumDocument]:
    gum = scorer(data)
    paths = sorted((data / "conllu").glob("*.conllu"))
    documents = []
    for path in paths:
        if ids and path.stem not in ids:
            continue
        text, tokens, mentions = gum.parse(path.read_text(encoding="utf-8"))
        documents.append(GumDocument(path.stem, text, tokens, mentions))
    return documents


def score(mentions_file: Path, *, data: Path = DATA, ids: list[str] | None = None) -> str:
    """The scorer's last line for a JSON Lines file of mentions."""
    command = [sys.executable, str(data / "gum_coref.py"), "score", str(data / "conllu")]
    command.append(str(mentions_file))
    if ids:
        command += ["--ids", ",".join(ids)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return result.stdout.strip().splitlines()[-1]


def figures(line: str) -> dict[str, float]:
    """The numbers of a scorer line: 'coref precision=0.5 recall=0.4 ...' -> {'precision': 0.5...}.

    >>> figures("coref precision=0.500 recall=0.250 pronoun_recall=0.1 (3/30)")["recall"]
    0.25
    """
    out = {}
    for word in line.split():
        name, _, value = word.partition("=")
        try:
            out[name] = float(value)
        except ValueError:
            continue
    return out
