"""The in-memory backend: an rdflib graph.

Examples
--------
>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph()
>>> _ = g.add((URIRef("urn:x"), URIRef("urn:p"), Literal("hello")))
>>> b = MemoryBackend(g)
>>> result = b.execute("SELECT ?o WHERE { ?s <urn:p> ?o }", {"s": URIRef("urn:x")})
>>> [str(row[0]) for row in result.rows]
['hello']
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node, Variable

from ..errors import QueryError, first_line
from ..store import read_graph
from ..vocab import PREFIXES
from .base import Backend, QueryResult, inject_values

__all__ = ["MemoryBackend"]

log = logging.getLogger(__name__)


@lru_cache(maxsize=256)
def _prepared(text: str) -> Query:
    try:
        return prepareQuery(text, initNs=PREFIXES)
    except Exception as exc:  # pyparsing and rdflib raise several types
        raise QueryError(f"SPARQL syntax error: {first_line(exc)}") from None


class MemoryBackend(Backend):
    """An rdflib :class:`~rdflib.Graph` held in memory (the default store).

    Parameters
    ----------
    graph : rdflib.Graph, optional
        The data; an empty graph when omitted.
    """

    spec = "memory"

    def __init__(self, graph: Graph | None = None):
        self.graph = graph if graph is not None else Graph()

    def execute(self, text: str, bindings: Mapping[str, Node | Sequence[Node]] | None = None) -> QueryResult:
        bindings = bindings or {}
        if any(not isinstance(v, Node) for v in bindings.values()):
            # rdflib binds one value per variable: several go in as a VALUES block
            text, bindings = inject_values(text, bindings), {}
        prepared = _prepared(text)
        init = {Variable(k): v for k, v in bindings.items() if isinstance(v, Node)}
        try:
            result = self.graph.query(prepared, initBindings=init)  # type: ignore[arg-type]
        except QueryError:
            raise
        except Exception as exc:
            raise QueryError(f"query failed: {first_line(exc)}") from None
        if result.type == "ASK":
            return QueryResult("ASK", boolean=bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return QueryResult(str(result.type), graph=result.graph)
        variables = [str(v) for v in (result.vars or [])]
        return QueryResult("SELECT", vars=variables, rows=(tuple(row) for row in result))  # type: ignore[arg-type]

    def load(self, paths: Sequence[Path]) -> None:
        graph = read_graph(paths)  # parses everything first: on error self.graph is untouched
        self.graph = graph

    def count(self) -> int:
        return len(self.graph)

    def to_graph(self) -> Graph:
        return self.graph

    def has_subject(self, iri: str) -> bool:
        from rdflib import URIRef

        return (URIRef(iri), None, None) in self.graph
