"""The index read from the files beside their load holds the rows the store's own reads give."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import duckdb
import pytest

import diplograph as dg
from diplograph.backends import open_store
from diplograph.backends.oxigraph import INDEX_PREFIXES
from diplograph.bundled import GRAPH_FILE, ONTOLOGY_FILE
from diplograph.index import build, index_path, load_indexed, read_index, store_version
from diplograph.index.files import StagingStopped, stage_files
from diplograph.index.scan import Scan, read_sql, scan_to_csv

X = "https://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"
ODD = f"""<{X}a> <{X}n> "05"^^<{XSD}integer> .
<{X}a> <{X}n> "+5"^^<{XSD}integer> .
<{X}a> <{X}n> "1"^^<{XSD}boolean> .
<{X}a> <{X}n> "1.0E1"^^<{XSD}double> .
<{X}a> <{X}n> "1.50"^^<{XSD}decimal> .
<{X}a> <{X}n> "2025-2-1"^^<{XSD}date> .
<{X}a> <{X}n> "a, \\"quoted\\"\\nline" .
<{X}a> <{X}n> "Moscou"@FR .
<{X}a> <{X}n> "Moscou"@FR .
<{X}a> <{X}n> _:b1 .
_:b1 <{X}n> <{X}c> .
"""
SCAN = (Scan("s_n", f"{X}n", typed=True), Scan("s_l", f"{X}n", lang=True), Scan("s_o", f"{X}n"))


def _rows(path: Path, scan: Scan, *, distinct: bool) -> list[tuple[Any, ...]]:
    sql = read_sql(scan, str(path))
    rows = duckdb.sql(f"SELECT {'DISTINCT' if distinct else ''} * FROM ({sql})").fetchall()
    blank = {}  # blank nodes by first appearance: the store names them its own way
    out = []
    for row in sorted(rows, key=lambda r: tuple("" if v is None else str(v) for v in r)):
        out.append(tuple(blank.setdefault(v, f"_:{len(blank)}") if str(v).startswith("_:") else v for v in row))
    return sorted(out, key=repr)


@pytest.mark.parametrize("scan", SCAN, ids=lambda s: s.table)
def test_staged_rows_are_the_rows_the_store_gives(tmp_path: Path, scan: Scan) -> None:
    data = tmp_path / "odd.nt"
    data.write_text(ODD, encoding="utf-8")
    staged = stage_files([data], tmp_path, scans=[scan])
    assert staged.triples == ODD.count("\n")  # the repeated triple counted twice
    store = open_store("memory")
    store.load([data])
    scan_to_csv(store, scan, str(tmp_path / "from-store.csv"))
    assert _rows(staged.paths[scan.table], scan, distinct=True) == _rows(tmp_path / "from-store.csv", scan,
                                                                          distinct=False)
    if scan.typed:  # the store's forms: a number, a boolean as it keeps them; a date it cannot read as given
        values = {r[1] for r in _rows(staged.paths[scan.table], scan, distinct=True)}
        assert {"5", "true", "10", "1.5", "2025-2-1"} <= values and "05" not in values


def test_each_file_has_blank_nodes_of_its_own(tmp_path: Path) -> None:
    for name in ("one.nt", "two.nt"):
        (tmp_path / name).write_text(f"_:b1 <{X}n> <{X}{name}> .\n", encoding="utf-8")
    scan = Scan("s_o", f"{X}n")
    staged = stage_files([tmp_path / "one.nt", tmp_path / "two.nt"], tmp_path, scans=[scan])
    subjects = [r[0] for r in _rows(staged.paths["s_o"], scan, distinct=True)]
    assert len(set(subjects)) == 2


def test_quads_are_read_as_the_triples_they_load_as(tmp_path: Path) -> None:
    data = tmp_path / "q.nq"
    data.write_text(f"<{X}a> <{X}n> <{X}b> <{X}g> .\n<{X}a> <{X}n> <{X}b> .\n", encoding="utf-8")
    scan = Scan("s_o", f"{X}n")
    staged = stage_files([data], tmp_path, scans=[scan])
    assert _rows(staged.paths["s_o"], scan, distinct=True) == [(f"{X}a", f"{X}b")]
    assert staged.triples == 2


def test_a_stopped_staging_ends_early(tmp_path: Path) -> None:
    stop = threading.Event()
    stop.set()
    with pytest.raises(StagingStopped):
        stage_files([GRAPH_FILE], tmp_path, stop=stop)


def test_a_file_that_does_not_parse_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.nt"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(dg.StoreError, match=r"bad\.nt: does not parse"):
        stage_files([bad], tmp_path)


def _tables(path: Path) -> dict[str, list[str]]:
    """Every table of an index but its meta, rows as sorted text, blank nodes named by order."""
    con = read_index(path, None)
    try:
        names = [t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall())) for t in names if t != "meta"}
    finally:
        con.close()


@pytest.mark.slow
@pytest.mark.parametrize("world", ["seed", "synth"])
def test_the_index_read_with_the_load_is_the_index_read_from_the_store(
        world: str, world_files: dict[str, list[Path]], tmp_path: Path) -> None:
    store = open_store(f"oxigraph:{tmp_path / 'store'}", create=True)
    try:
        built = load_indexed(store, world_files[world])
        assert built is not None and built == index_path(store)
        read_index(built, store_version(store)).close()
        assert _read_from(built) == "files"
        again = build(store, tmp_path / "from-store.duckdb")
        assert _tables(built) == _tables(again)
        assert not list((tmp_path / "store").glob(".index-stage-*"))
    finally:
        store.close()


def _read_from(path: Path) -> str:
    con = read_index(path, None)
    try:
        return str(dict(con.execute("SELECT key, value FROM meta").fetchall())["read_from"])
    finally:
        con.close()


def test_files_that_repeat_a_triple_are_indexed_from_the_store(tmp_path: Path) -> None:
    again = tmp_path / "again.ttl"  # one label of the seed given once more, in a file of its own
    again.write_text('<https://w3id.org/diplograph/id/person/vladimir-putin> '
                     '<http://www.w3.org/2000/01/rdf-schema#label> "Vladimir Putin"@en .\n', encoding="utf-8")
    store = open_store(f"oxigraph:{tmp_path / 'store'}", create=True)
    try:
        built = load_indexed(store, [GRAPH_FILE, again])
        assert built is not None and _read_from(built) == "store"
        tables = _tables(built)
        once = load_indexed(store, [GRAPH_FILE])
        assert once is not None and _read_from(once) == "files"
        assert tables == _tables(once)
    finally:
        store.close()


def test_a_failed_load_keeps_the_store_and_its_index(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    kg = dg.load(GRAPH_FILE, store=f"oxigraph:{folder}")
    before = index_path(kg.store)
    assert before is not None and before.is_file()
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(dg.StoreError, match=r"bad\.ttl"):
        load_indexed(kg.store, [GRAPH_FILE, bad])
    assert index_path(kg.store) == before and before.is_file()
    assert not list(folder.glob(".index-stage-*"))
    assert kg.contacts("Trump", "Putin")
    kg.close()


def test_what_a_load_stopped_half_way_left_is_removed_by_the_next(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    dg.load(GRAPH_FILE, store=f"oxigraph:{folder}").close()
    left = folder / ".index-stage-0123456789ab"
    left.mkdir()
    (left / "s_kind.csv").write_text("s,o\n", encoding="utf-8")
    dg.load(GRAPH_FILE, store=f"oxigraph:{folder}").close()
    assert not left.exists()


def test_a_first_load_beside_another_ones_work_is_not_refused(tmp_path: Path) -> None:
    folder = tmp_path / "store"  # a first load runs: its reading for the index is all the folder holds yet
    (folder / ".index-stage-0123456789ab").mkdir(parents=True)
    kg = dg.load(GRAPH_FILE, store=f"oxigraph:{folder}")
    assert kg.contacts("Trump", "Putin")
    kg.close()
    assert all(p.name.startswith(INDEX_PREFIXES) or p.name.startswith(("data-", "diplograph."))
               for p in folder.iterdir())


@pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")  # no thread dies of it
def test_a_file_the_load_refuses_is_told_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "datatype.nt"  # the reading for the index is lenient; the load is not
    bad.write_text(f'<{X}a> <http://www.w3.org/ns/oa#start> "5"^^<not an iri> .\n', encoding="utf-8")
    with pytest.raises(dg.StoreError, match=r"datatype\.nt: does not parse"):
        dg.load(bad, store=f"oxigraph:{tmp_path / 'store'}")
    assert "Traceback" not in capsys.readouterr().err
    assert not list((tmp_path / "store").glob(".index-*"))


def test_a_load_into_memory_builds_no_file(tmp_path: Path) -> None:
    store = open_store("memory")
    assert load_indexed(store, [GRAPH_FILE, ONTOLOGY_FILE]) is None
    assert store.count() > 100


def test_a_mistyped_index_setting_is_refused_before_anything_is_loaded(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with pytest.raises(dg.InvalidArgumentError, match="'yes'"):
        dg.load(GRAPH_FILE, store=f"oxigraph:{folder}", index="yes")
    assert not folder.exists() or not list(folder.glob("data-*"))
