"""Tests of the CaRB scorer in benchmarks/carb.py, over hand-made gold and predictions."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
CARB_DATA = REPO_ROOT.parent / "shared" / "data" / "carb"
S1 = "Bill Gates founded Microsoft with Paul Allen ."
S2 = "Paris is the capital of France ."


def load_carb() -> ModuleType:
    """Import benchmarks/carb.py by path, since benchmarks/ is not a package."""
    spec = importlib.util.spec_from_file_location(
        "carb_benchmark", REPO_ROOT / "benchmarks" / "carb.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses look the module up in sys.modules while building the classes.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


carb = load_carb()


def gold(sentence: str, relation: str, *arguments: str) -> carb.GoldTuple:
    """Build a gold tuple."""
    return carb.GoldTuple(sentence, relation, tuple(arguments))


def pred(
    sentence: str, confidence: float, arg1: str, relation: str, arg2: str = ""
) -> carb.PredictedTuple:
    """Build a predicted tuple in the prediction file's field order."""
    return carb.PredictedTuple(sentence, confidence, arg1, relation, arg2)


def match(
    truth: carb.GoldTuple, prediction: carb.PredictedTuple, **options: bool
) -> carb.PairScore:
    """Score one pair with the given scoring switches (reference behaviour by default)."""
    return carb.match_pair(truth, prediction, carb.ScoringOptions(**options))


FOUNDED_GATES = gold(S1, "founded", "Bill Gates", "Microsoft")
FOUNDED_ALLEN = gold(S1, "founded", "Paul Allen", "Microsoft")


def test_carb_perfect_prediction_scores_one() -> None:
    result = carb.score([FOUNDED_GATES], [pred(S1, 0.9, "Bill Gates", "founded", "Microsoft")])
    assert (result.precision, result.recall, result.f1) == (1.0, 1.0, 1.0)
    assert result.auc == pytest.approx(1.0)
    assert result.threshold == 0.9


def test_carb_relation_without_shared_word_scores_zero() -> None:
    prediction = pred(S1, 0.9, "Bill Gates", "created", "Microsoft")
    assert match(FOUNDED_GATES, prediction) == carb.PairScore(0.0, 0.0)
    result = carb.score([FOUNDED_GATES], [prediction])
    assert (result.precision, result.recall, result.f1) == (0.0, 0.0, 0.0)


def test_carb_partial_overlap_gives_exact_fraction() -> None:
    sentence = "Barack Obama was born in Hawaii in 1961 ."
    # Gold words: relation 3 + arg1 2 + "Hawaii in 1961" 3 = 8.
    truth = gold(sentence, "was born in", "Barack Obama", "Hawaii", "in 1961")
    # Predicted words: 1 + 2 + 2 = 5; matched: "born in" 2 + "Obama" 1 + "Hawaii" 1 = 4.
    prediction = pred(sentence, 0.5, "Obama", "born in", "Hawaii state")
    pair = match(truth, prediction)
    assert pair == carb.PairScore(4 / 5, 4 / 8)
    result = carb.score([truth], [prediction])
    assert result.f1 == pytest.approx(2 * 0.8 * 0.5 / 1.3)


def test_carb_repeated_word_matches_once_per_occurrence() -> None:
    truth = gold("x", "is", "the cat", "the mat")
    # Predicted arg1 "the the cat" has one extra "the" that finds no second gold "the".
    pair = match(truth, pred("x", 1.0, "the the cat", "is", "the mat"))
    assert pair == carb.PairScore(5 / 6, 5 / 5)


def test_carb_one_prediction_covers_two_gold_tuples_in_recall() -> None:
    short = gold(S2, "is", "Paris", "the capital")
    full = gold(S2, "is", "Paris", "the capital of France")
    result = carb.score([short, full], [pred(S2, 0.7, "Paris", "is", "the capital of France")])
    # Both gold tuples are fully covered by the one prediction.
    assert result.recall == 1.0
    # Precision pairs the prediction with its best gold tuple, the full one.
    assert result.precision == 1.0


