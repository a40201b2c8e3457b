"""Network commands: path, centrality, brokers, ego, communities, rhythm, export."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..network.centrality import MEASURES
from ..network.engine import ENGINES
from ..network.export import EXPORT_FORMATS
from ..network.projection import NETWORKS, NetworkOptions
from ..network.structure import ALGORITHMS
from .core import add_format, add_graph, open_kg
from .numbers import more_than_zero
from .output import add_paging, emit, page_of

__all__ = ["register"]


def add_network_options(p: argparse.ArgumentParser, institutional: bool = True) -> None:
    """Add the projection options (``--indirect``, ``--planned``, ``--institutional``, ``--since``, ``--until``)."""
    g = p.add_argument_group("network options")
    g.add_argument("--indirect", action="store_true", help="include indirect contacts (through others)")
    g.add_argument("--planned", action="store_true",
                   help="include planned, announced, agreed, offered and invited contacts")
    if institutional:
        g.add_argument("--institutional", action="store_true",
                       help="add institutional ties: posts, team membership, office and its head")
    g.add_argument("--since", metavar="DATE", help="keep events whose whole date is on or after DATE (YYYY[-MM[-DD]])")
    g.add_argument("--until", metavar="DATE", help="keep events whose whole date is on or before DATE")
    add_graph(p)


def _options(args: argparse.Namespace) -> NetworkOptions:
    return {"indirect": args.indirect, "planned": args.planned,
            "institutional": getattr(args, "institutional", False), "since": args.since, "until": args.until}


def register(sub: Any) -> None:
    """Register this module's subcommands."""
    p = sub.add_parser("path", help="shortest path between two actors, each hop explained",
                       description="The shortest path between A and B in the contact network, with the contacts "
                                   "(kind, date, quote) or institutional ties behind each hop. Exit code 8 when "
                                   "no path exists under the options.")
    p.add_argument("a", help="an actor (any spelling)")
    p.add_argument("b", help="another actor")
    p.add_argument("--all", action="store_true", help="every shortest path, not just one")
    add_network_options(p)
    p.add_argument("--format", "-f", choices=("text", "table", "csv", "json"), default="text",
                   help="output format (default: text)")
    p.set_defaults(func=cmd_path)

    p = sub.add_parser("centrality", help="actors ranked by a centrality measure",
                       description="Rank the actors of the contact network by degree, strength, betweenness, "
                                   "closeness, eigenvector or PageRank (weighted by contact count where it makes "
                                   "sense); equal scores share a rank and are listed by name.")
    p.add_argument("--measure", "-m", default="degree",
                   choices=MEASURES)
    p.add_argument("--top", "-n", type=more_than_zero(int), default=None, help="show the first N actors")
    p.add_argument("--unweighted", action="store_true", help="ignore contact counts")
    p.add_argument("--engine", choices=ENGINES, default=None,
                   help="library for betweenness, closeness and PageRank (default: igraph; same scores)")
    add_network_options(p)
    add_format(p)
    add_paging(p)
    p.set_defaults(func=cmd_centrality)

    p = sub.add_parser("brokers", help="articulation points and bridges of the contact network",
                       description="Actors whose removal disconnects others (articulation points) and links "
                                   "whose removal does (bridges), with the contacts behind each bridge.")
    add_network_options(p)
    add_format(p)
    add_paging(p)
    p.set_defaults(func=cmd_brokers)

    p = sub.add_parser("ego", help="the ego network of an actor",
                       description="Everyone within DEPTH hops of an actor, with their distance and the contacts "
                                   "linking them.")
    p.add_argument("actor")
    p.add_argument("--depth", "-d", type=more_than_zero(int), default=1, help="hops, 1 or more (default 1)")
    add_network_options(p)
    add_format(p)
    add_paging(p)
    p.set_defaults(func=cmd_ego)

    p = sub.add_parser("communities", help="communities of the contact network",
                       description="Communities found by greedy modularity maximisation (Clauset–Newman–Moore, "
                                   "deterministic), Louvain or label propagation (seeded), largest first.")
    p.add_argument("--algorithm", "-a", default="greedy-modularity",
                   choices=ALGORITHMS)
    p.add_argument("--seed", type=int, default=0, help="random seed for louvain and label-propagation")
    add_network_options(p)
    add_format(p)
    add_paging(p)
    p.set_defaults(func=cmd_communities)

    p = sub.add_parser("rhythm", help="contacts per year, first and last contact and gaps of a pair",
                       description="How often two actors were in direct contact: contacts per year, first and last "
                                   "contact, and the gaps between contacts, longest first (the numbers of `gaps`). "
                                   "An institution or country stands for whoever held its top post.")
    p.add_argument("a")
    p.add_argument("b")
    add_graph(p)
    add_format(p)
    p.set_defaults(func=cmd_rhythm)

    p = sub.add_parser("export", help="write the network (GraphML, GEXF) or the contacts (CSV, PLOVER JSON)",
                       description="Write the contact network as GraphML or GEXF (for Gephi; lists flattened to "
                                   "' | '-joined text), or the contacts as a CSV table or PLOVER-style JSON rows. "
                                   "Files are written atomically.")
    p.add_argument("--format", "-f", choices=(*EXPORT_FORMATS, "parquet"), default=None,
                   help="default: from the output suffix (.json = plover), else graphml; parquet writes every table "
                        "of the contact index into a folder (one NAME.parquet each)")
    p.add_argument("--network", choices=NETWORKS, default="persons",
                   help="which network to write as GraphML/GEXF (default: persons)")
    p.add_argument("--output", "-o", type=Path, default=None,
                   help="output file (default: diplograph-NETWORK.graphml/.gexf, contacts.csv, contacts.json)")
    add_network_options(p)
    p.set_defaults(func=cmd_export)


