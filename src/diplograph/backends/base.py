"""What every store backend offers: run a query with bound values, load files atomically.

A backend holds the data a :class:`~diplograph.kg.KnowledgeGraph` queries.
Queries come in as SPARQL text; values for variables come in as rdflib terms
and are handed to the engine as terms (rdflib ``initBindings``, pyoxigraph
``substitutions``, or a ``VALUES`` block written from each term's N-Triples
form), never pasted into the query as strings.

Examples
--------
>>> from rdflib import URIRef
>>> text = "SELECT ?o WHERE { ?s <urn:p> ?o }"
>>> print(inject_values(text, {"s": URIRef("urn:x")}))
SELECT ?o WHERE { VALUES (?s) { (<urn:x>) }
 ?s <urn:p> ?o }
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ..errors import QueryError

__all__ = ["Backend", "QueryResult", "inject_values", "plain", "prepend_to_where", "query_form"]


@dataclass
class QueryResult:
    """The raw result of a query, in rdflib terms.

    ``form`` is ``"SELECT"``, ``"ASK"``, ``"CONSTRUCT"`` or ``"DESCRIBE"``.
    For SELECT, ``vars`` names the columns and ``rows`` yields one tuple of
    terms (None when unbound) per solution, lazily where the engine streams;
    for ASK, ``boolean``; for CONSTRUCT and DESCRIBE, ``graph``.
    """

    form: str
    vars: list[str] = field(default_factory=list)
    rows: Iterator[tuple[Node | None, ...]] = field(default_factory=lambda: iter(()))
    boolean: bool | None = None
    graph: Graph | None = None


class Backend(ABC):
    """A place that holds the graph and answers SPARQL queries.

    Subclasses: :class:`~diplograph.backends.memory.MemoryBackend` (rdflib,
    in memory), :class:`~diplograph.backends.oxigraph.OxigraphBackend`
    (pyoxigraph on disk), :class:`~diplograph.backends.remote.SparqlBackend`
    (any SPARQL 1.1 endpoint).
    """

    #: The ``--store`` text that opens this backend again (``memory``, ``oxigraph:PATH``, ``sparql:URL``).
    spec: str = ""

    @abstractmethod
    def execute(self, text: str, bindings: Mapping[str, Node | Sequence[Node]] | None = None) -> QueryResult:
        """Run a SPARQL query; *bindings* maps variable names (no ``?``) to a term or a sequence of terms.

        Raises
        ------
        QueryError
            The engine refused the query (syntax, evaluation error, endpoint error).
        """

    @abstractmethod
    def load(self, paths: Sequence[Path]) -> None:
        """Replace the store's data with the triples of *paths*, all or nothing.

        On any error the previous data is left as it was. (Nothing is
        returned: counting would cost a scan of a big store; call
        :meth:`count` when the number is wanted.)

        Raises
        ------
        StoreError
            A file is missing, of an unknown format, or does not parse; the
            store cannot be written.
        """

    @abstractmethod
    def count(self) -> int:
        """The number of triples held (may scan the whole store)."""

    def select_plain(self, text: str, bindings: Mapping[str, Node | Sequence[Node]] | None = None
                     ) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
        """Run a SELECT query; its columns, and its rows as plain Python values (see :func:`plain`).

        Engines that can convert their own terms faster than through rdflib's override this.

        Raises
        ------
        QueryError
            Not a SELECT query, or the engine refused it.
        """
        result = self.execute(text, bindings)
        if result.form != "SELECT":
            raise QueryError(f"rows need a SELECT query, not {result.form}")
        return result.vars, (tuple(plain(t) for t in row) for row in result.rows)

    def select_csv(self, text: str, path: str | Path) -> None:
        """Write the rows of a SELECT query to *path* as SPARQL 1.1 CSV results (plain values, a header line).

        For reading many rows into a columnar tool without a Python object
        per value. Engines that write CSV themselves override this.

        Raises
        ------
        QueryError
            Not a SELECT query, or the engine refused it.
        """
        import csv

        variables, rows = self.select_plain(text)
        with open(path, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\r\n")
            writer.writerow(variables)
            for row in rows:
                writer.writerow(["" if v is None else str(v).lower() if isinstance(v, bool) else v for v in row])

    def to_graph(self) -> Graph:
        """The whole data as an in-memory rdflib graph (a copy, for tools that need one)."""
        result = self.execute("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        assert result.graph is not None
        return result.graph

    def data_version(self) -> str | None:
        """Which data the store holds now: a short text that changes whenever a load replaces the data.

        Something built from the store (an index, a cache) stamped with it
        can tell later whether it still matches: equal versions, the same
        data. None means the store cannot tell (a remote endpoint, whose data
        others may change at any time): treat what was built as stale.

        ==========================  ===============================================
        store                       version
        ==========================  ===============================================
        ``oxigraph:PATH``           the current data folder, ``data-<id>`` (None before the first load)
        ``memory``                  ``sha256:...`` of the files loaded, in order (the same files, the same
                                    version in every process); ``graph:<id>`` for data copied from an
                                    rdflib graph, new for each store
        ``sparql:URL``              None
        ==========================  ===============================================
        """
        return None

    def has_subject(self, iri: str) -> bool:
        """Whether any triple has *iri* as its subject."""
        result = self.execute("ASK { ?s ?p ?o }", {"s": URIRef(iri)})
        return bool(result.boolean)

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release files and connections (a no-op where there are none)."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.spec}>"


#: Datatypes whose literals become ``int`` and ``float`` in plain rows.
INTEGER_TYPES = frozenset(str(XSD[t]) for t in ("integer", "nonNegativeInteger", "int", "long"))
FLOAT_TYPES = frozenset(str(XSD[t]) for t in ("decimal", "double", "float"))


def plain(term: Node | None) -> Any:
    """An RDF term as a plain Python value (IRIs and dates as strings).

    Examples
    --------
    >>> plain(Literal(5)), plain(Literal("2025-02-13", datatype=XSD.date)), plain(URIRef("urn:a"))
    (5, '2025-02-13', 'urn:a')
    """
    if term is None:
        return None
    if isinstance(term, Literal):
        dt = str(term.datatype) if term.datatype is not None else None
        if dt in INTEGER_TYPES:
            return int(term)
        if dt in FLOAT_TYPES:
            value = term.toPython()
            return float(value) if isinstance(value, Decimal | float) else value
        if term.datatype == XSD.boolean:
            return bool(term.toPython())
        return str(term)
    return str(term)


# -- helpers for engines that take bindings as query text --

_IRIREF = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


def _scan(text: str) -> Iterator[tuple[int, str]]:
    """Yield (position, character) of *text* outside comments, strings and IRIs."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j + 1
            continue
        if ch in "\"'":
            quote = ch * 3 if text.startswith(ch * 3, i) else ch
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
            continue
        if ch == "<":
            m = _IRIREF.match(text, i)
            if m:
                i = m.end()
                continue
        yield i, ch
        i += 1


