"""The pool of query workers: who runs next, for how long, in how much memory.

Every query runs in a worker process (:mod:`.worker`) that the pool kills
(SIGKILL) and replaces when the query runs past its time or memory limit.
So that a few expensive queries cannot lock everyone out:

- ``size`` *general* workers run queries under the full time limit;
- one more, the *short* worker, takes a query only when every general worker
  is busy, and gives it ``short_timeout`` seconds (a spare worker, its store
  already open, takes its place at once when it is killed). A query that does not
  finish in that time is stopped and waits for a general worker. A client
  one of whose queries ran longer than ``short_timeout`` (anywhere) is
  marked as sending slow queries for a while, and its queries go to general
  workers only. A worker whose query runs past ``short_timeout`` is given a
  lower CPU priority (nice 10) until it answers, so that long queries do not
  take the processors from short ones. Cheap
  queries keep being answered while expensive ones run;
- one client address may have at most ``per_client`` queries running or
  waiting (429 beyond that);
- at most ``max_queue`` queries wait for a worker, each for at most
  ``queue_wait`` seconds (503 beyond that, with ``Retry-After``);
- a worker whose private memory passes ``max_memory`` bytes is killed and
  the query answered with 503.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from .worker import Reply, WorkerSettings, worker_main

__all__ = ["PoolLimits", "WorkerPool"]

log = logging.getLogger(__name__)

_GENERAL, _SHORT, _SPARE = "general", "short", "spare"
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_POLL = 0.05


@dataclass
class PoolLimits:
    """How much a query may take, and how many may run and wait.

    Parameters
    ----------
    size : int
        General workers (queries that may run at once under the full time limit).
    timeout : float
        Seconds a query may run on a general worker.
    short_timeout : float
        Seconds a query may run on the short worker, while every general one is busy.
    max_memory : int
        Bytes of private memory a worker may hold while it runs a query.
    per_client : int
        Queries one client address may have running or waiting.
    max_queue : int
        Queries that may wait for a worker.
    queue_wait : float
        Seconds a query may wait for a worker.
    startup : float
        Seconds a worker may take to open the store.
    """

    size: int = 2
    timeout: float = 10.0
    short_timeout: float = 1.0
    max_memory: int = 1024 * 1024 * 1024
    per_client: int = 2
    max_queue: int = 16
    queue_wait: float = 10.0
    startup: float = 120.0


def private_memory(pid: int) -> int | None:
    """Bytes of memory a process holds of its own (resident, not shared with files); None if unknown."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            fields = f.read().split()
    except OSError:
        return None
    return (int(fields[1]) - int(fields[2])) * _PAGE


#: The CPU priority (nice) a worker gets once its query has run past the short limit, so that
#: short queries keep their share of the processors while long ones run.
_LONG_QUERY_NICENESS = 10


class _Worker:
    def __init__(self, ctx: Any, settings: WorkerSettings, lane: str, confine: bool, startup: float):
        parent, child = ctx.Pipe()
        self.lane = lane
        self.conn: Connection = parent
        self.niced = False
        self.process = ctx.Process(target=worker_main, args=(settings, child, confine), daemon=True)
        self.process.start()
        child.close()
        if not parent.poll(startup):
            self.kill()
            raise RuntimeError(f"a query worker did not start within {startup:.0f} s")
        status, message = parent.recv()
        if status != "ready":
            self.kill()
            raise RuntimeError(f"a query worker could not open the store: {message}")
        self.confinement: str = message

    def set_niceness(self, niced: bool) -> None:
        """Lower the worker's CPU priority while it runs a long query; raise it again after (where allowed)."""
        if niced == self.niced or not hasattr(os, "setpriority") or not self.process.pid:
            return
        try:
            os.setpriority(os.PRIO_PROCESS, self.process.pid, _LONG_QUERY_NICENESS if niced else 0)
            self.niced = niced
        except OSError:  # raising it again needs privilege: the worker stays lower until it is replaced
            pass

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


def _busy(message: str, retry: float) -> Reply:
    reply = Reply.text(503, message)
    reply.retry_after = max(1, round(retry))
    return reply


