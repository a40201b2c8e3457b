"""Draft annotations from news articles, Arabic and English, by rules and the registry.

No model and no network: language detection, page noise, sentences
(:mod:`.segment`), registry names and unknown people (:mod:`.names`), dates
(:mod:`.dates`), contacts and plans from trigger phrases (:mod:`.contacts`,
:mod:`.lexicon`), attributed claims (:mod:`.claims`), written as a draft in
the reviewed annotation format (:mod:`.draft`) and scored against gold
annotations (:mod:`.evaluate`).

Examples
--------
>>> from datetime import datetime
>>> from diplograph.registry import Entity, Registry
>>> reg = Registry([Entity("donald-trump", "person", "Donald Trump", "دونالد ترامب", ("ترامب",)),
...                 Entity("vladimir-putin", "person", "Vladimir Putin", "فلاديمير بوتين", ("بوتين",))], [], [])
>>> draft = extract_text("أجرى ترامب أمس مكالمة هاتفية مع بوتين.", reg, published=datetime(2025, 3, 19))
>>> [(e.kind, [p.id for p in e.participants], e.date.iso) for e in draft.contacts]
[('phoneCall', ['donald-trump', 'vladimir-putin'], '2025-03-18')]
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from datetime import datetime, time
from pathlib import Path

from ..errors import InputError
from ..registry import Registry
from ..sources import SourceText
from ..text import FoldedText
from . import lexicon
from .claims import find_claims
from .contacts import find_contacts
from .dates import find_dates
from .draft import Draft
from .names import Candidate, Mention, find_entities, find_first_names, find_people, find_variants
from .segment import detect_language, noise_lines, sentences
from .titles import title_mentions

__all__ = ["DEFAULT_THRESHOLD", "Draft", "extract_file", "extract_text"]

#: Contacts and plans below this confidence are marked for review in the draft instead of asserted.
DEFAULT_THRESHOLD = 0.7

log = logging.getLogger(__name__)

_TIME = re.compile(r"(?<!\d)(\d{1,2}):(\d{2})\s*(ص|م|AM|PM|am|pm|a\.m\.|p\.m\.)?")


def _publication(text: str, lang: str) -> tuple[datetime | None, tuple[int, int] | None]:
    """The date (and time) in the first lines of the page, and where the date stands."""
    head_end = 0
    for _ in range(4):
        nxt = text.find("\n", head_end + 1)
        if nxt == -1:
            head_end = len(text)
            break
        head_end = nxt
    for d in find_dates(text[:head_end]):
        if d.precision != "day" or d.kind != "absolute":
            continue
        day = d.first_day()
        clock = time()
        m = _TIME.search(text, d.end, min(len(text), d.end + 60))
        if m:
            hour, minute = int(m.group(1)), int(m.group(2))
            marker = (m.group(3) or "").lower()
            if marker in ("م", "pm", "p.m.") and hour < 12:
                hour += 12
            if marker in ("ص", "am", "a.m.") and hour == 12:
                hour = 0
            if hour < 24 and minute < 60:
                clock = time(hour, minute)
        return datetime.combine(day, clock), (d.start, d.end)
    return None, None


def _candidates(text: str, registry: Registry, known: list[Mention], noise: list[tuple[int, int]]) -> list[Candidate]:
    """New people by their titles, then names spelled like a registry person's, each with a provisional entity."""
    from dataclasses import replace

    from ..registry import Entity

    found = find_people(text, registry, known, noise)
    variants = find_variants(text, registry, known, noise + [(a, b) for c in found for a, b in c.mentions])
    out = list(found)
    for c in variants:
        entity = Entity(f"new-{len(out) + 1}", "person", c.name, c.name)
        out.append(replace(c, entity=entity))
    return sorted(out, key=lambda c: c.start)


