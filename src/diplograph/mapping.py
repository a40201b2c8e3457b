"""Map validated annotations and the registry into RDF.

Every node gets an IRI derived from its content (no blank nodes), so the same
input always gives the same graph, and the serialisation the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from .annotation.model import (
    ROLE_TYPES,
    Annotation,
    ClaimAnn,
    ContactAnn,
    GatheringAnn,
    HedgeAnn,
    PostAnn,
    Quote,
)
from .dates import DateValue
from .merge import Merges, plan_merges
from .registry import Entity, Registry, Term
from .sources import SourceText
from .vocab import DG, ID, OA, ORG, PREFIXES, PROV, RDF, RDFS, SDO, SEM, SKOS, TIME, XSD

__all__ = ["KIND_LABELS", "entity_iri", "map_annotations", "new_graph"]

_ARABIC = re.compile("[\u0600-\u06ff]")

#: English and Arabic labels of contact kinds (kept in step with the ontology by a test).
KIND_LABELS = {
    "phoneCall": ("phone call", "مكالمة هاتفية"),
    "inPersonMeeting": ("in-person meeting", "لقاء مباشر"),
    "visit": ("visit", "زيارة"),
    "bilateralSummit": ("bilateral summit", "قمة ثنائية"),
    "sidelinesMeeting": ("sidelines meeting", "لقاء على هامش قمة"),
    "talks": ("talks", "محادثات"),
    "indirectContact": ("indirect contact", "اتصال غير مباشر"),
}
_ENTITY_TYPES: dict[str, tuple[URIRef, ...]] = {
    "person": (SDO.Person, PROV.Person, PROV.Agent),
    "organisation": (ORG.FormalOrganization, PROV.Organization, PROV.Agent),
    "country": (SDO.Country, ORG.FormalOrganization, PROV.Organization, PROV.Agent),
    "place": (SDO.Place, SEM.Place),
    "group": (DG.UnnamedGroup, PROV.Agent),
}


#: The OWL-Time property and XSD datatype of an instant, by date precision.
_TIME_PROPERTY = {
    "day": (TIME.inXSDDate, XSD.date),
    "month": (TIME.inXSDgYearMonth, XSD.gYearMonth),
    "year": (TIME.inXSDgYear, XSD.gYear),
}


def new_graph() -> Graph:
    """An empty graph with the project's prefixes bound."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g


def entity_iri(entity: Entity) -> URIRef:
    """The IRI of a registry entity."""
    return URIRef(entity.iri)


def _lang(text: str) -> str:
    return "ar" if _ARABIC.search(text) else "en"


