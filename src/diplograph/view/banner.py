"""What a reduced page tells its reader: what it shows, in English and Arabic, and how to see more.

Above the node threshold (:data:`diplograph.view.data.MAX_NODES`) the page
keeps the most central nodes (see :func:`diplograph.view.data.page_data`);
:func:`banner` turns that reduction, and the options the page was built
with (a :class:`Focus`), into the banner's sentences and a list of ways to
see more, each as the exact ``diplograph view`` command and the Python call.
Commands keep every option the page was built with and change one.

Examples
--------
>>> reduced = {"shown": 400, "total": 6655, "edges": 1234, "total_edges": 20000, "rank_by": "degree",
...            "unit": "actors", "top": "Vladimir Putin", "last_year": 2024}
>>> b = banner(reduced, Focus(graphs=("world.nt",)))
>>> b["en"]
'Showing the 400 most connected of 6,655 actors (ranked by degree), and the 1,234 of 20,000 links among them.'
>>> for hint in b["hints"]:
...     print(hint["cli"])
diplograph view --graph world.nt --around 'Vladimir Putin' --depth 1
diplograph view --graph world.nt --since 2024 --until 2024
diplograph view --graph world.nt --max-nodes 800
diplograph view --graph world.nt --all
>>> b["hints"][-1]["python"]
'kg.view(max_nodes=None)'
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, replace
from typing import Any

from .data import MAX_NODES

__all__ = ["MEASURE_NAMES", "Focus", "banner"]

#: How the banner names each ranking measure: (English, Arabic).
MEASURE_NAMES: dict[str, tuple[str, str]] = {
    "degree": ("degree", "الدرجة (عدد من تواصل معهم)"),
    "strength": ("strength: number of contacts", "عدد الاتصالات"),
    "betweenness": ("betweenness", "البينية"),
    "closeness": ("closeness", "القرب"),
    "eigenvector": ("eigenvector centrality", "مركزية المتجه الذاتي"),
    "pagerank": ("PageRank", "PageRank"),
}

_FSI, _PDI = "\u2068", "\u2069"
_FLAGS = ("indirect", "planned", "institutional")
_DEFAULTS: dict[str, Any] = {"network": "persons", "size_by": "degree", "rank_by": "degree"}


@dataclass(frozen=True)
class Focus:
    """The options a page was built with, as the user gave them.

    ``graphs`` are the graph files passed to ``--graph``; ``None`` when they
    are not known (a page built from Python), written ``--graph FILE``.
    ``store`` is the ``--store`` the graph is kept in (an Oxigraph folder or an
    endpoint, which already holds the data: the commands name it instead of
    the files).
    ``max_nodes=None`` means every node (``--all``).
    """

    network: str = "persons"
    around: str | None = None
    depth: int = 1
    since: str | None = None
    until: str | None = None
    size_by: str = "degree"
    rank_by: str = "degree"
    max_nodes: int | None = MAX_NODES
    graphs: tuple[str, ...] | None = None
    store: str | None = None
    indirect: bool = True
    planned: bool = True
    institutional: bool = True

    def command(self) -> str:
        """The ``diplograph view`` command that builds this page (the output file left out)."""
        words = ["diplograph", "view"]
        if self.store is not None:
            words += ["--store", self.store]
        elif self.graphs is None:
            words += ["--graph", "FILE"]
        for path in self.graphs or () if self.store is None else ():
            words += ["--graph", str(path)]
        if self.network != _DEFAULTS["network"]:
            words += ["--network", self.network]
        if self.around is not None:
            words += ["--around", self.around, "--depth", str(self.depth)]
        if self.since is not None:
            words += ["--since", str(self.since)]
        if self.until is not None:
            words += ["--until", str(self.until)]
        for option in ("size_by", "rank_by"):
            if getattr(self, option) != _DEFAULTS[option]:
                words += [f"--{option.replace('_', '-')}", getattr(self, option)]
        words += [f"--no-{flag}" for flag in _FLAGS if not getattr(self, flag)]
        if self.max_nodes is None:
            words.append("--all")
        elif self.max_nodes != MAX_NODES:
            words += ["--max-nodes", str(self.max_nodes)]
        return shlex.join(words)

    def python(self) -> str:
        """The Python call that builds this page from a loaded graph ``kg``."""
        args: list[str] = []
        if self.around is not None:
            args.append(repr(self.around))
            if self.depth != 1:
                args.append(f"depth={self.depth}")
        if self.network != _DEFAULTS["network"]:
            args.append(f"network={self.network!r}")
        for option in ("since", "until"):
            if getattr(self, option) is not None:
                args.append(f"{option}={str(getattr(self, option))!r}")
        for option in ("size_by", "rank_by"):
            if getattr(self, option) != _DEFAULTS[option]:
                args.append(f"{option}={getattr(self, option)!r}")
        args += [f"{flag}=False" for flag in _FLAGS if not getattr(self, flag)]
        if self.max_nodes != MAX_NODES:
            args.append(f"max_nodes={self.max_nodes!r}")
        return f"kg.view({', '.join(args)})"


def _hint(focus: Focus, en: str, ar: str) -> dict[str, str]:
    return {"en": en, "ar": ar, "cli": focus.command(), "python": focus.python()}


def banner(reduced: dict[str, Any], focus: Focus) -> dict[str, Any]:
    """The banner of a reduced page: ``en`` and ``ar`` sentences and ``hints`` (ways to see more).

    Parameters
    ----------
    reduced : dict
        ``meta["reduced"]`` of :func:`diplograph.view.data.page_data`:
        ``shown``, ``total``, ``edges``, ``total_edges``, ``rank_by``,
        ``unit`` ("actors" or "nodes"), ``top`` (the label of the most
        central actor, or None) and ``last_year`` (the latest year of a contact
        that took place, plans left out; or None).
    focus : Focus
        The options the page was built with.

    Returns
    -------
    dict
        ``en``, ``ar`` (one sentence each) and ``hints``: a list of
        ``{"en", "ar", "cli", "python"}``, the last one showing everything.
    """
    shown, total = int(reduced["shown"]), int(reduced["total"])
    edges, total_edges = int(reduced["edges"]), int(reduced["total_edges"])
    measure_en, measure_ar = MEASURE_NAMES.get(str(reduced["rank_by"]), (str(reduced["rank_by"]),) * 2)
    actors = reduced.get("unit") == "actors"
    unit_en, unit_ar = ("actors", "الفاعلين") if actors else ("nodes", "العقد")
    most = "most connected" if reduced["rank_by"] in ("degree", "strength") else "most central"
    en = (f"Showing the {shown:,} {most} of {total:,} {unit_en} (ranked by {measure_en}), "
          f"and the {edges:,} of {total_edges:,} links among them.")
    most_ar = "الأكثر اتصالًا" if reduced["rank_by"] in ("degree", "strength") else "الأكثر مركزية"
    ar = (f"تعرض هذه الصفحة {unit_ar} {most_ar} فقط: {shown:,} من أصل {total:,}، والترتيب حسب {measure_ar}، "
          f"و{edges:,} من أصل {total_edges:,} صلة بينهم.")
    hints: list[dict[str, str]] = []
    top = reduced.get("top")
    if focus.around is None and top:
        hints.append(_hint(replace(focus, around=str(top), depth=1),
                           f"one actor and those they dealt with (here the most central, {top})",
                           f"فاعل واحد ومن تواصل معهم (هنا الأكثر مركزية: {_FSI}{top}{_PDI})"))
    elif focus.around is not None and focus.depth > 1:
        hints.append(_hint(replace(focus, depth=focus.depth - 1), "fewer steps around the actor",
                           "خطوات أقل حول الفاعل"))
    year = reduced.get("last_year")
    if focus.network != "full" and focus.since is None and focus.until is None and year:
        hints.append(_hint(replace(focus, since=str(year), until=str(year)),
                           f"a time window (here {year}, the latest year)", f"فترة زمنية (هنا {year}، آخر سنة)"))
    more = min(total, shown * 2)
    if more > shown:
        hints.append(_hint(replace(focus, max_nodes=more), f"a higher threshold ({more:,} {unit_en})",
                           f"حد أعلى ({more:,})"))
    hints.append(_hint(replace(focus, max_nodes=None), f"everything ({total:,} {unit_en}; slow to draw)",
                       f"كل شيء ({total:,}؛ رسمه بطيء)"))
    return {"en": en, "ar": ar, "hints": hints}
