"""The analyst's questions at scale: diplograph (cold and warm) against DuckDB and raw Oxigraph on the same data.

Usage (from the repository root)::

    python -m bench.analyst --sizes 100000,1000000
    python -m bench.analyst --sizes 2000 --countries 12 --quick     # smoke run (what the test does)

For each size: a synthetic world (``diplograph synth``), loaded by raw
pyoxigraph (the floor of the load) and by diplograph (the load and its
contact index, read from the file beside the bulk load), in fresh processes;
the index is then rebuilt from the store alone (``diplograph index``), as
after a store changed behind it.
Then each question of :data:`QUESTIONS`:

- **diplograph cold**: a fresh ``diplograph`` CLI process on the existing
  store and index (a fresh Python process calling the API where no command
  asks it), wall time and peak memory;
- **diplograph warm**: the second call in one process (the API);
- **DuckDB**: plain SQL on the index's own tables (a fresh process that
  connects and asks; and the second run in one process), with NetworkX on
  DuckDB's edge table for the graph questions;
- **raw Oxigraph**: the named query that answers it, on a pyoxigraph store
  of the same file (per-actor questions; graph questions read the lean
  ``network-events`` query), with a time limit.

Results go to ``bench/results/analyst.json`` and ``analyst.md``; a run can be
rendered again with ``--render``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

#: name → (what it asks, CLI arguments or None, API call, DuckDB baseline kind).
QUESTIONS: dict[str, tuple[str, list[str] | None, str, str]] = {
    "show": ("contacts of A (`show`)", ["show", "{A}", "--format", "json"], "kg.describe(A)", "contacts"),
    "timeline": ("timeline A–B", ["timeline", "{A}", "{B}", "--format", "csv"], "kg.timeline(A, B)", "timeline"),
    "gaps": ("gaps A–B", ["gaps", "{A}", "{B}", "--format", "csv"], "kg.gaps(A, B)", "gaps"),
    "claims": ("claims by a speaker", ["claims", "--by", "{S}", "--format", "csv"], "kg.claims(by=S)", "claims"),
    "planned": ("planned contacts of A", None, "kg.planned(A)", "planned"),
    "network": ("persons network (`network()`)", None, "kg.network()", "edges"),
    "centrality": ("centrality (degree), top 20", ["centrality", "--top", "20", "--format", "csv"],
                   "kg.centrality('degree', top=20)", "degree"),
    "path": ("path between A and the actor farthest from A", ["path", "{A}", "{F}", "--format", "json"],
             "kg.path(A, F)", "path"),
    "ego": ("ego network of A", ["ego", "{A}", "--format", "csv"], "kg.ego(A)", "ego"),
    "brokers": ("brokers (articulation points, bridges)", ["brokers", "--format", "csv"], "kg.brokers()",
                "brokers"),
    "view": ("page of A's ego network (`view`)", ["view", "--around", "{A}", "-o", "{TMP}/page.html"],
             "kg.view(A)", ""),
    "parquet": ("export of every table to Parquet", ["export", "--format", "parquet", "-o", "{TMP}/tables"],
                "export_parquet(kg.index, TMP + '/tables-warm')", "copy"),
}


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), str(ROOT)])
    return env


def timed_process(cmd: list[str], timeout: float) -> dict[str, Any]:
    """Run *cmd* in a fresh process; its wall time, peak memory and status."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=_env(), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return {"status": f"timeout after {timeout:.0f} s"}
    seconds = time.perf_counter() - t0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # the largest child so far: read per process below
    out: dict[str, Any] = {"s": round(seconds, 3), "status": "ok" if proc.returncode in (0, 8) else
                           f"exit {proc.returncode}: {err.decode(errors='replace').strip().splitlines()[-1:]}"}
    out["children_peak_mb"] = round(usage.ru_maxrss / 1024, 1)
    return out


