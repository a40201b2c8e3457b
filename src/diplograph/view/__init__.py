"""The interactive page: one self-contained HTML file of a network projection, or of a timeline.

:func:`view` projects a contact source (``kg.source``; see ``diplograph.network.project``),
optionally around one actor, and renders it; :func:`render` renders any
projection; ``view(source, timeline=("Trump", "Putin"))`` draws the timeline
of an actor or a pair alone. The page works with no network at all, escapes
every string from the sources, lays Arabic out right to left, keeps every
label it draws legible, and stays usable on large graphs (see
:mod:`diplograph.view.data` for the thresholds).

Examples
--------
>>> import diplograph as dg
>>> page = view(dg.load().source, around="Putin", depth=1)
>>> page.nodes >= 2, page.html.startswith("<!DOCTYPE html>"), "https://cdn" in page.html
(True, True, False)
"""

from __future__ import annotations

import html
import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..atomic import write_atomic
from ..bulk import paused
from ..errors import InvalidArgumentError, NoAnswerError
from ..network import project as network_project
from ..network.projection import near
from ..network.structure import ego
from .banner import Focus, banner
from .data import MAX_NODES, SIZE_MEASURES, drawn, legend, page_data
from .render import render_page
from .timeline import timeline_data

if TYPE_CHECKING:
    from ..contacts import ContactSource

__all__ = ["MAX_NODES", "SIZE_MEASURES", "Focus", "Page", "neighbourhood", "project", "render", "timeline_page",
           "view"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Page:
    """A rendered page: its HTML and what it shows.

    In Jupyter the page displays inline (an ``<iframe>`` whose ``srcdoc`` is
    the whole page, sandboxed to scripts only).
    """

    html: str
    nodes: int
    edges: int
    total_nodes: int
    total_edges: int
    notice: str | None = None
    height: int = 720
    reduced: dict[str, Any] | None = None
    events: int | None = None

    def save(self, path: str | Path) -> Path:
        """Write the page to *path* atomically; return the path."""
        p = Path(path)
        write_atomic(p, self.html.encode("utf-8"))
        log.info("wrote %s (%d nodes, %d edges)", p, self.nodes, self.edges)
        return p

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" sandbox="allow-scripts" '
                f'style="width:100%;height:{self.height}px;border:1px solid #ddd" '
                'title="diplograph network"></iframe>')

    def __repr__(self) -> str:
        if not self.nodes and self.events:
            return f"<Page timeline of {self.events} contacts and plans>"
        return f"<Page {self.nodes} nodes, {self.edges} edges>"


def project(source: ContactSource, network: str = "persons", *, indirect: bool = True, planned: bool = True,
            institutional: bool = True, since: Any = None, until: Any = None,
            among: Collection[str] | None = None) -> Any:
    """The projection the page draws: :func:`diplograph.network.project`.

    The page shows indirect and planned contacts and institutional ties by
    default (each filterable on the page). The full graph takes no filters:
    asking for a time window on it is an error. *among*: the persons
    network between those actors only.
    """
    if network == "full":
        extra = {k: v for k, v in (("since", since), ("until", until)) if v is not None}
        return network_project(source, "full", **extra)
    return network_project(source, network, indirect=indirect, planned=planned, institutional=institutional,
                           since=since, until=until, among=among)


def neighbourhood(graph: Any, source: ContactSource, around: str, depth: int = 1) -> Any:
    """The part of *graph* within *depth* steps of the actor named *around* (any spelling).

    On the full graph the steps go through the nodes the page draws
    (actors, places, gatherings, contacts, plans, claims), not through
    evidence, roles or ontology classes, which would join everything.

    Raises
    ------
    UnknownEntityError
        No entity has that name.
    InvalidArgumentError
        A depth below 1.
    NoAnswerError
        The entity is not in this network.
    """
    entity = source.names.resolve(around)
    if depth < 1:
        raise InvalidArgumentError(f"--depth must be 1 or more, got {depth}")
    g = drawn(graph)
    if entity.iri not in g:
        raise NoAnswerError(f"{entity.en} ({entity.ar}) is not in this network (no contacts in the window chosen)")
    part = ego(g, entity.iri, depth)
    part.graph.setdefault("options", graph.graph.get("options", {}))
    return part


@paused()
def render(graph: Any, source: ContactSource | None = None, *, size_by: str = "degree", rank_by: str = "degree",
           max_nodes: int | None = MAX_NODES, title: str = "diplograph", height: int = 720,
           focus: Focus | None = None) -> Page:
    """Render a projection (any graph following the projection contract) as a :class:`Page`.

    Above *max_nodes* nodes (``None``: no limit) the page keeps those ranked
    highest by *rank_by* and its banner says so, in English and Arabic, with
    the commands and Python calls that show more; *focus* names the options
    the page was built with, so that those commands repeat them.
    """
    data = page_data(graph, source, size_by=size_by, rank_by=rank_by, max_nodes=max_nodes, title=title)
    meta = data["meta"]
    notice = meta["notice"]
    if meta["reduced"] is not None:
        if focus is None:
            focus = Focus(network=str(meta.get("network") or "persons"), size_by=size_by, rank_by=rank_by,
                          max_nodes=max_nodes)
        meta["banner"] = banner(meta["reduced"], focus)
        more = "; ".join(h["cli"] for h in meta["banner"]["hints"])
        notice = " ".join(x for x in (notice, meta["banner"]["en"], f"To see more: {more}.") if x)
    return Page(render_page(data), meta["nodes"], meta["edges"], meta["total_nodes"], meta["total_edges"],
                notice, height, meta["reduced"], len(data["events"]))