def test_carb_precision_takes_each_predictions_best_match() -> None:
    prediction = pred(S1, 0.6, "Paul Allen", "founded", "Microsoft")
    # Against Gates the prediction is 2/4 precise, against Allen 4/4: the best counts.
    assert match(FOUNDED_GATES, prediction).precision == 0.5
    result = carb.score([FOUNDED_GATES, FOUNDED_ALLEN], [prediction])
    assert result.precision == 1.0
    assert result.recall == pytest.approx((0.5 + 1.0) / 2)


def test_carb_precision_pairs_predictions_one_to_one() -> None:
    duplicate = pred(S1, 0.6, "Bill Gates", "founded", "Microsoft")
    reference = carb.score([FOUNDED_GATES], [duplicate, duplicate])
    # CaRB: two copies cannot both claim the single gold tuple; the second scores 0.
    assert (reference.precision, reference.recall) == (0.5, 1.0)
    lenient = carb.score(
        [FOUNDED_GATES], [duplicate, duplicate], carb.ScoringOptions(one_to_one_precision=False)
    )
    assert (lenient.precision, lenient.recall) == (1.0, 1.0)


def test_carb_one_to_one_pairing_is_greedy_by_precision() -> None:
    scores = carb.PairScore
    # Rows are gold tuples, columns predictions (precision, recall).
    matrix = [[scores(1.0, 1.0), scores(0.8, 1.0)], [scores(0.9, 1.0), scores(0.0, 0.0)]]
    # Greedy takes (0, 0) = 1.0 first, leaving (1, 1) = 0.0; the optimum 0.8 + 0.9 is not sought.
    assert carb.one_to_one_precision_sum(matrix, [0, 1]) == 1.0
    assert carb.best_match_precision_sum(matrix, [0, 1]) == 1.8
    assert carb.one_to_one_precision_sum(matrix, [1]) == 0.8


def test_carb_threshold_sweep_picks_best_f1() -> None:
    predictions = [
        pred(S1, 0.9, "Bill Gates", "founded", "Microsoft"),
        pred(S1, 0.8, "Bill Gates", "likes", "pizza"),
        pred(S1, 0.1, "Paul Allen", "founded", "Microsoft"),
    ]
    result = carb.score([FOUNDED_GATES, FOUNDED_ALLEN], predictions)
    curve = {point.threshold: (point.precision, point.recall) for point in result.curve}
    # At 0.9 the Gates prediction also covers 2 of Allen's 4 gold words (relation, arg2).
    assert curve[0.9] == pytest.approx((1.0, (1 + 2 / 4) / 2))
    assert curve[0.8] == pytest.approx((0.5, 0.75))
    assert curve[0.1] == pytest.approx((2 / 3, 1.0))
    assert result.threshold == 0.9
    assert result.f1 == pytest.approx(2 * 1.0 * 0.75 / 1.75)
    # Trapezoids from (0, 1): (0.75, 1), (0.75, 0.5), (1, 2/3).
    assert result.auc == pytest.approx(0.75 + 0.25 * (0.5 + 2 / 3) / 2)


def test_carb_auc_of_known_curve() -> None:
    curve = [
        carb.CurvePoint(threshold=0.2, precision=0.5, recall=1.0),
        carb.CurvePoint(threshold=0.5, precision=0.8, recall=0.5),
        carb.CurvePoint(threshold=0.9, precision=1.0, recall=0.25),
    ]
    # From (0, 1): 0.25 * 1 + 0.25 * (1 + 0.8) / 2 + 0.5 * (0.8 + 0.5) / 2.
    assert carb.area_under_curve(curve) == pytest.approx(0.8)
    assert carb.area_under_curve([]) == 0.0


def test_carb_ignores_predictions_for_sentences_not_in_gold() -> None:
    good = pred(S1, 0.9, "Bill Gates", "founded", "Microsoft")
    stray = pred("A sentence nobody annotated .", 0.9, "nobody", "annotated", "it")
    result = carb.score([FOUNDED_GATES], [good, stray])
    # Like CaRB, the stray prediction neither scores nor costs precision.
    assert (result.precision, result.recall) == (1.0, 1.0)
    assert (result.predictions, result.ignored_predictions) == (2, 1)


