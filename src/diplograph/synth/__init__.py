"""Synthetic graphs of political contacts, in the project's own ontology, for scale tests.

:func:`generate` streams N-Triples with the same shapes as
:mod:`diplograph.mapping` produces from annotations: contacts and planned
contacts with their kind, participants, role nodes resting on their own
quotes, instants at day, month or year precision, places, gatherings and
topics; Web Annotation evidence with quote and position selectors into a
synthetic source text; post holdings with tenures; heads' roles and the
offices of heads; claims with their speakers. Nothing is held in memory but
the small world of countries and office holders, so a million contacts stream
straight to disk. The same seed and size give the same bytes.

Examples
--------
>>> import io
>>> buf = io.StringIO()
>>> stats = generate(buf, contacts=20, seed=7, countries=12)
>>> stats.contacts + stats.plans
20
>>> stats.triples == buf.getvalue().count("\\n")
True
>>> buf2 = io.StringIO()
>>> _ = generate(buf2, contacts=20, seed=7, countries=12)
>>> buf.getvalue() == buf2.getvalue()
True
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from pathlib import Path
from typing import TextIO, cast

from ..atomic import atomic_writer
from ..errors import InvalidArgumentError, StoreError
from .generator import Generator, SynthStats
from .ntriples import NTriplesWriter
from .world import World

__all__ = ["SynthStats", "World", "generate", "write"]

log = logging.getLogger(__name__)


def generate(out: TextIO, contacts: int, seed: int = 0, countries: int = 190, *,
             progress: Callable[[int], None] | None = None) -> SynthStats:
    """Write a synthetic graph of *contacts* contacts (plans included) to *out* as N-Triples.

    Parameters
    ----------
    out : text stream
        Where the N-Triples go (UTF-8 when it is a file).
    contacts : int
        How many contacts and planned contacts (about 4% are plans).
    seed : int
        The same seed and sizes give the same bytes.
    countries : int
        How many countries; each has a head of state, a head of government,
        a foreign minister, a defence minister and a special envoy, with
        successive holders from 1988 to 2026.
    progress : callable, optional
        Called with the number of contacts each source added, as it is written.

    Returns
    -------
    SynthStats
        Counts of what was written.
    """
    if contacts < 0:
        raise InvalidArgumentError(f"contacts must be 0 or more, got {contacts}")
    if countries < 3:
        raise InvalidArgumentError(f"at least three countries are needed, got {countries}")
    rng = random.Random(seed)
    world = World.generate(rng, countries)
    writer = NTriplesWriter(out)
    gen = Generator(world, rng, writer)
    gen.stats.seed = seed
    gen.world()
    done = number = 0
    while done < contacts:
        k = min(contacts - done, 1 + min(int(rng.expovariate(0.5)), 9))
        gen.article(number, k, done)
        number += 1
        done += k
        if progress is not None:
            progress(k)
    writer.close()
    gen.stats.triples = writer.count
    log.info("synthesised %d contacts, %d triples", contacts, writer.count)
    return gen.stats


def write(path: str | Path, contacts: int, seed: int = 0, countries: int = 190, *,
          progress: Callable[[int], None] | None = None) -> SynthStats:
    """Generate into *path* (``.nt``) atomically: a temporary file, renamed when complete.

    *progress* is called as in :func:`generate`.

    Raises
    ------
    StoreError
        The suffix is not ``.nt`` or the file cannot be written.
    """
    p = Path(path)
    if p.suffix.lower() != ".nt":
        raise StoreError(f"{p}: synthetic graphs are written as N-Triples; use a .nt file name")
    try:
        with atomic_writer(p, "w", encoding="utf-8") as fh:
            stats = generate(cast(TextIO, fh), contacts, seed, countries, progress=progress)
    except OSError as exc:
        raise StoreError(f"{p}: cannot write: {exc.strerror}") from None
    return stats
