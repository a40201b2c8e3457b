"""Dates in Arabic and English text, at the precision the text gives.

Absolute dates are found by pattern and checked against the calendar (30
February is no date, and no month either). Levantine and Maghrebi month
names (شباط، تموز، آب، جويلية) are read like the standard ones, dual forms
("فبراير/شباط") as one month, Arabic-Indic digits as digits, ordinal day
words ("السابع من يوليو") as days. Month-only and year-only dates keep their
precision: no day is invented, and a span of days ("July 7-8") is its month.

A date without a year takes the year that puts it nearest the publication
date ("14 February" in a 13 February article is the next day, "20 December"
the December before). Words relative to the publication date (اليوم، أمس،
غدا، "yesterday", weekday names, "next month", "نهاية العام") keep their
words; a weekday also carries the reading it has when the text speaks of
the future (``ahead``). Words relative to another event ("بعد يوم من",
"غداة", "the day before") are *anchored*: they carry an offset in days and
no date of their own; :mod:`.contacts` resolves them against that event.

Examples
--------
>>> from datetime import date
>>> pub = date(2025, 2, 13)
>>> [(d.text, d.iso) for d in find_dates("في 3 آب ٢٠١٩ ثم في فبراير/شباط 2024 وعام 2017", pub)]
[('3 آب ٢٠١٩', '2019-08-03'), ('فبراير/شباط 2024', '2024-02'), ('عام 2017', '2017')]
>>> [(d.text, d.iso, d.relative) for d in find_dates("التقيا أمس، واتصلا يوم الثلاثاء", pub)]
[('أمس', '2025-02-12', 'أمس'), ('يوم الثلاثاء', '2025-02-11', 'يوم الثلاثاء')]
>>> [(d.text, d.iso) for d in find_dates("They met on March 3, 2025 and will meet on Feb. 14.", pub)]
[('March 3, 2025', '2025-03-03'), ('Feb. 14', '2025-02-14')]
>>> [(d.kind, d.offset) for d in find_dates("وتأتي الزيارة بعد يوم واحد من محادثة هاتفية", pub)]
[('anchored', 1)]
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from ..dates import date_bounds
from ..text import ascii_digits

__all__ = ["DateMention", "find_dates", "parse_date", "shift"]

#: Month names by number, Arabic (standard, Levantine, Maghrebi) and English.
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

_MONTH_NUMBER: dict[str, int] = {
    name.casefold(): n for n, names in list(_AR_MONTHS.items()) + list(_EN_MONTHS.items()) for name in names
}

#: Arabic ordinal day words (masculine, as dates are written), 1-31.
_UNITS = ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")
_AR_ORDINALS: dict[str, int] = {w: i + 1 for i, w in enumerate(_UNITS)}
_AR_ORDINALS.update({"العاشر": 10, "الحادي عشر": 11, "العشرين": 20, "الثلاثين": 30})
_AR_ORDINALS.update({f"{w} عشر": i + 1 + 10 for i, w in enumerate(_UNITS) if i > 0})
_AR_ORDINALS.update({f"{('الحادي' if i == 0 else w)} والعشرين": i + 21 for i, w in enumerate(_UNITS)})
_AR_ORDINALS.update({"الحادي والثلاثين": 31})


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
_DAY2 = rf"(?:\s*[-–]\s*(?P<day2>{_DIG}{{1,2}}))"  # the end of a span of days: "7-8 July", "July 7-8"
_ORD = rf"(?P<ordinal>{_alternation(list(_AR_ORDINALS))})(?:\s+و(?P<ordinal2>{_alternation(list(_AR_ORDINALS))}))?"
# A month, possibly written twice: "فبراير/شباط", "شباط (فبراير)".
_AR_MONTH = rf"(?P<month>{_AR_M})(?:\s*/\s*(?:{_AR_M})|\s*\((?:{_AR_M})\))?"
_AR_WEEKDAYS = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الاربعاء": 2, "الخميس": 3,
                "الجمعة": 4, "السبت": 5, "الأحد": 6, "الاحد": 6}
_EN_WEEKDAYS = {calendar.day_name[i]: i for i in range(7)}
_WEEKDAYS = {k.casefold(): v for k, v in {**_AR_WEEKDAYS, **_EN_WEEKDAYS}.items()}
_AR_WD = _alternation(list(_AR_WEEKDAYS))
_EN_WD = _alternation([v for n in _EN_WEEKDAYS for v in (n, n.upper())])
# "المقبل"/"next": the next such month or day; "الماضي"/"last": the last one.
_AHEAD = r"(?:\s+(?P<ahead>المقبل|المقبلة|القادم|القادمة))"
_BACK = r"(?:\s+(?P<back>الماضي|الماضية|الفائت))"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("range", re.compile(rf"{_B}(?P<a>{_DIG}{{4}})\s*[-–/]\s*(?P<b>{_DIG}{{4}}){_E}")),
    ("dmy", re.compile(rf"{_B}(?:(?:{_AR_WD})[،,]?\s+)?{_DAY}{_DAY2}?\s+(?:من\s+)?{_AR_MONTH}[،,]?\s+"
                       rf"(?:(?:من\s+)?عام\s+)?{_YEAR}{_E}")),
    ("dmy", re.compile(rf"{_B}(?:يومي?\s+)?{_ORD}\s+من\s+(?:شهر\s+)?{_AR_MONTH}[،,]?\s+(?:(?:من\s+)?عام\s+)?"
                       rf"{_YEAR}{_E}")),
    ("dmy", re.compile(rf"{_B}(?:(?:{_EN_WD}),?\s+)?{_DAY}{_DAY2}?\s+(?P<month>{_EN_M}),?\s+{_YEAR}{_E}")),
    # 25/10/2023, ٢٥/١٠/٢٠٢٣: day first, as Arabic and British pages write it
    ("numeric", re.compile(rf"{_B}(?:(?:{_AR_WD}|{_EN_WD})[،,]?\s+)?{_DAY}\s*(?P<sep>[/.-])\s*"
                           rf"(?P<mnum>{_DIG}{{1,2}})\s*(?P=sep)\s*{_YEAR}{_E}")),
    # 2024/5/14: year first
    ("numeric", re.compile(rf"{_B}{_YEAR}\s*(?P<sep>[/.-])\s*(?P<mnum>{_DIG}{{1,2}})\s*(?P=sep)\s*{_DAY}{_E}")),
    ("mdy", re.compile(rf"{_B}(?:(?:{_EN_WD}),?\s+)?(?P<month>{_EN_M})\s+{_DAY}(?:st|nd|rd|th)?{_DAY2}?,?\s+"
                       rf"{_YEAR}{_E}")),
    ("my", re.compile(rf"{_B}(?:شهر\s+)?{_AR_MONTH}[،,]?\s+(?:(?:من\s+)?عام\s+)?{_YEAR}{_E}")),
    ("my", re.compile(rf"{_B}(?P<month>{_EN_M}),?\s+{_YEAR}{_E}")),
    ("dm", re.compile(rf"{_B}(?:يومي?\s+)?{_ORD}\s+من\s+(?:شهر\s+)?{_AR_MONTH}{_AHEAD}?{_BACK}?{_E}")),
    ("dm", re.compile(rf"{_B}(?:(?:{_AR_WD})[،,]?\s+)?{_DAY}{_DAY2}?\s+(?:من\s+)?{_AR_MONTH}{_AHEAD}?{_BACK}?{_E}")),
    ("dm", re.compile(rf"{_B}(?P<month>{_EN_M})\s+{_DAY}(?:st|nd|rd|th)?{_DAY2}?{_E}")),
    ("dm", re.compile(rf"{_B}{_DAY}{_DAY2}?\s+(?P<month>{_EN_M}){_E}")),
    ("ordinal-next", re.compile(rf"{_B}(?:يومي?\s+)?{_ORD}\s+من\s+(?P<which>الشهر\s+(?:المقبل|القادم|الجاري|الماضي))"
                                rf"{_E}")),
    ("m", re.compile(rf"(?<=[\s(])(?:(?:في|خلال|منذ|حتى|مطلع|أوائل|أواخر|منتصف|نهاية)\s+)?شهر\s+{_AR_MONTH}"
                     rf"{_AHEAD}?{_BACK}?{_E}")),
    ("m", re.compile(rf"(?<=\s)(?:في|خلال|منذ|حتى|مطلع|أوائل|أواخر|منتصف|نهاية)\s+{_AR_MONTH}{_AHEAD}?{_BACK}?{_E}")),
    ("m", re.compile(rf"{_B}{_AR_MONTH}(?:{_AHEAD}|{_BACK}){_E}")),
    ("m", re.compile(rf"\b(?:in|for|since|during|until|early|late|mid|next|last|this)[\s-]+(?P<month>{_EN_M})\b")),
    ("y", re.compile(rf"(?:(?:{_B}|(?<=[وف]))(?:في\s+)?(?:عام|العام|سنة)\s+|\b(?:in|In)\s+){_YEAR}{_E}")),
]

#: Relative words: days from publication, or the name of a rule for the rest.
_RELATIVE: list[tuple[re.Pattern[str], int | str]] = [
    (re.compile(rf"{_B}(?:أول\s+أمس|أمس\s+الأول){_E}"), -2),
    (re.compile(rf"{_B}(?:بعد\s+غد){_E}|\bthe day after tomorrow\b"), 2),
    (re.compile(rf"{_B}(?:الليلة\s+الماضية|مساء\s+أمس|صباح\s+أمس){_E}"), -1),
    (re.compile(rf"{_B}(?:[وف]?أمس|البارحة){_E}"), -1),
    (re.compile(rf"{_B}(?:[وف]?غدا|غدًا|غداً|[وف]?الغد){_E}"), 1),
    (re.compile(rf"{_B}(?:[وف]?اليوم|صباح\s+اليوم|مساء\s+اليوم|الليلة){_E}"), 0),
    (re.compile(r"\b(?:[Yy]esterday|last night)\b"), -1),
    (re.compile(r"\b(?:[Tt]omorrow)\b"), 1),
    (re.compile(r"\b(?:[Tt]oday|earlier today|later today|[Tt]his morning|[Tt]onight|[Tt]his evening)\b"), 0),
    (re.compile(rf"{_B}(?:يوم\s+)?(?:{_AR_WD}){_AHEAD}?{_BACK}?{_E}"), "weekday"),
    (re.compile(rf"\b(?:on\s+|last\s+|next\s+|this\s+(?:coming\s+)?)?(?:{_EN_WD})\b"), "weekday"),
    (re.compile(rf"{_B}(?:الشهر\s+(?:الماضي|الفائت)){_E}|\blast month\b"), "last-month"),
    (re.compile(rf"{_B}(?:الشهر\s+(?:المقبل|القادم)){_E}|\bnext month\b"), "next-month"),
    (re.compile(rf"{_B}(?:الشهر\s+الجاري|هذا\s+الشهر|نهاية\s+الشهر){_E}|\b(?:this|later this|earlier this|end of "
                rf"the) month\b"), "this-month"),
    (re.compile(rf"{_B}(?:الأسبوع\s+الماضي|الاسبوع\s+الماضي){_E}|\blast week\b"), "last-week"),
    (re.compile(rf"{_B}(?:الأسبوع\s+(?:المقبل|القادم)|الاسبوع\s+(?:المقبل|القادم)){_E}|\bnext week(?:'s)?\b"),
     "next-week"),
    (re.compile(rf"{_B}(?:هذا\s+الأسبوع|الأسبوع\s+الجاري){_E}|\b(?:this|later this|earlier this) week\b"),
     "this-week"),
    (re.compile(rf"{_B}(?:العام\s+الماضي){_E}|\blast year\b"), "last-year"),
    (re.compile(rf"{_B}(?:العام\s+(?:المقبل|القادم)){_E}|\bnext year\b"), "next-year"),
    (re.compile(rf"{_B}(?:هذا\s+العام|العام\s+الجاري|نهاية\s+العام|نهاية\s+هذا\s+العام){_E}|"
                r"\b(?:this|later this|earlier this) year\b|\bthe end of the year\b"), "this-year"),
]

#: Words dating an event by another one: the offset in days from that event.
_ANCHORED: list[tuple[re.Pattern[str], int]] = [
    (re.compile(rf"{_B}بعد\s+(?:يوم|يومًا|يوما)\s+(?:واحد\s+|واحدًا\s+|واحدا\s+)?من{_E}|{_B}غداة{_E}|"
                r"\b(?:a|one) day after\b|\bthe (?:next|following) day\b|\bthe day after\b"), 1),
    (re.compile(rf"{_B}قبل\s+(?:يوم|يومًا|يوما)\s+(?:واحد\s+|واحدًا\s+|واحدا\s+)?من{_E}|{_B}عشية{_E}|"
                r"\b(?:a|one) day (?:before|earlier)\b|\bthe (?:day before|previous day|eve of)\b"), -1),
    (re.compile(rf"{_B}(?:بعد\s+يومين\s+من){_E}|\btwo days after\b"), 2),
    (re.compile(rf"{_B}(?:قبل\s+يومين\s+من){_E}|\btwo days (?:before|earlier)\b"), -2),
    (re.compile(rf"{_B}(?:في\s+اليوم\s+نفسه|في\s+نفس\s+اليوم|عقب|فور){_E}|\b(?:the same day|(?:immediately|shortly|"
                r"just|right) (?:after|before))\b"), 0),
]


@dataclass(frozen=True)
class DateMention:
    """A date found in the text.

    ``iso`` is "YYYY-MM-DD", "YYYY-MM" or "YYYY" ("" for an anchored date);
    ``relative`` holds the words of a date read against the publication
    date; ``kind`` is "absolute", "relative", "range" (a span of years, which
    dates a term, not an event) or "anchored" (``offset`` days from another
    event); ``ahead`` and ``behind`` are the readings of a weekday or a date
    without a year when the text speaks of the future or of the past.
    """

    start: int
    end: int
    text: str
    iso: str
    precision: str
    kind: str = "absolute"
    relative: str | None = None
    offset: int = 0
    ahead: str | None = None
    behind: str | None = None

    def first_day(self) -> date:
        return date_bounds(self.iso)[0]


def parse_date(day: int | None, month: int | None, year: int) -> str | None:
    """The ISO string of a date at its precision, or None when the calendar has no such day.

    Examples
    --------
    >>> parse_date(7, 7, 2017), parse_date(None, 2, 2024), parse_date(30, 2, 2024), parse_date(None, None, 2019)
    ('2017-07-07', '2024-02', None, '2019')
    """
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def shift(iso: str, days: int) -> str | None:
    """A day-precise ISO date moved by *days*; None for a date not given to the day.

    Examples
    --------
    >>> shift("2025-10-17", -1), shift("2025-10", 1)
    ('2025-10-16', None)
    """
    if len(iso) != 10:
        return None
    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


def _month(name: str) -> int:
    key = name.casefold()
    return _MONTH_NUMBER[key] if key in _MONTH_NUMBER else _MONTH_NUMBER[key.rstrip(".")]


def _nearest_year(month: int, day: int | None, published: date, ahead: bool, back: bool) -> int:
    """The year that puts a day and month (or a month) nearest the publication date."""
    def distance(year: int) -> int:
        d = parse_date(day, month, year) or parse_date(None, month, year)
        first, last = date_bounds(d or f"{year:04d}")
        if first <= published <= last:
            return 0
        return min(abs((first - published).days), abs((last - published).days))

    years = [published.year - 1, published.year, published.year + 1]
    if ahead:
        years = [y for y in years if date_bounds(parse_date(None, month, y) or "1900")[1] >= published]
    if back:
        years = [y for y in years if date_bounds(parse_date(None, month, y) or "2100")[0] <= published]
    return min(years, key=lambda y: (distance(y), -y if ahead else y))


def _fields(m: re.Match[str]) -> dict[str, str]:
    return {k: (ascii_digits(v) if v else "") for k, v in m.groupdict().items()}


def _read_absolute(kind: str, m: re.Match[str], published: date | None) -> tuple[str, str, int] | str | None:
    """(iso, precision, year read) of a match; None when it is no date; "" when it is none but takes its words."""
    g = _fields(m)
    if kind == "range":
        a, b = int(g["a"]), int(g["b"])
        return (f"{a:04d}", "year", a) if 1900 <= a <= b <= 2100 else None
    day = _AR_ORDINALS[m.group("ordinal")] if g.get("ordinal") else (int(g["day"]) if g.get("day") else None)
    span = bool(g.get("day2") or g.get("ordinal2"))
    month = int(g["mnum"]) if g.get("mnum") else (_month(m.group("month")) if g.get("month") else None)
    if month is not None and not 1 <= month <= 12:
        return None
    year = int(g["year"]) if g.get("year") else None
    if year is None:
        if published is None or month is None:
            return None
        year = _nearest_year(month, day, published, bool(g.get("ahead")), bool(g.get("back")))
    if not 1900 <= year <= 2100:
        return None
    if day is not None and parse_date(day, month, year) is None:
        return ""  # an impossible day is no month-only date either
    if span:
        day = None  # a span of days: the month it lies in
    iso = parse_date(day, month, year)
    if iso is None:
        return ""
    return iso, "day" if day else "month" if month else "year", year


def _other_years(m: re.Match[str], iso: str, year: int) -> tuple[str | None, str | None]:
    """For a date without a year: its readings a year later and a year earlier."""
    g = m.groupdict()
    if g.get("year") or g.get("ahead") or g.get("back"):
        return None, None
    parts = [int(x) for x in iso.split("-")]
    day = parts[2] if len(parts) > 2 else None
    return parse_date(day, parts[1], year + 1), parse_date(day, parts[1], year - 1)


def _read_ordinal_next(m: re.Match[str], published: date | None) -> tuple[str, str, int] | None:
    if published is None:
        return None
    which = m.group("which")
    first = published.replace(day=1)
    if "الماضي" in which:
        first = (first - timedelta(days=1)).replace(day=1)
    elif "الجاري" not in which:
        first = (first + timedelta(days=32)).replace(day=1)
    day = None if m.group("ordinal2") else _AR_ORDINALS[m.group("ordinal")]
    iso = parse_date(day, first.month, first.year)
    return (iso, "day" if day else "month", first.year) if iso else None


def _week_month(monday: date) -> tuple[str, str] | None:
    """The month (or year) a week from *monday* lies in, at the precision it allows."""
    sunday = monday + timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return f"{monday.year:04d}-{monday.month:02d}", "month"
    if monday.year == sunday.year:
        return f"{monday.year:04d}", "year"
    return None


def _month_of(day: date, months: int) -> str:
    first = day.replace(day=1)
    for _ in range(abs(months)):
        first = (first - timedelta(days=1)).replace(day=1) if months < 0 else (first + timedelta(days=32)).replace(
            day=1)
    return f"{first.year:04d}-{first.month:02d}"


_PERIODS: dict[str, Callable[[date], tuple[str, str] | None]] = {
    "last-month": lambda p: (_month_of(p, -1), "month"),
    "next-month": lambda p: (_month_of(p, 1), "month"),
    "this-month": lambda p: (_month_of(p, 0), "month"),
    "last-week": lambda p: _week_month(p - timedelta(days=p.weekday() + 7)),
    "next-week": lambda p: _week_month(p - timedelta(days=p.weekday() - 7)),
    "this-week": lambda p: _week_month(p - timedelta(days=p.weekday())),
    "last-year": lambda p: (f"{p.year - 1:04d}", "year"),
    "next-year": lambda p: (f"{p.year + 1:04d}", "year"),
    "this-year": lambda p: (f"{p.year:04d}", "year"),
}


def _read_relative(words: str, rule: int | str, published: date) -> DateMention | None:
    """A relative date's reading (positions left at 0), or None when its period has no precision."""
    if isinstance(rule, int):
        day = (published + timedelta(days=rule)).isoformat()
        return DateMention(0, 0, words, day, "day", "relative", words)
    if rule == "weekday":
        wd = next(v for k, v in _WEEKDAYS.items() if k in words.casefold())
        past = published - timedelta(days=(published.weekday() - wd) % 7)
        future = published + timedelta(days=(wd - published.weekday()) % 7 or 7)
        if re.search(r"المقبل|القادم|\bnext\b|\bcoming\b", words):
            return DateMention(0, 0, words, future.isoformat(), "day", "relative", words)
        ahead = None if re.search(r"الماضي|الفائت|\blast\b", words) else \
            (published if past == published else future).isoformat()
        return DateMention(0, 0, words, past.isoformat(), "day", "relative", words, ahead=ahead)
    reading = _PERIODS[rule](published)
    if reading is None:
        return None
    return DateMention(0, 0, words, reading[0], reading[1], "relative", words)


