"""Contacts and plans of an article: its contact mentions, told once or many times, as events.

Each sentence's contact mentions (:mod:`.mentions`) become events. A later
mention is the same event as an earlier one ("the call", "مكالمة ترامب
وبوتين", the lead repeated lower down) when it names the same participants
or some of them, its kind is compatible (a call is never a meeting; talks are
either), its date does not conflict, and no word marks it as another ("another
call", "للمرة الثانية"); it then adds its date, duration or topics. A mention
without participants that names a contact already told ("The meeting lasted
about four hours") adds to the last one of its kind.

Denied and negated contacts ("نفى الكرملين ... حصول اتصال", "there was no
conversation", "رفض الرد على مكالمة") are denials, never contacts; a report
of the same contact elsewhere in the page (reported, undated, or of the same
day) goes with the denial. Possibilities and hopes ("could meet", "يأمل") are
neither contacts nor plans.

Each event carries a confidence from the evidence it rests on: an explicit
trigger, participants named in the trigger's own words (or only through an
anaphor), an explicit date, and who tells it (an official statement, or
unnamed reports).

Examples
--------
>>> from datetime import date
>>> from diplograph.registry import Entity, Registry
>>> from diplograph.extract.dates import find_dates
>>> from diplograph.extract.names import find_entities
>>> from diplograph.extract.segment import sentences
>>> reg = Registry([Entity("a", "person", "Ann Lee", "آن لي", ("Lee",)),
...                 Entity("b", "person", "Bo Kim", "بو كيم", ("Kim",))], [], [])
>>> pub = date(2025, 3, 5)
>>> text = "Lee called Kim on 1 May 2019, and another call followed on 3 July 2020. The call lasted an hour."
>>> events, denials = find_contacts(text, sentences(text), reg, find_entities(text, reg), find_dates(text, pub),
...                                 published=pub)
>>> [(e.kind, e.date.iso if e.date else None, [p.id for p in e.participants]) for e in events]
[('phoneCall', '2019-05-01', ['a', 'b']), ('phoneCall', '2020-07-03', ['a', 'b'])]
>>> events[1].duration[:2]
(60.0, 'exact')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..registry import Entity, Registry, Term
from . import lexicon as lx
from .dates import DateMention, shift
from .details import Details, Gathering
from .mentions import ContactMention, Document
from .names import Mention
from .segment import Sentence

__all__ = ["Event", "Gathering", "find_contacts", "find_events"]

_FAMILY = {"phoneCall": "call", "inPersonMeeting": "meet", "visit": "meet", "bilateralSummit": "meet",
           "sidelinesMeeting": "meet", "talks": "any", "indirectContact": "indirect"}


@dataclass
class Event:
    """A proposed contact, plan or denial, with the offsets of every quote behind it."""

    kind: str
    planned: bool
    status: str | None
    participants: list[Entity]
    evidence: tuple[int, int]
    sentence: int
    triggers: list[tuple[int, int]]
    date: DateMention | None = None
    initiators: list[Entity] = field(default_factory=list)
    place: Entity | None = None
    gathering: Gathering | None = None
    duration: tuple[float, str, int, int] | None = None  # minutes, bound, start, end
    topics: list[Term] = field(default_factory=list)
    hedges: list[tuple[str, int, int]] = field(default_factory=list)
    mention_of: dict[str, tuple[int, int]] = field(default_factory=dict)  # where each participant is named
    confidence: float = 1.0
    reasons: list[str] = field(default_factory=list)  # what the confidence rests on
    date_how: str = "none"  # explicit | lead | context | anchored | gathering | none
    denied_by: Entity | None = None
    mentions: list[ContactMention] = field(default_factory=list)


def _compatible_kinds(a: str, b: str) -> bool:
    fa, fb = _FAMILY[a], _FAMILY[b]
    return a == b or "any" in (fa, fb) or fa == fb


def _compatible_dates(a: DateMention | None, b: DateMention | None) -> bool:
    if a is None or b is None:
        return True
    return a.iso.startswith(b.iso) or b.iso.startswith(a.iso)


def _same_day(a: DateMention | None, b: DateMention | None) -> bool:
    return a is not None and b is not None and a.precision == "day" and a.iso == b.iso


def _kind(a: str, b: str) -> str:
    if "talks" in (a, b):
        return b if a == "talks" else a
    return min(a, b, key=lx.KIND_PRIORITY.index)


class _Builder:
    def __init__(self, doc: Document, details: Details):
        self.doc = doc
        self.details = details
        self.events: list[Event] = []
        self.denials: list[Event] = []
        self.event_of: dict[int, Event] = {}

    # -- one mention --

    def add(self, m: ContactMention) -> None:
        if m.modality in ("possible", "hope") or m.quantified:
            return
        s = m.sentence
        if m.hit.trig.summit and self.details.gathering(m.hit.start, m.hit.end, (s.start, s.end)) is not None:
            return  # "قمة مجموعة العشرين": the name of a gathering, not a contact
        if m.modality == "denied" or (m.modality == "negated" and m.status == "refused"):
            self._denial(m)  # a denied report, a refused call
            return
        if m.modality == "negated":
            return  # "لم يلتق X بـ Y منذ عام 2023": no contact, and no one's denial
        ids = {p.entity.id for p in m.people}
        if len(ids) < 2 or (m.hit.trig.weak and all(p.entity.kind not in ("person", "group") for p in m.people)):
            self._details_only(m)  # "عاد التواصل بين الكرملين والبيت الأبيض": institutions by a weak word
            return
        target = self._same(m, ids)
        if target is None and m.anaphoric and m.date_how in ("none", "context") and (m.definite or m.hit.trig.weak):
            target = next((ev for ev in reversed(self.events) if ids <= {p.id for p in ev.participants}), None)
        if target is not None:
            self._merge(target, m)
        else:
            self._new(m, m.people)
        for people in m.extra:
            self._new(m, people)

    def _same(self, m: ContactMention, ids: set[str]) -> Event | None:
        planned = m.modality == "planned"
        for n, ev in enumerate(reversed(self.events)):
            if m.new and not m.definite and n == 0 and {p.id for p in ev.participants} == ids:
                return None  # "and another call followed", "التقى الزعيمان مجددا": not the contact just told
            if ev.planned != planned or not _compatible_kinds(ev.kind, m.kind):
                continue
            if planned and ev.kind != m.kind and not {"talks", "inPersonMeeting"} & {ev.kind, m.kind} and \
                    not _same_day(ev.date, m.date):
                continue  # "قمة مرتقبة" and an invitation to visit are two plans; a meeting, or one day, is one
            if not ids <= {p.id for p in ev.participants}:
                continue
            if not _compatible_dates(ev.date, m.date):
                continue
            if m.date is not None and ev.date is not None and m.date_how == "explicit" and not m.definite and \
                    ev.date.iso != m.date.iso and ev.date_how == "explicit":
                continue
            return ev
        return None

    def _details_only(self, m: ContactMention) -> None:
        """"The meeting lasted about four hours", "اللقاء": more about the last contact of that kind."""
        if not (m.definite or m.hit.trig.weak or m.anaphoric):
            return
        for ev in reversed(self.events):
            if _compatible_kinds(ev.kind, m.kind) and ev.planned == (m.modality == "planned"):
                if ev.duration is None:
                    ev.duration = self.details.duration(m.frame[0], m.frame[1])
                if ev.date is None and m.date is not None and m.date_how == "explicit" and m.definite:
                    ev.date, ev.date_how = m.date, m.date_how
                self.event_of[id(m)] = ev
                return

    def _new(self, m: ContactMention, people: list[Mention]) -> None:
        ev = Event(kind=m.kind, planned=m.modality == "planned", status=m.status,
                   participants=[p.entity for p in people], evidence=m.evidence, sentence=m.sentence.index,
                   triggers=[(m.hit.start, m.hit.end)], date=m.date, date_how=m.date_how, mentions=[m])
        ev.mention_of = {p.entity.id: (p.start, p.end) for p in people}
        self.events.append(ev)
        self.event_of[id(m)] = ev

    def _merge(self, ev: Event, m: ContactMention) -> None:
        ev.mentions.append(m)
        ev.triggers.append((m.hit.start, m.hit.end))
        ev.kind = _kind(ev.kind, m.kind)
        if m.date is not None and (ev.date is None or ev.date_how in ("lead", "context", "none") or
                                   len(m.date.iso) > len(ev.date.iso)) and (
                m.date_how not in ("lead", "context") or ev.date is None):
            ev.date, ev.date_how = m.date, m.date_how
        if ev.status is None and m.status is not None:
            ev.status = m.status
        self.event_of[id(m)] = ev

    def _denial(self, m: ContactMention) -> None:
        if len({p.entity.id for p in m.people}) < 2:
            return
        ids = {p.entity.id for p in m.people}
        for d in self.denials:
            if {p.id for p in d.participants} == ids or (m.definite and _compatible_kinds(d.kind, m.kind)):
                d.mentions.append(m)
                d.denied_by = d.denied_by or m.denier
                return
        self.denials.append(Event(kind=m.kind, planned=False, status=None, participants=[p.entity for p in m.people],
                                  evidence=m.evidence, sentence=m.sentence.index, triggers=[(m.hit.start, m.hit.end)],
                                  date=m.date, date_how=m.date_how, denied_by=m.denier, mentions=[m],
                                  mention_of={p.entity.id: (p.start, p.end) for p in m.people}))

    # -- the whole page --

    def anchors(self, sentences: list[list[ContactMention]]) -> None:
        """Dates given relative to another contact ("بعد يوم من", "the day before")."""
        for found in sentences:
            for m in found:
                if m.anchor is None:
                    continue
                offset, idx = m.anchor
                ev = self.event_of.get(id(m))
                ref = self.event_of.get(id(found[idx])) if idx >= 0 else None
                if ref is None and ev is not None:
                    earlier = [e for e in self.events if e is not ev and self.events.index(e) < self.events.index(ev)]
                    ref = earlier[-1] if earlier else None
                if ev is None or ref is None or ref.date is None or ev.date is not None:
                    continue
                day = shift(ref.date.iso, offset)
                if day is not None:
                    ev.date = DateMention(m.hit.start, m.hit.start, "", day, "day", "relative", None)
                    ev.date_how = "anchored"
        for ev in self.events:
            if ev.date is None and ev.date_how == "anchored":
                ev.date_how = "none"

    def settle_denials(self) -> None:
        """A contact a denial denies is part of the denied report, unless it is dated otherwise and told firmly.

        A report told only by others next to a sentence that denies reports ("Peskov denied the
        reports. The Post reported that X spoke with Y.") is the denied report.
        """
        for ev in list(self.events):
            near = next((d for d in self.doc.denials if abs(d[0] - ev.sentence) <= 2), None)
            if near is not None and not ev.planned and all(m.reported for m in ev.mentions):
                self.events.remove(ev)
                same = next((d for d in self.denials if {p.id for p in d.participants} ==
                             {p.id for p in ev.participants}), None)
                if same is not None:
                    same.mentions += ev.mentions
                    same.denied_by = same.denied_by or near[1]
                else:
                    ev.denied_by = near[1]
                    self.denials.append(ev)
        kept = []
        for ev in self.events:
            ids = {p.id for p in ev.participants}
            denial = next((d for d in self.denials if {p.id for p in d.participants} == ids and not ev.planned
                           and _compatible_kinds(d.kind, ev.kind) and any(m.modality == "denied" for m in d.mentions)),
                          None)
            if denial is not None and (ev.date_how in ("none", "lead", "context")
                                       or all(m.reported for m in ev.mentions)
                                       or (ev.date and denial.date and ev.date.iso == denial.date.iso)):
                denial.mentions += ev.mentions
                continue
            kept.append(ev)
        self.events = kept


def _finish(ev: Event, details: Details, doc: Document) -> None:
    first = ev.mentions[0]
    lo, hi = first.frame
    s_start, s_end = ev.evidence
    ev.gathering = _gathering(ev, details)
    if ev.date is None and ev.gathering is not None and not ev.planned:
        ev.date = _gathering_date(ev.gathering.convener, doc)
        ev.date_how = "gathering" if ev.date is not None else ev.date_how
    if ev.gathering is not None and _FAMILY[ev.kind] in ("meet", "any") and ev.kind != "visit":
        ev.kind = "sidelinesMeeting"
    elif ev.kind == "sidelinesMeeting":
        ev.kind = "inPersonMeeting"
    if ev.kind != "phoneCall" and ev.place is None:
        ev.place = ev.gathering.place if ev.gathering and ev.gathering.place else details.place(first.hit.end, s_end)
    if lx.INDIRECT.search(details.folded(lo, hi)) and ev.kind in ("talks", "inPersonMeeting"):
        ev.kind = "indirectContact"
    if ev.kind == "talks" and all(m.hit.trig.weak for m in ev.mentions) and lx.BY_PHONE.search(details.folded(lo, hi)):
        ev.kind = "phoneCall"  # "he had spoken with Putin by telephone"
    if ev.duration is None:
        for m in ev.mentions:
            ev.duration = details.duration(m.frame[0], m.frame[1])
            if ev.duration:
                break
    ev.topics = details.topics(s_start, s_end)
    ev.hedges = details.hedges(s_start, s_end)
    people = [p for p in doc.mentions if p.entity.id in {e.id for e in ev.participants} and s_start <= p.start < s_end]
    ev.initiators = details.initiator(ev.kind, ev.status if ev.planned else None, people, s_start, s_end)
    _confidence(ev)


def _gathering(ev: Event, details: Details) -> Gathering | None:
    for m in ev.mentions:
        s = m.sentence
        for trig in (t for t in lx.TRIGGERS if t.summit):
            for a, b in details.search(trig.pattern, s.start, s.end):
                g = details.gathering(a, b, (s.start, s.end))
                if g is not None:
                    return g
        g = details.unnamed_gathering(m.frame[0], m.frame[1])
        if g is not None and lx.SIDELINES.search(details.folded(m.frame[0], m.frame[1])):
            return g
    return None


_SUMMIT = re.compile(r"summit|قمة|قمه|اجتماعات", re.IGNORECASE)


def _gathering_date(convener: Entity | None, doc: Document) -> DateMention | None:
    """The date the page gives a gathering ("The G20 summit in Hamburg held on 7-8 July 2017").

    A gathering the words do not name ("the summit") is the one the page names with its convener.
    """
    names = [m for m in doc.mentions if (m.entity.id == convener.id if convener else m.entity.kind == "organisation")]
    for d in doc.dates:
        if d.kind != "absolute" or d.first_day() > doc.published:
            continue
        if any(0 <= d.start - m.end <= 60 and _SUMMIT.search(doc.text[max(0, m.start - 12):d.start]) for m in names):
            return d
    return None


def _confidence(ev: Event) -> None:
    """A confidence from the evidence the event rests on, and the reasons for it."""
    reasons: list[str] = []
    strong = any(not m.hit.trig.weak for m in ev.mentions)
    score = 0.35 if strong else 0.2
    reasons.append("an explicit trigger" if strong else "only a weak trigger ('spoke', 'تحدث')")
    if any(not m.anaphoric for m in ev.mentions):
        score += 0.3
        reasons.append("the participants are named in the trigger's own words")
    else:
        score += 0.15
        reasons.append("the participants come from an anaphor ('the two leaders')")
    date_points = {"explicit": 0.2, "anchored": 0.15, "gathering": 0.15, "lead": 0.1, "context": 0.1,
                   "none": 0.05 if not ev.planned else 0.15}
    score += date_points[ev.date_how]
    reasons.append({"explicit": "an explicit date", "anchored": "a date read from another contact's",
                    "lead": "no date word: the page's news, dated by its publication day",
                    "context": "no date word: dated by the day the sentences before it name",
                    "gathering": "the date the page gives the gathering it took place at",
                    "none": "no date"}[ev.date_how])
    if any(m.official for m in ev.mentions):
        score += 0.1
        reasons.append("told by an official statement or a named source")
    if all(m.reported for m in ev.mentions):
        score -= 0.2
        reasons.append("told only as a report of others ('ذكرت صحيفة', 'reportedly')")
    if len(ev.mentions) > 1:
        score += 0.05
        reasons.append(f"told {len(ev.mentions)} times")
    new = [p for p in ev.participants if p.id.startswith("new-")]
    if new:
        reasons.append(f"{len(new)} participant(s) not in the registry yet")
    ev.confidence = round(max(0.0, min(1.0, score)), 2)
    ev.reasons = reasons


def find_contacts(text: str, sentences: list[Sentence], registry: Registry, mentions: list[Mention],
                  dates: list[DateMention], *, published: date,
                  titles: list[tuple[int, int]] | None = None) -> tuple[list[Event], list[Event]]:
    """Contacts and plans reported in *text*, in order, and the contacts it denies.

    Parameters
    ----------
    text : str
        The exact article text.
    sentences : list of Sentence
        From :func:`diplograph.extract.segment.sentences`.
    registry : Registry
        For topics.
    mentions : list of Mention
        Entities named in the text: registry entities and new people alike.
    dates : list of DateMention
        Dates found in the text.
    published : date
        The publication date (a date after it makes a plan; the page's news is of that day).
    titles : list of (start, end), optional
        Where the titles of new people stand.
    """
    doc = Document(text, mentions, dates, published, titles)
    details = Details(text, registry, mentions)
    builder = _Builder(doc, details)
    per_sentence: list[list[ContactMention]] = []
    for s in sentences:
        found = doc.read(s)
        per_sentence.append(found)
        for m in found:
            builder.add(m)
    builder.anchors(per_sentence)
    builder.settle_denials()
    for ev in builder.events + builder.denials:
        _finish(ev, details, doc)
    return builder.events, builder.denials


def find_events(text: str, sentences: list[Sentence], registry: Registry, mentions: list[Mention],
                dates: list[DateMention], unknown: list[tuple[int, int]] | None = None, *,
                published: date) -> list[Event]:
    """Contacts and plans reported in *text* (see :func:`find_contacts`); *unknown* is no longer used."""
    return find_contacts(text, sentences, registry, mentions, dates, published=published)[0]
