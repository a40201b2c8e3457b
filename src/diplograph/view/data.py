"""From a network projection to the data the page draws: nodes, edges, events, gaps, legend.

The page receives this data as one JSON document (see
:mod:`diplograph.view.render`); nothing in it is HTML. Every node gets a
position here (:mod:`diplograph.view.positions`: igraph, seeded) and the
browser draws with physics off. Node sizes and the order in which names are
labelled come from a centrality measure; above ``max_nodes`` only the most
central nodes are kept and the page says so. Kinds, statuses, hedges and
precisions are given in words, English and Arabic, from the ontology.

Examples
--------
>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_node("a", label="Donald Trump", label_ar="دونالد ترامب", type="person")
>>> g.add_node("b", label="Vladimir Putin", label_ar="فلاديمير بوتين", type="person")
>>> g.add_edge("a", "b", events=["e1"], kinds=["phoneCall"], dates=["2019-05-01"], planned=[False],
...            count=1, weight=1.0, kind="phoneCall", ties=[], first="2019-05-01", last="2019-05-01")
>>> data = page_data(g)
>>> [n["en"] for n in data["nodes"]], data["events"]["e1"]["kind_words"], data["meta"]["years"]
(['Donald Trump', 'Vladimir Putin'], ['phone call', 'مكالمة هاتفية'], [2019, 2019])
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..bulk import paused
from ..errors import InvalidArgumentError, unknown_choice
from ..text import normalize
from ..vocab import local_name
from .details import bare_details, claim_details, event_details, lean_details, tie_details
from .rank import BETWEENNESS_SAMPLE, SIZE_MEASURES, centrality, ranks, reduce, samples
from .style import KIND_STYLES, NODE_STYLES, PLANNED_DASHES, ROLE_STYLES, SEED, kind_style, node_style
from .timeline import pair_gaps
from .words import MEASURE_WORDS, term

if TYPE_CHECKING:
    from ..contacts import ContactSource
    from ..records import ClaimRecord, ContactRecord, ContactSummary

__all__ = ["DRAWN_TYPES", "FULL_DETAILS", "HUGE", "MAX_NODES", "SEED", "SIZE_MEASURES", "centrality", "drawn",
           "legend", "page_data"]

log = logging.getLogger(__name__)

#: Above this many nodes the page shows only the most central ones (and says so).
MAX_NODES = 400
#: Drawing more nodes than this (``max_nodes=None``) is logged as a warning: slow to lay out and draw.
HUGE = 5000
#: Up to this many contacts and plans in the graph, the page carries each one's full record (place,
#: topics, source title); above, what the network already read (kind, date, people, quote, source).
FULL_DETAILS = 20_000

#: Node types drawn from the full graph; its other nodes (evidence, roles, posts, topics, times) are left out.
DRAWN_TYPES = ("person", "organisation", "country", "group", "place", "gathering", "contact", "plan", "claim")

_ACTOR_TYPES = ("person", "organisation", "country", "group")


def finite(what: str, *numbers: float) -> None:
    """Raise ValueError naming *what* unless every one of *numbers* is finite (JSON has no NaN).

    >>> finite("node a", 1.0, 2.5)
    >>> finite("node a", float("nan"))
    Traceback (most recent call last):
    ...
    ValueError: node a: a number that is not finite (nan) cannot be drawn
    """
    for x in numbers:
        if not math.isfinite(x):
            raise ValueError(f"{what}: a number that is not finite ({x}) cannot be drawn")


def _sizes(values: dict[Any, float], n: int) -> dict[Any, float]:
    """Node radii (canvas units) from centrality: 8–34 on small pages, narrower as pages grow."""
    if not values:
        return {}
    top = 34.0 if n <= 60 else 26.0 if n <= 400 else 18.0
    low = 8.0 if n <= 400 else 5.0
    lo, hi = min(values.values()), max(values.values())
    if math.isclose(lo, hi):
        return {v: (low + top) / 2.5 for v in values}
    return {v: low + (x - lo) / (hi - lo) * (top - low) for v, x in values.items()}


#: The most central nodes, this many, get room for their names in the layout.
ROOMY = 24


def _room(nodes: list[dict[str, Any]], values: dict[Any, float]) -> dict[Any, float]:
    """The room (a radius, screen pixels) the names of the :data:`ROOMY` most central nodes need beside them.

    The lines are those the page draws (``short`` wrapped at 22 characters, the Arabic at 24).
    """
    top = set(sorted(values, key=lambda n: (-values[n], str(n)))[:ROOMY])
    out = {}
    for item in nodes:
        if item["id"] not in top:
            continue
        arabic = _wrapped(item["ar"], 24) if item["ar"] and item["type"] != "claim" else []
        lines = _wrapped(item["short"], 22) + arabic
        width = max((len(w) for w in lines), default=0) * 7.4 + 6
        out[item["id"]] = max(len(lines) * 17 + 10, width / 2)
    return out


def _wrapped(text: str, width: int) -> list[str]:
    """*text* in lines of at most *width* characters, broken at spaces (as the page breaks its labels)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines




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


