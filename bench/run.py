"""Benchmark diplograph against raw pyoxigraph (the limit) and rdflib's memory store (the baseline).

Usage (from the repository root)::

    python -m bench --sizes 10000,100000
    python bench/run.py --sizes 1000 --quick

Every engine is measured in a fresh subprocess on the same synthetic file
(``diplograph synth``), so load time and peak memory (``ru_maxrss``) are its
own. Results go to ``bench/results/latest.json`` and ``latest.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ENGINES = ("pyoxigraph", "diplograph", "memory", "oxrdflib", "rdflib")
#: Engines whose queries run on rdflib (each is killed beyond --query-timeout; Oxigraph ones run inline).
_RDFLIB_ENGINES = ("rdflib", "memory@baseline")


def _env(src: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(src), str(ROOT)])
    env.pop("PYTHONHASHSEED", None)
    return env


def counts(text: str) -> list[int]:
    """A comma-separated list of positive whole numbers, for ``--sizes`` and ``--pages``."""
    try:
        values = [int(s) for s in text.split(",") if s.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a comma-separated list of whole numbers") from None
    if any(c < 1 for c in values):
        raise argparse.ArgumentTypeError(f"{text!r}: every count must be 1 or more")
    return values


def _worker(args: list[str], out: Path, env: dict[str, str], timeout: float) -> tuple[list[dict[str, Any]], str]:
    """Run one worker task; return its records and "ok", "timeout" or "failed: ..."."""
    out.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "bench.worker", *args, "--out", str(out)]
    status = "ok"
    try:
        proc = subprocess.run(cmd, env=env, cwd=ROOT, timeout=timeout, capture_output=True, text=True)
        if proc.returncode != 0:
            status = "failed: " + (proc.stderr.strip().splitlines() or ["?"])[-1][:200]
    except subprocess.TimeoutExpired:
        status = f"timeout after {timeout:.0f} s"
    records = [json.loads(line) for line in out.read_text().splitlines()] if out.exists() else []
    return records, status


def damon_page_out() -> str | None:
    """Whether the kernel's DAMON pages out idle memory on this machine ("on", "off"), or None without DAMON.

    With it on, file pages left untouched for a while leave the page cache even with memory free,
    so a query that walks a store larger than what stays cached waits on the disk: at 1M contacts
    that decides the time of the longest queries, whichever engine runs them.
    """
    states = sorted(Path("/sys/kernel/mm/damon/admin/kdamonds").glob("*/state"))
    try:
        values = {f.read_text().strip() for f in states}
    except OSError:
        return None
    return ("on" if "on" in values else "off") if values else None


#: What a worker records of a step's I/O, for the run its time comes from (see ``bench.worker.io_delta``).
IO_KEYS = ("disk_read_mb", "read_mb", "iowait_pct")


def _engine_summary(records: list[dict[str, Any]], status: str) -> dict[str, Any]:
    out: dict[str, Any] = {"status": status, "queries": {}, "api": {}}
    for r in records:
        if r["step"] == "start":
            out["base_mb"] = r["rss_mb"]
            if r.get("backend"):
                out["backend"] = r["backend"]
        elif r["step"] == "load":
            out["load_s"] = r["seconds"]
            out["load_peak_mb"] = r["peak_mb"]
            out["load_rss_mb"] = r["rss_mb"]
            out.update({f"load_{k}": r[k] for k in IO_KEYS if k in r})
        elif r["step"] == "query":
            out["queries"][r["name"]] = {"s": r.get("seconds"), "rows": r.get("rows"),
                                         **({"first_s": r["first_s"], "runs": r["runs"]} if "runs" in r else {}),
                                         **({"timeout": r["timeout"]} if "timeout" in r else {}),
                                         **({"error": r["error"]} if "error" in r else {}),
                                         **{k: r[k] for k in IO_KEYS if k in r}}
        elif r["step"] == "projection":
            out["projection"] = {"s": r["seconds"], "nodes": r["nodes"], "active_nodes": r.get("active_nodes"),
                                 "edges": r["edges"], "how": r["how"]}
        elif r["step"] == "api":
            out["api"][r["name"]] = {"s": r.get("seconds"), "rows": r.get("rows"),
                                     **({"timeout": r["timeout"]} if "timeout" in r else {})}
        out["peak_mb"] = r.get("peak_mb", out.get("peak_mb"))
    return out


def synth_file(n: int, seed: int, data_dir: Path, countries: int = 190) -> dict[str, Any]:
    env = _env(ROOT / "src")
    path = data_dir / f"synth-{n}-s{seed}-c{countries}.nt"
    info: dict[str, Any] = {"file": str(path)}
    if not path.exists():
        t0 = time.perf_counter()
        cmd = [sys.executable, "-m", "diplograph", "synth", "--contacts", str(n), "--seed", str(seed),
               "--countries", str(countries), "-o", str(path)]
        subprocess.run(cmd, env=env, cwd=ROOT, check=True, capture_output=True)
        info["synth_s"] = round(time.perf_counter() - t0, 2)
    with path.open("rb") as fh:
        info["triples"] = sum(buf.count(b"\n") for buf in iter(lambda: fh.read(1 << 24), b""))
    info["mb"] = round(path.stat().st_size / 1e6, 1)
    return info


def cold_build(env: dict[str, str], runs: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, extra in (("build (with SHACL)", []), ("build --no-validate", ["--no-validate"]),
                             ("--help", None), ("python -c pass", "pass")):
            times = []
            for _ in range(runs):
                if extra == "pass":
                    cmd = [sys.executable, "-c", "pass"]
                elif extra is None:
                    cmd = [sys.executable, "-m", "diplograph", "--help"]
                else:
                    cmd = [sys.executable, "-m", "diplograph", "build", "--output", f"{tmp}/g.ttl", *extra]
                t0 = time.perf_counter()
                subprocess.run(cmd, env=env, cwd=ROOT, check=True, capture_output=True)
                times.append(time.perf_counter() - t0)
            out[label] = {"median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3), "runs": runs}
    return out


def ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or b == 0:
        return None
    return round(a / b, 2)


def run(args: argparse.Namespace) -> dict[str, Any]:
    src = Path(args.diplograph_src).resolve()
    env = _env(src)
    own_env = _env(ROOT / "src")
    data_dir = Path(args.data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="diplograph-bench-"))
    results: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(),
                    **({"page_out": page_out} if (page_out := damon_page_out()) else {})},
        "diplograph_src": str(src), "seed": args.seed, "sizes": {},
    }
    for n in args.sizes:
        print(f"== {n} contacts", file=sys.stderr)
        size: dict[str, Any] = {"data": synth_file(n, args.seed, data_dir, args.countries), "engines": {}}
        for engine in ENGINES:
            if engine not in args.engines.split(","):
                continue
            if engine == "rdflib" and n > args.rdflib_up_to:
                size["engines"][engine] = {"status": f"skipped above {args.rdflib_up_to} contacts", "queries": {}}
                continue
            print(f"   {engine}", file=sys.stderr)
            # a process holding an Oxigraph (RocksDB) store is not forked: RocksDB's background threads do
            # not survive a fork, and a forked child's queries stall; both Oxigraph engines run inline
            limit = args.query_timeout if engine in _RDFLIB_ENGINES else 0
            records, status = _worker(["engine", "--engine", engine, "--file", size["data"]["file"],
                                       "--store", str(work / f"{engine}-{n}"), "--only", args.only,
                                       "--queries", str(ROOT / "src" / "diplograph" / "queries"),
                                       "--query-timeout", str(limit), "--query-runs", str(args.query_runs)]
                                      + (["--load-and-queries-only"] if n > args.full_up_to else []),
                                      work / f"{engine}-{n}.jsonl",
                                      env if engine in ("diplograph", "memory") else own_env,
                                      args.timeout)
            size["engines"][engine] = _engine_summary(records, status)
            if engine != "pyoxigraph" or n > args.algorithms_up_to:
                # gone before the next engine loads: its pages leave the page cache to the next store
                shutil.rmtree(work / f"{engine}-{n}", ignore_errors=True)
        if n > args.algorithms_up_to:
            size["algorithms"] = {"status": f"skipped above {args.algorithms_up_to} contacts", "records": []}
        else:
            print("   algorithms", file=sys.stderr)
            records, status = _worker(["algorithms", "--file", str(work / f"pyoxigraph-{n}"), "--k", str(args.k)],
                                      work / f"algorithms-{n}.jsonl", own_env, args.timeout)
            size["algorithms"] = {"status": status, "records": records}
        if args.baseline_src and "memory" in args.engines.split(","):
            print("   memory@baseline", file=sys.stderr)
            size["engines"]["memory@baseline"] = _measure(args, "memory@baseline", n, size, work,
                                                          _env(Path(args.baseline_src).resolve()))
        results["sizes"][str(n)] = size
    results["pages"] = []
    for nodes in args.pages:
        print(f"== pages {nodes}", file=sys.stderr)
        records, status = _worker(["pages", "--nodes", str(nodes)], work / f"pages-{nodes}.jsonl", own_env,
                                  args.timeout)
        results["pages"].append({"nodes": nodes, "status": status, "records": records})
    if args.build_runs:
        print("== cold build", file=sys.stderr)
        results["build"] = cold_build(env, args.build_runs)
    shutil.rmtree(work, ignore_errors=True)  # the on-disk stores
    return results


def _measure(args: argparse.Namespace, engine: str, n: int, size: dict[str, Any], work: Path,
             env: dict[str, str]) -> dict[str, Any]:
    """One engine on one size, in a fresh worker with *env*'s sources (``NAME@baseline``: NAME's engine)."""
    name = engine.split("@")[0]
    limit = args.query_timeout if engine in _RDFLIB_ENGINES else 0
    tag = engine.replace("@", "-")
    records, status = _worker(["engine", "--engine", name, "--file", size["data"]["file"],
                               "--store", str(work / f"{tag}-{n}"), "--only", args.only,
                               "--queries", str(ROOT / "src" / "diplograph" / "queries"),
                               "--query-timeout", str(limit), "--query-runs", str(args.query_runs)],
                              work / f"{tag}-{n}.jsonl", env, args.timeout)
    shutil.rmtree(work / f"{tag}-{n}", ignore_errors=True)
    return _engine_summary(records, status)


def default_store_lines(e: dict[str, Any]) -> list[str]:
    """The table of the default store measured with these sources against the baseline's sources."""
    now, before = e.get("memory"), e.get("memory@baseline")
    if not now or not before:
        return []
    lines = ["", f"The default store (`dg.load(FILE)`): these sources against the baseline sources (status "
             f"{now.get('status')} / {before.get('status')}), same run:", "",
             "| measure | baseline | now | baseline ÷ now |", "|---|---:|---:|---:|"]

    def cell(v: dict[str, Any]) -> tuple[str, float | None]:
        if "timeout" in v:
            return f"> {v['timeout']:.0f} (killed)", None
        return _fmt(v.get("s")), v.get("s")

    def add(label: str, a: dict[str, Any], b: dict[str, Any]) -> None:
        (ta, va), (tb, vb) = cell(a), cell(b)
        shown = _fmt(ratio(va, vb), "×") if va is not None else (f"> {_fmt(ratio(a['timeout'], vb), '×')}"
                                                                 if "timeout" in a and vb else "–")
        lines.append(f"| {label} | {ta} | {tb} | {shown} |")

    add("load (s)", {"s": before.get("load_s")}, {"s": now.get("load_s")})
    for q in sorted(set(now.get("queries", {})) | set(before.get("queries", {}))):
        add(f"query {q}", before.get("queries", {}).get(q) or {}, now.get("queries", {}).get(q) or {})
    add("person projection (s)", before.get("projection") or {}, now.get("projection") or {})
    for name in now.get("api", {}):
        add(f"API: {name}", before.get("api", {}).get(name) or {}, now.get("api", {}).get(name) or {})
    lines.append(f"| peak RSS, whole run (MB) | {_fmt(before.get('peak_mb'))} | {_fmt(now.get('peak_mb'))} | "
                 f"{_fmt(ratio(before.get('peak_mb'), now.get('peak_mb')), '×')} |")
    return lines


