"""The shipped coreference model is what its training script makes from GUM: retrained here, it
gives the same figures (within tolerance) on a fixed split, so weights and code cannot drift
apart unnoticed."""

from __future__ import annotations

import sys

import pytest

from extract.coref_model import load_model

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
gum = pytest.importorskip("benchmarks.gum")
train = pytest.importorskip("benchmarks.train_coref")

pytestmark = pytest.mark.skipif(
    not (gum.DATA / "gum_coref.py").is_file(), reason="GUM data (../shared/data/gum) not beside"
)


@pytest.fixture(scope="module")
def prepared():
    documents = gum.read_documents()
    return train.prepare(documents, gum.scorer())


def test_coref_shipped_model_matches_a_fresh_training(prepared):
    groups = {item.gum.id: train.training_groups(item) for item in prepared}
    fresh = train.fit(prepared, groups, l2=train.L2)
    held = prepared[::5]  # a fixed split: every fifth document
    shipped_figures = train.internal_figures(held, load_model())
    fresh_figures = train.internal_figures(held, fresh)
    assert fresh.threshold == pytest.approx(load_model().threshold, abs=0.051)
    shipped_description = load_model().threshold_for("description")
    assert fresh.threshold_for("description") == pytest.approx(shipped_description, abs=0.051)
    assert shipped_figures == pytest.approx(fresh_figures, abs=0.02)
    assert shipped_figures[0] > 0.5  # precision: the model resolves mostly right
