"""One event per contact, however many sources report it.

Two sources report the same contact when they give it the same participants,
compatible kinds (the same kind, or one broader than the other in the kind
scheme: a report may call a summit a meeting), and dates that agree within
their precision ("May 2019" agrees with "1 May 2019") without any report
dating the contact after its own publication. Dates that are both given to
the day and lie at most :data:`DISAGREEMENT_DAYS` apart ("1 May" and "3 May",
or a day off at the time-zone edge) are taken as one contact on which the
sources disagree: the graph keeps each source's date, attributed to it, and
overwrites none. Undated reports are never merged (two undated reports may
be two contacts), nor are two contacts of one source.

The event's own date is the best-supported one: the day most reports give,
then the day no report was published before, then the first report's; the
report giving it is the event's primary report (its id stays the first
report's).

Examples
--------
>>> compatible(DateValue("2019-05", "month"), DateValue("2019-05-01", "day"))
'agree'
>>> compatible(DateValue("2019-05-01", "day"), DateValue("2019-05-03", "day"))
'disagree'
>>> compatible(DateValue("2019-05-01", "day"), DateValue("2019-07-03", "day"))
>>> compatible_kinds("bilateralSummit", "inPersonMeeting"), compatible_kinds("phoneCall", "inPersonMeeting")
(True, False)
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from .annotation.model import Annotation, ContactAnn
from .dates import DateValue

__all__ = ["BROADER_KINDS", "DISAGREEMENT_DAYS", "MergedEvent", "Merges", "compatible", "compatible_kinds",
           "plan_merges"]

log = logging.getLogger(__name__)

#: Day-precise dates at most this many days apart are one contact dated differently.
DISAGREEMENT_DAYS = 3
#: Each contact kind's broader kind in the kind scheme (dg:ContactKinds, ``skos:broader``).
BROADER_KINDS = {"visit": "inPersonMeeting", "bilateralSummit": "inPersonMeeting",
                 "sidelinesMeeting": "inPersonMeeting"}


def _ancestors(kind: str) -> list[str]:
    out = [kind]
    while out[-1] in BROADER_KINDS:
        out.append(BROADER_KINDS[out[-1]])
    return out


def compatible_kinds(a: str, b: str) -> bool:
    """Whether two kinds may name one contact: equal, or one broader than the other."""
    return a in _ancestors(b) or b in _ancestors(a)


def _span(d: DateValue) -> tuple[int, int, bool] | None:
    """First and last day (as ordinals) a date can mean, and whether it is given to the day."""
    first, last = d.first_day(), d.last_day()
    if first is None or last is None:
        return None
    return first.toordinal(), last.toordinal(), d.precision == "day"


def _compare(a: tuple[int, int, bool] | None, b: tuple[int, int, bool] | None) -> str | None:
    if a is None or b is None:
        return None
    if a[0] <= b[1] and b[0] <= a[1]:
        return "agree"
    if a[2] and b[2] and abs(a[0] - b[0]) <= DISAGREEMENT_DAYS:
        return "disagree"
    return None


def compatible(a: DateValue, b: DateValue) -> str | None:
    """``"agree"``, ``"disagree"`` (same contact, different days) or None (different contacts)."""
    return _compare(_span(a), _span(b))


@dataclass
class MergedEvent:
    """A contact (or plan) and every source's report of it; the best-supported report is the primary one."""

    id: str
    reports: list[tuple[Annotation, ContactAnn]] = field(default_factory=list)
    span: tuple[int, int, bool] | None = None  # the first report's date, for comparisons
    best: int = 0  # the index of the primary report

    @property
    def primary(self) -> ContactAnn:
        return self.reports[self.best][1]

    @property
    def disagreement(self) -> bool:
        """True when two reports give different days."""
        dates = {c.date.iso for _, c in self.reports if c.date.precision == "day"}
        return len(dates) > 1


@dataclass
class Merges:
    """How the contacts of several annotations map onto events."""

    events: dict[str, MergedEvent] = field(default_factory=dict)
    by_report: dict[tuple[str, str], str] = field(default_factory=dict)  # (source id, contact id) -> event id

    def event_id(self, source_id: str, contact_id: str) -> str:
        """The id of the event a source's contact belongs to."""
        return self.by_report.get((source_id, contact_id), contact_id)

    def event_of(self, source_id: str, contact_id: str) -> MergedEvent | None:
        return self.events.get(self.event_id(source_id, contact_id))


