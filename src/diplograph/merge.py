"""One event per contact, however many sources report it.

Two sources report the same contact when they give it the same kind, the
same participants, and dates that agree within their precision ("May 2019"
agrees with "1 May 2019"). Dates that are both given to the day and lie at
most :data:`DISAGREEMENT_DAYS` apart ("1 May" and "3 May") are taken as one
contact on which the sources disagree: the graph keeps both dates, each
attributed to its source, and overwrites neither. Undated reports are never
merged (two undated reports may be two contacts), nor are two contacts of
one source.

Examples
--------
>>> from datetime import date
>>> compatible(DateValue("2019-05", "month"), DateValue("2019-05-01", "day"))
'agree'
>>> compatible(DateValue("2019-05-01", "day"), DateValue("2019-05-03", "day"))
'disagree'
>>> compatible(DateValue("2019-05-01", "day"), DateValue("2019-07-03", "day"))
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from .annotation.model import Annotation, ContactAnn, DateValue

__all__ = ["DISAGREEMENT_DAYS", "MergedEvent", "Merges", "compatible", "plan_merges"]

log = logging.getLogger(__name__)

#: Day-precise dates at most this many days apart are one contact dated differently.
DISAGREEMENT_DAYS = 3


def compatible(a: DateValue, b: DateValue) -> str | None:
    """``"agree"``, ``"disagree"`` (same contact, different days) or None (different contacts)."""
    if a.undated or b.undated:
        return None
    a0, a1, b0, b1 = a.first_day(), a.last_day(), b.first_day(), b.last_day()
    assert a0 and a1 and b0 and b1
    if a0 <= b1 and b0 <= a1:
        return "agree"
    if a.precision == "day" and b.precision == "day" and abs((a0 - b0).days) <= DISAGREEMENT_DAYS:
        return "disagree"
    return None


@dataclass
class MergedEvent:
    """A contact (or plan) and every source's report of it; the first report is the primary one."""

    id: str
    reports: list[tuple[Annotation, ContactAnn]] = field(default_factory=list)

    @property
    def primary(self) -> ContactAnn:
        return self.reports[0][1]

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


def _key(c: ContactAnn) -> tuple[str, bool, frozenset[str]]:
    return c.kind, c.planned, frozenset(p.id for p in c.participants)


def plan_merges(annotations: Iterable[Annotation]) -> Merges:
    """Group the contacts and plans of *annotations* (in order) into events."""
    merges = Merges()
    candidates: dict[tuple[str, bool, frozenset[str]], list[MergedEvent]] = {}
    for ann in annotations:
        sid = ann.source.id
        for c in ann.contacts + ann.plans:
            match = None
            for ev in candidates.get(_key(c), []):
                if any(a.source.id == sid for a, _ in ev.reports):
                    continue
                if c.planned and c.date.undated and ev.primary.date.undated and c.status == ev.primary.status:
                    match = ev  # the same plan announced in two sources
                    break
                if compatible(ev.primary.date, c.date):
                    match = ev
                    break
            if match is None:
                event_id = c.id
                n = 2
                while event_id in merges.events:
                    event_id, n = f"{c.id}-{n}", n + 1
                match = MergedEvent(event_id)
                merges.events[event_id] = match
                candidates.setdefault(_key(c), []).append(match)
            elif compatible(match.primary.date, c.date) == "disagree":
                log.info("%s and %s date %s differently (%s, %s)", match.reports[0][0].source.id, sid, match.id,
                         match.primary.date.iso, c.date.iso)
            match.reports.append((ann, c))
            merges.by_report[(sid, c.id)] = match.id
    return merges
