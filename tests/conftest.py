"""Shared fixtures: the seed graph is parsed once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import diplograph as dg
from diplograph.bundled import GRAPH_DIR, REGISTRY_FILE
from diplograph.registry import Registry

ROOT = Path(__file__).resolve().parents[1]
SEED = "000_b6e70fef1162659b"


@pytest.fixture(scope="session")
def kg() -> dg.KnowledgeGraph:
    """The knowledge graph of the seed article, with the ontology."""
    return dg.load()


@pytest.fixture(scope="session")
def registry() -> Registry:
    return Registry.read(REGISTRY_FILE)


@pytest.fixture()
def graph_dir(tmp_path: Path) -> Path:
    """A private copy of graph/ (registry, annotations, sources, built graph)."""
    target = tmp_path / "graph"
    shutil.copytree(GRAPH_DIR, target, ignore=shutil.ignore_patterns("*.html"))
    return target


def iri(kind: str, local: str) -> str:
    return f"https://w3id.org/diplograph/id/{kind}/{local}"
