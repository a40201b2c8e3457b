"""Brokers and structure: articulation points, bridges, ego networks, communities.

Examples
--------
>>> import diplograph as dg
>>> b = dg.load().brokers()
>>> [a.label for a in b.articulation_points]
['Vladimir Putin']
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..errors import InvalidArgumentError, NoAnswerError, unknown_choice
from ..records import ActorRef, Record
from .paths import Hop, explain_hop, reach
from .projection import part_in_order

__all__ = ["ALGORITHMS", "Brokers", "Community", "brokers", "communities", "ego"]

#: Community detection algorithms :func:`communities` offers.
ALGORITHMS = ("greedy-modularity", "louvain", "label-propagation")


def _ref(G: nx.Graph, n: str) -> ActorRef:
    d = G.nodes[n]
    return ActorRef(n, d.get("label", n), d.get("label_ar"))


@dataclass(frozen=True)
class Broker(Record):
    """An articulation point: removing the actor splits its component into *splits* parts."""

    actor: ActorRef
    splits: int


@dataclass(frozen=True)
class Brokers(Record):
    """Articulation points (actors whose removal disconnects others) and bridges (edges likewise).

    ``articulation_points`` lists actors, most splitting first, then by label;
    ``brokers`` gives the same with the number of parts each leaves.
    """

    articulation_points: tuple[ActorRef, ...]
    brokers: tuple[Broker, ...]
    bridges: tuple[Hop, ...]
    options: dict[str, Any]


def brokers(G: nx.Graph) -> Brokers:
    """Articulation points and bridges of a persons network, each bridge explained.

    Examples
    --------
    >>> import diplograph as dg
    >>> b = brokers(dg.load().network())
    >>> [(h.a.label, h.b.label) for h in b.bridges]
    [('Donald Trump', 'Vladimir Putin'), ('Joe Biden', 'Vladimir Putin')]
    """
    # an actor in k > 1 biconnected blocks is an articulation point whose removal leaves k parts of its
    # component: one pass, instead of removing each actor and counting components (docs/network.md)
    blocks: dict[str, int] = {}
    for block in nx.biconnected_components(G):
        for n in block:
            blocks[n] = blocks.get(n, 0) + 1
    found = [Broker(_ref(G, n), k) for n, k in blocks.items() if k > 1]
    found.sort(key=lambda b: (-b.splits, b.actor.label, b.actor.iri))

    def label(n: str) -> str:
        return str(G.nodes[n].get("label", n))

    bridges = []
    for a, b in nx.bridges(G):
        x, y = sorted((a, b), key=lambda n: (label(n), n))
        bridges.append(explain_hop(G, x, y))
    bridges.sort(key=lambda h: (h.a.label, h.b.label, h.a.iri, h.b.iri))
    return Brokers(articulation_points=tuple(b.actor for b in found), brokers=tuple(found),
                   bridges=tuple(bridges), options=dict(G.graph.get("options", {})))


def ego(G: nx.Graph, node: Hashable | Sequence[Hashable], depth: int = 1) -> nx.Graph:
    """The ego network of *node*: everyone within *depth* hops, with node attribute ``distance``.

    *node* may be the nodes of one actor (an organisation drawn once per
    era). Distances count the hops of walks whose joins are valid in time
    (:func:`diplograph.network.paths.reach`): through an institutional tie only
    while it held. The result is a copy with the edges among them, and the
    graph attribute ``ego`` = (node, depth) beside the projection's ``options``.

    Raises
    ------
    InvalidArgumentError
        A depth below 1 (the actor alone is not a network).

    Examples
    --------
    >>> G = nx.path_graph(["a", "b", "c", "d"])
    >>> sorted(ego(G, "b", 1).nodes(data="distance"))
    [('a', 1), ('b', 0), ('c', 1)]
    """
    if depth < 1:
        raise InvalidArgumentError(f"depth must be 1 or more, got {depth} (the actor alone is not a network)")
    starts = [node] if isinstance(node, str) or not isinstance(node, Sequence) else list(node)
    dist = reach(G, starts, depth)
    E = G.subgraph(dist).copy() if G.is_multigraph() else part_in_order(G, dist)
    for n, d in dist.items():
        E.nodes[n]["distance"] = d
    E.graph["ego"] = (starts[0] if len(starts) == 1 else tuple(starts), depth)
    return E


@dataclass(frozen=True)
class Community(Record):
    """A community: its number (largest first), members (by label), size and internal contacts."""

    index: int
    members: tuple[ActorRef, ...]
    size: int
    contacts: int


def communities(G: nx.Graph, algorithm: str = "greedy-modularity", *, seed: int = 0,
                min_size: int = 2) -> list[Community]:
    """Communities of a persons network, largest first.

    Parameters
    ----------
    algorithm : {"greedy-modularity", "louvain", "label-propagation"}
        ``greedy-modularity``: Clauset–Newman–Moore greedy modularity
        maximisation (:func:`networkx.community.greedy_modularity_communities`),
        deterministic; ``louvain``: :func:`networkx.community.louvain_communities`
        with *seed*; ``label-propagation``: asynchronous label propagation with *seed*.
        All weight edges by contact count (ties count as 1).
    min_size : int
        Leave out smaller communities (isolated actors by default).

    Raises
    ------
    NoAnswerError
        A network without edges.

    Examples
    --------
    >>> import diplograph as dg
    >>> [[m.label for m in c.members] for c in communities(dg.load().network())][:1]
    [['Donald Trump', 'Joe Biden', 'Vladimir Putin']]
    """
    if algorithm not in ALGORITHMS:
        raise unknown_choice("community algorithm", algorithm, ALGORITHMS)
    if G.number_of_edges() == 0:
        raise NoAnswerError(f"the network has no edges under these options {G.graph.get('options', {})}: "
                            "no communities")
    W = nx.Graph()
    W.add_nodes_from(sorted(G.nodes))
    W.add_edges_from(sorted((min(a, b), max(a, b), {"weight": max(float(d.get("weight", 1.0)), 1.0)})
                            for a, b, d in G.edges(data=True)))
    if algorithm == "greedy-modularity":
        parts = nx.community.greedy_modularity_communities(W, weight="weight")
    elif algorithm == "louvain":
        parts = nx.community.louvain_communities(W, weight="weight", seed=seed)
    else:
        parts = nx.community.asyn_lpa_communities(W, weight="weight", seed=seed)

    def label(n: str) -> str:
        return str(G.nodes[n].get("label", n))

    groups = [sorted(p, key=lambda n: (label(n), n)) for p in parts if len(p) >= min_size]
    groups.sort(key=lambda g: (-len(g), label(g[0]), g[0]))
    return [Community(index=i + 1, members=tuple(_ref(G, n) for n in g), size=len(g),
                      contacts=int(sum(G.edges[a, b].get("count", 0) for a, b in G.subgraph(g).edges)))
            for i, g in enumerate(groups)]
