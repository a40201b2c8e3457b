"""igraph and NetworkX give the same centralities (the igraph engine is rescaled to NetworkX's definitions).

The NetworkX functions themselves are the reference: each test compares
:func:`diplograph.network.centrality.scores` with ``engine="igraph"`` against
``engine="networkx"`` and against a direct NetworkX call.
"""

from __future__ import annotations

import random
from fractions import Fraction

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import diplograph as dg
from diplograph.errors import InvalidArgumentError
from diplograph.network import engine
from diplograph.network.centrality import MEASURES, centrality, scores

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

COMPUTED_BY_IGRAPH = ("betweenness", "closeness", "pagerank")


#: 0 (an institutional tie) and powers of two
EXACT_COUNTS = st.sampled_from([0, 1, 2, 4, 8, 16])


@st.composite
def networks(draw: st.DrawFn, counts: st.SearchStrategy[int] = EXACT_COUNTS) -> nx.Graph:
    """Persons networks: several parts, isolated actors, no self-loops, contact counts as weights.

    Counts default to 0 (an institutional tie) and powers of two, whose
    distances 1 / count add up without rounding (see the engine module).
    """
    n = draw(st.integers(0, 24))
    G = nx.Graph()
    G.add_nodes_from(f"p{i:02d}" for i in range(n))
    if n >= 2:
        pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] != p[1])
        for a, b in draw(st.lists(pairs, max_size=3 * n)):
            # a pair drawn twice keeps the last count, as the projection keeps one edge per pair
            G.add_edge(f"p{a:02d}", f"p{b:02d}", weight=float(draw(counts)))
    return G