@paused()
def page_data(graph: Any, source: ContactSource | None = None, *, size_by: str = "degree", rank_by: str = "degree",
              max_nodes: int | None = MAX_NODES, title: str = "diplograph", aliases: bool = True) -> dict[str, Any]:
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
        topics, source) and the gaps of each pair: ``kg.source``; without it
        the page shows what the edges carry.
    size_by : str
        The centrality measure behind node sizes and the order names are
        labelled in (see :data:`SIZE_MEASURES`).
    rank_by : str
        Above *max_nodes*, the centrality that picks the nodes kept (see
        :data:`SIZE_MEASURES`; ``degree`` by default, ``strength`` counts contacts).
    max_nodes : int or None
        Above this many nodes keep only the *max_nodes* ranked highest by
        *rank_by*, with the edges among them, and describe the reduction in
        ``meta["reduced"]`` (see :func:`diplograph.view.banner.banner`).
        ``None`` draws every node.
    title : str
        The page heading (shown as text).
    aliases : bool
        Add the knowledge graph's other spellings of each name to the search.

    Returns
    -------
    dict
        ``meta``, ``nodes``, ``edges``, ``events``, ``claims``, ``gaps``, ``legend``.
    """
    _check(size_by, rank_by, max_nodes)
    g = drawn(graph)
    total_nodes, total_edges = g.number_of_nodes(), g.number_of_edges()
    notices = _left_out(graph, total_nodes)
    reduced = None
    if max_nodes is not None and total_nodes > max_nodes:
        g, reduced = reduce(g, max_nodes, rank_by, graph)
        log.info("page limited to the %d of %d nodes ranked highest by %s", max_nodes, total_nodes, rank_by)
        if rank_by == "betweenness" and samples(total_nodes):
            notices.append(f"Ranking: betweenness estimated from {BETWEENNESS_SAMPLE} sampled sources (seed {SEED}).")
    elif total_nodes > HUGE:
        log.warning("drawing all %d nodes and %d edges: the page will be slow to lay out and to draw",
                    total_nodes, total_edges)
    if size_by == "betweenness" and samples(g.number_of_nodes()):
        notices.append(f"Node sizes: betweenness estimated from {BETWEENNESS_SAMPLE} sampled sources (seed {SEED}).")
    values = centrality(g, size_by)
    options = dict(graph.graph.get("options") or {})
    network = str(options.get("network") or ("full" if graph.is_directed() else "persons"))
    builder = _PageBuilder(source, notices, network=network, aliases=aliases)
    builder.read_lean(g)
    builder.add_edges(g)
    sizes = _sizes(values, g.number_of_nodes())
    from .positions import positions  # numpy and igraph are imported by the commands that draw a page alone

    builder.add_nodes(g, values, sizes, lambda items: positions(g, sizes, bipartite=network == "bipartite",
                                                                room=_room(items, values)))
    gaps, gaps_left_out = ({}, 0) if source is None else pair_gaps(
        source, builder.events.values(), {n["id"] for n in builder.nodes if n["type"] in _ACTOR_TYPES},
        builder.records.values() if builder.records else None)
    if gaps_left_out:
        notices.append(f"The timeline marks the gaps of the pairs with the most contacts; {gaps_left_out:,} pairs "
                       "with fewer are left out (kg.gaps(A, B) gives any pair's).")
    meta = {
        "title": title, "mode": "network", "network": network,
        "options": {k: _plain(v) for k, v in options.items()}, "total_nodes": total_nodes,
        "total_edges": total_edges, "nodes": len(builder.nodes), "edges": len(builder.edges),
        "notice": " ".join(notices) or None, "reduced": reduced, "size_by": size_by,
        "size_words": MEASURE_WORDS[size_by], "rank_by": rank_by, "seed": SEED,
        "years": [min(builder.years), max(builder.years)] if builder.years and network != "full" else None,
        "planned": builder.planned_seen, "gaps_source": source is not None,
    }
    return {"meta": meta, "nodes": builder.nodes, "edges": builder.edges, "events": builder.events,
            "claims": builder.claims, "gaps": gaps, "legend": legend()}


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


def legend() -> dict[str, Any]:
    """How every node type, kind, role and tie may be drawn; the page lists those it draws."""
    return {
        "types": {k: {"label": s.label, "label_ar": s.label_ar, "color": s.color, "glyph": s.glyph, "shape": s.shape}
                  for k, s in NODE_STYLES.items()},
        "kinds": {k: {"words": list(term(k)), "color": s.color, "dashes": list(s.dashes)}
                  for k, s in KIND_STYLES.items() if k != "tie"},
        "other_kind": {"color": kind_style("other").color},
        "tie": {"words": ["institutional tie", "رابط مؤسسي"], "color": KIND_STYLES["tie"].color,
                "dashes": list(KIND_STYLES["tie"].dashes)},
        "roles": {k: {"words": list(term(k, "role")), "color": s.color, "dashes": list(s.dashes), "arrow": s.arrow}
                  for k, s in ROLE_STYLES.items()},
        "planned_dashes": list(PLANNED_DASHES),
        "order": list(KIND_STYLES),
    }


class _PageBuilder:
    """What the page shows, gathered edge by edge and node by node: events, claims, kinds, years."""

    def __init__(self, source: ContactSource | None, notices: list[str], *, network: str, aliases: bool):
        self.source = source
        self.network = network
        self.aliases = aliases
        self.records: dict[str, ContactRecord] = {}
        self.lean: dict[str, ContactSummary] = {}
        self.claim_records: dict[str, ClaimRecord] = {}
        self.lean_only = False
        if source is not None:
            self._read(source, notices)
        self.events: dict[str, dict[str, Any]] = {}
        self.claims: dict[str, dict[str, Any]] = {}
        self.edges: list[dict[str, Any]] = []
        self.nodes: list[dict[str, Any]] = []
        self.planned_seen = False
        self.years: list[int] = []

    def _read(self, source: ContactSource, notices: list[str]) -> None:
        total = _event_count(source)
        if total <= FULL_DETAILS:
            self.records = {c.iri: c for c in source.all_contacts()}
        else:  # reading every contact's full record would cost more than the page: what the network read
            self.lean_only = True
            notices.append(f"With {total:,} contacts in the graph, a contact's details here are its kind, "
                           "date, people, quote and source; kg.contacts(NAME) or --around NAME give places, topics "
                           "and every source.")
        self.claim_records = {c.iri: c for c in source.claims()}

    def read_lean(self, g: nx.Graph) -> None:
        """Read what the network read of the events *g* draws (its edges' events, its contact and plan nodes)."""
        if self.source is None or not self.lean_only:
            return
        iris = {str(x) for _, _, d in g.edges(data=True) for x in d.get("events") or []}
        iris.update(str(n) for n, d in g.nodes(data=True) if d.get("type") in ("contact", "plan"))
        self.lean = {e.iri: e for e in _summaries(self.source, iris)}

    def add_event(self, iri: str, kind: str | None, date: str | None, planned: bool) -> None:
        if iri not in self.events:
            if iri in self.records:
                self.events[iri] = event_details(self.records[iri])
            elif iri in self.lean:
                self.events[iri] = lean_details(self.lean[iri])
            else:
                self.events[iri] = bare_details(iri, kind, date, planned)
        ev = self.events[iri]
        self.planned_seen = self.planned_seen or bool(ev["planned"])
        if ev["year"] is not None:
            self.years.append(ev["year"])

    def add_edges(self, g: nx.Graph) -> None:
        # an undirected edge's ends come in the order its nodes were added: drawn in name order instead,
        # so the same graph gives the same page
        ends = [(u, v, d) if g.is_directed() or str(u) <= str(v) else (v, u, d) for u, v, d in g.edges(data=True)]
        for i, (u, v, d) in enumerate(sorted(ends, key=lambda e: (str(e[0]), str(e[1])))):
            self.edges.append(self._edge(f"e{i}", u, v, d))

    def _edge(self, key: str, u: Any, v: Any, d: dict[str, Any]) -> dict[str, Any]:
        ev_iris = [str(x) for x in d.get("events") or []]
        ev_kinds = list(d.get("kinds") or [None] * len(ev_iris))
        ev_dates = list(d.get("dates") or [None] * len(ev_iris))
        ev_planned = [bool(x) for x in d.get("planned") or [False] * len(ev_iris)]
        for iri, kind, date, plan in zip(ev_iris, ev_kinds, ev_dates, ev_planned, strict=False):
            self.add_event(iri, kind, date, plan)
        ties = [tie_details(str(kind), label, when, quote) for kind, label, when, quote in _zip_padded(
            d.get("ties"), d.get("tie_labels"), d.get("tie_dates"), d.get("tie_quotes"))]
        self.years.extend(y for t in ties if t["years"] for y in t["years"] if 0 < y < 9999)
        role = d.get("role")
        return {
            "id": key, "from": u, "to": v, "kind": str(d.get("kind") or ("tie" if ties and not ev_iris else "link")),
            "events": ev_iris, "ties": ties, "role": str(role) if role else None,
            "role_words": list(term(str(role), "role")) if role else None,
            "predicates": [list(term(p)) for p in d.get("predicates") or []],
            "count": len(ev_iris) if "events" in d else int(d.get("count") or 1),
        }

    def add_nodes(self, g: nx.Graph, values: dict[Any, float], sizes: dict[Any, float],
                  place: Callable[[list[dict[str, Any]]], dict[Any, tuple[float, float]]]) -> None:
        """Add the nodes of *g*, then their positions from *place* (which sees the nodes as the page draws them)."""
        order = ranks(values)
        degree = dict(g.degree())
        for node in sorted(g, key=str):
            item = self._node(node, g.nodes[node])
            item.update(size=round(sizes.get(node, 8.0), 2), value=round(values.get(node, 0.0), 6),
                        rank=order.get(node, len(order)), degree=degree.get(node, 0))
            self.nodes.append(item)
        pos = place(self.nodes)
        from .positions import visible_sizes

        grown = visible_sizes(pos, {item["id"]: item["size"] for item in self.nodes})
        for item in self.nodes:
            item["x"], item["y"] = pos[item["id"]]
            item["size"] = grown[item["id"]]
            finite(f"node {item['id']}", item["x"], item["y"], item["size"], item["value"])

    def _node(self, node: Any, d: dict[str, Any]) -> dict[str, Any]:
        kind = str(d.get("type") or "other")
        if kind not in NODE_STYLES:
            kind = "other"
        nstyle = node_style(kind)
        en = str(d.get("label") or local_name(str(node)))
        ar = str(d["label_ar"]) if d.get("label_ar") and d.get("label_ar") != en else None
        own: list[str] = []
        color: Any = nstyle.color
        if kind in ("contact", "plan"):
            self.add_event(str(node), d.get("kind"), d.get("date"), kind == "plan")
            own = [str(node)]
            ev = self.events[str(node)]
            en = f"{ev['kind_words'][0]}, {ev['date_text']}"
            ar = ev["kind_words"][1] if ev["date"] else f"{ev['kind_words'][1]}، {ev['precision_words'][1]}"
            drawn_as = kind_style(ev["kind"]).color
            color = {"background": "#ffffff" if kind == "plan" else drawn_as, "border": drawn_as}
        elif kind == "claim" and str(node) in self.claim_records:
            self.claims[str(node)] = claim_details(self.claim_records[str(node)])
        names = [en] + ([ar] if ar else [])
        if self.aliases and self.source is not None:
            entity = self.source.names.get(str(node))
            if entity is not None:
                names += list(entity.aliases)
        short = en if kind != "claim" else (en[:40] + "…" if len(en) > 41 else en)
        item: dict[str, Any] = {
            "id": node, "en": en, "ar": ar, "short": short, "type": kind, "shape": nstyle.shape,
            "color": color, "events": own, "search": sorted({normalize(x) for x in names if x}),
        }
        if kind == "plan":
            item["shapeProperties"] = {"borderDashes": [4, 3]}
        return item


def _event_count(source: ContactSource) -> int:
    """How many events the source's networks are drawn from (counted by the source where it can)."""
    count = getattr(source, "event_count", None)
    return int(count()) if count is not None else len(source.events())


def _summaries(source: ContactSource, iris: set[str]) -> list[ContactSummary]:
    """The lean records of the events *iris* (read alone by the source where it can)."""
    own = getattr(source, "summaries", None)
    if own is not None:
        found: list[ContactSummary] = own(iris)
        return found
    return [e for e in source.events() if e.iri in iris]


def _zip_padded(*lists: Any) -> Iterable[tuple[Any, ...]]:
    """The parallel lists of an edge zipped, the shorter padded with None (a projection may leave some out)."""
    seqs = [list(x or []) for x in lists]
    longest = max((len(s) for s in seqs), default=0)
    return zip(*(s + [None] * (longest - len(s)) for s in seqs), strict=True)


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Iterable):
        return [_plain(v) for v in value]
    return str(value)
