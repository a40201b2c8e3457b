"""Which library computes what: igraph for the costly centralities, NetworkX for the rest.

The persons network is a :class:`networkx.Graph` everywhere in diplograph.
NetworkX's exact betweenness and closeness are pure Python and take tens of
seconds past a few thousand actors, where igraph takes a second (the figures
are in docs/network.md, "Speed"); its PageRank runs on scipy and is not slow,
but stops at a tolerance of ~1e-6 where igraph's is exact. So
:mod:`.centrality` hands those three to `python-igraph
<https://python.igraph.org>`_ (a C library): the graph is converted here
(:func:`to_igraph`) once per graph and kept with it (in ``G.__networkx_cache__``, like
NetworkX's own backends, see :func:`_contact_weights`), igraph computes, and
the scores come back as a ``{node: score}`` dict rescaled to exactly what
NetworkX returns:

``pagerank``
    ``Graph.pagerank`` (PRPACK, solved to machine precision) equals
    :func:`networkx.pagerank` with damping 0.85 and dangling actors
    (isolated ones) teleporting uniformly. NetworkX's default stopping
    tolerance leaves errors of ~1e-6; the NetworkX engine therefore runs
    it with ``tol=1e-13`` so that both engines agree to ~1e-11.
``betweenness``
    ``Graph.betweenness`` counts each pair once; NetworkX's normalised value
    is that count × 2 / ((n − 1)(n − 2)). Weighted, both use
    distance = 1 / count. One difference remains by design: igraph compares
    weighted path lengths with a relative tolerance of 1e-10, NetworkX
    compares the floating-point sums exactly, so two paths of equal length
    whose sums round differently (1/2 + 1/3 + 1/6 against 1/2 + 1/2) are
    tied in igraph, as in exact arithmetic, and not in NetworkX. Sums of
    1 / count for counts that are powers of two never round. On the bench's
    10k-contact network (3,231 actors, counts 1-8 and more) weighted
    betweenness differed by up to 1.3e-4 and 32 actors changed places
    (the top 10 did not); unweighted, PageRank and closeness: 1e-11 or less.
``closeness``
    ``Graph.closeness`` (igraph ≥ 0.10) averages over the actors one can
    reach, and gives NaN to an isolated one; multiplied by
    (r − 1)² / (n − 1) (r = size of the actor's component, n = actors) it
    is NetworkX's Wasserman–Faust scaled :func:`networkx.closeness_centrality`,
    and isolated actors score 0 as in NetworkX.

Left to NetworkX: ``degree`` and ``strength`` (one pass over the adjacency,
already fast) and ``eigenvector`` (igraph scales the vector to maximum 1
where NetworkX scales it to unit length, and the two differ on disconnected
networks, where the leading eigenvector is not unique), as well as brokers
and communities (:mod:`.structure`: seeded community detection must stay
reproducible with NetworkX's random streams).

igraph is a core dependency (``igraph`` on PyPI ships compiled ``abi3``
wheels for Linux, macOS and Windows). Should it fail to import, the default
engine falls back to NetworkX with a logged warning; asking for
``engine="igraph"`` explicitly then raises :class:`ImportError`.

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph([("a", "b"), ("b", "c")])
>>> {n: round(v, 6) for n, v in betweenness(G).items()}
{'a': 0.0, 'b': 1.0, 'c': 0.0}
>>> resolve("networkx")
'networkx'
"""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Hashable
from typing import Any

import networkx as nx

from ..errors import InvalidArgumentError, unknown_choice

__all__ = ["CACHE_KEY", "DEFAULT", "ENGINES", "available", "betweenness", "closeness", "pagerank", "resolve",
           "to_igraph"]

log = logging.getLogger(__name__)

#: The engines :func:`diplograph.network.centrality.scores` accepts.
ENGINES = ("igraph", "networkx")

#: The engine used when none is asked for; set it to ``"networkx"`` to force NetworkX everywhere.
DEFAULT = "igraph"


@functools.cache
def available() -> bool:
    """Whether python-igraph can be imported.

    Examples
    --------
    >>> available()
    True
    """
    try:
        import igraph  # noqa: F401
    except ImportError as exc:  # pragma: no cover - igraph is a core dependency
        log.warning("python-igraph is not importable (%s): centrality falls back to NetworkX", exc)
        return False
    return True


def resolve(engine: str | None = None) -> str:
    """The engine to compute with: *engine*, else :data:`DEFAULT` (NetworkX if igraph is missing).

    Raises
    ------
    InvalidArgumentError
        An unknown engine.
    ImportError
        ``"igraph"`` asked for explicitly without igraph installed.
    """
    if engine is None:
        if DEFAULT not in ENGINES:
            raise InvalidArgumentError(f"unknown engine {DEFAULT!r} in diplograph.network.engine.DEFAULT; "
                                       f"engines are {', '.join(ENGINES)}")
        return DEFAULT if DEFAULT == "networkx" or available() else "networkx"
    if engine not in ENGINES:
        raise unknown_choice("engine", engine, ENGINES)
    if engine == "igraph" and not available():  # pragma: no cover - igraph is a core dependency
        raise ImportError("engine 'igraph' needs the python-igraph package (pip install igraph)")
    return engine


