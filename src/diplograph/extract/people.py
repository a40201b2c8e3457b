"""People the registry does not know, found by the titles around their names.

A candidate is a name introduced by a title before it ("وزير الخارجية التركي
هاكان فيدان", "Polish President Andrzej Duda", "الأمير ويليام", "Mr. Moon")
or after it ("فوميو كيشيدا، رئيس الوزراء الياباني", "Mohammad Haneef Atmar,
Minister of Foreign Affairs"). A title may run over several words: a
nationality ("الهولندي", "Pakistan"), office words ("مجلس الوزراء",
"External Affairs"), a registry entity ("المتحدث باسم الكرملين"), an
honorific ("الأمير", "الدكتور"). Arabic names may hold article-words after
their first word ("صلاح الدين مزوار", "بشار الأسد"), but a name never starts
with one.

Each candidate gets a provisional entity (``new-1``, ``new-2`` ...; the name
as written for both labels) so that contacts can name them like any known
person; its later mentions by surname alone ("روته", "Kasuri") are found as
well. Candidates are for the reviewer: register them, or correct the name.

Examples
--------
>>> from diplograph.registry import Registry
>>> reg = Registry([], [], [])
>>> text = "التقى رئيس الوزراء الهولندي مارك روته الرئيس. وأجرى اجتماعا مع روته."
>>> [(c.name, c.title, len(c.mentions)) for c in find_people(text, reg, [])]
[('مارك روته', 'رئيس الوزراء الهولندي', 2)]
>>> [(c.name, c.title) for c in find_people("Polish President Andrzej Duda invited him.", reg, [])]
[('Andrzej Duda', 'Polish President')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Protocol

from ..registry import Entity, Registry
from ..text import FoldedText, normalize

__all__ = ["AR_HEADS", "AR_HONORIFICS", "AR_OFFICE", "Candidate", "Words", "find_people", "find_variants", "is_nisba",
           "skeleton"]


class _Known(Protocol):
    """A registry mention (:class:`.names.Mention`): where it stands and what it names."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def entity(self) -> Entity: ...


_LATIN = re.compile("[A-Za-z]")


@dataclass(frozen=True)
class Candidate:
    """A probable person the registry does not know, with the words that name them.

    ``similar_to`` is a registry person spelled alike but for long vowels
    ("فلاديمر بوتين" and "فلاديمير بوتين"): a hint for the reviewer, never a merge,
    since two people can be spelled alike ("محمد بن سلمان", "محمد بن سليمان").
    ``country`` is the country the title names, when the registry knows it;
    ``mentions`` every place the person is named (the first is the name).
    """

    name: str
    title: str
    start: int
    end: int
    similar_to: Entity | None = None
    country: Entity | None = None
    entity: Entity | None = None
    mentions: tuple[tuple[int, int], ...] = field(default_factory=tuple)
    title_span: tuple[int, int] | None = None


# -- Arabic --

#: Words that head a title ("وزير", "المتحدث"), folded and without a proclitic.
AR_HEADS = {normalize(w) for w in (
    "رئيس", "رئيسة", "الرئيس", "وزير", "وزيرة", "الوزير", "نائب", "مساعد", "مستشار", "المستشار", "مستشارة",
    "سفير", "السفير", "سفيرة", "قائد", "القائد", "المتحدث", "المتحدثة", "متحدث", "الناطق", "المبعوث", "مبعوث",
    "الأمين", "أمين", "ولي", "أمير", "ملك", "سلطان", "الملك", "الأمير", "الشيخ", "السلطان", "الفريق", "اللواء",
    "العميد", "الجنرال", "مدير", "المدير", "مديرة", "ممثل", "الممثل", "ممثلا", "ممثلاً", "نظيره", "نظيرته", "نظيرها",
    "وكيل", "محافظ", "زعيم", "الزعيم", "عاهل", "خادم", "المفوض", "مفوض", "رئيس", "حاكم", "الحاكم", "عضو",
    "السيد", "السيدة", "الدكتور", "الدكتورة",
)}
#: Honorifics that stand right before a name; one word of name is enough after them.
AR_HONORIFICS = {normalize(w) for w in ("الأمير", "الشيخ", "الملك", "السلطان", "السيد", "السيدة", "الدكتور",
                                         "الدكتورة", "د.", "المستشار", "الفريق", "اللواء", "العميد", "الجنرال")}
