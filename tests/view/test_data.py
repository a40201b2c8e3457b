"""The data behind the page: counts, sizes, labels, thresholds."""

from __future__ import annotations

import itertools
from typing import Any

import networkx as nx
import pytest

from diplograph.errors import InvalidArgumentError
from diplograph.view import project
from diplograph.view.data import DRAWN_TYPES, SIZE_MEASURES, drawn, page_data

from .conftest import synthetic


def test_counts_equal_the_projection(kg: Any, persons: Any) -> None:
    data = page_data(persons, kg.source)
    assert data["meta"]["nodes"] == len(data["nodes"]) == persons.number_of_nodes()
    assert data["meta"]["edges"] == len(data["edges"]) == persons.number_of_edges()
    assert {n["id"] for n in data["nodes"]} == set(persons)
    events = {e for _, _, d in persons.edges(data=True) for e in d["events"]}
    assert set(data["events"]) == events
    assert data["meta"]["notice"] is None


def test_event_details_carry_quote_date_place_topics_source(kg: Any, persons: Any) -> None:
    data = page_data(persons, kg.source)
    helsinki = [e for e in data["events"].values() if e["kind"] == "bilateralSummit"]
    assert helsinki, "the seed graph has the Helsinki summit"
    ev = helsinki[0]
    assert ev["date"] == "2018-07-16" and ev["precision"] == "day" and ev["year"] == 2018
    assert ev["place"] == "Helsinki" and ev["place_ar"]
    assert ev["quote"] and any("\u0600" <= ch <= "\u06ff" for ch in ev["quote"])
    assert ev["source"]["title"] and ev["source"]["iri"].startswith("https://")
    assert "Donald Trump" in ev["label"] and "Vladimir Putin" in ev["label"]


def test_edges_carry_their_events_and_ties_in_words(kg: Any, persons: Any) -> None:
    data = page_data(persons, kg.source)
    trump, putin = kg.resolve("Trump").iri, kg.resolve("Putin").iri
    edge = next(e for e in data["edges"] if {e["from"], e["to"]} == {trump, putin})
    assert edge["count"] == len(edge["events"]) == persons.edges[trump, putin]["count"]
    assert data["meta"]["planned"] is True
    assert {"phoneCall", "indirectContact"} <= {data["events"][i]["kind"] for i in edge["events"]}
    ties = [t for e in data["edges"] for t in e["ties"]]
    assert ties and all(t["kind_words"][0] in ("holds a post in", "member of the team", "office speaking for its head")
                        for t in ties)
    assert any(t["years"] == [2017, 2021] for t in ties)


def test_words_come_from_the_ontology_never_a_local_name(kg: Any, persons: Any) -> None:
    data = page_data(persons, kg.source)
    for ev in data["events"].values():
        assert ev["kind_words"][0] != ev["kind"] or " " not in ev["kind"]
        assert any("\u0600" <= ch <= "\u06ff" for ch in ev["kind_words"][1])
        assert ev["precision_words"][0] in ("day", "month", "year", "undated")
        if ev["status"]:
            assert ev["status_words"][0] in ("agreed", "announced", "invited", "offered")
        for hedge in ev["hedges"]:
            assert hedge[0] in ("according to available information", "reports said", "alleged", "possibly outdated")
    words = {w for ev in data["events"].values() for w in (ev["kind_words"][0], *(ev["status_words"] or []))}
    assert "phone call" in words and "phoneCall" not in words and "indirectContact" not in words
    bipartite = page_data(project(kg.source, "bipartite", indirect=True, planned=True), kg.source)
    labels = " ".join(n["en"] for n in bipartite["nodes"])
    assert "phoneCall" not in labels and "indirectContact" not in labels and "phone call, 12 Feb 2022" in labels
    roles = {tuple(e["role_words"]) for e in bipartite["edges"]}
    assert ("participant", "مشارك") in roles and ("initiator", "المبادر") in roles


def test_names_in_english_and_arabic(kg: Any, persons: Any) -> None:
    data = page_data(persons, kg.source)
    putin = next(n for n in data["nodes"] if n["en"] == "Vladimir Putin")
    assert putin["ar"] == "فلاديمير بوتين" and "label" not in putin  # the page draws the name itself
    assert "بوتين" in " ".join(putin["search"]) and "putin" in " ".join(putin["search"])


def test_search_keys_include_aliases_folded(kg: Any, persons: Any) -> None:
    data = page_data(persons, kg.source)
    trump = next(n for n in data["nodes"] if n["en"] == "Donald Trump")
    assert "ترمب" in trump["search"] and "trump" in trump["search"]


@pytest.mark.parametrize("measure", list(SIZE_MEASURES))
def test_every_size_measure_sizes_nodes(kg: Any, persons: Any, measure: str) -> None:
    data = page_data(persons, kg.source, size_by=measure)
    sizes = {n["en"]: n["size"] for n in data["nodes"]}
    assert data["meta"]["size_by"] == measure
    assert max(sizes.values()) > min(sizes.values())
    # Putin has the most contacts in the seed article: never smaller than a peripheral actor
    assert sizes["Vladimir Putin"] >= sizes["Joe Biden"]


