"""Contact rhythm of a pair: contacts per year, first and last contact, the gaps between.

This module is the one place where the gap arithmetic lives:
:meth:`diplograph.KnowledgeGraph.gaps` and :meth:`~diplograph.KnowledgeGraph.rhythm`
both call :func:`rhythm`, so the two always give the same numbers.

A date is an ISO string at the precision the source gives ("2019-05-01",
"2024-02", "2017"); :func:`date_bounds` gives its first and last day. Gaps are
measured between the first days of consecutive distinct contact dates.

Examples
--------
>>> import diplograph as dg
>>> r = dg.load().rhythm("White House", "Kremlin")
>>> r.first, r.last, r.count
('2017-07-07', '2025-02-13', 8)
>>> r.gaps[0].days, r.gaps[0].months
(1097, 36)
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from rdflib import URIRef

from ..annotation.model import date_bounds
from ..errors import NoAnswerError
from ..query import run_query
from ..records import Gap, _Record

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph
    from ..records import ContactRecord
    from ..registry import Entity

__all__ = ["Rhythm", "date_bounds", "gaps_between", "holders", "in_window", "rhythm", "whole_months"]


Span = tuple[str, date, date]


def whole_months(a: date, b: date) -> int:
    """Whole calendar months from *a* to *b*.

    Examples
    --------
    >>> whole_months(date(2022, 2, 12), date(2025, 2, 13))
    36
    >>> whole_months(date(2022, 2, 12), date(2025, 2, 11))
    35
    """
    months = (b.year - a.year) * 12 + (b.month - a.month)
    if b.day < a.day:
        months -= 1
    return months


def in_window(iso: str | None, lo: date | None, hi: date | None) -> bool:
    """True when the whole of date *iso* (at its precision) lies inside ``[lo, hi]``.

    Undated events are outside every bounded window and inside the unbounded one.

    Examples
    --------
    >>> in_window("2024-02", date(2024, 2, 10), None)
    False
    >>> in_window(None, None, None), in_window(None, date(2020, 1, 1), None)
    (True, False)
    """
    if lo is None and hi is None:
        return True
    if iso is None:
        return False
    first, last = date_bounds(iso)
    return not ((lo is not None and first < lo) or (hi is not None and last > hi))


def gaps_between(points: list[tuple[str, str, bool]]) -> list[Gap]:
    """Gaps between consecutive dated points, longest first.

    Parameters
    ----------
    points : list of (iso date, contact IRI, approximate)
        One point per contact; points on the same date count once (the first given).

    Examples
    --------
    >>> [g.days for g in gaps_between([("2020-01-01", "a", False), ("2020-01-11", "b", False),
    ...                                ("2020-01-11", "c", False), ("2020-03", "d", True)])]
    [50, 10]
    """
    dated: dict[str, tuple[date, bool, str]] = {}
    for iso, iri, approximate in points:
        if iso not in dated:
            dated[iso] = (date_bounds(iso)[0], approximate, iri)
    ordered = sorted(dated.items(), key=lambda kv: (kv[1][0], kv[0]))
    out = []
    for (iso1, (d1, approx1, c1)), (iso2, (d2, approx2, c2)) in itertools.pairwise(ordered):
        out.append(Gap(start=iso1, end=iso2, days=(d2 - d1).days, months=whole_months(d1, d2),
                       before=c1, after=c2, approximate=approx1 or approx2))
    out.sort(key=lambda g: (-g.days, g.start))
    return out


def holders(kg: KnowledgeGraph, actor: Entity) -> list[Span] | None:
    """Who held the top post of *actor* and from when to when; None for a person or group.

    Raises
    ------
    NoAnswerError
        An organisation or country with no top post in the graph.
    """
    if actor.kind in ("person", "group"):
        return None
    rows = run_query(kg.store, "head-posts", actor=URIRef(actor.iri))
    if not len(rows):
        raise NoAnswerError(
            f"{actor.en!r} has no top post in the graph (no dg:headRole, no dg:officeOf), "
            "so its contacts cannot be counted")
    spans = []
    for r in rows:
        if r["begin"]:
            spans.append((r["holder"], date_bounds(r["begin"])[0], date_bounds(r["end"])[1]))
        elif r["attested"]:
            first, last = date_bounds(r["attested"])
            spans.append((r["holder"], first, last))
    return spans


@dataclass(frozen=True)
class Rhythm(_Record):
    """How often two actors were in direct contact, and when they stopped.

    Attributes
    ----------
    a, b : str
        IRIs of the two actors.
    count : int
        Direct contacts that took place (dated ones; undated cannot be placed).
    first, last : str or None
        Dates of the first and last of them.
    per_year : dict of int to int
        Contacts per calendar year, every year from the first to the last (zeros included).
    gaps : list of Gap
        Gaps between consecutive contact dates, longest first.
    contacts : list of str
        The IRIs of the contacts counted, in date order.
    undated : int
        Direct contacts of the pair with no date (not counted above).
    """

    a: str
    b: str
    count: int
    first: str | None
    last: str | None
    per_year: dict[int, int] = field(default_factory=dict)
    gaps: list[Gap] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)
    undated: int = 0

    def as_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dictionary (years as strings)."""
        d = super().as_dict()
        d["per_year"] = {str(k): v for k, v in self.per_year.items()}
        return d


