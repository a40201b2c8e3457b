"""Exports read back: GraphML, GEXF, the contacts CSV and PLOVER-style JSON."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest

import diplograph as dg
from diplograph.errors import InvalidArgumentError, StoreError
from diplograph.network.export import CSV_COLUMNS, PLOVER_FIELDS, flatten

CASES = [("persons", {"planned": True, "indirect": True, "institutional": True}), ("persons", {}),
         ("bipartite", {"planned": True, "indirect": True}), ("full", {})]


def _types_per_key(items: list[dict[str, object]]) -> dict[str, set[type]]:
    out: dict[str, set[type]] = {}
    for d in items:
        for k, v in d.items():
            out.setdefault(k, set()).add(type(v))
    return out


@pytest.mark.parametrize(("network", "options"), CASES)
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_files_read_back(kg: dg.KnowledgeGraph, tmp_path: Path, fmt: str, network: str,
                               options: dict[str, bool]) -> None:
    G = kg.network(network, **options)
    out = kg.export(tmp_path / f"net.{fmt}", network=network, **options)
    H = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert H.number_of_nodes() == G.number_of_nodes()
    assert H.number_of_edges() == G.number_of_edges()
    assert set(H.nodes) == set(G.nodes)
    for n in list(G.nodes)[:50]:
        assert H.nodes[n]["label"] == G.nodes[n]["label"] and H.nodes[n]["type"] == G.nodes[n]["type"]
    # one type per attribute, on every node and on every edge, every attribute present everywhere
    node_keys = _types_per_key([d for _, d in H.nodes(data=True)])
    assert all(len(t) == 1 for t in node_keys.values()), node_keys
    assert all(set(d) == set(node_keys) for _, d in H.nodes(data=True))
    edge_data = [d for *_, d in H.edges(data=True)]
    assert all(len(t) == 1 for t in _types_per_key(edge_data).values())
    if network == "persons":
        for a, b, d in G.edges(data=True):
            e = H.edges[a, b]
            assert e["events"] == " | ".join(d["events"]) and int(e["count"]) == d["count"]
            assert e["kind"] == d["kind"]
        if fmt == "graphml":
            assert H.graph["option_planned"] is bool(options.get("planned"))


def test_flatten_keeps_types_consistent() -> None:
    G = nx.Graph()
    G.add_node("a", size=1, when=None, tags=["x", "y"], ok=True)
    G.add_node("b", size=2.5, when="2019", tags=[], ok=False)
    G.add_node("c")
    F = flatten(G)
    assert F.nodes["a"] == {"ok": "true", "size": "1", "tags": "x | y", "when": ""}
    assert F.nodes["c"] == {"ok": "", "size": "", "tags": "", "when": ""}
    G.nodes["c"].update(size=3, ok=True, when="x", tags=[None, True])
    F = flatten(G)
    assert F.nodes["a"]["size"] == 1.0 and F.nodes["c"]["ok"] is True and F.nodes["c"]["tags"] == " | true"


def test_contacts_csv(kg: dg.KnowledgeGraph, tmp_path: Path) -> None:
    out = kg.export(tmp_path / "contacts.csv", planned=True, indirect=True)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == len(kg.contacts()) + len(kg.planned())
    biden = next(r for r in rows if r["id"] == "biden-putin-call-2022-02-12")
    assert biden["participants"] == "Joe Biden | Vladimir Putin" and biden["date"] == "2022-02-12"
    assert biden["quote"].startswith("وفقًا للمعلومات المتاحة")
    only_2018 = kg.export(tmp_path / "c2018.csv", since=2018, until=2018)
    assert [r["date"] for r in csv.DictReader(only_2018.open(encoding="utf-8"))] == ["2018-03-20", "2018-07-16"]


def test_plover_rows(kg: dg.KnowledgeGraph, tmp_path: Path) -> None:
    out = kg.export(tmp_path / "events.json", planned=True, indirect=True)
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert all(tuple(r) == PLOVER_FIELDS for r in rows)
    call = next(r for r in rows if r["event_id"].endswith("trump-putin-call-2025-02-13"))
    assert (call["actor"], call["recipient"], call["event_type"], call["mode"], call["cameo"]) == (
        "Donald Trump", "Vladimir Putin", "CONSULT", "telephone", "041")
    assert call["text_info"].startswith("عاد التواصل بين الكرملين والبيت الأبيض")
    assert call["language"] == "ar" and call["source"].endswith("000_b6e70fef1162659b")
    # the agreed team contact: Trump and Putin initiate it, Zelensky receives it
    team = [(r["actor"], r["recipient"]) for r in rows
            if r["event_id"].endswith("negotiating-teams-contact-zelensky-2025")]
    assert team == [("Donald Trump", "Volodymyr Zelensky"), ("Vladimir Putin", "Volodymyr Zelensky")]
    assert {r["status"] for r in rows if r["planned"]} == {"announced", "agreed", "invited", "offered"}
    # every contact gives at least one row, and no row without a quote
    assert {r["event_id"] for r in rows} == {c.iri for c in kg.contacts() + kg.planned()}
    assert all(r["text_info"] for r in rows)


def test_export_errors_leave_no_file(kg: dg.KnowledgeGraph, tmp_path: Path) -> None:
    with pytest.raises(InvalidArgumentError, match="unknown export format"):
        kg.export(tmp_path / "net.xlsx")
    assert not list(tmp_path.iterdir())
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot write"):
        kg.export(blocker / "net.graphml")
    target = tmp_path / "keep.graphml"
    target.write_text("old")
    with pytest.raises(InvalidArgumentError):
        kg.export(target, since="yesterday")
    assert target.read_text() == "old"
