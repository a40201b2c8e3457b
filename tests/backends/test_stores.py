"""The same graph on memory, Oxigraph and Virtuoso: same rows for every named query; atomic loads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rdflib import Literal

import diplograph as dg
from diplograph.backends import inject_values, open_store
from diplograph.bundled import GRAPH_FILE, ONTOLOGY_FILE
from diplograph.errors import InvalidArgumentError, QueryError, StoreError
from diplograph.kg import KnowledgeGraph
from diplograph.query import named_queries

from .compare import norm, normal_rows

NAMES = sorted(named_queries())

#: Named queries that take values, with values to bind (entity names are resolved first).
BOUND = [
    ("direct-contacts", {"a": "Trump", "b": "Putin"}),
    ("claims", {"by": "Kremlin"}),
    ("head-posts", {"actor": "Kremlin"}),
    ("posts", {"member": "Trump"}),
    ("negotiating-team", {"appointer": "Trump"}),
    ("roles", {"event": "https://w3id.org/diplograph/id/contact/trump-putin-call-2025-02-13"}),
    ("evidence", {"node": "https://w3id.org/diplograph/id/contact/trump-putin-call-2025-02-13"}),
    ("topics", {"contact": "https://w3id.org/diplograph/id/contact/trump-putin-call-2025-02-13"}),
]


def rows(kg: KnowledgeGraph, name: str, **values: Any) -> list[tuple[Any, ...]]:
    values = {k: v if v.startswith("https://") else kg.resolve(v) for k, v in values.items()}
    result = kg.query(name, **values)
    return normal_rows(result.vars, result.raw, named_queries()[name].text)


@pytest.mark.parametrize("name", NAMES)
def test_oxigraph_gives_the_rows_memory_gives(name: str, memory_kg: KnowledgeGraph,
                                               oxigraph_kg: KnowledgeGraph) -> None:
    expected = rows(memory_kg, name)
    assert expected, f"{name} returns no rows on the seed graph: the comparison would prove nothing"
    assert rows(oxigraph_kg, name) == expected


@pytest.mark.parametrize("name", NAMES)
def test_virtuoso_gives_the_rows_memory_gives(name: str, memory_kg: KnowledgeGraph,
                                               virtuoso_kg: KnowledgeGraph) -> None:
    assert rows(virtuoso_kg, name) == rows(memory_kg, name)


@pytest.mark.parametrize(("name", "values"), BOUND, ids=[n for n, _ in BOUND])
def test_bound_queries_agree_on_every_store(name: str, values: dict[str, str], memory_kg: KnowledgeGraph,
                                            oxigraph_kg: KnowledgeGraph, virtuoso_kg: KnowledgeGraph) -> None:
    expected = rows(memory_kg, name, **values)
    assert expected
    assert len(expected) <= len(memory_kg.query(name))
    assert rows(oxigraph_kg, name, **values) == expected
    assert rows(virtuoso_kg, name, **values) == expected


def test_api_answers_agree(memory_kg: KnowledgeGraph, oxigraph_kg: KnowledgeGraph,
                           virtuoso_kg: KnowledgeGraph) -> None:
    for kg in (oxigraph_kg, virtuoso_kg):
        assert kg.contacts("Trump", "Putin") == memory_kg.contacts("Trump", "Putin")
        assert kg.gaps("White House", "Kremlin") == memory_kg.gaps("White House", "Kremlin")
        assert kg.claims(by="Kremlin") == memory_kg.claims(by="Kremlin")
        assert kg.evidence("trump-putin-call-2019-05-01") == memory_kg.evidence("trump-putin-call-2019-05-01")


def test_a_hostile_value_stays_a_value(memory_kg: KnowledgeGraph, oxigraph_kg: KnowledgeGraph,
                                       virtuoso_kg: KnowledgeGraph) -> None:
    hostile = Literal('x" } } ; DROP ALL ; SELECT * { ?s ?p "')
    for kg in (memory_kg, oxigraph_kg, virtuoso_kg):
        assert len(kg.query("claims", by=hostile)) == 0
        assert len(kg.query("claims")) == 16


def test_values_go_inside_the_where_group() -> None:
    text = 'PREFIX a: <urn:a#> SELECT ?x (COUNT(*) AS ?n) WHERE { ?x a:p "}" } GROUP BY ?x'
    out = inject_values(text, {"y": Literal("}")})
    assert out.startswith('PREFIX a: <urn:a#> SELECT ?x (COUNT(*) AS ?n) WHERE { VALUES (?y) { ("}") }')
    assert out.endswith('?x a:p "}" } GROUP BY ?x')


def test_oxigraph_keeps_its_data_and_loads_atomically(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with dg.load(store=f"oxigraph:{folder}", create=True) as kg:
        before = kg.store.count()
        contacts = kg.contacts()
    bad = tmp_path / "bad.ttl"
    bad.write_text("<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> \"unterminated .\n")
    with dg.load(store=f"oxigraph:{folder}") as kg:  # opened as it was: no load
        assert kg.store.count() == before
        with pytest.raises(StoreError, match=r"bad\.ttl"):
            kg.store.load([GRAPH_FILE, ONTOLOGY_FILE, bad])
        assert kg.store.count() == before
        assert kg.contacts() == contacts
        small = tmp_path / "small.ttl"
        small.write_text("<urn:a> <urn:b> <urn:c> .\n")
        kg.store.load([small])
    with dg.load(store=f"oxigraph:{folder}") as kg:
        assert kg.store.count() == 1
        assert kg.store.has_subject("urn:a")


def test_oxigraph_refuses_rdfxml_and_missing_files(tmp_path: Path) -> None:
    store = open_store(f"oxigraph:{tmp_path / 's'}", create=True)
    try:
        with pytest.raises(StoreError, match="RDF/XML"):
            store.load([tmp_path / "x.rdf"])
        with pytest.raises(StoreError, match="not found"):
            store.load([tmp_path / "missing.ttl"])
    finally:
        store.close()


def test_syntax_errors_are_query_errors(oxigraph_kg: KnowledgeGraph, virtuoso_kg: KnowledgeGraph) -> None:
    for kg in (oxigraph_kg, virtuoso_kg):
        with pytest.raises(QueryError):
            kg.query("SELECT ?x WHERE { ?x ")


def test_unknown_store_kind() -> None:
    with pytest.raises(StoreError, match="unknown store"):
        dg.load(store="postgres:db")


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("oxigrap:/tmp/s", "did you mean 'oxigraph:/tmp/s'?"),
        ("memroy", "did you mean 'memory'?"),
        ("sparq:http://127.0.0.1:1/sparql", "did you mean 'sparql:http://127.0.0.1:1/sparql'?"),
        ("oxigraph:", "oxigraph needs a folder"),
        ("sparql:", "sparql needs an endpoint"),
    ],
)
def test_mistyped_store_names_its_near_match(spec: str, message: str) -> None:
    with pytest.raises(StoreError) as caught:
        open_store(spec)
    assert f"unknown store {spec!r}" in str(caught.value) and message in str(caught.value)


def test_unrelated_store_kind_suggests_nothing() -> None:
    with pytest.raises(StoreError) as caught:
        open_store("postgres:db")
    assert "did you mean" not in str(caught.value)


def test_push_replaces_the_named_graph_whole(virtuoso: Any, tmp_path: Path) -> None:
    from diplograph.backends.remote import SparqlBackend

    remote = SparqlBackend(virtuoso.sparql_url, graph="urn:test:push")
    try:
        remote.load([GRAPH_FILE])
        assert remote.count() > 1000
        small = tmp_path / "small.ttl"
        small.write_text("<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> <urn:d> .\n")
        remote.load([small])
        assert remote.count() == 2
        bad = tmp_path / "bad.ttl"
        bad.write_text("<urn:a> <urn:b> .\n")
        with pytest.raises(StoreError, match=r"bad\.ttl"):
            remote.load([bad])
        assert remote.count() == 2
    finally:
        remote.close()


def test_has_subject(memory_kg: KnowledgeGraph, oxigraph_kg: KnowledgeGraph, virtuoso_kg: KnowledgeGraph) -> None:
    iri = "https://w3id.org/diplograph/id/contact/trump-putin-call-2019-05-01"
    for kg in (memory_kg, oxigraph_kg, virtuoso_kg):
        assert kg.store.has_subject(iri), kg.store.spec
        assert not kg.store.has_subject(iri + "-nope"), kg.store.spec


def test_push_command(virtuoso: Any) -> None:
    from diplograph.backends.remote import SparqlBackend
    from diplograph.cli import main

    assert main(["push", "--to", virtuoso.sparql_url, "--graph", "urn:test:cli"]) == 0
    remote = SparqlBackend(virtuoso.sparql_url, graph="urn:test:cli")
    try:
        assert remote.count() == len(dg.load().graph)
    finally:
        remote.close()
    assert main(["push", "--to", "http://127.0.0.1:9/sparql", "--graph", "urn:test:cli"]) == 7


def test_values_skip_groups_inside_expressions_and_templates() -> None:
    text = "SELECT (EXISTS { ?s ?p ?o } AS ?e) WHERE { ?s ?p ?o }"
    assert inject_values(text, {"s": Literal(1)}).startswith(
        'SELECT (EXISTS { ?s ?p ?o } AS ?e) WHERE { VALUES (?s) { ("1"^^<http://www.w3.org/2001/XMLSchema#integer>) }')
    text = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    assert inject_values(text, {"s": Literal("x")}).startswith('CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?s) { ("x") }')


def test_oxigraph_removes_folders_left_by_a_crashed_load(tmp_path: Path) -> None:
    from diplograph.backends.oxigraph import OxigraphBackend

    store = OxigraphBackend(tmp_path / "s", create=True)
    try:
        store.load([GRAPH_FILE])
        before = store.count()
        first = store.current_folder()
        orphan = tmp_path / "s" / "data-crashed"
        orphan.mkdir()
        (orphan / "000001.sst").write_bytes(b"half written")
        assert store.count() == before  # a folder that is not current is never read
        assert store.data_version() == (first.name if first else None)
        store.load([GRAPH_FILE])
        assert not orphan.exists()
        assert first is not None and not first.exists()  # nobody reads it any more
        assert [p.name for p in (tmp_path / "s").iterdir() if p.is_dir()] == [store.data_version()]
        assert store.count() == before
    finally:
        store.close()


def test_oxigraph_readers_follow_a_load(tmp_path: Path) -> None:
    from diplograph.backends.oxigraph import OxigraphBackend

    small = tmp_path / "small.nt"
    small.write_text("<urn:a> <urn:b> <urn:c> .\n")
    writer = OxigraphBackend(tmp_path / "s", create=True)
    writer.load([small])
    reader = OxigraphBackend(tmp_path / "s", read_only=True)
    try:
        assert reader.count() == 1
        first = reader.data_version()
        writer.load([GRAPH_FILE])
        assert (tmp_path / "s" / str(first)).is_dir()  # the reader still holds it: kept
        assert reader.count() == writer.count() > 100  # the reader moves on at its next question
        assert reader.data_version() == writer.data_version() != first
        writer.load([small])
        assert (tmp_path / "s" / str(first)).is_dir()  # the folder the reader left: a stream may still read it
        assert reader.count() == 1 and reader.has_subject("urn:a")
        writer.load([small])
        assert not (tmp_path / "s" / str(first)).exists()  # nobody holds it any more
        with pytest.raises(StoreError, match="read-only"):
            reader.load([small])
    finally:
        reader.close()
        writer.close()


def test_oxigraph_refuses_a_folder_it_did_not_make(tmp_path: Path) -> None:
    from diplograph.backends.oxigraph import OxigraphBackend

    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "CURRENT").write_text("MANIFEST-000001\n")
    with pytest.raises(StoreError, match="earlier diplograph"):
        OxigraphBackend(tmp_path / "old")
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "diplograph.current").write_text("../elsewhere\n")
    with pytest.raises(StoreError, match="not a data folder"):
        OxigraphBackend(tmp_path / "s")


def test_rdflib_graph_of_another_store(memory_kg: KnowledgeGraph, oxigraph_kg: KnowledgeGraph) -> None:
    # Oxigraph keeps numbers by value: "5"^^xsd:nonNegativeInteger comes back as "5"^^xsd:integer
    assert len(oxigraph_kg.graph) == len(memory_kg.graph)
    assert {tuple(map(norm, t)) for t in oxigraph_kg.graph} == {tuple(map(norm, t)) for t in memory_kg.graph}


def test_several_values_for_one_variable_on_every_store(memory_kg: KnowledgeGraph, oxigraph_kg: KnowledgeGraph,
                                                        virtuoso_kg: KnowledgeGraph) -> None:
    every = sorted(r["contact"] for r in memory_kg.query("contacts"))
    some = every[:3] + every[-2:]
    for kg in (memory_kg, oxigraph_kg, virtuoso_kg):
        got = sorted({r["contact"] for r in kg.query("contacts", contact=some)})
        assert got == sorted(set(some)), kg.store.spec
        assert list(kg.query("contacts", contact=[])) == []  # no values: no rows, not every row
    with pytest.raises(InvalidArgumentError, match=r"\?contact takes an IRI"):
        memory_kg.query("contacts", contact=[object()])


def _no_full_records(*_: Any) -> Any:
    raise AssertionError("every contact's full record was read")


def test_actor_questions_read_only_that_actors_contacts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from diplograph.synth import write

    data = tmp_path / "small.nt"
    write(data, contacts=400, countries=8, seed=3)
    whole = dg.load(data)
    top = max(whole.network().degree, key=lambda nd: (nd[1], nd[0]))[0]
    other = next(iter(whole.network()[top]))
    with dg.load(data, store=f"oxigraph:{tmp_path / 's'}") as kg:
        with monkeypatch.context() as m:  # nothing but the two actors' contacts may be read
            m.setattr(kg.source, "all_contacts", _no_full_records)
            answers = [kg.contacts(top), kg.contacts(top, other, since=1995), kg.planned(top), kg.timeline(other),
                       kg.rhythm(top, other).as_dict()]
        assert 0 < len(answers[0]) < len(whole.contacts())
        assert [c.iri for c in answers[0]] == [c.iri for c in whole.contacts(top)]  # the same as in memory
        assert answers[-1] == whole.rhythm(top, other).as_dict()
        kg.source.all_contacts()  # now every contact is read, and the same questions filter them
        assert answers == [kg.contacts(top), kg.contacts(top, other, since=1995), kg.planned(top),
                           kg.timeline(other), kg.rhythm(top, other).as_dict()]
