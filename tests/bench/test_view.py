"""The page benchmark (``bench/view.py``): a tiny run prints its table; a bad value is a usage error."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _main() -> Callable[[Sequence[str]], None]:
    sys.path.insert(0, str(ROOT))
    try:
        from bench.view import main
    finally:
        sys.path.remove(str(ROOT))
    return main


def test_a_tiny_run_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    main = _main()
    main(["--sizes", "60", "--layout", "30", "--quick"])
    out = capsys.readouterr().out
    # Barabási–Albert: 3 edges from each of the 57 nodes after the first 3; both views drawn whole at this size
    assert "| 60 | 171 | default (max 400) | 60 |" in out
    assert "| 60 | 171 | all nodes | 60 |" in out
    assert "layout, 30 nodes: positions" in out


@pytest.mark.parametrize(("argv", "message"), [
    (["--sizes", "abc"], "'abc' is not a comma-separated list of whole numbers"),
    (["--sizes", "100,-5"], "'100,-5': every count must be 1 or more"),
    (["--layout", "x"], "'x' is not a whole number"),
    (["--layout", "-1"], "'-1': must be 0 or more"),
])
def test_bad_arguments_are_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    main = _main()
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert message in capsys.readouterr().err


def test_runs_as_a_file() -> None:
    # the documented way, PYTHONPATH=src python bench/view.py, finds the bench package by itself
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "view.py"), "--sizes", "nope"],
                          capture_output=True, text=True, cwd=ROOT / "src",
                          env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 2, proc.stderr
    assert "'nope' is not a comma-separated list" in proc.stderr
    assert "Traceback" not in proc.stderr
