"""The index tables for other tools: Arrow tables and DataFrames, and Parquet files.

Parquet is the way out for an analysis that outgrows one machine: DuckDB,
Polars, pandas and Spark read the files as they are; their columns are
documented in ``docs/scale.md``.

Examples
--------
>>> import diplograph as dg, tempfile, pathlib
>>> kg = dg.load(index=True)
>>> with tempfile.TemporaryDirectory() as d:
...     written = export_parquet(kg.source, pathlib.Path(d) / "tables")
...     sorted(p.name for p in written)[:3]
['claims.parquet', 'contacts.parquet', 'entities.parquet']
"""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path
from typing import Any

from ..atomic import sync_folder
from ..errors import InvalidArgumentError, StoreError, unknown_choice
from .scan import sql_text
from .schema import PUBLIC_TABLES
from .source import IndexContacts

__all__ = ["TABLE_KINDS", "export_parquet", "index_table"]

#: What :func:`index_table` returns a table as.
TABLE_KINDS = ("arrow", "pandas", "polars")


def index_table(index: IndexContacts, name: str, *, kind: str = "arrow") -> Any:
    """The index table *name* as an Arrow table, or a pandas or Polars DataFrame.

    Raises
    ------
    InvalidArgumentError
        An unknown table or kind.
    ImportError
        pandas or polars is not installed (the message names the pip extra).
    """
    if name not in PUBLIC_TABLES:
        raise unknown_choice("index table", name, PUBLIC_TABLES)
    if kind not in TABLE_KINDS:
        raise unknown_choice("table kind", kind, TABLE_KINDS)
    table = index.arrow(f'SELECT * FROM "{name}"')
    if kind == "pandas":
        try:
            import pandas  # noqa: F401
        except ImportError:
            raise ImportError("kg.table(..., kind='pandas') needs pandas: pip install 'diplograph[pandas]'") from None
        return table.to_pandas()
    if kind == "polars":
        try:
            import polars
        except ImportError:
            raise ImportError("kg.table(..., kind='polars') needs polars: pip install 'diplograph[polars]'") from None
        return polars.from_arrow(table)
    return table


def export_parquet(index: IndexContacts, folder: str | Path) -> list[Path]:
    """Write every index table as ``NAME.parquet`` into *folder*, all at once or not at all.

    The files are written into a temporary folder beside *folder*, which
    then replaces it (an existing folder of Parquet files is replaced whole;
    any other existing path is refused).

    Raises
    ------
    InvalidArgumentError
        *folder* is a file, or a folder holding something else than Parquet files.
    StoreError
        The folder cannot be written.
    """
    target = Path(folder)
    if target.exists() and (not target.is_dir() or any(p.suffix != ".parquet" for p in target.iterdir())):
        raise InvalidArgumentError(f"{target}: exists and is not a folder of Parquet files; name a new folder")
    tmp = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.mkdir()
        index.check()
        for name in PUBLIC_TABLES:
            out = tmp / f"{name}.parquet"
            index.run(f"COPY \"{name}\" TO {sql_text(str(out))} (FORMAT parquet, COMPRESSION zstd)")
            with out.open("rb") as fh:
                os.fsync(fh.fileno())
        old = None
        if target.exists():
            old = target.parent / f".{target.name}.{secrets.token_hex(6)}.old"
            os.replace(target, old)
        os.replace(tmp, target)
        sync_folder(target.parent)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        raise StoreError(f"{target}: cannot write Parquet: {exc.strerror}") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return sorted(target / f"{name}.parquet" for name in PUBLIC_TABLES)
