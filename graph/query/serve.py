"""`kg serve`: the store over the SPARQL 1.1 Protocol, read-only, with a time limit per query.

The engine is Oxigraph's own server (`oxigraph serve-read-only`, from the `oxigraph` package on
PyPI), which reads the store folder that pyoxigraph writes and does the protocol: GET and POST
(form-encoded and application/sparql-query), content negotiation (SPARQL results JSON, XML, CSV,
TSV; Turtle, N-Triples, RDF/XML for CONSTRUCT and DESCRIBE), 400 with the parser's message for a
malformed query, 403 for updates, and the YASGUI query editor at `/`.

It needs a front, because of what was measured with Oxigraph 0.5.13 on the example store:
- It follows SERVICE to any host: a query with `SERVICE <http://127.0.0.1:PORT/sparql>` made it
  POST the inner query to that port. It has no option to refuse SERVICE.
- Its `--timeout-s 2` does not hold queries to 2 s. A COUNT over a 4-way cross product of the
  default graph stopped after 2.9 s, but as a 200 response with an error text after the JSON
  already sent; over named graphs, or with `--union-default-graph`, it ran on past 8 s; a
  SELECT * over the cross product streamed 1.2 GB in 20 s. Closing the connection stops a query
  that streams, not one that computes (the COUNT went on using a core after its client left).
- Also considered: pyoxigraph behind our own HTTP code, each query in a worker process killed at
  the limit. That is the same kill, plus content negotiation, serializers, errors and the query
  editor written again by us.

So `serve_store` runs a few Oxigraph servers (graph.query.engines) on free loopback ports, and
before them a small front of the standard library's: it checks each query with `check_query`
(SERVICE and updates refused with 403, a malformed query answered 400 with line and column),
declares kg's prefixes as `kg query` does, lends the request to an idle engine, and holds the
answer in a spooled temporary file until it is complete. An answer not complete within the limit
is answered 503, and its engine killed and replaced: an Oxigraph server starts in about 25 ms and
holds about 19 MB. Holding the answer is also what turns a late answer into a clean 503, not a
cut-off 200.

Oxigraph opens the store read-only, which RocksDB allows while a build writes it: the server
answers from the store as it was when it started (restart it after `kg build`).
"""

from __future__ import annotations

import http.client
import logging
import shutil
import socket
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO
from urllib.parse import parse_qsl, urlencode, urlsplit

from graph.errors import KgError, QueryError, QueryRefused
from graph.query.engines import Engine, Engines, remaining
from graph.query.sparql import DEFAULT_TIMEOUT, PROLOGUE, check_query
from graph.store.store import open_store

log = logging.getLogger("kg")
# Queries are text: a request body larger than this is refused (413).
MAX_REQUEST = 10 * 1024 * 1024
# Answers larger than this are held on disk rather than in memory until complete.
MEMORY_BUFFER = 8 * 1024 * 1024
FORWARDED_HEADERS = ("accept", "host", "user-agent")
# The protocol's own way of naming the graphs a query reads.
DATASET_PARAMETERS = {"default-graph-uri", "named-graph-uri"}
HOP_BY_HOP = {"connection", "content-length", "keep-alive", "transfer-encoding"}


