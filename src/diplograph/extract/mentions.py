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
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date

from ..registry import Entity
from ..text import FoldedText
from . import lexicon as lx
from .dates import DateMention
from .names import Mention
from .segment import Sentence

__all__ = ["ContactMention", "Document", "Hit"]

_PEOPLE = ("person", "group")
_ACTORS = ("person", "group", "country", "organisation")
_AR_OBJECT = re.compile(r"(?<![\w])(?:مع|من|الي|علي|عن|ب|ل|لدي|بين|و?نظيره|و?نظيرته)\s*$")
_EN_OBJECT = re.compile(r"\b(?:with|to|from|by|of|for|between|on)\s+(?:the\s+)?(?:[A-Z][\w.\-]*\s+){0,4}$")
#: Words of a title between two coordinated names ("Putin and U.S. President Obama").
_TITLE_WORDS = re.compile(r"^(?:\s*(?:[A-Z][\w.\-’']*|his|her|its|the|newly-elected|elected|former|counterpart|"
                          r"president(?:-elect)?|prime|minister|foreign|leader|[\u0621-\u064a]+))*\s*$")
_BETWEEN = re.compile(r"(?<![\w])بين(?![\w])|\bbetween\b", re.IGNORECASE)
_AND = re.compile(r"^[\s,،]*(?:و|and|&)?\s*$", re.IGNORECASE)
_ONLY_AND = re.compile(r"^\s*(?:و|and)\s*$", re.IGNORECASE)
#: Words that tell of earlier events ("وكان ... قد", "had", "previously").
_BACKGROUND = re.compile(r"(?<![\w])(?:كان|كانت|وكان|وكانت|سبق|سابق|سابقا|اخر|الاخير)(?![\w])|"
                         r"\b(?:had|previously|earlier|last|former|before)\b", re.IGNORECASE)


@dataclass
class Hit:
    """A trigger in the text."""

    start: int
    end: int
    trig: lx.Trig
    word: str  # the folded trigger words


@dataclass
class ContactMention:
    """A contact as one trigger tells it."""

    sentence: Sentence
    hit: Hit
    kind: str
    modality: str  # held | planned | possible | hope | negated | denied
    status: str | None
    people: list[Mention]
    evidence: tuple[int, int]
    date: DateMention | None = None
    date_how: str = "none"  # explicit | lead | context | anchored | none
    anaphoric: bool = False
    definite: bool = False
    new: bool = False
    reported: bool = False
    official: bool = False
    quantified: bool = False
    frame: tuple[int, int] = (0, 0)
    anchor: tuple[int, int] | None = None  # (offset in days, index of the anchoring mention in the sentence or -1)
    denier: Entity | None = None
    subject: Mention | None = None
    extra: list[list[Mention]] = field(default_factory=list)  # further partners' contacts ("met A, B and C")


