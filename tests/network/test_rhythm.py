"""Contact rhythm, and gaps() giving the same numbers from the same code."""

from __future__ import annotations

import pytest

import diplograph as dg
from diplograph.errors import NoAnswerError


def test_white_house_kremlin(kg: dg.KnowledgeGraph) -> None:
    r = kg.rhythm("البيت الأبيض", "الكرملين")
    assert (r.count, r.first, r.last) == (8, "2017-07-07", "2025-02-13")
    assert r.per_year == {2017: 2, 2018: 2, 2019: 1, 2020: 1, 2021: 0, 2022: 1, 2023: 0, 2024: 0, 2025: 1}
    longest = r.gaps[0]
    assert (longest.start, longest.end, longest.days, longest.months) == ("2022-02-12", "2025-02-13", 1097, 36)
    assert r.gaps == kg.gaps("White House", "Kremlin")
    assert r.as_dict()["per_year"]["2022"] == 1


def test_people_and_the_projection_agree(kg: dg.KnowledgeGraph, who: dict[str, str]) -> None:
    G = kg.network()
    for a, b, d in G.edges(data=True):
        r = kg.rhythm(a, b)
        assert (r.first, r.last) == (d["first"], d["last"])
        assert r.count == sum(1 for x in d["dates"] if x)
    trump = kg.rhythm("Trump", "Putin")
    assert trump.gaps[0].start == "2020-07-03" and trump.gaps[0].days == 1686
    sullivan = kg.rhythm("Sullivan", "Burns")
    assert (sullivan.count, sullivan.undated, sullivan.gaps) == (0, 1, [])


def test_an_institution_without_a_head(kg: dg.KnowledgeGraph) -> None:
    with pytest.raises(NoAnswerError, match="no top post"):
        kg.rhythm("US negotiating team", "Putin")


@pytest.mark.parametrize(("a", "b"), [("White House", "Kremlin"), ("Trump", "Putin"), ("White House", "Putin"),
                                      ("United States", "Russia"), ("Sullivan", "Burns")])
def test_the_same_rhythm_either_way_round(kg: dg.KnowledgeGraph, a: str, b: str) -> None:
    there, back = kg.rhythm(a, b), kg.rhythm(b, a)
    assert (there.count, there.first, there.last, there.per_year, there.gaps, there.undated, there.contacts) == \
        (back.count, back.first, back.last, back.per_year, back.gaps, back.undated, back.contacts)
