"""Deciding whether the endpoint may run a query, by walking its parsed form.

Refused: updates (the endpoint is read-only, so ``LOAD`` never runs),
``SERVICE`` anywhere in the query (outbound requests; rdflib's have no
timeout), and any ``FROM`` / ``FROM NAMED`` (on rdflib these read local
files and fetch remote ones; the endpoint serves one graph). The decision
is made on rdflib's parse tree and algebra, not on the query text, so a
keyword inside a string, an IRI or a comment changes nothing.

Examples
--------
>>> check_query("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
'SELECT'
>>> check_query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
Traceback (most recent call last):
...
diplograph.errors.QueryRefusedError: SERVICE is refused: this endpoint makes no outbound requests
>>> check_query('SELECT * WHERE { ?s ?p "SERVICE <http://x/>" }')
'SELECT'
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from ..errors import QueryError, QueryRefusedError, first_line
from ..vocab import PREFIXES

__all__ = ["check_query"]

_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}



def _walk(node: Any, seen: set[int]) -> Iterator[tuple[str | None, Any]]:
    """Yield (key, value) for every part of a parse tree or algebra, depth first."""
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, CompValue):
        yield node.name, node
        for key, value in node.items():
            yield key, value
            yield from _walk(value, seen)
        # expressions keep their operands as attributes too (EXISTS keeps its pattern in .graph)
        graph = node.get("graph")
        if graph is not None:
            yield from _walk(graph, seen)
    elif isinstance(node, dict):
        for key, value in node.items():
            yield key, value
            yield from _walk(value, seen)
    elif isinstance(node, list | tuple) or type(node).__name__ == "ParseResults":
        for value in node:
            yield from _walk(value, seen)


def _refuse(tree: Any) -> None:
    for key, value in _walk(tree, set()):
        if key in ("ServiceGraphPattern", "service"):
            raise QueryRefusedError("SERVICE is refused: this endpoint makes no outbound requests")
        if key == "datasetClause" and value:
            raise QueryRefusedError("FROM and FROM NAMED are refused: this endpoint serves one graph "
                                    "and reads no files or remote graphs")


def check_query(text: str) -> str:
    """Parse *text*; return its form (SELECT, ASK, CONSTRUCT, DESCRIBE) if the endpoint may run it.

    Raises
    ------
    QueryRefusedError
        An update, ``SERVICE``, ``FROM`` or ``FROM NAMED``.
    QueryError
        A syntax error (with the parser's message).
    """
    try:
        parsed = parseQuery(text)
    except Exception as exc:  # pyparsing.ParseException and friends
        try:
            parseUpdate(text)
        except Exception:
            raise QueryError(f"SPARQL syntax error: {first_line(exc)}") from None
        raise QueryRefusedError("updates are refused: this endpoint is read-only") from None
    _refuse(parsed)
    try:
        query = translateQuery(parsed, initNs=PREFIXES)
    except Exception as exc:
        raise QueryError(f"bad query: {first_line(exc)}") from None
    _refuse(query.algebra)
    name = query.algebra.name
    if name not in _FORMS:
        raise QueryError(f"unsupported query form {name}")
    return _FORMS[name]
