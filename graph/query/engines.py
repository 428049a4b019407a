"""The engines of `kg serve`: Oxigraph's own SPARQL server (`oxigraph serve-read-only`, from the
`oxigraph` package on PyPI), a few processes on free loopback ports, each lent to one query at a
time. An engine starts in about 25 ms and holds about 19 MB, so one whose query overran the time
limit is simply killed (it would go on computing) and replaced. See graph.query.serve for why.
"""

from __future__ import annotations

import logging
import os
import queue
import shutil
import socket
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from graph.errors import KgError, StoreError

log = logging.getLogger("kg")
# Queries answered at the same time; more wait for an idle engine, within their time limit.
ENGINES = min(4, os.cpu_count() or 2)
STARTUP_SECONDS = 20.0


@dataclass(eq=False)
class Engine:
    """One `oxigraph serve-read-only` process and its loopback port."""

    process: subprocess.Popen
    port: int
    output: IO[bytes]


class Engines:
    """A few Oxigraph servers, each lent to one request at a time; one whose request overran the
    time limit is killed (it would go on computing) and replaced."""

    def __init__(self, path: Path, *, size: int = ENGINES) -> None:
        self.path = path
        self.idle: queue.SimpleQueue[Engine] = queue.SimpleQueue()
        self.running: set[Engine] = set()
        self.lock = threading.Lock()
        # One long-lived thread starts every engine: Linux stops an engine when the thread that
        # started it ends (see `die_with_parent`), and request threads end after each request.
        self.starter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-engines")
        try:
            for _ in range(size):
                self.idle.put(self.start())
        except BaseException:
            self.close()
            raise

    def start(self) -> Engine:
        engine = self.starter.submit(start_engine, self.path).result()
        with self.lock:
            self.running.add(engine)
        return engine

    @contextmanager
    def borrow(self, deadline: float) -> Iterator[Engine]:
        """An idle engine, given back when the block ends, or replaced if the block raised.

        Raises:
            TimeoutError: no engine became idle before `deadline`.
        """
        try:
            engine = self.idle.get(timeout=remaining(deadline))
        except queue.Empty as e:
            raise TimeoutError from e
        try:
            yield engine
        except BaseException:
            self.replace(engine)
            raise
        self.idle.put(engine)

    def replace(self, engine: Engine) -> None:
        self.retire(engine)
        try:
            self.idle.put(self.start())
        except (KgError, RuntimeError) as e:  # RuntimeError: closed while replacing
            log.error("%s", e)

    def retire(self, engine: Engine) -> None:
        with self.lock:
            self.running.discard(engine)
        stop_engine(engine)

    def close(self) -> None:
        """Stop every engine, idle or lent."""
        self.starter.shutdown()
        with self.lock:
            engines, self.running = list(self.running), set()
        for engine in engines:
            stop_engine(engine)


def start_engine(path: Path) -> Engine:
    """Start `oxigraph serve-read-only` on a free loopback port and wait until it listens."""
    port = free_port()
    command = [
        engine_binary(),
        "serve-read-only",
        "--location", str(path),
        "--bind", f"127.0.0.1:{port}",
    ]  # fmt: skip
    output = tempfile.TemporaryFile()
    process = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=output, stderr=output, **die_with_parent()
    )
    engine = Engine(process, port, output)
    try:
        wait_until_listening(engine, path)
    except BaseException:
        stop_engine(engine)
        raise
    return engine


def stop_engine(engine: Engine) -> None:
    engine.process.terminate()
    try:
        engine.process.wait(5)
    except subprocess.TimeoutExpired:
        engine.process.kill()
        engine.process.wait()
    engine.output.close()


def engine_binary() -> str:
    """The `oxigraph` server installed beside this Python (pip's scripts folder), else on PATH."""
    beside = Path(sysconfig.get_path("scripts")) / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if found is None:
        raise StoreError(
            "the Oxigraph server is not installed; install it with: pip install oxigraph"
        )
    return found


def die_with_parent() -> dict:
    """On Linux, have the kernel stop an engine if kg dies without stopping it (kill -9)."""
    if not sys.platform.startswith("linux"):
        return {}
    import ctypes

    # Looked up here: the function runs in the child between fork and exec, where it must not
    # take locks (dlopen's) that another thread may have held at the fork.
    prctl = ctypes.CDLL(None, use_errno=True).prctl

    def set_death_signal() -> None:
        prctl(1, 15)  # PR_SET_PDEATHSIG, SIGTERM

    return {"preexec_fn": set_death_signal}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_listening(engine: Engine, path: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if engine.process.poll() is not None:
            engine.output.seek(0)
            said = engine.output.read().decode("utf-8", "replace").strip()
            said = said.splitlines()[-1] if said else f"exit code {engine.process.returncode}"
            raise StoreError(f"{path}: the Oxigraph server did not start ({said})")
        try:
            socket.create_connection(("127.0.0.1", engine.port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.01)
    raise StoreError(f"{path}: the Oxigraph server did not answer within {STARTUP_SECONDS:g} s")


def remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    return left
