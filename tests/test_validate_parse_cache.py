"""SHACL validation parses each SPARQL constraint once, and still checks every focus node."""

from __future__ import annotations

import io
from typing import Any

import pytest
from rdflib import Graph
from rdflib.plugins.sparql import parser, processor

from diplograph.synth import generate
from diplograph.validate import validate


@pytest.fixture(scope="module")
def sample() -> str:
    buf = io.StringIO()
    generate(buf, 12, seed=2, countries=3)
    return buf.getvalue()


def test_each_constraint_is_parsed_once_and_rdflib_is_restored(sample: str, monkeypatch: Any) -> None:
    calls: list[str] = []
    real = parser.parseQuery

    def counting(text: Any) -> Any:
        calls.append(str(text))
        return real(text)

    monkeypatch.setattr(parser, "parseQuery", counting)
    before = processor.SPARQLProcessor.query
    g = Graph()
    g.parse(data=sample, format="nt")
    report = validate(g)
    assert report.conforms
    assert calls and len(calls) == len(set(calls))  # many focus nodes, one parse per constraint
    assert processor.SPARQLProcessor.query is before


def test_a_wrong_offset_is_still_found_on_its_own_focus_node(sample: str) -> None:
    # move one evidence quote's end offset: only that annotation breaks the quote-at-offsets constraint
    end_triple = "/position> <http://www.w3.org/ns/oa#end>"
    line = next(ln for ln in sample.splitlines() if "/source/s" in ln and end_triple in ln)
    subject = line.split(" ", 1)[0].removesuffix("/position>").lstrip("<")
    end = int(line.split('"')[1])
    broken = sample.replace(line, line.replace(f'"{end}"', f'"{end - 1}"'))
    g = Graph()
    g.parse(data=broken, format="nt")
    report = validate(g)
    offenders = {f.focus for f in report.violations}
    assert len(offenders) == 1
    assert subject.rsplit("/", 1)[-1] in next(iter(offenders)) or subject in next(iter(offenders))
