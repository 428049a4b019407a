"""Corpus builds against the parser's ceiling, measured in one run on the same corpus.

    python benchmarks/scale.py [--documents 5000] [--corpus FOLDER] [--raw-sample 500]

Corpus: generated business news (benchmarks/corpus.py: no redistributable news corpus is at
hand offline), 300-900 words an article. Reports raw spaCy `nlp.pipe` words/s on one process
(over a sample of the articles, to save time; before and after the builds, as the machine's
speed drifts, and the mean counts), `kg build` words/s with 1 and 2 workers (each a
fresh `kg build` process, output discarded), the peak resident memory of each build (the build
process and its workers together, sampled every 0.2 s) and its CPU time (and how much of it the
workers took), the speed-up of extraction alone (no store) from 1 to 2 processes over the raw
sample, the store's size on disk, and the time of a 1-hop and a 2-hop SPARQL query on the
built graph (median over 50 entities).

Targets (issue 6): 1 worker >= 0.7 x raw parsing; 2 workers >= 1.6 x 1 worker; peak memory
below 2 GB for 5,000 documents; 1-hop under 10 ms, 2-hop under 50 ms.

    python benchmarks/scale.py --long-file 2 10

builds, instead, single files of 2 and 10 MB (the articles one after another) with one worker
and reports the peak memory of each: a long file is read in parts, so it should not grow.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox
import spacy
from spacy.language import Language

from extract.extractor import extract_documents
from extract.parallel import extract_parallel, process_pool
from extract.pipeline import MODEL, load_pipeline
from extract.triple import Document
from graph.rdf.vocab import PREFIXES

HERE = Path(__file__).resolve().parent


def load_corpus_module():
    spec = importlib.util.spec_from_file_location("corpus", HERE / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants, from /proc."""
    total = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        process = int(status.parent.name)
        if process != pid and not is_descendant(process, pid):
            continue
        try:
            lines = status.read_text().splitlines()
        except OSError:
            continue  # it ended meanwhile
        rss = [line.split()[1] for line in lines if line.startswith("VmRSS:")]
        total += int(rss[0]) * 1024 if rss else 0
    return total


def is_descendant(child: int, ancestor: int) -> bool:
    while child > 1:
        try:
            stat = Path(f"/proc/{child}/stat").read_text()
        except OSError:
            return False
        child = int(stat.rsplit(")", 1)[1].split()[1])
        if child == ancestor:
            return True
    return False


class BuildRun(NamedTuple):
    seconds: float
    peak: int  # bytes resident, the build and its workers together
    cpu: float  # seconds, the build and its workers together
    own_cpu: float  # seconds, the build process alone (resolution, store, Turtle, page)


def timed_build(corpus: Path, out: Path, workers: int) -> BuildRun:
    """Time, peak memory and CPU of one `kg build`."""
    command = [
        sys.executable,
        "-m",
        "graph.cli",
        "build",
        str(corpus),
        "--out",
        str(out),
        "--workers",
        str(workers),
        "--quiet",
    ]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peak = 0
    own = 0.0
    while True:
        # wait4 gives the build's CPU with its reaped workers'.
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        peak = max(peak, tree_rss(process.pid))
        own = max(own, own_cpu(process.pid))
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"kg build failed with exit code {process.returncode}")
    return BuildRun(seconds, peak, usage.ru_utime + usage.ru_stime, own)