def _free(taken: list[tuple[int, int]], a: int, b: int) -> bool:
    return all(b <= s or e <= a for s, e in taken)


def _absolute_dates(text: str, published: date | None, taken: list[tuple[int, int]]) -> Iterator[DateMention]:
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if not _free(taken, m.start(), m.end()):
                continue
            reading = _read_ordinal_next(m, published) if kind == "ordinal-next" else \
                _read_absolute(kind, m, published)
            if reading is None:
                continue
            taken.append((m.start(), m.end()))
            if isinstance(reading, str):
                continue
            iso, precision, year = reading
            ahead, behind = (None, None) if kind in ("ordinal-next", "range") else _other_years(m, iso, year)
            if published is not None and ahead and behind:
                ahead = ahead if date_bounds(iso)[1] < published else None
                behind = behind if date_bounds(iso)[0] > published else None
            yield DateMention(m.start(), m.end(), m.group(), iso, precision, "range" if kind == "range" else "absolute",
                              ahead=ahead, behind=behind)


def _relative_dates(text: str, published: date, taken: list[tuple[int, int]]) -> Iterator[DateMention]:
    for pattern, rule in _RELATIVE:
        for m in pattern.finditer(text):
            if not _free(taken, m.start(), m.end()):
                continue
            found = _read_relative(m.group(), rule, published)
            taken.append((m.start(), m.end()))
            if found is not None:
                yield DateMention(m.start(), m.end(), m.group(), found.iso, found.precision, "relative", m.group(),
                                  ahead=found.ahead)


def _anchored_dates(text: str, taken: list[tuple[int, int]]) -> Iterator[DateMention]:
    for pattern, offset in _ANCHORED:
        for m in pattern.finditer(text):
            if _free(taken, m.start(), m.end()):
                taken.append((m.start(), m.end()))
                yield DateMention(m.start(), m.end(), m.group(), "", "day", "anchored", m.group(), offset)


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
    taken: list[tuple[int, int]] = []
    found = list(_absolute_dates(text, published, taken))
    if published is not None:
        found += _relative_dates(text, published, taken)
    found += _anchored_dates(text, taken)
    found.sort(key=lambda d: d.start)
    return found
