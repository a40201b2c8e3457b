"""Latency of a cheap query at the SPARQL endpoint while hostile queries run, against none running.

    PYTHONPATH=src python bench/endpoint.py [--hostile 0,1,2,4] [--seconds 15] [--workers 2]
                                            [--timeout 10] [--store memory] [--src PATH]

Starts ``diplograph serve`` on 127.0.0.1 (from ``--src``, by default this
tree's ``src``; another tree, such as an older commit's, measures that
version). For each count of hostile clients, each from an address of its own
in 127.0.0.0/8, sends an endless cross join over and over (each is cut off at
``--timeout``), while one client at 127.0.0.1 sends a small COUNT query
back to back for ``--seconds``. Reports the small query's p50 and p99, its
answers per second and how many were not 200, with each p50 as a ratio to
the p50 with no hostile query running (the baseline, measured in the same
run). All traffic stays on this machine; every loop is bounded in time.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

SMALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://schema.org/Person> }"
HOSTILE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(src: Path, args: argparse.Namespace, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(src)}
    cmd = [sys.executable, "-m", "diplograph", "serve", "--port", str(port), "--store", args.store,
           "--workers", str(args.workers), "--timeout", str(args.timeout)]
    process = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/sparql"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited: {log.read_text()[-2000:]}")
        try:
            if httpx.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    process.kill()
    raise SystemExit("the server did not answer within 120 s")


def _hostile(url: str, address: str, stop: threading.Event, limit: float) -> None:
    transport = httpx.HTTPTransport(local_address=address)
    with httpx.Client(transport=transport, timeout=limit + 60) as client:
        while not stop.is_set():
            try:
                client.post(url, data={"query": HOSTILE})
            except httpx.HTTPError:
                time.sleep(0.1)


def _level(url: str, hostile: int, seconds: float, limit: float) -> dict[str, Any]:
    stop = threading.Event()
    threads = [threading.Thread(target=_hostile, args=(url, f"127.0.0.{10 + i}", stop, limit), daemon=True)
               for i in range(hostile)]
    for t in threads:
        t.start()
    time.sleep(1.0 if hostile else 0.0)  # let them take their workers
    took, bad = [], 0
    with httpx.Client(timeout=limit + 60) as client:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            started = time.monotonic()
            try:
                ok = client.get(url, params={"query": SMALL}).status_code == 200
            except httpx.HTTPError:
                ok = False
            took.append(time.monotonic() - started)
            bad += not ok
    stop.set()
    for t in threads:
        t.join(limit + 30)
    time.sleep(2.0)  # killed workers are replaced before the next level
    q = statistics.quantiles(took, n=100) if len(took) > 1 else [took[0]] * 99
    return {"hostile": hostile, "requests": len(took), "not_200": bad, "p50_s": statistics.median(took),
            "p99_s": q[98], "per_s": len(took) / sum(took)}


def _table(rows: list[dict[str, Any]]) -> str:
    base = rows[0]["p50_s"] if rows and rows[0]["hostile"] == 0 else None
    out = ["| hostile queries running | small-query p50 | p99 | answers/s | not 200 | p50 vs none |",
           "|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        ratio = f"{r['p50_s'] / base:.1f}x" if base else "-"
        out.append(f"| {r['hostile']} | {r['p50_s'] * 1000:.0f} ms | {r['p99_s'] * 1000:.0f} ms | {r['per_s']:.1f} "
                   f"| {r['not_200']} of {r['requests']} | {ratio} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hostile", default="0,1,2,4", help="counts of hostile clients (default: 0,1,2,4)")
    parser.add_argument("--seconds", type=float, default=15.0, help="seconds of small queries per count")
    parser.add_argument("--workers", type=int, default=2, help="the server's --workers (default: 2)")
    parser.add_argument("--timeout", type=float, default=10.0, help="the server's --timeout (default: 10)")
    parser.add_argument("--store", default="memory", help="the server's --store (default: memory)")
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the diplograph source tree to serve")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    try:
        counts = [int(c) for c in args.hostile.split(",")]
    except ValueError:
        parser.error(f"--hostile {args.hostile!r}: give whole numbers separated by commas")
    if any(c < 0 or c > 200 for c in counts) or args.seconds <= 0:
        parser.error("--hostile counts run from 0 to 200, and --seconds must be above 0")
    with tempfile.TemporaryDirectory() as tmp:
        process, url = _start(args.src.resolve(), args, Path(tmp) / "serve.log")
        try:
            rows = [_level(url, n, args.seconds, args.timeout) for n in counts]
        finally:
            process.terminate()
            process.wait(20)
    print(f"diplograph serve --store {args.store} --workers {args.workers} --timeout {args.timeout:g} "
          f"(source: {args.src})")
    print(_table(rows))
    if args.json:
        args.json.write_text(json.dumps({"args": {k: str(v) for k, v in vars(args).items()}, "rows": rows},
                                        indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
