"""Session fixtures: the seed graph on memory, on Oxigraph, and on a private Virtuoso instance."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import diplograph as dg
from diplograph.kg import KnowledgeGraph

from .virtuoso import Virtuoso, start_virtuoso


@pytest.fixture(scope="session")
def memory_kg() -> KnowledgeGraph:
    return dg.load()


@pytest.fixture(scope="session")
def oxigraph_kg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    kg = dg.load(store=f"oxigraph:{tmp_path_factory.mktemp('oxigraph')}", create=True)
    yield kg
    kg.close()


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    try:
        instance = start_virtuoso(Path(tmp_path_factory.mktemp("virtuoso")))
    except RuntimeError as exc:
        reason = f"VIRTUOSO COULD NOT START, Virtuoso tests not run: {exc}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    yield instance
    instance.stop()


@pytest.fixture(scope="session")
def virtuoso_kg(virtuoso: Virtuoso) -> Iterator[KnowledgeGraph]:
    kg = dg.load(dg.bundled.GRAPH_FILE, store=f"sparql:{virtuoso.sparql_url}")
    yield kg
    kg.close()
