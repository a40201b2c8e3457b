"""Printing rows as a table, CSV or JSON."""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import json
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple, TypeVar

from .numbers import more_than_zero, whole_number

__all__ = ["FORMATS", "Page", "add_paging", "emit", "json_lines", "page_of", "render", "render_lines"]

T = TypeVar("T")

#: The formats :func:`render` writes rows in.
FORMATS = ("table", "csv", "json")


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\n", " ")


class Page(NamedTuple):
    """Which rows to print: at most *limit* (None: all) after skipping *offset*."""

    limit: int | None = None
    offset: int = 0

    def rows(self, rows: Iterable[T]) -> list[T]:
        """The rows of this page (reading no further than its last row)."""
        stop = None if self.limit is None else self.offset + self.limit
        return list(itertools.islice(rows, self.offset, stop))


def add_paging(p: argparse.ArgumentParser) -> None:
    """Add ``--limit`` and ``--offset`` (long answers are printed a page at a time)."""
    p.add_argument("--limit", type=more_than_zero(int), default=None, metavar="N", help="print at most N rows")
    p.add_argument("--offset", type=whole_number, default=0, metavar="N", help="skip the first N rows (default 0)")


def page_of(args: argparse.Namespace) -> Page:
    """The page the arguments ask for (everything when the command takes no paging options)."""
    return Page(getattr(args, "limit", None), getattr(args, "offset", 0) or 0)


def json_lines(value: dict[str, Any]) -> Iterator[str]:
    """The lines of *value* (a dictionary) as a JSON document: a key a line, each item of a list on its own line.

    The same data ``json.dumps(value, indent=2)`` writes, each item written
    whole by the C encoder (an indented document of a long answer is written
    in Python, several times slower).

    >>> print("\\n".join(json_lines({"a": 1, "b": [{"x": "é"}, 2], "c": []})))
    {
      "a": 1,
      "b": [
        {"x": "é"},
        2
      ],
      "c": []
    }
    """
    keys = list(value)
    yield "{"
    for i, key in enumerate(keys):
        end = "," if i < len(keys) - 1 else ""
        head = f"  {json.dumps(key, ensure_ascii=False)}: "
        item = value[key]
        if isinstance(item, list) and item:
            yield head + "["
            last = len(item) - 1
            for j, x in enumerate(item):
                yield "    " + json.dumps(x, ensure_ascii=False) + ("," if j < last else "")
            yield "  ]" + end
        else:
            yield head + json.dumps(item, ensure_ascii=False) + end
    yield "}"


def render_lines(rows: Iterable[dict[str, Any]], columns: Sequence[str], fmt: str = "table", max_width: int = 60,
                 total: int | None = None, offset: int = 0) -> Iterator[str]:
    """The lines of *rows* rendered as ``table``, ``csv`` or ``json``, one at a time (CSV and JSON stream).

    *total* (the number of rows before paging) and *offset* only change the
    table's closing line.
    """
    if fmt == "json":
        first = True
        for r in rows:
            item = json.dumps({c: r.get(c) for c in columns}, ensure_ascii=False, indent=2)
            yield ("[\n" if first else ",\n") + "\n".join("  " + x for x in item.splitlines())
            first = False
        yield "[]" if first else "\n]"
        return
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        yield buf.getvalue().rstrip("\n")
        for r in rows:
            buf.seek(0)
            buf.truncate()
            writer.writerow([_cell(r.get(c)) for c in columns])
            yield buf.getvalue().rstrip("\n")
        return
    rows = list(rows)
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    cells = [[v if _width(v) <= max_width else v[: max_width - 1] + "…" for v in row] for row in cells]
    widths = [max([_width(c)] + [_width(row[i]) for row in cells]) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    yield line(columns)
    yield line(["-" * w for w in widths])
    for row in cells:
        yield line(row)
    n = len(rows)
    if total is not None and (offset or total != n):
        shown = (f"rows {offset + 1:,}–{offset + n:,} of {total:,}" if n else
                 f"no rows after row {offset:,} of {total:,}")
        yield f"({shown}; --limit N --offset N for others)"
    else:
        yield f"({n} row{'s' if n != 1 else ''})"


def render(rows: Iterable[dict[str, Any]], columns: Sequence[str], fmt: str = "table", max_width: int = 60) -> str:
    """Render *rows* as ``table``, ``csv`` or ``json`` text."""
    return "\n".join(render_lines(rows, columns, fmt, max_width))


def emit(rows: Iterable[dict[str, Any]], columns: Sequence[str], fmt: str = "table", page: Page | None = None) -> None:
    """Print *rows* to standard output, line by line (only those of *page*, when given)."""
    total = None
    if page is not None and (page.limit is not None or page.offset):
        rows = list(rows)
        total = len(rows)
        rows = page.rows(rows)
    out = sys.stdout
    for text in render_lines(rows, columns, fmt, total=total, offset=page.offset if page else 0):
        out.write(text)
        out.write("\n")
