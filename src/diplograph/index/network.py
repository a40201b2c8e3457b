"""The persons network projected in bulk from the index's role table.

:func:`persons_network` gives the graph :func:`diplograph.network.project`
gives for ``"persons"`` (same nodes, edges and attributes: a test compares
them), but the pairs of each event, the lists of events behind each pair and
their first and last dates are made by one SQL query over the ``roles`` and
``contacts`` tables, not event by event in Python. Institutional ties are
added to those edges as :mod:`diplograph.network.projection` adds them, an
organisation drawn once per era (:mod:`diplograph.network.eras`) splitting
the edges of its events by era; Python only hands the rows to NetworkX.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any, Protocol

import networkx as nx

from ..bulk import paused
from ..contacts import ContactSource
from ..dates import Span, window
from ..network.projection import EDGE_LISTS, TIE_LISTS, EraNodes, add_ties, check_among, finish_edge, new_edge
from ..records import ActorRef, Tie, event_span
from .schema import EDGE_COLUMNS, org_contacts_sql, person_edges_sql


class TableSource(ContactSource, Protocol):
    """A contact source that also answers SQL over the index tables (:class:`~diplograph.index.IndexContacts`)."""

    def sql(self, text: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        """Rows of a SQL query over the index tables."""
        ...

__all__ = ["TableSource", "persons_network"]

#: The actors: whoever has a part in an event of a network (one with a quote), or holds a post.
_ACTORS = """
SELECT DISTINCT agent FROM roles
WHERE role_type IN ('initiatorRole', 'participantRole', 'intermediaryRole') AND label IS NOT NULL
  AND contact IN (SELECT iri FROM contacts WHERE quote IS NOT NULL)
UNION SELECT member FROM ties
"""

#: Which of the IRIs $1 have a part in a contact, plan or claim, or in a tie.
_AGENTS = """
SELECT agent FROM roles WHERE agent IN (SELECT unnest($1::VARCHAR[]))
UNION SELECT member FROM ties WHERE member IN (SELECT unnest($1::VARCHAR[]))
UNION SELECT org FROM ties WHERE org IN (SELECT unnest($1::VARCHAR[]))
"""

#: When each event held (for the spans of an edge's events).
_SPANS = """
SELECT iri, date, planned, reported, bounds FROM contacts WHERE iri IN (SELECT unnest(?::VARCHAR[]))
"""

#: The first label an agent is seen with in the events kept (for actors the name index does not know).
_REFS = """
SELECT agent, arg_min(label, ord), arg_min(label_ar, ord)
FROM (SELECT r.agent, r.label, r.label_ar, row_number() OVER (ORDER BY c.date IS NULL, c.date, c.iri) AS ord
      FROM roles r JOIN contacts c ON c.iri = r.contact
      WHERE r.agent IN (SELECT unnest(?::VARCHAR[])) AND r.label IS NOT NULL
        AND r.role_type IN ('initiatorRole', 'participantRole', 'intermediaryRole'))
GROUP BY agent
"""

_LISTS = ("events", "kinds", "dates", "planned", "quotes", "statuses")


def _edge_data(row: tuple[Any, ...], spans: dict[str, Span | None]) -> dict[str, Any]:
    data: dict[str, Any] = dict(zip(_LISTS, row[2:8], strict=True))
    data["spans"] = [spans[e] for e in data["events"]]
    for key in TIE_LISTS:
        data[key] = []
    data["count"] = len(data["events"])
    data["weight"] = float(data["count"])
    data["kind"], data["first"], data["last"] = row[10], row[8], row[9]
    return data


def _edge_rows(index: TableSource, options: list[Any], among: frozenset[str] | None) -> list[tuple[Any, ...]]:
    """The rows of ``person_edges`` for these options (between two of the actors *among*, where given)."""
    planned, indirect, lo, hi = options
    kept = not planned and not indirect and lo is None and hi is None  # the one kept whole in the index
    if among is None:
        return index.sql(f"SELECT {EDGE_COLUMNS} FROM person_edges") if kept else index.sql(person_edges_sql(), options)
    listed = sorted(among)
    if kept:
        return index.sql(f"SELECT {EDGE_COLUMNS} FROM person_edges WHERE a IN (SELECT unnest($1::VARCHAR[])) "
                         "AND b IN (SELECT unnest($1::VARCHAR[]))", [listed])
    return index.sql(person_edges_sql(among="$5"), [*options, listed])


def _known(names: Any, iri: str) -> bool:
    entity = names.get(iri)
    return entity is not None and entity.iri == iri


def _org_contacts(index: TableSource, options: list[Any], tie_list: list[Tie]) -> dict[str, dict[str, Span | None]]:
    """For each organisation with ties, the events of the network it takes part in, with their spans."""
    here: dict[str, dict[str, Span | None]] = {}
    for org, iri, date, was_planned, reported, bounds in index.sql(
            org_contacts_sql(), [*options, sorted({t.b for t in tie_list})]):
        here.setdefault(org, {})[iri] = event_span(date, was_planned, reported, bounds)
    return here


def _by_era(pairs: dict[tuple[str, str], dict[str, Any]], nodes: EraNodes) -> dict[tuple[str, str], dict[str, Any]]:
    """The edges with an organisation drawn per era split into one edge per era its events belong to."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for (a, b), data in pairs.items():
        if a not in nodes.split and b not in nodes.split:
            out[(a, b)] = data
            continue
        for k, event in enumerate(data["events"]):
            u, v = nodes(a, event), nodes(b, event)
            part = out.setdefault((u, v) if u < v else (v, u), new_edge())
            for key in EDGE_LISTS:
                part[key].append(data[key][k])
    for data in out.values():
        if "count" not in data:
            finish_edge(data)
    return out


