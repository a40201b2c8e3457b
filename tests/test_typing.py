"""The package is typed for its users: mypy --strict on a user's script sees the types the API promises."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import diplograph

SCRIPT = Path(__file__).parent / "typing" / "user_script.txt"


def test_the_package_ships_its_types() -> None:
    assert (Path(diplograph.__file__).parent / "py.typed").is_file()


def test_mypy_strict_sees_the_promised_types(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    text = SCRIPT.read_text(encoding="utf-8")
    expected = {n: m.group(1) for n, line in enumerate(text.splitlines(), 1) if (m := re.search(r"# E: (.+)$", line))}
    script = tmp_path / "user_script.py"
    script.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir",
                           str(tmp_path / "cache"), "--config-file", "/dev/null", str(script)],
                          capture_output=True, text=True, check=False)
    revealed = {int(m.group(1)): m.group(2) for m in re.finditer(
        r"user_script\.py:(\d+): note: Revealed type is \"(.+?)\"", done.stdout)}
    revealed = {n: t.replace("builtins.", "") for n, t in revealed.items()}
    assert revealed == expected, done.stdout
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert errors == [], done.stdout
