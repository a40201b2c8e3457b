"""An organisation drawn once per period: people are linked through an institution only while their ties held.

An institution links everyone who ever held a post in it: the White House
links Jake Sullivan to Donald Trump although Sullivan served under another
president. So the persons network draws an organisation whose ties cannot all
be shown to hold together as several nodes, one per *era*: the ties (and the
organisation's own contacts) that join one another in time
(:meth:`diplograph.dates.Span.joins`: a term and the contacts within it, two
posts attested on the same day), with eras that link the same people merged.
An organisation whose ties all join, or that links one person only, stays
one node.

Examples
--------
>>> from diplograph.dates import Span
>>> from diplograph.records import Tie
>>> ties = [Tie("office", "trump", "wh", "p1", "", "2017/2021", None, Span.of("2017", "2021", throughout=True), True),
...         Tie("post", "waltz", "wh", "p2", "", "2025-02-13", None, Span.of("2025-02-13"), False),
...         Tie("office", "trump", "wh", "p3", "", "2025-02-13", None, Span.of("2025-02-13"), True),
...         Tie("post", "sullivan", "wh", "p4", "", None, None, None, False)]
>>> sorted(set(split(ties, {}).values()))
['2017/2021', '2025-02-13', 'undated']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..dates import Span
    from ..records import Tie

__all__ = ["era_label", "split"]

#: An element at an organisation: a tie (by its index among the ties) or one of its contacts (by IRI).
Element = int | str


class _Components:
    """Union-find over the elements at one organisation."""

    def __init__(self, items: Iterable[Element]):
        self.parent: dict[Element, Element] = {x: x for x in items}

    def find(self, x: Element) -> Element:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Element, b: Element) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb, key=str)] = min(ra, rb, key=str)

    def groups(self) -> list[list[Element]]:
        out: dict[Element, list[Element]] = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return list(out.values())


def _joins(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a.joins(b) is not None


def era_label(ties: Iterable[Tie]) -> str:
    """The period of an era as the graph writes dates: its earliest tie's start to its latest tie's end.

    >>> from diplograph.dates import Span
    >>> from diplograph.records import Tie
    >>> era_label([Tie("post", "a", "o", "p", "", "2017/2021", None, Span.of("2017", "2021", throughout=True))])
    '2017/2021'
    """
    dated = [t.span for t in ties if t.span is not None]
    if not dated:
        return "undated"
    start = min(dated, key=lambda s: (s.first, s.last)).text.split("/")[0]
    end = max(dated, key=lambda s: (s.last, s.first)).text.split("/")[-1]
    return start if start == end else f"{start}/{end}"


def _at_one(ties: list[tuple[int, Tie]], contacts: Mapping[str, Span | None]) -> dict[Element, str] | None:
    """The era of each element at one organisation, or None when it stays one node."""
    if len({t.a for _, t in ties}) + (1 if contacts else 0) < 2:  # nothing to link across periods
        return None
    parts = _Components([i for i, _ in ties] + list(contacts))
    events = list(contacts)
    for e in events[1:]:  # contacts join one another whatever their dates
        parts.union(events[0], e)
    for n, (i, t) in enumerate(ties):
        for j, u in ties[n + 1:]:
            if _joins(t.span, u.span):
                parts.union(i, j)
        for e, span in contacts.items():
            if _joins(t.span, span):
                parts.union(i, e)
    by_tie = dict(ties)
    merged: dict[frozenset[str], list[Element]] = {}
    for group in parts.groups():  # eras that link the same people are one
        holders = frozenset(by_tie[x].a for x in group if isinstance(x, int))
        key = holders if not any(isinstance(x, str) for x in group) else frozenset({"\0contacts"}) | holders
        merged.setdefault(key, []).extend(group)
    if len(merged) < 2:
        return None
    out: dict[Element, str] = {}
    used: dict[str, int] = {}
    for group in sorted(merged.values(), key=lambda g: (era_label(by_tie[x] for x in g if isinstance(x, int)),
                                                        sorted(map(str, g)))):
        label = era_label(by_tie[x] for x in group if isinstance(x, int))
        used[label] = used.get(label, 0) + 1
        if used[label] > 1:
            label = f"{label} ({used[label]})"
        out.update((x, label) for x in group)
    return out


def split(ties: list[Tie], contacts: Mapping[str, Mapping[str, Span | None]]) -> dict[tuple[str, Element], str]:
    """The era label of each tie and contact at each organisation that is drawn once per era.

    Parameters
    ----------
    ties : list of Tie
        The institutional ties of the network (``b`` is the organisation).
    contacts : mapping
        For each organisation, the contacts it takes part in, by IRI, with their spans.

    Returns
    -------
    dict
        ``(organisation IRI, element) → era label`` for the organisations
        drawn once per era (an element is a tie's index in *ties* or a
        contact's IRI); organisations that stay one node are not in it.
    """
    at: dict[str, list[tuple[int, Tie]]] = {}
    for i, t in enumerate(ties):
        at.setdefault(t.b, []).append((i, t))
    out: dict[tuple[str, Element], str] = {}
    for org, here in sorted(at.items()):
        eras = _at_one(here, contacts.get(org, {}))
        if eras is not None:
            out.update(((org, x), label) for x, label in eras.items())
    return out
