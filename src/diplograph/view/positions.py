"""Where the page puts each node: igraph's layouts, seeded, then packed and kept apart.

Every page is laid out here, in Python, and drawn with physics off, so the
same graph always gives the same picture and the page shows it at once.
Each connected part is laid out on its own with igraph: Kamada–Kawai (edge
lengths follow the steps between nodes, which keeps the events of a
bipartite page between their actors; on small parts the least cluttered
of a few seeded starts, the one with the fewest edges drawn through other
nodes) up to :data:`KK_MAX` nodes,
Fruchterman–Reingold with its grid above. The parts are scaled to the same
edge length, packed in rows (largest first, nodes without edges last, in a
block of their own), and nodes that would still touch are pushed apart
until no two node shapes overlap.

Examples
--------
>>> import networkx as nx
>>> g = nx.path_graph(4); g.add_node("lone")
>>> pos = positions(g)
>>> sorted(pos, key=str) == [0, 1, 2, 3, "lone"], pos == positions(g)
(True, True)
>>> apart(pos, {n: 10.0 for n in g})
True
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Hashable, Mapping
from typing import Any

import igraph as ig
import networkx as nx
import numpy as np

from .style import SEED

__all__ = ["EDGE_LENGTH", "EVENT_STEP", "GAP", "KK_MAX", "MIN_NODE_PX", "SEED", "apart", "kd_tree", "positions",
           "visible_sizes"]

#: Up to this many nodes a connected part is laid out with Kamada–Kawai, above with Fruchterman–Reingold.
KK_MAX = 250
#: The width, in screen pixels, a page is drawn in at first (the smallest window the page is made for).
VIEW_PX = 680.0
#: Up to this many nodes, a part is laid out from several seeded starts and the least cluttered kept.
CHOOSE_MAX = 120
#: The edges with the most contacts keep room for their labels (a stand-in node at their middle).
LABELLED_EDGES = 12
#: The typical length of an edge, in the page's canvas units (node sizes are in the same units).
EDGE_LENGTH = 170.0
#: The least room between two node shapes, in canvas units.
GAP = 14.0
#: How far apart the events of one group of actors stand on a bipartite page, in canvas units.
EVENT_STEP = 78.0

Point = tuple[float, float]


def _seeded(fn: Callable[[], Any], seed: int = SEED) -> Any:
    """Run an igraph layout with igraph's random numbers drawn from a generator seeded with *seed*."""
    ig.set_random_number_generator(random.Random(seed))
    try:
        return fn()
    finally:
        ig.set_random_number_generator(random)


