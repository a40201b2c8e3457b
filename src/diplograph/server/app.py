"""The SPARQL 1.1 Protocol endpoint (Starlette), read-only, with a query page.

Routes: ``/`` the query page, ``/sparql`` the endpoint (GET, and POST as a
form or ``application/sparql-query``), ``/queries.json`` the named queries,
``/graph/diplograph.html`` the graph page when it has been built.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import anyio
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from .page import query_page
from .worker import WorkerPool

__all__ = ["ServerConfig", "create_app"]

log = logging.getLogger(__name__)


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
    max_query_bytes : int
        Largest query (or request body) accepted.
    workers : int
        Queries that may run at once.
    cors : bool
        Send ``Access-Control-Allow-Origin: *``.
    graph_page : Path, optional
        The interactive graph page to serve at ``/graph/diplograph.html``.
    """

    store: str = "memory"
    files: list[Path] = field(default_factory=list)
    timeout: float = 10.0
    max_rows: int = 10_000
    max_query_bytes: int = 256 * 1024
    workers: int = 2
    cors: bool = False
    graph_page: Path | None = None
    options: dict[str, Any] = field(default_factory=dict)


def _text(status: int, message: str) -> PlainTextResponse:
    return PlainTextResponse(message + "\n", status_code=status)


async def _read_body(request: Request, limit: int) -> bytes | None:
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


def create_app(config: ServerConfig, pool: WorkerPool | None = None) -> Starlette:
    """The endpoint as an ASGI application; starts its worker pool on startup.

    Parameters
    ----------
    config : ServerConfig
    pool : WorkerPool, optional
        A pool already started (tests); by default one is made from *config*.
    """
    workers = pool or WorkerPool(config.store, config.files, size=config.workers, timeout=config.timeout,
                                 max_rows=config.max_rows, options=config.options)
    too_big = f"the query is larger than {config.max_query_bytes} bytes (the server's limit)"

    async def run(query: str, request: Request) -> Response:
        if len(query.encode("utf-8")) > config.max_query_bytes:
            return _text(413, too_big)
        accept = request.headers.get("accept")
        reply = await anyio.to_thread.run_sync(workers.run, query, accept)
        headers = {"Vary": "Accept"}
        media = reply.media + ("; charset=utf-8" if reply.media.startswith("text/") else "")
        return Response(reply.body, status_code=reply.status, media_type=media, headers=headers)

    def pick(params: list[tuple[str, str]]) -> tuple[str | None, Response | None]:
        names = [k for k, _ in params]
        if "update" in names:
            return None, _text(403, "updates are refused: this endpoint is read-only")
        if "default-graph-uri" in names or "named-graph-uri" in names:
            return None, _text(400, "default-graph-uri and named-graph-uri are refused: "
                                    "this endpoint serves one graph")
        queries = [v for k, v in params if k == "query"]
        if len(queries) > 1:
            return None, _text(400, "more than one query parameter")
        if not queries:
            return None, _text(400, "missing the query parameter")
        return queries[0], None

    async def sparql(request: Request) -> Response:
        url_params = parse_qsl(request.url.query, keep_blank_values=True)
        if request.method in ("GET", "HEAD"):
            query, error = pick(url_params)
            return error or await run(query or "", request)
        ctype = request.headers.get("content-type", "")
        media, _, rest = ctype.partition(";")
        media = media.strip().lower()
        charset = "utf-8"
        for part in rest.split(";"):
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset":
                charset = value.strip().strip('"').lower()
        if media == "application/sparql-update":
            return _text(403, "updates are refused: this endpoint is read-only")
        if media not in ("application/x-www-form-urlencoded", "application/sparql-query"):
            return _text(415, "POST a query as application/x-www-form-urlencoded (query=...) or as "
                              f"application/sparql-query, not {media or 'a body without a Content-Type'}")
        if charset not in ("utf-8", "utf8"):
            return _text(415, f"queries must be sent in UTF-8, not {charset}")
        body = await _read_body(request, config.max_query_bytes * 3 + 1024)
        if body is None:
            return _text(413, too_big)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return _text(400, "the request body is not UTF-8")
        if media == "application/sparql-query":
            query, error = pick([*url_params, ("query", text)])
        else:
            query, error = pick([*url_params, *parse_qsl(text, keep_blank_values=True)])
        return error or await run(query or "", request)

    async def page(request: Request) -> Response:
        has_graph = config.graph_page is not None and config.graph_page.is_file()
        return HTMLResponse(query_page(graph_link="graph/diplograph.html" if has_graph else None))

    async def named(request: Request) -> Response:
        from ..query import named_queries

        return JSONResponse([{"name": q.name, "question": q.question, "bind": q.bind, "text": q.text}
                             for q in named_queries().values()])

    async def graph_page(request: Request) -> Response:
        if config.graph_page is None or not config.graph_page.is_file():
            return _text(404, "the graph page has not been built (diplograph page)")
        return FileResponse(config.graph_page, media_type="text/html")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if pool is None:
            await anyio.to_thread.run_sync(workers.start)
        try:
            yield
        finally:
            if pool is None:
                workers.close()

    middleware = []
    if config.cors:
        middleware.append(Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                                     allow_headers=["Accept", "Content-Type"]))
    routes = [
        Route("/", page, methods=["GET"]),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/queries.json", named, methods=["GET"]),
        Route("/graph/diplograph.html", graph_page, methods=["GET"]),
    ]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
