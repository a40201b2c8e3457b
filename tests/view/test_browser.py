"""The page in a real browser (Debian chromium through Playwright).

Each test opens a page written to a temporary folder and checks what a
reader sees: no console errors, no request leaving the file, the counts of
the projection, search, filters and the time slider, the details panel, and
that hostile strings stay text. Screenshots go to the test's folder and to
``screenshots/`` (git-ignored) for people to look at.
"""

from __future__ import annotations

import json
import math
import re
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


def page_json(path: Path) -> dict[str, Any]:
    """The data a page file carries (what its script reads)."""
    text = path.read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="diplograph-data">(.*?)</script>', text, re.S)
    assert found
    result: dict[str, Any] = json.loads(found.group(1))
    return result


class Spec:
    """What the page should show under a filter, worked out here from the page's data (not by its script)."""

    def __init__(self, data: dict[str, Any], kinds: frozenset[str] = frozenset(), planned: bool = True,
                 years: tuple[int, int] | None = None, undated: bool = True, ties: bool = True):
        self.data, self.kinds, self.planned, self.years, self.undated, self.ties = (
            data, kinds, planned, years, undated, ties)

    def event(self, iri: str) -> bool:
        ev = self.data["events"][iri]
        if ev["kind"] in self.kinds or (ev["planned"] and not self.planned):
            return False
        if self.years is None:
            return True
        if ev["year"] is None:
            return self.undated
        return self.years[0] <= ev["year"] <= self.years[1]

    def tie(self, t: dict[str, Any]) -> bool:
        if not self.ties:
            return False
        if self.years is None:
            return True
        if t["years"] is None:
            return self.undated
        return t["years"][0] <= self.years[1] and t["years"][1] >= self.years[0]

    def passing(self, edge: dict[str, Any]) -> list[str]:
        return [e for e in edge["events"] if self.event(e)]

    def edge_shown(self, edge: dict[str, Any]) -> bool:
        return bool(self.passing(edge)) or any(self.tie(t) for t in edge["ties"])

    def label(self, edge: dict[str, Any]) -> str:
        """The edge's label: the date of its one contact, or its years and count (undated ones said apart)."""
        evs = self.passing(edge)
        dated = sorted(self.data["events"][e]["date"] for e in evs if self.data["events"][e]["date"])
        if len(evs) == 1:
            return self.data["events"][evs[0]]["date_text"] if dated else ""
        if not evs:
            return ""
        if not dated:
            return f"×{len(evs)} undated"
        span = dated[0][:4] if dated[0][:4] == dated[-1][:4] else f"{dated[0][:4]}–{dated[-1][:4]}"
        rest = len(evs) - len(dated)
        return f"{span} ×{len(dated)}" + (f", {rest} undated" if rest else "")

    def width(self, edge: dict[str, Any]) -> float:
        n = len(self.passing(edge)) or len([t for t in edge["ties"] if self.tie(t)])
        return 1.5 + 1.8 * math.log2(max(n, 1))

    def shown(self) -> dict[str, int]:
        edges = [e for e in self.data["edges"] if self.edge_shown(e)]
        ends = {n for e in edges for n in (e["from"], e["to"])}
        linked = {n for e in self.data["edges"] for n in (e["from"], e["to"])}
        lone = {n["id"] for n in self.data["nodes"] if n["id"] not in linked}
        events = {i for e in edges for i in self.passing(e)}
        return {"nodes": len(ends | lone), "edges": len(edges), "events": len(events)}


SHOW_COUNTS = """() => { const d = window.diplograph; return Object.assign({}, d.state.counts); }"""
EDGE_STATE = """(id) => { const d = window.diplograph, e = d.edges.get(id);
  return {label: d.edgeLabel(id), width: e.width, hidden: !!e.hidden, color: e.color.color}; }"""


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
    # drawn with physics off, at the positions the page carries
    assert opened.js("window.diplograph.network.physics.physicsEnabled") is False
    opened.screenshot(tmp_path, "view-persons")


