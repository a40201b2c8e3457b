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

    # http://www.w3.org/2002/07/owl#Class
    Claim: URIRef  # Something a source reports that a speaker said: the Kremlin's statement, Trump's statements, an interview, unnamed reports. The speaker is given with dg:claimant, what was said with dg:statement and the quote with dg:evidence.
    Contact: URIRef  # A contact between political actors that a source reports as having taken place: a phone call, a meeting, a summit, talks or an indirect exchange through officials. An n-ary node carrying participants, time, duration, place, topics and evidence.
    DateDiscrepancy: URIRef  # A note that a contact is dated differently elsewhere than in the source that reports it, with the other date and an explanation.
    Gathering: URIRef  # A multilateral summit or conference at which bilateral contacts take place on the sidelines (a G20 summit, an APEC meeting). Contacts held there are linked to it with sem:subEventOf.
    PlannedContact: URIRef  # A contact that a source reports as planned, announced, agreed or offered, or to which someone was invited, but which had not taken place when the source was written.
    UnnamedGroup: URIRef  # People a source refers to without naming them ("their Russian counterparts", "reports"): an agent that can take part in a contact or make a claim but stands for no known person.

    # http://www.w3.org/2002/07/owl#ObjectProperty
    appointedBy: URIRef  # The agent who, according to the source, named someone to a post or a team.
    attestedOn: URIRef  # A time (time:Instant) at which a source describes someone as holding a post, when it gives no term of office: "Secretary of State Marco Rubio" in an article of 13 February 2025.
    capacity: URIRef  # The post (an org:Membership) in which an agent played a role, when the source names it.
    claimant: URIRef  # The agent to whom the source attributes a claim.
    dateDiscrepancy: URIRef  # Links a contact to a note that other reporting gives it a different date. The graph keeps the date the source gives; the note says that it differs.
    datePrecision: URIRef  # How precisely the source dates a contact, claim or holding of a post: to the day, the month, the year, or not at all (dg:undated). The time itself is given with time:hasTime.
    durationBound: URIRef  # Whether a duration is exact, approximate ("نحو 90 دقيقة", about 90 minutes), a lower bound ("لأكثر من ساعة", over an hour) or an upper bound.
    evidence: URIRef  # The Web Annotation that anchors a contact, plan, role, post holding or claim in the exact words of its source (a TextQuoteSelector and a TextPositionSelector with character offsets into the stored text).
    followsFrom: URIRef  # The contact in which a plan was made, announced or agreed (the 2025 call for the summit it announced).
    hasRole: URIRef  # Links a contact, planned contact or claim to an n-ary role node (sem:Role) naming an agent (rdf:value), the part it played (sem:roleType) and the quote behind it.
    headRole: URIRef  # The role (org:Role) whose holder heads an organisation or a state: the presidency of the United States, of Russia, of Ukraine.
    hedge: URIRef  # A qualification the source puts on a claim or on itself ("according to available information", "reports said"), as a concept of the hedge scheme.
    kind: URIRef  # The kind of a contact or planned contact, a concept of the contact-kind scheme that is mapped to CAMEO and PLOVER.
    medium: URIRef  # How the claim was made: an official statement, remarks, an interview, media reports, or the source's own narration.
    officeOf: URIRef  # An institution that is the office of the head of a state or organisation and speaks for its leader: the White House for the United States, the Kremlin for Russia. Questions about an institution count the contacts of whoever held the top post at the time.
    participant: URIRef  # An agent taking part in a contact or planned contact as a principal. Every participant also has a role node (dg:hasRole) that carries the quote it rests on.
    planStatus: URIRef  # How far a planned contact had come according to the source: announced, agreed, invited or offered.
    reportedIn: URIRef  # The source that reports a contact, plan, post holding or claim.
    resolvedAgainst: URIRef  # The source whose publication time a relative date expression was resolved against.
    statedOn: URIRef  # When the claim was made, as a time:Instant at the precision the source gives (February 2024, October 2024).
    supports: URIRef  # A contact, planned contact or post holding that a claim asserts.

    # http://www.w3.org/2002/07/owl#DatatypeProperty
    dateExpression: URIRef  # The words the source uses for a relative date ("اليوم", today), kept when the date was resolved against the source's publication time.
    durationExpression: URIRef  # The words the source uses for a duration.
    hedgeExpression: URIRef  # The exact words of a hedge as they stand in the source.
    otherDate: URIRef  # The date other reporting gives for a contact whose source dates it differently.
    publicationTimeNote: URIRef  # What the source says, or does not say, about its publication time (for instance that no time zone is given).
    statement: URIRef  # What the claim says, in English; the Arabic words are in its evidence.
    textFile: URIRef  # Where the stored text of a source lies, relative to the graph folder; evidence offsets count Unicode code points into this text.
    wikidata: URIRef  # The Wikidata identifier (Q-number) of an entity, given only where the identification is certain.

    # http://www.w3.org/2004/02/skos/core#ConceptScheme
    CAMEO: URIRef  # The CAMEO codes of the consult family (04) and of the intent to meet (036) that contact kinds map to, identified by their CAMEO notation.
    ContactKinds: URIRef  # The kinds of contact diplograph distinguishes, each mapped to CAMEO and PLOVER codes with SKOS mapping properties.
    DurationBounds: URIRef  # How a reported duration relates to the real one.
    Hedges: URIRef  # Kinds of qualification a source puts on what it reports.
    Media: URIRef  # How a claim was made.
    PLOVER: URIRef  # The PLOVER CONSULT event type and its modes that contact kinds map to.
    PlanStatuses: URIRef  # How far a planned contact had come.
    Precisions: URIRef  # How precisely a source dates something.
    RoleTypes: URIRef  # The parts agents play in contacts and plans.
    Topics: URIRef  # What contacts and claims are about. Its concepts are kept in the entity registry and grow with the sources.

    # http://www.w3.org/2004/02/skos/core#Concept
    agreed: URIRef  # Agreed between parties, not yet carried out.
    alleged: URIRef  # The source calls what it reports alleged.
    announced: URIRef  # Publicly announced as forthcoming.
    approximate: URIRef  # The duration is approximate ("نحو", "حوالي", about).
    atLeast: URIRef  # The duration is a lower bound ("لأكثر من", over).
    atMost: URIRef  # The duration is an upper bound ("أقل من", under).
    availableInformation: URIRef  # The source qualifies a statement as resting on the information available to it.
    bilateralSummit: URIRef  # A summit of two leaders held for its own sake, often in a third country (Helsinki 2018).
    cameo036: URIRef  # CAMEO 036: offer, promise, agree to, or otherwise indicate willingness or commitment to meet, visit, or engage in talks or negotiations. Planned contacts map here.
    cameo040: URIRef  # CAMEO 040: all consultations and meetings not otherwise specified.
    cameo041: URIRef  # CAMEO 041: hold a telephone conversation.
    cameo042: URIRef  # CAMEO 042: travel to another location for a meeting or other event.
    cameo043: URIRef  # CAMEO 043: host or receive a visitor at one's own location.
    cameo044: URIRef  # CAMEO 044: meet at a location that is home to neither party, including the sidelines of multilateral summits.
    cameo045: URIRef  # CAMEO 045: mediate or carry messages between parties; the nearest CAMEO code for contact through intermediaries.
    cameo046: URIRef  # CAMEO 046: negotiate or bargain with others.
    exact: URIRef  # The duration is given as exact.
    inPersonMeeting: URIRef  # A face-to-face meeting of the participants.
    indirectContact: URIRef  # Contact between principals carried by officials or intermediaries rather than held directly; intermediaries have the intermediary role. Not a direct contact for gap questions.
    initiatorRole: URIRef  # The participant who made the call, called the meeting or extended the invitation (PLOVER actor).
    intermediaryRole: URIRef  # An official or team through whom an indirect contact or plan is carried, not a principal.
    interview: URIRef  # Said in an interview.
    invited: URIRef  # An invitation was extended; the initiator is the one who invited.
    mediaReports: URIRef  # Carried by reports the source does not name.
    narration: URIRef  # Stated by the source in its own voice; the claimant is the source's author.
    offered: URIRef  # One side declared itself open to the contact, possibly on a condition.
    officialStatement: URIRef  # A written statement issued by an institution (a readout).
    participantRole: URIRef  # A participant who did not initiate (PLOVER recipient when another participant initiated).
    phoneCall: URIRef  # A telephone conversation between the participants.
    ploverConsult: URIRef  # PLOVER event type CONSULT: meetings, calls, visits and talks between actors.
    ploverConsultMultilateral: URIRef  # PLOVER CONSULT with mode multilateral: a contact at or around a multilateral gathering.
    ploverConsultTelephone: URIRef  # PLOVER CONSULT with mode telephone.
    ploverConsultThirdLocation: URIRef  # PLOVER CONSULT with mode third-location: a meeting in a country that is home to neither side.
    ploverConsultUnspecified: URIRef  # PLOVER CONSULT whose mode the source does not state.
    ploverConsultVisit: URIRef  # PLOVER CONSULT with mode visit: the actor travels to meet the recipient.
    possiblyOutdated: URIRef  # The source warns that its information dates from earlier and that later developments may be missing.
    precisionDay: URIRef  # Dated to the day (time:inXSDDate).
    precisionMonth: URIRef  # Dated to the month (time:inXSDgYearMonth); no day is invented.
    precisionYear: URIRef  # Dated to the year (time:inXSDgYear).
    remarks: URIRef  # Statements made by a person, spoken or posted.
    reportsSaid: URIRef  # The statement rests on unnamed reports.
    sidelinesMeeting: URIRef  # A meeting of two participants held on the sidelines of a multilateral gathering (G20, APEC); the gathering is linked with sem:subEventOf.
    speakerRole: URIRef  # The agent who makes a claim, as a role node carrying the attribution quote ("أوضح الكرملين", "أكد ترامب").
    talks: URIRef  # Direct contact or negotiation between the participants whose mode (call or meeting) the source does not state.
    undated: URIRef  # The source gives no date; no time:hasTime is recorded.
    visit: URIRef  # A meeting at which one participant travels to the other's country; the initiator is the host when the visit was by invitation.
