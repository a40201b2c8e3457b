"""Generate :mod:`diplograph.vocab._dg` from the ontology.

Run ``python -m diplograph.vocab.generate`` after changing
``ontology/diplograph.ttl``; a test fails when the two drift apart.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import Graph, URIRef

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


def render(ontology: Path) -> str:
    """Return the source of the namespace module for *ontology*."""
    g = Graph()
    g.parse(ontology, format="turtle")
    terms = sorted(
        {str(s)[len(NS):] for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(NS)}
    )
    lines = [f"    {t}: URIRef\n" for t in terms]
    return HEADER + "".join(lines)


def default_paths() -> tuple[Path, Path]:
    """The ontology file and the module it generates, in a source checkout."""
    here = Path(__file__).resolve().parent
    return here.parents[2] / "ontology" / "diplograph.ttl", here / "_dg.py"


def main() -> int:
    ontology, target = default_paths()
    source = render(ontology)
    tmp = target.with_suffix(".py.tmp")
    tmp.write_text(source, encoding="utf-8")
    tmp.replace(target)
    print(f"wrote {target} ({source.count(': URIRef')} terms)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
