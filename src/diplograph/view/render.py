"""Render page data to one self-contained HTML file.

The network is built with pyvis (``net.nodes``/``net.edges`` set directly:
``add_node`` scans every node on each call) and rendered through the
project's own template, which inlines the vis-network script and style sheet
shipped inside the pyvis wheel. Nothing is loaded from the network: a
Content-Security-Policy forbids it. Data reaches the page only as JSON in a
``<script type="application/json">`` element with ``<``, ``>`` and ``&``
escaped, so no string from a source can close the element.

Examples
--------
>>> script_json({"quote": "</script><script>alert(2)</script>"})
'{"quote":"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(2)\\\\u003c/script\\\\u003e"}'
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from .._version import __version__

__all__ = ["VIS_VERSION", "render_page", "script_json", "vis_options"]

#: The vis-network build inlined into every page (shipped with pyvis 0.3.2).
VIS_VERSION = "9.1.2"


def script_json(value: Any) -> str:
    """*value* as JSON safe inside an HTML ``<script>`` element.

    ``<``, ``>``, ``&`` and the JavaScript line separators are written as
    ``\\u003c``-style escapes, which JSON.parse reads back unchanged.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                    ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


@cache
def _asset(package: str, *parts: str) -> str:
    return resources.files(package).joinpath(*parts).read_text(encoding="utf-8")


def _inline(text: str, tag: str) -> Markup:
    if f"</{tag}" in text.lower():
        raise ValueError(f"an inlined {tag} contains '</{tag}' and would end its element early")
    return Markup(text)  # checked above; our own assets and pyvis's bundled library


def vis_options(meta: dict[str, Any]) -> dict[str, Any]:
    """vis-network options: physics that settles then stops (fixed seed), or none when positions are given."""
    physics = bool(meta.get("physics"))
    iterations = 1000 if int(meta.get("nodes") or 0) <= 100 else 300  # a few hundred nodes: settle sooner
    return {
        "layout": {"randomSeed": meta.get("seed", 7), "improvedLayout": physics},
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -9000, "springLength": 190, "springConstant": 0.03,
                          "damping": 0.2, "avoidOverlap": 0.4},
            "stabilization": {"enabled": physics, "iterations": iterations, "updateInterval": 50, "fit": True},
            "minVelocity": 0.75,
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": not physics, "multiselect": True},
        "edges": {"smooth": {"enabled": physics, "type": "continuous", "roundness": 0.3},
                  "font": {"align": "middle", "size": 10, "color": "#555555", "strokeWidth": 3,
                           "strokeColor": "#ffffff"},
                  "selectionWidth": 2},
        "nodes": {"borderWidth": 1, "font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff",
                                              "face": "DejaVu Sans, Noto Sans Arabic, Arial, sans-serif"}},
    }


def render_page(data: dict[str, Any]) -> str:
    """The HTML page for *data* (from :func:`diplograph.view.data.page_data`)."""
    from pyvis.network import Network

    net = Network(height="100%", width="100%", directed=False, notebook=False, cdn_resources="remote")
    net.nodes = data["nodes"]
    net.edges = data["edges"]
    net.options = vis_options(data["meta"])
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    payload = dict(data, nodes=nodes, edges=edges, options=json.loads(options))
    env = Environment(autoescape=True, keep_trailing_newline=True)
    template = env.from_string(_asset("diplograph.view", "templates", "page.html"))
    return template.render(
        title=str(data["meta"].get("title") or "diplograph"),
        size_by=str(data["meta"].get("size_by") or ""),
        version=__version__,
        data_json=Markup(script_json(payload)),  # no '<' left in it
        vis_css=_inline(_asset("pyvis", "templates", "lib", f"vis-{VIS_VERSION}", "vis-network.css"), "style"),
        vis_js=_inline(_asset("pyvis", "templates", "lib", f"vis-{VIS_VERSION}", "vis-network.min.js"), "script"),
        page_css=_inline(_asset("diplograph.view", "templates", "page.css"), "style"),
        page_js=_inline(_asset("diplograph.view", "templates", "page.js"), "script"),
    )
