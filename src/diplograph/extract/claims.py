"""Attributed words: who said what ("قال الكرملين", "أكد ترامب", "X said").

A verb of saying followed (Arabic) or preceded (English) by a named speaker,
then "أن"/"that" and the words: the claim's evidence. The medium follows
from the words around it: a statement ("بيان") or an organisation speaking
is an official statement, an interview ("مقابلة") an interview, unnamed
reports media reports, a person's words remarks.

Examples
--------
>>> from diplograph.registry import Entity, Registry
>>> from diplograph.extract.names import find_entities
>>> from diplograph.extract.segment import sentences
>>> reg = Registry([Entity("kremlin", "organisation", "The Kremlin", "الكرملين")], [], [])
>>> text = "وأوضح الكرملين، في بيان، أن الرئيسين اتفقا على العمل معا."
>>> [(c.by.id, c.medium, text[slice(*c.evidence)]) for c in find_claims(text, sentences(text),
...                                                                      find_entities(text, reg))]
[('kremlin', 'officialStatement', 'الرئيسين اتفقا على العمل معا')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..registry import Entity
from ..text import FoldedText
from . import lexicon as lx
from .names import Mention
from .segment import Sentence

__all__ = ["Claim", "find_claims"]

_THAT = re.compile(r"^\s*(?:[،,]\s*(?:في|عبر)\s+[^،,]{1,30}[،,]\s*)?(?:(?:في|on|in)\s+[^،,]{1,25}?\s+)?"
                   r"(?:الي انه|الي ان|بانه|بان|انه|ان|that|:)(?![\w])\s*", re.IGNORECASE)


@dataclass
class Claim:
    """A proposed claim: speaker, medium, and the offsets of its attribution and words."""

    by: Entity
    medium: str
    attribution: tuple[int, int]
    evidence: tuple[int, int]
    sentence: int


def _medium(speaker: Mention, around: str) -> str:
    if lx.SPEECH_NOUN.search(around) and re.search(r"مقابله|interview", around, re.IGNORECASE):
        return "interview"
    if re.search(r"(?<![\w])بيان(?![\w])|\bstatement\b", around, re.IGNORECASE):
        return "officialStatement"
    if speaker.entity.kind in ("organisation", "country"):
        return "officialStatement"
    if speaker.entity.kind == "group":
        return "mediaReports"
    return "remarks"


def find_claims(text: str, sentences: list[Sentence], mentions: list[Mention]) -> list[Claim]:
    """Claims attributed to a named speaker, sentence by sentence (headings skipped)."""
    fx = FoldedText(text)
    offs = fx.offsets
    out: list[Claim] = []
    for s in sentences:
        if s.heading:
            continue
        lo = min(bisect_left(offs, s.start), len(offs) - 1)
        hi = min(bisect_left(offs, s.end), len(offs) - 1)
        folded = fx.folded[lo:hi]
        for m in lx.ATTRIBUTION.finditer(folded):
            vstart, vend = offs[lo + m.start()], offs[lo + m.end() - 1] + 1
            english = m.group().isascii()
            speaker = None
            if english and m.group().lower() == "according to":
                speaker = next((x for x in mentions if 0 <= x.start - vend <= 6), None)
            elif english:
                speaker = next((x for x in reversed(mentions) if 0 <= vstart - x.end <= 16 and x.start >= s.start
                                and len(text[x.end:vstart].split()) <= 1), None)
            else:
                speaker = next((x for x in mentions if 0 <= x.start - vend <= 20 and x.end <= s.end
                                and len(text[vend:x.start].split()) <= 2), None)
            if speaker is None or speaker.entity.kind == "place":
                continue
            a_start, a_end = min(vstart, speaker.start), max(vend, speaker.end)
            det = re.search(r"\b(?:a|an|the|A|An|The)\s+$", text[max(s.start, a_start - 5):a_start])
            if english and det:
                a_start -= len(det.group())
            rest = text[a_end:s.end]
            rest_fx = FoldedText(rest)
            t = _THAT.match(rest_fx.folded)
            if english and len(rest.strip(" ,.;:")) < 3:
                ev_start, ev_end_limit = s.start, a_start  # "..., the White House said."
            elif t is not None:
                ev_start = a_end + rest_fx.offsets[t.end()] if t.end() < len(rest_fx.folded) else s.end
                ev_end_limit = s.end
            elif english:
                ev_start, ev_end_limit = a_end, s.end  # "According to X, ...", "X said the ..."
            else:
                continue
            nxt = lx.ATTRIBUTION.search(folded, m.end() + 1)
            ev_end = min(offs[lo + nxt.start()] if nxt else s.end, ev_end_limit)
            while ev_end > ev_start and text[ev_end - 1] in " ،,.؛;:":
                ev_end -= 1
            tail = re.search(r"[،,]?\s*(?:لكنه|لكنها|لكن|ولكن|but|and)$", text[ev_start:ev_end])
            if tail:  # "..., لكنه أكد": the next claim begins
                ev_end = ev_start + tail.start()
            while ev_start < ev_end and text[ev_start] in " ،,:":
                ev_start += 1
            if len(text[ev_start:ev_end].split()) < 3:
                continue
            around = FoldedText(text[s.start:a_end + 25]).folded
            out.append(Claim(speaker.entity, _medium(speaker, around), (a_start, a_end), (ev_start, ev_end), s.index))
    return out
