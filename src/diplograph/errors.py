"""Exceptions raised by diplograph.

Every error a user can cause derives from :class:`DiplographError` and carries
a message that names the file, line, term or name at fault. The command-line
interface maps each family to an exit code (see :data:`EXIT_CODES`); the
library itself never exits.

Hierarchy::

    DiplographError
    ├── InvalidArgumentError            a bad argument (also a ValueError): unknown kind, measure, date...
    ├── InputError                      bad input files
    │   ├── RegistryError               the entity registry
    │   └── AnnotationError             an annotation (file and line)
    │       ├── QuoteNotFoundError      a quote that is not in the text
    │       ├── AmbiguousQuoteError     a quote found more than once
    │       └── InvalidDateError        a date that cannot be, or is not allowed
    ├── UnknownEntityError              a name no entity is known by
    ├── ShapeViolationError             SHACL violations in a built graph
    ├── QueryError                      a broken or unknown SPARQL query
    │   └── QueryRefusedError           a query the endpoint will not run (update, SERVICE, FROM)
    ├── StoreError                      reading or writing graph files and stores
    │   ├── StoreNotFoundError          no store at the path or endpoint named (a typo?)
    │   └── StoreBusyError              another process is loading data into the store
    └── NoAnswerError                   a well-formed question without an answer
        └── NoPathError                 no path between two actors under the options

A missing optional package raises the built-in :class:`ImportError`, whose
message names the pip extra to install.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

__all__ = [
    "EXIT_CODES",
    "AmbiguousQuoteError",
    "AnnotationError",
    "DiplographError",
    "InputError",
    "InvalidArgumentError",
    "InvalidDateError",
    "NoAnswerError",
    "NoPathError",
    "QueryError",
    "QueryRefusedError",
    "QuoteNotFoundError",
    "RegistryError",
    "ShapeViolationError",
    "StoreBusyError",
    "StoreError",
    "StoreNotFoundError",
    "UnknownEntityError",
    "exit_code_for",
    "first_line",
    "near_matches",
    "unknown_choice",
]


class DiplographError(Exception):
    """Base class of every error diplograph raises on bad input or a bad question."""


class InvalidArgumentError(DiplographError, ValueError):
    """An argument is not one the function takes: an unknown kind, measure or format, a bad date or number.

    Like NetworkX, which raises :class:`ValueError` for a bad argument beside
    domain errors such as ``NetworkXNoPath``, diplograph raises this for a
    question asked wrongly, and :class:`NoAnswerError` for a question asked
    rightly that has no answer. It is a :class:`ValueError` too.
    """


class InputError(DiplographError):
    """An input file (registry, annotation, graph) is malformed.

    Parameters
    ----------
    message : str
        What is wrong.
    path : str or Path, optional
        The file at fault.
    line : int, optional
        The 1-based line in that file.
    """

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(self._render())

    def _render(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        return f"{where}{self.message}"


class RegistryError(InputError):
    """The entity registry is malformed (duplicate id or alias, missing label)."""


class AnnotationError(InputError):
    """An annotation is malformed or contradicts its source text."""


class QuoteNotFoundError(AnnotationError):
    """A quote in an annotation does not occur in the source text."""


class AmbiguousQuoteError(AnnotationError):
    """A quote occurs more than once in the text and no occurrence was chosen."""


class InvalidDateError(AnnotationError):
    """A date is impossible (30 February) or not allowed (after publication)."""


class UnknownEntityError(DiplographError, LookupError):
    """No entity is known by a name.

    Parameters
    ----------
    name : str
        The name that was looked up.
    suggestions : sequence of str
        Near matches, best first (may be empty).
    """

    def __init__(self, name: str, suggestions: Sequence[str] = (), where: str | None = None):
        self.name = name
        self.suggestions = tuple(suggestions)
        self.where = where
        msg = f"unknown entity {name!r}"
        if suggestions:
            msg += "; did you mean " + ", ".join(repr(s) for s in suggestions) + "?"
        if where:
            msg = f"{where}: {msg}"
        super().__init__(msg)

    def __str__(self) -> str:  # LookupError would quote the message otherwise
        return str(self.args[0])


class ShapeViolationError(DiplographError):
    """A graph does not conform to the SHACL shapes (violations, not warnings)."""

    def __init__(self, message: str, results: Sequence[str] = ()):
        self.results = tuple(results)
        super().__init__(message)


class QueryError(DiplographError):
    """A SPARQL query is broken, unknown, or was given bad bindings."""


class QueryRefusedError(QueryError):
    """A well-formed query the endpoint will not run: an update, SERVICE, FROM, a dataset it does not hold."""


class StoreError(DiplographError):
    """A graph file or store could not be read or written."""


class StoreNotFoundError(StoreError):
    """No store at the path or endpoint named: opening one that does not exist never makes a new one."""


class StoreBusyError(StoreError):
    """Another process is loading data into the store; try again once it has finished."""


class NoAnswerError(DiplographError):
    """A well-formed question has no answer under the given options."""


class NoPathError(NoAnswerError):
    """No path links two actors in the network built with the given options.

    Parameters
    ----------
    a, b : str
        The two actors (labels).
    options : mapping
        The projection options the network was built with.
    reason : str, optional
        Why (an actor takes part in nothing under these options).
    """

    def __init__(self, a: str, b: str, options: Mapping[str, object] | None = None, reason: str | None = None):
        self.a, self.b = a, b
        self.options = dict(options or {})
        shown = ", ".join(f"{k}={v}" for k, v in self.options.items() if k != "network")
        msg = f"no path between {a!r} and {b!r}" + (f" under these options ({shown})" if shown else "")
        if reason:
            msg += f": {reason}"
        off = [k for k in ("indirect", "planned", "institutional") if self.options.get(k) is False]
        if off:
            msg += "; try including " + ", ".join(off)
        super().__init__(msg)


#: Exit codes of the command-line interface, by error family (most specific first).
EXIT_CODES: dict[type[DiplographError], int] = {
    InvalidArgumentError: 2,
    UnknownEntityError: 4,
    AnnotationError: 3,
    RegistryError: 3,
    InputError: 3,
    ShapeViolationError: 5,
    QueryError: 6,
    StoreError: 7,
    NoAnswerError: 8,
    DiplographError: 1,
}


def near_matches(value: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The choices closest to *value* (a typo's likely meaning), best first.

    Examples
    --------
    >>> near_matches("betweeness", ["degree", "betweenness", "closeness"])
    ['betweenness']
    """
    options = list(choices)
    folded = {c.lower(): c for c in options}
    found = difflib.get_close_matches(value.lower(), list(folded), n=n, cutoff=0.6)
    return [folded[f] for f in found]


def unknown_choice(what: str, value: object, choices: Iterable[str]) -> InvalidArgumentError:
    """The error for a value that is not one of *choices*: it names the value, near matches and every choice.

    Examples
    --------
    >>> print(unknown_choice("centrality measure", "betweeness", ["degree", "betweenness"]))
    unknown centrality measure 'betweeness'; did you mean 'betweenness'? (measures: degree, betweenness)
    """
    options = list(choices)
    close = near_matches(str(value), options)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    noun = what.rsplit(" ", 1)[-1]
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + ("es" if noun.endswith(("s", "x")) else "s")
    return InvalidArgumentError(f"unknown {what} {value!r}{hint} ({plural}: {', '.join(options)})")


def exit_code_for(error: DiplographError) -> int:
    """Return the CLI exit code for *error* (1 when no family matches more closely)."""
    for cls in type(error).__mro__:
        if cls in EXIT_CODES:
            return EXIT_CODES[cls]
    return 1


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message (its type name when it has none).

    Parser errors from rdflib and pyparsing run to many lines; messages for
    users carry the first.
    """
    msg = str(exc).strip()
    return msg.splitlines()[0] if msg else type(exc).__name__
