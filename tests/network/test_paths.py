"""Explained paths on the article's network, and clear answers when there is none."""

from __future__ import annotations

import pytest

import diplograph as dg
from diplograph.errors import EXIT_CODES, NoAnswerError, NoPathError, UnknownEntityError, exit_code_for
from diplograph.network.paths import nodes_of

PLAN = "https://w3id.org/diplograph/id/plan/negotiating-teams-contact-zelensky-2025"
BIDEN_CALL = "https://w3id.org/diplograph/id/contact/biden-putin-call-2022-02-12"


def test_zelensky_reaches_putin_only_through_the_planned_contact(kg: dg.KnowledgeGraph) -> None:
    for options in ({}, {"indirect": True}, {"institutional": True}, {"indirect": True, "institutional": True},
                    {"planned": True}, {"planned": True, "institutional": True}):
        with pytest.raises(NoPathError):
            kg.path("Zelensky", "Putin", **options)
    path = kg.path("زيلينسكي", "بوتين", planned=True, indirect=True)
    assert [a.label for a in path.actors] == ["Volodymyr Zelensky", "Vladimir Putin"]
    (hop,) = path.hops
    (event,) = hop.events
    assert event.iri == PLAN and event.kind == "indirectContact" and event.planned and event.status == "agreed"
    assert event.date is None
    assert "فرق التفاوض" in event.quote and "زيلينسكي" in event.quote
    assert path.options["planned"] is True


def test_sullivan_has_no_path_to_putin_valid_in_time(kg: dg.KnowledgeGraph) -> None:
    # The article gives Sullivan's post at the White House no date, so it joins neither Trump's term nor Biden's
    # call: the path Sullivan -> White House -> Trump -> Putin rested on Trump's 2017-2021 term, while Sullivan
    # served under Biden. With no time to join on, there is no path (an honest no answer).
    for options in ({}, {"planned": True, "indirect": True}):
        with pytest.raises(NoPathError, match=r"try including .*institutional"):
            kg.path("Jake Sullivan", "Putin", **options)
    for options in ({"institutional": True}, {"institutional": True, "planned": True, "indirect": True}):
        with pytest.raises(NoPathError, match="no chain of contacts and ties whose times join"):
            kg.path("Jake Sullivan", "Putin", **options)
    G = kg.network(institutional=True)
    undated = [n for n in nodes_of(G, kg.resolve("White House")) if G.nodes[n].get("era") == "undated"]
    assert [sorted(G.nodes[m]["label"] for m in G[n]) for n in undated] == [["Jake Sullivan"]]


def test_a_tie_joins_a_contact_only_within_its_time(kg: dg.KnowledgeGraph) -> None:
    p = kg.path("Waltz", "Putin", institutional=True)
    assert [a.label for a in p.actors] == ["Mike Waltz", "The White House (2025-02-13)", "Donald Trump",
                                           "Vladimir Putin"]
    post, office, call = p.hops
    assert [(t.kind, t.date) for t in post.ties] == [("post", "2025-02-13")] and post.during is None
    assert [(t.kind, t.date) for t in office.ties] == [("office", "2025-02-13")] and office.during == "2025-02-13"
    # of the seven Trump-Putin contacts only the call of the day the office is attested joins it
    assert [(e.kind, e.date) for e in call.events] == [("phoneCall", "2025-02-13")] and call.during == "2025-02-13"
    assert "joined during 2025-02-13" in str(p)
    # through the White House of Trump's first term: the contacts within 2017-2021, not the 2025 call
    paths = kg.paths("White House", "Putin", institutional=True)
    by_era = {p.actors[0].label: p for p in paths}
    assert sorted(by_era) == ["The White House (2017–2021)", "The White House (2022-02-12)",
                              "The White House (2025-02-13)"]
    first_term = by_era["The White House (2017–2021)"]
    assert [a.label for a in first_term.actors][1:] == ["Donald Trump", "Vladimir Putin"]
    assert [e.date for e in first_term.hops[1].events] == [
        "2017-07-07", "2017-11-11", "2018-03-20", "2018-07-16", "2019-05-01", "2020-07-03"]
    biden = by_era["The White House (2022-02-12)"]
    assert [(e.kind, e.date) for e in biden.hops[1].events] == [("phoneCall", "2022-02-12")]
    assert biden.hops[1].during == "2022-02-12"


def test_direct_and_trivial_paths(kg: dg.KnowledgeGraph) -> None:
    p = kg.path("Trump", "Putin")
    assert p.length == 1 and len(p.hops[0].events) == 7
    assert [e.date for e in p.hops[0].events][:2] == ["2017-07-07", "2017-11-11"]
    same = kg.path("Putin", "بوتين")
    assert same.length == 0 and [a.label for a in same.actors] == ["Vladimir Putin"]


def test_errors_are_clear(kg: dg.KnowledgeGraph) -> None:
    with pytest.raises(UnknownEntityError):
        kg.path("Nobody Atall", "Putin")
    with pytest.raises(NoPathError) as info:
        kg.path("Trump", "Zelensky")
    assert "Donald Trump" in str(info.value) and "planned=False" in str(info.value)
    assert isinstance(info.value, NoAnswerError) and exit_code_for(info.value) == EXIT_CODES[NoAnswerError] == 8
    # an actor that takes part in nothing under the options (an organisation without ties)
    with pytest.raises(NoPathError, match="takes part in no contact or tie"):
        kg.path("White House", "Putin")
    # a window with no contact at all: no path, never a traceback
    with pytest.raises(NoPathError):
        kg.path("Trump", "Putin", since=2021, until=2024)