#: Office words a title runs over ("رئيس مجلس الوزراء", "المتحدث الرسمي باسم").
AR_OFFICE = {normalize(w) for w in (
    "الوزراء", "وزراء", "مجلس", "الخارجية", "خارجية", "الدفاع", "دفاع", "الداخلية", "الأمن", "القومي", "الجمهورية",
    "جمهورية", "العهد", "عهد", "الخاص", "الخاصة", "خاص", "خاصا", "خاصاً", "العام", "العامة", "الرسمي", "الرسمية",
    "الأعلى", "الأول", "أول", "المسلحة", "القوات", "الإعلام", "المالية", "الخزانة", "التجارة", "الاقتصاد", "الشؤون",
    "للشؤون", "السياسة", "لشؤون", "الأركان", "هيئة", "الحكومة", "حكومة", "الدولة", "دولة", "المراسم", "الملكية",
    "البلاد", "المفدى", "منطقة", "الوكالة", "وكالة", "القيادة", "المركزية", "الحرمين", "الشريفين", "النواب",
    "الشيوخ", "البرلمان", "الاتحاد", "المفوضية", "الأمم", "المتحدة", "للرئيس", "الرئاسة", "الرئاسي", "باسم",
    "لدى", "والمغتربين", "الإنتاج", "الحربي", "والإنتاج", "مكتب", "ديوان", "الديوان", "الأميري", "الملكي", "السمو",
    "سمو", "صاحب", "فخامة", "معالي", "دولة", "حضرة", "الاستخبارات", "المخابرات", "الإدارة", "الأسبق", "السابق",
    "السابقة", "الحالي", "الجديد", "المنتخب", "الانتقالي", "للسياسة", "للأمن", "الوطني", "الاستراتيجي",
)}
#: Office nouns that govern the noun after them ("وزراء بريطانيا", "ولي عهد الأردن", "منطقة الرياض").
_AR_CONSTRUCT = {normalize(w) for w in ("وزراء", "خارجية", "دفاع", "عهد", "مجلس", "هيئة", "وكالة", "منطقة", "دائرة",
                                        "جمهورية", "حكومة", "دولة", "مكتب", "ديوان", "شؤون", "لشؤون", "داخلية")}
