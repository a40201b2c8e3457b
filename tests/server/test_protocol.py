"""The SPARQL 1.1 Protocol cases that apply to a read-only endpoint (after the W3C protocol tests)."""

from __future__ import annotations

import json

import httpx
import pytest
from rdflib import Graph

from diplograph.kg import KnowledgeGraph
from diplograph.query import named_queries

SELECT = "SELECT ?s WHERE { ?s a <https://schema.org/Person> } ORDER BY ?s LIMIT 3"
ASK = "ASK { ?s a <https://schema.org/Person> }"
CONSTRUCT = ("CONSTRUCT { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } "
             "WHERE { ?s a <https://schema.org/Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }")
DESCRIBE = "DESCRIBE <https://w3id.org/diplograph/id/person/donald-trump>"


def test_query_via_get(endpoint: str) -> None:
    r = httpx.get(endpoint, params={"query": SELECT})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    assert len(r.json()["results"]["bindings"]) == 3


def test_query_via_form_post_and_direct_post(endpoint: str) -> None:
    a = httpx.post(endpoint, data={"query": SELECT})
    b = httpx.post(endpoint, content=SELECT.encode(), headers={"Content-Type": "application/sparql-query"})
    assert a.status_code == b.status_code == 200
    assert a.json() == b.json()


@pytest.mark.parametrize(("accept", "media"), [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/csv;q=0.2, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ("*/*", "application/sparql-results+json"),
])
def test_select_content_negotiation(endpoint: str, accept: str, media: str) -> None:
    r = httpx.get(endpoint, params={"query": SELECT}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == media
    if media == "text/csv":
        assert r.text.splitlines()[0] == "s" and len(r.text.splitlines()) == 4
    if media == "text/tab-separated-values":
        assert r.text.splitlines()[0] == "?s" and r.text.splitlines()[1].startswith("<https://")


def test_ask_content_types(endpoint: str) -> None:
    r = httpx.get(endpoint, params={"query": ASK}, headers={"Accept": "application/sparql-results+json"})
    assert r.json() == {"head": {}, "boolean": True}
    r = httpx.get(endpoint, params={"query": ASK}, headers={"Accept": "application/sparql-results+xml"})
    assert "<boolean>true</boolean>" in r.text


@pytest.mark.parametrize(("accept", "fmt"), [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                             ("application/ld+json", "json-ld")])
@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE], ids=["construct", "describe"])
def test_graph_content_types(endpoint: str, kg: KnowledgeGraph, query: str, accept: str, fmt: str) -> None:
    r = httpx.post(endpoint, data={"query": query}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == accept
    got = Graph().parse(data=r.content, format=fmt)
    assert len(got) == len(kg.query(query)) > 0


def test_406_when_nothing_fits(endpoint: str) -> None:
    r = httpx.get(endpoint, params={"query": SELECT}, headers={"Accept": "image/png"})
    assert r.status_code == 406
    r = httpx.get(endpoint, params={"query": CONSTRUCT}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 406
    assert "text/turtle" in r.text


def test_syntax_error_is_400_with_the_parser_message(endpoint: str) -> None:
    r = httpx.get(endpoint, params={"query": "SELECT ?s WHERE { ?s ?p "})
    assert r.status_code == 400
    assert "syntax error" in r.text and "char" in r.text


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_wrong_method(endpoint: str, method: str) -> None:
    assert httpx.request(method, endpoint, params={"query": SELECT}).status_code == 405


def test_duplicate_query_parameter(endpoint: str) -> None:
    assert httpx.get(endpoint + f"?query={SELECT}&query={ASK}").status_code == 400
    assert httpx.post(endpoint, content=f"query={SELECT}&query={ASK}".encode(),
                      headers={"Content-Type": "application/x-www-form-urlencoded"}).status_code == 400


def test_missing_query(endpoint: str) -> None:
    assert httpx.get(endpoint).status_code == 400


@pytest.mark.parametrize("ctype", ["text/plain", "application/json", ""])
def test_wrong_or_missing_media_type(endpoint: str, ctype: str) -> None:
    headers = {"Content-Type": ctype} if ctype else {}
    r = httpx.post(endpoint, content=SELECT.encode(), headers=headers)
    assert r.status_code == 415


def test_non_utf8_direct_post(endpoint: str) -> None:
    r = httpx.post(endpoint, content=SELECT.encode("utf-16"),
                   headers={"Content-Type": "application/sparql-query; charset=UTF-16"})
    assert r.status_code == 415


@pytest.mark.parametrize("update", ["INSERT DATA { <urn:a> <urn:b> <urn:c> }", "CLEAR ALL",
                                    "LOAD <file:///etc/passwd>"])
def test_updates_refused_every_way(endpoint: str, update: str) -> None:
    assert httpx.get(endpoint, params={"update": update}).status_code == 403
    assert httpx.get(endpoint, params={"query": update}).status_code == 403
    assert httpx.post(endpoint, data={"update": update}).status_code == 403
    assert httpx.post(endpoint, content=update.encode(),
                      headers={"Content-Type": "application/sparql-update"}).status_code == 403
    assert httpx.get(endpoint, params={"query": "ASK { <urn:a> <urn:b> <urn:c> }"}).json()["boolean"] is False


def test_dataset_parameters_refused(endpoint: str) -> None:
    r = httpx.get(endpoint, params={"query": SELECT, "default-graph-uri": "file:///etc/passwd"})
    assert r.status_code == 400


def test_no_cors_by_default(endpoint: str) -> None:
    r = httpx.get(endpoint, params={"query": ASK}, headers={"Origin": "http://example.org"})
    assert "access-control-allow-origin" not in r.headers


def test_query_page_is_offline_with_named_queries(server: str) -> None:
    r = httpx.get(server)
    assert r.status_code == 200
    assert "<script src" not in r.text and "<link" not in r.text and "@import" not in r.text
    named = json.loads(httpx.get(server + "queries.json").text)
    assert {q["name"] for q in named} == set(named_queries())
    for q in named:  # every named query is embedded in the page, one button each
        assert json.dumps(q["name"]) in r.text
