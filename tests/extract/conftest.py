"""Shared fixtures: the seed registry and the test articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.bundled import GRAPH_DIR
from diplograph.registry import Registry

ARTICLES = Path(__file__).parent / "data" / "articles"


@pytest.fixture(scope="session")
def registry() -> Registry:
    return Registry.read(GRAPH_DIR / "registry.yaml")


@pytest.fixture(scope="session")
def seed_annotation_path() -> Path:
    return next(iter(sorted((GRAPH_DIR / "annotations").glob("*.yaml"))))
