"""Named SPARQL queries and how to run them safely.

Named queries are ``.rq`` files in ``diplograph/queries/``; each opens with a
``# Question:`` line saying what it answers and, where it takes values, a
``# Bind:`` line naming its variables. Queries are prepared once; values are
passed as bindings (``initBindings``), never formatted into query text.

Examples
--------
>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph()
>>> _ = g.add((URIRef("urn:x"), URIRef("urn:p"), Literal("hello")))
>>> rows = run_query(g, "SELECT ?o WHERE { ?s <urn:p> ?o }", s=URIRef("urn:x"))
>>> rows.to_list()
[{'o': 'hello'}]
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import Graph
from rdflib.term import Node

from .backends.base import Backend, plain, query_form
from .backends.memory import MemoryBackend
from .bindings import Resolver, declared, term_for
from .bundled import QUERIES_DIR
from .errors import QueryError, first_line, near_matches

__all__ = ["NamedQuery", "Rows", "SelectQueryName", "iter_rows", "load_query", "named_queries", "plain", "run_query",
           "run_select"]

#: The names of the named queries (every one a SELECT): ``kg.query(name)`` returns :class:`Rows` for these.
SelectQueryName = typing.Literal[
    "cameo-plover", "claims", "contacts", "direct-contacts", "entities", "event-quotes", "evidence", "head-posts",
    "hedges", "institutional-ties", "negotiating-team", "network-events", "planned-contacts", "posts", "roles",
    "sources", "topics",
]

_QUESTION = re.compile(r"^#\s*Question:\s*(.+)$", re.MULTILINE)
_BIND = re.compile(r"^#\s*Bind:\s*(.+)$", re.MULTILINE)
_VAR = re.compile(r"[?$]([A-Za-z_][A-Za-z0-9_]*)")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class NamedQuery:
    """A SPARQL query kept in a ``.rq`` file."""

    name: str
    question: str
    text: str
    path: Path
    bind: str = ""

    @property
    def variables(self) -> frozenset[str]:
        """Every variable the query text mentions."""
        return frozenset(_VAR.findall(self.text))

    @property
    def params(self) -> dict[str, str]:
        """What each variable of the ``# Bind:`` line takes (``entity``, ``iri``, ``date``, ``literal``)."""
        return declared(self.text)


