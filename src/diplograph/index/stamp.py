"""Which version of its data a store holds: the stamp an index must match to be read.

An index records the version of the store's content it was built from
(:meth:`~diplograph.backends.base.Backend.data_version`); a store whose
version differs, or that cannot say, is not answered from that index (it is
rebuilt, or the questions go to the store).

Examples
--------
>>> from diplograph.backends import open_store
>>> from diplograph.bundled import GRAPH_FILE
>>> store = open_store("memory")
>>> store.load([GRAPH_FILE])
>>> store_version(store).startswith("memory:sha256:")
True
"""

from __future__ import annotations

from ..backends import Backend

__all__ = ["store_version"]


def store_version(store: Backend) -> str | None:
    """The version of the data *store* holds now (its kind, then the store's own version), or None where it cannot tell.

    An Oxigraph store on disk names the data folder a load made
    (``oxigraph:data-<id>``; ``oxigraph:empty`` before the first load), a
    store in memory the files it was loaded from; a SPARQL endpoint, whose
    data others may change at any time, cannot tell.
    """
    version = store.data_version()
    kind = store.spec.partition(":")[0]
    if kind == "oxigraph":
        return f"oxigraph:{version or 'empty'}"
    return None if version is None else f"{kind}:{version}"
