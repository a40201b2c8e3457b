"""Dates in Arabic and English text, at the precision the text gives.

Absolute dates are found by pattern and read by :mod:`dateparser` (with an
explicit language: without one it silently returns today's date for some
inputs). What dateparser lacks is handled first: Levantine and Maghrebi
month names (شباط، تموز، آب، جويلية) are mapped to the standard ones, dual
forms ("فبراير/شباط") are read as one month, Arabic-Indic digits as digits.
Month-only and year-only dates keep their precision; no day is invented.
Relative words (اليوم، أمس، weekday names, "yesterday") are resolved against
the publication date and keep their words.

Examples
--------
>>> from datetime import date
>>> pub = date(2025, 2, 13)
>>> [(d.text, d.iso) for d in find_dates("في 3 آب ٢٠١٩ ثم في فبراير/شباط 2024 وعام 2017", pub)]
[('3 آب ٢٠١٩', '2019-08-03'), ('فبراير/شباط 2024', '2024-02'), ('عام 2017', '2017')]
>>> [(d.text, d.iso, d.relative) for d in find_dates("التقيا أمس، واتصلا يوم الثلاثاء", pub)]
[('أمس', '2025-02-12', 'أمس'), ('يوم الثلاثاء', '2025-02-11', 'يوم الثلاثاء')]
>>> [(d.text, d.iso) for d in find_dates("They met on March 3, 2025 and spoke in May 2019.", pub)]
[('March 3, 2025', '2025-03-03'), ('May 2019', '2019-05')]
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from ..dates import date_bounds
from ..text import ascii_digits

__all__ = ["DateMention", "find_dates", "parse_date"]


#: Month names by number: the names dateparser reads, and the variants mapped onto them.
_AR_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("يناير", "كانون الثاني", "جانفي"),
    2: ("فبراير", "شباط", "فيفري"),
    3: ("مارس", "آذار", "اذار"),
    4: ("أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "افريل"),
    5: ("مايو", "أيار", "ايار", "ماي"),
    6: ("يونيو", "يونيه", "حزيران", "جوان"),
    7: ("يوليو", "يوليه", "تموز", "جويلية"),
    8: ("أغسطس", "اغسطس", "آب", "اب", "أوت", "اوت"),
    9: ("سبتمبر", "أيلول", "ايلول"),
    10: ("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول"),
    11: ("نوفمبر", "تشرين الثاني"),
    12: ("ديسمبر", "كانون الأول", "كانون الاول"),
}
_EN_MONTHS: dict[int, tuple[str, ...]] = {
    i: (calendar.month_name[i], calendar.month_abbr[i] + ".", calendar.month_abbr[i]) for i in range(1, 13)
}
_EN_MONTHS[9] = ("September", "Sept.", "Sept", "Sep.", "Sep")

_MONTH_NUMBER: dict[str, int] = {}
for _n, _names in list(_AR_MONTHS.items()) + list(_EN_MONTHS.items()):
    for _name in _names:
        _MONTH_NUMBER[_name.casefold()] = _n


def _alternation(names: list[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


_AR_M = _alternation([n for ns in _AR_MONTHS.values() for n in ns])
# English names in title case or capitals ("March", "MARCH"), not lower case ("may" is a verb).
_EN_M = _alternation([v for ns in _EN_MONTHS.values() for n in ns for v in (n, n.upper())])
_B = r"(?<![\w])"  # a word boundary that works for Arabic
_E = r"(?![\w])"
_DIG = r"[0-9\u0660-\u0669\u06f0-\u06f9]"
_YEAR = rf"(?P<year>{_DIG}{{4}})"
_DAY = rf"(?P<day>{_DIG}{{1,2}})"
# A month, possibly written twice: "فبراير/شباط", "شباط (فبراير)".
_AR_MONTH = rf"(?P<month>{_AR_M})(?:\s*/\s*(?:{_AR_M})|\s*\((?:{_AR_M})\))?"
_AR_WEEKDAYS = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الاربعاء": 2, "الخميس": 3,
                "الجمعة": 4, "السبت": 5, "الأحد": 6, "الاحد": 6}
_EN_WEEKDAYS = {calendar.day_name[i]: i for i in range(7)}
_AR_WD = _alternation(list(_AR_WEEKDAYS))
_EN_WD = _alternation([v for n in _EN_WEEKDAYS for v in (n, n.upper())])

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("range", re.compile(rf"{_B}(?P<a>{_DIG}{{4}})\s*[-–/]\s*(?P<b>{_DIG}{{4}}){_E}")),
    ("dmy", re.compile(rf"{_B}(?:(?:{_AR_WD})[،,]?\s+)?{_DAY}\s+(?:من\s+)?{_AR_MONTH}[،,]?\s+"
                       rf"(?:(?:من\s+)?عام\s+)?{_YEAR}{_E}")),
    ("dmy", re.compile(rf"{_B}(?:(?:{_EN_WD}),?\s+)?{_DAY}\s+(?P<month>{_EN_M}),?\s+{_YEAR}{_E}")),
    # 25/10/2023, ٢٥/١٠/٢٠٢٣: day first, as Arabic and British pages write it
    ("numeric", re.compile(rf"{_B}(?:(?:{_AR_WD}|{_EN_WD})[،,]?\s+)?{_DAY}\s*(?P<sep>[/.-])\s*"
                           rf"(?P<mnum>{_DIG}{{1,2}})\s*(?P=sep)\s*{_YEAR}{_E}")),
    ("mdy", re.compile(rf"{_B}(?:(?:{_EN_WD}),?\s+)?(?P<month>{_EN_M})\s+{_DAY}(?:st|nd|rd|th)?,?\s+{_YEAR}{_E}")),
    ("my", re.compile(rf"{_B}(?:شهر\s+)?{_AR_MONTH}[،,]?\s+(?:(?:من\s+)?عام\s+)?{_YEAR}{_E}")),
    ("my", re.compile(rf"{_B}(?P<month>{_EN_M}),?\s+{_YEAR}{_E}")),
    ("dm", re.compile(rf"{_B}(?:(?:{_AR_WD})[،,]?\s+)?{_DAY}\s+(?:من\s+)?{_AR_MONTH}{_E}")),
    ("dm", re.compile(rf"{_B}(?P<month>{_EN_M})\s+{_DAY}(?:st|nd|rd|th)?{_E}")),
    ("y", re.compile(rf"(?:(?:{_B}|(?<=[وف]))(?:في\s+)?(?:عام|العام|سنة)\s+|\b(?:in|In)\s+){_YEAR}{_E}")),
]
_RELATIVE: list[tuple[re.Pattern[str], int | str]] = [
    (re.compile(rf"{_B}(?:أول\s+أمس|أمس\s+الأول){_E}"), -2),
    (re.compile(rf"{_B}(?:الليلة\s+الماضية|مساء\s+أمس|صباح\s+أمس){_E}"), -1),
    (re.compile(rf"{_B}(?:[وف]?أمس|البارحة){_E}"), -1),
    (re.compile(rf"{_B}(?:[وف]?اليوم|صباح\s+اليوم|مساء\s+اليوم){_E}"), 0),
    (re.compile(r"\b(?:[Yy]esterday)\b"), -1),
    (re.compile(r"\b(?:[Tt]oday|earlier today|[Tt]his morning)\b"), 0),
    (re.compile(rf"{_B}(?:يوم\s+)?(?:{_AR_WD})(?:\s+الماضي)?{_E}"), "weekday"),
    (re.compile(rf"\b(?:on\s+|last\s+)?(?:{_EN_WD})\b"), "weekday"),
    (re.compile(rf"{_B}(?:الشهر\s+الماضي){_E}|\blast month\b"), "last-month"),
    (re.compile(rf"{_B}(?:الأسبوع\s+الماضي|الاسبوع\s+الماضي){_E}|\blast week\b"), "last-week"),
    (re.compile(rf"{_B}(?:العام\s+الماضي){_E}|\blast year\b"), "last-year"),
]


@dataclass(frozen=True)
class DateMention:
    """A date found in the text.

    ``iso`` is "YYYY-MM-DD", "YYYY-MM" or "YYYY"; ``relative`` holds the words
    of a relative date ("اليوم") resolved against the publication date;
    ``kind`` is "absolute", "relative" or "range" (a span of years, which
    dates a term, not an event).
    """

    start: int
    end: int
    text: str
    iso: str
    precision: str
    kind: str = "absolute"
    relative: str | None = None

    def first_day(self) -> date:
        return date_bounds(self.iso)[0]


@lru_cache(maxsize=1)
def _parser(lang: str) -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[lang], settings={"PREFER_DAY_OF_MONTH": "first",
                                                      "REQUIRE_PARTS": ["year"]})


def parse_date(day: int | None, month: int | None, year: int) -> str | None:
    """Read a date with dateparser from its standard form; the ISO string at its precision.

    Returns None when dateparser refuses it (30 February).

    Examples
    --------
    >>> parse_date(7, 7, 2017), parse_date(None, 2, 2024), parse_date(30, 2, 2024), parse_date(None, None, 2019)
    ('2017-07-07', '2024-02', None, '2019')
    """
    if month is None:
        return f"{year:04d}"
    standard = f"{day} {_AR_MONTHS[month][0]} {year}" if day else f"{_AR_MONTHS[month][0]} {year}"
    data = _parser("ar").get_date_data(standard)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    if (d.year, d.month) != (year, month) or (day and d.day != day):
        return None
    return d.isoformat() if day else f"{d.year:04d}-{d.month:02d}"


def _month(name: str) -> int:
    key = name.casefold()
    if key in _MONTH_NUMBER:
        return _MONTH_NUMBER[key]
    return _MONTH_NUMBER[key.rstrip(".")]


def find_dates(text: str, published: date | None = None) -> list[DateMention]:
    """Every date in *text*, in order, without overlaps (the longest reading wins).

    Parameters
    ----------
    text : str
        Exact text (offsets point into it).
    published : date, optional
        Publication date, for relative words and dates without a year.
        Without it, relative dates are not resolved.
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or e <= a for s, e in taken)

    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            g = {k: (ascii_digits(v) if v else v) for k, v in m.groupdict().items()}
            if kind == "range":
                a, b = int(g["a"] or 0), int(g["b"] or 0)
                if 1900 <= a <= b <= 2100:
                    taken.append((m.start(), m.end()))
                    found.append(DateMention(m.start(), m.end(), m.group(), f"{a:04d}", "year", "range"))
                continue
            year = int(g["year"]) if g.get("year") else None
            month: int | None = None
            if g.get("mnum"):
                month = int(g["mnum"] or 0)
                if not 1 <= month <= 12:
                    continue
            elif g.get("month"):
                month = _month(m.group("month"))
            day = int(g["day"]) if g.get("day") else None
            if year is None:
                if published is None or month is None:
                    continue
                year = published.year
                if (month, day or 1) > (published.month, published.day):
                    year -= 1
            if not 1900 <= year <= 2100:
                continue
            iso = parse_date(day, month, year)
            if iso is None:
                taken.append((m.start(), m.end()))  # an impossible day is no month-only date either
                continue
            precision = "day" if day else "month" if month else "year"
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), m.group(), iso, precision))
    if published is not None:
        for pattern, rel in _RELATIVE:
            for m in pattern.finditer(text):
                if not free(m.start(), m.end()):
                    continue
                words = m.group()
                if isinstance(rel, int):
                    iso, precision = (published + timedelta(days=rel)).isoformat(), "day"
                elif rel == "weekday":
                    names = {**_AR_WEEKDAYS, **_EN_WEEKDAYS}
                    wd = next(v for k, v in names.items() if k.casefold() in words.casefold())
                    back = (published.weekday() - wd) % 7
                    iso, precision = (published - timedelta(days=back)).isoformat(), "day"
                elif rel == "last-week":
                    # the week before the publication week, at the precision it allows: its month or year
                    monday = published - timedelta(days=published.weekday() + 7)
                    sunday = monday + timedelta(days=6)
                    if (monday.year, monday.month) == (sunday.year, sunday.month):
                        iso, precision = f"{monday.year:04d}-{monday.month:02d}", "month"
                    elif monday.year == sunday.year:
                        iso, precision = f"{monday.year:04d}", "year"
                    else:
                        continue
                elif rel == "last-month":
                    first = published.replace(day=1) - timedelta(days=1)
                    iso, precision = f"{first.year:04d}-{first.month:02d}", "month"
                else:
                    iso, precision = f"{published.year - 1:04d}", "year"
                taken.append((m.start(), m.end()))
                found.append(DateMention(m.start(), m.end(), words, iso, precision, "relative", words))
    found.sort(key=lambda d: d.start)
    return found
