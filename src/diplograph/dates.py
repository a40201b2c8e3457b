"""Dates at the precision a source gives them, and time windows over them.

A reported date is an ISO string at its own precision: ``"2019-05-01"`` (a
day), ``"2024-02"`` (a month) or ``"2017"`` (a year). :class:`DateValue`
carries one with its precision, :func:`date_bounds` gives its first and last
day, and a time window (``since``/``until``, as every question takes them) is
read by :func:`window`. A date lies inside a window when the whole of it
does (:func:`in_window`): "February 2024" is not inside a window that opens
on 10 February 2024.

Examples
--------
>>> date_bounds("2024-02")
(datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
>>> lo, hi = window(2018, "2019-06")
>>> lo, hi
(datetime.date(2018, 1, 1), datetime.date(2019, 6, 30))
>>> in_window("2019-06", lo, hi), in_window("2019", lo, hi)
(True, False)
"""

from __future__ import annotations

import calendar
import functools
from dataclasses import dataclass
from datetime import date

from .errors import InvalidArgumentError, NoAnswerError

__all__ = ["PRECISIONS", "DateLike", "DateValue", "Span", "date_bounds", "in_window", "parse_bound", "whole_months",
           "window"]

#: What a time window's bound may be given as: ``2017``, ``"2018-07"``, ``"2019-05-01"``, a date.
DateLike = str | int | date

#: The precisions a reported date can have.
PRECISIONS = ("day", "month", "year", "undated")

_PRECISION_BY_LENGTH = {10: "day", 7: "month", 4: "year"}


