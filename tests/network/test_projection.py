"""The projection of the seed article's graph: nodes, edges, attributes, options."""

from __future__ import annotations

import networkx as nx
import pytest

import diplograph as dg
from diplograph.errors import InvalidArgumentError, NoAnswerError
from diplograph.network import project

CONTRACT_TYPES = {"person", "organisation", "country", "group", "place", "gathering", "contact", "plan", "claim"}


def test_default_network_is_contacts_that_took_place(kg: dg.KnowledgeGraph, who: dict[str, str]) -> None:
    G = project(kg.source)
    assert isinstance(G, nx.Graph) and not G.is_directed() and not G.is_multigraph()
    tp = G.edges[who["Trump"], who["Putin"]]
    assert tp["count"] == 7 and tp["weight"] == 7.0
    assert tp["first"] == "2017-07-07" and tp["last"] == "2025-02-13"
    assert tp["kind"] == "phoneCall"  # 4 calls, 2 sidelines meetings, 1 summit
    assert sorted(tp["kinds"]) == sorted(["sidelinesMeeting"] * 2 + ["phoneCall"] * 4 + ["bilateralSummit"])
    assert not any(tp["planned"]) and tp["ties"] == []
    assert all(iri.startswith("https://w3id.org/diplograph/id/contact/") for iri in tp["events"])
    # the undated indirect contact Biden–Putin is left out by default
    assert G.edges[who["Biden"], who["Putin"]]["events"] == [
        "https://w3id.org/diplograph/id/contact/biden-putin-call-2022-02-12"]
    # Sullivan and Burns talked with unnamed Russian counterparts: a group node
    assert G.nodes[who["نظرائهما الروس"]]["type"] == "group"
    assert G.has_edge(who["Sullivan"], who["Burns"])
    # every actor is a node, even one with no contact under the options (Zelensky's are all planned); the
    # article's author reports and is no actor: reached through the source, not drawn in the network
    assert who["Zelensky"] in G and G.degree(who["Zelensky"]) == 0
    assert who["Sayed Mohamed"] not in G and who["Sayed Mohamed"] not in project(kg.source, planned=True)


def test_attributes_follow_the_contract(kg: dg.KnowledgeGraph) -> None:
    for options in ({}, {"planned": True, "indirect": True, "institutional": True}):
        G = project(kg.source, **options)
        for n, d in G.nodes(data=True):  # an organisation drawn once per era is IRI@ERA
            assert n in (d["iri"], f"{d['iri']}@{d.get('era', '').replace('/', '--')}")
            assert d["label"] and d["label_ar"] and d["type"] in CONTRACT_TYPES
        for _, _, d in G.edges(data=True):
            n = d["count"]
            assert len(d["events"]) == len(d["kinds"]) == len(d["dates"]) == len(d["planned"]) == n
            assert len(set(d["events"])) == n
            assert len(d["ties"]) == len(d["tie_posts"]) == len(d["tie_quotes"])
            assert set(d["ties"]) <= {"post", "team", "office"}
            assert d["kind"] == ("tie" if n == 0 else d["kind"]) and (n > 0 or d["ties"])
        assert G.graph["options"]["network"] == "persons"
        assert G.graph["built_from"] == len(kg.graph)


def test_options_change_the_network(kg: dg.KnowledgeGraph, who: dict[str, str]) -> None:
    planned = project(kg.source, planned=True)
    tp = planned.edges[who["Trump"], who["Putin"]]
    assert tp["count"] == 9 and sum(tp["planned"]) == 2  # the announced summit and the Moscow invitation
    assert "agreed" not in tp["statuses"]  # the agreed team contact is indirect: needs indirect=True too
    both = project(kg.source, planned=True, indirect=True)
    assert both.has_edge(who["Zelensky"], who["Putin"])
    # the negotiating team is an intermediary: linked through the plan, not a participant
    assert both.edges[who["US negotiating team"], who["Zelensky"]]["kinds"] == ["indirectContact"]
    assert both.graph["options"] == {"network": "persons", "indirect": True, "planned": True,
                                     "institutional": False, "since": None, "until": None}
    inst = project(kg.source, institutional=True)
    wh = who["White House"]
    assert inst.edges[who["Sullivan"], f"{wh}@undated"]["ties"] == ["post"]
    assert set(inst.edges[who["Biden"], f"{wh}@2022-02-12"]["ties"]) == {"office"}
    assert set(inst.edges[who["Putin"], who["Kremlin"]]["ties"]) == {"office"}  # one holder: one node
    assert inst.edges[who["Rubio"], who["US negotiating team"]]["ties"] == ["team"]
    assert inst.edges[who["Sullivan"], f"{wh}@undated"]["kind"] == "tie"


