"""Read an annotation file into validated records.

Every problem is reported as :class:`~diplograph.errors.AnnotationError` (or
:class:`~diplograph.errors.UnknownEntityError` for a name) naming the file and
line: an unknown key, a quote that is not in the text, an ambiguous quote, an
impossible date, a contact dated after its source, a contact with fewer than
two participants, an initiator who did not take part, a dangling reference.
"""

from __future__ import annotations

import os
import re
import stat
from datetime import date, datetime
from pathlib import Path, PurePosixPath

from ..dates import DateValue
from ..errors import AnnotationError, InvalidDateError
from ..registry import Entity, Registry, Term
from ..sources import SourceText, Span
from ..text import find_mentions, normalize
from ..yamlfile import YList, YMap, YScalar, YValue, read_yaml
from .model import (
    BOUNDS,
    CONTACT_KINDS,
    HEDGES,
    MEDIA,
    PLAN_STATUSES,
    Annotation,
    CandidateAnn,
    ClaimAnn,
    ContactAnn,
    DateNote,
    DeniedContact,
    Duration,
    GatheringAnn,
    HedgeAnn,
    PostAnn,
    Quote,
    RoleAnn,
    SourceAnn,
)

__all__ = ["MAX_SOURCE_BYTES", "load_annotation", "read_source_text"]

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

_SOURCE_KEYS = {"id", "text", "title", "title_en", "published", "published_quote", "publication_time_note",
                "author", "language", "noise", "hedges"}
_CONTACT_KEYS = {"id", "kind", "participants", "initiator", "intermediaries", "roles", "date", "date_expression",
                 "bounds", "other_date", "duration", "place", "gathering", "topics", "hedges", "evidence",
                 "occurrence", "follows_from", "status", "note", "confidence", "review"}
_POST_KEYS = {"holder", "role", "organisation", "during", "attested", "appointed_by", "evidence", "occurrence"}
_CLAIM_KEYS = {"id", "by", "medium", "stated", "attribution", "statement", "evidence", "occurrence", "supports",
               "hedges", "denies"}


def _err(node: YValue | None, message: str, cls: type[AnnotationError] = AnnotationError,
         fallback: YValue | None = None) -> AnnotationError:
    at = node if node is not None else fallback
    if at is None:
        return cls(message)
    return cls(message, at.path, at.line)