def test_unknown_measure_is_a_clear_error(persons: Any) -> None:
    with pytest.raises(InvalidArgumentError, match="unknown size measure 'fame'"):
        page_data(persons, size_by="fame")


def test_every_page_comes_with_positions_the_same_each_time(persons: Any) -> None:
    a, b = page_data(persons), page_data(persons)
    assert all("x" in n and "y" in n for n in a["nodes"])
    assert [(n["x"], n["y"]) for n in a["nodes"]] == [(n["x"], n["y"]) for n in b["nodes"]]
    big = synthetic(400)
    assert [(n["x"], n["y"]) for n in page_data(big)["nodes"]] == [(n["x"], n["y"]) for n in page_data(big)["nodes"]]


def test_nodes_are_ranked_by_the_size_measure(kg: Any, persons: Any) -> None:
    data = page_data(persons, kg.source, size_by="strength")
    ranked = sorted(data["nodes"], key=lambda n: n["rank"])
    assert [n["rank"] for n in ranked] == list(range(1, len(ranked) + 1))
    assert all(x["value"] >= y["value"] for x, y in itertools.pairwise(ranked))
    assert data["meta"]["size_words"]["en"] == "strength" and data["meta"]["size_words"]["means"]


def test_gaps_of_every_drawn_pair_are_those_of_kg_gaps(kg: Any, persons: Any) -> None:
    from diplograph.view.timeline import pair_key

    data = page_data(persons, kg.source)
    trump, putin = kg.resolve("Trump").iri, kg.resolve("Putin").iri
    gaps = data["gaps"][pair_key(trump, putin)]
    assert [(g["start"], g["end"], g["months"]) for g in gaps] == [
        (g.start, g.end, g.months) for g in kg.gaps("Trump", "Putin")]
    assert page_data(persons)["gaps"] == {}  # no source, no gaps


def test_above_node_threshold_the_most_connected_are_kept_and_the_page_says_so() -> None:
    g = synthetic(800)
    data = page_data(g, max_nodes=200)
    assert data["meta"]["nodes"] == 200 and data["meta"]["total_nodes"] == 800
    assert data["meta"]["reduced"]["shown"] == 200 and data["meta"]["reduced"]["total"] == 800
    degree = dict(g.degree())
    kept = {n["id"] for n in data["nodes"]}
    assert min(degree[n] for n in kept) >= max(degree[n] for n in g if n not in kept)


def test_max_nodes_must_be_positive(persons: Any) -> None:
    with pytest.raises(InvalidArgumentError, match="max_nodes"):
        page_data(persons, max_nodes=0)


def test_full_network_draws_only_typed_nodes_and_says_so(kg: Any) -> None:
    full = project(kg.source, "full")
    data = page_data(full, kg.source)
    shown = drawn(full)
    assert data["meta"]["nodes"] == shown.number_of_nodes() < full.number_of_nodes()
    assert data["meta"]["edges"] == shown.number_of_edges()
    assert {n["type"] for n in data["nodes"]} <= set(DRAWN_TYPES)
    assert "leaves out" in data["meta"]["notice"]
    contact = next(n for n in data["nodes"] if n["type"] == "contact")
    assert contact["events"] == [contact["id"]] and data["events"][contact["id"]]["quote"]


def test_multigraph_edges_merge_and_keep_predicates() -> None:
    g = nx.MultiDiGraph()
    g.add_node("c", type="contact", label="c")
    g.add_node("p", type="person", label="p")
    g.add_edge("c", "p", key="https://w3id.org/diplograph/ontology#participant")
    g.add_edge("p", "c", key="https://w3id.org/diplograph/ontology#initiated")
    data = page_data(g)
    assert len(data["edges"]) == 1
    assert data["edges"][0]["predicates"] == [["participant", "مشارك"], ["initiated", "initiated"]]


def test_empty_graph_renders_empty_data() -> None:
    data = page_data(nx.Graph())
    assert data["nodes"] == [] and data["edges"] == [] and data["meta"]["years"] is None


def test_same_graph_built_in_another_order_gives_the_same_edges(kg: Any, persons: Any) -> None:
    reversed_graph = nx.Graph()
    reversed_graph.graph.update(persons.graph)
    reversed_graph.add_nodes_from(reversed(list(persons.nodes(data=True))))
    reversed_graph.add_edges_from((v, u, d) for u, v, d in reversed(list(persons.edges(data=True))))
    first, second = page_data(persons, kg.source)["edges"], page_data(reversed_graph, kg.source)["edges"]
    assert [(e["from"], e["to"]) for e in first] == [(e["from"], e["to"]) for e in second]
    assert first == second
    assert all(str(e["from"]) <= str(e["to"]) for e in first)
