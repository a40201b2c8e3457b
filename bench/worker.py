"""One measurement in a fresh process: ``python -m bench.worker TASK ...``.

Each task appends JSON lines to ``--out`` as it goes, so a task killed by the
time limit still leaves what it finished. Tasks:

- ``engine ENGINE FILE``: load FILE (and the ontology) into ENGINE, then run
  every named query and the person projection. ENGINE is ``diplograph`` (on
  an on-disk Oxigraph store), ``memory`` (diplograph's default store:
  ``dg.load(FILE)``), ``pyoxigraph`` (raw, on disk: the limit), ``oxrdflib``
  or ``rdflib`` (in memory: the common baseline).
- ``algorithms STORE``: degree, PageRank and betweenness on the person network
  read from a pyoxigraph store, with networkx, igraph and diplograph's ``scores``.
- ``pages N``: pyvis page data for N nodes and 3N edges, by ``add_node`` /
  ``add_edge`` and by setting the node and edge lists directly.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import shutil
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

PERSONS = """PREFIX dg: <https://w3id.org/diplograph/ns#>
SELECT ?contact ?person WHERE { ?contact a dg:Contact ; dg:participant ?person }"""


def rss_mb() -> float:
    """Current resident set size of this process, in MB (from /proc)."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_mb() -> float:
    """Peak resident set size of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Recorder:
    def __init__(self, path: Path):
        self.fh = path.open("a", encoding="utf-8")

    def __call__(self, **record: Any) -> None:
        record.setdefault("peak_mb", round(peak_mb(), 1))
        self.fh.write(json.dumps(record) + "\n")
        self.fh.flush()


def io_counters() -> dict[str, int]:
    """This process's I/O so far and the machine's CPU time split (Linux; empty elsewhere).

    ``read_bytes`` is what the process made the kernel fetch from the disk (page
    cache misses); ``rchar`` every byte its reads returned, from the cache or not;
    ``iowait`` and ``cpu`` are jiffies of the whole machine (from ``/proc/stat``).
    """
    out: dict[str, int] = {}
    try:
        with open("/proc/self/io", encoding="ascii") as fh:
            for line in fh:
                key, _, value = line.partition(":")
                if key in ("rchar", "read_bytes"):
                    out[key] = int(value)
        with open("/proc/stat", encoding="ascii") as fh:
            cpu = [int(v) for v in fh.readline().split()[1:]]
        out["iowait"], out["cpu"] = cpu[4], sum(cpu)
    except (OSError, ValueError, IndexError):
        return {}
    return out


def io_delta(before: dict[str, int]) -> dict[str, float]:
    """Since *before* (:func:`io_counters`): MB read from disk, MB through reads, % of CPU time in iowait."""
    after = io_counters()
    if not before or not after:
        return {}
    cpu = after["cpu"] - before["cpu"]
    return {"disk_read_mb": round((after["read_bytes"] - before["read_bytes"]) / 2**20, 1),
            "read_mb": round((after["rchar"] - before["rchar"]) / 2**20, 1),
            "iowait_pct": round(100 * (after["iowait"] - before["iowait"]) / cpu, 1) if cpu else 0.0}


def _timed(fn: Any) -> tuple[float, Any]:
    gc.collect()
    t0 = time.perf_counter()
    value = fn()
    return time.perf_counter() - t0, value


def limited(fn: Any, timeout: float) -> dict[str, Any]:
    """Run *fn* in a forked child (copy-on-write: the loaded graph is shared) and kill it after *timeout* s.

    rdflib cannot stop a running query, so this is the only way to give a
    query a time limit; the child's result comes back as JSON through a pipe.
    """
    import select
    import signal

    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(r)
        try:
            io = io_counters()
            seconds, value = _timed(fn)
            data = json.dumps({"seconds": round(seconds, 3), "rows": value, **io_delta(io)})
        except BaseException as exc:  # report anything, never return into the parent's code
            data = json.dumps({"error": f"{type(exc).__name__}: {exc}"[:300]})
        os.write(w, data.encode())
        os._exit(0)
    os.close(w)
    ready, _, _ = select.select([r], [], [], timeout)
    if not ready:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(r)
        return {"seconds": None, "timeout": timeout}
    chunks = []
    while True:
        chunk = os.read(r, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(r)
    os.waitpid(pid, 0)
    return dict(json.loads(b"".join(chunks) or b'{"error": "no result"}'))


def persons_graph(pairs: Any) -> Any:
    """An undirected person network (one edge per pair, ``count`` = contacts) from (contact, person) rows."""
    import networkx as nx

    by_contact: dict[str, list[str]] = defaultdict(list)
    for contact, person in pairs:
        by_contact[contact].append(person)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for people in by_contact.values():
        people = sorted(set(people))
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                counts[(a, b)] += 1
    g = nx.Graph()
    g.add_edges_from((a, b, {"count": n, "weight": float(n)}) for (a, b), n in counts.items())
    return g


# -- engines --


#: The actor with the most roles (the API is asked about it).
TOP_ACTOR = """PREFIX dg: <https://w3id.org/diplograph/ns#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?a (COUNT(*) AS ?n) WHERE { ?c dg:hasRole ?r . ?r rdf:value ?a } GROUP BY ?a ORDER BY DESC(?n) ?a LIMIT 1"""


