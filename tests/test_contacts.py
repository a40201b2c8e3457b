"""The contact source: its lean reading draws the network its full records draw; one source per graph."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest
from rdflib import URIRef

import diplograph as dg
from diplograph.contacts import ContactSource, StoreContacts
from diplograph.records import ContactSummary


def _same(G: nx.Graph, H: nx.Graph) -> None:
    assert dict(G.nodes(data=True)) == dict(H.nodes(data=True))
    def edges(X: nx.Graph) -> dict[tuple[str, ...], Any]:
        return {tuple(sorted((a, b))): d for a, b, d in X.edges(data=True)}

    assert edges(G) == edges(H)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[dg.KnowledgeGraph, dg.KnowledgeGraph]:
    """The same small synthetic graph twice: read lean, and with every contact's full record."""
    from diplograph.synth import write

    path = tmp_path_factory.mktemp("events") / "small.nt"
    write(path, contacts=120, countries=6, seed=5)
    lean = dg.load(path, store=f"oxigraph:{path.parent / 'lean'}")
    full = dg.load(path, store=f"oxigraph:{path.parent / 'full'}")
    full.source.all_contacts()
    return lean, full


def _no_full_records(*_: Any) -> Any:
    raise AssertionError("the network read every contact's full record")


@pytest.mark.parametrize("options", [{}, {"planned": True, "indirect": True}, {"since": 2000, "until": 2010},
                                     {"network": "bipartite", "planned": True}])
def test_lean_events_draw_the_network_the_records_draw(synthetic: tuple[dg.KnowledgeGraph, dg.KnowledgeGraph],
                                                       options: dict[str, Any],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    lean, full = synthetic
    with monkeypatch.context() as m:
        m.setattr(lean.source, "all_contacts", _no_full_records)
        G = lean.network(**options)
    assert G.number_of_edges() > 0
    _same(G, full.network(**options))


def test_seed_events_are_the_records_seen_by_a_network(kg: dg.KnowledgeGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = dg.load()
    monkeypatch.setattr(fresh.source, "all_contacts", _no_full_records)
    lean = fresh.source.events()
    assert lean == [ContactSummary.of(c) for c in kg.source.all_contacts()]
    assert fresh.source.events() is fresh.source.events()  # read once per source


def test_a_store_source_is_a_contact_source(kg: dg.KnowledgeGraph) -> None:
    assert isinstance(kg.source, StoreContacts) and isinstance(kg.source, ContactSource)
    assert kg.source.spec == "memory"


def test_contacts_of_an_actor_read_only_that_actor(kg: dg.KnowledgeGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = dg.load()
    monkeypatch.setattr(fresh.source, "all_contacts", _no_full_records)
    biden = fresh.resolve("Biden").iri
    mine = fresh.source.contacts_of([biden])
    expected = [c for c in kg.source.all_contacts()
                if biden in {p.iri for p in (*c.participants, *c.initiators, *c.intermediaries)}]
    assert mine == expected and mine


INDIRECT = "https://w3id.org/diplograph/id/contact/us-russia-indirect-contacts-2022-2024"


def test_an_undated_contact_with_bounds_is_placed_by_them(kg: dg.KnowledgeGraph) -> None:
    # the article dates the indirect contacts no further than "since" the call of 12 February 2022 and "by" the
    # interview of February 2024: the graph carries that interval, and windows use it
    (c,) = [c for c in kg.contacts("Biden", "Putin") if c.iri == INDIRECT]
    assert c.date is None and c.precision == "undated" and c.bounds == "2022-02-12/2024-02"
    assert str(c.span) == "2022-02-12/2024-02" and not c.span.throughout
    inside = [x.iri for x in kg.contacts("Biden", "Putin", since=2022, until=2024, kinds=["indirectContact"])]
    assert inside == [INDIRECT]
    for since, until in ((2023, 2024), (2022, "2023-12"), (2024, None)):  # a window that cuts the interval
        assert INDIRECT not in [x.iri for x in kg.contacts("Biden", "Putin", since=since, until=until)]
    rows = kg.query("contacts", contact=URIRef(INDIRECT))
    assert {r["bounds"] for r in rows} == {"2022-02-12/2024-02"} and {r["date"] for r in rows} == {None}
    # the lean reading the network is drawn from carries the same bounds
    (e,) = [e for e in kg.source.events() if e.iri == INDIRECT]
    assert e.bounds == c.bounds
    G = kg.network(indirect=True, since=2022, until=2024)
    assert INDIRECT in G.edges[kg.resolve("Biden").iri, kg.resolve("Putin").iri]["events"]


def test_the_author_of_a_source_is_no_actor(kg: dg.KnowledgeGraph) -> None:
    author = kg.resolve("سيد محمد")
    assert author.kind == "person"
    for options in ({}, {"planned": True, "indirect": True, "institutional": True}):
        assert author.iri not in kg.network(**options)
        assert author.iri not in [s.iri for s in kg.centrality("degree", **options)]
    assert not kg.contacts(author) and not kg.planned(author)
    # still reachable through the source it wrote
    (row,) = kg.query("sources")
    assert row["author"] == author.iri and row["authorLabel"] == author.en