def _part(graph: ig.Graph, lengths: list[float] | None = None) -> np.ndarray:
    """Positions of one connected part, scaled so that its median edge is 1 long.

    *lengths* (one per edge, Kamada–Kawai only) make some edges longer than others.
    """
    n = graph.vcount()
    if n == 1:
        return np.zeros((1, 2))
    edges = np.asarray(graph.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    if n > KK_MAX:
        steps = 500 if n <= 2000 else 200
        return _unit(np.asarray(_seeded(lambda: graph.layout_fruchterman_reingold(niter=steps, grid="grid")).coords,
                                dtype=float), edges)
    starts = [graph.layout_circle().coords]
    tries = 6 if n <= 40 else 2 if n <= CHOOSE_MAX else 0  # a few seeded starts: the least cluttered is kept
    starts += [_seeded(lambda: graph.layout_random().coords, SEED + k) for k in range(1, tries)]
    best: tuple[float, int, np.ndarray] | None = None
    for k, (start, weights) in enumerate((st, w) for st in starts for w in (lengths, None)):
        def kamada_kawai(start: Any = start, weights: Any = weights) -> Any:
            return graph.layout_kamada_kawai(seed=start, maxiter=50 * n, weights=weights)

        xy = _unit(np.asarray(_seeded(kamada_kawai).coords, dtype=float), edges)
        score = _crowding(xy, edges, lengths)
        if best is None or score < best[0]:
            best = (score, k, xy)
    assert best is not None
    return best[2]


def _unit(xy: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """*xy* centred and scaled so that its median edge is 1 long."""
    lengths = np.hypot(*(xy[edges[:, 0]] - xy[edges[:, 1]]).T) if len(edges) else np.ones(1)
    median = float(np.median(lengths)) or 1.0
    out: np.ndarray = (xy - xy.mean(axis=0)) / median
    return out


def kd_tree(xy: np.ndarray) -> Any:
    """A k-d tree of the points *xy* (scipy's, imported only when a page is drawn)."""
    from scipy.spatial import cKDTree  # type: ignore[import-untyped]

    return cKDTree(xy)


def _crowding(xy: np.ndarray, edges: np.ndarray, lengths: list[float] | None = None, reach: float = 0.22) -> float:
    """How cluttered a picture is: edges passing through other nodes (within *reach* edge lengths of
    them) count 1 each, nodes closer than *reach* to each other 1 each, and an edge shorter than its
    *lengths* (the room its label needs) its shortfall, twice."""
    a, b = xy[edges[:, 0]], xy[edges[:, 1]]
    ab = b - a
    length2 = np.maximum((ab ** 2).sum(axis=1), 1e-12)
    t = np.clip(((xy[None, :, :] - a[:, None, :]) * ab[:, None, :]).sum(axis=2) / length2[:, None], 0.0, 1.0)
    nearest = a[:, None, :] + t[:, :, None] * ab[:, None, :]
    dist = np.hypot(*(nearest - xy[None, :, :]).transpose(2, 0, 1))
    ends = np.zeros_like(dist, dtype=bool)
    ends[np.arange(len(edges)), edges[:, 0]] = True
    ends[np.arange(len(edges)), edges[:, 1]] = True
    through = int(((dist < reach) & ~ends).sum())
    close = len(kd_tree(xy).query_pairs(reach))
    short = 0.0
    if lengths is not None:
        drawn = np.sqrt(length2)
        short = float(np.maximum(np.asarray(lengths) - drawn, 0.0)[np.asarray(lengths) > 1.0].sum())
    return float(through + close) + 2.0 * short


def _pack(parts: list[np.ndarray], aspect: float = 1.5) -> list[np.ndarray]:
    """Place parts (largest first) in rows of a block about *aspect* times as wide as high."""
    boxes = [(p.min(axis=0), p.max(axis=0)) for p in parts]
    area = sum(float(np.prod(hi - lo + 1.0)) for lo, hi in boxes)
    width = max(math.sqrt(area * aspect), max(float(hi[0] - lo[0] + 1.0) for lo, hi in boxes))
    out, x, y, row = [], 0.0, 0.0, 0.0
    for part, (lo, hi) in zip(parts, boxes, strict=True):
        w, h = float(hi[0] - lo[0]) + 1.0, float(hi[1] - lo[1]) + 1.0
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row, 0.0
        out.append(part - lo + np.array([x + 0.5, y + 0.5]))
        x, row = x + w, max(row, h)
    return out


def _lone_block(count: int, width: float, top: float) -> np.ndarray:
    """Rows of *count* nodes without edges under the rest, one edge length apart."""
    per_row = max(1, int(width))
    return np.array([[0.5 + i % per_row, top + 1.0 + i // per_row] for i in range(count)], dtype=float)


def _spread(xy: np.ndarray, radii: np.ndarray) -> np.ndarray:
    """*xy* scaled up where nodes crowd: the closest fifth of the nodes get room for two typical nodes."""
    if len(xy) < 3:
        return xy
    nearest = kd_tree(xy).query(xy, k=2)[0][:, 1]
    crowded = float(np.percentile(nearest, 20))
    room = 2.0 * float(np.median(radii)) + GAP
    return xy * (room / crowded) if 0.0 < crowded < room else xy


def _close_pairs(xy: np.ndarray, radii: np.ndarray, gap: float) -> np.ndarray:
    """Pairs of nodes that may be closer than their radii and *gap*: found with one tree query for the
    ordinary nodes and one per node with a much larger radius (the room a name needs), not all pairs."""
    tree = kd_tree(xy)
    typical = float(np.median(radii))
    big = np.flatnonzero(radii > 3.0 * typical + gap)
    small = radii.copy()
    small[big] = typical
    ordinary: np.ndarray = np.asarray(tree.query_pairs(2.0 * float(small.max()) + gap, output_type="ndarray"),
                                      dtype=np.int64).reshape(-1, 2)
    if not len(big):
        return ordinary
    is_big = np.zeros(len(xy), dtype=bool)
    is_big[big] = True
    ordinary = ordinary[~(is_big[ordinary[:, 0]] | is_big[ordinary[:, 1]])]
    widest = float(radii.max())
    near_big = []
    for i in big:
        near = np.asarray(tree.query_ball_point(xy[i], float(radii[i]) + widest + gap), dtype=np.int64)
        near = near[near != i]
        near_big.append(np.column_stack([np.minimum(near, i), np.maximum(near, i)]))
    return np.concatenate([ordinary, np.unique(np.concatenate(near_big), axis=0)])


def _separate(xy: np.ndarray, radii: np.ndarray, gap: float = GAP, rounds: int = 60) -> np.ndarray:
    """Push apart every two nodes whose shapes (discs of *radii*) come closer than *gap*."""
    xy = xy.copy()
    for _ in range(rounds):
        pairs = _close_pairs(xy, radii, gap)
        if not len(pairs):
            break
        i, j = pairs[:, 0], pairs[:, 1]
        delta = xy[j] - xy[i]
        dist = np.hypot(delta[:, 0], delta[:, 1])
        need = radii[i] + radii[j] + gap
        close = dist < need
        if not close.any():
            break
        i, j, delta, dist, need = i[close], j[close], delta[close], dist[close], need[close]
        same = dist < 1e-9  # two nodes on one spot: split them along a fixed direction
        delta[same] = np.array([1.0, 0.0])
        dist[same] = 1.0
        push = (delta / dist[:, None]) * ((need - dist) / 2.0 + 0.01)[:, None]
        moves = np.zeros_like(xy)
        np.add.at(moves, i, -push)
        np.add.at(moves, j, push)
        xy += moves
    return xy


def _length(count: Any) -> float:
    """The length of an edge carrying *count* contacts: longer with more, so its label has room."""
    return 1.0 + 0.45 * math.log2(max(int(count or 1), 1))


def _layout(g: Any, nodes: list[Any]) -> np.ndarray:
    """Packed positions (edge length about 1) of *nodes* of *g*, each connected part laid out alone.

    The :data:`LABELLED_EDGES` edges with the most contacts (three or more) get a stand-in node at their
    middle while the layout runs, so that other nodes keep clear of the place where their label goes.
    """
    index = {v: i for i, v in enumerate(nodes)}
    pairs: dict[tuple[int, int], float] = {}
    counts: dict[tuple[int, int], int] = {}
    for u, v, d in g.edges(data=True):
        if u != v:
            key = (min(index[u], index[v]), max(index[u], index[v]))
            pairs[key] = max(pairs.get(key, 0.0), _length(d.get("count")))
            counts[key] = max(counts.get(key, 0), int(d.get("count") or 1))
    heavy = sorted((k for k, c in counts.items() if c >= 3), key=lambda k: (-counts[k], k))[:LABELLED_EDGES]
    extra = len(nodes)
    for k, key in enumerate(heavy):
        half = pairs.pop(key) * 0.75
        pairs[(key[0], extra + k)] = half
        pairs[(key[1], extra + k)] = half
    order = sorted(pairs)
    graph = ig.Graph(n=len(nodes) + len(heavy), edges=order)
    graph.es["length"] = [pairs[k] for k in order]
    members = sorted((sorted(c) for c in graph.connected_components()), key=lambda c: (-len(c), c[0]))
    linked = [c for c in members if len(c) > 1]
    lone = [c[0] for c in members if len(c) == 1]
    xy = np.zeros((len(nodes) + len(heavy), 2))
    parts = [graph.induced_subgraph(c) for c in linked]
    placed = _pack([_part(p, p.es["length"]) for p in parts]) if linked else []
    for part, c in zip(placed, linked, strict=True):
        xy[c] = part
    if lone:
        width = max((float(p[:, 0].max()) + 0.5 for p in placed), default=math.sqrt(len(lone)) * 1.5)
        top = max((float(p[:, 1].max()) for p in placed), default=-1.0)
        xy[lone] = _lone_block(len(lone), max(width, 1.0), top)
    return xy[:len(nodes)]


def _bundles(g: Any, events: set[Any]) -> dict[tuple[Any, ...], list[Any]]:
    """The events of a bipartite graph grouped by the actors they join (in date order, then by id)."""
    groups: dict[tuple[Any, ...], list[Any]] = {}
    for e in sorted(events, key=lambda e: (str(g.nodes[e].get("date") or "9999"), str(e))):
        groups.setdefault(tuple(sorted(g[e], key=str)), []).append(e)
    return groups


def _bipartite(g: Any, nodes: list[Any], events: set[Any]) -> np.ndarray:
    """Actors laid out with one stand-in node per group of events; each group then set out as a row
    across the line between its actors, so that every event sits between the actors it joins."""
    bundles = _bundles(g, events)
    keys = [("bundle", i) for i in range(len(bundles))]
    h = nx.Graph()
    h.add_nodes_from(n for n in nodes if n not in events)
    for key, (actors, members) in zip(keys, bundles.items(), strict=True):
        h.add_node(key)
        for a in actors:
            h.add_edge(key, a, count=len(members))
    order = sorted(h, key=str)
    at = dict(zip(order, _layout(h, order), strict=True))
    xy = np.zeros((len(nodes), 2))
    index = {v: i for i, v in enumerate(nodes)}
    for v in h:
        if v in index:
            xy[index[v]] = at[v]
    step = EVENT_STEP / EDGE_LENGTH
    for key, (actors, members) in zip(keys, bundles.items(), strict=True):
        centre = np.asarray(at[key])
        ends = np.array([at[a] for a in actors]) if actors else centre[None, :]
        axis = ends[-1] - ends[0] if len(ends) > 1 else centre - ends[0]
        across = np.array([-axis[1], axis[0]]) if len(ends) > 1 else axis
        norm = float(np.hypot(*across)) or 1.0
        across = across / norm if norm > 1e-9 else np.array([0.0, 1.0])
        for k, e in enumerate(members):
            xy[index[e]] = centre + across * step * (k - (len(members) - 1) / 2.0)
    return xy


def positions(g: Any, sizes: Mapping[Hashable, float] | None = None, *, bipartite: bool = False,
              room: Mapping[Hashable, float] | None = None) -> dict[Any, Point]:
    """Positions in canvas units for the nodes of *g* (an undirected networkx graph).

    Parameters
    ----------
    g : networkx.Graph
    sizes : mapping, optional
        The radius each node is drawn with (canvas units; default 10): no two
        nodes end closer than their radii and :data:`GAP`.
    bipartite : bool
        *g* joins actors and events (node attribute ``bipartite`` 1 for an
        event): each event is placed between the actors it joins, events of
        the same actors in a row across the line between them.
    room : mapping, optional
        A radius around some nodes, in screen pixels at the scale the page
        is first drawn at (its width about :data:`VIEW_PX`), that other nodes
        keep out of: the room their names need (the page gives it to its most
        central).
    """
    nodes = sorted(g, key=str)
    if not nodes:
        return {}
    events = {v for v, d in g.nodes(data=True) if d.get("bipartite") == 1} if bipartite else set()
    xy = _bipartite(g, nodes, events) if events else _layout(g, nodes)
    radii = np.array([float((sizes or {}).get(v, 10.0)) for v in nodes])
    xy = xy * EDGE_LENGTH
    xy = _separate(_spread(xy, radii) if len(nodes) > KK_MAX else xy, radii)
    if room:
        want = np.array([float(room.get(v, 0.0)) for v in nodes])
        for _ in range(3):  # room in screen pixels at the scale of the layout so far (which the room itself widens)
            scale = min(1.0, VIEW_PX / max(float(np.ptp(xy[:, 0])), float(np.ptp(xy[:, 1])) * 1.3, 1.0))
            xy = _separate(xy, np.maximum(radii, want / scale), rounds=60 if len(nodes) <= KK_MAX else 15)
    if events:  # the room around names may have pushed an event out past its actors: bring it back between them
        xy = _separate(_between(xy, g, nodes, events), radii)
    xy -= (xy.min(axis=0) + xy.max(axis=0)) / 2.0
    return {v: (round(float(xy[i, 0]), 1), round(float(xy[i, 1]), 1)) for i, v in enumerate(nodes)}


def _between(xy: np.ndarray, g: Any, nodes: list[Any], events: set[Any], lo: float = 0.2) -> np.ndarray:
    """Each event joining two actors moved along the line between them to lie within its middle part
    (from *lo* to 1 - *lo* of the way), its distance from that line kept."""
    xy = xy.copy()
    index = {v: i for i, v in enumerate(nodes)}
    for e in sorted(events, key=str):
        ends = sorted(g[e], key=str)
        if len(ends) != 2:
            continue
        a, b = xy[index[ends[0]]], xy[index[ends[1]]]
        axis = b - a
        length2 = float(axis @ axis)
        if length2 < 1e-9:
            continue
        t = float((xy[index[e]] - a) @ axis) / length2
        xy[index[e]] += axis * (min(max(t, lo), 1.0 - lo) - t)
    return xy


def apart(pos: Mapping[Any, Point], sizes: Mapping[Any, float], gap: float = GAP - 0.5) -> bool:
    """Whether no two nodes of *pos*, drawn as discs of *sizes*, come closer than *gap*."""
    keys = list(pos)
    if len(keys) < 2:
        return True
    xy = np.array([pos[k] for k in keys], dtype=float)
    radii = np.array([sizes[k] for k in keys], dtype=float)
    pairs = kd_tree(xy).query_pairs(2.0 * float(radii.max()) + gap, output_type="ndarray")
    if not len(pairs):
        return True
    dist = np.hypot(*(xy[pairs[:, 0]] - xy[pairs[:, 1]]).T)
    return bool((dist >= radii[pairs[:, 0]] + radii[pairs[:, 1]] + gap).all())


#: The least radius, in screen pixels at the first view, a node is drawn with (room allowing).
MIN_NODE_PX = 4.5


def visible_sizes(pos: dict[Any, tuple[float, float]], sizes: dict[Any, float]) -> dict[Any, float]:
    """Node radii grown where a wide layout would draw them smaller than :data:`MIN_NODE_PX` on screen,
    never so far that two nodes would touch."""
    keys = list(pos)
    if len(keys) < 2:
        return sizes
    xy = np.array([pos[k] for k in keys], dtype=float)
    scale = min(1.0, VIEW_PX / max(float(np.ptp(xy[:, 0])), float(np.ptp(xy[:, 1])) * 1.3, 1.0))
    nearest = kd_tree(xy).query(xy, k=2)[0][:, 1]
    out = {}
    for k, near in zip(keys, nearest, strict=True):
        want = max(sizes[k], MIN_NODE_PX / scale)
        out[k] = round(max(sizes[k], min(want, (float(near) - GAP) / 2.0)), 2)
    return out