def open_engine(engine: str, data: Path, store: Path, ontology: Path) -> Any:
    """Load *data* and the ontology into *engine*; return a handle for :func:`run_query`."""
    if engine == "pyoxigraph":
        import pyoxigraph as ox

        # the bulk loader: pyoxigraph's fastest way in here (1.26M triples: 12 s and 1.06 GB,
        # against 26 s and 1.11 GB for Store.load), and the one diplograph's store uses
        st = ox.Store(str(store))
        st.bulk_load(path=str(data), format=ox.RdfFormat.N_TRIPLES)
        st.bulk_load(path=str(ontology), format=ox.RdfFormat.TURTLE)
        st.flush()
        return st
    if engine == "rdflib":
        from rdflib import Graph

        g = Graph()
        g.parse(str(data), format="nt")
        g.parse(str(ontology), format="turtle")
        return g
    if engine == "oxrdflib":
        # rdflib's Graph API over an on-disk Oxigraph store: oxrdflib hands N-Triples and Turtle
        # to pyoxigraph's bulk loader (transactional=False), into the default graph as above
        from rdflib import Graph
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        g = Graph(store="Oxigraph", identifier=DATASET_DEFAULT_GRAPH_ID)
        g.open(str(store))
        g.parse(str(data), format="ox-nt", transactional=False)
        g.parse(str(ontology), format="ox-turtle", transactional=False)
        return g
    if engine == "diplograph":
        return diplograph_open(data, store)
    if engine == "memory":  # the default store, whatever the sources measured make it
        import diplograph as dg

        return dg.load(data)
    raise SystemExit(f"unknown engine {engine!r}")


def diplograph_open(data: Path, store: Path) -> Any:
    """Open *data* through diplograph's own API: the one place to switch the backend.

    With the store backends (``dg.load(store="oxigraph:PATH")``) available,
    the on-disk Oxigraph store is used; before them, ``dg.load`` parses into
    rdflib's memory store.
    """
    import inspect

    import diplograph as dg

    if "store" in inspect.signature(dg.load).parameters:
        return dg.load(data, store=f"oxigraph:{store}")
    return dg.load(data)


def diplograph_backend() -> str:
    import inspect

    import diplograph as dg

    with_store = "store" in inspect.signature(dg.load).parameters
    return "oxigraph (dg.load store=)" if with_store else "rdflib memory (dg.load)"


def run_query(engine: str, handle: Any, text: str, name: str) -> int:
    """Run a query to the last row; return the number of rows."""
    if engine in ("pyoxigraph", "oxrdflib"):  # every row's terms: Oxigraph's, or rdflib's from oxrdflib
        n = 0                                  # (oxrdflib takes query text, not prepared queries)
        for row in handle.query(text):
            tuple(row)
            n += 1
        return n
    if engine == "rdflib":
        from rdflib.plugins.sparql import prepareQuery

        from diplograph.vocab import PREFIXES

        return sum(1 for _ in handle.query(prepareQuery(text, initNs=PREFIXES)))
    result = handle.query(text)
    return len(result)


