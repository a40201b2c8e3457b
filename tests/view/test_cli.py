"""``diplograph view`` on the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from diplograph.cli import main
from diplograph.network.structure import ego
from diplograph.view import project


def test_view_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "graph.html"
    assert main(["view", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert f"wrote {out}" in capsys.readouterr().out


def test_view_around_with_window_and_measure(tmp_path: Path, capsys: pytest.CaptureFixture[str], kg: Any) -> None:
    out = tmp_path / "putin.html"
    code = main(["view", "--around", "بوتين", "--depth", "2", "--since", "2017", "--until", "2020",
                 "--size-by", "betweenness", "-o", str(out)])
    assert code == 0
    html = out.read_text(encoding="utf-8")
    assert "around Vladimir Putin (depth 2), 2017–2020" in html
    window = project(kg.source, "persons", since="2017", until="2020")
    part = ego(window, kg.resolve("Putin").iri, 2)
    assert f"({part.number_of_nodes()} nodes, {part.number_of_edges()} edges)" in capsys.readouterr().out
    assert part.number_of_nodes() < project(kg.source, "persons").number_of_nodes()


def test_view_full_network_says_what_it_left_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["view", "--network", "full", "-o", str(tmp_path / "full.html")]) == 0
    assert "leaves out" in capsys.readouterr().out


@pytest.mark.parametrize(("argv", "code", "message"), [
    (["--around", "Nobody At All"], 4, "unknown entity"),
    (["--around", "White House", "--no-institutional"], 8, "not in this network"),
    (["--since", "2020", "--until", "2017"], 8, "empty time window"),
    (["--since", "last year"], 2, "is not a date"),
])
def test_bad_input_is_a_clear_error_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        argv: list[str], code: int, message: str) -> None:
    out = tmp_path / "page.html"
    assert main(["view", *argv, "-o", str(out)]) == code
    assert message in capsys.readouterr().err
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_bad_measure_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["view", "--size-by", "fame", "-o", str(tmp_path / "x.html")])
    assert exc.value.code == 2