def _fmt(v: float | None, unit: str = "") -> str:
    if v is None:
        return "–"
    if isinstance(v, float) and v < 10:
        return f"{v:.3g}{unit}"
    return f"{v:,.0f}{unit}"


def markdown(results: dict[str, Any]) -> str:
    lines = [f"Measured {results['date']} on {results['machine']['cpus']} CPUs, Python "
             f"{results['machine']['python']} ({results['machine']['platform']}); seed {results['seed']}"
             + (f"; DAMON page-out {results['machine']['page_out']}" if results["machine"].get("page_out") else "")
             + ".", ""]
    for part, when in (results.get("runs") or {}).items():  # results combined from several runs
        lines += [f"- {part}: measured {when}"]
    if results.get("runs"):
        lines.append("")
    for n, size in results["sizes"].items():
        d = size["data"]
        e = size["engines"]
        ox, dg, rl = e.get("pyoxigraph", {}), e.get("diplograph", {}), e.get("rdflib", {})
        lines += [f"### {int(n):,} contacts ({d['triples']:,} triples, {d['mb']} MB N-Triples)", ""]
        if size.get("note"):  # results combined from several runs say which part comes from where
            lines += [size["note"], ""]
        if not (ox or dg or rl):  # only the default store was measured (--engines memory)
            lines += [*default_store_lines(e), ""]
            continue
        backend = dg.get("backend", "?")
        lines += [f"diplograph backend: {backend}. Status: pyoxigraph {ox.get('status')}, diplograph "
                  f"{dg.get('status')}, rdflib {rl.get('status')}.", ""]
        lines += ["| measure | pyoxigraph (limit) | diplograph | rdflib memory | diplograph ÷ pyoxigraph | "
                  "rdflib ÷ diplograph |", "|---|---:|---:|---:|---:|---:|"]

        def row(label: str, a: float | None, b: float | None, c: float | None, unit: str,
                lines: list[str] = lines) -> None:
            lines.append(f"| {label} | {_fmt(a, unit)} | {_fmt(b, unit)} | {_fmt(c, unit)} | "
                         f"{_fmt(ratio(b, a), '×')} | {_fmt(ratio(c, b), '×')} |")

        row("load (s)", ox.get("load_s"), dg.get("load_s"), rl.get("load_s"), "")
        row("load peak RSS (MB)", ox.get("load_peak_mb"), dg.get("load_peak_mb"), rl.get("load_peak_mb"), "")
        names = sorted(set(ox.get("queries", {})) | set(dg.get("queries", {})))
        for q in names:
            def s(x: dict[str, Any], q: str = q) -> float | None:
                v = x.get("queries", {}).get(q)
                return v.get("s") if v else None
            rows = (ox.get("queries", {}).get(q) or dg.get("queries", {}).get(q) or {}).get("rows")
            label = f"query {q} ({rows:,} rows)" if rows is not None else f"query {q}"

            def cell(x: dict[str, Any], q: str = q) -> str:
                v = x.get("queries", {}).get(q) or {}
                if "timeout" in v:
                    return f"> {v['timeout']:.0f} (killed)"
                if "error" in v:
                    return "error"
                if v.get("runs"):  # best of several runs, and the first (cold) one
                    return f"{_fmt(v.get('s'))} (first {_fmt(v.get('first_s'))})"
                return _fmt(v.get("s"))

            lines.append(f"| {label} | {cell(ox)} | {cell(dg)} | {cell(rl)} | {_fmt(ratio(s(dg), s(ox)), '×')} | "
                         f"{_fmt(ratio(s(rl), s(dg)), '×')} |")
        pj = [x.get("projection", {}).get("s") for x in (ox, dg, rl)]
        row("person projection (s)", *pj, "")
        row("peak RSS, whole run (MB)", ox.get("peak_mb"), dg.get("peak_mb"), rl.get("peak_mb"), "")
        for name, v in dg.get("api", {}).items():
            value = f"> {v['timeout']:.0f} (killed)" if v.get("timeout") else _fmt(v.get("s"))
            rows = f" ({v['rows']} rows)" if v.get("rows") is not None else ""
            lines.append(f"| diplograph API: {name}{rows} | | {value} | | | |")
        proj = dg.get("projection") or ox.get("projection")
        if proj:
            lines += ["", f"Person network: {proj['nodes']:,} people, {proj['edges']:,} edges "
                      f"(diplograph: {dg.get('projection', {}).get('how', '–')})."]
        xr = e.get("oxrdflib")
        if xr:  # rdflib's API over the same kind of store: what diplograph could have been built on
            # results combined from several runs keep the raw pyoxigraph of oxrdflib's own run with it
            xo, xd = xr.get("pyoxigraph", ox), xr.get("diplograph", dg)
            lines += ["", f"rdflib's Graph API over an on-disk Oxigraph store (oxrdflib; status {xr.get('status')}), "
                      "against raw pyoxigraph and diplograph in the same run:", "",
                      "| measure | pyoxigraph | oxrdflib | diplograph | oxrdflib ÷ pyoxigraph | "
                      "diplograph ÷ pyoxigraph |", "|---|---:|---:|---:|---:|---:|"]

            def xrow(label: str, a: float | None, b: float | None, c: float | None,
                     lines: list[str] = lines) -> None:
                lines.append(f"| {label} | {_fmt(a)} | {_fmt(b)} | {_fmt(c)} | {_fmt(ratio(b, a), '×')} | "
                             f"{_fmt(ratio(c, a), '×')} |")

            xrow("load (s)", xo.get("load_s"), xr.get("load_s"), xd.get("load_s"))
            xrow("load peak RSS (MB)", xo.get("load_peak_mb"), xr.get("load_peak_mb"), xd.get("load_peak_mb"))
            for q in sorted(xr.get("queries", {})):
                def qs(x: dict[str, Any], q: str = q) -> float | None:
                    return (x.get("queries", {}).get(q) or {}).get("s")
                xrow(f"query {q}", qs(xo), qs(xr), qs(xd))
            xrow("person projection, pairs (s)", xo.get("projection", {}).get("s"),
                 xr.get("projection", {}).get("s"), None)
        lines += default_store_lines(e)
        algo = size.get("algorithms", {})
        recs = algo.get("records", [])
        if recs:
            graph = next((r for r in recs if r["step"] == "graph"), {})
            people = f" ({graph['nodes']:,} people, {graph['edges']:,} edges)" if graph else ""
            lines += ["", f"Graph algorithms on the person network{people} ({algo['status']}); "
                      "diplograph = `diplograph.network.centrality.scores`; it converts a networkx graph to igraph "
                      "once and keeps the result with the graph (betweenness and \"first call\" rows include that "
                      "conversion, \"pagerank\" does not):", "",
                      "| measure | networkx | igraph | diplograph | networkx ÷ igraph | diplograph ÷ igraph |",
                      "|---|---:|---:|---:|---:|---:|"]
            by = {(r.get("lib"), r.get("name"), str(r.get("k", ""))): r["seconds"] for r in recs if r["step"] == "algo"}

            def row(label: str, a: float | None, b: float | None, c: float | None) -> str:
                return (f"| {label} | {_fmt(a)} | {_fmt(b)} | {_fmt(c)} | {_fmt(ratio(a, b), '×')} | "
                        f"{_fmt(ratio(c, b), '×')} |")

            for name in ("degree", "pagerank"):
                lines.append(row(name, by.get(("networkx", name, "")), by.get(("igraph", name, "")),
                                 by.get(("diplograph", name, ""))))
            if ("diplograph", "pagerank, first call", "") in by:
                lines.append(row("pagerank, first call (conversion included)", None,
                                 by.get(("igraph", "pagerank, first call", "")),
                                 by.get(("diplograph", "pagerank, first call", ""))))
            exact_ig = by.get(("igraph", "betweenness", "exact"))
            lines.append(row("betweenness, exact", by.get(("networkx", "betweenness", "exact")), exact_ig,
                             by.get(("diplograph", "betweenness", "exact"))))
            lines.append(row("betweenness, exact, weighted (distance 1/count)", None,
                             by.get(("igraph", "betweenness, weighted", "exact")),
                             by.get(("diplograph", "betweenness, weighted", "exact"))))
            sampled = [(k, v) for (lib, nm, k), v in by.items() if lib == "networkx" and nm == "betweenness"
                       and k != "exact"]
            for k, v in sampled:
                lines.append(f"| betweenness, networkx k={k} sample vs igraph exact | {_fmt(v)} | {_fmt(exact_ig)} | "
                             f"| {_fmt(ratio(v, exact_ig), '×')} | |")
            conv = by.get(("igraph", "convert from networkx", ""))
            if conv is not None:
                lines.append(f"| (igraph: converting from networkx, `Graph.from_networkx`) | | {_fmt(conv)} | | | |")
        elif algo.get("status"):
            lines += ["", f"Graph algorithms: {algo['status']}."]
        lines.append("")
    if results.get("pages"):
        lines += ["### Page data (pyvis, N nodes and 3N edges)", "",
                  "| nodes | set lists (s) | lists + generate_html (s) | add_node/add_edge (s) | calls ÷ lists |",
                  "|---:|---:|---:|---:|---:|"]
        for p in results["pages"]:
            by = {r["name"]: r["seconds"] for r in p["records"] if r["step"] == "page"}
            a, b, c = by.get("lists"), by.get("lists + generate_html"), by.get("add_node/add_edge")
            lines.append(f"| {p['nodes']:,} | {_fmt(a)} | {_fmt(b)} | {_fmt(c)} | {_fmt(ratio(c, a), '×')} |")
        lines.append("")
    if results.get("build"):
        lines += ["### Cold start (fresh process, seed article)", "", "| command | median (s) | min (s) |",
                  "|---|---:|---:|"]
        for label, v in results["build"].items():
            lines.append(f"| {label} | {v['median_s']:.2f} | {v['min_s']:.2f} |")
        lines.append("")
    return "\n".join(lines)