class _Mapper:
    def __init__(self, registry: Registry, graph: Graph, merges: Merges | None = None):
        self.registry = registry
        self.g = graph
        self.merges = merges or Merges()
        self.source_id = ""
        self.entities: dict[str, Entity] = {}
        self.topics: dict[str, Term] = {}
        self.roles: dict[str, Term] = {}

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.g.add((s, p, o))

    # -- shared pieces --

    def instant(self, value: DateValue) -> URIRef:
        iri = URIRef(f"{ID}time/{value.iso}")
        self.add(iri, RDF.type, TIME.Instant)
        prop, dtype = _TIME_PROPERTY[value.precision]
        self.add(iri, prop, Literal(value.iso, datatype=dtype))
        return iri

    def interval(self, begin: DateValue, end: DateValue) -> URIRef:
        """A time:Interval from *begin* to *end*, each an instant at its own precision."""
        interval = URIRef(f"{ID}time/{begin.iso}--{end.iso}")
        self.add(interval, RDF.type, TIME.Interval)
        self.add(interval, TIME.hasBeginning, self.instant(begin))
        self.add(interval, TIME.hasEnd, self.instant(end))
        return interval

    def dated(self, subject: URIRef, value: DateValue, prop: URIRef = TIME.hasTime) -> None:
        precision = {"day": DG.precisionDay, "month": DG.precisionMonth, "year": DG.precisionYear,
                     "undated": DG.undated}[value.precision]
        self.add(subject, DG.datePrecision, precision)
        if not value.undated:
            self.add(subject, prop, self.instant(value))

    def evidence(self, source: URIRef, text: SourceText, quote: Quote, body: URIRef, language: str) -> None:
        span = quote.span
        ann = URIRef(f"{source}/evidence/{span.start}-{span.end}")
        target = URIRef(f"{ann}/target")
        qsel = URIRef(f"{ann}/quote")
        psel = URIRef(f"{ann}/position")
        self.add(body, DG.evidence, ann)
        self.add(ann, RDF.type, OA.Annotation)
        self.add(ann, OA.motivatedBy, OA.describing)
        self.add(ann, OA.hasBody, body)
        self.add(ann, OA.hasTarget, target)
        self.add(target, RDF.type, OA.SpecificResource)
        self.add(target, OA.hasSource, source)
        self.add(target, OA.hasSelector, qsel)
        self.add(target, OA.hasSelector, psel)
        self.add(qsel, RDF.type, OA.TextQuoteSelector)
        self.add(qsel, OA.exact, Literal(quote.text, lang=language))
        self.add(qsel, OA.prefix, Literal(text.prefix(span), lang=language))
        self.add(qsel, OA.suffix, Literal(text.suffix(span), lang=language))
        self.add(psel, RDF.type, OA.TextPositionSelector)
        self.add(psel, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger))
        self.add(psel, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger))

    def hedges(self, subject: URIRef, hedges: Iterable[HedgeAnn], language: str) -> None:
        for h in hedges:
            self.add(subject, DG.hedge, DG[h.hedge])
            self.add(subject, DG.hedgeExpression, Literal(h.expression.text, lang=language))

    def entity(self, entity: Entity) -> URIRef:
        iri = entity_iri(entity)
        if entity.id in self.entities:
            return iri
        self.entities[entity.id] = entity
        for t in _ENTITY_TYPES[entity.kind]:
            self.add(iri, RDF.type, t)
        for prop in (RDFS.label, SKOS.prefLabel):
            self.add(iri, prop, Literal(entity.en, lang="en"))
            self.add(iri, prop, Literal(entity.ar, lang="ar"))
        for alias in entity.aliases:
            self.add(iri, SKOS.altLabel, Literal(alias, lang=_lang(alias)))
        if entity.wikidata:
            self.add(iri, DG.wikidata, Literal(entity.wikidata))
        if entity.note:
            self.add(iri, RDFS.comment, Literal(entity.note, lang="en"))
        if entity.office_of:
            self.add(iri, DG.officeOf, self.entity(self.registry.entities[entity.office_of]))
        if entity.head_role:
            self.add(iri, DG.headRole, self.term(self.registry.roles[entity.head_role], "role"))
        if entity.country:
            self.add(iri, SDO.containedInPlace, self.entity(self.registry.entities[entity.country]))
        return iri

    def term(self, term: Term, what: str) -> URIRef:
        iri = URIRef(term.iri)
        seen = self.roles if what == "role" else self.topics
        if term.id in seen:
            return iri
        seen[term.id] = term
        if what == "role":
            self.add(iri, RDF.type, ORG.Role)
        else:
            self.add(iri, RDF.type, SKOS.Concept)
            self.add(iri, SKOS.inScheme, DG.Topics)
            self.add(iri, SKOS.prefLabel, Literal(term.en, lang="en"))
            self.add(iri, SKOS.prefLabel, Literal(term.ar, lang="ar"))
            if term.broader:
                self.add(iri, SKOS.broader, self.term(self.registry.topics[term.broader], "topic"))
            else:
                self.add(iri, SKOS.topConceptOf, DG.Topics)
        self.add(iri, RDFS.label, Literal(term.en, lang="en"))
        self.add(iri, RDFS.label, Literal(term.ar, lang="ar"))
        return iri

    # -- sections --

    def annotation(self, ann: Annotation) -> None:
        src = ann.source
        self.source_id = src.id
        source = URIRef(f"{ID}source/{src.id}")
        lang = src.language
        text = src.text
        self.add(source, RDF.type, SDO.NewsArticle)
        self.add(source, RDFS.label, Literal(src.title.text, lang=lang))
        self.add(source, SDO.headline, Literal(src.title.text, lang=lang))
        if src.title_en:
            self.add(source, SDO.headline, Literal(src.title_en, lang="en"))
            self.add(source, RDFS.label, Literal(src.title_en, lang="en"))
        self.add(source, SDO.datePublished, Literal(src.published.isoformat(), datatype=XSD.dateTime))
        self.add(source, SDO.inLanguage, Literal(lang))
        self.add(source, SDO.text, Literal(text.text, lang=lang))
        self.add(source, SDO.sha256, Literal(text.sha256))
        self.add(source, DG.textFile, Literal(src.text_path))
        if src.author is not None:
            self.add(source, SDO.author, self.entity(src.author))
        if src.publication_time_note:
            self.add(source, DG.publicationTimeNote, Literal(src.publication_time_note, lang="en"))
        self.evidence(source, text, src.title, source, lang)
        if src.published_quote is not None:
            self.evidence(source, text, src.published_quote, source, lang)
        for hedge, quote in src.hedges:
            self.hedges(source, [hedge], lang)
            self.evidence(source, text, quote, source, lang)
        for g in ann.gatherings:
            self.gathering(g, source, text, lang)
        for c in ann.contacts + ann.plans:
            self.contact(c, source, text, lang)
        for p in ann.posts:
            self.post(p, source, text, lang)
        for cl in ann.claims:
            self.claim(cl, source, text, lang)

    def gathering(self, g: GatheringAnn, source: URIRef, text: SourceText, lang: str) -> None:
        iri = URIRef(f"{ID}gathering/{g.id}")
        self.add(iri, RDF.type, DG.Gathering)
        self.add(iri, RDFS.label, Literal(g.en, lang="en"))
        self.add(iri, RDFS.label, Literal(g.ar, lang="ar"))
        if g.convened_by:
            self.add(iri, SDO.organizer, self.entity(g.convened_by))
        if g.place:
            self.add(iri, SEM.hasPlace, self.entity(g.place))
        self.dated(iri, g.date)
        self.add(iri, DG.reportedIn, source)
        self.evidence(source, text, g.quote, iri, lang)

    def contact(self, c: ContactAnn, source: URIRef, text: SourceText, lang: str) -> None:
        event = self.merges.event_of(self.source_id, c.id)
        event_id = event.id if event is not None else c.id
        iri = URIRef(f"{ID}{'plan' if c.planned else 'contact'}/{event_id}")
        if event is not None and event.primary is not c:
            self.report(c, event.primary, iri, source, text, lang)
        else:
            self.primary_contact(c, iri, source, text, lang)
        if event is not None and event.disagreement:
            self.date_report(c, iri, source)

    def date_report(self, c: ContactAnn, iri: URIRef, source: URIRef) -> None:
        """Sources disagree on the day: record each source's date, attributed to it."""
        note = URIRef(f"{iri}/date-report/{self.source_id}")
        self.add(iri, DG.dateDiscrepancy, note)
        self.add(note, RDF.type, DG.DateDiscrepancy)
        dtype = _TIME_PROPERTY[c.date.precision][1]
        self.add(note, DG.otherDate, Literal(c.date.iso, datatype=dtype))
        self.add(note, DG.reportedIn, source)
        self.add(note, RDFS.comment, Literal(f"Source {self.source_id} dates this contact {c.date.iso}; "
                                             "the sources that report it disagree on the day.", lang="en"))

    def report(self, c: ContactAnn, primary: ContactAnn, iri: URIRef, source: URIRef, text: SourceText,
               lang: str) -> None:
        """A further source's report of a contact already mapped from another source."""
        self.roles_of(c, iri, source, text, lang, suffix=f"/{self.source_id}")
        if c.duration and primary.duration is None:
            self.duration(c, iri, source, text, lang)
        if c.place and primary.place is None:
            self.add(iri, SEM.hasPlace, self.entity(c.place))
        for t in c.topics:
            self.add(iri, SDO.about, self.term(t, "topic"))
        self.hedges(iri, c.hedges, lang)
        self.add(iri, DG.reportedIn, source)
        self.evidence(source, text, c.evidence, iri, lang)

    def roles_of(self, c: ContactAnn, iri: URIRef, source: URIRef, text: SourceText, lang: str,
                 suffix: str = "") -> None:
        """The participants of *c* and a role node (with its quote) for each agent."""
        for role in c.roles:
            agent = self.entity(role.agent)
            if role.role != "intermediary":
                self.add(iri, DG.participant, agent)
            self.role_node(URIRef(f"{iri}/role/{role.agent.id}{suffix}"), iri, agent, ROLE_TYPES[role.role],
                           role.quote, source, text, lang)

    def role_node(self, node: URIRef, subject: URIRef, agent: URIRef, role_type: str, quote: Quote,
                  source: URIRef, text: SourceText, lang: str) -> None:
        """An n-ary sem:Role of *agent* in *subject*, resting on *quote*."""
        self.add(subject, DG.hasRole, node)
        self.add(node, RDF.type, SEM.Role)
        self.add(node, RDF.value, agent)
        self.add(node, SEM.roleType, DG[role_type])
        self.add(node, DG.reportedIn, source)
        self.evidence(source, text, quote, node, lang)

    def duration(self, c: ContactAnn, iri: URIRef, source: URIRef, text: SourceText, lang: str) -> None:
        assert c.duration is not None
        d = URIRef(f"{iri}/duration")
        self.add(iri, TIME.hasDuration, d)
        self.add(d, RDF.type, TIME.Duration)
        minutes = Decimal(str(c.duration.minutes)).normalize()
        self.add(d, TIME.numericDuration, Literal(format(minutes, "f"), datatype=XSD.decimal))
        self.add(d, TIME.unitType, TIME.unitMinute)
        self.add(d, DG.durationBound, DG[c.duration.bound])
        self.add(d, DG.durationExpression, Literal(c.duration.quote.text, lang=lang))
        self.evidence(source, text, c.duration.quote, d, lang)

    def primary_contact(self, c: ContactAnn, iri: URIRef, source: URIRef, text: SourceText, lang: str) -> None:
        self.add(iri, RDF.type, DG.PlannedContact if c.planned else DG.Contact)
        en_kind, ar_kind = KIND_LABELS[c.kind]
        names_en = " – ".join(p.en for p in c.participants)
        names_ar = " – ".join(p.ar for p in c.participants)
        when = c.date.iso or ("planned" if c.planned else "undated")
        when_ar = c.date.iso or ("مزمع" if c.planned else "غير مؤرخ")
        prefix_en = f"{'planned ' if c.planned else ''}{en_kind}"
        prefix_ar = f"{ar_kind}{' مزمعة' if c.planned else ''}"
        self.add(iri, RDFS.label, Literal(f"{prefix_en[0].upper()}{prefix_en[1:]}: {names_en}, {when}", lang="en"))
        self.add(iri, RDFS.label, Literal(f"{prefix_ar}: {names_ar}، {when_ar}", lang="ar"))
        self.add(iri, DG.kind, DG[c.kind])
        if c.status:
            self.add(iri, DG.planStatus, DG[c.status])
        self.roles_of(c, iri, source, text, lang)
        self.dated(iri, c.date)
        if c.bounds is not None:  # an undated contact: the interval it took place in, at its ends' precision
            self.add(iri, TIME.hasTime, self.interval(*c.bounds))
        if c.date.expression:
            self.add(iri, DG.dateExpression, Literal(c.date.expression, lang=lang))
            self.add(iri, DG.resolvedAgainst, source)
        if c.other_date:
            note = URIRef(f"{iri}/other-date")
            self.add(iri, DG.dateDiscrepancy, note)
            self.add(note, RDF.type, DG.DateDiscrepancy)
            dtype = _TIME_PROPERTY[DateValue.from_iso(c.other_date.date).precision][1]
            self.add(note, DG.otherDate, Literal(c.other_date.date, datatype=dtype))
            self.add(note, RDFS.comment, Literal(c.other_date.note, lang="en"))
        if c.duration:
            self.duration(c, iri, source, text, lang)
        if c.place:
            self.add(iri, SEM.hasPlace, self.entity(c.place))
        if c.gathering:
            self.add(iri, SEM.subEventOf, URIRef(f"{ID}gathering/{c.gathering.id}"))
        for t in c.topics:
            self.add(iri, SDO.about, self.term(t, "topic"))
        self.hedges(iri, c.hedges, lang)
        if c.follows_from:
            self.add(iri, DG.followsFrom,
                     URIRef(f"{ID}contact/{self.merges.event_id(self.source_id, c.follows_from)}"))
        self.add(iri, DG.reportedIn, source)
        self.evidence(source, text, c.evidence, iri, lang)

    def post(self, p: PostAnn, source: URIRef, text: SourceText, lang: str) -> None:
        iri = URIRef(f"{ID}post/{p.id}")
        self.add(iri, RDF.type, ORG.Membership)
        self.add(iri, RDFS.label, Literal(f"{p.holder.en}: {p.role.en}, {p.organisation.en}", lang="en"))
        self.add(iri, RDFS.label, Literal(f"{p.holder.ar}: {p.role.ar}، {p.organisation.ar}", lang="ar"))
        self.add(iri, ORG.member, self.entity(p.holder))
        self.add(iri, ORG.organization, self.entity(p.organisation))
        self.add(iri, ORG.role, self.term(p.role, "role"))
        if p.during:
            self.add(iri, ORG.memberDuring, self.interval(*p.during))
        if p.attested:
            self.dated(iri, p.attested, DG.attestedOn)
        if p.appointed_by:
            self.add(iri, DG.appointedBy, self.entity(p.appointed_by))
        self.add(iri, DG.reportedIn, source)
        self.evidence(source, text, p.evidence, iri, lang)

    def claim(self, cl: ClaimAnn, source: URIRef, text: SourceText, lang: str) -> None:
        iri = URIRef(f"{ID}claim/{cl.id}")
        by = self.entity(cl.by)
        self.add(iri, RDF.type, DG.Claim)
        self.add(iri, RDFS.label, Literal(f"Claim by {cl.by.en}: {cl.statement}", lang="en"))
        self.add(iri, RDFS.label, Literal(f"تصريح {cl.by.ar}", lang="ar"))
        self.add(iri, DG.claimant, by)
        self.add(iri, DG.statement, Literal(cl.statement, lang="en"))
        self.add(iri, DG.medium, DG[cl.medium])
        self.dated(iri, cl.stated, DG.statedOn)
        for target in cl.supports:
            event = self.merges.event_of(self.source_id, target)
            event_id = event.id if event is not None else target
            planned = event.primary.planned if event is not None else \
                (URIRef(f"{ID}contact/{event_id}"), RDF.type, DG.Contact) not in self.g
            self.add(iri, DG.supports, URIRef(f"{ID}{'plan' if planned else 'contact'}/{event_id}"))
        self.hedges(iri, cl.hedges, lang)
        if cl.attribution is not None:
            self.role_node(URIRef(f"{iri}/role/{cl.by.id}"), iri, by, "speakerRole", cl.attribution,
                           source, text, lang)
        self.add(iri, DG.reportedIn, source)
        self.evidence(source, text, cl.evidence, iri, lang)


def map_annotations(annotations: Iterable[Annotation], registry: Registry, graph: Graph | None = None) -> Graph:
    """Map *annotations* into RDF.

    Parameters
    ----------
    annotations : iterable of Annotation
        Validated annotations (see :func:`diplograph.annotation.load_annotation`). The same
        contact reported by several sources becomes one event with every source's evidence
        (see :mod:`diplograph.merge`).
    registry : Registry
        The registry their names were resolved against.
    graph : rdflib.Graph, optional
        Add to this graph instead of a new one.

    Returns
    -------
    rdflib.Graph
        The graph, with the entities, roles and topics the annotations use.
    """
    g = graph if graph is not None else new_graph()
    annotations = list(annotations)
    mapper = _Mapper(registry, g, plan_merges(annotations))
    for ann in annotations:
        mapper.annotation(ann)
    return g
