"""SHACL shapes against valid and invalid example files, by glob."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from diplograph.bundled import ONTOLOGY_DIR
from diplograph.validate import validate

EXAMPLES = ONTOLOGY_DIR / "examples"
VALID = sorted((EXAMPLES / "valid").glob("*.ttl"))
INVALID = sorted((EXAMPLES / "invalid").glob("*.ttl"))


def _graph(path: Path) -> Graph:
    g = Graph()
    g.parse(EXAMPLES / "base.ttl", format="turtle")
    g.parse(path, format="turtle")
    return g


def _expectation(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# expect: "):
            return line[len("# expect: "):].strip()
    raise AssertionError(f"{path.name} has no '# expect:' line")


def test_there_are_examples_for_every_checked_class() -> None:
    classes = {p.stem.split("-")[0] for p in VALID}
    assert {"Contact", "PlannedContact", "Claim", "Membership", "Duration"} <= classes
    assert {p.stem.split("-")[0] for p in INVALID} >= classes | {"Annotation", "Role", "NewsArticle", "Agent"}


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_example_conforms(path: Path) -> None:
    report = validate(_graph(path))
    assert report.conforms, [str(v) for v in report.violations]


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_example_is_refused_for_the_stated_reason(path: Path) -> None:
    report = validate(_graph(path))
    expected = _expectation(path)
    assert not report.conforms
    assert any(expected in str(v) for v in report.violations), [str(v) for v in report.violations]


def test_warnings_do_not_stop_conformance() -> None:
    g = _graph(EXAMPLES / "valid" / "Membership.ttl")
    report = validate(g)
    assert report.conforms
    assert any(f.severity == "Info" and "Wikidata" in f.message for f in report.findings)