def rhythm(kg: KnowledgeGraph, a: str | Entity, b: str | Entity) -> Rhythm:
    """Contact rhythm of two actors: counts per year, first and last contact, gaps.

    *a* and *b* may be people, institutions or countries; for an institution
    or a country the direct contacts of whoever held its top post at the time
    count (the White House and the Kremlin stand for the US and Russian
    presidents). A contact counts from its first possible day.

    Raises
    ------
    UnknownEntityError
        A name no entity is known by.
    NoAnswerError
        An institution or country without a top post in the graph.

    Examples
    --------
    >>> import diplograph as dg
    >>> r = rhythm(dg.load(), "Trump", "Putin")
    >>> r.per_year[2018], r.per_year[2022], r.last
    (2, 0, '2025-02-13')
    """
    ea, eb = kg.resolve(a), kg.resolve(b)
    ha, hb = holders(kg, ea), holders(kg, eb)

    def counts(spans: list[Span] | None, entity: Entity, iri: str, day: date) -> bool:
        if spans is None:
            return iri == entity.iri
        return any(h == iri and first <= day <= last for h, first, last in spans)

    chosen: list[ContactRecord] = []
    undated = 0
    # only the contacts of a's side are read: a itself, or whoever held its top post
    side = sorted({h for h, _, _ in ha}) if ha is not None else [ea.iri]
    for c in kg._contacts_of(side):
        if c.planned or not c.direct:
            continue
        who = [p.iri for p in c.participants]
        if c.date is None:
            if ha is None and hb is None and ea.iri in who and eb.iri in who and ea.iri != eb.iri:
                undated += 1
            continue
        day = date_bounds(c.date)[0]
        if any(counts(ha, ea, x, day) and counts(hb, eb, y, day) for x in who for y in who if x != y):
            chosen.append(c)
    chosen.sort(key=lambda c: (date_bounds(c.date or "")[0], c.iri))
    points = [(c.date or "", c.iri, c.precision != "day") for c in chosen]
    per_year: dict[int, int] = {}
    if chosen:
        years = Counter(date_bounds(c.date or "")[0].year for c in chosen)
        per_year = {y: years.get(y, 0) for y in range(min(years), max(years) + 1)}
    return Rhythm(a=ea.iri, b=eb.iri, count=len(chosen), first=chosen[0].date if chosen else None,
                  last=chosen[-1].date if chosen else None, per_year=per_year, gaps=gaps_between(points),
                  contacts=[c.iri for c in chosen], undated=undated)
