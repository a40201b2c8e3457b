"""A running ``diplograph serve`` on 127.0.0.1 (random free port) with small limits."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from starlette.testclient import TestClient

import diplograph as dg
from diplograph.backends.remote import DEFAULT_GRAPH
from diplograph.bundled import GRAPH_FILE, ONTOLOGY_FILE
from diplograph.kg import KnowledgeGraph
from diplograph.server.app import ServerConfig, create_app

TIMEOUT = 2.0
MAX_ROWS = 1000
SRC = Path(__file__).resolve().parents[2] / "src"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Served:
    """A ``diplograph serve`` process, its base URL and its log file."""

    process: subprocess.Popen[bytes]
    base: str
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)


def start_server(args: list[str], log: Path, preexec: Callable[[], None] | None = None) -> Served:
    """Start ``diplograph serve ARGS`` on a free port; return once it answers (its output goes to *log*)."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    out = open(log, "wb")  # noqa: SIM115 - kept open for the process's lifetime
    process = subprocess.Popen([sys.executable, "-m", "diplograph", "serve", "--port", str(port), *args],
                               env=env, stdout=out, stderr=subprocess.STDOUT, preexec_fn=preexec)
    served = Served(process, f"http://127.0.0.1:{port}/", log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"diplograph serve exited with {process.returncode}: {served.log_text()}")
        try:
            if httpx.get(served.base + "sparql", params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return served
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    served.stop()
    pytest.fail("diplograph serve did not answer within 60 s")


#: The limits of the shared test server: short, so that tests of them are quick.
CLIENT_TIMEOUT = 1.0
MAX_CONNECTIONS = 40
MAX_BYTES_MB = 1
MAX_MEMORY_MB = 400


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    log = Path(tmp_path_factory.mktemp("serve")) / "serve.log"
    one = start_server(["--timeout", str(TIMEOUT), "--max-rows", str(MAX_ROWS), "--workers", "3",
                        "--client-timeout", str(CLIENT_TIMEOUT), "--max-connections", str(MAX_CONNECTIONS),
                        "--max-bytes", str(MAX_BYTES_MB), "--max-memory", str(MAX_MEMORY_MB)], log)
    yield one
    one.stop()


@pytest.fixture(scope="session")
def server(served: Served) -> str:
    return served.base


@pytest.fixture(scope="session")
def endpoint(server: str) -> str:
    return server + "sparql"


@pytest.fixture(scope="session")
def kg() -> KnowledgeGraph:
    return dg.load()


class Listener:
    """A TCP listener on 127.0.0.1 that records every connection made to it, and closes each at once."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = int(self.sock.getsockname()[1])
        self.hits: list[bytes] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.settimeout(0.5)
            try:
                self.hits.append(conn.recv(300) or b"(connected, sent nothing)")
            except OSError:
                self.hits.append(b"(connected, sent nothing)")
            conn.close()

    def take(self, settle: float = 0.0) -> list[bytes]:
        """The connections recorded since the last call (after waiting *settle* seconds)."""
        if settle:
            time.sleep(settle)
        hits, self.hits = self.hits, []
        return hits

    def close(self) -> None:
        self.sock.close()


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    one = Listener()
    yield one
    one.close()


@pytest.fixture(scope="session")
def virtuoso_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A private Virtuoso on 127.0.0.1 holding the seed graph in diplograph's named graph."""
    from ..backends.virtuoso import start_virtuoso

    try:
        instance = start_virtuoso(Path(tmp_path_factory.mktemp("virtuoso-served")))
    except RuntimeError as exc:
        reason = f"VIRTUOSO COULD NOT START, Virtuoso tests not run: {exc}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    try:
        dg.load(GRAPH_FILE, store=f"sparql:{instance.sparql_url}").close()
        yield instance.sparql_url
    finally:
        instance.stop()


@pytest.fixture(scope="session")
def store_clients(tmp_path_factory: pytest.TempPathFactory, virtuoso_url: str) -> Iterator[dict[str, TestClient]]:
    """The endpoint in-process on each store, each with its own query workers."""
    folder = Path(tmp_path_factory.mktemp("fuzz-oxigraph")) / "store"
    dg.load(store=f"oxigraph:{folder}", create=True).close()
    stores = {"memory": {}, f"oxigraph:{folder}": {}, f"sparql:{virtuoso_url}": {"graph": DEFAULT_GRAPH}}
    clients: dict[str, TestClient] = {}
    try:
        for spec, options in stores.items():
            config = ServerConfig(store=spec, files=[GRAPH_FILE, ONTOLOGY_FILE], workers=1, timeout=10,
                                  per_client=4, options=options)
            client = TestClient(create_app(config), base_url="http://127.0.0.1")
            client.__enter__()
            clients[spec.split(":")[0]] = client
        yield clients
    finally:
        for client in clients.values():
            client.__exit__(None, None, None)
