"""The contact source: its lean reading draws the network its full records draw; one source per graph."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest

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
