"""The index from the command line and the API: paging, Parquet, kg.table, diplograph index, --quiet."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import diplograph as dg
from diplograph.bundled import GRAPH_FILE
from diplograph.cli import main


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    spec = f"oxigraph:{tmp_path_factory.mktemp('cli-store')}"
    dg.load(GRAPH_FILE, store=spec).close()
    return spec


def test_timeline_pages(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "Trump", "Putin", "--store", store, "--format", "json"]) == 0
    every = json.loads(capsys.readouterr().out)
    assert main(["timeline", "Trump", "Putin", "--store", store, "--format", "json", "--limit", "2",
                 "--offset", "1"]) == 0
    assert json.loads(capsys.readouterr().out) == every[1:3]
    assert main(["timeline", "Trump", "Putin", "--store", store, "--limit", "2", "--offset", "1"]) == 0
    out = capsys.readouterr().out
    assert f"(rows 2–3 of {len(every)}; --limit N --offset N for others)" in out
    assert main(["timeline", "Trump", "Putin", "--store", store, "--offset", "100"]) == 0
    assert f"no rows after row 100 of {len(every)}" in capsys.readouterr().out


def test_paging_values_are_checked(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["claims", "--store", store, "--limit", "0"])
    assert exc.value.code == 2
    assert "--limit" in capsys.readouterr().err


def test_csv_streams_the_same_rows(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["claims", "--by", "Kremlin", "--store", store, "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "by,medium,stated,claim,quote,hedges" and len(lines) == 1 + 5


def test_show_limits_each_section(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "Putin", "--store", store, "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert "… and" in out and "more (of" in out


def test_export_parquet_reads_back(store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import duckdb

    out = tmp_path / "tables"
    assert main(["export", "--format", "parquet", "-o", str(out), "--store", store]) == 0
    names = sorted(p.stem for p in out.glob("*.parquet"))
    assert {"contacts", "roles", "claims", "entities", "posts", "ties", "meta"} <= set(names)
    con = duckdb.connect()
    (n,) = con.execute(f"SELECT count(*) FROM '{out / 'contacts.parquet'}' WHERE NOT planned").fetchone()  # type: ignore[misc]
    assert n == len(dg.load(store=store).contacts())
    assert main(["export", "--format", "parquet", "-o", str(out), "--store", store]) == 0  # replaced whole
    (tmp_path / "note.txt").write_text("mine")
    assert main(["export", "--format", "parquet", "-o", str(tmp_path), "--store", store]) == 2
    assert "not a folder of Parquet files" in capsys.readouterr().err
    assert (tmp_path / "note.txt").read_text() == "mine"


def test_kg_table(store: str, monkeypatch: pytest.MonkeyPatch) -> None:
    kg = dg.load(store=store)
    contacts = kg.table("contacts")
    assert contacts.num_rows == len(kg.contacts()) + len(kg.planned())
    assert list(kg.table("roles", kind="pandas").columns)[:3] == ["contact", "agent", "role_type"]
    with pytest.raises(dg.InvalidArgumentError, match="did you mean 'contacts'"):
        kg.table("contact")
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(ImportError, match=r"pip install 'diplograph\[polars\]'"):
        kg.table("contacts", kind="polars")
    kg.close()


def test_index_command(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", "--store", store, "--check"]) == 0
    assert "matches" in capsys.readouterr().out
    assert main(["-q", "index", "--store", store]) == 0
    out = capsys.readouterr()
    assert "contacts" in out.out and out.err == ""  # no progress bar when quiet (or when stderr is no terminal)


def test_index_command_loads_with_the_index_and_rebuilds_from_the_store(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    spec = f"oxigraph:{tmp_path / 'store'}"
    assert main(["index", "--graph", str(GRAPH_FILE), "--store", spec]) == 0
    assert len(list((tmp_path / "store").glob("index-*.duckdb"))) == 1
    kg = dg.load(store=spec)
    assert kg.source.meta()["read_from"] == "files"  # read beside the load
    kg.close()
    capsys.readouterr()
    assert main(["index", "--rebuild", "--store", spec]) == 0
    kg = dg.load(store=spec)
    assert kg.source.meta()["read_from"] == "store"
    kg.close()
