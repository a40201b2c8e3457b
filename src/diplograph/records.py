"""The records the Python API returns: contacts, claims, posts, ties, gaps, evidence.

All are frozen dataclasses; :meth:`as_dict` gives JSON-ready dictionaries.
Dates are ISO strings at the precision the source gives ("2019-05-01",
"2024-02", "2017"), or None when undated.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Iterable
from dataclasses import dataclass, fields, is_dataclass
from typing import Any, NamedTuple

from .dates import Span

__all__ = ["ActorRef", "ClaimRecord", "ContactFacts", "ContactRecord", "ContactSummary", "Evidence", "Gap",
           "PostRecord", "Record", "SourceRef", "Tie", "by_role", "event_span"]


class Record:
    """The base of every record: :meth:`as_dict` gives it as a JSON-ready dictionary."""

    def as_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dictionary (what :func:`dataclasses.asdict` gives, without copying strings)."""
        return {name: _plain(getattr(self, name)) for name in _field_names(type(self))}


_FIELDS: dict[type, tuple[str, ...]] = {}
_ATOMS = (str, int, float, bool, type(None), datetime.date)  # immutable: kept, never copied


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in fields(cls))
    return names


def _plain(value: Any) -> Any:
    """*value* with every record in it turned into a dictionary, as :func:`dataclasses.asdict` turns it."""
    if isinstance(value, _ATOMS):
        return value
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        return tuple([_plain(v) for v in value])
    if is_dataclass(value) and not isinstance(value, type):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    return copy.deepcopy(value)


@dataclass(frozen=True)
class SourceRef(Record):
    """A source: its IRI, title and publication date-time."""

    iri: str
    title: str
    published: str


@dataclass(frozen=True)
class Evidence(Record):
    """The exact quote a fact rests on, its offsets into the source text, and the source."""

    quote: str
    start: int
    end: int
    source: SourceRef

    def __str__(self) -> str:
        return f"«{self.quote}» ({self.source.title}, chars {self.start}–{self.end})"


@dataclass(frozen=True)
class ActorRef(Record):
    """An actor as it appears in a record: IRI and labels."""

    iri: str
    label: str
    label_ar: str | None = None

    @property
    def id(self) -> str:
        return self.iri.rsplit("/", 1)[-1]

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True)
class ContactRecord(Record):
    """A contact that took place, or a planned one (``planned=True``)."""

    iri: str
    kind: str
    date: str | None
    precision: str
    participants: tuple[ActorRef, ...]
    initiators: tuple[ActorRef, ...]
    intermediaries: tuple[ActorRef, ...]
    place: str | None
    place_ar: str | None
    gathering: str | None
    topics: tuple[str, ...]
    topics_ar: tuple[str, ...]
    evidence: Evidence
    source: SourceRef
    planned: bool = False
    status: str | None = None
    duration_minutes: float | None = None
    duration_bound: str | None = None
    duration_text: str | None = None
    date_expression: str | None = None
    other_date: str | None = None
    other_date_note: str | None = None
    hedges: tuple[str, ...] = ()
    also_reported_in: tuple[Evidence, ...] = ()
    bounds: str | None = None

    @property
    def id(self) -> str:
        return self.iri.rsplit("/", 1)[-1]

    @property
    def direct(self) -> bool:
        """True for direct contacts (every kind but indirect contact)."""
        return self.kind != "indirectContact"

    @property
    def span(self) -> Span | None:
        """When the fact held, for joining it with posts held (see :meth:`diplograph.dates.Span.joins`).

        A contact: on some day of its date, at its precision, or of the
        *bounds* the source states for an undated one (None when it states
        none). A plan: on the day its first source reported it (a plan is
        known to stand as of then).
        """
        return event_span(self.date, self.planned, self.source.published, self.bounds)

    def __str__(self) -> str:
        who = " – ".join(p.label for p in self.participants)
        where = f" in {self.place}" if self.place else ""
        return f"{self.date or 'undated'} {self.kind}: {who}{where}"


@dataclass(frozen=True)
class ContactSummary(Record):
    """A contact or plan as a network sees it: its actors by role, kind, date, status and first quote.

    The lean form of a :class:`ContactRecord` (no places, topics,
    durations or further sources), which networks are drawn from.
    """

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
    reported: str | None = None
    bounds: str | None = None

    @property
    def direct(self) -> bool:
        """True for direct contacts (every kind but indirect contact)."""
        return self.kind != "indirectContact"

    @property
    def span(self) -> Span | None:
        """When the fact held (as :attr:`ContactRecord.span`)."""
        return event_span(self.date, self.planned, self.reported, self.bounds)

    @classmethod
    def of(cls, c: ContactRecord) -> ContactSummary:
        """The summary of a full contact record."""
        return cls(iri=c.iri, kind=c.kind, date=c.date, planned=c.planned, status=c.status,
                   participants=c.participants, initiators=c.initiators, intermediaries=c.intermediaries,
                   quote=c.evidence.quote, source=c.source.iri, reported=c.source.published or None,
                   bounds=c.bounds)


