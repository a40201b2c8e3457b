"""The synthetic graph generator: determinism, shapes, and a realistic spread of degrees and dates."""

from __future__ import annotations

import io
import statistics
from collections import Counter, defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from diplograph.cli import main
from diplograph.errors import StoreError
from diplograph.synth import generate, write
from diplograph.validate import validate

DG = "https://w3id.org/diplograph/ns#"
OA = "http://www.w3.org/ns/oa#"
SDO = "https://schema.org/"


def _text(contacts: int, seed: int, countries: int = 190) -> str:
    buf = io.StringIO()
    generate(buf, contacts, seed=seed, countries=countries)
    return buf.getvalue()


@pytest.fixture(scope="session")
def medium() -> ox.Store:
    """2,000 contacts among 190 countries, in an in-memory Oxigraph store."""
    store = ox.Store()
    store.load(_text(2000, seed=11).encode(), format=ox.RdfFormat.N_TRIPLES)
    return store


def _rows(store: ox.Store, query: str) -> list[tuple[str, ...]]:
    return [tuple(t.value for t in s) for s in store.query(query)]


def test_same_seed_same_bytes_other_seed_other_bytes() -> None:
    a = _text(150, seed=3, countries=20)
    assert a == _text(150, seed=3, countries=20)
    assert a != _text(150, seed=4, countries=20)


def test_counts_match_what_was_written(tmp_path: Path) -> None:
    out = tmp_path / "g.nt"
    stats = write(out, 120, seed=2, countries=15)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert stats.triples == len(lines)
    assert stats.contacts + stats.plans == 120
    store = ox.Store()
    store.load(path=str(out), format=ox.RdfFormat.N_TRIPLES)
    assert len(store) == stats.triples  # no duplicate triples
    typed = Counter(r[0] for r in _rows(store, "SELECT ?t WHERE { ?s a ?t }"))
    assert typed[f"{DG}Contact"] == stats.contacts
    assert typed[f"{DG}PlannedContact"] == stats.plans
    assert typed[f"{DG}Claim"] == stats.claims
    assert typed["http://www.w3.org/ns/org#Membership"] == stats.posts
    assert typed[f"{SDO}Person"] == stats.people
    assert typed[f"{SDO}Country"] == 15


@pytest.mark.slow
def test_sample_conforms_to_the_shapes() -> None:
    text = _text(60, seed=2, countries=3)
    g = Graph()
    g.parse(data=text, format="nt")
    kinds = {str(o) for o in g.objects(None, g.namespace_manager.expand_curie("rdf:type"))}
    # the sample exercises plans, claims, durations, intermediaries and gatherings
    for needed in (f"{DG}PlannedContact", f"{DG}Claim", f"{DG}Gathering", "http://www.w3.org/2006/time#Duration"):
        assert needed in kinds, needed
    assert f"{DG}intermediaryRole" in text
    report = validate(g)
    assert report.conforms, "\n".join(map(str, report.violations[:10]))


def test_every_quote_is_the_text_at_its_offsets(medium: ox.Store) -> None:
    rows = _rows(medium, f"""
        SELECT ?exact ?start ?end ?text WHERE {{
          ?a <{OA}hasTarget> ?t . ?t <{OA}hasSource> ?src ; <{OA}hasSelector> ?q , ?p .
          ?q <{OA}exact> ?exact . ?p <{OA}start> ?start ; <{OA}end> ?end . ?src <{SDO}text> ?text }}""")
    assert len(rows) > 10_000
    bad = [r[0] for r in rows if r[3][int(r[1]):int(r[2])] != r[0]]
    assert not bad


def test_contacts_are_dated_no_later_than_their_source(medium: ox.Store) -> None:
    rows = _rows(medium, f"""
        SELECT ?d ?pub WHERE {{ ?c a <{DG}Contact> ; <http://www.w3.org/2006/time#hasTime> ?t ;
          <{DG}reportedIn> ?s . ?t ?p ?d . FILTER(isLiteral(?d)) ?s <{SDO}datePublished> ?pub }}""")
    assert rows
    assert all(d <= pub[: len(d)] for d, pub in rows)


