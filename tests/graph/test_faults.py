"""Faults during a build (issue 7): kill -9 at any point, Ctrl-C, two builds at once, an
unwritable output folder, a full disk. Afterwards the store opens and answers queries, the
previous graph.ttl and graph.html are intact, and running the same command again gives exactly
the graph an uninterrupted build gives.

Crash points come two ways, each chosen by seeded random numbers:
- from outside: the real `kg build` is killed (SIGKILL) after a random delay;
- from inside: the real command runs with the store wrapped so that it kills itself (SIGKILL)
  at the k-th of all its write operations (before or after each store write, halfway through a
  bulk load, between writing a temporary output file and renaming it), k drawn at random in
  each fifth of a build's write operations.

A full disk is a small tmpfs mounted by the test (root can mount here; the test falls back to a
file-size limit, RLIMIT_FSIZE, in the child where mounting is refused). A tmpfs gives the real
ENOSPC at whatever write reaches it first; the file-size limit only fails files over the limit.
"""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from contextlib import chdir
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest

from extract.pipeline import load_pipeline
from graph.cli import main
from tests.graph.test_hostile_inputs import HIDDEN, ROOT, TRACEBACK, kg

ORGS = ["Microsoft", "Google", "Apple", "Oracle", "IBM", "Intel", "Nvidia", "Amazon"]
PEOPLE = ["Satya Nadella", "Sundar Pichai", "Tim Cook", "Lisa Su"]
DOCUMENTS = 40  # two write batches of kg build
WALL_CLOCK_SEEDS = [11, 12, 13]
INJECTED_SEEDS = [21, 22, 23]
BUILD = ("build", "docs", "--out", "output", "--quiet")


def write_corpus(folder: Path, *, version: int) -> None:
    """Business news in many small files. The first names Mark Zuckerberg and the last only
    'Zuckerberg', so that resolving names across documents matters. Version 2 changes the years
    of 20 documents (and no name), as an edited corpus would."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(3)
    (folder / "d00.txt").write_text("Mark Zuckerberg leads Meta. Meta partners with Microsoft.\n")
    for i in range(1, DOCUMENTS - 1):
        a, b = rng.sample(ORGS, 2)
        person = rng.choice(PEOPLE)
        year = 2000 + i + (100 if version == 2 and 10 <= i < 30 else 0)
        (folder / f"d{i:02}.txt").write_text(
            f"{a} partners with {b}. {person} visited Paris in {year}. {a} hired {person}.\n"
        )
    (folder / f"d{DOCUMENTS - 1:02}.txt").write_text(
        "Zuckerberg met Satya Nadella in London. Zuckerberg praised Microsoft.\n"
    )


@dataclass(frozen=True)
class Snapshot:
    """What a build leaves: the store's quads, the Turtle's triples, the page's bytes."""

    quads: frozenset
    turtle: frozenset
    page: bytes

    @staticmethod
    def of(out: Path) -> Snapshot:
        store = ox.Store.read_only(str(out / "store"))
        turtle = ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
        return Snapshot(
            frozenset(store),
            frozenset(q.triple for q in turtle),
            (out / "graph.html").read_bytes(),
        )


def assert_same(got: Snapshot, expected: Snapshot) -> None:
    """No blank nodes are minted, so isomorphic graphs are equal sets of quads."""
    extra, missing = got.quads - expected.quads, expected.quads - got.quads
    assert not extra and not missing, (
        f"{len(extra)} quads too many, e.g. {sorted(map(str, extra))[:3]}; "
        f"{len(missing)} missing, e.g. {sorted(map(str, missing))[:3]}"
    )
    assert got.turtle == {q.triple for q in got.quads}
    assert got.page == expected.page


