"""Fixtures for the review page: a hostile article's draft, and the browser of the graph page's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.cli import main

from ..view.conftest import HOSTILE_IMG, HOSTILE_SCRIPT, HOSTILE_TITLE, browser  # noqa: F401  (a fixture)

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
