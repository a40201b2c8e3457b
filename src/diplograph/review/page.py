"""The review page's HTML: one self-contained file, its data as escaped JSON, its script writing text only.

Examples
--------
>>> html = render_review({"title": "<b>x</b>", "language": "en", "segments": [], "cards": [], "counts": {},
...                       "to_review": 0, "path": "d.yaml", "published": "2025-01-01T00:00:00", "text_path": "a"})
>>> "<b>x</b>" in html, "&lt;b&gt;x&lt;/b&gt;" in html
(False, True)
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from .. import __version__
from ..view.render import script_json

__all__ = ["render_review"]


@cache
def _asset(name: str) -> str:
    return resources.files("diplograph.review").joinpath("templates", name).read_text(encoding="utf-8")


def _inline(text: str, tag: str) -> Markup:
    if f"</{tag}" in text.lower():
        raise ValueError(f"an inlined {tag} contains '</{tag}' and would end its element early")
    return Markup(text)  # our own assets, checked above


def render_review(data: dict[str, Any]) -> str:
    """The review page for *data* (see :func:`diplograph.review.review_data`)."""
    env = Environment(autoescape=True)
    template = env.from_string(_asset("review.html"))
    return template.render(
        title=data["title"], language=data["language"], version=__version__,
        css=_inline(_asset("review.css"), "style"), js=_inline(_asset("review.js"), "script"),
        data=Markup(script_json(data)),
    )
