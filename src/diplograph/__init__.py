"""diplograph: a knowledge graph of political contacts, with the quote behind every fact.

>>> import diplograph as dg
>>> kg = dg.load()
>>> kg.resolve("ترمب").label
'Donald Trump'
"""

from .errors import (
    AnnotationError,
    DiplographError,
    NoAnswerError,
    QueryError,
    QuoteNotFoundError,
    ShapeViolationError,
    StoreError,
    UnknownEntityError,
)
from .kg import KnowledgeGraph, load
from .query import Rows
from .records import ActorRef, ClaimRecord, ContactRecord, Evidence, Gap, PostRecord, SourceRef

__all__ = [
    "ActorRef",
    "AnnotationError",
    "ClaimRecord",
    "ContactRecord",
    "DiplographError",
    "Evidence",
    "Gap",
    "KnowledgeGraph",
    "NoAnswerError",
    "PostRecord",
    "QueryError",
    "QuoteNotFoundError",
    "Rows",
    "ShapeViolationError",
    "SourceRef",
    "StoreError",
    "UnknownEntityError",
    "load",
]

__version__ = "0.1.0"