@pytest.fixture(scope="module")
def seed_data(seed_file: Path) -> dict[str, Any]:
    return page_json(seed_file)


def _edge(data: dict[str, Any], kg: Any, a: str, b: str) -> dict[str, Any]:
    ia, ib = kg.resolve(a).iri, kg.resolve(b).iri
    return next(e for e in data["edges"] if {e["from"], e["to"]} == {ia, ib})


def _check_everything(opened: Opened, spec: Spec, kg: Any, tmp_path: Path, name: str) -> None:
    """Labels, widths, visibility, header counts and the panel of the Trump–Putin edge, as the spec says."""
    data = spec.data
    for edge in data["edges"]:
        state = opened.js(EDGE_STATE, edge["id"])
        assert state["hidden"] is not spec.edge_shown(edge), (name, edge["id"])
        if spec.edge_shown(edge) and edge["events"]:
            assert state["label"] == spec.label(edge), (name, edge["id"])
            assert state["width"] == pytest.approx(spec.width(edge)), (name, edge["id"])
    shown = spec.shown()
    assert opened.js(SHOW_COUNTS) == shown, name
    header = opened.page.inner_text("#counts")
    assert f"{shown['nodes']} of {len(data['nodes'])} actors" in header
    assert f"{shown['events']} of {len(data['events'])} contacts and plans" in header
    story = _edge(data, kg, "Trump", "Putin")
    if spec.edge_shown(story):
        opened.js("(id) => window.diplograph.showEdge(id)", story["id"])
        panel = opened.page.inner_text("#details")
        passing = spec.passing(story)
        hidden = len(story["events"]) - len(passing)
        assert f"Contacts ({len(passing)}" + (f" of {len(story['events'])})" if hidden else ")") in panel, name
        cards = opened.js("document.querySelectorAll('#details li.event').length")
        assert cards == len(passing), name
        for iri in story["events"]:
            present = opened.js("(id) => !!document.querySelector(`#details li.event[data-event=\"${id}\"]`)", iri)
            assert present is (iri in passing), (name, iri)
    opened.screenshot(tmp_path, name)


def test_year_filter_reaches_labels_widths_panel_and_counts(open_page: Any, seed_file: Path, seed_data: Any, kg: Any,
                                                           tmp_path: Path) -> None:
    opened = open_page(seed_file)
    story = _edge(seed_data, kg, "Trump", "Putin")
    assert opened.js(EDGE_STATE, story["id"])["label"] == "2017–2025 ×7, 3 undated"
    opened.js(SET_RANGE, ["year-from", 2022])
    opened.js(SET_RANGE, ["year-to", 2025])
    assert opened.page.inner_text("#year-label") == "2022–2025"
    spec = Spec(seed_data, years=(2022, 2025))
    assert spec.label(story) == "2025 ×1, 3 undated"
    _check_everything(opened, spec, kg, tmp_path, "view-filter-years-2022-2025")
    assert "· 2022–2025" in opened.page.inner_text("#counts")
    _offline(opened)


def test_undated_filter_hides_undated_contacts_everywhere(open_page: Any, seed_file: Path, seed_data: Any, kg: Any,
                                                          tmp_path: Path) -> None:
    opened = open_page(seed_file)
    opened.js(SET_BOX, ["#undated", False])
    spec = Spec(seed_data, years=tuple(seed_data["meta"]["years"]), undated=False)
    assert spec.label(_edge(seed_data, kg, "Trump", "Putin")) == "2017–2025 ×7"
    _check_everything(opened, spec, kg, tmp_path, "view-filter-undated")
    opened.js(SET_RANGE, ["year-from", 2022])
    spec = Spec(seed_data, years=(2022, seed_data["meta"]["years"][1]), undated=False)
    assert spec.label(_edge(seed_data, kg, "Trump", "Putin")) == "13 Feb 2025"
    _check_everything(opened, spec, kg, tmp_path, "view-filter-dated-2022-on")
    _offline(opened)


