"""The timeline: its data (Python) and the page (real Chromium), alone and as the network page's second view."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from diplograph.cli import main
from diplograph.errors import InvalidArgumentError, NoAnswerError, UnknownEntityError
from diplograph.records import ActorRef, ContactRecord, Evidence, SourceRef
from diplograph.registry import Entity, NameIndex
from diplograph.view import timeline_page, view
from diplograph.view.timeline import pair_key, timeline_data

from .conftest import ID, HostileSource, Opened

ITEMS = """() => Array.from(document.querySelectorAll(
  '#timeline .vis-item.vis-box, #timeline .vis-item.vis-range'))
  .map(el => ({text: el.innerText.trim(), planned: el.classList.contains('planned'),
               box: el.classList.contains('vis-box'), range: el.classList.contains('vis-range'),
               precision: Array.from(el.classList).filter(c => c.startsWith('p-'))[0]}))"""
GAPS = """() => Array.from(document.querySelectorAll('#timeline .vis-item.vis-background.gap'))
  .map(el => ({text: el.innerText.trim(), longest: el.classList.contains('longest'),
               width: el.getBoundingClientRect().width}))"""


def _wait(opened: Opened) -> None:
    deadline = time.monotonic() + 20
    while not opened.js("document.querySelectorAll('#timeline .vis-item').length > 0"):
        assert time.monotonic() < deadline, opened.errors
        time.sleep(0.1)
    time.sleep(0.3)


# -- the data --

def test_the_timeline_of_a_pair_carries_every_contact_and_plan_and_the_gaps_of_kg_gaps(kg: Any) -> None:
    data = timeline_data(kg.source, "Trump", "Putin")
    events = data["events"]
    held = [e for e in events.values() if not e["planned"]]
    assert len(held) == 7 and sum(e["planned"] for e in events.values()) == 3
    assert {c.iri for c in kg.timeline("Trump", "Putin")} == set(events)
    key = pair_key(kg.resolve("Trump").iri, kg.resolve("Putin").iri)
    assert [(g["start"], g["end"], g["days"], g["months"]) for g in data["gaps"][key]] == [
        (g.start, g.end, g.days, g.months) for g in kg.gaps("Trump", "Putin")]
    assert all(e["span"] for e in held) and held[0]["span"] == ["2017-07-07", "2017-07-08"]


def test_a_pair_of_institutions_shows_the_contacts_its_gaps_count(kg: Any) -> None:
    data = timeline_data(kg.source, "White House", "Kremlin")
    rhythm = kg.rhythm("White House", "Kremlin")
    assert set(rhythm.contacts) <= set(data["events"])
    key = pair_key(kg.resolve("White House").iri, kg.resolve("Kremlin").iri)
    assert data["gaps"][key][0]["months"] == 36 and data["gaps"][key][0]["start"] == "2022-02-12"


def test_one_actor_has_a_row_of_gaps_per_counterpart(kg: Any) -> None:
    data = timeline_data(kg.source, "Putin")
    putin, trump = kg.resolve("Putin").iri, kg.resolve("Trump").iri
    assert pair_key(putin, trump) in data["gaps"] and all(putin in k.split() for k in data["gaps"])
    assert {c.iri for c in kg.timeline("Putin")} == set(data["events"])


def test_bad_timelines_are_clear_errors(kg: Any) -> None:
    with pytest.raises(UnknownEntityError):
        timeline_data(kg.source, "Nobody At All")
    with pytest.raises(NoAnswerError, match="no contact or plan of"):
        timeline_data(kg.source, "Sayed Mohamed")
    with pytest.raises(InvalidArgumentError, match="one actor or a pair"):
        view(kg.source, timeline=["Trump", "Putin", "Biden"])
    with pytest.raises(InvalidArgumentError, match="no --since"):
        view(kg.source, timeline="Trump", since=2019)
    with pytest.raises(InvalidArgumentError, match="drawn alone"):
        view(kg.source, timeline="Trump", around="Putin")


def test_kg_view_and_the_command_draw_the_timeline_alone(kg: Any, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    page = kg.view(timeline=("Trump", kg.resolve("Putin")))
    assert page.nodes == 0 and page.events == 10 and '"mode":"timeline"' in page.html
    out = tmp_path / "tl.html"
    assert main(["view", "--timeline", "ترامب", "Putin", "-o", str(out)]) == 0
    assert "timeline of 10 contacts and plans" in capsys.readouterr().out
    assert '"mode":"timeline"' in out.read_text(encoding="utf-8")
    assert main(["view", "--timeline", "Nobody At All", "-o", str(tmp_path / "x.html")]) == 4
    with pytest.raises(SystemExit) as exc:
        main(["view", "--timeline", "a", "b", "c", "-o", str(tmp_path / "y.html")])
    assert exc.value.code == 2
    assert not (tmp_path / "x.html").exists() and not (tmp_path / "y.html").exists()


# -- in the browser --

@pytest.fixture(scope="module")
def pair_file(kg: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return timeline_page(kg.source, "Trump", "Putin").save(tmp_path_factory.mktemp("tl") / "trump-putin.html")


@pytest.mark.parametrize("size", [(1400, 900), (1024, 700)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_trump_putin_shows_seven_contacts_the_plans_apart_and_the_longest_gap(
        open_page: Any, pair_file: Path, kg: Any, size: tuple[int, int], tmp_path: Path) -> None:
    opened = open_page(pair_file, width=size[0], height=size[1])
    _wait(opened)
    items = opened.js(ITEMS)
    held = [i for i in items if not i["planned"]]
    assert len(held) == 7 and all(i["box"] and i["precision"] == "p-day" for i in held)
    assert {i["text"] for i in held} == {"phone call", "sidelines meeting", "bilateral summit"}
    # the three plans of the seed are undated: listed apart, under the axis, each as a plan
    undated = opened.page.locator("#undated-list button.planned").all_inner_texts()
    assert len(undated) == 3 and all(t.startswith("planned ") for t in undated)
    longest = kg.gaps("Trump", "Putin")[0]
    gaps = opened.js(GAPS)
    assert len(gaps) == len(kg.gaps("Trump", "Putin"))
    top = [g for g in gaps if g["longest"]]
    assert [g["text"] for g in top] == [f"{longest.months} months without a direct contact"]
    assert top[0]["width"] > max(g["width"] for g in gaps if not g["longest"])
    head = opened.page.inner_text("#timeline-head")
    assert "7 contacts that took place, 3 planned, 3 undated" in head and "55 months (3 Jul 2020 – 13 Feb 2025)" in head
    assert opened.errors == []
    opened.screenshot(tmp_path, f"timeline-trump-putin-{size[0]}x{size[1]}")


def test_clicking_an_item_shows_its_quote(open_page: Any, pair_file: Path, kg: Any, tmp_path: Path) -> None:
    opened = open_page(pair_file)
    _wait(opened)
    box = opened.page.locator("#timeline .vis-item.vis-box", has_text="bilateral summit").first
    box.click()
    panel = opened.page.inner_text("#details")
    summit = next(c for c in kg.timeline("Trump", "Putin") if c.kind == "bilateralSummit" and not c.planned)
    assert summit.evidence.quote in panel and "16 Jul 2018" in panel and "Helsinki" in panel
    opened.page.locator("#undated-list button", has_text="visit").click()
    assert "invited" in opened.page.inner_text("#details")
    opened.screenshot(tmp_path, "timeline-click-summit")


def test_the_network_page_shows_the_timeline_of_the_selected_link(open_page: Any, kg: Any, tmp_path: Path) -> None:
    path = view(kg.source).save(tmp_path / "seed.html")
    opened = open_page(path)
    trump, putin = kg.resolve("Trump").iri, kg.resolve("Putin").iri
    edge = opened.js("""([a, b]) => window.diplograph.data.edges.filter(e => (e.from === a && e.to === b) ||
        (e.from === b && e.to === a))[0].id""", [trump, putin])
    opened.js("(id) => window.diplograph.showEdge(id)", edge)
    opened.page.click("#tab-timeline")
    _wait(opened)
    assert len([i for i in opened.js(ITEMS) if not i["planned"]]) == 7
    assert any(g["longest"] and g["text"].startswith("55 months") for g in opened.js(GAPS))
    # the filters reach the timeline too
    opened.js("""([sel, value]) => { const el = document.querySelector(sel); el.checked = value;
      el.dispatchEvent(new Event('change')); }""", ['input[data-kind="phoneCall"]', False])
    time.sleep(0.3)
    assert len([i for i in opened.js(ITEMS) if not i["planned"]]) == 3
    opened.screenshot(tmp_path, "view-timeline-tab-no-calls")
    # one actor: a row per counterpart, each with its own gaps
    opened.js("(id) => window.diplograph.showNode(id)", putin)
    opened.page.click("#reset")
    opened.js("(id) => window.diplograph.showNode(id)", putin)
    time.sleep(0.3)
    rows = opened.page.locator("#timeline .vis-label").all_inner_texts()
    assert any("Donald Trump" in r for r in rows) and any("Joe Biden" in r for r in rows)
    opened.screenshot(tmp_path, "view-timeline-putin")
    assert opened.errors == []


def test_the_white_house_and_the_kremlin_show_the_36_months(open_page: Any, kg: Any, tmp_path: Path) -> None:
    path = timeline_page(kg.source, "White House", "Kremlin").save(tmp_path / "wh-kremlin.html")
    opened = open_page(path)
    _wait(opened)
    assert [g["text"] for g in opened.js(GAPS) if g["longest"]] == ["36 months without a direct contact"]
    opened.screenshot(tmp_path, "timeline-white-house-kremlin")


def _record(iri: str, date: str | None, precision: str, planned: bool, a: ActorRef, b: ActorRef) -> ContactRecord:
    src = SourceRef(f"{ID}source/s", "a source", "2025-01-01")
    return ContactRecord(iri=f"{ID}contact/{iri}", kind="phoneCall", date=date, precision=precision,
                         participants=(a, b), initiators=(), intermediaries=(), place=None, place_ar=None,
                         gathering=None, topics=(), topics_ar=(), evidence=Evidence(f"quote {iri}", 0, 5, src),
                         source=src, planned=planned, status="announced" if planned else None)


def test_month_and_year_precision_are_drawn_as_the_spans_they_are(open_page: Any, tmp_path: Path) -> None:
    a, b = ActorRef(f"{ID}person/a", "Ann", "آن"), ActorRef(f"{ID}person/b", "Bob", "بوب")
    names = NameIndex()
    for ref in (a, b):
        names.add(Entity(id=ref.iri.rsplit("/", 1)[1], kind="person", en=ref.label, ar=str(ref.label_ar), iri=ref.iri))
    records = [_record("day", "2020-03-05", "day", False, a, b), _record("month", "2021-06", "month", False, a, b),
               _record("year", "2023", "year", False, a, b), _record("plan", "2024", "year", True, a, b),
               _record("none", None, "undated", False, a, b)]
    page = timeline_page(HostileSource(records, names=names), "Ann", "Bob").save(tmp_path / "spans.html")
    opened = open_page(page)
    _wait(opened)
    spans = opened.js("""() => { const t = window.diplograph.timeline.timeline;
      return window.diplograph.timeline.items.get().filter(i => i.type !== 'background').map(i => ({
        id: i.id.split('|')[0].split('/').pop(), type: i.type, start: i.start, end: i.end || null,
        group: i.group})); }""")
    by = {s["id"]: s for s in spans}
    assert by["day"]["type"] == "box" and by["day"]["start"] == "2020-03-05"
    assert (by["month"]["type"], by["month"]["start"], by["month"]["end"]) == ("range", "2021-06-01", "2021-07-01")
    assert (by["year"]["type"], by["year"]["start"], by["year"]["end"]) == ("range", "2023-01-01", "2024-01-01")
    assert by["plan"]["group"] == "planned" and by["day"]["group"] == "held"
    assert "none" not in by and opened.page.locator("#undated-list button").count() == 1
    # held bars: a month and a year; the year's is about twelve times as long on the axis
    widths = sorted(opened.js("""() => Array.from(document.querySelectorAll('#timeline .vis-item.vis-range'))
      .filter(el => !el.classList.contains('planned')).map(el => el.getBoundingClientRect().width)"""))
    assert len(widths) == 2 and 9 < widths[1] / widths[0] < 15, widths
    opened.screenshot(tmp_path, "timeline-precisions")


def test_gaps_read_once_for_every_pair_are_the_gaps_of_each_pair(kg: Any) -> None:
    from diplograph.view.data import page_data
    from diplograph.view.timeline import gap_dict, pair_gaps

    data = page_data(kg.network(), kg.source)
    drawn = {n["id"] for n in data["nodes"]}
    with_records, _ = pair_gaps(kg.source, data["events"].values(), drawn, kg.source.all_contacts())
    read_once, _ = pair_gaps(kg.source, data["events"].values(), drawn)
    assert read_once == with_records and read_once
    for key, gaps in read_once.items():
        a, b = key.split(" ")
        assert gaps == [gap_dict(g) for g in kg.gaps(a, b)]
