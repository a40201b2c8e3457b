"""Speed of the page for large graphs, as ratios against baselines measured in the same run.

    PYTHONPATH=src python bench/view.py [NODES]

- layout: diplograph.view.layout.spring_positions vs networkx.spring_layout
  (the positions used above 300 nodes, physics off);
- nodes: setting pyvis ``net.nodes``/``net.edges`` directly (what the page does)
  vs ``add_node``/``add_edge`` (pyvis scans every node on each call);
- whole page: diplograph.view.render for the graph, total seconds.
"""

from __future__ import annotations

import sys
import time

import networkx as nx
from pyvis.network import Network

from diplograph.view import render
from diplograph.view.layout import spring_positions

ID = "https://w3id.org/diplograph/id/"


def graph(n: int) -> nx.Graph:
    base = nx.barabasi_albert_graph(n, 3, seed=1)
    g = nx.Graph(options={"network": "persons"})
    for i in base:
        g.add_node(f"{ID}person/p{i}", label=f"Person {i}", label_ar=f"شخص {i}", type="person")
    for k, (u, v) in enumerate(base.edges()):
        d = f"{2000 + k % 25}-01-01"
        g.add_edge(f"{ID}person/p{u}", f"{ID}person/p{v}", events=[f"{ID}contact/c{k}"], kinds=["phoneCall"],
                   dates=[d], planned=[False], count=1, weight=1.0, kind="phoneCall", ties=[], first=d, last=d)
    return g


def timed(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
    g = graph(n)
    ours = timed(lambda: spring_positions(g))
    theirs = timed(lambda: nx.spring_layout(g, seed=7))
    print(f"layout, {n} nodes: spring_positions {ours:.2f} s, nx.spring_layout {theirs:.2f} s "
          f"(ratio {theirs / ours:.1f}x)")

    nodes = [{"id": v, "label": v} for v in g]
    edges = [{"from": u, "to": v} for u, v in g.edges()]

    def direct() -> None:
        net = Network()
        net.nodes, net.edges = list(nodes), list(edges)

    def one_by_one() -> None:
        net = Network()
        for x in nodes:
            net.add_node(x["id"], label=x["label"])
        for e in edges:
            net.add_edge(e["from"], e["to"])

    fast, slow = timed(direct), timed(one_by_one)
    print(f"pyvis, {n} nodes + {len(edges)} edges: direct lists {fast * 1000:.1f} ms, add_node/add_edge "
          f"{slow:.2f} s (ratio {slow / max(fast, 1e-9):.0f}x)")

    page_time = timed(lambda: render(g))
    page = render(g)
    print(f"whole page, {n} nodes: {page_time:.2f} s, {len(page.html.encode()) / 1e6:.1f} MB, "
          f"{page.nodes} nodes drawn, notice: {page.notice!r}")


if __name__ == "__main__":
    main()
