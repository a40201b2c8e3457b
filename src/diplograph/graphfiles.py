"""Reading graph files into an rdflib graph and writing them whole.

Accepted formats, by file suffix: Turtle (``.ttl``), N-Triples (``.nt``),
N-Quads (``.nq``), TriG (``.trig``) and JSON-LD (``.jsonld``). RDF/XML is
refused: its nested internal entities can take minutes to parse from a few
hundred bytes, so it is not accepted from outside.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph

from .atomic import write_atomic
from .errors import StoreError, first_line
from .vocab import PREFIXES

__all__ = ["FORMATS", "format_for", "read_graph", "write_graph"]

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
