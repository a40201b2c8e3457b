"""What the details panel and the timeline show of a contact, a plan, a claim or a tie: JSON-ready, in words.

Every kind, status, hedge, precision and medium is given with its English and
Arabic words from the ontology (:mod:`diplograph.view.words`); every date with
its first and last day, so the timeline can draw a month or a year as the span
it is.

Examples
--------
>>> date_text("2022-02-12"), date_text("2024-02"), date_text("2017"), date_text(None)
('12 Feb 2022', 'Feb 2024', '2017', 'undated')
>>> span_of("2024-02")
['2024-02-01', '2024-03-01']
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING, Any

from ..dates import DateValue, date_bounds
from ..vocab import local_name
from .style import TIE_WORDS, kind_style
from .words import term, terms

if TYPE_CHECKING:
    from ..records import ClaimRecord, ContactRecord, ContactSummary

__all__ = ["bare_details", "claim_details", "date_text", "event_details", "lean_details", "span_of", "tie_details",
           "year_of", "years_of_span"]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def year_of(iso: str | None) -> int | None:
    """The year an ISO date (or a term "2017/2021") starts in, or None."""
    if not iso or len(iso) < 4 or not iso[:4].isdigit():
        return None
    return int(iso[:4])


@functools.lru_cache(maxsize=8192)
def date_text(iso: str | None) -> str:
    """A date as a reader writes it, at its own precision: "12 Feb 2022", "Feb 2024", "2017", "undated"."""
    if not iso:
        return "undated"
    try:
        value = DateValue.from_iso(iso)
    except ValueError:
        return iso
    parts = iso.split("-")
    if value.precision == "day":
        return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if value.precision == "month":
        return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def span_of(iso: str | None) -> list[str] | None:
    """The days a date covers as ``[first, day after last]`` (ISO), for the timeline; None when undated."""
    span = _span(iso)
    return None if span is None else list(span)


@functools.lru_cache(maxsize=8192)
def _span(iso: str | None) -> tuple[str, str] | None:
    if not iso:
        return None
    try:
        first, last = date_bounds(iso)
    except ValueError:
        return None
    return first.isoformat(), (last + dt.timedelta(days=1)).isoformat()


@functools.lru_cache(maxsize=8192)
def _precision(iso: str | None) -> str:
    """The precision of a date as the page names it (a page's events share few dates: each is read once)."""
    return DateValue.from_iso(iso).precision if iso else "undated"


def years_of_span(when: str | None) -> list[int] | None:
    """The years a tie covers: "2017/2021" → [2017, 2021], "2025-02-13" → [2025, 2025], open ends kept open.

    Examples
    --------
    >>> years_of_span("2017/2021"), years_of_span("2025-02-13"), years_of_span("2019/"), years_of_span("")
    ([2017, 2021], [2025, 2025], [2019, 9999], None)
    """
    if not when:
        return None
    first, _, last = when.partition("/") if "/" in when else (when, "", when)
    lo, hi = year_of(first), year_of(last)
    if lo is None and hi is None:
        return None
    return [lo if lo is not None else 0, hi if hi is not None else 9999]


def _when(iso: str | None, precision: str) -> dict[str, Any]:
    return {"date": iso, "date_text": date_text(iso), "year": year_of(iso), "span": span_of(iso),
            "precision": precision, "precision_words": list(term(precision, "precision"))}


def _people(e: ContactRecord | ContactSummary, where: str = "") -> dict[str, Any]:
    """What a contact and the network's lighter view of it have in common on the page."""
    words = term(e.kind)
    who = " – ".join(p.label for p in e.participants)
    status = list(term(e.status)) if e.status else None
    return {
        "kind": e.kind, "kind_words": list(words), "kind_label": words[0],
        "label": f"{'planned ' if e.planned else ''}{words[0]}: {who}{where}",
        "planned": e.planned, "status": e.status, "status_words": status, "direct": e.direct,
        "participants": [p.iri for p in e.participants], "initiators": [p.iri for p in e.initiators],
        "intermediaries": [p.iri for p in e.intermediaries],
        "names": {p.iri: [p.label, p.label_ar or p.label] for p in (*e.participants, *e.intermediaries)},
    }


def event_details(c: ContactRecord) -> dict[str, Any]:
    """A contact's or plan's full record, as the page shows it."""
    return {
        **_people(c, f", {c.place}" if c.place else ""), **_when(c.date, c.precision), "place": c.place,
        "place_ar": c.place_ar, "gathering": c.gathering, "topics": list(c.topics), "topics_ar": list(c.topics_ar),
        "quote": c.evidence.quote, "hedges": terms(c.hedges, "hedge"),
        "source": {"title": c.source.title, "iri": c.source.iri, "published": c.source.published},
    }


def lean_details(e: ContactSummary) -> dict[str, Any]:
    """What the network read of a contact (no place, topics or hedges), for graphs too big for full records."""
    precision = _precision(e.date)
    return {
        **_people(e), **_when(e.date, precision), "place": None, "place_ar": None, "gathering": None,
        "topics": [], "topics_ar": [], "quote": e.quote, "hedges": [],
        "source": {"title": e.source, "iri": e.source, "published": None},
    }


def bare_details(iri: str, kind: str | None, date: str | None, planned: bool) -> dict[str, Any]:
    """What an edge of a graph without a contact source says of one of its events."""
    words = term(kind or "other")
    precision = _precision(date)
    return {"kind": kind or "other", "kind_words": list(words), "kind_label": words[0],
            "label": f"{'planned ' if planned else ''}{words[0]}", **_when(date, precision), "planned": planned,
            "status": None, "status_words": None, "direct": kind != "indirectContact", "participants": [],
            "initiators": [], "intermediaries": [], "names": {}, "topics": [], "topics_ar": [], "hedges": [],
            "iri_name": local_name(iri)}


def claim_details(c: ClaimRecord) -> dict[str, Any]:
    """A claim as the page shows it: what was said, by whom, how and when, and the quote."""
    return {
        "label": c.text, "by": c.by.label, "by_ar": c.by.label_ar, "medium": c.medium,
        "medium_words": list(term(c.medium)), "date": c.stated, "date_text": date_text(c.stated),
        "year": year_of(c.stated), "quote": c.evidence.quote, "hedges": terms(c.hedges, "hedge"),
        "source": {"title": c.source.title, "iri": c.source.iri, "published": c.source.published},
    }


def tie_details(kind: str, label: str | None, when: str | None, quote: str | None) -> dict[str, Any]:
    """An institutional tie on an edge: its kind in words, what it rests on, and the years it covers."""
    words = TIE_WORDS.get(kind, term(kind))
    style = kind_style("tie")
    return {"kind": kind, "kind_words": list(words), "label": label or words[0], "when": when or None,
            "when_text": " – ".join(date_text(w) for w in when.split("/") if w) if when else "undated",
            "years": years_of_span(when or ""), "quote": quote, "color": style.color}