def load_query(path: str | Path) -> NamedQuery:
    """Read a ``.rq`` file; its first comment lines must include ``# Question:``."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{p}: cannot read query file: {exc.strerror}") from None
    question = _QUESTION.search(text)
    bind = _BIND.search(text)
    try:
        declared(text)
    except QueryError as exc:
        raise QueryError(f"{p}: {exc}") from None
    return NamedQuery(
        name=p.stem,
        question=question.group(1).strip() if question else "",
        text=text,
        path=p,
        bind=bind.group(1).strip() if bind else "",
    )


@cache
def named_queries(folder: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    """Every named query in *folder*, by name."""
    return {p.stem: load_query(p) for p in sorted(folder.glob("*.rq"))}



def resolve_query(text_or_name: str) -> tuple[str, NamedQuery | None]:
    """The query text for a name, a ``.rq`` path, or SPARQL text."""
    queries = named_queries()
    if text_or_name in queries:
        named = queries[text_or_name]
        return named.text, named
    if text_or_name.endswith(".rq") and "\n" not in text_or_name:
        p = Path(text_or_name)
        if not p.is_file():
            raise QueryError(f"{p}: query file not found")
        named = load_query(p)
        return named.text, named
    if _NAME.match(text_or_name):
        close = near_matches(text_or_name, queries)
        close += [n for n in queries if (text_or_name in n or n in text_or_name) and n not in close]
        hint = f"; did you mean {', '.join(repr(n) for n in close)}?" if close else ""
        raise QueryError(f"no named query {text_or_name!r}{hint} (see 'diplograph query --list')")
    return text_or_name, None


class Rows(Sequence[dict[str, Any]]):
    """The rows of a SELECT query, as plain dictionaries.

    ``rows.vars`` names the columns; ``rows.raw`` keeps the RDF terms;
    ``rows.df()`` gives a pandas DataFrame when pandas is installed.
    """

    def __init__(self, variables: Sequence[str], raw: list[dict[str, Node | None]] | None = None, *,
                 plain_rows: list[dict[str, Any]] | None = None,
                 fetch_raw: Callable[[], list[dict[str, Node | None]]] | None = None):
        self.vars = list(variables)
        self._raw = raw
        self._fetch_raw = fetch_raw
        if plain_rows is None:
            plain_rows = [{v: plain(r.get(v)) for v in self.vars} for r in (raw or [])]
        self._plain = plain_rows

    @property
    def raw(self) -> list[dict[str, Node | None]]:
        """The rows as RDF terms (when the rows were read as plain values, the query runs again)."""
        if self._raw is None:
            self._raw = self._fetch_raw() if self._fetch_raw is not None else []
        return self._raw

    def __getitem__(self, index: int) -> dict[str, Any]:  # type: ignore[override]
        return self._plain[index]

    def __len__(self) -> int:
        return len(self._plain)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self._plain)

    def __repr__(self) -> str:
        return f"<Rows {len(self)} x {self.vars}>"

    def to_list(self) -> list[dict[str, Any]]:
        """The rows as a list of dictionaries."""
        return list(self._plain)

    def column(self, name: str) -> list[Any]:
        """One column's values."""
        if name not in self.vars:
            raise QueryError(f"no column {name!r}; columns are {', '.join(self.vars)}")
        return [row[name] for row in self._plain]

    def df(self) -> Any:
        """The rows as a pandas DataFrame (needs pandas: ``pip install 'diplograph[pandas]'``).

        Raises
        ------
        ImportError
            pandas is not installed (the message names the extra to install).
        """
        try:
            import pandas as pd
        except ImportError as exc:
            raise ImportError("Rows.df() needs pandas: pip install 'diplograph[pandas]'") from exc
        return pd.DataFrame(self._plain, columns=self.vars)


def run_query(graph: Graph | Backend, text_or_name: str, bindings: Mapping[str, Any] | None = None, *,
              resolve: Resolver | None = None, **more: Any) -> Rows | bool | Graph:
    """Run a SPARQL query on *graph*.

    Parameters
    ----------
    graph : rdflib.Graph or Backend
        The graph, or the store holding it (see :mod:`diplograph.backends`).
    text_or_name : str
        A named query, a path to a ``.rq`` file, or SPARQL text.
    bindings, **more
        Values for the query's variables, bound as RDF terms as each variable
        declares it takes them (see :mod:`diplograph.bindings`).
    resolve : callable, optional
        Turns a name into an entity's IRI (``kg.resolve``): for variables
        that take an entity, and for undeclared ones given a string.

    Returns
    -------
    Rows for SELECT, bool for ASK, rdflib.Graph for CONSTRUCT and DESCRIBE.

    Raises
    ------
    QueryError
        Unknown name, syntax error (with the parser's message), a binding for
        a variable the query does not have, or an update.
    UnknownEntityError
        A name bound to a variable that takes an entity, which no entity is known by.
    InvalidArgumentError
        A value that is not what its variable takes.
    """
    values = {**(bindings or {}), **more}
    backend, text, init = _prepare(graph, text_or_name, values, resolve)
    try:
        form = query_form(text)
    except QueryError:  # not recognisable: let the engine say what is wrong
        form = None
    if form != "SELECT":
        result = backend.execute(text, init)
        if result.form == "ASK":
            return bool(result.boolean)
        if result.form != "SELECT":
            assert result.graph is not None
            return result.graph
        raw = [dict(zip(result.vars, row, strict=True)) for row in result.rows]
        return Rows(result.vars, raw)
    try:  # plain values straight from the engine; RDF terms only if asked for (rows.raw)
        variables, rows = backend.select_plain(text, init)
        plain_rows = [dict(zip(variables, row, strict=True)) for row in rows]
    except QueryError:
        raise
    except Exception as exc:
        raise QueryError(f"query failed: {first_line(exc)}") from None

    def fetch_raw() -> list[dict[str, Node | None]]:
        result = backend.execute(text, init)
        return [dict(zip(result.vars, row, strict=True)) for row in result.rows]

    return Rows(variables, plain_rows=plain_rows, fetch_raw=fetch_raw)


