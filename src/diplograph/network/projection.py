"""From RDF to NetworkX: the one module that owns the mapping.

:func:`project` builds three networks from a :class:`~diplograph.contacts.ContactSource`
(``kg.source`` of a :class:`~diplograph.KnowledgeGraph`):

``"persons"``
    An undirected :class:`networkx.Graph` of actors with ONE edge per pair.
    Every person who takes part in a contact or plan, or holds a post, is a
    node (a source's author, a reporter or a spokesman who only reports is
    not: see :func:`actors`); organisations, countries and unnamed groups are
    nodes when they take part in a contact or a tie. An organisation whose
    ties cannot all be shown to hold together is drawn once per era
    (:mod:`.eras`: node ``IRI@ERA``, attribute ``era``, label with the period). An edge carries the
    events behind it (parallel lists ``events``, ``kinds``, ``dates``,
    ``planned``, ``quotes``, ``statuses``), their ``count`` and ``weight``,
    the most frequent ``kind`` (``"tie"`` for an edge made of institutional
    ties only), its ``first`` and ``last`` dated event, and the institutional
    ``ties`` behind it (parallel lists ``ties``, ``tie_posts``,
    ``tie_labels``, ``tie_dates``, ``tie_quotes``). Participants of an event
    are linked to one another; its intermediaries (a negotiating team) are
    linked to each participant through the same event.
``"bipartite"``
    Actors (``bipartite=0``) and events (``bipartite=1``), an edge for each
    role an actor has in an event (``role``: initiator, participant,
    intermediary). Institutional ties are not part of it.
``"full"``
    The whole knowledge graph as a :class:`networkx.MultiDiGraph`: IRIs (and
    blank nodes) as nodes, one edge per triple keyed by its predicate IRI;
    literal values are kept on their subject node under ``literals``
    (``"predicate-local-name: value"`` strings). Nodes that are neither
    actors nor contacts, plans or claims (evidence, roles, posts, times,
    topics) have ``type`` ``"other"``.

Options (persons and bipartite):

``indirect``
    Include indirect contacts (messages through others).
``planned``
    Include planned, announced, agreed, offered and invited contacts. A
    planned indirect contact needs both ``planned`` and ``indirect``.
``institutional`` (persons only)
    Add ties: a post held in an organisation (``"post"``), membership of a
    team someone was named to or that acted as an intermediary (``"team"``),
    an office speaking for the holder of its state's head role (``"office"``:
    the White House and the US president).
``since``, ``until``
    A time window (``2017``, ``"2018-07"``, a date): an event is kept when
    its whole date, at its precision, lies inside (for an undated one with
    bounds, the whole of its bounds); other undated events are left out of
    any bounded window. A tie is kept when its term or attested date overlaps
    the window; undated ties are left out of any bounded window (and join
    nothing in time, see :mod:`.paths` and :mod:`.eras`).

Every network records the options that built it in ``G.graph["options"]``
and the number of triples in ``G.graph["built_from"]``.

Examples
--------
>>> import diplograph as dg
>>> from diplograph.network import project
>>> kg = dg.load()
>>> G = project(kg.source)
>>> trump, putin = kg.resolve("Trump").iri, kg.resolve("Putin").iri
>>> G.edges[trump, putin]["count"], G.edges[trump, putin]["kind"]
(7, 'phoneCall')
>>> G.graph["options"]["planned"]
False
>>> project(kg.source, planned=True).edges[trump, putin]["count"]
9
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING, Any, TypedDict

import networkx as nx
from rdflib import RDF, BNode, Literal, URIRef
from rdflib.namespace import RDFS
from rdflib.term import Node

from ..bulk import paused
from ..dates import DateLike, Span, date_bounds, in_window, window
from ..errors import InvalidArgumentError, near_matches, unknown_choice
from ..records import ActorRef, ContactRecord, ContactSummary, Tie
from ..vocab import DG, local_name
from . import eras

if TYPE_CHECKING:
    from ..contacts import ContactSource

__all__ = ["EDGE_LISTS", "NETWORKS", "TIE_KINDS", "TIE_LISTS", "EraNodes", "NetworkOptions", "actor_attrs",
           "actors", "add_ties", "check_among", "event_label", "finish_edge", "near", "new_edge", "org_contacts",
           "part_in_order", "project", "select_events", "ties"]

log = logging.getLogger(__name__)

#: The networks :func:`project` builds.
NETWORKS = ("persons", "bipartite", "full")
#: The kinds of institutional tie.
TIE_KINDS = ("post", "team", "office")



class NetworkOptions(TypedDict, total=False):
    """The options of a persons or bipartite network (see :func:`project`), as keyword arguments."""

    indirect: bool
    planned: bool
    institutional: bool
    since: DateLike | None
    until: DateLike | None


#: Where :func:`actors` keeps its answer in ``source.cache``.
_ACTORS = "diplograph.network.actors"

#: The parallel lists of the events behind a persons edge.
EDGE_LISTS = ("events", "kinds", "dates", "planned", "quotes", "statuses", "spans")
#: The parallel lists of the institutional ties behind a persons edge.
TIE_LISTS = ("ties", "tie_posts", "tie_labels", "tie_dates", "tie_quotes", "tie_spans")


def options_of(network: str, indirect: bool, planned: bool, institutional: bool,
               since: Any, until: Any) -> dict[str, Any]:
    """The options dictionary recorded on every network (dates as ISO strings)."""
    def iso(v: Any) -> str | None:
        return None if v is None else (v.isoformat() if isinstance(v, dt.date) else str(v))

    return {"network": network, "indirect": bool(indirect), "planned": bool(planned),
            "institutional": bool(institutional), "since": iso(since), "until": iso(until)}


def select_events(source: ContactSource, *, indirect: bool = False, planned: bool = False,
                  since: Any = None, until: Any = None) -> list[ContactRecord]:
    """The contacts (and plans) a projection with these options is built from, in date order.

    Raises
    ------
    InvalidArgumentError
        A bound that is not a date.
    NoAnswerError
        *since* after *until*.

    Examples
    --------
    >>> import diplograph as dg
    >>> len(select_events(dg.load().source, since=2018, until=2018))
    2
    """
    lo, hi = window(since, until)
    out = []
    for c in source.all_contacts():
        if c.planned and not planned:
            continue
        if not c.direct and not indirect:
            continue
        if not in_window(c.date or c.bounds, lo, hi):
            continue
        out.append(c)
    return out


def _events(source: ContactSource, *, indirect: bool, planned: bool, since: Any,
            until: Any) -> list[ContactSummary]:
    lo, hi = window(since, until)
    return [e for e in source.events()
            if (planned or not e.planned) and (indirect or e.direct) and in_window(e.date or e.bounds, lo, hi)]


def ties(source: ContactSource, *, since: Any = None, until: Any = None) -> list[Tie]:
    """Institutional ties (post, team, office) whose dates overlap the window.

    An undated tie cannot be placed in a bounded window: it is kept only when
    the window is unbounded, as undated contacts are.

    Examples
    --------
    >>> import diplograph as dg
    >>> sorted({t.kind for t in ties(dg.load().source)})
    ['office', 'post', 'team']
    """
    lo, hi = window(since, until)
    if lo is None and hi is None:
        return list(source.ties())
    return [t for t in source.ties() if t.span is not None
            and not ((lo is not None and t.span.last < lo) or (hi is not None and t.span.first > hi))]


def actor_attrs(source: ContactSource, iri: str, ref: ActorRef | None = None) -> dict[str, Any]:
    """Node attributes of an actor: ``iri``, ``label``, ``label_ar``, ``type``."""
    entity = source.names.get(iri)
    if entity is not None and entity.iri == iri:
        return {"iri": iri, "label": entity.en, "label_ar": entity.ar, "type": entity.kind}
    label = ref.label if ref is not None else local_name(iri)
    return {"iri": iri, "label": label, "label_ar": (ref.label_ar if ref else None) or label,
            "type": "organisation"}


def event_label(c: ContactRecord | ContactSummary) -> str:
    """A short English label of a contact or plan: "phoneCall 2019-05-01: Donald Trump – Vladimir Putin"."""
    who = " – ".join(p.label for p in c.participants)
    status = f" ({c.status})" if c.status else ""
    return f"{c.kind}{status} {c.date or 'undated'}: {who}"


def _dominant(kinds: list[str]) -> str:
    counts = Counter(kinds)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def new_edge() -> dict[str, Any]:
    """The attributes of a persons edge before any event or tie is added: empty parallel lists."""
    return {k: [] for k in EDGE_LISTS + TIE_LISTS}


def finish_edge(data: dict[str, Any]) -> None:
    """Set an edge's ``count``, ``weight``, ``kind``, ``first`` and ``last`` from its lists."""
    data["count"] = len(data["events"])
    data["weight"] = float(data["count"])
    data["kind"] = _dominant(data["kinds"]) if data["kinds"] else "tie"
    dated = sorted((date_bounds(d)[0], date_bounds(d)[1], d) for d in data["dates"] if d)
    data["first"] = dated[0][2] if dated else None
    data["last"] = max(dated, key=lambda t: (t[1], t[0]))[2] if dated else None


