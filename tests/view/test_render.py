"""The HTML file: self-contained, nothing from a CDN, every source string escaped."""

from __future__ import annotations

import json
import re
from typing import Any

import networkx as nx
import pytest

from diplograph.view import Page, render, view
from diplograph.view.render import script_json

from .conftest import HOSTILE_IMG, HOSTILE_SCRIPT, HOSTILE_TITLE


@pytest.fixture(scope="module")
def seed_page(kg: Any) -> Page:
    return view(kg.source)


def test_page_is_self_contained(seed_page: Page) -> None:
    html = seed_page.html
    assert "<script src" not in html and "<link" not in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    for host in ("cdn.jsdelivr.net", "cdnjs.cloudflare.com", "unpkg.com", "bootstrap"):
        assert host not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "vis-network" in html and "vis-timeline" in html  # the libraries are inlined
    # data, vis-timeline, vis-network, and the page's own labels, timeline and page scripts
    assert len(re.findall(r"^<script", html, re.M)) == 6


def test_script_json_cannot_close_the_element_and_reads_back() -> None:
    value = {"q": HOSTILE_SCRIPT, "i": HOSTILE_IMG, "amp": "a & b", "sep": "\u2028\u2029"}
    text = script_json(value)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == value


def test_hostile_strings_never_reach_the_html_raw(hostile: Any) -> None:
    graph, source = hostile
    page = render(graph, source, title=HOSTILE_TITLE)
    html = page.html
    for needle in ("<img src=x", "<script>window.__xss", "</title><script>"):
        assert needle not in html
    assert "&lt;/title&gt;&lt;script&gt;" in html  # the heading and <title> are escaped text
    data = html.split('id="diplograph-data">', 1)[1].split("</script>", 1)[0]
    payload = json.loads(data)
    assert payload["events"][next(iter(payload["events"]))]["quote"].startswith("قال </script>")


def test_repr_html_is_a_sandboxed_iframe(seed_page: Page) -> None:
    frame = seed_page._repr_html_()
    assert frame.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in frame
    inner = frame.split('srcdoc="', 1)[1].split('" sandbox', 1)[0]
    assert '"' not in inner and "<" not in inner


def test_save_writes_atomically(tmp_path: Any, seed_page: Page) -> None:
    (tmp_path / "sub").mkdir()  # an output's folder must exist: none is made outside the current folder
    out = seed_page.save(tmp_path / "sub" / "page.html")
    assert out.read_text(encoding="utf-8") == seed_page.html
    assert [p.name for p in out.parent.iterdir()] == ["page.html"]


def test_kg_view_delegates(kg: Any, persons: Any) -> None:
    page = kg.view("Putin", depth=1, size_by="strength")
    assert isinstance(page, Page)
    assert "around Vladimir Putin (depth 1)" in page.html
    ego = nx.ego_graph(persons, kg.resolve("Putin").iri, radius=1)
    assert (page.nodes, page.edges) == (ego.number_of_nodes(), ego.number_of_edges())
    assert page.nodes < persons.number_of_nodes()


def test_a_node_measured_at_no_number_is_an_error_not_a_null(hostile: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from diplograph.view import data

    graph, source = hostile
    real = data.centrality

    def broken(g: Any, measure: str) -> dict[Any, float]:
        values = dict(real(g, measure))
        values[sorted(values, key=str)[0]] = float("nan")
        return values

    monkeypatch.setattr(data, "centrality", broken)
    with pytest.raises(ValueError, match=r"node .*not finite \(nan\)"):
        render(graph, source)
