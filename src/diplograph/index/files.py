"""Reading the files being loaded for the index, beside their load.

At a load into an Oxigraph store on disk, reading the properties back out of
the store costs several times the load itself (the store turns each term id
back into its text). The files being loaded hold the same triples, so the
index reads them instead, in a thread beside the store's bulk loader (which
runs outside Python's lock): :func:`stage_files` writes every triple whose
property the index reads (:data:`.scan.SCANS`) to its scan's CSV file, in
the columns and form the store's own CSV results give, and the builder reads
those files as it reads the store's.

The rows are the store's rows:

- A typed literal is written as the store keeps it: Oxigraph keeps numbers,
  booleans, dates and durations as values (``"05"^^xsd:integer`` reads back
  ``5``, ``"1"^^xsd:boolean`` ``true``), so each distinct typed literal is put
  once through an Oxigraph store in memory and its form read back.
- The blank nodes of each file are its own (as the loader gives them), and
  the same triple given twice is one row (the builder reads staged rows
  with ``DISTINCT``).
- Quads of N-Quads and TriG files are read as the triples they load as.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple, TextIO

import pyoxigraph as ox

from ..backends.oxigraph import read_triples
from ..bulk import paused
from ..vocab import RDF
from .scan import SCANS, Scan

__all__ = ["Staged", "StagingStopped", "stage_files"]

_RDF_TYPE = str(RDF.type)
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_PLAIN, _LANG, _TYPED = 0, 1, 2
_CHECK_MASK = (1 << 16) - 1  # the stop is looked at every 65,536 triples


class Staged(NamedTuple):
    """What :func:`stage_files` wrote: each scan's CSV file, by table, and the triples read (repeats counted)."""

    paths: dict[str, Path]
    triples: int


class StagingStopped(Exception):
    """The staging was stopped before its end (the load it ran beside failed)."""


class _Canonical:
    """The form an Oxigraph store gives a typed literal back in, each distinct one worked out once."""

    _S = ox.NamedNode("urn:diplograph:canonical")

    def __init__(self) -> None:
        self._store = ox.Store()
        self._known: dict[tuple[str, str], str] = {}

    def __call__(self, value: str, datatype: str) -> str:
        key = (value, datatype)
        known = self._known.get(key)
        if known is None:
            try:
                literal = ox.Literal(value, datatype=ox.NamedNode(datatype))
            except ValueError:  # not an IRI: the store's own load refuses the file
                return value
            self._store.add(ox.Quad(self._S, self._S, literal))
            quad = next(iter(self._store.quads_for_pattern(self._S, self._S, None)))
            self._store.remove(quad)
            known = self._known[key] = str(getattr(quad.object, "value", quad.object))
        return known


class _Writers:
    """One CSV file per scan, and which of them each property and class goes to (each a file's ``write``)."""

    def __init__(self, folder: Path, scans: Sequence[Scan]) -> None:
        self.paths: dict[str, Path] = {}
        self._files: list[TextIO] = []
        self.by_property: dict[str, list[tuple[Callable[[str], int], int]]] = {}
        self.by_class: dict[str, list[Callable[[str], int]]] = {}
        for scan in scans:
            path = folder / f"{scan.table}.csv"
            fh = path.open("w", encoding="utf-8", newline="", buffering=1 << 20)
            self._files.append(fh)
            self.paths[scan.table] = path
            fh.write(",".join(name for name, _ in scan.columns) + "\n")
            if scan.types:
                for cls in scan.types:
                    self.by_class.setdefault(cls, []).append(fh.write)
            else:
                mode = _LANG if scan.lang else _TYPED if scan.typed else _PLAIN
                self.by_property.setdefault(scan.predicate, []).append((fh.write, mode))

    def close(self) -> None:
        for fh in self._files:
            fh.close()


def _csv(value: str) -> str:
    """*value* as one CSV field (quoted where it holds a comma, a quote or a line break).

    >>> print(_csv('say "yes", then'))
    "say ""yes"", then"
    """
    if "," in value or '"' in value or "\n" in value or "\r" in value:
        return '"' + value.replace('"', '""') + '"'
    return value


def _term(term: Any, blank: str) -> str:
    """A subject or an IRI/blank object as the store's CSV writes it (blank nodes labelled per file)."""
    if type(term) is ox.NamedNode:
        return str(term.value)
    if type(term) is ox.BlankNode:
        return f"_:{blank}{term.value}"
    return str(term)


def _literal(o: Any, canonical: _Canonical) -> tuple[str, str, str]:
    """A literal's text as the store gives it back, its language and its datatype."""
    lang = o.language
    if lang:
        return o.value, lang, _LANG_STRING
    datatype = o.datatype.value
    return (o.value if datatype == _XSD_STRING else canonical(o.value, datatype)), "", datatype


def _stage_file(path: Path, out: _Writers, canonical: _Canonical, blank: str, stop: threading.Event | None) -> int:
    """Write the rows of one file; return the number of its triples."""
    by_property, by_class = out.by_property, out.by_class
    literal, named = ox.Literal, ox.NamedNode
    if stop is not None and stop.is_set():
        raise StagingStopped(str(path))
    n = 0
    for n, triple in enumerate(read_triples(path, lenient=True), 1):  # the store's load checks the file
        if not n & _CHECK_MASK and stop is not None and stop.is_set():
            raise StagingStopped(str(path))
        p = triple.predicate.value
        targets = by_property.get(p)
        if targets is None:
            if p == _RDF_TYPE:
                o = triple.object
                for write in (by_class.get(o.value) if type(o) is named else None) or ():
                    write(f"{_csv(_term(triple.subject, blank))},{o.value}\n")
            continue
        s = triple.subject
        subject = s.value if type(s) is named else _term(s, blank)
        if "," in subject:  # the one CSV character an IRI may hold
            subject = _csv(subject)
        o = triple.object
        if type(o) is literal:
            value, lang, datatype = _literal(o, canonical)
            value = _csv(value)
        else:
            value, lang, datatype = _csv(o.value if type(o) is named else _term(o, blank)), "", ""
        for write, mode in targets:
            if mode == _PLAIN:
                write(f"{subject},{value}\n")
            else:
                write(f"{subject},{value},{_csv(lang if mode == _LANG else datatype)}\n")
    return n


@paused()
def stage_files(files: Sequence[Path], folder: Path, *, scans: Sequence[Scan] = SCANS,
                stop: threading.Event | None = None) -> Staged:
    """Write the rows of every scan in *scans* that *files* hold, one CSV file per scan in *folder*.

    Returns the path of each scan's file, by table, and the number of
    triples the files hold (a triple given twice counted twice: where that
    number is the store's, no row needs to be read twice). *stop*, when set, ends the
    staging early with :class:`StagingStopped` (its files are left for the
    caller to remove with *folder*).

    Raises
    ------
    StoreError
        A file does not parse or cannot be read.
    StagingStopped
        *stop* was set.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from diplograph.bundled import GRAPH_FILE
    >>> staged = stage_files([GRAPH_FILE], Path(tempfile.mkdtemp()))
    >>> staged.paths["s_kind"].read_text().splitlines()[0]
    's,o'
    >>> staged.triples > 1000
    True
    """
    out = _Writers(folder, scans)
    canonical = _Canonical()
    triples = 0
    try:
        for i, path in enumerate(files):
            triples += _stage_file(Path(path), out, canonical, f"f{i}b", stop)
    finally:
        out.close()
    return Staged(dict(out.paths), triples)