def seeded(seed: int, n: int = 60, m: int = 110, parts: int = 3, isolated: int = 4,
           counts: tuple[int, ...] = (1, 2, 4, 8)) -> nx.Graph:
    """A reproducible network of *parts* random components plus *isolated* actors."""
    rng = random.Random(seed)
    G = nx.Graph()
    for p in range(parts):
        H = nx.gnm_random_graph(n // parts, m // parts, seed=rng.randrange(10**6))
        G.add_edges_from((f"c{p}-{a:03d}", f"c{p}-{b:03d}", {"weight": float(rng.choice(counts))})
                         for a, b in H.edges)
        G.add_nodes_from(f"c{p}-{a:03d}" for a in H.nodes)
    G.add_nodes_from(f"alone-{i}" for i in range(isolated))
    for v in G:
        G.nodes[v]["label"] = v
    return G


def assert_same(a: dict[str, float], b: dict[str, float], tol: float = 1e-9) -> None:
    assert a.keys() == b.keys()
    worst = max((abs(a[k] - b[k]) for k in a), default=0.0)
    assert worst <= tol, f"engines differ by {worst:g}"


@SETTINGS
@given(networks(), st.sampled_from(COMPUTED_BY_IGRAPH), st.booleans())
def test_engines_agree_on_random_networks(G: nx.Graph, measure: str, weighted: bool) -> None:
    fast = scores(G, measure, weighted=weighted, engine="igraph")
    slow = scores(G, measure, weighted=weighted, engine="networkx")
    assert_same(fast, slow)


@SETTINGS
@given(networks(st.integers(0, 50)))
def test_engines_agree_on_any_counts_where_no_path_ties_can_round(G: nx.Graph) -> None:
    # PageRank and closeness do not count shortest paths: any count will do
    for measure in ("pagerank", "closeness"):
        assert_same(scores(G, measure, engine="igraph"), scores(G, measure, engine="networkx"))
    # unweighted betweenness counts hops: no rounding either
    assert_same(scores(G, "betweenness", weighted=False, engine="igraph"),
                scores(G, "betweenness", weighted=False, engine="networkx"))


@pytest.mark.parametrize("seed", range(4))
def test_igraph_matches_networkx_itself(seed: int) -> None:
    """The reference is NetworkX's own function on the 1 / count distances, not our networkx path."""
    G = seeded(seed)
    D = nx.Graph()
    D.add_nodes_from(G)
    D.add_edges_from((a, b, {"distance": 1.0 / w}) for a, b, w in G.edges(data="weight"))
    assert_same(scores(G, "betweenness", engine="igraph"), nx.betweenness_centrality(D, weight="distance"))
    assert_same(scores(G, "closeness", engine="igraph"), nx.closeness_centrality(D, distance="distance"))
    assert_same(scores(G, "pagerank", engine="igraph"), nx.pagerank(G, weight="weight", tol=1e-14, max_iter=1000))
    assert_same(scores(G, "pagerank", weighted=False, engine="igraph"), nx.pagerank(G, weight=None, tol=1e-14,
                                                                                   max_iter=1000))
    # NetworkX's default tolerance is looser: still the same answer to ~1e-5
    assert_same(scores(G, "pagerank", engine="igraph"), nx.pagerank(G, weight="weight"), tol=1e-5)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("measure", COMPUTED_BY_IGRAPH)
@pytest.mark.parametrize("weighted", [True, False])
def test_rankings_identical(seed: int, measure: str, weighted: bool) -> None:
    G = seeded(seed)
    fast = centrality(G, measure, weighted=weighted, engine="igraph")
    slow = centrality(G, measure, weighted=weighted, engine="networkx")
    assert [(s.rank, s.iri) for s in fast] == [(s.rank, s.iri) for s in slow]
    assert [s.score for s in fast] == pytest.approx([s.score for s in slow], abs=1e-9)
    assert len({s.rank for s in fast}) > 1  # the comparison is not vacuous: the scores differ


@pytest.mark.parametrize("measure", MEASURES)
def test_seed_graph_answers_do_not_depend_on_the_engine(kg: dg.KnowledgeGraph, measure: str) -> None:
    G = kg.network(planned=True, indirect=True)
    fast = centrality(G, measure, engine="igraph")
    slow = centrality(G, measure, engine="networkx")
    assert [(s.rank, s.iri, s.score) for s in fast] == [(s.rank, s.iri, pytest.approx(s.score, abs=1e-9))
                                                        for s in slow]


def test_default_engine_can_be_forced(monkeypatch: pytest.MonkeyPatch) -> None:
    assert engine.resolve() == "igraph"
    monkeypatch.setattr(engine, "DEFAULT", "networkx")
    assert engine.resolve() == "networkx"
    monkeypatch.setattr(engine, "DEFAULT", "graph-tool")
    with pytest.raises(InvalidArgumentError, match="unknown engine 'graph-tool'"):
        scores(nx.path_graph(3), "pagerank")


def test_unknown_engine() -> None:
    with pytest.raises(InvalidArgumentError, match="engines: igraph, networkx"):
        scores(nx.path_graph(3), "pagerank", engine="rustworkx")


def test_directed_and_multigraphs_are_read_as_one_undirected_edge_per_pair() -> None:
    D = nx.DiGraph([("a", "b", {"weight": 2.0}), ("b", "c", {"weight": 1.0}), ("c", "a", {"weight": 4.0})])
    D.add_node("z")
    M = nx.MultiGraph([("a", "b"), ("a", "b"), ("b", "c")])
    for G in (D, M):
        for measure in COMPUTED_BY_IGRAPH:
            assert_same(scores(G, measure, engine="igraph"), scores(G, measure, engine="networkx"))


def exact_betweenness(G: nx.Graph) -> dict[str, float]:
    """NetworkX's betweenness on exact rational distances 1 / count: path lengths never round."""
    D = nx.Graph()
    D.add_nodes_from(G)
    D.add_edges_from((a, b, {"distance": Fraction(1, max(int(w), 1))}) for a, b, w in G.edges(data="weight"))
    return {str(k): float(v) for k, v in nx.betweenness_centrality(D, weight="distance").items()}


def test_the_one_known_difference_float_ties_in_weighted_paths() -> None:
    """s–a–b–t (counts 2, 3, 6) and s–c–t (counts 2, 2) are both 1 long, but 1/2 + 1/3 + 1/6 rounds below 1.

    igraph compares path lengths with a tolerance and splits the pair s–t
    between both routes, as exact arithmetic does; NetworkX's float sums
    see the first route as shorter (from s, not from t).
    """
    G = nx.Graph()
    G.add_weighted_edges_from([("s", "a", 2), ("a", "b", 3), ("b", "t", 6), ("s", "c", 2), ("c", "t", 2)])
    assert (1 / 2 + 1 / 3) + 1 / 6 < 1 / 2 + 1 / 2
    fast = scores(G, "betweenness", engine="igraph")
    slow = scores(G, "betweenness", engine="networkx")
    assert fast["c"] == pytest.approx(2 * slow["c"])
    assert_same(fast, exact_betweenness(G))
    # unweighted the engines agree
    assert_same(scores(G, "betweenness", weighted=False, engine="igraph"),
                scores(G, "betweenness", weighted=False, engine="networkx"))


@SETTINGS
@given(networks(st.integers(0, 12)))
def test_weighted_betweenness_is_the_exact_one(G: nx.Graph) -> None:
    assert_same(scores(G, "betweenness", engine="igraph"), exact_betweenness(G))


def test_small_networks() -> None:
    for n in range(4):
        G = nx.path_graph([f"v{i}" for i in range(n)])
        for measure in COMPUTED_BY_IGRAPH:
            assert_same(scores(G, measure, engine="igraph"), scores(G, measure, engine="networkx"))


def test_to_igraph_keeps_nodes_edges_and_weights() -> None:
    G = seeded(7)
    nodes, h = engine.to_igraph(G)
    assert nodes == list(G) and h.vcount() == G.number_of_nodes() and h.ecount() == G.number_of_edges()
    back = {frozenset((nodes[e.source], nodes[e.target])): e["weight"] for e in h.es}
    assert back == {frozenset((a, b)): w for a, b, w in G.edges(data="weight")}
    _, plain = engine.to_igraph(G, weight=None)
    assert plain.ecount() == G.number_of_edges() and "weight" not in plain.es.attributes()


# -- the converted graph is kept with the networkx graph --


def _weighted_path() -> nx.Graph:
    return nx.Graph([("a", "b", {"weight": 1}), ("b", "c", {"weight": 4}), ("c", "d", {"weight": 1}),
                     ("a", "d", {"weight": 1})])


def test_conversion_is_kept_and_reused() -> None:
    G = _weighted_path()
    first = scores(G, "pagerank")
    kept = G.__networkx_cache__[engine.CACHE_KEY][True][1]
    assert scores(G, "pagerank") == first
    assert G.__networkx_cache__[engine.CACHE_KEY][True][1] is kept


@pytest.mark.parametrize("change", [
    lambda G: G.add_edge("a", "c", weight=2),
    lambda G: G.remove_edge("b", "c"),
    lambda G: G.add_node("z"),
    lambda G: nx.set_edge_attributes(G, {("a", "b"): 8}, "weight"),
])
def test_a_change_through_networkx_is_seen(change: object) -> None:
    G = _weighted_path()
    for measure in COMPUTED_BY_IGRAPH:
        scores(G, measure)
    change(G)  # type: ignore[operator]
    for measure in COMPUTED_BY_IGRAPH:
        fresh = nx.Graph(G)  # nothing kept
        assert scores(G, measure) == pytest.approx(scores(fresh, measure, engine="networkx"), abs=1e-9)


def test_path_measures_leave_the_kept_weights_alone() -> None:
    G = _weighted_path()
    before = {m: scores(G, m) for m in COMPUTED_BY_IGRAPH}
    for _ in range(2):  # lengths 1/count must not be taken for counts on the next call
        for measure in COMPUTED_BY_IGRAPH:
            assert scores(G, measure) == before[measure]
    assert G.__networkx_cache__[engine.CACHE_KEY][True][1].es["weight"] == [1.0, 1.0, 4.0, 1.0]


def test_in_place_change_needs_the_cache_cleared_or_caching_off(monkeypatch: pytest.MonkeyPatch) -> None:
    G = _weighted_path()
    stale = scores(G, "pagerank")
    G["a"]["b"]["weight"] = 8  # networkx cannot see this change
    assert scores(G, "pagerank") == stale
    G.__networkx_cache__.clear()
    fresh = scores(G, "pagerank")
    assert fresh != stale
    assert fresh == pytest.approx(scores(G, "pagerank", engine="networkx"), abs=1e-9)
    monkeypatch.setattr(nx.config, "cache_converted_graphs", False)
    H = _weighted_path()
    scores(H, "pagerank")
    assert engine.CACHE_KEY not in H.__networkx_cache__