#: Words that end a name (function words, verbs of reporting and meeting, nouns that follow titles).
_AR_STOP = {normalize(w) for w in (
    "في", "من", "إلى", "الى", "على", "عن", "مع", "أن", "إن", "بأن", "قد", "لقد", "التي", "الذي", "الذين", "خلال",
    "بعد", "قبل", "حيث", "كما", "وقال", "قال", "وأكد", "أكد", "يوم", "اليوم", "أمس", "بين", "هذا", "هذه", "ذلك", "تلك",
    "عبر", "منذ", "حول", "بشأن", "نحو", "أيضا", "أيضًا", "وذلك", "ثم", "لكن", "غير", "عند", "كل", "أي", "اي",
    "أبدى", "أعرب", "أعلن", "أشار", "أوضح", "شدد", "يتفق", "اتفق", "دعا", "وجه", "رحب", "بحث", "ناقش", "تلقى",
    "أجرى", "التقى", "استقبل", "زار", "أيد", "شكر", "يرى", "منفتح", "مستعد", "هاتفيا", "هاتفيًا", "اتصال",
    "اتصالا", "اتصالاً", "مكالمة", "زيارة", "جلسة", "كلمة", "رسالة", "دعوة", "لم", "لا", "ما", "لن", "هو", "هي",
    "الذي", "إنه", "انه", "بأنه", "وأن", "وأضاف", "أضاف", "وقالت", "قالت", "يلتقي", "سيلتقي", "يستقبل", "يجري",
    "بحضور", "وحضر", "حضر", "لدى", "عقب", "فور", "أثناء", "اثناء", "بينما", "حتى", "عندما", "لأن", "إذ", "بل",
    "مساء", "صباح", "ظهر", "عصر", "مساءً", "صباحاً", "ظهرا", "الجمعة", "السبت", "الأحد", "الاثنين", "الإثنين",
    "الثلاثاء", "الأربعاء", "الخميس", "كان", "كانت", "يكون", "بسبب", "استمر", "جرى", "جرت", "يأتي", "تأتي", "وصل",
    "غادر", "عاد", "يعتزم", "تعتزم", "سيعقد", "يعقد", "عقد", "ومن", "الآن", "بعد", "نفى", "نفت",
    # people told by their role, not their name: "مسؤول كبير", "مصدر دبلوماسي"
    "مسؤول", "مسؤولة", "مسؤولون", "مصدر", "مصادر", "دبلوماسي", "دبلوماسية", "كبير", "رفيع", "سابق", "مطلع",
)}
#: Nouns after which an honorific names a place, not a person ("مطار الملك خالد").
_AR_PLACE_NOUNS = {normalize(w) for w in ("مطار", "قصر", "جامعة", "مدينة", "شارع", "مستشفى", "قاعة", "مسجد", "جسر",
                                          "ميناء", "قاعدة", "مركز", "جائزة", "مؤسسة", "ساحة", "حي", "طريق")}
#: First words of Arabic compound names, after which an article-word still belongs to the name.
_AR_COMPOUND = {normalize(w) for w in ("عبد", "أبو", "ابو", "أبي", "صلاح", "نور", "سيف", "شمس", "عز", "علاء", "بدر",
                                       "زين", "جمال", "محيي", "تاج", "ضياء", "نصر", "حسام", "سعد", "عماد", "فخر",
                                       "خير", "شرف", "بن", "بنت", "آل", "ولد")}
_AR_WORD = re.compile("[\u0621-\u064a\u0640\u064b-\u0652\u0670]+")


def is_nisba(token: str) -> bool:
    """"الأمريكي", "الكيني", "الروسية": an adjective of nationality (or office) after a title."""
    t = normalize(token)
    return t.startswith("ال") and (t.endswith("ي") or t.endswith("يه")) and len(t) > 4


def _bare(token: str) -> str:
    """A folded word without a leading و/ف proclitic."""
    t = normalize(token)
    return t[1:] if len(t) > 3 and t[0] in "وف" and t[1:] in AR_HEADS else t


@dataclass
class Words:
    """The Arabic words of a text with their offsets, and what lies between them."""

    text: str
    spans: list[tuple[int, int]]

    @classmethod
    def of(cls, text: str) -> Words:
        return cls(text, [(m.start(), m.end()) for m in _AR_WORD.finditer(text)])

    def word(self, i: int) -> str:
        a, b = self.spans[i]
        return self.text[a:b]

    def gap(self, i: int) -> str:
        """What stands between word i and word i + 1."""
        return self.text[self.spans[i][1]:self.spans[i + 1][0]] if i + 1 < len(self.spans) else ""


def _verb_like(t: str) -> bool:
    """"استمر", "تناولت", "يظهر": a verb's shape, which a transliterated name does not have."""
    if t.startswith("است") and len(t) >= 5:
        return True
    if t[:1] == "ت" and t.endswith("ت") and len(t) >= 5:
        return True
    return len(t) == 4 and t[0] in "يت" and not set(t[1:3]) & set("اوي")