#: The value bound for an empty sequence of values: an IRI of diplograph's own that no data holds.
_NOTHING = "<urn:diplograph:no-value>"


def _nt(name: str, term: Node) -> str:
    if isinstance(term, BNode) or not isinstance(term, URIRef | Literal):
        raise QueryError(f"cannot bind ?{name} to {term!r} on this store (IRIs and literals only)")
    return term.n3()


def _wordy(text: str, pos: int) -> bool:
    return 0 <= pos < len(text) and (text[pos].isalnum() or text[pos] in "_:-.?$")


def query_form(text: str) -> str:
    """The form of a query (SELECT, ASK, CONSTRUCT or DESCRIBE), read past its prologue.

    Examples
    --------
    >>> query_form("PREFIX s: <urn:select#> ASK { ?s ?p ?o }")
    'ASK'
    """
    for pos, _ in _scan(text):
        m = _FORM.match(text, pos)
        if m and not _wordy(text, pos - 1) and not _wordy(text, m.end()):
            return m.group(1).upper()
    raise QueryError("not a SPARQL query (no SELECT, ASK, CONSTRUCT or DESCRIBE)")


def inject_values(text: str, bindings: Mapping[str, Node | Sequence[Node]]) -> str:
    """Put a ``VALUES`` block for *bindings* first inside the query's outer ``WHERE`` group.

    A variable bound to a sequence of terms gets one row per term
    (``VALUES ?x { <a> <b> }``: the solutions for each, in one query).
    Each value is written in its N-Triples form (``term.n3()``), so a value
    can never change the shape of the query. Placed at the start of the
    outer group, the block binds the variables before any ``GROUP BY`` or
    projection hides them (a trailing ``VALUES`` after the query would not).

    Examples
    --------
    >>> print(inject_values("SELECT ?o WHERE { ?s <urn:p> ?o }", {"s": [URIRef("urn:a"), URIRef("urn:b")]}))
    SELECT ?o WHERE { VALUES ?s { <urn:a> <urn:b> }
     ?s <urn:p> ?o }
    """
    if not bindings:
        return text
    single: dict[str, str] = {}
    many: dict[str, list[str]] = {}
    for name, value in bindings.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"not a variable name: {name!r}")
        if isinstance(value, Node):
            single[name] = _nt(name, value)
        else:
            many[name] = [_nt(name, v) for v in value]
    block = ""
    if single:
        block += f"VALUES ({' '.join('?' + n for n in single)}) {{ ({' '.join(single.values())}) }}\n"
    for name, terms in many.items():
        # no values, no solutions: a value no data holds (rdflib fails on an empty VALUES
        # block, Virtuoso's planner on a constant-false filter)
        block += f"VALUES ?{name} {{ {' '.join(terms) or _NOTHING} }}\n"
    return prepend_to_where(text, block)


def prepend_to_where(text: str, snippet: str) -> str:
    """Insert *snippet* (SPARQL group content) first inside the query's outer ``WHERE`` group.

    Used to bind values (:func:`inject_values`) and to narrow a named query
    with a fixed pattern, so that the engine starts from it.

    Examples
    --------
    >>> prepend_to_where("SELECT * WHERE { ?s ?p ?o }", "?s a ?type .")
    'SELECT * WHERE { ?s a ?type . ?s ?p ?o }'
    """
    form = query_form(text)
    # the first top-level group of a CONSTRUCT is its template, unless written "CONSTRUCT WHERE {"
    skip = 1 if form == "CONSTRUCT" and not re.search(r"\bCONSTRUCT\s+WHERE\s*\{", text, re.IGNORECASE) else 0
    depth = parens = 0
    for pos, ch in _scan(text):
        if ch == "(":
            parens += 1
        elif ch == ")":
            parens -= 1
        elif ch == "{" and parens > 0:  # EXISTS { ... } inside a projection expression
            depth += 1
        elif ch == "{":
            if depth == 0:
                if skip == 0:
                    return text[:pos + 1] + " " + snippet + text[pos + 1:]
                skip -= 1
            depth += 1
        elif ch == "}":
            depth -= 1
    raise QueryError("the query has no WHERE group")
