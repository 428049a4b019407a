from __future__ import annotations

import numpy as np
import pytest

from extract.columns import FEW_IDS, isin


@pytest.mark.parametrize("count", [1, FEW_IDS, FEW_IDS + 1, 50])
def test_isin_finds_what_numpy_finds(count: int) -> None:
    rng = np.random.default_rng(7)
    column = rng.integers(0, 2**63, 200, dtype=np.int64).astype(np.uint64)
    ids = np.concatenate(
        [
            column[::40][: count // 2],
            rng.integers(0, 2**63, count, dtype=np.int64).astype(np.uint64),
        ]
    )[:count]
    assert (isin(column, ids) == np.isin(column, ids)).all()


def test_isin_of_an_id_above_all_others() -> None:
    column = np.array([5, 99, 1], dtype=np.uint64)
    ids = np.arange(10, 10 + FEW_IDS + 1, dtype=np.uint64)
    assert not isin(column, ids).any()