def assert_usable(out: Path, *, outputs: list[Snapshot] | None = None) -> int:
    """The store opens and answers; graph.ttl and graph.html are absent or whole (one of
    `outputs`' when given). Returns the number of documents committed."""
    store = ox.Store.read_only(str(out / "store"))
    assert store.query("ASK { ?s ?p ?o }") is not None
    committed = len(list(store.query(f"SELECT ?g WHERE {{ GRAPH ?g {{ ?g <{HASH}> ?h }} }}")))
    if outputs is not None:
        page, turtle = (out / "graph.html").read_bytes(), (out / "graph.ttl").read_bytes()
        assert page in {o.page for o in outputs}
        assert frozenset(q.triple for q in ox.parse(turtle, format=ox.RdfFormat.TURTLE)) in {
            o.turtle for o in outputs
        }
    else:
        if (out / "graph.ttl").exists():
            ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
        if (out / "graph.html").exists():
            assert (out / "graph.html").read_bytes().rstrip().endswith(b"</html>")
    return committed


HASH = "https://kg.example.org/vocab#contentHash"


@dataclass(frozen=True)
class References:
    template: Path  # the output of version 1, to start updates from
    update: Snapshot  # version 1 then version 2, uninterrupted
    fresh: Snapshot  # version 2 from nothing
    original: Snapshot  # version 1
    # From the start of the update build: when its first document was replaced, when it ended.
    writing: tuple[float, float]


@pytest.fixture(scope="module")
def references(tmp_path_factory, nlp) -> References:
    root = tmp_path_factory.mktemp("faults")
    write_corpus(root / "v1" / "docs", version=1)
    build_in_process(root / "v1", nlp)
    update = new_case(root / "update", root / "v1" / "output")
    writing = timed_build(update)  # the real command: its timing places the kills
    fresh = new_case(root / "fresh", None)
    build_in_process(fresh, nlp)
    return References(
        template=root / "v1" / "output",
        update=Snapshot.of(update / "output"),
        fresh=Snapshot.of(fresh / "output"),
        original=Snapshot.of(root / "v1" / "output"),
        writing=writing,
    )


def build_in_process(case: Path, nlp) -> None:
    """`kg build` run in this process (graph.cli.main, the command's own entry point) with the
    session's pipeline: a reference output, with no model to load in a new process. The tests'
    builds, which are compared with it, run as real commands."""
    assert nlp is load_pipeline()  # main() loads the same, cached pipeline
    with chdir(case), pytest.raises(SystemExit) as done:
        main(list(BUILD))
    assert done.value.code == 0


def timed_build(case: Path) -> tuple[float, float]:
    """Run the build in `case`, watching its store: seconds from the start until the set of
    committed documents first changes, and until the end."""
    started = time.monotonic()
    process = start(*BUILD, cwd=case)
    before = committed(case / "output")
    changed = None
    while process.poll() is None:
        if changed is None and committed(case / "output") not in (before, None):
            changed = time.monotonic() - started
        time.sleep(0.02)
    ended = time.monotonic() - started
    assert finish(process)[0] == 0
    return (changed or ended * 0.6), ended


def committed(out: Path) -> frozenset | None:
    """The documents committed in the store now, or None while it cannot be read."""
    try:
        store = ox.Store.read_only(str(out / "store"))
        rows = store.query(f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?g <{HASH}> ?h }} }}")
        return frozenset((row["g"].value, row["h"].value) for row in rows)
    except (OSError, RuntimeError):
        return None


def new_case(folder: Path, template: Path | None) -> Path:
    """A working folder with version 2 of the documents and, from `template`, earlier output."""
    write_corpus(folder / "docs", version=2)
    if template is not None:
        shutil.copytree(template, folder / "output")
    return folder


def start(*args: object, cwd: Path, env: dict | None = None) -> subprocess.Popen:
    command = [sys.executable, "-m", "graph.cli", *map(str, args)]
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.Popen(
        command, cwd=cwd, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def finish(process: subprocess.Popen) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=300)
    out, err = out.decode(), err.decode()
    assert not TRACEBACK.search(out + err), err
    return process.returncode, out, err


