"""Progress bars on standard error for long steps (index builds, synthetic worlds, the benchmark).

A bar shows only where someone watches: on a terminal, and not after
:func:`set_quiet` (the CLI's ``--quiet``). It never writes to standard
output, so machine-readable output stays clean.

Examples
--------
>>> with Progress(2, "demo", enabled=False) as bar:
...     bar.step("first")
...     bar.step("second")
>>> bar.done
2
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any

__all__ = ["Progress", "set_quiet", "showing"]

_quiet = False


def set_quiet(quiet: bool = True) -> None:
    """Turn every progress bar of this process off (or on again, where standard error is a terminal)."""
    global _quiet
    _quiet = quiet


def showing(enabled: bool | None = None) -> bool:
    """Whether a bar shows: *enabled* when given, else on a terminal unless quiet."""
    if enabled is not None:
        return enabled
    return not _quiet and sys.stderr.isatty()


class Progress:
    """A bar of *total* steps (or of units, ``unit="contacts"``), drawn with tqdm when :func:`showing`.

    ``step(label)`` advances by one and names what is being done;
    ``update(n)`` advances by *n*; ``rows(n)`` shows a count within the
    current step.
    """

    def __init__(self, total: int | None, desc: str, *, unit: str = "step", enabled: bool | None = None):
        self.done = 0
        self._bar: Any = None
        if showing(enabled):
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, leave=False, dynamic_ncols=True,
                             unit_scale=unit != "step")

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def step(self, label: str = "") -> None:
        self.update(1, label)

    def update(self, n: int, label: str = "") -> None:
        self.done += n
        if self._bar is not None:
            if label:
                self._bar.set_postfix_str(label, refresh=False)
            self._bar.update(n)

    def rows(self, count: int) -> None:
        if self._bar is not None:
            self._bar.set_postfix_str(f"{count:,} rows")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