def person_pairs(engine: str, handle: Any) -> Any:
    if engine == "pyoxigraph":
        return ((s[0].value, s[1].value) for s in handle.query(PERSONS))
    if engine in ("rdflib", "oxrdflib"):
        return ((str(r[0]), str(r[1])) for r in handle.query(PERSONS))
    rows = handle.query(PERSONS)
    return ((r["contact"], r["person"]) for r in rows)


def project(engine: str, handle: Any) -> tuple[Any, str]:
    if engine in ("diplograph", "memory"):
        try:
            from diplograph.network import project as dg_project
        except ImportError:
            return persons_graph(person_pairs(engine, handle)), "kg.query + networkx (no diplograph.network yet)"
        # sources from before the contact source took the knowledge graph itself
        return dg_project(getattr(handle, "source", handle), "persons"), "diplograph.network.project"
    return persons_graph(person_pairs(engine, handle)), "SPARQL rows + networkx"


def _ontology_file() -> Path:
    """The ontology of the diplograph sources measured (older sources kept it in ``diplograph.resources``)."""
    try:
        from diplograph.bundled import ONTOLOGY_FILE
    except ImportError:
        from diplograph.resources import ONTOLOGY_FILE  # type: ignore[import-not-found, no-redef]
    return Path(ONTOLOGY_FILE)


def task_engine(args: argparse.Namespace, rec: Recorder) -> None:
    from diplograph.query import named_queries

    ONTOLOGY_FILE = _ontology_file()

    store = Path(args.store)
    shutil.rmtree(store, ignore_errors=True)
    store.mkdir(parents=True)
    base = rss_mb()
    rec(step="start", rss_mb=round(base, 1), backend=diplograph_backend() if args.engine == "diplograph" else
        "default store (dg.load)" if args.engine == "memory" else "")
    io = io_counters()
    seconds, handle = _timed(lambda: open_engine(args.engine, Path(args.file), store, ONTOLOGY_FILE))
    rec(step="load", seconds=round(seconds, 3), rss_mb=round(rss_mb(), 1), base_mb=round(base, 1), **io_delta(io))
    queries = named_queries(Path(args.queries)) if args.queries else named_queries()
    for name, q in sorted(queries.items()):
        if args.only and name not in args.only.split(","):
            continue
        if args.query_timeout > 0:
            result = limited(lambda q=q, name=name: run_query(args.engine, handle, q.text, name), args.query_timeout)
            rec(step="query", name=name, **result)
        else:  # inline: best of --query-runs, the first run (cold caches) kept beside it
            runs = []  # (seconds, reads) of each run; the reads reported are those of the best run
            for _ in range(max(args.query_runs, 1)):
                io = io_counters()
                seconds, rows = _timed(lambda q=q, name=name: run_query(args.engine, handle, q.text, name))
                runs.append((seconds, io_delta(io)))
            best, reads = min(runs, key=lambda run: run[0])
            extra = {"first_s": round(runs[0][0], 3), "runs": len(runs)} if len(runs) > 1 else {}
            rec(step="query", name=name, seconds=round(best, 3), rows=rows, **extra, **reads)
    if args.load_and_queries_only:
        rec(step="done")
        return
    if args.engine in ("diplograph", "memory"):
        # before the projection, which reads every contact: the first question about one actor
        # on a fresh graph reads that actor's contacts only
        (top,) = [r["a"] for r in handle.query(TOP_ACTOR)] or [None]

        def steps() -> list[float]:
            t0 = time.perf_counter()
            handle.names  # noqa: B018 - the name index, built on first use
            t1 = time.perf_counter()
            n = len(handle.contacts(top))
            t2 = time.perf_counter()
            handle.contacts(top)
            return [round(t1 - t0, 3), round(t2 - t1, 3), round(time.perf_counter() - t2, 3), n]

        if top is None:
            result: dict[str, Any] = {"error": "no actor with a role"}
        elif args.query_timeout > 0:
            result = limited(steps, args.query_timeout * 2)
        else:
            seconds, value = _timed(steps)
            result = {"seconds": round(seconds, 3), "rows": value}
        if result.get("rows"):
            names, first, cached, n = result["rows"]
            rec(step="api", name="kg.names (the name index, first use)", seconds=names, rows=None)
            rec(step="api", name="kg.contacts(top actor), first call", seconds=first, rows=n)
            rec(step="api", name="kg.contacts(top actor), cached", seconds=cached, rows=n)
        else:
            rec(step="api", name="kg.contacts(top actor), first call", seconds=None, rows=None,
                **{k: v for k, v in result.items() if k in ("timeout", "error")})
    seconds, (graph, how) = _timed(lambda: project(args.engine, handle))
    # diplograph.network.project keeps people without contacts as isolated nodes; the SPARQL-row
    # baseline only sees participants, so engines are compared on nodes with at least one edge
    active = sum(1 for _, degree in graph.degree if degree)
    rec(step="projection", seconds=round(seconds, 3), nodes=graph.number_of_nodes(), active_nodes=active,
        edges=graph.number_of_edges(), how=how)
    rec(step="done")


