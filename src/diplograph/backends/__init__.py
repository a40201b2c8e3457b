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

from ..errors import StoreError, near_matches
from .base import Backend, QueryResult, inject_values, query_form

__all__ = ["Backend", "QueryResult", "inject_values", "open_store", "query_form", "unknown_store"]

_KINDS = ("memory", "oxigraph", "sparql")


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
    raise unknown_store(spec)


def unknown_store(spec: str) -> StoreError:
    """The error for a ``--store`` spec that names no kind of store, with the spec it was likely meant as.

    Examples
    --------
    >>> print(unknown_store("oxigrap:/tmp/s"))
    unknown store 'oxigrap:/tmp/s'; did you mean 'oxigraph:/tmp/s'? (use memory, oxigraph:PATH or sparql:URL)
    >>> print(unknown_store("memroy"))
    unknown store 'memroy'; did you mean 'memory'? (use memory, oxigraph:PATH or sparql:URL)
    >>> print(unknown_store("oxigraph:"))
    unknown store 'oxigraph:'; oxigraph needs a folder: oxigraph:PATH
    """
    kind, _, rest = spec.partition(":")
    if kind in ("oxigraph", "sparql") and not rest:
        what = "a folder: oxigraph:PATH" if kind == "oxigraph" else "an endpoint: sparql:URL"
        return StoreError(f"unknown store {spec!r}; {kind} needs {what}")
    close = near_matches(kind, _KINDS, n=1)
    if close and close[0] != kind:
        meant = close[0] if close[0] == "memory" else f"{close[0]}:{rest}"
        return StoreError(f"unknown store {spec!r}; did you mean {meant!r}? (use memory, oxigraph:PATH or sparql:URL)")
    return StoreError(f"unknown store {spec!r}; use memory, oxigraph:PATH or sparql:URL")
