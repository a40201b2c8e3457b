"""The generator of synthetic worlds: the random draws of each article and the triples that report them."""

from __future__ import annotations

import hashlib
import math
import random
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from ..mapping import KIND_LABELS
from ..sources import CONTEXT
from ..vocab import DG, ID, OA, ORG, PROV, RDF, RDFS, SDO, SEM, SKOS, TIME, XSD
from .ntriples import NTriplesWriter, iri, lit, typed
from .world import OFFICES, ROLES, SLOTS, Country, Person, World

__all__ = ["Generator", "SynthStats"]

_START = date(1990, 1, 1).toordinal()
_END = date(2025, 12, 31).toordinal()

_KIND_WEIGHTS = [("phoneCall", 30), ("inPersonMeeting", 20), ("visit", 12), ("bilateralSummit", 6),
                 ("sidelinesMeeting", 15), ("talks", 12), ("indirectContact", 5)]
_SLOT_WEIGHTS = [("head-of-state", 40), ("head-of-government", 20), ("foreign-minister", 25),
                 ("defence-minister", 5), ("special-envoy", 10)]
_TOPICS = [
    ("security", "Security", "الأمن", None), ("trade", "Trade", "التجارة", None),
    ("energy", "Energy", "الطاقة", None), ("conflict", "Armed conflict", "النزاع المسلح", None),
    ("climate", "Climate", "المناخ", None), ("health", "Health", "الصحة", None),
    ("migration", "Migration", "الهجرة", None), ("nuclear", "Nuclear programmes", "البرامج النووية", "security"),
    ("ceasefire", "Ceasefire", "وقف إطلاق النار", "conflict"),
    ("prisoner-exchange", "Prisoner exchange", "تبادل الأسرى", "conflict"),
    ("sanctions", "Sanctions", "العقوبات", "trade"), ("tariffs", "Tariffs", "الرسوم الجمركية", "trade"),
    ("oil", "Oil prices", "أسعار النفط", "energy"), ("gas", "Gas supply", "إمدادات الغاز", "energy"),
    ("arms-control", "Arms control", "الحد من التسلح", "security"),
    ("terrorism", "Counter-terrorism", "مكافحة الإرهاب", "security"),
    ("refugees", "Refugees", "اللاجئون", "migration"), ("vaccines", "Vaccines", "اللقاحات", "health"),
    ("investment", "Investment", "الاستثمار", "trade"), ("water", "Water", "المياه", "climate"),
]
_FORUMS = [("forum-0", "Union of Nations", "اتحاد الأمم"), ("forum-1", "Economic Forum", "المنتدى الاقتصادي"),
           ("forum-2", "Security Council", "مجلس الأمن"), ("forum-3", "Group of Twenty", "مجموعة العشرين"),
           ("forum-4", "Regional League", "الجامعة الإقليمية"), ("forum-5", "Ocean Compact", "ميثاق المحيط")]
_STATUSES = ["announced", "agreed", "invited", "offered"]
_PLAN_VERBS = {"announced": ("announced", "أعلن"), "agreed": ("agreed on", "اتفق"),
               "invited": ("were invited to", "دُعي"), "offered": ("were offered", "عُرض على")}
_MEDIA = ["remarks", "officialStatement", "interview"]
_KIND_PHRASES = {  # English, Arabic: "{A} ... {B}"
    "phoneCall": ("held a phone call with", "أجرى اتصالا هاتفيا مع"),
    "inPersonMeeting": ("met", "التقى مع"),
    "visit": ("paid a visit to", "زار"),
    "bilateralSummit": ("held a summit with", "عقد قمة مع"),
    "sidelinesMeeting": ("met", "التقى مع"),
    "talks": ("held talks with", "أجرى محادثات مع"),
    "indirectContact": ("sent a message to", "بعث رسالة إلى"),
}


@dataclass
class SynthStats:
    """What a synthetic graph holds."""

    contacts: int = 0
    plans: int = 0
    claims: int = 0
    sources: int = 0
    posts: int = 0
    people: int = 0
    countries: int = 0
    gatherings: int = 0
    triples: int = 0
    seed: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def _weighted(rng: random.Random, table: list[tuple[str, int]]) -> str:
    return rng.choices([k for k, _ in table], [w for _, w in table])[0]