# -- graph algorithms --


def task_algorithms(args: argparse.Namespace, rec: Recorder) -> None:
    """Degree, PageRank and betweenness with networkx, igraph and diplograph's own ``scores``.

    Timings are the best of ``--repeat`` runs (betweenness: of up to 3), after
    one warm-up call that pays the imports (networkx's PageRank imports scipy;
    igraph itself) outside the clock. igraph and diplograph run interleaved, so
    that a busy machine slows both alike. diplograph converts a networkx graph
    to igraph once and keeps the result with the graph: "pagerank" times a
    call on a graph converted before, "pagerank, first call" and betweenness
    include the conversion; igraph's rows never do (see "convert from networkx").
    """
    import networkx as nx
    import pyoxigraph as ox

    def best(fn: Any, repeat: int = args.repeat) -> float:
        return round(min(_timed(fn)[0] for _ in range(max(repeat, 1))), 5)

    def interleaved(fns: dict[str, Any], repeat: int) -> dict[str, float]:
        times: dict[str, list[float]] = defaultdict(list)
        for _ in range(max(repeat, 1)):
            for key, fn in fns.items():
                times[key].append(_timed(fn)[0])
        return {key: round(min(v), 5) for key, v in times.items()}

    st = ox.Store.read_only(args.file)
    g = persons_graph((s[0].value, s[1].value) for s in st.query(PERSONS))
    n, m = g.number_of_nodes(), g.number_of_edges()
    rec(step="graph", nodes=n, edges=m)
    exact = n <= args.exact_up_to
    nx.pagerank(nx.path_graph(3))  # warm-up: scipy import
    rec(step="algo", lib="networkx", name="degree", seconds=best(lambda: dict(g.degree())))
    rec(step="algo", lib="networkx", name="pagerank", seconds=best(lambda: nx.pagerank(g, weight="weight")))
    if n <= args.nx_exact_up_to:
        seconds, _ = _timed(lambda: nx.betweenness_centrality(g))
        rec(step="algo", lib="networkx", name="betweenness", seconds=round(seconds, 4), k="exact")
    seconds, _ = _timed(lambda: nx.betweenness_centrality(g, k=min(args.k, n), seed=1))
    rec(step="algo", lib="networkx", name="betweenness", seconds=round(seconds, 4), k=min(args.k, n))
    try:
        import igraph as ig
    except ImportError:
        rec(step="algo", lib="igraph", name="missing", seconds=None)
        return
    rec(step="algo", lib="igraph", name="convert from networkx", seconds=best(lambda: ig.Graph.from_networkx(g)))
    h = ig.Graph.from_networkx(g)
    h.es["distance"] = [1.0 / w for w in h.es["weight"]]
    rec(step="algo", lib="igraph", name="degree", seconds=best(lambda: h.degree()))
    measures: dict[str, dict[str, Any]] = {"pagerank": {"igraph": lambda: h.pagerank(weights="weight")}}
    if exact:
        measures["betweenness"] = {"igraph": lambda: h.betweenness()}
        measures["betweenness, weighted"] = {"igraph": lambda: h.betweenness(weights="distance")}
    how = None
    try:
        from diplograph.network.centrality import scores
        from diplograph.network.engine import resolve
    except ImportError:  # a diplograph from before network/engine.py
        rec(step="algo", lib="diplograph", name="missing", seconds=None)
    else:
        how = resolve()
        scores(nx.path_graph(3), "pagerank")  # warm-up: igraph import

        def converting(measure: str, **kw: Any) -> Any:  # a first call: nothing kept from an earlier one
            def call() -> Any:
                g.__networkx_cache__.clear()
                return scores(g, measure, **kw)
            return call

        # the conversion is kept with the graph (emptied by networkx when the graph changes): the
        # first call on a graph pays it, later calls (another measure, the same again) do not
        measures["pagerank"]["diplograph"] = lambda: scores(g, "pagerank")
        measures["pagerank, first call"] = {"igraph": lambda: h.pagerank(weights="weight"),
                                            "diplograph": converting("pagerank")}
        if exact:
            measures["betweenness"]["diplograph"] = converting("betweenness", weighted=False)
            measures["betweenness, weighted"]["diplograph"] = converting("betweenness")
    for name, fns in measures.items():
        repeat = args.repeat if name == "pagerank" else min(args.repeat, 3)
        for lib, seconds in interleaved(fns, repeat).items():
            extra = {"k": "exact"} if name.startswith("betweenness") else {}
            if lib == "diplograph":
                extra["engine"] = how
            rec(step="algo", lib=lib, name=name, seconds=seconds, **extra)


