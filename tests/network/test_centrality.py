"""Centrality rankings on the article's network."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

import diplograph as dg
from diplograph.errors import InvalidArgumentError, NoAnswerError
from diplograph.network.centrality import MEASURES, centrality


def test_betweenness_and_degree_rankings(kg: dg.KnowledgeGraph) -> None:
    between = kg.centrality("betweenness")
    assert between[0].label == "Vladimir Putin" and between[0].rank == 1
    assert all(s.score == 0 for s in between[1:])  # nobody else lies between two others
    assert [s.rank for s in between[1:3]] == [2, 2]
    degree = kg.centrality("degree", top=4)
    # Putin (Trump, Biden) and the Sullivan–Burns–counterparts triangle each have two partners
    assert [s.label for s in degree] == ["Jake Sullivan", "Russian counterparts of Sullivan and Burns",
                                         "Vladimir Putin", "William Burns"]
    assert {s.rank for s in degree} == {1}
    strength = kg.centrality("strength", top=2)
    assert [(s.label, s.score) for s in strength] == [("Vladimir Putin", 8.0), ("Donald Trump", 7.0)]


def test_institutional_brokers_rank_first(kg: dg.KnowledgeGraph) -> None:
    # the White House no longer joins people whose posts did not hold together (one node per era): Trump,
    # who links his offices of both terms to Putin, and the 2025 negotiating team broker most
    top = kg.centrality("betweenness", top=3, institutional=True)
    assert [s.label for s in top] == ["Donald Trump", "Vladimir Putin", "US negotiating team on Ukraine"]


@pytest.mark.parametrize("measure", MEASURES)
def test_every_measure_ranks_everyone_stably(kg: dg.KnowledgeGraph, measure: str) -> None:
    first = kg.centrality(measure, planned=True, indirect=True)
    again = kg.centrality(measure, planned=True, indirect=True)
    assert first == again
    G = kg.network(planned=True, indirect=True)
    assert len(first) == G.number_of_nodes()
    scores = [s.score for s in first]
    assert scores == sorted(scores, reverse=True)
    for a, b in itertools.pairwise(first):
        if a.score == b.score:
            assert a.rank == b.rank and (a.label, a.iri) < (b.label, b.iri)
        else:
            assert b.rank > a.rank
    assert len(kg.centrality(measure, top=3)) == 3


def test_weighting_matters_where_it_should() -> None:
    G = nx.Graph()
    G.add_edge("a", "b", weight=5.0)
    G.add_edge("b", "c", weight=1.0)
    G.add_edge("c", "d", weight=1.0)
    G.add_edge("d", "a", weight=5.0)
    for n in G:
        G.nodes[n]["label"] = n
    weighted = {s.iri: s.score for s in centrality(G, "pagerank")}
    plain = {s.iri: s.score for s in centrality(G, "pagerank", weighted=False)}
    assert weighted["a"] > weighted["c"] and plain["a"] == pytest.approx(plain["c"])


def test_errors(kg: dg.KnowledgeGraph) -> None:
    with pytest.raises(InvalidArgumentError, match="unknown centrality measure"):
        kg.centrality("fame")
    with pytest.raises(NoAnswerError, match="no edges"):
        kg.centrality("degree", since=2026)
    with pytest.raises(InvalidArgumentError):
        kg.centrality("degree", top=0)