def _key(c: ContactAnn) -> tuple[bool, frozenset[str]]:
    return c.planned, frozenset(p.id for p in c.participants)


def _published(ann: Annotation) -> int:
    return ann.source.published.date().toordinal()


def _fits(ev: MergedEvent, ann: Annotation, span: tuple[int, int, bool] | None) -> bool:
    """No report dates the contact after its own publication once the new report joins."""
    days = [s[0] for s in (_span(c.date) for _, c in ev.reports) if s is not None and s[2]]
    if span is not None and span[2]:
        days.append(span[0])
    if days and max(days) > _published(ann):
        return False
    latest = max(days) if days else (span[0] if span else None)
    return latest is None or all(latest <= _published(a) for a, _ in ev.reports)


def _best(ev: MergedEvent) -> int:
    """The report giving the best-supported day: most reports agree, no report published before it, first."""
    spans = [_span(c.date) for _, c in ev.reports]
    candidates = [(i, s) for i, s in enumerate(spans) if s is not None and s[2]]
    if not candidates or (len({s[0] for _, s in candidates}) == 1 and spans[0] is not None and spans[0][2]):
        return 0  # one day, given by the first report: nothing to decide

    def support(item: tuple[int, tuple[int, int, bool]]) -> tuple[int, int, int]:
        i, (day, _, _) = item
        agree = sum(1 for s in spans if s is not None and s[0] <= day <= s[1])
        fits = sum(1 for a, _ in ev.reports if day <= _published(a))
        return agree, fits, -i

    return max(candidates, key=support)[0]


def _match(nearby: dict[int, MergedEvent], ann: Annotation, c: ContactAnn,
           span: tuple[int, int, bool] | None) -> tuple[MergedEvent | None, str | None]:
    """The first event near *c* (in order) that it reports, and the verdict on their dates."""
    for _, ev in sorted(nearby.items()):
        if any(a.source.id == ann.source.id for a, _ in ev.reports) or not compatible_kinds(
                ev.reports[0][1].kind, c.kind):
            continue
        if span is None:
            if c.planned and ev.primary.status == c.status:
                return ev, None  # the same undated plan announced in two sources
            continue
        verdict = _compare(ev.span, span)
        if verdict == "agree" and not _fits(ev, ann, span):
            verdict = None  # "February" in a page of 12 February is not a call of the 13th
        if verdict:
            return ev, verdict
    return None, None


#: Width in days of the buckets events are indexed by (each event sits in every bucket its dates touch).
_BUCKET = 8


def plan_merges(annotations: Iterable[Annotation]) -> Merges:
    """Group the contacts and plans of *annotations* (in order) into events.

    Events are indexed by participants and the eight-day buckets their first
    report's dates touch, so a contact is compared only with events of the
    same parties near its own dates: the time grows with the number of
    contacts, not with its square.
    """
    merges = Merges()
    buckets: dict[tuple[tuple[bool, frozenset[str]], int | None], list[tuple[int, MergedEvent]]] = {}
    suffix: dict[str, int] = {}
    for ann in annotations:
        sid = ann.source.id
        for c in ann.contacts + ann.plans:
            span = _span(c.date)
            key = _key(c)
            if span is None:
                slots: list[int | None] = [None]
            else:
                slots = list(range((span[0] - DISAGREEMENT_DAYS) // _BUCKET,
                                   (span[1] + DISAGREEMENT_DAYS) // _BUCKET + 1))
            nearby: dict[int, MergedEvent] = {}
            for slot in slots:
                for order, ev in buckets.get((key, slot), []):
                    nearby[order] = ev
            match, verdict = _match(nearby, ann, c, span)
            if match is None:
                event_id = c.id
                while event_id in merges.events:  # two sources used one id for two contacts
                    suffix[c.id] = suffix.get(c.id, 1) + 1
                    event_id = f"{c.id}-{suffix[c.id]}"
                match = MergedEvent(event_id, span=span)
                order = len(merges.events)
                merges.events[event_id] = match
                own = [None] if span is None else range(span[0] // _BUCKET, span[1] // _BUCKET + 1)
                for slot in own:
                    buckets.setdefault((key, slot), []).append((order, match))
            elif verdict == "disagree":
                log.info("%s and %s date %s differently (%s, %s)", match.reports[0][0].source.id, sid, match.id,
                         match.primary.date.iso, c.date.iso)
            match.reports.append((ann, c))
            merges.by_report[(sid, c.id)] = match.id
    for ev in merges.events.values():
        ev.best = _best(ev)
    return merges
