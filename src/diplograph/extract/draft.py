"""Write what was extracted as a draft annotation in the reviewed YAML format.

Every quote in the draft is the exact text of the article and is chosen so
that the annotation loader finds it once (lengthened by whole words where a
short phrase repeats, or given an ``occurrence`` for evidence). Unknown people
go under ``candidates:`` with their quote; once they are in the registry, a
new ``diplograph extract`` proposes the contacts they took part in.

Examples
--------
>>> from datetime import datetime
>>> from diplograph.extract import extract_text
>>> from diplograph.registry import Entity, Registry
>>> reg = Registry([Entity("a", "person", "Ann Lee", "آن لي", ("Lee",)),
...                 Entity("b", "person", "Bo Kim", "بو كيم", ("Kim",))], [], [])
>>> draft = extract_text("2 January 2025\\n\\nLee met Kim today in Oslo.", reg)
>>> for line in draft.to_yaml().splitlines():
...     if line.strip().startswith(("kind", "participants", "date", "evidence")):
...         print(line.strip())
kind: inPersonMeeting
participants: ["Ann Lee", "Bo Kim"]
date: today
date_expression: "today"
evidence: "Lee met Kim today in Oslo."
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from ..registry import Entity
from ..sources import SourceText
from ..text import FoldedText
from .claims import Claim
from .contacts import Event
from .dates import DateMention
from .details import Gathering
from .names import Candidate, Mention
from .segment import NoiseLine

__all__ = ["Draft", "render_draft"]

_KIND_SLUG = {"phoneCall": "call", "inPersonMeeting": "meeting", "visit": "visit", "bilateralSummit": "summit",
              "sidelinesMeeting": "meeting", "talks": "talks", "indirectContact": "indirect-contact"}


@dataclass
class Draft:
    """Everything extracted from one article."""

    text: SourceText
    text_ref: str
    source_id: str
    language: str
    published: datetime
    published_quote: tuple[int, int] | None
    title: tuple[int, int] | None
    noise: list[NoiseLine]
    mentions: list[Mention]
    candidates: list[Candidate]
    dates: list[DateMention]
    events: list[Event]
    claims: list[Claim]
    source_hedges: list[tuple[str, int, int]] = field(default_factory=list)
    author: Entity | None = None
    denials: list[Event] = field(default_factory=list)
    threshold: float = 0.7

    @property
    def contacts(self) -> list[Event]:
        return [e for e in self.events if not e.planned]

    @property
    def plans(self) -> list[Event]:
        return [e for e in self.events if e.planned]

    @property
    def stated_denials(self) -> list[Event]:
        """Denials the draft writes as claims of their own (a named denier, no claim of the same words)."""
        return [d for d in self.denials if d.denied_by is not None and not any(_denial_of(self, cl) is d
                                                                               for cl in self.claims)]

    def to_yaml(self) -> str:
        """The draft annotation as YAML text."""
        return render_draft(self)


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


class _Quoter:
    """Quotes the loader will find exactly once."""

    def __init__(self, text: SourceText):
        self.text = text

    def count(self, quote: str) -> int:
        return sum(1 for s in self.text.occurrences(quote) if not any(s.overlaps(n) for n in self.text.noise))

    def unique(self, start: int, end: int) -> str:
        t = self.text.text
        line_start = t.rfind("\n", 0, start) + 1
        line_end = t.find("\n", end)
        line_end = len(t) if line_end == -1 else line_end
        grow_left = True
        while True:
            quote = t[start:end].strip()
            if self.count(quote) <= 1 or (start <= line_start and end >= line_end):
                return quote
            if grow_left and start > line_start:
                m = re.search(r"\S+\s*$", t[line_start:start])
                start = line_start + m.start() if m else line_start
            elif end < line_end:
                m = re.match(r"\s*\S+", t[end:line_end])
                end = end + m.end() if m else line_end
            else:
                m = re.search(r"\S+\s*$", t[line_start:start])
                start = line_start + m.start() if m else line_start
            grow_left = not grow_left

    def evidence(self, start: int, end: int) -> tuple[str, int | None]:
        quote = self.text.text[start:end].strip()
        spans = [s for s in self.text.occurrences(quote) if not any(s.overlaps(n) for n in self.text.noise)]
        if len(spans) <= 1:
            return quote, None
        index = next((i for i, s in enumerate(spans) if s.start >= start), 0)
        return quote, index + 1


def _label(e: Entity, lang: str) -> str:
    return e.ar if lang == "ar" else e.en


def _slug(e: Entity) -> str:
    ascii_name = unicodedata.normalize("NFKD", e.en).encode("ascii", "ignore").decode()
    words = ascii_name.lower().split()
    return (re.sub(r"[^a-z0-9]+", "-", words[-1]).strip("-") if words else "") or e.id


def _names_in(draft: Draft, entity: Entity, start: int, end: int) -> bool:
    chunk = FoldedText(draft.text.text[start:end])
    return any(chunk.mentions(n) for n in entity.names)


_DATE_HOW = {
    "lead": "no date word: the page's news, dated by its publication day",
    "context": "no date word: the day the sentences before it name",
    "anchored": "read from the date of the contact it is said to follow or precede",
    "gathering": "the date the page gives the gathering",
}


def _confidence_lines(draft: Draft, ev: Event) -> list[str]:
    why = "; ".join(ev.reasons)
    out = [f"    confidence: {ev.confidence:.2f}  # {why}"]
    if ev.confidence < draft.threshold:
        why = f"confidence {ev.confidence:.2f} is below {draft.threshold:.2f}: check it, then delete this line"
        out.append(f"    review: {_q(why)}")
    return out


def _date_lines(draft: Draft, ev: Event, quoter: _Quoter) -> list[str]:
    published = draft.published.date()
    if ev.date is None:
        return [] if ev.planned else ["    date: undated"]
    if ev.date.first_day() > published and not ev.planned:
        return [f"    date: undated  # the text says {_q(ev.date.text)}, after the publication date"]
    how = _DATE_HOW.get(ev.date_how)
    if ev.date.relative and ev.date.iso == published.isoformat() and \
            quoter.text.text[ev.evidence[0]:ev.evidence[1]].count(ev.date.text) == 1:
        return ["    date: today", f"    date_expression: {_q(ev.date.text)}"]
    if how:
        return [f"    date: {_q(ev.date.iso)}  # {how}"]
    note = f"  # {_q(ev.date.text)}, resolved against the publication date" if ev.date.relative else ""
    return [f"    date: {_q(ev.date.iso)}{note}"]


def _event_lines(draft: Draft, ev: Event, ev_id: str, quoter: _Quoter) -> list[str]:
    lang = draft.language
    out = [f"  - id: {ev_id}", f"    kind: {ev.kind}", *_confidence_lines(draft, ev)]
    if ev.planned:
        out.append(f"    status: {ev.status or 'announced'}")
    out.append(f"    participants: [{', '.join(_q(_label(p, lang)) for p in ev.participants)}]")
    if ev.initiators:
        names = [_q(_label(p, lang)) for p in ev.initiators]
        out.append(f"    initiator: {names[0] if len(names) == 1 else '[' + ', '.join(names) + ']'}")
    out += _role_lines(draft, ev, quoter)
    out += _date_lines(draft, ev, quoter)
    if ev.duration:
        minutes, bound, a, b = ev.duration
        out += ["    duration:", f"      minutes: {minutes:g}", f"      bound: {bound}",
                f"      quote: {_q(quoter.unique(a, b))}"]
    if ev.place is not None:
        out.append(f"    place: {_q(_label(ev.place, lang))}")
    if ev.gathering is not None and ev.kind == "sidelinesMeeting":
        out += _gathering_lines(draft, ev, ev.gathering, quoter)
    if ev.topics:
        out.append(f"    topics: [{', '.join(t.id for t in ev.topics)}]")
    out += _hedge_lines(draft, ev)
    quote, occurrence = quoter.evidence(*ev.evidence)
    out.append(f"    evidence: {_q(quote)}")
    if occurrence:
        out.append(f"    occurrence: {occurrence}")
    return out


def _role_lines(draft: Draft, ev: Event, quoter: _Quoter) -> list[str]:
    """Where each participant the evidence does not name is named: a quote of their mention."""
    roles = []
    for p in ev.participants:
        if _names_in(draft, p, *ev.evidence):
            continue
        where = ev.mention_of.get(p.id) or next(
            ((m.start, m.end) for m in draft.mentions if m.entity.id == p.id), None)
        if where is None:
            continue
        roles.append(f"      - agent: {_q(_label(p, draft.language))}\n        quote: {_q(quoter.unique(*where))}")
    return ["    roles:", *roles] if roles else []


def _gathering_lines(draft: Draft, ev: Event, g: Gathering, quoter: _Quoter) -> list[str]:
    """The gathering a sidelines meeting took place at, named after its convener, place and year."""
    lang = draft.language
    published = draft.published.date()
    year = ev.date.iso[:4] if ev.date else ""
    conv = g.convener
    gid = ("-".join(x for x in (conv.id, "summit", g.place.id if g.place else "", year) if x) if conv
           else f"gathering-{year or 'undated'}-{ev.sentence + 1}")
    out = ["    gathering:", f"      id: {gid}"]
    words = draft.text.text[g.start:g.end]
    if conv is not None:
        where_en = f" in {g.place.en}" if g.place else ""
        where_ar = f" في {g.place.ar}" if g.place else ""
        label_en = f"{conv.en} summit{where_en}" + (f", {year}" if year else "")
        label_ar = f"قمة {conv.ar}{where_ar}" + (f" {year}" if year else "")
    else:  # a gathering the registry does not know: named by the source's words
        label_en = words if lang == "en" else f"TO TRANSLATE: {words}"
        label_ar = words if lang == "ar" else f"TO TRANSLATE: {words}"
    out += [f"      en: {_q(label_en)}", f"      ar: {_q(label_ar)}"]
    if conv:
        out.append(f"      convened_by: {_q(_label(conv, lang))}")
    if g.place:
        out.append(f"      place: {_q(_label(g.place, lang))}")
    if ev.date and ev.date.precision in ("day", "month") and ev.date.first_day() <= published:
        out.append(f"      date: {_q(ev.date.iso[:7])}")
    elif ev.date and ev.date.first_day() <= published:
        out.append(f"      date: {_q(ev.date.iso[:4])}")
    else:
        out.append("      date: undated")
    out.append(f"      quote: {_q(quoter.unique(g.start, g.end))}")
    return out


def _hedge_lines(draft: Draft, ev: Event) -> list[str]:
    """The hedges of the evidence ("reportedly", "وفق مصادر"), each once and only if it occurs once."""
    hedges = []
    seen: set[str] = set()
    evidence_text = draft.text.text[ev.evidence[0]:ev.evidence[1]]
    for name, a, b in ev.hedges:
        words = draft.text.text[a:b]
        if words in seen or evidence_text.count(words) != 1:
            continue
        seen.add(words)
        hedges.append(f"      - hedge: {name}\n        expression: {_q(words)}")
    return ["    hedges:", *hedges] if hedges else []


_DENIED = {"phoneCall": "had a phone call", "inPersonMeeting": "met", "visit": "had a visit",
           "bilateralSummit": "held a summit", "sidelinesMeeting": "met on the sidelines of a gathering",
           "talks": "held talks", "indirectContact": "were in indirect contact"}


def _denial_of(draft: Draft, cl: Claim) -> Event | None:
    return next((d for d in draft.denials if d.denied_by is not None and d.denied_by.id == cl.by.id
                 and any(m.sentence.index == cl.sentence for m in d.mentions)), None)


def _denial_lines(draft: Draft, d: Event) -> list[str]:
    names = [_q(_label(p, draft.language)) for p in d.participants]
    return ["    denies:", f"      kind: {d.kind}", f"      participants: [{', '.join(names)}]"]


def _denial_statement(d: Event) -> str:
    people = " and ".join(p.en for p in d.participants)
    return f"Denies that {people} {_DENIED[d.kind]}."


def _claim_lines(draft: Draft, ids: dict[int, str], quoter: _Quoter) -> list[str]:
    """Claims, and denials as claims that a contact did not take place (``denies``)."""
    lang = draft.language
    lines: list[str] = []
    used: set[str] = set()
    told: set[int] = set()

    def new_id(base: str) -> str:
        cid, k = base, 2
        while cid in used:
            cid, k = f"{base}-{k}", k + 1
        used.add(cid)
        return cid

    for cl in draft.claims:
        quote, occurrence = quoter.evidence(*cl.evidence)
        supports = [ids[i] for i, ev in enumerate(draft.events)
                    if ev.sentence == cl.sentence and ev.evidence[0] <= cl.evidence[1]
                    and cl.evidence[0] <= ev.evidence[1]]
        denial = _denial_of(draft, cl)
        lines += [f"  - id: {new_id(f'{_slug(cl.by)}-claim-{cl.sentence + 1}')}", f"    by: {_q(_label(cl.by, lang))}",
                  f"    medium: {cl.medium}", f"    attribution: {_q(quoter.unique(*cl.attribution))}"]
        statement = _denial_statement(denial) if denial else ("TO TRANSLATE: " + quote if lang != "en" else quote)
        lines += [f"    statement: {_q(statement)}", f"    evidence: {_q(quote)}"]
        if occurrence:
            lines.append(f"    occurrence: {occurrence}")
        if supports and denial is None:
            lines.append(f"    supports: [{', '.join(supports)}]")
        if denial is not None:
            told.add(id(denial))
            lines += _denial_lines(draft, denial)
    for d in draft.denials:
        if id(d) in told or d.denied_by is None:
            continue
        quote, occurrence = quoter.evidence(*d.evidence)
        medium = "officialStatement" if d.denied_by.kind in ("organisation", "country") else "remarks"
        lines += [f"  - id: {new_id(f'{_slug(d.denied_by)}-denial-{d.sentence + 1}')}",
                  f"    by: {_q(_label(d.denied_by, lang))}", f"    medium: {medium}",
                  f"    statement: {_q(_denial_statement(d))}", f"    evidence: {_q(quote)}"]
        if occurrence:
            lines.append(f"    occurrence: {occurrence}")
        lines += _denial_lines(draft, d)
    unsaid = [d for d in draft.denials if d.denied_by is None]
    head = ["", "claims:"] if lines else []
    notes = []
    if unsaid:
        notes = ["", "# The text says these did not take place (no one is named saying so); nothing is proposed:"]
        notes += [f"#   {d.kind} between {' and '.join(_label(p, lang) for p in d.participants)}: "
                  f"{_q(quoter.text.text[d.evidence[0]:d.evidence[1]])}" for d in unsaid]
    return head + lines + notes


def render_draft(draft: Draft) -> str:
    """The YAML text of *draft* (see the module docstring)."""
    quoter = _Quoter(draft.text)
    lines = [
        "# Draft annotation written by `diplograph extract`. Review every entry against the text:",
        "# correct kinds, participants and dates, write each claim's statement in English, register",
        "# the people listed under candidates, then run `diplograph add` with this file.",
        "",
        *_source_lines(draft, quoter),
        *_candidate_lines(draft, quoter),
    ]
    ids = _event_ids(draft.events)
    for section, planned in (("contacts", False), ("plans", True)):
        chosen = [(i, ev) for i, ev in enumerate(draft.events) if ev.planned == planned]
        if not chosen:
            continue
        lines += ["", f"{section}:"]
        for i, ev in chosen:
            lines += _event_lines(draft, ev, ids[i], quoter)
            lines.append("")
    lines += _claim_lines(draft, ids, quoter)
    return "\n".join(lines).rstrip() + "\n"


def _source_lines(draft: Draft, quoter: _Quoter) -> list[str]:
    lines = ["source:", f"  id: {_q(draft.source_id)}", f"  text: {_q(draft.text_ref)}"]
    if draft.title:
        lines.append(f"  title: {_q(quoter.unique(*draft.title))}")
    lines.append(f"  published: {_q(draft.published.isoformat())}")
    if draft.published_quote:
        lines.append(f"  published_quote: {_q(quoter.unique(*draft.published_quote))}")
    if draft.author is not None:
        lines.append(f"  author: {_q(_label(draft.author, draft.language))}")
    lines.append(f"  language: {draft.language}")
    if draft.noise:
        lines.append("  noise:")
        for nl in draft.noise:
            lines.append(f"    - quote: {_q(nl.text)}")
            if nl.repeated or len(draft.text.occurrences(nl.text)) > 1:
                lines.append("      occurrences: all")
            lines.append(f"      why: {_q(nl.why)}")
    if draft.source_hedges:
        lines.append("  hedges:")
        for name, a, b in draft.source_hedges:
            sentence_start = draft.text.text.rfind("\n", 0, a) + 1
            sentence_end = draft.text.text.find("\n", b)
            sentence_end = len(draft.text.text) if sentence_end == -1 else sentence_end
            lines += [f"    - hedge: {name}", f"      expression: {_q(draft.text.text[a:b])}",
                      f"      quote: {_q(quoter.unique(sentence_start, sentence_end))}"]
    return lines


def _candidate_lines(draft: Draft, quoter: _Quoter) -> list[str]:
    if not draft.candidates:
        return []
    lines = ["", "# People the registry does not know. The contacts below name them as written; add each to",
             "# graph/registry.yaml (or correct the name) and extract again, or write their registry name",
             "# in the contacts and drop them here. `diplograph add` refuses an annotation that still",
             "# lists candidates.", "candidates:"]
    for cand in draft.candidates:
        lines.append(f"  - name: {_q(cand.name)}")
        if cand.title:
            lines.append(f"    title: {_q(cand.title)}")
        if cand.country is not None:
            lines.append(f"    country: {_q(_label(cand.country, draft.language))}")
        lines.append(f"    quote: {_q(quoter.unique(cand.start, cand.end))}")
        if cand.similar_to is not None:
            like = cand.similar_to
            note = (f"spelled like {like.ar} ({like.id}) but for long vowels: if it is the same person, "
                    "add this spelling to its aliases; if not, register a new person")
            lines.append(f"    note: {_q(note)}")
    return lines


def _event_ids(events: list[Event]) -> dict[int, str]:
    """A readable id for each event: its first two participants, kind and day, numbered when repeated."""
    ids: dict[int, str] = {}
    used: set[str] = set()
    for i, ev in enumerate(events):
        base = "-".join([*(_slug(p) for p in ev.participants[:2]), _KIND_SLUG[ev.kind],
                         ev.date.iso if ev.date and not ev.planned else ("planned" if ev.planned else "undated")])
        ev_id, k = base, 2
        while ev_id in used:
            ev_id, k = f"{base}-{k}", k + 1
        used.add(ev_id)
        ids[i] = ev_id
    return ids
