"""Where the graph is kept: in memory, in an Oxigraph folder, or on a SPARQL server.

One interface, :class:`~diplograph.backends.base.Backend`, three stores:

==========================  ===================================================
spec                        store
==========================  ===================================================
``memory``                  Oxigraph in memory (the default)
``oxigraph:PATH``           embedded Oxigraph on disk, persistent, atomic loads
``sparql:URL``              any SPARQL 1.1 Query + Update endpoint
==========================  ===================================================

Examples
--------
>>> store = open_store("memory")
>>> store.spec
'memory'
>>> open_store("mysql:db")
Traceback (most recent call last):
...
diplograph.errors.StoreError: unknown store 'mysql:db'; use memory, oxigraph:PATH or sparql:URL
"""

from __future__ import annotations

from typing import Any

from ..errors import StoreError
from .base import Backend, QueryResult, inject_values, query_form

__all__ = ["Backend", "QueryResult", "inject_values", "open_store", "query_form"]


def open_store(spec: str | Backend, *, create: bool = False, read_only: bool = False, **options: Any) -> Backend:
    """Open the store a ``--store`` spec names.

    Parameters
    ----------
    spec : str or Backend
        ``memory``, ``oxigraph:PATH`` or ``sparql:URL`` (a backend is returned as is).
    create : bool
        For Oxigraph: make the store when the folder holds none (without
        it, such a folder is an error naming it, with near matches).
    read_only : bool
        For Oxigraph: never write (loads are refused; a read-only folder can be opened).
    **options
        Passed to a SPARQL endpoint: ``graph``, ``update_url``, ``gsp_url``, ``timeout``, ``auth``.

    Raises
    ------
    StoreError
        Unknown kind of store, no store at an Oxigraph path, or the store cannot be opened.
    """
    if isinstance(spec, Backend):
        return spec
    kind, _, rest = spec.partition(":")
    if spec == "memory":
        from .memory import MemoryBackend

        return MemoryBackend()
    if kind == "oxigraph" and rest:
        from .oxigraph import OxigraphBackend

        return OxigraphBackend(rest, read_only=read_only, create=create)
    if kind == "sparql" and rest:
        from .remote import SparqlBackend

        keep = {k: v for k, v in options.items() if k in ("graph", "update_url", "gsp_url", "timeout", "auth")}
        return SparqlBackend(rest, **keep)
    raise StoreError(f"unknown store {spec!r}; use memory, oxigraph:PATH or sparql:URL")
