"""Large graphs: the node threshold, the ranking that picks the nodes, the banner and the ways to see more."""

from __future__ import annotations

import logging
import shlex
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from diplograph.cli import main
from diplograph.errors import InvalidArgumentError
from diplograph.kg import KnowledgeGraph
from diplograph.network.centrality import scores
from diplograph.network.structure import ego
from diplograph.view import MAX_NODES, Focus, neighbourhood, project, render, view
from diplograph.view.banner import banner
from diplograph.view.data import page_data

from .conftest import synthetic


@pytest.fixture(scope="session")
def big() -> nx.Graph:
    """A persons network well over the default threshold, with one edge weight (contact count) per edge."""
    g = synthetic(1200)
    for k, (_, _, d) in enumerate(g.edges(data=True)):
        d["count"] = d["weight"] = 1 + (k * 7919) % 13
    return g


def _kept(data: dict[str, Any]) -> set[str]:
    return {n["id"] for n in data["nodes"]}


def test_default_threshold_reduces_a_large_graph(big: nx.Graph) -> None:
    assert 300 <= MAX_NODES <= 500
    data = page_data(big)
    meta = data["meta"]
    assert meta["nodes"] == MAX_NODES and meta["total_nodes"] == 1200
    assert meta["total_edges"] == big.number_of_edges()
    # the edges among the kept nodes, all of them and no other
    assert meta["edges"] == big.subgraph(_kept(data)).number_of_edges() == meta["reduced"]["edges"]
    assert meta["reduced"]["unit"] == "actors" and meta["reduced"]["rank_by"] == "degree"


@pytest.mark.parametrize("measure", ["degree", "strength", "pagerank"])
def test_the_kept_nodes_are_the_highest_ranked(big: nx.Graph, measure: str) -> None:
    data = page_data(big, rank_by=measure, max_nodes=150)
    rank = scores(big, measure)
    kept = _kept(data)
    assert len(kept) == 150
    assert min(rank[n] for n in kept) >= max(rank[n] for n in big if n not in kept)
    assert data["meta"]["rank_by"] == measure


def test_strength_and_degree_pick_different_nodes(big: nx.Graph) -> None:
    assert _kept(page_data(big, rank_by="degree", max_nodes=100)) != _kept(
        page_data(big, rank_by="strength", max_nodes=100))


def test_top_actor_and_last_year_are_those_of_the_whole_graph(big: nx.Graph) -> None:
    reduced = page_data(big, max_nodes=100)["meta"]["reduced"]
    hub = max(big, key=lambda n: (big.degree(n), -int(n.rsplit("p", 1)[1])))
    assert reduced["top"] == big.nodes[hub]["label"]
    assert reduced["last_year"] == max(int(d["last"][:4]) for _, _, d in big.edges(data=True)) == 2024
    # a plan for a later year is not a contact: the suggested window stays on the latest contacts
    planned = big.copy()
    u, v = next(iter(planned.edges()))
    planned.edges[u, v].update(dates=["2024-01-01", "2031-05-01"], planned=[False, True], last="2031-05-01")
    assert page_data(planned, max_nodes=100)["meta"]["reduced"]["last_year"] == 2024


def test_all_draws_every_node_and_warns_when_huge(caplog: pytest.LogCaptureFixture) -> None:
    g = synthetic(5200, m=1)
    with caplog.at_level(logging.WARNING, logger="diplograph.view.data"):
        page = render(g, max_nodes=None)
    assert page.nodes == 5200 and page.edges == g.number_of_edges() and page.reduced is None
    assert page.notice is None
    assert any("drawing all 5200 nodes" in r.getMessage() for r in caplog.records)


def test_under_the_threshold_nothing_is_said(big: nx.Graph) -> None:
    page = render(big, max_nodes=1200)
    assert page.nodes == 1200 and page.reduced is None and page.notice is None
    assert '"banner":' not in page.html and '"reduced":null' in page.html


