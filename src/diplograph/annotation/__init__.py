"""Annotations: the human-reviewed description of what a source reports.

See :func:`load_annotation` and the records in :mod:`.model`.
"""

from .load import load_annotation
from .model import (
    CONTACT_KINDS,
    DIRECT_KINDS,
    Annotation,
    CandidateAnn,
    ClaimAnn,
    ContactAnn,
    PostAnn,
    Quote,
    SourceAnn,
)

__all__ = [
    "CONTACT_KINDS",
    "DIRECT_KINDS",
    "Annotation",
    "CandidateAnn",
    "ClaimAnn",
    "ContactAnn",
    "PostAnn",
    "Quote",
    "SourceAnn",
    "load_annotation",
]
