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

from ..registry import Entity, Registry
from ..text import FoldedText, normalize
from .people import Candidate, find_people, find_variants, skeleton

__all__ = ["Candidate", "Mention", "find_candidates", "find_entities", "find_first_names", "find_people",
           "find_variants", "skeleton"]

_LATIN = re.compile("[A-Za-z]")


@dataclass(frozen=True)
class Mention:
    """A registry entity named in the text, with the exact words."""

    entity: Entity
    start: int
    end: int
    text: str


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


_HONORIFIC = re.compile(r"(?<![\w])(?:[وف]?(?:الشيخ|الأمير|الامير|الملك|الرئيس|السلطان))\s+$|"
                        r"\b(?:Sheikh|Emir|King|Prince|President|Sultan)\s+$")


def find_first_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """"الشيخ تميم" after "تميم بن حمد": a known person named by an honorific and their first name.

    Only people the page has already named in full are found, and only when
    no other person named in the page shares that first name.
    """
    firsts: dict[str, Entity] = {}
    clash: set[str] = set()
    for m in mentions:
        words = [w for w in m.text.split() if not _HONORIFIC.search(w + " ")]
        if m.entity.kind != "person" or len(words) < 2:
            continue
        first = words[0]
        key = normalize(first)
        if len(key) < 3:
            continue
        if key in firsts and firsts[key].id != m.entity.id:
            clash.add(key)
        firsts[key] = m.entity
    taken = [(m.start, m.end) for m in mentions]
    folded = FoldedText(text)
    out: list[Mention] = []
    for key, entity in firsts.items():
        if key in clash:
            continue
        for a, b in folded.mentions(key):
            if any(x < b and a < y for x, y in taken) or not _HONORIFIC.search(text[max(0, a - 12):a]):
                continue
            nxt = re.match(r"\s+(\S+)", text[b:b + 30])
            if nxt and not re.match(r"[،,.]", nxt.group(1)) and normalize(nxt.group(1)) in {
                    normalize(w) for n in entity.names for w in n.split()}:
                continue
            out.append(Mention(entity, a, b, text[a:b]))
            taken.append((a, b))
    return sorted(out, key=lambda m: m.start)


def find_candidates(text: str, registry: Registry, mentions: list[Mention],
                    noise: Iterable[tuple[int, int]] = ()) -> list[Candidate]:
    """People named after or before a title whom the registry does not know (see :mod:`.people`)."""
    return find_people(text, registry, mentions, noise)