def test_bad_ranking_measure_is_a_clear_error(big: nx.Graph) -> None:
    with pytest.raises(InvalidArgumentError, match="unknown ranking measure 'fame'"):
        page_data(big, rank_by="fame")


# -- the banner --

def test_banner_names_the_counts_the_measure_and_the_commands(big: nx.Graph) -> None:
    page = render(big, max_nodes=300, rank_by="strength")
    b = _banner(page)
    assert b["en"].startswith("Showing the 300 most connected of 1,200 actors (ranked by strength: number of")
    assert f"of {big.number_of_edges():,} links" in b["en"]
    assert "300 من أصل 1,200" in b["ar"] and "عدد الاتصالات" in b["ar"]
    cli = [h["cli"] for h in b["hints"]]
    python = [h["python"] for h in b["hints"]]
    top = page.reduced["top"] if page.reduced else None
    assert cli == [
        f"diplograph view --graph FILE --around {shlex.quote(str(top))} --depth 1 --rank-by strength --max-nodes 300",
        "diplograph view --graph FILE --since 2024 --until 2024 --rank-by strength --max-nodes 300",
        "diplograph view --graph FILE --rank-by strength --max-nodes 600",
        "diplograph view --graph FILE --rank-by strength --all"]
    assert python[0] == f"kg.view({top!r}, rank_by='strength', max_nodes=300)"
    assert python[-1] == "kg.view(rank_by='strength', max_nodes=None)"
    # the plain-text notice (printed by the command) carries the same sentence and commands
    assert page.notice is not None and b["en"] in page.notice and cli[-1] in page.notice


def _banner(page: Any) -> dict[str, Any]:
    import json
    import re

    found = re.search(r'<script type="application/json" id="diplograph-data">(.*?)</script>', page.html, re.S)
    assert found
    result: dict[str, Any] = json.loads(found.group(1))["meta"]["banner"]
    return result


def test_commands_keep_every_option_given() -> None:
    focus = Focus(network="bipartite", around="بوتين", depth=2, since="2017", size_by="pagerank", max_nodes=50,
                  graphs=("a b.nt", "c.ttl"), planned=False)
    reduced = {"shown": 50, "total": 90, "edges": 60, "total_edges": 200, "rank_by": "degree", "unit": "nodes",
               "top": "X", "last_year": 2020}
    hints = banner(reduced, focus)["hints"]
    assert [h["cli"] for h in hints] == [
        "diplograph view --graph 'a b.nt' --graph c.ttl --network bipartite --around 'بوتين' --depth 1 --since 2017 "
        "--size-by pagerank --no-planned --max-nodes 50",
        "diplograph view --graph 'a b.nt' --graph c.ttl --network bipartite --around 'بوتين' --depth 2 --since 2017 "
        "--size-by pagerank --no-planned --max-nodes 90",
        "diplograph view --graph 'a b.nt' --graph c.ttl --network bipartite --around 'بوتين' --depth 2 --since 2017 "
        "--size-by pagerank --no-planned --all",
    ]
    assert hints[0]["python"] == "kg.view('بوتين', network='bipartite', since='2017', size_by='pagerank', " \
                                 "planned=False, max_nodes=50)"
    assert "nodes" in banner(reduced, focus)["en"] and "actors" not in banner(reduced, focus)["en"]


def test_the_full_network_is_never_offered_a_time_window() -> None:
    reduced = {"shown": 5, "total": 9, "edges": 6, "total_edges": 20, "rank_by": "betweenness", "unit": "nodes",
               "top": None, "last_year": 2020}
    b = banner(reduced, Focus(network="full", graphs=()))
    assert [h["cli"] for h in b["hints"]] == ["diplograph view --network full --max-nodes 9",
                                              "diplograph view --network full --all"]
    assert "most central" in b["en"] and "البينية" in b["ar"]


