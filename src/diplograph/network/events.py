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
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..query import iter_rows
from ..records import ActorRef, by_role
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


def _moment(value: Any) -> tuple[int, str]:
    """A publication time as a sort key: UTC where it carries an offset, as written where it does not.

    Examples
    --------
    >>> _moment("2025-02-13T12:00:00+03:00") < _moment("2025-02-13T10:00:00Z")
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


def _read(kg: KnowledgeGraph) -> list[Event]:
    # both queries come unordered (sorting in the store took as long as the rest of the query)
    first: dict[str, tuple[tuple[int, str], int, str, str]] = {}
    for r in iter_rows(kg.store, "event-quotes"):  # each event's earliest source, then first offset
        key = (_moment(r["published"]), int(r["start"]), str(r["source"]), str(r["quote"]))
        known = first.get(r["event"])
        if known is None or key < known:
            first[r["event"]] = key
    quotes = {event: (key[3], key[2]) for event, key in first.items()}
    facts: dict[str, dict[str, Any]] = {}
    roles: dict[str, dict[str, set[ActorRef]]] = defaultdict(lambda: defaultdict(set))
    for r in iter_rows(kg.store, "network-events"):
        event = r["event"]
        if event not in facts:
            facts[event] = {"kind": local_name(r["kind"]), "date": r["date"], "status": r["status"],
                            "planned": r["type"] == str(DG.PlannedContact)}
        roles[event][local_name(r["roleType"])].add(ActorRef(r["agent"], r["label"], r["labelAr"]))
    events = []
    for iri, f in facts.items():
        quote, source = quotes.get(iri, (None, None))
        if quote is None:  # every contact rests on a quote (the shapes say so); a record without is skipped
            log.warning("%s has no quote; left out of the network", iri)
            continue
        participants, initiators, intermediaries = by_role(
            (role, ref) for role, refs in roles[iri].items() for ref in sorted(refs, key=_by_name))
        events.append(Event(
            iri=iri, kind=f["kind"], date=f["date"], planned=f["planned"], status=local_name(f["status"])
            if f["status"] else None, participants=participants, initiators=initiators,
            intermediaries=intermediaries, quote=quote, source=source))
    events.sort(key=lambda e: (e.date is None, e.date or "", e.iri))
    log.debug("read %d events for a network", len(events))
    return events


def _by_name(ref: ActorRef) -> tuple[str, str]:
    return (ref.label or "", ref.iri)
