"""Building the index of a store: streamed reads, joins in DuckDB, one file written whole.

:func:`build` reads every property the index needs with one single-pattern
query each (:mod:`diplograph.index.scan`) and the small named queries
(entities, posts, ties, top posts, claims, hedges) as they are, joins them
in DuckDB into the tables of :mod:`diplograph.index.schema`, stamps them
with the store's content version and writes them into a temporary file
beside the target, renamed over it only once complete: a reader sees the
old index or the new one, never half of one.

Joins reproduce the named queries' own patterns, so a record built from the
index is the record the store's queries give (a test compares them on
every store): a contact needs its kind, precision and a quote with its
offsets and source, a role its agent's English label, a place both its
labels, and so on.
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .._version import __version__
from ..atomic import sync_folder
from ..backends import Backend
from ..bulk import paused
from ..contacts import name_index, published_order
from ..dates import date_bounds
from ..errors import StoreError, first_line
from ..progress import Progress
from ..query import iter_rows, run_select
from . import schema
from .files import Staged
from .scan import SCANS, read_sql, scan_to_csv, sql_text
from .stamp import store_version

__all__ = ["build", "build_in_memory"]

log = logging.getLogger(__name__)


def _stage(con: Any, store: Backend, progress: Progress, folder: Path) -> None:
    """Read every scan into its staging table: the store writes two scans at a time, DuckDB reads each."""
    _create_staging(con)
    token = secrets.token_hex(4)
    files = {scan.table: str(folder / f".{scan.table}.{token}.csv") for scan in SCANS}
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            jobs = [(scan, pool.submit(scan_to_csv, store, scan, files[scan.table])) for scan in SCANS]
            for scan, job in jobs:
                job.result()
                con.execute(f"INSERT INTO {scan.table} {read_sql(scan, files[scan.table])}")
                Path(files[scan.table]).unlink(missing_ok=True)
                progress.step(scan.table.removeprefix("s_"))
                log.debug("scanned %s", scan.table)
    finally:
        for path in files.values():
            Path(path).unlink(missing_ok=True)


def _create_staging(con: Any) -> None:
    for scan in SCANS:
        cols = ", ".join(f"{name} {kind}" for name, kind in scan.columns)
        con.execute(f"CREATE TABLE {scan.table} ({cols})")


def _stage_read(con: Any, staged: Staged, progress: Progress) -> None:
    """Read the scans' rows from the CSV files read from the loaded files (:mod:`.files`)."""
    _create_staging(con)
    for scan in SCANS:
        con.execute(f"INSERT INTO {scan.table} {read_sql(scan, str(staged.paths[scan.table]))}")
        progress.step(scan.table.removeprefix("s_"))


def _query_table(con: Any, name: str, rows: list[dict[str, Any]], columns: list[tuple[str, str]]) -> None:
    """Keep the rows of a named query as table *name* (with a ``rank``: the query's order)."""
    import pyarrow as pa

    types = {"VARCHAR": pa.string(), "DOUBLE": pa.float64(), "BIGINT": pa.int64(), "VARCHAR[]": pa.list_(pa.string())}
    arrays = [pa.array([r.get(c) for r in rows], types[t]) for c, t in columns]
    arrays.append(pa.array(range(len(rows)), pa.int64()))
    table = pa.table(arrays, names=[c for c, _ in columns] + ["rank"])
    con.register("_rows", table)
    con.execute(f"CREATE TABLE {name} AS SELECT * FROM _rows")
    con.unregister("_rows")


