"""Contact rhythm of a pair: contacts per year, first and last contact, the gaps between.

This module is the one place where the gap arithmetic lives:
:meth:`diplograph.KnowledgeGraph.gaps` and :meth:`~diplograph.KnowledgeGraph.rhythm`
both call :func:`rhythm`, so the two always give the same numbers.

A date is an ISO string at the precision the source gives ("2019-05-01",
"2024-02", "2017"); :func:`diplograph.dates.date_bounds` gives its first and
last day. Gaps are measured between the first days of consecutive distinct
contact dates.

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

from ..dates import Span, date_bounds, whole_months
from ..errors import InvalidArgumentError, NoAnswerError
from ..records import ContactFacts, Gap, Record, Tie
from ..registry import Entity

if TYPE_CHECKING:
    from ..contacts import ContactSource

__all__ = ["Rhythm", "contact_facts", "gaps_between", "holders", "rhythm"]


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


def holders(source: ContactSource, actor: Entity) -> list[Tie] | None:
    """Who held the top post of *actor*, as ties with their spans; None for a person or group.

    The answer to "who held the post then" that gaps, paths and networks
    share: the ties of ``source.ties()`` that are top posts (``head``) of
    *actor*. A post with no date in the graph is not counted: it cannot say
    when.

    Raises
    ------
    NoAnswerError
        An organisation or country with no dated top post in the graph.

    Examples
    --------
    >>> import diplograph as dg
    >>> kg = dg.load()
    >>> spans = holders(kg.source, kg.resolve("White House"))
    >>> sorted((t.a.rsplit("/", 1)[-1], str(t.span)) for t in spans)
    [('donald-trump', '2017/2021'), ('donald-trump', '2025-02-13'), ('joe-biden', '2022-02-12')]
    """
    if actor.kind in ("person", "group"):
        return None
    spans = [t for t in source.ties() if t.head and t.b == actor.iri and t.span is not None]
    if not spans:
        raise NoAnswerError(
            f"{actor.en!r} has no top post in the graph with a term or a date (no dg:headRole, no dg:officeOf, "
            "or a post that says not when), so its contacts cannot be counted")
    return spans


@dataclass(frozen=True)
class Rhythm(Record):
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


def contact_facts(source: ContactSource, iris: list[str]) -> list[ContactFacts]:
    """What a rhythm counts of the contacts and plans in which any of *iris* has a role.

    Read by the source alone where it can (``source.contact_facts(iris)``),
    else from its full records.
    """
    own = getattr(source, "contact_facts", None)
    if own is not None:
        facts: list[ContactFacts] = own(iris)
        return facts
    return [ContactFacts.of(c) for c in source.contacts_of(iris)]


def rhythm(source: ContactSource, a: str | Entity, b: str | Entity) -> Rhythm:
    """Contact rhythm of two actors: counts per year, first and last contact, gaps.

    *a* and *b* may be people, institutions or countries; for an institution
    or a country the direct contacts of whoever held its top post at the time
    count (the White House and the Kremlin stand for the US and Russian
    presidents): a contact counts for an institution when its date, at its
    precision, lies within the term of the post's holder or is the date the
    post is attested on (:meth:`diplograph.dates.Span.joins`). A contact
    counts from its first possible day.

    Raises
    ------
    UnknownEntityError
        A name no entity is known by.
    InvalidArgumentError
        The same actor twice.
    NoAnswerError
        An institution or country without a top post in the graph.

    Examples
    --------
    >>> import diplograph as dg
    >>> r = rhythm(dg.load().source, "Trump", "Putin")
    >>> r.per_year[2018], r.per_year[2022], r.last
    (2, 0, '2025-02-13')
    """
    ea, eb = (x if isinstance(x, Entity) else source.names.resolve(x) for x in (a, b))
    if ea.iri == eb.iri:
        raise InvalidArgumentError(f"a rhythm is of two actors; {ea.en!r} was given twice")
    ha, hb = holders(source, ea), holders(source, eb)

    def counts(ties: list[Tie] | None, entity: Entity, iri: str, when: Span) -> bool:
        if ties is None:
            return iri == entity.iri
        return any(t.a == iri and t.span is not None and t.span.joins(when) is not None for t in ties)

    chosen: list[ContactFacts] = []
    undated = 0
    # only the contacts of a's side are read: a itself, or whoever held its top post
    side = sorted({t.a for t in ha}) if ha is not None else [ea.iri]
    for c in contact_facts(source, side):
        if c.planned or not c.direct:
            continue
        who = c.participants
        if c.date is None:
            if ha is None and hb is None and ea.iri in who and eb.iri in who and ea.iri != eb.iri:
                undated += 1
            continue
        if ha is None and hb is None:  # two people: both take part, whatever the date
            if ea.iri in who and eb.iri in who:
                chosen.append(c)
            continue
        when = Span.of(c.date)
        if any(counts(ha, ea, x, when) and counts(hb, eb, y, when) for x in who for y in who if x != y):
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
