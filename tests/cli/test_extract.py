"""diplograph extract / add / evaluate on a copy of the seed graph."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from diplograph.bundled import GRAPH_DIR
from diplograph.cli import main

ARTICLES = Path(__file__).parents[1] / "data" / "articles"


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def graph_dir(tmp_path: Path) -> Path:
    target = tmp_path / "graph"
    shutil.copytree(GRAPH_DIR, target)
    return target


def test_extract_writes_a_draft(tmp_path: Path, capsys) -> None:
    out = tmp_path / "draft.yaml"
    assert main(["extract", str(ARTICLES / "ar_putin_erdogan_call.txt"), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "kind: phoneCall" in text and "candidates:" in text
    assert "1 candidate(s)" in capsys.readouterr().err


def test_extract_to_stdout_with_language_and_date(capsys, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Trump met Putin yesterday in Helsinki.\n", encoding="utf-8")
    assert main(["extract", str(article), "--lang", "en", "--published", "2018-07-17"]) == 0
    out = capsys.readouterr().out
    assert 'date: "2018-07-16"' in out and "place: \"Helsinki\"" in out


def test_extract_errors_are_clear(tmp_path: Path, capsys) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Trump met Putin.\n", encoding="utf-8")
    assert main(["extract", str(article)]) == 3
    assert "--published" in capsys.readouterr().err
    assert main(["extract", str(article), "--published", "yesterday"]) == 3
    assert main(["extract", str(tmp_path / "missing.txt")]) == 7
    empty = tmp_path / "empty.txt"
    empty.write_text(" \n-- 12 --\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["extract", str(empty), "--published", "2025-02-13", "-o", str(tmp_path / "d.yaml")]) == 3
    assert "no words to read" in capsys.readouterr().err and not (tmp_path / "d.yaml").exists()


def _reviewed(tmp_path: Path, name: str) -> Path:
    """A gold annotation copied next to its text, as a reviewer would hand it in."""
    for suffix in (".txt", ".yaml"):
        shutil.copy(ARTICLES / f"{name}{suffix}", tmp_path / f"{name}{suffix}")
    return tmp_path / f"{name}.yaml"


def test_add_merges_an_article_and_readding_changes_nothing(graph_dir: Path, tmp_path: Path, capsys) -> None:
    before = snapshot(graph_dir)
    ann = _reviewed(tmp_path, "en_trump_putin_call_2019")
    assert main(["add", str(ann), "--graph-dir", str(graph_dir)]) == 0
    after = snapshot(graph_dir)
    added = sorted(set(after) - set(before))
    assert [Path(p).parent.name for p in added] == ["annotations", "sources"]
    assert after["diplograph.ttl"] != before["diplograph.ttl"]
    new_yaml = next(graph_dir.glob("annotations/001_*.yaml")).read_text(encoding="utf-8")
    assert 'text: "sources/001_' in new_yaml
    capsys.readouterr()
    assert main(["add", str(ann), "--graph-dir", str(graph_dir)]) == 0
    assert "nothing changed" in capsys.readouterr().out
    assert snapshot(graph_dir) == after


def test_a_bad_annotation_leaves_the_graph_as_it_was(graph_dir: Path, tmp_path: Path) -> None:
    before = snapshot(graph_dir)
    ann = _reviewed(tmp_path, "en_rubio_lavrov_riyadh")
    ann.write_text(ann.read_text(encoding="utf-8").replace("Sergey Lavrov]", "Sergei Lavroff]"), encoding="utf-8")
    assert main(["add", str(ann), "--graph-dir", str(graph_dir)]) == 4
    bad = _reviewed(tmp_path, "ar_sisi_macron_visit")
    bad.write_text(bad.read_text(encoding="utf-8").replace('date: "2024-06"', 'date: "2024-06-31"'),
                   encoding="utf-8")
    assert main(["add", str(bad), "--graph-dir", str(graph_dir)]) == 3
    assert snapshot(graph_dir) == before


def test_add_refuses_unresolved_candidates(graph_dir: Path, tmp_path: Path, capsys) -> None:
    before = snapshot(graph_dir)
    draft = tmp_path / "draft.yaml"  # beside its text: a draft's text is read from its folder only
    shutil.copy(ARTICLES / "en_qatar_mediation.txt", tmp_path / "en_qatar_mediation.txt")
    assert main(["extract", str(tmp_path / "en_qatar_mediation.txt"), "-o", str(draft)]) == 0
    assert main(["add", str(draft), "--graph-dir", str(graph_dir)]) == 3
    assert "Abbas Araghchi" in capsys.readouterr().err
    assert snapshot(graph_dir) == before


def test_evaluate_prints_scores(capsys) -> None:
    assert main(["evaluate", "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "article,lang,measure,tp,fp,fn,precision,recall,f1"
    seed = [row.split(",") for row in out if row.startswith("000_") and ",contacts," in row]
    assert float(seed[0][-1]) >= 0.9
    assert any(row.startswith("ALL (micro),") for row in out)


def test_extract_refuses_binary_and_reads_crlf(tmp_path: Path, capsys) -> None:
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\xff\xfe\x00\x01 not text")
    assert main(["extract", str(binary)]) == 7
    assert "not UTF-8" in capsys.readouterr().err
    crlf = tmp_path / "c.txt"
    crlf.write_bytes(b"12 March 2025\r\n\r\nTrump met Putin in Helsinki yesterday.\r\n")
    out = tmp_path / "c.yaml"
    assert main(["extract", str(crlf), "-o", str(out)]) == 0
    from diplograph.annotation import load_annotation
    from diplograph.registry import Registry

    ann = load_annotation(out, Registry.read(GRAPH_DIR / "registry.yaml"))
    assert [(c.kind, c.date.iso) for c in ann.contacts] == [("inPersonMeeting", "2025-03-11")]
