"""Brokers, bridges, ego networks and communities of the article's network."""

from __future__ import annotations

import pytest

import diplograph as dg
from diplograph.errors import NoAnswerError, NoPathError, QueryError


def test_brokers(kg: dg.KnowledgeGraph) -> None:
    b = kg.brokers()
    assert [a.label for a in b.articulation_points] == ["Vladimir Putin"]
    assert b.brokers[0].splits == 2
    assert [(h.a.label, h.b.label, len(h.events)) for h in b.bridges] == [
        ("Donald Trump", "Vladimir Putin", 7), ("Joe Biden", "Vladimir Putin", 1)]
    inst = kg.brokers(institutional=True)
    # Russia and the Kremlin hang off Putin; the State Department reaches the rest only through Rubio and
    # his team; the White House is no articulation point (Sullivan–Burns–CIA–Ratcliffe–team–Waltz close a cycle)
    assert [(x.actor.label, x.splits) for x in inst.brokers] == [
        ("Vladimir Putin", 3), ("Marco Rubio", 2), ("US negotiating team on Ukraine", 2)]
    assert inst.options["institutional"] is True


def test_ego(kg: dg.KnowledgeGraph, who: dict[str, str]) -> None:
    one = kg.ego("Putin")
    assert set(one) == {who["Putin"], who["Trump"], who["Biden"]}
    two = kg.ego("Putin", depth=2, institutional=True)
    assert two.nodes[who["White House"]]["distance"] == 2 and two.nodes[who["Kremlin"]]["distance"] == 1
    assert two.graph["ego"] == (who["Putin"], 2) and two.graph["options"]["institutional"] is True
    assert kg.ego("Putin", depth=0).number_of_nodes() == 1
    with pytest.raises(QueryError):
        kg.ego("Putin", depth=-1)
    with pytest.raises(NoPathError, match="takes part in no contact"):
        kg.ego("Kremlin")


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
    with pytest.raises(QueryError, match="unknown community algorithm"):
        kg.communities("magic")
    with pytest.raises(NoAnswerError):
        kg.communities(since=2026)