def test_carb_gold_sentences_without_predictions_count_in_recall() -> None:
    result = carb.score(
        [FOUNDED_GATES, gold(S2, "is", "Paris", "the capital of France")],
        [pred(S1, 0.9, "Bill Gates", "founded", "Microsoft")],
    )
    assert (result.precision, result.recall) == (1.0, 0.5)
    assert (result.gold_tuples, result.gold_sentences) == (2, 2)


def test_carb_matches_sentences_after_normalization() -> None:
    key = carb.sentence_key
    assert key("  Paris  is the\tcapital of France . ") == key(S2)
    assert key("a -LRB- b -RRB-") == key("a (b)")
    # A system that detokenizes the sentence ("Allen.") still meets its gold tuples.
    detokenized = pred(S1.replace(" .", "."), 0.9, "Bill Gates", "founded", "Microsoft")
    assert carb.score([FOUNDED_GATES], [detokenized]).f1 == 1.0


def test_carb_parses_gold_tsv_including_nary_and_empty_arg2() -> None:
    lines = [
        "S .\tgave\tJohn\tMary\ta book",
        "S .\tis heating up\tCompetition\t",
        "S .\tmade\tBush\tan offer\tC: Earlier this year",
        "",
    ]
    parsed = carb.parse_gold(lines)
    assert parsed == [
        gold("S .", "gave", "John", "Mary", "a book"),
        gold("S .", "is heating up", "Competition"),
        gold("S .", "made", "Bush", "an offer"),
    ]
    assert carb.gold_slots(parsed[0]) == ["John", "Mary a book"]
    assert carb.gold_slots(parsed[1]) == ["Competition"]


def test_carb_parses_predictions_with_empty_or_joined_arg2() -> None:
    lines = [
        "S .\t0.5\tCompetition\tis heating up\t",
        "S .\t0.25\tCompetition\tis heating up",
        "S .\t1\tJohn\tgave\tMary\ta book",
        "\n",
        "S .\t0.1\t\t\t",
    ]
    assert carb.parse_predictions(lines) == [
        pred("S .", 0.5, "Competition", "is heating up"),
        pred("S .", 0.25, "Competition", "is heating up"),
        pred("S .", 1.0, "John", "gave", "Mary a book"),
    ]


def test_carb_rejects_malformed_prediction_lines() -> None:
    with pytest.raises(ValueError, match="line 2"):
        carb.parse_predictions(["S .\t0.5\ta\tr\tb", "S .\thigh\ta\tr\tb"])
    with pytest.raises(ValueError, match="line 1"):
        carb.parse_predictions(["S .\t0.5\tonly arg1"])


def test_carb_nary_gold_matches_joined_prediction() -> None:
    truth = carb.parse_gold(["S .\tgave\tJohn\tMary\ta book"])[0]
    assert match(truth, pred("S .", 1, "John", "gave", "Mary a book")) == carb.PairScore(1.0, 1.0)


def test_carb_gold_without_arg2_ignores_predicted_arg2() -> None:
    truth = gold("S .", "is heating up", "Competition")
    both = match(truth, pred("S .", 1, "Competition", "is heating up", "too fast"))
    assert both == carb.PairScore(1.0, 1.0)


def test_carb_empty_predicted_arg2_scores_relation_and_arg1() -> None:
    pair = match(FOUNDED_GATES, pred(S1, 1, "Bill Gates", "founded"))
    # Matched 3 of 3 predicted words and 3 of 4 gold words.
    assert pair == carb.PairScore(1.0, 3 / 4)


def test_carb_be_matches_forms_of_be() -> None:
    truth = gold(S2, "is", "Paris", "the capital of France")
    pair = match(truth, pred(S2, 1, "Paris", "be", "the capital of France"))
    assert pair == carb.PairScore(1.0, 1.0)


def test_carb_said_relations_allow_swapped_arguments() -> None:
    sentence = "Prices will rise , he said ."
    truth = gold(sentence, "said", "he", "Prices will rise")
    swapped = pred(sentence, 1, "Prices will rise", "said", "he")
    assert match(truth, swapped) == carb.PairScore(1.0, 1.0)
    # Other relations get no second chance.
    other = gold(sentence, "will rise", "Prices", "he")
    assert match(other, pred(sentence, 1, "he", "will rise", "Prices")).recall == 2 / 4


