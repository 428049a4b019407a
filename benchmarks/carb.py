"""CaRB Open IE benchmark: our own standard-library reimplementation of the scorer.

CaRB (Bhardwaj, Aggarwal and Mausam, EMNLP 2019) scores predicted Open IE tuples against
crowdsourced gold tuples by word overlap. This module follows the behaviour of the reference
implementation's default configuration (``carb.py`` with ``binary_linient_tuple_match``) so that
our numbers can be compared with published ones:

* Tuples are binarised: gold ``arg2 .. argN`` are joined with a space into one slot, so every
  tuple has the slots relation, arg1, rest. Gold arguments containing ``"C: "`` (context
  annotations) are dropped and trailing empty gold fields are discarded, as the reference gold
  reader does; a gold tuple left with only arg1 is scored on relation and arg1 alone, so the
  predicted arg2 is neither rewarded nor penalised.
* Words are whitespace tokens compared as multisets, case-sensitively (the reference passes an
  ``ignoreCase`` flag that its matcher never uses; ``ignore_case=True`` lowercases instead).
  A pair scores zero unless the relations share a word. A predicted ``be`` matches any form of
  *be* in the gold relation. For gold relations containing ``said``, ``told``, ``added``,
  ``adds`` or ``says`` the predicted arguments are also tried swapped, keeping the better pair.
* Pair precision = matched words / predicted words and pair recall = matched words / gold words,
  both summed over the slots.
* Recall is multi-mapping: each gold tuple takes its best recall over the kept predictions of its
  sentence, divided by the number of gold tuples (all of them, at every threshold). Precision is
  one-to-one as in the reference: kept predictions and gold tuples of a sentence are paired
  greedily by highest pair precision, each used at most once, and the sum is divided by the
  number of kept predictions (unpaired ones count zero). ``one_to_one_precision=False`` instead
  credits each prediction with its best precision over all gold tuples.
* Thresholds are the distinct confidences; a threshold keeps predictions with confidence >= it.
  Precision with nothing kept is 1. The reported point is the best F1 (lowest threshold on ties).
* AUC: the trapezoid rule over the (recall, precision) points ordered by decreasing threshold
  (increasing recall), starting from the point (recall 0, precision 1) the reference adds; this
  is what sklearn's ``auc`` computes on the reference's lists.
* Sentences are matched on the reference's key: whitespace removed, PTB bracket escapes
  (``-LRB-`` ...) undone, ASCII punctuation removed. Predictions for sentences absent from the
  gold are ignored (they score nothing and cost nothing), as in the reference.

Usage:
    python benchmarks/carb.py [--gold PATH] [--sentences PATH] [--predictions PATH]

Without ``--predictions`` the system under test is run as
``python -m graph.cli extract --format carb -`` with the sentences on its standard input.
"""

from __future__ import annotations

import argparse
import bisect
import re
import string
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import TypeVar

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA_DIR = REPO_ROOT.parent / "shared" / "data" / "carb"
EXTRACTOR_COMMAND = [sys.executable, "-m", "graph.cli", "extract", "--format", "carb", "-"]
TARGET_F1 = 0.50
TARGET_AUC = 0.30

# The reference undoes these Penn Treebank escapes before comparing sentences.
PTB_ESCAPES = (
    ("(", "-LRB-"),
    (")", "-RRB-"),
    ("[", "-LSB-"),
    ("]", "-RSB-"),
    ("{", "-LCB-"),
    ("}", "-RCB-"),
)
PUNCTUATION_RE = re.compile(f"[{re.escape(string.punctuation)}]")
BE_FORMS = frozenset({"be", "is", "am", "are", "was", "were", "been", "being"})
# Matched as substrings of the gold relation, as the reference does.
SAID_VERBS = ("said", "told", "added", "adds", "says")
CONTEXT_MARKER = "C: "

TupleT = TypeVar("TupleT", "GoldTuple", "PredictedTuple")


@dataclass(frozen=True)
class GoldTuple:
    """One gold extraction.

    Attributes:
        sentence: The sentence text as written in the gold file (stripped).
        relation: The relation phrase.
        arguments: arg1, arg2, ... with context arguments and trailing empty fields removed.
    """

    sentence: str
    relation: str
    arguments: tuple[str, ...]