def own_cpu(pid: int) -> float:
    """CPU seconds of a process's own threads so far (not its children's), from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def raw_rate(nlp: Language, texts: list[str]) -> float:
    list(nlp.pipe(texts[:5], batch_size=64))  # warm up
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return sum(len(t.split()) for t in texts) / (time.perf_counter() - start)


def extraction_rate(texts: list[str], workers: int) -> float:
    """Words/s of extraction alone (parsing and reading, no store) on `workers` processes, as
    a build runs it, once the pipeline is loaded."""
    documents = [Document(f"article-{n}", text) for n, text in enumerate(texts)]
    words = sum(len(t.split()) for t in texts)
    load_pipeline()
    if workers == 1:
        start = time.perf_counter()
        for _ in extract_documents(documents):
            pass
        return words / (time.perf_counter() - start)
    with process_pool(workers) as pool:
        # Every worker started and its pipeline loaded before the clock starts, as in-process.
        list(pool.map(time.sleep, [2] * workers))
        start = time.perf_counter()
        for _ in extract_parallel(documents, executor=pool, window=2 * workers):
            pass
        return words / (time.perf_counter() - start)


def query_times(store_path: Path) -> tuple[float, float]:
    """Median seconds of a 1-hop and a 2-hop query over the facts, from 50 entities drawn at
    random (seeded): what a user asks about an entity, not the worst case of the biggest hub."""
    store = ox.Store.read_only(str(store_path))
    entities = [
        row["e"] for row in store.query("SELECT ?e WHERE { ?e a kg:Entity }", prefixes=PREFIXES)
    ]
    sample = random.Random(7).sample(entities, min(50, len(entities)))
    # Oxigraph substitutes only variables of the projection, hence ?e in it.
    # Relations are the predicates typed owl:ObjectProperty. (Typing the nodes instead,
    # '?y a kg:Entity', makes Oxigraph start from every entity: 86 ms against 0.25 ms.)
    one = "SELECT ?e ?p ?o WHERE { ?e ?p ?o . ?p a owl:ObjectProperty }"
    two = """SELECT DISTINCT ?e ?z WHERE {
        ?e ?p ?y . ?p a owl:ObjectProperty . ?y ?q ?z . ?q a owl:ObjectProperty }"""
    results = []
    for query in (one, two):
        times = []
        for entity in sample:
            start = time.perf_counter()
            list(store.query(query, prefixes=PREFIXES, substitutions={ox.Variable("e"): entity}))
            times.append(time.perf_counter() - start)
        results.append(statistics.median(times))
    return results[0], results[1]


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def long_files(sizes: list[float], work: Path) -> None:
    """Build one file of each size in MB, made of generated articles, and report its memory."""
    articles = work / "articles"
    load_corpus_module().write_corpus(articles, documents=int(max(sizes) * 180) + 1)
    texts = [p.read_text(encoding="utf-8") for p in sorted(articles.glob("*.txt"))]
    for size in sizes:
        folder = work / f"long-{size:g}"
        folder.mkdir()
        text, count = "", 0
        while len(text.encode()) < size * 1_000_000:
            text += texts[count % len(texts)] + "\n\n"
            count += 1
        (folder / "long.txt").write_text(text, encoding="utf-8")
        seconds, peak, *_ = timed_build(folder, work / f"out-long-{size:g}", 1)
        print(
            f"one file of {size:g} MB ({len(text.split()):,} words): "
            f"{len(text.split()) / seconds:,.0f} words/s, peak memory {peak / 2**30:.2f} GB"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--corpus", type=Path, help="a folder of .txt articles to use instead")
    parser.add_argument("--raw-sample", type=int, default=500, help="articles for raw parsing")
    parser.add_argument("--long-file", type=float, nargs="+", metavar="MB", help="file sizes")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-scale-"))
    if args.long_file:
        long_files(args.long_file, work)
        return
    corpus = args.corpus or work / "corpus"
    if args.corpus is None:
        load_corpus_module().write_corpus(corpus, documents=args.documents)
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} articles, {words:,} words ({corpus})")
    sample = min(len(texts), args.raw_sample)
    nlp = spacy.load(MODEL)
    before = raw_rate(nlp, texts[:sample])
    print(f"raw nlp.pipe, 1 process:  {before:8,.0f} words/s (over {sample} articles)")
    runs = {workers: timed_build(corpus, work / f"out{workers}", workers) for workers in (1, 2)}
    rates = {workers: words / run.seconds for workers, run in runs.items()}
    for workers, run in runs.items():
        label = f"{workers} worker" + ("s" if workers > 1 else " ")
        parsing = f", {run.cpu - run.own_cpu:.0f} s of it in workers" if workers > 1 else ""
        print(
            f"kg build, {label}:   {rates[workers]:8,.0f} words/s  ({run.seconds:.0f} s, "
            f"peak memory {run.peak / 2**30:.2f} GB; CPU {run.cpu:.0f} s{parsing})"
        )
    pair = runs[2]
    print(
        f"  with 2 workers the build process spends {pair.own_cpu:.0f} s of CPU (resolution, store "
        f"writes and merges, Turtle, page) beside the workers' parsing: on {os.cpu_count()} "
        f"cores the build cannot take less than {pair.cpu / (os.cpu_count() or 1):.0f} s"
    )
    extraction = {workers: extraction_rate(texts[:sample], workers) for workers in (1, 2)}
    print(
        f"extraction alone (no store), over {sample} articles: 1 process "
        f"{extraction[1]:,.0f} words/s, 2 processes {extraction[2]:,.0f} "
        f"({extraction[2] / extraction[1]:.2f}x)"
    )
    after = raw_rate(nlp, texts[:sample])
    raw = (before + after) / 2
    print(f"raw nlp.pipe again:       {after:8,.0f} words/s (mean {raw:,.0f})")
    store = work / "out1" / "store"
    one, two = query_times(store)
    print(
        f"store: {folder_size(store) / 2**20:.0f} MB; 1-hop query {one * 1000:.2f} ms, "
        f"2-hop query {two * 1000:.2f} ms"
    )
    print(f"1 worker / raw parsing: {rates[1] / raw:.2f} (target 0.7)")
    print(f"2 workers / 1 worker:   {rates[2] / rates[1]:.2f} (target 1.6)")


if __name__ == "__main__":
    main()