def test_kind_filter_hides_the_events_of_that_kind(open_page: Any, seed_file: Path, seed_data: Any, kg: Any,
                                                   tmp_path: Path) -> None:
    opened = open_page(seed_file)
    story = _edge(seed_data, kg, "Trump", "Putin")
    before = opened.js(EDGE_STATE, story["id"])
    opened.js(SET_BOX, ['input[data-kind="phoneCall"]', False])
    spec = Spec(seed_data, kinds=frozenset({"phoneCall"}))
    after = opened.js(EDGE_STATE, story["id"])
    assert after["label"] == spec.label(story) == "2017–2018 ×3, 3 undated"
    assert after["width"] < before["width"]
    # the edge's colour follows the kinds left: no longer that of phone calls
    assert before["color"] == seed_data["legend"]["kinds"]["phoneCall"]["color"] != after["color"]
    _check_everything(opened, spec, kg, tmp_path, "view-filter-no-phone-calls")
    panel = opened.page.inner_text("#details")
    assert "phone call" not in panel.split("Contacts (", 1)[1]
    # an edge whose every event is filtered out (and has no tie) disappears
    for kind in ("talks", "indirectContact"):
        opened.js(SET_BOX, [f'input[data-kind="{kind}"]', False])
    spec = Spec(seed_data, kinds=frozenset({"phoneCall", "talks", "indirectContact"}))
    gone = [e for e in seed_data["edges"] if e["events"] and not spec.edge_shown(e)]
    assert gone and all(opened.js(EDGE_STATE, e["id"])["hidden"] for e in gone)
    _check_everything(opened, spec, kg, tmp_path, "view-filter-three-kinds-off")
    _offline(opened)


def test_planned_and_tie_filters(open_page: Any, seed_file: Path, seed_data: Any, kg: Any, tmp_path: Path) -> None:
    opened = open_page(seed_file)
    opened.js(SET_BOX, ['input[data-kind="__planned"]', False])
    spec = Spec(seed_data, planned=False)
    assert spec.label(_edge(seed_data, kg, "Trump", "Putin")) == "2017–2025 ×7"
    _check_everything(opened, spec, kg, tmp_path, "view-filter-no-planned")
    opened.js(SET_BOX, ['input[data-kind="tie"]', False])
    spec = Spec(seed_data, planned=False, ties=False)
    tie_only = [e for e in seed_data["edges"] if not e["events"]]
    assert tie_only and all(opened.js(EDGE_STATE, e["id"])["hidden"] for e in tie_only)
    _check_everything(opened, spec, kg, tmp_path, "view-filter-no-planned-no-ties")
    opened.page.click("#reset")
    _check_everything(opened, Spec(seed_data), kg, tmp_path, "view-filter-reset")
    _offline(opened)


def test_search_selects_the_name_and_opens_its_panel(open_page: Any, seed_file: Path, kg: Any, persons: nx.Graph,
                                                     tmp_path: Path) -> None:
    opened = open_page(seed_file)
    putin = kg.resolve("Putin").iri
    ego = nx.ego_graph(persons, putin, radius=1)
    for query in ("بوتين", "فيلاديمير  بوتين", "PUTIN", "بُوتين"):
        opened.page.fill("#search", query)
        assert opened.visible() == {"nodes": ego.number_of_nodes(), "edges": persons.degree(putin)}, query
        assert opened.js("window.diplograph.network.getSelectedNodes()") == [putin]
        assert opened.page.inner_text("#details h2") == "Vladimir Putin"
        assert opened.js("window.diplograph.state.selection.actors") == [putin]
    assert f"Showing {ego.number_of_nodes()} of" in opened.page.inner_text("#counts")
    opened.screenshot(tmp_path, "view-search-putin")
    opened.page.fill("#search", "ترمب")  # an alias spelling, not the label
    assert opened.js("window.diplograph.network.getSelectedNodes()") == [kg.resolve("Trump").iri]
    assert opened.page.inner_text("#details h2") == "Donald Trump"
    opened.page.fill("#search", "فلاديمير")  # Putin, and Zelensky under one of his Arabic spellings
    assert sorted(opened.js("window.diplograph.network.getSelectedNodes()")) == sorted(
        [putin, kg.resolve("Zelensky").iri])
    # no match: the graph is left as it was, and the page says so
    opened.page.fill("#search", "no such person")
    assert opened.visible() == {"nodes": persons.number_of_nodes(), "edges": persons.number_of_edges()}
    assert opened.page.inner_text("#search-result").startswith("no match")
    assert opened.js("window.diplograph.labeller.boxes().length") > 0
    opened.screenshot(tmp_path, "view-search-no-match")
    opened.page.click("#reset")
    assert opened.visible() == {"nodes": persons.number_of_nodes(), "edges": persons.number_of_edges()}
    _offline(opened)


