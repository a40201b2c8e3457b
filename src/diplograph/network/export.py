"""Exports: GraphML and GEXF (for Gephi), a CSV table of contacts, PLOVER-style JSON rows.

GraphML and GEXF writers take only scalar attributes, so :func:`flatten`
turns every list into a string joined with ``" | "``, ``None`` into ``""``
and the graph's options into ``option_<name>`` graph attributes; an
attribute keeps ONE type on every node (and on every edge): a column that
mixes numbers with missing values or text becomes text. The files read back
with :func:`networkx.read_graphml` / :func:`networkx.read_gexf`.

Every file is written atomically (a temporary file, then a rename): an
error never leaves half a file.

Examples
--------
>>> import diplograph as dg, tempfile, pathlib, networkx as nx
>>> kg = dg.load()
>>> with tempfile.TemporaryDirectory() as d:
...     out = kg.export(pathlib.Path(d) / "contacts.graphml", planned=True)
...     G = nx.read_graphml(out)
>>> G.graph["option_planned"], G.number_of_edges() == kg.network(planned=True).number_of_edges()
(True, True)
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..atomic import write_atomic
from ..contacts import EventCodes
from ..errors import StoreError, unknown_choice
from .projection import project, select_events

if TYPE_CHECKING:
    from ..contacts import ContactSource
    from ..records import ContactRecord

__all__ = ["CSV_COLUMNS", "EXPORT_FORMATS", "FORMATS", "PLOVER_FIELDS", "contacts_csv", "export", "flatten",
           "plover_rows"]

log = logging.getLogger(__name__)

#: Export formats, by the suffix that implies them.
FORMATS = {"graphml": "graphml", "gexf": "gexf", "csv": "csv", "json": "plover", "plover": "plover"}
_NO_CODES = EventCodes(None, None, None)
#: The formats :func:`export` writes (``json`` is plover).
EXPORT_FORMATS = ("graphml", "gexf", "csv", "plover")
#: Separator of list items in flattened attributes and CSV cells.
SEP = " | "
#: Columns of the contacts CSV table.
CSV_COLUMNS = ("id", "iri", "type", "kind", "status", "date", "precision", "participants", "participant_iris",
               "initiators", "intermediaries", "place", "gathering", "topics", "duration_minutes", "quote",
               "source", "source_title", "published")
#: Fields of a PLOVER-style row.
PLOVER_FIELDS = ("id", "event_id", "date", "date_precision", "actor", "actor_iri", "recipient", "recipient_iri",
                 "event_type", "mode", "cameo", "kind", "planned", "status", "place", "text_info", "source",
                 "source_title", "published", "language")


def _scalar(v: Any) -> Any:
    if v is None:
        return None
    if isinstance(v, list | tuple | set):
        return SEP.join("" if x is None else str(x).lower() if isinstance(x, bool) else str(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    if isinstance(v, bool | int | float | str):
        return v
    return str(v)


def _column_type(values: list[Any], complete: bool) -> type:
    kinds = {type(v) for v in values if v is not None}
    if not kinds:
        return str
    if kinds == {bool} and complete:
        return bool
    if kinds <= {int} and complete:
        return int
    if kinds <= {int, float} and complete and bool not in kinds:
        return float
    return str


def _flatten_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    keys = sorted({k for r in rows for k in r})
    flat = [{k: _scalar(r.get(k)) for k in keys} for r in rows]
    for k in keys:
        values = [r[k] for r in flat]
        complete = all(v is not None for v in values) and all(k in r for r in rows)
        t = _column_type(values, complete)
        for r in flat:
            v = r[k]
            if t is str:
                r[k] = "" if v is None else (str(v).lower() if isinstance(v, bool) else str(v))
            else:
                r[k] = t(v)
    return flat


def flatten(G: nx.Graph) -> nx.Graph:
    """A copy of *G* whose attributes are all scalars of one type per key (for GraphML and GEXF).

    Examples
    --------
    >>> G = nx.Graph(options={"since": None})
    >>> G.add_edge("a", "b", events=["x", "y"], first=None, count=2)
    >>> G.add_edge("b", "c", events=[], first="2019", count=0)
    >>> F = flatten(G)
    >>> F.edges["a", "b"], F.graph
    ({'count': 2, 'events': 'x | y', 'first': ''}, {'option_since': ''})
    """
    F = G.__class__()
    nodes = list(G.nodes)
    for n, attrs in zip(nodes, _flatten_rows([dict(G.nodes[n]) for n in nodes]), strict=True):
        F.add_node(n, **attrs)
    if G.is_multigraph():
        edges = list(G.edges(keys=True, data=True))
        for (a, b, k, _), attrs in zip(edges, _flatten_rows([dict(d) for *_, d in edges]), strict=True):
            F.add_edge(a, b, key=k, **attrs)
    else:
        plain = list(G.edges(data=True))
        for (a, b, _), attrs in zip(plain, _flatten_rows([dict(d) for *_, d in plain]), strict=True):
            F.add_edge(a, b, **attrs)
    for k, v in G.graph.items():
        if isinstance(v, dict):
            for name, value in v.items():
                F.graph[f"option_{name}" if k == "options" else f"{k}_{name}"] = (
                    "" if value is None else value if isinstance(value, bool | int | float | str) else str(value))
        else:
            F.graph[k] = "" if v is None else _scalar(v)
    return F


def _graph_bytes(G: nx.Graph, fmt: str) -> bytes:
    buf = io.BytesIO()
    F = flatten(G)
    if fmt == "graphml":
        nx.write_graphml(F, buf, encoding="utf-8")
    else:
        for _, d in F.nodes(data=True):  # GEXF takes "label" as the node label; keep it in the data too
            d.setdefault("label", "")
        nx.write_gexf(F, buf, encoding="utf-8")
    return buf.getvalue()


def contacts_csv(events: Iterable[ContactRecord]) -> str:
    """The contacts as a CSV table (columns :data:`CSV_COLUMNS`, lists joined with ``" | "``)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for c in events:
        w.writerow([c.id, c.iri, "plan" if c.planned else "contact", c.kind, c.status or "", c.date or "",
                    c.precision, SEP.join(p.label for p in c.participants),
                    SEP.join(p.iri for p in c.participants), SEP.join(p.label for p in c.initiators),
                    SEP.join(p.label for p in c.intermediaries), c.place or "", c.gathering or "",
                    SEP.join(c.topics), "" if c.duration_minutes is None else c.duration_minutes,
                    c.evidence.quote, c.source.iri, c.source.title, c.source.published])
    return buf.getvalue()


