"""The public contact source: what the network, the page and the API read of a store.

:class:`ContactSource` is the one interface the layers above the store use
(:mod:`diplograph.network`, :mod:`diplograph.view`, the API object): every
contact and plan as a full record or as a lean summary, the contacts of
some actors, institutional ties, who held a top post when, claims, the
names of every entity, and the triples for the full network.
:class:`StoreContacts` implements it once over any store (memory, Oxigraph
on disk, a SPARQL endpoint) with the named queries; it reads each answer
once and keeps it.

Layers above keep what they derive from a source (a projected network, say)
in its :attr:`~ContactSource.cache`, the one place for it, as NetworkX keeps
its own in ``G.__networkx_cache__``.

Examples
--------
>>> from diplograph import load
>>> source = load().source
>>> call = next(e for e in source.events() if e.date == "2025-02-13" and e.kind == "phoneCall")
>>> [p.label for p in call.participants], call.planned
(['Donald Trump', 'Vladimir Putin'], False)
>>> putin = source.names.resolve("بوتين").iri
>>> [c.date for c in source.contacts_of([putin]) if c.kind == "phoneCall"][:2]
['2018-03-20', '2019-05-01']
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any, NamedTuple, Protocol, runtime_checkable

from rdflib import RDF, URIRef
from rdflib.term import Node

from .annotation.model import CONTACT_KINDS
from .backends import Backend
from .backends.base import prepend_to_where
from .bulk import paused
from .dates import Span, in_window, window
from .errors import NoAnswerError, unknown_choice
from .query import iter_rows, resolve_query, run_select
from .records import (
    ActorRef,
    ClaimRecord,
    ContactFacts,
    ContactRecord,
    ContactSummary,
    Evidence,
    PostRecord,
    SourceRef,
    Tie,
    by_role,
)
from .registry import Entity, NameIndex
from .vocab import DG, ID, is_iri, local_name

__all__ = ["ContactSource", "EventCodes", "StoreContacts", "claim_record", "contact_record", "date_order", "name_index",
           "post_record", "post_span", "precision_word", "published_order", "select", "summaries", "tie_of",
           "timeline"]

log = logging.getLogger(__name__)

Triple = tuple[Node, Node, Node]


class EventCodes(NamedTuple):
    """The event-data codes of a contact or plan: CAMEO code, PLOVER event type and mode (None where unmapped)."""

    cameo: str | None
    plover: str | None
    mode: str | None


@runtime_checkable
class ContactSource(Protocol):
    """What the layers above a store read of it.

    Every list of contacts is in date order, undated last (ties by IRI).
    """

    #: The ``--store`` text of the store read (``memory``, ``oxigraph:PATH``, ``sparql:URL``).
    spec: str
    #: Values layers above derive from this source (by a key naming their module), dropped with it.
    cache: dict[str, Any]

    @property
    def names(self) -> NameIndex:
        """Every entity by every name the graph gives it."""
        ...

    def all_contacts(self) -> list[ContactRecord]:
        """Every contact and plan, as full records."""
        ...

    def contacts_of(self, iris: Iterable[str]) -> list[ContactRecord]:
        """The contacts and plans in which any of *iris* has a role (participant, initiator, intermediary)."""
        ...

    def events(self) -> list[ContactSummary]:
        """Every contact and plan as a network sees it: actors by role, kind, date, status, first quote."""
        ...

    def ties(self) -> list[Tie]:
        """Every institutional tie (post, team, office), with the term or date it rests on.

        Who held the top post of an organisation, a country or an office, and
        when, is the ties with ``head`` whose ``b`` it is: the one answer to
        "who held the post then" that gaps, paths and networks share.
        """
        ...

    def claims(self, by: str | None = None) -> list[ClaimRecord]:
        """Claims, or those of the speaker *by* (an IRI)."""
        ...

    def codes(self) -> dict[str, EventCodes]:
        """The CAMEO and PLOVER codes of each contact and plan, from the ontology's mappings of its kind."""
        ...

    def languages(self) -> dict[str, str]:
        """The language of each source (an IRI), as its ``schema:inLanguage`` gives it."""
        ...

    def triples(self) -> Iterator[Triple]:
        """Every triple of the graph, as rdflib terms (for the full network)."""
        ...

    def count(self) -> int:
        """The number of triples (may scan the store)."""
        ...


#: The path from an event to the actors with a role in it (narrows the named queries to one actor's events).
_HAS_ACTOR = f"{DG.hasRole.n3()}/{RDF.value.n3()}"