def test_every_suggested_command_parses(big: nx.Graph) -> None:
    from diplograph.cli import build_parser
    from diplograph.cli.view import cmd_view

    page = render(big, max_nodes=100)
    parsed = []
    for hint in _banner(page)["hints"]:
        words = shlex.split(hint["cli"])
        assert words[:2] == ["diplograph", "view"]
        args = build_parser().parse_args([*words[1:], "-o", "x.html"])
        assert args.func is cmd_view and args.graph == ["FILE"]
        parsed.append((args.around, args.since, args.until, args.max_nodes))
    top = page.reduced["top"] if page.reduced else None
    assert parsed == [(top, None, None, 100), (None, "2024", "2024", 100), (None, None, None, 200),
                      (None, None, None, None)]


# -- focus options on a real knowledge graph: under the threshold they show everything --

def test_ego_network_under_the_threshold_shows_all(kg: Any) -> None:
    persons = project(kg.source, "persons")
    part = neighbourhood(persons, kg.source, "Putin", 1)
    page = view(kg.source, around="Putin", depth=1, max_nodes=part.number_of_nodes())
    assert page.nodes == part.number_of_nodes() and page.edges == part.number_of_edges() and page.reduced is None
    # the whole network is over that threshold and is reduced
    whole = view(kg.source, max_nodes=part.number_of_nodes())
    assert whole.reduced is not None and whole.total_nodes == persons.number_of_nodes() > whole.nodes


def test_time_window_under_the_threshold_shows_all(kg: Any) -> None:
    window = project(kg.source, "persons", since="2017", until="2020")
    page = view(kg.source, since="2017", until="2020", max_nodes=window.number_of_nodes())
    assert (page.nodes, page.edges, page.reduced) == (window.number_of_nodes(), window.number_of_edges(), None)
    assert view(kg.source, max_nodes=window.number_of_nodes()).reduced is not None


