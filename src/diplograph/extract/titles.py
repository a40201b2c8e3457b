"""A person named by their title alone ("الرئيس الروسي", "أمير قطر", "the Turkish president").

Pages name a person in full once, with a title ("الرئيس الروسي فلاديمير
بوتين", "رئيس الصين، شي جين بينغ"), then by the title alone. A title is read
as its head ("رئيس", "أمير", "ولي العهد", "president") and its country (an
adjective of nationality or a country's name: "الروسي", "روسيا" and "Russian"
are one country). A bare title later in the page names the one person the
page gave that title to; "نظيره الأمريكي" / "his US counterpart" names the
one person of that country. Nothing is resolved when two people share the
title, or none does.

Examples
--------
>>> from diplograph.registry import Entity, Registry
>>> from diplograph.extract.names import find_entities
>>> putin = Entity("p", "person", "Vladimir Putin", "فلاديمير بوتين")
>>> reg = Registry([putin, Entity("russia", "country", "Russia", "روسيا")], [], [])
>>> text = "وصل الرئيس الروسي فلاديمير بوتين. وأكد الرئيس الروسي أن الزيارة ناجحة."
>>> [(m.entity.id, m.text) for m in title_mentions(text, find_entities(text, reg), reg)]
[('p', 'الرئيس الروسي')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..registry import Entity, Registry
from ..text import normalize
from .names import Mention
from .people import AR_HEADS, AR_HONORIFICS, AR_OFFICE, Words, is_nisba

__all__ = ["title_mentions"]

_COUNTERPART = {normalize(w) for w in ("نظيره", "نظيرته", "نظيرها", "نظيريه")}
#: Honorifics that are titles too: "سمو الأمير" alone names the one emir or prince of the page.
_ROYAL = {normalize(w) for w in ("الأمير", "الملك", "السلطان")}
#: "the Turkish president", "his US counterpart": not followed by a name (case matters for nationality and name).
_EN_TITLE = re.compile(r"(?:\b(?:the|his|her|their)\s+|^|(?<=[.!?]\s))(?:(?P<nat>(?-i:[A-Z][a-z]+|U\.?S\.?|US|UK))\s+)?"
                       r"(?P<head>president|prime minister|foreign minister|external affairs minister|"
                       r"defen[cs]e minister|minister|leader|king|emir|crown prince|"
                       r"chancellor|counterpart)\b(?-i:(?!\s+[A-Z]))", re.IGNORECASE | re.MULTILINE)
_EN_BEFORE = re.compile(r"(?:(?P<nat>[A-Z][a-z]+|U\.?S\.?|US|UK)\s+)?(?P<head>President|Prime Minister|Foreign "
                        r"Minister|External Affairs Minister|Defen[cs]e Minister|Minister|King|Emir|Crown Prince|"
                        r"Chancellor|leader)\s+$")


def _stem(word: str) -> str:
    """A country's name or nationality, reduced so that "روسيا" and "الروسي", "Russia" and "Russian" agree."""
    w = normalize(word).removeprefix("ال")
    if w.isascii():
        return re.sub(r"(?:ians?|ans?|ese|ish|ns?|eys?|ys?|as?|es?|i)$", "", w)[:5]
    for suffix in ("يه", "ي", "يا", "ا", "ه"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


class _Countries:
    def __init__(self, registry: Registry):
        self.by_stem: dict[str, str] = {}
        for e in registry.entities.values():
            if e.kind == "country":
                for name in (e.en, e.ar, *e.aliases):
                    self.by_stem.setdefault(_stem(name), e.id)

    def key(self, word: str) -> str:
        stem = _stem(word)
        return self.by_stem.get(stem, stem)


def _head(tokens: list[str]) -> str:
    words = [normalize(t).lstrip("و").removeprefix("ال") for t in tokens]
    return " ".join(w for w in words if w)


def _arabic_titles(words: Words, countries: _Countries, mentions: list[Mention]) -> Iterator[
        tuple[int, int, tuple[str, str], bool]]:
    """(start, end, (head, country), followed by a name) of every Arabic title phrase."""
    n = len(words.spans)
    starts = {m.start: m for m in mentions}
    i = 0
    while i < n:
        bare = normalize(words.word(i)).lstrip("وف")
        if bare not in AR_HEADS or (bare in AR_HONORIFICS and bare not in _ROYAL):
            i += 1
            continue
        heads, country, j = [words.word(i)], "", i + 1
        while j < n and words.gap(j - 1).isspace() and j - i < 5:
            w = words.word(j)
            t = normalize(w)
            mention = starts.get(words.spans[j][0])
            if mention is not None and mention.entity.kind == "country":
                country = mention.entity.id
                j += len(mention.text.split())
                continue
            if t.startswith("ال") and t in AR_HEADS and t not in AR_HONORIFICS and \
                    normalize(words.word(j - 1)).startswith("ال"):
                break  # "أمير البلاد الرئيس دونالد ترامب": a second title, another person's
            if t in AR_OFFICE or t.lstrip("و") in AR_HEADS:
                heads.append(w)
            elif is_nisba(w):
                country = country or countries.key(w)
            elif not country and len(heads) == 1 and not t.startswith("ال") and t in countries.by_stem.values():
                country = t
            else:
                break
            j += 1
        end = words.spans[j - 1][1]
        rest = words.text[end:end + 3]
        people = [m for m in mentions if m.entity.kind in ("person", "group")]
        named = j < n and (any(m.start == words.spans[j][0] for m in people) or (bool(
            re.match(r"\s*[،,]\s*\S", rest)) and any(m.start > end and m.start - end <= 3 for m in people)))
        key = ("*" if bare in _COUNTERPART else _head(heads), country)
        yield words.spans[i][0], end, key, named
        i = j


def _by_head(holders: dict[tuple[str, str], set[str]], key: tuple[str, str]) -> set[str]:
    """Holders of a title by its first word: "الرئيس التركي" after "رئيس الجمهورية التركية", "الأمير" alone."""
    if key[0] == "*":
        return set()
    pick = -1 if key[0].isascii() else 0  # the head noun: "minister" of "external affairs minister", "رئيس"
    first = key[0].split()[pick:][:1]
    return set().union(*(v for k, v in holders.items() if k[0].split()[pick:][:1] == first and k[0] != "*"
                         and (k[1] == key[1] or not key[1])))


def title_mentions(text: str, mentions: list[Mention], registry: Registry) -> list[Mention]:
    """Mentions of people by their title alone, after the page has given them that title with their name."""
    countries = _Countries(registry)
    people = [m for m in mentions if m.entity.kind == "person"]
    words = Words.of(text)
    holders: dict[tuple[str, str], set[str]] = {}
    by_id = {m.entity.id: m.entity for m in people}
    bare: list[tuple[int, int, tuple[str, str]]] = []
    for start, end, key, named in _arabic_titles(words, countries, mentions):
        if named:
            holder = next((m for m in people if 0 <= m.start - end <= 3), None)
            if holder is not None:
                holders.setdefault(key, set()).add(holder.entity.id)
                holders.setdefault(("*", key[1]), set()).add(holder.entity.id)
        elif key[0] != "*" and not normalize(text[start:end]).lstrip("وف").startswith("ال") and (
                after := next((m for m in people if 0 <= start - m.end <= 3 and
                               re.fullmatch(r"[\s،,]*", text[m.end:start])), None)) is not None:
            # "تميم بن حمد آل ثاني أمير البلاد", "دونالد ترامب رئيس الولايات المتحدة": a title after a name
            # in the construct state is that person's; "بوتين الرئيس التركي" is the object of a verb.
            holders.setdefault(key, set()).add(after.entity.id)
            holders.setdefault(("*", key[1]), set()).add(after.entity.id)
        else:
            bare.append((start, end, key))
    for t in _EN_TITLE.finditer(text):
        head = t.group("head").lower()
        key = ("*" if head == "counterpart" else head, countries.key(t.group("nat")) if t.group("nat") else "")
        bare.append((t.start(), t.end(), key))
    for m in people:
        before = _EN_BEFORE.search(text[max(0, m.start - 40):m.start])
        if before:
            key = (before.group("head").lower(), countries.key(before.group("nat")) if before.group("nat") else "")
            holders.setdefault(key, set()).add(m.entity.id)
            holders.setdefault(("*", key[1]), set()).add(m.entity.id)
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for start, end, key in bare:
        ids = holders.get(key) or _by_head(holders, key)
        if len(ids) != 1 or (not key[1] and key[0] == "*"):
            continue
        if any(a < end and start < b for a, b in taken):
            continue
        entity: Entity = by_id[next(iter(ids))]
        if not any(m.entity.id == entity.id and m.end <= start for m in people):
            continue  # only after the page has named them
        out.append(Mention(entity, start, end, text[start:end]))
    return sorted(out, key=lambda m: m.start)
