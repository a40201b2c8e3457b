"""The on-disk backend: an embedded Oxigraph store (pyoxigraph).

The data lives in a folder. Each :meth:`OxigraphBackend.load` writes the
files into a fresh named graph and then, in one transaction, points the
store's "current" marker at it; queries see only the current graph (as
their default graph). A load that fails part-way leaves the marker, and so
the data every query sees, as it was; the half-written graph is removed
(or, after a crash, at the next load).

Examples
--------
>>> import tempfile
>>> from diplograph.resources import GRAPH_FILE
>>> folder = tempfile.mkdtemp()
>>> store = OxigraphBackend(folder)
>>> store.load([GRAPH_FILE])
>>> store.count() > 100
True
>>> result = store.execute("ASK { ?s ?p ?o }")
>>> result.boolean
True
>>> store.close()
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ..errors import QueryError, StoreError
from ..store import format_for
from ..vocab import PREFIXES
from .base import Backend, QueryResult, inject_values, query_form

__all__ = ["CURRENT", "META_GRAPH", "OxigraphBackend", "from_ox", "to_ox"]

log = logging.getLogger(__name__)

#: The graph holding the store's bookkeeping (which data graph is current).
META_GRAPH = ox.NamedNode("urn:diplograph:store:meta")
#: The predicate pointing from the store to its current data graph.
CURRENT = ox.NamedNode("urn:diplograph:store:current")
_STORE = ox.NamedNode("urn:diplograph:store")
_DATA_PREFIX = "urn:diplograph:store:data:"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

_OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "json-ld": ox.RdfFormat.JSON_LD,
}


def to_ox(term: Node) -> Any:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise QueryError(f"cannot bind {term!r}")


def from_ox(term: Any) -> Node | None:
    """A pyoxigraph term as an rdflib term (plain strings without a datatype, as rdflib reads them)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return Literal(term.value) if dt == _XSD_STRING else Literal(term.value, datatype=URIRef(dt))
    raise QueryError(f"unsupported term in a result: {term!r}")


class OxigraphBackend(Backend):
    """An Oxigraph store in a folder on disk, persistent across runs.

    Parameters
    ----------
    path : str or Path
        The store's folder (created when missing).
    read_only : bool
        Open without write access (several processes may read at once, but
        none may write meanwhile).

    Raises
    ------
    StoreError
        The folder cannot be opened (for instance another process holds it).
    """

    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = Path(path)
        self.spec = f"oxigraph:{self.path}"
        self.read_only = read_only
        try:
            if read_only:
                self._store: Any = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot open the Oxigraph store: {exc}") from None

    # -- the current graph --

    def current_graph(self) -> Any:
        """The named graph queries see, or None when nothing was loaded yet."""
        for quad in self._store.quads_for_pattern(_STORE, CURRENT, None, META_GRAPH):
            return quad.object
        return None

    def _default(self) -> Any:
        current = self.current_graph()
        return [current] if current is not None else [ox.NamedNode(_DATA_PREFIX + "none")]

    # -- queries --

    def execute(self, text: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        # pyoxigraph's own substitutions only reach projected variables, so bind
        # through a VALUES block (terms in N-Triples form), as on a remote endpoint
        text = inject_values(text, bindings or {})
        try:
            result = self._store.query(text, prefixes={k: str(v) for k, v in PREFIXES.items()},
                                       default_graph=self._default(), named_graphs=[])
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"query failed: {exc}") from None
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("ASK", boolean=bool(result))
        if isinstance(result, ox.QueryTriples):
            g = Graph()
            for t in result:
                g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))  # type: ignore[arg-type]
            return QueryResult(query_form(text), graph=g)
        variables = [v.value for v in result.variables]

        def rows() -> Iterator[tuple[Node | None, ...]]:
            try:
                for solution in result:
                    yield tuple(from_ox(solution[v]) for v in variables)
            except (OSError, ValueError, RuntimeError) as exc:
                raise QueryError(f"query failed: {exc}") from None

        return QueryResult("SELECT", vars=variables, rows=rows())

    def count(self) -> int:
        result = self.execute("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        (row,) = list(result.rows)
        return int(row[0]) if row[0] is not None else 0  # type: ignore[call-overload]

    def has_subject(self, iri: str) -> bool:
        current = self.current_graph()
        if current is None:
            return False
        return any(True for _ in self._store.quads_for_pattern(ox.NamedNode(iri), None, None, current))

    def to_graph(self) -> Graph:
        g = Graph()
        current = self.current_graph()
        if current is not None:
            for q in self._store.quads_for_pattern(None, None, None, current):
                g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))  # type: ignore[arg-type]
        return g

    # -- loading --

    def load(self, paths: Sequence[Path]) -> None:
        """Replace the data with the triples of *paths*, atomically.

        Quads in TriG or N-Quads files are merged into the one data graph.

        Raises
        ------
        StoreError
            A file is missing or does not parse (the previous data stays current).
        """
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only")
        files = [Path(p) for p in paths]
        for p in files:
            format_for(p)  # refuses RDF/XML and unknown suffixes before anything is written
            if not p.is_file():
                raise StoreError(f"{p}: graph file not found")
        staging = ox.NamedNode(_DATA_PREFIX + uuid.uuid4().hex)
        try:
            for p in files:
                fmt = _OX_FORMATS[format_for(p)]
                try:
                    if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
                        quads = ox.parse(path=str(p), format=fmt)
                        self._store.extend(ox.Quad(q.subject, q.predicate, q.object, staging) for q in quads)
                    else:
                        self._store.load(path=str(p), format=fmt, to_graph=staging)
                except SyntaxError as exc:
                    raise StoreError(f"{p}: does not parse as {format_for(p)}: {exc}") from None
                except OSError as exc:
                    raise StoreError(f"{p}: cannot load into {self.path}: {exc}") from None
                log.debug("loaded %s into %s", p, staging.value)
            old = self.current_graph()
            swap = (f"DELETE WHERE {{ GRAPH {META_GRAPH} {{ {_STORE} {CURRENT} ?g }} }} ;\n"
                    f"INSERT DATA {{ GRAPH {META_GRAPH} {{ {_STORE} {CURRENT} {staging} }} }}")
            self._store.update(swap)
        except BaseException:
            self._drop(staging)
            raise
        self._cleanup(keep=staging)
        log.info("%s: now serving %s (was %s)", self.path, staging.value, old.value if old else "empty")

    def _drop(self, graph: Any) -> None:
        try:
            self._store.remove_graph(graph)
        except Exception as exc:  # the orphan is removed at the next load
            log.warning("%s: could not remove %s: %s", self.path, graph, exc)

    def _cleanup(self, keep: Any) -> None:
        for g in list(self._store.named_graphs()):
            if isinstance(g, ox.NamedNode) and g.value.startswith(_DATA_PREFIX) and g != keep:
                self._drop(g)
        self._store.flush()

    def close(self) -> None:
        """Let go of the folder (another process may open it afterwards)."""
        self._store = None