def run_select(graph: Graph | Backend, text_or_name: str, bindings: Mapping[str, Any] | None = None, *,
               resolve: Resolver | None = None, **more: Any) -> Rows:
    """Run a SELECT query (every named query is one) and return its rows; as :func:`run_query` otherwise.

    Raises
    ------
    QueryError
        As :func:`run_query`, or the query is not a SELECT.
    """
    result = run_query(graph, text_or_name, bindings, resolve=resolve, **more)
    if not isinstance(result, Rows):
        raise QueryError(f"rows need a SELECT query; {text_or_name[:60]!r} is not one")
    return result


def iter_rows(graph: Graph | Backend, text_or_name: str, bindings: Mapping[str, Any] | None = None, *,
              resolve: Resolver | None = None, **more: Any) -> Iterator[dict[str, Any]]:
    """Run a SELECT query and yield its rows one by one, as plain dictionaries.

    Nothing is kept: on an engine that streams (Oxigraph, a SPARQL
    endpoint's parsed reply) a million rows cost the memory of one.
    Parameters, bindings and errors as :func:`run_query`.

    Examples
    --------
    >>> from diplograph.bundled import GRAPH_FILE
    >>> from diplograph.graphfiles import read_graph
    >>> g = read_graph([GRAPH_FILE])
    >>> putin = "https://w3id.org/diplograph/id/person/vladimir-putin"
    >>> sorted({row["orgLabel"] for row in iter_rows(g, "posts", member=putin)})
    ['Russia']
    """
    backend, text, init = _prepare(graph, text_or_name, {**(bindings or {}), **more}, resolve)
    variables, rows = backend.select_plain(text, init)
    try:
        for row in rows:
            yield dict(zip(variables, row, strict=True))
    except QueryError:
        raise
    except Exception as exc:
        raise QueryError(f"query failed: {first_line(exc)}") from None


def _prepare(graph: Graph | Backend, text_or_name: str, values: Mapping[str, Any],
             resolve: Resolver | None = None) -> tuple[Backend, str, dict[str, Node | tuple[Node, ...]]]:
    text, named = resolve_query(text_or_name)
    if re.search(r"^\s*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
                 _strip_prologue(text), re.IGNORECASE):
        raise QueryError("updates are not run by query(); the graph is read-only here")
    known = set(_VAR.findall(text))
    kinds = declared(text)
    init: dict[str, Node | tuple[Node, ...]] = {}
    for name, value in values.items():
        key = name.lstrip("?$")
        if key not in known:
            close = near_matches(key, sorted(kinds or known))
            raise QueryError(f"the query has no variable ?{key} to bind"
                             + (f"; did you mean {', '.join('?' + c for c in close)}?" if close else "")
                             + (f" (it binds: {named.bind})" if named and named.bind else ""))
        if value is None:
            continue
        kind = kinds.get(key)
        if isinstance(value, list | tuple | set | frozenset):  # several values: one VALUES row each
            init[key] = tuple(term_for(key, v, kind, resolve)
                              for v in (sorted(value, key=str) if isinstance(value, set | frozenset) else value))
        else:
            init[key] = term_for(key, value, kind, resolve)
    backend = MemoryBackend(graph) if isinstance(graph, Graph) else graph
    return backend, text, init


def _strip_prologue(text: str) -> str:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("#")]
    body = "\n".join(lines)
    return re.sub(r"^\s*((PREFIX|BASE)\s+[^\n]*\n)*", "", body, flags=re.IGNORECASE)
