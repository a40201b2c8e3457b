"""Random contact graphs written as RDF triples with the project's vocabulary, for property tests.

The triples follow what :mod:`diplograph.mapping` writes for a contact:
type, kind, date precision and instant, a role node per actor (with its own
evidence), ``dg:participant`` for non-intermediaries, and an evidence
annotation with a quote and offsets into a source.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

from diplograph.annotation.model import CONTACT_KINDS
from diplograph.vocab import DG, ID, OA, RDF, RDFS, SDO, SEM, TIME, XSD

SOURCE = URIRef(f"{ID}source/generated")


@dataclass(frozen=True)
class Event:
    id: str
    kind: str
    planned: bool
    date: str | None
    participants: tuple[int, ...]
    intermediaries: tuple[int, ...] = ()

    @property
    def iri(self) -> str:
        return f"{ID}{'plan' if self.planned else 'contact'}/{self.id}"


def person_iri(i: int) -> str:
    return f"{ID}person/p{i}"


def bounds(iso: str) -> tuple[date, date]:
    """First and last day of an ISO date at its precision (computed here, independently of the package)."""
    parts = [int(x) for x in iso.split("-")]
    if len(parts) == 3:
        d = date(*parts)
        return d, d
    if len(parts) == 2:
        y, m = parts
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


@st.composite
def dates(draw: st.DrawFn) -> str | None:
    if draw(st.booleans()) and draw(st.booleans()):
        return None
    d = draw(st.dates(min_value=date(2015, 1, 1), max_value=date(2025, 12, 31)))
    precision = draw(st.sampled_from(["day", "day", "month", "year"]))
    return {"day": d.isoformat(), "month": d.isoformat()[:7], "year": d.isoformat()[:4]}[precision]


@st.composite
def contact_graphs(draw: st.DrawFn, max_people: int = 8, max_events: int = 14) -> tuple[int, list[Event]]:
    """A number of people and a list of events among them."""
    n = draw(st.integers(min_value=2, max_value=max_people))
    events = []
    for i in range(draw(st.integers(min_value=0, max_value=max_events))):
        people = draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=min(3, n), unique=True))
        mediators: list[int] = []
        if draw(st.integers(0, 4)) == 0:
            rest = [p for p in range(n) if p not in people]
            if rest:
                mediators = [draw(st.sampled_from(rest))]
        events.append(Event(id=f"e{i}", kind=draw(st.sampled_from(CONTACT_KINDS)), planned=draw(st.booleans()),
                            date=draw(dates()), participants=tuple(people), intermediaries=tuple(mediators)))
    return n, events


def _evidence(g: Graph, body: URIRef, key: str, quote: str) -> None:
    ann = URIRef(f"{SOURCE}/evidence/{key}")
    target, qs, ps = URIRef(f"{ann}/target"), URIRef(f"{ann}/quote"), URIRef(f"{ann}/position")
    g.add((body, DG.evidence, ann))
    g.add((ann, RDF.type, OA.Annotation))
    g.add((ann, OA.hasBody, body))
    g.add((ann, OA.hasTarget, target))
    g.add((target, OA.hasSource, SOURCE))
    g.add((target, OA.hasSelector, qs))
    g.add((target, OA.hasSelector, ps))
    g.add((qs, RDF.type, OA.TextQuoteSelector))
    g.add((qs, OA.exact, Literal(quote, lang="en")))
    g.add((ps, OA.start, Literal(0, datatype=XSD.nonNegativeInteger)))
    g.add((ps, OA.end, Literal(len(quote), datatype=XSD.nonNegativeInteger)))


def to_rdf(n: int, events: list[Event]) -> Graph:
    """The people and events as an RDF graph the knowledge graph API can load."""
    g = Graph()
    g.add((SOURCE, RDF.type, SDO.NewsArticle))
    g.add((SOURCE, SDO.datePublished, Literal("2026-01-01T00:00:00", datatype=XSD.dateTime)))
    g.add((SOURCE, SDO.inLanguage, Literal("en")))
    for i in range(n):
        p = URIRef(person_iri(i))
        g.add((p, RDF.type, SDO.Person))
        g.add((p, RDFS.label, Literal(f"Person {i}", lang="en")))
        g.add((p, RDFS.label, Literal(f"شخص {i}", lang="ar")))
    for e in events:
        c = URIRef(e.iri)
        g.add((c, RDF.type, DG.PlannedContact if e.planned else DG.Contact))
        g.add((c, DG.kind, DG[e.kind]))
        if e.planned:
            g.add((c, DG.planStatus, DG.announced))
        if e.date is None:
            g.add((c, DG.datePrecision, DG.undated))
        else:
            precision, prop, dtype = {10: (DG.precisionDay, TIME.inXSDDate, XSD.date),
                                      7: (DG.precisionMonth, TIME.inXSDgYearMonth, XSD.gYearMonth),
                                      4: (DG.precisionYear, TIME.inXSDgYear, XSD.gYear)}[len(e.date)]
            instant = URIRef(f"{ID}time/{e.date}")
            g.add((c, DG.datePrecision, precision))
            g.add((c, TIME.hasTime, instant))
            g.add((instant, prop, Literal(e.date, datatype=dtype)))
        roles = [(p, DG.participantRole) for p in e.participants] + [(p, DG.intermediaryRole)
                                                                      for p in e.intermediaries]
        for p, role_type in roles:
            agent = URIRef(person_iri(p))
            if role_type != DG.intermediaryRole:
                g.add((c, DG.participant, agent))
            node = URIRef(f"{c}/role/p{p}")
            g.add((c, DG.hasRole, node))
            g.add((node, RDF.type, SEM.Role))
            g.add((node, RDF.value, agent))
            g.add((node, SEM.roleType, role_type))
            _evidence(g, node, f"{e.id}-p{p}", f"person {p} in {e.id}")
        _evidence(g, c, e.id, f"quote of {e.id}")
    return g
