"""Every analyst question gives the same answer from the contact index as from the store's SPARQL.

Run on the seed and on a synthetic 2,000-contact world, on every store
(memory, Oxigraph on disk, Virtuoso), the index of the same store against
its named queries.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx
import pytest

from diplograph.errors import DiplographError
from diplograph.kg import KnowledgeGraph
from diplograph.network.rhythm import contact_facts

from .conftest import Pair

pytestmark = pytest.mark.slow


def _dicts(records: Any) -> list[dict[str, Any]]:
    return [r.as_dict() for r in records]


def _graph(G: nx.Graph) -> tuple[Any, ...]:
    nodes = sorted((str(n), sorted(d.items())) for n, d in G.nodes(data=True))
    edges = sorted((tuple(sorted((str(u), str(v)))), sorted(d.items())) for u, v, d in G.edges(data=True))
    return dict(G.graph), nodes, edges


class Cast(dict[str, Any]):
    """The actors a world's questions are about, found from its SPARQL answers."""


_CASTS: dict[str, Cast] = {}


def cast(pair: Pair) -> Cast:
    if pair.world in _CASTS:
        return _CASTS[pair.world]
    kg = pair.plain
    counts: Counter[str] = Counter()
    partners: dict[str, Counter[str]] = {}
    for c in kg.source.all_contacts():
        who = [p.iri for p in c.participants]
        for x in who:
            counts[x] += 1
            partners.setdefault(x, Counter()).update(y for y in who if y != x)
    a = min(counts, key=lambda x: (-counts[x], x))
    b = min(partners[a], key=lambda y: (-partners[a][y], y))
    speakers = Counter(c.by.iri for c in kg.claims())
    speaker = min(speakers, key=lambda x: (-speakers[x], x))
    G = kg.network()
    far = max(nx.single_source_shortest_path_length(G, a).items(), key=lambda kv: (kv[1], kv[0]))[0]
    heads = sorted({t.b for t in kg.source.ties() if t.head})
    _CASTS[pair.world] = Cast(a=a, b=b, speaker=speaker, far=far, heads=heads[:2],
                              since=min(c.date for c in kg.source.all_contacts() if c.date)[:4])
    return _CASTS[pair.world]


def same(pair: Pair, ask: Any) -> None:
    """*ask* gives the same answer (or the same error) on both sides of the pair."""

    def answer(kg: KnowledgeGraph) -> Any:
        try:
            return ask(kg)
        except DiplographError as exc:
            return (type(exc).__name__, str(exc))

    expected, got = answer(pair.plain), answer(pair.indexed)
    assert got == expected


def test_the_index_answers(pair: Pair) -> None:
    assert type(pair.indexed.source).__name__ == "IndexContacts"
    assert type(pair.plain.source).__name__ == "StoreContacts"


def test_source_reads(pair: Pair) -> None:
    same(pair, lambda kg: _dicts(kg.source.all_contacts()))
    same(pair, lambda kg: _dicts(kg.source.events()))
    same(pair, lambda kg: _dicts(kg.source.ties()))
    same(pair, lambda kg: sorted(kg.source.codes().items()))
    same(pair, lambda kg: sorted(kg.source.languages().items()))
    same(pair, lambda kg: kg.source.count())
    same(pair, lambda kg: list(kg.names))
    same(pair, lambda kg: list(kg.names.keys()))


def test_contacts_and_plans(pair: Pair) -> None:
    c = cast(pair)
    same(pair, lambda kg: _dicts(kg.contacts(c["a"])))
    same(pair, lambda kg: _dicts(kg.contacts(c["a"], c["b"])))
    same(pair, lambda kg: _dicts(kg.contacts(c["a"], kinds=["phoneCall"], since=c["since"], until=2024)))
    same(pair, lambda kg: _dicts(kg.planned(c["a"])))
    same(pair, lambda kg: _dicts(kg.planned()))
    same(pair, lambda kg: _dicts(kg.contacts()))


def test_timeline_gaps_rhythm(pair: Pair) -> None:
    c = cast(pair)
    same(pair, lambda kg: _dicts(kg.timeline(c["a"], c["b"])))
    same(pair, lambda kg: _dicts(kg.timeline(c["a"])))
    same(pair, lambda kg: _dicts(kg.gaps(c["a"], c["b"])))
    same(pair, lambda kg: kg.rhythm(c["a"], c["b"]).as_dict())
    # what a rhythm counts, read by the index alone and taken from the store's full records
    same(pair, lambda kg: contact_facts(kg.source, [c["a"], c["b"], c["speaker"]]))
    if len(c["heads"]) == 2:
        same(pair, lambda kg: kg.rhythm(*c["heads"]).as_dict())


def test_claims_posts_show(pair: Pair) -> None:
    c = cast(pair)
    same(pair, lambda kg: _dicts(kg.claims()))
    same(pair, lambda kg: _dicts(kg.claims(by=c["speaker"])))
    same(pair, lambda kg: _dicts(kg.posts()))
    same(pair, lambda kg: kg.describe(c["a"]))
    same(pair, lambda kg: kg.describe(c["speaker"]))


@pytest.mark.parametrize("options", [{}, {"planned": True, "indirect": True, "institutional": True},
                                     {"since": 2015, "until": 2020}], ids=["default", "all", "window"])
def test_networks(pair: Pair, options: dict[str, Any]) -> None:
    same(pair, lambda kg: _graph(kg.network(**options)))
    same(pair, lambda kg: _graph(kg.network("bipartite", **{k: v for k, v in options.items()
                                                            if k != "institutional"})))


def test_network_questions(pair: Pair) -> None:
    c = cast(pair)
    same(pair, lambda kg: [s.as_dict() for s in kg.centrality("degree", top=20)])
    same(pair, lambda kg: [s.as_dict() for s in kg.centrality("betweenness", top=20)])
    same(pair, lambda kg: kg.path(c["a"], c["far"]).as_dict())
    same(pair, lambda kg: [p.as_dict() for p in kg.paths(c["a"], c["b"], institutional=True)])
    same(pair, lambda kg: _graph(kg.ego(c["a"], 2)))
    same(pair, lambda kg: kg.brokers().as_dict())
    same(pair, lambda kg: [x.as_dict() for x in kg.communities()])


def test_page_and_exports(pair: Pair, tmp_path: Any) -> None:
    c = cast(pair)
    same(pair, lambda kg: kg.view(c["a"], depth=1).html)
    for fmt in ("csv", "plover", "graphml"):
        same(pair, lambda kg, fmt=fmt: kg.export(tmp_path / f"{id(kg)}.{fmt}", format=fmt).read_bytes())


def test_full_network_and_evidence(pair: Pair) -> None:
    if pair.world != "seed":
        pytest.skip("the full network of the synthetic world is the whole graph: the seed's says the same")
    same(pair, lambda kg: _graph(kg.network("full")))
    same(pair, lambda kg: _dicts(kg.evidence("trump-putin-call-2019-05-01")))
