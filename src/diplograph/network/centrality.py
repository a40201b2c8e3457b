"""Centrality of actors in the persons network, ranked with stable ties.

Measures:

``degree``
    Share of the other actors one is linked to (:func:`networkx.degree_centrality`).
``strength``
    Weighted degree: the number of contacts (edge ``weight``), summed.
``betweenness``
    Share of shortest paths through an actor (exact, normalised as
    :func:`networkx.betweenness_centrality`); with ``weighted=True`` a pair
    with more contacts is closer (distance = 1 / count).
``closeness``
    :func:`networkx.closeness_centrality` (Wasserman–Faust scaling for
    disconnected graphs); weighted like betweenness.
``eigenvector``
    :func:`networkx.eigenvector_centrality`, weighted by contact count.
``pagerank``
    :func:`networkx.pagerank` (damping 0.85), weighted by contact count.

Which library computes: ``betweenness``, ``closeness`` and ``pagerank`` are
computed by igraph and rescaled to NetworkX's definitions (tens of times
faster past a few thousand actors: docs/network.md); ``degree``,
``strength`` and ``eigenvector`` by NetworkX. Pass ``engine="networkx"`` (or
set :data:`diplograph.network.engine.DEFAULT`) to compute everything with
NetworkX; :mod:`.engine` says what differs and why.

Scores are rounded to 12 decimal places (so that floating-point noise does
not split ties). Ranks are competition ranks ("1224"): actors with equal
scores share a rank and are listed by label, then IRI.

Examples
--------
>>> import diplograph as dg
>>> [(s.rank, s.label) for s in dg.load().centrality("degree", top=3)]
[(1, 'Jake Sullivan'), (1, 'Russian counterparts of Sullivan and Burns'), (1, 'Vladimir Putin')]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..errors import InvalidArgumentError, NoAnswerError, unknown_choice
from ..records import Record
from . import engine as _engine

__all__ = ["MEASURES", "CentralityScore", "centrality", "scores"]

#: The measures :func:`centrality` computes.
MEASURES = ("degree", "strength", "betweenness", "closeness", "eigenvector", "pagerank")


@dataclass(frozen=True)
class CentralityScore(Record):
    """An actor's centrality: rank, IRI, labels, type and score."""

    rank: int
    iri: str
    label: str
    label_ar: str | None
    type: str
    score: float

    def __str__(self) -> str:
        return f"{self.rank:>3}. {self.label} {self.score:.4f}"


def _with_distance(G: nx.Graph) -> nx.Graph:
    H = nx.Graph()
    H.add_nodes_from(G.nodes)
    H.add_edges_from((a, b, {"distance": 1.0 / max(float(d.get("weight", 1.0)), 1.0)})
                     for a, b, d in G.edges(data=True))
    return H


def scores(G: nx.Graph, measure: str = "degree", *, weighted: bool = True,
           engine: str | None = None) -> dict[str, float]:
    """Raw scores of every node of *G* for *measure* (see the module documentation).

    Parameters
    ----------
    G : networkx.Graph
        A persons network; edge ``weight`` = number of contacts (ties with 0 count as 1).
    measure : str
        One of :data:`MEASURES`.
    weighted : bool
        Weight by contact count where the measure allows it.
    engine : {"igraph", "networkx"}, optional
        Compute betweenness, closeness and PageRank with igraph or with
        NetworkX (default: :data:`diplograph.network.engine.DEFAULT`, igraph).
        Both give the same scores (to ~1e-11), but for weighted betweenness
        where equal path lengths round differently (see :mod:`.engine`).

    Raises
    ------
    InvalidArgumentError
        An unknown measure or engine.
    NoAnswerError
        Eigenvector centrality that does not converge.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> fast, slow = scores(G, "pagerank"), scores(G, "pagerank", engine="networkx")
    >>> [round(fast[n], 9) == round(slow[n], 9) for n in G]
    [True, True, True]
    """
    if measure not in MEASURES:
        raise unknown_choice("centrality measure", measure, MEASURES)
    use = _engine.resolve(engine)
    if use == "igraph" and measure in _IGRAPH:
        return {str(k): v for k, v in _IGRAPH[measure](G, weighted=weighted).items()}
    weight = "weight" if weighted else None
    # ties (count 0) still link actors: give them weight 1 for weighted measures
    W = nx.Graph()
    W.add_nodes_from(G.nodes)
    W.add_edges_from((a, b, {"weight": max(float(d.get("weight", 1.0)), 1.0)}) for a, b, d in G.edges(data=True))
    computed: dict[str, Callable[[], dict[Any, float]]] = {
        "degree": lambda: nx.degree_centrality(W),
        "strength": lambda: {n: float(v) for n, v in W.degree(weight="weight")},
        "betweenness": lambda: nx.betweenness_centrality(_with_distance(W), weight="distance" if weighted else None),
        "closeness": lambda: nx.closeness_centrality(_with_distance(W), distance="distance" if weighted else None),
        "eigenvector": lambda: nx.eigenvector_centrality(W, max_iter=1000, weight=weight),
        # solved to ~1e-12 like igraph's PRPACK (the default tol=1e-6 leaves errors of ~1e-6)
        "pagerank": lambda: nx.pagerank(W, weight=weight, tol=1e-13, max_iter=1000),
    }
    try:
        return {str(k): float(v) for k, v in computed[measure]().items()}
    except nx.PowerIterationFailedConvergence as exc:
        raise NoAnswerError(f"{measure} centrality did not converge on this network ({exc})") from None


#: Measures computed by igraph when the engine is igraph.
_IGRAPH: dict[str, Callable[..., dict[Any, float]]] = {
    "betweenness": _engine.betweenness,
    "closeness": _engine.closeness,
    "pagerank": _engine.pagerank,
}


def centrality(G: nx.Graph, measure: str = "degree", top: int | None = None, *, weighted: bool = True,
               engine: str | None = None) -> list[CentralityScore]:
    """Actors of a persons network ranked by *measure*, best first.

    Parameters
    ----------
    G : networkx.Graph
        A persons network (:func:`diplograph.network.project`).
    measure : str
        One of :data:`MEASURES`.
    top : int, optional
        Keep the first *top* actors (ties at the cut are broken by label, then IRI).
    weighted : bool
        Weight by contact count where the measure allows it.
    engine : {"igraph", "networkx"}, optional
        The library for betweenness, closeness and PageRank (see :func:`scores`).

    Raises
    ------
    NoAnswerError
        A network without any edge (an empty time window): nothing to rank.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> [(s.label, s.rank) for s in centrality(G, "betweenness")]
    [('b', 1), ('a', 2), ('c', 2)]
    """
    if top is not None and top < 1:
        raise InvalidArgumentError(f"top must be a positive number, got {top}")
    raw = {n: round(v, 12) + 0.0 for n, v in scores(G, measure, weighted=weighted, engine=engine).items()}
    if G.number_of_edges() == 0:
        opts = G.graph.get("options", {})
        raise NoAnswerError(f"the network has no edges under these options {opts}: no {measure} centrality to rank")

    def label(n: str) -> str:
        return str(G.nodes[n].get("label", n))

    order = sorted(raw, key=lambda n: (-raw[n], label(n), n))
    out: list[CentralityScore] = []
    for i, n in enumerate(order):
        rank = out[-1].rank if out and raw[n] == out[-1].score else i + 1
        if top is not None and i >= top:
            break
        d = G.nodes[n]
        out.append(CentralityScore(rank=rank, iri=n, label=label(n), label_ar=d.get("label_ar"),
                                   type=str(d.get("type", "")), score=raw[n]))
    return out
