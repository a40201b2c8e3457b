"""The timeline: contacts of an actor or a pair along time, with the gaps between them.

The gaps are those of :meth:`diplograph.KnowledgeGraph.gaps` (one
implementation, :func:`diplograph.network.rhythm.rhythm`): a page carries
them for every pair of actors it draws that had two or more dated direct
contacts, so selecting any actor or link shows them. :func:`timeline_data`
builds the page of one actor or one pair alone (``diplograph view --timeline
A [B]``, ``kg.view(timeline=...)``): every contact and plan of theirs, and
for a pair of institutions the contacts of whoever held their top posts,
which is what the gaps count.

Examples
--------
>>> import diplograph as dg
>>> data = timeline_data(dg.load().source, "Trump", "Putin")
>>> sum(not e["planned"] for e in data["events"].values()), sum(e["planned"] for e in data["events"].values())
(7, 3)
>>> longest = data["gaps"][pair_key(*data["meta"]["timeline"]["actors"])][0]
>>> longest["start"], longest["end"], longest["months"]
('2020-07-03', '2025-02-13', 55)
"""

from __future__ import annotations

import itertools
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..contacts import date_order
from ..contacts import timeline as contact_timeline
from ..errors import NoAnswerError
from ..network.rhythm import contact_facts, holders, rhythm
from .details import event_details

if TYPE_CHECKING:
    from ..contacts import ContactSource, EventCodes, Triple
    from ..records import ClaimRecord, ContactFacts, ContactRecord, ContactSummary, Gap, Tie
    from ..registry import Entity, NameIndex

__all__ = ["MAX_ASKED_PAIRS", "MAX_GAP_PAIRS", "gap_dict", "pair_gaps", "pair_key", "timeline_data"]

log = logging.getLogger(__name__)

#: A page carries the gaps of at most this many pairs (those with the most contacts); the rest are left out.
MAX_GAP_PAIRS = 1500
#: ... and of at most this many when each pair's contacts must be asked of the store (a graph too big to read whole).
MAX_ASKED_PAIRS = 100


def pair_key(a: str, b: str) -> str:
    """The key of a pair of actors in the page's ``gaps`` (the two IRIs in order, a space between)."""
    return " ".join(sorted((a, b)))


def gap_dict(gap: Gap) -> dict[str, Any]:
    """A gap, JSON-ready: its dates, its length in days and whole months, the contacts either side."""
    return {"start": gap.start, "end": gap.end, "days": gap.days, "months": gap.months, "before": gap.before,
            "after": gap.after, "approximate": gap.approximate}


def _held_pairs(events: Iterable[dict[str, Any]], drawn: set[str]) -> Counter[tuple[str, str]]:
    """Pairs of drawn actors by the number of dated direct contacts they took part in together."""
    pairs: Counter[tuple[str, str]] = Counter()
    for ev in events:
        if ev.get("planned") or not ev.get("direct") or not ev.get("date"):
            continue
        who = sorted(set(ev.get("participants") or []) & drawn)
        pairs.update(itertools.combinations(who, 2))
    return pairs


class _ByActor:
    """A contact source whose :meth:`contacts_of` answers from an index of given records by actor.

    :func:`rhythm` asks for one side's contacts per pair; with every record
    at hand, an index answers each question without a scan of them all.
    """

    def __init__(self, source: ContactSource, records: Iterable[ContactRecord]):
        self.source = source
        self.spec = source.spec
        self.cache = source.cache
        self.by_actor: dict[str, list[ContactRecord]] = defaultdict(list)
        for c in records:
            for iri in dict.fromkeys(p.iri for p in (*c.participants, *c.initiators, *c.intermediaries)):
                self.by_actor[iri].append(c)

    @property
    def names(self) -> NameIndex:
        return self.source.names

    def contacts_of(self, iris: Iterable[str]) -> list[ContactRecord]:
        found = {c.iri: c for iri in dict.fromkeys(iris) for c in self.by_actor.get(iri, [])}
        return sorted(found.values(), key=date_order)

    def all_contacts(self) -> list[ContactRecord]:
        return self.source.all_contacts()

    def events(self) -> list[ContactSummary]:
        return self.source.events()

    def ties(self) -> list[Tie]:
        return self.source.ties()

    def claims(self, by: str | None = None) -> list[ClaimRecord]:
        return self.source.claims(by)

    def codes(self) -> dict[str, EventCodes]:
        return self.source.codes()

    def languages(self) -> dict[str, str]:
        return self.source.languages()

    def triples(self) -> Iterator[Triple]:
        return self.source.triples()

    def count(self) -> int:
        return self.source.count()


