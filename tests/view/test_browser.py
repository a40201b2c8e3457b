"""The page in a real browser (Debian chromium through Playwright).

Each test opens a page written to a temporary folder and checks what a
reader sees: no console errors, no request leaving the file, the counts of
the projection, search, filters and the time slider, the details panel, and
that hostile strings stay text. Screenshots go to the test's folder and to
``screenshots/`` (git-ignored) for people to look at.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from diplograph.view import MAX_NODES, render, view

from .conftest import HOSTILE_IMG, HOSTILE_SCRIPT, HOSTILE_TITLE, Opened, synthetic

SET_RANGE = """([id, value]) => { const el = document.getElementById(id); el.value = value;
  el.dispatchEvent(new Event('input')); }"""
SET_BOX = """([sel, value]) => { const el = document.querySelector(sel); el.checked = value;
  el.dispatchEvent(new Event('change')); }"""


def _offline(opened: Opened) -> None:
    outside = [u for u in opened.requests if u != opened.url and not u.startswith("data:")]
    assert outside == [], f"requests outside the file: {outside}"
    assert opened.errors == [], f"console errors: {opened.errors}"


def _tie_years(when: str | None) -> set[int] | None:
    """The years of a tie's term ("2017/2021") or attested date ("2025-02-13")."""
    if not when:
        return None
    first, _, last = when.partition("/")
    return set(range(int(first[:4]), int((last or first)[:4]) + 1))


def _visible_after(persons: nx.Graph, keep_event: Any, keep_tie: Any = lambda years: True) -> tuple[int, int]:
    """Nodes and edges a filter should leave: edges with an event or a tie kept, their ends, and lone nodes."""
    edges = [(u, v) for u, v, d in persons.edges(data=True)
             if any(keep_event(k, dt, p) for k, dt, p in zip(d["kinds"], d["dates"], d["planned"], strict=True))
             or any(keep_tie(_tie_years(w)) for w in d["tie_dates"])]
    nodes = {n for e in edges for n in e} | {n for n in persons if persons.degree(n) == 0}
    return len(nodes), len(edges)


