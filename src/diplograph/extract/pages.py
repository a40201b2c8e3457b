"""Scores of extraction on real news pages, against gold facts read from each page.

A gold file (``eval/real/*/*.yaml``, described in ``eval/real/README.md``)
holds a page's address, language and publication time and the facts a
reader finds in it: contacts, plans, denials, readings left unscored, and
the people the page names. The page's text is not in the repository; it is
read from a folder of saved texts, ``<id>.txt`` for ``<id>.yaml``.

Matching
    A gold participant is a name as written. It names a registry entity when
    the registry resolves it (or resolves it without a leading honorific);
    otherwise it matches a proposed new person whose name, honorifics left
    out, holds it as a run of words or is held by it ("Imran Khan",
    "Khan"). Two participant lists match when each gold name matches its
    own proposed participant and none is left over.
contacts, plans (strict)
    Participants and the date at its precision (``undated`` only when the
    gold says so, or lists it among the accepted readings).
contacts, plans (loose)
    Participants only.
dates
    Of the loose matches, how many also have the right date.
denials
    Denials proposed against the gold denials, by participants; and how many
    proposed contacts repeat a denied report (there should be none).
people
    The gold's new people named by a proposed new person.

A proposal matching an ``unscored`` reading by its participants counts
neither way. Kinds are not part of any match; they are reported for matches.

Examples
--------
>>> s = Score(3, 1, 2)
>>> round(s.precision, 2), round(s.recall, 2), round(s.f1, 3)
(0.75, 0.6, 0.667)
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..errors import InputError
from ..registry import Entity, Registry
from ..text import normalize
from ..yamlfile import YList, YMap, YScalar, YValue, read_yaml
from . import DEFAULT_THRESHOLD, extract_text
from .draft import Draft
from .evaluate import Score

__all__ = ["MEASURES", "GoldItem", "PageGold", "PageScore", "gold_files", "read_gold", "score_page", "score_pages"]

log = logging.getLogger(__name__)

MEASURES = ("contacts", "contacts_loose", "plans", "plans_loose", "dates", "denials", "people")

_KEYS = {"url", "language", "published", "found_by", "contacts", "plans", "denials", "unscored", "new_people"}
_ITEM_KEYS = {"kind", "participants", "date", "status", "by", "what", "why", "note"}
#: Honorifics that may stand before a name without being part of it.
_HONORIFICS = {normalize(w) for w in (
    "الأمير", "الشيخ", "الملك", "الرئيس", "السيد", "سمو", "الدكتور", "فخامة", "صاحب", "السمو", "الملكي",
    "King", "Prince", "Sheikh", "President", "Mr", "Mr.", "Dr", "Dr.", "Emir", "Crown")}


@dataclass(frozen=True)
class GoldItem:
    """A contact, plan, denial or unscored reading of a gold file."""

    participants: tuple[str, ...]
    kind: str = ""
    dates: tuple[str, ...] = ()  # accepted dates; "" is undated
    status: str = ""
    by: str = ""
    where: str = ""


@dataclass(frozen=True)
class PageGold:
    """One page's gold facts."""

    id: str
    path: str
    url: str
    language: str
    published: datetime
    contacts: tuple[GoldItem, ...] = ()
    plans: tuple[GoldItem, ...] = ()
    denials: tuple[GoldItem, ...] = ()
    unscored: tuple[GoldItem, ...] = ()
    new_people: tuple[str, ...] = ()


@dataclass
class PageScore:
    """The scores of one page, and what was missed or extra, for reading."""

    name: str
    language: str
    scores: dict[str, Score]
    denied_contacts: int = 0
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    kinds: list[tuple[str, str]] = field(default_factory=list)  # (gold kind, proposed kind) of strict matches
    error: str | None = None


# -- reading gold files --

def _scalar(node: YValue | None, what: str, fallback: YMap) -> str:
    if node is None:
        raise InputError(f"{what} is missing", fallback.path, fallback.line)
    if not isinstance(node, YScalar):
        raise InputError(f"{what} must be a single value", node.path, node.line)
    return node.value.strip()


