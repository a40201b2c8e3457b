"""The network commands: output formats, files, errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest

from diplograph.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_path_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "path", "Waltz", "Putin", "--institutional")
    assert code == 0
    assert out.startswith("Mike Waltz → The White House (2025-02-13) → Donald Trump → Vladimir Putin")
    assert "post: Mike Waltz: National Security Adviser" in out and "(3 hops)" in out
    assert "(joined during 2025-02-13)" in out
    code, out, _ = run(capsys, "path", "White House", "Putin", "--institutional", "--all", "-f", "json")
    paths = json.loads(out)
    assert [p["length"] for p in paths] == [2, 2, 2]
    assert [p["hops"][1]["during"] for p in paths] == ["2017-07-07", "2022-02-12", "2025-02-13"]
    # Sullivan's post is undated: it joins nothing in time, so there is no path (exit 8), never a wrong one
    code, out, err = run(capsys, "path", "Sullivan", "Putin", "--institutional")
    assert code == 8 and out == "" and "no chain of contacts and ties whose times join" in err
    code, out, _ = run(capsys, "path", "Zelensky", "Putin", "--planned", "--indirect", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["from"], r["to"], r["via"], r["status"]) for r in rows] == [
        ("Volodymyr Zelensky", "Vladimir Putin", "indirectContact", "agreed")]


def test_no_path_unknown_name_empty_window(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "path", "Zelensky", "Putin")
    assert code == 8 and out == ""
    assert err.startswith("diplograph: error: no path between 'Volodymyr Zelensky' and 'Vladimir Putin'")
    assert "Traceback" not in err
    code, _, err = run(capsys, "path", "Zelenskyy Q", "Putin")
    assert code == 4 and "unknown entity" in err
    code, _, err = run(capsys, "centrality", "--since", "2030")
    assert code == 8 and "no edges" in err
    code, _, err = run(capsys, "ego", "Putin", "--since", "2020", "--until", "2019")
    assert code == 8 and "empty time window" in err
    code, _, err = run(capsys, "communities", "--since", "someday")
    assert code == 2 and "not a date" in err


def test_centrality_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "centrality", "--measure", "betweenness", "--top", "2", "-f", "json")
    rows = json.loads(out)
    assert code == 0 and [r["label"] for r in rows] == ["Vladimir Putin", "Donald Trump"]
    code, out, _ = run(capsys, "centrality", "-m", "strength", "-n", "1")
    assert "Vladimir Putin" in out and "(1 row)" in out
    answers = []
    for engine in ("igraph", "networkx"):
        code, out, _ = run(capsys, "centrality", "-m", "pagerank", "--planned", "--engine", engine, "-f", "json")
        assert code == 0
        answers.append(json.loads(out))
    assert answers[0] == answers[1] and len(answers[0]) > 5


def test_brokers_ego_communities_rhythm(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "brokers", "-f", "json")
    rows = json.loads(out)
    assert code == 0 and rows[0] == {"what": "articulation point", "actors": "Vladimir Putin",
                                     "detail": "splits its component into 2", "contacts": None}
    code, out, _ = run(capsys, "ego", "بوتين", "--depth", "2", "--institutional", "-f", "json")
    dist = {r["actor"]: r["distance"] for r in json.loads(out)}
    assert dist["Vladimir Putin"] == 0 and dist["The White House (2025-02-13)"] == 2
    code, out, _ = run(capsys, "communities", "-f", "csv")
    assert out.splitlines()[1] == "1,3,8,Donald Trump; Joe Biden; Vladimir Putin"
    code, out, _ = run(capsys, "rhythm", "White House", "Kremlin")
    assert code == 0 and "8 dated direct contact(s), first 2017-07-07, last 2025-02-13" in out
    assert "2022-02-12  2025-02-13  1097  36" in out
    code, out, _ = run(capsys, "rhythm", "White House", "Kremlin", "-f", "json")
    assert json.loads(out)["gaps"][0]["days"] == 1097


def test_export_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "out.gexf"
    code, _, err = run(capsys, "export", "--format", "gexf", "-o", str(target), "--planned", "--indirect")
    assert code == 0 and f"wrote {target}" in err
    assert nx.read_gexf(target).number_of_edges() == 13
    code, _, _ = run(capsys, "export", "-o", str(tmp_path / "rows.json"), "--planned")
    assert json.loads((tmp_path / "rows.json").read_text(encoding="utf-8"))[0]["event_type"] == "CONSULT"
    code, _, _ = run(capsys, "export", "-f", "graphml", "--network", "bipartite", "-o", str(tmp_path / "b.graphml"))
    assert nx.is_bipartite(nx.read_graphml(tmp_path / "b.graphml"))
    code, _, err = run(capsys, "export", "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and "unknown export format" in err and not (tmp_path / "x.pdf").exists()
