"""How the page draws things: colours, shapes and words of node types, contact kinds, roles and ties.

A contact kind's words are the ontology's labels (:mod:`diplograph.view.words`);
what is here is how each is drawn.

Examples
--------
>>> NODE_STYLES["person"].shape
'dot'
>>> kind_style("phoneCall").color
'#1f77b4'
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["KIND_STYLES", "NODE_STYLES", "PLANNED_DASHES", "ROLE_STYLES", "SEED", "TIE_WORDS", "KindStyle",
           "NodeStyle", "RoleStyle", "kind_style", "node_style"]

#: The seed of every layout and of every sampled measure a page shows: the same graph, the same picture.
SEED = 7


@dataclass(frozen=True)
class NodeStyle:
    """The words, colour, shape and legend glyph of a node type."""

    label: str
    label_ar: str
    color: str
    shape: str
    glyph: str


@dataclass(frozen=True)
class KindStyle:
    """The colour and dash pattern of an edge (or a bipartite event node) of one contact kind."""

    color: str
    dashes: tuple[int, ...] = ()


@dataclass(frozen=True)
class RoleStyle:
    """How a bipartite edge of one role is drawn: colour, dashes, an arrow towards the event."""

    color: str
    dashes: tuple[int, ...] = ()
    arrow: bool = False


#: Node types of the projection contract, in legend order. Every shape has a fixed size (no label inside).
NODE_STYLES: dict[str, NodeStyle] = {
    "person": NodeStyle("person", "شخص", "#4e79a7", "dot", "●"),
    "organisation": NodeStyle("organisation", "مؤسسة", "#f28e2b", "square", "■"),
    "country": NodeStyle("country", "دولة", "#59a14f", "hexagon", "⬢"),
    "group": NodeStyle("unnamed group", "مجموعة غير مسماة", "#b07aa1", "triangleDown", "▼"),
    "place": NodeStyle("place", "مكان", "#76b7b2", "triangle", "▲"),
    "gathering": NodeStyle("gathering", "تجمّع", "#edc948", "diamond", "◆"),
    "contact": NodeStyle("contact", "اتصال", "#e15759", "star", "★"),
    "plan": NodeStyle("planned contact", "اتصال مزمع", "#ff9da7", "star", "☆"),
    "claim": NodeStyle("claim", "تصريح", "#9c755f", "square", "■"),
    "other": NodeStyle("other", "أخرى", "#bab0ac", "dot", "●"),
}

#: Contact kinds (local names in the ontology), in legend order.
KIND_STYLES: dict[str, KindStyle] = {
    "phoneCall": KindStyle("#1f77b4"),
    "inPersonMeeting": KindStyle("#2ca02c"),
    "sidelinesMeeting": KindStyle("#ff7f0e"),
    "bilateralSummit": KindStyle("#d62728"),
    "visit": KindStyle("#17becf"),
    "talks": KindStyle("#9467bd"),
    "indirectContact": KindStyle("#7f7f7f", (2, 5)),
    "tie": KindStyle("#bcbd22", (1, 3)),
}

#: Roles an actor has in an event (bipartite edges).
ROLE_STYLES: dict[str, RoleStyle] = {
    "initiator": RoleStyle("#444444", (), True),
    "participant": RoleStyle("#8a8a8a"),
    "intermediary": RoleStyle("#8a8a8a", (2, 5)),
}

#: The words of each kind of institutional tie (the projection's kinds, not ontology terms).
TIE_WORDS: dict[str, tuple[str, str]] = {
    "post": ("holds a post in", "يشغل منصبًا في"),
    "team": ("member of the team", "عضو في الفريق"),
    "office": ("office speaking for its head", "مكتب يتحدث باسم رئيسه"),
}

#: Dash pattern of an edge whose every event shown is a plan, not a contact.
PLANNED_DASHES = (8, 6)

_UNKNOWN_KIND = KindStyle("#8c8c8c")


def node_style(kind: str) -> NodeStyle:
    """The style of a node type (``"other"`` for a type the page does not know).

    Examples
    --------
    >>> node_style("country").color
    '#59a14f'
    >>> node_style("no-such-type").label
    'other'
    """
    return NODE_STYLES.get(kind, NODE_STYLES["other"])


def kind_style(kind: str) -> KindStyle:
    """The style of a contact kind; unknown kinds are drawn grey.

    Examples
    --------
    >>> kind_style("talks").color
    '#9467bd'
    >>> kind_style("telepathy").color
    '#8c8c8c'
    """
    return KIND_STYLES.get(kind, _UNKNOWN_KIND)
