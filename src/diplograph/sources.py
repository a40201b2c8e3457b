"""Source texts and the spans of them that evidence rests on.

A source text is read exactly as stored (UTF-8, newlines kept); offsets count
Unicode code points, as the Web Annotation ``TextPositionSelector`` does.

Examples
--------
>>> text = SourceText("line one\\nthe quote here\\n", name="demo.txt")
>>> span = text.find("quote")
>>> span.start, span.end, span.line, text.text[span.start:span.end]
(13, 18, 2, 'quote')
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import AmbiguousQuoteError, QuoteNotFoundError, StoreError

__all__ = ["SourceText", "Span"]

#: Characters of context kept before and after a quote (TextQuoteSelector).
CONTEXT = 32


@dataclass(frozen=True, order=True)
class Span:
    """A span of a source text: ``text[start:end]``, on 1-based ``line``."""

    start: int
    end: int
    line: int

    def overlaps(self, other: Span) -> bool:
        """Return True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """Return True when *other* lies inside this span."""
        return self.start <= other.start and other.end <= self.end


class SourceText:
    """The stored text of one source.

    Parameters
    ----------
    text : str
        The full text, exactly as stored.
    name : str
        How to name the text in messages (usually its path).
    """

    def __init__(self, text: str, name: str = "<text>"):
        self.text = text
        self.name = name
        self._line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        self.noise: list[Span] = []

    @classmethod
    def read(cls, path: str | Path) -> SourceText:
        """Read a UTF-8 text file without changing its newlines."""
        p = Path(path)
        try:
            with p.open(encoding="utf-8", newline="") as fh:
                return cls(fh.read(), name=str(p))
        except FileNotFoundError:
            raise StoreError(f"{p}: source text not found") from None
        except UnicodeDecodeError as exc:
            raise StoreError(f"{p}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None

    @property
    def sha256(self) -> str:
        """Hex SHA-256 of the text encoded as UTF-8."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def line_of(self, offset: int) -> int:
        """Return the 1-based line number of *offset*."""
        lo, hi = 0, len(self._line_starts)
        while lo + 1 < hi:
            mid = (lo + hi) // 2
            if self._line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid
        return lo + 1

    def span(self, start: int, end: int) -> Span:
        """Return the :class:`Span` for ``text[start:end]``."""
        return Span(start, end, self.line_of(start))

    def occurrences(self, quote: str) -> list[Span]:
        """Every span where *quote* occurs, overlapping ones included.

        Characters must match exactly, except that any run of white space in
        the quote matches any run of white space in the text (a typed space
        finds a no-break space). The span covers the text's own characters.
        """
        words = quote.split()
        if not words:
            return []
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
        spans: list[Span] = []
        pos = 0
        while True:
            m = pattern.search(self.text, pos)
            if m is None:
                return spans
            spans.append(self.span(m.start(), m.end()))
            pos = m.start() + 1

    def quote(self, span: Span) -> str:
        """The exact text of *span*."""
        return self.text[span.start : span.end]

    def find(self, quote: str, occurrence: int | None = None, *, where: str | None = None,
             within: Span | None = None) -> Span:
        """Find the one span where *quote* occurs exactly.

        Parameters
        ----------
        quote : str
            The exact words, as they stand in the text.
        occurrence : int, optional
            Which occurrence to take (1-based) when the quote occurs more than once.
        where : str, optional
            Where the quote comes from, for messages (``"annotation.yaml:12"``).
        within : Span, optional
            Prefer occurrences inside this span (for a name inside an event's quote).

        Raises
        ------
        QuoteNotFoundError
            The quote is not in the text (the message shows the closest line).
        AmbiguousQuoteError
            The quote occurs more than once and no occurrence was chosen.
        """
        prefix = f"{where}: " if where else ""
        spans = [s for s in self.occurrences(quote) if not any(s.overlaps(n) for n in self.noise)]
        if within is not None:
            inside = [s for s in spans if within.contains(s)]
            if inside:
                spans = inside
        if not spans:
            raise QuoteNotFoundError(prefix + self._not_found(quote))
        if occurrence is not None:
            if not 1 <= occurrence <= len(spans):
                raise AmbiguousQuoteError(
                    f"{prefix}occurrence {occurrence} asked for, but {quote!r} occurs "
                    f"{len(spans)} time(s) in {self.name}"
                )
            return spans[occurrence - 1]
        if len(spans) > 1:
            lines = ", ".join(str(s.line) for s in spans)
            raise AmbiguousQuoteError(
                f"{prefix}quote {quote!r} occurs {len(spans)} times in {self.name} "
                f"(lines {lines}); lengthen it or give 'occurrence'"
            )
        return spans[0]

    def _not_found(self, quote: str) -> str:
        shown = quote if len(quote) <= 80 else quote[:77] + "..."
        msg = f"quote not found in {self.name}: {shown!r}"
        lines = [ln for ln in self.text.splitlines() if ln.strip()]
        best = max(lines, key=lambda ln: difflib.SequenceMatcher(None, quote, ln).ratio(), default="")
        if best and difflib.SequenceMatcher(None, quote, best).ratio() > 0.5:
            lineno = self.text.splitlines().index(best) + 1
            near = best if len(best) <= 100 else best[:97] + "..."
            msg += f"; closest is line {lineno}: {near!r}"
        return msg

    def prefix(self, span: Span) -> str:
        """Up to :data:`CONTEXT` characters before *span*."""
        return self.text[max(0, span.start - CONTEXT) : span.start]

    def suffix(self, span: Span) -> str:
        """Up to :data:`CONTEXT` characters after *span*."""
        return self.text[span.end : span.end + CONTEXT]
