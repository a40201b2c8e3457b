"""The persons network projected in bulk from the index's role table.

:func:`persons_network` gives the graph :func:`diplograph.network.project`
gives for ``"persons"`` (same nodes, edges and attributes: a test compares
them), but the pairs of each event, the lists of events behind each pair and
their first and last dates are made by one SQL query over the ``roles`` and
``contacts`` tables, not event by event in Python; Python only hands the
rows to NetworkX.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import networkx as nx

from ..dates import window
from ..network.projection import actor_attrs, ties
from ..records import ActorRef

if TYPE_CHECKING:
    from .source import IndexContacts

__all__ = ["persons_network"]

_EDGES = """
WITH ev AS (
  SELECT iri, kind, date, planned, quote, status, date_first, date_last,
         row_number() OVER (ORDER BY date IS NULL, date, iri) AS ord
  FROM contacts
  WHERE quote IS NOT NULL
    AND iri IN (SELECT contact FROM roles WHERE role_type IS NOT NULL AND label IS NOT NULL)
    AND ($planned OR NOT planned) AND ($indirect OR kind <> 'indirectContact')
    AND ($lo IS NULL AND $hi IS NULL
         OR date IS NOT NULL AND ($lo IS NULL OR date_first >= $lo) AND ($hi IS NULL OR date_last <= $hi))
),
r AS (SELECT DISTINCT contact, agent, role_type FROM roles
      WHERE role_type IN ('initiatorRole', 'participantRole', 'intermediaryRole') AND label IS NOT NULL
        AND contact IN (SELECT iri FROM ev)),
p AS (SELECT DISTINCT contact, agent FROM r WHERE role_type <> 'intermediaryRole'),
m AS (SELECT DISTINCT contact, agent FROM r WHERE role_type = 'intermediaryRole'),
links AS (
  SELECT x.contact, x.agent AS a, y.agent AS b FROM p x JOIN p y ON x.contact = y.contact AND x.agent < y.agent
  UNION
  SELECT m.contact, least(m.agent, p.agent), greatest(m.agent, p.agent)
  FROM m JOIN p ON m.contact = p.contact AND m.agent <> p.agent
),
kinds AS (SELECT a, b, kind, count(*) AS n FROM links JOIN ev ON ev.iri = links.contact GROUP BY a, b, kind),
dominant AS (SELECT a, b, min({'n': -n, 'kind': kind}).kind AS kind FROM kinds GROUP BY a, b)
SELECT l.a, l.b,
       list(ev.iri ORDER BY ev.ord), list(ev.kind ORDER BY ev.ord), list(ev.date ORDER BY ev.ord),
       list(ev.planned ORDER BY ev.ord), list(ev.quote ORDER BY ev.ord), list(ev.status ORDER BY ev.ord),
       min({'f': ev.date_first, 'l': ev.date_last, 'd': ev.date}) FILTER (WHERE ev.date IS NOT NULL).d,
       max({'l': ev.date_last, 'f': ev.date_first, 'd': ev.date}) FILTER (WHERE ev.date IS NOT NULL).d,
       any_value(d.kind)
FROM links l JOIN ev ON ev.iri = l.contact JOIN dominant d ON d.a = l.a AND d.b = l.b
GROUP BY l.a, l.b
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
_TIE_LISTS = ("ties", "tie_posts", "tie_labels", "tie_dates", "tie_quotes")


def _edge_data(row: tuple[Any, ...]) -> dict[str, Any]:
    data: dict[str, Any] = dict(zip(_LISTS, row[2:8], strict=True))
    for key in _TIE_LISTS:
        data[key] = []
    data["count"] = len(data["events"])
    data["weight"] = float(data["count"])
    data["kind"], data["first"], data["last"] = row[10], row[8], row[9]
    return data


def _known(names: Any, iri: str) -> bool:
    entity = names.get(iri)
    return entity is not None and entity.iri == iri


def persons_network(index: IndexContacts, *, indirect: bool = False, planned: bool = False,
                    institutional: bool = False, since: Any = None, until: Any = None) -> nx.Graph:
    """The persons network of *index*, as :func:`diplograph.network.project` draws it (without its graph attributes).

    Raises
    ------
    InvalidArgumentError
        A bound that is not a date.
    NoAnswerError
        *since* after *until*.
    """
    lo, hi = window(since, until)
    rows = index.sql(_EDGES.replace("$planned", "$1").replace("$indirect", "$2").replace("$lo", "$3::DATE")
                     .replace("$hi", "$4::DATE"), [planned, indirect, lo, hi])
    pairs: dict[tuple[str, str], dict[str, Any]] = {(r[0], r[1]): _edge_data(r) for r in rows}
    for t in ties(index, since=since, until=until) if institutional else []:
        key = (t.a, t.b) if t.a < t.b else (t.b, t.a)
        data = pairs.get(key)
        if data is None:
            data = pairs[key] = {**{k: [] for k in _LISTS + _TIE_LISTS}, "count": 0, "weight": 0.0, "kind": "tie",
                                 "first": None, "last": None}
        data["ties"].append(t.kind)
        data["tie_posts"].append(t.post)
        data["tie_labels"].append(t.label)
        data["tie_dates"].append(t.date)
        data["tie_quotes"].append(t.quote)
    G = nx.Graph()
    names = index.names
    G.add_nodes_from((e.iri, {"iri": e.iri, "label": e.en, "label_ar": e.ar, "type": "person"})
                     for e in sorted((e for e in names if e.kind == "person"), key=lambda e: e.iri))
    keys = sorted(pairs)
    unknown = sorted({n for key in keys for n in key if n not in G and not _known(names, n)})
    refs = {a: ActorRef(a, label, label_ar) for a, label, label_ar in index.sql(_REFS, [unknown])} if unknown else {}
    for a, b in keys:
        for n in (a, b):
            if n not in G:
                G.add_node(n, **actor_attrs(index, n, refs.get(n)))
    G.add_edges_from((a, b, pairs[a, b]) for a, b in keys)
    return G