def _write(path: Path, text: str) -> None:
    """Write *text* to *path* whole or not at all (temporary file, then rename); make its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=counts, default="10000", help="comma-separated contact counts (default 10000)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--countries", type=int, default=190, help="countries in the synthetic world (default 190)")
    p.add_argument("--pages", type=counts, default="1000,10000",
                   help="node counts for the page-data benchmark ('' to skip)")
    p.add_argument("--build-runs", type=int, default=3, help="cold builds to time (0 to skip)")
    p.add_argument("--rdflib-up-to", type=int, default=100_000, help="skip rdflib above this many contacts")
    p.add_argument("--k", type=int, default=500, help="sample size for networkx's sampled betweenness")
    p.add_argument("--algorithms-up-to", type=int, default=10**9,
                   help="skip the graph-algorithm comparison above this many contacts")
    p.add_argument("--engines", default=",".join(ENGINES), help=f"engines to measure (default: {','.join(ENGINES)})")
    p.add_argument("--full-up-to", type=int, default=10**9,
                   help="above this many contacts measure load and queries only (no API questions, no projection)")
    p.add_argument("--only", default="", help="comma-separated named queries (default: all)")
    p.add_argument("--timeout", type=float, default=1800, help="seconds per measurement process")
    p.add_argument("--query-runs", type=int, default=1,
                   help="Oxigraph engines: run each query this many times; the table gives the best and the first")
    p.add_argument("--query-timeout", type=float, default=120,
                   help="seconds per query on rdflib-based engines (killed beyond; default 120)")
    p.add_argument("--data-dir", default=str(Path(tempfile.gettempdir()) / "diplograph-bench"))
    p.add_argument("--diplograph-src", default=str(ROOT / "src"), help="diplograph sources to measure")
    p.add_argument("--baseline-src", metavar="DIR", default=None,
                   help="also measure the default store (engine memory) with the diplograph sources in DIR, "
                        "in the same run (e.g. an earlier checkout's src/)")
    p.add_argument("--results", default=str(ROOT / "bench" / "results"), help="folder for latest.json/latest.md")
    p.add_argument("--quick", action="store_true", help="tiny run for a smoke test (no pages, one build)")
    p.add_argument("--render", metavar="JSON", help="only rewrite latest.md from a results file")
    args = p.parse_args(argv)
    unknown = sorted(set(filter(None, args.engines.split(","))) - set(ENGINES))
    if unknown:
        p.error(f"unknown engine(s) {', '.join(unknown)}; engines are {', '.join(ENGINES)}")
    if args.query_runs < 1:
        p.error(f"--query-runs must be 1 or more, not {args.query_runs}")
    if args.baseline_src and not (Path(args.baseline_src) / "diplograph").is_dir():
        p.error(f"--baseline-src {args.baseline_src}: no diplograph package in that folder (give a checkout's src/)")
    if args.only:
        from diplograph.query import named_queries

        names = sorted(named_queries())
        missing = sorted(set(filter(None, args.only.split(","))) - set(names))
        if missing:
            p.error(f"unknown named query(ies) {', '.join(missing)}; named queries are {', '.join(names)}")
    if args.render:
        try:
            md = markdown(json.loads(Path(args.render).read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            p.error(f"{args.render}: not a results file this bench wrote ({type(exc).__name__}: {exc})")
        _write(Path(args.results) / "latest.md", md + "\n")
        print(md)
        return 0
    if args.quick:
        args.pages, args.build_runs = [], 0
    results = run(args)
    out = Path(args.results)
    _write(out / "latest.json", json.dumps(results, indent=1) + "\n")
    md = markdown(results)
    _write(out / "latest.md", md + "\n")
    print(md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
