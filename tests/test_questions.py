"""The questions the seed graph must answer, with answers taken from the article."""

from __future__ import annotations

import pytest
from rdflib import URIRef
from rdflib.namespace import SDO

import diplograph as dg

from .conftest import SEED, iri


def source_text(kg: dg.KnowledgeGraph, source: str) -> str:
    return str(kg.graph.value(URIRef(source), SDO.text))


def test_a_direct_contacts_between_trump_and_putin_in_date_order(kg: dg.KnowledgeGraph) -> None:
    contacts = kg.contacts("ترامب", "بوتين")
    assert [(c.date, c.kind, c.place) for c in contacts] == [
        ("2017-07-07", "sidelinesMeeting", "Hamburg"),
        ("2017-11-11", "sidelinesMeeting", "Vietnam"),
        ("2018-03-20", "phoneCall", None),
        ("2018-07-16", "bilateralSummit", "Helsinki"),
        ("2019-05-01", "phoneCall", None),  # the article's date, not the world's 3 May
        ("2020-07-03", "phoneCall", None),
        ("2025-02-13", "phoneCall", None),  # "اليوم", resolved against the publication date
    ]
    topics = {c.date: set(c.topics) for c in contacts}
    assert topics["2019-05-01"] == {"North Korea", "Ukraine", "Venezuela", "Bilateral trade"}
    assert "Alleged Russian interference in US elections" in topics["2017-07-07"]
    assert {"Ceasefire", "Ending the war in Ukraine"} <= topics["2025-02-13"]
    assert contacts[0].gathering == "G20 summit in Hamburg, 2017"
    # the same answer through SPARQL, with the names bound as values
    rows = kg.query("direct-contacts", a=kg.resolve("Putin"), b=kg.resolve("Trump"))
    assert [r["date"] for r in rows] == [c.date for c in contacts]
    assert rows[3]["kind"] == "bilateral summit" and rows[3]["placeLabel"] == "Helsinki"


def test_a_dates_keep_their_precision_and_resolution(kg: dg.KnowledgeGraph) -> None:
    latest = kg.contacts("Trump", "Putin")[-1]
    assert latest.precision == "day"
    assert latest.date_expression == "اليوم"
    assert latest.other_date == "2025-02-12"  # the graph can say that the world's date differs
    assert latest.duration_minutes == 90 and latest.duration_bound == "approximate"
    call_2019 = kg.contacts("Trump", "Putin", since="2019", until="2019")[0]
    assert call_2019.duration_bound == "atLeast" and call_2019.duration_minutes == 60
    assert call_2019.other_date == "2019-05-03"
    assert [p.label for p in latest.initiators] == ["Donald Trump"]


def test_b_last_contact_before_2025_and_the_36_month_gap(kg: dg.KnowledgeGraph) -> None:
    gaps = kg.gaps("White House", "Kremlin")
    # the last contact before 2025 is the one that opens the gap ending in 2025
    last_before_2025 = max((g for g in gaps if g.start < "2025"), key=lambda g: g.start)
    assert last_before_2025.before == iri("contact", "biden-putin-call-2022-02-12")
    biden_call = next(c for c in kg.contacts("Biden", "Putin") if c.iri == last_before_2025.before)
    assert biden_call.kind == "phoneCall" and "availableInformation" in biden_call.hedges
    longest = gaps[0]
    assert (longest.start, longest.end, longest.months, longest.days) == ("2022-02-12", "2025-02-13", 36, 1097)
    assert longest.before == iri("contact", "biden-putin-call-2022-02-12")
    assert longest.after == iri("contact", "trump-putin-call-2025-02-13")
    # the same answer for the countries, and in Arabic
    assert kg.gaps("الولايات المتحدة", "روسيا")[0] == longest
    assert kg.gaps("البيت الأبيض", "الكرملين")[0] == longest
    # between the two people, the longest gap runs from 2020 to 2025
    assert kg.gaps("Trump", "Putin")[0].start == "2020-07-03"
    # gaps are in order, longest first
    assert [g.days for g in gaps] == sorted((g.days for g in gaps), reverse=True)


def test_b_indirect_contacts_do_not_close_a_gap(kg: dg.KnowledgeGraph) -> None:
    indirect = kg.contacts("Biden", "Putin", kinds=["indirectContact"])
    assert len(indirect) == 1 and indirect[0].date is None and indirect[0].precision == "undated"
    assert kg.gaps("Biden", "Putin") == []  # one direct contact only: no gap