def plover_rows(source: ContactSource, events: Iterable[ContactRecord]) -> list[dict[str, Any]]:
    """PLOVER-style event rows, one per actor–recipient dyad of each contact.

    The initiators of a contact are its actors and the other participants
    its recipients; a contact without an initiator gives one row per pair of
    participants, in the order the source names them. ``event_type`` and
    ``mode`` are the PLOVER event and mode, ``cameo`` the CAMEO code, both
    from the ontology's SKOS mappings of the contact kind; ``text_info`` is
    the quote. Planned contacts carry ``planned: true`` and their status
    (the CAMEO code is still that of the kind).

    Examples
    --------
    >>> import diplograph as dg
    >>> kg = dg.load()
    >>> row = plover_rows(kg.source, kg.contacts("Biden", "Putin"))[0]
    >>> row["actor"], row["recipient"], row["event_type"], row["mode"], row["cameo"], row["date"]
    ('Joe Biden', 'Vladimir Putin', 'CONSULT', 'telephone', '041', '2022-02-12')
    """
    codes = source.codes()
    languages = source.languages()
    rows = []
    for c in events:
        code = codes.get(c.iri, _NO_CODES)
        people = list(dict.fromkeys(c.participants))
        starters = [p for p in people if p in c.initiators]
        if starters:
            dyads = [(a, b) for a in starters for b in people if b not in starters]
            if not dyads:
                dyads = [(a, b) for i, a in enumerate(starters) for b in starters[i + 1:]]
        else:
            dyads = [(a, b) for i, a in enumerate(people) for b in people[i + 1:]]
        for n, (a, b) in enumerate(dyads, 1):
            rows.append({
                "id": f"{c.id}#{n}", "event_id": c.iri, "date": c.date, "date_precision": c.precision,
                "actor": a.label, "actor_iri": a.iri, "recipient": b.label, "recipient_iri": b.iri,
                "event_type": code.plover, "mode": code.mode, "cameo": code.cameo, "kind": c.kind,
                "planned": c.planned, "status": c.status, "place": c.place, "text_info": c.evidence.quote,
                "source": c.source.iri, "source_title": c.source.title, "published": c.source.published,
                "language": languages.get(c.source.iri),
            })
    return rows


def export(source: ContactSource, path: str | Path, format: str | None = None, network: str = "persons",
           **options: Any) -> Path:
    """Write a network (GraphML, GEXF) or the contacts (CSV, PLOVER JSON) to *path*, atomically.

    Parameters
    ----------
    path : str or Path
        The output file.
    format : {"graphml", "gexf", "csv", "plover"}, optional
        Taken from the suffix when not given (``.json`` means plover).
    network : str
        For GraphML and GEXF: ``"persons"``, ``"bipartite"`` or ``"full"``.
    **options
        Projection options (``indirect``, ``planned``, ``institutional``,
        ``since``, ``until``); CSV and PLOVER rows take all but ``institutional``.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    InvalidArgumentError
        An unknown format.
    StoreError
        The file cannot be written.
    """
    path = Path(path)
    fmt = (format or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise unknown_choice("export format", fmt, EXPORT_FORMATS)
    fmt = FORMATS[fmt]
    if fmt in ("graphml", "gexf"):
        data = _graph_bytes(project(source, network, **options), fmt)
    else:
        if options.pop("institutional", False):
            log.info("institutional ties are not contacts; they are left out of %s rows", fmt)
        events = select_events(source, **options)
        if fmt == "csv":
            data = contacts_csv(events).encode("utf-8")
        else:
            text = json.dumps(plover_rows(source, events), ensure_ascii=False, indent=1)
            data = (text + "\n").encode("utf-8")
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from None
    log.info("wrote %s (%d bytes)", path, len(data))
    return path


