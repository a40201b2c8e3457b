"""Speed of the page for large graphs, as ratios against baselines measured in the same run.

    PYTHONPATH=src python bench/view.py [--sizes 1000,10000] [--layout 1500] [--quick]

- page: diplograph's own path from a projection to the page, for each size
  (a Barabási–Albert persons network, 3 edges per new node): the page data
  (``diplograph.view.data.page_data``), the HTML (``render_page``) and both
  through ``diplograph.view.render``, with the default node threshold (the
  reduced view; target under 1 s at 10,000 nodes) and with every node
  (``max_nodes=None``, the ``--all`` option). Baseline: building the same
  network with pyvis ``add_node``/``add_edge`` alone (skipped with --quick);
- layout: diplograph.view.positions.positions (igraph's layouts, packed and kept
  apart; every page's positions) vs networkx.spring_layout on --layout nodes (0: skip).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from diplograph.cli.numbers import whole_number
from diplograph.view import MAX_NODES, render
from diplograph.view.data import page_data
from diplograph.view.positions import positions
from diplograph.view.render import render_page

if __package__ in (None, ""):  # run as a file (python bench/view.py): the bench package sits one folder up
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.run import counts

ID = "https://w3id.org/diplograph/id/"
#: The reduced page of a graph of this many nodes must be built in under TARGET_S seconds.
TARGET_NODES, TARGET_S = 10_000, 1.0


def graph(n: int) -> nx.Graph:
    """A persons network following the projection contract: *n* actors, one call per edge."""
    base = nx.barabasi_albert_graph(n, 3, seed=1)
    g = nx.Graph(options={"network": "persons"})
    for i in base:
        g.add_node(f"{ID}person/p{i}", label=f"Person {i}", label_ar=f"شخص {i}", type="person")
    for k, (u, v) in enumerate(base.edges()):
        d = f"{2000 + k % 25}-01-01"
        g.add_edge(f"{ID}person/p{u}", f"{ID}person/p{v}", events=[f"{ID}contact/c{k}"], kinds=["phoneCall"],
                   dates=[d], planned=[False], count=1, weight=1.0, kind="phoneCall", ties=[], first=d, last=d)
    return g


def timed(fn: Callable[[], Any], repeat: int = 1) -> float:
    """The best of *repeat* runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def pyvis_one_by_one(g: nx.Graph) -> None:
    net = Network()
    for v, d in g.nodes(data=True):
        net.add_node(v, label=d["label"])
    for u, v in g.edges():
        net.add_edge(u, v)


def page_rows(n: int, quick: bool) -> list[dict[str, Any]]:
    g = graph(n)
    render(graph(50))  # warm the template cache
    rows = []
    for label, limit in ((f"default (max {MAX_NODES})", MAX_NODES), ("all nodes", None)):
        data: dict[str, Any] = {}

        def build(limit: int | None = limit, data: dict[str, Any] = data) -> None:
            data.update(page_data(g, max_nodes=limit))

        data_s = timed(build)
        html_s = timed(lambda data=data: render_page(data))  # type: ignore[misc]
        page = render(g, max_nodes=limit)
        total_s = timed(lambda limit=limit: render(g, max_nodes=limit), repeat=3 if limit else 1)  # type: ignore[misc]
        rows.append({"nodes": n, "edges": g.number_of_edges(), "view": label, "drawn": page.nodes,
                     "data_s": data_s, "html_s": html_s, "total_s": total_s,
                     "mb": len(page.html.encode()) / 1e6})
    baseline = None if quick else timed(lambda: pyvis_one_by_one(g))
    for row in rows:
        row["pyvis_add_s"] = baseline
    return rows


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=counts, default="1000,10000",
                        help="node counts, comma-separated (default: 1000,10000)")
    parser.add_argument("--layout", type=whole_number, default=1500, help="nodes for the layout comparison (0: skip)")
    parser.add_argument("--quick", action="store_true", help="skip the slow pyvis add_node/add_edge baseline")
    args = parser.parse_args(argv)

    print("| nodes | edges | view | drawn | page data s | HTML s | render() s | MB | pyvis add_node/add_edge s "
          "| ratio |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    verdict = []
    for n in args.sizes:
        for r in page_rows(n, args.quick):
            base = r["pyvis_add_s"]
            baseline = "— | —" if base is None else f"{base:.2f} | {base / r['total_s']:.1f}x"
            print(f"| {r['nodes']:,} | {r['edges']:,} | {r['view']} | {r['drawn']:,} | {r['data_s']:.2f} "
                  f"| {r['html_s']:.2f} | {r['total_s']:.2f} | {r['mb']:.1f} | {baseline} |")
            if r["nodes"] == TARGET_NODES and r["drawn"] == MAX_NODES:
                ok = r["total_s"] < TARGET_S
                verdict.append(f"reduced page at {TARGET_NODES:,} nodes: {r['total_s']:.2f} s "
                               f"(target < {TARGET_S:.0f} s): {'met' if ok else 'MISSED'}")
    print("\n".join(verdict))

    if args.layout:
        g = graph(args.layout)
        ours = timed(lambda: positions(g))
        theirs = timed(lambda: nx.spring_layout(g, seed=7))
        print(f"layout, {args.layout} nodes: positions {ours:.2f} s, nx.spring_layout {theirs:.2f} s "
              f"(ratio {theirs / ours:.1f}x)")


if __name__ == "__main__":
    main()