def to_igraph(G: nx.Graph, weight: str | None = "weight", *, default: float = 1.0,
              minimum: float | None = None) -> tuple[list[Hashable], Any]:
    """*G* (undirected) as an :class:`igraph.Graph` and its nodes in vertex order.

    Edge weights (attribute *weight*, *default* where missing, raised to
    *minimum* if given) are stored as the igraph edge attribute ``weight``;
    with ``weight=None`` none is stored.

    Examples
    --------
    >>> nodes, h = to_igraph(nx.Graph([("a", "b", {"weight": 3}), ("b", "c", {"weight": 0})]), minimum=1)
    >>> nodes, h.get_edgelist(), h.es["weight"]
    (['a', 'b', 'c'], [(0, 1), (1, 2)], [3.0, 1.0])
    """
    import igraph as ig

    nodes = list(G)
    index = {n: i for i, n in enumerate(nodes)}
    edges: list[tuple[int, int]] = []
    weights: list[float] = []
    add_edge, add_weight = edges.append, weights.append
    low = float("-inf") if minimum is None else float(minimum)
    # one pass over the adjacency dicts: twice as fast as G.edges(data=...) on 30,000 edges
    for a, neighbours in G.adjacency():
        i = index[a]
        for b, d in neighbours.items():
            j = index[b]
            if j >= i:
                add_edge((i, j))
                w = d.get(weight, default) if weight is not None else low
                add_weight(w if w > low else low)
    h = ig.Graph(n=len(nodes), edges=edges)
    if weight is not None:
        h.es["weight"] = [float(w) for w in weights]
    return nodes, h


#: Where a converted graph is kept, in the graph's own ``__networkx_cache__``.
CACHE_KEY = "diplograph.igraph"


def _contact_weights(G: nx.Graph, weighted: bool = True) -> tuple[list[Hashable], Any]:
    """*G* in igraph with weight = contact count, at least 1 (ties count as one contact), if *weighted*.

    The conversion costs more than igraph's PageRank itself (docs/network.md),
    so it is kept in ``G.__networkx_cache__``, as
    NetworkX keeps the graphs it converts for its own backends: NetworkX
    empties that cache whenever the graph changes through its methods
    (``add_edge``, ``remove_node``, ``set_edge_attributes`` ...). An edge
    attribute changed in place (``G[a][b]["weight"] = 3``) does not empty it:
    call ``G.__networkx_cache__.clear()`` after such a change, or turn caching
    off with ``networkx.config.cache_converted_graphs = False``.

    Examples
    --------
    >>> G = nx.Graph([("a", "b", {"weight": 2})])
    >>> _contact_weights(G)[1] is _contact_weights(G)[1]
    True
    >>> G.add_edge("b", "c")
    >>> _contact_weights(G)[1].ecount()
    2
    """
    cache: dict[Any, Any] | None = getattr(G, "__networkx_cache__", None)
    if cache is None or not nx.config.cache_converted_graphs:
        return _convert(G, weighted)
    converted = cache.setdefault(CACHE_KEY, {})
    if weighted not in converted:
        converted[weighted] = _convert(G, weighted)
    found: tuple[list[Hashable], Any] = converted[weighted]
    return found


def _convert(G: nx.Graph, weighted: bool) -> tuple[list[Hashable], Any]:
    if G.is_directed() or G.is_multigraph():  # as the NetworkX engine sees it: one undirected edge per pair
        W = nx.Graph()
        W.add_nodes_from(G.nodes)
        W.add_edges_from(G.edges(data=True))
        G = W
    return to_igraph(G, "weight" if weighted else None, minimum=1.0)


def pagerank(G: nx.Graph, *, weighted: bool = True) -> dict[Hashable, float]:
    """PageRank (damping 0.85) of every node, weight = contact count; as :func:`networkx.pagerank`.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> {n: round(v, 6) for n, v in pagerank(G).items()}
    {'a': 0.256757, 'b': 0.486486, 'c': 0.256757}
    """
    if G.number_of_nodes() == 0:
        return {}
    nodes, h = _contact_weights(G, weighted)
    values = h.pagerank(directed=False, damping=0.85, weights="weight" if weighted else None)
    return dict(zip(nodes, map(float, values), strict=True))


def _distances(h: Any) -> list[float]:
    """Edge lengths 1 / contact count, for path-based measures (the cached graph keeps its weights)."""
    return [1.0 / w for w in h.es["weight"]]


def betweenness(G: nx.Graph, *, weighted: bool = True) -> dict[Hashable, float]:
    """Exact normalised betweenness, distance = 1 / contact count; as :func:`networkx.betweenness_centrality`."""
    n = G.number_of_nodes()
    if n <= 2:
        return dict.fromkeys(G, 0.0)
    nodes, h = _contact_weights(G, weighted)
    values = h.betweenness(directed=False, weights=_distances(h) if weighted else None)
    scale = 2.0 / ((n - 1) * (n - 2))
    return {v: float(b) * scale for v, b in zip(nodes, values, strict=True)}


def closeness(G: nx.Graph, *, weighted: bool = True) -> dict[Hashable, float]:
    """Closeness with Wasserman–Faust scaling, distance = 1 / contact count; as
    :func:`networkx.closeness_centrality`.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> G.add_node("z")
    >>> {n: round(v, 6) for n, v in closeness(G).items()}
    {'a': 0.444444, 'b': 0.666667, 'c': 0.444444, 'z': 0.0}
    """
    n = G.number_of_nodes()
    if n <= 1:
        return dict.fromkeys(G, 0.0)
    nodes, h = _contact_weights(G, weighted)
    values = h.closeness(weights=_distances(h) if weighted else None, normalized=False)
    components = h.connected_components()
    sizes = components.sizes()
    reach = [sizes[c] for c in components.membership]
    out: dict[Hashable, float] = {}
    for v, c, r in zip(nodes, values, reach, strict=True):
        out[v] = 0.0 if r <= 1 or math.isnan(c) else float(c) * (r - 1) * (r - 1) / (n - 1)
    return out
