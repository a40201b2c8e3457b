"""Explained paths on the article's network, and clear answers when there is none."""

from __future__ import annotations

import pytest

import diplograph as dg
from diplograph.errors import EXIT_CODES, NoAnswerError, NoPathError, UnknownEntityError, exit_code_for

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


def test_sullivan_reaches_putin_only_through_institutional_ties(kg: dg.KnowledgeGraph) -> None:
    for options in ({}, {"planned": True, "indirect": True}):
        with pytest.raises(NoPathError, match=r"try including .*institutional"):
            kg.path("Jake Sullivan", "Putin", **options)
    paths = kg.paths("Jake Sullivan", "Putin", institutional=True)
    assert [[a.label for a in p.actors] for p in paths] == [
        ["Jake Sullivan", "The White House", "Donald Trump", "Vladimir Putin"],
        ["Jake Sullivan", "The White House", "Joe Biden", "Vladimir Putin"],
    ]
    biden = paths[1]
    post, office, call = biden.hops
    assert [t.kind for t in post.ties] == ["post"] and not post.events
    assert "National Security Adviser" in post.ties[0].label
    assert post.ties[0].quote == "مستشار الأمن القومي الأمريكي جيك سوليفان"
    assert [t.kind for t in office.ties] == ["office"] and office.ties[0].date == "2022-02-12"
    assert [(e.iri, e.kind, e.date) for e in call.events] == [(BIDEN_CALL, "phoneCall", "2022-02-12")]
    assert "12 فبراير 2022" in call.events[0].quote
    assert kg.path("Jake Sullivan", "Putin", institutional=True) == paths[0]
    assert "Jake Sullivan → The White House" in str(paths[0])


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
