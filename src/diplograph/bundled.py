"""Where the project's data lives: ontology, shapes, queries, the seed graph.

In a source checkout (or an editable install) these are the top-level
``ontology/`` and ``graph/`` folders; an installed wheel carries copies under
``diplograph/_data/``.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "ANNOTATIONS_DIR",
    "GRAPH_DIR",
    "GRAPH_FILE",
    "ONTOLOGY_DIR",
    "ONTOLOGY_FILE",
    "QUERIES_DIR",
    "REGISTRY_FILE",
    "SHAPES_DIR",
]

_HERE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    packaged = _HERE / "_data" / name
    if packaged.is_dir():
        return packaged
    return _HERE.parents[1] / name


ONTOLOGY_DIR = _data_dir("ontology")
ONTOLOGY_FILE = ONTOLOGY_DIR / "diplograph.ttl"
SHAPES_DIR = ONTOLOGY_DIR / "shapes"
GRAPH_DIR = _data_dir("graph")
GRAPH_FILE = GRAPH_DIR / "diplograph.ttl"
REGISTRY_FILE = GRAPH_DIR / "registry.yaml"
ANNOTATIONS_DIR = GRAPH_DIR / "annotations"
QUERIES_DIR = _HERE / "queries"
