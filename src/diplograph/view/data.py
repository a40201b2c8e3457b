"""From a network projection to the data the page draws: nodes, edges, events, legend.

The page receives this data as one JSON document (see
:mod:`diplograph.view.render`); nothing in it is HTML. Node sizes come from a
centrality measure; above :data:`PHYSICS_MAX` nodes positions are computed
here (fixed seed) and physics is off in the browser; above ``max_nodes`` only
the most central nodes are kept and the page says so.

Examples
--------
>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_node("a", label="Donald Trump", label_ar="دونالد ترامب", type="person")
>>> g.add_node("b", label="Vladimir Putin", label_ar="فلاديمير بوتين", type="person")
>>> g.add_edge("a", "b", events=["e1"], kinds=["phoneCall"], dates=["2019-05-01"], planned=[False],
...            count=1, weight=1.0, kind="phoneCall", ties=[], first="2019-05-01", last="2019-05-01")
>>> data = page_data(g)
>>> [n["en"] for n in data["nodes"]], data["edges"][0]["kind"], data["meta"]["years"]
(['Donald Trump', 'Vladimir Putin'], 'phoneCall', [2019, 2019])
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..dates import DateValue
from ..errors import InvalidArgumentError, unknown_choice
from ..network import engine
from ..network.centrality import MEASURES, scores
from ..text import normalize
from ..vocab import local_name
from .style import KIND_STYLES, NODE_STYLES, PLANNED_DASHES, kind_style, node_style

if TYPE_CHECKING:
    from ..contacts import ContactSource
    from ..records import ClaimRecord, ContactRecord, ContactSummary

__all__ = ["DRAWN_TYPES", "HUGE", "MAX_NODES", "PHYSICS_MAX", "SEED", "SIZE_MEASURES", "centrality", "drawn",
           "page_data"]

log = logging.getLogger(__name__)

#: Above this many nodes positions are computed in Python and physics is off.
PHYSICS_MAX = 300
#: Above this many nodes the page shows only the most central ones (and says so).
MAX_NODES = 400
#: Drawing more nodes than this (``max_nodes=None``) is logged as a warning: slow to lay out and draw.
HUGE = 5000
#: Up to this many contacts and plans in the graph, the page carries each one's full record (place,
#: topics, source title); above, what the network already read (kind, date, people, quote, source).
FULL_DETAILS = 20_000
#: The seed of every layout (Python and browser), so a page looks the same each time.
SEED = 7
#: Betweenness above this many nodes is estimated from a sample of this many sources.
_BETWEENNESS_SAMPLE = 500

#: Node types drawn from the full graph; its other nodes (evidence, roles, posts, topics, times) are left out.
DRAWN_TYPES = ("person", "organisation", "country", "group", "place", "gathering", "contact", "plan", "claim")

_MIN_SIZE, _MAX_SIZE = 10.0, 40.0
_ACTOR_TYPES = ("person", "organisation", "country", "group")
_FSI, _PDI = "\u2068", "\u2069"


def _sampled_betweenness(g: Any) -> dict[Any, float]:
    return dict(nx.betweenness_centrality(g, k=_BETWEENNESS_SAMPLE, seed=SEED))


def _samples(nodes: int) -> bool:
    """Whether betweenness over *nodes* nodes is estimated from a sample (only without igraph: exact is fast)."""
    return nodes > _BETWEENNESS_SAMPLE and engine.resolve() == "networkx"


#: Measures a node's size can show (those of :mod:`diplograph.network.centrality`).
SIZE_MEASURES = MEASURES

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

    Examples
    --------
    >>> import networkx as nx
    >>> centrality(nx.path_graph(["a", "b", "c"]), "degree")
    {'a': 0.5, 'b': 1.0, 'c': 0.5}
    """
    if measure not in SIZE_MEASURES:
        raise unknown_choice("size measure", measure, SIZE_MEASURES)
    if g.number_of_nodes() == 0:
        return {}
    if measure == "betweenness" and _samples(g.number_of_nodes()):
        return _sampled_betweenness(g)
    return dict(scores(g, measure))


