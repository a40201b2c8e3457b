"""SPARQL lint queries over the ontology: none may return a row, and each can fail."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from diplograph.bundled import GRAPH_FILE, ONTOLOGY_DIR, ONTOLOGY_FILE, SHAPES_DIR

LINT = sorted((ONTOLOGY_DIR / "lint").glob("*.rq"))


@pytest.fixture(scope="module")
def combined() -> Graph:
    g = Graph()
    for path in [ONTOLOGY_FILE, *sorted(SHAPES_DIR.glob("*.ttl")), GRAPH_FILE]:
        g.parse(path, format="turtle")
    return g


def test_lint_queries_exist_and_state_their_question() -> None:
    assert len(LINT) >= 5
    for path in LINT:
        assert path.read_text(encoding="utf-8").startswith("# Question: "), path.name


@pytest.mark.parametrize("path", LINT, ids=lambda p: p.stem)
def test_lint_query_returns_no_rows(combined: Graph, path: Path) -> None:
    rows = list(combined.query(path.read_text(encoding="utf-8")))
    assert rows == [], f"{path.name}: {rows[:5]}"


BROKEN = """
@prefix dg: <https://w3id.org/diplograph/ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
dg:Bare a owl:Class .
dg:Lonely a skos:Concept ; skos:inScheme dg:ContactKinds .
<urn:x> dg:neverDeclared <urn:y> .
"""

EXPECTED = {
    "unlabelled-terms": "Bare",
    "uncommented-terms": "Bare",
    "undefined-by": "Bare",
    "undeclared-terms": "neverDeclared",
    "unmapped-kinds": "Lonely",
    "orphan-concepts": None,
}


@pytest.mark.parametrize("path", LINT, ids=lambda p: p.stem)
def test_lint_query_catches_a_broken_term(combined: Graph, path: Path) -> None:
    broken = Graph()
    broken.parse(data=BROKEN, format="turtle")
    if path.stem == "orphan-concepts":
        broken.parse(data="@prefix dg: <https://w3id.org/diplograph/ns#> . "
                          "@prefix skos: <http://www.w3.org/2004/02/skos/core#> . dg:Stray a skos:Concept .",
                     format="turtle")
        expected = "Stray"
    else:
        expected = EXPECTED[path.stem]
    rows = list((combined + broken).query(path.read_text(encoding="utf-8")))
    assert any(expected in str(r[0]) for r in rows), rows