@pytest.fixture(scope="module")
def seed_file(kg: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return view(kg.source).save(tmp_path_factory.mktemp("page") / "diplograph.html")


def test_seed_page_offline_without_errors_and_counts_equal_projection(
        open_page: Any, seed_file: Path, persons: nx.Graph, tmp_path: Path) -> None:
    opened = open_page(seed_file)
    _offline(opened)
    counts = opened.js("""() => { const n = window.diplograph.network;
        return {data_nodes: n.body.data.nodes.length, data_edges: n.body.data.edges.length,
                drawn_nodes: Object.keys(n.getPositions()).length,
                drawn_edges: n.body.edgeIndices.length}; }""")
    expected_n, expected_e = persons.number_of_nodes(), persons.number_of_edges()
    assert counts == {"data_nodes": expected_n, "data_edges": expected_e,
                      "drawn_nodes": expected_n, "drawn_edges": expected_e}
    assert opened.visible() == {"nodes": expected_n, "edges": expected_e}
    # physics settled, then stopped
    assert opened.js("window.diplograph.network.physics.physicsEnabled") is False
    # legend lists the node types and contact kinds present
    legend = opened.page.inner_text("aside")
    for word in ("person", "phone call", "indirect contact", "planned (dashed)"):
        assert word in legend
    opened.screenshot(tmp_path, "view-persons")


def test_search_by_arabic_and_english_name(open_page: Any, seed_file: Path, kg: Any, persons: nx.Graph) -> None:
    opened = open_page(seed_file)
    putin = kg.resolve("Putin").iri
    ego = nx.ego_graph(persons, putin, radius=1)
    star_edges = persons.degree(putin)
    for query in ("بوتين", "فيلاديمير  بوتين", "PUTIN", "بُوتين"):
        opened.page.fill("#search", query)
        assert opened.visible() == {"nodes": ego.number_of_nodes(), "edges": star_edges}, query
        assert opened.js("window.diplograph.network.getSelectedNodes()") == [putin]
    opened.page.fill("#search", "ترمب")  # an alias spelling, not the label
    assert opened.js("window.diplograph.network.getSelectedNodes()") == [kg.resolve("Trump").iri]
    opened.page.fill("#search", "فلاديمير")  # Putin, and Zelensky under one of his Arabic spellings
    assert sorted(opened.js("window.diplograph.network.getSelectedNodes()")) == sorted(
        [putin, kg.resolve("Zelensky").iri])
    opened.page.fill("#search", "no such person")
    assert opened.visible() == {"nodes": 0, "edges": 0}
    assert opened.page.inner_text("#search-result") == "no match"
    opened.page.click("#reset")
    assert opened.visible() == {"nodes": persons.number_of_nodes(), "edges": persons.number_of_edges()}
    _offline(opened)


def test_kind_filter_hides_edges_of_that_kind(open_page: Any, seed_file: Path, persons: nx.Graph,
                                              tmp_path: Path) -> None:
    opened = open_page(seed_file)
    hidden: set[str] = set()
    for kind in ("phoneCall", "indirectContact", "talks"):
        opened.js(SET_BOX, [f'input[data-kind="{kind}"]', False])
        hidden.add(kind)
        expected = _visible_after(persons, lambda k, d, p: k not in hidden)
        assert opened.visible() == {"nodes": expected[0], "edges": expected[1]}, kind
    assert expected[1] < persons.number_of_edges() - 3
    for kind in hidden:
        opened.js(SET_BOX, [f'input[data-kind="{kind}"]', True])
    assert opened.visible() == {"nodes": persons.number_of_nodes(), "edges": persons.number_of_edges()}
    opened.js(SET_BOX, ['input[data-kind="__planned"]', False])
    expected = _visible_after(persons, lambda k, d, p: not p)
    assert opened.visible() == {"nodes": expected[0], "edges": expected[1]}
    opened.js(SET_BOX, ['input[data-kind="tie"]', False])
    expected = _visible_after(persons, lambda k, d, p: not p, lambda years: False)
    assert opened.visible() == {"nodes": expected[0], "edges": expected[1]}
    opened.screenshot(tmp_path, "view-no-planned")
    _offline(opened)


def test_year_slider_limits_events_to_the_range(open_page: Any, seed_file: Path, persons: nx.Graph,
                                                tmp_path: Path) -> None:
    opened = open_page(seed_file)
    opened.js(SET_BOX, ["#undated", False])
    expected = _visible_after(persons, lambda k, d, p: d is not None, lambda years: years is not None)
    assert opened.visible() == {"nodes": expected[0], "edges": expected[1]}
    for lo, hi in ((2017, 2018), (2025, 2025), (2019, 2022)):
        opened.js(SET_RANGE, ["year-from", lo])
        opened.js(SET_RANGE, ["year-to", hi])
        expected = _visible_after(persons, lambda k, d, p, lo=lo, hi=hi: d is not None and lo <= int(d[:4]) <= hi,
                                  lambda years, lo=lo, hi=hi: bool(years) and bool(years & set(range(lo, hi + 1))))
        assert opened.visible() == {"nodes": expected[0], "edges": expected[1]}, (lo, hi)
        label = str(lo) if lo == hi else f"{lo}–{hi}"
        assert opened.page.inner_text("#year-label") == label
    opened.screenshot(tmp_path, "view-2019-2022")
    _offline(opened)


def test_click_on_a_node_shows_its_contacts_with_quotes(open_page: Any, seed_file: Path, kg: Any,
                                                       tmp_path: Path) -> None:
    opened = open_page(seed_file)
    putin = kg.resolve("Putin").iri
    x, y = opened.js("""(id) => { const n = window.diplograph.network;
        const p = n.canvasToDOM(n.getPositions([id])[id]);
        const r = document.getElementById('graph').getBoundingClientRect();
        return [p.x + r.left, p.y + r.top]; }""", putin)
    opened.page.mouse.click(x, y)
    panel = opened.page.inner_text("#details")
    assert panel.startswith("Vladimir Putin") and "فلاديمير بوتين" in panel
    n_events = len({e for _, _, d in kg_persons_edges(kg, putin) for e in d})
    assert f"Contacts ({n_events})" in panel
    for text in ("2018-07-16 (precision: day)", "Helsinki", "هلسنكي", "summit", "Source:",
                 "بعد انقطاع 36 شهرًا"):
        assert text in panel, text
    quote = opened.js("document.querySelector('#details blockquote').getAttribute('dir')")
    assert quote == "rtl"
    opened.screenshot(tmp_path, "view-details-putin")
    _offline(opened)


def kg_persons_edges(kg: Any, iri: str) -> list[tuple[str, str, list[str]]]:
    from diplograph.view import project

    g = project(kg.source, "persons", indirect=True, planned=True, institutional=True, since=None, until=None)
    return [(u, v, d["events"]) for u, v, d in g.edges(iri, data=True)]


def test_hostile_strings_show_as_text_and_never_run(open_page: Any, hostile: Any, tmp_path: Path) -> None:
    graph, source = hostile
    path = render(graph, source, title=HOSTILE_TITLE).save(tmp_path / "hostile.html")
    opened = open_page(path)
    ids = sorted(graph)
    for node in ids:
        opened.js("(id) => window.diplograph.showNode(id)", node)
        panel = opened.page.inner_text("#details")
        assert HOSTILE_IMG in panel and HOSTILE_SCRIPT in panel
    opened.js("() => window.diplograph.showEdge('e0')")
    # hover a node so its tooltip is built and shown
    x, y = opened.js("""(id) => { const n = window.diplograph.network;
        const p = n.canvasToDOM(n.getPositions([id])[id]);
        const r = document.getElementById('graph').getBoundingClientRect();
        return [p.x + r.left, p.y + r.top]; }""", ids[0])
    opened.page.mouse.move(x, y)
    time.sleep(0.6)
    opened.page.fill("#search", "<img")
    assert opened.js("window.__xss === undefined") is True
    assert opened.dialogs == []
    assert opened.page.title() == HOSTILE_TITLE
    assert opened.page.inner_text("h1") == HOSTILE_TITLE
    assert opened.js("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert opened.js("document.querySelectorAll('script').length") == 3
    opened.page.fill("#search", "")
    opened.js("() => window.diplograph.showEdge('e0')")
    opened.screenshot(tmp_path, "view-hostile")
    _offline(opened)


def test_large_graph_shows_the_most_connected_with_a_bilingual_banner(open_page: Any, tmp_path: Path) -> None:
    g = synthetic(10_000)
    started = time.monotonic()
    page = render(g)
    rendered = time.monotonic() - started
    path = page.save(tmp_path / "large.html")
    started = time.monotonic()
    opened = open_page(path)
    loaded = time.monotonic() - started
    _offline(opened)
    assert opened.js("window.diplograph.data.meta.physics") is False
    assert opened.visible() == {"nodes": MAX_NODES, "edges": page.edges}
    # the network is drawn: a canvas the size of its box, with something painted on it
    assert opened.js("document.querySelectorAll('#graph canvas').length") == 1
    assert opened.js("(() => { const c = document.querySelector('#graph canvas'); return c.width > 400 && "
                     "c.height > 400; })()") is True
    assert opened.js("window.diplograph.state.ready") is True
    assert opened.page.is_visible("#banner") and not opened.page.is_visible("#notice")
    en = opened.page.inner_text("#banner-en")
    assert en.startswith(f"Showing the {MAX_NODES} most connected of 10,000 actors (ranked by degree)")
    ar = opened.page.locator("#banner-ar")
    assert ar.is_visible() and "من أصل 10,000" in ar.inner_text()
    assert opened.js("getComputedStyle(document.getElementById('banner-ar')).direction") == "rtl"
    codes = opened.page.locator("#banner-hints code").all_inner_texts()
    assert "diplograph view --graph FILE --all" in codes and "kg.view(max_nodes=None)" in codes
    assert any(c.startswith("diplograph view --graph FILE --around ") for c in codes)
    assert all(opened.js(f"getComputedStyle(document.querySelectorAll('#banner-hints code')[{i}]).direction")
               == "ltr" for i in range(len(codes)))
    opened.screenshot(tmp_path, "view-large")
    opened.page.click("#banner-close")
    assert not opened.page.is_visible("#banner")
    _offline(opened)
    print(f"10,000-node graph: page of {MAX_NODES} nodes rendered in Python in {rendered:.2f} s, "
          f"displayed in {loaded:.1f} s")


def test_mixed_arabic_latin_labels_screenshot(open_page: Any, tmp_path: Path) -> None:
    g = nx.Graph(options={"network": "persons"})
    g.add_node("a", label="Putin (بوتين) 2022", label_ar="بوتين (Putin) 2022", type="person")
    g.add_node("b", label="Mohammed bin Salman", label_ar="محمد بن سلمان", type="person")
    g.add_node("c", label="الكرملين", label_ar="الكرملين", type="organisation")
    g.add_edge("a", "b", events=["x"], kinds=["phoneCall"], dates=["2022-03-01"], planned=[False], count=1,
               weight=1.0, kind="phoneCall", ties=[], first="2022-03-01", last="2022-03-01")
    g.add_edge("a", "c", events=["y"], kinds=["talks"], dates=["2022"], planned=[True], count=1, weight=1.0,
               kind="talks", ties=[], first="2022", last="2022")
    path = render(g, title="بوتين (Putin) 2022").save(tmp_path / "mixed.html")
    opened = open_page(path, width=1000, height=600)
    _offline(opened)
    opened.js("() => window.diplograph.showNode('a')")
    assert opened.js("document.querySelector('#details .name-ar bdi').getAttribute('dir')") == "rtl"
    # the Arabic line of the canvas label sits inside a first-strong isolate
    assert opened.js("window.diplograph.nodes.get('a').label") == "Putin (بوتين) 2022\n\u2068بوتين (Putin) 2022\u2069"
    opened.screenshot(tmp_path, "view-mixed-labels")


def test_jupyter_iframe_shows_the_page_inline(browser: Any, kg: Any, persons: nx.Graph, tmp_path: Path) -> None:
    page_obj = kg.view()
    wrapper = tmp_path / "notebook.html"
    wrapper.write_text(f"<!DOCTYPE html><html><body><h1>notebook</h1>{page_obj._repr_html_()}</body></html>",
                       encoding="utf-8")
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    try:
        page = context.new_page()
        errors: list[str] = []
        requests: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("request", lambda r: requests.append(r.url))
        page.goto(wrapper.as_uri())
        deadline = time.monotonic() + 60
        while True:
            frames = [f for f in page.frames if f != page.main_frame]
            if frames and frames[0].evaluate("!!(window.diplograph && window.diplograph.state.stabilized)"):
                break
            assert time.monotonic() < deadline, f"the inline page did not settle: {errors}"
            time.sleep(0.1)
        assert frames[0].evaluate("window.diplograph.visible()") == {
            "nodes": persons.number_of_nodes(), "edges": persons.number_of_edges()}
        assert errors == []
        assert [u for u in requests if u not in (wrapper.as_uri(), "about:srcdoc")] == []
        page.screenshot(path=str(tmp_path / "notebook.png"))
    finally:
        context.close()
