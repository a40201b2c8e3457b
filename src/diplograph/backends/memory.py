"""The in-memory store (the default): an Oxigraph store held in memory.

Every query runs on Oxigraph's engine, as on the on-disk store; a load
parses every file into a fresh store and swaps it in only once all parsed,
so a bad file leaves the data as it was. An rdflib graph given at creation
is copied in.

Examples
--------
>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph()
>>> _ = g.add((URIRef("urn:x"), URIRef("urn:p"), Literal("hello")))
>>> b = MemoryBackend(g)
>>> result = b.execute("SELECT ?o WHERE { ?s <urn:p> ?o }", {"s": URIRef("urn:x")})
>>> [str(row[0]) for row in result.rows]
['hello']
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from .oxigraph import OxigraphEngine, checked_files, load_file, to_ox

__all__ = ["MemoryBackend"]

log = logging.getLogger(__name__)


class MemoryBackend(OxigraphEngine):
    """An Oxigraph store in memory (the default store).

    Parameters
    ----------
    graph : rdflib.Graph, optional
        Triples to start with (copied); an empty store when omitted.
    """

    spec = "memory"

    def __init__(self, graph: Graph | None = None):
        self._store: Any = ox.Store()
        self._version = _digest([])
        if graph is not None:
            self._store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.DefaultGraph()) for s, p, o in graph)
            self._version = f"graph:{uuid.uuid4().hex}"

    def _current(self) -> Any:
        return self._store

    def data_version(self) -> str:
        """``sha256:`` and the digest of the files loaded, in order (``graph:<id>`` for a copied rdflib graph).

        Examples
        --------
        >>> from diplograph.bundled import GRAPH_FILE
        >>> a, b = MemoryBackend(), MemoryBackend()
        >>> a.load([GRAPH_FILE]); b.load([GRAPH_FILE])
        >>> a.data_version() == b.data_version() != MemoryBackend().data_version()
        True
        """
        return self._version

    def load(self, paths: Sequence[Path]) -> None:
        files = checked_files(paths)
        fresh = ox.Store()
        for p in files:  # on any error the current store is left as it was
            load_file(fresh, p)
            log.debug("loaded %s into memory", p)
        self._store, self._version = fresh, _digest(files)


def _digest(files: Sequence[Path]) -> str:
    whole = hashlib.sha256()
    for p in files:
        with p.open("rb") as fh:
            whole.update(hashlib.file_digest(fh, "sha256").digest())
    return f"sha256:{whole.hexdigest()}"
