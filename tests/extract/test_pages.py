"""Scoring on saved pages: gold files, matching by names as written, strict and loose, denials, people."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.cli import main
from diplograph.errors import InputError
from diplograph.extract.pages import read_gold, score_pages

REPO = Path(__file__).resolve().parents[2]

PAGE = ("Putin and Erdogan speak by phone\n\n"
        "Russian President Vladimir Putin and Turkish President Recep Tayyip Erdogan spoke by phone on Tuesday, "
        "the Kremlin said.\n"
        "Polish President Jan Nowak met Vladimir Putin in Moscow on Monday.\n"
        "The Kremlin denied reports that Putin had spoken with Emmanuel Macron.\n")
GOLD = """\
url: https://example.org/putin-erdogan
language: en
published: "2025-02-13"
found_by: {query: "Putin Erdogan phone call", rank: 1}
contacts:
  - kind: phoneCall
    participants: [Vladimir Putin, Recep Tayyip Erdogan]
    date: "2025-02-11"
  - kind: inPersonMeeting
    participants: [President Nowak, Vladimir Putin]
    date: "2025-02-03"
denials:
  - {participants: [Vladimir Putin, Emmanuel Macron], by: Kremlin}
new_people:
  - {name: Jan Nowak, title: Polish President, country: Poland}
"""


@pytest.fixture
def saved(tmp_path: Path) -> tuple[Path, Path]:
    texts, gold = tmp_path / "texts", tmp_path / "gold"
    texts.mkdir()
    gold.mkdir()
    (texts / "en-example-2025-02-13.txt").write_text(PAGE, encoding="utf-8")
    (gold / "en-example-2025-02-13.yaml").write_text(GOLD, encoding="utf-8")
    return texts, gold


def test_strict_needs_the_date_loose_only_the_participants(saved, registry) -> None:
    texts, gold = saved
    (page,) = score_pages(texts, [gold], registry)
    s = page.scores
    # the call matches on both counts; the meeting's gold date is wrong on purpose: loose only
    assert (s["contacts"].tp, s["contacts"].fp, s["contacts"].fn) == (1, 1, 1)
    assert (s["contacts_loose"].tp, s["contacts_loose"].fp, s["contacts_loose"].fn) == (2, 0, 0)
    assert (s["dates"].tp, s["dates"].tp + s["dates"].fn) == (1, 2)
    assert s["denials"].tp == 1 and page.denied_contacts == 0
    assert s["people"].tp == 1  # "President Nowak" is the proposed "Jan Nowak", honorific left out


def test_a_high_threshold_leaves_proposals_out(saved, registry) -> None:
    texts, gold = saved
    (page,) = score_pages(texts, [gold], registry, threshold=1.01)
    assert page.scores["contacts_loose"].tp == 0 and page.scores["contacts_loose"].fn == 2


def test_unscored_readings_count_neither_way(saved, registry) -> None:
    texts, gold = saved
    path = gold / "en-example-2025-02-13.yaml"
    path.write_text(GOLD.replace("  - kind: inPersonMeeting\n    participants: [President Nowak, Vladimir Putin]\n"
                                 "    date: \"2025-02-03\"\n", "")
                    + "unscored:\n  - {participants: [Jan Nowak, Vladimir Putin], why: a test}\n", encoding="utf-8")
    (page,) = score_pages(texts, [gold], registry)
    c = page.scores["contacts"]
    assert (c.tp, c.fp, c.fn) == (1, 0, 0)


def test_missing_texts_and_bad_gold_are_named(saved, registry, tmp_path: Path) -> None:
    texts, gold = saved
    (texts / "en-example-2025-02-13.txt").unlink()
    with pytest.raises(InputError, match="no saved text for en-example-2025-02-13"):
        score_pages(texts, [gold], registry)
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOLD.replace("language: en", "language: fr"), encoding="utf-8")
    with pytest.raises(InputError, match="neither ar nor en"):
        read_gold(bad)
    bad.write_text(GOLD + "text: the page itself\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown key 'text'"):
        read_gold(bad)


def test_every_gold_file_of_the_repository_reads_and_holds_no_page_text() -> None:
    files = sorted((REPO / "eval" / "real").glob("*/*.yaml"))
    dev = [p for p in files if p.parent.name == "dev"]
    test = [p for p in files if p.parent.name == "test"]
    assert len(dev) >= 30 and len(test) >= 20
    assert not {p.name for p in dev} & {p.name for p in test}
    hosts = {}
    for p in files:
        g = read_gold(p)
        assert g.url.startswith("http")
        hosts.setdefault(p.parent.name, set()).add(g.url.split("/")[2].removeprefix("www."))
    assert not hosts["dev"] & hosts["test"]  # split by outlet
    assert not list((REPO / "eval").rglob("*.txt"))


def test_cli_evaluate_pages(saved, capsys) -> None:
    texts, gold = saved
    assert main(["evaluate-pages", str(texts), str(gold), "--details"]) == 0
    out = capsys.readouterr()
    assert "missed contact President Nowak + Vladimir Putin 2025-02-03" in out.out
    assert "extra  contact Jan Nowak + Vladimir Putin 2025-02-10" in out.out
    assert "contacts strict  P 0.500  R 0.500" in out.err
    assert main(["evaluate-pages", str(texts), str(gold), "--format", "json"]) == 0