def _small_queries(con: Any, store: Backend, progress: Progress) -> None:
    for name, query, columns in schema.QUERY_TABLES:
        rows = run_select(store, query).to_list()
        _query_table(con, name, rows, columns)
        progress.step(query)
    kinds = [r[0] for r in con.execute("SELECT DISTINCT o FROM s_kind ORDER BY o").fetchall()]
    codes: dict[str, dict[str, str | None]] = {}
    if kinds:
        from rdflib import URIRef

        for r in iter_rows(store, schema.KIND_CODES_QUERY, {"kind": [URIRef(k) for k in kinds]}):
            row = codes.setdefault(r["kind"], {"cameo": None, "plover": None, "mode": None})
            for key, var in (("cameo", "cameo"), ("plover", "plover"), ("mode", "ploverMode")):
                if row[key] is None and r[var] is not None:
                    row[key] = str(r[var])
    _query_table(con, "q_kind_codes", [{"kind": k, **v} for k, v in codes.items()],
                 [("kind", "VARCHAR"), ("cameo", "VARCHAR"), ("plover", "VARCHAR"), ("mode", "VARCHAR")])
    progress.step("codes")


def _keys(con: Any) -> None:
    """Sort keys computed in Python where SQL cannot say them: publication times, date bounds."""
    import pyarrow as pa

    published = con.execute("SELECT DISTINCT o FROM s_published").fetchall()
    keys = [published_order(p) for (p,) in published]
    con.register("_pk", pa.table({"published": [p for (p,) in published],
                                  "pkey": [f"{flag}{text}" for flag, text in keys]}))
    con.execute("CREATE TABLE k_published AS SELECT * FROM _pk")
    con.unregister("_pk")
    dates = [d for (d,) in con.execute(
        "SELECT DISTINCT o FROM (SELECT o FROM s_in_date UNION ALL SELECT o FROM s_in_month "
        "UNION ALL SELECT o FROM s_in_year)").fetchall()]
    firsts, lasts, good = [], [], []
    for d in dates:
        try:
            lo, hi = date_bounds(d)
        except ValueError:
            continue
        good.append(d)
        firsts.append(lo)
        lasts.append(hi)
    con.register("_dk", pa.table({"date": good, "first": pa.array(firsts, pa.date32()),
                                  "last": pa.array(lasts, pa.date32())}))
    con.execute("CREATE TABLE k_dates AS SELECT * FROM _dk")
    con.unregister("_dk")


_KEPT = (*schema.TABLES, "entities", "name_keys")


def _tables(con: Any, progress: Progress, into: str, tables: list[tuple[str, str]]) -> None:
    """Derive *tables*; the index's own go to the database *into* names (``"out."``; ``""``: the current one)."""
    for name, sql in tables:
        con.execute(f"CREATE TABLE {into if name in _KEPT else ''}{name} AS {sql}")
        progress.step(name)


def _entities(con: Any, into: str) -> None:
    """The entities table, from the name index the names give (the same index the store's names give)."""
    import pyarrow as pa

    rows = con.execute("SELECT entity, type, name, lang, name_kind, wikidata FROM names ORDER BY rank").fetchall()
    columns = ("entity", "type", "name", "nameLang", "nameKind", "wikidata")
    index = name_index(dict(zip(columns, r, strict=True)) for r in rows)
    entities = sorted(index, key=lambda e: e.iri)
    con.register("_entities", pa.table({
        "iri": [e.iri for e in entities], "id": [e.id for e in entities], "kind": [e.kind for e in entities],
        "label": [e.en for e in entities], "label_ar": [e.ar for e in entities],
        "aliases": pa.array([list(e.aliases) for e in entities], pa.list_(pa.string())),
        "wikidata": [e.wikidata for e in entities]}))
    con.execute(f"CREATE TABLE {into}entities AS SELECT * FROM _entities")
    con.unregister("_entities")
    keys = list(index.keys())
    con.register("_keys", pa.table({"key": [k for k, _, _ in keys], "iri": [i for _, i, _ in keys],
                                    "shown": [s for _, _, s in keys], "rank": list(range(len(keys)))}))
    con.execute(f"CREATE TABLE {into}name_keys AS SELECT * FROM _keys")
    con.unregister("_keys")


