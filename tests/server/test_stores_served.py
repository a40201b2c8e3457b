"""``diplograph serve --store oxigraph:PATH``: workers read the folder read-only and answer like memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from diplograph.bundled import GRAPH_FILE
from diplograph.kg import KnowledgeGraph
from diplograph.query import named_queries

from ..backends.compare import normal_rows
from .conftest import SRC, free_port
from .test_clients import _term


def test_serving_an_oxigraph_store(tmp_path: Path, kg: KnowledgeGraph) -> None:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    process = subprocess.Popen([sys.executable, "-m", "diplograph", "serve", "--port", str(port),
                                "--store", f"oxigraph:{tmp_path / 'store'}", "--graph", str(GRAPH_FILE),
                                "--workers", "1", "--timeout", "5"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert process.poll() is None, process.stdout.read().decode() if process.stdout else ""
            try:
                if httpx.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        for name in ("contacts", "direct-contacts", "entities"):
            text = named_queries()[name].text
            doc = httpx.post(url, data={"query": text}, timeout=30).json()
            variables = doc["head"]["vars"]
            rows = [{v: _term(b[v]) for v in variables if v in b} for b in doc["results"]["bindings"]]
            want = kg.query(name)
            assert normal_rows(variables, rows, text) == normal_rows(want.vars, want.raw, text)
    finally:
        process.terminate()
        process.wait(10)
