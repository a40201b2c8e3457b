"""The ``diplograph`` command.

Each command group lives in its own module with a ``register(subparsers)``
function; this module builds the parser, runs the command, and alone maps
errors to exit codes:

====  ==========================================================
code  meaning
====  ==========================================================
0     success
1     any other diplograph error
2     bad usage: an unknown option, or an argument the command refuses
3     a malformed input file (registry, annotation, graph)
4     an unknown entity name
5     the graph breaks SHACL constraints (nothing was written)
6     a broken or unknown SPARQL query
7     a graph file or store could not be read or written
8     a well-formed question without an answer (no path, empty window)
130   interrupted
====  ==========================================================
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from ..errors import DiplographError, exit_code_for
from . import core, extract, index, network, serve, synth, view

__all__ = ["COMMAND_MODULES", "build_parser", "main"]

#: Modules that register subcommands, in the order they appear in --help.
COMMAND_MODULES = [core, extract, network, view, serve, synth, index]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="diplograph",
        description="A knowledge graph of political contacts, with the quote behind every fact.",
        epilog="Exit codes: 0 ok, 1 error, 2 usage or a bad argument, 3 bad input file, 4 unknown entity, "
               "5 SHACL violations, 6 bad query, 7 store error, 8 no answer.",
    )
    parser.add_argument("-v", "--verbose", action="count", default=0, help="log more (repeat for debug)")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no progress bars (they are drawn on standard error, only when it is a terminal)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if args.quiet:
        from ..progress import set_quiet

        set_quiet()
    try:
        code: int = args.func(args)
        return code
    except DiplographError as exc:
        print(f"diplograph: error: {exc}", file=sys.stderr)
        return exit_code_for(exc)
    except KeyboardInterrupt:
        print("diplograph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