@dataclass(frozen=True)
class DateValue:
    """A date at the precision its source gives.

    ``iso`` is "YYYY-MM-DD", "YYYY-MM", "YYYY", or "" when undated.

    Examples
    --------
    >>> DateValue("2024-02", "month").first_day(), DateValue("2024-02", "month").last_day()
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    """

    iso: str
    precision: str  # "day" | "month" | "year" | "undated"
    expression: str | None = None  # the relative words, when resolved ("اليوم")

    @classmethod
    def from_iso(cls, iso: str) -> DateValue:
        """The date an ISO string means at its own precision ("2017", "2024-02", "2019-05-01").

        Raises
        ------
        ValueError
            Not one of those forms.
        """
        precision = _PRECISION_BY_LENGTH.get(len(iso))
        if precision is None:
            raise ValueError(f"{iso!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        return cls(iso, precision)

    @property
    def undated(self) -> bool:
        return self.precision == "undated"

    def first_day(self) -> date | None:
        """The first day the date can mean, or None when undated."""
        if self.undated:
            return None
        parts = [int(p) for p in self.iso.split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)

    def last_day(self) -> date | None:
        """The last day the date can mean, or None when undated."""
        if self.undated:
            return None
        parts = [int(p) for p in self.iso.split("-")]
        if len(parts) == 3:
            return date(*parts)
        if len(parts) == 2:
            return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        return date(parts[0], 12, 31)


@functools.lru_cache(maxsize=1 << 16)  # a network's contacts share few dates: each is worked out once
def date_bounds(iso: str) -> tuple[date, date]:
    """The first and last day of an ISO date at its precision.

    Raises
    ------
    ValueError
        Not YYYY, YYYY-MM or YYYY-MM-DD, or not a day of the calendar.

    Examples
    --------
    >>> date_bounds("2024-02")
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    >>> date_bounds("2017")[1]
    datetime.date(2017, 12, 31)
    """
    value = DateValue.from_iso(iso)
    first, last = value.first_day(), value.last_day()
    assert first is not None and last is not None  # a dated value always has bounds
    return first, last


def parse_bound(value: DateLike) -> str:
    """A window bound as an ISO string at its precision: ``2017``, ``"2018-07"``, a :class:`~datetime.date`.

    Raises
    ------
    InvalidArgumentError
        Not a date (YYYY, YYYY-MM or YYYY-MM-DD).

    Examples
    --------
    >>> parse_bound(2017), parse_bound(" 2018-07 "), parse_bound(date(2019, 5, 1))
    ('2017', '2018-07', '2019-05-01')
    >>> parse_bound("2018-13")
    Traceback (most recent call last):
    ...
    diplograph.errors.InvalidArgumentError: '2018-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)
    """
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    try:
        date_bounds(text)
    except ValueError:
        raise InvalidArgumentError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return text


def window(since: DateLike | None, until: DateLike | None) -> tuple[date | None, date | None]:
    """The first and last day of a time window; ``None`` where it is open.

    *since* counts from its first day, *until* up to its last ("2018" ends on
    31 December 2018).

    Raises
    ------
    InvalidArgumentError
        A bound that is not a date.
    NoAnswerError
        *since* after *until*: a window with no day in it.

    Examples
    --------
    >>> window(None, 2018)
    (None, datetime.date(2018, 12, 31))
    """
    lo = date_bounds(parse_bound(since))[0] if since is not None else None
    hi = date_bounds(parse_bound(until))[1] if until is not None else None
    if lo and hi and lo > hi:
        raise NoAnswerError(f"empty time window: since {since} is after until {until}")
    return lo, hi


def in_window(iso: str | None, lo: date | None, hi: date | None) -> bool:
    """True when the whole of date *iso* (at its precision) lies inside ``[lo, hi]``.

    *iso* may be bounds ``"AFTER/BEFORE"`` (an undated contact between two
    dates): inside when both lie inside. Undated events without bounds are
    outside every bounded window and inside the unbounded one.

    Examples
    --------
    >>> in_window("2024-02", date(2024, 2, 10), None)
    False
    >>> in_window(None, None, None), in_window(None, date(2020, 1, 1), None)
    (True, False)
    >>> in_window("2022-02-12/2024-02", date(2022, 1, 1), date(2024, 12, 31))
    True
    """
    if lo is None and hi is None:
        return True
    if iso is None:
        return False
    begin, _, end = iso.partition("/")
    first, last = date_bounds(begin)[0], date_bounds(end or begin)[1]
    return not ((lo is not None and first < lo) or (hi is not None and last > hi))


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


@dataclass(frozen=True)
class Span:
    """When a fact held: from its *first* to its *last* day, *throughout* (a term of office) or on some day of it.

    A term of office (``org:memberDuring``) holds on every day of its span, at
    the precision its ends are given ("2017/2021": every day of 2017 to 2021).
    A contact, or a post attested on a date, holds on some day of its span: the
    day, month or year the source gives, or the bounds it states for an undated
    one. ``text`` is the span as the graph gives it ("2017/2021", "2024-02").

    Examples
    --------
    >>> term = Span.of("2017", "2021", throughout=True)
    >>> call = Span.of("2018-03-20")
    >>> str(term), str(term.joins(call))
    ('2017/2021', '2018-03-20')
    >>> print(Span.of("2025-02-13").joins(call))
    None
    >>> str(Span.of("2022-02-12", "2024-02"))
    '2022-02-12/2024-02'
    """

    first: date
    last: date
    throughout: bool = False
    text: str = ""

    @classmethod
    def of(cls, begin: str, end: str | None = None, *, throughout: bool = False) -> Span:
        """The span from the first day of ISO date *begin* to the last day of *end* (or of *begin*)."""
        text = begin if end is None or end == begin else f"{begin}/{end}"
        return cls(date_bounds(begin)[0], date_bounds(end or begin)[1], throughout, text)

    def contains(self, day: date) -> bool:
        """Whether *day* lies in the span."""
        return self.first <= day <= self.last

    def joins(self, other: Span) -> Span | None:
        """The span on which both facts are known to hold together, or None when the dates cannot show it.

        Two terms hold together where they overlap; a fact of some day joins a
        term that covers all its possible days; two facts of some day join only
        when they are dated alike (the same day, month or year).
        """
        if self.throughout and other.throughout:
            first, last = max(self.first, other.first), min(self.last, other.last)
            if first > last:
                return None
            inner = self if (first, last) == (self.first, self.last) else other
            return inner if (first, last) == (inner.first, inner.last) else Span(first, last, True)
        if self.throughout or other.throughout:
            term, moment = (self, other) if self.throughout else (other, self)
            return moment if term.first <= moment.first and moment.last <= term.last else None
        return self if (self.first, self.last) == (other.first, other.last) else None

    def __str__(self) -> str:
        return self.text or (self.first.isoformat() if self.first == self.last
                             else f"{self.first.isoformat()}/{self.last.isoformat()}")