class EraNodes:
    """The node names of the persons network: an actor's IRI, or ``IRI@ERA`` for an organisation drawn per era.

    *here* gives, for each organisation with ties, the contacts (IRI and
    span) it takes part in (see :func:`diplograph.network.eras.split`).
    Called with an actor's IRI and an element (a tie's index among the
    ties, or a contact's IRI), it gives the node that element is drawn at.
    """

    def __init__(self, tie_list: list[Tie], here: dict[str, dict[str, Span | None]]):
        self.era = eras.split(tie_list, here)
        #: The organisations drawn once per era.
        self.split = frozenset(org for org, _ in self.era)
        #: node of an organisation's era -> (organisation, era)
        self.periods: dict[str, tuple[str, str]] = {}

    def __call__(self, iri: str, element: eras.Element) -> str:
        label = self.era.get((iri, element))
        if label is None:
            return iri
        key = f"{iri}@{label.replace('/', '--')}"
        self.periods[key] = (iri, label)
        return key

    def base(self, node: str) -> str:
        """The actor a node stands for (the organisation of an era's node)."""
        return self.periods[node][0] if node in self.periods else node

    def attrs(self, source: ContactSource, n: str, refs: dict[str, ActorRef]) -> dict[str, Any]:
        """The node attributes of *n* (an era's node is labelled with its period)."""
        if n not in self.periods:
            return actor_attrs(source, n, refs.get(n))
        iri, label = self.periods[n]
        attrs = actor_attrs(source, iri, refs.get(iri))
        shown = label.replace("/", "–")
        return {**attrs, "label": f"{attrs['label']} ({shown})", "label_ar": f"{attrs['label_ar']} ({shown})",
                "era": label}


