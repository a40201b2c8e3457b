"""Building the graph: deterministic, atomic, readable by a second parser."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

import diplograph as dg
from diplograph.build import build
from diplograph.bundled import GRAPH_FILE

from .conftest import ROOT, SEED


def test_committed_graph_is_up_to_date(graph_dir: Path) -> None:
    result = build(graph_dir)
    assert result.outputs == [graph_dir / "diplograph.ttl"]
    assert (graph_dir / "diplograph.ttl").read_bytes() == GRAPH_FILE.read_bytes(), (
        "graph/diplograph.ttl is stale: run 'diplograph build'")


def test_build_is_byte_for_byte_deterministic_across_processes(tmp_path: Path) -> None:
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"g{seed}.ttl"
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "src")}
        subprocess.run([sys.executable, "-m", "diplograph", "build", "--no-validate", "-o", str(out)],
                       check=True, env=env, capture_output=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_second_parser_reads_an_isomorphic_graph() -> None:
    # the parser, not a Store: Oxigraph's store folds xsd:nonNegativeInteger into xsd:integer
    triples = pyoxigraph.parse(path=str(GRAPH_FILE), format=pyoxigraph.RdfFormat.TURTLE)
    nt = "".join(f"{t.subject} {t.predicate} {t.object} .\n" for t in triples)
    via_oxigraph = Graph().parse(data=nt, format="nt")
    via_rdflib = Graph().parse(GRAPH_FILE, format="turtle")
    assert len(via_oxigraph) == len(via_rdflib) > 2000
    assert isomorphic(via_oxigraph, via_rdflib)


def test_summary_counts(graph_dir: Path) -> None:
    summary = build(graph_dir, write=False, check=False).summary
    assert summary["sources"] == 1
    assert summary["contacts"] == 10
    assert summary["planned contacts"] == 4
    assert summary["claims"] == 16


BAD_EDITS = {
    "unknown entity": (("participants: [ترامب, بوتين]", "participants: [ترامب, بوتينن]", 1),
                       dg.UnknownEntityError, "unknown entity 'بوتينن'"),
    "quote not in the text": (("تركزت حول سبل إنهاء الحرب في أوكرانيا", "تركزت حول سبل إنهاء السلام", 1),
                              dg.QuoteNotFoundError, "quote not found"),
    "impossible date": (('date: "2018-03-20"', 'date: "2018-02-30"', 1), dg.AnnotationError, "impossible date"),
    "one participant": (("participants: [جو بايدن, فلاديمير بوتين]", "participants: [جو بايدن]", 1),
                        dg.AnnotationError, "at least two participants"),
    "date after publication": (('date: "2020-07-03"', 'date: "2026-07-03"', 1), dg.AnnotationError,
                               "after the source was published"),
    "ambiguous quote": (('evidence: "وفي 1 مايو 2019', 'evidence: "ترامب"\n    x_evidence: "وفي 1 مايو 2019', 1),
                        dg.AnnotationError, "unknown key"),
}


@pytest.mark.parametrize("case", sorted(BAD_EDITS))
def test_bad_annotation_is_refused_and_leaves_the_graph_untouched(graph_dir: Path, case: str) -> None:
    (old, new, count), error, message = BAD_EDITS[case]
    before = (graph_dir / "diplograph.ttl").read_bytes()
    annotation = graph_dir / "annotations" / f"{SEED}.yaml"
    text = annotation.read_text(encoding="utf-8")
    assert old in text, old
    annotation.write_text(text.replace(old, new, count), encoding="utf-8")
    with pytest.raises(error) as info:
        build(graph_dir)
    assert message in str(info.value)
    assert f"{SEED}.yaml:" in str(info.value)  # file and line
    assert (graph_dir / "diplograph.ttl").read_bytes() == before
    assert not list(graph_dir.glob(".*.tmp"))


def test_ambiguous_quote_names_its_lines(graph_dir: Path) -> None:
    annotation = graph_dir / "annotations" / f"{SEED}.yaml"
    text = annotation.read_text(encoding="utf-8")
    old = 'evidence: "بينما في 20 مارس 2018 أجرى ترامب مكالمة هاتفية مع بوتين'
    start = text.index(old)
    end = text.index("\n", start)
    text = text[:start] + 'evidence: "بين ترامب وبوتين"' + text[end:]
    annotation.write_text(text, encoding="utf-8")
    with pytest.raises(dg.AnnotationError, match=r"occurs 3 times .*lines 31, 33, 39"):
        build(graph_dir)


def test_shape_violation_stops_the_build(graph_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from diplograph import build as build_module
    from diplograph.validate import Finding, Report

    before = (graph_dir / "diplograph.ttl").read_bytes()
    monkeypatch.setattr(build_module, "validate",
                        lambda g: Report([Finding("Violation", "<x>", "dg:kind", "broken")]))
    with pytest.raises(dg.ShapeViolationError, match="broken"):
        build(graph_dir)
    assert (graph_dir / "diplograph.ttl").read_bytes() == before