def _names(node: YValue | None, what: str, fallback: YMap) -> tuple[str, ...]:
    if node is None:
        return ()
    if isinstance(node, YScalar):
        return (node.value.strip(),) if node.value.strip() else ()
    if isinstance(node, YList) and all(isinstance(v, YScalar) for v in node.items):
        return tuple(v.value.strip() for v in node.items if isinstance(v, YScalar) and v.value.strip())
    raise InputError(f"{what} must be a value or a list of values", node.path, node.line)


def _date(value: str, where: YValue) -> str:
    if value in ("", "undated"):
        return ""
    parts = value.split("-")
    try:
        datetime(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        raise InputError(f"date {value!r} is not YYYY, YYYY-MM, YYYY-MM-DD or undated", where.path,
                         where.line) from None
    if len(parts) > 3 or any(not p.isdigit() for p in parts):
        raise InputError(f"date {value!r} is not YYYY, YYYY-MM, YYYY-MM-DD or undated", where.path, where.line)
    return value


def _items(doc: YMap, section: str, need_participants: bool = True) -> tuple[GoldItem, ...]:
    node = doc.get(section)
    if node is None:
        return ()
    if not isinstance(node, YList) or not all(isinstance(i, YMap) for i in node.items):
        where = node if node is not None else doc
        raise InputError(f"{section!r} must be a list of mappings", where.path, where.line)
    out = []
    for item in node.items:
        assert isinstance(item, YMap)
        unknown = sorted(set(item.entries) - _ITEM_KEYS)
        if unknown:
            raise InputError(f"unknown key {unknown[0]!r} in {section}; allowed: {', '.join(sorted(_ITEM_KEYS))}",
                             item.path, item.key_lines.get(unknown[0], item.line))
        people = _names(item.get("participants"), "participants", item)
        if need_participants and len(people) < 2:
            raise InputError(f"an entry of {section!r} needs at least two participants", item.path, item.line)
        dates: tuple[str, ...] = ()
        dnode = item.get("date")
        if dnode is not None:
            dates = tuple(_date(d, dnode) for d in _names(dnode, "date", item)) or ("",)
        elif section in ("contacts", "plans"):
            raise InputError(f"an entry of {section!r} needs 'date' (or 'undated')", item.path, item.line)
        status = item.get("status")
        by = item.get("by")
        out.append(GoldItem(people, _scalar(item.get("kind"), "kind", item) if "kind" in item else "", dates,
                            _scalar(status, "status", item) if status is not None else "",
                            _scalar(by, "by", item) if by is not None else "", item.where))
    return tuple(out)


def read_gold(path: str | Path) -> PageGold:
    """Read one gold file.

    Raises
    ------
    InputError
        A missing or malformed field, with its file and line.
    """
    doc = read_yaml(path)
    unknown = sorted(set(doc.entries) - _KEYS)
    if unknown:
        raise InputError(f"unknown key {unknown[0]!r}; allowed: {', '.join(sorted(_KEYS))}", doc.path,
                         doc.key_lines.get(unknown[0], doc.line))
    language = _scalar(doc.get("language"), "language", doc)
    if language not in ("ar", "en"):
        node = doc.get("language")
        raise InputError(f"language {language!r} is neither ar nor en", doc.path, node.line if node else doc.line)
    raw = _scalar(doc.get("published"), "published", doc)
    try:
        published = datetime.fromisoformat(raw)
    except ValueError:
        node = doc.get("published")
        raise InputError(f"published {raw!r} is not an ISO date or date-time", doc.path,
                         node.line if node else doc.line) from None
    people: list[str] = []
    pnode = doc.get("new_people")
    if isinstance(pnode, YList):
        for p in pnode.items:
            if not isinstance(p, YMap):
                raise InputError("entries of 'new_people' must be mappings", p.path, p.line)
            people.append(_scalar(p.get("name"), "name", p))
    return PageGold(id=Path(path).stem, path=str(path), url=_scalar(doc.get("url"), "url", doc), language=language,
                    published=published, contacts=_items(doc, "contacts"), plans=_items(doc, "plans"),
                    denials=_items(doc, "denials"), unscored=_items(doc, "unscored", need_participants=False),
                    new_people=tuple(people))


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    """The gold files named by *paths*: files as given, folders by their ``*.yaml`` files."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(p.glob("*.yaml")))
        elif p.is_file():
            out.append(p)
        else:
            raise InputError(f"{p}: no such gold file or folder")
    return out


# -- matching --

def _words(name: str) -> list[str]:
    words = normalize(name).replace("-", " ").split()
    while len(words) > 1 and words[0] in _HONORIFICS:
        words = words[1:]
    return words


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    n = len(shorter)
    return n > 0 and any(list(longer[i:i + n]) == list(shorter) for i in range(len(longer) - n + 1))


class _Actors:
    """Whether a gold name names a proposed participant."""

    def __init__(self, registry: Registry):
        self.registry = registry

    def entity(self, name: str) -> Entity | None:
        found = self.registry.names.get(name)
        if found is None:
            words = _words(name)
            found = self.registry.names.get(" ".join(words)) if words else None
        return found

    def same(self, gold: str, proposed: Entity) -> bool:
        known = self.entity(gold)
        if known is not None:
            return known.id == proposed.id
        if proposed.id in self.registry.entities:
            return False
        g, p = _words(gold), _words(proposed.label_in("ar") or proposed.en)
        if not g or not p:
            return False
        longer, shorter = (g, p) if len(g) >= len(p) else (p, g)
        return _contains(longer, shorter) and max(len(w) for w in shorter) >= 3

    def same_people(self, gold: Sequence[str], proposed: Sequence[Entity]) -> bool:
        if len(gold) != len(proposed):
            return False
        return _assign(list(gold), list(proposed), self.same)


def _assign(gold: list[str], proposed: list[Entity], ok: Callable[[str, Entity], bool]) -> bool:
    """Whether every gold name can be given its own proposed participant."""
    if not gold:
        return True
    head, rest = gold[0], gold[1:]
    return any(ok(head, p) and _assign(rest, proposed[:i] + proposed[i + 1:], ok) for i, p in enumerate(proposed))


def _matching(n_gold: int, n_proposed: int, ok: Callable[[int, int], bool]) -> dict[int, int]:
    """A largest matching of gold items to proposed ones (augmenting paths); proposed index -> gold index."""
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for p in range(n_proposed):
            if p in seen or not ok(g, p):
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in range(n_gold):
        augment(g, set())
    return owner


# -- scoring --

@dataclass(frozen=True)
class _Proposed:
    participants: tuple[Entity, ...]
    kind: str
    date: str


def _proposed(events: Iterable[object]) -> list[_Proposed]:
    out = []
    for e in events:
        date = getattr(e, "date", None)
        out.append(_Proposed(tuple(getattr(e, "participants", ())), str(getattr(e, "kind", "")),
                             date.iso if date is not None else ""))
    return out


def _describe(people: Iterable[str], what: str) -> str:
    return f"{' + '.join(people)} {what}".strip()


def _compare(gold: Sequence[GoldItem], proposed: Sequence[_Proposed], unscored: list[GoldItem], actors: _Actors,
             label: str, result: PageScore) -> tuple[Score, Score, Score]:
    """Strict score, loose score, and date accuracy among the loose matches."""
    def loose(g: int, p: int) -> bool:
        return actors.same_people(gold[g].participants, proposed[p].participants)

    def strict(g: int, p: int) -> bool:
        return loose(g, p) and proposed[p].date in gold[g].dates

    strict_m = _matching(len(gold), len(proposed), strict)
    loose_m = _matching(len(gold), len(proposed), loose)
    ignored: set[int] = set()
    for p in range(len(proposed)):
        if p in loose_m:
            continue
        for u in list(unscored):
            if len(u.participants) >= 2 and actors.same_people(u.participants, proposed[p].participants):
                unscored.remove(u)
                ignored.add(p)
                break
    kept = len(proposed) - len(ignored)
    s = Score(len(strict_m), kept - len(strict_m), len(gold) - len(strict_m))
    lo = Score(len(loose_m), kept - len(loose_m), len(gold) - len(loose_m))
    right_dates = sum(1 for p, g in loose_m.items() if proposed[p].date in gold[g].dates)
    dates = Score(right_dates, 0, len(loose_m) - right_dates)
    matched_gold = set(strict_m.values())
    for g, item in enumerate(gold):
        if g not in matched_gold:
            when = "/".join(d or "undated" for d in item.dates)
            result.missed.append(f"{label} {_describe(item.participants, when)}")
    for p, prop in enumerate(proposed):
        if p not in strict_m and p not in ignored:
            names = (e.label_in(result.language) for e in prop.participants)
            result.extra.append(f"{label} {_describe(names, prop.date or 'undated')}")
        elif p in strict_m:
            result.kinds.append((gold[strict_m[p]].kind, prop.kind))
    return s, lo, dates


def score_page(draft: Draft, gold: PageGold, registry: Registry, threshold: float = DEFAULT_THRESHOLD) -> PageScore:
    """Score *draft* against the *gold* facts of the same page.

    Contacts and plans count when their confidence is at least *threshold*.
    """
    actors = _Actors(registry)
    result = PageScore(gold.id, gold.language, {})
    unscored = list(gold.unscored)
    held = _proposed(e for e in draft.contacts if e.confidence >= threshold)
    plans = _proposed(e for e in draft.plans if e.confidence >= threshold)
    result.scores["contacts"], result.scores["contacts_loose"], result.scores["dates"] = _compare(
        gold.contacts, held, unscored, actors, "contact", result)
    result.scores["plans"], result.scores["plans_loose"], _ = _compare(gold.plans, plans, unscored, actors, "plan",
                                                                       result)
    denied = _proposed(draft.denials)
    found = _matching(len(gold.denials), len(denied), lambda g, p: actors.same_people(
        gold.denials[g].participants, denied[p].participants))
    result.scores["denials"] = Score(len(found), len(denied) - len(found), len(gold.denials) - len(found))
    for g, item in enumerate(gold.denials):
        if g not in found.values():
            result.missed.append(f"denial {_describe(item.participants, '')}")
    for p, prop in enumerate(denied):
        if p not in found:
            result.extra.append(f"denial {_describe((e.label_in(result.language) for e in prop.participants), '')}")
    result.denied_contacts = sum(1 for c in held if any(actors.same_people(d.participants, c.participants)
                                                          for d in gold.denials)
                                 and not any(actors.same_people(g.participants, c.participants)
                                             for g in gold.contacts))
    wanted = [n for n in gold.new_people if actors.entity(n) is None]
    cands = [Entity(f"new-{i}", "person", c.name, c.name) for i, c in enumerate(draft.candidates)]
    named = _matching(len(wanted), len(cands), lambda g, p: actors.same(wanted[g], cands[p]))
    result.scores["people"] = Score(len(named), 0, len(wanted) - len(named))
    return result


def score_pages(texts: str | Path, gold_paths: Iterable[str | Path], registry: Registry,
                threshold: float = DEFAULT_THRESHOLD) -> list[PageScore]:
    """Extract each page saved in the folder *texts* and score it against its gold file.

    Raises
    ------
    InputError
        A gold file is malformed, or a page's text is missing from *texts*
        (the message names them and how to re-create the folder).
    """
    golds = [read_gold(p) for p in gold_files(gold_paths)]
    folder = Path(texts)
    missing = [g.id for g in golds if not (folder / f"{g.id}.txt").is_file()]
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        raise InputError(f"no saved text for {shown}; eval/real/README.md says how to re-create the folder",
                         folder)
    out = []
    for gold in golds:
        text = (folder / f"{gold.id}.txt").read_text(encoding="utf-8")
        try:
            draft = extract_text(text, registry, lang=gold.language, published=gold.published, name=gold.id)
        except InputError as exc:
            log.warning("%s: extraction failed: %s", gold.id, exc)
            draft = extract_text("", registry, lang=gold.language, published=gold.published, name=gold.id)
            result = score_page(draft, gold, registry, threshold)
            result.error = str(exc)
            out.append(result)
            continue
        out.append(score_page(draft, gold, registry, threshold))
    return out
