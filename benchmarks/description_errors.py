"""Where kg's resolution of definite descriptions goes wrong on GUM: each gold description, and
each description resolved that is not one, in a bucket of what happened to it, out of fold.

    python benchmarks/description_errors.py                 # counts per bucket
    python benchmarks/description_errors.py --show wrong    # and the cases of buckets starting so
    python benchmarks/description_errors.py --heads         # head lemmas of the missed ones

As in coref_errors.py, each document is resolved with weights trained on the other folds and
the shipped model's thresholds. The buckets: not detected as a description (its head no class
noun nor name head, or the noun phrase said to define its noun), no candidate at all, kg found
no name of the gold entity, the right entity not a candidate (no evidence of its class, too
far, its type, binding), ranked below another, top but under the threshold, resolved wrong,
resolved right; and for resolved descriptions that are no gold anaphor, whether their head is
in a gold mention at all.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import extract.coref as coref
from benchmarks.coref_errors import out_of_fold, print_cases, print_counts
from benchmarks.gum import DATA, read_documents, scorer
from benchmarks.train_coref import (
    Prepared,
    cluster_golds,
    prepare,
)
from extract.anaphora import find_anaphors
from extract.coref import candidate_tokens, resolve_references
from extract.coref_model import CorefModel
from extract.coref_state import entity_states
from extract.descriptions import evidence, vocabulary
from extract.mentions import named_mentions


@dataclass(frozen=True)
class Gold:
    """A document's gold anaphors by the start of their head: kind and the names before."""

    kinds: dict[int, str]
    names: dict[int, list[str]]

    @classmethod
    def of(cls, anaphors) -> Gold:
        return cls({s: k for s, _, k, _ in anaphors}, {s: n for s, _, _, n in anaphors})


ALLOWED = coref.allowed
REPORTED = coref.reported


def exclusion(anaphor, state, sentence: int) -> str:
    """Why the hard constraints keep `state` from `anaphor`'s candidates."""
    if state.last_token < 0 or state.last_token >= anaphor.start:
        return "not yet named"
    if evidence(anaphor, state) is None:
        return "no evidence of its class"
    if sentence - state.last_sentence > coref.DESCRIPTION_WINDOW:
        return "too far"
    if not state.types & anaphor.types:
        return "type"
    return "binding"


@dataclass
class Trace:
    """One document resolved with what the resolver saw: each description's scored
    candidates and why the hard constraints kept an entity out."""

    resolutions: list
    scored: dict[int, list[tuple[int, float]]] = field(default_factory=dict)
    excluded: dict[int, dict[int, str]] = field(default_factory=lambda: defaultdict(dict))


def traced(item: Prepared, model: CorefModel, antecedents) -> Trace:
    """Resolve `item` with every description kept, resolved or not, and what was seen."""
    trace = Trace([])

    def allowed(anaphor, state, sentence):
        ok = ALLOWED(anaphor, state, sentence)
        if not ok and anaphor.kind == "description":
            trace.excluded[anaphor.token.i][state.cluster] = exclusion(anaphor, state, sentence)
        return ok

    def decide(anaphor, candidates):
        scores = [(c, model.probability(f)) for c, f in candidates]
        trace.scored[anaphor.token.i] = sorted(scores, key=lambda s: -s[1])
        return model.decide(anaphor, candidates)

    coref.allowed = allowed
    coref.reported = lambda anaphor, *, resolved: True  # the unreported ones have buckets too
    try:
        trace.resolutions = resolve_references(item.cols, antecedents, model=model, decide=decide)
    finally:
        coref.allowed, coref.reported = ALLOWED, REPORTED
    return trace


def resolved_bucket(resolution, ranking, right: set[int], excluded: dict[int, str]) -> str:
    """The bucket of a gold description that was detected."""
    if resolution.ranked:
        bucket = "right" if resolution.ranked[0][0] in right else "wrong"
        return bucket + (" (rule)" if resolution.ranked[0][1] >= 1.0 else " (model)")
    if not right:
        return "kg has no name of its entity"
    if not any(c in right for c, _ in ranking):
        why = {excluded.get(c, "?") for c in right}
        return "right entity not a candidate: " + ",".join(sorted(why))
    return "under threshold" if ranking[0][0] in right else "ranked below another"


