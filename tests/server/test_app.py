"""The endpoint in-process: CORS only when asked for; the graph page link only when the page exists."""

from __future__ import annotations

from pathlib import Path

from starlette.testclient import TestClient

from diplograph.bundled import GRAPH_FILE, ONTOLOGY_FILE
from diplograph.server.app import ServerConfig, create_app


def test_cors_when_asked_and_graph_page(tmp_path: Path) -> None:
    page = tmp_path / "diplograph.html"
    page.write_text("<!DOCTYPE html><title>graph</title>")
    config = ServerConfig(files=[GRAPH_FILE, ONTOLOGY_FILE], workers=1, timeout=5, cors=True, graph_page=page)
    with TestClient(create_app(config), base_url="http://127.0.0.1") as client:
        r = client.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "http://example.org"})
        assert r.status_code == 200
        assert r.headers["access-control-allow-origin"] == "*"
        assert 'href="graph/diplograph.html"' in client.get("/").text
        assert client.get("/graph/diplograph.html").text.startswith("<!DOCTYPE html>")


def test_no_graph_link_without_the_page(tmp_path: Path) -> None:
    config = ServerConfig(files=[GRAPH_FILE, ONTOLOGY_FILE], workers=1, graph_page=tmp_path / "missing.html")
    with TestClient(create_app(config), base_url="http://127.0.0.1") as client:
        assert "graph/diplograph.html" not in client.get("/").text
        assert client.get("/graph/diplograph.html").status_code == 404