@dataclass(frozen=True)
class PredictedTuple:
    """One predicted extraction (n-ary arguments already joined into ``arg2``).

    Attributes:
        sentence: The sentence text as written by the system.
        confidence: The system's confidence; higher means more sure.
        arg1: The first argument.
        relation: The relation phrase.
        arg2: All remaining arguments joined, possibly empty.
    """

    sentence: str
    confidence: float
    arg1: str
    relation: str
    arg2: str


@dataclass(frozen=True)
class ScoringOptions:
    """Switches away from the reference behaviour.

    Attributes:
        ignore_case: Lowercase words before matching.
        one_to_one_precision: Pair predictions and gold tuples greedily one-to-one for
            precision (reference); if False each prediction takes its best match.
    """

    ignore_case: bool = False
    one_to_one_precision: bool = True


@dataclass(frozen=True)
class PairScore:
    """Word-overlap precision and recall of one (gold, predicted) pair."""

    precision: float
    recall: float


@dataclass(frozen=True)
class CurvePoint:
    """Precision and recall when keeping predictions with confidence >= threshold."""

    threshold: float
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0 when both are 0)."""
        return f1_score(self.precision, self.recall)


@dataclass(frozen=True)
class SentenceStats:
    """Numerators and precision denominator of one sentence at one of its confidences."""

    confidence: float
    precision_sum: float
    kept: int
    recall_sum: float


@dataclass(frozen=True)
class CarbResult:
    """Outcome of scoring a prediction set against the gold.

    Attributes:
        precision: Precision at the best-F1 threshold.
        recall: Recall at the best-F1 threshold.
        f1: Best F1 over all thresholds.
        auc: Area under the precision-recall curve.
        threshold: Confidence threshold of the best F1 (None without predictions).
        curve: One point per distinct confidence, by increasing threshold.
        predictions: Number of predicted tuples read.
        ignored_predictions: Predicted tuples whose sentence is not in the gold.
        gold_tuples: Number of gold tuples (the recall denominator).
        gold_sentences: Number of distinct gold sentences.
    """

    precision: float
    recall: float
    f1: float
    auc: float
    threshold: float | None
    curve: tuple[CurvePoint, ...]
    predictions: int
    ignored_predictions: int
    gold_tuples: int
    gold_sentences: int


# --------------------------------------------------------------------------- parsing


def sentence_key(text: str) -> str:
    """Return the key under which gold and predicted sentences are matched.

    Removing all whitespace and punctuation makes the match robust to systems that
    re-tokenize or detokenize the sentence they were given.

    Args:
        text: A sentence.

    Returns:
        The sentence without whitespace, PTB bracket escapes undone, punctuation removed.
    """
    key = "".join(text.split())
    for bracket, escape in PTB_ESCAPES:
        key = key.replace(escape, bracket)
    return PUNCTUATION_RE.sub("", key)


def parse_gold_line(line: str, line_number: int) -> GoldTuple | None:
    """Parse ``sentence<TAB>relation<TAB>arg1[<TAB>arg2...]``.

    Args:
        line: One line of the gold file.
        line_number: 1-based line number, for error messages.

    Returns:
        The gold tuple, or None for a blank line.

    Raises:
        ValueError: If the line has no relation field.
    """
    # Stripping the whole line first drops trailing empty fields, like the reference reader.
    fields = line.strip().split("\t")
    if fields == [""]:
        return None
    if len(fields) < 2:
        raise ValueError(f"gold line {line_number}: expected sentence and relation")
    arguments = tuple(arg.strip() for arg in fields[2:] if CONTEXT_MARKER not in arg)
    return GoldTuple(fields[0].strip(), fields[1].strip(), arguments)


def parse_gold(lines: Iterable[str]) -> list[GoldTuple]:
    """Parse gold TSV lines, skipping blank ones.

    Args:
        lines: Lines of a gold file.

    Returns:
        The gold tuples in file order.
    """
    parsed = (parse_gold_line(line, number) for number, line in enumerate(lines, 1))
    return [gold for gold in parsed if gold is not None]


def parse_prediction_line(line: str, line_number: int) -> PredictedTuple | None:
    """Parse ``sentence<TAB>confidence<TAB>arg1<TAB>relation[<TAB>arg2...]``.

    Args:
        line: One line of system output.
        line_number: 1-based line number, for error messages.

    Returns:
        The predicted tuple, or None for a blank line or an extraction with no text at all
        (the reference's readers skip those too).

    Raises:
        ValueError: If fields are missing or the confidence is not a number.
    """
    fields = line.rstrip("\r\n").split("\t")
    if not line.strip():
        return None
    if len(fields) < 4:
        raise ValueError(f"prediction line {line_number}: expected at least 4 tab-separated fields")
    try:
        confidence = float(fields[1])
    except ValueError:
        raise ValueError(f"prediction line {line_number}: bad confidence {fields[1]!r}") from None
    arg1, relation = fields[2].strip(), fields[3].strip()
    # Extra columns are further arguments: join them into arg2 as the binarisation would.
    arg2 = " ".join(arg.strip() for arg in fields[4:] if arg.strip())
    if not (arg1 or relation or arg2):
        return None
    return PredictedTuple(fields[0].strip(), confidence, arg1, relation, arg2)


def parse_predictions(lines: Iterable[str]) -> list[PredictedTuple]:
    """Parse prediction TSV lines, skipping blank ones.

    Args:
        lines: Lines of system output.

    Returns:
        The predicted tuples in input order.
    """
    parsed = (parse_prediction_line(line, number) for number, line in enumerate(lines, 1))
    return [prediction for prediction in parsed if prediction is not None]


def group_by_sentence(tuples: Iterable[TupleT]) -> dict[str, list[TupleT]]:
    """Group tuples by sentence key, keeping input order within each group.

    Args:
        tuples: Gold or predicted tuples.

    Returns:
        Mapping from sentence key to that sentence's tuples.
    """
    groups: dict[str, list[TupleT]] = {}
    for item in tuples:
        groups.setdefault(sentence_key(item.sentence), []).append(item)
    return groups


# --------------------------------------------------------------------------- pair matching


def words(text: str, options: ScoringOptions) -> list[str]:
    """Split a slot into whitespace tokens, lowercased if the options ask for it."""
    return (text.lower() if options.ignore_case else text).split()


def shared_word_count(gold_words: Sequence[str], predicted_words: Sequence[str]) -> int:
    """Count gold words found in the prediction, each predicted word usable once."""
    return sum((Counter(gold_words) & Counter(predicted_words)).values())


def relation_word_count(gold_words: Sequence[str], predicted_words: Sequence[str]) -> int:
    """Count shared relation words, letting one spare predicted ``be`` match a form of be.

    Systems often normalise "is"/"was" to "be"; the reference credits one such word.
    """
    shared = shared_word_count(gold_words, predicted_words)
    spare_be = predicted_words.count("be") > gold_words.count("be")
    if spare_be and BE_FORMS.intersection(gold_words):
        shared += 1
    return shared


def gold_slots(gold: GoldTuple) -> list[str]:
    """Return the gold argument slots: arg1 and the remaining arguments joined."""
    if len(gold.arguments) >= 2:
        return [gold.arguments[0], " ".join(gold.arguments[1:])]
    return list(gold.arguments)


def score_slots(
    gold: GoldTuple, relation: str, slots: Sequence[str], options: ScoringOptions
) -> PairScore:
    """Score a prediction, given as relation and argument slots, against a gold tuple.

    Only the slots the gold tuple has are compared, so a gold tuple without arg2 ignores
    the predicted arg2 in both precision and recall, as the reference does.

    Args:
        gold: The gold tuple.
        relation: The predicted relation.
        slots: The predicted argument slots, in the order to compare them.
        options: Scoring switches.

    Returns:
        The pair's precision and recall; zero if the relations share no word.
    """
    gold_rel, predicted_rel = words(gold.relation, options), words(relation, options)
    matched = relation_word_count(gold_rel, predicted_rel)
    if matched == 0:
        return PairScore(0.0, 0.0)
    predicted_total, gold_total = len(predicted_rel), len(gold_rel)
    # strict=False: a gold tuple without arg2 compares only arg1.
    for gold_slot, predicted_slot in zip(gold_slots(gold), slots, strict=False):
        gold_words, predicted_words = words(gold_slot, options), words(predicted_slot, options)
        matched += shared_word_count(gold_words, predicted_words)
        predicted_total += len(predicted_words)
        gold_total += len(gold_words)
    precision = matched / predicted_total if predicted_total else 0.0
    return PairScore(precision, matched / gold_total if gold_total else 0.0)


def is_said_relation(gold: GoldTuple, options: ScoringOptions) -> bool:
    """Tell whether the gold relation is a reporting verb whose arguments may be swapped."""
    relation = gold.relation.lower() if options.ignore_case else gold.relation
    return any(verb in relation for verb in SAID_VERBS)


def match_pair(gold: GoldTuple, predicted: PredictedTuple, options: ScoringOptions) -> PairScore:
    """Score one (gold, predicted) pair.

    For reporting verbs ("X said Y") annotators and systems disagree on which side is the
    subject, so the swapped prediction is also tried and the better pair (by precision,
    then recall, as the reference's list comparison does) is kept.

    Args:
        gold: The gold tuple.
        predicted: The predicted tuple.
        options: Scoring switches.

    Returns:
        The pair's precision and recall.
    """
    straight = score_slots(gold, predicted.relation, [predicted.arg1, predicted.arg2], options)
    if not is_said_relation(gold, options):
        return straight
    swapped = score_slots(gold, predicted.relation, [predicted.arg2, predicted.arg1], options)
    return max(straight, swapped, key=lambda score: (score.precision, score.recall))


def score_matrix(
    golds: Sequence[GoldTuple], predictions: Sequence[PredictedTuple], options: ScoringOptions
) -> list[list[PairScore]]:
    """Score every (gold, predicted) pair of one sentence: rows gold, columns predictions."""
    return [[match_pair(gold, predicted, options) for predicted in predictions] for gold in golds]


# --------------------------------------------------------------------------- aggregation


def recall_sum(matrix: Sequence[Sequence[PairScore]], kept: Sequence[int]) -> float:
    """Sum over gold tuples of their best recall among the kept predictions."""
    return sum(max((row[j].recall for j in kept), default=0.0) for row in matrix)


def best_match_precision_sum(matrix: Sequence[Sequence[PairScore]], kept: Sequence[int]) -> float:
    """Sum over kept predictions of their best precision over all gold tuples."""
    return sum(max((row[j].precision for row in matrix), default=0.0) for j in kept)


def one_to_one_precision_sum(matrix: Sequence[Sequence[PairScore]], kept: Sequence[int]) -> float:
    """Sum the precisions of a greedy one-to-one pairing of gold tuples and kept predictions.

    Repeatedly takes the unused (gold, prediction) pair with the highest precision, scanning
    gold rows then predictions in order and keeping the first maximum, as the reference does,
    so that duplicate predictions cannot all claim the same gold tuple.
    """
    used_rows: set[int] = set()
    used_cols: set[int] = set()
    total = 0.0
    for _ in range(min(len(matrix), len(kept))):
        best, best_row, best_col = -1.0, -1, -1
        for i, row in enumerate(matrix):
            for j in kept:
                if i not in used_rows and j not in used_cols and row[j].precision > best:
                    best, best_row, best_col = row[j].precision, i, j
        used_rows.add(best_row)
        used_cols.add(best_col)
        total += best
    return total


def sentence_stats(
    matrix: Sequence[Sequence[PairScore]],
    confidences: Sequence[float],
    options: ScoringOptions,
) -> list[SentenceStats]:
    """Compute one sentence's contribution at each of its own distinct confidences.

    Args:
        matrix: Pair scores, rows gold tuples, columns predictions.
        confidences: Confidence of each prediction (column).
        options: Scoring switches.

    Returns:
        Statistics by increasing confidence, keeping predictions with confidence >= it.
    """
    if options.one_to_one_precision:
        precision_sum = one_to_one_precision_sum
    else:
        precision_sum = best_match_precision_sum
    stats = []
    for threshold in sorted(set(confidences)):
        kept = [j for j, confidence in enumerate(confidences) if confidence >= threshold]
        precision, recall = precision_sum(matrix, kept), recall_sum(matrix, kept)
        stats.append(SentenceStats(threshold, precision, len(kept), recall))
    return stats


def spread_over_thresholds(
    stats: Sequence[SentenceStats], thresholds: Sequence[float], totals: list[list[float]]
) -> None:
    """Add a sentence's statistics to the running totals of every global threshold.

    A global threshold keeps exactly the predictions kept at the sentence's smallest own
    confidence at or above it, so each sentence value covers a run of global thresholds;
    thresholds above the sentence's highest confidence keep nothing and get nothing.
    Differences are recorded here and summed up by ``curve_from_totals``.

    Args:
        stats: The sentence's statistics by increasing confidence.
        thresholds: All distinct confidences, increasing.
        totals: Difference arrays [precision_sum, kept, recall_sum], each len(thresholds)+1.
    """
    start = 0
    for item in stats:
        end = bisect.bisect_left(thresholds, item.confidence) + 1
        values = (item.precision_sum, item.kept, item.recall_sum)
        for total, value in zip(totals, values, strict=True):
            total[start] += value
            total[end] -= value
        start = end


def curve_from_totals(
    totals: Sequence[Sequence[float]], thresholds: Sequence[float], gold_tuples: int
) -> list[CurvePoint]:
    """Turn the difference arrays into precision/recall points, one per threshold."""
    points = []
    precision_total = kept = recall_total = 0.0
    for index, threshold in enumerate(thresholds):
        precision_total += totals[0][index]
        kept += totals[1][index]
        recall_total += totals[2][index]
        # The reference counts precision as perfect when nothing is kept.
        precision = precision_total / kept if kept else 1.0
        recall = recall_total / gold_tuples if gold_tuples else 0.0
        points.append(CurvePoint(threshold, precision, recall))
    return points


def f1_score(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall, 0 when both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def best_point(curve: Sequence[CurvePoint]) -> CurvePoint | None:
    """Return the point with the highest F1, the lowest threshold on ties; None if empty."""
    best = None
    for point in curve:
        if best is None or point.f1 > best.f1:
            best = point
    return best


def area_under_curve(curve: Sequence[CurvePoint]) -> float:
    """Trapezoid area under (recall, precision), from (0, 1) by increasing recall.

    Recall never grows with the threshold, so walking thresholds downwards walks recall
    upwards; the (recall 0, precision 1) start is the point the reference appends.

    Args:
        curve: Points by increasing threshold.

    Returns:
        The area, 0 for an empty curve.
    """
    if not curve:
        return 0.0
    points = [(0.0, 1.0)] + [(point.recall, point.precision) for point in reversed(curve)]
    return sum((x2 - x1) * (y1 + y2) / 2 for (x1, y1), (x2, y2) in pairwise(points))


def precision_recall_curve(
    gold: Sequence[GoldTuple], predictions: Sequence[PredictedTuple], options: ScoringOptions
) -> list[CurvePoint]:
    """Compute precision and recall at every distinct confidence.

    Args:
        gold: All gold tuples; each counts in the recall denominator.
        predictions: All predicted tuples; those of sentences not in the gold are ignored.
        options: Scoring switches.

    Returns:
        One point per distinct confidence, by increasing threshold.
    """
    thresholds = sorted({prediction.confidence for prediction in predictions})
    totals = [[0.0] * (len(thresholds) + 1) for _ in range(3)]
    predicted_groups = group_by_sentence(predictions)
    for key, golds in group_by_sentence(gold).items():
        predicted = predicted_groups.get(key, [])
        matrix = score_matrix(golds, predicted, options)
        stats = sentence_stats(matrix, [p.confidence for p in predicted], options)
        spread_over_thresholds(stats, thresholds, totals)
    return curve_from_totals(totals, thresholds, len(gold))


def score(
    gold: Sequence[GoldTuple],
    predictions: Sequence[PredictedTuple],
    options: ScoringOptions | None = None,
) -> CarbResult:
    """Score predictions against the gold the CaRB way.

    Args:
        gold: All gold tuples.
        predictions: All predicted tuples.
        options: Scoring switches; defaults reproduce the reference scorer.

    Returns:
        Best-F1 point, AUC, the full curve and counts; all zero without predictions.
    """
    curve = precision_recall_curve(gold, predictions, options or ScoringOptions())
    best = best_point(curve)
    gold_keys = {sentence_key(item.sentence) for item in gold}
    ignored = sum(1 for p in predictions if sentence_key(p.sentence) not in gold_keys)
    return CarbResult(
        precision=best.precision if best else 0.0,
        recall=best.recall if best else 0.0,
        f1=best.f1 if best else 0.0,
        auc=area_under_curve(curve),
        threshold=best.threshold if best else None,
        curve=tuple(curve),
        predictions=len(predictions),
        ignored_predictions=ignored,
        gold_tuples=len(gold),
        gold_sentences=len(gold_keys),
    )


# --------------------------------------------------------------------------- command line


def read_lines(path: Path) -> list[str]:
    """Read a UTF-8 text file as lines."""
    return path.read_text(encoding="utf-8").splitlines()


def run_extractor(sentences: Path) -> tuple[str, float]:
    """Run the system under test on the sentences file.

    Args:
        sentences: File with one sentence per line, fed on standard input.

    Returns:
        The system's standard output and the wall-clock seconds it took.

    Raises:
        RuntimeError: If the system cannot start or exits with an error.
    """
    started = time.perf_counter()
    with sentences.open("rb") as stdin:
        # stderr is not captured so that the extractor's own logs and tracebacks stay visible.
        completed = subprocess.run(
            EXTRACTOR_COMMAND, stdin=stdin, stdout=subprocess.PIPE, cwd=REPO_ROOT, check=False
        )
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        command = " ".join(EXTRACTOR_COMMAND[1:])
        raise RuntimeError(f"extractor `python {command}` exited with code {completed.returncode}")
    return completed.stdout.decode("utf-8"), elapsed


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse command-line options."""
    parser = argparse.ArgumentParser(description="Score Open IE extractions on CaRB.")
    parser.add_argument("--gold", type=Path, default=DEFAULT_DATA_DIR / "dev_gold.tsv")
    parser.add_argument("--sentences", type=Path, default=DEFAULT_DATA_DIR / "dev.txt")
    parser.add_argument(
        "--predictions", type=Path, help="score this file instead of running graph.cli"
    )
    parser.add_argument(
        "--ignore-case", action="store_true", help="lowercase words before matching"
    )
    parser.add_argument(
        "--best-match-precision",
        action="store_true",
        help="credit each prediction with its best match instead of CaRB's one-to-one pairing",
    )
    return parser.parse_args(argv)


def check_inputs(args: argparse.Namespace) -> str | None:
    """Return a one-line error if a needed input file is missing, else None."""
    needed = [("gold", args.gold)]
    if args.predictions is None:
        needed.append(("sentences", args.sentences))
    else:
        needed.append(("predictions", args.predictions))
    for name, path in needed:
        if not path.is_file():
            return f"error: {name} file not found: {path}"
    return None


def count_sentences(args: argparse.Namespace, result: CarbResult) -> int:
    """Count the benchmark's sentences: the sentences file if present, else gold sentences."""
    if args.sentences.is_file():
        return sum(1 for line in read_lines(args.sentences) if line.strip())
    return result.gold_sentences


def format_report(result: CarbResult, sentences: int, seconds: float | None) -> str:
    """Render the scores, counts, speed and targets as text.

    Args:
        result: The scoring outcome.
        sentences: Number of benchmark sentences.
        seconds: Extraction wall time, or None when predictions were read from a file.

    Returns:
        The report, one item per line.
    """
    threshold = "n/a" if result.threshold is None else f"{result.threshold:g}"
    ignored = result.ignored_predictions
    lines = [
        f"precision   {result.precision:.3f}",
        f"recall      {result.recall:.3f}",
        f"f1          {result.f1:.3f}   (confidence >= {threshold})",
        f"auc         {result.auc:.3f}",
        f"predictions {result.predictions}   ({ignored} for sentences not in the gold, ignored)",
        f"gold tuples {result.gold_tuples}   ({result.gold_sentences} sentences with gold tuples)",
        f"sentences   {sentences}",
    ]
    if seconds is not None:
        speed = sentences / seconds if seconds > 0 else float("inf")
        lines.append(f"speed       {speed:.1f} sentences/s")
    lines.append(f"target f1 >= {TARGET_F1:.2f}: {met(result.f1 >= TARGET_F1)}")
    lines.append(f"target auc >= {TARGET_AUC:.2f}: {met(result.auc >= TARGET_AUC)}")
    return "\n".join(lines)


def met(reached: bool) -> str:
    """Word a target check for the report."""
    return "met" if reached else "NOT met"


def load_predictions(args: argparse.Namespace) -> tuple[list[PredictedTuple], float | None]:
    """Read predictions from the given file, or run the extractor to produce them."""
    if args.predictions is not None:
        return parse_predictions(read_lines(args.predictions)), None
    output, seconds = run_extractor(args.sentences)
    return parse_predictions(output.splitlines()), seconds


def main(argv: Sequence[str] | None = None) -> int:
    """Score the system (or a predictions file) on CaRB and print the report.

    Args:
        argv: Command-line arguments without the program name; None means sys.argv.

    Returns:
        0 on success, 1 if an input is missing or unreadable or the extractor failed.
    """
    args = parse_args(argv)
    error = check_inputs(args)
    if error:
        print(error, file=sys.stderr)
        return 1
    try:
        gold = parse_gold(read_lines(args.gold))
        predictions, seconds = load_predictions(args)
    except (OSError, ValueError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    options = ScoringOptions(args.ignore_case, one_to_one_precision=not args.best_match_precision)
    result = score(gold, predictions, options)
    print(format_report(result, count_sentences(args, result), seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