def org_contacts(events: list[ContactSummary], tie_list: list[Tie]) -> dict[str, dict[str, Span | None]]:
    """For each organisation with ties, the contacts among *events* it takes part in, with their spans."""
    at_orgs = {t.b for t in tie_list}
    here: dict[str, dict[str, Span | None]] = {}
    for c in events:
        for p in (*c.participants, *c.intermediaries):
            if p.iri in at_orgs:
                here.setdefault(p.iri, {})[c.iri] = c.span
    return here


def add_ties(edge: Callable[[str, str], dict[str, Any]], tie_list: list[Tie], nodes: EraNodes,
             among: Collection[str] | None = None) -> None:
    """Append each tie to the lists of the edge ``edge(a, b)`` gives for its person and organisation's node.

    With *among*, only the ties between two of those actors.
    """
    for i, t in enumerate(tie_list):
        if among is not None and (t.a not in among or t.b not in among):
            continue
        _append(edge(t.a, nodes(t.b, i)), TIE_LISTS, (t.kind, t.post, t.label, t.date, t.quote, t.span))


def actors(source: ContactSource) -> set[str]:
    """The IRIs of the political actors: whoever has a part in a contact or plan, or holds a post.

    A source's author, a reporter, a spokesman who only reports are not
    actors: they are reached through the sources and claims, not the network.

    Examples
    --------
    >>> import diplograph as dg
    >>> kg = dg.load()
    >>> kg.resolve("Trump").iri in actors(kg.source), kg.resolve("سيد محمد").iri in actors(kg.source)
    (True, False)
    """
    known: set[str] | None = source.cache.get(_ACTORS)
    if known is None:  # read once per source, kept where a source keeps what is derived from it
        known = {p.iri for e in source.events() for p in (*e.participants, *e.initiators, *e.intermediaries)}
        known |= {t.a for t in source.ties()}
        source.cache[_ACTORS] = known
    return set(known)


