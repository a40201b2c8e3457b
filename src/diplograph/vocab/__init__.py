"""Vocabularies: the project's own closed namespace and the W3C ones it reuses.

:data:`DG` is generated from ``ontology/diplograph.ttl`` (see
:mod:`diplograph.vocab.generate`); it is a closed ``DefinedNamespace``, so a
misspelt term is an error instead of a silently new IRI.

Examples
--------
>>> from diplograph.vocab import DG
>>> str(DG.Contact)
'https://w3id.org/diplograph/ns#Contact'
>>> DG.Contakt
Traceback (most recent call last):
...
AttributeError: term 'Contakt' not in namespace 'https://w3id.org/diplograph/ns#'
"""

from __future__ import annotations

import re

from rdflib import Namespace
from rdflib.namespace import ORG, OWL, PROV, RDF, RDFS, SDO, SH, SKOS, TIME, XSD, DefinedNamespace
from rdflib.term import URIRef

from ._dg import DG

__all__ = [
    "DG",
    "ID",
    "IDNS",
    "OA",
    "ONTOLOGY_IRI",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SDO",
    "SEM",
    "SH",
    "SKOS",
    "TIME",
    "XSD",
    "is_iri",
    "local_name",
]

#: Base of every instance IRI the project mints.
ID = "https://w3id.org/diplograph/id/"
IDNS = Namespace(ID)
#: The ontology's own IRI.
ONTOLOGY_IRI = URIRef("https://w3id.org/diplograph/ns")


class OA(DefinedNamespace):
    """The terms of the W3C Web Annotation vocabulary that diplograph uses."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/oa#")

    Annotation: URIRef
    SpecificResource: URIRef
    TextQuoteSelector: URIRef
    TextPositionSelector: URIRef
    hasBody: URIRef
    hasTarget: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    motivatedBy: URIRef
    describing: URIRef
    exact: URIRef
    prefix: URIRef
    suffix: URIRef
    start: URIRef
    end: URIRef


class SEM(DefinedNamespace):
    """The terms of the Simple Event Model that diplograph uses."""

    _fail = True
    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")

    Event: URIRef
    Actor: URIRef
    Place: URIRef
    Role: URIRef
    RoleType: URIRef
    hasActor: URIRef
    hasPlace: URIRef
    roleType: URIRef
    subEventOf: URIRef


#: Prefixes bound in every graph and available to every query.
PREFIXES: dict[str, str] = {
    "dg": str(DG),
    "id": ID,
    "oa": str(OA),
    "org": str(ORG),
    "owl": str(OWL),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "schema": str(SDO),
    "sem": str(SEM),
    "sh": str(SH),
    "skos": str(SKOS),
    "time": str(TIME),
    "xsd": str(XSD),
}


def local_name(iri: str) -> str:
    """The last segment of an IRI, after its final ``#`` or ``/``.

    >>> local_name("https://w3id.org/diplograph/ns#phoneCall"), local_name("https://w3id.org/diplograph/id/person/x")
    ('phoneCall', 'x')
    """
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


_IRI = re.compile(r"^(https?|urn):[^\s<>\"{}|\\^`]+$")


def is_iri(text: str) -> bool:
    """Whether *text* is an absolute ``http``, ``https`` or ``urn`` IRI (as opposed to a name or a literal).

    >>> is_iri("https://w3id.org/diplograph/id/person/x"), is_iri("urn:x"), is_iri("Putin"), is_iri("http://a b")
    (True, True, False, False)
    """
    return bool(_IRI.match(text))
