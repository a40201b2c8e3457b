"""Shortest paths between actors, each hop explained by the events or ties behind it.

Examples
--------
>>> import diplograph as dg
>>> kg = dg.load()
>>> p = kg.path("Zelensky", "Putin", planned=True, indirect=True)
>>> p.length, p.hops[0].events[0].kind, p.hops[0].events[0].status
(1, 'indirectContact', 'agreed')
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..errors import NoPathError
from ..records import ActorRef, Record

if TYPE_CHECKING:
    from ..registry import Entity

__all__ = ["Hop", "HopEvent", "HopTie", "Path", "explain_hop", "node_of", "shortest_paths"]


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
    """One step of a path, with every event and tie that links its two actors."""

    a: ActorRef
    b: ActorRef
    events: tuple[HopEvent, ...]
    ties: tuple[HopTie, ...]

    def __str__(self) -> str:
        lines = [f"{self.a.label} — {self.b.label}"]
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


def _ref(G: nx.Graph, n: str) -> ActorRef:
    d = G.nodes[n]
    return ActorRef(n, d.get("label", n), d.get("label_ar"))


def explain_hop(G: nx.Graph, a: str, b: str) -> Hop:
    """The events and ties behind the edge *a*–*b* of a persons network."""
    d = G.edges[a, b]
    events = tuple(HopEvent(*row) for row in zip(d["events"], d["kinds"], d["dates"], d["planned"],
                                                 d["statuses"], d["quotes"], strict=True))
    ties = tuple(HopTie(*row) for row in zip(d["ties"], d["tie_posts"], d["tie_labels"], d["tie_dates"],
                                             d["tie_quotes"], strict=True))
    return Hop(_ref(G, a), _ref(G, b), events, ties)


def node_of(G: nx.Graph, entity: Entity) -> str:
    """The node of *entity* in *G*, or :class:`NoPathError` if it takes part in nothing under G's options."""
    if entity.iri not in G:
        raise NoPathError(entity.en, "any other actor", G.graph.get("options"),
                          reason=f"{entity.en!r} takes part in no contact or tie in this network")
    return entity.iri


def _as_path(G: nx.Graph, nodes: list[str]) -> Path:
    return Path(actors=tuple(_ref(G, n) for n in nodes),
                hops=tuple(explain_hop(G, x, y) for x, y in itertools.pairwise(nodes)),
                options=dict(G.graph.get("options", {})))


def shortest_paths(G: nx.Graph, a: str, b: str, *, all: bool = False, limit: int = 100,
                   names: tuple[str, str] | None = None) -> list[Path]:
    """Shortest path(s) by number of hops between nodes *a* and *b* of a persons network.

    With ``all=True``, every shortest path (at most *limit*), sorted by the
    labels along it, so the order is stable.

    Raises
    ------
    NoPathError
        The two are not connected (the message names the options).

    Examples
    --------
    >>> G = nx.path_graph(["x", "y", "z"])
    >>> for n in G: G.nodes[n]["label"] = n.upper()
    >>> nx.set_edge_attributes(G, {e: {k: [] for k in ("events", "kinds", "dates", "planned", "statuses",
    ...     "quotes", "ties", "tie_posts", "tie_labels", "tie_dates", "tie_quotes")} for e in G.edges})
    >>> [a.label for a in shortest_paths(G, "x", "z")[0].actors]
    ['X', 'Y', 'Z']
    """
    la, lb = names or (G.nodes[a].get("label", a), G.nodes[b].get("label", b))
    if not nx.has_path(G, a, b):
        raise NoPathError(la, lb, G.graph.get("options"))
    if not all:
        return [_as_path(G, nx.shortest_path(G, a, b))]
    found = list(itertools.islice(nx.all_shortest_paths(G, a, b), limit))
    found.sort(key=lambda p: [G.nodes[n].get("label", n) for n in p] + p)
    return [_as_path(G, p) for p in found]
