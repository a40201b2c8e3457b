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

import logging
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
        if graph is not None:
            self._store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.DefaultGraph()) for s, p, o in graph)

    def _current(self) -> Any:
        return self._store

    def load(self, paths: Sequence[Path]) -> None:
        files = checked_files(paths)
        fresh = ox.Store()
        for p in files:  # on any error the current store is left as it was
            load_file(fresh, p)
            log.debug("loaded %s into memory", p)
        self._store = fresh
