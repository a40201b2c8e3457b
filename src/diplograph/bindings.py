"""Values for a query's variables: what each variable takes, checked, and turned into RDF terms.

A query declares what each of its variables takes on its ``# Bind:`` line::

    # Bind: ?a entity, ?b entity (in either order; leave unbound to list every pair once)

``entity``
    A person, organisation, country, group, place or gathering: its IRI, or
    any name the graph knows it by, Arabic or English (resolved through the
    names; an unknown name is :class:`~diplograph.errors.UnknownEntityError`
    with near matches, never a literal that matches nothing).
``iri``
    A node of the graph by its IRI (a contact, plan, claim, source).
``date``
    ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (an ``xsd:gYear``, ``xsd:gYearMonth``
    or ``xsd:date`` literal).
``literal``
    Text, bound as a plain literal.

A variable a query does not declare keeps the older reading when no names are
at hand (an IRI-like string is an IRI, anything else a literal); with names
(``kg.query``, ``diplograph query --bind``) a string that is neither an IRI nor
a known name is an error that says how to declare the variable.

Examples
--------
>>> declared("# Bind: ?a entity, ?b entity (in either order)\\nSELECT * WHERE { ?a ?p ?b }")
{'a': 'entity', 'b': 'entity'}
>>> declared("# Bind: ?a (an IRI)\\nSELECT * WHERE { ?a ?p ?o }")
Traceback (most recent call last):
...
diplograph.errors.QueryError: the '# Bind:' line names ?a without what it takes (one of entity, iri, date, literal)
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node

from .dates import DateValue, parse_bound
from .errors import InvalidArgumentError, QueryError, UnknownEntityError
from .vocab import is_iri

__all__ = ["KINDS", "Resolver", "declared", "term_for", "to_term"]

#: What a variable can take.
KINDS = ("entity", "iri", "date", "literal")

#: Turns a name into the IRI of the entity it names (raising UnknownEntityError with near matches).
Resolver = Callable[[str], str]

_BIND = re.compile(r"^#\s*Bind:\s*(.+)$", re.MULTILINE)
_DECLARED = re.compile(r"[?$]([A-Za-z_][A-Za-z0-9_]*)(?:\s+(\w+))?")
_VAR = re.compile(r"[?$]([A-Za-z_][A-Za-z0-9_]*)")
_DATE_TYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


def declared(text: str) -> dict[str, str]:
    """What each variable of the query *text* takes, from its ``# Bind:`` line (empty when it has none).

    Raises
    ------
    QueryError
        A variable named without a kind, an unknown kind, or a declared
        variable the query does not use.
    """
    m = _BIND.search(text)
    if not m:
        return {}
    out: dict[str, str] = {}
    for var, kind in _DECLARED.findall(m.group(1).split("(", 1)[0]):
        if not kind:
            raise QueryError(f"the '# Bind:' line names ?{var} without what it takes (one of {', '.join(KINDS)})")
        if kind not in KINDS:
            raise QueryError(f"the '# Bind:' line says ?{var} takes {kind!r}; a variable takes one of "
                             f"{', '.join(KINDS)}")
        out[var] = kind
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    used = set(_VAR.findall(body))
    for var in out:
        if var not in used:
            raise QueryError(f"the '# Bind:' line declares ?{var}, which the query does not use")
    return out


def to_term(value: Any) -> Node:
    """Convert a Python value into an RDF term for a binding (the reading of an undeclared variable).

    Strings that are absolute http(s) or urn IRIs become IRIs; other strings,
    numbers, booleans and dates become literals. Anything with an ``iri``
    attribute (an entity record) becomes that IRI.
    """
    if isinstance(value, URIRef | Literal | BNode):
        return value
    iri = getattr(value, "iri", None)
    if isinstance(iri, str):
        return URIRef(iri)
    if isinstance(value, str):
        return URIRef(value) if is_iri(value) else Literal(value)
    if isinstance(value, bool | int | float | Decimal | _dt.date | _dt.datetime):
        return Literal(value)
    raise QueryError(f"cannot bind a value of type {type(value).__name__}: {value!r}")


def _entity(var: str, value: Any, resolve: Resolver | None, declared_kind: bool) -> Node:
    iri = getattr(value, "iri", None)
    if isinstance(iri, str):
        return URIRef(iri)
    if isinstance(value, str):
        if is_iri(value):
            return URIRef(value)
        if resolve is None:
            raise QueryError(f"?{var} takes an entity: give its IRI, or ask through kg.query, which resolves "
                             f"names (got {value!r})")
        try:
            return URIRef(resolve(value))
        except UnknownEntityError as exc:
            hint = "" if declared_kind else (f" (if ?{var} takes text, declare it: '# Bind: ?{var} literal' "
                                             "in the query)")
            raise UnknownEntityError(exc.name, exc.suggestions, where=f"?{var}{hint}") from None
    raise InvalidArgumentError(f"?{var} takes an entity, not {type(value).__name__} {value!r}")


def term_for(var: str, value: Any, kind: str | None, resolve: Resolver | None = None) -> Node:
    """The RDF term for *value* bound to ?*var*, which takes *kind* (None: undeclared).

    Raises
    ------
    UnknownEntityError
        A name no entity is known by, for an entity (or, with names at hand,
        an undeclared) variable.
    InvalidArgumentError
        A value that is not what the variable takes (a name where an IRI is
        needed, a date that is not a date).

    Examples
    --------
    >>> term_for("d", "2024-02", "date")
    rdflib.term.Literal('2024-02', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#gYearMonth'))
    >>> term_for("c", "putin-call", "iri")
    Traceback (most recent call last):
    ...
    diplograph.errors.InvalidArgumentError: ?c takes an IRI (a node of the graph), not 'putin-call'
    """
    if isinstance(value, Node):  # an RDF term made on purpose is bound as it is
        return value
    if kind == "entity" or (kind is None and resolve is not None and isinstance(value, str)):
        return _entity(var, value, resolve, kind == "entity")
    if kind == "iri":
        text = str(getattr(value, "iri", value))
        if not is_iri(text):
            raise InvalidArgumentError(f"?{var} takes an IRI (a node of the graph), not {value!r}")
        return URIRef(text)
    if kind == "date":
        if isinstance(value, _dt.datetime):
            value = value.date()
        iso = parse_bound(value if isinstance(value, str | int | _dt.date) else str(value))
        return Literal(iso, datatype=_DATE_TYPES[DateValue.from_iso(iso).precision])
    if kind == "literal":
        return Literal(str(value))
    return to_term(value)
