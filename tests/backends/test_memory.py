"""The in-memory store is Oxigraph's engine: what rdflib's memory store got wrong is gone."""

from __future__ import annotations

from pathlib import Path

import pytest

import diplograph as dg
from diplograph.backends.memory import MemoryBackend


def test_a_long_literal_loads_whole(tmp_path: Path) -> None:
    # rdflib parsed N-Triples literals in quadratic time (4 MB: 80 s); Oxigraph reads them in one pass
    data = tmp_path / "long.nt"
    data.write_text(f'<urn:a> <urn:p> "{"x" * 4_000_000}" .\n', encoding="utf-8")
    kg = dg.load(data, ontology=False)
    (row,) = kg.query("SELECT ?o WHERE { ?s ?p ?o }")
    assert len(row["o"]) == 4_000_000


@pytest.mark.parametrize(("name", "text"), [
    ("space.nt", "<urn:a> <urn:p> <http://exa mple.org/x> .\n"),
    ("brace.ttl", "<urn:a> <urn:p> <http://example.org/{x}> .\n"),
])
def test_an_invalid_iri_is_refused_naming_file_and_line(tmp_path: Path, name: str, text: str) -> None:
    data = tmp_path / name
    data.write_text(text, encoding="utf-8")
    with pytest.raises(dg.StoreError, match=rf"{name}: does not parse .*Invalid IRI code point.*line 1"):
        dg.load(data, ontology=False)


def test_named_graph_queries_are_answered_not_crashed() -> None:
    # rdflib's memory store answered GRAPH and FROM NAMED with a 500 and its internal exception text
    store = MemoryBackend()
    store.load([Path(dg.bundled.GRAPH_FILE)])
    assert store.execute("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }").rows is not None
    assert list(store.execute("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows) == []
    with pytest.raises(dg.QueryError, match="SPARQL syntax error"):
        store.execute('SELECT ?x WHERE { BIND ("\\uD800" AS ?x) }')