def _persons(source: ContactSource, events: list[ContactSummary], tie_list: list[Tie]) -> nx.Graph:
    G = nx.Graph()
    who = actors(source)
    for e in sorted((e for e in source.names if e.kind == "person" and e.iri in who), key=lambda e: e.iri):
        G.add_node(e.iri, iri=e.iri, label=e.en, label_ar=e.ar, type="person")
    nodes = EraNodes(tie_list, org_contacts(events, tie_list))
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    refs: dict[str, ActorRef] = {}

    def edge(a: str, b: str) -> dict[str, Any]:
        key = (a, b) if a < b else (b, a)
        if key not in pairs:
            pairs[key] = new_edge()
        return pairs[key]

    for c in events:
        for p in c.participants + c.intermediaries:
            refs.setdefault(p.iri, p)
        _add_event(c, edge, nodes)
    add_ties(edge, tie_list, nodes)
    for (a, b), data in sorted(pairs.items()):
        for n in (a, b):
            if n not in G:
                G.add_node(n, **nodes.attrs(source, n, refs))
        finish_edge(data)
        G.add_edge(a, b, **data)
    return G


def _append(data: dict[str, Any], lists: tuple[str, ...], values: tuple[Any, ...]) -> None:
    """Append one event's or tie's values to the parallel lists of an edge."""
    for key, value in zip(lists, values, strict=True):
        data[key].append(value)


def _add_event(c: ContactSummary, edge: Any, node: Any) -> None:
    """Link a contact's participants to one another, and each intermediary to each participant."""
    participants = list(dict.fromkeys(node(p.iri, c.iri) for p in c.participants))
    links = set(itertools.combinations(sorted(participants), 2))
    for m in dict.fromkeys(node(p.iri, c.iri) for p in c.intermediaries):
        links.update((m, p) for p in participants if p != m)
    seen: set[tuple[str, str]] = set()
    for a, b in sorted(links):
        key = (a, b) if a < b else (b, a)
        if key in seen:
            continue
        seen.add(key)
        _append(edge(a, b), EDGE_LISTS, (c.iri, c.kind, c.date, c.planned, c.quote, c.status, c.span))


def _bipartite(source: ContactSource, events: list[ContactSummary]) -> nx.Graph:
    G = nx.Graph()
    for c in events:
        G.add_node(c.iri, iri=c.iri, label=event_label(c), label_ar=event_label(c),
                   type="plan" if c.planned else "contact", bipartite=1, kind=c.kind, date=c.date,
                   planned=c.planned, status=c.status, quote=c.quote, source=c.source)
        initiators = {p.iri for p in c.initiators}
        for p in c.participants + c.intermediaries:
            if p.iri not in G:
                G.add_node(p.iri, **actor_attrs(source, p.iri, p), bipartite=0)
            if G.has_edge(p.iri, c.iri):
                continue
            role = ("initiator" if p.iri in initiators else
                    "participant" if p in c.participants else "intermediary")
            G.add_edge(p.iri, c.iri, role=role)
    return G


