"""Running endpoint queries in worker processes that can be killed.

rdflib has no query timeout and no way to stop a query thread, so every
query runs in a separate process. The server keeps a small pool of them,
each holding its own copy of the store (or, for Oxigraph, its own
read-only handle). A query that runs past the time limit gets its worker
killed (SIGKILL) and replaced; the other workers keep answering.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

__all__ = ["Reply", "WorkerPool"]

log = logging.getLogger(__name__)


@dataclass
class Reply:
    """What a worker answers: an HTTP status, a media type and a body."""

    status: int
    media: str
    body: bytes


@dataclass
class _Settings:
    spec: str
    files: list[Path] = field(default_factory=list)
    max_rows: int = 10_000
    options: dict[str, Any] = field(default_factory=dict)


def _open(settings: _Settings) -> Any:
    if settings.spec == "memory":
        from ..backends.memory import MemoryBackend

        memory = MemoryBackend()
        memory.load(settings.files)
        return memory
    from ..backends import open_store

    options = dict(settings.options)
    if settings.spec.startswith("oxigraph:"):
        options["read_only"] = True
    return open_store(settings.spec, **options)


def _answer(backend: Any, text: str, accept: str | None, max_rows: int) -> Reply:
    from ..errors import QueryError, QueryRefusedError, StoreError
    from .guard import check_query
    from .results import negotiate, serialize_boolean, serialize_graph, serialize_rows

    try:
        form = check_query(text)
    except QueryRefusedError as exc:
        return Reply(403 if "read-only" in str(exc) else 400, "text/plain", str(exc).encode())
    except QueryError as exc:
        return Reply(400, "text/plain", str(exc).encode())
    media = negotiate(form, accept)
    if media is None:
        from .results import OFFERS

        return Reply(406, "text/plain", f"cannot answer a {form} query as {accept}; "
                                        f"available: {', '.join(OFFERS[form])}".encode())
    try:
        result = backend.execute(text)
        if result.form == "ASK":
            return Reply(200, media, serialize_boolean(bool(result.boolean), media))
        if result.form in ("CONSTRUCT", "DESCRIBE"):
            if len(result.graph) > max_rows:
                return Reply(400, "text/plain", f"the result has more than {max_rows} triples (the server's "
                                                "row cap); narrow the query or add a LIMIT".encode())
            return Reply(200, media, serialize_graph(result.graph, media))
        rows = []
        for row in result.rows:
            rows.append(row)
            if len(rows) > max_rows:
                return Reply(400, "text/plain", f"the result has more than {max_rows} rows (the server's "
                                                "row cap); add a LIMIT".encode())
        return Reply(200, media, serialize_rows(result.vars, rows, media))
    except QueryError as exc:
        return Reply(400, "text/plain", str(exc).encode())
    except StoreError as exc:
        return Reply(502, "text/plain", str(exc).encode())


def worker_main(settings: _Settings, conn: Connection) -> None:
    """The loop of one worker process: open the store, then answer queries until the pipe closes."""
    import rdflib.plugins.sparql

    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False  # never read FROM <file:...> into a query
    try:
        backend = _open(settings)
    except Exception as exc:
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", ""))
    while True:
        try:
            text, accept = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = _answer(backend, text, accept, settings.max_rows)
        except Exception as exc:  # keep the worker alive; report the failure to the client
            reply = Reply(500, "text/plain", f"query failed: {type(exc).__name__}: {exc}".encode())
        conn.send(reply)


class _Worker:
    def __init__(self, ctx: Any, settings: _Settings, startup: float):
        parent, child = ctx.Pipe()
        self.conn: Connection = parent
        self.process = ctx.Process(target=worker_main, args=(settings, child), daemon=True)
        self.process.start()
        child.close()
        if not parent.poll(startup):
            self.kill()
            raise RuntimeError(f"a query worker did not start within {startup:.0f} s")
        status, message = parent.recv()
        if status != "ready":
            self.kill()
            raise RuntimeError(f"a query worker could not open the store: {message}")

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """A pool of query worker processes with a hard time limit per query.

    Parameters
    ----------
    spec : str
        The store (``memory``, ``oxigraph:PATH``, ``sparql:URL``).
    files : list of Path
        For ``memory``: the graph files each worker reads.
    size : int
        Number of workers (queries running at once).
    timeout : float
        Seconds a query may run before its worker is killed.
    max_rows : int
        Largest result a query may return.
    """

    def __init__(self, spec: str, files: list[Path] | None = None, size: int = 2, timeout: float = 10.0,
                 max_rows: int = 10_000, options: dict[str, Any] | None = None, startup: float = 120.0):
        self.timeout = timeout
        self.size = size
        self._settings = _Settings(spec, list(files or []), max_rows, dict(options or {}))
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._startup = startup
        self._closed = False
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start every worker (blocks until each has opened the store)."""
        for _ in range(self.size):
            self._add(self._spawn())

    def _spawn(self) -> _Worker:
        return _Worker(self._ctx, self._settings, self._startup)

    def _add(self, worker: _Worker) -> None:
        with self._lock:
            if self._closed:
                worker.kill()
                return
            self._all.add(worker)
        self._idle.put(worker)

    def _replace(self, dead: _Worker) -> None:
        with self._lock:
            self._all.discard(dead)
        dead.kill()

        def respawn() -> None:
            try:
                self._add(self._spawn())
            except Exception as exc:
                log.error("could not replace a query worker: %s", exc)

        threading.Thread(target=respawn, daemon=True).start()

    def run(self, text: str, accept: str | None, wait: float = 60.0) -> Reply:
        """Run one query; blocks the calling thread (call it from a thread pool)."""
        try:
            worker = self._idle.get(timeout=wait)
        except queue.Empty:
            return Reply(503, "text/plain", b"the server is busy: every query worker is taken; try again")
        started = time.monotonic()
        try:
            worker.conn.send((text, accept))
            if worker.conn.poll(self.timeout):
                reply: Reply = worker.conn.recv()
                self._idle.put(worker)
                return reply
        except (EOFError, OSError) as exc:
            log.warning("a query worker died: %s", exc)
            self._replace(worker)
            return Reply(500, "text/plain", b"the query worker died while running the query")
        self._replace(worker)
        log.info("query cut off after %.1f s", time.monotonic() - started)
        return Reply(503, "text/plain", f"query cut off after {self.timeout:g} s (the server's time limit); "
                                        "simplify it or add a LIMIT".encode())

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.kill()
