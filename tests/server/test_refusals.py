"""Queries the endpoint will not run get a clean 400 or 403 naming why, on every store, never a 500."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

REFUSED = [
    # (query, status, what the message says)
    ('SELECT * WHERE { ?s ?p "\\uD800" }', 400, "names no character"),
    ("SELECT * WHERE { ?s ?p ?o FILTER(?o = \"\\U0010FFFF\\uDFFF\") }", 400, "names no character"),
    ("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", 400, "GRAPH is refused"),
    ("ASK { GRAPH <urn:x:g> { ?s ?p ?o } }", 400, "GRAPH is refused"),
    ("SELECT * FROM NAMED <urn:x:g> WHERE { GRAPH ?g { ?s ?p ?o } }", 400, "FROM and FROM NAMED are refused"),
    ("SELECT * FROM <urn:x:g> WHERE { ?s ?p ?o }", 400, "FROM and FROM NAMED are refused"),
    ("SELECT * WHERE { # a comment\r SERVICE <http://127.0.0.1:9/> { ?s ?p ?o }\n }", 400, "carriage return"),
    ("SELECT * WHERE { # a comment\u2028 ?s ?p ?o\n }", 400, "U+2028"),
    ("SELECT * WHERE { ?s\u00a0?p ?o }", 400, "U+00A0"),
    ("SELECT * WHERE { ?s ?p ?o }\u202e", 400, "U+202E"),
    ("SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", 400, "SERVICE is refused"),
    ("PREFIX from: <urn:x:> SELECT * WHERE { ?s from:p ?o }", 400, "FROM and FROM NAMED are refused"),
    ("SELECT * WHERE { ?s ?p ?x.SERVICE <http://127.0.0.1:9/> { ?a ?b ?c } }", 400, "SERVICE is refused"),
    ('PREFIX bif: <bif:> SELECT (bif:http_get("http://127.0.0.1:9/") AS ?x) {}', 400, "bif:"),
    ('SELECT (<urn:x:f>("a") AS ?x) {}', 400, "the function <urn:x:f> is refused"),
    ('DEFINE get:soft "replace" SELECT * FROM <http://127.0.0.1:9/> WHERE { ?s ?p ?o }', 400, "DEFINE"),
    ("SELECT * WHERE { ?s ?p ?o } \\u005Cu0041", 400, "\\u"),
    ("LOAD <http://127.0.0.1:9/>", 403, "read-only"),
    ("CLEAR DEFAULT", 403, "read-only"),
]


@pytest.mark.parametrize(("query", "status", "says"), REFUSED)
def test_refused_cleanly_on_every_store(store_clients: dict[str, TestClient], query: str, status: int,
                                        says: str) -> None:
    for name, client in store_clients.items():
        r = client.get("/sparql", params={"query": query})
        assert (r.status_code, name) == (status, name), r.text
        assert says in r.text, (name, r.text)
        assert "Error" not in r.text and "Traceback" not in r.text, (name, r.text)


def test_names_that_merely_look_like_keywords_are_answered(store_clients: dict[str, TestClient]) -> None:
    query = ('SELECT ?from ?graph ?service WHERE { ?from a ?graph . BIND("SERVICE <http://x/> FROM" AS ?service) '
             "} LIMIT 1 # FROM <file:///etc/passwd>")
    for name, client in store_clients.items():
        r = client.get("/sparql", params={"query": query})
        assert r.status_code == 200, (name, r.text)
        assert r.json()["results"]["bindings"][0]["service"]["value"] == "SERVICE <http://x/> FROM"


def test_strings_mean_the_same_on_every_store(store_clients: dict[str, TestClient]) -> None:
    """Escapes, tabs and quotes in strings reach every engine as the same characters."""
    query = "SELECT ?x WHERE { BIND('it\\'s\\t\"\\u0645\"\t' AS ?x) }"
    for name, client in store_clients.items():
        r = client.get("/sparql", params={"query": query})
        assert r.status_code == 200, (name, r.text)
        assert r.json()["results"]["bindings"][0]["x"]["value"] == 'it\'s\t"\u0645"\t', name


def test_a_surrogate_sent_as_utf_8_bytes_is_read_as_a_replacement_character(
        store_clients: dict[str, TestClient]) -> None:
    for name, client in store_clients.items():
        r = client.get("/sparql?query=SELECT%20(%22%ED%A0%80%22%20AS%20%3Fx)%20%7B%7D")
        assert r.status_code == 200, (name, r.text)
        assert set(r.json()["results"]["bindings"][0]["x"]["value"]) == {"\ufffd"}, name