def _name_token(w: str, position: int, after: str) -> bool:
    t = normalize(w)
    bare = t[1:] if t[:1] in "وف" and len(t) >= 3 else t
    article = t.startswith("ال") and not w.startswith(("أل", "إل"))  # "ألكسندر" is a name, "الوزير" an article
    if len(t) < 2 or {t, bare} & (_AR_STOP | AR_HEADS | AR_OFFICE) or _verb_like(bare):
        return False
    hamza = w[1:].startswith(("أل", "إل"))  # "وألكسندر": "and Alexander", not "and the ..."
    if (t.startswith(("وال", "بال", "لل")) and not hamza) or (position == 0 and article):
        return False
    if position >= 1 and (w.rstrip("\u064b-\u0652").endswith("ة") or t.endswith(("يه", "ات"))) and len(t) > 3:
        return False  # "ويليام بجولة", "العلاقات": nouns, not surnames
    if article and position >= 2 and after not in _AR_COMPOUND:
        return False  # "وليام روتو الوفد": an article-word after two names is the next noun
    return not (article and position == 1 and after not in _AR_COMPOUND and t.endswith("يه"))


def _ar_name(words: Words, i: int, covered: list[tuple[int, int]], one_word: bool) -> int:
    """The index just past the name starting at word *i* (i when there is none)."""
    j = i
    while j < len(words.spans) and j - i < 6:
        a, b = words.spans[j]
        if any(x < b and a < y for x, y in covered):
            break
        prev = normalize(words.word(j - 1)) if j > i else ""
        if not _name_token(words.word(j), j - i, prev):
            break
        if j > i and not words.gap(j - 1).isspace():
            break
        if j - i >= 3 and prev not in _AR_COMPOUND and normalize(words.word(j)) not in _AR_COMPOUND:
            break  # a fourth word only inside a compound ("محمد بن عبد الرحمن آل ثاني")
        j += 1
        if not words.gap(j - 1).isspace():
            break
    if j > i and normalize(words.word(j - 1)) in _AR_COMPOUND:
        j -= 1  # a name does not end on "بن" or "عبد"
    return j if j - i >= (1 if one_word else 2) else i


def _definite(token: str) -> bool:
    t = normalize(token)
    return t.startswith("ال") or (t.endswith(("ه", "ها", "هم")) and t in AR_HEADS)


def _ar_title_end(words: Words, i: int, mentions: list[tuple[int, int, str]]) -> tuple[int, bool]:
    """Past the words of a title starting at word *i* (i when a known person ends it); whether an honorific ends it.

    A title runs over office words, adjectives of nationality, further heads
    ("نائب رئيس مجلس الوزراء، وزير الخارجية"), the noun after an indefinite head
    ("ولي عهد بريطانيا", "وزير خارجية قطر") and known places, countries and
    organisations ("المتحدث باسم الكرملين").
    """
    j, honorific = i + 1, _bare(words.word(i)) in AR_HONORIFICS
    genitive = not _definite(words.word(i)) and not honorific
    while j < len(words.spans):
        t, a = normalize(words.word(j)), words.spans[j][0]
        gap = words.gap(j - 1)
        if not gap.isspace() and (not re.fullmatch(r"\s*[،,]\s*", gap) or
                                  _bare(words.word(j)) not in AR_HEADS | AR_HONORIFICS):
            return j, honorific
        inside = next((m for m in mentions if m[0] <= a < m[1]), None)
        if inside is not None:
            if inside[2] in ("person", "group"):
                return i, False  # "الرئيس الفرنسي إيمانويل ماكرون": the title's holder is known
            while j < len(words.spans) and words.spans[j][0] < inside[1]:
                j += 1
            if inside[2] == "country" and j < len(words.spans) and words.gap(j - 1).isspace() and \
                    normalize(words.word(j))[:1] == "ل" and normalize(words.word(j)) not in _AR_STOP | AR_OFFICE \
                    and _bare(words.word(j)) not in AR_HEADS:
                # "المملكة المتحدة لبريطانيا العظمى وإيرلندا الشمالية": the rest of the country's long name
                while j < len(words.spans) and words.gap(j - 1).isspace():
                    j += 1
                return j, False
            honorific = genitive = False
            continue
        bare = _bare(words.word(j))
        if genitive and t not in _AR_STOP:
            j, genitive = j + 1, False  # "ولي عهد بريطانيا": the noun an indefinite head governs
            continue
        if t in AR_OFFICE or is_nisba(words.word(j)) or bare in AR_HEADS or t.startswith("لل") or \
                (t[:1] == "و" and (t[1:] in AR_OFFICE or is_nisba(t[1:]))):
            honorific = bare in AR_HONORIFICS
            genitive = (bare in AR_HEADS and not _definite(words.word(j)) and not honorific) or t in _AR_CONSTRUCT
            if t in ("لدى", "باسم"):
                genitive = True
            j += 1
            continue
        break
    return j, honorific


