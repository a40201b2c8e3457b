"""Which nodes matter most: the centrality behind node sizes and label order, and the nodes a large page keeps.

Examples
--------
>>> import networkx as nx
>>> centrality(nx.path_graph(["a", "b", "c"]), "degree")
{'a': 0.5, 'b': 1.0, 'c': 0.5}
>>> ranks({"a": 0.5, "b": 1.0, "c": 0.5})
{'b': 1, 'a': 2, 'c': 3}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx

from ..errors import unknown_choice
from ..network import engine
from ..network.centrality import MEASURES, scores
from .style import SEED

__all__ = ["ACTOR_TYPES", "BETWEENNESS_SAMPLE", "SIZE_MEASURES", "centrality", "contact_years", "ranks", "reduce",
           "samples"]

#: Measures a node's size can show (those of :mod:`diplograph.network.centrality`).
SIZE_MEASURES = MEASURES
#: Betweenness above this many nodes is estimated from a sample of this many sources (only without igraph).
BETWEENNESS_SAMPLE = 500
#: Node types that are actors.
ACTOR_TYPES = ("person", "organisation", "country", "group")


def samples(nodes: int) -> bool:
    """Whether betweenness over *nodes* nodes is estimated from a sample (only without igraph: exact is fast)."""
    return nodes > BETWEENNESS_SAMPLE and engine.resolve() == "networkx"


def centrality(g: Any, measure: str = "degree") -> dict[Any, float]:
    """The value of *measure* for every node of *g* (an undirected graph).

    Parameters
    ----------
    g : networkx.Graph
    measure : str
        One of :data:`SIZE_MEASURES` (``strength`` counts a node's events).
        Computed by :func:`diplograph.network.centrality.scores`, except
        betweenness above 500 nodes when igraph is missing: estimated from
        500 sampled sources (with igraph it is exact, and fast).

    Raises
    ------
    InvalidArgumentError
        An unknown measure.
    """
    if measure not in SIZE_MEASURES:
        raise unknown_choice("size measure", measure, SIZE_MEASURES)
    if g.number_of_nodes() == 0:
        return {}
    if measure == "betweenness" and samples(g.number_of_nodes()):
        return dict(nx.betweenness_centrality(g, k=BETWEENNESS_SAMPLE, seed=SEED))
    return dict(scores(g, measure))


def ranks(values: Mapping[Any, float]) -> dict[Any, int]:
    """Each node's place (1 = most central) by *values*, ties broken by the node's id."""
    order = sorted(values, key=lambda n: (-values[n], str(n)))
    return {n: i + 1 for i, n in enumerate(order)}


def contact_years(d: Mapping[str, Any]) -> list[int]:
    """The years of an edge's contacts that took place (plans left out); its ``last`` date without ``dates``.

    Examples
    --------
    >>> contact_years({"dates": ["2019-05-01", "2026", None], "planned": [False, True, False]})
    [2019]
    >>> contact_years({"last": "2020-02"})
    [2020]
    """
    dates = d.get("dates")
    if dates is None:
        dates, planned = [d.get("last")], [False]
    else:
        planned = list(d.get("planned") or []) + [False] * len(dates)
    years = (str(x)[:4] for x, plan in zip(dates, planned, strict=False) if x and not plan)
    return [int(y) for y in years if y.isdigit()]


def reduce(g: nx.Graph, max_nodes: int, rank_by: str, graph: Any) -> tuple[nx.Graph, dict[str, Any]]:
    """The *max_nodes* nodes of *g* ranked highest by *rank_by* (ties by IRI), with the edges among them.

    A node that would have no edge among those kept gives its place to the
    next ranked node that has one (an organisation linked only to people
    left out tells nothing on the page).

    Examples
    --------
    >>> import networkx as nx
    >>> star = nx.star_graph(["hub", "a", "b", "c"])
    >>> star.add_edge("a", "b")
    >>> part, reduced = reduce(star, 2, "degree", star)
    >>> sorted(part), reduced["shown"], reduced["total"], reduced["edges"], reduced["total_edges"]
    (['a', 'hub'], 2, 4, 1, 4)
    """
    rank = centrality(g, rank_by)
    order = sorted(g, key=lambda n: (-rank.get(n, 0.0), str(n)))
    keep = order[:max_nodes]
    # a node ranked high for links to nodes left out would stand alone on the page: its place goes
    # to the next ranked node with a link to those kept (a few rounds: each swap can strand others)
    rest = order[max_nodes:]
    for _ in range(4):
        kept = set(keep)
        lonely = {n for n in keep if not any(m in kept for m in g[n] if m != n)}
        if not lonely or not rest:
            break
        kept -= lonely
        fill = [n for n in rest if any(m in kept for m in g[n] if m != n)][:len(lonely)]
        if not fill:
            break
        taken = set(fill)
        rest = [n for n in rest if n not in taken] + sorted(lonely, key=order.index)
        keep = sorted(kept | taken | set(sorted(lonely, key=order.index)[:len(lonely) - len(fill)]),
                      key=order.index)
    part = g.subgraph(keep).copy()
    actors = [n for n in keep if g.nodes[n].get("type") in ACTOR_TYPES]
    top = g.nodes[actors[0]].get("label") if actors else None
    network = (graph.graph.get("options") or {}).get("network")
    last = max((y for _, _, d in g.edges(data=True) for y in contact_years(d)), default=None)
    reduced = {"shown": part.number_of_nodes(), "total": g.number_of_nodes(), "edges": part.number_of_edges(),
               "total_edges": g.number_of_edges(), "rank_by": rank_by,
               "unit": "actors" if network == "persons" else "nodes", "top": str(top) if top else None,
               "last_year": last}
    return part, reduced
