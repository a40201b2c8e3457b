"""The persons network's edges kept in the index are the edges its query gives, and its tables are documented."""

from __future__ import annotations

from pathlib import Path

import diplograph as dg
from diplograph.index.schema import EDGE_COLUMNS, PUBLIC_TABLES, person_edges_sql

DOCS = Path(__file__).resolve().parents[2] / "docs" / "scale.md"


def _live(index: dg.KnowledgeGraph, *, planned: bool, indirect: bool) -> list[tuple[object, ...]]:
    return sorted(index.source.sql(f"SELECT {EDGE_COLUMNS} FROM ({person_edges_sql()})",
                                   [planned, indirect, None, None]))


def test_the_kept_edges_are_the_query_without_options() -> None:
    kg = dg.load(index=True)
    kept = sorted(kg.source.sql(f"SELECT {EDGE_COLUMNS} FROM person_edges"))
    assert kept and kept == _live(kg, planned=False, indirect=False)
    assert kept != _live(kg, planned=True, indirect=True)  # the options change the answer: they are asked live
    assert kg.network().number_of_edges() == len(kept)


def test_every_public_table_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert [t for t in PUBLIC_TABLES if f"| `{t}` |" not in text] == []