class Document:
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
        self.text = text
        self.mentions = mentions
        self.dates = dates
        self.published = published
        self.titles = titles or []
        self.fx = FoldedText(text)
        self.body_sentences = 0
        self.last_people: list[Mention] = []  # the people of the last contact, for anaphors
        self.last_subject: Mention | None = None  # the last contact's subject, for "his" ("لقائه")
        self.prev: ContactMention | None = None  # the mention before, in the same sentence
        self.narrative: tuple[int, DateMention] | None = None  # the last day the page's narration named
        self.denials: list[tuple[int, Entity | None]] = []  # sentences denying a report they do not restate

    # -- folded-text helpers --

    def fspan(self, start: int, end: int) -> tuple[int, int]:
        offs = self.fx.offsets
        return min(bisect_left(offs, start), len(offs) - 1), min(bisect_left(offs, end), len(offs) - 1)

    def folded(self, start: int, end: int) -> str:
        a, b = self.fspan(start, end)
        return self.fx.folded[a:b]

    def search(self, pattern: re.Pattern[str], start: int, end: int) -> list[tuple[int, int]]:
        a, b = self.fspan(start, end)
        offs = self.fx.offsets
        return [(offs[a + m.start()], offs[a + m.end() - 1] + 1) for m in pattern.finditer(self.fx.folded[a:b])
                if m.end() > m.start()]

    def words_before(self, pos: int, limit: int, n: int) -> str:
        """Up to *n* folded words before *pos*, not crossing *limit*."""
        return " ".join(self.folded(limit, pos).split()[-n:])

    def words_after(self, pos: int, limit: int, n: int) -> str:
        return " ".join(self.folded(pos, limit).split()[:n])

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
        for i, h in enumerate(hits):
            left = max(s.start, hits[i - 1].end if i else s.start, self._boundary_before(h.start, s.start))
            right = min(s.end, hits[i + 1].start if i + 1 < len(hits) else s.end, self._boundary_after(h.end, s.end))
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

        Only a date no trigger of its sentence takes is the narration's.
        """
        frames = [m.frame for m in found]
        days = [d for d in self.dates if s.start <= d.start < s.end and d.precision in ("day", "month")
                and d.kind not in ("anchored", "range") and d.first_day() <= self.published
                and not self._words_date(d, s) and not any(a <= d.start < b for a, b in frames)]
        if days:
            self.narrative = (s.index, days[-1])

    def _boundary_before(self, pos: int, start: int) -> int:
        chunk = self.text[start:pos]
        cut = max(chunk.rfind("؛"), chunk.rfind(";"))
        return start + cut + 1 if cut >= 0 else start

    def _boundary_after(self, pos: int, end: int) -> int:
        chunk = self.text[pos:end]
        cuts = [c for c in (chunk.find("؛"), chunk.find(";")) if c >= 0]
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
            m2.entity.kind == "organisation" and self._speaker(m2, s) for m2 in self._people(s.start, s.end, _ACTORS))
        self._participants(m, s)
        self._date(m, s)
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
        if self._purpose(s, h):
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
        """"وصل ... للقاء", "arrived in ... to meet": a contact that is a journey's purpose."""
        lead = self.folded(s.start, h.start)
        prefixed = (h.word[:1] == "ل" and not h.word.startswith(("لقاء", "لقائ", "لقاؤ", "لتقي"))) or \
            bool(re.search(r"(?<![\w])ل(?:حضور|لمشاركه|عقد|اجراء|بحث)\s*$", lead))
        to = bool(re.search(r"\bto\s*$", lead)) and not h.trig.noun
        return (prefixed or to) and bool(lx.TRAVEL.search(lead))

    # -- participants --

    def _people(self, start: int, end: int, kinds: tuple[str, ...] = _PEOPLE) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end and m.entity.kind in kinds]

    def _speaker(self, m: Mention, s: Sentence) -> bool:
        """Whether *m* names who speaks ("قال الكرملين", "Peskov said", "according to X")."""
        after = self.text[m.end:min(s.end, m.end + 80)]
        if re.match(r"\s*(?:[،,][^،,.]{1,40}[،,]|[،,])?\s*(?:الي |الى |إلى )?(?:ب?أن|أن|إن)ه(?![\w])|"
                    r"\s*[,]?\s*(?:that )?he\b|"
                    r"\s*(?:said|says|told \w+|added|stated)\s+(?:that\s+)?(?:he|she)\b|"
                    r"\s*(?:،\s*)?(?:إن|أن|ان)\s+\S+ه(?![\w])", after):
            return False  # "أشار ترامب إلى أنه اتفق", "X said he was ready", "قال X إن اتصاله": of himself
        before = self.words_before(m.start, s.start, 3)
        verbs = list(lx.ATTRIBUTION.finditer(before))
        if verbs and not re.search(r"(?<![\w])(?:ان|بان|انه)(?![\w])|\bthat\b", before[verbs[-1].end():]):
            # "أعلن ترامب عن خططه للقاء X": he announces his own plan
            return not re.match(r"\s*(?:عن\s+)?\S+(?:ه|ها)\s+ل", self.folded(m.end, min(s.end, m.end + 30)))
        return bool(re.match(r"[\s,’'s]*(?:\(\w+\)\s*)?(?:said|says|told|added|stated|noted|tweeted|wrote|confirmed)\b",
                             after))

    def _adjectival(self, m: Mention) -> bool:
        """"US President Donald Trump", "رئيس الصين، شي جين بينغ": a country that qualifies the person after it."""
        if m.entity.kind != "country":
            return False
        nxt = next((p for p in self.mentions if p.start >= m.end and p.entity.kind in _PEOPLE), None)
        if nxt is None or nxt.start - m.end > 40:
            return False
        gap = self.text[m.end:nxt.start]
        return not re.search(r"[.;؛]|(?<![\w])(?:و|and)\s", gap) and len(gap.split()) <= 4

    def _excluded(self, m: Mention, s: Sentence, frame: tuple[int, int]) -> bool:
        if self._adjectival(m):
            return True
        if self._speaker(m, s):
            return True
        if lx.ATTENDING.search(self.words_before(m.start, max(s.start, m.start - 120), 8)) and \
                not lx.CONDUCT.search(self.words_before(m.start, max(s.start, m.start - 40), 2)):
            return True
        if lx.RELATIONAL.search(self.folded(max(s.start, m.start - 12), m.start)):
            return True
        if re.search(r"(?:بدعوه من|لدعوه من|بدعوه|\bat the invitation of|\binvited by)\s*(?:\S+\s+){0,3}$",
                     self.folded(max(s.start, m.start - 50), m.start)):
            return True  # "بدعوة من الرئيس الروسي X": the host who invited, not a party to the arrival
        if any(a <= m.start and m.end <= b for a, b in self.titles):
            return True  # "مستشار السياسة الخارجية للرئيس فلاديمير بوتين": inside someone's title
        return bool(m.entity.note and lx.SPEAKER_TITLE.search(m.entity.note))

    def _object(self, m: Mention, lo: int) -> bool:
        """Whether *m* stands after a preposition ("مع X", "with X"): an object, not a subject."""
        before = self.folded(max(lo, m.start - 14), m.start)
        attached = m.start >= 1 and self.text[m.start - 1] in "بل" and (
            m.start < 2 or not self.text[m.start - 2].isalpha() or self.text[m.start - 2] in "وف")
        english = self.text[max(lo, m.start - 40):m.start]
        return bool(_AR_OBJECT.search(before) or _EN_OBJECT.search(english)) or attached

    def _participants(self, m: ContactMention, s: Sentence) -> None:
        lo, hi = m.frame
        h = m.hit
        left = [p for p in self._people(lo, h.start) if not self._excluded(p, s, m.frame)]
        right = [p for p in self._people(h.end, hi) if not self._excluded(p, s, m.frame)]
        between = self._between(h, hi)
        if between:
            m.people = between
            return
        if m.definite and h.trig.noun and not lx.CONDUCT.search(self.words_before(h.start, lo, 3)):
            left = []  # "هذه المفاوضات", "the call": a re-mention names its people after it, if at all
            right = [p for p in right if self._object(p, h.end) or p.start - h.end <= 3]
        subject, partners = self._roles(m, left, right)
        if subject is None and partners and all(p.start > h.end for p in partners) and self.prev is not None and \
                self.prev.subject is not None and self.prev.subject.entity.id not in {p.entity.id for p in partners}:
            subject = self.prev.subject  # "وصل X ...، يجري خلالها محادثات مع Y": the subject goes on
        pronoun = h.trig.noun and bool(re.search(r"(?:ه|ها)$", self.text[h.start:h.end].rstrip("\u064b-\u0652")))
        if subject is None and pronoun:
            said = [p for p in self._people(s.start, h.start) if self._speaker(p, s) or p.start < h.start]
            own = said[-1] if said and re.search(r"(?<![\w])(?:إن|ان|أن)\s*$",
                                                 self.text[said[-1].end:h.start].strip() + " ") is None else None
            holder = own or self.last_subject
            if holder is not None and holder.entity.id not in {p.entity.id for p in partners}:
                subject = holder  # "لقائه مع Y", "في استقباله", "قال X إن اتصاله": his
        people = ([subject] if subject else []) + [p for p in partners
                                                   if not subject or p.entity.id != subject.entity.id]
        people = _unique(people)
        if len(people) < 2 and re.search(r"\b(?:their|both)\s+(?:\S+\s+){0,3}$", self.text[max(s.start, h.start - 60):
                                                                                     h.start], re.IGNORECASE):
            named = [p for p in self._people(s.start, s.end) if not self._excluded(p, s, m.frame)]
            if len({p.entity.id for p in named}) >= 2:
                people, m.anaphoric = _unique(named), True  # "in their first face-to-face meeting"
        if len(people) < 2 and self.last_subject is not None and re.search(
                r"(?<![\w])[وف]?(?:سموه|فخامته|سيادته|معاليه|جلالته)(?![\w])", self.folded(lo, hi)) and \
                self.last_subject.entity.id not in {p.entity.id for p in people}:
            people = _unique([self.last_subject, *people])  # "وعقد سموه والرئيس الأمريكي جلسة مباحثات"
        if len(people) < 2:
            anaphor = self._anaphor(m, s)
            if anaphor:
                m.anaphoric = True
                people = _unique(anaphor + people)
        listed_before = partners and partners[0].end <= h.start  # "A, B and C met": one meeting of the three
        if len(people) >= 3 and subject is not None and len(partners) >= 2 and not self._joint(m, partners) and \
                not self._and(subject.end, partners[0].start) and not listed_before:
            m.people = [subject, partners[0]]
            m.extra = [[subject, p] for p in partners[1:] if p.entity.id != subject.entity.id]
        else:
            m.people = people
        m.subject = subject
        if subject is not None:
            self.last_subject = subject

    def _between(self, h: Hit, hi: int) -> list[Mention]:
        """"talks between Russia and Ukraine", "بين بوتين وترامب": the named parties, people or states."""
        for _, end in self.search(_BETWEEN, h.end, min(hi, h.end + 40)):
            after = [p for p in self._people(end, hi, _ACTORS) if p.start - end <= 60 and not self._adjectival(p)]
            chain: list[Mention] = []
            for p in after:
                if chain and not _AND.match(self.text[chain[-1].end:p.start]) and \
                        not self._title_between(chain[-1].end, p.start):
                    break
                chain.append(p)
            if len(chain) >= 2:
                return _unique(chain)
        return []

    def _title_between(self, a: int, b: int) -> bool:
        """Whether only a title separates two names ("بين بوتين والرئيس الأمريكي ترامب")."""
        gap = self.folded(a, b)
        return len(gap.split()) <= 4 and bool(re.match(r"^\s*(?:و|and\s)", gap))

    def _roles(self, m: ContactMention, left: list[Mention], right: list[Mention]) -> tuple[
            Mention | None, list[Mention]]:
        """The trigger's subject and partners."""
        h = m.hit
        english = h.word.isascii()
        lo = m.frame[0]
        subjects = [p for p in left if not self._object(p, lo)]
        subject = subjects[-1] if subjects else None
        if subject is not None and not english and not h.trig.noun and (
                len(self.folded(subject.end, h.start).split()) > 3
                or re.search(r"[،,]", self.text[subject.end:h.start])):
            subject = None  # an Arabic verb's subject follows it, unless it stands right before
        if not english and not h.trig.noun and self.prev is not None and self.prev.subject is not None and \
                re.search(r"(?<![\w])(?:كما|ثم|بعدها|وبعدها)\s*$", self.words_before(h.start, lo, 1) + " "):
            subject = self.prev.subject  # "حيث استقبل X، كما استقبل Y": the same host
            return subject, _unique([p for p in right if p.entity.id != subject.entity.id])
        if subject is None and not english and not h.trig.noun and len(right) == 1 and subjects and \
                not re.search(r"[.؛;]", self.text[subjects[-1].end:h.start]):
            subject = subjects[-1]  # "مقابلتين للرئيس X، حيث استقبل Y": one name after the verb is its object
        elif subject is None and not english and not h.trig.noun and right:
            subject, right = right[0], right[1:]
        if subject is None and h.trig.noun and not english:
            light = [p for p in right if not self._object(p, h.end)]
            if light and lx.CONDUCT.search(self.words_before(h.start, lo, 4)):
                subject = light[0]
                right = [p for p in right if p is not subject]
        if english and h.trig.noun and subject is not None and not lx.CONDUCT.search(
                self.folded(subject.end, h.start)) and not re.match(r"(?:’s|'s|\s)*$", self.text[subject.end:h.start]):
            subject = None  # "..., and another call followed": an English noun's subject holds it or owns it
        right = self._chain(right)
        if subject is not None:
            co = self._co_subjects(subjects, subject)
            if co:
                return co[0], _unique([*co[1:], subject, *right])
        return subject, _unique(right if subject is not None or len(right) >= 2 else left + right)

    def _and(self, a: int, b: int) -> bool:
        """Whether two names are coordinated: only "and"/"و" and title words between them, no comma."""
        gap = self.text[a:b]
        m = re.match(r"^\s*(?:and|و)\s*", gap)
        return m is not None and len(gap.split()) <= 6 and bool(_TITLE_WORDS.match(gap[m.end():]))

    def _co_subjects(self, subjects: list[Mention], subject: Mention) -> list[Mention]:
        """"A, B and C met", "الرئيسان X وY": the subjects listed before the last one."""
        out: list[Mention] = []
        nxt = subject
        for p in reversed(subjects[:-1]):
            gap = self.text[p.end:nxt.start]
            if not (self._and(p.end, nxt.start) or ((out or self._and(nxt.end, nxt.end)) and
                    re.fullmatch(r"\s*[,،]\s*(?:and\s+|و)?", gap)) or re.fullmatch(r"\s*[,،]\s*", gap)):
                break
            out.insert(0, p)
            nxt = p
        if out and not self._and(out[-1].end, subject.start) and not re.search(r"\band\b|(?<![\w])و",
                                                                             self.text[out[-1].end:subject.start]):
            return []  # a list joined by commas alone is no coordination
        return out

    def _chain(self, people: list[Mention]) -> list[Mention]:
        """The partners a trigger names: the first, and those listed with it ("X، وY", "X and Y").

        A name after a phrase of another role ("بعد الإفراج عن X", "after the release of X") ends the list.
        """
        out = people[:1]
        for p in people[1:]:
            gap = self.folded(out[-1].end, p.start)
            if not re.search(r"[,،]|(?<![\w])و|\band\b", gap) or re.search(
                    r"(?<![\w])(?:عن|بعد|قبل|حول|بشان|ضد|الذي|التي|منذ|بسبب)(?![\w])|\b(?:about|after|before|regarding|"
                    r"against|following|because|since|which|who|that|while)\b", gap):
                break
            out.append(p)
        return out

    def _joint(self, m: ContactMention, partners: list[Mention]) -> bool:
        """A joint meeting ("breakfast with A and B", "مع A و B"), not one contact per partner."""
        if lx.JOINT.search(self.folded(m.frame[0], m.frame[1])) or "استقبال" in m.hit.word:
            return True  # a working breakfast, a reception party ("كان في استقباله X، وY")
        return len(partners) == 2 and bool(_ONLY_AND.match(self.text[partners[0].end:partners[1].start]))

    def _anaphor(self, m: ContactMention, s: Sentence) -> list[Mention]:
        """"لقائهما", "الزعيمان", "the two leaders": the people of the contact before."""
        h = m.hit
        with_someone = re.search(r"(?<![\w])مع(?![\w])|\bwith\b", self.folded(h.end, m.frame[1]))
        if m.new and not with_someone and re.search(r"(?<![\w])(?:اخري|اخر|مجددا|مره اخري)(?![\w])|"
                                                    r"\b(?:another|again)\b",
                                                    self.folded(m.frame[0], m.frame[1])) and \
                len({p.entity.id for p in self.last_people}) >= 2:
            return list(self.last_people)  # "and another call followed": the same two again
        verb_dual = not h.trig.noun and not h.word.isascii() and len(h.word) > 4 and h.word.endswith(("ان", "يا", "ا"))
        dual = verb_dual or h.word.endswith(("هما", "كما")) or bool(lx.DUAL.search(self.folded(m.frame[0], m.frame[1])))
        if dual and len({p.entity.id for p in self.last_people}) >= 2:
            return list(self.last_people)
        return []

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
        return bool(verb and re.match(r"\s*[،,]?\s*(?:ان|بان|that)\b", self.folded(d.end, s.end)))

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
        elif m.modality == "held" and self.narrative is not None and s.index - self.narrative[0] <= 2 and \
                not _BACKGROUND.search(self.folded(s.start, h.start)):
            m.date, m.date_how = self.narrative[1], "context"  # the day the narration has just named

    def _near(self, h: Hit, d: DateMention) -> bool:
        """A date not inside a relative clause after the trigger ("... الحرب التي أحيت روسيا ذكراها في مايو")."""
        if d.end <= h.start:
            return True
        between = self.folded(h.end, d.start)
        rel = re.search(r"(?<![\w])(?:التي|الذي|الذين|اللذين|اللتين)(?![\w])|\b(?:which|who|whose)\b", between)
        return rel is None or len(between[:rel.start()].split()) <= 1  # "الاتصال الذي جرى ... الجمعة": its own

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
            after = [p for p in self._people(b, h.start, _ACTORS) if p.start - b <= 40]
            before = list(self._people(s.start, a, _ACTORS))
            english = self.text[a:b].isascii()  # "The Kremlin denied reports that X": the subject comes first
            for found, pick in ((before, -1), (after, 0)) if english else ((after, 0), (before, -1)):
                if found:
                    return found[pick].entity
        speakers = [p for p in self._people(s.start, s.end, _ACTORS) if self._speaker(p, s)]
        return speakers[0].entity if speakers else None


def _unique(people: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for p in people:
        if p.entity.id not in seen:
            seen.add(p.entity.id)
            out.append(p)
    return out
