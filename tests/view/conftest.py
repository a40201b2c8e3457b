"""Fixtures for the page: the seed graph, hostile and large graphs, and a real browser (Debian chromium)."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

import diplograph as dg
from diplograph.records import ActorRef, ClaimRecord, ContactRecord, ContactSummary, Evidence, SourceRef
from diplograph.registry import NameIndex
from diplograph.view import project

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"
ID = "https://w3id.org/diplograph/id/"

#: Strings that would run if any were written as HTML or could close a <script> element.
HOSTILE_IMG = "<img src=x onerror=\"window.__xss='img';alert(1)\">"
HOSTILE_SCRIPT = "</script><script>window.__xss='script';alert(2)</script>"
HOSTILE_TITLE = "</title><script>window.__xss='title'</script>"


@pytest.fixture(scope="session")
def kg() -> Any:
    return dg.load()


@pytest.fixture(scope="session")
def persons(kg: Any) -> Any:
    """The persons network the page of the seed graph draws (indirect, planned contacts and ties included)."""
    return project(kg.source, "persons", indirect=True, planned=True, institutional=True, since=None, until=None)


@dataclass
class HostileSource:
    """A stand-in contact source whose every string is hostile (what the page reads of a source)."""

    records: list[ContactRecord] = field(default_factory=list)
    claim_records: list[ClaimRecord] = field(default_factory=list)
    names: NameIndex = field(default_factory=NameIndex)
    spec: str = "memory"
    cache: dict[str, Any] = field(default_factory=dict)

    def all_contacts(self) -> list[ContactRecord]:
        return list(self.records)

    def contacts_of(self, iris: Any) -> list[ContactRecord]:
        keep = set(iris)
        return [c for c in self.records if keep & {p.iri for p in c.participants}]

    def events(self) -> list[ContactSummary]:
        return [ContactSummary.of(c) for c in self.records]

    def ties(self) -> list[Any]:
        return []

    def tenures(self, iri: str) -> list[Any]:
        return []

    def claims(self, by: str | None = None) -> list[ClaimRecord]:
        return self.claim_records

    def codes(self) -> dict[str, Any]:
        return {}

    def languages(self) -> dict[str, str]:
        return {}

    def triples(self) -> Iterator[Any]:
        return iter(())

    def count(self) -> int:
        return 0


@pytest.fixture(scope="session")
def hostile() -> tuple[Any, HostileSource]:
    """A persons network and its records with hostile labels, quote, place, topics and source title."""
    a = ActorRef(f"{ID}person/a", f"Evil {HOSTILE_IMG}", f"شرير {HOSTILE_SCRIPT}")
    b = ActorRef(f"{ID}person/b", f"Bob {HOSTILE_SCRIPT}", "بوب")
    src = SourceRef(f"{ID}source/x", f"مقال {HOSTILE_IMG}", "2025-02-13T00:26:00")
    ev = Evidence(f"قال {HOSTILE_SCRIPT} ثم {HOSTILE_IMG}", 0, 10, src)
    record = ContactRecord(
        iri=f"{ID}contact/evil-call", kind="phoneCall", date="2025-02-13", precision="day", participants=(a, b),
        initiators=(a,), intermediaries=(), place=f"Paris {HOSTILE_IMG}", place_ar=f"باريس {HOSTILE_SCRIPT}",
        gathering=HOSTILE_SCRIPT, topics=(HOSTILE_IMG,), topics_ar=(HOSTILE_SCRIPT,), evidence=ev, source=src)
    g = nx.Graph(options={"network": "persons"})
    for actor in (a, b):
        g.add_node(actor.iri, iri=actor.iri, label=actor.label, label_ar=actor.label_ar, type="person")
    g.add_edge(a.iri, b.iri, events=[record.iri], kinds=["phoneCall"], dates=["2025-02-13"], planned=[False],
               count=1, weight=1.0, kind="phoneCall", ties=[], first="2025-02-13", last="2025-02-13")
    return g, HostileSource([record])


def synthetic(n: int, m: int = 3, seed: int = 1) -> nx.Graph:
    """A contract-following persons network of *n* actors (Barabási–Albert), one call per edge."""
    base = nx.barabasi_albert_graph(n, m, seed=seed)
    g = nx.Graph(options={"network": "persons"})
    for i in base:
        g.add_node(f"{ID}person/p{i}", iri=f"{ID}person/p{i}", label=f"Person {i}", label_ar=f"شخص {i}", type="person")
    for k, (u, v) in enumerate(base.edges()):
        date = f"{2000 + k % 25}-01-01"
        g.add_edge(f"{ID}person/p{u}", f"{ID}person/p{v}", events=[f"{ID}contact/c{k}"], kinds=["phoneCall"],
                   dates=[date], planned=[False], count=1, weight=1.0, kind="phoneCall", ties=[], first=date, last=date)
    return g


# -- the browser --

@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium driven by Playwright; skipped loudly without it (and a failure under CI=true)."""
    exe = shutil.which("chromium")
    problem = None
    if exe is None:
        problem = "Debian's chromium is not installed (apt-get install chromium; scripts/setup.sh does it)"
    else:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            problem = "the playwright Python package is missing (pip install -e '.[test]')"
    if problem is not None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"browser tests cannot run in CI: {problem}")
        pytest.skip(f"!!! BROWSER TESTS SKIPPED: {problem} !!!")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, headless=True,
                              args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()


@dataclass
class Opened:
    """A page open in the browser, with what it logged and requested."""

    page: Any
    url: str
    errors: list[str]
    requests: list[str]
    dialogs: list[str]

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def visible(self) -> dict[str, int]:
        result: dict[str, int] = self.js("window.diplograph.visible()")
        return result

    def settle(self) -> None:
        """Wait until the labels drawn were placed for the view shown (after a zoom, a drag or a resize)."""
        deadline = time.monotonic() + 20
        time.sleep(0.15)
        while not self.js("!window.diplograph.labeller || window.diplograph.labeller.settled()"):
            assert time.monotonic() < deadline, "the labels were never placed for the view shown"
            time.sleep(0.1)

    def screenshot(self, path: Path, name: str) -> Path:
        shot = path / f"{name}.png"
        self.page.screenshot(path=str(shot))
        SCREENSHOTS.mkdir(exist_ok=True)
        shutil.copyfile(shot, SCREENSHOTS / f"{name}.png")
        return shot


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """Open an HTML file and wait until it is drawn."""
    contexts: list[Any] = []

    def _open(path: Path, width: int = 1400, height: int = 900) -> Opened:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page, path.resolve().as_uri(), [], [], [])
        page.on("console", lambda m: opened.errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on("request", lambda r: opened.requests.append(r.url))
        page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        page.goto(opened.url)
        deadline = time.monotonic() + 90
        # Polled from here: wait_for_function evaluates strings, which the page's CSP forbids.
        while not page.evaluate("!!(window.diplograph && window.diplograph.state.ready)"):
            if time.monotonic() > deadline:
                raise AssertionError(f"the page did not settle; errors: {opened.errors}")
            time.sleep(0.1)
        opened.settle()
        return opened

    yield _open
    for c in contexts:
        c.close()
