"""Printing rows as a table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["FORMATS", "emit", "render"]

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


def render(rows: Iterable[dict[str, Any]], columns: Sequence[str], fmt: str = "table", max_width: int = 60) -> str:
    """Render *rows* as ``table``, ``csv`` or ``json`` text."""
    rows = list(rows)
    if fmt == "json":
        return json.dumps([{c: r.get(c) for c in columns} for r in rows], ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow([_cell(r.get(c)) for c in columns])
        return buf.getvalue().rstrip("\n")
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    cells = [[v if _width(v) <= max_width else v[: max_width - 1] + "…" for v in row] for row in cells]
    widths = [max([_width(c)] + [_width(row[i]) for row in cells]) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(columns), line(["-" * w for w in widths])] + [line(row) for row in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def emit(rows: Iterable[dict[str, Any]], columns: Sequence[str], fmt: str = "table") -> None:
    """Print *rows* to standard output."""
    print(render(rows, columns, fmt))
