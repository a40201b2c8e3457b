"""What a network is drawn from: each contact or plan, who had which part in it, and its first quote.

A projection needs far less than a full
:class:`~diplograph.records.ContactRecord` (places, topics, durations, every
quote of every role): two lean named queries, ``network-events`` (the
actors of each event by role, with its kind, date and status) and
``event-quotes`` (each event's quotes, earliest source first), each read
once, as a stream. On a big store this is what keeps ``kg.network()`` from
reading every role's evidence. When the full records were read already (an
earlier ``kg.contacts()``), they are used instead.

Examples
--------
>>> import diplograph as dg
>>> kg = dg.load()
>>> events = network_events(kg)
>>> call = next(e for e in events if e.date == "2025-02-13" and e.kind == "phoneCall")
>>> [p.label for p in call.participants], call.planned
(['Donald Trump', 'Vladimir Putin'], False)
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..query import iter_rows
from ..records import ActorRef
from ..vocab import DG, local_name

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph
    from ..records import ContactRecord

__all__ = ["Event", "network_events"]

log = logging.getLogger(__name__)

_CACHE_KEY = "network.events"


@dataclass(frozen=True)
class Event:
    """A contact or plan as a network sees it: its actors by role, kind, date, status and first quote."""

    iri: str
    kind: str
    date: str | None
    planned: bool
    status: str | None
    participants: tuple[ActorRef, ...]
    initiators: tuple[ActorRef, ...]
    intermediaries: tuple[ActorRef, ...]
    quote: str | None
    source: str | None

    @property
    def direct(self) -> bool:
        """True for direct contacts (every kind but indirect contact)."""
        return self.kind != "indirectContact"

    @classmethod
    def of(cls, c: ContactRecord) -> Event:
        """The network's view of a full contact record."""
        return cls(iri=c.iri, kind=c.kind, date=c.date, planned=c.planned, status=c.status,
                   participants=c.participants, initiators=c.initiators, intermediaries=c.intermediaries,
                   quote=c.evidence.quote, source=c.source.iri)


def network_events(kg: KnowledgeGraph) -> list[Event]:
    """Every contact and plan of *kg* as :class:`Event`, in date order (undated last); read once per graph."""
    if kg._contacts is not None:
        return [Event.of(c) for c in kg._contacts]
    cached: list[Event] | None = kg._cache.get(_CACHE_KEY)
    if cached is None:
        cached = _read(kg)
        kg._cache[_CACHE_KEY] = cached
    return cached


def _read(kg: KnowledgeGraph) -> list[Event]:
    quotes: dict[str, tuple[str, str]] = {}
    for r in iter_rows(kg.store, "event-quotes"):  # earliest source, then first offset, comes first
        quotes.setdefault(r["event"], (r["quote"], r["source"]))
    facts: dict[str, dict[str, Any]] = {}
    roles: dict[str, dict[str, list[ActorRef]]] = defaultdict(lambda: defaultdict(list))
    for r in iter_rows(kg.store, "network-events"):
        event = r["event"]
        if event not in facts:
            facts[event] = {"kind": local_name(r["kind"]), "date": r["date"], "status": r["status"],
                            "planned": r["type"] == str(DG.PlannedContact)}
        ref = ActorRef(r["agent"], r["label"], r["labelAr"])
        found = roles[event][local_name(r["roleType"])]
        if ref not in found:
            found.append(ref)
    events = []
    for iri, f in facts.items():
        by_role = roles[iri]
        quote, source = quotes.get(iri, (None, None))
        if quote is None:  # every contact rests on a quote (the shapes say so); a record without is skipped
            log.warning("%s has no quote; left out of the network", iri)
            continue
        events.append(Event(
            iri=iri, kind=f["kind"], date=f["date"], planned=f["planned"], status=local_name(f["status"])
            if f["status"] else None,
            participants=tuple(dict.fromkeys([*by_role.get("initiatorRole", []), *by_role.get("participantRole", [])])),
            initiators=tuple(by_role.get("initiatorRole", [])),
            intermediaries=tuple(by_role.get("intermediaryRole", [])),
            quote=quote, source=source))
    events.sort(key=lambda e: (e.date is None, e.date or "", e.iri))
    log.debug("read %d events for a network", len(events))
    return events
