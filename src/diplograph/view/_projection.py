"""A stand-in for ``diplograph.network.project`` while that module is not on this branch.

MINIMAL PROJECTION, TO BE REPLACED AT MERGE TIME by ``diplograph.network.project``
(the network projection of issue 3). It follows the projection contract for
the ``persons`` and ``full`` networks only, and :func:`project` prefers the
real module whenever it can be imported.
"""

from __future__ import annotations

import importlib
import itertools
import logging
from collections import Counter
from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph

__all__ = ["minimal_project", "project"]

log = logging.getLogger(__name__)

_TYPES = {
    "Person": "person", "Organization": "organisation", "Country": "country", "UnnamedGroup": "group",
    "Place": "place", "Gathering": "gathering", "Contact": "contact", "PlannedContact": "plan", "Claim": "claim",
}
_PRIORITY = ["plan", "contact", "claim", "person", "country", "group", "organisation", "gathering", "place"]


def project(kg: KnowledgeGraph, network: str = "persons", **options: Any) -> Any:
    """The projection of *kg*: ``diplograph.network.project`` when present, else :func:`minimal_project`."""
    try:
        module = importlib.import_module("diplograph.network")
        real_project = module.project
    except (ImportError, AttributeError):
        log.debug("diplograph.network.project is not available; using the minimal projection")
        return minimal_project(kg, network, **options)
    return real_project(kg, network, **options)


def minimal_project(kg: KnowledgeGraph, network: str = "persons", *, indirect: bool = False, planned: bool = False,
                    institutional: bool = False, since: Any = None, until: Any = None) -> Any:
    """A minimal projection following the contract (``persons`` and ``full`` only; no institutional ties)."""
    options = {"network": network, "indirect": indirect, "planned": planned, "institutional": institutional,
               "since": since, "until": until}
    if network == "full":
        return _full(kg, options)
    g = nx.Graph(options=options, built_from=len(kg.graph))
    records = list(kg.contacts(since=since, until=until))
    if planned:
        records += [p for p in kg.planned() if _inside(kg, p.date, since, until)]
    for c in records:
        if c.kind == "indirectContact" and not indirect:
            continue
        people = list(c.participants) + (list(c.intermediaries) if indirect else [])
        for p in people:
            if p.iri not in g:
                g.add_node(p.iri, iri=p.iri, label=p.label, label_ar=p.label_ar or p.label, type=_type_of(kg, p.iri))
        for a, b in itertools.combinations(dict.fromkeys(p.iri for p in people), 2):
            if not g.has_edge(a, b):
                g.add_edge(a, b, events=[], kinds=[], dates=[], planned=[], ties=[])
            d = g.edges[a, b]
            d["events"].append(c.iri)
            d["kinds"].append(c.kind)
            d["dates"].append(c.date)
            d["planned"].append(c.planned)
    for _, _, d in g.edges(data=True):
        d["count"] = len(d["events"])
        d["weight"] = float(d["count"])
        counts = Counter(d["kinds"])
        d["kind"] = min(counts, key=lambda k: (-counts[k], k))
        dated = sorted(x for x in d["dates"] if x)
        d["first"], d["last"] = (dated[0], dated[-1]) if dated else (None, None)
    return g


def _inside(kg: KnowledgeGraph, iso: str | None, since: Any, until: Any) -> bool:
    if since is None and until is None:
        return True
    if iso is None:
        return False
    from ..kg import _bounds

    lo, hi = kg._window(since, until)
    first, last = _bounds(iso)
    return not ((lo and first < lo) or (hi and last > hi))


def _type_of(kg: KnowledgeGraph, iri: str) -> str:
    entity = kg.names.get(iri) if hasattr(kg.names, "get") else None
    kind = getattr(entity, "kind", None)
    return str(kind) if kind else "other"


def _full(kg: KnowledgeGraph, options: dict[str, Any]) -> Any:
    from rdflib import RDF, RDFS, URIRef

    from ..vocab import ID

    g = nx.MultiDiGraph(options=options, built_from=len(kg.graph))
    types: dict[str, list[str]] = {}
    for s, o in kg.graph.subject_objects(RDF.type):
        local = str(o).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        if local in _TYPES:
            types.setdefault(str(s), []).append(_TYPES[local])
    labels: dict[tuple[str, str], str] = {}
    for s, o in kg.graph.subject_objects(RDFS.label):
        lang = getattr(o, "language", None) or "en"
        labels.setdefault((str(s), lang), str(o))
    for s, p, o in kg.graph:
        if not (isinstance(s, URIRef) and isinstance(o, URIRef)) or p == RDF.type:
            continue
        if not (str(s).startswith(str(ID)) and str(o).startswith(str(ID))):
            continue
        for n in (str(s), str(o)):
            if n not in g:
                kinds = types.get(n, [])
                kind = next((k for k in _PRIORITY if k in kinds), "other")
                en = labels.get((n, "en")) or n.rsplit("/", 1)[-1]
                g.add_node(n, iri=n, label=en, label_ar=labels.get((n, "ar")) or en, type=kind)
        g.add_edge(str(s), str(o), key=str(p), predicate=str(p))
    return g
