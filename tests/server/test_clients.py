"""Real SPARQL clients against the running endpoint get what the embedded API returns."""

from __future__ import annotations

from typing import Any

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, XML, SPARQLWrapper

from diplograph.kg import KnowledgeGraph
from diplograph.query import named_queries

from ..backends.compare import normal_rows

NAMES = sorted(named_queries())


def _term(cell: dict[str, str]) -> Any:
    if cell["type"] == "uri":
        return URIRef(cell["value"])
    if cell["type"] == "bnode":
        return BNode(cell["value"])
    if "xml:lang" in cell:
        return Literal(cell["value"], lang=cell["xml:lang"])
    return Literal(cell["value"], datatype=URIRef(cell["datatype"]) if "datatype" in cell else None)


def expected(kg: KnowledgeGraph, name: str) -> list[tuple[Any, ...]]:
    rows = kg.query(name)
    assert len(rows), f"{name} has no rows on the seed graph"
    return normal_rows(rows.vars, rows.raw, named_queries()[name].text)


@pytest.mark.parametrize("name", NAMES)
def test_sparqlwrapper_json(name: str, endpoint: str, kg: KnowledgeGraph) -> None:
    client = SPARQLWrapper(endpoint)
    client.setQuery(named_queries()[name].text)
    client.setReturnFormat(JSON)
    doc = client.query().convert()
    variables = doc["head"]["vars"]
    rows = [{v: _term(b[v]) for v in variables if v in b} for b in doc["results"]["bindings"]]
    assert variables == kg.query(name).vars
    assert normal_rows(variables, rows, named_queries()[name].text) == expected(kg, name)


@pytest.mark.parametrize("name", ["contacts", "entities"])
def test_sparqlwrapper_xml_with_post(name: str, endpoint: str, kg: KnowledgeGraph) -> None:
    client = SPARQLWrapper(endpoint)
    client.setQuery(named_queries()[name].text)
    client.setMethod("POST")
    client.setReturnFormat(XML)
    doc = client.query().convert()
    assert len(doc.getElementsByTagName("result")) == len(kg.query(name))


@pytest.mark.parametrize("name", NAMES)
def test_rdflib_sparqlstore(name: str, endpoint: str, kg: KnowledgeGraph) -> None:
    remote = Graph(store=SPARQLStore(endpoint, returnFormat="json"))
    result = remote.query(named_queries()[name].text)
    variables = [str(v) for v in result.vars or []]
    rows = [{v: row[i] for i, v in enumerate(variables)} for row in result]  # type: ignore[index]
    assert normal_rows(variables, rows, named_queries()[name].text) == expected(kg, name)
