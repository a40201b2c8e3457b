"""The one atomic writer: no folder made by surprise; what killed writers left is cleaned, not what live ones write."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from diplograph.atomic import ORPHAN_AGE, atomic_writer, remove_orphans, write_atomic
from diplograph.cli import main
from diplograph.errors import StoreError

from .conftest import ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def _age(path: Path) -> None:
    old = time.time() - ORPHAN_AGE - 60
    os.utime(path, (old, old))


def test_a_missing_folder_elsewhere_is_an_error_and_nothing_is_made(tmp_path: Path) -> None:
    target = tmp_path / "nonexistent-dir" / "deeper" / "x.html"
    with pytest.raises(StoreError, match=r"x\.html: cannot write: the folder .*nonexistent-dir/deeper does not exist"):
        write_atomic(target, b"page")
    assert not (tmp_path / "nonexistent-dir").exists()
    with pytest.raises(StoreError, match="does not exist"), atomic_writer(target, "w", encoding="utf-8") as fh:
        fh.write("never")  # pragma: no cover - the writer refuses before the block runs
    assert not (tmp_path / "nonexistent-dir").exists()


def test_a_relative_folder_inside_the_current_one_is_made_with_a_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.chdir(tmp_path)
    with caplog.at_level(logging.WARNING, logger="diplograph.atomic"):
        write_atomic(Path("pages") / "x.html", b"page")
    assert (tmp_path / "pages" / "x.html").read_bytes() == b"page"
    assert "created the folder pages" in caplog.text
    with pytest.raises(StoreError, match="does not exist"):  # a relative path that leads out of it is not made
        write_atomic(Path("..") / "elsewhere-made" / "x.html", b"page")
    assert not (tmp_path.parent / "elsewhere-made").exists()
    (tmp_path / "file").write_text("")
    with pytest.raises(StoreError, match="is not a folder"):
        write_atomic(Path("file") / "x.html", b"page")


@pytest.mark.parametrize("command", [
    ["view", "-o", "{out}"],
    ["export", "--format", "csv", "-o", "{out}"],
    ["build", "--no-validate", "-o", "{out}"],
    ["synth", "--contacts", "20", "-o", "{out}"],
], ids=["view", "export", "build", "synth"])
def test_every_output_refuses_a_folder_that_does_not_exist(command: list[str], tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    suffix = {"view": "x.html", "export": "x.csv", "build": "x.ttl", "synth": "x.nt"}[command[0]]
    out = tmp_path / "nonexistent-dir" / suffix
    code = main([part.format(out=out) for part in command])
    assert code == 7
    err = capsys.readouterr().err
    assert f"the folder {out.parent} does not exist" in err and "Traceback" not in err
    assert not out.parent.exists()


_HOLD = """
import sys, time
from diplograph.atomic import atomic_writer
with atomic_writer(sys.argv[1]) as fh:
    fh.write(b"half")
    fh.flush()
    print("writing", flush=True)
    time.sleep(60)
"""


def _writer(target: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-c", _HOLD, str(target)], env=ENV, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "writing"
    return child


def test_temporary_files_of_killed_writers_are_removed_and_live_ones_kept(tmp_path: Path) -> None:
    target = tmp_path / "diplograph.ttl"
    target.write_bytes(b"old")
    killed = _writer(target)
    killed.send_signal(signal.SIGKILL)
    killed.wait(10)
    (orphan,) = tmp_path.glob(".diplograph.ttl.*.tmp")
    live = _writer(target)
    try:
        (alive,) = set(tmp_path.glob(".diplograph.ttl.*.tmp")) - {orphan}
        for tmp in (orphan, alive):
            _age(tmp)  # both untouched for long: only the lock tells them apart
        write_atomic(target, b"new")  # the next run of the same output
        assert target.read_bytes() == b"new"
        assert not orphan.exists()  # the killed writer's half file is gone
        assert alive.exists()  # the live writer's is not
        assert remove_orphans(target) == []
    finally:
        live.kill()
        live.wait(10)
    assert remove_orphans(target) == [alive]  # its writer is gone now
    assert sorted(p.name for p in tmp_path.iterdir()) == ["diplograph.ttl"]


def test_a_fresh_temporary_file_is_never_taken_for_an_orphan(tmp_path: Path) -> None:
    target = tmp_path / "out.nt"
    fresh = tmp_path / ".out.nt.0123456789ab.tmp"
    fresh.write_bytes(b"just created by a writer that has not locked it yet")
    write_atomic(target, b"x")
    assert fresh.exists()
    _age(fresh)
    write_atomic(target, b"y")
    assert not fresh.exists()


def test_a_build_after_a_killed_build_leaves_no_temporary_file(graph_dir: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    target = graph_dir / "diplograph.ttl"
    killed = _writer(target)  # a build killed while writing its graph
    killed.send_signal(signal.SIGKILL)
    killed.wait(10)
    (orphan,) = graph_dir.glob(".diplograph.ttl.*.tmp")
    _age(orphan)
    assert main(["build", "--graph-dir", str(graph_dir), "--no-validate"]) == 0
    assert not orphan.exists() and not list(graph_dir.glob(".*.tmp"))
    assert target.read_bytes().startswith(b"@prefix")
