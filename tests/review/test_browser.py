"""The review page in a real browser (Debian chromium through Playwright): offline, no errors, text stays text.

Screenshots go to the test's folder and to ``screenshots/`` (git-ignored) for people to look at.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..view.conftest import SCREENSHOTS
from .conftest import HOSTILE_IMG, HOSTILE_SCRIPT


@pytest.fixture
def opened(review_browser: Any, hostile_draft: Path) -> Iterator[Any]:
    contexts: list[Any] = []

    def _open(width: int = 1400, height: int = 900) -> tuple[Any, dict[str, list[str]]]:
        context = review_browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        log: dict[str, list[str]] = {"errors": [], "requests": [], "dialogs": []}
        page.on("console", lambda m: log["errors"].append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: log["errors"].append(str(e)))
        page.on("request", lambda r: log["requests"].append(r.url))
        page.on("dialog", lambda d: (log["dialogs"].append(d.message), d.dismiss()))
        url = hostile_draft.with_suffix(".html").resolve().as_uri()
        page.goto(url)
        deadline = time.monotonic() + 60
        while not page.evaluate("!!window.diplographReview"):
            assert time.monotonic() < deadline, f"the page did not load: {log['errors']}"
            time.sleep(0.1)
        log["requests"] = [u for u in log["requests"] if u != url]
        return page, log

    yield _open
    for c in contexts:
        c.close()


def _shot(page: Any, tmp_path: Path, name: str) -> None:
    shot = tmp_path / f"{name}.png"
    page.screenshot(path=str(shot), full_page=False)
    SCREENSHOTS.mkdir(exist_ok=True)
    shutil.copyfile(shot, SCREENSHOTS / f"{name}.png")


@pytest.mark.parametrize(("width", "height"), [(1400, 900), (1024, 700)])
def test_review_page_offline_without_errors(opened: Any, tmp_path: Path, width: int, height: int) -> None:
    page, log = opened(width, height)
    assert log["requests"] == [] and log["errors"] == [] and log["dialogs"] == []
    assert page.evaluate("window.__xss") is None
    counts = page.evaluate("window.diplographReview.counts()")
    assert counts["cards"] == 4 and counts["marks"] >= 4  # contact, plan, denial, new person
    # the hostile strings are shown as the article's text, not run
    article = page.inner_text("#article")
    assert HOSTILE_IMG in article and HOSTILE_SCRIPT in article
    assert page.evaluate("document.querySelectorAll('#article img, #article script, aside img').length") == 0
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # no sideways scrolling
    assert page.evaluate("getComputedStyle(document.getElementById('article')).direction") == "rtl"
    _shot(page, tmp_path, f"review-{width}x{height}")


def test_a_card_and_its_evidence_select_each_other(opened: Any, tmp_path: Path) -> None:
    page, log = opened()
    first = page.query_selector(".card")
    first.click()
    assert page.evaluate("document.querySelectorAll('.card.selected').length") == 1
    assert page.evaluate("document.querySelectorAll('mark.flash').length") >= 1
    page.click("mark.k-contact")
    selected = page.evaluate("Array.prototype.map.call(document.querySelectorAll('.card.selected'), "
                             "function (c) { return c.className; })")
    assert len(selected) == 1 and "k-contact" in selected[0]
    # only what is marked for review: the new person's card stays
    page.check("#only-review")
    visible = page.evaluate("Array.prototype.filter.call(document.querySelectorAll('.card'), "
                            "function (c) { return !c.classList.contains('hidden'); }).length")
    assert visible == page.evaluate("window.diplographReview.counts().review")
    assert log["errors"] == []
    _shot(page, tmp_path, "review-only-marked")
