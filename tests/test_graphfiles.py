"""What every loader accepts: graph files that cannot crash a parser, nor make it read anything else."""

from __future__ import annotations

import http.server
import json
import os
import socketserver
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from diplograph.backends.memory import MemoryBackend
from diplograph.backends.oxigraph import OxigraphBackend
from diplograph.errors import StoreError
from diplograph.graphfiles import MAX_NESTING, check_graph_file, read_graph

from .conftest import ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def _memory(path: Path, tmp: Path) -> int:
    store = MemoryBackend()
    store.load([path])
    return store.count()


def _oxigraph(path: Path, tmp: Path) -> int:
    store = OxigraphBackend(tmp / "store", create=True)
    try:
        store.load([path])
        return store.count()
    finally:
        store.close()


def _rdflib(path: Path, tmp: Path) -> int:
    return len(read_graph([path]))


LOADERS: dict[str, Callable[[Path, Path], int]] = {"memory": _memory, "oxigraph": _oxigraph, "rdflib": _rdflib}


def _nested(depth: int) -> str:
    """A JSON-LD node whose property values nest *depth* objects deep."""
    return '{"@id": "urn:a", "urn:p": ' * depth + '"x"' + "}" * depth


@pytest.mark.parametrize("loader", LOADERS)
def test_deep_json_ld_is_refused_before_any_parser(loader: str, tmp_path: Path) -> None:
    deep = tmp_path / "deep.jsonld"
    deep.write_text(_nested(5000))  # 55 KB: enough to overflow Oxigraph's parser's stack
    with pytest.raises(StoreError, match=rf"deep\.jsonld: JSON nested more than {MAX_NESTING} deep"):
        LOADERS[loader](deep, tmp_path)
    arrays = tmp_path / "arrays.jsonld"
    arrays.write_text('{"@id": "urn:a", "urn:p": ' + "[" * 50_000 + '"x"' + "]" * 50_000 + "}")
    with pytest.raises(StoreError, match=r"arrays\.jsonld: JSON nested more than"):
        LOADERS[loader](arrays, tmp_path)
    fine = tmp_path / "fine.jsonld"
    fine.write_text(_nested(MAX_NESTING // 2))  # objects and their values: MAX_NESTING levels, still read
    assert LOADERS[loader](fine, tmp_path) == 2  # <urn:a> <urn:p> <urn:a>, <urn:a> <urn:p> "x"


def test_a_deep_json_ld_file_no_longer_kills_the_command(tmp_path: Path) -> None:
    deep = tmp_path / "deep.jsonld"
    deep.write_text(_nested(5000))
    result = subprocess.run([sys.executable, "-m", "diplograph", "query", "entities", "--graph", str(deep),
                             "--store", f"oxigraph:{tmp_path / 'store'}"], capture_output=True, text=True, env=ENV,
                            timeout=120)
    assert result.returncode == 7, result.stderr  # was -11: a segmentation fault
    assert f"{deep}: JSON nested more than {MAX_NESTING} deep" in result.stderr
    assert "Traceback" not in result.stderr
    assert not list((tmp_path / "store").glob("data-*"))


class _Listener(socketserver.TCPServer):
    allow_reuse_address = True


@pytest.fixture()
def listener() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on 127.0.0.1 that serves a JSON-LD context and records every request."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            body = json.dumps({"@context": {"name": "urn:from-the-network:name"}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/ld+json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = _Listener(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()


def _contexts(base: str, local: Path) -> dict[str, object]:
    return {
        "http": f"{base}/context.jsonld",
        "file": local.as_uri(),
        "relative": local.name,
        "list": [{"x": "urn:x"}, f"{base}/in-a-list.jsonld"],
        "import": {"@import": f"{base}/imported.jsonld"},
        "scoped": {"t": {"@id": "urn:t", "@context": f"{base}/scoped.jsonld"}},
    }


@pytest.mark.parametrize("loader", LOADERS)
def test_no_loader_follows_a_context_link(loader: str, tmp_path: Path, listener: tuple[str, list[str]]) -> None:
    base, hits = listener
    local = tmp_path / "context.jsonld"
    local.write_text(json.dumps({"@context": {"name": "urn:from-a-local-file:name"}}))
    for kind, context in _contexts(base, local).items():
        doc = tmp_path / f"{kind}.jsonld"
        doc.write_text(json.dumps({"@context": context, "@id": "urn:a", "name": "x"}))
        with pytest.raises(StoreError, match=rf"{kind}\.jsonld: the JSON-LD (@context refers to|context imports) "
                                             r"another document"):
            LOADERS[loader](doc, tmp_path)
    assert hits == []  # nothing was fetched
    inline = tmp_path / "inline.jsonld"
    inline.write_text(json.dumps({"@context": {"name": "urn:inline:name"}, "@id": "urn:a", "name": "x"}))
    assert LOADERS[loader](inline, tmp_path) == 1


def test_a_key_spelt_with_escapes_is_still_a_context(tmp_path: Path) -> None:
    doc = tmp_path / "escaped.jsonld"
    doc.write_text('{"@cont\\u0065xt": "file:///etc/passwd", "@id": "urn:a"}')
    with pytest.raises(StoreError, match=r"refers to another document .'file:///etc/passwd'"):
        check_graph_file(doc)
    value = tmp_path / "value.jsonld"  # the word as a value is no context
    value.write_text(json.dumps({"@id": "urn:a", "urn:p": "@context", "urn:q": {"@value": "@import"}}))
    assert check_graph_file(value) == "json-ld"


@pytest.mark.parametrize("loader", ["memory", "oxigraph"])
def test_a_literal_over_16_mib_is_a_clear_error(loader: str, tmp_path: Path) -> None:
    big = tmp_path / "big.nt"
    with big.open("w") as fh:
        fh.write('<urn:a> <urn:p> "' + "x" * (17 << 20) + '" .\n')
    with pytest.raises(StoreError, match=r"big\.nt: holds a term .* longer than 16 MiB"):
        LOADERS[loader](big, tmp_path)


def test_a_literal_over_16_mib_gives_no_traceback(tmp_path: Path) -> None:
    big = tmp_path / "big.nt"
    with big.open("w") as fh:
        fh.write('<urn:a> <urn:p> "' + "x" * (17 << 20) + '" .\n')
    result = subprocess.run([sys.executable, "-m", "diplograph", "query", "entities", "--graph", str(big),
                             "--store", f"oxigraph:{tmp_path / 'store'}"], capture_output=True, text=True, env=ENV,
                            timeout=120)
    assert result.returncode == 7
    assert "longer than 16 MiB" in result.stderr and "Traceback" not in result.stderr


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.nt"
    os.mkfifo(fifo)
    link = tmp_path / "zero.ttl"
    link.symlink_to("/dev/zero")
    folder = tmp_path / "folder.ttl"
    folder.mkdir()
    for path in (fifo, link, folder):
        with pytest.raises(StoreError, match="not a regular file"):
            check_graph_file(path)
        with pytest.raises(StoreError, match="not a regular file"):
            MemoryBackend().load([path])
    with pytest.raises(StoreError, match="graph file not found"):
        check_graph_file(tmp_path / "missing.ttl")
