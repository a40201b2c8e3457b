"""Positions (igraph's layouts, seeded), the ontology's words, and the vendored libraries."""

from __future__ import annotations

import re
from typing import Any

import networkx as nx
import numpy as np
import pytest

from diplograph.view import project
from diplograph.view.data import page_data
from diplograph.view.positions import apart, positions
from diplograph.view.render import VIS_NETWORK, VIS_TIMELINE
from diplograph.view.words import humanise, term

from .conftest import ROOT, synthetic


@pytest.mark.parametrize("n", [30, 400, 1500])
def test_positions_are_the_same_each_time_and_nodes_never_touch(n: int) -> None:
    g = synthetic(n)
    sizes = {v: 8.0 + (i % 5) * 4 for i, v in enumerate(sorted(g))}
    first = positions(g, sizes)
    assert first == positions(g, sizes)
    assert apart(first, sizes)


def test_parts_and_lone_nodes_are_packed_not_piled() -> None:
    g = nx.disjoint_union_all([nx.path_graph(5), nx.cycle_graph(6), nx.star_graph(4)])
    g.add_nodes_from(["lone-a", "lone-b"])
    pos = positions(g)
    assert apart(pos, {v: 10.0 for v in g})
    lone_top = min(pos["lone-a"][1], pos["lone-b"][1])
    assert lone_top > max(y for v, (_, y) in pos.items() if not str(v).startswith("lone"))


def test_bipartite_events_sit_between_their_actors(kg: Any) -> None:
    g = project(kg.source, "bipartite", indirect=True, planned=True)
    data = page_data(g, kg.source)
    at = {n["id"]: np.array([n["x"], n["y"]]) for n in data["nodes"]}
    assert apart({k: tuple(v) for k, v in at.items()}, {n["id"]: n["size"] for n in data["nodes"]})
    checked = 0
    for n in data["nodes"]:
        actors = sorted(g[n["id"]]) if n["type"] in ("contact", "plan") else []
        if len(actors) == 2:
            a, b = at[actors[0]], at[actors[1]]
            t = float((at[n["id"]] - a) @ (b - a) / ((b - a) @ (b - a)))
            assert 0.15 <= t <= 0.85, n["en"]
            checked += 1
    assert checked >= 10


def test_words_are_the_ontologys_labels() -> None:
    assert term("sidelinesMeeting") == ("sidelines meeting", "لقاء على هامش قمة")
    assert term("https://w3id.org/diplograph/ns#agreed") == ("agreed", "متفق عليه")
    assert term("month", "precision") == ("month", "شهر")
    assert term("intermediary", "role") == ("intermediary", "وسيط")
    assert term("telepathyCall") == ("telepathy call", "telepathy call")  # not in the ontology: words, not a name
    assert humanise("hasRole") == "has role"


@pytest.mark.parametrize("lib", [VIS_NETWORK, VIS_TIMELINE], ids=lambda lib: lib.name)
def test_vendored_libraries_carry_their_licence_and_version(lib: Any) -> None:
    folder = ROOT / "src" / "diplograph" / "view" / "vendor" / lib.name
    assert re.search(rf"@version\s+{re.escape(lib.version)}\b", lib.script[:2000])
    assert lib.integrity.startswith("sha512-")
    licences = [p.name for p in folder.iterdir() if p.name.startswith("LICENSE")]
    assert any("MIT" in name for name in licences) and any("APACHE" in name.upper() for name in licences)
    assert "</script" not in lib.script.lower()


def test_no_page_reads_inside_another_package() -> None:
    for path in (ROOT / "src" / "diplograph" / "view").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import pyvis" not in text and "from pyvis" not in text, path
        assert not re.search(r"resources\.files\((?!package|\"diplograph)", text), path