def test_carb_is_case_sensitive_unless_asked() -> None:
    prediction = pred(S1, 1, "bill gates", "Founded", "microsoft")
    assert match(FOUNDED_GATES, prediction) == carb.PairScore(0.0, 0.0)
    folded = match(FOUNDED_GATES, prediction, ignore_case=True)
    assert folded == carb.PairScore(1.0, 1.0)


def test_carb_no_predictions_scores_zero() -> None:
    result = carb.score([FOUNDED_GATES], [])
    assert (result.precision, result.recall, result.f1, result.auc) == (0.0, 0.0, 0.0, 0.0)
    assert result.threshold is None and result.curve == ()


def test_carb_reads_real_dev_gold() -> None:
    gold_file, sentences_file = CARB_DATA / "dev_gold.tsv", CARB_DATA / "dev.txt"
    if not (gold_file.is_file() and sentences_file.is_file()):
        pytest.skip(f"CaRB dev data not found in {CARB_DATA}")
    parsed = carb.parse_gold(carb.read_lines(gold_file))
    sentences = [line for line in carb.read_lines(sentences_file) if line.strip()]
    assert len(parsed) == 2548
    # 3 of the 641 dev sentences have no gold tuple.
    assert len(sentences) == 641
    assert len({carb.sentence_key(item.sentence) for item in parsed}) == 638
    assert {carb.sentence_key(item.sentence) for item in parsed} <= {
        carb.sentence_key(s) for s in sentences
    }
    # After dropping context arguments and trailing empty fields, as CaRB's reader does.
    arity = Counter(len(item.arguments) for item in parsed)
    assert arity == {1: 61, 2: 1787, 3: 583, 4: 117}


def test_carb_cli_scores_predictions_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold_file, sentences_file, predictions_file = (
        tmp_path / name for name in ("g.tsv", "s.txt", "p.tsv")
    )
    gold_file.write_text(f"{S1}\tfounded\tBill Gates\tMicrosoft\n", encoding="utf-8")
    sentences_file.write_text(f"{S1}\n", encoding="utf-8")
    predictions_file.write_text(f"{S1}\t0.9\tBill Gates\tfounded\tMicrosoft\n", encoding="utf-8")
    argv = [
        "--gold",
        str(gold_file),
        "--sentences",
        str(sentences_file),
        "--predictions",
        str(predictions_file),
    ]
    assert carb.main(argv) == 0
    output = capsys.readouterr().out
    assert "f1          1.000" in output and "auc         1.000" in output
    assert "target f1 >= 0.50: met" in output and "sentences/s" not in output


def test_carb_cli_reports_missing_gold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert carb.main(["--gold", str(tmp_path / "missing.tsv"), "--predictions", str(tmp_path)]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "gold file not found" in error


def fake_extractor(monkeypatch: pytest.MonkeyPatch, code: str) -> None:
    """Replace the graph.cli command with a small Python program."""
    monkeypatch.setattr(carb, "EXTRACTOR_COMMAND", [sys.executable, "-c", code])


def test_carb_cli_runs_extractor_on_sentences(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    gold_file, sentences_file = tmp_path / "g.tsv", tmp_path / "s.txt"
    gold_file.write_text(f"{S1}\tfounded\tBill Gates\tMicrosoft\n", encoding="utf-8")
    sentences_file.write_text(f"{S1}\n", encoding="utf-8")
    echo = (
        "import sys\n"
        "for s in sys.stdin: print(s.strip(), 0.9, 'Bill Gates', 'founded', 'Microsoft', sep='\\t')"
    )
    fake_extractor(monkeypatch, echo)
    assert carb.main(["--gold", str(gold_file), "--sentences", str(sentences_file)]) == 0
    output = capsys.readouterr().out
    assert "f1          1.000" in output and "sentences/s" in output


def test_carb_cli_reports_failing_extractor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    gold_file, sentences_file = tmp_path / "g.tsv", tmp_path / "s.txt"
    gold_file.write_text(f"{S1}\tfounded\tBill Gates\tMicrosoft\n", encoding="utf-8")
    sentences_file.write_text(f"{S1}\n", encoding="utf-8")
    fake_extractor(monkeypatch, "raise SystemExit(3)")
    assert carb.main(["--gold", str(gold_file), "--sentences", str(sentences_file)]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "exited with code 3" in error
