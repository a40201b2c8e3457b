"""Comparing query rows across stores, up to row order and equivalent literal forms."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from rdflib import BNode, Literal, URIRef

NUMERIC = {"integer", "nonNegativeInteger", "positiveInteger", "int", "long", "decimal", "double", "float", "short"}


def norm(term: Any) -> Any:
    """A comparable form of a term: numbers by value, strings by text and language, IRIs by IRI."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return ("iri", str(term))
    if isinstance(term, BNode):
        return ("bnode",)
    if isinstance(term, Literal):
        dt = str(term.datatype or "").rsplit("#", 1)[-1]
        if dt in NUMERIC:
            try:
                return ("num", Decimal(str(term)))
            except InvalidOperation:
                pass
        return ("lit", str(term), (term.language or "").lower())
    return ("other", str(term))


_CONCAT = re.compile(r"GROUP_CONCAT\s*\(.*?separator\s*=\s*\"([^\"]*)\"\s*\)\s*AS\s*\?(\w+)", re.I | re.S)


def concat_columns(query_text: str) -> dict[str, str]:
    """Columns a query fills with GROUP_CONCAT, by name, with their separators (their order is unspecified)."""
    return {var: sep for sep, var in _CONCAT.findall(query_text)}


def normal_rows(variables: list[str], rows: list[dict[str, Any]], query_text: str = "") -> list[tuple[Any, ...]]:
    """Rows as sorted tuples of :func:`norm` values, in the order of *variables*.

    GROUP_CONCAT columns are compared as sorted lists (engines concatenate in any order).
    """
    concat = concat_columns(query_text)

    def cell(v: str, term: Any) -> Any:
        if v in concat and term is not None:
            return ("concat", tuple(sorted(str(term).split(concat[v]))))
        return norm(term)

    return sorted((tuple(cell(v, r.get(v)) for v in variables) for r in rows), key=repr)
