"""Shortest paths between actors, each hop explained by the events or ties behind it, each join valid in time.

A hop rests on one of the contacts or institutional ties of its edge. Two
contacts follow one another whatever their dates: a contact network links
whoever has spoken to whom. A tie is valid only while it held, so a path may
join a tie to the contact or tie before it only where the two are known to
hold together (:meth:`diplograph.dates.Span.joins`: a contact within a term
of office, a post attested on the day of the contact). An undated tie joins
nothing. Each hop says the span that made its join valid (``Hop.during``).

Examples
--------
>>> import diplograph as dg
>>> kg = dg.load()
>>> p = kg.path("Zelensky", "Putin", planned=True, indirect=True)
>>> p.length, p.hops[0].events[0].kind, p.hops[0].events[0].status
(1, 'indirectContact', 'agreed')
>>> p = kg.path("Waltz", "Putin", institutional=True)
>>> [a.label for a in p.actors]
['Mike Waltz', 'The White House (2025-02-13)', 'Donald Trump', 'Vladimir Putin']
>>> [h.during for h in p.hops]
[None, '2025-02-13', '2025-02-13']
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..dates import Span
from ..errors import NoPathError
from ..records import ActorRef, Record

if TYPE_CHECKING:
    from ..registry import Entity

__all__ = ["Hop", "HopEvent", "HopTie", "Path", "explain_hop", "node_of", "nodes_of", "reach", "shortest_paths"]

#: Realizations of the shortest walks looked at when explaining paths (a bound on the work on big networks).
_MAX_WALKS = 10_000


@dataclass(frozen=True)
class HopEvent(Record):
    """A contact or plan behind a hop: IRI, kind, date, status, quote."""

    iri: str
    kind: str
    date: str | None
    planned: bool
    status: str | None
    quote: str

    def __str__(self) -> str:
        status = f" ({self.status})" if self.status else ""
        return f"{self.date or 'undated'} {self.kind}{status} «{self.quote}»"


@dataclass(frozen=True)
class HopTie(Record):
    """An institutional tie behind a hop: its kind, the post it rests on, when, and the quote."""

    kind: str
    post: str
    label: str
    date: str | None
    quote: str | None

    def __str__(self) -> str:
        quote = f" «{self.quote}»" if self.quote else ""
        return f"{self.kind}: {self.label} ({self.date or 'undated'}){quote}"


@dataclass(frozen=True)
class Hop(Record):
    """One step of a path, with the events and ties that link its two actors within the path.

    ``during`` is the span on which this hop's tie or contact and the previous
    hop's are known to hold together (None for the first hop, and for a
    contact after a contact, which need no time to follow one another).
    """

    a: ActorRef
    b: ActorRef
    events: tuple[HopEvent, ...]
    ties: tuple[HopTie, ...]
    during: str | None = None

    def __str__(self) -> str:
        when = f"  (joined during {self.during})" if self.during else ""
        lines = [f"{self.a.label} — {self.b.label}{when}"]
        lines += [f"    {e}" for e in self.events]
        lines += [f"    {t}" for t in self.ties]
        return "\n".join(lines)


@dataclass(frozen=True)
class Path(Record):
    """A shortest path: the actors in order, the explained hops, the options of the network."""

    actors: tuple[ActorRef, ...]
    hops: tuple[Hop, ...]
    options: dict[str, Any]

    @property
    def length(self) -> int:
        """Number of hops."""
        return len(self.hops)

    def __str__(self) -> str:
        return " → ".join(a.label for a in self.actors) + "\n" + "\n".join(str(h) for h in self.hops)


# -- the elements of an edge and when they held --

@dataclass(frozen=True)
class _Element:
    """One contact or tie of an edge: which edge, which list (``events`` or ``ties``), which item, when."""

    edge: tuple[Hashable, Hashable]
    list: str
    index: int
    span: Span | None


def _key(u: Hashable, v: Hashable) -> tuple[Hashable, Hashable]:
    return (u, v) if str(u) <= str(v) else (v, u)


def _tie_span(text: str | None) -> Span | None:
    if not text:
        return None
    begin, _, end = text.partition("/")
    return Span.of(begin, end or begin, throughout=bool(end))


def _elements(G: nx.Graph, u: Hashable, v: Hashable) -> list[_Element]:
    """Every contact and tie of the edge *u*–*v*, with its span (from ``spans``/``tie_spans``, else its dates)."""
    d = G.edges[u, v]
    key = _key(u, v)
    events = d.get("events") or []
    spans = d.get("spans") or [Span.of(x) if x else None for x in d.get("dates") or [None] * len(events)]
    ties = d.get("ties") or []
    tie_spans = d.get("tie_spans") or [_tie_span(x) for x in d.get("tie_dates") or [None] * len(ties)]
    return ([_Element(key, "events", i, s) for i, s in zip(range(len(events)), spans, strict=False)]
            + [_Element(key, "ties", i, s) for i, s in zip(range(len(ties)), tie_spans, strict=False)])


def _join(prev: _Element | None, e: _Element) -> tuple[bool, Span | None]:
    """Whether *e* may follow *prev* in a path, and the span that makes it valid (None when none is needed)."""
    if prev is None or (prev.list == "events" and e.list == "events"):
        return True, None
    if prev.span is None or e.span is None:
        return False, None
    joined = prev.span.joins(e.span)
    return joined is not None, joined


def _timed(G: nx.Graph) -> bool:
    """Whether *G* has ties, so that its joins depend on time."""
    return any(d.get("ties") for _, _, d in G.edges(data=True))


State = tuple[Hashable, "_Element | None"]


def _levels(G: nx.Graph, sources: Sequence[Hashable],
            depth: int | None = None) -> Iterator[tuple[int, dict[State, list[State]]]]:
    """Breadth-first over (node, element arrived by), one level at a time: each new state and its predecessors."""
    seen: set[State] = {(s, None) for s in sources}
    frontier: list[State] = sorted(seen, key=lambda st: str(st[0]))
    level = 0
    while frontier and (depth is None or level < depth):
        level += 1
        found: dict[State, list[State]] = {}
        for state in frontier:
            v, prev = state
            for w in sorted(G[v], key=str):
                for e in _elements(G, v, w):
                    if not _join(prev, e)[0]:
                        continue
                    nxt: State = (w, e)
                    if nxt in seen and nxt not in found:
                        continue
                    found.setdefault(nxt, []).append(state)
        seen.update(found)
        yield level, found
        frontier = list(found)


def reach(G: nx.Graph, sources: Iterable[Hashable], depth: int | None = None) -> dict[Hashable, int]:
    """The fewest hops from *sources* to each node reachable by a walk whose joins are valid in time.

    Examples
    --------
    >>> G = nx.path_graph(["a", "b", "c"])
    >>> nx.set_edge_attributes(G, {e: {"events": ["x"], "dates": [None], "ties": []} for e in G.edges})
    >>> reach(G, ["a"], depth=1)
    {'a': 0, 'b': 1}
    """
    starts = list(dict.fromkeys(sources))
    out: dict[Hashable, int] = {s: 0 for s in starts}
    if not _timed(G):
        for s in starts:
            for n, d in nx.single_source_shortest_path_length(G, s, cutoff=depth).items():
                out[n] = min(out.get(n, d), d)
        return dict(sorted(out.items(), key=lambda kv: (kv[1], str(kv[0]))))
    for level, found in _levels(G, starts, depth=depth):
        for w, _ in found:
            out.setdefault(w, level)
    return out


# -- explained paths --

def _ref(G: nx.Graph, n: Hashable) -> ActorRef:
    d = G.nodes[n]
    return ActorRef(str(n), d.get("label", str(n)), d.get("label_ar"))


def _hop_event(d: dict[str, Any], i: int) -> HopEvent:
    return HopEvent(d["events"][i], d["kinds"][i], d["dates"][i], d["planned"][i], d["statuses"][i], d["quotes"][i])


def _hop_tie(d: dict[str, Any], i: int) -> HopTie:
    return HopTie(d["ties"][i], d["tie_posts"][i], d["tie_labels"][i], d["tie_dates"][i], d["tie_quotes"][i])


def explain_hop(G: nx.Graph, a: Hashable, b: Hashable, used: Iterable[_Element] | None = None,
                during: str | None = None) -> Hop:
    """The events and ties behind the edge *a*–*b* of a persons network (those *used* by a path, if given)."""
    d = G.edges[a, b]
    chosen = None if used is None else {(e.list, e.index) for e in used}
    events = tuple(_hop_event(d, i) for i in range(len(d["events"])) if chosen is None or ("events", i) in chosen)
    ties = tuple(_hop_tie(d, i) for i in range(len(d["ties"])) if chosen is None or ("ties", i) in chosen)
    return Hop(_ref(G, a), _ref(G, b), events, ties, during)


def nodes_of(G: nx.Graph, entity: Entity) -> list[Hashable]:
    """The nodes of *entity* in *G*: its IRI, or one node per era of an organisation drawn once per period."""
    if entity.iri in G:
        return [entity.iri]
    return sorted((n for n, d in G.nodes(data=True) if d.get("iri") == entity.iri), key=str)


def node_of(G: nx.Graph, entity: Entity, *, with_edges: bool = False) -> list[Hashable]:
    """The nodes of *entity* in *G*, or :class:`NoPathError` if it takes part in nothing under G's options.

    With *with_edges*, an actor drawn without an edge (a person the network
    lists whose contacts all lie outside its window, say) takes part in
    nothing either.
    """
    found = [n for n in nodes_of(G, entity) if G.degree(n) or not with_edges]
    if not found:
        raise NoPathError(entity.en, "any other actor", G.graph.get("options"),
                          reason=f"{entity.en!r} takes part in no contact or tie in this network")
    return found


def _walks(G: nx.Graph, preds: dict[State, list[State]], end: State) -> Iterator[list[State]]:
    """Every walk of states back from *end* to a source, as a list from the source."""
    stack: list[tuple[State, list[State]]] = [(end, [end])]
    while stack:
        state, walk = stack.pop()
        if state[1] is None:
            yield walk[::-1]
            continue
        for p in preds.get(state, []):
            stack.append((p, [*walk, p]))


def _explained(G: nx.Graph, walks: Iterable[list[State]], limit: int) -> list[Path]:
    """Paths of the simple walks, one per sequence of nodes, each hop with every element some walk used there."""
    by_nodes: dict[tuple[Hashable, ...], list[list[State]]] = {}
    for walk in itertools.islice(walks, _MAX_WALKS):
        nodes = tuple(n for n, _ in walk)
        if len(set(nodes)) == len(nodes):
            by_nodes.setdefault(nodes, []).append(walk)
    out = []
    for nodes, group in itertools.islice(sorted(by_nodes.items(), key=lambda kv: _order(G, kv[0])), limit):
        hops = []
        for i, (x, y) in enumerate(itertools.pairwise(nodes)):
            used = {e for w in group if (e := w[i + 1][1]) is not None}
            element = group[0][i + 1][1]
            joined = _join(group[0][i][1], element)[1] if element is not None else None
            hops.append(explain_hop(G, x, y, used, None if joined is None else str(joined)))
        out.append(Path(actors=tuple(_ref(G, n) for n in nodes), hops=tuple(hops),
                        options=dict(G.graph.get("options", {}))))
    return out


def _order(G: nx.Graph, nodes: Sequence[Hashable]) -> list[str]:
    return [str(G.nodes[n].get("label", n)) for n in nodes] + [str(n) for n in nodes]


def _static(G: nx.Graph, sources: Sequence[Hashable], targets: Sequence[Hashable], all: bool,
            limit: int) -> list[list[Hashable]]:
    found: list[list[Hashable]] = []
    for a, b in itertools.product(sources, targets):
        if a != b and nx.has_path(G, a, b):
            found += list(itertools.islice(nx.all_shortest_paths(G, a, b), limit)) if all else \
                [nx.shortest_path(G, a, b)]
    if not found:
        return []
    shortest = min(len(p) for p in found)
    return [p for p in found if len(p) == shortest]


def shortest_paths(G: nx.Graph, a: Hashable | Sequence[Hashable], b: Hashable | Sequence[Hashable], *,
                   all: bool = False, limit: int = 100, names: tuple[str, str] | None = None) -> list[Path]:
    """Shortest path(s) by number of hops between nodes *a* and *b* of a persons network, valid in time.

    *a* and *b* may each be a node or the nodes of one actor (an organisation
    drawn once per era). With ``all=True``, every shortest path (at most
    *limit*), sorted by the labels along it, so the order is stable.

    Raises
    ------
    NoPathError
        The two are not connected by a path whose joins are valid in time
        (the message names the options).

    Examples
    --------
    >>> G = nx.path_graph(["x", "y", "z"])
    >>> for n in G: G.nodes[n]["label"] = n.upper()
    >>> nx.set_edge_attributes(G, {e: {k: [] for k in ("events", "kinds", "dates", "planned", "statuses",
    ...     "quotes", "ties", "tie_posts", "tie_labels", "tie_dates", "tie_quotes")} for e in G.edges})
    >>> [a.label for a in shortest_paths(G, "x", "z")[0].actors]
    ['X', 'Y', 'Z']
    """
    sources = [a] if isinstance(a, str) or not isinstance(a, Sequence) else list(a)
    targets = [b] if isinstance(b, str) or not isinstance(b, Sequence) else list(b)
    la, lb = names or (G.nodes[sources[0]].get("label", sources[0]), G.nodes[targets[0]].get("label", targets[0]))
    same = [n for n in sources if n in set(targets)]
    if same:  # an actor and itself: the path of no hop
        return [Path(actors=(_ref(G, same[0]),), hops=(), options=dict(G.graph.get("options", {})))]
    if not _timed(G):
        nodes = _static(G, sources, targets, all, limit)
        if not nodes:
            raise NoPathError(str(la), str(lb), G.graph.get("options"))
        found = sorted({tuple(p) for p in nodes}, key=lambda p: _order(G, p))
        paths = [Path(actors=tuple(_ref(G, n) for n in p),
                      hops=tuple(explain_hop(G, x, y) for x, y in itertools.pairwise(p)),
                      options=dict(G.graph.get("options", {}))) for p in found]
        return paths[:limit] if all else paths[:1]
    stop = set(targets)
    preds: dict[State, list[State]] = {}
    for _, found_here in _levels(G, sources):
        preds.update(found_here)
        ends = sorted((st for st in found_here if st[0] in stop), key=lambda st: str(st[0]))
        if ends:
            paths = _explained(G, (w for end in ends for w in _walks(G, preds, end)), limit if all else 1)
            if paths:
                return paths
    raise NoPathError(str(la), str(lb), G.graph.get("options"),
                      reason="no chain of contacts and ties whose times join links them (an undated tie joins "
                             "nothing; a tie joins a contact within its term or on the day it is attested)")