def test_an_institution_is_drawn_once_per_era_of_its_ties(kg: dg.KnowledgeGraph, who: dict[str, str]) -> None:
    # the White House links Trump (first term, and again in 2025), Biden (2022) and Sullivan (undated): people
    # are linked through it only while their ties held together, so it is drawn once per era
    G = project(kg.source, institutional=True)
    wh = who["White House"]
    eras = {G.nodes[n]["era"]: sorted(G.nodes[m]["label"] for m in G[n])
            for n in G if G.nodes[n].get("iri") == wh}
    assert eras == {"2017/2021": ["Donald Trump"], "2022-02-12": ["Joe Biden"],
                    "2025-02-13": ["Donald Trump", "Mike Waltz"], "undated": ["Jake Sullivan"]}
    assert G.nodes[f"{wh}@2017--2021"]["label"] == "The White House (2017–2021)"
    assert wh not in G
    # without ties an institution is one node, as any actor
    assert not any("@" in str(n) for n in project(kg.source, planned=True, indirect=True))


def test_time_window(kg: dg.KnowledgeGraph, who: dict[str, str]) -> None:
    G = project(kg.source, since=2018, until="2018-12")
    assert G.edges[who["Trump"], who["Putin"]]["dates"] == ["2018-03-20", "2018-07-16"]
    assert G.number_of_edges() == 1  # undated talks are outside every bounded window
    assert G.graph["options"]["since"] == "2018" and G.graph["options"]["until"] == "2018-12"
    empty = project(kg.source, since=2026)
    assert empty.number_of_edges() == 0
    with pytest.raises(NoAnswerError, match="empty time window"):
        project(kg.source, since=2020, until=2019)
    with pytest.raises(InvalidArgumentError, match="not a date"):
        project(kg.source, since="last week")
    # institutional ties dated outside the window drop out, and so do undated ones: they cannot be placed in it
    inst = project(kg.source, institutional=True, since="2024-01-01", until="2024-12-31")
    assert who["Sullivan"] in inst and inst.degree(who["Sullivan"]) == 0
    assert not inst.has_edge(who["Biden"], who["White House"])
    assert inst.has_edge(who["Putin"], who["Kremlin"])  # attested in February and October 2024
    assert who["Sullivan"] in project(kg.source, institutional=True)[f"{who['White House']}@undated"]


def test_bipartite(kg: dg.KnowledgeGraph, who: dict[str, str]) -> None:
    B = project(kg.source, "bipartite", planned=True, indirect=True)
    events = {n for n, d in B.nodes(data=True) if d["bipartite"] == 1}
    assert len(events) == len(kg.contacts()) + len(kg.planned())
    assert nx.is_bipartite(B)
    plan = "https://w3id.org/diplograph/id/plan/negotiating-teams-contact-zelensky-2025"
    roles = {B.nodes[a]["label"]: B.edges[a, plan]["role"] for a in B.neighbors(plan)}
    assert roles == {"Donald Trump": "initiator", "Vladimir Putin": "initiator", "Volodymyr Zelensky": "participant",
                     "US negotiating team on Ukraine": "intermediary", "Russian negotiating team": "intermediary"}
    assert B.nodes[plan]["type"] == "plan" and B.nodes[plan]["status"] == "agreed"
    assert B.graph["options"]["network"] == "bipartite"


def test_full_graph(kg: dg.KnowledgeGraph, who: dict[str, str]) -> None:
    F = project(kg.source, "full")
    assert isinstance(F, nx.MultiDiGraph)
    call = "https://w3id.org/diplograph/id/contact/biden-putin-call-2022-02-12"
    assert F.has_edge(call, who["Putin"], key="https://w3id.org/diplograph/ns#participant")
    assert F.nodes[call]["type"] == "contact" and F.nodes[who["Kremlin"]]["type"] == "organisation"
    literal_triples = sum(len(d["literals"]) for _, d in F.nodes(data=True))
    assert F.number_of_edges() + literal_triples == len(kg.graph)
    with pytest.raises(InvalidArgumentError, match="no filters"):
        project(kg.source, "full", planned=True)
    with pytest.raises(InvalidArgumentError, match="unknown network"):
        project(kg.source, "people")


def test_network_method_returns_the_projection(kg: dg.KnowledgeGraph) -> None:
    G = kg.network(planned=True)
    assert nx.utils.graphs_equal(G, project(kg.source, planned=True))
