"""The SPARQL 1.1 Protocol endpoint (Starlette), read-only, with a query page.

Routes: ``/`` the query page, ``/sparql`` the endpoint (GET, and POST as a
form or ``application/sparql-query``), ``/queries.json`` the named queries,
``/graph/diplograph.html`` the graph page when it has been built.

Before any route: the ``Host`` header must name this server (no DNS
rebinding), and a request may carry at most :data:`MAX_HEADERS` headers of
at most :data:`MAX_HEADER_BYTES` bytes together (431 beyond).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import anyio
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from .page import query_page
from .pool import PoolLimits, WorkerPool
from .worker import Reply

__all__ = ["MAX_HEADERS", "MAX_HEADER_BYTES", "ServerConfig", "create_app"]

log = logging.getLogger(__name__)

#: Headers a request may carry, and their bytes together (names and values).
MAX_HEADERS = 100
MAX_HEADER_BYTES = 16 * 1024
_QUERY_MEDIA = ("application/x-www-form-urlencoded", "application/sparql-query")


@dataclass
class ServerConfig:
    """How the endpoint runs.

    Parameters
    ----------
    store : str
        ``memory``, ``oxigraph:PATH`` or ``sparql:URL``.
    files : list of Path
        For ``memory``: graph files to serve (the seed graph and the ontology by default).
    timeout : float
        Hard time limit per query, in seconds.
    max_rows : int
        Row cap per result.
    max_bytes : int
        Largest answer, in bytes.
    max_memory : int
        Bytes of private memory a query's worker may hold.
    max_query_bytes : int
        Largest query (or request body) accepted.
    workers : int
        Queries that may run at once under the full time limit (one more worker takes short
        queries while these are busy).
    short_timeout : float
        Seconds a query may run on the worker kept for short queries.
    per_client : int
        Queries one client address may have running or waiting.
    max_queue : int
        Queries that may wait for a worker.
    body_timeout : float
        Seconds a request body may take to arrive.
    allowed_hosts : list of str
        Names the ``Host`` header may give (``*`` for any).
    cors : bool
        Send ``Access-Control-Allow-Origin: *``.
    graph_page : Path, optional
        The interactive graph page to serve at ``/graph/diplograph.html``.
    options : dict
        Passed to the store's backend.
    """

    store: str = "memory"
    files: list[Path] = field(default_factory=list)
    timeout: float = 10.0
    max_rows: int = 10_000
    max_bytes: int = 16 * 1024 * 1024
    max_memory: int = 1024 * 1024 * 1024
    max_query_bytes: int = 256 * 1024
    workers: int = 2
    short_timeout: float = 1.0
    per_client: int = 2
    max_queue: int = 16
    body_timeout: float = 10.0
    allowed_hosts: list[str] = field(default_factory=lambda: ["127.0.0.1", "localhost"])
    cors: bool = False
    graph_page: Path | None = None
    options: dict[str, Any] = field(default_factory=dict)

    def pool(self) -> WorkerPool:
        """A worker pool (not started) with this configuration's limits."""
        limits = PoolLimits(size=self.workers, timeout=self.timeout, short_timeout=self.short_timeout,
                            max_memory=self.max_memory, per_client=self.per_client, max_queue=self.max_queue,
                            queue_wait=max(30.0, self.timeout))
        return WorkerPool(self.store, self.files, limits, max_rows=self.max_rows, max_bytes=self.max_bytes,
                          options=self.options)


def _text(status: int, message: str, headers: dict[str, str] | None = None) -> PlainTextResponse:
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)


def _response(reply: Reply) -> Response:
    headers = {"Vary": "Accept"}
    if reply.retry_after:
        headers["Retry-After"] = str(reply.retry_after)
    media = reply.media + ("; charset=utf-8" if reply.media.startswith("text/") else "")
    return Response(reply.body, status_code=reply.status, media_type=media, headers=headers)


def _pick(params: list[tuple[str, str]]) -> tuple[str | None, Response | None]:
    """The one query among request parameters, or the refusal to send."""
    names = [k for k, _ in params]
    if "update" in names:
        return None, _text(403, "updates are refused: this endpoint is read-only")
    if "default-graph-uri" in names or "named-graph-uri" in names:
        return None, _text(400, "default-graph-uri and named-graph-uri are refused: this endpoint serves one graph")
    queries = [v for k, v in params if k == "query"]
    if len(queries) > 1:
        return None, _text(400, "more than one query parameter")
    if not queries:
        return None, _text(400, "missing the query parameter")
    return queries[0], None


def _content_type(header: str) -> tuple[str, str]:
    """The media type and charset of a Content-Type header (UTF-8 when none is named)."""
    media, _, rest = header.partition(";")
    charset = "utf-8"
    for part in rest.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset":
            charset = value.strip().strip('"').lower()
    return media.strip().lower(), charset


def _check_content_type(media: str, charset: str) -> Response | None:
    if media == "application/sparql-update":
        return _text(403, "updates are refused: this endpoint is read-only")
    if media not in _QUERY_MEDIA:
        return _text(415, "POST a query as application/x-www-form-urlencoded (query=...) or as "
                          f"application/sparql-query, not {media or 'a body without a Content-Type'}")
    if charset not in ("utf-8", "utf8"):
        return _text(415, f"queries must be sent in UTF-8, not {charset}")
    return None


