"""Fixtures of the network tests: IRIs of the article's actors."""

from __future__ import annotations

import pytest

import diplograph as dg


@pytest.fixture(scope="session")
def who(kg: dg.KnowledgeGraph) -> dict[str, str]:
    """IRIs of the actors the tests talk about, by short name."""
    names = ["Trump", "Putin", "Biden", "Zelensky", "Sullivan", "Burns", "White House", "Kremlin", "Rubio",
             "US negotiating team", "نظرائهما الروس", "Sayed Mohamed"]
    return {n: kg.resolve(n).iri for n in names}
