"""The analyst benchmark: a tiny run writes its table; bad arguments are usage errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench import analyst

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def test_a_tiny_run_measures_every_side(tmp_path: Path) -> None:
    results = tmp_path / "results"
    cmd = [sys.executable, "-m", "bench.analyst", "--sizes", "40", "--countries", "3", "--questions",
           "show,centrality", "--data-dir", str(tmp_path / "data"), "--results", str(results),
           "--raw-timeout", "120"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={"PYTHONPATH": f"{ROOT / 'src'}:{ROOT}", "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr
    data = json.loads((results / "analyst.json").read_text())
    size = data["sizes"]["40"]
    assert size["loads"]["diplograph"]["index_mb"] > 0
    for q in ("show", "centrality"):
        row = size["questions"][q]
        assert row["cold"]["status"] == "ok" and row["warm"]["status"] == "ok", row
        assert row["duckdb"]["status"] == "ok", row
    assert size["questions"]["show"]["oxigraph"]["rows"] > 0
    assert 0 < size["questions"]["show"]["warm"]["rows"] <= size["cast"]["A_contacts"]
    md = (results / "analyst.md").read_text()
    assert "| contacts of A (`show`) |" in md and "diplograph (load + index)" in md


def test_an_unknown_question_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        analyst.main(["--questions", "show,nonsense"])
    assert exc.value.code == 2
    assert "unknown question(s) nonsense" in capsys.readouterr().err
