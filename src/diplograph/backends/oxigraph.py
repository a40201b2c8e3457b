"""The Oxigraph stores: the query engine both embedded stores share, and the on-disk store.

:class:`OxigraphEngine` runs queries on a pyoxigraph store (values bound as
terms through a ``VALUES`` block, rows converted straight to Python values);
the in-memory store (:mod:`.memory`) and :class:`OxigraphBackend`, on disk,
differ only in where the data lives and how a load replaces it.

The data lives in a folder. Each :meth:`OxigraphBackend.load` bulk-loads the
files into the default graph of a fresh Oxigraph store in a new sub-folder
(``data-<id>``) and then, by renaming one small file (``diplograph.current``)
over the old one, makes it the store every query sees. A load that fails
part-way leaves the pointer, and so the data every query sees, as it was;
the half-written folder is removed (or, after a crash, at the next load).

Oxigraph's bulk loader writes its index files directly, in bounded memory,
into the default graph (three indexes, against six for a named graph; the
figures are in docs/scale.md). The bulk loader is not transactional, which
the fresh folder makes harmless.

The folder before the last one is kept until the next load, so that a
process that opened it read-only (the SPARQL server) can finish its
queries; such a process reopens the current folder when the pointer moves.

Examples
--------
>>> import tempfile
>>> from diplograph.bundled import GRAPH_FILE
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
import shutil
import uuid
from abc import abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ..atomic import write_atomic
from ..errors import QueryError, StoreError
from ..graphfiles import format_for
from ..vocab import PREFIXES
from .base import FLOAT_TYPES, INTEGER_TYPES, Backend, QueryResult, inject_values, query_form

__all__ = ["POINTER", "OxigraphBackend", "OxigraphEngine", "checked_files", "from_ox", "load_file", "to_ox"]

log = logging.getLogger(__name__)

#: The file in the store's folder naming the sub-folder that holds the current data.
POINTER = "diplograph.current"
_DATA_PREFIX = "data-"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"

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


def _plain(term: Any) -> Any:
    """A pyoxigraph term as a plain Python value, as :func:`~diplograph.backends.base.plain` gives."""
    if type(term) is not ox.Literal:
        return None if term is None else term.value
    if term.language:
        return term.value
    dt = term.datatype.value
    if dt == _XSD_STRING:
        return term.value
    if dt in INTEGER_TYPES:
        return int(term.value)
    if dt in FLOAT_TYPES:
        return float(term.value)
    if dt == _XSD_BOOLEAN:
        return term.value in ("true", "1")
    return term.value


class OxigraphEngine(Backend):
    """The query side of a pyoxigraph :class:`~pyoxigraph.Store`, shared by the in-memory and on-disk stores.

    Subclasses say which store queries read (:meth:`_current`) and how files are loaded.
    """

    @abstractmethod
    def _current(self) -> Any:
        """The pyoxigraph store queries read now."""

    # -- queries --

    def _query(self, text: str, bindings: Mapping[str, Node | Sequence[Node]] | None) -> tuple[str, Any]:
        # pyoxigraph's own substitutions only reach projected variables, so bind
        # through a VALUES block (terms in N-Triples form), as on a remote endpoint
        text = inject_values(text, bindings or {})
        try:
            return text, self._current().query(text, prefixes={k: str(v) for k, v in PREFIXES.items()})
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"query failed: {exc}") from None

    def execute(self, text: str, bindings: Mapping[str, Node | Sequence[Node]] | None = None) -> QueryResult:
        text, result = self._query(text, bindings)
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

    def select_plain(self, text: str, bindings: Mapping[str, Node | Sequence[Node]] | None = None
                     ) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
        # straight from Oxigraph's terms to Python values, without making rdflib terms first
        text, result = self._query(text, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError(f"rows need a SELECT query, not {query_form(text)}")
        variables = [v.value for v in result.variables]

        def rows() -> Iterator[tuple[Any, ...]]:
            try:
                for solution in result:  # a solution iterates its values in the order of the variables
                    yield tuple(map(_plain, solution))
            except (OSError, ValueError, RuntimeError) as exc:
                raise QueryError(f"query failed: {exc}") from None

        return variables, rows()

    def count(self) -> int:
        return len(self._current())

    def has_subject(self, iri: str) -> bool:
        store = self._current()
        return any(True for _ in store.quads_for_pattern(ox.NamedNode(iri), None, None, ox.DefaultGraph()))

    def to_graph(self) -> Graph:
        g = Graph()
        for q in self._current().quads_for_pattern(None, None, None, ox.DefaultGraph()):
            g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))  # type: ignore[arg-type]
        return g


class OxigraphBackend(OxigraphEngine):
    """An Oxigraph store in a folder on disk, persistent across runs.

    Parameters
    ----------
    path : str or Path
        The store's folder (created when missing).
    read_only : bool
        Open without write access (several processes may read at once, and
        one may load meanwhile: readers move to the new data at their next
        query).

    Raises
    ------
    StoreError
        The folder cannot be opened, or holds something else than a
        diplograph store.
    """

    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = Path(path)
        self.spec = f"oxigraph:{self.path}"
        self.read_only = read_only
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path}: not a folder")
        if (self.path / "CURRENT").exists() and not (self.path / POINTER).exists():
            raise StoreError(f"{self.path}: an Oxigraph store written by an earlier diplograph (no "
                             f"{POINTER}); load the graph into a new folder")
        if not read_only:
            try:
                self.path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{self.path}: cannot create the store's folder: {exc}") from None
        self._name: str | None = None
        self._store: Any = None
        self._open_current()

    # -- the current data --

    def current_folder(self) -> Path | None:
        """The sub-folder queries read, or None when nothing was loaded yet."""
        try:
            name = (self.path / POINTER).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StoreError(f"{self.path / POINTER}: cannot read: {exc}") from None
        if not name.startswith(_DATA_PREFIX) or "/" in name or not (self.path / name).is_dir():
            raise StoreError(f"{self.path / POINTER}: names {name!r}, which is not a data folder of this store")
        return self.path / name

    def _open_current(self) -> None:
        folder = self.current_folder()
        name = folder.name if folder is not None else None
        if self._store is not None and name == self._name:
            return
        try:
            if folder is None:
                self._store = ox.Store()  # nothing loaded yet: an empty store in memory
            elif self.read_only:
                self._store = ox.Store.read_only(str(folder))
            else:
                self._store = ox.Store(str(folder))
        except OSError as exc:
            raise StoreError(f"{folder or self.path}: cannot open the Oxigraph store: {exc}") from None
        self._name = name

    def _current(self) -> Any:
        if self._store is None:
            raise StoreError(f"{self.path}: the store was closed")
        if self.read_only:  # another process may have loaded new data meanwhile
            self._open_current()
        return self._store

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
        files = checked_files(paths)
        name = _DATA_PREFIX + uuid.uuid4().hex
        folder = self.path / name
        fresh: Any = None
        try:
            try:
                fresh = ox.Store(str(folder))
            except OSError as exc:
                raise StoreError(f"{folder}: cannot create an Oxigraph store: {exc}") from None
            for p in files:
                load_file(fresh, p)
                log.debug("loaded %s into %s", p, folder)
            fresh.flush()
            previous = self._name
            write_atomic(self.path / POINTER, (name + "\n").encode())
        except BaseException:
            fresh = None
            _remove(folder)
            raise
        self._store, self._name = fresh, name
        self._cleanup(keep={name, previous})
        log.info("%s: now serving %s (was %s)", self.path, name, previous or "empty")

    def _cleanup(self, keep: set[str | None]) -> None:
        for child in self.path.iterdir():
            if child.is_dir() and child.name.startswith(_DATA_PREFIX) and child.name not in keep:
                _remove(child)

    def close(self) -> None:
        """Let go of the folder (another process may open it afterwards)."""
        self._store = None


def checked_files(paths: Sequence[str | Path]) -> list[Path]:
    """*paths* as paths, once each is known to be a graph file of an accepted format.

    Raises
    ------
    StoreError
        A missing file, RDF/XML or an unknown suffix (before anything is written).
    """
    files = [Path(p) for p in paths]
    for p in files:
        format_for(p)
        if not p.is_file():
            raise StoreError(f"{p}: graph file not found")
    return files


def load_file(store: Any, path: Path) -> None:
    """Load one graph file into the default graph of a pyoxigraph store with its bulk loader.

    Quads of TriG and N-Quads files go into the one default graph.

    Raises
    ------
    StoreError
        The file does not parse, or cannot be read.
    """
    fmt = _OX_FORMATS[format_for(path)]
    try:
        if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):  # every quad into the one data graph
            store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                              for q in ox.parse(path=str(path), format=fmt))
        else:
            store.bulk_load(path=str(path), format=fmt)
    except SyntaxError as exc:
        raise StoreError(f"{path}: does not parse as {format_for(path)}: {exc}") from None
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: cannot load: {exc}") from None


def _remove(folder: Path) -> None:
    try:
        shutil.rmtree(folder)
    except FileNotFoundError:
        pass
    except OSError as exc:  # the orphan is removed at the next load
        log.warning("could not remove %s: %s", folder, exc)