def test_c_negotiating_team_with_posts(kg: dg.KnowledgeGraph) -> None:
    rows = kg.query("negotiating-team", appointer=kg.resolve("ترامب"))
    team = {(r["memberLabel"], r["postLabel"], r["postOrgLabel"]) for r in rows}
    assert team == {
        ("Marco Rubio", "Secretary of State", "United States Department of State"),
        ("John Ratcliffe", "Director", "Central Intelligence Agency"),
        ("Mike Waltz", "National Security Adviser", "The White House"),
        ("Steve Witkoff", "Special Envoy", "United States"),
    }
    assert {r["teamLabel"] for r in rows} == {"US negotiating team on Ukraine"}


def test_d_claims_by_the_kremlin_and_by_trump(kg: dg.KnowledgeGraph) -> None:
    kremlin = kg.claims(by="الكرملين")
    trump = kg.claims(by="Trump")
    assert len(kremlin) == 5 and len(trump) == 5
    assert all(c.by.label == "The Kremlin" for c in kremlin)
    assert all(c.by.label == "Donald Trump" for c in trump)
    texts = " ".join(c.evidence.quote for c in kremlin)
    assert "حيث وجه بوتين دعوة لترامب" in texts and "تسوية طويلة الأجل" in texts
    assert any("وقف لإطلاق النار" in c.evidence.quote for c in trump)
    # the Kremlin's account and Trump's are separate claims about the same call
    call = iri("contact", "trump-putin-call-2025-02-13")
    assert any(call in c.supports for c in kremlin) and any(call in c.supports for c in trump)
    # the Kremlin in October 2024 and Putin in his February 2024 interview
    assert {c.stated for c in kremlin} == {"2025-02-13", "2024-10"}
    putin = kg.claims(by="Putin")
    assert {(c.medium, c.stated) for c in putin} == {("interview", "2024-02")}
    # hedges are kept
    reports = kg.claims(by="unnamed-reports")
    assert reports and all("reportsSaid" in c.hedges for c in reports)


def test_e_planned_contacts_are_apart_from_contacts(kg: dg.KnowledgeGraph) -> None:
    planned = kg.planned()
    assert {(p.kind, p.status) for p in planned} == {
        ("bilateralSummit", "announced"),
        ("visit", "invited"),
        ("indirectContact", "agreed"),
        ("talks", "offered"),
    }
    assert all(p.planned for p in planned)
    assert not any(c.planned for c in kg.contacts())
    assert {p.iri for p in planned}.isdisjoint({c.iri for c in kg.contacts()})
    moscow = next(p for p in planned if p.kind == "visit")
    assert moscow.place == "Moscow" and [i.label for i in moscow.initiators] == ["Vladimir Putin"]
    teams = next(p for p in planned if p.status == "agreed")
    assert {i.label for i in teams.intermediaries} == {"US negotiating team on Ukraine", "Russian negotiating team"}
    rows = kg.query("planned-contacts")
    assert len(rows) == 4


def test_f_quote_and_source_behind_an_event(kg: dg.KnowledgeGraph) -> None:
    evidence = kg.evidence("trump-putin-call-2019-05-01")
    assert len(evidence) == 1
    ev = evidence[0]
    assert ev.quote.startswith("وفي 1 مايو 2019: أجرى الزعيمان مكالمة هاتفية")
    assert ev.source.title == "بعد انقطاع 36 شهرًا.. تفاصيل أول 90 دقيقة بين الكرملين والبيت الأبيض"
    assert ev.source.published == "2025-02-13T00:26:00"
    assert source_text(kg, ev.source.iri)[ev.start:ev.end] == ev.quote
    with pytest.raises(dg.NoAnswerError):
        kg.evidence("no-such-contact")


def test_every_contact_role_and_claim_has_a_quote_from_the_text(kg: dg.KnowledgeGraph) -> None:
    text = source_text(kg, iri("source", SEED))
    rows = kg.query("""
        PREFIX dg: <https://w3id.org/diplograph/ns#>
        PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?node ?exact ?start ?end WHERE {
          ?node dg:evidence/oa:hasTarget ?t . ?t oa:hasSelector ?q , ?p .
          ?q oa:exact ?exact . ?p oa:start ?start ; oa:end ?end }""")
    assert len(rows) > 80
    for r in rows:
        assert text[r["start"]:r["end"]] == r["exact"], r["node"]
    for section in ("role", "post", "claim", "contact", "plan"):
        assert any(f"/{section}/" in r["node"] for r in rows), section


def test_page_noise_is_not_data(kg: dg.KnowledgeGraph) -> None:
    rows = kg.query("""
        PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?exact WHERE { ?q oa:exact ?exact }""")
    quotes = [r["exact"] for r in rows]
    assert not any(q.strip() in ("A .A", "search") or "أرشيفية" in q for q in quotes)
