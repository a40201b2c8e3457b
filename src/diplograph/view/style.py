"""How the page draws things: colours, shapes and names of node types and contact kinds.

Examples
--------
>>> NODE_STYLES["person"].shape
'dot'
>>> KIND_STYLES["phoneCall"].label
'phone call'
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["KIND_STYLES", "NODE_STYLES", "PLANNED_DASHES", "KindStyle", "NodeStyle", "kind_style", "node_style"]


@dataclass(frozen=True)
class NodeStyle:
    """The colour, shape and legend glyph of a node type."""

    label: str
    color: str
    shape: str
    glyph: str


@dataclass(frozen=True)
class KindStyle:
    """The colour and dash pattern of an edge of one contact kind."""

    label: str
    color: str
    dashes: tuple[int, ...] = ()


#: Node types of the projection contract, in legend order.
NODE_STYLES: dict[str, NodeStyle] = {
    "person": NodeStyle("person", "#4e79a7", "dot", "●"),
    "organisation": NodeStyle("organisation", "#f28e2b", "square", "■"),
    "country": NodeStyle("country", "#59a14f", "hexagon", "⬢"),
    "group": NodeStyle("unnamed group", "#b07aa1", "triangleDown", "▼"),
    "place": NodeStyle("place", "#76b7b2", "triangle", "▲"),
    "gathering": NodeStyle("gathering", "#edc948", "diamond", "◆"),
    "contact": NodeStyle("contact", "#e15759", "star", "★"),
    "plan": NodeStyle("planned contact", "#ff9da7", "star", "☆"),
    "claim": NodeStyle("claim", "#dcc7ae", "box", "▭"),
    "other": NodeStyle("other", "#bab0ac", "dot", "●"),
}

#: Contact kinds (local names in the ontology), in legend order.
KIND_STYLES: dict[str, KindStyle] = {
    "phoneCall": KindStyle("phone call", "#1f77b4"),
    "inPersonMeeting": KindStyle("meeting", "#2ca02c"),
    "sidelinesMeeting": KindStyle("sidelines meeting", "#ff7f0e"),
    "bilateralSummit": KindStyle("summit", "#d62728"),
    "visit": KindStyle("visit", "#17becf"),
    "talks": KindStyle("talks", "#9467bd"),
    "indirectContact": KindStyle("indirect contact", "#7f7f7f", (2, 5)),
    "tie": KindStyle("institutional tie", "#bcbd22", (1, 3)),
}

#: Dash pattern of an edge whose every event is a plan, not a contact.
PLANNED_DASHES = (8, 6)

_UNKNOWN_KIND = KindStyle("other", "#8c8c8c")


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
    """The style of a contact kind; unknown kinds are drawn grey under their own name.

    Examples
    --------
    >>> kind_style("talks").color
    '#9467bd'
    >>> kind_style("telepathy").label
    'telepathy'
    """
    style = KIND_STYLES.get(kind)
    if style is None:
        return KindStyle(kind, _UNKNOWN_KIND.color)
    return style
