"""The ``synth`` command: write a synthetic graph of political contacts for scale tests."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from .numbers import whole_number

__all__ = ["register"]


def register(sub: Any) -> None:
    """Register the ``synth`` subcommand."""
    p = sub.add_parser(
        "synth", help="write a synthetic graph (N-Triples) of N contacts for scale tests",
        description="Generate a graph in diplograph's ontology with a realistic shape: heads of state and "
                    "government, ministers and envoys of ~190 countries with tenures, contacts of every kind "
                    "with heavy-tailed degrees, dates over decades at mixed precision, places, gatherings, "
                    "topics, claims, and the evidence quote of every fact in a synthetic source text. "
                    "Streamed to disk; the same --seed gives the same bytes.")
    p.add_argument("--contacts", "-n", type=whole_number, required=True, help="number of contacts (plans included)")
    p.add_argument("--seed", "-s", type=int, default=0, help="random seed (default 0)")
    p.add_argument("--countries", type=whole_number, default=190, help="number of countries (default 190)")
    p.add_argument("--output", "-o", type=Path, required=True, help="output file (.nt)")
    p.set_defaults(func=cmd_synth)


def cmd_synth(args: argparse.Namespace) -> int:
    from ..errors import DiplographError
    from ..progress import Progress
    from ..synth import write

    if args.countries < 3:
        raise DiplographError("--countries must be at least 3")
    t0 = time.perf_counter()
    with Progress(args.contacts, "synth", unit="contacts") as bar:
        stats = write(args.output, args.contacts, seed=args.seed, countries=args.countries, progress=bar.update)
    elapsed = time.perf_counter() - t0
    print(f"wrote {args.output} in {elapsed:.1f} s ({args.output.stat().st_size / 1e6:.1f} MB)")
    for key, value in stats.as_dict().items():
        print(f"  {key:<12} {value}")
    return 0
