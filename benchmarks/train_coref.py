"""Train kg's coreference ranking model on GUM and print its 5-fold cross-validated figures.

    python benchmarks/train_coref.py              # figures, then write extract/models/coref.json
    python benchmarks/train_coref.py --no-write   # figures only

Folds are by document: each document is resolved by a model trained without it, with the
threshold chosen on the training documents alone; the out-of-fold mentions of all documents
are scored together by ../shared/data/gum/gum_coref.py. Training pairs come from kg's own
mentions and candidates, labelled by GUM's clusters, resolved left to right with the gold
answer so that salience counts the right references (teacher forcing).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.gum import DATA, GumDocument, read_documents, score
from extract.columns import Columns, columns
from extract.coref import resolve_references
from extract.coref_groups import coordinated_groups
from extract.coref_model import CorefModel, threshold_group, train_logistic
from extract.mentions import find_entities, named_mentions
from extract.pipeline import load_pipeline

MODEL_PATH = Path(__file__).resolve().parents[1] / "extract" / "models" / "coref.json"
THRESHOLDS = [t / 100 for t in range(20, 101, 5)]  # 1.0: the model resolves none of a kind
# The precision a threshold must keep on documents its weights never saw (the target).
MIN_PRECISION = 0.75
# A threshold picked as the best of many on the same folds looks better there than it is on
# new documents: the inner cross-validation must clear the target by this much.
SELECTION_MARGIN = 0.03
# A threshold is never under even odds: below it a link is more often wrong than right. Above
# it, the lowest that keeps the precision floor: the gain of right over wrong links is flat
# between 0.2 and 0.8 for 'he', so its best point swung from fold to fold (0.25 to 0.80) and
# with it whole chains of one document.
EVEN_ODDS = 0.5
FOLDS = 5
INNER_FOLDS = 4
L2 = 2.0  # the L2 penalty of the regression
# The pronoun groups that get a threshold each (`extract.coref_model.threshold_group`).
PRONOUN_KINDS = ("pronoun:he", "pronoun:it", "pronoun:its", "pronoun:they")
THIRD = frozenset(
    "he him his himself she her hers herself it its itself they them their "
    "theirs themselves".split()
)


@dataclass
class Prepared:
    """One GUM document parsed, with gold clusters by character position."""

    gum: GumDocument
    cols: Columns
    heads: list[tuple[int, int, str, int]]  # gold mention heads: start, end, cluster, size
    starts: list[int] = field(default_factory=list)
    anaphors: dict[int, str] = field(default_factory=dict)  # gold anaphor head start -> cluster

    def mention_over(self, start: int, end: int) -> str:
        """The gold cluster of the smallest mention that spans [start, end) ('the Irving
        Independent School District and the Irving Police Department' of the two names), or
        ""."""
        tokens = self.gum.tokens
        spanning = [
            (last - first, cluster)
            for first, last, cluster, _ in self.gum.mentions
            if tokens[first][0] <= start and end <= tokens[last][1]
        ]
        return min(spanning)[1] if spanning else ""

    def cluster_at(self, start: int, end: int) -> str | None:
        """The gold cluster of the smallest mention whose head overlaps [start, end)."""
        found = None
        for head_start, head_end, cluster, size in self.heads[: bisect_right(self.starts, end)]:
            if head_start < end and start < head_end and (found is None or size < found[1]):
                found = (cluster, size)
        return found[0] if found else None


def prepare(documents: list[GumDocument], gum_module) -> list[Prepared]:
    nlp = load_pipeline()
    prepared = []
    for gum, doc in zip(documents, nlp.pipe([d.text for d in documents], batch_size=4)):
        heads = []
        for first, last, cluster, _ in gum.mentions:
            h = gum_module.head_of(gum.tokens, first, last)
            heads.append((gum.tokens[h][0], gum.tokens[h][1], cluster, last - first))
        heads.sort()
        item = Prepared(gum, columns(doc), heads, [h[0] for h in heads])
        for start, _, _, _ in gum_module.gold_anaphors(gum.tokens, gum.mentions):
            item.anaphors[start] = item.cluster_at(start, start + 1) or ""
        prepared.append(item)
    return prepared


def cluster_golds(item: Prepared, antecedents) -> dict[int, set[str]]:
    """The gold clusters of each of kg's named clusters."""
    golds: dict[int, set[str]] = {}
    for antecedent in antecedents:
        span = antecedent.span  # GUM heads a name on its first word, spaCy on its last
        root = span.root  # 'University of Zeta' is the university, not the smaller Zeta
        gold = item.cluster_at(root.idx, root.idx + len(root)) or item.cluster_at(
            span.start_char, span.end_char
        )
        golds.setdefault(antecedent.cluster, set()).add(gold or "")
    for group in coordinated_groups(antecedents):  # 'Carrano and Biewener': the phrase's own
        golds[group.cluster] = {item.mention_over(group.span.start_char, group.span.end_char)}
    return golds


def training_groups(item: Prepared) -> list[tuple[list[dict[str, float]], list[int]]]:
    """Every anaphor's candidates (their features) and which of them are right, by the gold
    clusters."""
    named = named_mentions(item.cols)
    golds = cluster_golds(item, named.antecedents)
    groups = []

    def oracle(anaphor, candidates):
        token = anaphor.token
        gold = item.cluster_at(token.idx, token.idx + len(token))
        marks = [int(gold is not None and gold in golds.get(c, set())) for c, _ in candidates]
        groups.append(([features for _, features in candidates], marks))
        return [(candidates[marks.index(1)][0], 1.0)] if any(marks) else []

    resolve_references(item.cols, named.antecedents, decide=oracle)
    return groups


def counts(items: list[Prepared], model: CorefModel) -> dict[str, list[int]]:
    """Correct and predicted anaphors of each kind as the scorer counts them (pronouns by
    threshold group: "pronoun:he", "pronoun:it", "pronoun:its", "pronoun:they"), and the gold
    ones ("gold": [n, 0]), from the gold clusters directly (for choosing thresholds without
    writing files)."""
    found = {kind: [0, 0] for kind in (*PRONOUN_KINDS, "description", "gold")}
    for item in items:
        named = named_mentions(item.cols)
        golds = cluster_golds(item, named.antecedents)
        found["gold"][0] += len(item.anaphors)
        for resolution in resolve_references(item.cols, named.antecedents, model=model):
            token, kind = resolution.anaphor.token, resolution.anaphor.kind
            if not resolution.ranked or (kind == "pronoun" and token.lower_ not in THIRD):
                continue
            if kind == "pronoun":
                kind = f"pronoun:{threshold_group(resolution.anaphor)}"
            wanted = item.anaphors.get(token.idx)
            found[kind][0] += bool(wanted) and wanted in golds.get(resolution.ranked[0][0], set())
            found[kind][1] += 1
    return found


def figures_of(found: dict[str, list[int]]) -> tuple[float, float, float]:
    """Precision, recall and F1 from `counts`."""
    correct = sum(values[0] for kind, values in found.items() if kind != "gold")
    predicted = sum(values[1] for kind, values in found.items() if kind != "gold")
    precision, recall = correct / max(predicted, 1), correct / max(found["gold"][0], 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-9)


def internal_figures(items: list[Prepared], model: CorefModel) -> tuple[float, float]:
    """Precision and recall of `model` on `items` (see `counts`)."""
    return figures_of(counts(items, model))[:2]


def weights_of(items: list[Prepared], groups: dict[str, list], *, l2: float) -> dict:
    pairs = [
        (row, mark)
        for item in items
        for rows, marks in groups[item.gum.id]
        for row, mark in zip(rows, marks)
    ]
    return train_logistic([row for row, _ in pairs], [mark for _, mark in pairs], l2=l2)


def fit(items: list[Prepared], groups: dict[str, list], *, l2: float) -> CorefModel:
    """Weights from every candidate pair of `items`; a threshold for each pronoun form group
    and one for descriptions from an inner cross-validation on `items` alone: for each, the
    lowest threshold from EVEN_ODDS up whose held-out precision on it reaches MIN_PRECISION
    with SELECTION_MARGIN to spare (1.0, resolving none by the model, is one of them unless
    rules decide some of it; else the most precise).
    Each is judged on its own: judged together, the description rules' mistakes (which no
    threshold stops) raised the pronoun threshold, and the scores of 'it' (most of which name
    no entity) are less sure than those of 'he'."""
    kinds = (*PRONOUN_KINDS, "description", "gold")
    totals = {t: {k: [0, 0] for k in kinds} for t in THRESHOLDS}
    for fold in range(INNER_FOLDS):
        train = [item for n, item in enumerate(items) if n % INNER_FOLDS != fold]
        held = [item for n, item in enumerate(items) if n % INNER_FOLDS == fold]
        weights = weights_of(train, groups, l2=l2)
        for threshold in THRESHOLDS:
            for kind, values in counts(held, CorefModel(weights, threshold)).items():
                totals[threshold][kind][0] += values[0]
                totals[threshold][kind][1] += values[1]

    def precision(threshold: float, kind: str) -> float:
        correct, predicted = totals[threshold][kind]
        return correct / predicted if predicted else 1.0  # resolving none is safe

    def best_for(kind: str) -> float:
        enough = [
            t
            for t in THRESHOLDS
            if t >= EVEN_ODDS and precision(t, kind) >= MIN_PRECISION + SELECTION_MARGIN
        ]
        if enough:
            return min(enough)
        # the most precise from even odds up, the highest of equals: 'they' right 3 of 3 at
        # 0.35 and none resolved at 1.0 are alike precise, and only the second is sure
        above = [t for t in THRESHOLDS if t >= EVEN_ODDS]
        return max(reversed(above), key=lambda t: precision(t, kind))

    chosen = {kind: best_for(kind) for kind in (*PRONOUN_KINDS, "description")}
    return CorefModel(weights_of(items, groups, l2=l2), chosen.pop("pronoun:he"), chosen)


def mention_lines(item: Prepared, model: CorefModel) -> list[str]:
    entities = find_entities(item.cols, model=model)
    doc = item.cols.doc
    lines = []
    for reference in entities.references.values():
        if not reference.candidates:
            continue  # unresolved: no prediction
        span = doc[reference.start : reference.end]
        record = {
            "document": f"{item.gum.id}.txt",
            "start": span.start_char,
            "end": span.end_char,
            "kind": reference.kind,
            "entity": reference.candidates[0].name,
        }
        lines.append(json.dumps(record))
    return lines


def thresholds_text(model: CorefModel) -> str:
    """'he 0.45, it 0.60, its 0.50, they 1.00, description 0.70'."""
    kinds = [("he", "pronoun", "he"), ("it", "pronoun", "it"), ("its", "pronoun", "its")]
    kinds.append(("they", "pronoun", "they"))
    kinds.append(("description", "description", ""))
    return ", ".join(f"{name} {model.threshold_for(k, g):.2f}" for name, k, g in kinds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="GUM folder (conllu/, scorer)")
    parser.add_argument("--no-write", action="store_true", help="Do not write the model file.")
    parser.add_argument("--l2", type=float, default=L2, help="L2 penalty of the regression.")
    parser.add_argument(
        "--oof",
        type=Path,
        help="Also write the out-of-fold mentions here (JSON Lines), for "
        "gum_coref.py score --per-doc.",
    )
    args = parser.parse_args()
    from benchmarks.gum import scorer

    documents = read_documents(args.data)
    items = prepare(documents, scorer(args.data))
    pairs = {item.gum.id: training_groups(item) for item in items}
    count = sum(len(rows) for groups in pairs.values() for rows, _ in groups)
    print(f"{len(items)} documents, {count} candidate pairs")
    lines = []
    for fold in range(FOLDS):
        train = [item for n, item in enumerate(items) if n % FOLDS != fold]
        test = [item for n, item in enumerate(items) if n % FOLDS == fold]
        model = fit(train, pairs, l2=args.l2)
        print(f"fold {fold + 1}: thresholds {thresholds_text(model)}, {len(test)} documents")
        for item in test:
            lines += mention_lines(item, model)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
        out.write("\n".join(lines) + "\n")
    print("cross-validated:", score(Path(out.name), data=args.data))
    if args.oof:
        args.oof.write_text("\n".join(lines) + "\n", encoding="utf-8")
    Path(out.name).unlink()
    model = fit(items, pairs, l2=args.l2)
    if not args.no_write:
        MODEL_PATH.write_text(model.to_json() + "\n", encoding="utf-8")
        print(
            f"wrote {MODEL_PATH.relative_to(MODEL_PATH.parents[2])} "
            f"(thresholds {thresholds_text(model)}; "
            f"{len(model.weights)} weights)"
        )


if __name__ == "__main__":
    main()
