"""Opening stores: one that does not exist is an error (a typo is never a new store); each tells which data it holds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef

import diplograph as dg
from diplograph.backends import open_store
from diplograph.backends.memory import MemoryBackend
from diplograph.backends.oxigraph import LOCK, POINTER, OxigraphBackend
from diplograph.backends.remote import SparqlBackend
from diplograph.bundled import GRAPH_FILE, ONTOLOGY_FILE
from diplograph.errors import StoreError

from ..conftest import ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


@pytest.fixture()
def small(tmp_path: Path) -> Path:
    path = tmp_path / "small.nt"
    path.write_text("<urn:a> <urn:b> <urn:c> .\n")
    return path


def test_a_mistyped_store_is_an_error_with_near_matches(tmp_path: Path, small: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    dg.load(small, store=f"oxigraph:{data / 'small'}", ontology=False).close()
    (data / "smart").mkdir()  # a folder that is no store is not offered
    with pytest.raises(StoreError, match=rf"no store at {data / 'smal'} \(no such folder\); did you mean "
                                         rf"'oxigraph:{data / 'small'}'\?.*--create"):
        dg.load(store=f"oxigraph:{data / 'smal'}")
    assert not (data / "smal").exists()  # was: made, given the seed graph, and asked
    with pytest.raises(StoreError, match="no store at"):
        open_store(f"oxigraph:{data / 'smal'}", read_only=True)
    with dg.load(store=f"oxigraph:{data / 'small'}") as kg:  # the right name opens it as it is
        assert kg.store.count() == 1


def test_files_or_create_make_a_store(tmp_path: Path, small: Path) -> None:
    with dg.load(small, store=f"oxigraph:{tmp_path / 'loaded'}", ontology=False) as kg:
        assert kg.store.count() == 1
    with dg.load(store=f"oxigraph:{tmp_path / 'made'}", create=True) as kg:  # made, with the seed graph
        assert [c.date for c in kg.contacts("Trump", "Putin")][:1] == ["2017-07-07"]
        seed = kg.store.count()
    with dg.load(store=f"oxigraph:{tmp_path / 'made'}", create=True) as kg:  # there now: opened as it is
        assert kg.store.count() == seed


def test_an_empty_folder_holds_no_store(tmp_path: Path, small: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(StoreError, match=r"no store at .*empty \(the folder holds no store yet\)"):
        dg.load(store=f"oxigraph:{empty}")
    assert list(empty.iterdir()) == []
    with dg.load(small, store=f"oxigraph:{empty}", ontology=False) as kg:  # files make it a store
        assert kg.store.count() == 1
    other = tmp_path / "other"
    other.mkdir()
    with dg.load(store=f"oxigraph:{other}", create=True) as kg:
        assert kg.store.count() > 1000  # --create: the seed graph


def test_a_folder_of_other_files_is_no_store_even_to_load_into(tmp_path: Path, small: Path) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    for create in (False, True):
        with pytest.raises(StoreError, match=r"papers: holds files that are not a diplograph store \('notes.txt'\)"):
            dg.load(small, store=f"oxigraph:{folder}", create=create)
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_a_store_is_made_only_where_its_parent_exists(tmp_path: Path, small: Path) -> None:
    far = tmp_path / "no" / "such" / "store"
    with pytest.raises(StoreError, match=r"the folder .*/no/such does not exist"):
        dg.load(small, store=f"oxigraph:{far}")
    assert not (tmp_path / "no").exists()


def test_data_versions(tmp_path: Path, small: Path) -> None:
    a, b = MemoryBackend(), MemoryBackend()
    a.load([GRAPH_FILE, ONTOLOGY_FILE])
    b.load([GRAPH_FILE, ONTOLOGY_FILE])
    assert a.data_version() == b.data_version()  # the same files: the same version, in any process
    assert a.data_version().startswith("sha256:")
    b.load([small])
    assert b.data_version() != a.data_version()
    g = Graph()
    g.add((URIRef("urn:a"), URIRef("urn:b"), Literal("c")))
    assert MemoryBackend(g).data_version() != MemoryBackend(g).data_version()  # copied graphs are never alike
    store = OxigraphBackend(tmp_path / "s", create=True)
    reader: OxigraphBackend | None = None
    try:
        assert store.data_version() is None
        store.load([small])
        first = store.data_version()
        assert first is not None and first.startswith("data-")
        assert (tmp_path / "s" / POINTER).read_text().strip() == first
        reader = OxigraphBackend(tmp_path / "s", read_only=True)
        assert reader.data_version() == first
        store.load([small])  # the same file again is a new load: a new version
        assert store.data_version() != first
        assert reader.data_version() == store.data_version()  # a reader sees the load of another
    finally:
        store.close()
        if reader is not None:
            reader.close()
    assert SparqlBackend("http://127.0.0.1:9/sparql").data_version() is None


def test_an_empty_endpoint_graph_is_an_error(virtuoso: Any) -> None:
    with pytest.raises(StoreError, match=r"the graph <urn:test:nothing-here> holds no triples"):
        dg.load(store=f"sparql:{virtuoso.sparql_url}", graph="urn:test:nothing-here")
    with dg.load(store=f"sparql:{virtuoso.sparql_url}", graph="urn:test:nothing-here", create=True) as kg:
        assert kg.contacts() == []


_PAUSED = """
import pathlib, sys, time
import diplograph.backends.oxigraph as oxigraph
real = oxigraph.load_file
def paused(store, path):
    real(store, path)
    print("loading", flush=True)
    while not pathlib.Path(sys.argv[3]).exists():
        time.sleep(0.05)
oxigraph.load_file = paused
store = oxigraph.OxigraphBackend(sys.argv[1], create=True)
store.load([pathlib.Path(sys.argv[2])])
print("loaded", store.data_version(), flush=True)
"""


def paused_load(store: Path, data: Path, go: Path) -> subprocess.Popen[str]:
    """A process loading *data* into *store*, stopped after the file is read until *go* exists."""
    child = subprocess.Popen([sys.executable, "-c", _PAUSED, str(store), str(data), str(go)], env=ENV,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None
    line = child.stdout.readline().strip()
    assert line == "loading", child.stderr.read() if child.stderr else line
    return child


def test_a_killed_load_leaves_nothing_that_counts(tmp_path: Path, small: Path) -> None:
    folder = tmp_path / "s"
    dg.load(small, store=f"oxigraph:{folder}", ontology=False).close()
    child = paused_load(folder, GRAPH_FILE, tmp_path / "never")
    (orphan,) = {p for p in folder.glob("data-*")} - {folder / (folder / POINTER).read_text().strip()}
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    assert orphan.is_dir() and (folder / LOCK).exists()
    with dg.load(store=f"oxigraph:{folder}") as kg:  # never read: the pointer names the data
        assert kg.store.count() == 1 and kg.store.data_version() != orphan.name
    store = OxigraphBackend(folder)
    try:
        store.load([small])  # the killed process holds no lock any more; its folder goes
        assert not orphan.exists()
        assert [p.name for p in folder.glob("data-*")] == [store.data_version()]
    finally:
        store.close()
