"""A smoke test of the benchmark harness at a tiny size: every engine measured, the table written."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str]:  # type: ignore[type-arg]
    sys.path.insert(0, str(ROOT))
    try:
        from bench.run import main
    finally:
        sys.path.remove(str(ROOT))
    out = tmp_path_factory.mktemp("bench")
    code = main(["--sizes", "20", "--countries", "3", "--quick", "--only", "contacts,direct-contacts",
                 "--data-dir", str(out / "data"), "--results", str(out), "--query-timeout", "60",
                 "--query-runs", "2"])
    assert code == 0
    return json.loads((out / "latest.json").read_text()), (out / "latest.md").read_text()


def test_every_engine_loads_and_answers_the_same(results: tuple[dict, str]) -> None:  # type: ignore[type-arg]
    data, _ = results
    size = data["sizes"]["20"]
    assert size["data"]["triples"] > 1000
    engines = size["engines"]
    assert set(engines) == {"pyoxigraph", "diplograph", "memory", "oxrdflib", "rdflib"}
    for name, e in engines.items():
        assert e["status"] == "ok", (name, e["status"])
        assert e["load_s"] > 0 and e["load_peak_mb"] > e["base_mb"] > 0
        assert set(e["queries"]) == {"contacts", "direct-contacts"}
        if sys.platform == "linux":  # each step's reads and the machine's iowait beside its time
            for step in [*e["queries"].values(), {k[5:]: v for k, v in e.items() if k.startswith("load_")}]:
                assert step["read_mb"] >= 0 and step["disk_read_mb"] >= 0, (name, step)
                assert 0 <= step["iowait_pct"] <= 100, (name, step)
    rows = {name: {q: v["rows"] for q, v in e["queries"].items()} for name, e in engines.items()}
    assert rows["pyoxigraph"] == rows["rdflib"] == rows["diplograph"] == rows["oxrdflib"]
    assert rows["pyoxigraph"]["contacts"] == 20
    projections = {(e["projection"]["active_nodes"], e["projection"]["edges"]) for e in engines.values()}
    assert len(projections) == 1


def test_algorithms_and_table(results: tuple[dict, str]) -> None:  # type: ignore[type-arg]
    data, md = results
    algo = data["sizes"]["20"]["algorithms"]
    assert algo["status"] == "ok"
    names = {(r.get("lib"), r.get("name")) for r in algo["records"]}
    assert ("networkx", "pagerank") in names and ("networkx", "betweenness") in names
    assert {("diplograph", "pagerank"), ("diplograph", "betweenness"), ("diplograph", "betweenness, weighted"),
            ("igraph", "betweenness, weighted")} <= names
    assert "| diplograph ÷ igraph |" in md and "| betweenness, exact, weighted (distance 1/count) |" in md
    assert "| load (s) |" in md and "diplograph ÷ pyoxigraph" in md
    assert "query contacts (20 rows)" in md
    assert "| oxrdflib ÷ pyoxigraph |" in md
    # Oxigraph engines ran each query twice: the best, and the first beside it
    q = data["sizes"]["20"]["engines"]["pyoxigraph"]["queries"]["contacts"]
    assert q["runs"] == 2 and q["first_s"] >= q["s"] > 0
    assert "(first " in md


@pytest.mark.parametrize(("argv", "message"), [
    (["--engines", "nosuch"], "unknown engine(s) nosuch"),
    (["--only", "claims,nosuch"], "unknown named query(ies) nosuch"),
    (["--query-runs", "0"], "--query-runs must be 1 or more"),
    (["--sizes", "abc"], "'abc' is not a comma-separated list of whole numbers"),
    (["--pages", "0"], "'0': every count must be 1 or more"),
])
def test_bad_arguments_are_usage_errors(argv: list[str], message: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    sys.path.insert(0, str(ROOT))
    try:
        from bench.run import main
    finally:
        sys.path.remove(str(ROOT))
    with pytest.raises(SystemExit) as exc:
        main(["--sizes", "20", "--results", str(tmp_path), *argv])
    assert exc.value.code == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.iterdir())  # nothing written


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_io_delta_counts_what_the_process_reads(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    try:
        from bench.worker import io_counters, io_delta
    finally:
        sys.path.remove(str(ROOT))
    data = tmp_path / "blob"
    data.write_bytes(b"x" * (3 << 20))
    before = io_counters()
    assert data.read_bytes()
    after = io_delta(before)
    assert after["read_mb"] >= 3.0
    assert after["disk_read_mb"] >= 0 and 0 <= after["iowait_pct"] <= 100
    assert io_delta({}) == {}


def test_the_table_says_whether_page_out_was_on(results: tuple[dict, str]) -> None:  # type: ignore[type-arg]
    sys.path.insert(0, str(ROOT))
    try:
        from bench.run import damon_page_out, markdown
    finally:
        sys.path.remove(str(ROOT))
    data, md = results
    state = damon_page_out()
    assert data["machine"].get("page_out") == state
    assert (f"; DAMON page-out {state}." in md) if state else ("DAMON" not in md.splitlines()[0])
    off = {**data, "machine": {**data["machine"], "page_out": "off"}}
    assert "; DAMON page-out off." in markdown(off).splitlines()[0]


def _bench_main() -> Any:
    sys.path.insert(0, str(ROOT))
    try:
        from bench.run import main
    finally:
        sys.path.remove(str(ROOT))
    return main


def test_the_default_store_is_measured_against_a_baseline_source(tmp_path: Path) -> None:
    main = _bench_main()
    out = tmp_path / "results"
    code = main(["--sizes", "20", "--countries", "3", "--quick", "--engines", "memory", "--only", "contacts",
                 "--baseline-src", str(ROOT / "src"), "--data-dir", str(tmp_path / "data"), "--results", str(out)])
    assert code == 0
    data = json.loads((out / "latest.json").read_text())
    engines = data["sizes"]["20"]["engines"]
    assert set(engines) == {"memory", "memory@baseline"} and all(e["status"] == "ok" for e in engines.values())
    md = (out / "latest.md").read_text()
    assert "The default store (`dg.load(FILE)`): these sources against the baseline sources" in md
    assert "| query contacts |" in md and "| baseline ÷ now |" in md


def test_a_baseline_without_sources_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main = _bench_main()
    with pytest.raises(SystemExit) as exc:
        main(["--engines", "memory", "--baseline-src", str(tmp_path)])
    assert exc.value.code == 2 and "no diplograph package in that folder" in capsys.readouterr().err