@pytest.mark.parametrize("seed", WALL_CLOCK_SEEDS)
def test_faults_kill_update_at_a_random_moment_then_resume(references, tmp_path, seed):
    """An update of an earlier build killed from outside, while it writes: the earlier outputs
    stay whole until replaced, and running the command again finishes the update."""
    case = new_case(tmp_path, references.template)
    first_write, end = references.writing
    delay = random.Random(seed).uniform(0.6 * first_write, 0.97 * end)
    process = start(*BUILD, cwd=case)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    code, _, _ = finish(process)
    documents = assert_usable(case / "output", outputs=[references.original, references.update])
    print(f"seed {seed}: killed after {delay:.2f} s (code {code}), {documents} committed")
    assert kg(*BUILD, cwd=case).code == 0
    assert_same(Snapshot.of(case / "output"), references.update)


# Runs in a process of its own: loads the model once, then for each crash point forks a build
# from nothing (the real `kg build` command: graph.cli.main) that kills itself (SIGKILL) at that
# point, keeps a copy of what the crash left, and forks the same command again to resume.
CRASH_LAB = r"""
import json, os, random, shutil, signal, sys
from contextlib import contextmanager
from pathlib import Path

import graph.build as build
import graph.store.dump as export
from extract.pipeline import load_pipeline
from graph.cli import main

WRITES = {"remove_graph", "bulk_load", "extend", "bulk_extend", "clear_graph", "flush", "update"}
target, names = 0, []


def point(name):
    names.append(name)
    if len(names) == target:
        os.kill(os.getpid(), signal.SIGKILL)


def halfway(items, name):
    for n, item in enumerate(items):
        if n == 200:
            point(f"inside {name}")
        yield item


class Killing:
    def __init__(self, store):
        self.store = store

    def __iter__(self):
        return iter(self.store)

    def __getattr__(self, name):
        attribute = getattr(self.store, name)
        if name not in WRITES:
            return attribute

        def write(*args, **kwargs):
            point(f"before {name}")
            if name == "extend":
                args = (halfway(args[0], name), *args[1:])
            result = attribute(*args, **kwargs)
            point(f"after {name}")
            return result

        return write


opened = build.open_store


@contextmanager
def killing_store(*args, **kwargs):
    with opened(*args, **kwargs) as store:
        yield Killing(store)


def killing(original):
    def atomic_write(path, write):
        def written(temporary):
            write(temporary)
            point(f"{path.name} written, not renamed")

        point(f"before {path.name}")
        original(path, written)
        point(f"after {path.name}")

    return atomic_write


build.open_store = killing_store
build.atomic_write = killing(build.atomic_write)
export.atomic_write = killing(export.atomic_write)


def run(case, at):
    global target
    pid = os.fork()
    if pid == 0:
        os.chdir(case)
        target = at
        code = 0
        try:
            main(ARGS)
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else 1
        if at == 0:
            Path("points.json").write_text(json.dumps(names))
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


def prepare(case):
    shutil.copytree(DOCS, case / "docs")


ROOT, DOCS = (Path(p) for p in sys.argv[1:3])
SEEDS, ARGS = json.loads(sys.argv[3]), sys.argv[4:]
load_pipeline()
prepare(ROOT / "dry")
assert run(ROOT / "dry", 0) == 0
points = json.loads((ROOT / "dry" / "points.json").read_text())
# The first and the last point of each kind (a kind comes once per document or per batch),
# and one more point drawn at random per seed.
kinds = {}
for k, name in enumerate(points, 1):
    kinds.setdefault(name, []).append(k)
chosen = {k for ks in kinds.values() for k in (ks[0], ks[-1])}
chosen |= {random.Random(seed).randint(1, len(points)) for seed in SEEDS}
results = []
for k in sorted(chosen):
    case = ROOT / f"point-{k}"
    prepare(case)
    crashed = run(case, k)
    shutil.copytree(case / "output", case / "crashed")
    resumed = run(case, -1)
    results.append({"point": k, "name": points[k - 1], "crashed": crashed, "resumed": resumed})
(ROOT / "results.json").write_text(json.dumps({"points": len(points), "results": results}))
"""


