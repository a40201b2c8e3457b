"""Render page data to one self-contained HTML file.

The page is drawn by vis-network and vis-timeline, vendored in
``diplograph/view/vendor/`` with their licences and a ``VERSION`` file each
(``scripts/vendor-vis.sh`` refreshes them from the npm registry), and inlined
into every page with the project's own template, style sheet and scripts.
Nothing is loaded from the network: a Content-Security-Policy forbids it.
Data reaches the page only as JSON in a ``<script type="application/json">``
element with ``<``, ``>`` and ``&`` escaped, so no string from a source can
close the element.

The helpers that make a page safe are public, for any page of the project:
:data:`CONTENT_SECURITY_POLICY`, :func:`script_json` and :func:`inline`.

Examples
--------
>>> script_json({"quote": "</script><script>alert(2)</script>"})
'{"quote":"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(2)\\\\u003c/script\\\\u003e"}'
>>> VIS_NETWORK.name, VIS_NETWORK.version == VIS_NETWORK.script.split("@version ", 1)[1].split()[0]
('vis-network', True)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import orjson
from jinja2 import Environment
from markupsafe import Markup

from .._version import __version__

__all__ = ["CONTENT_SECURITY_POLICY", "VIS_NETWORK", "VIS_TIMELINE", "Vendored", "inline", "render_page",
           "script_json", "vis_options"]

#: The policy of every page: inline scripts and styles only; no request of any kind leaves the file.
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                           "img-src data: blob:; font-src data:; connect-src 'none'; base-uri 'none'; "
                           "form-action 'none'")


@dataclass(frozen=True)
class Vendored:
    """A vendored front-end library: its name, version, npm integrity, and its script."""

    name: str
    version: str
    integrity: str
    file: str

    @property
    def script(self) -> str:
        return _asset("diplograph.view", "vendor", self.name, self.file)

    @classmethod
    def read(cls, name: str, file: str) -> Vendored:
        lines = _asset("diplograph.view", "vendor", name, "VERSION").split()
        return cls(lines[0], lines[1], lines[2], file)


#: What could end a ``<script>`` element or a JavaScript line, as the JSON escapes JSON.parse reads back.
_SCRIPT_ESCAPES = ((b"<", b"\\u003c"), (b">", b"\\u003e"), (b"&", b"\\u0026"),
                   ("\u2028".encode(), b"\\u2028"), ("\u2029".encode(), b"\\u2029"))


def script_json(value: Any) -> str:
    """*value* as JSON safe inside an HTML ``<script>`` element.

    ``<``, ``>``, ``&`` and the JavaScript line separators are written as
    ``\\u003c``-style escapes, which JSON.parse reads back unchanged.
    Written by orjson (a page's data runs to tens of megabytes), which
    writes a number that is not finite as ``null``: the builders of page
    data check the numbers they compute (:func:`diplograph.view.data.finite`).
    """
    data = orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS)
    for raw, esc in _SCRIPT_ESCAPES:
        data = data.replace(raw, esc)
    return data.decode("utf-8")


@cache
def _asset(package: str, *parts: str) -> str:
    return resources.files(package).joinpath(*parts).read_text(encoding="utf-8")


def inline(text: str, tag: str) -> Markup:
    """*text* (a script or style sheet of the project's own) ready to inline in a ``<script>`` or ``<style>``.

    Raises
    ------
    ValueError
        The text holds ``</tag``, which would end the element early.
    """
    if f"</{tag}" in text.lower():
        raise ValueError(f"an inlined {tag} contains '</{tag}' and would end its element early")
    return Markup(text)  # checked above; our own and vendored assets only


VIS_NETWORK = Vendored.read("vis-network", "vis-network.min.js")
VIS_TIMELINE = Vendored.read("vis-timeline", "vis-timeline-graph2d.min.js")


def vis_options(meta: dict[str, Any]) -> dict[str, Any]:
    """vis-network options: positions come with the data (physics off), straight edges, labels drawn by the page."""
    big = int(meta.get("nodes") or 0) > 1000
    return {
        "autoResize": True,
        "layout": {"randomSeed": meta.get("seed", 7), "improvedLayout": False},
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 200, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "multiselect": True, "navigationButtons": False, "keyboard": False},
        "edges": {"smooth": False, "selectionWidth": 2.5, "hoverWidth": 1.5, "color": {"inherit": False}},
        "nodes": {"borderWidth": 1.5, "borderWidthSelected": 3.5},
    }


def render_page(data: dict[str, Any]) -> str:
    """The HTML page for *data* (from :func:`diplograph.view.data.page_data` or a timeline's data)."""
    meta = data["meta"]
    network = meta.get("mode", "network") == "network"
    payload = dict(data, options=vis_options(meta))
    env = Environment(autoescape=True, keep_trailing_newline=True)
    template = env.from_string(_asset("diplograph.view", "templates", "page.html"))
    scripts = [VIS_TIMELINE.script] + ([VIS_NETWORK.script] if network else [])
    scripts += [_asset("diplograph.view", "templates", name) for name in ("labels.js", "timeline.js", "page.js")]
    return template.render(
        title=str(meta.get("title") or "diplograph"), mode="network" if network else "timeline",
        version=__version__, csp=Markup(CONTENT_SECURITY_POLICY),  # our constant: no quote or '<' in it
        vendored=[VIS_TIMELINE, VIS_NETWORK] if network else [VIS_TIMELINE],
        data_json=Markup(script_json(payload)),  # no '<' left in it
        page_css=inline(_asset("diplograph.view", "templates", "page.css"), "style"),
        scripts=[inline(s, "script") for s in scripts],
    )
