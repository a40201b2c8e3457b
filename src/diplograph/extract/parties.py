"""Who takes part in a contact mention: the trigger's subject and partners, read in its frame.

A speaker ("قال X"), someone who only attends ("بحضور X"), a spokesman, a
person named inside another's title ("مستشار الرئيس X") or as a relation
("صهر X") is no party. Several partners after one subject are several
contacts ("met A, B and C"), unless the meeting is a joint one ("a working
breakfast with A and B"); an anaphor ("الزعيمان", "لقائهما", "the two
leaders") names the people of the contact before.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from .frames import ContactMention, Hit, TextView
from .names import Mention
from .segment import Sentence

__all__ = ["ACTORS", "PEOPLE", "Parties"]

PEOPLE = ("person", "group")
ACTORS = ("person", "group", "country", "organisation")
_AR_OBJECT = re.compile(r"(?<![\w])(?:مع|من|الي|علي|عن|ب|ل|لدي|بين|و?نظيره|و?نظيرته)\s*$")
_EN_OBJECT = re.compile(r"\b(?:with|to|from|by|of|for|between|on)\s+(?:the\s+)?(?:[A-Z][\w.\-]*\s+){0,4}$")
#: Words of a title between two coordinated names ("Putin and U.S. President Obama").
_TITLE_WORDS = re.compile(r"^(?:\s*(?:[A-Z][\w.\-’']*|his|her|its|the|newly-elected|elected|former|counterpart|"
                          r"president(?:-elect)?|prime|minister|foreign|leader|[\u0621-\u064a]+))*\s*$")
_BETWEEN = re.compile(r"(?<![\w])بين(?![\w])|\bbetween\b", re.IGNORECASE)
_AND = re.compile(r"^[\s,،]*(?:و|and|&)?\s*$", re.IGNORECASE)
_ONLY_AND = re.compile(r"^\s*(?:و|and)\s*$", re.IGNORECASE)

#: "He also met", "and she later spoke": an English pronoun as the subject of the verb after it.
_PRONOUN_SUBJECT = re.compile(r"(?:^|[.;,]\s*|\b(?:and|that|said|says)\s+)(?:he|she)\s+(?:[a-z]+\s+){0,2}$",
                              re.IGNORECASE)
#: "he is expected to hold": a pronoun and the words after it, up to a contact noun (a verb of holding among them).
_PRONOUN_BEFORE_NOUN = re.compile(r"\b(?:he|she)\s+((?:[\w-]+\s+){1,8})$", re.IGNORECASE)

#: What joins the names of a list ("X، Y", "X وY", "X and Y").
_LIST_JOINER = re.compile(r"[,،]|(?<![\w])و|\band\b")
#: The end of a title a name is part of ("ممثلا خاصا للرئيس", "envoy of the"): the name is not a partner.
_IN_TITLE = re.compile(r"(?<![\w])ل\S+\s*$|\b(?:of|to)\s+(?:the\s+)?\w+\s*$")

#: "will visit", "plans to call": an English trigger noun used as a verb, after a modal or "to".
_VERB_USE = re.compile(r"\b(?:will|would|shall|to|did|does|do|may|might|must|can|could)\s+(?:\w+\s+)?$",
                       re.IGNORECASE)


class Parties(TextView):
    """The participant rules of a document's contact mentions."""

    # -- participants --

    def _people(self, start: int, end: int, kinds: tuple[str, ...] = PEOPLE) -> list[Mention]:
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
        if verbs and not re.search(r"(?<![\w])(?:ان|بان|انه)(?![\w])|\b(?:that|he|she|they|we|i)\b",
                                   before[verbs[-1].end():]):  # "said he met X": X is whom he met
            # "أعلن ترامب عن خططه للقاء X": he announces his own plan
            return not re.match(r"\s*(?:عن\s+)?\S+(?:ه|ها)\s+ل", self.folded(m.end, min(s.end, m.end + 30)))
        return bool(re.match(r"[\s,’'s]*(?:\(\w+\)\s*)?(?:said|says|told|added|stated|noted|tweeted|wrote|confirmed)\b",
                             after))

    def _adjectival(self, m: Mention) -> bool:
        """"US President Donald Trump", "رئيس الصين، شي جين بينغ": a country that qualifies the person after it."""
        if m.entity.kind != "country":
            return False
        nxt = next((p for p in self.mentions if p.start >= m.end and p.entity.kind in PEOPLE), None)
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
        if subject is None and partners and all(p.start > h.end for p in partners):
            subject = self._carried_subject(m, left, partners)
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

    def _carried_subject(self, m: ContactMention, left: list[Mention], partners: list[Mention]) -> Mention | None:
        """The subject a trigger without one takes from the contact before it.

        "وصل X ...، يجري خلالها محادثات مع Y": the subject of the sentence goes on; "He also met Y": an English
        pronoun before the verb ("he will hold a meeting") is the last contact's subject (read as an anaphor, so
        with less confidence).
        """
        ids = {p.entity.id for p in partners}
        if self.prev is not None and self.prev.subject is not None and self.prev.subject.entity.id not in ids:
            return self.prev.subject
        h = m.hit
        if not h.word.isascii() or left or self.last_subject is None or \
                self.last_subject.entity.id in ids or self.last_subject.entity.kind != "person":
            return None
        lead = self.text[m.frame[0]:h.start]
        if h.trig.noun:
            held = _PRONOUN_BEFORE_NOUN.search(lead)
            pronoun = held is not None and bool(lx.CONDUCT.search(held.group(1)))
        else:
            pronoun = bool(_PRONOUN_SUBJECT.search(lead))
        if pronoun:
            m.anaphoric = True
            return self.last_subject
        return None

    def _between(self, h: Hit, hi: int) -> list[Mention]:
        """"talks between Russia and Ukraine", "بين بوتين وترامب": the named parties, people or states."""
        for _, end in self.search(_BETWEEN, h.end, min(hi, h.end + 40)):
            after = [p for p in self._people(end, hi, ACTORS) if p.start - end <= 60 and not self._adjectival(p)]
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
        if self.prev is not None and self.prev.subject is not None and self._continues(m):
            subject = self.prev.subject  # "حيث استقبل X، كما استقبل Y", "X met Y before meeting Z": the same host
            return subject, _unique([p for p in right if p.entity.id != subject.entity.id])
        if subject is None and not english and not h.trig.noun and len(right) == 1 and subjects and \
                not re.search(r"[.؛;]", self.text[subjects[-1].end:h.start]):
            subject = subjects[-1]  # "مقابلتين للرئيس X، حيث استقبل Y": one name after the verb is its object
        elif subject is None and not english and not h.trig.noun and right:
            subject, right = right[0], right[1:]
        if subject is None and h.trig.noun and not english:
            light = [p for p in right if not self._object(p, h.end)]
            if light and (lx.CONDUCT.search(self.words_before(h.start, lo, 4)) or self._genitive(h, light[0], right)):
                subject = light[0]  # "أجرى X محادثات مع Y", "محادثات X مع Y": the noun's holder, then its partners
                right = [p for p in right if p is not subject]
        if english and h.trig.noun and subject is not None and not lx.CONDUCT.search(
                self.folded(subject.end, h.start)) and not re.match(r"(?:’s|'s|\s)*$", self.text[subject.end:h.start]) \
                and not _VERB_USE.search(self.folded(subject.end, h.start)):
            subject = None  # "..., and another call followed": an English noun's subject holds it or owns it
        if subject is not None and h.trig.noun and not right:
            # "وجه X دعوة لY لزيارة", "تلقى X دعوة من Y لزيارة": the partner stands between the subject and the noun
            right = [p for p in left if p.start > subject.end and self._object(p, lo)]
            if not right and len(subjects) >= 2 and lx.INVITED.search(self.folded(subjects[-2].end, h.start)):
                right = [subjects[-2]]  # "X accepted Y's invitation to visit": the invited and the inviter
        right = self._chain(right)
        if subject is not None:
            co = self._co_subjects(subjects, subject)
            if co:
                return co[0], _unique([*co[1:], subject, *right])
        return subject, _unique(right if subject is not None or len(right) >= 2 else left + right)

    def _genitive(self, h: Hit, holder: Mention, right: list[Mention]) -> bool:
        """"محادثات X مع Y": a name right after an Arabic noun, and a partner after "مع" after it."""
        gap = self.folded(h.end, holder.start).split()
        return len(gap) <= 2 and any(p.start > holder.end and self._object(p, holder.end) for p in right)

    def _continues(self, m: ContactMention) -> bool:
        """Whether the trigger goes on with the previous contact's subject.

        "كما استقبل", "ثم التقى" (an Arabic verb after "also", "then"); "before meeting", "after talking to"
        (an English gerund after a conjunction of time).
        """
        h = m.hit
        if h.trig.noun and not h.word.endswith("ing"):
            return False
        if h.word.isascii():
            return h.word.split()[0].endswith("ing") and bool(
                re.search(r"\b(?:before|after|while|since|upon|following|then)\s*$", self.folded(m.frame[0], h.start)))
        return bool(re.search(r"(?<![\w])(?:كما|ثم|بعدها|وبعدها)\s*$", self.words_before(h.start, m.frame[0], 1) + " "))

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
            listed = _LIST_JOINER.search(gap) is not None
            if not listed and _IN_TITLE.search(gap):
                continue  # "X ممثلا خاصا للرئيس Z، وY": Z is named in X's title, and the list goes on
            if not listed or re.search(
                    r"(?<![\w])(?:عن|بعد|قبل|حول|بشان|ضد|الذي|التي|منذ|بسبب)(?![\w])|\b(?:about|after|before|regarding|"
                    r"against|following|because|since|which|who|that|while)\b", gap):
                break
            out.append(p)
        return out

    def _joint(self, m: ContactMention, partners: list[Mention]) -> bool:
        """A joint meeting ("breakfast with A and B", "مع A و B"), not one contact per partner."""
        frame = self.folded(m.frame[0], m.frame[1])
        if lx.SEPARATE.search(frame) or (m.hit.trig.plural and m.hit.trig.kind != "indirectContact"):
            return False  # "met A and B separately", "bilateral meetings with A and B": one contact each
        if lx.JOINT.search(frame) or "استقبال" in m.hit.word:
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


def _unique(people: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for p in people:
        if p.entity.id not in seen:
            seen.add(p.entity.id)
            out.append(p)
    return out