@pytest.fixture(scope="module")
def crash_lab(references, tmp_path_factory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("crashes")
    docs = new_case(root / "source", None) / "docs"
    arguments = [str(root), str(docs), json.dumps(INJECTED_SEEDS)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", CRASH_LAB, *arguments, *BUILD],
        env=env,
        capture_output=True,
        timeout=1200,
    )
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    assert not TRACEBACK.search(done.stderr.decode()), done.stderr.decode()
    return root, json.loads((root / "results.json").read_text())


def test_faults_kill_at_every_kind_of_write_then_resume(references, crash_lab):
    root, lab = crash_lab
    survived = []
    for case in lab["results"]:
        where = f"crash point {case['point']} of {lab['points']} ({case['name']})"
        assert case["crashed"] == -signal.SIGKILL, where
        assert case["resumed"] == 0, where
        folder = root / f"point-{case['point']}"
        try:
            committed = assert_usable(folder / "crashed")
            assert_same(Snapshot.of(folder / "output"), references.fresh)
        except AssertionError as e:
            raise AssertionError(f"{where}: {e}") from e
        survived.append(f"{where}: {committed} documents committed")
    print("\n".join(survived))
    assert len(survived) >= 16


def test_faults_ctrl_c_stops_cleanly_then_resumes(references, tmp_path):
    case = new_case(tmp_path, None)
    process = start(*BUILD, cwd=case)
    wait_for(lambda: (case / "output" / "store").exists() or process.poll() is not None)
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    code, _, err = finish(process)
    if code != 0:  # it may have finished first on a fast machine
        assert code == 130
        assert err.splitlines()[-1] == (
            "kg: interrupted; finished documents are stored, run the same command to go on"
        )
    assert_usable(case / "output")
    assert kg(*BUILD, cwd=case).code == 0
    assert_same(Snapshot.of(case / "output"), references.fresh)


def wait_for(condition, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_faults_two_builds_at_once(references, tmp_path):
    case = new_case(tmp_path, None)
    first = start(*BUILD, cwd=case)
    # The store is open (locked) from before the model loads until the end of the build: hold
    # the first build there while the second runs, however fast it would finish.
    wait_for(lambda: (case / "output" / "store" / "LOCK").exists())
    first.send_signal(signal.SIGSTOP)
    try:
        assert first.poll() is None, "the first build ended before the second could start"
        second = kg(*BUILD, cwd=case)
    finally:
        first.send_signal(signal.SIGCONT)
    code, _, err = finish(first)
    assert code == 0, err
    assert second.code == 1
    assert second.err.startswith("kg: error: output/store: cannot open the store")
    assert "another kg command is writing it" in second.err and second.err.count("\n") == 1
    assert_same(Snapshot.of(case / "output"), references.fresh)


def test_faults_unwritable_output_folder_keeps_the_previous_outputs(references, tmp_path):
    case = new_case(tmp_path, references.template)
    (case / "output").chmod(0o555)
    try:
        run = kg(*BUILD, cwd=case, unprivileged=True)
    finally:
        (case / "output").chmod(0o755)
    assert run.code == 1
    assert run.err == (
        "kg: error: output: output folder is not writable (Permission denied); "
        "choose another --out\n"
    )
    assert_same(Snapshot.of(case / "output"), references.original)


def test_faults_unwritable_store_keeps_the_previous_outputs(references, tmp_path):
    case = new_case(tmp_path, references.template)
    (case / "output" / "store").chmod(0o555)
    try:
        run = kg(*BUILD, cwd=case, unprivileged=True)
    finally:
        (case / "output" / "store").chmod(0o755)
    assert run.code == 1 and run.err.count("\n") == 1
    assert run.err.startswith("kg: error: output/store: cannot ")
    assert "the folder cannot be written" in run.err
    assert_same(Snapshot.of(case / "output"), references.original)


def test_faults_output_path_under_a_file(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("Meta partners with Microsoft.")
    (tmp_path / "taken").write_text("")
    run = kg("build", "docs", "--out", "taken/output", cwd=tmp_path)
    assert run.code == 1 and "taken/output: cannot create output folder" in run.err


@pytest.fixture
def small_disk(tmp_path):
    """A 16 MB tmpfs, or None where this machine refuses to mount one."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(disk)], capture_output=True
    )
    if mounted.returncode != 0:
        yield None
        return
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=True)


def fill(disk: Path, *, leave: int) -> Path:
    """Fill `disk` with a ballast file but `leave` bytes."""
    ballast = disk / "ballast"
    ballast.unlink(missing_ok=True)
    free = shutil.disk_usage(disk).free
    with ballast.open("wb") as handle:
        handle.truncate(0)
        chunk = b"\0" * (1 << 20)
        remaining = free - leave
        while remaining > 0:
            remaining -= handle.write(chunk[: min(len(chunk), remaining)])
    return ballast


# Free space at the start of the build -> the write that fails first (measured on this corpus):
# opening the store (its options file), its write-ahead log, a bulk-loaded table.
FREE = {"store opening": 150_000, "write-ahead log": 500_000, "bulk load": 1_600_000}


@pytest.mark.parametrize("stage", FREE)
def test_faults_full_disk_keeps_the_previous_outputs(references, small_disk, tmp_path, stage):
    case = new_case(tmp_path / "case", None)
    if small_disk is None:
        limit = {"store opening": 4_000, "write-ahead log": 300_000, "bulk load": 300_000}[stage]
        shutil.copytree(references.template, case / "output")
        run = run_limited(case, limit)
        if (case / "output" / "store").exists():
            assert_usable(case / "output", outputs=[references.original])
        assert run[0] == 1 and "File too large" in run[2]
        return
    shutil.copytree(references.template, small_disk / "output")
    (case / "output").symlink_to(small_disk / "output")
    ballast = fill(small_disk, leave=FREE[stage])
    run = kg(*BUILD, cwd=case)
    assert run.code == 1, run.out
    assert run.err.startswith("kg: error: output/store: cannot ") and run.err.count("\n") == 1
    assert "No space left on device" in run.err and "the disk is full" in run.err
    assert_usable(case / "output", outputs=[references.original])
    ballast.unlink()
    assert kg(*BUILD, cwd=case).code == 0
    assert_same(Snapshot.of(case / "output"), references.update)


def run_limited(case: Path, limit: int) -> tuple[int, str, str]:
    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    command = [sys.executable, "-m", "graph.cli", *BUILD]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        command, cwd=case, env=env, capture_output=True, timeout=300, preexec_fn=limited
    )
    return done.returncode, done.stdout.decode(), done.stderr.decode()


def test_faults_full_disk_when_writing_the_outputs(references, small_disk, tmp_path):
    """The store on another disk (a symbolic link), the outputs on a full one."""
    if small_disk is None:
        pytest.skip("mounting a tmpfs is refused here")
    case = new_case(tmp_path / "case", None)
    shutil.copytree(
        references.template, small_disk / "output", ignore=shutil.ignore_patterns("store")
    )
    shutil.copytree(references.template / "store", tmp_path / "store")
    (small_disk / "output" / "store").symlink_to(tmp_path / "store")
    (case / "output").symlink_to(small_disk / "output")
    ballast = fill(small_disk, leave=50_000)
    run = kg(*BUILD, cwd=case)
    assert run.code == 1
    assert run.err.startswith("kg: error: output/graph.") and run.err.count("\n") == 1
    assert "No space left on device" in run.err and "the previous file is kept" in run.err
    assert not [p for p in (small_disk / "output").iterdir() if p.suffix == ".tmp"]
    assert_usable(case / "output", outputs=[references.original])
    ballast.unlink()
    assert kg(*BUILD, cwd=case).code == 0
    assert_same(Snapshot.of(case / "output"), references.update)
    assert not HIDDEN.search(run.err)
