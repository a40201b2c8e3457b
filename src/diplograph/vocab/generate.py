"""Generate :mod:`diplograph.vocab._dg` from the ontology.

Run ``python -m diplograph.vocab.generate`` after changing
``ontology/diplograph.ttl``; a test fails when the two drift apart. As in
rdflib's own generated namespaces, terms are grouped by their type (classes,
object properties, datatype properties, concept schemes, concepts), each
with its ``rdfs:comment`` (or ``skos:definition``) beside it.

Examples
--------
>>> from diplograph.bundled import ONTOLOGY_FILE
>>> source = render(ONTOLOGY_FILE)
>>> "    # http://www.w3.org/2002/07/owl#Class" in source
True
>>> [line.split("#")[0].strip() for line in source.splitlines() if line.strip().startswith("Contact:")]
['Contact: URIRef']
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import OWL

from ..atomic import write_atomic

__all__ = ["default_paths", "main", "render"]

NS = "https://w3id.org/diplograph/ns#"

HEADER = '''"""The diplograph ontology's terms as a closed namespace.

Generated from ontology/diplograph.ttl by ``python -m diplograph.vocab.generate``;
do not edit by hand.
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class DG(DefinedNamespace):
    """diplograph: an ontology of reported political contacts."""

    _fail = True
    _NS = Namespace("https://w3id.org/diplograph/ns#")
'''

#: The groups terms are listed in, by the type that puts a term there (the first that matches).
GROUPS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.ConceptScheme, SKOS.Concept)


def _comment(g: Graph, term: URIRef) -> str:
    for prop in (RDFS.comment, SKOS.definition):
        values = sorted((o for o in g.objects(term, prop) if isinstance(o, Literal)),
                        key=lambda o: (o.language not in (None, "en"), str(o)))
        if values:
            return " ".join(str(values[0]).split())
    return ""


def _group(g: Graph, term: URIRef) -> URIRef | None:
    types = set(g.objects(term, RDF.type))
    return next((t for t in GROUPS if t in types), None)


def render(ontology: Path) -> str:
    """Return the source of the namespace module for *ontology*."""
    g = Graph()
    g.parse(ontology, format="turtle")
    terms = sorted({s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(NS) and str(s) != NS},
                   key=str)
    grouped: dict[URIRef | None, list[URIRef]] = {}
    for term in terms:
        grouped.setdefault(_group(g, term), []).append(term)
    out = [HEADER]
    for group in (*GROUPS, None):
        if group not in grouped:
            continue
        out.append(f"\n    # {group if group is not None else 'other terms'}\n")
        for term in grouped[group]:
            comment = _comment(g, term)
            out.append(f"    {str(term)[len(NS):]}: URIRef" + (f"  # {comment}" if comment else "") + "\n")
    return "".join(out)


def default_paths() -> tuple[Path, Path]:
    """The ontology file and the module it generates, in a source checkout."""
    here = Path(__file__).resolve().parent
    return here.parents[2] / "ontology" / "diplograph.ttl", here / "_dg.py"


def main() -> int:
    ontology, target = default_paths()
    source = render(ontology)
    write_atomic(target, source.encode("utf-8"))
    print(f"wrote {target} ({source.count(': URIRef')} terms)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
