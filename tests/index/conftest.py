"""Fixtures: each world (the seed, a synthetic 2,000-contact world) on each store, answered twice.

Every pair is one store asked through its named queries (``index=False``) and
through its contact index (``index=True``): the differential tests compare
their answers.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

import diplograph as dg
from diplograph.bundled import GRAPH_FILE, ONTOLOGY_FILE
from diplograph.kg import KnowledgeGraph
from diplograph.synth import write

from ..backends.virtuoso import Virtuoso, start_virtuoso

STORES = ("memory", "oxigraph", "virtuoso")
WORLDS = ("seed", "synth")


class Pair(NamedTuple):
    """One store, answered by SPARQL (``plain``) and by its index (``indexed``)."""

    world: str
    store: str
    plain: KnowledgeGraph
    indexed: KnowledgeGraph


@pytest.fixture(scope="session")
def world_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    synth = tmp_path_factory.mktemp("world") / "synth-2000.nt"
    write(synth, 2000, seed=7, countries=12)
    return {"seed": [GRAPH_FILE, ONTOLOGY_FILE], "synth": [synth, ONTOLOGY_FILE]}


@pytest.fixture(scope="session")
def index_virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    try:
        instance = start_virtuoso(Path(tmp_path_factory.mktemp("virtuoso-index")))
    except RuntimeError as exc:
        reason = f"VIRTUOSO COULD NOT START, Virtuoso index tests not run: {exc}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    yield instance
    instance.stop()


_PAIRS: dict[tuple[str, str], Pair] = {}


@pytest.fixture(scope="session", params=[(w, s) for w in WORLDS for s in STORES], ids=lambda p: f"{p[0]}-{p[1]}")
def pair(request: pytest.FixtureRequest, world_files: dict[str, list[Path]],
         tmp_path_factory: pytest.TempPathFactory) -> Pair:
    world, store = request.param
    if (world, store) not in _PAIRS:
        if store == "virtuoso":
            spec = f"sparql:{request.getfixturevalue('index_virtuoso').sparql_url}"
            options = {"graph": f"https://w3id.org/diplograph/test/{world}"}
        elif store == "oxigraph":
            spec, options = f"oxigraph:{tmp_path_factory.mktemp(f'ox-{world}')}", {}
        else:
            spec, options = "memory", {}
        plain = dg.load(*world_files[world], ontology=False, store=spec, index=False, **options)
        indexed = KnowledgeGraph(plain.store, index=True)
        _PAIRS[world, store] = Pair(world, store, plain, indexed)
    return _PAIRS[world, store]
