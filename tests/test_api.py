"""The public Python API: small, explicit, and safe with values."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

import diplograph as dg


def test_public_api_is_explicit_and_sorted() -> None:
    assert dg.__all__ == sorted(dg.__all__)
    for name in dg.__all__:
        assert hasattr(dg, name), name
    assert not any(name.startswith("_") for name in dg.__all__)
    assert dg.__version__


def test_every_exception_is_public_and_in_both_trees() -> None:
    import inspect

    from diplograph import errors

    classes = {name for name, obj in vars(errors).items()
               if inspect.isclass(obj) and issubclass(obj, errors.DiplographError)}
    assert classes <= set(dg.__all__)
    for name in classes - {"DiplographError"}:  # the hierarchy drawn in the package's and the module's docstrings
        assert f"── {name} " in (dg.__doc__ or "") and f"── {name} " in (errors.__doc__ or ""), name
    assert issubclass(dg.InvalidArgumentError, ValueError) and issubclass(dg.UnknownEntityError, LookupError)


def test_load_other_paths_and_errors(tmp_path: pytest.TempPathFactory) -> None:
    with pytest.raises(dg.StoreError, match="not found"):
        dg.load("nowhere.ttl")
    bad = tmp_path / "bad.ttl"  # type: ignore[operator]
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(dg.StoreError, match="does not parse as turtle"):
        dg.load(bad)


def test_bindings_are_values_not_text(kg: dg.KnowledgeGraph) -> None:
    hostile = 'x" } ; DROP ALL ; SELECT * WHERE { ?s ?p "'
    with pytest.raises(dg.UnknownEntityError):  # ?by takes an entity: a name no one has is an error
        kg.query("claims", by=hostile)
    assert len(kg.query("claims", by=Literal(hostile))) == 0  # a term made on purpose is bound as it is
    (row,) = kg.query("# Bind: ?v literal\nSELECT ?x WHERE { BIND (?v AS ?x) }", v=hostile)
    assert row["x"] == hostile
    assert len(kg.query("claims", by=kg.resolve("Trump"))) == len(kg.query("claims", by="ترمب")) == 5


def test_a_named_query_resolves_the_entities_it_takes(kg: dg.KnowledgeGraph) -> None:
    # ?a and ?b of direct-contacts take entities: names in any spelling are resolved, typos are refused
    by_name = kg.query("direct-contacts", a="Trump", b="بوتين")
    by_iri = kg.query("direct-contacts", a=kg.resolve("Trump").iri, b=kg.resolve("Putin"))
    assert by_name.to_list() == by_iri.to_list() and len(by_name) == 7
    with pytest.raises(dg.UnknownEntityError, match=r"\?a: unknown entity 'Trmp'; did you mean 'Trump'"):
        kg.query("direct-contacts", a="Trmp")
    with pytest.raises(dg.InvalidArgumentError, match=r"\?contact takes an IRI"):
        kg.query("contacts", contact="trump-putin-call-2019-05-01")
    with pytest.raises(dg.QueryError, match=r"no variable \?contatc to bind; did you mean \?contact"):
        kg.query("contacts", contatc="x")
    # a query of one's own declares what its variables take the same way
    rows = kg.query("# Bind: ?d date\nSELECT ?d WHERE {}", d="2024-02")
    assert rows.raw[0]["d"].datatype.endswith("gYearMonth")
    with pytest.raises(dg.InvalidArgumentError, match="is not a date"):
        kg.query("# Bind: ?d date\nSELECT ?d WHERE {}", d="Feb 2024")


def test_every_named_query_declares_what_its_variables_take() -> None:
    from diplograph.bindings import KINDS
    from diplograph.query import named_queries

    for q in named_queries().values():
        params = q.params
        assert set(params.values()) <= set(KINDS), q.name
        if q.bind:  # every variable the Bind line names has its kind
            assert params and set(params) <= q.variables, q.name
    with pytest.raises(dg.QueryError, match="without what it takes"):
        kg_query_text = "# Bind: ?a (an entity)\nSELECT * WHERE { ?a ?p ?o }"
        dg.load().query(kg_query_text, a="Trump")


def test_rows_plain_values_and_dataframe(kg: dg.KnowledgeGraph) -> None:
    rows = kg.query("evidence", node=URIRef("https://w3id.org/diplograph/id/contact/trump-putin-call-2020-07-03"))
    assert isinstance(rows[0]["start"], int)
    pd = pytest.importorskip("pandas")
    frame = rows.df()
    assert isinstance(frame, pd.DataFrame) and list(frame.columns) == rows.vars


def test_contacts_filters(kg: dg.KnowledgeGraph) -> None:
    assert [c.date for c in kg.contacts("Trump", "Putin", since="2018-03", until="2018-12")] == [
        "2018-03-20", "2018-07-16"]
    assert kg.contacts("Trump", "Putin", kinds=["bilateralSummit"])[0].place == "Helsinki"
    with pytest.raises(dg.InvalidArgumentError, match="unknown contact kind"):
        kg.contacts(kinds=["fax"])
    with pytest.raises(dg.NoAnswerError, match="empty time window"):
        kg.contacts(since=2020, until=2019)
    with pytest.raises(dg.InvalidArgumentError, match="not a date"):
        kg.contacts(since="last year")
    assert kg.contacts("Zelensky") == []  # only planned contacts


def test_records_serialise(kg: dg.KnowledgeGraph) -> None:
    c = kg.contacts("Biden")[0]
    d = c.as_dict()
    assert d["participants"][0]["label"] in ("Joe Biden", "Vladimir Putin")
    assert d["evidence"]["source"]["published"] == "2025-02-13T00:26:00"
    assert str(kg.gaps("Trump", "Putin")[0]).startswith("2020-07-03 → 2025-02-13")


def test_timeline_includes_plans_last(kg: dg.KnowledgeGraph) -> None:
    timeline = kg.timeline("Trump", "Putin")
    dated = [c for c in timeline if c.date]
    assert [c.date for c in dated] == sorted(c.date for c in dated)  # type: ignore[type-var]
    assert timeline[-1].date is None
    assert {c.status for c in timeline if c.planned} == {"announced", "invited", "agreed"}


def test_describe(kg: dg.KnowledgeGraph) -> None:
    info = kg.describe("روبيو")
    assert {p["role"] for p in info["posts"]} == {"Secretary of State", "Member"}
    assert info["counts"] == {key: len(info[key]) for key in ("contacts", "planned", "claims")}


def test_describe_keeps_the_first_records_and_counts_them_all(kg: dg.KnowledgeGraph) -> None:
    whole = kg.describe("Putin")
    first = kg.describe("Putin", limit=2)
    assert whole["counts"]["contacts"] > 2 and first["counts"] == whole["counts"]
    assert first["contacts"] == whole["contacts"][:2] and first["claims"] == whole["claims"][:2]
    assert kg.describe("Putin", limit=0)["contacts"] == []
    with pytest.raises(dg.InvalidArgumentError, match="limit"):
        kg.describe("Putin", limit=-1)


def test_a_store_that_is_not_there_is_its_own_error(tmp_path: Path) -> None:
    (tmp_path / "small").mkdir()
    dg.load(store=f"oxigraph:{tmp_path / 'small'}", create=True).close()
    with pytest.raises(dg.StoreNotFoundError, match=r"no store at .*smal .*did you mean .*small") as info:
        dg.load(store=f"oxigraph:{tmp_path / 'smal'}")
    assert isinstance(info.value, dg.StoreError) and not (tmp_path / "smal").exists()