def worker(argv: list[str]) -> int:
    """``python -m bench.analyst worker KIND STORE QUESTION CAST_JSON``: one question, timed, as JSON on stdout."""
    kind, store, question, cast_json = argv
    cast = json.loads(cast_json)
    runs: list[float] = []
    cpu: list[float] = []
    if kind == "diplograph":
        import diplograph as dg
        from diplograph.index.tables import export_parquet

        t0 = time.perf_counter()
        kg = dg.load(store=f"oxigraph:{store}", read_only=True)
        opened = time.perf_counter() - t0
        env = {"kg": kg, "A": cast["A"], "B": cast["B"], "S": cast["S"], "F": cast["F"], "TMP": cast["TMP"],
               "export_parquet": export_parquet}
        for _ in range(2):
            t0, c0 = time.perf_counter(), time.process_time()
            answer = eval(QUESTIONS[question][2], env)  # the bench's own fixed expressions
            runs.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        result = {"open_s": round(opened, 3), "rows": _size(answer)}
    elif kind == "duckdb":
        from bench.baseline import Baseline

        t0 = time.perf_counter()
        base = Baseline(store, cast)
        opened = time.perf_counter() - t0
        for _ in range(2):
            t0, c0 = time.perf_counter(), time.process_time()
            answer = base.ask(QUESTIONS[question][3])
            runs.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        result = {"open_s": round(opened, 3), "rows": _size(answer)}
    else:
        from bench.baseline import raw_oxigraph

        t0 = time.perf_counter()
        rows = raw_oxigraph(store, question, cast)
        runs = [time.perf_counter() - t0]
        result = {"rows": rows}
    result.update(first_s=round(runs[0], 4), warm_s=round(runs[-1], 4),
                  warm_cpu_s=round(cpu[-1], 4) if cpu else None,
                  peak_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1))
    print(json.dumps(result))
    return 0


def _size(answer: Any) -> int | None:
    """How big an answer is: contacts of a description, edges of a network, items of a list."""
    if isinstance(answer, dict):
        return len(answer.get("contacts", []))
    for attr in ("number_of_edges", "__len__"):
        f = getattr(answer, attr, None)
        if callable(f):
            return int(f())
    return None


def _in_process(kind: str, store: Path, question: str, cast: dict[str, Any], timeout: float) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bench.analyst", "worker", kind, str(store), question, json.dumps(cast)]
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, env=_env(), cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"status": f"timeout after {timeout:.0f} s"}
    if proc.returncode != 0:
        return {"status": "failed: " + (proc.stderr.strip().splitlines() or ["?"])[-1][:200]}
    out: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    out["process_s"] = round(time.perf_counter() - t0, 3)
    out["status"] = "ok"
    return out


def _cold(question: str, store: Path, cast: dict[str, Any], timeout: float) -> dict[str, Any]:
    args = QUESTIONS[question][1]
    if args is None:  # no command asks it: a fresh Python process calling the API once
        code = ("import diplograph as dg, json, sys; c = json.loads(sys.argv[1]); "
                f"kg = dg.load(store=sys.argv[2], read_only=True); A, B, S, F = c['A'], c['B'], c['S'], c['F']; "
                f"{QUESTIONS[question][2]}")
        cmd = [sys.executable, "-c", code, json.dumps(cast), f"oxigraph:{store}"]
    else:
        filled = [a.format(A=cast["A"], B=cast["B"], S=cast["S"], F=cast["F"], TMP=cast["TMP"]) for a in args]
        cmd = [sys.executable, "-m", "diplograph", "-q", *filled, "--store", f"oxigraph:{store}"]
    shutil.rmtree(Path(cast["TMP"]) / "tables", ignore_errors=True)
    return _peak_of(cmd, timeout)


def _peak_of(cmd: list[str], timeout: float) -> dict[str, Any]:
    """Wall time, CPU time and peak memory of one fresh process (from ``/usr/bin/time`` where there is one)."""
    gnu_time = shutil.which("time") or "/usr/bin/time"
    report = Path(tempfile.mkstemp(prefix="bench-time-")[1])
    wrapped = [gnu_time, "-f", "%M %U %S", "-o", str(report), *cmd] if Path(gnu_time).exists() else cmd
    out = timed_process(wrapped, timeout)
    try:
        peak, user, system = report.read_text().strip().splitlines()[-1].split()
        out["peak_mb"] = round(int(peak) / 1024, 1)
        out["cpu_s"] = round(float(user) + float(system), 2)  # the process's own CPU time: what a busy machine hides
    except (OSError, ValueError, IndexError):
        pass
    out.pop("children_peak_mb", None)
    report.unlink(missing_ok=True)
    return out


