"""The review page's data and HTML: every proposal a card, its evidence in place, hostile text kept text."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from diplograph.annotation import load_annotation
from diplograph.bundled import GRAPH_DIR
from diplograph.cli import main
from diplograph.registry import Registry
from diplograph.review import review_data, review_page, segments

from .conftest import HOSTILE_IMG, HOSTILE_SCRIPT, HOSTILE_TITLE


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.read(GRAPH_DIR / "registry.yaml")


def test_segments_cut_the_text_where_cards_start_and_end() -> None:
    parts = segments("abcdef", [("x", 1, 4), ("y", 2, 6), ("bad", 4, 99)])
    assert "".join(p["text"] for p in parts) == "abcdef"
    assert [(p["text"], p["cards"]) for p in parts] == [("a", []), ("b", ["x"]), ("cd", ["x", "y"]), ("ef", ["y"])]


def test_every_proposal_is_a_card_with_its_evidence_and_draft_lines(hostile_draft: Path, registry: Registry) -> None:
    ann = load_annotation(hostile_draft, registry)
    data = review_data(ann, registry, hostile_draft.read_text(encoding="utf-8"))
    counts = data["counts"]
    assert counts["contact"] == len(ann.contacts) >= 1 and counts["plan"] == len(ann.plans) >= 1
    assert counts["denial"] == 1 and counts["candidate"] == 1
    text = ann.source.text.text
    lines = hostile_draft.read_text(encoding="utf-8").splitlines()
    for card in data["cards"]:
        a, b = card["span"]
        assert text[a:b] == card["evidence"]  # the evidence stands where the card says
        assert card["yaml"].splitlines()[0] == lines[card["line"] - 1]  # the card's lines are the draft's own
    call = next(c for c in data["cards"] if c["section"] == "contact" and c["kind"] == "phoneCall")
    assert call["date"] == "2025-02-12" and "أمس" in call["date_how"]
    assert call["confidence"] is not None and call["why"]
    assert {p["new"] for p in call["participants"]} == {False}
    assert "".join(s["text"] for s in data["segments"]) == text


def test_hostile_text_stays_text_in_the_html(hostile_draft: Path, registry: Registry) -> None:
    html = review_page(hostile_draft, registry)
    assert "default-src 'none'" in html and "connect-src 'none'" in html
    for bad in (HOSTILE_IMG, HOSTILE_SCRIPT, HOSTILE_TITLE):
        assert bad not in html
    assert html.count("<script") == 2 and html.lower().count("</script") == 2  # the data and the page's own
    assert "<img" not in html
    assert not re.search(r"\b(?:src|href)=[\"']?(?:https?:)?//", html)  # nothing is fetched


def test_cli_review_and_extract_review(hostile_draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = hostile_draft.with_suffix(".html")
    assert page.is_file()  # written by extract --review
    out = tmp_path / "again.html"
    assert main(["review", str(hostile_draft), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == page.read_text(encoding="utf-8")
    assert "1 denial(s)" in capsys.readouterr().err
    assert main(["review", str(tmp_path / "missing.yaml")]) != 0
    assert main(["review", str(hostile_draft), "-o", str(hostile_draft)]) != 0
    assert main(["extract", str(tmp_path / "article.txt"), "--review"]) != 0  # the page needs the draft's file
    assert hostile_draft.read_text(encoding="utf-8")  # the draft is untouched


def test_add_refuses_a_draft_still_marked_for_review(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Talks\n\nVladimir Putin could meet Recep Tayyip Erdogan soon, a source said.\n"
                       "Putin and Erdogan spoke by phone on Tuesday.\n", encoding="utf-8")
    draft = tmp_path / "a.yaml"
    assert main(["extract", str(article), "-o", str(draft), "--published", "2025-02-13", "--threshold", "1"]) == 0
    assert "review:" in draft.read_text(encoding="utf-8")
    graph = tmp_path / "graph"
    shutil.copytree(GRAPH_DIR, graph)
    before = (graph / "diplograph.ttl").read_bytes()
    assert main(["add", str(draft), "--graph-dir", str(graph)]) != 0
    assert "still marked for review" in capsys.readouterr().err
    assert (graph / "diplograph.ttl").read_bytes() == before
