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
import tempfile
import time
from pathlib import Path
from typing import Any

from .._version import __version__
from ..atomic import sync_folder
from ..backends import Backend
from ..contacts import name_index, published_order
from ..dates import date_bounds
from ..errors import StoreError
from ..progress import Progress
from ..query import iter_rows, run_select
from . import schema
from .scan import SCANS, read_sql, scan_to_csv, sql_text
from .stamp import store_version

__all__ = ["build", "build_in_memory"]

log = logging.getLogger(__name__)


def _stage(con: Any, store: Backend, progress: Progress, folder: Path) -> None:
    """Read every scan into its staging table: the store writes two scans at a time, DuckDB reads each."""
    from concurrent.futures import ThreadPoolExecutor

    for scan in SCANS:
        cols = ", ".join(f"{name} {kind}" for name, kind in scan.columns)
        con.execute(f"CREATE TABLE {scan.table} ({cols})")
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
        if name == "q_claims":
            for r in rows:
                r["supports"] = sorted(r["supports"].split()) if r["supports"] else []
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


def _tables(con: Any, progress: Progress) -> None:
    for name, sql in schema.DERIVED:
        con.execute(f"CREATE TABLE {name} AS {sql}")
        progress.step(name)


def _entities(con: Any) -> None:
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
    con.execute("CREATE TABLE entities AS SELECT * FROM _entities")
    con.unregister("_entities")
    keys = list(index.keys())
    con.register("_keys", pa.table({"key": [k for k, _, _ in keys], "iri": [i for _, i, _ in keys],
                                    "shown": [s for _, _, s in keys], "rank": list(range(len(keys)))}))
    con.execute("CREATE TABLE name_keys AS SELECT * FROM _keys")
    con.unregister("_keys")


def _meta(con: Any, store: Backend, version: str | None, seconds: float) -> None:
    rows = {"schema": str(schema.SCHEMA_VERSION), "store": store.spec, "store_version": version or "",
            "diplograph": __version__, "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "build_seconds": f"{seconds:.2f}", "triples": str(store.count())}
    con.execute("CREATE TABLE meta (key VARCHAR, value VARCHAR)")
    con.executemany("INSERT INTO meta VALUES (?, ?)", list(rows.items()))


def _steps() -> int:
    return len(SCANS) + len(schema.QUERY_TABLES) + 3 + len(schema.DERIVED)


def _fill(con: Any, store: Backend, bar: Progress, folder: Path) -> None:
    """Stage the store's rows in *con* (through CSV files in *folder*) and derive every table there."""
    con.execute("SET preserve_insertion_order = true")
    _stage(con, store, bar, folder)
    _small_queries(con, store, bar)
    _keys(con)
    bar.step("keys")
    _tables(con, bar)
    _entities(con)
    bar.step("entities")


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
            _fill(con, store, bar, Path(scratch))
        keep = ", ".join(repr(t) for t in (*schema.TABLES, "entities", "name_keys"))
        staged = con.execute(f"SELECT table_name FROM duckdb_tables() WHERE table_name NOT IN ({keep})").fetchall()
        for (table,) in staged:
            con.execute(f"DROP TABLE {table}")
        _meta(con, store, version, time.perf_counter() - t0)
    except duckdb.Error as exc:
        con.close()
        raise StoreError(f"cannot build the index of {store.spec}: {exc}") from None
    return con


def build(store: Backend, path: str | Path, *, progress: bool | None = None) -> Path:
    """Build the index of *store* and write it to *path* atomically; return the path.

    The rows are staged in a scratch file beside *path* (DuckDB spills what
    does not fit in memory there), the tables written into a temporary file,
    which is synced and renamed over *path* once complete.

    Raises
    ------
    StoreError
        The store cannot be read, or the file cannot be written.
    """
    import duckdb

    target = Path(path)
    folder = target.parent
    t0 = time.perf_counter()
    version = store_version(store)
    token = secrets.token_hex(6)
    tmp = folder / f".{target.name}.{token}.tmp"
    scratch = folder / f".{target.name}.{token}.scratch"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(scratch))
        try:
            with Progress(_steps() + 1, "index", enabled=progress) as bar:
                _fill(con, store, bar, folder)
                con.execute(f"ATTACH {sql_text(str(tmp))} AS out")
                for table in (*schema.TABLES, "entities", "name_keys"):
                    con.execute(f"CREATE TABLE out.{table} AS SELECT * FROM {table}")
                con.execute("USE out")
                _meta(con, store, version, time.perf_counter() - t0)
                con.execute("CHECKPOINT")
                bar.step("written")
        finally:
            con.close()
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        sync_folder(folder)
        log.info("wrote the index of %s to %s in %.1f s", store.spec, target, time.perf_counter() - t0)
        return target
    except duckdb.Error as exc:
        raise StoreError(f"cannot build the index of {store.spec}: {exc}") from None
    except OSError as exc:
        raise StoreError(f"{target}: cannot write the index: {exc.strerror}") from None
    finally:
        for leftover in (scratch, Path(f"{scratch}.wal"), tmp, Path(f"{tmp}.wal")):
            leftover.unlink(missing_ok=True)
