"""Slow, idle, numerous and oversized connections are timed out or refused, and the log stays small."""

from __future__ import annotations

import contextlib
import resource
import socket
import time
from pathlib import Path

import httpx
import pytest

from .conftest import CLIENT_TIMEOUT, MAX_CONNECTIONS, Served, start_server


def _connect(served: Served) -> socket.socket:
    url = httpx.URL(served.base)
    return socket.create_connection((url.host, url.port or 80), timeout=10)


def _read_all(conn: socket.socket, limit: float = 10.0) -> tuple[bytes, float]:
    """Everything the server sends until it closes the connection, and how long that took."""
    started, data = time.monotonic(), b""
    conn.settimeout(limit)
    with contextlib.suppress(OSError):
        while chunk := conn.recv(4096):
            data += chunk
    return data, time.monotonic() - started


def test_a_request_head_that_never_ends_is_timed_out(served: Served) -> None:
    with _connect(served) as conn:
        conn.sendall(b"GET /sparql?query=ASK%20%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        data, took = _read_all(conn)
    assert data.startswith(b"HTTP/1.1 408"), data
    assert took < CLIENT_TIMEOUT + 3


def test_a_connection_that_sends_nothing_is_closed(served: Served) -> None:
    with _connect(served) as conn:
        data, took = _read_all(conn)
    assert took < CLIENT_TIMEOUT + 3
    assert data == b"" or data.startswith(b"HTTP/1.1 408")


def test_a_body_that_never_arrives_is_timed_out(served: Served) -> None:
    with _connect(served) as conn:
        conn.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                     b"Content-Length: 100\r\n\r\nASK {")
        data, took = _read_all(conn)
    assert data.startswith(b"HTTP/1.1 408"), data
    assert b"did not arrive" in data
    assert took < CLIENT_TIMEOUT + 3


def test_an_idle_kept_alive_connection_is_closed(served: Served) -> None:
    with _connect(served) as conn:
        conn.sendall(b"GET /sparql?query=ASK%20%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        data, took = _read_all(conn)
    assert data.startswith(b"HTTP/1.1 200"), data
    assert took < 5 + 3


def test_too_many_connections_are_refused_and_the_log_stays_small(served: Served) -> None:
    before = served.log_text().count("\n")
    conns = [_connect(served) for _ in range(MAX_CONNECTIONS + 30)]
    try:
        refused = 0
        for conn in conns[-20:]:
            data, _ = _read_all(conn, 5)
            refused += data.startswith(b"HTTP/1.1 503")
        assert refused == 20
    finally:
        for conn in conns:
            conn.close()
    time.sleep(CLIENT_TIMEOUT)
    assert httpx.get(served.base + "sparql", params={"query": "ASK {}"}, timeout=10).status_code == 200
    assert served.log_text().count("\n") - before <= 4  # one line per kind of message per interval


@pytest.mark.parametrize(("headers", "why"), [
    ({"X-Big": "x" * 64 * 1024}, "64 KB of one header"),
    ({f"X-{i}": "1" for i in range(5000)}, "5,000 headers"),
    ({f"X-{i}": "1" for i in range(150)}, "150 headers"),
])
def test_oversized_headers_are_refused(served: Served, headers: dict[str, str], why: str) -> None:
    try:
        r = httpx.get(served.base + "sparql", params={"query": "ASK {}"}, headers=headers, timeout=10)
    except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError):
        return  # h11 hung up on a head larger than it buffers (a reset if the client was still sending)
    assert r.status_code in (400, 431), why


def test_a_foreign_host_header_is_refused(served: Served) -> None:
    r = httpx.get(served.base + "sparql", params={"query": "ASK {}"}, headers={"Host": "attacker.example"})
    assert r.status_code == 400
    assert httpx.get(served.base.replace("127.0.0.1", "localhost") + "sparql", params={"query": "ASK {}"},
                     timeout=10).status_code == 200


def _few_descriptors() -> None:
    resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))


def test_idle_connections_past_the_descriptor_limit_lock_nobody_out(tmp_path: Path) -> None:
    """Under a limit of 256 descriptors, 300 idle connections: the cap holds, others are answered."""
    served = start_server(["--workers", "1", "--client-timeout", "30"], tmp_path / "serve.log", _few_descriptors)
    conns: list[socket.socket] = []
    try:
        for _ in range(300):
            try:
                conns.append(_connect(served))
            except OSError:
                break
        time.sleep(0.5)
        r = httpx.get(served.base + "sparql", params={"query": "ASK {}"}, timeout=10)
        assert r.status_code in (200, 503)
        for conn in conns:
            conn.close()
        conns.clear()
        time.sleep(0.5)
        assert httpx.get(served.base + "sparql", params={"query": "ASK {}"}, timeout=10).status_code == 200
        log = served.log_text()
        assert len(log) < 4000, log[-2000:]
        assert "Traceback" not in log
    finally:
        for conn in conns:
            conn.close()
        served.stop()