def _simple(g: Any) -> nx.Graph:
    """An undirected simple graph; parallel or directed edges are merged (their predicates kept)."""
    if not g.is_multigraph() and not g.is_directed():
        return g
    h = nx.Graph()
    h.add_nodes_from(g.nodes(data=True))
    edges = g.edges(keys=True, data=True) if g.is_multigraph() else ((u, v, None, d) for u, v, d in g.edges(data=True))
    for u, v, key, d in edges:
        if u == v:
            continue
        if not h.has_edge(u, v):
            h.add_edge(u, v, predicates=[])
        pred = d.get("predicate") or key
        if pred is not None and str(pred) not in h.edges[u, v]["predicates"]:
            h.edges[u, v]["predicates"].append(str(pred))
        for attr, value in d.items():
            if attr not in ("predicate", "predicates"):
                h.edges[u, v].setdefault(attr, value)
    return h


def drawn(graph: Any) -> nx.Graph:
    """The graph the page draws of a projection.

    A persons (or bipartite) network is drawn as it is. The full graph
    (directed, with parallel edges) is drawn undirected with parallel edges
    merged, and only its nodes of :data:`DRAWN_TYPES`.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("c", type="contact"); g.add_node("p", type="person"); g.add_node("ev", type="other")
    >>> g.add_edge("c", "p", key="participant"); g.add_edge("c", "p", key="hasRole"); g.add_edge("c", "ev")
    'participant'
    'hasRole'
    0
    >>> h = drawn(g)
    >>> sorted(h), h.edges["c", "p"]["predicates"]
    (['c', 'p'], ['participant', 'hasRole'])
    """
    g = _simple(graph)
    if graph.is_directed() or graph.is_multigraph():
        keep = [n for n, d in g.nodes(data=True) if d.get("type") in DRAWN_TYPES]
        if len(keep) < g.number_of_nodes():
            g = g.subgraph(keep).copy()
    return g


def _year(iso: str | None) -> int | None:
    if not iso or len(iso) < 4 or not iso[:4].isdigit():
        return None
    return int(iso[:4])


def _span(when: str) -> list[int] | None:
    """The years a tie covers: "2017/2021" → [2017, 2021], "2025-02-13" → [2025, 2025], open ends kept open.

    Examples
    --------
    >>> _span("2017/2021"), _span("2025-02-13"), _span("2019/"), _span("")
    ([2017, 2021], [2025, 2025], [2019, 9999], None)
    """
    if not when:
        return None
    first, _, last = when.partition("/") if "/" in when else (when, "", when)
    lo, hi = _year(first), _year(last)
    if lo is None and hi is None:
        return None
    return [lo if lo is not None else 0, hi if hi is not None else 9999]


def _label(en: str, ar: str | None) -> str:
    """The canvas label: English, then Arabic on its own line inside a first-strong isolate."""
    if ar and ar != en:
        return f"{en}\n{_FSI}{ar}{_PDI}"
    return en


def _people(e: ContactRecord | ContactSummary, where: str = "") -> dict[str, Any]:
    """What a contact and the network's lighter view of it have in common on the page."""
    style = kind_style(e.kind)
    who = " – ".join(p.label for p in e.participants)
    return {
        "kind": e.kind, "kind_label": style.label,
        "label": f"{'planned ' if e.planned else ''}{style.label}: {who}{where}",
        "date": e.date, "year": _year(e.date), "planned": e.planned, "status": e.status,
        "participants": [p.iri for p in e.participants], "intermediaries": [p.iri for p in e.intermediaries],
        "names": {p.iri: [p.label, p.label_ar or p.label] for p in (*e.participants, *e.intermediaries)},
    }


def _event_details(c: ContactRecord) -> dict[str, Any]:
    return {
        **_people(c, f", {c.place}" if c.place else ""), "precision": c.precision, "place": c.place,
        "place_ar": c.place_ar, "gathering": c.gathering, "topics": list(c.topics), "topics_ar": list(c.topics_ar),
        "quote": c.evidence.quote, "hedges": list(c.hedges),
        "source": {"title": c.source.title, "iri": c.source.iri, "published": c.source.published},
    }