class _Text:
    """A source text under construction; ``add`` returns the span of what it appended."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def add(self, s: str) -> tuple[int, int]:
        start = self.pos
        self.parts.append(s)
        self.pos += len(s)
        return start, self.pos

    def value(self) -> str:
        return "".join(self.parts)


@dataclass
class _Event:
    """A contact, plan or gathering planned into a source before its triples are written."""

    iri: str
    kind: str
    agents: list[tuple[int, str]]  # (person index, role type local name)
    sentence: tuple[int, int]
    names: dict[int, tuple[int, int]]
    day: int
    precision: str
    planned: bool = False
    status: str = ""
    place: str | None = None
    gathering: str | None = None
    topics: list[str] = field(default_factory=list)
    duration: tuple[int, str, tuple[int, int], str] | None = None
    claim: tuple[str, str, tuple[int, int], tuple[int, int], str] | None = None


@dataclass
class _Draft:
    """One contact of an article as drawn at random, before its sentence is written."""

    kind: str
    planned: bool
    day: int
    precision: str
    people: list[Person] = field(default_factory=list)
    intermediary: Person | None = None
    status: str = ""
    place: str | None = None
    place_host: int = -1
    gathering: str | None = None


class Generator:
    """Writes the triples of a synthetic world and its articles, drawing from one random stream."""

    def __init__(self, world: World, rng: random.Random, out: NTriplesWriter):
        self.w = world
        self.rng = rng
        self.out = out
        self.stats = SynthStats(people=len(world.people), countries=len(world.countries))
        self.instants: set[str] = set()
        self.gatherings: set[str] = set()
        self.a = iri(str(RDF.type))
        self.label = iri(str(RDFS.label))
        self.x = {n: iri(str(t)) for n, t in {
            "xsd:date": XSD.date, "xsd:gYearMonth": XSD.gYearMonth, "xsd:gYear": XSD.gYear,
            "xsd:nni": XSD.nonNegativeInteger, "xsd:dateTime": XSD.dateTime, "xsd:decimal": XSD.decimal,
        }.items()}

    # -- terms --

    def add(self, s: str, p: Any, o: str) -> None:
        self.out.add(s, p if isinstance(p, str) and p.startswith("<") else iri(str(p)), o)

    def labels(self, s: str, en: str, ar: str, pref: bool = False) -> None:
        for prop in (RDFS.label, SKOS.prefLabel) if pref else (RDFS.label,):
            self.add(s, prop, lit(en, "en"))
            self.add(s, prop, lit(ar, "ar"))

    def instant(self, iso: str) -> str:
        node = iri(f"{ID}time/{iso}")
        if iso not in self.instants:
            self.instants.add(iso)
            prop, dtype = {10: (TIME.inXSDDate, "xsd:date"), 7: (TIME.inXSDgYearMonth, "xsd:gYearMonth"),
                           4: (TIME.inXSDgYear, "xsd:gYear")}[len(iso)]
            self.add(node, RDF.type, iri(str(TIME.Instant)))
            self.add(node, prop, typed(iso, self.x[dtype]))
        return node

    def dated(self, s: str, iso: str, prop: Any = TIME.hasTime) -> None:
        precision = {10: DG.precisionDay, 7: DG.precisionMonth, 4: DG.precisionYear, 0: DG.undated}[len(iso)]
        self.add(s, DG.datePrecision, iri(str(precision)))
        if iso:
            self.add(s, prop, self.instant(iso))

    def evidence(self, source: str, text: str, span: tuple[int, int], body: str, lang: str) -> None:
        start, end = span
        ann = f"{source}/evidence/{start}-{end}"
        a, target, q, p = iri(ann), iri(f"{ann}/target"), iri(f"{ann}/quote"), iri(f"{ann}/position")
        self.add(body, DG.evidence, a)
        self.add(a, RDF.type, iri(str(OA.Annotation)))
        self.add(a, OA.motivatedBy, iri(str(OA.describing)))
        self.add(a, OA.hasBody, body)
        self.add(a, OA.hasTarget, target)
        self.add(target, RDF.type, iri(str(OA.SpecificResource)))
        self.add(target, OA.hasSource, iri(source))
        self.add(target, OA.hasSelector, q)
        self.add(target, OA.hasSelector, p)
        self.add(q, RDF.type, iri(str(OA.TextQuoteSelector)))
        self.add(q, OA.exact, lit(text[start:end], lang))
        self.add(q, OA.prefix, lit(text[max(0, start - CONTEXT):start], lang))
        self.add(q, OA.suffix, lit(text[end:end + CONTEXT], lang))
        self.add(p, RDF.type, iri(str(OA.TextPositionSelector)))
        self.add(p, OA.start, typed(str(start), self.x["xsd:nni"]))
        self.add(p, OA.end, typed(str(end), self.x["xsd:nni"]))

    def source(self, source: str, text: str, lang: str, title: tuple[int, int], dateline: tuple[int, int],
               published: str, title_en: str | None) -> None:
        s = iri(source)
        self.stats.sources += 1
        self.add(s, RDF.type, iri(str(SDO.NewsArticle)))
        self.add(s, RDFS.label, lit(text[title[0]:title[1]], lang))
        self.add(s, SDO.headline, lit(text[title[0]:title[1]], lang))
        if title_en:
            self.add(s, SDO.headline, lit(title_en, "en"))
            self.add(s, RDFS.label, lit(title_en, "en"))
        self.add(s, SDO.datePublished, typed(published, self.x["xsd:dateTime"]))
        self.add(s, SDO.inLanguage, lit(lang))
        self.add(s, SDO.text, lit(text, lang))
        self.add(s, SDO.sha256, lit(hashlib.sha256(text.encode("utf-8")).hexdigest()))
        self.evidence(source, text, title, s, lang)
        self.evidence(source, text, dateline, s, lang)

    # -- the world --

    def world(self) -> None:
        """The roles, topics, forums, countries, their offices and people, and each country's register."""
        agent = [iri(str(t)) for t in (ORG.FormalOrganization, PROV.Organization, PROV.Agent)]
        self._terms(agent)
        for c in self.w.countries:
            self._country(c, agent)
        person_types = [iri(str(t)) for t in (SDO.Person, PROV.Person, PROV.Agent)]
        for p in self.w.people:
            pi = iri(p.iri)
            for t in person_types:
                self.add(pi, RDF.type, t)
            self.labels(pi, p.en, p.ar, pref=True)
            for alias in p.aliases:  # the family name, where no one else answers to it
                self.add(pi, SKOS.altLabel, lit(alias, "ar" if alias == p.family_ar else "en"))
        for c in self.w.countries:
            self.register(c.index)

    def _terms(self, agent: list[str]) -> None:
        for slot, (en, ar) in ROLES.items():
            r = iri(f"{ID}role/{slot}")
            self.add(r, RDF.type, iri(str(ORG.Role)))
            self.labels(r, en, ar)
        for tid, en, ar, broader in _TOPICS:
            t = iri(f"{ID}topic/{tid}")
            self.add(t, RDF.type, iri(str(SKOS.Concept)))
            self.add(t, SKOS.inScheme, iri(str(DG.Topics)))
            self.add(t, SKOS.prefLabel, lit(en, "en"))
            self.add(t, SKOS.prefLabel, lit(ar, "ar"))
            if broader:
                self.add(t, SKOS.broader, iri(f"{ID}topic/{broader}"))
            else:
                self.add(t, SKOS.topConceptOf, iri(str(DG.Topics)))
            self.labels(t, en, ar)
        for fid, en, ar in _FORUMS:
            f = iri(f"{ID}org/{fid}")
            for t in agent:
                self.add(f, RDF.type, t)
            self.labels(f, en, ar, pref=True)

    def _country(self, c: Country, agent: list[str]) -> None:
        ci = iri(c.iri)
        for t in (iri(str(SDO.Country)), *agent):
            self.add(ci, RDF.type, t)
        self.labels(ci, c.en, c.ar, pref=True)
        self.add(ci, DG.headRole, iri(f"{ID}role/head-of-state"))
        cap = iri(c.capital_iri)
        self.add(cap, RDF.type, iri(str(SDO.Place)))
        self.add(cap, RDF.type, iri(str(SEM.Place)))
        self.labels(cap, c.capital_en, c.capital_ar, pref=True)
        self.add(cap, SDO.containedInPlace, ci)
        for suffix, en, ar, head, is_office in OFFICES:
            o = iri(c.office_iri(suffix))
            for t in agent:
                self.add(o, RDF.type, t)
            self.labels(o, en.format(c.en), ar.format(c.ar), pref=True)
            if is_office:
                self.add(o, DG.officeOf, ci)
            if head:
                self.add(o, DG.headRole, iri(f"{ID}role/{head}"))

    def register(self, country: int) -> None:
        """The source listing a country's office holders, with the posts it reports."""
        c = self.w.countries[country]
        source = f"{ID}source/register-c{country:03d}"
        text = _Text()
        title = text.add(f"Office holders of {c.en}")
        text.add("\n")
        dateline = text.add("2026-07-01")
        text.add("\n\n")
        posts = []
        for slot, role_en, _ar, org, _years in SLOTS:
            for t in c.tenures[slot]:
                p = self.w.people[t.person]
                b, e = date.fromordinal(t.begin).isoformat(), date.fromordinal(t.end).isoformat()
                span = text.add(f"{p.en} was {role_en} of {c.en} from {b} to {e}.")
                text.add(" ")
                posts.append((t, p, slot, org, b, e, span))
        body = text.value()
        self.source(source, body, "en", title, dateline, "2026-07-01T00:00:00+00:00", None)
        for t, p, slot, org, b, e, span in posts:
            post = iri(t.iri)
            org_iri = c.iri if not org else c.office_iri(org)
            org_en = c.en if not org else next(o[1] for o in OFFICES if o[0] == org).format(c.en)
            org_ar = c.ar if not org else next(o[2] for o in OFFICES if o[0] == org).format(c.ar)
            self.stats.posts += 1
            self.add(post, RDF.type, iri(str(ORG.Membership)))
            self.add(post, RDFS.label, lit(f"{p.en}: {ROLES[slot][0]}, {org_en}", "en"))
            self.add(post, RDFS.label, lit(f"{p.ar}: {ROLES[slot][1]}، {org_ar}", "ar"))
            self.add(post, ORG.member, iri(p.iri))
            self.add(post, ORG.organization, iri(org_iri))
            self.add(post, ORG.role, iri(f"{ID}role/{slot}"))
            interval = iri(f"{ID}time/{b}--{e}")
            self.add(post, ORG.memberDuring, interval)
            if interval not in self.instants:
                self.instants.add(interval)
                self.add(interval, RDF.type, iri(str(TIME.Interval)))
                self.add(interval, TIME.hasBeginning, self.instant(b))
                self.add(interval, TIME.hasEnd, self.instant(e))
            self.add(post, DG.reportedIn, iri(source))
            self.evidence(source, body, span, post, "en")

    # -- contacts --

    def _iso(self, day: int, precision: str) -> str:
        d = date.fromordinal(day).isoformat()
        return {"day": d, "month": d[:7], "year": d[:4], "undated": ""}[precision]

    def _gathering(self, forum: int, year: int) -> tuple[str, int, int]:
        host = (forum * 31 + year * 7) % len(self.w.countries)
        day = date(year, 1 + (forum * 2 + year) % 12, 10 + forum).toordinal()
        return f"{ID}gathering/{_FORUMS[forum][0]}-{year}", day, host

    def article(self, number: int, n_contacts: int, first_contact: int) -> None:
        """One source reporting *n_contacts* contacts (and a claim now and then)."""
        rng = self.rng
        anchor = _START + int((_END - _START) * math.sqrt(rng.random()))
        published_day = anchor + rng.randrange(2)
        lang = "ar" if rng.random() < 0.6 else "en"
        source = f"{ID}source/s{number:07d}"
        text = _Text()
        events: list[_Event] = []
        new_gatherings: list[tuple[str, int, int, int, tuple[int, int]]] = []
        headline_en = headline = ""
        for i in range(n_contacts):
            d = self._draft(anchor, published_day, new_gatherings)
            ev = self._written(d, text, lang, first_contact + i)
            if not d.planned and rng.random() < 0.03:
                self._claim(ev, d, text, lang, first_contact + i)
            events.append(ev)
            if i == 0:
                headline_en, headline = self._headline(d, lang)
        # the gatherings first mentioned here get a sentence of their own
        g_spans = []
        for g_iri, forum, g_day, host, _ in new_gatherings:
            label = self._gathering_label(g_iri, lang)
            cap = self.w.countries[host]
            text.add(" ")
            said = f"The {label} was held in {cap.capital_en}." if lang == "en" else \
                f"عقدت {label} في {cap.capital_ar}."
            g_spans.append((g_iri, forum, g_day, host, text.add(said)))
        # title and dateline go first: shift every span by their length
        published = date.fromordinal(published_day).isoformat()
        head = f"{headline}\n{published}\n\n"
        shift = len(head)
        full = head + text.value()
        title = (0, len(headline))
        dateline = (len(headline) + 1, len(headline) + 1 + len(published))
        self.source(source, full, lang, title, dateline, f"{published}T{8 + rng.randrange(12):02d}:00:00+00:00",
                    headline_en if lang == "ar" else None)

        def sh(span: tuple[int, int]) -> tuple[int, int]:
            return span[0] + shift, span[1] + shift

        for g_iri, forum, g_day, host, span in g_spans:
            self.gathering(g_iri, forum, g_day, host, source, full, sh(span), lang)
        for ev in events:
            self.contact(ev, source, full, lang, sh)

    def _draft(self, anchor: int, published_day: int,
               new_gatherings: list[tuple[str, int, int, int, tuple[int, int]]]) -> _Draft:
        """Who met whom, how, when and where (the random draws of one contact, in a fixed order)."""
        rng, w = self.rng, self.w
        day = anchor - rng.randrange(30) if rng.random() < 0.85 else rng.randrange(_START, anchor + 1)
        kind = _weighted(rng, _KIND_WEIGHTS)
        planned = rng.random() < 0.04
        ca = w.pick_country(rng)
        cb = w.pick_country(rng, other_than=ca)
        slot_a = _weighted(rng, _SLOT_WEIGHTS)
        slot_b = slot_a if rng.random() < 0.7 else _weighted(rng, _SLOT_WEIGHTS)
        countries = [ca, cb]
        slots = [slot_a, slot_b]
        if kind in ("talks", "sidelinesMeeting") and rng.random() < 0.15:
            cc = w.pick_country(rng, other_than=ca)
            if cc != cb:
                countries.append(cc)
                slots.append(slot_a)
        d = _Draft(kind=kind, planned=planned, day=day,
                   precision=rng.choices(["day", "month", "year", "undated"], [80, 12, 5, 3])[0])
        self._place(d, countries, cb, published_day, new_gatherings)
        people = [w.holder(c, s, d.day) for c, s in zip(countries, slots, strict=True)]
        if len({p.index for p in people}) < len(people):
            people = list({p.index: p for p in people}.values())
        if len(people) < 2:
            cb = w.pick_country(rng, other_than=people[0].country)
            people.append(w.holder(cb, "foreign-minister", d.day))
        d.people = people
        if kind == "indirectContact" and not planned:
            ci = w.pick_country(rng, other_than=people[0].country)
            intermediary = w.holder(ci, "special-envoy", d.day)
            d.intermediary = None if intermediary.index in {p.index for p in people} else intermediary
        if planned:
            d.status = rng.choice(_STATUSES)
            d.precision = "month" if rng.random() < 0.5 else "undated"
            d.day = anchor + rng.randrange(10, 120)
        return d

    def _place(self, d: _Draft, countries: list[int], cb: int, published_day: int,
               new_gatherings: list[tuple[str, int, int, int, tuple[int, int]]]) -> None:
        """Where the contact took place: the gathering of a sidelines meeting, the host of a meeting or visit."""
        rng, w = self.rng, self.w
        if d.kind == "sidelinesMeeting" and not d.planned:
            forum = rng.randrange(len(_FORUMS))
            year = date.fromordinal(d.day).year
            g_iri, g_day, host = self._gathering(forum, year)
            if g_day > published_day:
                g_iri, g_day, host = self._gathering(forum, year - 1)
            d.day, d.precision, d.gathering = g_day, "day", g_iri
            d.place = w.countries[host].capital_iri
            if g_iri not in self.gatherings:
                self.gatherings.add(g_iri)
                new_gatherings.append((g_iri, forum, g_day, host, (0, 0)))
        elif d.kind in ("inPersonMeeting", "bilateralSummit", "talks"):
            d.place_host = rng.choice(countries) if rng.random() < 0.8 else w.pick_country(rng)
            d.place = w.countries[d.place_host].capital_iri
        elif d.kind == "visit":
            d.place_host = cb
            d.place = w.countries[cb].capital_iri

    def _names(self, people: list[Person], lang: str, last_sep: str, sep: str) -> list[tuple[str, int | None]]:
        """People named one after another, each with their country, as parts of a sentence."""
        w = self.w
        parts: list[tuple[str, int | None]] = []
        for j, p in enumerate(people):
            if j:
                parts.append((last_sep if j == len(people) - 1 else sep, None))
            parts += [(p.en, p.index), (f" of {w.countries[p.country].en}", None)] if lang == "en" else \
                [(p.ar, p.index), (f" من {w.countries[p.country].ar}", None)]
        return parts

    def _plan_sentence(self, d: _Draft, lang: str) -> list[tuple[str, int | None]]:
        verb_en, verb_ar = _PLAN_VERBS[d.status]
        if lang == "en":
            return [*self._names(d.people, "en", " and ", ", "), (f" {verb_en} a {KIND_LABELS[d.kind][0]}", None)]
        return [(f"{verb_ar} ", None), *self._names(d.people, "ar", " و", " و"),
                (f" على {KIND_LABELS[d.kind][1]} مزمعة", None)]

    def _contact_sentence(self, d: _Draft, lang: str) -> list[tuple[str, int | None]]:
        w = self.w
        phrase_en, phrase_ar = _KIND_PHRASES[d.kind]
        a, others = d.people[0], d.people[1:]
        parts: list[tuple[str, int | None]]
        if lang == "en":
            parts = [(a.en, a.index), (f" of {w.countries[a.country].en} {phrase_en} ", None),
                     *self._names(others, "en", " and ", ", ")]
            if d.intermediary is not None:
                parts += [(" through ", None), (d.intermediary.en, d.intermediary.index)]
        else:
            rest = phrase_ar.split(" ", 1)[1] if " " in phrase_ar else ""
            parts = [(f"{phrase_ar.split(' ', 1)[0]} ", None), (a.ar, a.index),
                     (f" من {w.countries[a.country].ar}", None), (f" {rest} " if rest else " ", None),
                     *self._names(others, "ar", " و", " و")]
            if d.intermediary is not None:
                parts += [(" عبر ", None), (d.intermediary.ar, d.intermediary.index)]
        if d.gathering is not None:
            g_label = self._gathering_label(d.gathering, lang)
            parts.append((f" on the sidelines of the {g_label}" if lang == "en" else f" على هامش {g_label}", None))
        elif d.place is not None:
            host_c = w.countries[d.place_host]
            parts.append((f" in {host_c.capital_en}" if lang == "en" else f" في {host_c.capital_ar}", None))
        return parts

    def _written(self, d: _Draft, text: _Text, lang: str, number: int) -> _Event:
        """The sentence reporting a drafted contact, added to *text*, and the event it reports."""
        rng = self.rng
        iso = self._iso(d.day, d.precision)
        parts = self._plan_sentence(d, lang) if d.planned else self._contact_sentence(d, lang)
        if iso:
            parts.append(((" on " if len(iso) == 10 else " in ") + iso if lang == "en" else " في " + iso, None))
        duration = None
        if d.kind == "phoneCall" and not d.planned and rng.random() < 0.1:
            minutes = rng.choice((15, 20, 30, 45, 60, 90, 120))
            bound = rng.choice(("exact", "approximate", "atLeast"))
            expr = f"lasting {minutes} minutes" if lang == "en" else f"استمر {minutes} دقيقة"
            parts += [(", " if lang == "en" else "، ", None), (expr, -1)]
            duration = (minutes, bound, (0, 0), expr)
        parts.append((".", None))
        text.add(" ")
        start = text.pos
        names: dict[int, tuple[int, int]] = {}
        for s, tag in parts:
            span = text.add(s)
            if tag is not None and tag >= 0:
                names.setdefault(tag, span)
            elif tag == -1 and duration is not None:
                duration = (duration[0], duration[1], span, duration[3])
        c_iri = f"{ID}{'plan' if d.planned else 'contact'}/k{number:07d}"
        agents = [(p.index, "initiatorRole" if j == 0 and d.kind == "phoneCall" else "participantRole")
                  for j, p in enumerate(d.people)]
        if d.intermediary is not None:
            agents.append((d.intermediary.index, "intermediaryRole"))
        n_topics = rng.choices((0, 1, 2, 3), (20, 50, 22, 8))[0]
        topics = sorted({_TOPICS[min(int(rng.paretovariate(1.2)) - 1, len(_TOPICS) - 1)][0]
                         for _ in range(n_topics)})
        return _Event(c_iri, d.kind, agents, (start, text.pos), names, d.day, d.precision, d.planned, d.status,
                      d.place, d.gathering, topics, duration)

    def _claim(self, ev: _Event, d: _Draft, text: _Text, lang: str, number: int) -> None:
        """A participant's word on the contact, reported after it."""
        a, other = d.people[0], d.people[1]
        medium = self.rng.choice(_MEDIA)
        text.add(" ")
        label_en, label_ar = KIND_LABELS[d.kind]
        if lang == "en":
            who = text.add(a.en)
            text.add(f" said the {label_en} with {other.en} was constructive.")
        else:
            text.add("قال ")
            who = text.add(a.ar)
            text.add(f" إن {label_ar} مع {other.ar} كانت بناءة.")
        claim_span = (who[0] if lang == "en" else who[0] - 4, text.pos)
        statement = f"The {label_en} with {other.en} was constructive."
        ev.claim = (f"{ID}claim/k{number:07d}", medium, who, claim_span, statement)

    def _headline(self, d: _Draft, lang: str) -> tuple[str, str]:
        """The headline in English and in the source's language, from its first contact."""
        w = self.w
        pa, pb = d.people[0], d.people[1]
        ca_, cb_ = w.countries[pa.country], w.countries[pb.country]
        label_en, label_ar = KIND_LABELS[d.kind]
        headline_en = f"{ca_.en} and {cb_.en}: {label_en} between {pa.family_en} and {pb.family_en}"
        if lang == "en":
            return headline_en, headline_en
        return headline_en, f"{ca_.ar} و{cb_.ar}: {label_ar} بين {pa.family_ar} و{pb.family_ar}"

    def _gathering_label(self, g_iri: str, lang: str) -> str:
        fid, year = g_iri.rsplit("/", 1)[1].rsplit("-", 1)
        _, en, ar = next(f for f in _FORUMS if f[0] == fid)
        return f"{en} summit {year}" if lang == "en" else f"قمة {ar} {year}"

    def gathering(self, g_iri: str, forum: int, day: int, host: int, source: str, text: str,
                  span: tuple[int, int], lang: str) -> None:
        g = iri(g_iri)
        self.stats.gatherings += 1
        self.add(g, RDF.type, iri(str(DG.Gathering)))
        self.add(g, RDFS.label, lit(self._gathering_label(g_iri, "en"), "en"))
        self.add(g, RDFS.label, lit(self._gathering_label(g_iri, "ar"), "ar"))
        self.add(g, SDO.organizer, iri(f"{ID}org/{_FORUMS[forum][0]}"))
        self.add(g, SEM.hasPlace, iri(self.w.countries[host].capital_iri))
        self.dated(g, date.fromordinal(day).isoformat())
        self.add(g, DG.reportedIn, iri(source))
        self.evidence(source, text, span, g, lang)

    def contact(self, ev: _Event, source: str, text: str, lang: str, sh: Any) -> None:
        c = iri(ev.iri)
        src = iri(source)
        w = self.w
        if ev.planned:
            self.stats.plans += 1
        else:
            self.stats.contacts += 1
        self.add(c, RDF.type, iri(str(DG.PlannedContact if ev.planned else DG.Contact)))
        participants = [w.people[i] for i, role in ev.agents if role != "intermediaryRole"]
        iso = self._iso(ev.day, ev.precision)
        en_kind, ar_kind = KIND_LABELS[ev.kind]
        prefix_en = f"{'planned ' if ev.planned else ''}{en_kind}"
        prefix_ar = f"{ar_kind}{' مزمعة' if ev.planned else ''}"
        when = iso or ("planned" if ev.planned else "undated")
        when_ar = iso or ("مزمع" if ev.planned else "غير مؤرخ")
        names_en = " – ".join(p.en for p in participants)
        names_ar = " – ".join(p.ar for p in participants)
        self.add(c, RDFS.label, lit(f"{prefix_en[0].upper()}{prefix_en[1:]}: {names_en}, {when}", "en"))
        self.add(c, RDFS.label, lit(f"{prefix_ar}: {names_ar}، {when_ar}", "ar"))
        self.add(c, DG.kind, iri(str(DG[ev.kind])))
        if ev.planned:
            self.add(c, DG.planStatus, iri(str(DG[ev.status])))
        for index, role in ev.agents:
            person = w.people[index]
            agent = iri(person.iri)
            if role != "intermediaryRole":
                self.add(c, DG.participant, agent)
            node = iri(f"{ev.iri}/role/{person.iri.rsplit('/', 1)[1]}")
            self.add(c, DG.hasRole, node)
            self.add(node, RDF.type, iri(str(SEM.Role)))
            self.add(node, RDF.value, agent)
            self.add(node, SEM.roleType, iri(str(DG[role])))
            self.add(node, DG.reportedIn, src)
            self.evidence(source, text, sh(ev.names[index]), node, lang)
        self.dated(c, iso)
        if ev.duration is not None:
            minutes, bound, span, expr = ev.duration
            d = iri(f"{ev.iri}/duration")
            self.add(c, TIME.hasDuration, d)
            self.add(d, RDF.type, iri(str(TIME.Duration)))
            self.add(d, TIME.numericDuration, typed(str(minutes), self.x["xsd:decimal"]))
            self.add(d, TIME.unitType, iri(str(TIME.unitMinute)))
            self.add(d, DG.durationBound, iri(str(DG[bound])))
            self.add(d, DG.durationExpression, lit(expr, lang))
            self.evidence(source, text, sh(span), d, lang)
        if ev.place:
            self.add(c, SEM.hasPlace, iri(ev.place))
        if ev.gathering:
            self.add(c, SEM.subEventOf, iri(ev.gathering))
        for t in ev.topics:
            self.add(c, SDO.about, iri(f"{ID}topic/{t}"))
        self.add(c, DG.reportedIn, src)
        self.evidence(source, text, sh(ev.sentence), c, lang)
        if ev.claim is not None:
            self.claim(ev, source, text, lang, sh)

    def claim(self, ev: _Event, source: str, text: str, lang: str, sh: Any) -> None:
        assert ev.claim is not None
        claim_iri, medium, who, span, statement = ev.claim
        cl = iri(claim_iri)
        by = self.w.people[ev.agents[0][0]]
        self.stats.claims += 1
        self.add(cl, RDF.type, iri(str(DG.Claim)))
        self.add(cl, RDFS.label, lit(f"Claim by {by.en}: {statement}", "en"))
        self.add(cl, RDFS.label, lit(f"تصريح {by.ar}", "ar"))
        self.add(cl, DG.claimant, iri(by.iri))
        self.add(cl, DG.statement, lit(statement, "en"))
        self.add(cl, DG.medium, iri(str(DG[medium])))
        self.dated(cl, self._iso(ev.day, ev.precision), DG.statedOn)
        self.add(cl, DG.supports, iri(ev.iri))
        node = iri(f"{claim_iri}/role/{by.iri.rsplit('/', 1)[1]}")
        self.add(cl, DG.hasRole, node)
        self.add(node, RDF.type, iri(str(SEM.Role)))
        self.add(node, RDF.value, iri(by.iri))
        self.add(node, SEM.roleType, iri(str(DG.speakerRole)))
        self.add(node, DG.reportedIn, iri(source))
        self.evidence(source, text, sh(who), node, lang)
        self.add(cl, DG.reportedIn, iri(source))
        self.evidence(source, text, sh(span), cl, lang)
