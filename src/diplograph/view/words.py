"""The words the page shows for the ontology's terms, in English and Arabic, from the ontology's own labels.

Contact kinds, plan statuses, hedges, date precisions, roles and claim media
reach the page as local names (``phoneCall``, ``availableInformation``); the
page shows their ``rdfs:label`` in the bundled ontology instead ("phone call" /
"مكالمة هاتفية"). A term the ontology does not label (a kind from another
graph, a predicate of another vocabulary) is written as words split from its
local name, never as the local name itself.

Examples
--------
>>> term("phoneCall")
('phone call', 'مكالمة هاتفية')
>>> term("availableInformation", "hedge")
('according to available information', 'وفقًا للمعلومات المتاحة')
>>> term("day", "precision"), term("initiator", "role")
(('day', 'يوم'), ('initiator', 'المبادر'))
>>> term("wasDerivedFrom")
('was derived from', 'was derived from')
"""

from __future__ import annotations

import re
from functools import cache

from rdflib import Graph
from rdflib.namespace import RDFS

from ..bundled import ONTOLOGY_FILE
from ..vocab import local_name

__all__ = ["MEASURE_WORDS", "humanise", "term", "terms"]

#: How each centrality measure is explained next to its value: (name, what it means) in English and Arabic.
MEASURE_WORDS: dict[str, dict[str, str]] = {
    "degree": {"en": "degree centrality", "ar": "مركزية الدرجة",
               "means": "the share of the other nodes it is linked to",
               "means_ar": "نسبة العقد الأخرى المرتبطة به"},
    "strength": {"en": "strength", "ar": "القوة",
                 "means": "the number of contacts and ties on its links",
                 "means_ar": "عدد الاتصالات والروابط على صلاته"},
    "betweenness": {"en": "betweenness centrality", "ar": "مركزية البينية",
                    "means": "the share of shortest paths between other nodes that pass through it",
                    "means_ar": "نسبة أقصر المسارات بين العقد الأخرى التي تمر به"},
    "closeness": {"en": "closeness centrality", "ar": "مركزية القرب",
                  "means": "how few steps it is from the others (1 = one step from every other node)",
                  "means_ar": "قلة الخطوات التي تفصله عن الآخرين (1 = خطوة واحدة عن كل عقدة)"},
    "eigenvector": {"en": "eigenvector centrality", "ar": "مركزية المتجه الذاتي",
                    "means": "how well linked its neighbours are (1 = the best placed node)",
                    "means_ar": "مدى ارتباط جيرانه (1 = العقدة الأفضل موقعًا)"},
    "pagerank": {"en": "PageRank", "ar": "PageRank",
                 "means": "the share of a random walk along the links that it receives",
                 "means_ar": "نصيبه من مسار عشوائي على الصلات"},
}

#: How a value of each group reaches the page, when it is not the ontology term's own local name.
_PREFIXED = {"precision": {"day": "precisionDay", "month": "precisionMonth", "year": "precisionYear",
                           "undated": "undated"},
             "role": {"initiator": "initiatorRole", "participant": "participantRole",
                      "intermediary": "intermediaryRole", "speaker": "speakerRole"}}


@cache
def _labels() -> dict[str, tuple[str, str]]:
    """Every labelled term of the bundled ontology by local name: (English, Arabic)."""
    graph = Graph().parse(ONTOLOGY_FILE)
    found: dict[str, dict[str, str]] = {}
    for subject, label in graph.subject_objects(RDFS.label):
        lang = getattr(label, "language", None)
        if lang in ("en", "ar"):
            found.setdefault(local_name(str(subject)), {}).setdefault(lang, str(label))
    return {name: (words["en"], words.get("ar", words["en"])) for name, words in found.items() if "en" in words}


def humanise(name: str) -> str:
    """Words from a local name: camelCase and separators split, lower case kept for all but acronyms.

    Examples
    --------
    >>> humanise("hasPlace"), humanise("sub_event-of"), humanise("CAMEOCode")
    ('has place', 'sub event of', 'CAMEO code')
    """
    spaced = re.sub(r"[_\-]+", " ", name)
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", spaced)
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in spaced.split())


def term(name: str, group: str | None = None) -> tuple[str, str]:
    """The English and Arabic words for a term given by its local name (or an IRI).

    *group* (``"precision"``, ``"role"``) says how the value was written when it
    is not the term's own local name ("day" for ``dg:precisionDay``).
    """
    local = local_name(name) if "/" in name or "#" in name else name
    local = _PREFIXED.get(group or "", {}).get(local, local)
    found = _labels().get(local)
    if found is not None:
        return found
    words = humanise(local)
    return words, words


def terms(names: list[str] | tuple[str, ...], group: str | None = None) -> list[list[str]]:
    """:func:`term` of each name, as ``[English, Arabic]`` lists (JSON-ready)."""
    return [list(term(n, group)) for n in names]
