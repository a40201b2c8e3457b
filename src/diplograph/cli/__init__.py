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
import contextlib
import difflib
import logging
import re
import sys
from collections.abc import Sequence

from ..bulk import paused
from ..errors import DiplographError, exit_code_for
from . import core, extract, index, network, serve, synth, view

__all__ = ["COMMAND_MODULES", "build_parser", "main"]

#: Modules that register subcommands, in the order they appear in --help.
COMMAND_MODULES = [core, extract, network, view, serve, synth, index]

#: The commands that answer a question and end: they run with Python's cyclic garbage collector paused
#: (:mod:`diplograph.bulk`), as their answers are built of many small objects in no cycle.
QUESTIONS = frozenset({"query", "show", "timeline", "gaps", "claims", "path", "centrality", "brokers", "ego",
                       "communities", "rhythm", "export", "view"})


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    return _build()[0]


def _build() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
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
    return parser, dict(sub.choices)


def _unknown_options(parser: argparse.ArgumentParser, commands: dict[str, argparse.ArgumentParser],
                     command: str | None, extras: list[str]) -> None:
    """Refuse arguments no command takes, naming the options spelled nearest to a mistyped one."""
    known: list[str] = []
    for p in (parser, commands.get(command or "")):
        if p is not None:
            known += re.findall(r"(?<![\w-])--?[A-Za-z][\w-]*", p.format_help())
    known = sorted(set(known))
    hints = []
    for extra in extras:
        if extra.startswith("-"):
            near = difflib.get_close_matches(extra.split("=", 1)[0], known, n=3, cutoff=0.75)
            if near:
                hints.append(f"{extra.split('=', 1)[0]}: did you mean {' or '.join(near)}?")
    parser.error("unrecognized arguments: " + " ".join(extras) + ("; " + "; ".join(hints) if hints else ""))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser, commands = _build()
    args, extras = parser.parse_known_args(argv)
    if extras:
        _unknown_options(parser, commands, getattr(args, "command", None), extras)
    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if args.quiet:
        from ..progress import set_quiet

        set_quiet()
    try:
        with paused() if args.command in QUESTIONS else contextlib.nullcontext():
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
