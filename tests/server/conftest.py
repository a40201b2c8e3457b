"""A running ``diplograph serve`` on 127.0.0.1 (random free port) with small limits."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import diplograph as dg
from diplograph.kg import KnowledgeGraph

TIMEOUT = 2.0
MAX_ROWS = 1000
SRC = Path(__file__).resolve().parents[2] / "src"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    process = subprocess.Popen(
        [sys.executable, "-m", "diplograph", "serve", "--port", str(port), "--timeout", str(TIMEOUT),
         "--max-rows", str(MAX_ROWS), "--workers", "3"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            out = process.stdout.read().decode() if process.stdout else ""
            pytest.fail(f"diplograph serve exited with {process.returncode}: {out}")
        try:
            if httpx.get(base + "sparql", params={"query": "ASK {}"}, timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("diplograph serve did not answer within 60 s")
    yield base
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)


@pytest.fixture(scope="session")
def endpoint(server: str) -> str:
    return server + "sparql"


@pytest.fixture(scope="session")
def kg() -> KnowledgeGraph:
    return dg.load()
