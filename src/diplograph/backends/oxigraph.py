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

A data folder is never written once the pointer names it: queries read it
through a read-only handle, so any number of processes (commands, the
SPARQL server's workers) read one store at once, also in a folder they
cannot write. Each holds a shared ``flock`` on the data folder it reads (and
on the one it read before, whose rows a stream may still be reading) and
moves to the current one at its next query when the pointer has moved; a
load removes only the folders nobody holds, so a reader's folder is never
pulled from under it.
Loads are serialised by ``diplograph.lock``: a second one while the first
runs fails at once ("the store is busy") and touches nothing.

A folder that holds no store is opened only with ``create=True``: a typo
in a path is an error naming it, not a new empty store.

Examples
--------
>>> import tempfile
>>> from diplograph.bundled import GRAPH_FILE
>>> folder = tempfile.mkdtemp()
>>> OxigraphBackend(folder)
Traceback (most recent call last):
...
diplograph.errors.StoreNotFoundError: no store at ... (the folder holds no store yet); to make one there, ...
>>> store = OxigraphBackend(folder, create=True)
>>> store.load([GRAPH_FILE])
>>> store.count() > 100
True
>>> result = store.execute("ASK { ?s ?p ?o }")
>>> result.boolean
True
>>> store.close()
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import uuid
from abc import abstractmethod
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ..atomic import TEMP_SUFFIX, ensure_folder, write_atomic
from ..errors import QueryError, StoreBusyError, StoreError, StoreNotFoundError, near_matches
from ..graphfiles import check_graph_file, format_for
from ..vocab import PREFIXES
from .base import FLOAT_TYPES, INTEGER_TYPES, Backend, QueryResult, inject_values, query_form

__all__ = ["INDEX_PREFIXES", "LOCK", "POINTER", "OxigraphBackend", "OxigraphEngine", "checked_files", "from_ox",
           "load_file", "read_triples", "to_ox"]

log = logging.getLogger(__name__)

#: The file in the store's folder naming the sub-folder that holds the current data.
POINTER = "diplograph.current"
#: The file a load locks (``flock``) for as long as it runs; it holds the loading process's id.
LOCK = "diplograph.lock"
_DATA_PREFIX = "data-"
#: How the entries the store's contact index keeps beside the data begin (its files, and its work while built).
INDEX_PREFIXES = ("index-", ".index-")
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

    def select_csv(self, text: str, path: str | Path) -> None:
        # Oxigraph writes the CSV itself (no Python object per value)
        text, result = self._query(text, None)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError(f"rows need a SELECT query, not {query_form(text)}")
        try:
            result.serialize(output=str(path), format=ox.QueryResultsFormat.CSV)
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"query failed: {exc}") from None

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
        The store's folder.
    read_only : bool
        Never write: :meth:`load` is refused and nothing in the folder is
        touched, so a store in a read-only folder can be queried.
    create : bool
        Make the store when *path* holds none (a new folder, or an empty
        one); its data is empty until the first :meth:`load`. Without it, a
        folder that holds no store is an error naming it (with the stores
        among its neighbours whose names are close: a typo is never a new,
        empty store).

    Raises
    ------
    StoreError
        The folder holds no store (and *create* is false), holds something
        else than a diplograph store, or cannot be opened.

    Notes
    -----
    Any number of processes may open the same store, read-only or not, and
    query it at once: queries read the current data folder through a
    read-only handle and never lock it against others. Loads take the lock
    file ``diplograph.lock``: a second load while one runs fails at once with
    "the store is busy". Each process holds a shared lock on the data folder
    it reads, and a load removes only the folders nobody holds.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False, create: bool = False):
        self.path = Path(path)
        self.spec = f"oxigraph:{self.path}"
        self.read_only = read_only
        self._name: str | None = None
        self._store: Any = None
        self._held: int | None = None  # a handle on the data folder read, with a shared lock on it
        self._left: int | None = None  # the same for the folder read before, which a stream may still read
        self._prepare_folder(create)
        self._open_current()

    # -- the folder --

    def _prepare_folder(self, create: bool) -> None:
        p = self.path
        if p.exists() and not p.is_dir():
            raise StoreError(f"{p}: not a folder")
        if (p / POINTER).exists():
            return
        if (p / "CURRENT").exists():
            raise StoreError(f"{p}: an Oxigraph store written by an earlier diplograph (no "
                             f"{POINTER}); load the graph into a new folder")
        if p.is_dir():
            try:
                foreign = sorted(c.name for c in p.iterdir() if not _ours(c.name))
            except OSError as exc:
                raise StoreError(f"{p}: cannot read the folder: {exc.strerror}") from None
            if foreign:
                raise StoreError(f"{p}: holds files that are not a diplograph store ({foreign[0]!r}"
                                 f"{f' and {len(foreign) - 1} more' if len(foreign) > 1 else ''}); "
                                 "choose a new or an empty folder")
            if not create:
                raise _no_store(p, "the folder holds no store yet")
            return
        if not create:
            raise _no_store(p, "no such folder")
        if self.read_only:
            raise StoreError(f"{p}: cannot create a store read-only")
        ensure_folder(p.parent, self.spec)
        try:
            p.mkdir(exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{p}: cannot create the store's folder: {exc.strerror}") from None

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

    def data_version(self) -> str | None:
        """The name of the data folder queries read now (``data-<id>``), new at every load; None before the first.

        Examples
        --------
        >>> import tempfile
        >>> from diplograph.bundled import GRAPH_FILE
        >>> store = OxigraphBackend(tempfile.mkdtemp(), create=True)
        >>> store.data_version() is None
        True
        >>> store.load([GRAPH_FILE])
        >>> store.data_version().startswith("data-")
        True
        >>> store.close()
        """
        self._current()
        return self._name

    def _open_current(self) -> None:
        for _ in range(10):  # each turn, a load elsewhere has replaced the folder just read
            folder = self.current_folder()
            name = folder.name if folder is not None else None
            if self._store is not None and name == self._name:
                return
            if folder is None:  # nothing loaded yet: an empty store in memory
                self._swap(ox.Store(), None, None)
                return
            held = _hold_shared(folder)
            if held is None:
                continue
            try:
                store = ox.Store.read_only(str(folder))
            except (OSError, ValueError, RuntimeError) as exc:
                os.close(held)
                raise StoreError(f"{folder}: cannot open the Oxigraph store: {exc}") from None
            self._swap(store, name, held)
            return
        raise StoreError(f"{self.path}: its data kept changing while it was being opened; try again")

    def _swap(self, store: Any, name: str | None, held: int | None) -> None:
        # the folder left stays held until the next move: rows of a query begun there may still be read
        released, self._left, self._held = self._left, self._held, held
        self._store, self._name = store, name
        if released is not None:
            os.close(released)

    def _release_left(self) -> None:
        left, self._left = self._left, None
        if left is not None:
            os.close(left)

    def _current(self) -> Any:
        if self._store is None:
            raise StoreError(f"{self.path}: the store was closed")
        self._open_current()  # another process may have loaded new data meanwhile
        return self._store

    # -- loading --

    def load(self, paths: Sequence[Path], *, then: Callable[[], None] | None = None) -> None:
        """Replace the data with the triples of *paths*, atomically.

        Quads in TriG or N-Quads files are merged into the one data graph.
        *then*, keyword only, is called once the new data is current, with
        the store still locked against other loads (the contact index is
        written there, so that no other load comes between).

        Raises
        ------
        StoreError
            A file is missing, refused or does not parse (the previous data
            stays current); the store is open read-only; another process is
            loading into it ("the store is busy").
        """
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only")
        files = checked_files(paths)
        with _write_lock(self.path):
            previous = self._name
            name = _DATA_PREFIX + uuid.uuid4().hex
            folder = self.path / name
            store, held = _load_folder(folder, files)
            try:
                write_atomic(self.path / POINTER, (name + "\n").encode())
            except BaseException:
                os.close(held)
                store = None
                _remove(folder)
                raise
            self._swap(store, name, held)
            self._release_left()  # this process's reads of the data replaced end with its load
            self._cleanup()
            if then is not None:
                then()
        log.info("%s: now serving %s (was %s)", self.path, name, previous or "empty")

    def _cleanup(self) -> None:
        """Remove every data folder but the current one that no process holds (the write lock is held)."""
        for child in self.path.iterdir():
            if not child.name.startswith(_DATA_PREFIX) or child.name == self._name or not child.is_dir():
                continue
            try:
                fd = os.open(child, os.O_RDONLY | os.O_DIRECTORY)
            except OSError:
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:  # a reader still has it open: removed by a later load
                os.close(fd)
                log.debug("%s is still read by another process; kept", child)
                continue
            try:
                _remove(child)
            finally:
                os.close(fd)

    def close(self) -> None:
        """Let go of the folder (its data folders may then be removed by a load elsewhere)."""
        self._swap(None, None, None)
        self._swap(None, None, None)

    def __del__(self) -> None:
        for attr in ("_held", "_left"):
            try:
                fd = getattr(self, attr)
                if fd is not None:
                    setattr(self, attr, None)
                    os.close(fd)
            except (AttributeError, OSError):  # pragma: no cover - a half-made object, or shutdown
                pass


def _ours(name: str) -> bool:
    """Whether an entry of a store's folder is one a store or its index writes."""
    return (name in (POINTER, LOCK) or name.startswith(_DATA_PREFIX) or name.startswith(INDEX_PREFIXES)
            or (name.startswith(f".{POINTER}.") and name.endswith(TEMP_SUFFIX)))


def _no_store(path: Path, why: str) -> StoreNotFoundError:
    parent = path.parent
    try:
        stores = [c.name for c in parent.iterdir() if c.name != path.name and (c / POINTER).is_file()]
    except OSError:
        stores = []
    close = near_matches(path.name, stores)
    hint = f"; did you mean {', '.join(repr('oxigraph:' + str(parent / c)) for c in close)}?" if close else ""
    return StoreNotFoundError(f"no store at {path} ({why}){hint}; to make one there, load files into it (--graph FILE) "
                      "or pass --create (in Python: dg.load(FILE, store=...) or create=True)")


def _hold_shared(folder: Path) -> int | None:
    """A handle on *folder* with a shared lock, or None when the folder is gone or being removed."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"{folder}: cannot open: {exc.strerror}") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        if os.stat(folder).st_ino == os.fstat(fd).st_ino:
            return fd
    except (BlockingIOError, FileNotFoundError):
        pass
    os.close(fd)
    return None


@contextmanager
def _write_lock(folder: Path) -> Iterator[None]:
    """Hold the store's lock file for a load; a second holder is told the store is busy."""
    try:
        fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise StoreError(f"{folder}: cannot write to the store: {exc.strerror}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            who = f"another process (pid {holder})" if holder.isdigit() else "another process"
            raise StoreBusyError(f"{folder}: the store is busy: {who} is loading data into it; try again once it "
                             "has finished") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # closing the handle releases the lock


def _load_folder(folder: Path, files: Sequence[Path]) -> tuple[Any, int]:
    """Bulk-load *files* into a new store in *folder*; return it reopened read-only, and a shared hold on it.

    The writing handle is closed before the folder is read, so that no data
    folder is ever written once a reader may see it. On any error the folder
    is removed.
    """
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
        fresh = None  # closes the writing handle
        held = _hold_shared(folder)
        if held is None:  # pragma: no cover - nothing removes a folder while the write lock is held
            raise StoreError(f"{folder}: removed while it was being loaded")
        try:
            return ox.Store.read_only(str(folder)), held
        except BaseException:
            os.close(held)
            raise
    except (OSError, ValueError, RuntimeError) as exc:
        fresh = None
        _remove(folder)
        raise StoreError(f"{folder}: cannot open the loaded store: {exc}") from None
    except BaseException:
        fresh = None
        _remove(folder)
        raise


def checked_files(paths: Sequence[str | Path]) -> list[Path]:
    """*paths* as paths, once each is known to be a graph file of an accepted format.

    Raises
    ------
    StoreError
        A missing file, RDF/XML or an unknown suffix, or a file
        :func:`~diplograph.graphfiles.check_graph_file` refuses (before
        anything is written).
    """
    files = [Path(p) for p in paths]
    for p in files:
        check_graph_file(p)
    return files


def read_triples(path: Path, *, lenient: bool = False) -> Iterator[Any]:
    """The triples (or quads) of one graph file, read with the parser :func:`load_file` loads it with.

    *lenient* skips the checks of IRIs and language tags (faster; for a file
    the store's own load checks).

    Raises
    ------
    StoreError
        The file does not parse, or cannot be read.
    """
    try:
        yield from ox.parse(path=str(path), format=_OX_FORMATS[format_for(path)], lenient=lenient)
    except (SyntaxError, MemoryError, OSError, ValueError) as exc:
        raise _file_error(path, exc, "read") from None


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
    except (SyntaxError, MemoryError, OSError, ValueError) as exc:
        raise _file_error(path, exc, "load") from None


def _file_error(path: Path, exc: BaseException, doing: str) -> StoreError:
    """The error a graph file that cannot be read or loaded is refused with, naming it."""
    if isinstance(exc, SyntaxError):
        return StoreError(f"{path}: does not parse as {format_for(path)}: {exc}")
    if isinstance(exc, MemoryError):
        if "buffer maximal size" in str(exc):  # Oxigraph's parsers read one term into a 16 MiB buffer at most
            return StoreError(f"{path}: holds a term (a literal or an IRI) longer than 16 MiB, which Oxigraph's "
                              "parser does not read; shorten it or keep such texts out of the graph")
        return StoreError(f"{path}: ran out of memory while {'loading' if doing == 'load' else 'reading'} it")
    return StoreError(f"{path}: cannot {doing}: {exc}")


def _remove(folder: Path) -> None:
    try:
        shutil.rmtree(folder)
    except FileNotFoundError:
        pass
    except OSError as exc:  # the orphan is removed at the next load
        log.warning("could not remove %s: %s", folder, exc)