_KIND_BY_TYPE = {
    "Person": "person",
    "Country": "country",
    "UnnamedGroup": "group",
    "Organization": "organisation",
    "Place": "place",
    "Gathering": "gathering",
}
_PRIORITY = ["person", "country", "group", "organisation", "gathering", "place"]


def _local(iri: str | None) -> str | None:
    return None if iri is None else local_name(iri)


def date_order(c: ContactRecord | ContactSummary | ContactFacts) -> tuple[bool, str, str]:
    """The sort key of contacts: dated first, by date, then by IRI."""
    return (c.date is None, c.date or "", c.iri)


def published_order(value: Any) -> tuple[int, str]:
    """A publication time as a sort key: UTC where it carries an offset, as written where it does not.

    Examples
    --------
    >>> published_order("2025-02-13T12:00:00+03:00") < published_order("2025-02-13T10:00:00Z")
    True
    """
    text = str(value)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return (1, text)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return (0, moment.isoformat())


def _by_name(ref: ActorRef) -> tuple[str, str]:
    return (ref.label or "", ref.iri)


def post_span(begin: str | None, end: str | None, attested: str | None) -> Span | None:
    """When a post held: its term throughout, or the day, month or year it is attested on (None: undated)."""
    if begin:
        return Span.of(begin, end or begin, throughout=True)
    if attested:
        return Span.of(attested)
    return None


