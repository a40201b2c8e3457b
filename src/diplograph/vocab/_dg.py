"""The diplograph ontology's terms as a closed namespace.

Generated from ontology/diplograph.ttl by ``python -m diplograph.vocab.generate``;
do not edit by hand.
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class DG(DefinedNamespace):
    """diplograph: an ontology of reported political contacts."""

    _fail = True
    _NS = Namespace("https://w3id.org/diplograph/ns#")

    CAMEO: URIRef
    Claim: URIRef
    Contact: URIRef
    ContactKinds: URIRef
    DateDiscrepancy: URIRef
    DurationBounds: URIRef
    Gathering: URIRef
    Hedges: URIRef
    Media: URIRef
    PLOVER: URIRef
    PlanStatuses: URIRef
    PlannedContact: URIRef
    Precisions: URIRef
    RoleTypes: URIRef
    Topics: URIRef
    UnnamedGroup: URIRef
    agreed: URIRef
    alleged: URIRef
    announced: URIRef
    appointedBy: URIRef
    approximate: URIRef
    atLeast: URIRef
    atMost: URIRef
    attestedOn: URIRef
    availableInformation: URIRef
    bilateralSummit: URIRef
    cameo036: URIRef
    cameo040: URIRef
    cameo041: URIRef
    cameo042: URIRef
    cameo043: URIRef
    cameo044: URIRef
    cameo045: URIRef
    cameo046: URIRef
    capacity: URIRef
    claimant: URIRef
    dateDiscrepancy: URIRef
    dateExpression: URIRef
    datePrecision: URIRef
    durationBound: URIRef
    durationExpression: URIRef
    evidence: URIRef
    exact: URIRef
    followsFrom: URIRef
    hasRole: URIRef
    headRole: URIRef
    hedge: URIRef
    hedgeExpression: URIRef
    inPersonMeeting: URIRef
    indirectContact: URIRef
    initiatorRole: URIRef
    intermediaryRole: URIRef
    interview: URIRef
    invited: URIRef
    kind: URIRef
    mediaReports: URIRef
    medium: URIRef
    narration: URIRef
    offered: URIRef
    officeOf: URIRef
    officialStatement: URIRef
    otherDate: URIRef
    participant: URIRef
    participantRole: URIRef
    phoneCall: URIRef
    planStatus: URIRef
    ploverConsult: URIRef
    ploverConsultMultilateral: URIRef
    ploverConsultTelephone: URIRef
    ploverConsultThirdLocation: URIRef
    ploverConsultUnspecified: URIRef
    ploverConsultVisit: URIRef
    possiblyOutdated: URIRef
    precisionDay: URIRef
    precisionMonth: URIRef
    precisionYear: URIRef
    publicationTimeNote: URIRef
    remarks: URIRef
    reportedIn: URIRef
    reportsSaid: URIRef
    resolvedAgainst: URIRef
    sidelinesMeeting: URIRef
    speakerRole: URIRef
    statedOn: URIRef
    statement: URIRef
    supports: URIRef
    talks: URIRef
    textFile: URIRef
    undated: URIRef
    visit: URIRef
    wikidata: URIRef