def _hop_rows(paths: list[Any]) -> list[dict[str, Any]]:
    rows = []
    for i, path in enumerate(paths, 1):
        for j, hop in enumerate(path.hops, 1):
            for e in hop.events:
                rows.append({"path": i, "hop": j, "from": hop.a.label, "to": hop.b.label, "via": e.kind,
                             "status": e.status, "date": e.date, "quote": e.quote, "ref": e.iri})
            for t in hop.ties:
                rows.append({"path": i, "hop": j, "from": hop.a.label, "to": hop.b.label, "via": f"tie: {t.kind}",
                             "status": t.label, "date": t.date, "quote": t.quote, "ref": t.post})
    return rows


def cmd_path(args: argparse.Namespace) -> int:
    kg = open_kg(args)
    opts = _options(args)
    paths = kg.paths(args.a, args.b, **opts) if args.all else [kg.path(args.a, args.b, **opts)]
    if args.format == "json":
        print(json.dumps([p.as_dict() | {"length": p.length} for p in paths], ensure_ascii=False, indent=2))
    elif args.format == "text":
        for i, p in enumerate(paths, 1):
            if len(paths) > 1:
                print(f"path {i} of {len(paths)}:")
            print(f"{p}\n({p.length} hop{'s' if p.length != 1 else ''})")
    else:
        emit(_hop_rows(paths), ["path", "hop", "from", "to", "via", "status", "date", "quote"], args.format)
    return 0


def cmd_centrality(args: argparse.Namespace) -> int:
    kg = open_kg(args)
    scores = kg.centrality(args.measure, top=args.top, weighted=not args.unweighted, engine=args.engine,
                           **_options(args))
    rows = [s.as_dict() | {"score": round(s.score, 6)} for s in scores]
    emit(rows, ["rank", "label", "type", "score", "iri"], args.format, page_of(args))
    return 0


def cmd_brokers(args: argparse.Namespace) -> int:
    kg = open_kg(args)
    b = kg.brokers(**_options(args))
    rows: list[dict[str, Any]] = [{"what": "articulation point", "actors": br.actor.label,
                                   "detail": f"splits its component into {br.splits}", "contacts": None}
                                  for br in b.brokers]
    rows += [{"what": "bridge", "actors": [h.a.label, h.b.label],
              "detail": [f"{e.kind} {e.date or 'undated'}" for e in h.events] + [f"tie: {t.kind}" for t in h.ties],
              "contacts": len(h.events)} for h in b.bridges]
    emit(rows, ["what", "actors", "detail", "contacts"], args.format, page_of(args))
    return 0


def cmd_ego(args: argparse.Namespace) -> int:
    kg = open_kg(args)
    E = kg.ego(args.actor, args.depth, **_options(args))
    rows = []
    for n, d in sorted(E.nodes(data=True), key=lambda nd: (nd[1]["distance"], nd[1]["label"], nd[0])):
        links = sorted(E.nodes[m]["label"] for m in E.neighbors(n))
        contacts = sum(E.edges[n, m]["count"] for m in E.neighbors(n))
        rows.append({"distance": d["distance"], "actor": d["label"], "type": d["type"], "linked_to": links,
                     "contacts": contacts, "iri": n})
    emit(rows, ["distance", "actor", "type", "contacts", "linked_to"], args.format, page_of(args))
    return 0


def cmd_communities(args: argparse.Namespace) -> int:
    kg = open_kg(args)
    rows = [{"community": c.index, "size": c.size, "contacts": c.contacts, "members": [m.label for m in c.members]}
            for c in kg.communities(args.algorithm, seed=args.seed, **_options(args))]
    emit(rows, ["community", "size", "contacts", "members"], args.format, page_of(args))
    return 0


def cmd_rhythm(args: argparse.Namespace) -> int:
    kg = open_kg(args)
    r = kg.rhythm(args.a, args.b)
    if args.format == "json":
        print(json.dumps(r.as_dict(), ensure_ascii=False, indent=2))
        return 0
    if args.format == "table":
        a, b = kg.resolve(args.a), kg.resolve(args.b)
        print(f"{a.en} – {b.en}: {r.count} dated direct contact(s), first {r.first or '-'}, last {r.last or '-'}"
              + (f"; {r.undated} undated" if r.undated else ""))
        print()
    emit([{"year": y, "contacts": n} for y, n in r.per_year.items()], ["year", "contacts"], args.format)
    if args.format == "table":
        print()
        emit([g.as_dict() for g in r.gaps], ["start", "end", "days", "months", "approximate"], args.format)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    kg = open_kg(args)
    fmt = args.format
    out = args.output
    if fmt is None:
        suffix = out.suffix.lstrip(".").lower() if out is not None else ""
        fmt = {"json": "plover"}.get(suffix, suffix) or "graphml"
    if out is None:
        out = Path({"graphml": f"diplograph-{args.network}.graphml", "gexf": f"diplograph-{args.network}.gexf",
                    "csv": "contacts.csv", "plover": "contacts.json",
                    "parquet": "diplograph-tables"}.get(fmt, f"diplograph.{fmt}"))
    if fmt == "parquet":
        from ..index.tables import export_parquet

        files = export_parquet(kg.index, out)
        print(f"wrote {len(files)} Parquet files to {out}", file=sys.stderr)
        return 0
    opts = _options(args)
    if fmt in ("csv", "plover"):
        opts.pop("institutional", None)
    written = kg.export(out, format=fmt, network=args.network, **opts)
    print(f"wrote {written}", file=sys.stderr)
    return 0
