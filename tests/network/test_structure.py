"""Brokers, bridges, ego networks and communities of the article's network."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplograph as dg
from diplograph.errors import InvalidArgumentError, NoAnswerError, NoPathError
from diplograph.network.structure import brokers


def test_brokers(kg: dg.KnowledgeGraph) -> None:
    b = kg.brokers()
    assert [a.label for a in b.articulation_points] == ["Vladimir Putin"]
    assert b.brokers[0].splits == 2
    assert [(h.a.label, h.b.label, len(h.events)) for h in b.bridges] == [
        ("Donald Trump", "Vladimir Putin", 7), ("Joe Biden", "Vladimir Putin", 1)]
    inst = kg.brokers(institutional=True)
    # institutions are drawn once per era, so no tie links people whose posts did not hold together: the cycle
    # Sullivan–Burns–CIA–Ratcliffe–team–Waltz–White House closed only through Burns's undated CIA post and
    # Sullivan's undated White House post, and it is gone. Trump alone links his first-term offices and the 2025
    # administration (the White House of 2025, Waltz, the team) to Putin.
    assert [(x.actor.label, x.splits) for x in inst.brokers] == [
        ("Donald Trump", 4), ("Vladimir Putin", 4), ("Joe Biden", 3), ("US negotiating team on Ukraine", 3),
        ("Jake Sullivan", 2), ("John Ratcliffe", 2), ("Marco Rubio", 2), ("William Burns", 2)]
    assert inst.options["institutional"] is True


def test_ego(kg: dg.KnowledgeGraph, who: dict[str, str]) -> None:
    one = kg.ego("Putin")
    assert set(one) == {who["Putin"], who["Trump"], who["Biden"]}
    two = kg.ego("Putin", depth=2, institutional=True)
    wh = {d["era"]: d["distance"] for n, d in two.nodes(data=True) if d.get("iri") == who["White House"]}
    # each era of the White House is two hops away through a contact of its time: Trump's calls of 2017-2020
    # and of 2025, Biden's call of 2022; Sullivan's undated post joins no contact of Putin's
    assert wh == {"2017/2021": 2, "2022-02-12": 2, "2025-02-13": 2}
    assert two.nodes[who["Kremlin"]]["distance"] == 1
    assert two.graph["ego"] == (who["Putin"], 2) and two.graph["options"]["institutional"] is True
    for depth in (0, -1):  # the actor alone is no network
        with pytest.raises(InvalidArgumentError, match="depth must be 1 or more"):
            kg.ego("Putin", depth=depth)
    with pytest.raises(NoPathError, match="takes part in no contact"):
        kg.ego("Kremlin")
    with pytest.raises(NoPathError, match="takes part in no contact"):  # a person drawn alone is no ego network
        kg.ego("Putin", since=2030)


def test_communities(kg: dg.KnowledgeGraph) -> None:
    found = kg.communities()
    assert [[m.label for m in c.members] for c in found] == [
        ["Donald Trump", "Joe Biden", "Vladimir Putin"],
        ["Jake Sullivan", "Russian counterparts of Sullivan and Burns", "William Burns"],
    ]
    assert [c.contacts for c in found] == [8, 3]
    for algorithm in ("louvain", "label-propagation"):
        assert kg.communities(algorithm, institutional=True) == kg.communities(algorithm, institutional=True)
    members = [m.iri for c in kg.communities("louvain", institutional=True) for m in c.members]
    assert len(members) == len(set(members))
    with pytest.raises(InvalidArgumentError, match="unknown community algorithm"):
        kg.communities("magic")
    with pytest.raises(NoAnswerError):
        kg.communities(since=2026)


EMPTY_HOP = {k: () for k in ("events", "kinds", "dates", "planned", "statuses", "quotes", "ties", "tie_posts",
                             "tie_labels", "tie_dates", "tie_quotes")}


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 30).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=2 * n))))
def test_broker_splits_are_the_parts_left_after_removal(spec: tuple[int, list[tuple[int, int]]]) -> None:
    n, pairs = spec
    G = nx.Graph()
    G.add_nodes_from((f"v{i:02d}", {"label": f"v{i:02d}"}) for i in range(n))
    G.add_edges_from((f"v{a:02d}", f"v{b:02d}", EMPTY_HOP) for a, b in pairs if a != b)
    expected = {}
    for v in G:  # the definition: remove the actor, count the parts its component falls into
        rest = G.subgraph(set(nx.node_connected_component(G, v)) - {v})
        parts = nx.number_connected_components(rest)
        if parts > 1:
            expected[v] = parts
    found = brokers(G)
    assert {b.actor.iri: b.splits for b in found.brokers} == expected
    assert [a.iri for a in found.articulation_points] == [b.actor.iri for b in found.brokers]
    assert {frozenset((h.a.iri, h.b.iri)) for h in found.bridges} == {frozenset(e) for e in nx.bridges(G)}