class StoreContacts:
    """The contact source of a store, read with the named queries (see :class:`ContactSource`).

    Parameters
    ----------
    store : Backend
        Any store: memory, Oxigraph on disk, a SPARQL endpoint.

    Notes
    -----
    A question about some actors reads their contacts only (the named
    queries narrowed to events in which they have a role), unless every
    contact was read already: on a big store the first question about one
    actor costs that actor's contacts, not the whole graph's.
    """

    def __init__(self, store: Backend):
        self.store = store
        self.spec = store.spec
        self.cache: dict[str, Any] = {}
        self._names: NameIndex | None = None
        self._all: list[ContactRecord] | None = None
        self._records: dict[str, ContactRecord] = {}
        self._events_of: dict[str, list[str]] = {}
        self._by_actor: defaultdict[str, list[ContactRecord]] | None = None
        self._events: list[ContactSummary] | None = None
        self._ties: list[Tie] | None = None

    def __repr__(self) -> str:
        return f"<StoreContacts of {self.spec}>"

    # -- names --

    @property
    def names(self) -> NameIndex:
        if self._names is None:
            self._names = self._read_names()
        return self._names

    def _read_names(self) -> NameIndex:
        return name_index(iter_rows(self.store, "entities"))

    # -- contact records --

    def all_contacts(self) -> list[ContactRecord]:
        if self._all is None:
            self._all = self._read_contacts()
            self._records = {c.iri: c for c in self._all}
        return self._all

    def contacts_of(self, iris: Iterable[str]) -> list[ContactRecord]:
        wanted = list(dict.fromkeys(iris))
        if self._all is not None:  # every record is read: each actor's, from an index made once
            if self._by_actor is None:
                self._by_actor = defaultdict(list)
                for c in self._all:
                    for iri in dict.fromkeys(p.iri for p in (*c.participants, *c.initiators, *c.intermediaries)):
                        self._by_actor[iri].append(c)
            found_all = {c.iri: c for iri in wanted for c in self._by_actor.get(iri, ())}
            return sorted(found_all.values(), key=date_order)
        found: dict[str, ContactRecord] = {}
        for iri in wanted:
            if iri not in self._events_of:
                records = self._read_contacts(actor=iri)
                for record in records:
                    self._records.setdefault(record.iri, record)
                self._events_of[iri] = [record.iri for record in records]
            found.update((e, self._records[e]) for e in self._events_of[iri])
        return sorted(found.values(), key=date_order)

    def _narrowed(self, name: str, var: str, actor: str | None) -> Iterator[dict[str, Any]]:
        """The rows of a named query, or of those about events in which *actor* has a role."""
        if actor is None:
            return iter_rows(self.store, name)
        text, _ = resolve_query(name)
        return iter_rows(self.store, prepend_to_where(text, f"?{var} {_HAS_ACTOR} ?actor ."), actor=URIRef(actor))

    @paused()
    def _read_contacts(self, actor: str | None = None) -> list[ContactRecord]:
        """Read contact records: all of them, or those in which *actor* has a role."""
        roles: dict[str, list[tuple[str, ActorRef]]] = defaultdict(list)
        for r in self._narrowed("roles", "event", actor):
            roles[r["event"]].append((str(_local(r["roleType"])), ActorRef(r["agent"], r["label"], r["labelAr"])))
        topics: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for r in self._narrowed("topics", "contact", actor):
            topics[r["contact"]].append((r["label"], r["labelAr"] or r["label"]))
        hedges: dict[str, list[str]] = defaultdict(list)
        for r in self._narrowed("hedges", "subject", actor):
            hedges[r["subject"]].append(str(_local(r["hedge"])))
        grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in self._narrowed("contacts", "contact", actor):
            grouped[r["contact"]].append(r)
        records = [contact_record(iri, rows, roles.get(iri, []), topics.get(iri, []), hedges.get(iri, []))
                   for iri, rows in grouped.items()]
        records.sort(key=date_order)
        return records

    # -- the network's lean view --

    def events(self) -> list[ContactSummary]:
        if self._all is not None:
            return [ContactSummary.of(c) for c in self._all]
        if self._events is None:
            self._events = self._read_events()
        return self._events

    @paused()
    def _read_events(self) -> list[ContactSummary]:
        # both queries come unordered (sorting in the store took as long as the rest of the query)
        return summaries(iter_rows(self.store, "network-events"), iter_rows(self.store, "event-quotes"))

    # -- ties and top posts --

    def ties(self) -> list[Tie]:
        if self._ties is None:
            self._ties = [tie_of(r) for r in run_select(self.store, "institutional-ties")]
        return self._ties

    # -- claims, posts, evidence --

    def claims(self, by: str | None = None) -> list[ClaimRecord]:
        binding = {"by": URIRef(by)} if by is not None else {}
        hedges: dict[str, list[str]] = defaultdict(list)
        for r in run_select(self.store, "hedges"):
            hedges[r["subject"]].append(str(_local(r["hedge"])))
        return [claim_record(r, hedges) for r in run_select(self.store, "claims", binding)]

    def posts(self, who: str | None = None) -> list[PostRecord]:
        """Posts held, or those of the person *who* (an IRI), with their terms or attested dates."""
        binding = {"member": URIRef(who)} if who is not None else {}
        return [post_record(r) for r in run_select(self.store, "posts", binding)]

    def evidence(self, node: str) -> list[Evidence]:
        """The quotes a contact, plan, role, post or claim rests on (*node*: an IRI or a local id).

        Raises
        ------
        NoAnswerError
            No contact, plan or claim has that id.
        """
        iri = node if is_iri(node) else None
        if iri is None:
            iri = next((f"{ID}{kind}/{node}" for kind in ("contact", "plan", "claim")
                        if self.store.has_subject(f"{ID}{kind}/{node}")), None)
        if iri is None:
            raise NoAnswerError(f"no contact, plan or claim with id {node!r}")
        rows = run_select(self.store, "evidence", node=URIRef(iri))
        return [Evidence(r["quote"], r["start"], r["end"], SourceRef(r["source"], r["sourceTitle"] or "",
                                                                     r["published"])) for r in rows]

    def codes(self) -> dict[str, EventCodes]:
        found: dict[str, dict[str, str | None]] = {}
        for r in run_select(self.store, "cameo-plover"):
            row = found.setdefault(r["contact"], {"cameo": None, "plover": None, "mode": None})
            for key, var in (("cameo", "cameo"), ("plover", "plover"), ("mode", "ploverMode")):
                if row[key] is None and r[var] is not None:
                    row[key] = str(r[var])
        return {iri: EventCodes(**row) for iri, row in found.items()}

    def languages(self) -> dict[str, str]:
        return {r["source"]: str(r["language"]) for r in run_select(self.store, "sources") if r["language"]}

    # -- the whole graph --

    def triples(self) -> Iterator[Triple]:
        result = self.store.execute("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
        for s, p, o in result.rows:
            assert s is not None and p is not None and o is not None
            yield s, p, o

    def count(self) -> int:
        return self.store.count()


def name_index(rows: Iterable[dict[str, Any]]) -> NameIndex:
    """The name index of the rows of the ``entities`` query (in its order)."""
    by_entity: dict[str, dict[str, Any]] = {}
    for r in rows:
        e = by_entity.setdefault(r["entity"], {"kinds": set(), "en": None, "ar": None, "aliases": [],
                                               "wikidata": r["wikidata"]})
        e["kinds"].add(_KIND_BY_TYPE.get(str(_local(r["type"])), "organisation"))
        if r["nameKind"] == "label" and r["nameLang"] in ("en", "ar") and e[r["nameLang"]] is None:
            e[r["nameLang"]] = r["name"]
        else:
            e["aliases"].append(r["name"])
    index = NameIndex()
    for iri, e in sorted(by_entity.items()):
        kind = next(k for k in _PRIORITY if k in e["kinds"])
        local = str(_local(iri))
        index.add(Entity(id=local, kind=kind, en=e["en"] or local, ar=e["ar"] or e["en"] or local,
                         aliases=tuple(e["aliases"]), wikidata=e["wikidata"], iri=iri))
    return index


def summaries(event_rows: Iterable[dict[str, Any]], quote_rows: Iterable[dict[str, Any]]) -> list[ContactSummary]:
    """The lean events of a network from the rows of ``network-events`` and ``event-quotes`` (in any order).

    Each event's quote is that of its earliest source, then first offset; an
    event without a quote is left out (with a warning).
    """
    first: dict[str, tuple[tuple[int, str], int, str, str, str]] = {}
    for r in quote_rows:  # each event's earliest source, then first offset
        key = (published_order(r["published"]), int(r["start"]), str(r["source"]), str(r["quote"]),
               str(r["published"]))
        known = first.get(r["event"])
        if known is None or key < known:
            first[r["event"]] = key
    facts: dict[str, dict[str, Any]] = {}
    roles: dict[str, dict[str, set[ActorRef]]] = defaultdict(lambda: defaultdict(set))
    for r in event_rows:
        event = r["event"]
        if event not in facts:
            facts[event] = {"kind": local_name(r["kind"]), "date": r["date"], "status": r["status"],
                            "planned": r["type"] == str(DG.PlannedContact), "bounds": r["bounds"]}
        roles[event][local_name(r["roleType"])].add(ActorRef(r["agent"], r["label"], r["labelAr"]))
    events = []
    for iri, f in facts.items():
        if iri not in first:  # every contact rests on a quote (the shapes say so); a record without is skipped
            log.warning("%s has no quote; left out of the network", iri)
            continue
        participants, initiators, intermediaries = by_role(
            (role, ref) for role, refs in roles[iri].items() for ref in sorted(refs, key=_by_name))
        events.append(ContactSummary(
            iri=iri, kind=f["kind"], date=f["date"], planned=f["planned"],
            status=local_name(f["status"]) if f["status"] else None, participants=participants,
            initiators=initiators, intermediaries=intermediaries, quote=first[iri][3], source=first[iri][2],
            reported=first[iri][4], bounds=f["bounds"]))
    events.sort(key=date_order)
    log.debug("read %d events for a network", len(events))
    return events


def claim_record(r: dict[str, Any], hedges: dict[str, list[str]]) -> ClaimRecord:
    """A claim from a row of the ``claims`` query and the hedges of every subject."""
    src = SourceRef(r["source"], r["sourceTitle"] or r["source"], "")
    return ClaimRecord(
        iri=r["claim"], by=ActorRef(r["by"], r["byLabel"], r["byLabelAr"]), text=r["statement"],
        medium=str(_local(r["medium"])), stated=r["stated"],
        evidence=Evidence(r["quote"], r["start"], r["end"], src), source=src,
        supports=tuple(sorted(r["supports"].split())) if r["supports"] else (),
        hedges=tuple(hedges.get(r["claim"], [])),
    )


def post_record(r: dict[str, Any]) -> PostRecord:
    """A post from a row of the ``posts`` query."""
    return PostRecord(iri=r["post"], holder=ActorRef(r["member"], r["memberLabel"]), role=r["roleLabel"],
                      organisation=ActorRef(r["org"], r["orgLabel"]), begin=r["begin"], end=r["end"],
                      attested=r["attested"], appointed_by=r["appointer"], quote=r["quote"])


def contact_record(iri: str, rows: list[dict[str, Any]], roles: list[tuple[str, ActorRef]],
                   topics: list[tuple[str, str]], hedges: list[str]) -> ContactRecord:
    """A contact record from its rows of the ``contacts`` query (one per quote, in its order).

    *roles* pairs each role type's local name with the actor, in the order of the ``roles`` query.
    """
    first = rows[0]
    evidences: list[Evidence] = []
    for r in rows:
        ev = Evidence(r["quote"], r["start"], r["end"], SourceRef(r["source"], r["sourceTitle"] or r["source"],
                                                                   r["published"]))
        if ev not in evidences:
            evidences.append(ev)
    participants, initiators, intermediaries = by_role(roles)
    return ContactRecord(
        iri=iri, kind=str(_local(first["kind"])), date=first["date"],
        precision=precision_word(first["precision"]),
        participants=participants, initiators=initiators, intermediaries=intermediaries,
        place=first["placeLabel"], place_ar=first["placeLabelAr"], gathering=first["gatheringLabel"],
        topics=tuple(t for t, _ in topics), topics_ar=tuple(a for _, a in topics),
        evidence=evidences[0], source=evidences[0].source, planned=first["type"] == str(DG.PlannedContact),
        status=_local(first["status"]), duration_minutes=first["minutes"],
        duration_bound=_local(first["bound"]), duration_text=first["durationText"],
        date_expression=first["expression"], other_date=first["otherDate"],
        other_date_note=first["otherDateNote"], hedges=tuple(hedges), also_reported_in=tuple(evidences[1:]),
        bounds=first["bounds"],
    )


@lru_cache(maxsize=64)  # a few IRIs, asked once per row of long answers
def precision_word(value: str | None) -> str:
    """A date precision as records give it (``day``, ``month``, ``year``, ``undated``) from a row's value."""
    return str(_local(value)).replace("precision", "").lower() or "undated"


def tie_of(r: dict[str, Any]) -> Tie:
    """A tie from a row of the ``institutional-ties`` query."""
    when = f"{r['begin']}/{r['end']}" if r["begin"] else r["attested"]
    if r["tie"] == "office":
        label = f"{r['orgLabel']} speaks for its head, {r['roleLabel']} {r['memberLabel']}"
    else:
        label = f"{r['memberLabel']}: {r['roleLabel']}, {r['orgLabel']}"
    return Tie(kind=r["tie"], a=r["member"], b=r["org"], post=r["post"], label=label, date=when,
               quote=r["quote"], span=post_span(r["begin"], r["end"], r["attested"]), head=r["head"] == "yes")


# -- the questions the API asks of a source --

def _iri(source: ContactSource, name: str | Entity | None) -> str | None:
    if name is None:
        return None
    return name.iri if isinstance(name, Entity) else source.names.resolve(name).iri


def select(source: ContactSource, *, planned: bool, a: str | Entity | None = None, b: str | Entity | None = None,
           kinds: Iterable[str] | None = None, since: str | int | date | None = None,
           until: str | int | date | None = None) -> list[ContactRecord]:
    """Contacts (or, with *planned*, plans) of *a* (with *b*), of some *kinds*, inside a time window.

    A contact is kept when its whole date (at its precision) lies inside the
    window, or for an undated one the whole of its bounds; undated contacts
    without bounds are outside any bounded window.

    Raises
    ------
    UnknownEntityError
        A name no entity is known by (with near matches).
    InvalidArgumentError
        An unknown kind, or a bound that is not a date.
    NoAnswerError
        *since* after *until*.

    Examples
    --------
    >>> from diplograph import load
    >>> source = load().source
    >>> [c.date for c in select(source, planned=False, a="Trump", b="Putin", kinds=["phoneCall"], since=2019)]
    ['2019-05-01', '2020-07-03', '2025-02-13']
    >>> select(source, planned=False, kinds=["phonecall"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    diplograph.errors.InvalidArgumentError: unknown contact kind 'phonecall'; did you mean 'phoneCall'? (kinds: ...)
    """
    ia, ib = _iri(source, a), _iri(source, b)
    kind_set = set(kinds) if kinds is not None else None
    for kind in sorted(kind_set or ()):
        if kind not in CONTACT_KINDS:
            raise unknown_choice("contact kind", kind, CONTACT_KINDS)
    lo, hi = window(since, until)
    pool = source.contacts_of([ia]) if ia else source.all_contacts()
    out = []
    for c in pool:
        who = {p.iri for p in c.participants}
        if c.planned != planned or (ia and ia not in who) or (ib and ib not in who):
            continue
        if kind_set is not None and c.kind not in kind_set:
            continue
        if (lo or hi) and not in_window(c.date or c.bounds, lo, hi):
            continue
        out.append(c)
    return out


def timeline(source: ContactSource, a: str | Entity, b: str | Entity | None = None) -> list[ContactRecord]:
    """Every contact of *a* (with *b*, if given) of every kind, plans included, in date order (plans last on a day).

    Examples
    --------
    >>> from diplograph import load
    >>> [(c.date, c.kind, c.planned) for c in timeline(load().source, "Biden")]
    [('2022-02-12', 'phoneCall', False), (None, 'indirectContact', False), (None, 'talks', True)]
    """
    records = select(source, planned=False, a=a, b=b) + select(source, planned=True, a=a, b=b)
    return sorted(records, key=lambda c: (c.date is None, c.date or "", c.planned, c.iri))