def test_click_on_a_node_shows_its_contacts_with_quotes_and_words(open_page: Any, seed_file: Path, kg: Any,
                                                                 tmp_path: Path) -> None:
    opened = open_page(seed_file)
    putin = kg.resolve("Putin").iri
    x, y = opened.js(NODE_XY, putin)
    opened.page.mouse.click(x, y)
    panel = opened.page.inner_text("#details")
    assert panel.startswith("Vladimir Putin") and "فلاديمير بوتين" in panel
    n_events = len({e for _, _, d in kg_persons_edges(kg, putin) for e in d})
    assert f"Contacts ({n_events})" in panel
    for text in ("16 Jul 2018", "precision: day", "Helsinki", "هلسنكي", "bilateral summit", "قمة ثنائية", "Source:",
                 "بعد انقطاع 36 شهرًا", "degree centrality", "the share of the other nodes it is linked to",
                 "planned (", "invited", "alleged"):
        assert text in panel, text
    total = len(opened.js("window.diplograph.data.nodes"))
    degree = len(list(kg_persons_edges(kg, putin)))
    assert re.search(rf"ranked \d+ of {total}\b", panel) and f"(linked to {degree} of the {total - 1} others)" in panel
    for raw in ("phoneCall", "bilateralSummit", "indirectContact", "availableInformation", "precisionDay"):
        assert raw not in panel, raw
    assert opened.js("document.querySelector('#details blockquote').getAttribute('dir')") == "rtl"
    opened.screenshot(tmp_path, "view-details-putin")
    _offline(opened)


NODE_XY = """(id) => { const n = window.diplograph.network;
    const p = n.canvasToDOM(n.getPositions([id])[id]);
    const r = document.getElementById('graph').getBoundingClientRect();
    return [p.x + r.left, p.y + r.top]; }"""


def kg_persons_edges(kg: Any, iri: str) -> list[tuple[str, str, list[str]]]:
    from diplograph.view import project

    g = project(kg.source, "persons", indirect=True, planned=True, institutional=True, since=None, until=None)
    return [(u, v, d["events"]) for u, v, d in g.edges(iri, data=True)]


def test_selected_edges_keep_their_kind_colours(open_page: Any, seed_file: Path, seed_data: Any, kg: Any) -> None:
    opened = open_page(seed_file)
    story = _edge(seed_data, kg, "Trump", "Putin")
    opened.js("(id) => window.diplograph.network.selectEdges([id])", story["id"])
    color = opened.js("(id) => window.diplograph.edges.get(id).color", story["id"])
    assert color["highlight"] == color["color"] == seed_data["legend"]["kinds"]["phoneCall"]["color"]


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
    assert opened.js("document.querySelectorAll('script').length") == 6
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
    lines = opened.js("window.diplograph.labeller.nodeLines('a').map(l => l.text)")
    # and a date or a year in it inside a left-to-right isolate, so that "2025-02-13" is not drawn "13-02-2025"
    assert lines == ["Putin (بوتين) 2022", "\u2068بوتين (Putin) \u20662022\u2069\u2069"]
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
            if frames and frames[0].evaluate("!!(window.diplograph && window.diplograph.state.ready)"):
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
