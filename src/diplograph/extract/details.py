"""What a contact's words add to it: gathering, place, duration, topics, hedges, initiator.

Examples
--------
>>> from diplograph.registry import Registry
>>> d = Details("The call lasted about an hour and a half.", Registry([], [], []), [])
>>> d.duration(0, 42)[:2]
(90.0, 'approximate')
>>> Details("واستمر الاتصال ساعتين ونصف", Registry([], [], []), []).duration(0, 27)[:2]
(150.0, 'exact')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..registry import Entity, Registry, Term
from ..text import FoldedText
from . import lexicon as lx
from .frames import FoldedView
from .names import Mention

__all__ = ["Details", "Gathering"]


@dataclass
class Gathering:
    """The multilateral gathering a sidelines meeting took place at."""

    convener: Entity | None
    place: Entity | None
    start: int
    end: int


_NUM = "|".join(sorted((re.escape(w) for w in lx.NUMBER_WORDS), key=len, reverse=True))
_DURATION = re.compile(
    r"(?:استمر(?:ت)?|دام(?:ت)?|لمده|مده|lasted|lasting|for|استغرق(?:ت)?)\s+(?:(?:ال\w+|the \w+)\s+)?"
    r"(?:(?P<approx>نحو|حوالي|قرابه|ما يقارب|زهاء|about|around|nearly|roughly|some|almost|approximately)\s+"
    r"|(?P<least>لاكثر من|اكثر من|ما يزيد عن|ما يزيد علي|more than|over|at least)\s+"
    r"|(?P<most>اقل من|لاقل من|less than|under)\s+)?"
    r"(?:(?P<n>\d+(?:\.\d+)?|" + _NUM + r")(?P<half2>\s+and a half)?[\s\-]+"
    r"(?P<unit>دقيقه|دقائق|ساعه|ساعات|minutes?|hours?)"
    r"|(?P<word>ساعتين|ساعه|نصف ساعه|ربع ساعه|an hour|one hour|two hours|half an hour))"
    r"(?P<half>\s+(?:و(?:ال)?نصف(?: الساعه)?|and a half))?", re.IGNORECASE)
_WORD_MINUTES = {"ساعتين": 120.0, "two hours": 120.0, "نصف ساعه": 30.0, "half an hour": 30.0, "ربع ساعه": 15.0}


class Details(FoldedView):
    """Reads the details of contacts from an article's text and its entity mentions."""

    def __init__(self, text: str, registry: Registry, mentions: list[Mention]):
        super().__init__(text)
        self.registry = registry
        self.mentions = mentions

    def in_span(self, start: int, end: int, kinds: tuple[str, ...]) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end and m.entity.kind in kinds]

    # -- details --

    def gathering(self, start: int, end: int, within: tuple[int, int]) -> Gathering | None:
        """A summit named after its convener ("قمة مجموعة العشرين", "the G20 summit") by the trigger at start:end."""
        orgs = self.in_span(within[0], within[1], ("organisation",))
        after = [m for m in orgs if 0 <= m.start - end <= 3]
        before = [m for m in orgs if 0 <= start - m.end <= 3]
        found = after or before
        if not found:
            return None
        convener = found[0]
        g_end, g_start = max(end, convener.end), min(start, convener.start)
        places = self.in_span(g_end, within[1] + 40, ("place", "country"))
        place = None
        if places and re.match(r"^\s*(?:\([^)]*\)\s*)?(?:في|in)\s+$", self.text[g_end:places[0].start]):
            place = places[0]
            g_end = place.end
            nxt = self.in_span(g_end, g_end + 30, ("country",))
            if nxt and re.match(r"^[،,]\s*$", self.text[g_end:nxt[0].start]):
                g_end = nxt[0].end
        return Gathering(convener.entity, place.entity if place else None, g_start, g_end)

    def unnamed_gathering(self, start: int, end: int) -> Gathering | None:
        """"على هامش اجتماعات الأمم المتحدة": a gathering the registry does not know, by its words."""
        found = self.search(lx.SIDELINES, start, end)
        if not found:
            return None
        g_start = found[0][1]
        while g_start < end and self.text[g_start] == " ":
            g_start += 1
        stop = re.search(r"[،,.;؛]", self.text[g_start:end])
        g_end = g_start + stop.start() if stop else end
        while g_end > g_start and self.text[g_end - 1] in " .،,؛;:":
            g_end -= 1
        return Gathering(None, None, g_start, g_end) if g_end - g_start > 3 else None

    def place(self, start: int, end: int) -> Entity | None:
        for kinds in (("place",), ("country",)):
            for m in self.in_span(start, end, kinds):
                before = self.text[max(start, m.start - 12):m.start]
                if re.search(r"(?:^|\s)(?:في|الى|إلى|to|in|at)\s*$", before) \
                        or self.text[m.start - 1:m.start] in ("ب", "ل") \
                        or re.search(r"(?:زيار[ةه]|visit(?:ed|ing|s)?)\s+$", before):  # "لزيارة موسكو"
                    return m.entity
        return None

    def duration(self, start: int, end: int) -> tuple[float, str, int, int] | None:
        """Minutes, how they bound the real length, and where they are said ("ساعة ونصف", "three hours")."""
        for a, b in self.search(_DURATION, start, end):
            m = _DURATION.search(self.folded(a, b))
            if m is None:
                continue
            if m.group("n"):
                n = m.group("n").lower()
                count = lx.NUMBER_WORDS[n] if n in lx.NUMBER_WORDS else float(n)
                minutes = count * (60 if m.group("unit").startswith(("ساع", "hour")) else 1)
            else:
                minutes = _WORD_MINUTES.get(m.group("word").lower(), 60.0)
            if m.group("half") or m.group("half2"):
                minutes += 30
            bound = "approximate" if m.group("approx") else "atLeast" if m.group("least") else \
                "atMost" if m.group("most") else "exact"
            first = re.match(r"for\s+", self.text[a:b])
            lead = len(first.group()) if first else 0
            return minutes, bound, a + lead, b
        return None

    def topics(self, start: int, end: int) -> list[Term]:
        chunk = FoldedText(self.text[start:end])
        return [t for t in self.registry.topics.values()
                if any(chunk.mentions(label) for label in (t.ar, t.en) if len(label) > 3)]

    def hedges(self, start: int, end: int) -> list[tuple[str, int, int]]:
        return [(name, a, b) for name, pat in lx.HEDGES for a, b in self.search(pat, start, end)]

    def initiator(self, kind: str, status: str | None, people: list[Mention], start: int, end: int) -> list[Entity]:
        """Who made the call ("أجرى X مكالمة مع Y", "تلقى ... من X", "X called Y"), invited, or offered."""
        if status in ("invited", "offered"):
            pat = lx.INVITED if status == "invited" else lx.OFFERED
            for ws, _ in self.search(pat, start, end):
                near = [m for m in people if 0 <= ws - m.end <= 40 or 0 <= m.start - ws <= 12]
                if near:
                    near.sort(key=lambda m: abs(ws - m.end))
                    return [near[0].entity]
            return []
        if kind != "phoneCall" or status is not None:
            return []
        for _, ve in self.search(lx.CONDUCT, start, end):
            after = [m for m in people if 0 <= m.start - ve <= 30]
            if after and len(self.folded(ve, after[0].start).split()) <= 3:
                return [after[0].entity]
        for _, ve in self.search(re.compile(r"(?<![\w])[وف]?(?:تلقي|تلقت|يتلقي)(?![\w])"), start, end):
            src = [m for m in people if m.start > ve and re.search(r"(?<![\w])من\s", self.folded(ve, m.start))]
            if src:
                return [src[0].entity]
        for vs, _ in self.search(re.compile(r"\b(?:called|phoned|made the (?:phone )?call)\b"), start, end):
            before = [m for m in people if 0 <= vs - m.end <= 3]
            if before:
                return [before[0].entity]
        return []
