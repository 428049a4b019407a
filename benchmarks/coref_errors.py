"""Where kg's pronoun resolution goes wrong on GUM: each gold pronoun, and each pronoun resolved
that is not one, in a bucket of what happened to it, out of fold.

    python benchmarks/coref_errors.py                  # counts per bucket
    python benchmarks/coref_errors.py --show wrong     # and the cases of buckets starting so

Each document is resolved with weights trained on the other folds (as in train_coref.py) and
the shipped model's thresholds, so the buckets are those of text the weights never saw. The
buckets: rejected as expletive, no candidate at all, kg found no name of the gold entity, the
right entity not among the candidates (type, number, window or binding excluded it), ranked
below another, top but under the threshold, resolved wrong, resolved right; and for resolved
pronouns that are no gold anaphor, whether the word is in a gold mention at all (an entity
with no name before it, or nothing).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.gum import DATA, read_documents, scorer
from benchmarks.train_coref import (
    FOLDS,
    L2,
    THIRD,
    Prepared,
    cluster_golds,
    prepare,
    training_groups,
    weights_of,
)
from extract.coref import resolve_references
from extract.coref_features import form_group
from extract.coref_model import CorefModel, NotingDecider, load_model
from extract.mentions import named_mentions


def buckets_of(
    item: Prepared,
    model: CorefModel,
    out: dict[str, list[str]],
    forms: dict[str, Counter],
) -> None:
    """Add each third-person pronoun of `item` to its bucket in `out`, with its context, and
    count it in `forms` under its form ('he', 'it', 'they') and bucket."""
    named = named_mentions(item.cols)
    golds = cluster_golds(item, named.antecedents)
    labels = {a.cluster: a.span.text for a in named.antecedents}
    decide = RecordingDecider(model)
    scored = decide.scored
    doc = item.cols.doc
    for resolution in resolve_references(item.cols, named.antecedents, model=model, decide=decide):
        token = resolution.anaphor.token
        if resolution.anaphor.kind != "pronoun" or token.lower_ not in THIRD:
            continue
        gold = item.anaphors.get(token.idx)
        right = {c for c, g in golds.items() if gold and gold in g}
        top = resolution.ranked[0][0] if resolution.ranked else None
        ranking = scored.get(token.i, [])
        if not gold:
            if top is None:
                continue
            mentioned = item.cluster_at(token.idx, token.idx + len(token)) is not None
            bucket = "FP: " + ("an entity named nowhere before" if mentioned else "no mention")
        elif top is not None:
            bucket = "right" if top in right else "wrong"
        elif resolution.reason.startswith("expletive"):
            bucket = "rejected as expletive"
        elif not right:
            bucket = "kg has no name of its entity"
        elif not any(c in right for c, _ in ranking):
            bucket = "right entity not a candidate"
        else:
            bucket = "under threshold" if ranking[0][0] in right else "ranked below another"
        before = doc[max(token.i - 10, 0) : token.i].text
        context = f"{before} [{token.text}] {doc[token.i + 1 : token.i + 3].text}"
        context = context.replace("\n", " ")
        ranks = " ".join(f"{labels.get(c, c)}:{p:.2f}{'*' * (c in right)}" for c, p in ranking[:3])
        out[bucket].append(f"{item.gum.id} | {context} | {ranks} | {resolution.reason}")
        forms[form_group(resolution.anaphor)][bucket] += 1


@dataclass
class RecordingDecider(NotingDecider):
    """The resolver's own decision (noting likely candidates as it does), recording every
    anaphor's candidates with their probabilities, best first."""

    scored: dict[int, list[tuple[int, float]]] = field(default_factory=dict)

    def __call__(self, anaphor, candidates):
        scores = [(c, self.model.probability(f)) for c, f in candidates]
        self.scored[anaphor.token.i] = sorted(scores, key=lambda s: -s[1])
        return super().__call__(anaphor, candidates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="GUM folder (conllu/, scorer)")
    parser.add_argument("--show", action="append", default=[], help="Print a bucket's cases.")
    parser.add_argument(
        "--threshold",
        action="append",
        default=[],
        metavar="KIND=P",
        help="Override a shipped threshold ('pronoun:it=0.6', 'pronoun=0.4' for 'he').",
    )
    args = parser.parse_args()
    items = prepare(read_documents(args.data), scorer(args.data))
    out: dict[str, list[str]] = defaultdict(list)
    forms: dict[str, Counter] = defaultdict(Counter)
    for item, model in out_of_fold(items, overrides=dict(o.split("=") for o in args.threshold)):
        buckets_of(item, model, out, forms)
    print_counts(out)
    print_forms(out, forms)
    print_cases(out, args.show)


def out_of_fold(
    items: list[Prepared], *, overrides: dict[str, str] | None = None
) -> Iterator[tuple[Prepared, CorefModel]]:
    """Each document with weights trained on the other folds and the shipped thresholds
    (`overrides`: kind -> threshold, "pronoun" for the default one)."""
    groups = {item.gum.id: training_groups(item) for item in items}
    shipped = load_model()
    overrides = {kind: float(value) for kind, value in (overrides or {}).items()}
    threshold = overrides.pop("pronoun", shipped.threshold)
    thresholds = shipped.thresholds | overrides
    for fold in range(FOLDS):
        train = [item for n, item in enumerate(items) if n % FOLDS != fold]
        model = CorefModel(weights_of(train, groups, l2=L2), threshold, thresholds)
        for item in (item for n, item in enumerate(items) if n % FOLDS == fold):
            yield item, model


def print_counts(out: dict[str, list[str]]) -> None:
    """Each bucket's count, the largest first, false positives last."""
    for bucket, cases in sorted(out.items(), key=lambda kv: (kv[0].startswith("FP"), -len(kv[1]))):
        print(f"{len(cases):5d}  {bucket}")


def print_forms(out: dict[str, list[str]], forms: dict[str, Counter]) -> None:
    """Each pronoun form's count per bucket: the gold ones, then its false positives."""
    buckets = sorted(out, key=lambda b: (b.startswith("FP"), -len(out[b])))
    print("\nby form: gold (right) | " + " | ".join(buckets))
    for form, counted in sorted(forms.items()):
        gold = sum(n for b, n in counted.items() if not b.startswith("FP"))
        cells = " | ".join(str(counted[b]) for b in buckets)
        print(f"{form:5s} {gold:4d} ({counted['right']}) | {cells}")


def print_cases(out: dict[str, list[str]], prefixes: list[str]) -> None:
    """The cases of the buckets whose names start with one of `prefixes`."""
    for prefix in prefixes:
        for bucket in (b for b in out if b.startswith(prefix)):
            print(f"\n== {bucket}")
            print("\n".join(out[bucket]))


if __name__ == "__main__":
    main()