def buckets_of(item: Prepared, model: CorefModel, gold: Gold, out: dict[str, list[str]]) -> None:
    """Add each gold description of `item` (and each false one kg resolved) to its bucket,
    and each description the model scored to the curve ('~model')."""
    named = named_mentions(item.cols)
    golds = cluster_golds(item, named.antecedents)
    labels = {a.cluster: a.span.text for a in named.antecedents}
    doc = item.cols.doc
    heads = vocabulary(entity_states(named.antecedents))
    tokens = candidate_tokens(item.cols, heads=heads)
    found = {a.token.i for a in find_anaphors(tokens, heads=heads)}
    trace = traced(item, model, named.antecedents)
    out["~model"] += curve_points(item, trace, golds, labels)
    by_char = {r.anaphor.token.idx: r for r in trace.resolutions if r.anaphor.kind == "description"}
    token_at = {t.idx: t for t in doc}
    for start, cluster in item.anaphors.items():
        if gold.kinds.get(start) != "description":
            continue
        token = token_at.get(start)
        right = {c for c, g in golds.items() if cluster and cluster in g}
        resolution = by_char.pop(start, None)
        ranks = reason = ""
        if token is None:
            bucket = "not detected: tokenized apart"
        elif resolution is None:
            why = "head" if token.lemma_.lower() not in heads else "phrase"
            bucket = "not detected" + ("" if token.i in found else f" ({why})")
        else:
            ranking = trace.scored.get(token.i, [])
            ranks = " ".join(
                f"{labels.get(c, c)}:{p:.2f}{'*' * (c in right)}" for c, p in ranking[:3]
            )
            if resolution.ranked and not ranking:
                ranks = f"-> {labels.get(resolution.ranked[0][0], '?')}"
            reason = resolution.reason
            bucket = resolved_bucket(resolution, ranking, right, trace.excluded[token.i])
        if not right:
            ranks = f"[gold names: {'; '.join(gold.names.get(start, []))[:80]}] " + ranks
        out[bucket].append(case(item, token, start, ranks, reason, right, labels))
    for start, resolution in by_char.items():
        if resolution.ranked:
            token = resolution.anaphor.token
            mentioned = item.cluster_at(token.idx, token.idx + len(token)) is not None
            bucket = "FP: " + ("a gold mention, no named antecedent" if mentioned else "no mention")
            label = labels.get(resolution.ranked[0][0], "?")
            out[bucket].append(case(item, token, start, label, resolution.reason, set(), labels))


def curve_points(item: Prepared, trace: Trace, golds, labels) -> list[str]:
    """Each description the model scored: its best score, R(ight), W(rong) or F(alse: no
    gold anaphor), and what it was."""
    points = []
    doc = item.cols.doc
    for resolution in trace.resolutions:
        token = resolution.anaphor.token
        if resolution.anaphor.kind != "description" or not trace.scored.get(token.i):
            continue
        best, score = trace.scored[token.i][0]
        cluster = item.anaphors.get(token.idx)
        mark = "R" if cluster and cluster in golds.get(best, set()) else "W" if cluster else "F"
        context = doc[max(token.i - 6, 0) : token.i + 2].text.replace("\n", " ")
        points.append(f"{score:.2f} {mark} {token.lemma_} -> {labels.get(best, '?')} | {context}")
    return points


def case(item, token, start, ranks, reason, right, labels) -> str:
    if token is None:
        return f"{item.gum.id} | @{start}"
    doc = item.cols.doc
    context = doc[max(token.i - 8, 0) : token.i + 3].text.replace("\n", " ")
    gold = "/".join(sorted(labels.get(c, str(c)) for c in right)) or "-"
    return f"{item.gum.id} | {token.lemma_} | {context} | gold {gold} | {ranks} | {reason}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="GUM folder (conllu/, scorer)")
    parser.add_argument("--show", action="append", default=[], help="Print a bucket's cases.")
    parser.add_argument("--heads", action="store_true", help="Count heads of missed ones.")
    args = parser.parse_args()
    gum = scorer(args.data)
    documents = read_documents(args.data)
    items = prepare(documents, gum)
    golds = {d.id: Gold.of(gum.gold_anaphors(d.tokens, d.mentions)) for d in documents}
    out: dict[str, list[str]] = defaultdict(list)
    for item, model in out_of_fold(items):
        buckets_of(item, model, golds[item.gum.id], out)
    curve = sorted(out.pop("~model", []), reverse=True)
    for threshold in (0.7, 0.6, 0.5, 0.4, 0.3):
        above = [c.split()[1] for c in curve if float(c.split()[0]) >= threshold]
        print(f"model at {threshold}: right {above.count('R')} of {len(above)}")
    print_counts(out)
    if args.heads:
        missed = Counter(
            line.split(" | ")[1]
            for bucket, cases in out.items()
            if not bucket.startswith(("right", "FP"))
            for line in cases
            if line.count(" | ") > 2
        )
        print("missed heads:", " ".join(f"{h}:{n}" for h, n in missed.most_common()))
    if "~" in args.show:
        print("\n".join(c for c in curve if float(c.split()[0]) >= 0.3))
    print_cases(out, args.show)


if __name__ == "__main__":
    main()
