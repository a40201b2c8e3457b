"""The typed, validated form of an annotation.

An annotation file (YAML, see ``graph/annotations/``) is read by
:func:`diplograph.annotation.load_annotation` into these frozen records:
every name already resolved to a registry entity, every quote already located
in the source text, every date checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..dates import DateValue
from ..registry import Entity, Term
from ..sources import SourceText, Span

__all__ = [
    "BOUNDS",
    "CONTACT_KINDS",
    "DIRECT_KINDS",
    "HEDGES",
    "MEDIA",
    "PLAN_STATUSES",
    "Annotation",
    "CandidateAnn",
    "ClaimAnn",
    "ContactAnn",
    "DateNote",
    "DeniedContact",
    "Duration",
    "GatheringAnn",
    "HedgeAnn",
    "PostAnn",
    "Quote",
    "RoleAnn",
    "SourceAnn",
]

#: Contact kinds (concepts of dg:ContactKinds), by their local names.
CONTACT_KINDS = (
    "phoneCall",
    "inPersonMeeting",
    "visit",
    "bilateralSummit",
    "sidelinesMeeting",
    "talks",
    "indirectContact",
)
#: Kinds that are direct contacts between the participants.
DIRECT_KINDS = frozenset(CONTACT_KINDS) - {"indirectContact"}
#: Plan statuses (dg:PlanStatuses).
PLAN_STATUSES = ("announced", "agreed", "invited", "offered")
#: Duration bounds (dg:DurationBounds).
BOUNDS = ("exact", "approximate", "atLeast", "atMost")
#: Hedges (dg:Hedges).
HEDGES = ("availableInformation", "reportsSaid", "alleged", "possiblyOutdated")
#: Claim media (dg:Media).
MEDIA = ("officialStatement", "remarks", "interview", "mediaReports", "narration")
#: Role types (dg:RoleTypes) by the word annotations use.
ROLE_TYPES = {
    "initiator": "initiatorRole",
    "participant": "participantRole",
    "intermediary": "intermediaryRole",
    "speaker": "speakerRole",
}


@dataclass(frozen=True)
class Quote:
    """Exact words of the source and where they stand."""

    text: str
    span: Span

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end


@dataclass(frozen=True)
class RoleAnn:
    """An agent's part in a contact, plan or claim, with its quote."""

    agent: Entity
    role: str  # a key of ROLE_TYPES
    quote: Quote


@dataclass(frozen=True)
class Duration:
    """A reported duration: minutes, how it bounds the real one, and the quote."""

    minutes: float
    bound: str
    quote: Quote


@dataclass(frozen=True)
class HedgeAnn:
    """A hedge and the exact words that express it."""

    hedge: str
    expression: Quote


@dataclass(frozen=True)
class DateNote:
    """Another date given elsewhere for a contact, and why it is noted."""

    date: str
    note: str


@dataclass(frozen=True)
class GatheringAnn:
    """A multilateral gathering at which a contact took place."""

    id: str
    en: str
    ar: str
    convened_by: Entity | None
    place: Entity | None
    date: DateValue
    quote: Quote


@dataclass(frozen=True)
class ContactAnn:
    """A contact that took place, or (``planned``) one that had not."""

    id: str
    kind: str
    planned: bool
    participants: tuple[Entity, ...]
    roles: tuple[RoleAnn, ...]
    date: DateValue
    evidence: Quote
    status: str | None = None
    duration: Duration | None = None
    place: Entity | None = None
    gathering: GatheringAnn | None = None
    topics: tuple[Term, ...] = ()
    hedges: tuple[HedgeAnn, ...] = ()
    other_date: DateNote | None = None
    follows_from: str | None = None
    where: str = ""
    #: For an undated contact, the first and last dates it can have taken place between (the source's bounds).
    bounds: tuple[DateValue, DateValue] | None = None
    confidence: float | None = None  # a draft's confidence in the proposal
    review: str | None = None  # why a draft marks the proposal for review; ``diplograph add`` refuses it

    @property
    def initiators(self) -> tuple[Entity, ...]:
        return tuple(r.agent for r in self.roles if r.role == "initiator")

    @property
    def intermediaries(self) -> tuple[Entity, ...]:
        return tuple(r.agent for r in self.roles if r.role == "intermediary")


@dataclass(frozen=True)
class PostAnn:
    """Someone holding a post: a role in an organisation, over a term or at a date."""

    holder: Entity
    role: Term
    organisation: Entity
    evidence: Quote
    during: tuple[DateValue, DateValue] | None = None
    attested: DateValue | None = None
    appointed_by: Entity | None = None
    where: str = ""

    @property
    def id(self) -> str:
        when = (
            f"{self.during[0].iso}-{self.during[1].iso}"
            if self.during
            else (self.attested.iso if self.attested and not self.attested.undated else "undated")
        )
        return f"{self.holder.id}--{self.role.id}--{self.organisation.id}--{when}"


@dataclass(frozen=True)
class DeniedContact:
    """The contact a claim says did not take place."""

    kind: str
    participants: tuple[Entity, ...]


@dataclass(frozen=True)
class ClaimAnn:
    """Something the source attributes to a speaker."""

    id: str
    by: Entity
    medium: str
    statement: str
    evidence: Quote
    stated: DateValue
    attribution: Quote | None = None
    supports: tuple[str, ...] = ()
    hedges: tuple[HedgeAnn, ...] = ()
    where: str = ""
    denies: DeniedContact | None = None


@dataclass(frozen=True)
class SourceAnn:
    """The source an annotation describes."""

    id: str
    text: SourceText
    text_path: str
    title: Quote
    title_en: str | None
    published: datetime
    published_quote: Quote | None
    author: Entity | None
    language: str
    publication_time_note: str | None = None
    noise: tuple[Span, ...] = ()
    hedges: tuple[tuple[HedgeAnn, Quote], ...] = ()


@dataclass(frozen=True)
class CandidateAnn:
    """A person a draft names whom the registry does not know yet, with the words that name them.

    Candidates are for the reviewer: they are not mapped into the graph, and
    ``diplograph add`` refuses an annotation that still has any.
    """

    name: str
    quote: Quote
    title: str | None = None
    note: str | None = None
    where: str = ""
    country: Entity | None = None
    entity: Entity | None = None  # the provisional entity a draft's contacts name them by


@dataclass(frozen=True)
class Annotation:
    """A whole annotation: the source and everything it reports."""

    path: str
    source: SourceAnn
    contacts: tuple[ContactAnn, ...] = ()
    plans: tuple[ContactAnn, ...] = ()
    posts: tuple[PostAnn, ...] = ()
    claims: tuple[ClaimAnn, ...] = ()
    gatherings: tuple[GatheringAnn, ...] = field(default=())
    candidates: tuple[CandidateAnn, ...] = ()