def extract_text(text: str, registry: Registry, *, lang: str | None = None, published: datetime | None = None,
                 name: str = "<article>", text_ref: str | None = None, threshold: float = DEFAULT_THRESHOLD) -> Draft:
    """Extract a draft annotation from the article *text*.

    Parameters
    ----------
    text : str
        The article, exactly as stored.
    registry : Registry
        Known entities, roles and topics.
    lang : {"ar", "en"}, optional
        The article's language (detected when not given).
    published : datetime, optional
        Publication time; read from the first lines of the page when not given.
    name : str
        How to name the text in messages.
    text_ref : str, optional
        How the draft refers to the text file (``source.text``).
    threshold : float
        Contacts and plans of lower confidence are marked for review in the draft.

    Raises
    ------
    InputError
        The text has no words, or no publication date was given and none was found in the page.
    """
    if not re.search(r"[^\W\d_]", text):
        raise InputError("the article has no words to read (empty, or only digits and punctuation)", name)
    lang = lang or detect_language(text)
    found, found_at = _publication(text, lang)
    pub_quote = found_at if published is None or (found and found.date() == published.date()) else None
    published = published or found
    if published is None:
        raise InputError("no publication date found in the first lines; give one with --published", name)
    noise = noise_lines(text)
    source = SourceText(text, name=name)
    noise_spans = [(m.start(), m.end()) for n in noise for m in re.finditer(re.escape(n.text), text)]
    source.noise = [source.span(a, b) for a, b in noise_spans]
    sents = sentences(text, noise)
    known = find_entities(text, registry, noise_spans)
    known = sorted(known + find_first_names(text, known), key=lambda m: m.start)
    dates = find_dates(text, published.date())
    candidates = _candidates(text, registry, known, noise_spans)
    mentions = sorted(known + [Mention(c.entity, a, b, text[a:b]) for c in candidates if c.entity is not None
                               for a, b in c.mentions], key=lambda m: m.start)
    mentions = sorted(mentions + title_mentions(text, mentions, registry), key=lambda m: m.start)
    titles = [c.title_span for c in candidates if c.title_span is not None]
    events, denials = find_contacts(text, sents, registry, mentions, dates, published=published.date(), titles=titles)
    claims = find_claims(text, sents, mentions)
    title = next(((s.start, s.end) for s in sents if s.heading and not any(
        d.start >= s.start and d.end <= s.end for d in dates) and len(s.text.split()) >= 3), None)
    if title is None and sents:
        title = (sents[0].start, sents[0].end)
    covered = [e.evidence for e in events]
    source_hedges = []
    fx = FoldedText(text)
    for hedge, pattern in lexicon.HEDGES:
        if hedge != "possiblyOutdated":
            continue  # a hedge on the whole source ("قد تكون هناك تطورات جديدة"); the others qualify contacts
        for m in pattern.finditer(fx.folded):
            a, b = fx.offsets[m.start()], fx.offsets[m.end() - 1] + 1
            if not any(x <= a < y for x, y in covered):
                source_hedges.append((hedge, a, b))
    author = None
    if sents:
        for s in sents[:8]:
            if s.heading:
                people = [m for m in mentions if m.start == s.start and m.end == s.end and m.entity.kind == "person"]
                if people:
                    author = people[0].entity
                    break
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    log.info("%s: %d entity mentions, %d dates, %d contacts and plans, %d denials, %d claims", name, len(mentions),
             len(dates), len(events), len(denials), len(claims))
    return Draft(
        text=source, text_ref=text_ref or name, source_id=f"draft_{digest}", language=lang, published=published,
        published_quote=pub_quote, title=title, noise=noise, mentions=mentions,
        candidates=candidates, dates=dates, events=events,
        claims=claims, source_hedges=source_hedges, author=author, denials=denials, threshold=threshold,
    )


def extract_file(path: str | Path, registry: Registry, *, lang: str | None = None,
                 published: datetime | None = None, draft_path: str | Path | None = None,
                 threshold: float = DEFAULT_THRESHOLD) -> Draft:
    """Extract a draft from the article file at *path* (see :func:`extract_text`).

    ``source.text`` in the draft is the article's path relative to the
    folder of *draft_path* (or to the current folder).
    """
    src = SourceText.read(path)
    base = Path(draft_path).resolve().parent if draft_path else Path.cwd()
    ref = os.path.relpath(Path(path).resolve(), base)
    return extract_text(src.text, registry, lang=lang, published=published, name=str(path), text_ref=ref,
                        threshold=threshold)