def test_command_all_max_nodes_and_rank_by(tmp_path: Path, capsys: pytest.CaptureFixture[str], kg: Any) -> None:
    persons = project(kg.source, "persons")
    out = tmp_path / "p.html"
    assert main(["view", "--max-nodes", "5", "--rank-by", "strength", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "(5 nodes," in printed and f"Showing the 5 most connected of {persons.number_of_nodes()} actors" in printed
    assert "diplograph view --rank-by strength --all" in printed  # the seed graph: no --graph
    assert main(["view", "--all", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"({persons.number_of_nodes()} nodes, {persons.number_of_edges()} edges)" in printed
    assert "Showing" not in printed


def test_command_around_names_the_graph_files(tmp_path: Path, capsys: pytest.CaptureFixture[str], kg: Any) -> None:
    from diplograph.bundled import GRAPH_FILE

    out = tmp_path / "p.html"
    assert main(["view", "--graph", str(GRAPH_FILE), "--around", "Putin", "--depth", "2", "--max-nodes", "3",
                 "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    part = ego(project(kg.source, "persons"), kg.resolve("Putin").iri, 2)
    assert f"of {part.number_of_nodes()} actors" in printed
    assert f"diplograph view --graph {GRAPH_FILE} --around Putin --depth 1 --max-nodes 3" in printed


def test_all_and_max_nodes_together_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["view", "--all", "--max-nodes", "3", "-o", str(tmp_path / "x.html")])
    assert exc.value.code == 2



def test_hostile_names_in_the_banner_stay_text(hostile: Any) -> None:
    from .conftest import HOSTILE_IMG, HOSTILE_SCRIPT

    g, records = hostile
    page = render(g, records, max_nodes=1)
    assert page.reduced is not None and page.reduced["top"] is not None
    assert HOSTILE_IMG in page.reduced["top"] or HOSTILE_SCRIPT in page.reduced["top"]
    assert HOSTILE_IMG not in page.html and HOSTILE_SCRIPT not in page.html
    b = _banner(page)
    assert b["hints"][0]["cli"] == "diplograph view --graph FILE --around " + shlex.quote(page.reduced["top"]) + \
        " --depth 1 --max-nodes 1"


def _no_full_records(*_: Any) -> Any:
    raise AssertionError("every contact's record was read")


def test_a_page_of_a_big_graph_reads_no_full_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import diplograph as dg
    from diplograph.synth import write
    from diplograph.view import data

    path = tmp_path / "world.nt"
    write(path, contacts=150, countries=6, seed=2)
    kg = dg.load(path, store=f"oxigraph:{tmp_path / 'store'}")
    monkeypatch.setattr(data, "FULL_DETAILS", 100)  # this graph counts as big
    with monkeypatch.context() as m:  # no contact's full record may be read, nor every event's lean one
        m.setattr(kg.source, "all_contacts", _no_full_records)
        m.setattr(kg.source, "events", _no_full_records)
        page = page_data(kg.network(), kg.source, max_nodes=40)
    assert "kg.contacts(NAME)" in page["meta"]["notice"]
    plain = KnowledgeGraph(kg.store, index=False)  # a source that reads every event's lean record: the same page
    assert page_data(plain.network(), plain.source, max_nodes=40) == page
    detail = next(iter(page["events"].values()))
    assert detail["quote"] and detail["source"]["iri"] and detail["participants"]
    assert detail["precision"] in ("day", "month", "year", "undated")
    monkeypatch.setattr(data, "FULL_DETAILS", 100_000)  # a small graph: full records, places and topics
    full = page_data(kg.network(), kg.source, max_nodes=40)
    assert full["events"].keys() == page["events"].keys()
    assert any(e["topics"] for e in full["events"].values())
    for iri, e in page["events"].items():
        assert (e["quote"], e["date"], e["participants"]) == (full["events"][iri]["quote"],
                                                              full["events"][iri]["date"],
                                                              full["events"][iri]["participants"])


def test_betweenness_is_exact_with_igraph_and_sampled_without(big: nx.Graph, monkeypatch: pytest.MonkeyPatch) -> None:
    from diplograph.network import engine

    exact = page_data(big, rank_by="betweenness", size_by="betweenness")
    assert "estimated" not in (exact["meta"]["notice"] or "")
    monkeypatch.setattr(engine, "DEFAULT", "networkx")
    sampled = page_data(big, rank_by="betweenness", size_by="betweenness")
    assert "betweenness estimated from 500 sampled sources" in sampled["meta"]["notice"]


def test_a_node_linked_only_to_nodes_left_out_gives_its_place() -> None:
    from diplograph.view.rank import reduce

    g = nx.complete_graph([f"p{i}" for i in range(5)])
    g.add_edges_from(("org", f"leaf{i}") for i in range(10))  # ranked first, but its links all fall out
    part, reduced = reduce(g, 3, "degree", g)
    assert sorted(part) == ["p0", "p1", "p2"] and part.number_of_edges() == 3
    assert reduced["shown"] == 3 and reduced["total"] == 16
    part, _ = reduce(g, 12, "degree", g)  # with room for its leaves it stays
    assert "org" in part


@pytest.mark.parametrize("depth", [1, 2])
def test_a_page_around_an_actor_of_a_synthetic_world_is_the_same_from_the_index(tmp_path: Path, depth: int) -> None:
    import diplograph as dg
    from diplograph.synth import write
    from diplograph.view import view

    path = tmp_path / "world.nt"
    write(path, contacts=300, countries=8, seed=3)
    kg = dg.load(path, store=f"oxigraph:{tmp_path / 'store'}")
    plain = KnowledgeGraph(kg.store, index=False)
    whole = kg.network(institutional=True, planned=True, indirect=True)
    busiest = max(whole, key=lambda n: (whole.degree(n), str(n)))
    for size_by in ("degree", "betweenness"):  # a sample of sources depends on the order of the nodes
        got = view(kg.source, around=busiest, depth=depth, size_by=size_by, max_nodes=30)
        assert got.html == view(plain.source, around=busiest, depth=depth, size_by=size_by, max_nodes=30).html
    part = kg.source.cache["diplograph.index.network"]
    assert any(key[-1] is not None and len(key[-1]) < whole.number_of_nodes() for key in part)