_TYPED: dict[Node, str] = {DG.Contact: "contact", DG.PlannedContact: "plan", DG.Claim: "claim"}


def _full(source: ContactSource) -> nx.MultiDiGraph:
    triples = sorted(source.triples(), key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
    labels: dict[str, dict[str, str]] = {}
    types: dict[str, str] = {e.iri: e.kind for e in source.names}
    for s, p, o in triples:
        if p == RDFS.label and isinstance(o, Literal) and o.language in ("en", "ar"):
            labels.setdefault(str(s), {}).setdefault(o.language, str(o))
        elif p == RDF.type and o in _TYPED:
            types.setdefault(str(s), _TYPED[o])
    G = nx.MultiDiGraph()

    def node(term: URIRef | BNode) -> str:
        key = str(term)
        if key not in G:
            lab = labels.get(key, {})
            en = lab.get("en") or local_name(key)
            G.add_node(key, iri=key, label=en, label_ar=lab.get("ar") or en, type=types.get(key, "other"),
                       literals=[])
        return key

    for s, p, o in triples:
        if not isinstance(s, URIRef | BNode):
            continue
        sk = node(s)
        if isinstance(o, Literal):
            lang = f"@{o.language}" if o.language else ""
            G.nodes[sk]["literals"].append(f"{local_name(str(p))}: {o}{lang}")
        elif isinstance(o, URIRef | BNode):
            G.add_edge(sk, node(o), key=str(p), predicate=str(p), label=local_name(str(p)))
    return G


def _own_projection(source: ContactSource, network: str, indirect: bool, planned: bool, institutional: bool,
                    since: Any, until: Any, among: Collection[str] | None) -> nx.Graph | None:
    """The network as a source projects it itself, where it can (the same graph, made faster), or None.

    A source may offer ``project_network(network, **options)``, returning the
    graph this module would draw (with the options and ``built_from`` set
    here), or None to leave the network to this module.
    """
    own = getattr(source, "project_network", None)
    if own is None:
        return None
    G: nx.Graph | None = own(network, indirect=indirect, planned=planned, institutional=institutional,
                             since=since, until=until, among=among)
    return G


def part_in_order(G: nx.Graph, nodes: Iterable[Any]) -> nx.Graph:
    """A copy of the part of *G* among *nodes*, nodes and edges in name order (not in *G*'s).

    Two graphs with the same nodes, edges and attributes give the same part,
    built in whatever order: what is computed from its order (a sample of
    sources, the first of equal shortest paths) is the same too.

    >>> G = nx.Graph([("c", "a"), ("b", "a"), ("c", "d")])
    >>> list(part_in_order(G, "abc")), list(part_in_order(G, "abc").edges)
    (['a', 'b', 'c'], [('a', 'b'), ('a', 'c')])
    """
    if G.is_multigraph():
        raise InvalidArgumentError("part_in_order takes a graph without parallel edges")
    keep = sorted(set(nodes) & set(G), key=str)
    part = G.__class__()
    part.graph.update(G.graph)
    part.add_nodes_from((n, G.nodes[n]) for n in keep)
    inside = set(keep)
    ends = {(u, v) if G.is_directed() or str(u) <= str(v) else (v, u)
            for u, v in G.edges(keep) if u in inside and v in inside}
    part.add_edges_from((u, v, G.edges[u, v]) for u, v in sorted(ends, key=lambda e: (str(e[0]), str(e[1]))))
    return part


def near(source: ContactSource, iri: str, depth: int) -> set[str] | None:
    """Actors among whom the ego network of the actor *iri* lies (for ``project(..., among=)``), or None: everyone.

    Each step adds whoever shares a contact or a tie with the actors so far,
    at any time and under any option (``source.co_actors``, which the contact
    index offers): a superset of the actors within *depth* steps, so the ego
    network in the part they make is the ego network in the whole. None where
    the source cannot tell, or for a depth below 1 (which the ego network refuses).
    """
    co_actors = getattr(source, "co_actors", None)
    if co_actors is None or depth < 1:
        return None
    found = {iri}
    for _ in range(depth):
        grown: set[str] = co_actors(found)
        if grown == found:
            break
        found = grown
    return found


def check_among(source: ContactSource, among: Collection[str], agents: Collection[str]) -> None:
    """Raise InvalidArgumentError naming the first IRI of *among* that is neither an entity nor one of *agents*.

    A mistyped IRI would otherwise draw a smaller network without a word.
    """
    for iri in sorted(among):
        entity = source.names.get(iri)
        if iri not in agents and (entity is None or entity.iri != iri):
            close = near_matches(iri, (e.iri for e in source.names))
            hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
            raise InvalidArgumentError(f"among: {iri!r} is no entity or actor of this graph{hint}")


def _among(source: ContactSource, G: nx.Graph, among: Collection[str]) -> nx.Graph:
    """The part of *G* the actors *among* make (an organisation's eras with it), with the edges between them."""
    check_among(source, among, actors(source) | {t.b for t in source.ties()})
    keep = set(among)
    part = part_in_order(G, [n for n, iri in G.nodes(data="iri") if (iri or n) in keep])
    # as in the whole, a node other than a person is there for an edge of its own
    part.remove_nodes_from([n for n, kind in part.nodes(data="type") if kind != "person" and not part.degree(n)])
    return part


@paused()
def project(source: ContactSource, network: str = "persons", *, indirect: bool = False, planned: bool = False,
            institutional: bool = False, since: Any = None, until: Any = None,
            among: Collection[str] | None = None) -> nx.Graph:
    """Project the knowledge graph into a NetworkX graph.

    Parameters
    ----------
    source : ContactSource
        The contacts to draw (``kg.source``).
    network : {"persons", "bipartite", "full"}
    indirect, planned, institutional : bool
        Include indirect contacts, planned contacts, institutional ties.
    since, until : str, int or date, optional
        A time window.
    among : collection of str, optional
        The persons network only: draw these actors (IRIs; an organisation
        with its eras) and the edges between two of them, as the same
        projection of every actor would draw them. Their ego networks, for
        one, are the same in it (what :func:`diplograph.view.view` asks
        around an actor).

    Returns
    -------
    networkx.Graph (``nx.MultiDiGraph`` for ``"full"``), with ``G.graph["options"]``.

    Raises
    ------
    InvalidArgumentError
        An unknown network, a filter on the full graph, *among* on another network than
        the persons network, or a bound that is not a date.
    NoAnswerError
        *since* after *until*.

    Examples
    --------
    >>> import diplograph as dg
    >>> B = project(dg.load().source, "bipartite", planned=True, indirect=True)
    >>> sorted({d["type"] for _, d in B.nodes(data=True) if d["bipartite"] == 1})
    ['contact', 'plan']
    """
    if network not in NETWORKS:
        raise unknown_choice("network", network, NETWORKS)
    if among is not None and network != "persons":
        raise InvalidArgumentError(f"among= draws part of the persons network, not of the {network} network")
    options = options_of(network, indirect, planned, institutional, since, until)
    G: nx.Graph
    if network == "full":
        if indirect or planned or institutional or since is not None or until is not None:
            raise InvalidArgumentError("the full network is the whole graph: it takes no filters "
                             "(indirect, planned, institutional, since, until)")
        G = _full(source)
    elif (G := _own_projection(source, network, indirect, planned, institutional, since, until,
                               among)) is not None:
        pass
    else:
        events = _events(source, indirect=indirect, planned=planned, since=since, until=until)
        if network == "persons":
            G = _persons(source, events, ties(source, since=since, until=until) if institutional else [])
            G = G if among is None else _among(source, G, among)
        else:
            G = _bipartite(source, events)
    G.graph["options"] = options
    G.graph["built_from"] = source.count()
    log.debug("projected %s network: %d nodes, %d edges", network, G.number_of_nodes(), G.number_of_edges())
    return G