class WorkerPool:
    """Query worker processes with hard time and memory limits and fair turns (see the module's notes).

    Parameters
    ----------
    spec : str
        The store (``memory``, ``oxigraph:PATH``, ``sparql:URL``).
    files : list of Path
        For ``memory``: the graph files each worker reads.
    limits : PoolLimits
    max_rows, max_bytes : int
        Largest result a query may return, in rows (or triples) and in bytes.
    options : dict
        Passed to the store's backend.
    """

    def __init__(self, spec: str, files: list[Path] | None = None, limits: PoolLimits | None = None,
                 max_rows: int = 10_000, max_bytes: int = 16 * 1024 * 1024, options: dict[str, Any] | None = None):
        self.limits = limits or PoolLimits()
        self._settings = WorkerSettings(spec, list(files or []), max_rows, max_bytes, dict(options or {}))
        self._confine = not spec.startswith("sparql:")  # a remote store is reached over the network
        self._ctx = multiprocessing.get_context("spawn")
        self._cond = threading.Condition()
        self._idle: dict[str, list[_Worker]] = {_GENERAL: [], _SHORT: []}
        self._all: set[_Worker] = set()
        self._closed = False
        self._waiting = 0
        self._per_client: dict[str, int] = {}
        self._slow_until: dict[str, float] = {}
        self._spare: _Worker | None = None
        #: How the workers are kept off the network ("" when they are not).
        self.confinement = ""

    @property
    def timeout(self) -> float:
        """Seconds a query may run on a general worker."""
        return self.limits.timeout

    # -- workers --

    def start(self) -> None:
        """Start every worker, in parallel (blocks until each has opened the store).

        Raises
        ------
        RuntimeError
            A worker could not open the store.
        """
        lanes = [_GENERAL] * self.limits.size + [_SHORT, _SPARE]
        errors: list[Exception] = []

        def one(lane: str) -> None:
            try:
                self._add(self._spawn(lane))
            except Exception as exc:
                errors.append(exc)

        threads = [threading.Thread(target=one, args=(lane,)) for lane in lanes]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if errors:
            self.close()
            raise RuntimeError(str(errors[0]))

    def _spawn(self, lane: str) -> _Worker:
        worker = _Worker(self._ctx, self._settings, lane, self._confine, self.limits.startup)
        self.confinement = worker.confinement
        return worker

    def _add(self, worker: _Worker) -> None:
        with self._cond:
            if self._closed:
                worker.kill()
                return
            self._all.add(worker)
            if worker.lane == _SPARE:
                self._spare = worker
            else:
                self._idle[worker.lane].append(worker)
            self._cond.notify_all()

    def _release(self, worker: _Worker) -> None:
        with self._cond:
            self._idle[worker.lane].append(worker)
            self._cond.notify_all()

    def _replace(self, dead: _Worker) -> None:
        lane = dead.lane
        with self._cond:
            self._all.discard(dead)
            if lane == _SHORT and self._spare is not None:  # the short worker is back at once
                spare, self._spare = self._spare, None
                spare.lane = _SHORT
                self._idle[_SHORT].append(spare)
                self._cond.notify_all()
                lane = _SPARE
        dead.kill()

        def respawn() -> None:
            try:
                self._add(self._spawn(lane))
            except Exception as exc:
                log.error("could not replace a query worker: %s", exc)

        threading.Thread(target=respawn, daemon=True).start()

    def close(self) -> None:
        """Stop every worker."""
        with self._cond:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
            self._cond.notify_all()
        for w in workers:
            w.kill()

    # -- turns --

    def _admit(self, client: str) -> Reply | None:
        limits = self.limits
        if self._per_client.get(client, 0) >= limits.per_client:
            return Reply.text(429, f"too many queries at once from {client or 'this client'} (the server's limit "
                                   f"is {limits.per_client}); wait for an answer before sending more")
        free = sum(len(v) for v in self._idle.values())
        if free == 0 and self._waiting >= limits.max_queue:
            return _busy(f"the server is busy: {self._waiting} queries are waiting for a worker; try again",
                         limits.timeout)
        self._per_client[client] = self._per_client.get(client, 0) + 1
        return None

    def _leave(self, client: str) -> None:
        with self._cond:
            left = self._per_client.get(client, 1) - 1
            if left > 0:
                self._per_client[client] = left
            else:
                self._per_client.pop(client, None)

    def _is_slow(self, client: str) -> bool:
        until = self._slow_until.get(client)
        if until is None:
            return False
        if until < time.monotonic():
            del self._slow_until[client]
            return False
        return True

    def _mark_slow(self, client: str) -> None:
        with self._cond:
            if len(self._slow_until) > 10_000:
                self._slow_until.clear()
            self._slow_until[client] = time.monotonic() + max(30.0, 3 * self.limits.timeout)

    def _acquire(self, short_ok: bool, deadline: float) -> _Worker | None:
        with self._cond:
            self._waiting += 1
            try:
                while not self._closed:
                    if self._idle[_GENERAL]:
                        return self._idle[_GENERAL].pop()
                    if short_ok and self._idle[_SHORT]:
                        return self._idle[_SHORT].pop()
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        return None
                    self._cond.wait(remaining)
                return None
            finally:
                self._waiting -= 1

    # -- running --

    def run(self, text: str, accept: str | None, client: str = "") -> Reply:
        """Run one query for *client* (its address); blocks the calling thread (call it from a thread pool)."""
        with self._cond:
            refused = self._admit(client)
        if refused is not None:
            return refused
        try:
            return self._dispatch(text, accept, client)
        finally:
            self._leave(client)

    def _dispatch(self, text: str, accept: str | None, client: str) -> Reply:
        limits = self.limits
        deadline = time.monotonic() + limits.queue_wait
        with self._cond:
            short_ok = not self._is_slow(client)
        while True:
            worker = self._acquire(short_ok, deadline)
            if worker is None:
                return _busy(f"the server is busy: no query worker was free within {limits.queue_wait:g} s; "
                             "try again", limits.timeout)
            limit = limits.timeout if worker.lane == _GENERAL else min(limits.short_timeout, limits.timeout)
            started = time.monotonic()
            reply = self._run_on(worker, text, accept, limit)
            if time.monotonic() - started > limits.short_timeout:
                self._mark_slow(client)  # its next queries go to general workers only
            if reply is not None:
                return reply
            if worker.lane == _SHORT and limit < limits.timeout:
                short_ok = False  # wait for a general worker
                continue
            log.info("query cut off after %.1f s", limit)
            return Reply.text(503, f"query cut off after {limits.timeout:g} s (the server's time limit); "
                                   "simplify it or add a LIMIT")

    def _run_on(self, worker: _Worker, text: str, accept: str | None, limit: float) -> Reply | None:
        """The worker's reply; None when the query ran past *limit* (the worker is then replaced)."""
        started = time.monotonic()
        try:
            worker.conn.send((text, accept))
            while True:
                left = limit - (time.monotonic() - started)
                if left <= 0:
                    self._replace(worker)
                    return None
                if worker.conn.poll(min(_POLL, left)):
                    reply: Reply = worker.conn.recv()
                    worker.set_niceness(False)
                    self._release(worker)
                    if reply.detail:
                        log.warning("a query failed inside the engine: %s", reply.detail)
                    return reply
                if time.monotonic() - started > self.limits.short_timeout:
                    worker.set_niceness(True)
                used = private_memory(worker.process.pid or 0)
                if used is not None and used > self.limits.max_memory:
                    self._replace(worker)
                    log.warning("a query worker passed the memory limit (%d MB) and was stopped", used >> 20)
                    return Reply.text(503, f"the query needed more than {self.limits.max_memory >> 20} MB of memory "
                                           "(the server's limit per query); simplify it or add a LIMIT")
        except (EOFError, OSError) as exc:
            log.warning("a query worker died: %s", exc)
            self._replace(worker)
            return Reply.text(503, "the query worker stopped while running the query (it may have run out of "
                                   "memory); simplify the query")

