"""The query worker process: opens the store once, then guards and answers queries sent over a pipe.

rdflib has no query timeout and no way to stop a query thread, and neither
engine can be told to stay off the network, so every query runs in a worker
process of its own that the server can kill (see :mod:`.pool`). A worker for
an embedded store gives up the network before it opens the store
(:mod:`.confine`). Each query is decided on by the guard, and the engine runs
the canonical text the guard approved, never the text as received. Results
are capped in rows and in bytes; the pool caps time and memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

__all__ = ["Reply", "WorkerSettings", "worker_main"]


@dataclass
class Reply:
    """What a worker answers: an HTTP status, a media type and a body."""

    status: int
    media: str
    body: bytes
    #: For the server's log, never for the client (what went wrong inside the engine).
    detail: str = ""
    #: Seconds after which a client may try again (a ``Retry-After`` header), when the server was busy.
    retry_after: int = 0

    @classmethod
    def text(cls, status: int, message: str) -> Reply:
        """A plain-text answer."""
        return cls(status, "text/plain", message.encode("utf-8"))


@dataclass
class WorkerSettings:
    """What a worker needs to open its store and cap its answers."""

    spec: str
    files: list[Path] = field(default_factory=list)
    max_rows: int = 10_000
    max_bytes: int = 16 * 1024 * 1024
    options: dict[str, Any] = field(default_factory=dict)


def _open(settings: WorkerSettings) -> Any:
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


def _too_many(what: str, limit: int) -> Reply:
    hint = "add a LIMIT" if what == "rows" else "narrow the query or add a LIMIT"
    return Reply.text(400, f"the result has more than {limit} {what} (the server's row cap); {hint}")


def _too_big(limit: int) -> Reply:
    return Reply.text(413, f"the result is larger than {limit} bytes (the server's limit on an answer); "
                           "select fewer or shorter values, or add a LIMIT")


def _rows(result: Any, settings: WorkerSettings) -> list[Any] | Reply:
    rows, size = [], 0
    for row in result.rows:
        rows.append(row)
        size += sum(len(str(t)) + 16 for t in row if t is not None)
        if len(rows) > settings.max_rows:
            return _too_many("rows", settings.max_rows)
        if size > settings.max_bytes:
            return _too_big(settings.max_bytes)
    return rows


def _evaluate(backend: Any, form: str, text: str, media: str, settings: WorkerSettings) -> Reply:
    from .results import serialize_boolean, serialize_graph, serialize_rows

    result = backend.execute(text)
    if result.form == "ASK":
        return Reply(200, media, serialize_boolean(bool(result.boolean), media))
    if result.form in ("CONSTRUCT", "DESCRIBE"):
        if len(result.graph) > settings.max_rows:
            return _too_many("triples", settings.max_rows)
        body = serialize_graph(result.graph, media)
    else:
        rows = _rows(result, settings)
        if isinstance(rows, Reply):
            return rows
        body = serialize_rows(result.vars, rows, media)
    if len(body) > settings.max_bytes:
        return _too_big(settings.max_bytes)
    return Reply(200, media, body)


def answer(backend: Any, text: str, accept: str | None, settings: WorkerSettings) -> Reply:
    """Guard, run and serialise one query on *backend*: the reply to send to the client."""
    from ..errors import QueryError, QueryRefusedError, StoreError
    from .guard import READ_ONLY, check_query
    from .results import OFFERS, negotiate

    try:
        approved = check_query(text)
    except QueryRefusedError as exc:
        return Reply.text(403 if str(exc) == READ_ONLY else 400, str(exc))
    except QueryError as exc:
        return Reply.text(400, str(exc))
    media = negotiate(approved.form, accept)
    if media is None:
        return Reply.text(406, f"cannot answer a {approved.form} query as {accept}; "
                               f"available: {', '.join(OFFERS[approved.form])}")
    try:
        return _evaluate(backend, approved.form, approved.text, media, settings)
    except QueryError as exc:
        return Reply.text(400, str(exc))
    except StoreError as exc:
        return Reply.text(502, str(exc))


def worker_main(settings: WorkerSettings, conn: Connection, confine: bool) -> None:
    """The loop of one worker process: give up the network, open the store, answer until the pipe closes."""
    from .confine import confine_network

    confinement = confine_network() if confine else ""
    import rdflib.plugins.sparql

    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False  # never read FROM <file:...> into a query
    try:
        backend = _open(settings)
    except Exception as exc:
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", confinement))
    while True:
        try:
            text, accept = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = answer(backend, text, accept, settings)
        except MemoryError:
            reply = Reply.text(503, "the query needed more memory than the server allows; simplify it")
        except Exception as exc:  # keep the worker alive; the details go to the server's log, not to the client
            reply = Reply.text(500, "the query failed inside the engine (the server's log has the details)")
            reply.detail = f"{type(exc).__name__}: {exc}"[:500]
        conn.send(reply)