class Front(ThreadingHTTPServer):
    """The endpoint: checks queries, lends them to an engine, enforces the time limit."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], *, engines: Engines, timeout: float) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)
        self.engines = engines
        self.time_limit = timeout

    @property
    def url(self) -> str:
        """The query URL, e.g. `http://127.0.0.1:7878/query`."""
        host, port = self.server_address[:2]
        return f"http://{f'[{host}]' if ':' in host else host}:{port}/query"


@contextmanager
def serve_store(
    path: Path, *, host: str = "127.0.0.1", port: int = 7878, timeout: float = DEFAULT_TIMEOUT
) -> Iterator[Front]:
    """Serve the store in folder `path` read-only at `http://HOST:PORT/query` until the block ends.

    Call `serve_forever()` on the server yielded (or run it in a thread); port 0 picks a free one.

    Raises:
        StoreError: there is no store at `path`, or the Oxigraph server cannot start.
        KgError: the address cannot be bound.
    """
    with open_store(path, read_only=True):
        pass  # the same clear message as elsewhere when the folder is not a store
    engines = Engines(path)
    try:
        try:
            front = Front((host, port), engines=engines, timeout=timeout)
        except OSError as e:
            raise KgError(
                f"{host}:{port}: cannot listen here ({e.strerror}); choose another --port"
            ) from e
        try:
            yield front
        finally:
            front.server_close()
    finally:
        engines.close()


class Handler(BaseHTTPRequestHandler):
    """One request: refuse what kg does not run, forward the rest, answer within the limit."""

    protocol_version = "HTTP/1.1"
    server_version = "kg"
    server: Front

    def do_GET(self) -> None:
        self.answer(self.read_request(b""))

    def do_POST(self) -> None:
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            return self.reply(411, "send the query with a Content-Length header")
        if int(length) > MAX_REQUEST:
            return self.reply(413, f"a query may be at most {MAX_REQUEST} bytes")
        self.answer(self.read_request(self.rfile.read(int(length))))

    def read_request(self, body: bytes) -> tuple[int, str] | list[tuple[str, str]]:
        """The request's parameters, or the refusal (status, message) to send."""
        url = urlsplit(self.path)
        params = parse_qsl(url.query, keep_blank_values=True)
        kind = self.headers.get_content_type() if self.command == "POST" else None
        try:
            if kind == "application/x-www-form-urlencoded":
                params += parse_qsl(body.decode("utf-8"), keep_blank_values=True)
            elif kind == "application/sparql-query":
                params.append(("query", body.decode("utf-8")))
            elif kind == "application/sparql-update":
                params.append(("update", ""))
            elif kind is not None:
                return 415, f"unsupported Content-Type {kind}; send application/sparql-query"
        except UnicodeDecodeError:
            return 400, "the request is not UTF-8 text"
        names = [name for name, _ in params]
        if "update" in names or url.path.rstrip("/").endswith("/update"):
            return 403, "updates are not allowed: kg serve is read-only"
        if names.count("query") > 1:
            return 400, "give exactly one query parameter"
        if self.command == "POST" and "query" not in names:
            return 400, "no query: send it as the query parameter or as application/sparql-query"
        return params

    def answer(self, request: tuple[int, str] | list[tuple[str, str]]) -> None:
        if isinstance(request, tuple):
            return self.reply(*request)
        deadline = time.monotonic() + self.server.time_limit
        query = dict(request).get("query")
        if query is None:  # the query editor page, the service description, store reads
            return self.forward("GET", self.path, None, deadline)
        try:
            parts = check_query(query)
        except QueryRefused as e:
            return self.reply(403, str(e))
        except QueryError as e:
            return self.reply(400, str(e))
        params = [(k, PROLOGUE + v if k == "query" else v) for k, v in request]
        if "DatasetClause" not in parts and not DATASET_PARAMETERS & dict(request).keys():
            # As in kg query: all graphs, unless the query or the request names some (the
            # engine's --union-default-graph would override FROM too).
            params.append(("union-default-graph", ""))
        self.forward("POST", "/query", urlencode(params).encode("utf-8"), deadline)

    def forward(self, method: str, target: str, body: bytes | None, deadline: float) -> None:
        """Lend the request to an engine and relay its complete answer, or 503 at the deadline."""
        headers = {k: v for k in FORWARDED_HEADERS if (v := self.headers.get(k)) is not None}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        with tempfile.SpooledTemporaryFile(MEMORY_BUFFER) as buffer:
            try:
                with self.server.engines.borrow(deadline) as engine:
                    status, reason, answer_headers = fetch(
                        engine, method, target, body, headers, deadline, buffer
                    )
            except TimeoutError:
                return self.reply(
                    503,
                    f"query stopped after {self.server.time_limit:g} s, the time limit of this "
                    "endpoint (kg serve --timeout); add a LIMIT or narrow the patterns",
                )
            except (OSError, http.client.HTTPException) as e:
                return self.reply(502, f"the Oxigraph server did not answer ({e})")
            self.send_response(status, reason)
            for name, value in answer_headers:
                if name.lower() not in HOP_BY_HOP:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(buffer.tell()))
            self.end_headers()
            buffer.seek(0)
            shutil.copyfileobj(buffer, self.wfile)

    def reply(self, status: int, message: str) -> None:
        body = (message + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:
        log.info("%s %s", self.address_string(), format % args)


def fetch(
    engine: Engine,
    method: str,
    target: str,
    body: bytes | None,
    headers: dict[str, str],
    deadline: float,
    buffer: IO[bytes],
) -> tuple[int, str, list[tuple[str, str]]]:
    """Send a request to `engine`, read the whole answer into `buffer`; TimeoutError once
    `deadline` passes."""
    connection = http.client.HTTPConnection("127.0.0.1", engine.port, timeout=remaining(deadline))
    try:
        connection.request(method, target, body=body, headers=headers)
        # Kept: http.client lets go of the socket when the answer says it closes the connection.
        sock = connection.sock
        sock.settimeout(remaining(deadline))
        response = connection.getresponse()
        while True:
            sock.settimeout(remaining(deadline))
            chunk = response.read1(1 << 16)
            if not chunk:
                return response.status, response.reason, response.getheaders()
            buffer.write(chunk)
    finally:
        connection.close()


__all__ = ["Front", "serve_store"]
