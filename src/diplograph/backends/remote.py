"""The remote backend: any SPARQL 1.1 Query + Update endpoint (Virtuoso, Fuseki, GraphDB, Neptune, ...).

Queries go out as SPARQL 1.1 Protocol POSTs; values bound to variables are
sent as a ``VALUES`` block written from each term's N-Triples form. With a
``graph`` IRI, queries name it as their default graph
(``default-graph-uri``) and :meth:`SparqlBackend.load` replaces that graph
whole: the triples are first inserted into a staging graph, then a single
``MOVE`` request swaps them in, so readers never see half a graph. With a
Graph Store Protocol URL, the load is a single ``PUT`` instead.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import uuid
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import httpx
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ..errors import QueryError, StoreError
from ..graphfiles import read_graph
from ..vocab import PREFIXES
from .base import Backend, QueryResult, inject_values, query_form

__all__ = ["DEFAULT_GRAPH", "SparqlBackend", "parse_results_json"]

log = logging.getLogger(__name__)

#: The named graph ``diplograph push`` writes to unless told otherwise.
DEFAULT_GRAPH = "https://w3id.org/diplograph/graph"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_CHUNK = 250  # Virtuoso refuses INSERT DATA that compiles to over 10,000 lines of SQL


def _term(cell: Mapping[str, str]) -> Node:
    kind, value = cell["type"], cell["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        lang = cell.get("xml:lang") or cell.get("lang")
        if lang:
            return Literal(value, lang=lang)
        dt = cell.get("datatype")
        if dt and dt != _XSD_STRING:
            return Literal(value, datatype=URIRef(dt))
        return Literal(value)
    raise QueryError(f"unknown term type {kind!r} in a SPARQL JSON result")


def parse_results_json(data: bytes | str) -> QueryResult:
    """Read a ``application/sparql-results+json`` document.

    Examples
    --------
    >>> r = parse_results_json('{"head": {"vars": ["x"]}, "results": {"bindings": '
    ...                        '[{"x": {"type": "literal", "value": "1", "datatype": '
    ...                        '"http://www.w3.org/2001/XMLSchema#integer"}}]}}')
    >>> [row[0].toPython() for row in r.rows]
    [1]
    """
    try:
        doc = json.loads(data)
    except ValueError as exc:
        raise QueryError(f"the endpoint did not return SPARQL JSON: {exc}") from None
    if "boolean" in doc:
        return QueryResult("ASK", boolean=bool(doc["boolean"]))
    variables = list(doc.get("head", {}).get("vars", []))
    bindings = doc.get("results", {}).get("bindings", [])

    def rows() -> Iterator[tuple[Node | None, ...]]:
        for b in bindings:
            yield tuple(_term(b[v]) if v in b else None for v in variables)

    return QueryResult("SELECT", vars=variables, rows=rows())


def _with_prefixes(text: str) -> str:
    missing = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()
               if not re.search(rf"\bPREFIX\s+{re.escape(p)}\s*:", text, re.IGNORECASE)
               and re.search(rf"(?<![\w<]){re.escape(p)}:", text)]
    return "\n".join([*missing, text]) if missing else text


class SparqlBackend(Backend):
    """A remote SPARQL 1.1 endpoint.

    Parameters
    ----------
    query_url : str
        The query endpoint (``http://localhost:8890/sparql``, ``http://localhost:3030/ds/sparql``).
    update_url : str, optional
        The update endpoint, when it differs (Fuseki: ``/ds/update``; GraphDB:
        ``/repositories/ID/statements``). Default: *query_url*.
    graph : str, optional
        The named graph holding the data; None queries the endpoint's default graph.
    gsp_url : str, optional
        A Graph Store Protocol endpoint (Fuseki ``/ds/data``, GraphDB
        ``/repositories/ID/rdf-graphs/service``); loads then use one ``PUT``.
    timeout : float
        Seconds to wait for each HTTP response.
    auth : tuple, optional
        (user, password) for HTTP basic authentication.
    """

    def __init__(self, query_url: str, update_url: str | None = None, graph: str | None = DEFAULT_GRAPH,
                 gsp_url: str | None = None, timeout: float = 60.0, auth: tuple[str, str] | None = None):
        if not re.match(r"^https?://", query_url):
            raise StoreError(f"not an http(s) endpoint URL: {query_url!r}")
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.graph = graph
        self.gsp_url = gsp_url
        self.spec = f"sparql:{query_url}"
        self._client = httpx.Client(timeout=timeout, auth=auth, follow_redirects=True,
                                    headers={"User-Agent": "diplograph"})

    def _post(self, url: str, data: dict[str, Any], accept: str, what: str) -> httpx.Response:
        try:
            response = self._client.post(url, data=data, headers={"Accept": accept})
        except httpx.HTTPError as exc:
            raise StoreError(f"{url}: {what} failed: {exc}") from None
        if response.status_code >= 400:
            body = response.text.strip().splitlines()
            detail = " ".join(body[:3])[:500] if body else response.reason_phrase
            raise QueryError(f"{url}: {what} refused ({response.status_code}): {detail}")
        return response

    def execute(self, text: str, bindings: Mapping[str, Node | Sequence[Node]] | None = None) -> QueryResult:
        form = query_form(text)
        text = _with_prefixes(inject_values(text, bindings or {}))
        data: dict[str, Any] = {"query": text}
        if self.graph:
            data["default-graph-uri"] = self.graph
        if form in ("SELECT", "ASK"):
            response = self._post(self.query_url, data, "application/sparql-results+json", "query")
            result = parse_results_json(response.content)
            if form == "ASK" and result.form == "SELECT":
                # Virtuoso answers ASK in JSON as one row of ?__ASK_RETVAL (1 or 0)
                values = [row[0] for row in result.rows if row and row[0] is not None]
                return QueryResult("ASK", boolean=any(str(v) not in ("0", "false") for v in values))
            return result
        response = self._post(self.query_url, data, "application/n-triples, text/turtle;q=0.9", "query")
        ctype = response.headers.get("content-type", "").split(";")[0].strip()
        fmt = "turtle" if ctype in ("text/turtle", "application/x-turtle") else "nt"
        g = Graph()
        try:
            g.parse(data=response.content, format=fmt)
        except Exception as exc:
            raise QueryError(f"{self.query_url}: unreadable {ctype} result: {exc}") from None
        return QueryResult(form, graph=g)

    def update(self, text: str) -> None:
        """Send a SPARQL 1.1 update."""
        self._post(self.update_url, {"update": text}, "*/*", "update")

    def count(self) -> int:
        (row,) = list(self.execute("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows)
        return int(row[0]) if row[0] is not None else 0  # type: ignore[call-overload]

    def load(self, paths: Sequence[Path]) -> None:
        """Replace the remote graph with the triples of *paths* (see :meth:`replace_graph`)."""
        self.replace_graph(read_graph(paths))

    def replace_graph(self, data: Graph) -> int:
        """Replace the remote graph with *data*, whole.

        Raises
        ------
        StoreError
            The endpoint refused the data; the graph it held is unchanged.
        """
        target = f"GRAPH <{self.graph}>" if self.graph else "DEFAULT"
        if self.gsp_url:
            body = data.serialize(format="nt", encoding="utf-8")
            params = {"graph": self.graph} if self.graph else {"default": ""}
            try:
                response = self._client.put(self.gsp_url, params=params, content=body,
                                            headers={"Content-Type": "application/n-triples"})
            except httpx.HTTPError as exc:
                raise StoreError(f"{self.gsp_url}: PUT failed: {exc}") from None
            if response.status_code >= 400:
                raise StoreError(f"{self.gsp_url}: PUT refused ({response.status_code}): {response.text[:300]}")
            return len(data)
        staging = f"urn:diplograph:staging:{uuid.uuid4().hex}"
        triples = list(data)
        has_bnodes = any(isinstance(x, BNode) for t in triples for x in t)
        size = len(triples) if has_bnodes else _CHUNK  # blank nodes must arrive in one request
        try:
            self.update(f"DROP SILENT GRAPH <{staging}>")
            for i in range(0, len(triples), max(size, 1)):
                lines = " .\n".join(" ".join(x.n3() for x in t) for t in triples[i:i + size])
                self.update(f"INSERT DATA {{ GRAPH <{staging}> {{\n{lines} .\n}} }}")
            self.update(f"MOVE SILENT GRAPH <{staging}> TO {target}")
        except (QueryError, StoreError) as exc:
            with contextlib.suppress(QueryError, StoreError):
                self.update(f"DROP SILENT GRAPH <{staging}>")
            raise StoreError(f"could not replace {target} at {self.update_url}: {exc}") from None
        log.info("replaced %s at %s with %d triples", target, self.update_url, len(triples))
        return len(triples)

    def close(self) -> None:
        self._client.close()