def _with_ties(index: TableSource, pairs: dict[tuple[str, str], dict[str, Any]], tie_list: list[Tie],
               options: list[Any], among: frozenset[str] | None
               ) -> tuple[dict[tuple[str, str], dict[str, Any]], EraNodes]:
    """The edges with the institutional ties added, organisations drawn per era where their ties ask it.

    An organisation's eras come from all its ties, also where *among* draws some of them only.
    """
    nodes = EraNodes(tie_list, _org_contacts(index, options, tie_list) if tie_list else {})
    pairs = _by_era(pairs, nodes) if nodes.split else pairs
    new: set[tuple[str, str]] = set()

    def edge(a: str, b: str) -> dict[str, Any]:
        key = (a, b) if a < b else (b, a)
        if key not in pairs:
            pairs[key] = new_edge()
            new.add(key)
        return pairs[key]

    add_ties(edge, tie_list, nodes, among)
    for key in new:
        finish_edge(pairs[key])
    return pairs, nodes


@paused()
def persons_network(index: TableSource, *, indirect: bool = False, planned: bool = False,
                    since: Any = None, until: Any = None, ties: list[Tie] | None = None,
                    among: Collection[str] | None = None) -> nx.Graph:
    """The persons network of *index*, as :func:`diplograph.network.project` draws it.

    *ties* are the institutional ties to draw (none by default); *among*, the
    actors to draw (all by default): the part of the network they make, as
    ``project(..., among=)`` gives it. (Its graph attributes are set by
    :func:`~diplograph.network.project`.)

    Raises
    ------
    InvalidArgumentError
        A bound that is not a date.
    NoAnswerError
        *since* after *until*.
    """
    lo, hi = window(since, until)
    options = [planned, indirect, lo, hi]
    drawn = None if among is None else frozenset(among)
    if drawn is not None:
        check_among(index, drawn, {a for (a,) in index.sql(_AGENTS, [sorted(drawn)])})
    rows = _edge_rows(index, options, drawn)
    events = sorted({e for r in rows for e in r[2]})
    spans = {iri: event_span(date, was_planned, reported, bounds)
             for iri, date, was_planned, reported, bounds in index.sql(_SPANS, [events])}
    pairs, nodes = _with_ties(index, {(r[0], r[1]): _edge_data(r, spans) for r in rows}, list(ties or []), options,
                              drawn)
    names = index.names
    who = {a for (a,) in index.sql(_ACTORS)}
    if drawn is not None:
        who &= drawn
    listed: list[tuple[str, dict[str, Any]]] = [
        (e.iri, {"iri": e.iri, "label": e.en, "label_ar": e.ar, "type": "person"})
        for e in sorted((e for e in names if e.kind == "person" and e.iri in who), key=lambda e: e.iri)]
    people = {n for n, _ in listed}
    bases = {nodes.base(n) for key in pairs for n in key}
    unknown = sorted(n for n in bases if n not in people and not _known(names, n))
    refs = {a: ActorRef(a, label, label_ar) for a, label, label_ar in index.sql(_REFS, [unknown])} if unknown else {}
    ordered = sorted(pairs.items())
    others = dict.fromkeys(n for (a, b), _ in ordered for n in (a, b) if n not in people)
    listed += [(n, nodes.attrs(index, n, refs)) for n in others]
    if drawn is not None:  # a part: in name order, as part_in_order gives it (the whole: as events add them)
        listed.sort(key=lambda item: item[0])
    G = nx.Graph()
    G.add_nodes_from(listed)
    G.add_edges_from((a, b, data) for (a, b), data in ordered)
    return G
