"""Fixtures for the review page: a hostile article's draft, and the browser of the graph page's tests."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from diplograph.cli import main

from ..view.conftest import HOSTILE_IMG, HOSTILE_SCRIPT, HOSTILE_TITLE

#: An Arabic article whose every kind of fact carries a string that would run if written as HTML.
HOSTILE_ARTICLE = (
    f"بوتين وأردوغان يبحثان هاتفيا {HOSTILE_TITLE}\n\n"
    "موسكو - الخميس 13 فبراير 2025\n\n"
    f"أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان أمس {HOSTILE_IMG}، "
    "وفق ما أعلن الكرملين.\n\n"
    f"ومن المقرر أن يلتقي بوتين وأردوغان في أنقرة الشهر المقبل {HOSTILE_SCRIPT}.\n\n"
    "ونفى الكرملين تقارير عن اتصال بين بوتين والرئيس الفرنسي إيمانويل ماكرون.\n\n"
    "واستقبل وزير الخارجية الموريتاني محمد سالم ولد مرزوك سفير روسيا في نواكشوط.\n"
)


@pytest.fixture
def hostile_draft(tmp_path: Path) -> Path:
    article = tmp_path / "article.txt"
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    draft = tmp_path / "draft.yaml"
    assert main(["extract", str(article), "-o", str(draft), "--review"]) == 0
    return draft


@pytest.fixture(scope="module")
def review_browser() -> Iterator[Any]:
    """Debian's chromium driven by Playwright, for this module only (the graph page's tests start their own).

    Skipped loudly without it, and a failure under CI=true.
    """
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
