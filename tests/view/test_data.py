"""The data behind the page: counts, sizes, labels, thresholds."""

from __future__ import annotations

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


def test_planned_edges_are_dashed_and_kinds_listed(kg: Any, persons: Any) -> None:
    data = page_data(persons, kg.source)
    planned_only = [e for e in data["edges"] if e["planned_only"]]
    assert planned_only and all(e["dashes"] for e in planned_only)
    assert all(not e["dashes"] for e in data["edges"]
               if not e["planned_only"] and e["kind"] not in ("indirectContact", "tie"))
    assert data["meta"]["planned"] is True
    assert {k["key"] for k in data["legend"]["kinds"]} >= {"phoneCall", "indirectContact"}


def test_arabic_label_on_its_own_line_inside_an_isolate(kg: Any, persons: Any) -> None:
    data = page_data(persons, kg.source)
    putin = next(n for n in data["nodes"] if n["en"] == "Vladimir Putin")
    assert putin["label"] == "Vladimir Putin\n\u2068فلاديمير بوتين\u2069"
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


def test_small_graph_uses_physics_without_positions(persons: Any) -> None:
    data = page_data(persons)
    assert data["meta"]["physics"] is True
    assert all("x" not in n for n in data["nodes"])


def test_above_physics_threshold_positions_are_precomputed_and_reproducible() -> None:
    g = synthetic(400)
    a, b = page_data(g, physics_max=300), page_data(g, physics_max=300)
    assert a["meta"]["physics"] is False
    assert all("x" in n and "y" in n for n in a["nodes"])
    assert [(n["x"], n["y"]) for n in a["nodes"]] == [(n["x"], n["y"]) for n in b["nodes"]]
    assert all(e["label"] == "" for e in a["edges"])


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
    assert data["edges"][0]["predicates"] == ["participant", "initiated"]


def test_empty_graph_renders_empty_data() -> None:
    data = page_data(nx.Graph())
    assert data["nodes"] == [] and data["edges"] == [] and data["meta"]["years"] is None