async def _read_body(request: Request, limit: int) -> bytes | None:
    """The body, or None when it is longer than *limit* bytes (refused before it is all read)."""
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > limit:
        return None
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


class _Endpoint:
    """The routes, over one configuration and one worker pool."""

    def __init__(self, config: ServerConfig, pool: WorkerPool):
        self.config = config
        self.pool = pool
        self.too_big = f"the query is larger than {config.max_query_bytes} bytes (the server's limit)"
        # queries wait in threads of their own, so that waiting ones never hold up the other routes
        self.threads = anyio.CapacityLimiter(pool.limits.size + 1 + pool.limits.max_queue + 4)

    async def run(self, query: str, request: Request) -> Response:
        if len(query.encode("utf-8", "surrogatepass")) > self.config.max_query_bytes:
            return _text(413, self.too_big)
        client = request.client.host if request.client else ""
        reply = await anyio.to_thread.run_sync(self.pool.run, query, request.headers.get("accept"), client,
                                               limiter=self.threads)
        return _response(reply)

    async def sparql(self, request: Request) -> Response:
        url_params = parse_qsl(request.url.query, keep_blank_values=True)
        if request.method in ("GET", "HEAD"):
            query, error = _pick(url_params)
        else:
            query, error = await self._posted(request, url_params)
        return error or await self.run(query or "", request)

    async def _posted(self, request: Request, url_params: list[tuple[str, str]]
                      ) -> tuple[str | None, Response | None]:
        media, charset = _content_type(request.headers.get("content-type", ""))
        refused = _check_content_type(media, charset)
        if refused is not None:
            return None, refused
        try:
            with anyio.fail_after(self.config.body_timeout):
                body = await _read_body(request, self.config.max_query_bytes * 3 + 1024)
        except TimeoutError:
            return None, _text(408, f"the request body did not arrive within {self.config.body_timeout:g} s")
        if body is None:
            return None, _text(413, self.too_big)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return None, _text(400, "the request body is not UTF-8")
        if media == "application/sparql-query":
            return _pick([*url_params, ("query", text)])
        return _pick([*url_params, *parse_qsl(text, keep_blank_values=True)])

    def _graph_page(self) -> Path | None:
        page = self.config.graph_page
        return page if page is not None and page.is_file() else None

    async def page(self, request: Request) -> Response:
        return HTMLResponse(query_page(graph_link="graph/diplograph.html" if self._graph_page() else None))

    async def named(self, request: Request) -> Response:
        from ..query import named_queries

        return JSONResponse([{"name": q.name, "question": q.question, "bind": q.bind, "text": q.text}
                             for q in named_queries().values()])

    async def graph(self, request: Request) -> Response:
        page = self._graph_page()
        if page is None:
            return _text(404, "the graph page has not been built (diplograph page)")
        return FileResponse(page, media_type="text/html")

    def routes(self) -> list[Route]:
        return [
            Route("/", self.page, methods=["GET"]),
            Route("/sparql", self.sparql, methods=["GET", "POST"]),
            Route("/queries.json", self.named, methods=["GET"]),
            Route("/graph/diplograph.html", self.graph, methods=["GET"]),
        ]


class HeaderLimit:
    """ASGI middleware: 431 for a request with too many headers, or too many bytes of them."""

    def __init__(self, app: ASGIApp, max_headers: int = MAX_HEADERS, max_bytes: int = MAX_HEADER_BYTES):
        self.app = app
        self.max_headers = max_headers
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = scope["headers"]
            size = sum(len(k) + len(v) for k, v in headers)
            if len(headers) > self.max_headers or size > self.max_bytes:
                response = _text(431, f"{len(headers)} headers of {size} bytes: the server takes at most "
                                      f"{self.max_headers} headers of {self.max_bytes} bytes together")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _middleware(config: ServerConfig) -> list[Middleware]:
    middleware = [Middleware(HeaderLimit),
                  Middleware(TrustedHostMiddleware, allowed_hosts=config.allowed_hosts)]
    if config.cors:
        middleware.append(Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                                     allow_headers=["Accept", "Content-Type"]))
    return middleware


def _lifespan(pool: WorkerPool, owned: bool) -> Callable[[Starlette], Any]:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if owned:
            await anyio.to_thread.run_sync(pool.start)
        try:
            yield
        finally:
            if owned:
                pool.close()

    return lifespan


def create_app(config: ServerConfig, pool: WorkerPool | None = None) -> Starlette:
    """The endpoint as an ASGI application; starts its worker pool on startup.

    Parameters
    ----------
    config : ServerConfig
    pool : WorkerPool, optional
        A pool already started (tests); by default one is made from *config*.
    """
    workers = pool or config.pool()
    endpoint = _Endpoint(config, workers)
    return Starlette(routes=endpoint.routes(), middleware=_middleware(config),
                     lifespan=_lifespan(workers, owned=pool is None))