@paused()
def timeline_page(source: ContactSource, a: str, b: str | None = None, *, title: str | None = None,
                  height: int = 720) -> Page:
    """The timeline of *a* (with *b*) alone: every contact and plan, kinds, precisions and the gaps of ``kg.gaps``.

    Raises
    ------
    UnknownEntityError
        A name no entity is known by (with near matches).
    NoAnswerError
        No contact or plan of the actor or the pair in the graph.

    Examples
    --------
    >>> import diplograph as dg
    >>> page = timeline_page(dg.load().source, "Trump", "Putin")
    >>> page.nodes, page.events, "vis-timeline" in page.html
    (0, 10, True)
    """
    data = timeline_data(source, a, b)
    meta = data["meta"]
    years = sorted(e["year"] for e in data["events"].values() if e["year"] is not None)
    meta.update(mode="timeline", title=title or meta["title"], network=None, nodes=0, edges=0,
                years=[years[0], years[-1]] if years else None, gaps_source=True, notice=None, reduced=None,
                size_by="degree", seed=0)
    data.update(nodes=[], edges=[], claims={}, legend=legend())
    return Page(render_page(data), 0, 0, 0, 0, None, height, None, len(data["events"]))


@paused()
def view(source: ContactSource, *, network: str = "persons", around: str | None = None, depth: int = 1,
         since: Any = None, until: Any = None, indirect: bool = True, planned: bool = True,
         institutional: bool = True, size_by: str = "degree", rank_by: str = "degree",
         max_nodes: int | None = MAX_NODES, title: str | None = None, height: int = 720,
         graphs: Sequence[str | Path] | None = None, timeline: str | Sequence[str] | None = None) -> Page:
    """The interactive page of *kg*.

    Parameters
    ----------
    source : ContactSource
        What to draw (``kg.source``).
    network : {"persons", "bipartite", "full"}
        Actors joined by their contacts; actors and events; or the whole graph.
    around, depth : str, int
        Only what lies within *depth* steps of this actor (any spelling).
    since, until : str, int or date
        A time window passed to the projection.
    indirect, planned, institutional : bool
        Include indirect contacts, planned contacts (drawn dashed), institutional ties.
    size_by : str
        Centrality behind node sizes: one of :data:`SIZE_MEASURES`.
    rank_by : str
        Above *max_nodes*, the centrality that picks the nodes drawn.
    max_nodes : int or None
        The node threshold (default :data:`MAX_NODES`): a larger network is
        drawn reduced to its *max_nodes* most central nodes, and the page says
        so and how to see more. ``None`` draws everything (the ``--all`` option).
    title : str, optional
        The heading; by default it names the network and the options.
    graphs : list of paths, optional
        The graph files *kg* was loaded from, named in the commands the page
        suggests (``--graph FILE`` when not given).
    timeline : str or pair of str, optional
        Draw the timeline of this actor (or of this pair) alone instead of a
        network (see :func:`timeline_page`); no other option goes with it.

    Raises
    ------
    NoAnswerError
        Nothing to draw: no contact or tie under these options (an empty
        time window), or *around* takes part in none.

    Examples
    --------
    >>> import diplograph as dg
    >>> page = view(dg.load().source, max_nodes=5)
    >>> page.nodes, page.total_nodes > 5, page.reduced["rank_by"]
    (5, True, 'degree')
    >>> "diplograph view --graph FILE --all" in page.notice
    True
    """
    if timeline is not None:
        if since is not None or until is not None:
            raise InvalidArgumentError("a timeline shows every date of the actor or pair: it takes no --since or "
                                       "--until (its year sliders narrow it on the page)")
        return _timeline(source, timeline, around=around, network=network, title=title, height=height)
    among = None
    if around is not None and network == "persons":
        among = near(source, source.names.resolve(around).iri, depth)
    graph = project(source, network, indirect=indirect, planned=planned, institutional=institutional,
                    since=since, until=until, among=among)
    if among is not None and graph.number_of_edges() == 0:  # say what the whole network says
        graph = project(source, network, indirect=indirect, planned=planned, institutional=institutional,
                        since=since, until=until)
    if graph.number_of_edges() == 0:  # a page of isolated dots would look like an answer
        window = f" between {since or '…'} and {until or '…'}" if since is not None or until is not None else ""
        raise NoAnswerError(f"no contact or tie{window} under these options: the page would be empty")
    if around is not None:
        graph = neighbourhood(graph, source, around, depth)
    if title is None:
        parts = [f"diplograph — {network} network"]
        if around is not None:
            parts.append(f"around {source.names.resolve(around).en} (depth {depth})")
        if since is not None or until is not None:
            parts.append(f"{since or '…'}–{until or '…'}")
        title = ", ".join(parts)
    focus = Focus(network=network, around=around, depth=depth, since=None if since is None else str(since),
                  until=None if until is None else str(until), size_by=size_by, rank_by=rank_by,
                  max_nodes=max_nodes, graphs=None if graphs is None else tuple(str(p) for p in graphs),
                  store=source.spec if source.spec != "memory" else None,
                  indirect=indirect, planned=planned, institutional=institutional)
    return render(graph, source, size_by=size_by, rank_by=rank_by, max_nodes=max_nodes, title=title, height=height,
                  focus=focus)


def _timeline(source: ContactSource, names: str | Sequence[str], *, around: str | None, network: str,
              title: str | None, height: int) -> Page:
    who = [names] if isinstance(names, str) else [str(n) for n in names]
    if not 1 <= len(who) <= 2:
        raise InvalidArgumentError(f"a timeline is of one actor or a pair, got {len(who)} names: {who!r}")
    if around is not None or network != "persons":
        raise InvalidArgumentError("a timeline is drawn alone: it takes no --around or --network")
    return timeline_page(source, who[0], who[1] if len(who) == 2 else None, title=title, height=height)
