"""diplograph: a knowledge graph of political contacts, with the quote behind every fact.

>>> import diplograph as dg
>>> kg = dg.load()
>>> kg.resolve("ترمب").label
'Donald Trump'

Everything a user needs is here: :func:`load` and :class:`KnowledgeGraph`,
the records its questions return, the contact source networks are drawn
from, and every exception, which all derive from :class:`DiplographError`::

    DiplographError
    ├── InvalidArgumentError            a bad argument (also a ValueError): unknown kind, measure, date...
    ├── InputError                      bad input files
    │   ├── RegistryError               the entity registry
    │   └── AnnotationError             an annotation (file and line)
    │       ├── QuoteNotFoundError      a quote that is not in the text
    │       ├── AmbiguousQuoteError     a quote found more than once
    │       └── InvalidDateError        a date that cannot be, or is not allowed
    ├── UnknownEntityError              a name no entity is known by (also a LookupError)
    ├── ShapeViolationError             SHACL violations in a built graph
    ├── QueryError                      a broken or unknown SPARQL query
    │   └── QueryRefusedError           a query the endpoint will not run (update, SERVICE, FROM)
    ├── StoreError                      reading or writing graph files and stores
    │   ├── StoreNotFoundError          no store at the path or endpoint named (a typo?)
    │   └── StoreBusyError              another process is loading data into the store
    └── NoAnswerError                   a well-formed question without an answer
        └── NoPathError                 no path between two actors under the options

A missing optional package raises :class:`ImportError` naming the extra to install.
"""

from ._version import __version__ as __version__
from .contacts import ContactSource, StoreContacts
from .errors import (
    AmbiguousQuoteError,
    AnnotationError,
    DiplographError,
    InputError,
    InvalidArgumentError,
    InvalidDateError,
    NoAnswerError,
    NoPathError,
    QueryError,
    QueryRefusedError,
    QuoteNotFoundError,
    RegistryError,
    ShapeViolationError,
    StoreBusyError,
    StoreError,
    StoreNotFoundError,
    UnknownEntityError,
)
from .kg import KnowledgeGraph, load
from .query import Rows
from .records import (
    ActorRef,
    ClaimRecord,
    ContactRecord,
    ContactSummary,
    Evidence,
    Gap,
    PostRecord,
    SourceRef,
    Tie,
)
from .registry import Entity
from .view import Page

__all__ = [
    "ActorRef",
    "AmbiguousQuoteError",
    "AnnotationError",
    "ClaimRecord",
    "ContactRecord",
    "ContactSource",
    "ContactSummary",
    "DiplographError",
    "Entity",
    "Evidence",
    "Gap",
    "InputError",
    "InvalidArgumentError",
    "InvalidDateError",
    "KnowledgeGraph",
    "NoAnswerError",
    "NoPathError",
    "Page",
    "PostRecord",
    "QueryError",
    "QueryRefusedError",
    "QuoteNotFoundError",
    "RegistryError",
    "Rows",
    "ShapeViolationError",
    "SourceRef",
    "StoreBusyError",
    "StoreContacts",
    "StoreError",
    "StoreNotFoundError",
    "Tie",
    "UnknownEntityError",
    "load",
]
