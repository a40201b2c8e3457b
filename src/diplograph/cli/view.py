"""The ``diplograph view`` command: write the interactive page of a graph or a part of it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..network.projection import NETWORKS
from ..view import SIZE_MEASURES
from ..view.data import MAX_NODES
from .core import add_graph, open_kg
from .numbers import more_than_zero

__all__ = ["DEFAULT_OUTPUT", "register"]

#: Where the page goes by default: next to the built graph.
DEFAULT_OUTPUT = Path("graph/diplograph.html")


def register(sub: Any) -> None:
    """Register ``diplograph view``."""

    p = sub.add_parser(
        "view", help="write the interactive page (one offline HTML file) of the graph",
        description="Write one self-contained HTML page of the network: search by Arabic or English name, filters "
                    "by contact kind and year, the quote behind every contact on click, and a timeline of the "
                    "selected actor or pair with the gaps between their contacts. With --timeline A [B], the "
                    "timeline alone. The page loads nothing from the network.",
        epilog="Examples: diplograph view -o graph/diplograph.html; "
               "diplograph view --around Putin --depth 2 --since 2017 --until 2020 -o putin.html; "
               "diplograph view --timeline Trump Putin -o trump-putin.html; "
               "diplograph view --graph big.nt --max-nodes 800 --rank-by strength -o big.html")
    p.add_argument("--output", "-o", type=Path, default=DEFAULT_OUTPUT, metavar="FILE",
                   help=f"the page to write (default: {DEFAULT_OUTPUT})")
    p.add_argument("--network", "-n", choices=NETWORKS, default="persons",
                   help="persons: actors joined by their contacts (default); bipartite: actors and events; "
                        "full: the whole graph (contacts, plans, claims, places as nodes; takes no time window)")
    p.add_argument("--around", metavar="NAME", help="only the part of the network around this actor (any spelling)")
    p.add_argument("--depth", type=more_than_zero(int), default=1, metavar="K",
                   help="steps from --around, 1 or more (default: 1)")
    p.add_argument("--since", metavar="DATE", help="only contacts from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="only contacts up to this date")
    p.add_argument("--size-by", choices=list(SIZE_MEASURES), default="degree",
                   help="the centrality behind node sizes (default: degree; strength = number of contacts)")
    p.add_argument("--no-indirect", dest="indirect", action="store_false", help="leave out indirect contacts")
    p.add_argument("--no-planned", dest="planned", action="store_false", help="leave out planned contacts")
    p.add_argument("--no-institutional", dest="institutional", action="store_false",
                   help="leave out institutional ties (posts, teams, offices)")
    p.add_argument("--rank-by", choices=list(SIZE_MEASURES), default="degree",
                   help="above --max-nodes, the centrality that picks the nodes drawn (default: degree)")
    limit = p.add_mutually_exclusive_group()
    limit.add_argument("--max-nodes", type=more_than_zero(int), default=MAX_NODES, metavar="N",
                       help=f"above N nodes draw only the N most central (see --rank-by), and say so on the page "
                            f"with the commands that show more (default: {MAX_NODES})")
    limit.add_argument("--all", dest="max_nodes", action="store_const", const=None,
                       help="draw every node, however many (slow to lay out and draw above a few thousand)")
    p.add_argument("--timeline", nargs="+", action=_OneOrTwo, metavar="NAME",
                   help="draw the timeline of this actor, or of these two (any spelling), alone: every contact "
                        "and plan, and the gaps between their direct contacts")
    p.add_argument("--title", help="the page heading")
    add_graph(p)
    p.set_defaults(func=cmd_view)


class _OneOrTwo(argparse.Action):
    """``--timeline A [B]``: one name or two, a usage error otherwise."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        if not 1 <= len(values) <= 2:
            parser.error(f"{option_string} takes one actor or two, got {len(values)}: {' '.join(values)}")
        setattr(namespace, self.dest, list(values))


def cmd_view(args: argparse.Namespace) -> int:
    from ..view import view

    kg = open_kg(args)
    if args.timeline is not None:
        page = view(kg.source, timeline=args.timeline, around=args.around, network=args.network, title=args.title,
                    since=args.since, until=args.until)
        path = page.save(args.output)
        print(f"wrote {path} (timeline of {page.events} contacts and plans)")
        return 0
    page = view(kg.source, network=args.network, around=args.around, depth=args.depth, since=args.since,
                until=args.until, indirect=args.indirect, planned=args.planned, institutional=args.institutional,
                size_by=args.size_by, rank_by=args.rank_by,
                max_nodes=args.max_nodes, title=args.title, graphs=args.graph or [])
    path = page.save(args.output)
    print(f"wrote {path} ({page.nodes} nodes, {page.edges} edges)")
    if page.notice:
        print(f"  note: {page.notice}")
    return 0
