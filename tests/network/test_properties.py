"""Property-based tests over random contact graphs built as RDF.

The expected answers are computed from the generated events themselves,
not from the package: which events an option set keeps, which pairs each
event links, which dates a window admits.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from datetime import date

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph.errors import NoAnswerError, NoPathError
from diplograph.kg import KnowledgeGraph
from diplograph.network import project

from .rdfgen import Event, bounds, contact_graphs, person_iri, to_rdf

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def kept(e: Event, *, indirect: bool, planned: bool, lo: date | None = None, hi: date | None = None) -> bool:
    if e.planned and not planned:
        return False
    if e.kind == "indirectContact" and not indirect:
        return False
    if lo is None and hi is None:
        return True
    if e.date is None:
        return False
    first, last = bounds(e.date)
    return (lo is None or first >= lo) and (hi is None or last <= hi)


def expected_edges(events: list[Event], **opts: object) -> dict[frozenset[str], list[str]]:
    edges: dict[frozenset[str], list[str]] = defaultdict(list)
    for e in events:
        if not kept(e, **opts):  # type: ignore[arg-type]
            continue
        pairs = {frozenset(p) for p in itertools.combinations(e.participants, 2)}
        pairs |= {frozenset((m, p)) for m in e.intermediaries for p in e.participants}
        for pair in pairs:
            edges[frozenset(person_iri(i) for i in pair)].append(e.iri)
    return edges


flags = st.tuples(st.booleans(), st.booleans())


@SETTINGS
@given(contact_graphs(), flags)
def test_projection_keeps_every_event_exactly_once(spec: tuple[int, list[Event]], options: tuple[bool, bool]) -> None:
    n, events = spec
    indirect, planned = options
    G = project(KnowledgeGraph(to_rdf(n, events)).source, indirect=indirect, planned=planned)
    want = expected_edges(events, indirect=indirect, planned=planned)
    got = {frozenset((a, b)): d for a, b, d in G.edges(data=True)}
    assert set(got) == set(want)
    for pair, data in got.items():
        assert len(data["events"]) == len(set(data["events"])), "an event listed twice on one edge"
        assert sorted(data["events"]) == sorted(want[pair])
        assert data["count"] == len(data["events"]) == len(data["kinds"]) == len(data["dates"]) == len(data["planned"])
    on_edges = {iri for d in got.values() for iri in d["events"]}
    assert on_edges == {e.iri for e in events if kept(e, indirect=indirect, planned=planned)}
    assert G.graph["options"] == {"network": "persons", "indirect": indirect, "planned": planned,
                                  "institutional": False, "since": None, "until": None}
    # every actor is a node, whether or not the options keep any of their events; people in no event are not
    assert set(G.nodes) == {person_iri(i) for e in events for i in (*e.participants, *e.intermediaries)}


@SETTINGS
@given(contact_graphs(), flags, st.data())
def test_path_found_exactly_when_connected(spec: tuple[int, list[Event]], options: tuple[bool, bool],
                                           data: st.DataObject) -> None:
    n, events = spec
    indirect, planned = options
    kg = KnowledgeGraph(to_rdf(n, events))
    a = data.draw(st.integers(0, n - 1))
    b = data.draw(st.integers(0, n - 1).filter(lambda x: x != a))
    truth = nx.Graph()
    truth.add_nodes_from(person_iri(i) for i in range(n))
    truth.add_edges_from(tuple(pair) for pair in expected_edges(events, indirect=indirect, planned=planned))
    connected = nx.has_path(truth, person_iri(a), person_iri(b))
    try:
        path = kg.path(person_iri(a), person_iri(b), indirect=indirect, planned=planned)
    except NoPathError:
        assert not connected
        return
    assert connected
    assert path.length == nx.shortest_path_length(truth, person_iri(a), person_iri(b))
    assert path.actors[0].iri == person_iri(a) and path.actors[-1].iri == person_iri(b)
    by_iri = {e.iri: e for e in events}
    for hop in path.hops:
        assert hop.events, "every hop rests on at least one event"
        for ev in hop.events:
            e = by_iri[ev.iri]
            actors = {person_iri(i) for i in e.participants + e.intermediaries}
            assert {hop.a.iri, hop.b.iri} <= actors
            assert ev.kind == e.kind and ev.date == e.date and ev.quote == f"quote of {e.id}"


windows = st.tuples(st.none() | st.dates(date(2014, 6, 1), date(2026, 6, 1)),
                    st.none() | st.dates(date(2014, 6, 1), date(2026, 6, 1)))


@SETTINGS
@given(contact_graphs(), windows)
def test_time_windows_admit_no_event_outside(spec: tuple[int, list[Event]],
                                             window: tuple[date | None, date | None]) -> None:
    n, events = spec
    lo, hi = window
    kg = KnowledgeGraph(to_rdf(n, events))
    if lo and hi and lo > hi:
        with pytest.raises(NoAnswerError):
            project(kg.source, since=lo, until=hi, planned=True, indirect=True)
        return
    G = project(kg.source, since=lo, until=hi, planned=True, indirect=True)
    by_iri = {e.iri: e for e in events}
    for _, _, d in G.edges(data=True):
        for iri in d["events"]:
            e = by_iri[iri]
            assert e.date is not None or (lo is None and hi is None)
            if e.date is not None:
                first, last = bounds(e.date)
                assert lo is None or first >= lo
                assert hi is None or last <= hi
    want = expected_edges(events, indirect=True, planned=True, lo=lo, hi=hi)
    assert {frozenset((a, b)) for a, b in G.edges} == set(want)
    B = project(kg.source, "bipartite", since=lo, until=hi, planned=True, indirect=True)
    assert {x for x, d in B.nodes(data=True) if d["bipartite"] == 1} == {
        e.iri for e in events if kept(e, indirect=True, planned=True, lo=lo, hi=hi)}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(contact_graphs(max_events=10))
def test_rhythm_agrees_with_the_projection(spec: tuple[int, list[Event]]) -> None:
    n, events = spec
    kg = KnowledgeGraph(to_rdf(n, events))
    G = project(kg.source)
    for a, b in G.edges:
        direct = sorted((bounds(e.date)[0], e.date) for e in events
                        if not e.planned and e.kind != "indirectContact" and e.date is not None
                        and {a, b} <= {person_iri(i) for i in e.participants})
        r = kg.rhythm(a, b)
        assert r.count == len(direct)
        assert sum(r.per_year.values()) == r.count
        assert r.gaps == kg.gaps(a, b)
        assert len(r.gaps) == max(len({iso for _, iso in direct}) - 1, 0)
        if direct:
            assert bounds(r.first or "")[0] == direct[0][0]
            assert bounds(r.last or "")[0] == direct[-1][0]
            days = sorted({d for d, _ in direct})
            if len(days) > 1:
                assert r.gaps[0].days == max((y - x).days for x, y in itertools.pairwise(days))
