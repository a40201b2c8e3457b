"""``--store`` on the command line: typos, ``--create``, read-only opening, and two processes on one store."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import diplograph as dg
from diplograph.backends.oxigraph import POINTER
from diplograph.bundled import GRAPH_FILE
from diplograph.cli import main

from ..backends.test_opening import paused_load
from ..conftest import ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def cli(*args: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*prefix, sys.executable, "-m", "diplograph", *args], capture_output=True, text=True,
                          env=ENV, timeout=120)


def test_a_mistyped_store_is_exit_7_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small = tmp_path / "data" / "small"
    small.parent.mkdir()
    assert main(["query", "entities", "--store", f"oxigraph:{small}", "--create", "-f", "csv"]) == 0
    capsys.readouterr()
    typo = tmp_path / "data" / "smal"
    assert main(["query", "entities", "--store", f"oxigraph:{typo}"]) == 7  # was 0: answered from a new store
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"no store at {typo}" in err and f"did you mean 'oxigraph:{small}'?" in err
    assert "--create" in err and "--graph FILE" in err
    assert not typo.exists()
    assert main(["timeline", "Trump", "Putin", "--store", f"oxigraph:{typo}", "--graph", str(GRAPH_FILE)]) == 0
    assert (typo / POINTER).is_file()  # given data, the store is made


def test_read_commands_open_the_store_read_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = f"oxigraph:{tmp_path / 's'}"
    assert main(["gaps", "White House", "Kremlin", "--store", store, "--create"]) == 0
    kg = dg.load(store=store, read_only=True)
    try:
        assert getattr(kg.store, "read_only", False)
    finally:
        kg.close()
    for command in (["query", "entities"], ["show", "Putin"], ["claims"], ["path", "Trump", "Putin"],
                    ["centrality", "--top", "3"]):
        assert main([*command, "--store", store]) == 0, command
    capsys.readouterr()


def _paused(tmp_path: Path) -> tuple[Path, subprocess.Popen[str], Path]:
    folder = tmp_path / "s"
    dg.load(store=f"oxigraph:{folder}", create=True).close()  # the seed graph, before the slow load starts
    go = tmp_path / "go"
    return folder, paused_load(folder, GRAPH_FILE, go), go


def test_a_second_load_is_told_the_store_is_busy_and_touches_nothing(tmp_path: Path) -> None:
    folder, first, go = _paused(tmp_path)
    try:
        serving = (folder / POINTER).read_text().strip()
        (loading,) = {p.name for p in folder.glob("data-*")} - {serving}
        small = tmp_path / "small.nt"
        small.write_text("<urn:a> <urn:b> <urn:c> .\n")
        second = cli("query", "entities", "--store", f"oxigraph:{folder}", "--graph", str(small))
        assert second.returncode == 7
        assert second.stderr.strip() == (f"diplograph: error: {folder}: the store is busy: another process (pid "
                                         f"{first.pid}) is loading data into it; try again once it has finished")
        assert (folder / loading).is_dir()  # the running load's folder is still there
        assert {p.name for p in folder.glob("data-*")} == {serving, loading}
        reader = cli("gaps", "White House", "Kremlin", "--store", f"oxigraph:{folder}", "-f", "csv")
        assert reader.returncode == 0 and "2022-02-12,2025-02-13" in reader.stdout  # reads go on meanwhile
    finally:
        go.touch()
        out, err = first.communicate(timeout=60)
    assert first.returncode == 0, err
    assert out.split() == ["loaded", loading]  # the first load finished, with its own folder
    assert (folder / POINTER).read_text().strip() == loading
    assert [p.name for p in folder.glob("data-*")] == [loading]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


#: Root writes anywhere: its commands run without the capabilities that override file permissions.
_NOT_ROOT = ("setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner")


@pytest.fixture()
def read_only_store(tmp_path: Path) -> Iterator[tuple[Path, tuple[str, ...]]]:
    """A store in a folder the commands cannot write, and what to run them with."""
    folder = tmp_path / "store"
    dg.load(store=f"oxigraph:{folder}", create=True).close()
    for path in [folder, *folder.rglob("*")]:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv (util-linux): cannot take away root's write access")
        prefix = _NOT_ROOT
    probe = subprocess.run([*prefix, sys.executable, "-c", f"open({str(folder / 'probe')!r}, 'w')"],
                           capture_output=True)
    assert probe.returncode != 0, "the folder is still writable"
    try:
        yield folder, prefix
    finally:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(path.stat().st_mode | stat.S_IWUSR)


def test_query_and_serve_open_a_store_in_a_read_only_folder(read_only_store: tuple[Path, tuple[str, ...]]) -> None:
    folder, prefix = read_only_store
    before = sorted(p.name for p in folder.iterdir())
    result = cli("query", "entities", "--store", f"oxigraph:{folder}", "-f", "csv", prefix=prefix)
    assert result.returncode == 0, result.stderr  # was 7: the store was opened for writing
    assert "Vladimir Putin" in result.stdout
    refused = cli("query", "entities", "--store", f"oxigraph:{folder}", "--graph", str(GRAPH_FILE), prefix=prefix)
    assert refused.returncode == 7 and "cannot write to the store" in refused.stderr
    port = _free_port()
    server = subprocess.Popen([*prefix, sys.executable, "-m", "diplograph", "serve", "--store", f"oxigraph:{folder}",
                               "--port", str(port), "--workers", "1"], env=ENV, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}/sparql"
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            try:
                reply = httpx.get(url, params={"query": "ASK { ?s ?p ?o }"}, timeout=5)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.3)
        assert reply.status_code == 200 and reply.json()["boolean"] is True
    finally:
        server.terminate()
        server.wait(20)
    assert sorted(p.name for p in folder.iterdir()) == before
