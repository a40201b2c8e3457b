"""A query worker of an embedded store has no network, so SERVICE reaches nothing even if the guard let it by."""

from __future__ import annotations

import multiprocessing
import platform
from typing import Any

import pytest

from diplograph.bundled import GRAPH_FILE, ONTOLOGY_FILE
from diplograph.server.confine import confine_network
from diplograph.server.pool import PoolLimits, WorkerPool

from .conftest import Listener

pytestmark = pytest.mark.skipif(platform.system() != "Linux", reason="the confinement is Linux's")


def _service_from_a_confined_process(port: int, queue: Any) -> None:
    how = confine_network()
    import pyoxigraph as ox

    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.Literal("o")))
    try:
        list(store.query(f"SELECT * {{ SERVICE <http://127.0.0.1:{port}/x> {{ ?a ?b ?c }} }}"))  # type: ignore[arg-type]
        outcome = "answered"
    except OSError as exc:
        outcome = f"{type(exc).__name__}: {exc}"
    queue.put((how, outcome))


def test_a_confined_process_cannot_reach_a_local_listener(listener: Listener) -> None:
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    process = ctx.Process(target=_service_from_a_confined_process, args=(listener.port, queue))
    process.start()
    how, outcome = queue.get(timeout=60)
    process.join(10)
    assert how, "neither a network namespace nor seccomp could be set up"
    assert "unreachable" in outcome or "Permission denied" in outcome, outcome
    assert listener.take(settle=0.2) == []


def test_the_workers_of_an_embedded_store_are_confined() -> None:
    pool = WorkerPool("memory", [GRAPH_FILE, ONTOLOGY_FILE], PoolLimits(size=1, timeout=10))
    pool.start()
    try:
        assert pool.confinement  # e.g. "network namespace + seccomp"
    finally:
        pool.close()
