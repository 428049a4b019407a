"""The coreference ranking model: a logistic regression over `extract.coref_features`, its
weights kept as plain JSON in the package (`extract/models/coref.json`), and its training.

`benchmarks/train_coref.py` trains it on GUM's annotated coreference and writes the JSON; the
threshold in the file is the probability a candidate must reach to be taken, chosen for
precision: an unresolved "it" drops a triple, a wrongly resolved one draws a false edge.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import repeat
from math import exp
from operator import mul

import numpy as np

from extract.coref_features import form_group
from extract.errors import ModelError

MODEL_FILE = "coref.json"


@dataclass(frozen=True)
class CorefModel:
    """Feature weights (the bias among them) and the probability a candidate must reach;
    `thresholds` overrides `threshold` for a kind of anaphor ("description") or a pronoun's
    form group ("pronoun:it"): a description's scores are less sure than a pronoun's, and an
    "it" (most of which name no entity) less sure than a "he", so precision is kept per kind."""

    weights: dict[str, float]
    threshold: float
    thresholds: dict[str, float] = field(default_factory=dict)

    def threshold_for(self, kind: str, group: str = "") -> float:
        """The threshold of an anaphor kind, or of a form group of it when it has its own
        ('its' without one of its own takes that of 'it')."""
        key = f"{kind}:{group}"
        if key not in self.thresholds and group == "its":
            key = f"{kind}:it"
        return self.thresholds.get(key, self.thresholds.get(kind, self.threshold))

    def probability(self, features: dict[str, float]) -> float:
        return logistic(self.weights, features)

    def decide(
        self, anaphor: object, candidates: list[tuple[int, dict[str, float]]]
    ) -> list[tuple[int, float]]:
        """The candidates whose probability clears the threshold, most probable first."""
        return self.ranked(anaphor, self.scored(candidates))

    def scored(self, candidates: list[tuple[int, dict[str, float]]]) -> list[tuple[int, float]]:
        """Each candidate's cluster with its probability."""
        return [(cluster, self.probability(features)) for cluster, features in candidates]

    def ranked(self, anaphor: object, scored: list[tuple[int, float]]) -> list[tuple[int, float]]:
        """The scored candidates that clear the threshold, most probable first."""
        kind = getattr(anaphor, "kind", "")
        threshold = self.threshold_for(kind, threshold_group(anaphor) if kind == "pronoun" else "")
        kept = [(cluster, round(p, 3)) for cluster, p in scored if p >= threshold]
        return sorted(kept, key=lambda item: -item[1])

    def to_json(self) -> str:
        weights = {name: round(w, 5) for name, w in sorted(self.weights.items()) if w}
        data = {"threshold": round(self.threshold, 4), "weights": weights}
        if self.thresholds:
            data["thresholds"] = {k: round(t, 4) for k, t in sorted(self.thresholds.items())}
        return json.dumps(data, indent=1)


def threshold_group(anaphor: object) -> str:
    """The group of a pronoun whose threshold it takes: its form group, with the possessive
    'its' apart from 'it' (on GUM out of fold, 6 of the 7 'its' scored from 0.5 were right
    against 7 of 15 'it', most of which name no entity), weighed alike."""
    return "its" if getattr(anaphor, "form", "") == "its" else form_group(anaphor)


# The probability from which a pronoun the model leaves unresolved still counts as a likely
# mention of its best candidate, for the salience and distance of later pronouns (out of fold
# on GUM: 0.2 and 0.3 alike, +8 pronouns right at the same precision).
LIKELY = 0.3


@dataclass
class NotingDecider:
    """The model's decision, noting for each anaphor it leaves unresolved its likeliest
    candidate. Training ranks each pronoun after the gold answers of those before it, so a
    chain whose first link falls under the threshold left every later one farther from any
    mention than the model ever saw: a whole chain of 'he' fell at once (26 in one hearing)."""

    model: CorefModel
    likely: dict[int, int] = field(default_factory=dict)  # anaphor token -> cluster

    def __call__(
        self, anaphor: object, candidates: list[tuple[int, dict[str, float]]]
    ) -> list[tuple[int, float]]:
        # Scored once: the features of every candidate, weighed again, cost a tenth of
        # coreference.
        scored = self.model.scored(candidates)
        ranked = self.model.ranked(anaphor, scored)
        if not ranked and candidates:
            score, cluster = max((p, c) for c, p in scored)
            if score >= LIKELY:
                self.likely[anaphor.token.i] = cluster  # type: ignore[attr-defined]
        return ranked


def logistic(weights: dict[str, float], features: dict[str, float]) -> float:
    # The products in the features' order, summed as a generator would: the same float, in
    # half the time (map calls no Python frame per feature).
    score = sum(map(mul, map(weights.get, features, repeat(0.0)), features.values()))
    return 1.0 / (1.0 + exp(-max(min(score, 30.0), -30.0)))


def model_from_json(text: str, *, source: str) -> CorefModel:
    """A model from its JSON text.

    Raises:
        ModelError: the text is not a model file.
    """
    try:
        data = json.loads(text)
        return CorefModel(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            threshold=float(data["threshold"]),
            thresholds={str(k): float(t) for k, t in data.get("thresholds", {}).items()},
        )
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise ModelError(
            f"{source}: not a coreference model (expected JSON with 'weights' and "
            f"'threshold'): {e}; rebuild it with python benchmarks/train_coref.py"
        ) from e


@lru_cache(maxsize=1)
def load_model() -> CorefModel:
    """The shipped model (cached).

    >>> 0 < load_model().threshold < 1
    True
    """
    path = resources.files("extract") / "models" / MODEL_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ModelError(
            f"{path}: the coreference model is missing ({e}); reinstall kg or rebuild it "
            "with python benchmarks/train_coref.py"
        ) from e
    return model_from_json(text, source=str(path))


def train_logistic(
    rows: list[dict[str, float]], labels: list[int], *, l2: float = 1.0, iterations: int = 25
) -> dict[str, float]:
    """Fit L2-regularized logistic regression weights by Newton's method (IRLS): a few hundred
    features and some thousands of pairs solve exactly in a second.

    >>> w = train_logistic([{"bias": 1, "x": 1}, {"bias": 1}] * 20, [1, 0] * 20, l2=0.1)
    >>> w["x"] > 2
    True
    """
    names = sorted({name for row in rows for name in row})
    column = {name: n for n, name in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, row in enumerate(rows):
        for name, value in row.items():
            x[i, column[name]] = value
    y = np.asarray(labels, dtype=float)
    w = np.zeros(len(names))
    penalty = l2 * np.eye(len(names))
    if "bias" in column:
        penalty[column["bias"], column["bias"]] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + penalty + 1e-9 * np.eye(len(names))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {name: float(w[n]) for name, n in column.items()}
