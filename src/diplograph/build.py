"""Build the knowledge graph from the registry and the annotations.

The pipeline: registry + annotations (validated on load) → RDF mapping →
SHACL validation → atomic write. Nothing is written unless every step passed,
so a bad annotation leaves the previously built graph untouched.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from .annotation import Annotation, load_annotation
from .bundled import GRAPH_DIR
from .errors import StoreError
from .graphfiles import write_graph
from .mapping import map_annotations
from .registry import Registry
from .validate import Report, validate
from .vocab import DG, OA, ORG, RDF, SDO

__all__ = ["BuildResult", "build", "summarize"]

log = logging.getLogger(__name__)


@dataclass
class BuildResult:
    """What a build produced."""

    graph: Graph
    annotations: list[Annotation]
    report: Report | None
    outputs: list[Path] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, int]:
        return summarize(self.graph)


def summarize(graph: Graph) -> dict[str, int]:
    """Counts of the main kinds of node in *graph*, and of its triples."""
    types = Counter(o for o in graph.objects(None, RDF.type))
    return {
        "triples": len(graph),
        "sources": types[SDO.NewsArticle],
        "contacts": types[DG.Contact],
        "planned contacts": types[DG.PlannedContact],
        "claims": types[DG.Claim],
        "posts": types[ORG.Membership],
        "people": types[SDO.Person],
        "organisations and countries": types[ORG.FormalOrganization],
        "evidence quotes": types[OA.Annotation],
    }


def build(graph_dir: str | Path = GRAPH_DIR, output: str | Path | None = None, *, check: bool = True,
          write: bool = True) -> BuildResult:
    """Build the graph of every annotation in *graph_dir*.

    Parameters
    ----------
    graph_dir : path
        A folder holding ``registry.yaml``, ``annotations/*.yaml`` and the
        source texts they name.
    output : path, optional
        Where to write the graph (default ``graph_dir/diplograph.ttl``); the
        suffix chooses the format.
    check : bool
        Validate with the SHACL shapes (violations stop the build).
    write : bool
        Write the output file (atomically).

    Returns
    -------
    BuildResult

    Raises
    ------
    AnnotationError, RegistryError, UnknownEntityError, ShapeViolationError, StoreError
        Nothing is written when any is raised.
    """
    gdir = Path(graph_dir)
    registry = Registry.read(gdir / "registry.yaml")
    paths = sorted((gdir / "annotations").glob("*.yaml"))
    if not paths:
        raise StoreError(f"{gdir / 'annotations'}: no annotation files (*.yaml)")
    annotations = [load_annotation(p, registry) for p in paths]
    graph = map_annotations(annotations, registry)
    report = None
    if check:
        report = validate(graph)
        report.raise_for_violations()
    result = BuildResult(graph, annotations, report)
    if write:
        target = Path(output) if output is not None else gdir / "diplograph.ttl"
        write_graph(graph, target)
        result.outputs.append(target)
        log.info("wrote %s (%d triples)", target, len(graph))
    return result