def test_degrees_are_heavy_tailed(medium: ox.Store) -> None:
    rows = _rows(medium, f"SELECT ?c ?p WHERE {{ ?c a <{DG}Contact> ; <{DG}participant> ?p }}")
    degree = Counter(p for _, p in rows)
    values = sorted(degree.values(), reverse=True)
    assert len(values) > 500
    top = values[: len(values) // 100]
    assert sum(top) / sum(values) > 0.05  # the top 1% of people take part in more than 5% of contacts
    assert values[0] > 10 * statistics.median(values)


def test_dates_span_decades_at_mixed_precision(medium: ox.Store) -> None:
    rows = _rows(medium, f"SELECT ?c ?prec WHERE {{ ?c a <{DG}Contact> ; <{DG}datePrecision> ?prec }}")
    precision = Counter(p.rsplit("#", 1)[1] for _, p in rows)
    assert set(precision) == {"precisionDay", "precisionMonth", "precisionYear", "undated"}
    assert precision["precisionDay"] > precision["precisionMonth"] > precision["precisionYear"]
    years = [int(r[0]) for r in _rows(medium, f"""SELECT (SUBSTR(STR(?d), 1, 4) AS ?y) WHERE {{
        ?c a <{DG}Contact> ; <http://www.w3.org/2006/time#hasTime>/<http://www.w3.org/2006/time#inXSDDate> ?d }}""")]
    assert min(years) <= 1995 and max(years) >= 2020


def test_every_kind_and_holders_in_office_at_the_time(medium: ox.Store) -> None:
    kinds = {r[0].rsplit("#", 1)[1] for r in _rows(medium, f"SELECT DISTINCT ?k WHERE {{ ?c <{DG}kind> ?k }}")}
    assert kinds == {"phoneCall", "inPersonMeeting", "visit", "bilateralSummit", "sidelinesMeeting", "talks",
                     "indirectContact"}
    # a participant held some post on the day of the contact (tenures are respected)
    rows = _rows(medium, f"""
        PREFIX time: <http://www.w3.org/2006/time#> PREFIX org: <http://www.w3.org/ns/org#>
        SELECT ?c ?d ?b ?e WHERE {{
          ?c a <{DG}Contact> ; <{DG}participant> ?p ; time:hasTime/time:inXSDDate ?d .
          ?m org:member ?p ; org:memberDuring ?i .
          ?i time:hasBeginning/time:inXSDDate ?b ; time:hasEnd/time:inXSDDate ?e }}""")
    in_office: dict[str, bool] = defaultdict(bool)
    for c, d, b, e in rows:
        in_office[c] |= b <= d <= e
    assert in_office and all(in_office.values())


def test_cli_writes_the_file_and_refuses_other_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "s.nt"
    assert main(["synth", "--contacts", "25", "--seed", "5", "--countries", "4", "-o", str(out)]) == 0
    assert "contacts" in capsys.readouterr().out
    assert out.read_text(encoding="utf-8") == _text(25, seed=5, countries=4)
    assert main(["synth", "--contacts", "5", "-o", str(tmp_path / "s.ttl")]) == 7
    assert "N-Triples" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.nt"]  # nothing half-written


def test_bad_sizes_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["synth", "--contacts", "-3", "-o", str(tmp_path / "x.nt")])
    assert main(["synth", "--contacts", "3", "--countries", "2", "-o", str(tmp_path / "x.nt")]) == 1
    with pytest.raises(StoreError):
        write(tmp_path / "x.ttl", 3)


def test_the_api_reads_a_synthetic_graph(tmp_path: Path) -> None:
    import diplograph as dg

    out = tmp_path / "s.nt"
    write(out, 40, seed=2, countries=4)
    kg = dg.load(out)
    countries = [e for e in kg.names if e.kind == "country"]
    assert len(countries) == 4
    person = kg.resolve(kg.contacts()[0].participants[0].iri)
    assert person.kind == "person"
    assert kg.resolve(person.ar).iri == person.iri  # every Arabic name names one entity
    assert all(person.iri in {p.iri for p in c.participants} for c in kg.contacts(person))
