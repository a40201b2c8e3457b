"""Contact mentions, sentence by sentence: each trigger, who it names, when, and how it is told.

A trigger ("التقى", "اتصالا هاتفيا", "met", "phone call") is read in its
frame: the words of its sentence between the trigger before it and the one
after it, cut at a semicolon. In that frame:

- participants are the people named as the trigger's subject and partners:
  the subject before a verb ("X met Y") or right after it ("استقبل X Y"), the
  partners after it ("مع Y", "with Y", "between X and Y"). A speaker ("قال X"),
  someone who only attends ("بحضور X"), a spokesman, a person named inside
  another's title ("مستشار الرئيس X") or as a relation ("صهر X") is no party.
  Several partners after one subject are several contacts ("met A, B and C"),
  unless the meeting is a joint one ("a working breakfast with A and B");
- an anaphor ("الزعيمان", "لقائهما", "the two leaders") names the people of
  the contact before; nothing else is filled from the context;
- the date is the nearest one in the frame that is not the date of words
  ("said Thursday", "أعلن ... اليوم أن"); a date after publication makes a plan;
- how it is told: held, planned (announced, agreed, invited, offered, by the
  words that govern the trigger), possible or hoped (neither), negated,
  denied; reported by unnamed sources or by an official statement.

Examples
--------
>>> from datetime import date
>>> from diplograph.registry import Entity, Registry
>>> from diplograph.extract.dates import find_dates
>>> from diplograph.extract.names import find_entities
>>> from diplograph.extract.segment import sentences
>>> reg = Registry([Entity("a", "person", "Ann Lee", "آن لي", ("Lee",)),
...                 Entity("b", "person", "Bo Kim", "بو كيم", ("Kim",))], [], [])
>>> text = "Lee will meet Kim next month. Lee called Kim on Monday."
>>> doc = Document(text, find_entities(text, reg), find_dates(text, date(2025, 3, 5)), date(2025, 3, 5))
>>> [(m.kind, m.modality, [p.entity.id for p in m.people], m.date.iso) for s in sentences(text)
...  for m in doc.read(s)]
[('inPersonMeeting', 'planned', ['a', 'b'], '2025-04'), ('phoneCall', 'held', ['a', 'b'], '2025-03-03')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from itertools import pairwise

from ..registry import Entity
from . import lexicon as lx
from .dates import DateMention
from .frames import ContactMention, Hit
from .names import Mention
from .parties import ACTORS, Parties
from .segment import Sentence

__all__ = ["ContactMention", "Document", "Hit"]

#: Words that tell of earlier events ("وكان ... قد", "had", "previously").
_BACKGROUND = re.compile(r"(?<![\w])(?:كان|كانت|وكان|وكانت|سبق|سابق|سابقا|اخر|الاخير)(?![\w])|"
                         r"\b(?:had|previously|earlier|last|former|before)\b", re.IGNORECASE)

#: A comma and the words that open a new clause ("، على أن", "، كما", ", while").
_CLAUSE_OPENER = re.compile(r"[،,]\s*(?:و?على\s+[أا]ن|كما|ثم|حيث|بينما|فيما|في حين|but|while|whereas|and then)(?![\w])")


class Document(Parties):
    """An article's text with its entity mentions and dates, read one sentence at a time.

    Parameters
    ----------
    text : str
        The exact text.
    mentions : list of Mention
        Entities named in the text, registry people and new candidates alike.
    dates : list of DateMention
        Dates found in the text.
    published : date
        The publication date.
    titles : list of (start, end)
        Where the titles of new people stand (a person named inside one is no party).
    """

    def __init__(self, text: str, mentions: list[Mention], dates: list[DateMention], published: date,
                 titles: list[tuple[int, int]] | None = None):
        super().__init__(text, mentions, titles)
        self.dates = dates
        self.published = published
        self.body_sentences = 0
        self.narrative: tuple[int, DateMention] | None = None  # the last day the narration named, by body sentence
        self.denials: list[tuple[int, Entity | None]] = []  # sentences denying a report they do not restate
        self.arrival: tuple[int, DateMention, str] | None = None  # the last dated visit: sentence, day, visitor

    # -- triggers --

    def hits(self, s: Sentence) -> list[Hit]:
        found: list[Hit] = []
        for trig in lx.TRIGGERS:
            for a, b in self.search(trig.pattern, s.start, s.end):
                found.append(Hit(a, b, trig, self.folded(a, b)))
        found.sort(key=lambda h: (-(h.end - h.start), h.start))
        kept: list[Hit] = []
        for h in found:
            if all(h.end <= k.start or k.end <= h.start for k in kept):
                kept.append(h)
        kept.sort(key=lambda h: h.start)
        kept = [h for h in kept if not self._plural_unheld(h, s) and not self._gathering_name(h, s)
                and not any(a <= h.start and h.end <= b for a, b in self.titles) and not self._convened(h)]
        return self._join(kept)

    def _join(self, hits: list[Hit]) -> list[Hit]:
        """"لقاء قمة", "phone call": adjacent triggers are one, of the stronger kind."""
        out: list[Hit] = []
        for h in hits:
            prev = out[-1] if out else None
            if prev is not None and self.text[prev.end:h.start].strip() == "" and h.start - prev.end <= 2:
                trig = prev.trig if lx.KIND_PRIORITY.index(prev.trig.kind) <= lx.KIND_PRIORITY.index(h.trig.kind) \
                    else h.trig
                out[-1] = Hit(prev.start, h.end, replace(trig, noun=prev.trig.noun and h.trig.noun,
                                                          weak=prev.trig.weak and h.trig.weak),
                              self.folded(prev.start, h.end))
            else:
                out.append(h)
        return out

    def _convened(self, h: Hit) -> bool:
        """"قمة مجموعة العشرين", "the APEC summit": a summit named by its convener is a gathering."""
        if not h.trig.summit:
            return False
        orgs = [m for m in self.mentions if m.entity.kind == "organisation"]
        return any(0 <= m.start - h.end <= 4 or 0 <= h.start - m.end <= 4 for m in orgs)

    def _gathering_name(self, h: Hit, s: Sentence) -> bool:
        """"على هامش اجتماع الأمم المتحدة", "on the sidelines of the meeting": the gathering, not a contact."""
        return h.trig.noun and bool(re.search(r"(?:(?<![\w])هامش|\bsidelines of(?: the)?)\s*$",
                                              self.folded(max(s.start, h.start - 30), h.start)))

    def _plural_unheld(self, h: Hit, s: Sentence) -> bool:
        """"عدة مكالمات", "the calls": a plural is a contact only after a verb of holding ("أجريا اتصالات")."""
        if h.trig.plural and h.trig.kind == "indirectContact" and h.trig.noun:
            return not lx.SENDING.search(self.words_before(h.start, s.start, 4))  # "أرسل ماكرون رسائل إلى"
        if not h.trig.plural or h.trig.kind == "indirectContact":
            return False
        near = self.words_before(h.start, s.start, 2)
        if re.match(r"\s*(?:with|مع)\b", self.folded(h.end, s.end)) and not lx.QUANTIFIED.search(near):
            return False  # "brief meetings with X": contacts with the people named
        return not lx.CONDUCT.search(near) or bool(lx.QUANTIFIED.search(near)) or h.word.lstrip("وفبلك").startswith(
            "ال")

    # -- one sentence --

    def read(self, s: Sentence) -> list[ContactMention]:
        """The contact mentions of sentence *s* (none for a heading)."""
        if s.heading:
            people = self._people(s.start, s.end)
            if len({m.entity.id for m in people}) >= 2:
                self.last_people = people
            return []
        hits = self.hits(s)
        out: list[ContactMention] = []
        self.prev = None
        cuts = [self._clause_cut(a.end, b.start) for a, b in pairwise(hits)]
        for i, h in enumerate(hits):
            left = max(s.start, (cuts[i - 1] or hits[i - 1].end) if i else s.start,
                       self._boundary_before(h.start, s.start))
            right = min(s.end, (cuts[i] or hits[i + 1].start) if i + 1 < len(hits) else s.end,
                        self._boundary_after(h.end, s.end))
            m = self._mention(s, h, (left, right))
            if m is not None:
                out.append(m)
                self.prev = m
        self._anchor(s, out)
        self._plan_labels(out)
        self._narrate(s, out)
        folded = self.folded(s.start, s.end)
        if (lx.DENIAL.search(folded) or lx.DENIAL_WORDS.search(folded)) and not any(
                m.modality == "denied" and len(m.people) >= 2 for m in out):
            # "Peskov denied the reports.": the report it denies is told in the sentences around it
            self.denials.append((s.index, self._denier(s, Hit(s.end, s.end, lx.TRIGGERS[0], ""))))
        self.body_sentences += 1
        return out

    def _plan_labels(self, found: list[ContactMention]) -> None:
        """"قمة ترامب وبوتين، أصدر البيت الأبيض جدول زيارة ... للقاء": a noun naming the plan its sentence tells."""
        for m in found:
            if m.modality != "held" or not m.hit.trig.noun or m.hit.start - m.sentence.start > 3:
                continue
            ids = {p.entity.id for p in m.people}
            plan = next((o for o in found if o.modality == "planned" and {p.entity.id for p in o.people} == ids), None)
            if plan is not None and len(ids) >= 2:
                m.modality, m.status = "planned", plan.status
                if m.date is not None and plan.date is None:
                    plan.date, plan.date_how = m.date, m.date_how

    def _narrate(self, s: Sentence, found: list[ContactMention]) -> None:
        """Keep the last day the narration names ("أمس الاثنين"), for the undated contacts right after it.

        Only a date no trigger of its sentence takes is the narration's (one a trigger's frame holds but does
        not take, "محاولة تنسيق المكالمة على هامش اجتماع ... انعقد الأسبوع الماضي", is).
        """
        taken = {m.date.start for m in found if m.date is not None}
        days = [d for d in self.dates if s.start <= d.start < s.end and d.precision in ("day", "month")
                and d.kind not in ("anchored", "range") and d.first_day() <= self.published
                and not self._words_date(d, s) and d.start not in taken]
        if days:
            self.narrative = (self.body_sentences, days[-1])

    def _clause_cut(self, a: int, b: int) -> int | None:
        """Where the frames of two triggers of one sentence meet, when a new clause opens between them.

        "كان في استقبال X، Y، على أن يقيم Z استقبالا": Z is the second trigger's, not the first's.
        """
        cut = None
        for m in _CLAUSE_OPENER.finditer(self.text, a, b):
            cut = m.start()
        return cut + 1 if cut is not None else None

    def _boundary_before(self, pos: int, start: int) -> int:
        chunk = self.text[start:pos]
        cut = max(chunk.rfind("؛"), chunk.rfind(";"))
        return start + cut + 1 if cut >= 0 else start

    def _boundary_after(self, pos: int, end: int, marks: str = "؛;") -> int:
        """The first of *marks* after *pos* (a semicolon; a comma for a clause), else *end*."""
        chunk = self.text[pos:end]
        cuts = [c for c in (chunk.find(mark) for mark in marks) if c >= 0]
        return pos + min(cuts) if cuts else end

    def _mention(self, s: Sentence, h: Hit, frame: tuple[int, int]) -> ContactMention | None:
        modality, status = self._modality(s, h, frame)
        m = ContactMention(s, h, h.trig.kind, modality, status, [], (s.start, s.end), frame=frame)
        m.definite = self._definite(h, s)
        m.new = bool(lx.NEW_EVENT.search(self.words_before(h.start, frame[0], 2) + " " +
                                         self.words_after(h.end, frame[1], 2)))
        m.quantified = h.trig.plural and bool(lx.QUANTIFIED.search(self.words_before(h.start, frame[0], 2)))
        m.reported = bool(lx.REPORTED.search(self.folded(s.start, h.start)))
        m.official = bool(lx.SPEECH_NOUN.search(self.folded(s.start, s.end))) or any(
            m2.entity.kind == "organisation" and self._speaker(m2, s) for m2 in self._people(s.start, s.end, ACTORS))
        self._participants(m, s)
        self._date(m, s)
        self._arrival_day(m, s)
        prev = self.prev
        if m.date is None and prev is not None and prev.date is not None and prev.date_how == "explicit" and \
                m.subject is not None and prev.subject is not None and m.subject.entity.id == prev.subject.entity.id:
            m.date, m.date_how = prev.date, prev.date_how  # "استقبل X الثلاثاء ...، كما استقبل Y": the same day
        if m.modality == "held" and m.date is not None and m.date.kind != "anchored" and \
                m.date.first_day() > self.published:
            m.modality, m.status = "planned", "announced"  # "سيُعقد غدا": a date ahead of the page is a plan
            self._date(m, s)
        if modality == "denied" or (modality == "negated" and m.people):
            m.denier = self._denier(s, h)
        if len({p.entity.id for p in m.people}) >= 2:
            self.last_people = list(m.people)
        return m

    # -- how the contact is told --

    def _definite(self, h: Hit, s: Sentence) -> bool:
        """"المكالمة", "هذه المكالمة", "the call": a trigger that names a contact already told."""
        word = h.word
        if word.lstrip("وفبلك").startswith("ال") and not word.startswith("الت") and h.trig.noun:
            return True
        return h.trig.noun and bool(lx.DEFINITE.search(self.words_before(h.start, s.start, 2) + " "))

    def _modality(self, s: Sentence, h: Hit, frame: tuple[int, int]) -> tuple[str, str | None]:
        before = self.words_before(h.start, frame[0], 5) + " " + h.word  # "قد التقيا" (had met), "قد يلتقي" (may meet)
        near = self.words_before(h.start, frame[0], 3)
        after = self.words_after(h.end, frame[1], 3)
        sentence = self.folded(s.start, s.end)
        if lx.DENIAL.search(self.folded(s.start, h.start)) or lx.DENIAL_WORDS.search(sentence):
            return "denied", None
        clause = self.folded(self._clause_start(h.start, frame[0]), h.start)
        wide = " ".join(clause.split()[-8:])
        if lx.POSSIBLE.search(before) or lx.ATTEMPT.search(wide) or \
                (h.trig.noun and lx.POSSIBLE.search(self.words_before(h.start, frame[0], 1))):
            return "possible", None
        if lx.HOPE.search(wide):
            return "hope", None
        if lx.REFUSAL.search(clause):
            return "negated", "refused"  # "رفض الرد على مكالمة": the contact did not take place
        if lx.NEGATION.search(near):
            return "negated", None
        for status, pattern in (("agreed", lx.AGREED), ("invited", lx.INVITED), ("offered", lx.OFFERED)):
            if pattern.search(before) and (status != "agreed" or re.search(r"(?<![\w])علي|\bto\b|\bon\b", before)):
                return "planned", status
        strong = re.search(r"(?<![\w])(?:من المقرر|من المتوقع|من المنتظر|يعتزم|تعتزم|سوف|علي ان)(?![\w])",
                           self.folded(frame[0], h.start))
        future_word = any(re.match(r"[وف]?س[يتن][^ا\s]\w{2,}$", w) and not w.endswith(("ه", "ات"))
                          for w in before.split())
        if lx.FUTURE.search(before) or strong or future_word or self._future_verb(h) or (
                h.trig.noun and lx.PLAN_NOUN.search(self.words_before(h.start, frame[0], 2) + " " + after)):
            return "planned", "announced"
        if self._purpose(s, h) or self._planned_predicate(h, frame):
            return "planned", "announced"
        return "held", None

    def _clause_start(self, pos: int, limit: int) -> int:
        chunk = self.text[limit:pos]
        cut = max(chunk.rfind("،"), chunk.rfind(","))
        return limit + cut + 1 if cut >= 0 else limit

    def _future_verb(self, h: Hit) -> bool:
        """"سيلتقي", "ستعقد": an Arabic verb in the future."""
        bare = h.word.lstrip("وف")
        return not h.trig.noun and bool(re.match(r"س[يتن]", bare)) and not bare.startswith("ست" + "قبل")

    def _purpose(self, s: Sentence, h: Hit) -> bool:
        """"وصل ... للقاء", "arrived in ... to meet": a contact that is a journey's purpose.

        "will travel to X for talks with Y": a journey ahead of the page, and the talks its purpose.
        """
        lead = self.folded(s.start, h.start)
        prefixed = (h.word[:1] == "ل" and not h.word.startswith(("لقاء", "لقائ", "لقاؤ", "لتقي"))) or \
            bool(re.search(r"(?<![\w])ل(?:حضور|لمشاركه|عقد|اجراء|بحث)\s*$", lead))
        to = bool(re.search(r"\bto\s*$", lead)) and not h.trig.noun
        if (prefixed or to) and lx.TRAVEL.search(lead):
            return True
        clause = self.folded(self._clause_start(h.start, s.start), h.start)
        return h.trig.noun and bool(re.search(r"\bfor\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$", clause)) and \
            bool(lx.TRAVEL.search(clause)) and bool(lx.FUTURE.search(clause))

    def _planned_predicate(self, h: Hit, frame: tuple[int, int]) -> bool:
        """"A meeting between X and Y is planned for March": a noun whose own predicate makes it a plan."""
        if not h.trig.noun:
            return False
        rest = self.folded(h.end, self._boundary_after(h.end, frame[1], "،,"))
        return bool(lx.PLANNED_PREDICATE.search(" ".join(rest.split()[:10])))

    # -- dates --

    def _words_date(self, d: DateMention, s: Sentence) -> bool:
        """Whether *d* dates words ("said Thursday", "أعلن الكرملين اليوم أن", "reported Monday")."""
        before = self.words_before(d.start, s.start, 3)
        after = self.words_after(d.end, s.end, 2)
        if re.search(r"(?:^|\s)(?:said|says|told|reported|announced|added|stated|noted|confirmed|inform|informs|"
                     r"informed|brief|briefed)(?:\s+\w+)?(?:\s+on)?$", before):
            return True
        if re.match(r"(?:said|says|told|announced)\b", after) or lx.ATTRIBUTION.match(after):
            return True
        verb = lx.ATTRIBUTION.search(before) or lx.SPEECH_NOUN.search(before)
        if verb and re.match(r"\s*[،,]?\s*(?:ان|بان|that)\b", self.folded(d.end, s.end)):
            return True
        # "On 26 July, Russian media reported that ...", "في 26 يوليو، ذكرت وسائل إعلام أن": the clause it opens
        lead = len(self.words_before(d.start, s.start, 3).split()) <= 1
        opened = self.words_after(d.end, s.end, 7)
        said = lx.ATTRIBUTION.search(opened)
        return lead and said is not None and bool(re.match(r"\s*(?:\S+\s+){0,2}(?:ان|بان|انه|that)\b",
                                                           opened[said.end():] + " "))

    def _date(self, m: ContactMention, s: Sentence) -> None:
        lo, hi = m.frame
        h = m.hit
        usable = [d for d in self.dates if lo <= d.start < hi and d.kind not in ("range",)
                  and not self._words_date(d, s)]
        anchored = [d for d in usable if d.kind == "anchored"]
        usable = [d for d in usable if d.kind != "anchored"]
        if m.modality == "planned":
            clause = self._clause_start(h.start, lo)
            usable = [d for d in usable if d.start >= clause]
        usable = [d for d in usable if self._near(h, d)]
        if usable:
            d = min(usable, key=lambda d: min(abs(d.start - h.end), abs(h.start - d.end)))
            if m.modality == "planned" and d.ahead and d.first_day() < self.published:
                d = replace(d, iso=d.ahead, ahead=None)
            elif m.modality != "planned" and d.behind and d.first_day() > self.published:
                d = replace(d, iso=d.behind, behind=None)
            m.date, m.date_how = d, "explicit"
        elif anchored:
            m.date_how, m.date = "anchored", anchored[0]
        elif m.modality == "held" and self.body_sentences == 0 and not m.definite and \
                not any(s.start <= d.start < s.end and d.kind != "range" for d in self.dates):
            iso = self.published.isoformat()
            m.date = DateMention(s.start, s.start, "", iso, "day", "relative", "")
            m.date_how = "lead"  # the page's news, dated by the day it was published
        elif m.modality == "held" and self.narrative is not None and self.body_sentences - self.narrative[0] <= 2 and \
                not _BACKGROUND.search(self.folded(s.start, h.start)):
            m.date, m.date_how = self.narrative[1], "context"  # the day the narration has just named

    def _arrival_day(self, m: ContactMention, s: Sentence) -> None:
        """"وصل X إلى موسكو مساء اليوم ... وكان في استقباله Y": a reception is of the visit's day.

        A visit told with its own day is kept; an undated reception of the same visitor, in that sentence or
        the two after it, takes that day.
        """
        h = m.hit
        if m.kind == "visit" and m.date_how == "explicit" and m.date is not None and m.subject is not None:
            self.arrival = (s.index, m.date, m.subject.entity.id)
            return
        reception = "استقبال" in h.word or bool(re.match(r"(?:received|welcomed)$", h.word))
        if m.date is None and m.modality == "held" and reception and self.arrival is not None and \
                s.index - self.arrival[0] <= 2 and self.arrival[2] in {p.entity.id for p in m.people}:
            m.date, m.date_how = self.arrival[1], "context"

    def _near(self, h: Hit, d: DateMention) -> bool:
        """A date not inside a relative clause after the trigger ("... الحرب التي أحيت روسيا ذكراها في مايو")."""
        if d.end <= h.start:
            return True
        between = self.folded(h.end, d.start)
        rel = re.search(r"(?<![\w])(?:التي|الذي|الذين|اللذين|اللتين)(?![\w])|\b(?:which|who|whose)\b", between)
        if rel is None or len(between[:rel.start()].split()) <= 1:
            return True  # "الاتصال الذي جرى ... الجمعة": its own
        # "The talks, which were expected to be tense, took place on Monday": the clause closed before the date
        return bool(re.search(r"[,،]\s*$", between[:rel.start()])) and bool(re.search(r"[,،]", between[rel.end():]))

    def _anchor(self, s: Sentence, found: list[ContactMention]) -> None:
        """"وتأتي الزيارة بعد يوم من محادثة": the contact after the phrase is dated from the one before it."""
        for i, m in enumerate(found):
            if m.date_how != "anchored" or m.date is None:
                continue
            phrase = m.date
            if phrase.end <= m.hit.start and i > 0 and found[i - 1].hit.end <= phrase.start:
                m.anchor = (-phrase.offset, i - 1)
            elif phrase.start >= m.hit.end and i > 0:
                m.anchor = (phrase.offset, i - 1)
            else:
                m.anchor = (phrase.offset, -1)
            m.date = None

    def _denier(self, s: Sentence, h: Hit) -> Entity | None:
        for a, b in self.search(lx.DENIAL, s.start, h.start):
            after = [p for p in self._people(b, h.start, ACTORS) if p.start - b <= 40]
            before = list(self._people(s.start, a, ACTORS))
            english = self.text[a:b].isascii()  # "The Kremlin denied reports that X": the subject comes first
            for found, pick in ((before, -1), (after, 0)) if english else ((after, 0), (before, -1)):
                if found:
                    return found[pick].entity
        speakers = [p for p in self._people(s.start, s.end, ACTORS) if self._speaker(p, s)]
        return speakers[0].entity if speakers else None