class ContactFacts(NamedTuple):
    """The facts of a contact or plan that counting its rhythm needs (:func:`diplograph.network.rhythm.rhythm`).

    ``participants`` are the IRIs of its participants (initiators first), each
    once, in the order of :attr:`ContactRecord.participants`.
    """

    iri: str
    date: str | None
    precision: str
    planned: bool
    direct: bool
    participants: tuple[str, ...]

    @classmethod
    def of(cls, c: ContactRecord) -> ContactFacts:
        """The facts of a full contact record."""
        return cls(c.iri, c.date, c.precision, c.planned, c.direct, tuple(dict.fromkeys(p.iri for p in c.participants)))


@dataclass(frozen=True)
class Tie(Record):
    """An institutional tie between a person *a* and an organisation *b* (``post``, ``team`` or ``office``).

    ``post`` is the post (``org:Membership``) it rests on; ``date`` is the
    term (``"2017/2021"``) or the attested date as the graph gives it, and
    ``span`` when the tie held (a term throughout, an attested date on its
    day, month or year; None when the post carries no date: the tie cannot be
    placed in time). ``head`` is True when the post is the organisation's top
    post (``dg:headRole``), or the tie is an office speaking for that post's
    holder.
    """

    kind: str
    a: str
    b: str
    post: str
    label: str
    date: str | None
    quote: str | None
    span: Span | None = None
    head: bool = False


@dataclass(frozen=True)
class ClaimRecord(Record):
    """Something a source attributes to a speaker."""

    iri: str
    by: ActorRef
    text: str
    medium: str
    stated: str | None
    evidence: Evidence
    source: SourceRef
    supports: tuple[str, ...] = ()
    hedges: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.by.label}: {self.text}"


@dataclass(frozen=True)
class PostRecord(Record):
    """Someone holding a role in an organisation, over a term or at an attested date."""

    iri: str
    holder: ActorRef
    role: str
    organisation: ActorRef
    begin: str | None
    end: str | None
    attested: str | None
    appointed_by: str | None
    quote: str

    def __str__(self) -> str:
        when = f"{self.begin}–{self.end}" if self.begin else (self.attested or "undated")
        return f"{self.holder.label}: {self.role}, {self.organisation.label} ({when})"


@dataclass(frozen=True)
class Gap(Record):
    """The time between two consecutive direct contacts of a pair."""

    start: str
    end: str
    days: int
    months: int
    before: str
    after: str
    approximate: bool = False

    def __str__(self) -> str:
        return f"{self.start} → {self.end}: {self.days} days ({self.months} months)"


def event_span(date: str | None, planned: bool, reported: str | None, bounds: str | None = None) -> Span | None:
    """When a contact or plan held: its date at its precision (or its bounds), or for a plan the day it was reported.

    Examples
    --------
    >>> str(event_span("2019-05", False, None)), str(event_span(None, True, "2025-02-13T00:26:00+03:00"))
    ('2019-05', '2025-02-13')
    >>> str(event_span(None, False, None, "2022-02-12/2024-02"))
    '2022-02-12/2024-02'
    >>> print(event_span(None, False, "2025-02-13T00:26:00"))
    None
    """
    if planned:
        return Span.of(reported[:10]) if reported and len(reported) >= 10 else None
    if date:
        return Span.of(date)
    if bounds:
        after, _, before = bounds.partition("/")
        return Span.of(after, before or after)
    return None


def by_role(roles: Iterable[tuple[str, ActorRef]]
            ) -> tuple[tuple[ActorRef, ...], tuple[ActorRef, ...], tuple[ActorRef, ...]]:
    """Participants (initiators first), initiators and intermediaries of an event from its roles.

    *roles* pairs a role type's local name (``initiatorRole``,
    ``participantRole``, ``intermediaryRole``) with an actor. Each list
    names an actor once, in the order given.

    Examples
    --------
    >>> a, b, m = ActorRef("urn:a", "A"), ActorRef("urn:b", "B"), ActorRef("urn:m", "M")
    >>> roles = [("participantRole", b), ("intermediaryRole", m), ("initiatorRole", a), ("participantRole", a)]
    >>> [[actor.label for actor in group] for group in by_role(roles)]
    [['A', 'B'], ['A'], ['M']]
    """
    groups: dict[str, dict[ActorRef, None]] = {"initiatorRole": {}, "participantRole": {}, "intermediaryRole": {}}
    for role, actor in roles:
        if role in groups:
            groups[role][actor] = None
    initiators = tuple(groups["initiatorRole"])
    participants = tuple(dict.fromkeys([*initiators, *groups["participantRole"]]))
    return participants, initiators, tuple(groups["intermediaryRole"])
