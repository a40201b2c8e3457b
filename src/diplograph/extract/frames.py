"""The objects a contact mention is read into, and a text's folded view that every reading step shares."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ..registry import Entity
from ..text import FoldedText
from . import lexicon as lx
from .dates import DateMention
from .names import Mention
from .segment import Sentence

__all__ = ["ContactMention", "FoldedView", "Hit", "TextView"]

_PUNCTUATION = re.compile(r"[^\w]+")


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


class FoldedView:
    """A text and its folded form, with the offsets between them (the helpers every reading step uses)."""

    def __init__(self, text: str):
        self.text = text
        self.fx = FoldedText(text)

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


class TextView(FoldedView):
    """An article's exact text, its folded form, its entity mentions, and what the reading carries over.

    Parameters
    ----------
    text : str
        The exact text.
    mentions : list of Mention
        Entities named in the text, registry people and new candidates alike.
    titles : list of (start, end)
        Where the titles of new people stand (a person named inside one is no party).
    """

    def __init__(self, text: str, mentions: list[Mention], titles: list[tuple[int, int]] | None = None):
        super().__init__(text)
        self.mentions = mentions
        self.titles = titles or []
        self.last_people: list[Mention] = []  # the people of the last contact, for anaphors
        self.last_subject: Mention | None = None  # the last contact's subject, for "his" ("لقائه")
        self.prev: ContactMention | None = None  # the mention before, in the same sentence

    def words_before(self, pos: int, limit: int, n: int) -> str:
        """Up to *n* folded words before *pos*, not crossing *limit* (a bracket or a quote mark is no word)."""
        return " ".join([w for w in self.folded(limit, pos).split() if not _PUNCTUATION.fullmatch(w)][-n:])

    def words_after(self, pos: int, limit: int, n: int) -> str:
        return " ".join(self.folded(pos, limit).split()[:n])
