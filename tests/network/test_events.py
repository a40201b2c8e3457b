"""The lean reading a network is drawn from gives the graph the full contact records give."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest

import diplograph as dg
from diplograph.network.events import Event, network_events


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
    full._all_contacts()
    return lean, full


@pytest.mark.parametrize("options", [{}, {"planned": True, "indirect": True}, {"since": 2000, "until": 2010},
                                     {"network": "bipartite", "planned": True}])
def test_lean_events_draw_the_network_the_records_draw(synthetic: tuple[dg.KnowledgeGraph, dg.KnowledgeGraph],
                                                       options: dict[str, Any]) -> None:
    lean, full = synthetic
    G = lean.network(**options)
    assert lean._contacts is None  # drawn without reading every contact's record
    assert G.number_of_edges() > 0
    _same(G, full.network(**options))


def test_seed_events_are_the_records_seen_by_a_network(kg: dg.KnowledgeGraph) -> None:
    fresh = dg.load()
    lean = network_events(fresh)
    assert fresh._contacts is None
    assert lean == [Event.of(c) for c in kg._all_contacts()]
    assert network_events(fresh) is network_events(fresh)  # read once per graph
