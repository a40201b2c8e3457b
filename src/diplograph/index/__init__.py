"""The contact index: the analyst's questions answered from columnar tables beside the store.

The store stays the source of truth and SPARQL its open door; the index is
a DuckDB file of flat tables (:mod:`.schema`) derived from it by streamed
single-pattern reads (:mod:`.scan`, :mod:`.builder`) or, at a load, from the
files being loaded, read beside the load (:mod:`.files`, :func:`load_indexed`),
stamped with the version of the store's data (:mod:`.stamp`). :class:`IndexContacts` (:mod:`.source`)
answers the same :class:`~diplograph.contacts.ContactSource` questions as
the store's own source, with the same records; networks are projected from
its role table in bulk (:mod:`.network`).

Where it lives: an Oxigraph store on disk keeps its index in its folder
(``index-<data folder>.duckdb``, one per version of the data), written at
every load; a store in memory or a SPARQL endpoint gets one in memory,
built when first asked for.

Examples
--------
>>> import diplograph as dg
>>> kg = dg.load(index=True)
>>> type(kg.source).__name__
'IndexContacts'
>>> [c.date for c in kg.contacts("Trump", "Putin")][:2]
['2017-07-07', '2017-11-11']
>>> kg.table("contacts").num_rows
14
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import shutil
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..backends import Backend
from ..errors import StoreError, first_line
from .builder import build, build_in_memory
from .files import stage_files
from .schema import PUBLIC_TABLES, SCHEMA_VERSION
from .source import IndexContacts, StaleIndexError
from .stamp import store_version

__all__ = ["INDEX_FILE", "PUBLIC_TABLES", "IndexContacts", "StaleIndexError", "build", "build_in_memory",
           "check_index_setting", "contact_source", "index_path", "load_indexed", "open_index", "read_index",
           "store_version"]

log = logging.getLogger(__name__)

#: The index file's name in an Oxigraph store's folder, for the data folder it indexes.
INDEX_FILE = "index-{data}.duckdb"


def index_path(store: Backend) -> Path | None:
    """Where the index of the data *store* holds now is kept: in an on-disk store's folder; None elsewhere.

    Each version of the data has a file of its own (a process reading the
    previous one keeps reading it until its store moves on).
    """
    from ..backends.oxigraph import OxigraphBackend

    if not isinstance(store, OxigraphBackend):
        return None
    return store.path / INDEX_FILE.format(data=store.data_version() or "empty")


def _cleanup(store: Backend, keep: Path) -> None:
    """Remove the index files of data the store no longer holds (the newest previous one is kept, as its data is)."""
    from ..backends.oxigraph import OxigraphBackend

    if not isinstance(store, OxigraphBackend):
        return
    data = {p.name for p in store.path.iterdir() if p.is_dir()}
    for p in store.path.glob(INDEX_FILE.format(data="*")):
        name = p.name.removeprefix("index-").removesuffix(".duckdb")
        if p != keep and name not in data:
            p.unlink(missing_ok=True)


def read_index(path: str | Path, expect: str | None) -> Any:
    """A read-only connection to the index file *path*, if it is whole, of this schema and built from *expect*.

    Raises
    ------
    StaleIndexError
        The file is missing, damaged (truncated, not DuckDB), of another
        schema, or built from another version of the store's data.
    """
    import duckdb

    p = Path(path)
    if not p.is_file():
        raise StaleIndexError(f"{p}: no index")
    try:
        con = duckdb.connect(str(p), read_only=True)
    except duckdb.Error as exc:
        raise StaleIndexError(f"{p}: not a readable index ({first_line(exc)})") from None
    try:
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        tables = {t for (t,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    except duckdb.Error as exc:
        con.close()
        raise StaleIndexError(f"{p}: not a readable index ({first_line(exc)})") from None
    problem = None
    if meta.get("schema") != str(SCHEMA_VERSION):
        problem = f"of schema {meta.get('schema')!r}, not {SCHEMA_VERSION}"
    elif set(PUBLIC_TABLES) - tables:
        problem = f"missing tables {', '.join(sorted(set(PUBLIC_TABLES) - tables))}"
    elif expect is not None and meta.get("store_version") != expect:
        problem = f"built from {meta.get('store_version') or 'another store'}, the store holds {expect}"
    if problem:
        con.close()
        raise StaleIndexError(f"{p}: the index is {problem}")
    return con


def open_index(store: Backend, *, rebuild: bool = True, progress: bool | None = None) -> IndexContacts:
    """The index of *store*, as a contact source.

    An on-disk store's index is read from its folder when it matches the
    store's data; otherwise it is rebuilt there (with *rebuild*) or refused.
    Other stores get an index in memory, built now.

    Raises
    ------
    StaleIndexError
        The index does not match the store and *rebuild* is False, or the
        store's folder cannot be written.
    StoreError
        The store cannot be read.
    """
    path = index_path(store)
    if path is None:
        return IndexContacts(build_in_memory(store, progress=progress), store, store_version(store))
    version = store_version(store)
    try:
        con = read_index(path, version)
    except StaleIndexError as exc:
        if not rebuild:
            raise
        log.info("%s; rebuilding it", exc)
        try:
            build(store, path, progress=progress)
        except StoreError as err:
            raise StaleIndexError(f"{exc}, and it cannot be rebuilt: {err}") from None
        con = read_index(path, version)
        _cleanup(store, path)

    def reopen(now: str | None) -> Any:
        moved = index_path(store)
        try:
            return read_index(moved, now) if moved is not None else None
        except StaleIndexError:
            return None

    return IndexContacts(con, store, version, reopen=reopen)


def check_index_setting(index: object) -> None:
    """Refuse an *index* setting other than ``"auto"``, True or False.

    Raises
    ------
    InvalidArgumentError
        Naming the setting given and the ones there are.
    """
    from ..errors import unknown_choice

    if index not in ("auto", True, False):
        raise unknown_choice("index setting", index, ("auto", "True", "False"))


def contact_source(store: Backend, index: bool | str = "auto", *, progress: bool | None = None) -> Any:
    """The contact source questions about *store* go to: its index, or the store's own named queries.

    *index* ``"auto"`` reads the index of an on-disk store (rebuilt when it
    does not match the store; where it cannot be, the questions go to the
    store, with a warning) and asks other stores directly; ``True`` always
    uses an index (in memory for stores kept elsewhere); ``False`` never.

    Raises
    ------
    StaleIndexError
        With ``index=True``: the index does not match and cannot be rebuilt.
    InvalidArgumentError
        An *index* other than ``"auto"``, True or False.
    """
    from ..contacts import StoreContacts

    check_index_setting(index)
    if index is False or (index == "auto" and index_path(store) is None):
        return StoreContacts(store)
    try:
        return open_index(store, progress=progress)
    except StaleIndexError as exc:
        if index is True:
            raise
        log.warning("%s; answering from the store instead", exc)
        return StoreContacts(store)


def load_indexed(store: Backend, files: Sequence[Path], *, progress: bool | None = None) -> Path | None:
    """Load *files* into *store* and write its index, read from the files beside the load; return its path.

    For an Oxigraph store on disk the files are read for the index in a
    thread while the store's bulk loader writes them (:mod:`.files`). Once
    the new data is current, with the store still locked against other
    loads, DuckDB derives the index's tables from those rows, the store
    answers its small queries and counts its triples, and the index is
    stamped and written next to the data. Where the files hold more triples
    than the store (a triple given twice), the index is read from the store
    instead. Other stores are only loaded (None is returned; their index is
    built when asked for).

    A load that fails leaves the store and its index as they were. Where the
    index cannot be built at the load, it is built from the store when first
    read (with a warning here).

    Raises
    ------
    StoreError
        The load failed (see the store's ``load``).
    """
    from ..backends.oxigraph import OxigraphBackend

    target = index_path(store)
    if target is None or not isinstance(store, OxigraphBackend):
        store.load(files)
        return None
    folder = target.parent / f".index-stage-{secrets.token_hex(6)}"
    state: dict[str, Any] = {}
    stop = threading.Event()

    def read() -> None:
        _yield_to_the_load()
        try:
            state["staged"] = stage_files(files, folder, stop=stop)
            log.debug("read the files for the index")
        except Exception as exc:  # a file the load refuses, a stop, a fault: the load's own error is the one told
            state["error"] = exc

    def write() -> None:  # the store is locked against other loads: what an earlier one left can go
        for left in target.parent.glob(".index-stage-*"):
            if left != folder:
                shutil.rmtree(left, ignore_errors=True)
        thread.join()
        state["built"] = _finish(store, state, progress)

    try:
        folder.mkdir(parents=True)
    except OSError as exc:
        log.warning("%s: cannot read the files for the index beside the load (%s)", folder, exc.strerror)
        store.load(files)
        return None
    thread = threading.Thread(target=read, name="index-files", daemon=True)
    try:
        thread.start()
        store.load(files, then=write)
    finally:
        stop.set()
        if thread.is_alive():
            thread.join()
        shutil.rmtree(folder, ignore_errors=True)
    built: Path | None = state.get("built")
    if built is not None:
        _cleanup(store, built)
    return built


def _yield_to_the_load() -> None:
    """Lower this thread's priority where the system allows it, so the store's loader goes first."""
    with contextlib.suppress(AttributeError, OSError):  # other systems: as it is
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)  # Linux: a thread is a task of its own


def _finish(store: Backend, state: dict[str, Any], progress: bool | None) -> Path | None:
    """Write the index from the rows staged beside the load (see :func:`build`)."""
    target = index_path(store)
    staged = state.get("staged")
    if staged is None or target is None:
        log.warning("the index was not read with the load (%s); it is built from the store when first read",
                    state.get("error"))
        return None
    try:
        return build(store, target, progress=progress, staged=staged)
    except StoreError as exc:
        log.warning("%s; the index is built from the store when first read", exc)
        return None
