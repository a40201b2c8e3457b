"""Which version of its data a store holds: the stamp an index must match to be read.

An index records the version of the store's content it was built from; a
store whose version differs, or that cannot say, is not answered from that
index (it is rebuilt, or the questions go to the store).

Examples
--------
>>> from diplograph.backends import open_store
>>> store_version(open_store("memory")) is None
True
"""

from __future__ import annotations

from ..backends import Backend

__all__ = ["store_version"]


def store_version(store: Backend) -> str | None:
    """The version of the data *store* holds now, or None where the store cannot tell.

    An Oxigraph store on disk replaces its data whole at every load, into a
    new data folder named once: that name is its version. A store in memory
    and a SPARQL endpoint cannot say which version they hold.
    """
    from ..backends.oxigraph import OxigraphBackend

    if isinstance(store, OxigraphBackend):
        folder = store.current_folder()
        return f"oxigraph:{folder.name if folder is not None else 'empty'}"
    return None
