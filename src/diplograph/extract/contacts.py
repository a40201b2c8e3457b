"""Contacts and plans from trigger phrases, sentence by sentence.

In each sentence (headings are skipped) the triggers that are not negated
("لم يتحدث", "did not meet") are grouped into contacts: each trigger joins
the date nearest to it (a sentence may report "a call on 1 May, followed by
another on 3 July"); undated triggers group by clause. For each group:

- kind: from its triggers (a meeting at a named summit is a sidelines
  meeting; indirect markers make an indirect contact);
- planned or took place, and the plan status (invited, offered, agreed,
  announced), from markers in the clause;
- participants: people named in the group's clauses, else in the sentence,
  else (after "the two leaders", "another call") those of the contact before;
- the initiator of a call someone "made" ("أجرى X مكالمة مع Y"), the host
  of an invitation ("وجه X دعوة"), the one who is "open to" talks;
- place, gathering, duration ("استمرت نحو 90 دقيقة"), topics and hedges.

An undated trigger with a definite article or demonstrative ("المكالمة",
"this call") or a weak verb ("تحدث") whose participants match a contact
already found is a reference back to it: it adds a duration or a topic, not
a contact.

Examples
--------
>>> from diplograph.registry import Entity, Registry
>>> from diplograph.extract.dates import find_dates
>>> from diplograph.extract.names import find_entities
>>> from diplograph.extract.segment import sentences
>>> reg = Registry([Entity("a", "person", "Ann Lee", "آن لي", ("Lee",)),
...                 Entity("b", "person", "Bo Kim", "بو كيم", ("Kim",))], [], [])
>>> text = "Lee called Kim on 1 May 2019, and another call followed on 3 July 2020. Lee will not meet Kim."
>>> events = find_events(text, sentences(text), reg, find_entities(text, reg), find_dates(text))
>>> [(e.kind, e.date.iso if e.date else None, [p.id for p in e.participants]) for e in events]
[('phoneCall', '2019-05-01', ['a', 'b']), ('phoneCall', '2020-07-03', ['a', 'b'])]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ..registry import Entity, Registry, Term
from ..text import FoldedText
from . import lexicon as lx
from .dates import DateMention
from .names import Mention
from .segment import Sentence, clauses

__all__ = ["Event", "Gathering", "find_events"]

_PERSONISH = ("person", "group")
_WORD = re.compile(r"[^\s،,.:;؛()«»\"]+")


@dataclass
class Gathering:
    """The multilateral gathering a sidelines meeting took place at."""

    convener: Entity | None
    place: Entity | None
    start: int
    end: int


@dataclass
class Event:
    """A proposed contact or plan, with the offsets of every quote behind it."""

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


@dataclass
class _Hit:
    start: int
    end: int
    trig: lx.Trig
    clause: int
    planned: bool = False


class _Finder:
    def __init__(self, text: str, registry: Registry, mentions: list[Mention], dates: list[DateMention],
                 unknown: list[tuple[int, int]] | None = None):
        self.text = text
        self.unknown = unknown or []  # where people the registry does not know are named
        self.registry = registry
        self.mentions = mentions
        self.dates = dates
        self.fx = FoldedText(text)
        self.events: list[Event] = []
        self.context: list[Mention] = []  # people of the last sentence naming two or more

    # -- folded-text helpers --

    def fspan(self, start: int, end: int) -> tuple[int, int]:
        """Folded offsets of the exact span [start, end)."""
        offs = self.fx.offsets
        lo = min(bisect_left(offs, start), len(offs) - 1)
        hi = min(bisect_left(offs, end), len(offs) - 1)
        return lo, hi

    def exact(self, fstart: int, fend: int) -> tuple[int, int]:
        offs = self.fx.offsets
        return offs[fstart], offs[fend - 1] + 1 if fend > fstart else offs[fstart]

    def folded(self, start: int, end: int) -> str:
        a, b = self.fspan(start, end)
        return self.fx.folded[a:b]

    def search(self, pattern: re.Pattern[str], start: int, end: int) -> list[tuple[int, int]]:
        a, b = self.fspan(start, end)
        return [self.exact(a + m.start(), a + m.end()) for m in pattern.finditer(self.fx.folded[a:b])
                if m.end() > m.start()]

    def before(self, pos: int, limit: int, words: int) -> str:
        """Up to *words* folded words before *pos*, not crossing *limit*."""
        chunk = self.folded(limit, pos)
        return " ".join(chunk.split()[-words:])

    # -- pieces --

    def in_span(self, start: int, end: int, kinds: tuple[str, ...] = _PERSONISH) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end and m.entity.kind in kinds]

    def triggers(self, s: Sentence, cl: list[tuple[int, int]]) -> list[_Hit]:
        hits: list[_Hit] = []
        for trig in lx.TRIGGERS:
            for start, end in self.search(trig.pattern, s.start, s.end):
                idx = next((i for i, (a, b) in enumerate(cl) if a <= start < b), 0)
                hits.append(_Hit(start, end, trig, idx))
        hits.sort(key=lambda h: (-(h.end - h.start), h.start))
        kept: list[_Hit] = []
        for h in hits:
            if all(h.end <= k.start or k.end <= h.start for k in kept):
                kept.append(h)
        kept.sort(key=lambda h: h.start)
        out = []
        for h in kept:
            clause_start = cl[h.clause][0]
            prev = self.before(h.start, clause_start, 3)
            if lx.NEGATION.search(prev) or lx.DENIAL.search(self.folded(clause_start, h.start)):
                continue
            if h.trig.plural and h.trig.kind != "indirectContact":
                near = self.before(h.start, clause_start, 2)
                if not lx.CONDUCT.search(near) or lx.QUANTIFIED.search(near) \
                        or self.folded(h.start, h.end).lstrip("وفبلك").startswith("ال"):
                    continue
            out.append(h)
        # "وتأتي الزيارة بعد لقاء ...": a definite trigger of a kind already reported refers back to it
        earlier = {e.kind for e in self.events if not e.planned}
        fresh = [h for h in out if not self.definite(h, s)]
        if fresh:
            out = [h for h in out if h in fresh or h.trig.kind not in earlier]
        return out

    def definite(self, h: _Hit, s: Sentence) -> bool:
        """"المكالمة", "هذه المكالمة", "the call": a trigger that names a contact already known."""
        word = self.folded(h.start, h.end)
        if word.lstrip("وفبلك").startswith("ال") and not word.startswith("الت") and not h.trig.weak:
            return True
        return bool(lx.DEFINITE.search(self.before(h.start, s.start, 2) + " "))

    def event_dates(self, s: Sentence, cl: list[tuple[int, int]], hits: list[_Hit]) -> list[DateMention]:
        out = []
        for d in self.dates:
            if not (s.start <= d.start < s.end) or d.kind == "range":
                continue
            idx = next((i for i, (a, b) in enumerate(cl) if a <= d.start < b), 0)
            a, b = cl[idx]
            has_trigger = any(h.clause == idx for h in hits if not h.trig.summit)
            speech = lx.SPEECH_NOUN.search(self.folded(a, b))
            # "أكد الكرملين في أكتوبر 2024 أن ...": the date of the words, not of a contact
            attributed = lx.ATTRIBUTION.search(self.before(d.start, a, 4)) and \
                re.match(r"\s*[،,]?\s*(?:ان|بان|that)\b", self.folded(d.end, b))
            if (speech and not has_trigger) or attributed:
                continue
            out.append(d)
        return out

    def participants(self, spans: list[tuple[int, int]], s: Sentence) -> list[Mention]:
        def people(ms: list[Mention]) -> list[Mention]:
            seen: dict[str, Mention] = {}
            for m in ms:
                attrib = lx.ATTRIBUTION.search(self.before(m.start, s.start, 1))
                if attrib and m.entity.kind != "person":
                    continue  # "أفادت تقارير": a speaker, not a party
                seen.setdefault(m.entity.id, m)
            return list(seen.values())

        found = people([m for a, b in spans for m in self.in_span(a, b)])
        if len(found) > 2:
            # "وأشار سوليفان إلى أن بايدن تحدث مع بوتين": the speaker is no party when two others are named
            parties = [m for m in found if not self.speaker(m, s)]
            found = parties if len(parties) >= 2 else found
        if len(found) < 2:
            pair = self.between(spans)
            if pair:
                return pair
        if len(found) < 2:
            wider = people(self.in_span(s.start, s.end))
            if len(wider) > len(found):
                found = wider
        return found

    def speaker(self, m: Mention, s: Sentence) -> bool:
        """Whether *m* names who is speaking ("قال مستشار الأمن القومي X", "X said")."""
        if re.match(r"\s*[،,]?\s*(?:الي |الى )?(?:ب?ان|ان)ه(?![\w])|\s*[,]?\s*(?:that )?he\b",
                    self.folded(m.end, min(s.end, m.end + 20))):
            return False  # "أشار ترامب إلى أنه اتفق": he speaks of what he did
        before = self.before(m.start, s.start, 5)
        verbs = list(lx.ATTRIBUTION.finditer(before))
        if verbs and not re.search(r"(?<![\w])(?:ان|بان|انه)(?![\w])|\bthat\b", before[verbs[-1].end():]):
            return True
        return bool(re.match(r"\s+(?:said|says|told|added)\b", self.text[m.end:m.end + 10]))

    def between(self, spans: list[tuple[int, int]]) -> list[Mention]:
        """"talks between Russia and Ukraine", "بين روسيا وأوكرانيا": the two named parties."""
        kinds = ("person", "group", "country", "organisation")
        for a, b in spans:
            for _, end in self.search(re.compile(r"(?<![\w])بين(?![\w])|\bbetween\b"), a, b):
                after = [m for m in self.in_span(end, b, kinds) if m.start - end <= 40]
                if len(after) >= 2 and re.fullmatch(r"\s*(?:و|and)\s*", self.text[after[0].end:after[1].start]):
                    return after[:2]
        return []

    def gathering(self, hit: _Hit, cl: tuple[int, int]) -> Gathering | None:
        """A summit named after its convener ("قمة مجموعة العشرين", "the G20 summit")."""
        orgs = self.in_span(cl[0], cl[1], ("organisation",))
        after = [m for m in orgs if 0 <= m.start - hit.end <= 3]
        before_ = [m for m in orgs if 0 <= hit.start - m.end <= 3]
        candidates = after or before_
        if not candidates:
            return None
        convener = candidates[0]
        end = max(hit.end, convener.end)
        start = min(hit.start, convener.start)
        places = self.in_span(end, cl[1] + 40, ("place", "country"))
        place = None
        if places and re.match(r"^\s*(?:\([^)]*\)\s*)?(?:في|in)\s+$", self.text[end:places[0].start]):
            place = places[0]
            end = place.end
            nxt = self.in_span(end, end + 30, ("country",))
            if nxt and re.match(r"^[،,]\s*$", self.text[end:nxt[0].start]):
                end = nxt[0].end
        return Gathering(convener.entity, place.entity if place else None, start, end)

    def place(self, spans: list[tuple[int, int]]) -> Entity | None:
        for kinds in (("place",), ("country",)):
            for a, b in spans:
                for m in self.in_span(a, b, kinds):
                    before = self.text[max(a, m.start - 12):m.start]
                    if re.search(r"(?:^|\s)(?:في|الى|إلى|to|in|at)\s*$", before) \
                            or self.text[m.start - 1:m.start] in ("ب", "ل") \
                            or re.search(r"(?:زيار[ةه]|visit(?:ed|ing|s)?)\s+$", before):  # "لزيارة موسكو"
                        return m.entity
        return None

    def duration(self, spans: list[tuple[int, int]]) -> tuple[float, str, int, int] | None:
        pat = re.compile(
            r"(?:استمر(?:ت)?|دام(?:ت)?|لمده|lasted|lasting)\s+"
            r"(?:(?P<approx>نحو|حوالي|قرابه|ما يقارب|about|around|nearly|roughly|some)\s+"
            r"|(?P<least>لاكثر من|اكثر من|ما يزيد عن|more than|over)\s+"
            r"|(?P<most>اقل من|لاقل من|less than|under)\s+)?"
            r"(?:(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
            r"(?P<unit>دقيقه|دقائق|ساعه|ساعات|minutes?|hours?)"
            r"|(?P<word>ساعتين|ساعه|نصف ساعه|an hour|one hour|two hours|half an hour))", re.IGNORECASE)
        for start, end in self.search(pat, spans[0][0], spans[-1][1]):
            m = pat.search(self.folded(start, end))
            if m is None:
                continue
            if m.group("n"):
                unit = m.group("unit")
                words = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
                n = m.group("n")
                count = float(words.index(n) + 1) if n in words else float(n)
                minutes = count * (60 if unit.startswith(("ساع", "hour")) else 1)
            else:
                minutes = {"ساعتين": 120.0, "two hours": 120.0, "نصف ساعه": 30.0, "half an hour": 30.0}.get(
                    m.group("word"), 60.0)
            bound = "approximate" if m.group("approx") else "atLeast" if m.group("least") else \
                "atMost" if m.group("most") else "exact"
            return minutes, bound, start, end
        return None

    def topics(self, start: int, end: int) -> list[Term]:
        chunk = FoldedText(self.text[start:end])
        return [t for t in self.registry.topics.values()
                if any(chunk.mentions(label) for label in (t.ar, t.en) if len(label) > 3)]

    def hedges(self, start: int, end: int) -> list[tuple[str, int, int]]:
        return [(name, a, b) for name, pat in lx.HEDGES for a, b in self.search(pat, start, end)]

    def plan_status(self, a: int, b: int) -> str | None:
        chunk = self.folded(a, b)
        if lx.INVITED.search(chunk):
            return "invited"
        if lx.OFFERED.search(chunk):
            return "offered"
        if lx.AGREED.search(chunk) and re.search(r"(?<![\w])علي|\bto\b|\bon\b", chunk):
            return "agreed"
        if lx.PLAN.search(chunk):
            return "announced"
        return None

    def initiators(self, ev: Event, hits: list[_Hit], spans: list[tuple[int, int]]) -> list[Entity]:
        ids = {p.id for p in ev.participants}
        people = [m for a, b in spans for m in self.in_span(a, b) if m.entity.id in ids]
        if ev.status in ("invited", "offered"):
            pat = lx.INVITED if ev.status == "invited" else lx.OFFERED
            for a, b in spans:
                for ws, _ in self.search(pat, a, b):
                    near = [m for m in people if 0 <= ws - m.end <= 40 or 0 <= m.start - ws <= 12]
                    if near:
                        near.sort(key=lambda m: abs(ws - m.end))
                        return [near[0].entity]
            return []
        if ev.kind == "phoneCall" and not ev.planned:
            for a, b in spans:
                for _, ve in self.search(lx.CONDUCT, a, b):
                    after = [m for m in people if 0 <= m.start - ve <= 30]
                    if after and any(h.start > after[0].end for h in hits) and \
                            len(self.folded(ve, after[0].start).split()) <= 3:
                        return [after[0].entity]
                for _, ve in self.search(re.compile(r"(?<![\w])[وف]?(?:تلقي|تلقت|يتلقي)(?![\w])"), a, b):
                    src = [m for m in people if m.start > ve and re.search(r"(?<![\w])من\s", self.folded(ve, m.start))]
                    if src:
                        return [src[0].entity]
                for vs, _ in self.search(re.compile(r"\b(?:called|phoned)\b"), a, b):
                    before_ = [m for m in people if 0 <= vs - m.end <= 3]
                    if before_:
                        return [before_[0].entity]
        return []

    # -- one sentence --

    def sentence(self, s: Sentence) -> None:
        people_here = {m.entity.id: m for m in self.in_span(s.start, s.end, ("person",))}
        if s.heading:
            if len(people_here) >= 2:
                self.context = list(people_here.values())
            return
        cl = clauses(self.text, s)
        hits = self.triggers(s, cl)
        if hits:
            dates = self.event_dates(s, cl, hits)
            groups: dict[tuple[object, bool], list[_Hit]] = {}
            for h in hits:
                a, b = cl[h.clause]
                h.planned = bool(self.plan_status(a, b))
                # a plan is dated only by words of its own clause
                usable = [d for d in dates if a <= d.start < b] if h.planned else dates
                if usable:
                    nearest = min(usable, key=lambda d: min(abs(d.start - h.end), abs(h.start - d.end)))
                    key: tuple[object, bool] = (nearest.start, h.planned)
                else:
                    key = (f"clause{h.clause}", h.planned)
                groups.setdefault(key, []).append(h)
            ordered = sorted(groups.items(), key=lambda kv: kv[1][0].start)
            extra: dict[int, list[_Hit]] = {}
            merged: list[tuple[tuple[object, bool], list[_Hit]]] = []
            for key, group in ordered:
                if merged and isinstance(key[0], str) and key[1] == merged[-1][0][1] and \
                        all(self.definite(h, s) for h in group):
                    extra.setdefault(len(merged) - 1, []).extend(group)  # "... سيستضيف القمة": the same plan
                    continue
                merged.append((key, group))
            ordered = merged
            for i, ((date_key, planned), group) in enumerate(ordered):
                date = next((d for d in dates if d.start == date_key), None)
                until = s.end
                if i + 1 < len(ordered):
                    nxt = ordered[i + 1][1]
                    first_clause = min(h.clause for h in nxt)
                    nd = next((d for d in dates if d.start == ordered[i + 1][0][0]), None)
                    if nd is not None:
                        first_clause = min(first_clause, next(
                            (j for j, (a, b) in enumerate(cl) if a <= nd.start < b), first_clause))
                    until = max(cl[first_clause][0] - 1, cl[max(h.clause for h in group)][1])
                self.group(s, cl, group, date, planned, first=i == 0, until=until, kind_hits=extra.get(i, []))
        if len(people_here) >= 2:
            self.context = list(people_here.values())

    def group(self, s: Sentence, cl: list[tuple[int, int]], hits: list[_Hit], date: DateMention | None,
              planned: bool, first: bool, until: int, kind_hits: list[_Hit] | None = None) -> None:
        idx = sorted({h.clause for h in hits})
        if date is not None:
            di = next((i for i, (a, b) in enumerate(cl) if a <= date.start < b), idx[0])
            idx = sorted(set(idx) | {di})
        lo, hi = idx[0], idx[-1]
        spans = [cl[i] for i in range(lo, hi + 1)]
        ev_start = s.start if first else cl[lo][0]
        ev_end = max(cl[hi][1], until)
        while ev_end > ev_start and self.text[ev_end - 1] in " ،,؛;:":
            ev_end -= 1
        main = [h for h in hits if not h.trig.summit]
        summits = [h for h in hits if h.trig.summit]
        gathering = None
        for h in summits:
            g = self.gathering(h, cl[h.clause])
            if g is not None:
                gathering = g
            else:
                main.append(h)
        if not main:
            return
        if gathering is None:
            # "على هامش اجتماعات الأمم المتحدة": a gathering the registry does not know, by its words
            for a, b in spans:
                found = self.search(lx.SIDELINES, a, b)
                if found:
                    start = found[0][1]
                    while start < b and self.text[start] == " ":
                        start += 1
                    end = b
                    while end > start and self.text[end - 1] in " .،,؛;:":
                        end -= 1
                    if end - start > 3:
                        gathering = Gathering(None, None, start, end)
                    break
        folded = self.folded(cl[lo][0], cl[hi][1])
        kinds = {h.trig.kind for h in main + (kind_hits or [])}
        if gathering is not None and (lx.SIDELINES.search(folded) or kinds & {"inPersonMeeting", "talks"}):
            kind = "sidelinesMeeting"
        elif lx.INDIRECT.search(folded) or "indirectContact" in kinds:
            kind = "indirectContact"
        else:
            kind = min(kinds, key=lx.KIND_PRIORITY.index)
            if kind == "talks" and all(h.trig.weak for h in main) and lx.BY_PHONE.search(folded):
                kind = "phoneCall"  # "he had spoken with Putin by telephone"
        status = None
        if planned:
            status = next((st for st in (self.plan_status(*cl[h.clause]) for h in main) if st), "announced")
        mentions = self.participants(spans, s)
        if len(mentions) >= 2:
            self._finish(s, kind, planned, status, [m.entity for m in mentions], (ev_start, ev_end), hits, date,
                         spans, gathering, main, {m.entity.id: (m.start, m.end) for m in mentions})
            return
        if len(mentions) == 1 and any(a <= u < b for u, _ in self.unknown for a, b in spans):
            return  # "met ... Prime Minister Shigeru Ishiba": the other party is someone the registry lacks
        dual = lx.DUAL.search(self.folded(s.start, s.end))
        pool: list[Entity] = []
        where: dict[str, tuple[int, int]] = {}
        if dual and self.events:
            pool, where = list(self.events[-1].participants), dict(self.events[-1].mention_of)
        if not pool and (dual or len(mentions) == 1):
            pool = [m.entity for m in self.context]
            where = {m.entity.id: (m.start, m.end) for m in self.context}
        if mentions and mentions[0].entity.id not in {e.id for e in pool} and not (dual and len(pool) >= 2):
            pool = []
        if len(pool) >= 2:
            self._finish(s, kind, planned, status, pool, (ev_start, ev_end), hits, date, spans, gathering, main,
                         where)
            return
        # "محادثات بين روسيا وأوكرانيا": states or organisations as the parties
        skip = {gathering.convener.id if gathering and gathering.convener else "",
                gathering.place.id if gathering and gathering.place else ""}
        states: dict[str, Mention] = {}
        for a, b in spans:
            for m in self.in_span(a, b, ("country", "organisation")):
                if m.entity.id not in skip:
                    states.setdefault(m.entity.id, m)
        if date is None and not planned and all(self.definite(h, s) for h in main):
            # "The meeting lasted about four hours": more about the last contact of that kind
            prev = next((e for e in reversed(self.events) if not e.planned and e.kind in kinds | {kind}), None)
            if prev is not None and prev.duration is None:
                prev.duration = self.duration(spans)
            return
        if not mentions and len(states) >= 2:
            self._finish(s, kind, planned, status, [m.entity for m in states.values()], (ev_start, ev_end), hits,
                         date, spans, gathering, main, {k: (m.start, m.end) for k, m in states.items()})

    def _finish(self, s: Sentence, kind: str, planned: bool, status: str | None, participants: list[Entity],
                evidence: tuple[int, int], hits: list[_Hit], date: DateMention | None,
                spans: list[tuple[int, int]], gathering: Gathering | None, main: list[_Hit],
                role_mentions: dict[str, tuple[int, int]]) -> None:
        ev = Event(kind=kind, planned=planned, status=status, participants=participants, evidence=evidence,
                   sentence=s.index, triggers=[(h.start, h.end) for h in hits], date=date, gathering=gathering)
        ev.mention_of = role_mentions
        ev.duration = self.duration(spans)
        ev.topics = self.topics(evidence[0], evidence[1])
        ids = {p.id for p in participants}
        for prev in self.events:
            # the same contact told twice (the lead repeated further down): one contact
            if prev.kind == kind and prev.planned == planned and {p.id for p in prev.participants} == ids \
                    and prev.date is not None and date is not None and prev.date.iso == date.iso:
                prev.duration = prev.duration or ev.duration
                prev.topics += [t for t in ev.topics if t not in prev.topics]
                return
        # a reference back ("المكالمة", "تحدث مع بوتين") to a contact already found
        if date is None and not planned:
            ids = {p.id for p in participants}
            weak = all(h.trig.weak for h in main)
            definite = any(lx.DEFINITE.search(self.before(h.start, s.start, 1) + " ")
                           or self.folded(h.start, h.end).lstrip("وفبلك").startswith("ال") for h in main)
            for prev in reversed(self.events):
                if prev.planned or (not ids >= {p.id for p in prev.participants} and \
                        len(ids & {p.id for p in prev.participants}) < 2):
                    continue
                if weak or (definite and (prev.kind == kind or kind == "talks")):
                    if prev.duration is None and ev.duration is not None:
                        prev.duration = ev.duration
                    for t in ev.topics:
                        if t not in prev.topics:
                            prev.topics.append(t)
                    return
                break
        if kind != "phoneCall":
            ev.place = self.place(spans) if gathering is None or gathering.place is None else gathering.place
        ev.initiators = self.initiators(ev, main, spans)
        ev.hedges = self.hedges(evidence[0], evidence[1])
        if kind == "sidelinesMeeting" and gathering is None:
            ev.kind = "inPersonMeeting"
        self.events.append(ev)


def find_events(text: str, sentences: list[Sentence], registry: Registry, mentions: list[Mention],
                dates: list[DateMention], unknown: list[tuple[int, int]] | None = None) -> list[Event]:
    """Contacts and plans reported in *text*, in order.

    Parameters
    ----------
    text : str
        The exact article text.
    sentences : list of Sentence
        From :func:`diplograph.extract.segment.sentences`.
    registry : Registry
        For topics.
    mentions : list of Mention
        Registry entities named in the text.
    dates : list of DateMention
        Dates found in the text.
    unknown : list of (start, end), optional
        Where people the registry does not know are named: a contact of one
        known person with one of them is left to the reviewer, not completed
        from the context.
    """
    finder = _Finder(text, registry, mentions, dates, unknown)
    for s in sentences:
        finder.sentence(s)
    return finder.events
