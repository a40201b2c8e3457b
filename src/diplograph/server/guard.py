"""Deciding whether the endpoint may run a query, and giving the engine the text that was decided on.

The guard reads the query once (:mod:`.lexer`: codepoint escapes expanded,
comments dropped, strings written again, characters on which SPARQL readers
disagree refused), checks the words of that canonical text, parses it with
rdflib, and walks the parse tree and the algebra. What it approves is the
canonical text, and that text is what the engine runs: never the text as
received, so no comment, escape or line break can mean one thing to the
guard and another to Oxigraph or a remote server.

Refused: updates (the endpoint is read-only, so ``LOAD`` never runs);
``SERVICE`` anywhere (outbound requests); ``FROM`` / ``FROM NAMED`` (on
rdflib these read local files and fetch remote ones; the endpoint serves one
graph) and ``GRAPH`` patterns (there are no named graphs to match); calls to
functions other than SPARQL's own and the XSD casts (a remote server may
offer functions that fetch URLs, such as Virtuoso's ``bif:http_get``), and
IRIs in an engine's built-in schemes (``bif:``, ``sql:``); engine pragmas
(``DEFINE``). The decision is made on the parse, not on a regex over the
text, so a keyword inside a string, an IRI or a comment changes nothing.

Examples
--------
>>> check_query("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
Approved(form='SELECT', text='SELECT * WHERE { ?s ?p ?o } LIMIT 1')
>>> check_query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
Traceback (most recent call last):
...
diplograph.errors.QueryRefusedError: SERVICE is refused: this endpoint makes no outbound requests
>>> check_query('SELECT * WHERE { ?s ?p "SERVICE <http://x/>" } # FROM <file:///etc/passwd>').text
'SELECT * WHERE { ?s ?p "SERVICE <http://x/>" } '
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from rdflib import URIRef
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from ..errors import QueryError, QueryRefusedError, first_line
from ..vocab import PREFIXES
from .lexer import read_query

__all__ = ["Approved", "check_query"]

_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}

READ_ONLY = "updates are refused: this endpoint is read-only"
NO_SERVICE = "SERVICE is refused: this endpoint makes no outbound requests"
NO_DATASET = "FROM and FROM NAMED are refused: this endpoint serves one graph and reads no files or remote graphs"
NO_GRAPH = ("GRAPH is refused: this endpoint serves one graph, its default graph, and holds no named graphs; "
            "drop the GRAPH pattern")
NO_PRAGMA = "engine pragmas (DEFINE) are refused: this endpoint runs standard SPARQL 1.1 queries"

#: Words that are refused wherever they stand outside strings and IRIs, even where a reader might
#: take them for the prefix of a name ("FROM:g") or the end of one ("ex:a.SERVICE").
_REFUSED_WORDS = {
    "SERVICE": NO_SERVICE, "FROM": NO_DATASET, "NAMED": NO_DATASET, "GRAPH": NO_GRAPH, "DEFINE": NO_PRAGMA,
    **{w: READ_ONLY for w in ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "ADD", "MOVE", "COPY",
                              "WITH", "USING")},
}
_XSD = "http://www.w3.org/2001/XMLSchema#"
#: IRI schemes that engines read as calls into themselves rather than as names.
_ENGINE_SCHEMES = ("bif:", "sql:")


@dataclass(frozen=True)
class Approved:
    """A query the endpoint may run: its *form* and the canonical *text* the engine must be given."""

    form: str
    text: str


def _word_parts(word: str) -> Iterator[str]:
    """The ASCII words a reader could take for keywords in one bare word of a query."""
    # variables and language tags are names, never keywords
    rest = re.sub(r"[?$][\w\u00b7]+|@[A-Za-z]+(?:-[A-Za-z0-9]+)*", " ", word)
    for chunk in rest.split():
        head, colon, local = chunk.partition(":")
        yield from re.findall(r"[A-Za-z]+", head)
        if colon:  # inside a local name a keyword could only be read after a dot, by a lax reader
            for piece in local.split(".")[1:]:
                yield from re.findall(r"^[A-Za-z]+", piece)


def _check_words(words: list[str]) -> None:
    for word in words:
        for part in _word_parts(word):
            message = _REFUSED_WORDS.get(part.upper())
            if message is not None:
                raise QueryRefusedError(message)


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
            yield None, value
            yield from _walk(value, seen)


def _check_function(node: Any) -> None:
    iri = node.get("iri") if isinstance(node, CompValue) else None
    if isinstance(iri, URIRef) and not str(iri).startswith(_XSD):
        raise QueryRefusedError(f"the function <{iri}> is refused: this endpoint runs SPARQL 1.1's own "
                                "functions and the XSD casts only")


def _refuse(tree: Any) -> None:
    for key, value in _walk(tree, set()):
        if key in ("ServiceGraphPattern", "service"):
            raise QueryRefusedError(NO_SERVICE)
        if key == "datasetClause" and value:
            raise QueryRefusedError(NO_DATASET)
        if key in ("GraphGraphPattern", "Graph"):
            raise QueryRefusedError(NO_GRAPH)
        if key == "Function":
            _check_function(value)
        if isinstance(value, URIRef) and str(value).lower().startswith(_ENGINE_SCHEMES):
            raise QueryRefusedError(f"the IRI <{value}> is refused: engines read the {value.split(':')[0]}: "
                                    "scheme as a call into themselves")


def _parse(text: str) -> Any:
    try:
        return parseQuery(text)
    except Exception as exc:  # pyparsing.ParseException and friends
        try:
            parseUpdate(text)
        except Exception:
            raise QueryError(f"SPARQL syntax error: {first_line(exc)}") from None
        raise QueryRefusedError(READ_ONLY) from None


def check_query(text: str) -> Approved:
    """Decide on *text*; the form and the canonical text to run if the endpoint may run it.

    Raises
    ------
    QueryRefusedError
        An update, ``SERVICE``, ``FROM``, ``FROM NAMED``, ``GRAPH``, a function or IRI
        of an engine's own, a pragma.
    QueryError
        A syntax error (with the parser's message), or characters on which SPARQL
        readers disagree.
    """
    reading = read_query(text)
    _check_words(reading.words)
    parsed = _parse(reading.text)
    _refuse(parsed)
    try:
        query = translateQuery(parsed, initNs=PREFIXES)
    except Exception as exc:
        raise QueryError(f"bad query: {first_line(exc)}") from None
    _refuse(query.algebra)
    name = query.algebra.name
    if name not in _FORMS:
        raise QueryError(f"unsupported query form {name}")
    return Approved(_FORMS[name], reading.text)
