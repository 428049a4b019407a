"""Builds on several processes and on a Dask cluster give the same graph as one process."""

from __future__ import annotations

import gc

import pytest

from graph.build import build
from tests.conftest import EXAMPLE, ROOT
from tests.graph.test_build import assert_same, store_graph

SECOND = ROOT / "examples" / "chip-deal.txt"


@pytest.fixture(scope="module")
def single(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("single") / "out"
    build([EXAMPLE, SECOND], out=out, nlp=nlp)
    return store_graph(out)


def test_parallel_workers_build_the_same_graph(single, tmp_path):
    out = tmp_path / "out"
    seen = []
    report = build(
        [EXAMPLE, SECOND],
        out=out,
        workers=2,
        progress=lambda done, total, words: seen.append((done, total, words)),
    )
    assert len(report.parsed) == 2
    assert_same(single, store_graph(out))
    assert seen[-1][0] == seen[-1][1] == 2 and seen[-1][2] > 300


def test_parallel_dask_cluster_builds_the_same_graph(single, tmp_path):
    distributed = pytest.importorskip("distributed")
    # pyoxigraph's query results must be freed on the thread that made them: collect the
    # cycles earlier tests of this worker left before the cluster's threads can trigger it.
    gc.collect()
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        out = tmp_path / "out"
        build([EXAMPLE, SECOND], out=out, scheduler=cluster.scheduler_address)
    assert_same(single, store_graph(out))


def test_parallel_unreachable_scheduler_is_one_clear_error(tmp_path):
    pytest.importorskip("distributed")
    from graph.errors import BuildError

    with pytest.raises(BuildError, match="no Dask scheduler answers"):
        build([EXAMPLE], out=tmp_path / "out", scheduler="tcp://127.0.0.1:1")


def test_parallel_interrupted_build_resumes_to_the_clean_graph(single, tmp_path):
    """Ctrl-C in the middle of a build with workers, then the same command: equal to a build
    that was never interrupted (entities resolve against the documents already stored)."""
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(16):  # long enough that the signal comes mid-build on this machine
        source = (EXAMPLE, SECOND)[n % 2]
        (folder / f"{n:02}.txt").write_text(source.read_text() * 6)
    command = [
        sys.executable,
        "-m",
        "graph.cli",
        "build",
        str(folder),
        "--out",
        str(tmp_path / "out"),
        "--workers",
        "2",
        "--quiet",
    ]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    time.sleep(8)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    if process.returncode == 130:
        assert "interrupted" in err and "Traceback" not in err
    else:
        assert process.returncode == 0  # finished before the signal: nothing to resume
    subprocess.run(command, cwd=ROOT, check=True)
    clean = tmp_path / "clean"
    build([folder], out=clean)
    assert_same(store_graph(clean), store_graph(tmp_path / "out"))
