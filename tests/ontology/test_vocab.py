"""The closed namespace matches the ontology; vocabularies stay in step."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDFS, SKOS

from diplograph.annotation.model import BOUNDS, CONTACT_KINDS, HEDGES, MEDIA, PLAN_STATUSES, ROLE_TYPES
from diplograph.bundled import ONTOLOGY_FILE
from diplograph.mapping import KIND_LABELS
from diplograph.vocab import DG, ONTOLOGY_IRI
from diplograph.vocab.generate import default_paths, render


@pytest.fixture(scope="module")
def ontology() -> Graph:
    g = Graph()
    g.parse(ONTOLOGY_FILE, format="turtle")
    return g


def test_generated_namespace_does_not_drift() -> None:
    ontology_path, module_path = default_paths()
    assert module_path.read_text(encoding="utf-8") == render(ontology_path), (
        "run: python -m diplograph.vocab.generate")


def test_namespace_is_closed() -> None:
    with pytest.raises(AttributeError):
        _ = DG.Contakt


def test_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, OWL.versionIRI, None) in ontology
    assert ontology.value(ONTOLOGY_IRI, URIRef("http://purl.org/dc/terms/license")) is not None


def _scheme(ontology: Graph, scheme: URIRef) -> set[str]:
    return {str(c).rsplit("#", 1)[1] for c in ontology.subjects(SKOS.inScheme, scheme)}


def test_annotation_vocabularies_match_the_ontology(ontology: Graph) -> None:
    assert set(CONTACT_KINDS) == _scheme(ontology, DG.ContactKinds)
    assert set(PLAN_STATUSES) == _scheme(ontology, DG.PlanStatuses)
    assert set(BOUNDS) == _scheme(ontology, DG.DurationBounds)
    assert set(HEDGES) == _scheme(ontology, DG.Hedges)
    assert set(MEDIA) == _scheme(ontology, DG.Media)
    assert set(ROLE_TYPES.values()) == _scheme(ontology, DG.RoleTypes)


def test_kind_labels_match_the_ontology(ontology: Graph) -> None:
    for kind, (en, ar) in KIND_LABELS.items():
        labels = {(str(lit), lit.language) for lit in ontology.objects(DG[kind], RDFS.label)}
        assert (en, "en") in labels and (ar, "ar") in labels, kind


def test_every_kind_maps_to_cameo_and_plover(ontology: Graph) -> None:
    rows = ontology.query("""
        PREFIX dg: <https://w3id.org/diplograph/ns#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?kind ?notation WHERE {
          ?kind skos:inScheme dg:ContactKinds ; skos:exactMatch|skos:closeMatch|skos:broadMatch ?c .
          ?c skos:inScheme dg:CAMEO ; skos:notation ?notation }""")
    cameo = {str(r[0]).rsplit("#", 1)[1]: str(r[1]) for r in rows if str(r[0]).endswith("phoneCall")}
    assert cameo == {"phoneCall": "041"}
