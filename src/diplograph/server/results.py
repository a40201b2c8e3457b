"""Content negotiation and result serialisation for the SPARQL endpoint.

Examples
--------
>>> negotiate("SELECT", "text/csv;q=0.5, application/sparql-results+xml")
'application/sparql-results+xml'
>>> negotiate("CONSTRUCT", None)
'text/turtle'
>>> negotiate("ASK", "text/csv") is None
True
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

__all__ = ["OFFERS", "negotiate", "serialize_boolean", "serialize_graph", "serialize_rows"]

JSON, XML, CSV, TSV = ("application/sparql-results+json", "application/sparql-results+xml",
                       "text/csv", "text/tab-separated-values")
TURTLE, NTRIPLES, JSONLD = "text/turtle", "application/n-triples", "application/ld+json"

#: What the endpoint can produce for each query form, preferred first.
OFFERS = {
    "SELECT": [JSON, XML, CSV, TSV],
    "ASK": [JSON, XML],
    "CONSTRUCT": [TURTLE, NTRIPLES, JSONLD],
    "DESCRIBE": [TURTLE, NTRIPLES, JSONLD],
}
#: Other names clients use for the same formats.
_ALIASES = {
    "application/json": JSON, "text/javascript": JSON, "application/javascript": JSON,
    "application/xml": XML, "text/xml": XML,
    "application/x-turtle": TURTLE, "text/plain": NTRIPLES, "text/n-triples": NTRIPLES,
    "application/json+ld": JSONLD,
}


def _parse_accept(accept: str) -> list[tuple[str, float]]:
    out = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        out.append((media, q))
    return out


def negotiate(form: str, accept: str | None) -> str | None:
    """The media type to answer *form* with, given an Accept header; None if nothing fits (406)."""
    offers = OFFERS[form]
    if not accept or not accept.strip():
        return offers[0]
    best: tuple[float, int, str] | None = None
    for media, q in _parse_accept(accept):
        if q <= 0:
            continue
        if media in ("*/*",):
            candidates = offers
        elif media.endswith("/*"):
            candidates = [o for o in offers if o.startswith(media[:-1])]
        else:
            canonical = _ALIASES.get(media, media)
            candidates = [canonical] if canonical in offers else []
        for c in candidates:
            key = (q, -offers.index(c), c)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else None


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    cell = {"type": "literal", "value": str(term)}
    if term.language:
        cell["xml:lang"] = term.language
    elif term.datatype is not None:
        cell["datatype"] = str(term.datatype)
    return cell


def _xml_term(term: Node) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{escape(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{escape(str(term))}</bnode>"
    assert isinstance(term, Literal)
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(str(term))}</literal>"
    if term.datatype is not None:
        return f"<literal datatype={quoteattr(str(term.datatype))}>{escape(str(term))}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def serialize_rows(variables: Sequence[str], rows: Iterable[Sequence[Node | None]], media: str) -> bytes:
    """SELECT results in *media* (JSON, XML, CSV or TSV per the SPARQL 1.1 result formats)."""
    if media == JSON:
        bindings = [{v: _json_term(t) for v, t in zip(variables, row, strict=True) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": list(variables)}, "results": {"bindings": bindings}},
                          ensure_ascii=False).encode("utf-8")
    if media == XML:
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
        out += [f"<variable name={quoteattr(v)}/>" for v in variables]
        out.append("</head>\n<results>")
        for row in rows:
            out.append("<result>")
            out += [f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                    for v, t in zip(variables, row, strict=True) if t is not None]
            out.append("</result>")
        out.append("</results>\n</sparql>\n")
        return "\n".join(out).encode("utf-8")
    buf = io.StringIO()
    if media == CSV:
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(variables)
        for row in rows:
            writer.writerow(["" if t is None else str(t) for t in row])
    else:
        buf.write("\t".join("?" + v for v in variables) + "\n")
        for row in rows:
            buf.write("\t".join("" if t is None else t.n3() for t in row) + "\n")
    return buf.getvalue().encode("utf-8")


def serialize_boolean(value: bool, media: str) -> bytes:
    """An ASK answer in *media* (JSON or XML)."""
    if media == JSON:
        return json.dumps({"head": {}, "boolean": value}).encode("utf-8")
    return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head/>\n'
            f"<boolean>{'true' if value else 'false'}</boolean>\n</sparql>\n").encode()


def serialize_graph(graph: Graph, media: str) -> bytes:
    """A CONSTRUCT or DESCRIBE answer in *media* (Turtle, N-Triples or JSON-LD)."""
    fmt = {TURTLE: "turtle", NTRIPLES: "nt", JSONLD: "json-ld"}[media]
    return graph.serialize(format=fmt, encoding="utf-8")
