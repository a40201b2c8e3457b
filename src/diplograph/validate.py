"""SHACL validation of built graphs.

Shapes live in ``ontology/shapes/``: ``violations.ttl`` (a graph breaking
these is not built) and ``warnings.ttl`` (warnings and notes, reported only).
The ontology is mixed in so that ``sh:class`` sees subclasses.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef
from rdflib.term import Node

from .bundled import ONTOLOGY_FILE, SHAPES_DIR
from .errors import ShapeViolationError
from .vocab import RDF, RDFS, SH

__all__ = ["Finding", "Report", "validate"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, order=True)
class Finding:
    """One validation result: severity, focus node, path and message."""

    severity: str  # "Violation" | "Warning" | "Info"
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        path = f" [{self.path}]" if self.path else ""
        return f"{self.severity}: {self.focus}{path}: {self.message}"


@dataclass
class Report:
    """The outcome of validating a graph."""

    findings: list[Finding] = field(default_factory=list)

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Warning"]

    @property
    def infos(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Info"]

    @property
    def conforms(self) -> bool:
        """True when there is no violation (warnings do not count)."""
        return not self.violations

    def raise_for_violations(self) -> None:
        """Raise :class:`ShapeViolationError` listing the violations, if any."""
        if self.violations:
            shown = "\n  ".join(str(v) for v in self.violations[:20])
            more = f"\n  ... and {len(self.violations) - 20} more" if len(self.violations) > 20 else ""
            raise ShapeViolationError(
                f"the graph breaks {len(self.violations)} SHACL constraint(s):\n  {shown}{more}",
                [str(v) for v in self.violations],
            )


_shapes_cache: dict[tuple[str, ...], Graph] = {}
_ontology_cache: dict[str, Graph] = {}


def _shapes(paths: tuple[str, ...]) -> Graph:
    if paths not in _shapes_cache:
        g = Graph()
        for p in paths:
            g.parse(p, format="turtle")
        _shapes_cache[paths] = g
    return _shapes_cache[paths]


def _ontology(path: str) -> Graph:
    if path not in _ontology_cache:
        g = Graph()
        g.parse(path, format="turtle")
        # only the class and property hierarchy is needed for sh:class checks
        hierarchy = Graph()
        for triple in g.triples((None, RDFS.subClassOf, None)):
            hierarchy.add(triple)
        _ontology_cache[path] = hierarchy
    return _ontology_cache[path]


def _short(node: Node | None, graph: Graph) -> str:
    if node is None:
        return ""
    if isinstance(node, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(node)
        except Exception:  # pragma: no cover - rdflib refuses some IRIs
            return str(node)
    return str(node)


@contextmanager
def _parse_each_query_once() -> Iterator[None]:
    """While pyshacl runs, let rdflib parse each SPARQL constraint once instead of once per focus node.

    pyshacl hands rdflib the same constraint text for every focus node, and
    rdflib parses it afresh each time, which was most of the time a
    validation took (docs/scale.md, "Cold start"). The translated query is cached by its
    text, base and namespaces, and rdflib's own method is put back afterwards.
    """
    from rdflib.plugins.sparql import processor
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    original = processor.SPARQLProcessor.query
    cache: dict[tuple[str, str | None, tuple[tuple[str, str], ...]], Any] = {}

    def query(self: Any, str_or_query: Any, initBindings: Any = None, initNs: Any = None,
              base: str | None = None, DEBUG: bool = False) -> Any:
        if isinstance(str_or_query, str):
            key = (str_or_query, base, tuple(sorted((str(k), str(v)) for k, v in (initNs or {}).items())))
            if key not in cache:
                cache[key] = translateQuery(parseQuery(str_or_query), base, initNs)
            str_or_query = cache[key]
        return original(self, str_or_query, initBindings, initNs, base, DEBUG)

    processor.SPARQLProcessor.query = query  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        processor.SPARQLProcessor.query = original  # type: ignore[method-assign]


def validate(graph: Graph, shapes: list[Path] | None = None, ontology: Path | None = ONTOLOGY_FILE) -> Report:
    """Validate *graph* against the SHACL shapes.

    Parameters
    ----------
    graph : rdflib.Graph
        The data graph.
    shapes : list of Path, optional
        Shape files; by default every ``*.ttl`` in ``ontology/shapes/``.
    ontology : Path, optional
        The ontology whose class hierarchy is mixed in; None to leave it out.

    Returns
    -------
    Report
        All findings, violations first.
    """
    import pyshacl  # heavy import: only when validating

    shape_paths = tuple(str(p) for p in (shapes if shapes is not None else sorted(SHAPES_DIR.glob("*.ttl"))))
    with _parse_each_query_once():
        _conforms, results, _text = pyshacl.validate(
            graph,
            shacl_graph=_shapes(shape_paths),
            ont_graph=_ontology(str(ontology)) if ontology is not None else None,
            inference="none",
            advanced=True,
            allow_warnings=True,
            abort_on_first=False,
        )
    findings: list[Finding] = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = results.value(result, SH.resultSeverity)
        sev = str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation"
        message = results.value(result, SH.resultMessage)
        findings.append(
            Finding(
                severity=sev,
                focus=_short(results.value(result, SH.focusNode), graph),
                path=_short(results.value(result, SH.resultPath), graph),
                message=str(message) if message is not None else "constraint not met",
            )
        )
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    findings.sort(key=lambda f: (order.get(f.severity, 3), f.focus, f.path, f.message))
    log.debug("validated %d triples: %d findings", len(graph), len(findings))
    return Report(findings)
