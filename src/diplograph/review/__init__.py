"""A review page for a draft annotation: the article with every proposal's evidence in place.

``diplograph review DRAFT.yaml`` (and ``diplograph extract --review``) writes
one offline HTML page. The article text is shown with each proposed fact's
evidence highlighted where it stands (right to left for Arabic); each fact
is a card: its kind, held or planned (and the plan's status), its date and
how the date was read, its participants and how each name was resolved (a
registry entity, or a new person named as written), its confidence and why,
whether the draft marks it for review, and the exact lines of the draft it
comes from. People the registry does not know are listed with their quote;
denials and claims with their attribution.

The draft is read with the annotation loader, so the page shows only what
``diplograph add`` would read. The page makes no request: a
Content-Security-Policy forbids any, the data travels as JSON inside the page
(escaped so that no text of the article can close its element), and the
page's script writes every string with ``textContent``, so hostile text in
an article stays text.

Examples
--------
>>> from diplograph.review import segments
>>> [(s["text"], s["cards"]) for s in segments("ab cd ef", [("c1", 3, 5), ("c2", 0, 5)])]
[('ab ', ['c2']), ('cd', ['c1', 'c2']), (' ef', [])]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..annotation import load_annotation
from ..annotation.model import Annotation, CandidateAnn, ClaimAnn, ContactAnn
from ..registry import Entity, Registry
from .page import render_review

__all__ = ["review_data", "review_page", "segments", "write_review"]

_COMMENT = re.compile(r"\s+#\s+(.*)$")


def segments(text: str, spans: Iterable[tuple[str, int, int]]) -> list[dict[str, Any]]:
    """The text cut where any span starts or ends, each piece with the cards whose span covers it."""
    spans = [s for s in spans if 0 <= s[1] < s[2] <= len(text)]
    cuts = sorted({0, len(text), *(a for _, a, _ in spans), *(b for _, _, b in spans)})
    out: list[dict[str, Any]] = []
    for a, b in itertools.pairwise(cuts):
        cards = sorted(cid for cid, s, e in spans if s <= a and b <= e)
        if out and out[-1]["cards"] == cards:
            out[-1]["text"] += text[a:b]
        else:
            out.append({"text": text[a:b], "cards": cards})
    return out


def _block(lines: list[str], where: str) -> tuple[int, list[str]]:
    """The line number and the YAML lines of the entry that starts at *where* ("path:line")."""
    number = int(where.rsplit(":", 1)[1]) if where.rsplit(":", 1)[-1].isdigit() else 0
    if number <= 0 or number > len(lines):
        return number, []
    first = lines[number - 1]
    dash = len(first) - len(first.lstrip())
    out = [first]
    for line in lines[number:]:
        if not line.strip() or len(line) - len(line.lstrip()) <= dash:
            break
        out.append(line)
    return number, out


def _comment(block: list[str], key: str) -> str:
    for line in block:
        if line.strip().startswith(f"{key}:"):
            m = _COMMENT.search(line)
            return m.group(1).strip() if m else ""
    return ""


def _who(entity: Entity, registry: Registry, quote: str) -> dict[str, Any]:
    if entity.id in registry.entities:
        how = f"registry entity {entity.id}" + (f", named in the text as «{quote}»" if quote else "")
        return {"name": entity.en, "ar": entity.ar, "how": how, "new": False}
    return {"name": entity.en, "ar": entity.ar, "how": "a new person, named as written: not in the registry yet",
            "new": True}


def _contact_card(c: ContactAnn, registry: Registry, lines: list[str], text: str) -> dict[str, Any]:
    line, block = _block(lines, c.where)
    quotes = {r.agent.id: r.quote.text for r in c.roles}
    date_how = _comment(block, "date")
    if c.date.expression:
        date_how = f"the day of publication: «{c.date.expression}»"
    return {
        "id": c.id, "section": "plan" if c.planned else "contact", "kind": c.kind, "status": c.status or "",
        "date": c.date.iso or "undated", "precision": c.date.precision, "date_how": date_how,
        "participants": [_who(p, registry, quotes.get(p.id, "")) for p in c.participants],
        "confidence": c.confidence, "why": _comment(block, "confidence"), "review": c.review or "",
        "evidence": c.evidence.text, "span": [c.evidence.start, c.evidence.end],
        "duration": f"{c.duration.minutes:g} minutes ({c.duration.bound})" if c.duration else "",
        "place": c.place.en if c.place else "", "gathering": c.gathering.en if c.gathering else "",
        "line": line, "yaml": "\n".join(block),
    }


def _claim_card(cl: ClaimAnn, registry: Registry, lines: list[str]) -> dict[str, Any]:
    line, block = _block(lines, cl.where)
    denies = cl.denies
    return {
        "id": cl.id, "section": "denial" if denies else "claim", "kind": denies.kind if denies else cl.medium,
        "by": _who(cl.by, registry, ""), "statement": cl.statement,
        "attribution": cl.attribution.text if cl.attribution else "",
        "participants": [_who(p, registry, "") for p in denies.participants] if denies else [],
        "supports": list(cl.supports), "evidence": cl.evidence.text, "span": [cl.evidence.start, cl.evidence.end],
        "line": line, "yaml": "\n".join(block),
    }


def _candidate_card(c: CandidateAnn, lines: list[str]) -> dict[str, Any]:
    line, block = _block(lines, c.where)
    return {"id": f"candidate-{line}", "section": "candidate", "name": c.name, "title": c.title or "",
            "country": c.country.en if c.country else "", "note": c.note or "", "evidence": c.quote.text,
            "span": [c.quote.start, c.quote.end], "line": line, "yaml": "\n".join(block)}


def review_data(ann: Annotation, registry: Registry, draft_text: str) -> dict[str, Any]:
    """Everything the page shows, as plain data."""
    lines = draft_text.splitlines()
    text = ann.source.text.text
    cards = [_contact_card(c, registry, lines, text) for c in ann.contacts + ann.plans]
    cards += [_claim_card(cl, registry, lines) for cl in ann.claims]
    cards += [_candidate_card(c, lines) for c in ann.candidates]
    noise = [(n.start, n.end) for n in ann.source.noise]
    spans = [(c["id"], c["span"][0], c["span"][1]) for c in cards]
    spans += [(f"noise-{i}", a, b) for i, (a, b) in enumerate(noise)]
    return {
        "title": ann.source.title.text, "language": ann.source.language, "path": ann.path,
        "published": ann.source.published.isoformat(), "text_path": ann.source.text_path,
        "segments": segments(text, spans), "cards": cards,
        "counts": {k: sum(1 for c in cards if c["section"] == k) for k in ("contact", "plan", "denial", "claim",
                                                                            "candidate")},
        "to_review": sum(1 for c in cards if c.get("review")) + sum(1 for c in cards if c["section"] == "candidate"),
    }


def review_page(draft: str | Path, registry: Registry) -> str:
    """The review page of the draft annotation at *draft*, as HTML text.

    Raises
    ------
    AnnotationError, UnknownEntityError
        The draft does not load (the message names the file and line).
    """
    ann = load_annotation(draft, registry)
    return render_review(review_data(ann, registry, Path(draft).read_text(encoding="utf-8")))


def write_review(draft: str | Path, out: str | Path, registry: Registry) -> dict[str, Any]:
    """Write the review page of *draft* to *out* atomically; return its counts."""
    from ..atomic import write_atomic

    ann = load_annotation(draft, registry)
    data = review_data(ann, registry, Path(draft).read_text(encoding="utf-8"))
    write_atomic(out, render_review(data).encode("utf-8"))
    return {**data["counts"], "to_review": data["to_review"]}
