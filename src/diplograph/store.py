"""Reading graph files and writing them atomically.

Accepted formats, by file suffix: Turtle (``.ttl``), N-Triples (``.nt``),
N-Quads (``.nq``), TriG (``.trig``) and JSON-LD (``.jsonld``). RDF/XML is
refused: its nested internal entities can take minutes to parse from a few
hundred bytes, so it is not accepted from outside.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from rdflib import Graph

from .errors import StoreError, first_line
from .vocab import PREFIXES

__all__ = ["FORMATS", "atomic_writer", "format_for", "read_graph", "write_atomic", "write_graph"]

log = logging.getLogger(__name__)

#: rdflib format names by file suffix.
FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
}


def format_for(path: str | Path) -> str:
    """The rdflib format name for *path*, by its suffix.

    Raises
    ------
    StoreError
        Unknown suffix, or RDF/XML.
    """
    suffix = Path(path).suffix.lower()
    if suffix in (".rdf", ".xml", ".owl"):
        raise StoreError(f"{path}: RDF/XML is not accepted; convert it to Turtle or N-Triples first")
    try:
        return FORMATS[suffix]
    except KeyError:
        raise StoreError(
            f"{path}: unknown graph format {suffix!r}; use one of {', '.join(sorted(FORMATS))}"
        ) from None


def read_graph(paths: Iterable[str | Path], graph: Graph | None = None) -> Graph:
    """Parse graph files into one rdflib graph.

    Raises
    ------
    StoreError
        A file is missing, of an unknown format, or does not parse (the
        message names the file and the parser's complaint).
    """
    g = graph if graph is not None else Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    for path in paths:
        p = Path(path)
        fmt = format_for(p)
        if not p.is_file():
            raise StoreError(f"{p}: graph file not found")
        try:
            g.parse(p, format=fmt)
        except Exception as exc:  # rdflib raises many unrelated types for bad syntax
            raise StoreError(f"{p}: does not parse as {fmt}: {first_line(exc)}") from None
        log.debug("read %s (%d triples so far)", p, len(g))
    return g


@contextmanager
def atomic_writer(path: str | Path, mode: str = "wb", encoding: str | None = None) -> Iterator[IO[Any]]:
    """Open a temporary file next to *path*; on success rename it over *path*.

    Readers see the old file or the new one, never half of one; on any
    failure (an exception inside the ``with`` block included) the temporary
    file is removed and the old file is left as it was. The new file gets
    the usual permissions (``0666`` less the umask), not the private mode of
    a temporary file. For streaming large outputs; :func:`write_atomic`
    writes bytes at once.

    Raises
    ------
    StoreError
        The folder cannot be written.
    """
    p = Path(path)
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    except OSError as exc:
        raise StoreError(f"{p}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline="\n" if "b" not in mode else None) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, p)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file and a rename (see :func:`atomic_writer`)."""
    with atomic_writer(path) as fh:
        fh.write(data)


def write_graph(graph: Graph, path: str | Path) -> bytes:
    """Serialise *graph* in the format its suffix names and write it atomically.

    Returns
    -------
    bytes
        What was written.
    """
    fmt = format_for(path)
    try:
        data = graph.serialize(format=fmt, encoding="utf-8")
    except Exception as exc:
        raise StoreError(f"{path}: cannot serialise as {fmt}: {exc}") from None
    write_atomic(path, data)
    return data
