"""The command line: every command, its formats, its errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from diplograph.cli import build_parser, main

from ..conftest import ROOT, SEED


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_help_everywhere() -> None:
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert {"build", "query", "show", "timeline", "gaps", "claims"} <= set(commands)
    for name in commands:
        result = subprocess.run([sys.executable, "-m", "diplograph", name, "--help"], capture_output=True, text=True,
                                env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        assert result.returncode == 0, name
        assert "usage: diplograph" in result.stdout


def test_build_writes_and_summarises(capsys: pytest.CaptureFixture[str], graph_dir: Path) -> None:
    code, out, _ = run(capsys, "build", "--graph-dir", str(graph_dir), "--warnings")
    assert code == 0
    assert "contacts                     10" in out
    assert "SHACL: conforms" in out and "Wikidata" in out


def test_build_error_exit_code_and_no_traceback(graph_dir: Path) -> None:
    annotation = graph_dir / "annotations" / f"{SEED}.yaml"
    annotation.write_text(annotation.read_text(encoding="utf-8").replace("أوكرانيا.\"", "أوكرانيا!\"", 1),
                          encoding="utf-8")
    before = (graph_dir / "diplograph.ttl").read_bytes()
    result = subprocess.run([sys.executable, "-m", "diplograph", "build", "--graph-dir", str(graph_dir)],
                            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    assert "quote not found" in result.stderr and f"{SEED}.yaml:" in result.stderr
    assert (graph_dir / "diplograph.ttl").read_bytes() == before


def test_query_by_name_with_bindings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "query", "direct-contacts", "--bind", "a=ترمب", "--bind", "b=Putin", "-f", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["date"] for r in rows] == ["2017-07-07", "2017-11-11", "2018-03-20", "2018-07-16", "2019-05-01",
                                         "2020-07-03", "2025-02-13"]


def test_query_text_file_and_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    rq = tmp_path / "count.rq"
    rq.write_text("# Question: how many contacts?\nPREFIX dg: <https://w3id.org/diplograph/ns#>\n"
                  "SELECT (COUNT(?c) AS ?n) WHERE { ?c a dg:Contact }", encoding="utf-8")
    code, out, _ = run(capsys, "query", str(rq), "-f", "json")
    assert code == 0 and json.loads(out) == [{"n": 10}]
    code, out, _ = run(capsys, "query", "ASK { ?s a <https://w3id.org/diplograph/ns#Claim> }")
    assert code == 0 and out.strip() == "true"
    code, out, _ = run(capsys, "query", "--list")
    assert "direct-contacts" in out and "negotiating-team" in out


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("query", "SELECT * WHERE { ?s ?p }"), 6, "SPARQL syntax error"),
        (("query", "no-such-query"), 6, "no named query 'no-such-query'"),
        (("query", "contacs"), 6, "did you mean 'contacts'"),
        (("query", "contacts", "--store", "oxigrap:/nonexistent"), 7, "did you mean 'oxigraph:/nonexistent'"),
        (("query", "direct-contacts", "--bind", "zz=1"), 6, "no variable ?zz"),
        (("query", "DELETE WHERE { ?s ?p ?o }"), 6, "read-only"),
        (("show", "Zelinsky"), 4, "did you mean 'Zelensky'"),
        (("timeline", "Trump", "Nobody"), 4, "unknown entity 'Nobody'"),
        (("gaps", "G20", "Kremlin"), 8, "no top post"),
        (("query", "x", "--graph", "missing.ttl"), 7, "graph file not found"),
        (("query", "x", "--graph", "evil.rdf"), 7, "RDF/XML is not accepted"),
    ],
)
def test_errors_map_to_exit_codes(capsys: pytest.CaptureFixture[str], args: tuple[str, ...], code: int,
                                  message: str) -> None:
    got, _out, err = run(capsys, *args)
    assert got == code, err
    assert message in err and "Traceback" not in err


def test_show_timeline_gaps_claims(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "ترمب")
    assert code == 0 and "Donald Trump — دونالد ترامب" in out and "President, United States (2017–2021)" in out
    code, out, _ = run(capsys, "show", "Putin", "-f", "json")
    assert json.loads(out)["wikidata"] == "Q7747"
    code, out, _ = run(capsys, "timeline", "Trump", "Putin", "-f", "json")
    rows = json.loads(out)
    assert rows[0]["date"] == "2017-07-07" and {r["planned"] for r in rows} >= {"", "announced", "invited"}
    code, out, _ = run(capsys, "gaps", "White House", "Kremlin")
    assert out.splitlines()[2].split()[:4] == ["2022-02-12", "2025-02-13", "1097", "36"]
    code, out, _ = run(capsys, "claims", "--by", "الكرملين", "-f", "json")
    assert len(json.loads(out)) == 5


def test_commands_work_on_an_oxigraph_store(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from diplograph.view.banner import Focus

    store = f"oxigraph:{tmp_path / 'store'}"
    code, out, _ = run(capsys, "gaps", "White House", "Kremlin", "--store", store, "--create", "--format", "json")
    first = json.loads(out)  # a store created without --graph gets the seed graph
    assert first and first[0]["months"] == 36
    assert (tmp_path / "store" / "diplograph.current").is_file()
    code, out, _ = run(capsys, "gaps", "White House", "Kremlin", "--store", store, "--format", "json")
    assert code == 0 and json.loads(out) == first  # opened as it is
    code, out, _ = run(capsys, "path", "Waltz", "Putin", "--institutional", "--store", store)
    assert code == 0 and "Putin" in out
    # a page built from a store tells the user to come back to the store, not to reload files
    command = Focus(graphs=("world.nt",), store=store, max_nodes=None).command()
    assert command.startswith(f"diplograph view --store {store}") and "--graph" not in command


def test_show_json_is_describe_with_a_record_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    import diplograph as dg

    code, out, _ = run(capsys, "show", "Putin", "-f", "json")
    info = dg.load().describe("Putin")
    assert code == 0 and json.loads(out) == json.loads(json.dumps(info))
    lines = out.splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    contacts = [json.loads(x.strip().rstrip(",")) for x in lines if x.startswith("    {") and '"kind"' in x]
    assert len(contacts) >= len(info["contacts"]) >= 5


def test_questions_run_with_the_collector_paused(capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from diplograph.cli import QUESTIONS, _build, core

    assert set(_build()[1]) >= QUESTIONS  # every name is a command: a misspelt one would never be paused
    seen: list[bool] = []
    original = core.cmd_show

    def show(args: object) -> int:
        seen.append(gc.isenabled())
        return original(args)  # type: ignore[arg-type]

    monkeypatch.setattr(core, "cmd_show", show)
    assert main(["show", "Putin"]) == 0
    assert seen == [False] and gc.isenabled()
    assert main(["show", "Nobody-At-All"]) != 0 and gc.isenabled()  # an error restores it too
    capsys.readouterr()


def test_commands_that_draw_nothing_import_no_layout_libraries() -> None:
    # numpy and igraph cost a fifth of a second at every cold start: only the page's layout needs them
    code = "import sys, diplograph.cli; print(sorted(m for m in ('numpy', 'igraph', 'scipy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]"
