"""A small, fast N-Triples writer: terms are preformatted strings, lines are buffered.

Examples
--------
>>> import io
>>> buf = io.StringIO()
>>> w = NTriplesWriter(buf)
>>> w.add(iri("urn:a"), iri("urn:p"), lit('say "hi"\\n', "en"))
>>> w.close()
>>> buf.getvalue()
'<urn:a> <urn:p> "say \\\\"hi\\\\"\\\\n"@en .\\n'
"""

from __future__ import annotations

from typing import TextIO

__all__ = ["NTriplesWriter", "iri", "lit", "typed"]

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def iri(value: str) -> str:
    """An IRI term."""
    return f"<{value}>"


def lit(text: str, lang: str | None = None) -> str:
    """A plain or language-tagged literal."""
    body = text.translate(_ESCAPES)
    return f'"{body}"@{lang}' if lang else f'"{body}"'


def typed(text: str, datatype: str) -> str:
    """A typed literal; *datatype* is an IRI term (``<...>``)."""
    return f'"{text.translate(_ESCAPES)}"^^{datatype}'


class NTriplesWriter:
    """Buffer N-Triples lines and write them to a text stream in chunks."""

    def __init__(self, out: TextIO, chunk: int = 20_000):
        self.out = out
        self.chunk = chunk
        self.buffer: list[str] = []
        self.count = 0

    def add(self, s: str, p: str, o: str) -> None:
        """Write one triple (terms already formatted)."""
        self.buffer.append(f"{s} {p} {o} .\n")
        if len(self.buffer) >= self.chunk:
            self.flush()

    def flush(self) -> None:
        self.count += len(self.buffer)
        self.out.write("".join(self.buffer))
        self.buffer.clear()

    def close(self) -> None:
        """Write what is buffered."""
        self.flush()
