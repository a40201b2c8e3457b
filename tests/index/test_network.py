"""The persons network drawn in bulk from the index equals the one drawn event by event, ties and eras included."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from rdflib import URIRef

import diplograph as dg
from diplograph.bundled import GRAPH_FILE, ONTOLOGY_FILE
from diplograph.index import IndexContacts
from diplograph.kg import KnowledgeGraph

from ..network.rdfgen import Event, person_iri, to_rdf

WH = "https://w3id.org/diplograph/id/org/white-house"
PUTIN = "https://w3id.org/diplograph/id/person/vladimir-putin"


def _graph(G: nx.Graph) -> tuple[Any, ...]:
    nodes = [(str(n), sorted(d.items())) for n, d in G.nodes(data=True)]
    edges = sorted((tuple(sorted((str(u), str(v)))), sorted(d.items())) for u, v, d in G.edges(data=True))
    return dict(G.graph), nodes, edges


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[KnowledgeGraph, KnowledgeGraph]:
    """The seed with contacts the White House takes part in or mediates, in two of its eras and undated."""
    events = [Event("wh-2018", "phoneCall", False, "2018-05-03", (0, 1)),
              Event("wh-2025", "inPersonMeeting", False, "2025-02-13", (0, 1, 2)),
              Event("wh-undated", "inPersonMeeting", False, None, (1, 2)),
              Event("wh-mediates", "indirectContact", False, "2019-06", (1, 2), (0,)),
              Event("wh-alone", "phoneCall", True, "2025-03", (0,))]
    swap: dict[Any, Any] = {URIRef(person_iri(0)): URIRef(WH), URIRef(person_iri(1)): URIRef(PUTIN)}
    g = to_rdf(3, events)
    extra = tmp_path_factory.mktemp("eras") / "eras.nt"
    lines = []
    for s, p, o in g:
        if s in swap:  # the White House and Putin are the seed's own
            continue
        lines.append(" ".join(swap.get(x, x).n3() for x in (s, p, o)) + " .")
    extra.write_text("\n".join(lines) + "\n", encoding="utf-8")
    files = [GRAPH_FILE, ONTOLOGY_FILE, Path(extra)]
    plain = dg.load(*files, ontology=False, index=False)
    return plain, KnowledgeGraph(plain.store, index=True)


@pytest.mark.parametrize("options", [{"institutional": True},
                                     {"institutional": True, "planned": True, "indirect": True},
                                     {"institutional": True, "planned": True, "since": 2018, "until": 2025}],
                         ids=["ties", "all", "window"])
def test_ties_and_eras_drawn_in_bulk_as_event_by_event(pair: tuple[KnowledgeGraph, KnowledgeGraph],
                                                       options: dict[str, Any]) -> None:
    plain, indexed = pair
    assert isinstance(indexed.source, IndexContacts)
    assert indexed.source.project_network("persons", **options) is not None  # drawn by the index itself
    expected, got = plain.network(**options), indexed.network(**options)
    assert _graph(got) == _graph(expected)  # nodes in the same order too: the page lays them out in that order
    eras = {n for n in got if str(n).startswith(f"{WH}@")}
    assert len(eras) >= 2  # the White House's events fall in its eras: their edges are split with it
    assert any(got.edges[e]["events"] for n in eras for e in got.edges(n) if PUTIN in e)


def test_an_organisation_without_eras_keeps_its_edges_whole(pair: tuple[KnowledgeGraph, KnowledgeGraph]) -> None:
    plain, indexed = pair
    assert _graph(indexed.network(indirect=True, planned=True)) == _graph(plain.network(indirect=True, planned=True))
    assert indexed.network(indirect=True).has_edge(WH, PUTIN)  # without ties the White House is one node


def test_lean_records_of_some_events_and_their_count(pair: tuple[KnowledgeGraph, KnowledgeGraph]) -> None:
    plain, indexed = pair
    assert isinstance(indexed.source, IndexContacts)
    everything = plain.source.events()
    some = {e.iri for e in everything[::3]} | {"https://w3id.org/diplograph/id/contact/no-such-contact"}
    fresh = KnowledgeGraph(plain.store, index=True).source  # nothing read yet: asked of the index alone
    assert isinstance(fresh, IndexContacts)
    assert fresh.event_count() == len(everything)
    assert [e.as_dict() for e in fresh.summaries(some)] == [e.as_dict() for e in everything if e.iri in some]
    assert fresh.summaries([]) == []
    indexed.source.events()  # once every event is read, both answer from it
    assert indexed.source.event_count() == len(everything)
    assert indexed.source.summaries(some) == fresh.summaries(some)


@pytest.mark.parametrize("options", [{}, {"institutional": True, "planned": True, "indirect": True},
                                     {"institutional": True, "since": 2018, "until": 2025}],
                         ids=["kept", "all", "window"])
def test_the_part_among_some_actors_is_the_part_of_the_whole(pair: tuple[KnowledgeGraph, KnowledgeGraph],
                                                             options: dict[str, Any]) -> None:
    plain, indexed = pair
    assert isinstance(indexed.source, IndexContacts)
    among = indexed.source.co_actors([PUTIN])
    assert PUTIN in among and WH in among and len(among) < plain.network(**options).number_of_nodes()
    whole = plain.network(**options)
    part = whole.subgraph(n for n, iri in whole.nodes(data="iri") if (iri or n) in among)
    from diplograph.network import project

    got, expected = project(indexed.source, among=among, **options), project(plain.source, among=among, **options)
    assert _graph(got) == _graph(expected)
    def pairs(G: nx.Graph) -> list[tuple[str, ...]]:
        return sorted(tuple(sorted((str(u), str(v)))) for u, v in G.edges)

    assert pairs(got) == pairs(part) and got.number_of_edges() > 0  # every edge between two of them, no other
    assert {n for n in got if got.degree(n)} == {n for n in part if part.degree(n)}
    if options:  # the White House keeps its eras (made from all its ties) where some of its ties are drawn
        assert {n for n in got if str(n).startswith(f"{WH}@")} <= set(whole)


def test_among_draws_the_persons_network_only(pair: tuple[KnowledgeGraph, KnowledgeGraph]) -> None:
    from diplograph.network import project

    with pytest.raises(dg.InvalidArgumentError, match="persons network, not of the bipartite"):
        project(pair[0].source, "bipartite", among=[PUTIN])


def test_a_page_around_an_actor_is_drawn_from_the_actors_near_it(pair: tuple[KnowledgeGraph, KnowledgeGraph],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from diplograph.view import view

    plain, indexed = pair
    asked: list[Any] = []
    real = IndexContacts.co_actors
    monkeypatch.setattr(IndexContacts, "co_actors", lambda self, iris: asked.append(iris) or real(self, iris))
    for depth in (1, 2):
        got, expected = view(indexed.source, around="Putin", depth=depth), view(plain.source, around="Putin",
                                                                                depth=depth)
        assert got.html == expected.html
    assert len(asked) >= 2  # the index was asked who is near, not the whole network drawn
    keys = [k for k in indexed.source.cache["diplograph.index.network"] if k[-1] is not None]
    assert len(keys) == 1  # one part kept at a time


@pytest.mark.parametrize("options", [{}, {"institutional": True, "planned": True, "indirect": True}],
                         ids=["kept", "all"])
def test_an_ego_network_is_drawn_from_the_actors_near_it(pair: tuple[KnowledgeGraph, KnowledgeGraph],
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         options: dict[str, Any]) -> None:
    plain, indexed = pair
    asked: list[Any] = []
    real = IndexContacts.co_actors
    monkeypatch.setattr(IndexContacts, "co_actors", lambda self, iris: asked.append(iris) or real(self, iris))
    for depth in (1, 2):
        assert _graph(indexed.ego("Putin", depth, **options)) == _graph(plain.ego("Putin", depth, **options))
    assert asked
    with pytest.raises(dg.UnknownEntityError, match="Putn"):
        indexed.ego("Putn", **options)
    with pytest.raises(dg.InvalidArgumentError, match="depth"):
        indexed.ego("Putin", 0, **options)


def test_a_mistyped_actor_among_is_named_not_left_out(pair: tuple[KnowledgeGraph, KnowledgeGraph]) -> None:
    from diplograph.network import project

    typo = PUTIN.replace("putin", "putn")
    for kg in pair:
        with pytest.raises(dg.InvalidArgumentError, match=f"among: '{typo}' is no entity.*did you mean '{PUTIN}'"):
            project(kg.source, among=[PUTIN, typo])