class _Reader:
    def __init__(self, path: Path, registry: Registry):
        self.path = path
        self.registry = registry
        self.doc = read_yaml(path)
        self.text: SourceText | None = None
        self.published: datetime | None = None
        self.provisional: dict[str, Entity] = {}  # candidates by their folded names, for a draft's contacts

    # -- primitive readers --

    def keys(self, node: YMap, allowed: set[str], what: str) -> None:
        unknown = sorted(set(node.entries) - allowed)
        if unknown:
            line = node.key_lines.get(unknown[0], node.line)
            raise AnnotationError(
                f"unknown key {unknown[0]!r} in {what}; allowed: {', '.join(sorted(allowed))}", node.path, line
            )

    def scalar(self, node: YMap, key: str, what: str, required: bool = True) -> str | None:
        value = node.get(key)
        if value is None or (isinstance(value, YScalar) and not value.value.strip()):
            if required:
                raise _err(node, f"{what} needs {key!r}")
            return None
        if not isinstance(value, YScalar):
            raise _err(value, f"{key!r} of {what} must be a single value")
        return value.value

    def strings(self, node: YMap, key: str, what: str) -> list[YScalar]:
        value = node.get(key)
        if value is None:
            return []
        if isinstance(value, YScalar):
            return [value] if value.value.strip() else []
        if isinstance(value, YList) and all(isinstance(v, YScalar) for v in value.items):
            return [v for v in value.items if isinstance(v, YScalar)]
        raise _err(value, f"{key!r} of {what} must be a value or a list of values")

    def maps(self, node: YMap | None, key: str, what: str) -> list[YMap]:
        if node is None:
            return []
        value = node.get(key)
        if value is None or (isinstance(value, YScalar) and not value.value):
            return []
        if not isinstance(value, YList) or not all(isinstance(v, YMap) for v in value.items):
            raise _err(value, f"{key!r} of {what} must be a list of mappings")
        return [v for v in value.items if isinstance(v, YMap)]

    def ident(self, node: YMap, what: str) -> str:
        value = self.scalar(node, "id", what)
        assert value is not None
        if not _ID.match(value):
            raise _err(node.get("id"), f"id {value!r} may hold only letters, digits, '-', '_' and '.'")
        return value

    def entity(self, scalar: YScalar) -> Entity:
        known = self.provisional.get(normalize(scalar.value))
        if known is not None and self.registry.names.get(scalar.value) is None:
            return known
        return self.registry.resolve(scalar.value, scalar.where)

    def entity_at(self, node: YMap, key: str, what: str, required: bool = True) -> Entity | None:
        value = node.get(key)
        if value is None:
            if required:
                raise _err(node, f"{what} needs {key!r}")
            return None
        if not isinstance(value, YScalar):
            raise _err(value, f"{key!r} of {what} must name one entity")
        return self.entity(value)

    def choice(self, node: YMap, key: str, options: tuple[str, ...], what: str, required: bool = True) -> str | None:
        value = self.scalar(node, key, what, required)
        if value is None:
            return None
        if value not in options:
            raise _err(node.get(key), f"{key!r} of {what} is {value!r}; expected one of: {', '.join(options)}")
        return value

    def quote(self, node: YMap, key: str, what: str, within: Span | None = None,
              occurrence_key: str = "occurrence") -> Quote:
        assert self.text is not None
        value = node.get(key)
        if not isinstance(value, YScalar) or not value.value:
            raise _err(value, f"{what} needs {key!r}: the exact words of the source", fallback=node)
        occurrence = None
        occ = node.get(occurrence_key) if key == "evidence" else None
        if isinstance(occ, YScalar) and occ.value:
            if not occ.value.isdigit():
                raise _err(occ, f"{occurrence_key!r} must be a whole number")
            occurrence = int(occ.value)
        span = self.text.find(value.value, occurrence, where=value.where, within=within)
        return Quote(self.text.quote(span), span)

    def expression_in(self, value: YScalar, span: Span | None) -> Quote:
        """A short phrase (date or hedge words) located inside *span* when possible."""
        assert self.text is not None
        found = self.text.find(value.value, where=value.where, within=span) if span else None
        if found is None or (span is not None and not span.contains(found)):
            if span is not None:
                raise _err(value, f"{value.value!r} does not occur within the quote it qualifies")
            found = self.text.find(value.value, where=value.where)
        return Quote(self.text.quote(found), found)

    def date(self, raw: str, node: YValue | None, *, allow_after: bool = False) -> DateValue:
        assert self.published is not None
        if raw == "undated":
            return DateValue("", "undated")
        if raw == "today":
            return DateValue(self.published.date().isoformat(), "day")
        m = _DATE.match(raw)
        if not m:
            raise _err(node, f"date {raw!r} is not YYYY, YYYY-MM, YYYY-MM-DD, 'today' or 'undated'",
                       InvalidDateError)
        year, month, day = (int(g) if g else None for g in m.groups())
        try:
            date(year or 1, month or 1, day or 1)
        except ValueError as exc:
            raise _err(node, f"impossible date {raw!r}: {exc}", InvalidDateError) from None
        precision = "day" if day else "month" if month else "year"
        value = DateValue(raw, precision)
        first = value.first_day()
        if not allow_after and first is not None and first > self.published.date():
            raise _err(node, f"date {raw!r} is after the source was published "
                             f"({self.published.date().isoformat()}); a plan belongs under 'plans'",
                       InvalidDateError)
        return value

    def date_at(self, node: YMap, key: str, what: str, *, allow_after: bool = False,
                required: bool = True) -> DateValue | None:
        raw = self.scalar(node, key, what, required)
        if raw is None:
            return None
        return self.date(raw.strip(), node.get(key), allow_after=allow_after)

    def hedges(self, node: YMap, what: str, within: Span | None) -> tuple[HedgeAnn, ...]:
        out = []
        for h in self.maps(node, "hedges", what):
            self.keys(h, {"hedge", "expression", "quote"}, "a hedge")
            kind = self.choice(h, "hedge", HEDGES, "a hedge")
            expr = h.get("expression")
            if not isinstance(expr, YScalar) or not expr.value:
                raise _err(h, "a hedge needs 'expression': its exact words")
            out.append(HedgeAnn(str(kind), self.expression_in(expr, within)))
        return tuple(out)

    # -- sections --

    def source(self) -> SourceAnn:
        node = self.doc.get("source")
        if not isinstance(node, YMap):
            raise _err(node, "the annotation needs a 'source' mapping", fallback=self.doc)
        self.keys(node, _SOURCE_KEYS, "source")
        sid = self.ident(node, "source")
        self.scalar(node, "text", "source")
        ref = node.get("text")
        assert isinstance(ref, YScalar)
        rel = ref.value
        self.text = read_source_text(self.path, ref)
        raw_pub = self.scalar(node, "published", "source")
        assert raw_pub is not None
        try:
            self.published = datetime.fromisoformat(raw_pub)
        except ValueError:
            raise _err(node.get("published"), f"'published' {raw_pub!r} is not an ISO date-time",
                       InvalidDateError) from None
        noise: list[Span] = []
        for item in self.maps(node, "noise", "source"):
            self.keys(item, {"quote", "occurrences", "why"}, "a noise entry")
            q = item.get("quote")
            if not isinstance(q, YScalar) or not q.value:
                raise _err(item, "a noise entry needs 'quote'")
            spans = self.text.occurrences(q.value)
            if not spans:
                raise _err(q, f"noise {q.value!r} does not occur in the text")
            if len(spans) > 1 and self.scalar(item, "occurrences", "a noise entry", False) != "all":
                raise _err(q, f"noise {q.value!r} occurs {len(spans)} times; say 'occurrences: all'")
            noise.extend(spans)
        self.text.noise = noise
        title = self.quote(node, "title", "source")
        pub_quote = (self.quote(node, "published_quote", "source")
                     if node.get("published_quote") is not None else None)
        author = self.entity_at(node, "author", "source", required=False)
        language = self.scalar(node, "language", "source")
        assert language is not None
        if not re.match(r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$", language):
            raise _err(node.get("language"), f"language {language!r} is not a BCP 47 tag")
        hedges = []
        for h in self.maps(node, "hedges", "source"):
            hq = self.quote(h, "quote", "a source hedge")
            (hedge,) = self.hedges(YMap({"hedges": YList([h], h.path, h.line)}, h.path, h.line), "source", hq.span)
            hedges.append((hedge, hq))
        return SourceAnn(
            id=sid, text=self.text, text_path=str(rel), title=title,
            title_en=self.scalar(node, "title_en", "source", False), published=self.published,
            published_quote=pub_quote, author=author, language=language,
            publication_time_note=self.scalar(node, "publication_time_note", "source", False),
            noise=tuple(noise), hedges=tuple(hedges),
        )

    def topics(self, node: YMap, what: str) -> tuple[Term, ...]:
        return tuple(self.registry.topic(t.value, t.where) for t in self.strings(node, "topics", what))

    def contact(self, node: YMap, planned: bool) -> ContactAnn:
        what = "a plan" if planned else "a contact"
        self.keys(node, _CONTACT_KEYS, what)
        cid = self.ident(node, what)
        what = f"{'plan' if planned else 'contact'} {cid!r}"
        kind = self.choice(node, "kind", CONTACT_KINDS, what)
        status = self.choice(node, "status", PLAN_STATUSES, what, required=planned)
        if status and not planned:
            raise _err(node.get("status"), f"{what} took place and has no 'status'; planned contacts go under 'plans'")
        evidence = self.quote(node, "evidence", what)
        participants, roles = self.contact_roles(node, what, evidence)
        date_value = self.contact_date(node, what, planned, evidence)
        gathering = self.gathering(node.get("gathering"), what, planned, date_value)
        if kind == "sidelinesMeeting" and gathering is None:
            raise _err(node, f"{what} is a sidelines meeting and needs 'gathering'")
        return ContactAnn(
            confidence=self.confidence(node, what), review=self.scalar(node, "review", what, False),
            id=cid, kind=str(kind), planned=planned, participants=participants, roles=roles,
            date=date_value, bounds=self.bounds(node, what, planned, date_value),
            evidence=evidence, status=status, duration=self.duration(node.get("duration")),
            place=self.entity_at(node, "place", what, required=False), gathering=gathering,
            topics=self.topics(node, what), hedges=self.hedges(node, what, evidence.span),
            other_date=self.other_date(node.get("other_date")),
            follows_from=self.scalar(node, "follows_from", what, False), where=node.where,
        )

    def confidence(self, node: YMap, what: str) -> float | None:
        raw = self.scalar(node, "confidence", what, False)
        if raw is None:
            return None
        try:
            value = float(raw)
        except ValueError:
            raise _err(node.get("confidence"), f"confidence {raw!r} of {what} is not a number") from None
        if not 0 <= value <= 1:
            raise _err(node.get("confidence"), f"confidence {raw!r} of {what} is not between 0 and 1")
        return value

    def denies(self, node: YMap, what: str) -> DeniedContact | None:
        value = node.get("denies")
        if value is None:
            return None
        if not isinstance(value, YMap):
            raise _err(value, f"'denies' of {what} must be a mapping with kind and participants")
        self.keys(value, {"kind", "participants"}, "a denied contact")
        kind = self.choice(value, "kind", CONTACT_KINDS, "a denied contact")
        people = tuple(self.entity(s) for s in self.strings(value, "participants", "a denied contact"))
        if len(people) < 2:
            raise _err(value, f"the contact {what} denies needs at least two participants")
        return DeniedContact(str(kind), people)

    def contact_roles(self, node: YMap, what: str, evidence: Quote) -> tuple[tuple[Entity, ...], tuple[RoleAnn, ...]]:
        """The participants of a contact and the role of each participant and intermediary, with its quote."""
        participants = [self.entity(s) for s in self.strings(node, "participants", what)]
        ids = [p.id for p in participants]
        if len(set(ids)) != len(ids):
            raise _err(node.get("participants"), f"{what} lists a participant twice")
        if len(participants) < 2:
            raise _err(node.get("participants"), f"{what} needs at least two participants, got {len(participants)}",
                       fallback=node)
        explicit: dict[str, YMap] = {}
        for r in self.maps(node, "roles", what):
            self.keys(r, {"agent", "quote", "occurrence"}, "a role")
            agent = self.entity_at(r, "agent", "a role")
            assert agent is not None
            explicit[agent.id] = r
        initiators = [self.entity(s) for s in self.strings(node, "initiator", what)]
        for i in initiators:
            if i.id not in ids:
                raise _err(node.get("initiator"), f"initiator {i.en!r} is not a participant of {what}")
        intermediaries = [self.entity(s) for s in self.strings(node, "intermediaries", what)]
        for i in intermediaries:
            if i.id in ids:
                raise _err(node.get("intermediaries"), f"{i.en!r} is a participant; an intermediary is not")
        for agent_id, r in explicit.items():
            if agent_id not in ids and agent_id not in {i.id for i in intermediaries}:
                raise _err(r, f"role for {agent_id!r}, who is neither a participant nor an intermediary of {what}")
        initiator_ids = {i.id for i in initiators}
        roles = tuple(
            RoleAnn(agent, "intermediary" if agent in intermediaries else
                    "initiator" if agent.id in initiator_ids else "participant",
                    self.role_quote(agent, explicit, evidence, what, node.where))
            for agent in participants + intermediaries)
        return tuple(participants), roles

    def contact_date(self, node: YMap, what: str, planned: bool, evidence: Quote) -> DateValue:
        """The date of a contact (a plan may lie after its source), with the source's words for "today"."""
        date_value = self.date_at(node, "date", what, allow_after=planned, required=not planned) or DateValue(
            "", "undated")
        expr = node.get("date_expression")
        if isinstance(expr, YScalar) and expr.value:
            if self.scalar(node, "date", what) != "today":
                raise _err(expr, "'date_expression' goes with 'date: today'")
            return DateValue(date_value.iso, date_value.precision, self.expression_in(expr, evidence.span).text)
        if self.scalar(node, "date", what, False) == "today":
            raise _err(node.get("date"), "'date: today' needs 'date_expression': the words of the source")
        return date_value

    def bounds(self, node: YMap, what: str, planned: bool, date_value: DateValue) -> tuple[DateValue, DateValue] | None:
        """The dates an undated contact took place between: ``bounds: {after: DATE, before: DATE}``.

        ``after`` is needed; ``before`` defaults to the day the source was
        published (a contact that took place did so before its report).
        """
        bnode = node.get("bounds")
        if bnode is None:
            return None
        if not isinstance(bnode, YMap):
            raise _err(bnode, "'bounds' must be a mapping with 'after' and/or 'before'")
        if not date_value.undated:
            raise _err(bnode, f"{what} has a date; 'bounds' are for an undated contact")
        self.keys(bnode, {"after", "before"}, "bounds")
        after = self.date_at(bnode, "after", "bounds", allow_after=planned, required=False)
        before = self.date_at(bnode, "before", "bounds", allow_after=planned, required=False)
        if after is None:
            raise _err(bnode, "'bounds' needs 'after': the earliest date the contact can have taken place")
        if before is None:
            if planned:
                raise _err(bnode, "the bounds of a plan need 'before'")
            assert self.published is not None
            before = DateValue(self.published.date().isoformat(), "day")
        a_first, b_last = after.first_day(), before.last_day()
        if a_first is not None and b_last is not None and a_first > b_last:
            raise _err(bnode, f"bounds after {after.iso} and before {before.iso} leave no day", InvalidDateError)
        return after, before

    def duration(self, dnode: YValue | None) -> Duration | None:
        if dnode is None:
            return None
        if not isinstance(dnode, YMap):
            raise _err(dnode, "'duration' must be a mapping with minutes, bound and quote")
        self.keys(dnode, {"minutes", "bound", "quote"}, "a duration")
        raw = self.scalar(dnode, "minutes", "a duration")
        try:
            minutes = float(str(raw))
        except ValueError:
            raise _err(dnode.get("minutes"), f"minutes {raw!r} is not a number") from None
        if not 0 < minutes < 60 * 24 * 30:
            raise _err(dnode.get("minutes"), f"minutes {raw!r} is out of range")
        return Duration(minutes, str(self.choice(dnode, "bound", BOUNDS, "a duration")),
                        self.quote(dnode, "quote", "a duration"))

    def other_date(self, onode: YValue | None) -> DateNote | None:
        if onode is None:
            return None
        if not isinstance(onode, YMap):
            raise _err(onode, "'other_date' must be a mapping with date and note")
        self.keys(onode, {"date", "note"}, "other_date")
        raw_other = str(self.scalar(onode, "date", "other_date"))
        self.date(raw_other, onode.get("date"), allow_after=True)
        return DateNote(raw_other, str(self.scalar(onode, "note", "other_date")))

    def gathering(self, gnode: YValue | None, what: str, planned: bool, date_value: DateValue) -> GatheringAnn | None:
        if gnode is None:
            return None
        if not isinstance(gnode, YMap):
            raise _err(gnode, "'gathering' must be a mapping")
        self.keys(gnode, {"id", "en", "ar", "convened_by", "place", "date", "quote"}, "a gathering")
        gathering = GatheringAnn(
            id=self.ident(gnode, "a gathering"), en=str(self.scalar(gnode, "en", "a gathering")),
            ar=str(self.scalar(gnode, "ar", "a gathering")),
            convened_by=self.entity_at(gnode, "convened_by", "a gathering", required=False),
            place=self.entity_at(gnode, "place", "a gathering", required=False),
            date=self.date_at(gnode, "date", "a gathering", allow_after=planned) or DateValue("", "undated"),
            quote=self.quote(gnode, "quote", "a gathering"),
        )
        g_first, g_last, c_first = gathering.date.first_day(), gathering.date.last_day(), date_value.first_day()
        if g_first and g_last and c_first and not g_first <= c_first <= g_last:
            raise _err(gnode.get("date"), f"{what} is dated {date_value.iso}, outside its gathering "
                                          f"({gathering.date.iso})", InvalidDateError)
        return gathering

    def role_quote(self, agent: Entity, explicit: dict[str, YMap], evidence: Quote, what: str,
                   evidence_where: str = "") -> Quote:
        assert self.text is not None
        if agent.id in explicit:
            context = self.quote(explicit[agent.id], "quote", f"the role of {agent.en!r}")
            return self._mention(agent, context) or context
        mention = self._mention(agent, evidence)
        if mention is not None:
            return mention
        raise AnnotationError(
            f"{what}: {agent.en!r} is not named in the evidence quote; add a 'roles' entry "
            f"with a quote that names them", *_where_parts(evidence_where))

    def _mention(self, agent: Entity, within: Quote) -> Quote | None:
        """The first mention of *agent* (any of its names) inside *within*."""
        assert self.text is not None
        hits = []
        for name in set(agent.names):
            for start, end in find_mentions(self.text.text[within.start:within.end], name):
                hits.append((start, -(end - start), end))
        if not hits:
            return None
        start, _, end = min(hits)
        span = self.text.span(within.start + start, within.start + end)
        return Quote(self.text.quote(span), span)

    def post(self, node: YMap) -> PostAnn:
        self.keys(node, _POST_KEYS, "a post")
        holder = self.entity_at(node, "holder", "a post")
        organisation = self.entity_at(node, "organisation", "a post")
        assert holder is not None and organisation is not None
        role_node = node.get("role")
        role = self.registry.role(str(self.scalar(node, "role", "a post")),
                                  role_node.where if role_node is not None else node.where)
        evidence = self.quote(node, "evidence", "a post")
        during = None
        raw_during = self.scalar(node, "during", "a post", False)
        if raw_during:
            begin, sep, end = raw_during.partition("/")
            if not sep:
                raise _err(node.get("during"), "'during' is START/END, for instance 2017/2021")
            b = self.date(begin.strip(), node.get("during"))
            e = self.date(end.strip(), node.get("during"), allow_after=True)
            b_first, e_last = b.first_day(), e.last_day()
            if b_first and e_last and b_first > e_last:
                raise _err(node.get("during"), f"term {raw_during!r} ends before it begins", InvalidDateError)
            during = (b, e)
        attested = self.date_at(node, "attested", "a post", required=False)
        if during is None and attested is None:
            raise _err(node, "a post needs 'during' (a term) or 'attested' (a date, 'today' or 'undated')")
        return PostAnn(holder=holder, role=role, organisation=organisation, evidence=evidence, during=during,
                       attested=attested, appointed_by=self.entity_at(node, "appointed_by", "a post", False),
                       where=node.where)

    def claim(self, node: YMap, targets: set[str]) -> ClaimAnn:
        self.keys(node, _CLAIM_KEYS, "a claim")
        cid = self.ident(node, "a claim")
        what = f"claim {cid!r}"
        by = self.entity_at(node, "by", what)
        assert by is not None
        evidence = self.quote(node, "evidence", what)
        attribution = self.quote(node, "attribution", what) if node.get("attribution") is not None else None
        supports = []
        for s in self.strings(node, "supports", what):
            if s.value not in targets:
                raise _err(s, f"{what} supports {s.value!r}, which is no contact or plan of this annotation")
            supports.append(s.value)
        stated = self.date_at(node, "stated", what, required=False) or DateValue("", "undated")
        spans = [evidence.span] + ([attribution.span] if attribution else [])
        hedge_within = Span(min(s.start for s in spans), max(s.end for s in spans), spans[0].line)
        return ClaimAnn(
            id=cid, by=by, medium=str(self.choice(node, "medium", MEDIA, what)),
            statement=str(self.scalar(node, "statement", what)), evidence=evidence, stated=stated,
            attribution=attribution, supports=tuple(supports), hedges=self.hedges(node, what, hedge_within),
            where=node.where, denies=self.denies(node, what),
        )

    def read(self) -> Annotation:
        self.keys(self.doc, {"source", "contacts", "plans", "posts", "claims", "candidates"}, "the annotation")
        source = self.source()
        candidates = tuple(self.candidate(n, i) for i, n in enumerate(
            self.maps(self.doc, "candidates", "the annotation"), start=1))
        contacts = tuple(self.contact(n, False) for n in self.maps(self.doc, "contacts", "the annotation"))
        plans = tuple(self.contact(n, True) for n in self.maps(self.doc, "plans", "the annotation"))
        seen: dict[str, str] = {}
        for c in contacts + plans:
            if c.id in seen:
                raise AnnotationError(f"id {c.id!r} is used twice (first at {seen[c.id]})",
                                      *_where_parts(c.where))
            seen[c.id] = c.where
        contact_ids = {c.id for c in contacts}
        for p in plans:
            if p.follows_from and p.follows_from not in contact_ids:
                raise AnnotationError(f"plan {p.id!r} follows from {p.follows_from!r}, which is no contact here",
                                      *_where_parts(p.where))
        for c in contacts:
            if c.follows_from and c.follows_from not in contact_ids:
                raise AnnotationError(f"contact {c.id!r} follows from unknown {c.follows_from!r}",
                                      *_where_parts(c.where))
        posts = tuple(self.post(n) for n in self.maps(self.doc, "posts", "the annotation"))
        claims = tuple(self.claim(n, set(seen)) for n in self.maps(self.doc, "claims", "the annotation"))
        claim_ids: dict[str, str] = {}
        for cl in claims:
            if cl.id in claim_ids or cl.id in seen:
                raise AnnotationError(f"id {cl.id!r} is used twice", *_where_parts(cl.where))
            claim_ids[cl.id] = cl.where
        gatherings = {c.gathering.id: c.gathering for c in contacts + plans if c.gathering}
        return Annotation(path=str(self.path), source=source, contacts=contacts, plans=plans, posts=posts,
                          claims=claims, gatherings=tuple(gatherings[k] for k in sorted(gatherings)),
                          candidates=candidates)

    def candidate(self, node: YMap, number: int) -> CandidateAnn:
        """A person not in the registry yet: a name and the quote that names them.

        The contacts of a draft may name the candidate as a participant; until the
        person is registered they stand for a provisional entity (``new-1`` ...).
        """
        self.keys(node, {"name", "title", "quote", "note", "country"}, "a candidate")
        name = str(self.scalar(node, "name", "a candidate"))
        known = self.registry.names.get(name)
        if known is not None:
            raise _err(node.get("name"), f"candidate {name!r} is already in the registry as {known.id!r}; "
                                         "name them in the contacts and drop the candidate")
        if normalize(name) in self.provisional:
            raise _err(node.get("name"), f"candidate {name!r} is listed twice")
        country = self.entity_at(node, "country", "a candidate", required=False)
        entity = Entity(f"new-{number}", "person", name, name, country=country.id if country else None)
        self.provisional[normalize(name)] = entity
        return CandidateAnn(name=name, quote=self.quote(node, "quote", f"candidate {name!r}"),
                            title=self.scalar(node, "title", "a candidate", False),
                            note=self.scalar(node, "note", "a candidate", False), where=node.where,
                            country=country, entity=entity)


#: The longest source text read, in bytes (an article is a few tens of KB).
MAX_SOURCE_BYTES = 8 * 1024 * 1024


def _source_path(annotation: Path, ref: YScalar) -> Path:
    """Where ``source.text`` points: beside the annotation, or in the graph folder's ``sources/``, or an error."""
    rel = ref.value.strip()
    parts = PurePosixPath(rel).parts
    if PurePosixPath(rel).is_absolute() or "\\" in rel or rel.startswith("~") or ".." in parts:
        raise _err(ref, f"source text {rel!r} must be a path relative to the annotation, without '..': the text "
                        "lies beside the annotation or in the graph folder's sources/")
    if any(p.startswith(".") for p in parts) or not rel.endswith(".txt"):
        raise _err(ref, f"source text {rel!r} must be a .txt file (not a hidden one)")
    here = annotation.parent
    for path, base in ((here / rel, here), (here.parent / rel, here.parent / "sources")):
        if not os.path.lexists(path):
            continue
        if not path.resolve().is_relative_to(base.resolve()):
            raise _err(ref, f"source text {rel!r} leads outside {base} (through a link); source texts are files "
                            "beside the annotation or in the graph folder's sources/")
        return path
    raise _err(ref, f"source text {rel!r} not found beside the annotation or in the graph folder's sources/")


def read_source_text(annotation: Path, ref: YScalar) -> SourceText:
    """The text an annotation's ``source.text`` names, read once it is known to be one.

    A source text is a regular ``.txt`` file of at most :data:`MAX_SOURCE_BYTES`,
    in UTF-8, lying beside the annotation (in its folder or below) or, for an
    annotation in a graph folder's ``annotations/``, in that graph folder's
    ``sources/``. An absolute path, ``..``, a link leading elsewhere, a
    device, a pipe or a folder is refused, naming the line.

    Raises
    ------
    AnnotationError
        The reference breaks one of these rules, or the file cannot be read.
    """
    path = _source_path(annotation, ref)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a pipe must not block the reader
    except OSError as exc:
        raise _err(ref, f"source text {ref.value!r}: cannot read: {exc.strerror}") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise _err(ref, f"source text {ref.value!r} is not a regular file")
    with os.fdopen(fd, "rb") as fh:
        data = fh.read(MAX_SOURCE_BYTES + 1)
    if len(data) > MAX_SOURCE_BYTES:
        raise _err(ref, f"source text {ref.value!r} is longer than {MAX_SOURCE_BYTES >> 20} MiB; not read")
    try:
        return SourceText(data.decode("utf-8"), name=str(path))
    except UnicodeDecodeError as exc:
        raise _err(ref, f"source text {ref.value!r} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def _where_parts(where: str) -> tuple[str, int | None]:
    path, _, line = where.rpartition(":")
    return (path, int(line)) if path and line.isdigit() else (where, None)


def load_annotation(path: str | Path, registry: Registry) -> Annotation:
    """Read and validate the annotation at *path* against *registry*.

    Parameters
    ----------
    path : str or Path
        The annotation YAML file. Its ``source.text`` is looked up beside it,
        then in the folder above (the graph folder), and must be a regular
        ``.txt`` file inside the annotation's folder or the graph folder's
        ``sources/`` (see :func:`read_source_text`).
    registry : Registry
        Resolves every name.

    Returns
    -------
    Annotation

    Raises
    ------
    AnnotationError, UnknownEntityError
        With the file and line of the first problem.
    """
    return _Reader(Path(path), registry).read()
