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


def test_a_summit_called_a_meeting_is_one_event_and_graph_conforms(merged) -> None:
    g = merged.graph
    # "The two leaders last met in Helsinki in July 2018": the seed's summit of 16 July 2018, called a meeting
    assert (URIRef(f"{ID}contact/trump-putin-meeting-2018-07"), RDF.type, DG.Contact) not in g
    summit = URIRef(f"{ID}contact/trump-putin-summit-2018-07-16")
    assert (summit, DG.kind, DG.bilateralSummit) in g  # the narrower kind of the primary report stays
    # and "the last summit ... in Helsinki in 2018" (year precision) is the same summit
    assert len(set(g.objects(summit, DG.reportedIn))) == 3
    assert merged.report is not None and merged.report.conforms
    assert merged.summary["contacts"] == 10 + 2 + 2 - 4  # all four new contacts were already known


def test_kinds_merge_along_the_kind_scheme_only() -> None:
    from diplograph.merge import compatible_kinds

    assert compatible_kinds("sidelinesMeeting", "inPersonMeeting") and compatible_kinds("inPersonMeeting", "visit")
    assert not compatible_kinds("visit", "bilateralSummit")  # siblings: two contacts
    assert not compatible_kinds("phoneCall", "inPersonMeeting") and not compatible_kinds("phoneCall", "talks")


def test_the_kind_scheme_is_the_ontology_s() -> None:
    from rdflib import Graph
    from rdflib.namespace import SKOS

    from diplograph.bundled import ONTOLOGY_DIR
    from diplograph.merge import BROADER_KINDS

    onto = Graph().parse(ONTOLOGY_DIR / "diplograph.ttl")
    found = {str(a).rsplit("/", 1)[-1].split("#")[-1]: str(b).rsplit("/", 1)[-1].split("#")[-1]
             for a, b in onto.subject_objects(SKOS.broader) if (a, SKOS.inScheme, DG.ContactKinds) in onto}
    assert found == BROADER_KINDS


def test_a_report_published_on_the_12th_of_the_call_of_the_12th_is_added(tmp_path) -> None:
    """The seed dates the call 13 February (its day); a report published on the 12th dates it the 12th."""
    gdir = tmp_path / "graph"
    shutil.copytree(GRAPH_DIR, gdir, ignore=shutil.ignore_patterns("diplograph.ttl"))
    data = Path(__file__).parent / "data" / "merge"
    (gdir / "sources" / "001_feb12.txt").write_text((data / "en_trump_putin_call_feb12.txt").read_text("utf-8"),
                                                   encoding="utf-8")
    ann = (data / "en_trump_putin_call_feb12.yaml").read_text("utf-8").replace(
        "text: en_trump_putin_call_feb12.txt", "text: sources/001_feb12.txt")
    (gdir / "annotations" / "001_feb12.yaml").write_text(ann, encoding="utf-8")
    built = build(gdir, write=False)
    assert built.report is not None and built.report.conforms  # refused before: "dated after the source"
    g = built.graph
    call = URIRef(f"{ID}contact/trump-putin-call-2025-02-13")  # one event, its id the first report's
    assert (URIRef(f"{ID}contact/trump-putin-call-2025-02-12"), RDF.type, DG.Contact) not in g
    assert {s.split("/")[-1] for s in g.objects(call, DG.reportedIn)} == {"000_b6e70fef1162659b",
                                                                          "test_en_trump_putin_call_feb12"}
    (instant,) = g.objects(call, TIME.hasTime)  # the best-supported day: no report was published before it
    assert str(next(g.objects(instant, TIME.inXSDDate))) == "2025-02-12"
    own = {(str(next(g.objects(n, DG.otherDate))), str(next(g.objects(n, DG.reportedIn))).split("/")[-1])
           for n in g.objects(call, DG.dateDiscrepancy) if (n, DG.reportedIn, None) in g}
    assert own == {("2025-02-13", "000_b6e70fef1162659b"), ("2025-02-12", "test_en_trump_putin_call_feb12")}


def test_a_source_may_not_date_its_own_report_after_its_publication(tmp_path) -> None:
    """Each source's own report is checked against its own publication: a call dated after it is refused."""
    from diplograph.errors import InvalidDateError

    gdir = tmp_path / "graph"
    shutil.copytree(GRAPH_DIR, gdir, ignore=shutil.ignore_patterns("diplograph.ttl"))
    data = Path(__file__).parent / "data" / "merge"
    (gdir / "sources" / "001_feb12.txt").write_text((data / "en_trump_putin_call_feb12.txt").read_text("utf-8"),
                                                   encoding="utf-8")
    lines = [ln for ln in (data / "en_trump_putin_call_feb12.yaml").read_text("utf-8").splitlines()
             if "published_quote" not in ln]
    ann = "\n".join(lines).replace("text: en_trump_putin_call_feb12.txt", "text: sources/001_feb12.txt").replace(
        '"2025-02-12T18:40:00"', '"2025-02-11T18:40:00"')
    (gdir / "annotations" / "001_feb12.yaml").write_text(ann + "\n", encoding="utf-8")
    with pytest.raises(InvalidDateError, match="after the source was published"):
        build(gdir, write=False)


def test_a_month_reported_before_the_day_is_another_contact() -> None:
    from datetime import datetime

    from diplograph.merge import plan_merges

    day = _report("s1", "call", "2025-02-13", published=datetime(2025, 2, 13, 12))
    month = _report("s2", "feb", "2025-02", "month", published=datetime(2025, 2, 5))
    merges = plan_merges([day, month])
    assert merges.event_id("s2", "feb") == "feb"  # a call "in February" told on the 5th is not the call of the 13th


def _report(source: str, cid: str, date: str, precision: str = "day", kind: str = "phoneCall",
            people: tuple[str, ...] = ("a", "b"), planned: bool = False, status: str | None = None,
            published=None):
    from datetime import datetime
    from types import SimpleNamespace as NS

    contact = NS(id=cid, kind=kind, planned=planned, status=status, participants=tuple(NS(id=p) for p in people),
                 date=DateValue(date, precision))
    return NS(source=NS(id=source, published=published or datetime(2030, 1, 1)), contacts=() if planned else
              (contact,), plans=(contact,) if planned else ())


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
