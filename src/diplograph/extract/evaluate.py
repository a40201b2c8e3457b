"""Precision, recall and F1 of extraction against gold annotations.

Four measures per article, each counting matches between the extracted
draft and the curated (gold) annotation of the same text:

entities
    Registry entities: those the extractor recognised in the text, against
    those the gold annotation names anywhere (participants, roles, places,
    gatherings, speakers, post holders and organisations, the author). An
    entity the text names but the gold annotation gives no part counts
    against precision.
dates
    The dates of contacts and plans (ISO at their precision; undated ones
    are left out), as multisets.
contacts
    Contacts that took place, matched on kind, the set of participants and
    the date (ISO at its precision, or undated).
plans
    Planned contacts, matched on kind, participants and status.

Examples
--------
>>> s = Score.of(["a", "b", "c"], ["a", "b", "d"])
>>> (s.tp, s.fp, s.fn), round(s.f1, 3)
((2, 1, 1), 0.667)
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..annotation import Annotation, load_annotation
from ..errors import InputError
from ..registry import Registry
from . import extract_text
from .draft import Draft

__all__ = ["MEASURES", "ArticleScore", "Score", "evaluate", "evaluate_article"]

log = logging.getLogger(__name__)

MEASURES = ("entities", "dates", "contacts", "plans")


@dataclass(frozen=True)
class Score:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @classmethod
    def of(cls, predicted: Iterable[Hashable], gold: Iterable[Hashable]) -> Score:
        """Score two multisets against each other."""
        p, g = Counter(predicted), Counter(gold)
        tp = sum((p & g).values())
        return cls(tp, sum(p.values()) - tp, sum(g.values()) - tp)

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ArticleScore:
    """The scores of one article, and what was missed or added, for reading."""

    name: str
    language: str
    scores: dict[str, Score]
    missed: dict[str, list[str]] = field(default_factory=dict)
    extra: dict[str, list[str]] = field(default_factory=dict)
    error: str | None = None


def _gold_entities(ann: Annotation) -> list[str]:
    ids: set[str] = set()
    for c in ann.contacts + ann.plans:
        ids.update(r.agent.id for r in c.roles)
        if c.place:
            ids.add(c.place.id)
        if c.gathering:
            for e in (c.gathering.convened_by, c.gathering.place):
                if e is not None:
                    ids.add(e.id)
    for p in ann.posts:
        ids.update(e.id for e in (p.holder, p.organisation, p.appointed_by) if e is not None)
    for cl in ann.claims:
        ids.add(cl.by.id)
    if ann.source.author is not None:
        ids.add(ann.source.author.id)
    return sorted(ids)


def _contact_key(kind: str, ids: Iterable[str], date: str) -> tuple[str, tuple[str, ...], str]:
    return kind, tuple(sorted(ids)), date or "undated"


def _describe(key: Hashable) -> str:
    if isinstance(key, tuple):
        return " ".join("+".join(k) if isinstance(k, tuple) else str(k) for k in key)
    return str(key)


def evaluate_article(draft: Draft, gold: Annotation, name: str = "") -> ArticleScore:
    """Score *draft* against the *gold* annotation of the same text."""
    predicted: dict[str, list[Hashable]] = {
        "entities": list(sorted({m.entity.id for m in draft.mentions})),
        "dates": [e.date.iso for e in draft.events if e.date is not None],
        "contacts": [_contact_key(e.kind, (p.id for p in e.participants), e.date.iso if e.date else "")
                     for e in draft.contacts],
        "plans": [_contact_key(e.kind, (p.id for p in e.participants), e.status or "") for e in draft.plans],
    }
    expected: dict[str, list[Hashable]] = {
        "entities": list(_gold_entities(gold)),
        "dates": [c.date.iso for c in gold.contacts + gold.plans if not c.date.undated],
        "contacts": [_contact_key(c.kind, (p.id for p in c.participants), c.date.iso) for c in gold.contacts],
        "plans": [_contact_key(c.kind, (p.id for p in c.participants), c.status or "") for c in gold.plans],
    }
    result = ArticleScore(name or gold.source.id, gold.source.language, {})
    for measure in MEASURES:
        p, g = Counter(predicted[measure]), Counter(expected[measure])
        result.scores[measure] = Score.of(predicted[measure], expected[measure])
        result.missed[measure] = sorted(_describe(k) for k in (g - p).elements())
        result.extra[measure] = sorted(_describe(k) for k in (p - g).elements())
    return result


def evaluate(gold_paths: Iterable[str | Path], registry: Registry) -> list[ArticleScore]:
    """Extract each gold annotation's text afresh and score the draft against the annotation.

    The publication time is taken from the gold annotation only when its page
    shows none (no ``published_quote``); otherwise the extractor reads it.
    """
    out = []
    for path in gold_paths:
        gold = load_annotation(path, registry)
        text = gold.source.text.text
        published = None if gold.source.published_quote is not None else gold.source.published
        try:
            draft = extract_text(text, registry, published=published, name=str(path))
        except InputError as exc:
            # the extractor gave up on this article: everything in the gold annotation is missed
            log.warning("%s: extraction failed: %s", path, exc)
            empty = extract_text("", registry, published=gold.source.published, name=str(path))
            result = evaluate_article(empty, gold, Path(path).stem)
            result.error = str(exc)
            out.append(result)
            continue
        out.append(evaluate_article(draft, gold, Path(path).stem))
    return out