def _meta(con: Any, store: Backend, version: str | None, seconds: float, read_from: str, triples: int) -> None:
    rows = {"schema": str(schema.SCHEMA_VERSION), "store": store.spec, "store_version": version or "",
            "read_from": read_from,
            "diplograph": __version__, "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "build_seconds": f"{seconds:.2f}", "triples": str(triples)}
    con.execute("CREATE TABLE meta (key VARCHAR, value VARCHAR)")
    con.executemany("INSERT INTO meta VALUES (?, ?)", list(rows.items()))


def _steps() -> int:
    return len(SCANS) + len(schema.QUERY_TABLES) + 3 + len(schema.DERIVED)


#: The derived tables that need the store's own answers (the small named queries); the rest need the scans only.
_FROM_QUERIES = ("hedges", "kind_codes")


def _derive(con: Any, bar: Progress, into: str) -> None:
    """Every table the staged rows give (all but :data:`_FROM_QUERIES`), once the scans are staged."""
    con.execute("SET preserve_insertion_order = true")
    _keys(con)
    bar.step("keys")
    _tables(con, bar, into, [(n, q) for n, q in schema.DERIVED if n not in _FROM_QUERIES])
    _entities(con, into)
    bar.step("entities")


def _answer(con: Any, store: Backend, bar: Progress, into: str) -> None:
    """The tables the store's small named queries give."""
    _small_queries(con, store, bar)
    _tables(con, bar, into, [(n, q) for n, q in schema.DERIVED if n in _FROM_QUERIES])


def build_in_memory(store: Backend, *, progress: bool | None = None) -> Any:
    """The index of *store* in an in-memory DuckDB database (a connection holding every table of the index).

    Raises
    ------
    StoreError
        The store cannot be read.
    """
    import duckdb

    t0 = time.perf_counter()
    version = store_version(store)
    con = duckdb.connect(":memory:")
    try:
        with Progress(_steps(), "index", enabled=progress) as bar, tempfile.TemporaryDirectory() as scratch:
            con.execute("SET preserve_insertion_order = true")
            _stage(con, store, bar, Path(scratch))
            _derive(con, bar, "")
            _answer(con, store, bar, "")
        keep = ", ".join(repr(t) for t in _KEPT)
        staged = con.execute(f"SELECT table_name FROM duckdb_tables() WHERE table_name NOT IN ({keep})").fetchall()
        for (table,) in staged:
            con.execute(f"DROP TABLE {table}")
        _meta(con, store, version, time.perf_counter() - t0, "store", store.count())
    except duckdb.Error as exc:
        con.close()
        raise StoreError(f"cannot build the index of {store.spec}: {first_line(exc)}") from None
    return con


#: What DuckDB may keep in memory while it builds an index; beyond it, it spills to a scratch folder.
MEMORY_LIMIT = "2GB"


@contextmanager
def _duckdb_errors() -> Iterator[None]:
    import duckdb

    try:
        yield
    except duckdb.Error as exc:
        raise StoreError(f"cannot build the index: {first_line(exc)}") from None


class _IndexFile:
    """An index being written in *folder*: staged rows in memory, its tables in a temporary file.

    The staging tables live in memory, up to :data:`MEMORY_LIMIT` (DuckDB
    spills the rest into a scratch folder beside the index), the index's
    tables go straight into a temporary file, which :meth:`finish` syncs and renames over the target once
    complete: a reader sees the old index or the new one, never half of one.
    :meth:`close` removes whatever is left. :func:`build` is its one user:
    it stages the rows read from the store or from the files just loaded.

    Raises
    ------
    StoreError
        The folder cannot be written.
    """

    def __init__(self, folder: Path, *, progress: bool | None = None) -> None:
        import duckdb

        self.t0 = time.perf_counter()
        self.folder = folder
        token = secrets.token_hex(6)
        self._tmp = folder / f".index-{token}.tmp"
        self._scratch = folder / f".index-{token}.spill"
        self._bar = Progress(_steps() + 1, "index", enabled=progress)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.con = duckdb.connect(":memory:", config={"memory_limit": MEMORY_LIMIT,
                                                          "temp_directory": str(self._scratch)})
            self.con.execute(f"ATTACH {sql_text(str(self._tmp))} AS out")
            self.con.execute("USE memory")
            self.con.execute("SET search_path = 'memory.main,out.main'")
        except duckdb.Error as exc:
            self.close()
            raise StoreError(f"{folder}: cannot write an index there: {first_line(exc)}") from None
        except OSError as exc:
            self.close()
            raise StoreError(f"{folder}: cannot write an index there: {exc.strerror}") from None

    def stage_store(self, store: Backend) -> None:
        """Stage every scan read from *store*, and derive the tables they give."""
        with _duckdb_errors():
            _stage(self.con, store, self._bar, self.folder)
            _derive(self.con, self._bar, "out.")

    def stage_files(self, staged: Staged) -> None:
        """Stage every scan read from the loaded files (:mod:`.files`), and derive the tables they give."""
        with _duckdb_errors():
            _stage_read(self.con, staged, self._bar)
            _derive(self.con, self._bar, "out.")

    def finish(self, store: Backend, target: Path, *, version: str | None, read_from: str, triples: int) -> Path:
        """Ask *store* its small queries, stamp the index with *version* and rename it over *target*."""
        import duckdb

        try:
            _answer(self.con, store, self._bar, "out.")
            self.con.execute("USE out")
            _meta(self.con, store, version, time.perf_counter() - self.t0, read_from, triples)
            self.con.execute("CHECKPOINT out")
            self.con.close()
            self._bar.step("written")
            with self._tmp.open("rb") as fh:
                os.fsync(fh.fileno())
            os.replace(self._tmp, target)
            sync_folder(target.parent)
        except duckdb.Error as exc:
            raise StoreError(f"cannot build the index of {store.spec}: {first_line(exc)}") from None
        except OSError as exc:
            raise StoreError(f"{target}: cannot write the index: {exc.strerror}") from None
        finally:
            self.close()
        log.info("wrote the index of %s to %s in %.1f s", store.spec, target, time.perf_counter() - self.t0)
        return target

    def close(self) -> None:
        """Let go of the databases and remove the scratch and temporary files (the index renamed stays)."""
        con = getattr(self, "con", None)
        if con is not None:
            con.close()
        self._bar.close()
        for leftover in (self._tmp, Path(f"{self._tmp}.wal")):
            leftover.unlink(missing_ok=True)
        shutil.rmtree(self._scratch, ignore_errors=True)



@paused()
def build(store: Backend, path: str | Path, *, progress: bool | None = None, staged: Staged | None = None) -> Path:
    """Build the index of *store* and write it to *path* atomically; return the path.

    The rows are read from *store*, or are those *staged* from the files
    it was just loaded from (:func:`.files.stage_files`) where the files
    hold as many triples as the store: no triple was given twice, so each
    row is the store's. They are staged in memory (DuckDB spills what does
    not fit into a scratch folder beside *path*), the tables written into a
    temporary file, which is synced and renamed over *path* once complete.

    Raises
    ------
    StoreError
        The store cannot be read, or the file cannot be written.
    """
    target = Path(path)
    version = store_version(store)
    with ThreadPoolExecutor(max_workers=1) as counting:  # the store counts its triples beside DuckDB's work
        triples = counting.submit(store.count)
        index = _IndexFile(target.parent, progress=progress)
        try:
            if staged is not None:
                index.stage_files(staged)
                if triples.result() != staged.triples:
                    log.info("the files loaded hold a triple more than once; the index reads the store")
                    index.close()
                    index, staged = _IndexFile(target.parent, progress=progress), None
            if staged is None:
                index.stage_store(store)
            return index.finish(store, target, version=version, read_from="store" if staged is None else "files",
                                triples=triples.result())
        finally:
            index.close()