def _country_of(title: str, registry: Registry) -> Entity | None:
    """The registry country a title names or whose nationality it gives ("التركي", "of China")."""
    folded = FoldedText(title)
    stems = {normalize(w)[2:].removesuffix("يه").removesuffix("ي") for w in title.split() if is_nisba(w)}
    for e in registry.entities.values():
        if e.kind != "country":
            continue
        for name in (e.en, e.ar, *e.aliases):
            key = normalize(name).removeprefix("ال").removesuffix("ا").removesuffix("ه")
            if folded.mentions(name) or (len(key) >= 3 and key in stems) or \
                    (_LATIN.search(name) and re.search(rf"\b{re.escape(name)}(?:n|an|ian|ese|ish|i)?\b", title)):
                return e
    return None


def _arabic(text: str, mentions: list[tuple[int, int, str]]) -> Iterator[tuple[int, int, int, int]]:
    """(start, end, title start, title end) of each Arabic name after or before a title."""
    words = Words.of(text)
    covered = [(a, b) for a, b, _ in mentions]
    n = len(words.spans)
    for i in range(n):
        if _bare(words.word(i)) not in AR_HEADS or (
                i and normalize(words.word(i - 1)).lstrip("وفبل") in _AR_PLACE_NOUNS):
            continue
        end, honorific = _ar_title_end(words, i, mentions)
        if end == i or end >= n:
            continue
        if words.word(end)[:2] in ("وأ", "وإ") and not words.gap(end - 1).isspace():
            continue  # "نائب وزير الخارجية، وألكسندر ...": the next person of a list, not the title's holder
        stop = _ar_name(words, end, covered, honorific)
        if stop > end:
            yield words.spans[end][0], words.spans[stop - 1][1], words.spans[i][0], words.spans[end - 1][1]
    yield from _arabic_title_after(words, mentions)


#: Verbs a name with its title after it follows: "قال مارتن بيرغ، وزير خارجية السويد".
_AR_VERB_BEFORE = re.compile(r"^[وف]?(?:قال|اكد|اضاف|اعلن|اوضح|صرح|التقي|التقت|استقبل|بحث|اجري|اجرت|تلقي|تلقت|اتصل|"
                             r"زار|هاتف|شدد|اشار)(?:ت)?$")


