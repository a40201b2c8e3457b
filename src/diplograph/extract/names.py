"""Names in an article: registry entities by their listed spellings, and unknown people.

Entities are found by the names the registry lists for them (labels and
aliases, Arabic and English), compared after normalisation
(:mod:`diplograph.text`): a spelling variant is recognised because the
registry lists it, never because it scores close to a known name. The
longest name wins where two overlap ("فلاديمير بوتين" over "بوتين").

A person the registry does not know is proposed as a :class:`Candidate`
when a title ("الرئيس", "وزير الخارجية", "President", "Foreign Minister")
is followed by a name that resolves to nothing.

Examples
--------
>>> from diplograph.registry import Entity, Registry
>>> reg = Registry([Entity("donald-trump", "person", "Donald Trump", "دونالد ترامب", ("ترمب", "ترامب"))], [], [])
>>> [(m.entity.id, m.text) for m in find_entities("أكد ترمب أن دونالد ترامب فاز", reg)]
[('donald-trump', 'ترمب'), ('donald-trump', 'دونالد ترامب')]
>>> [(c.name, c.title) for c in find_candidates("واستقبل الرئيس الكيني وليام روتو الوفد", reg, [])]
[('وليام روتو', 'الرئيس الكيني')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from ..registry import Entity, Registry
from ..text import FoldedText, normalize

__all__ = ["Candidate", "Mention", "find_candidates", "find_entities", "find_variants", "skeleton"]

_LATIN = re.compile("[A-Za-z]")


@dataclass(frozen=True)
class Mention:
    """A registry entity named in the text, with the exact words."""

    entity: Entity
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Candidate:
    """A probable person the registry does not know, with the words that name them.

    ``similar_to`` is a registry person spelled alike but for long vowels
    ("فلاديمر بوتين" and "فلاديمير بوتين"): a hint for the reviewer, never a merge,
    since two people can be spelled alike ("محمد بن سلمان", "محمد بن سليمان").
    """

    name: str
    title: str
    start: int
    end: int
    similar_to: Entity | None = None


def _usable(name: str) -> bool:
    key = normalize(name)
    if len(key) < 2:
        return False
    # Lower-case Latin words ("reports") are common nouns in English text, not names.
    return not (_LATIN.search(name) and name == name.lower())


def find_entities(text: str, registry: Registry, noise: Iterable[tuple[int, int]] = ()) -> list[Mention]:
    """Every mention of a registry entity in *text*, in text order, without overlaps.

    Parameters
    ----------
    text : str
        The exact article text.
    registry : Registry
        Entities and their spellings.
    noise : iterable of (start, end)
        Spans to ignore (page furniture).
    """
    folded = FoldedText(text)
    noise = list(noise)
    hits: list[tuple[int, int, Entity]] = []
    for entity in registry.entities.values():
        for name in {entity.en, entity.ar, *entity.aliases}:
            if not _usable(name):
                continue
            acronym = name.isupper() and _LATIN.search(name) is not None
            for start, end in folded.mentions(name):
                found = text[start:end]
                if acronym and found != found.upper():
                    continue
                if _LATIN.match(found) and not found[0].isupper():
                    continue
                if any(a < end and start < b for a, b in noise):
                    continue
                hits.append((start, end, entity))
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    taken: list[tuple[int, int, Entity]] = []
    for h in hits:
        if all(h[1] <= t[0] or t[1] <= h[0] for t in taken):
            taken.append(h)
    taken.sort(key=lambda h: h[0])
    return [Mention(e, s, t, text[s:t]) for s, t, e in taken]


# Titles that introduce a person's name, longest first within each language.
_AR_TITLES = [
    "رئيس الوزراء", "وزير الخارجية", "وزير الدفاع", "وزيرة الخارجية", "مستشار الأمن القومي", "المبعوث الخاص",
    "ولي العهد", "نائب الرئيس", "الأمين العام", "المستشار", "الرئيس", "الملك", "الأمير", "الشيخ", "المبعوث",
    "السفير", "وزير", "وزيرة", "رئيسة الوزراء", "نظيره", "نظيرته",
]
_EN_TITLES = [
    "Prime Minister", "Foreign Minister", "Defence Minister", "Defense Minister", "Secretary of State",
    "Crown Prince", "Vice President", "Secretary-General", "National Security Adviser", "special envoy",
    "Special Envoy", "President", "Chancellor", "King", "Prince", "Emir", "Sheikh", "Ambassador", "envoy",
    "Minister", "counterpart",
]
# Words that end a name in Arabic (function words, verbs of reporting and meeting).
_AR_STOP = {
    "في", "من", "إلى", "الى", "على", "عن", "مع", "أن", "إن", "بأن", "قد", "لقد", "التي", "الذي", "خلال", "بعد",
    "قبل", "حيث", "كما", "وقال", "قال", "وأكد", "أكد", "يوم", "اليوم", "أمس", "بين", "هذا", "هذه", "ذلك", "تلك",
    "عبر", "لدى", "منذ", "حول", "بشأن", "نحو", "أيضا", "أيضًا", "وذلك", "ثم", "لكن", "غير", "عند",
    # verbs that follow a title in place of a name
    "أبدى", "أعرب", "أعلن", "أشار", "أوضح", "شدد", "يتفق", "اتفق", "دعا", "وجه", "رحب", "بحث", "ناقش", "تلقى",
    "أجرى", "التقى", "استقبل", "زار", "أيد", "شكر", "يرى", "منفتح", "مستعد", "هاتفيا", "هاتفيًا", "السابق",
    # nouns and determiners that follow a title ("الرئيس الفرنسي أي اتصال", "الرئيس جلسة")
    "أي", "اي", "كل", "اتصال", "اتصالا", "اتصالاً", "مكالمة", "زيارة", "جلسة", "كلمة", "رسالة", "دعوة",
}
_AR_NAME_TOKEN = re.compile("^[\u0621-\u064a\u0640\u064b-\u0652]{2,}$")


def _nationality(token: str) -> bool:
    """"الأمريكي", "الكيني", "الروسية": an adjective of nationality after a title."""
    return token.startswith("ال") and (token.endswith("ي") or token.endswith("ية")) and len(token) > 4


def find_candidates(text: str, registry: Registry, mentions: list[Mention],
                    noise: Iterable[tuple[int, int]] = ()) -> list[Candidate]:
    """People named after a title whom the registry does not know.

    A title, an optional adjective of nationality ("الكيني") and one to three
    name words that are no known entity and no function word make a candidate;
    English names are capitalised words after a title.
    """
    noise = list(noise)
    covered = [(m.start, m.end) for m in mentions]
    out: list[Candidate] = []
    seen: set[str] = set()

    def add(name: str, title: str, start: int, end: int) -> None:
        if any(a < end and start < b for a, b in covered + noise):
            return
        if registry.names.get(name) is not None or normalize(name) in seen:
            return
        seen.add(normalize(name))
        out.append(Candidate(name, title, start, end))

    for title in _AR_TITLES:
        for m in re.finditer(rf"(?<![\w]){re.escape(title)}(?![\w])", text):
            pos = m.end()
            words = list(re.finditer(r"[^\s،,.:;؛()«»\"]+", text[pos:pos + 80]))
            idx = 0
            title_end = pos
            if idx < len(words) and _nationality(words[idx].group()):
                title_end = pos + words[idx].end()
                idx += 1
            name_words: list[re.Match[str]] = []
            for w in words[idx:idx + 3]:
                token = w.group()
                gap = text[pos + (name_words[-1].end() if name_words else (words[idx - 1].end() if idx else 0))
                           : pos + w.start()]
                if name_words and not gap.isspace():
                    break
                if token in _AR_STOP or not _AR_NAME_TOKEN.match(token) or token.startswith("ال") \
                        or _nationality(token):
                    break
                name_words.append(w)
            if len(name_words) >= 2:
                start, end = pos + name_words[0].start(), pos + name_words[-1].end()
                add(text[start:end], text[m.start():title_end].strip(), start, end)
    for title in _EN_TITLES:
        pattern = rf"\b{re.escape(title)}\s+((?:[A-Z][a-zA-Z'\-]+\s+){{0,2}}[A-Z][a-zA-Z'\-]+)"
        for m in re.finditer(pattern, text):
            name = m.group(1)
            tokens = name.split()
            if len(tokens) < 2:
                continue
            add(name, title, m.start(1), m.end(1))
    out.sort(key=lambda c: c.start)
    return out


_LONG_VOWELS = str.maketrans({"ا": None, "و": None, "ي": None, "ء": None, "ئ": None, "ؤ": None})


def skeleton(name: str) -> str:
    """The consonants of an Arabic name: its spelling without long vowels.

    Examples
    --------
    >>> skeleton("فيلاديمير بوتين") == skeleton("فلاديمير بوتين") == skeleton("فلاديمر بوتن")
    True
    """
    return " ".join(w.translate(_LONG_VOWELS) for w in normalize(name).split())


def find_variants(text: str, registry: Registry, mentions: list[Mention],
                  noise: Iterable[tuple[int, int]] = ()) -> list[Candidate]:
    """Names of two or three words spelled like a registry person but for long vowels.

    They are proposed as candidates that name the person they resemble, for
    the reviewer to decide: an alias to add, or another person.
    """
    noise = list(noise)
    covered = [(m.start, m.end) for m in mentions] + noise
    by_skeleton: dict[str, Entity] = {}
    for entity in registry.entities.values():
        if entity.kind != "person":
            continue
        for name in (entity.ar, *entity.aliases):
            key = skeleton(name)
            if len(key.split()) >= 2 and len(key.replace(" ", "")) >= 5 and not _LATIN.search(name):
                by_skeleton.setdefault(key, entity)
    words = list(re.finditer(r"[\u0621-\u064a\u0640\u064b-\u0652\u0670]+", text))
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
            out.append(Candidate(name, "", start, end, alike))
            covered.append((start, end))
            break
    return out