# -- pages --


def task_pages(args: argparse.Namespace, rec: Recorder) -> None:
    import random

    from pyvis.network import Network

    rng = random.Random(1)
    n = args.nodes
    nodes = [{"id": f"n{i}", "label": f"Person {i}", "title": f"Person {i}", "shape": "dot", "size": 10,
              "font": {"color": "black"}, "color": "#97c2fc"} for i in range(n)]
    edges = []
    seen = set()
    while len(edges) < 3 * n:
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b and (a, b) not in seen and (b, a) not in seen:
            seen.add((a, b))
            edges.append({"from": f"n{a}", "to": f"n{b}", "width": 1, "arrows": ""})

    def by_calls() -> Any:
        net = Network(cdn_resources="in_line")
        for d in nodes:
            net.add_node(d["id"], label=d["label"], title=d["title"], size=d["size"])
        for e in edges:
            net.add_edge(e["from"], e["to"], width=1)
        return net

    def by_lists() -> Any:
        net = Network(cdn_resources="in_line")
        net.nodes = [dict(d) for d in nodes]
        net.edges = [dict(e) for e in edges]
        net.node_ids = [d["id"] for d in nodes]
        net.node_map = {d["id"]: d for d in net.nodes}
        return net

    seconds, net = _timed(by_lists)
    rec(step="page", name="lists", nodes=n, seconds=round(seconds, 4))
    seconds, html = _timed(lambda: net.generate_html())
    rec(step="page", name="lists + generate_html", nodes=n, seconds=round(seconds, 4), bytes=len(html))
    if not args.skip_calls:
        seconds, _ = _timed(by_calls)
        rec(step="page", name="add_node/add_edge", nodes=n, seconds=round(seconds, 4))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.worker")
    p.add_argument("task", choices=("engine", "algorithms", "pages"))
    p.add_argument("--engine", default="pyoxigraph")
    p.add_argument("--file", default="")
    p.add_argument("--store", default="")
    p.add_argument("--only", default="", help="comma-separated query names")
    p.add_argument("--queries", default="", help="folder of .rq files (default: the package's named queries)")
    p.add_argument("--query-timeout", type=float, default=0, help="seconds per query, in a forked child (0: inline)")
    p.add_argument("--query-runs", type=int, default=1,
                   help="inline queries: run each this many times, report the best and the first")
    p.add_argument("--nodes", type=int, default=1000)
    p.add_argument("--skip-calls", action="store_true")
    p.add_argument("--load-and-queries-only", action="store_true",
                   help="engine: stop after the queries (no API questions, no projection)")
    p.add_argument("--k", type=int, default=500)
    p.add_argument("--exact-up-to", type=int, default=20000)
    p.add_argument("--nx-exact-up-to", type=int, default=1500)
    p.add_argument("--repeat", type=int, default=5, help="algorithms: best of this many runs for sub-second measures")
    p.add_argument("--out", required=True)
    args = p.parse_args(argv)
    rec = Recorder(Path(args.out))
    {"engine": task_engine, "algorithms": task_algorithms, "pages": task_pages}[args.task](args, rec)
    rec.fh.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
