"""The HTTP side of ``diplograph serve``: a bound socket, uvicorn with timeouts and a cap, logs that do not flood.

uvicorn (with h11) closes a kept-alive connection after ``idle_timeout``
seconds and bounds the bytes of an incomplete request head; it has no limit
on the time a request head may take, nor on open connections. This module
adds both, in a subclass of uvicorn's h11 protocol:

- a connection that has not sent a complete request head within
  ``header_timeout`` seconds gets 408 and is closed;
- past ``max_connections`` open connections (never more than the file
  descriptors allow, less a reserve), a new connection gets 503 and is
  closed at once.

The request body's own timeout, the header count and size, and the ``Host``
check are the application's (:mod:`.app`). :class:`RateLimitedLog` lets
through one log line per kind of message per interval and counts the rest.
"""

from __future__ import annotations

import asyncio
import logging
import resource
import socket
import time
from dataclasses import dataclass
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = ["HttpLimits", "RateLimitedLog", "bind", "serve"]

log = logging.getLogger(__name__)

#: Connections the event loop accepts in one go, before any is refused; the descriptors kept free besides
#: open connections (such a burst, the store's files, the workers' pipes, the logs).
_ACCEPT_BURST = 128
_RESERVE_FDS = _ACCEPT_BURST + 64


@dataclass
class HttpLimits:
    """Timeouts and caps of the HTTP server.

    Parameters
    ----------
    header_timeout : float
        Seconds a request head (request line and headers) may take to arrive.
    idle_timeout : float
        Seconds a kept-alive connection may stay idle.
    max_connections : int
        Connections open at once.
    max_head_bytes : int
        Bytes of an incomplete request head h11 buffers before refusing it.
    """

    header_timeout: float = 10.0
    idle_timeout: float = 5.0
    max_connections: int = 512
    max_head_bytes: int = 16 * 1024


def _raw_response(status: int, reason: str, message: str) -> bytes:
    body = message.encode() + b"\n"
    return (f"HTTP/1.1 {status} {reason}\r\ncontent-type: text/plain; charset=utf-8\r\n"
            f"content-length: {len(body)}\r\nconnection: close\r\n\r\n").encode() + body


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a request-head timeout and a connection cap."""

    http_limits = HttpLimits()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_timer: asyncio.TimerHandle | None = None
        if len(self.connections) > self.http_limits.max_connections:
            log.warning("connection refused: %d connections are open (the server's limit)",
                        self.http_limits.max_connections)
            transport.write(_raw_response(503, "Service Unavailable", "too many open connections; try again"))
            transport.close()
            return
        self._arm_head_timer()

    def _arm_head_timer(self) -> None:
        if self._head_timer is None:
            self._head_timer = self.loop.call_later(self.http_limits.header_timeout, self._head_timed_out)

    def _disarm_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self.transport.is_closing() or self.conn.their_state is not h11.IDLE:
            return
        log.info("a connection sent no complete request head within %g s and was closed",
                 self.http_limits.header_timeout)
        self.transport.write(_raw_response(408, "Request Timeout", "the request head did not arrive in time"))
        self.transport.close()

    def data_received(self, data: bytes) -> None:
        if self.conn.their_state is h11.IDLE:
            self._arm_head_timer()  # a new request begins (or goes on) arriving
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:
            self._disarm_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_head_timer()
        super().connection_lost(exc)


def protocol_class(limits: HttpLimits) -> type[GuardedH11Protocol]:
    """A protocol class for uvicorn's ``http=`` option, holding *limits*."""
    return type("DiplographH11Protocol", (GuardedH11Protocol,), {"http_limits": limits})


def connection_cap(wanted: int) -> int:
    """*wanted*, lowered to what the file descriptor limit allows (raising the soft limit first)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard > soft:
        target = hard if hard != resource.RLIM_INFINITY else max(soft, 65536)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError):
            pass
    return max(1, min(wanted, soft - _RESERVE_FDS))


class RateLimitedLog(logging.Filter):
    """Let one record of each kind (logger and message template) through per *interval* seconds.

    The first record of a kind in an interval passes; the others are counted,
    and the next one to pass says how many were left out.
    """

    def __init__(self, interval: float = 10.0):
        super().__init__()
        self.interval = interval
        self._seen: dict[tuple[str, Any], tuple[float, int]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.name, record.msg)
        now = time.monotonic()
        start, dropped = self._seen.get(key, (-self.interval - 1.0, 0))
        if now - start < self.interval:
            self._seen[key] = (start, dropped + 1)
            return False
        if len(self._seen) > 1000:
            self._seen.clear()
        self._seen[key] = (now, 0)
        if dropped:
            record.msg = f"{record.msg} ({dropped} more like this in the last {self.interval:g} s)"
        return True


def quiet_logs(interval: float = 10.0) -> None:
    """Rate-limit every handler of the root logger (uvicorn's and asyncio's records propagate there)."""
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    limiter = RateLimitedLog(interval)
    for handler in root.handlers:
        handler.addFilter(limiter)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on *host*:*port*.

    Raises
    ------
    OSError
        The address is in use, not this machine's, or not allowed.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named, or asyncio leaves Nagle's algorithm on for accepted connections (40 ms a request)
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def _loop_error(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """One line for an error of the event loop (out of descriptors on accept, say), never a traceback."""
    exc = context.get("exception")
    log.warning("%s%s", context.get("message", "event loop error"), f": {exc}" if exc else "")


def serve(app: Any, sock: socket.socket, limits: HttpLimits | None = None) -> None:
    """Serve *app* on the bound *sock* until interrupted."""
    limits = limits or HttpLimits()
    cap = connection_cap(limits.max_connections)
    limits = HttpLimits(limits.header_timeout, limits.idle_timeout, cap, limits.max_head_bytes)
    quiet_logs()
    config = uvicorn.Config(app, http=protocol_class(limits), log_config=None, log_level="warning",
                            timeout_keep_alive=max(1, round(limits.idle_timeout)), limit_concurrency=cap + 1,
                            h11_max_incomplete_event_size=limits.max_head_bytes, access_log=False,
                            backlog=_ACCEPT_BURST, timeout_graceful_shutdown=5)
    server = uvicorn.Server(config)

    async def main() -> None:
        asyncio.get_running_loop().set_exception_handler(_loop_error)
        await server.serve(sockets=[sock])

    asyncio.run(main())