def load_step(kind: str, nt: Path, store: Path, timeout: float) -> dict[str, Any]:
    """Load *nt* into a fresh store in a fresh process: raw pyoxigraph, or diplograph (its load, then its index)."""
    shutil.rmtree(store, ignore_errors=True)
    if kind == "pyoxigraph":
        code = ("import pyoxigraph as ox, sys; s = ox.Store(sys.argv[2]); "
                "s.bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_TRIPLES); "
                "s.bulk_load(path=sys.argv[3], format=ox.RdfFormat.TURTLE); s.flush()")
        from diplograph.bundled import ONTOLOGY_FILE

        return _peak_of([sys.executable, "-c", code, str(nt), str(store), str(ONTOLOGY_FILE)], timeout)
    # the load writes the index, read from the file beside the bulk load; then the same index rebuilt from the store
    load = _peak_of([sys.executable, "-c", "import diplograph as dg, sys; "
                     "dg.load(sys.argv[1], store=sys.argv[2]).close()", str(nt), f"oxigraph:{store}"], timeout)
    size = sum(p.stat().st_size for p in store.glob("index-*.duckdb"))
    index = _peak_of([sys.executable, "-m", "diplograph", "-q", "index", "--rebuild", "--store", f"oxigraph:{store}"],
                     timeout)
    return {"load": load, "index": index, "index_mb": round(size / 1e6, 1), "s": load.get("s")}


def find_cast(store: Path, tmp: Path) -> dict[str, Any]:
    """The actors the questions are about: the busiest actor, its busiest partner, the busiest speaker, the farthest."""
    from bench.baseline import Baseline

    return Baseline.cast_of(store, tmp)


def run(args: argparse.Namespace) -> dict[str, Any]:
    from bench.run import synth_file

    data_dir = Path(args.data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "command": "python -m bench.analyst " + " ".join(sys.argv[1:]),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "sizes": {}}
    for n in args.sizes:
        print(f"== {n} contacts", file=sys.stderr)
        info = synth_file(n, args.seed, data_dir, args.countries)
        nt = Path(info["file"])
        work = Path(args.work_dir or tempfile.mkdtemp(prefix="diplograph-analyst-")) / f"n{n}"
        work.mkdir(parents=True, exist_ok=True)
        size: dict[str, Any] = {"data": info, "loads": {}, "questions": {}}
        raw_store, store = work / "pyoxigraph", work / "diplograph"
        for kind, folder in (("pyoxigraph", raw_store), ("diplograph", store)):
            if args.reuse and folder.exists():
                size["loads"][kind] = {"status": "reused an existing store: not measured"}
                continue
            print(f"   load {kind}", file=sys.stderr)
            size["loads"][kind] = load_step(kind, nt, folder, args.timeout)
        cast = find_cast(store, work)
        size["cast"] = cast
        from diplograph.progress import Progress

        bar = Progress(len(args.questions), f"{n:,} contacts", unit="question")
        for q in args.questions:
            bar.step(q)
            row: dict[str, Any] = {"cold": _cold(q, store, cast, args.timeout),
                                   "warm": _in_process("diplograph", store, q, cast, args.timeout)}
            if QUESTIONS[q][3]:
                row["duckdb_cold"] = _peak_of([sys.executable, "-m", "bench.analyst", "worker", "duckdb", str(store),
                                               q, json.dumps(cast)], args.timeout)
                row["duckdb"] = _in_process("duckdb", store, q, cast, args.timeout)
            if q in RAW_QUESTIONS:
                row["oxigraph"] = _in_process("oxigraph", raw_store, q, cast,
                                              args.raw_timeout)
            size["questions"][q] = row
        bar.close()
        results["sizes"][str(n)] = size
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return results


#: Questions raw Oxigraph is asked too (through the named query that answers each).
RAW_QUESTIONS = ("show", "timeline", "gaps", "claims", "planned", "network")


def _fmt(v: float | None) -> str:
    if v is None:
        return "–"
    if v < 10:
        return f"{v:.3g}"
    return f"{v:,.0f}"


def _ratio(a: float | None, b: float | None) -> str:
    return "–" if a is None or b is None or b == 0 else f"{a / b:.2g}×"


def _cell(m: dict[str, Any] | None, key: str = "s") -> tuple[str, float | None]:
    if not m:
        return "–", None
    if m.get("status", "ok") != "ok":
        return str(m["status"]), None
    v = m.get(key)
    return _fmt(v), v


