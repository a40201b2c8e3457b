"""Reading graph files into an rdflib graph and writing them whole; what a loader accepts.

Accepted formats, by file suffix: Turtle (``.ttl``), N-Triples (``.nt``),
N-Quads (``.nq``), TriG (``.trig``) and JSON-LD (``.jsonld``). RDF/XML is
refused: its nested internal entities can take minutes to parse from a few
hundred bytes, so it is not accepted from outside.

Every loader (the Oxigraph stores, in memory and on disk, and rdflib here)
first passes each file through :func:`check_graph_file`, so that no parser
sees a file that could crash it or make it read anything else:

- the file must be a regular file (not a device, a pipe or a folder);
- a JSON-LD file may nest objects and arrays at most :data:`MAX_NESTING`
  deep (Oxigraph's JSON-LD parser overflows its stack at a few thousand
  levels and kills the process; rdflib's raises ``RecursionError`` at a few
  hundred) and be at most :data:`MAX_JSONLD_BYTES` long; it is checked with
  Python's own JSON decoder, whose recursion is bounded, keeping nothing of
  the document;
- a JSON-LD file may not refer to another context document: an ``@context``
  given as a link (``"https://..."``, ``"file:..."``, a relative name, in a
  list or not) or an ``@import`` is refused. rdflib's parser would fetch or
  read it and let what it defines into the graph; Oxigraph's refuses it
  with a message about a missing callback. A context written inline is fine.

Examples
--------
>>> import tempfile, pathlib
>>> doc = pathlib.Path(tempfile.mkdtemp()) / "a.jsonld"
>>> _ = doc.write_text('{"@context": "https://schema.org/", "@id": "urn:a", "name": "x"}')
>>> check_graph_file(doc)
Traceback (most recent call last):
...
diplograph.errors.StoreError: ...a.jsonld: the JSON-LD @context refers to another document ('https://schema.org/'); ...
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph

from .atomic import write_atomic
from .errors import StoreError, first_line
from .vocab import PREFIXES

__all__ = ["FORMATS", "MAX_JSONLD_BYTES", "MAX_NESTING", "check_graph_file", "format_for", "read_graph",
           "write_graph"]

log = logging.getLogger(__name__)

#: How deep objects and arrays may nest in a JSON-LD file.
MAX_NESTING = 100

#: The largest JSON-LD file a loader accepts (JSON-LD is parsed whole; N-Triples and N-Quads stream).
MAX_JSONLD_BYTES = 1024 * 1024 * 1024

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


def check_graph_file(path: str | Path) -> str:
    """Check that *path* is a graph file a loader may parse; return its rdflib format name.

    Raises
    ------
    StoreError
        Unknown suffix or RDF/XML, a missing file or one that is not a regular
        file, or (JSON-LD) a file that is not JSON, too big, nested deeper
        than :data:`MAX_NESTING`, or with a context that refers to another
        document. The message names the file.
    """
    p = Path(path)
    fmt = format_for(p)
    if not p.exists():
        raise StoreError(f"{p}: graph file not found")
    if not p.is_file():
        raise StoreError(f"{p}: not a regular file (graph files are read from files only)")
    if fmt == "json-ld":
        _scan_json(p)
    return fmt


# -- the JSON-LD check: Python's JSON decoder (C, bounded recursion) with a hook on every object --
# The hook keeps nothing of an object but how deep it nests (an int: numbers in the document are
# read as strings, so an int is always a depth).


class _Refused(Exception):
    pass


def _depth(value: object) -> int:
    t = type(value)
    if t is int:
        return value  # type: ignore[return-value]
    if t is list:
        return 1 + max(map(_depth, value), default=0)  # type: ignore[call-overload]
    return 0


def _context_link(value: object) -> str | None:
    """The first link in an ``@context`` value (a string, or strings in lists), or None."""
    if isinstance(value, str):
        return value
    if type(value) is list:
        for item in value:
            if (link := _context_link(item)) is not None:
                return link
    return None


def _object_hook(obj: dict[str, object]) -> int:
    if "@import" in obj:
        raise _Refused("the JSON-LD context imports another document (@import); write the context inline")
    if "@context" in obj and (link := _context_link(obj["@context"])) is not None:
        raise _Refused(f"the JSON-LD @context refers to another document ({link[:200]!r}); diplograph reads "
                       "only the file it is given: write the context inline")
    deepest = 0
    for value in obj.values():
        t = type(value)
        if t is int or t is list:
            deepest = max(deepest, _depth(value))
    if deepest >= MAX_NESTING:
        raise _Refused(f"JSON nested more than {MAX_NESTING} deep; diplograph does not parse such files")
    return deepest + 1


def _scan_json(path: Path) -> None:
    try:
        size = path.stat().st_size
        if size > MAX_JSONLD_BYTES:
            raise StoreError(f"{path}: a JSON-LD file over {MAX_JSONLD_BYTES >> 20} MiB ({size >> 20} MiB); JSON-LD "
                             "is read whole: give big graphs as N-Triples or N-Quads, which are read as a stream")
        top = json.loads(path.read_bytes(), object_hook=_object_hook, parse_int=str, parse_float=str,
                         parse_constant=str)
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc.strerror}") from None
    except _Refused as exc:
        raise StoreError(f"{path}: {exc}") from None
    except RecursionError:
        raise StoreError(f"{path}: JSON nested more than {MAX_NESTING} deep; diplograph does not parse such "
                         "files") from None
    except json.JSONDecodeError as exc:
        raise StoreError(f"{path}:{exc.lineno}: does not parse as JSON: {exc.msg}") from None
    except ValueError as exc:  # not UTF-8
        raise StoreError(f"{path}: does not parse as JSON: {exc}") from None
    if type(top) is list:
        if _context_link(top) is not None:  # a document that is only links is no graph either
            raise StoreError(f"{path}: a JSON-LD document of bare strings; nothing to load")
        if _depth(top) > MAX_NESTING:
            raise StoreError(f"{path}: JSON nested more than {MAX_NESTING} deep; diplograph does not parse such "
                             "files")


def read_graph(paths: Iterable[str | Path], graph: Graph | None = None) -> Graph:
    """Parse graph files into one rdflib graph.

    Raises
    ------
    StoreError
        A file is missing, of an unknown format, refused by
        :func:`check_graph_file`, or does not parse (the message names the
        file and the parser's complaint).
    """
    g = graph if graph is not None else Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    for path in paths:
        p = Path(path)
        fmt = check_graph_file(p)
        try:
            g.parse(p, format=fmt)
        except RecursionError:
            raise StoreError(f"{p}: nested too deeply to parse as {fmt}") from None
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
