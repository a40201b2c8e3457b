"""One event per contact across sources; disagreeing days kept, attributed to their sources."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import URIRef

from diplograph.build import build
from diplograph.bundled import GRAPH_DIR
from diplograph.dates import DateValue
from diplograph.merge import compatible
from diplograph.vocab import DG, ID, RDF, TIME

ARTICLES = Path(__file__).parent / "data" / "articles"


def test_compatible_dates() -> None:
    day = DateValue("2019-05-01", "day")
    assert compatible(day, DateValue("2019", "year")) == "agree"
    assert compatible(day, DateValue("2019-05-03", "day")) == "disagree"
    assert compatible(day, DateValue("2019-05-09", "day")) is None
    assert compatible(day, DateValue("", "undated")) is None


@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    gdir = tmp_path_factory.mktemp("merge") / "graph"
    shutil.copytree(GRAPH_DIR, gdir, ignore=shutil.ignore_patterns("diplograph.ttl"))
    for n, name in enumerate(["en_trump_putin_call_2019", "ar_trump_putin_saudi"], start=1):
        text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
        (gdir / "sources" / f"00{n}_{name}.txt").write_text(text, encoding="utf-8")
        ann = (ARTICLES / f"{name}.yaml").read_text(encoding="utf-8").replace(
            f"text: {name}.txt", f"text: sources/00{n}_{name}.txt")
        (gdir / "annotations" / f"00{n}_{name}.yaml").write_text(ann, encoding="utf-8")
    return build(gdir, write=False)


def test_same_call_from_two_sources_is_one_event(merged) -> None:
    g = merged.graph
    call = URIRef(f"{ID}contact/trump-putin-call-2019-05-01")
    assert (URIRef(f"{ID}contact/trump-putin-call-2019-05-03"), RDF.type, DG.Contact) not in g
    sources = set(g.objects(call, DG.reportedIn))
    assert {s.split("/")[-1] for s in sources} == {"000_b6e70fef1162659b", "test_en_trump_putin_call_2019"}
    assert len(set(g.objects(call, DG.evidence))) == 2


def test_disagreeing_days_are_both_kept_and_attributed(merged) -> None:
    g = merged.graph
    call = URIRef(f"{ID}contact/trump-putin-call-2019-05-01")
    (instant,) = g.objects(call, TIME.hasTime)  # the first source's date stays the event's own
    assert str(next(g.objects(instant, TIME.inXSDDate))) == "2019-05-01"
    reports = {(str(next(g.objects(n, DG.otherDate))), str(next(g.objects(n, DG.reportedIn))).split("/")[-1])
               for n in g.objects(call, DG.dateDiscrepancy) if (n, DG.reportedIn, None) in g}
    assert reports == {("2019-05-01", "000_b6e70fef1162659b"), ("2019-05-03", "test_en_trump_putin_call_2019")}


def test_dates_within_precision_merge_without_disagreement(merged) -> None:
    g = merged.graph
    call = URIRef(f"{ID}contact/trump-putin-call-2025-02-13")
    assert len(set(g.objects(call, DG.reportedIn))) == 2
    assert not any((n, DG.reportedIn, None) in g for n in g.objects(call, DG.dateDiscrepancy))
    assert (URIRef(f"{ID}contact/trump-putin-call-2025-02"), RDF.type, DG.Contact) not in g


def test_different_contacts_stay_apart_and_graph_conforms(merged) -> None:
    g = merged.graph
    assert (URIRef(f"{ID}contact/trump-putin-meeting-2018-07"), RDF.type, DG.Contact) in g  # met vs. summit
    assert (URIRef(f"{ID}contact/trump-putin-summit-2018-07-16"), RDF.type, DG.Contact) in g
    assert merged.report is not None and merged.report.conforms
    # "the last summit ... in Helsinki in 2018" (year precision) is the seed's summit of 16 July 2018
    summit = URIRef(f"{ID}contact/trump-putin-summit-2018-07-16")
    assert len(set(g.objects(summit, DG.reportedIn))) == 2
    assert merged.summary["contacts"] == 10 + 2 + 2 - 3  # three of the four new contacts were already known


def _report(source: str, cid: str, date: str, precision: str = "day", kind: str = "phoneCall",
            people: tuple[str, ...] = ("a", "b"), planned: bool = False, status: str | None = None):
    from types import SimpleNamespace as NS

    contact = NS(id=cid, kind=kind, planned=planned, status=status, participants=tuple(NS(id=p) for p in people),
                 date=DateValue(date, precision))
    return NS(source=NS(id=source), contacts=() if planned else (contact,), plans=(contact,) if planned else ())


def test_plan_merges_ids_and_plans() -> None:
    from diplograph.merge import plan_merges

    merges = plan_merges([
        _report("s1", "call", "2020-01-01"),
        _report("s2", "call", "2021-06-01"),             # same id, another contact: numbered
        _report("s3", "other", "2020-01", "month"),       # agrees with s1 within its precision
        _report("s4", "x", "2020-01-02", kind="visit"),   # another kind: another contact
        _report("s5", "p", "", "undated", planned=True, status="announced"),
        _report("s6", "q", "", "undated", planned=True, status="announced"),
        _report("s7", "u", "", "undated"),                # undated contacts are never merged
        _report("s8", "v", "", "undated"),
    ])
    assert merges.event_id("s2", "call") == "call-2"
    assert merges.event_id("s3", "other") == "call"
    assert merges.event_id("s4", "x") == "x"
    assert merges.event_id("s6", "q") == "p"
    assert merges.event_id("s8", "v") == "v"
    assert not merges.events["call"].disagreement
