"""Number types for the command line: a bad value is a usage error that names it, never a traceback."""

from __future__ import annotations

import argparse
from collections.abc import Callable

__all__ = ["more_than_zero", "whole_number"]


def whole_number(text: str) -> int:
    """A whole number, 0 or more; ``1_000_000`` is read as a million.

    Examples
    --------
    >>> whole_number("1_000")
    1000
    >>> whole_number("-1")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: '-1': must be 0 or more
    """
    try:
        value = int(text.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r}: must be 0 or more")
    return value


def more_than_zero(kind: Callable[[str], int | float]) -> Callable[[str], int | float]:
    """A parser of numbers of *kind* (``int`` or ``float``) above 0.

    Examples
    --------
    >>> more_than_zero(float)("2.5")
    2.5
    >>> more_than_zero(int)("0")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: '0': must be more than 0
    """
    what = "a whole number" if kind is int else "a number"

    def parse(text: str) -> int | float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}") from None
        if not value > 0:  # also refuses nan
            raise argparse.ArgumentTypeError(f"{text!r}: must be more than 0")
        return value

    return parse