def markdown(results: dict[str, Any]) -> str:
    lines = [f"Measured {results['date']} on {results['machine']['cpus']} CPUs, Python "
             f"{results['machine']['python']} ({results['machine']['platform']}), with `{results['command']}`.", ""]
    for n, size in results["sizes"].items():
        d, loads = size["data"], size["loads"]
        lines += [f"### {int(n):,} contacts ({d['triples']:,} triples, {d['mb']:,} MB N-Triples)", ""]
        raw, dg = loads.get("pyoxigraph", {}), loads.get("diplograph", {})
        if "load" in dg:
            lines += ["| load | raw pyoxigraph | diplograph (load + index) | the index rebuilt from the store "
                      "| ratio (target ≤ 1.3×) |",
                      "|---|---:|---:|---:|---:|",
                      f"| seconds | {_fmt(raw.get('s'))} | {_fmt(dg.get('s'))} | {_fmt(dg['index'].get('s'))} | "
                      f"{_ratio(dg.get('s'), raw.get('s'))} |",
                      f"| peak memory (MB) | {_fmt(raw.get('peak_mb'))} | {_fmt(dg['load'].get('peak_mb'))} | "
                      f"{_fmt(dg['index'].get('peak_mb'))} | |",
                      f"| index size (MB) | | | {_fmt(dg.get('index_mb'))} | |", ""]
        else:
            lines += [f"Loads: {loads}", ""]
        c = size["cast"]
        lines += [f"A = {c['A_label']} ({c['A_contacts']:,} contacts), B = {c['B_label']} ({c['AB_contacts']:,} "
                  f"contacts with A), speaker = {c['S_label']} ({c['S_claims']:,} claims), farthest from A = "
                  f"{c['F_label']} ({c['F_hops']} hops); persons network {c['nodes']:,} nodes, {c['edges']:,} edges.",
                  "",
                  "| question | diplograph cold (fresh CLI) | diplograph warm (2nd call) | DuckDB cold | DuckDB warm | "
                  "raw Oxigraph | cold ÷ DuckDB cold | warm ÷ DuckDB warm | peak MB (cold) |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for q, row in size["questions"].items():
            cold, cv = _cell(row.get("cold"))
            warm, wv = _cell(row.get("warm"), "warm_s")
            dcold, dcv = _cell(row.get("duckdb_cold"))
            dwarm, dwv = _cell(row.get("duckdb"), "warm_s")
            raw_cell, _ = _cell(row.get("oxigraph"), "first_s")
            lines.append(f"| {QUESTIONS[q][0]} | {cold} | {warm} | {dcold} | {dwarm} | {raw_cell} | "
                         f"{_ratio(cv, dcv)} | {_ratio(wv, dwv)} | {_fmt((row.get('cold') or {}).get('peak_mb'))} |")
        lines.append("")
    return "\n".join(lines)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["worker"]:
        return worker(argv[1:])
    from bench.run import counts

    p = argparse.ArgumentParser(prog="python -m bench.analyst", description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=counts, default="100000", help="comma-separated contact counts (default 100000)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--countries", type=int, default=190)
    p.add_argument("--questions", default=",".join(QUESTIONS), help="comma-separated questions (default: all)")
    p.add_argument("--timeout", type=float, default=3600, help="seconds per process (default 3600)")
    p.add_argument("--raw-timeout", type=float, default=900, help="seconds per raw Oxigraph question (default 900)")
    p.add_argument("--data-dir", default=str(Path(tempfile.gettempdir()) / "diplograph-bench"))
    p.add_argument("--work-dir", default=None, help="where the stores go (default: a new temporary folder)")
    p.add_argument("--reuse", action="store_true", help="with --work-dir: reuse stores loaded by an earlier run")
    p.add_argument("--keep", action="store_true", help="keep the stores afterwards")
    p.add_argument("--results", default=str(ROOT / "bench" / "results"), help="folder for analyst.json/.md")
    p.add_argument("--quick", action="store_true", help="a smoke run: questions without raw Oxigraph limits")
    p.add_argument("--render", metavar="JSON", help="only rewrite analyst.md from a results file")
    args = p.parse_args(argv)
    names = [q for q in args.questions.split(",") if q]
    unknown = sorted(set(names) - set(QUESTIONS))
    if unknown:
        p.error(f"unknown question(s) {', '.join(unknown)}; questions are {', '.join(QUESTIONS)}")
    args.questions = names
    if args.render:
        try:
            md = markdown(json.loads(Path(args.render).read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            p.error(f"{args.render}: not a results file this bench wrote ({type(exc).__name__}: {exc})")
        _write(Path(args.results) / "analyst.md", md + "\n")
        print(md)
        return 0
    results = run(args)
    out = Path(args.results)
    _write(out / "analyst.json", json.dumps(results, indent=1) + "\n")
    md = markdown(results)
    _write(out / "analyst.md", md + "\n")
    print(md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