def _lean_details(e: ContactSummary) -> dict[str, Any]:
    return {
        **_people(e), "precision": DateValue.from_iso(e.date).precision if e.date else "undated",
        "place": None, "place_ar": None, "gathering": None, "topics": [], "topics_ar": [],
        "quote": e.quote, "hedges": [], "source": {"title": e.source, "iri": e.source, "published": None},
    }


def _claim_details(c: ClaimRecord) -> dict[str, Any]:
    return {
        "label": c.text, "by": c.by.label, "by_ar": c.by.label_ar, "medium": c.medium, "date": c.stated,
        "year": _year(c.stated), "quote": c.evidence.quote, "hedges": list(c.hedges),
        "source": {"title": c.source.title, "iri": c.source.iri, "published": c.source.published},
    }


def _scale(values: dict[Any, float]) -> dict[Any, float]:
    if not values:
        return {}
    lo, hi = min(values.values()), max(values.values())
    if math.isclose(lo, hi):
        return {n: (_MIN_SIZE + _MAX_SIZE) / 3 for n in values}
    return {n: _MIN_SIZE + (v - lo) / (hi - lo) * (_MAX_SIZE - _MIN_SIZE) for n, v in values.items()}


def _positions(g: nx.Graph) -> dict[Any, tuple[float, float]]:
    """Seeded positions; nodes without edges go in rows under the rest (else they drift off and shrink the view).

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.path_graph(3); g.add_node("lone")
    >>> pos = _positions(g)
    >>> pos["lone"][1] > max(pos[n][1] for n in range(3))
    True
    """
    from .layout import spring_positions

    n = g.number_of_nodes()
    lone = sorted((v for v in g if g.degree(v) == 0), key=str)
    core = g.subgraph([v for v in g if g.degree(v) > 0]) if lone else g
    pos = spring_positions(core, seed=SEED)
    step = 0.08
    per_row = int(2.0 / step) + 1
    top = max((y for _, y in pos.values()), default=-step) + 2 * step
    for i, v in enumerate(lone):
        pos[v] = (-1.0 + (i % per_row) * step, top + (i // per_row) * step)
    spread = 60.0 * math.sqrt(n)
    return {node: (float(x) * spread, float(y) * spread) for node, (x, y) in pos.items()}


def _contact_years(d: dict[str, Any]) -> list[int]:
    """The years of an edge's contacts that took place (plans left out); its ``last`` date without ``dates``.

    Examples
    --------
    >>> _contact_years({"dates": ["2019-05-01", "2026", None], "planned": [False, True, False]})
    [2019]
    >>> _contact_years({"last": "2020-02"})
    [2020]
    """
    dates = d.get("dates")
    if dates is None:
        dates, planned = [d.get("last")], [False]
    else:
        planned = list(d.get("planned") or []) + [False] * len(dates)
    years = (_year(str(x)) for x, plan in zip(dates, planned, strict=False) if x and not plan)
    return [y for y in years if y is not None]


def _reduce(g: nx.Graph, max_nodes: int, rank_by: str, graph: Any) -> tuple[nx.Graph, dict[str, Any]]:
    """The *max_nodes* nodes of *g* ranked highest by *rank_by* (ties by IRI), with the edges among them.

    A node that would have no edge among those kept gives its place to the
    next ranked node that has one (an organisation linked only to people
    left out tells nothing on the page).

    Examples
    --------
    >>> import networkx as nx
    >>> star = nx.star_graph(["hub", "a", "b", "c"])
    >>> star.add_edge("a", "b")
    >>> part, reduced = _reduce(star, 2, "degree", star)
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
    actors = [n for n in keep if g.nodes[n].get("type") in _ACTOR_TYPES]
    top = g.nodes[actors[0]].get("label") if actors else None
    network = (graph.graph.get("options") or {}).get("network")
    last = max((y for _, _, d in g.edges(data=True) for y in _contact_years(d)), default=None)
    reduced = {"shown": part.number_of_nodes(), "total": g.number_of_nodes(), "edges": part.number_of_edges(),
               "total_edges": g.number_of_edges(), "rank_by": rank_by,
               "unit": "actors" if network == "persons" else "nodes", "top": str(top) if top else None,
               "last_year": last}
    return part, reduced


def _edge_label(dates: list[str | None], count: int) -> str:
    dated = sorted(d for d in dates if d)
    if count == 0:
        return ""
    if count == 1:
        return dated[0] if dated else ""
    if not dated:
        return f"×{count}"
    span = dated[0][:4] if dated[0][:4] == dated[-1][:4] else f"{dated[0][:4]}–{dated[-1][:4]}"
    return f"{span} ×{count}"


def page_data(graph: Any, source: ContactSource | None = None, *, size_by: str = "degree", rank_by: str = "degree",
              max_nodes: int | None = MAX_NODES, physics_max: int = PHYSICS_MAX, title: str = "diplograph",
              aliases: bool = True) -> dict[str, Any]:
    """Everything the page shows of *graph*, as JSON-ready data.

    Parameters
    ----------
    graph : networkx graph
        A projection following the contract of ``diplograph.network.project``
        (node attributes ``label``, ``label_ar``, ``type``; edge attributes
        ``events``, ``kinds``, ``dates``, ``planned``, ``count``, ``kind``, ``ties``).
        Directed or multi-graphs (``network="full"``) are drawn undirected,
        with parallel edges merged.
    source : ContactSource, optional
        Where the details of events and claims come from (quote, place,
        topics, source): ``kg.source``; without it the page shows what the
        edges carry.
    size_by : str
        The centrality measure behind node sizes (see :data:`SIZE_MEASURES`).
    rank_by : str
        Above *max_nodes*, the centrality that picks the nodes kept (see
        :data:`SIZE_MEASURES`; ``degree`` by default, ``strength`` counts contacts).
    max_nodes : int or None
        Above this many nodes keep only the *max_nodes* ranked highest by
        *rank_by*, with the edges among them, and describe the reduction in
        ``meta["reduced"]`` (see :func:`diplograph.view.banner.banner`).
        ``None`` draws every node.
    physics_max : int
        Above this many nodes compute positions here and turn physics off.
    title : str
        The page heading (shown as text).
    aliases : bool
        Add the knowledge graph's other spellings of each name to the search.

    Returns
    -------
    dict
        ``meta``, ``nodes``, ``edges``, ``events``, ``claims``, ``legend``.
    """
    _check(size_by, rank_by, max_nodes)
    g = drawn(graph)
    total_nodes, total_edges = g.number_of_nodes(), g.number_of_edges()
    notices = _left_out(graph, total_nodes)
    reduced = None
    if max_nodes is not None and total_nodes > max_nodes:
        g, reduced = _reduce(g, max_nodes, rank_by, graph)
        log.info("page limited to the %d of %d nodes ranked highest by %s", max_nodes, total_nodes, rank_by)
        if rank_by == "betweenness" and _samples(total_nodes):
            notices.append(f"Ranking: betweenness estimated from {_BETWEENNESS_SAMPLE} sampled sources (seed {SEED}).")
    elif total_nodes > HUGE:
        log.warning("drawing all %d nodes and %d edges: the page will be slow to lay out and to draw",
                    total_nodes, total_edges)
    if size_by == "betweenness" and _samples(g.number_of_nodes()):
        notices.append(f"Node sizes: betweenness estimated from {_BETWEENNESS_SAMPLE} sampled sources (seed {SEED}).")
    values = centrality(g, size_by)
    physics = g.number_of_nodes() <= physics_max
    builder = _PageBuilder(source, notices, physics=physics, aliases=aliases)
    builder.add_edges(g)
    builder.add_nodes(g, values, {} if physics else _positions(g))
    options = dict(graph.graph.get("options") or {})
    meta = {
        "title": title, "network": options.get("network"), "options": {k: _plain(v) for k, v in options.items()},
        "total_nodes": total_nodes, "total_edges": total_edges, "nodes": len(builder.nodes),
        "edges": len(builder.edges), "notice": " ".join(notices) or None, "reduced": reduced, "size_by": size_by,
        "rank_by": rank_by, "physics": physics, "seed": SEED,
        "years": [min(builder.years), max(builder.years)] if builder.years else None, "planned": builder.planned_seen,
    }
    return {"meta": meta, "nodes": builder.nodes, "edges": builder.edges, "events": builder.events,
            "claims": builder.claims, "legend": builder.legend()}


def _check(size_by: str, rank_by: str, max_nodes: int | None) -> None:
    if size_by not in SIZE_MEASURES:
        raise unknown_choice("size measure", size_by, SIZE_MEASURES)
    if rank_by not in SIZE_MEASURES:
        raise unknown_choice("ranking measure", rank_by, SIZE_MEASURES)
    if max_nodes is not None and max_nodes < 1:
        raise InvalidArgumentError(f"max_nodes must be at least 1, got {max_nodes}")


def _left_out(graph: Any, drawn_nodes: int) -> list[str]:
    """The notice of a full graph whose evidence, roles and times are not drawn (empty for other graphs)."""
    left_out = graph.number_of_nodes() - drawn_nodes
    if not left_out:
        return []
    return [f"The full graph has {graph.number_of_nodes():,} nodes; the page draws the {drawn_nodes:,} "
            f"actors, places, gatherings, contacts, plans and claims and leaves out {left_out:,} others "
            "(evidence, roles, posts, topics, times): click a contact for its evidence."]


class _PageBuilder:
    """What the page shows, gathered edge by edge and node by node: events, claims, kinds, years."""

    def __init__(self, source: ContactSource | None, notices: list[str], *, physics: bool, aliases: bool):
        self.source = source
        self.physics = physics
        self.aliases = aliases
        self.records: dict[str, ContactRecord] = {}
        self.lean: dict[str, ContactSummary] = {}
        self.claim_records: dict[str, ClaimRecord] = {}
        if source is not None:
            self._read(source, notices)
        self.events: dict[str, dict[str, Any]] = {}
        self.claims: dict[str, dict[str, Any]] = {}
        self.edges: list[dict[str, Any]] = []
        self.nodes: list[dict[str, Any]] = []
        self.kinds_seen: set[str] = set()
        self.types_seen: list[str] = []
        self.planned_seen = False
        self.years: list[int] = []

    def _read(self, source: ContactSource, notices: list[str]) -> None:
        everything = source.events()
        if len(everything) <= FULL_DETAILS:
            self.records = {c.iri: c for c in source.all_contacts()}
        else:  # reading every contact's full record would cost more than the page: what the network read
            self.lean = {e.iri: e for e in everything}
            notices.append(f"With {len(everything):,} contacts in the graph, a contact's details here are its kind, "
                           "date, people, quote and source; kg.contacts(NAME) or --around NAME give places, topics "
                           "and every source.")
        self.claim_records = {c.iri: c for c in source.claims()}

    def add_event(self, iri: str, kind: str | None, date: str | None, planned: bool) -> None:
        if iri not in self.events:
            if iri in self.records:
                self.events[iri] = _event_details(self.records[iri])
            elif iri in self.lean:
                self.events[iri] = _lean_details(self.lean[iri])
            else:
                style = kind_style(kind or "other")
                self.events[iri] = {
                    "kind": kind or "other", "kind_label": style.label, "label": local_name(iri), "date": date,
                    "precision": DateValue.from_iso(date).precision if date else "undated", "year": _year(date),
                    "planned": planned, "topics": [], "topics_ar": []}
        ev = self.events[iri]
        self.kinds_seen.add(ev["kind"])
        self.planned_seen = self.planned_seen or bool(ev["planned"])
        if ev["year"] is not None:
            self.years.append(ev["year"])

    def add_edges(self, g: nx.Graph) -> None:
        for i, (u, v, d) in enumerate(sorted(g.edges(data=True), key=lambda e: (str(e[0]), str(e[1])))):
            self.edges.append(self._edge(f"e{i}", u, v, d))

    def _edge(self, key: str, u: Any, v: Any, d: dict[str, Any]) -> dict[str, Any]:
        ev_iris = [str(x) for x in d.get("events") or []]
        ev_kinds = list(d.get("kinds") or [None] * len(ev_iris))
        ev_dates = list(d.get("dates") or [None] * len(ev_iris))
        ev_planned = [bool(x) for x in d.get("planned") or [False] * len(ev_iris)]
        for iri, kind, date, plan in zip(ev_iris, ev_kinds, ev_dates, ev_planned, strict=False):
            self.add_event(iri, kind, date, plan)
        ties = [str(t) for t in d.get("ties") or []]
        tie_labels = [str(t) for t in d.get("tie_labels") or []]
        tie_dates = [str(t) if t else "" for t in d.get("tie_dates") or []]
        tie_years = [_span(w) for w in tie_dates]
        self.years.extend(y for span in tie_years if span for y in span if 0 < y < 9999)
        tie_labels = [f"{t} ({w.replace('/', '–')})" if w else t
                      for t, w in zip(tie_labels, tie_dates + [""] * len(tie_labels), strict=False)]
        kind = str(d.get("kind") or ("tie" if ties and not ev_iris else "link"))
        if ties:
            self.kinds_seen.add("tie")
        all_planned = bool(ev_iris) and all(self.events[e]["planned"] for e in ev_iris)
        style = kind_style(kind)
        count = len(ev_iris) if "events" in d else int(d.get("count") or 1)
        dashes: list[int] | bool = list(PLANNED_DASHES) if all_planned else (list(style.dashes) or False)
        return {
            "id": key, "from": u, "to": v, "kind": kind, "events": ev_iris, "ties": ties,
            "tie_labels": tie_labels, "tie_years": tie_years,
            "predicates": [local_name(p) for p in d.get("predicates") or []], "count": count,
            "dates": [x for x in ev_dates if x], "planned_only": all_planned,
            "label": _edge_label(ev_dates, count) if self.physics else "",
            "color": {"color": style.color if kind != "link" else "#9a9a9a", "highlight": "#222222"},
            "dashes": dashes, "width": 1.5 + math.log2(max(count, 1)),
        }

    def add_nodes(self, g: nx.Graph, values: dict[Any, float], pos: dict[Any, tuple[float, float]]) -> None:
        sizes = _scale(values)
        for node in sorted(g, key=str):
            item = self._node(node, g.nodes[node], sizes.get(node, _MIN_SIZE), values.get(node, 0.0))
            if node in pos:
                item["x"], item["y"] = round(pos[node][0], 1), round(pos[node][1], 1)
            self.nodes.append(item)
            if item["type"] not in self.types_seen:
                self.types_seen.append(item["type"])

    def _node(self, node: Any, d: dict[str, Any], size: float, value: float) -> dict[str, Any]:
        kind = str(d.get("type") or "other")
        if kind not in NODE_STYLES:
            kind = "other"
        nstyle = node_style(kind)
        en = str(d.get("label") or local_name(str(node)))
        ar = str(d["label_ar"]) if d.get("label_ar") else None
        own: list[str] = []
        if kind in ("contact", "plan"):
            self.add_event(str(node), None, None, kind == "plan")
            own = [str(node)]
        elif kind == "claim" and str(node) in self.claim_records:
            self.claims[str(node)] = _claim_details(self.claim_records[str(node)])
        names = [en] + ([ar] if ar else [])
        if self.aliases and self.source is not None:
            entity = self.source.names.get(str(node))
            if entity is not None:
                names += list(entity.aliases)
        shown = en if kind != "claim" else (en[:30] + "…" if len(en) > 31 else en)
        item: dict[str, Any] = {
            "id": node, "label": _label(shown, ar if kind != "claim" else None), "en": en, "ar": ar, "type": kind,
            "shape": nstyle.shape, "color": nstyle.color, "size": round(size, 2),
            "value_measure": round(value, 6), "events": own,
            "search": sorted({normalize(x) for x in names if x}),
        }
        if kind == "plan":
            item["shapeProperties"] = {"borderDashes": [4, 3]}
        return item

    def legend(self) -> dict[str, Any]:
        types = [{"key": k, "label": s.label, "color": s.color, "glyph": s.glyph}
                 for k, s in NODE_STYLES.items() if k in self.types_seen]
        order = list(KIND_STYLES)
        kinds = [{"key": k, "label": kind_style(k).label, "color": kind_style(k).color,
                  "dashes": list(kind_style(k).dashes)}
                 for k in sorted(self.kinds_seen, key=lambda k: (order.index(k) if k in order else len(order), k))]
        return {"types": types, "kinds": kinds, "planned_dashes": list(PLANNED_DASHES)}


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Iterable):
        return [_plain(v) for v in value]
    return str(value)