def _arabic_title_after(words: Words, mentions: list[tuple[int, int, str]]) -> Iterator[tuple[int, int, int, int]]:
    """"فوميو كيشيدا، رئيس الوزراء الياباني": a name at a clause's start, a title right after it."""
    covered = [(a, b) for a, b, _ in mentions]
    n = len(words.spans)
    for i in range(n):
        w = normalize(words.word(i))
        if w in AR_HEADS or w.startswith("ال"):
            continue
        before = words.text[words.spans[i - 1][1]:words.spans[i][0]] if i else ""
        opens = i == 0 or bool(re.search(r"[،,.:؛(«\"]\s*$", before)) or normalize(words.word(i - 1)) in ("من", "مع") \
            or bool(_AR_VERB_BEFORE.match(normalize(words.word(i - 1))))
        starts_with_and = w.startswith("و") and len(w) > 3
        if not (opens or starts_with_and):
            continue
        stop = _ar_name(words, i, covered, False)
        if stop == i or stop >= n or stop - i > 4 or not re.fullmatch(r"\s*[،,]?\s*", words.gap(stop - 1)):
            continue
        head = _bare(words.word(stop))
        if head not in AR_HEADS or head in AR_HONORIFICS:
            continue
        proclitic = starts_with_and and (not opens or words.word(i)[1:2] in ("أ", "إ"))  # "، وألكسندر"
        a = words.spans[i][0] + (1 if proclitic else 0)
        end_title, _ = _ar_title_end(words, stop, mentions)
        end_title = max(end_title, stop + 1)
        yield a, words.spans[stop - 1][1], words.spans[stop][0], words.spans[end_title - 1][1]


# -- English --

_EN_TITLE = (
    r"(?:(?:Vice|Deputy|Acting|Former|former|Interim|Crown|Prime|Foreign|Defen[cs]e|Finance|Trade|Interior|Home|"
    r"Treasury|Strategic\s+Affairs|External\s+Affairs|Foreign\s+Affairs|Energy|Economy|Commerce|Health|Justice|"
    r"foreign|prime|defen[cs]e|"
    r"Security|Kremlin|White\s+House|Presidential|press|Press|Union|Federal|UN|U\.N\.|EU|NATO|State|Special|special|"
    r"National\s+Security|Chief|Senior|senior)\s+)*"
    r"(?:President|Premier|Prime\s+Minister|Minister|(?<=foreign\s)minister|(?<=prime\s)minister|"
    r"(?<=defence\s)minister|(?<=defense\s)minister|Secretary(?:-General|\s+General|\s+of\s+State)?|Chancellor|"
    r"King|Queen|Prince|Princess|Emir|Sheikh|Sultan|Pope|Ambassador|Envoy|envoy|Adviser|Advisor|adviser|"
    r"Spokesman|spokesman|Spokeswoman|spokeswoman|Spokesperson|spokesperson|Secretary|secretary|aide|Aide|"
    r"Director|Governor|Senator|Gen\.|General|Admiral|Commander|Chairman|Speaker|Mayor|leader|Leader|dictator|"
    r"counterpart|FM|EAM|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)")
_STRONG = re.compile(r"(?:President|Premier|Chancellor|King|Queen|Prince|Princess|Emir|Sheikh|Sultan|Pope|Mr\.?|"
                     r"Mrs\.?|Ms\.?|Dr\.?)$")
_EN_PARTICLE = r"(?:bin|bint|ibn|al|el|da|de|del|van|von|der|le|la|di|abu|Al)"
_EN_TOKEN = r"(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.?(?=\s))"
_EN_NAME = rf"{_EN_TOKEN}(?:\s+(?:{_EN_PARTICLE}[\s\-]+)?{_EN_TOKEN}){{0,3}}"
_EN_BEFORE = re.compile(rf"(?<![\w])(?P<title>(?:(?:[A-Z][a-z]+(?:’s|'s)?)\s+)?{_EN_TITLE}"
                        rf"(?:\s+(?:of|on|for)\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[a-z]+){{0,3}},)?)\s+(?P<name>{_EN_NAME})")
_EN_AFTER = re.compile(rf"(?:^|(?<=[.,;:]\s)|(?<=\bwith\s)|(?<=\band\s))(?P<name>{_EN_NAME}),\s+(?:the\s+)?"
                       rf"(?P<title>(?:[A-Z][a-z]+\s+)*{_EN_TITLE}(?:\s+of\s+(?:the\s+)?[A-Z][\w\-]+)*)", re.MULTILINE)
