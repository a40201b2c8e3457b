"""An index that does not match its store is rebuilt or refused, never read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import diplograph as dg
from diplograph.bundled import GRAPH_FILE
from diplograph.index import StaleIndexError, index_path, open_index, read_index, store_version
from diplograph.kg import KnowledgeGraph

ONE_MORE = """<https://w3id.org/diplograph/id/person/x-test> a <https://schema.org/Person> ;
  <http://www.w3.org/2000/01/rdf-schema#label> "Xavier Test"@en , "اكزافييه"@ar .
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "store"


def _load(folder: Path, *files: Path, **kw: object) -> KnowledgeGraph:
    return dg.load(*files, store=f"oxigraph:{folder}", **kw)  # type: ignore[arg-type]


def _index_file(folder: Path) -> Path:
    (path,) = folder.glob("index-*.duckdb")
    return path


def test_an_index_is_written_at_every_load(folder: Path) -> None:
    kg = _load(folder, GRAPH_FILE)
    assert type(kg.source).__name__ == "IndexContacts"
    assert index_path(kg.store).is_file()  # type: ignore[union-attr]
    meta = kg.source.meta()
    assert meta["store_version"] == store_version(kg.store)
    kg.close()
    with pytest.raises(dg.StoreError, match="closed"):
        kg.contacts("Putin")
    again = _load(folder)  # opened as it is: the index is read, not rebuilt
    assert again.source.meta()["built"] == meta["built"]
    again.close()


def test_a_store_changed_behind_the_index_is_not_read(folder: Path, tmp_path: Path) -> None:
    kg = _load(folder, GRAPH_FILE)
    extra = tmp_path / "extra.ttl"
    extra.write_text(ONE_MORE, encoding="utf-8")
    kg.store.load([GRAPH_FILE, extra])  # the data changes under the open index
    with pytest.raises(StaleIndexError, match="changed since its index was built"):
        kg.contacts("Putin")
    kg.close()
    fresh = _load(folder)  # a new process rebuilds it, and sees the new entity
    assert fresh.resolve("Xavier Test").id == "x-test"
    assert fresh.source.meta()["store_version"] == store_version(fresh.store)
    fresh.close()


def test_a_reader_follows_a_load_made_elsewhere(folder: Path, tmp_path: Path) -> None:
    _load(folder, GRAPH_FILE).close()
    reader = _load(folder, read_only=True)
    with pytest.raises(dg.UnknownEntityError):
        reader.resolve("Xavier Test")
    extra = tmp_path / "extra.ttl"
    extra.write_text(ONE_MORE, encoding="utf-8")
    _load(folder, GRAPH_FILE, extra).close()  # a load elsewhere writes new data and its index
    assert reader.resolve("Xavier Test").id == "x-test"  # the reader moved on with its store
    assert reader.source.meta()["store_version"] == store_version(reader.store)
    reader.close()


def test_another_stamp_is_refused_or_rebuilt(folder: Path) -> None:
    kg = _load(folder, GRAPH_FILE)
    kg.close()
    path = _index_file(folder)
    import duckdb

    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = 'oxigraph:data-elsewhere' WHERE key = 'store_version'")
    con.close()
    store = dg.backends.open_store(f"oxigraph:{folder}")
    with pytest.raises(StaleIndexError, match="built from oxigraph:data-elsewhere"):
        read_index(path, store_version(store))
    with pytest.raises(StaleIndexError, match="built from oxigraph:data-elsewhere"):
        open_index(store, rebuild=False)
    rebuilt = open_index(store)
    assert rebuilt.meta()["store_version"] == store_version(store)
    rebuilt.close()


def test_another_schema_is_rebuilt(folder: Path) -> None:
    _load(folder, GRAPH_FILE).close()
    import duckdb

    con = duckdb.connect(str(_index_file(folder)))
    con.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")
    con.close()
    kg = _load(folder)
    assert kg.source.meta()["schema"] != "0"
    kg.close()


@pytest.mark.parametrize("damage", ["truncated", "garbage", "missing table"])
def test_a_damaged_index_file_is_refused_then_rebuilt(folder: Path, damage: str) -> None:
    _load(folder, GRAPH_FILE).close()
    path = _index_file(folder)
    if damage == "truncated":
        with path.open("r+b") as fh:
            fh.truncate(os.path.getsize(path) // 3)
    elif damage == "garbage":
        path.write_bytes(b"not an index at all\n" * 100)
    else:
        import duckdb

        con = duckdb.connect(str(path))
        con.execute("DROP TABLE roles")
        con.close()
    store = dg.backends.open_store(f"oxigraph:{folder}")
    with pytest.raises(StaleIndexError):
        open_index(store, rebuild=False)
    kg = KnowledgeGraph(store, index=True)  # rebuilt in place, then read
    assert [c.date for c in kg.contacts("Trump", "Putin")][:1] == ["2017-07-07"]
    kg.close()


def test_a_stale_index_that_cannot_be_rebuilt_sends_questions_to_the_store(
        folder: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    _load(folder, GRAPH_FILE).close()
    _index_file(folder).write_bytes(b"damaged")
    store = dg.backends.open_store(f"oxigraph:{folder}")

    def unwritable(*args: object, **kw: object) -> None:
        raise dg.StoreError(f"{folder}: cannot write the index: Permission denied")

    monkeypatch.setattr("diplograph.index.build", unwritable)
    kg = KnowledgeGraph(store)
    assert type(kg.source).__name__ == "StoreContacts"
    assert "answering from the store instead" in caplog.text
    assert [c.date for c in kg.contacts("Trump", "Putin")][:1] == ["2017-07-07"]
    with pytest.raises(StaleIndexError, match="cannot be rebuilt"):
        KnowledgeGraph(store, index=True)


def test_no_index_where_none_is_wanted(folder: Path) -> None:
    kg = _load(folder, GRAPH_FILE, index=False)
    assert type(kg.source).__name__ == "StoreContacts"
    with pytest.raises(dg.InvalidArgumentError, match="index setting"):
        KnowledgeGraph(kg.store, index="sometimes")
    kg.close()


def test_a_failed_read_says_rebuild_only_where_a_rebuild_helps(folder: Path) -> None:
    import duckdb

    from diplograph.index.source import read_error

    kg = _load(folder, GRAPH_FILE)
    source = kg.source
    with pytest.raises(StaleIndexError, match=r"cannot be read .*rebuild it with `diplograph index --rebuild"):
        source.sql("SELECT * FROM no_such_table")  # type: ignore[attr-defined]
    with pytest.raises(StaleIndexError) as damaged:
        source.sql("SELECT * FROM no_such_table")  # type: ignore[attr-defined]
    assert "\n" not in str(damaged.value)
    with pytest.raises(dg.StoreError, match="could not answer") as raised:
        source.sql("SELECT 1 / 'x'")  # type: ignore[attr-defined]
    assert not isinstance(raised.value, StaleIndexError)
    assert "rebuild" not in str(raised.value)
    assert "\n" not in str(raised.value)  # one line, without DuckDB's context
    memory = read_error("oxigraph:x", duckdb.OutOfMemoryException("no room"))
    assert "ran out of memory" in str(memory) and not isinstance(memory, StaleIndexError)
    kg.close()