class _Remembered(_ByActor):
    """A contact source that reads what :func:`rhythm` counts of the given actors' contacts at once, in one question.

    A page asks for the contacts of each drawn pair's first actor; one read of
    them all costs less than a read per pair, and their facts
    (:class:`~diplograph.records.ContactFacts`) less than their full records.
    They are kept by participant: a contact an actor only mediates counts in
    no rhythm of theirs. A side of other actors (the holders of an
    institution's top post) is asked of the source, once.
    """

    def __init__(self, source: ContactSource, actors: Iterable[str]):
        wanted = sorted(set(actors))
        super().__init__(source, ())
        self.read = set(wanted)
        self.facts: dict[str, list[ContactFacts]] = defaultdict(list)
        for f in contact_facts(source, wanted) if wanted else ():
            for iri in f.participants:
                self.facts[iri].append(f)
        self.sides: dict[tuple[str, ...], list[ContactFacts]] = {}

    def contacts_of(self, iris: Iterable[str]) -> list[ContactRecord]:
        return self.source.contacts_of(iris)

    def contact_facts(self, iris: Iterable[str]) -> list[ContactFacts]:
        key = tuple(dict.fromkeys(iris))
        if key not in self.sides and self.read.issuperset(key):  # kept: an actor is the first of many pairs
            found = {f.iri: f for iri in key for f in self.facts.get(iri, [])}
            self.sides[key] = sorted(found.values(), key=date_order)
        if key not in self.sides:
            self.sides[key] = contact_facts(self.source, list(key))
        return self.sides[key]


def pair_gaps(source: ContactSource, events: Iterable[dict[str, Any]], drawn: set[str],
              records: Iterable[ContactRecord] | None = None) -> tuple[dict[str, list[dict[str, Any]]], int]:
    """``kg.gaps`` of every pair of *drawn* actors with two or more dated direct contacts among *events*.

    With *records* (every contact of the source, already read) the gaps are
    computed from an index of them; without, each pair's question goes to
    the source, and only the :data:`MAX_ASKED_PAIRS` pairs with the most
    contacts are asked. Returns the gaps by :func:`pair_key` and the number
    of pairs left out (those with the fewest contacts).
    """
    events = list(events)
    pairs = [p for p, n in sorted(_held_pairs(events, drawn).items(), key=lambda kv: (-kv[1], kv[0])) if n >= 2]
    limit = MAX_GAP_PAIRS if records is not None else MAX_ASKED_PAIRS
    if records is not None:
        source = _ByActor(source, records)
    else:
        source = _Remembered(source, (iri for pair in pairs[:limit] for iri in pair))
    # rhythm() goes through the contacts of its first actor; the gaps are the same either way round
    seen = Counter(iri for ev in events for iri in set(ev.get("participants") or []))
    out: dict[str, list[dict[str, Any]]] = {}
    for a, b in pairs[:limit]:
        if seen[b] < seen[a]:
            a, b = b, a
        ea, eb = source.names.get(a), source.names.get(b)
        if ea is None or eb is None:
            continue
        try:
            gaps = rhythm(source, ea, eb).gaps
        except NoAnswerError:  # an institution without a dated top post: its contacts cannot be counted
            continue
        if gaps:
            out[pair_key(a, b)] = [gap_dict(g) for g in gaps]
    return out, max(0, len(pairs) - limit)


def _counted(source: ContactSource, ea: Entity, eb: Entity, wanted: set[str]) -> list[ContactRecord]:
    """The contacts :func:`rhythm` counted for an institution's side (held by whoever held its top post)."""
    spans = holders(source, ea)
    side = sorted({t.a for t in spans}) if spans is not None else [ea.iri]
    return [c for c in source.contacts_of(side) if c.iri in wanted]


def timeline_data(source: ContactSource, a: str, b: str | None = None) -> dict[str, Any]:
    """The page data of the timeline of *a* (with *b*): events, gaps and who the timeline is of.

    Raises
    ------
    UnknownEntityError
        A name no entity is known by (with near matches).
    NoAnswerError
        No contact or plan of the actor (or the pair) in the graph.
    """
    ea = source.names.resolve(a)
    eb = source.names.resolve(b) if b is not None else None
    records = {c.iri: c for c in contact_timeline(source, ea, eb)}
    gaps: dict[str, list[dict[str, Any]]] = {}
    if eb is not None:
        try:
            r = rhythm(source, ea, eb)
        except NoAnswerError:
            r = None
        if r is not None:
            missing = set(r.contacts) - set(records)
            records.update((c.iri, c) for c in _counted(source, ea, eb, missing) if missing)
            if r.gaps:
                gaps[pair_key(ea.iri, eb.iri)] = [gap_dict(g) for g in r.gaps]
    if not records:
        who = ea.en if eb is None else f"{ea.en} and {eb.en}"
        raise NoAnswerError(f"no contact or plan of {who} in the graph")
    events = {iri: event_details(c) for iri, c in records.items()}
    if eb is None:
        drawn = {p for ev in events.values() for p in ev["participants"]}
        gaps, _ = pair_gaps(source, events.values(), drawn)
        gaps = {k: v for k, v in gaps.items() if ea.iri in k.split(" ")}
    actors = [ea.iri] if eb is None else [ea.iri, eb.iri]
    names = {e.iri: [e.en, e.ar] for e in (ea, eb) if e is not None}
    title = f"Timeline of {ea.en}" + (f" and {eb.en}" if eb is not None else "")
    log.debug("timeline of %s: %d contacts and plans", title, len(events))
    return {"events": events, "gaps": gaps,
            "meta": {"title": title, "timeline": {"actors": actors, "names": names}}}