#: Capitalised words that are no names: months, weekdays, sentence words.
_EN_NOT_NAME = {w.casefold() for w in (
    "The", "A", "An", "This", "That", "He", "She", "It", "They", "We", "His", "Her", "Their", "On", "In", "At", "And",
    "But", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Jan",
    "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Who", "What", "Why", "When",
    "Earlier", "Later", "Meanwhile", "Asked", "According", "Speaking", "During", "After", "Before", "While",
    "Mr", "Mrs", "Ms", "Dr", "Sr", "Jr", "Office", "Ministry", "Department", "House", "Council", "Cabinet",
    "Kremlin", "Minister", "President", "Prime", "Foreign", "Secretary", "Affairs", "External", "Brigadier",
    "General", "Gen", "Colonel", "Col", "Lieutenant", "Major", "Admiral", "Commander", "Sheikh", "King", "Prince",
    "Emir", "Chancellor", "Ambassador", "Envoy")}


def _clean_en_name(name: str) -> str:
    words = name.split()
    while words and (words[0].casefold().strip(".") in _EN_NOT_NAME):
        if len(words) >= 2 and words[0] in ("Jan", "May", "June", "August") and words[1][:1].isupper():
            break  # "President Jan Nowak": a first name, not a month
        words = words[1:]
    while words and (words[-1].casefold().strip(".’'s") in _EN_NOT_NAME or re.fullmatch(_EN_PARTICLE, words[-1])):
        if len(words) >= 2 and words[-1] in ("May", "June", "August") and words[-2][0].isupper():
            break  # "Theresa May": a surname
        words = words[:-1]
    return " ".join(words)


def _english(text: str) -> Iterator[tuple[int, int, int, int]]:
    for pattern in (_EN_BEFORE, _EN_AFTER):
        for m in pattern.finditer(text):
            raw = m.group("name")
            name = _clean_en_name(raw)
            if not name or name not in raw:
                continue
            start = m.start("name") + raw.index(name)
            title = m.group("title")
            strong = _STRONG.search(title) or len(title.split()) >= 2  # "Vice President Vance"
            if len(name.split()) < 2 and (not strong or pattern is _EN_AFTER):
                continue
            if pattern is _EN_AFTER and re.match(r"(?:Mr|Mrs|Ms|Dr)\b", title):
                continue  # "In New York, Mr Jaishankar": the next name's honorific
            yield start, start + len(name), m.start("title"), m.end("title")


# -- candidates --

def _surname_mentions(text: str, cand: Candidate, taken: list[tuple[int, int]], surname: bool) -> list[
        tuple[int, int]]:
    """Where else the candidate is named: the name again, or its last word alone ("روته", "Kasuri", "Mr. Moon")."""
    folded = FoldedText(text)
    out = [(a, b) for a, b in folded.mentions(cand.name) if (a, b) != (cand.start, cand.end)
           and not any(x < b and a < y for x, y in taken)]
    words = cand.name.split()
    last = words[-1]
    if not surname or len(words) < 2 or len(normalize(last)) < 3 or (_LATIN.search(last) and not last[0].isupper()):
        return out
    taken = taken + out
    for a, b in folded.mentions(last):
        if any(x < b and a < y for x, y in taken) or (_LATIN.search(last) and not text[a:a + 1].isupper()):
            continue
        out.append((a, b))
    return sorted(out)


def find_people(text: str, registry: Registry, mentions: Iterable[_Known],
                noise: Iterable[tuple[int, int]] = ()) -> list[Candidate]:
    """People named after or before a title whom the registry does not know, in text order.

    Parameters
    ----------
    text : str
        The exact article text.
    registry : Registry
        Known entities (their names are never candidates).
    mentions : iterable of Mention
        Registry mentions already found (a title may run over them, a name may not).
    noise : iterable of (start, end)
        Spans to ignore (page furniture).
    """
    known = [(m.start, m.end, m.entity.kind) for m in mentions]
    spans = [(a, b) for a, b, _ in known]
    noise = list(noise)
    found: dict[str, Candidate] = {}
    hits = list(_arabic(text, known)) + list(_english(text))
    for start, end, t_start, t_end in sorted(hits):
        name, title = text[start:end], text[t_start:t_end]
        if any(a < end and start < b for a, b in spans + noise) or registry.names.get(name) is not None:
            continue
        key = normalize(name).replace(".", "")
        if key in found or any(key in k.split(" ") or _overlaps(c, start, end) for k, c in found.items()):
            continue
        shown = title.strip(" ،,")
        if not shown.isascii() and shown[:1] in "وف" and _bare(shown.split()[0]) != normalize(shown.split()[0]):
            shown = shown[1:]  # "والرئيس": the conjunction is no part of the title; "وزير" is a word
        found[key] = Candidate(name, shown, start, end, country=_country_of(title, registry),
                               title_span=(t_start, t_end))
    taken = spans + noise + [(c.start, c.end) for c in found.values()]
    lasts = [c.name.split()[-1] for c in found.values()]
    out = []
    for n, cand in enumerate(sorted(found.values(), key=lambda c: c.start), start=1):
        entity = Entity(f"new-{n}", "person", cand.name, cand.name, note=cand.title or None,
                        country=cand.country.id if cand.country else None)
        others = _surname_mentions(text, cand, taken, lasts.count(cand.name.split()[-1]) == 1)
        out.append(replace(cand, entity=entity, mentions=((cand.start, cand.end), *others)))
    return out


def _overlaps(c: Candidate, start: int, end: int) -> bool:
    return c.start < end and start < c.end


_LONG_VOWELS = str.maketrans({"ا": None, "و": None, "ي": None, "ء": None, "ئ": None, "ؤ": None})


def skeleton(name: str) -> str:
    """The consonants of an Arabic name: its spelling without long vowels.

    Examples
    --------
    >>> skeleton("فيلاديمير بوتين") == skeleton("فلاديمير بوتين") == skeleton("فلاديمر بوتن")
    True
    """
    return " ".join(w.translate(_LONG_VOWELS) for w in normalize(name).split())


def find_variants(text: str, registry: Registry, mentions: Iterable[_Known],
                  noise: Iterable[tuple[int, int]] = ()) -> list[Candidate]:
    """Names of two or three words spelled like a registry person but for long vowels.

    They are proposed as candidates that name the person they resemble, for
    the reviewer to decide: an alias to add, or another person.
    """
    covered = [(m.start, m.end) for m in mentions] + list(noise)
    by_skeleton: dict[str, Entity] = {}
    for entity in registry.entities.values():
        if entity.kind != "person":
            continue
        for name in (entity.ar, *entity.aliases):
            key = skeleton(name)
            if len(key.split()) >= 2 and len(key.replace(" ", "")) >= 5 and not _LATIN.search(name):
                by_skeleton.setdefault(key, entity)
    words = list(_AR_WORD.finditer(text))
    out: list[Candidate] = []
    seen: set[str] = set()
    for i in range(len(words)):
        for n in (3, 2):
            chunk = words[i:i + n]
            if len(chunk) < n or any(not text[a.end():b.start()].isspace() for a, b in pairwise(chunk)):
                continue
            start, end = chunk[0].start(), chunk[-1].end()
            if any(a < end and start < b for a, b in covered):
                continue
            name = text[start:end]
            alike = by_skeleton.get(skeleton(name))
            if alike is None or registry.names.get(name) is not None or normalize(name) in seen:
                continue
            seen.add(normalize(name))
            out.append(Candidate(name, "", start, end, alike, mentions=((start, end),)))
            covered.append((start, end))
            break
    return out
