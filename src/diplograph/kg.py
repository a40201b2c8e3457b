"""The Python API: :class:`KnowledgeGraph` and :func:`load`.

Examples
--------
>>> import diplograph as dg
>>> kg = dg.load()
>>> kg.resolve("ترمب").label
'Donald Trump'
>>> [c.date for c in kg.contacts("Trump", "Putin")][:2]
['2017-07-07', '2017-11-11']
>>> longest = kg.gaps("White House", "Kremlin")[0]
>>> longest.start, longest.end, longest.months
('2022-02-12', '2025-02-13', 36)
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import RDF, Graph, URIRef

from .annotation.model import date_bounds
from .backends import Backend, open_store
from .backends.base import prepend_to_where
from .backends.memory import MemoryBackend
from .errors import NoAnswerError, QueryError
from .query import Rows, iter_rows, resolve_query, run_query
from .records import ActorRef, ClaimRecord, ContactRecord, Evidence, Gap, PostRecord, SourceRef, by_role
from .registry import Entity, NameIndex
from .resources import GRAPH_FILE, ONTOLOGY_FILE
from .vocab import DG, ID, local_name

if TYPE_CHECKING:
    from .network.centrality import Score
    from .network.paths import Path as NetworkPath
    from .network.rhythm import Rhythm
    from .network.structure import Brokers, Community

__all__ = ["KnowledgeGraph", "load"]

log = logging.getLogger(__name__)

_KIND_BY_TYPE = {
    "Person": "person",
    "Country": "country",
    "UnnamedGroup": "group",
    "Organization": "organisation",
    "Place": "place",
    "Gathering": "gathering",
}
_PRIORITY = ["person", "country", "group", "organisation", "gathering", "place"]


#: The path from an event to the actors with a role in it (narrows the named queries to one actor's events).
_HAS_ACTOR = f"{DG.hasRole.n3()}/{RDF.value.n3()}"


def _date_order(c: ContactRecord) -> tuple[bool, str, str]:
    return (c.date is None, c.date or "", c.iri)


def _local(iri: str | None) -> str | None:
    return None if iri is None else local_name(iri)


class KnowledgeGraph:
    """A knowledge graph of reported political contacts.

    Parameters
    ----------
    graph : rdflib.Graph or Backend
        The data, with the ontology mixed in (labels of kinds, statuses and
        CAMEO/PLOVER mappings come from it): an rdflib graph, or a store
        from :func:`diplograph.backends.open_store` (Oxigraph on disk, a
        SPARQL endpoint). Every query runs on that store.

    Examples
    --------
    >>> import diplograph as dg
    >>> kg = dg.load()
    >>> [c.by.label for c in kg.claims(by="الكرملين")][:1]
    ['The Kremlin']
    """

    def __init__(self, graph: Graph | Backend):
        self.store: Backend = MemoryBackend(graph) if isinstance(graph, Graph) else graph
        self._graph: Graph | None = None
        self._names: NameIndex | None = None
        self._contacts: list[ContactRecord] | None = None
        self._records: dict[str, ContactRecord] = {}
        self._events_of: dict[str, list[str]] = {}
        #: What layers above keep per graph (the network's events), dropped with the graph.
        self._cache: dict[str, Any] = {}

    def __repr__(self) -> str:
        if isinstance(self.store, MemoryBackend):
            return f"<KnowledgeGraph {len(self.store.graph)} triples>"
        return f"<KnowledgeGraph on {self.store.spec}>"

    @property
    def graph(self) -> Graph:
        """The data as an rdflib graph.

        For the in-memory store this is the store itself; for any other
        store it is a copy, read once on first use (costly for big stores:
        prefer :meth:`query`).
        """
        if isinstance(self.store, MemoryBackend):
            return self.store.graph
        if self._graph is None:
            log.info("copying %s into memory for a tool that needs an rdflib graph", self.store.spec)
            self._graph = self.store.to_graph()
        return self._graph

    def close(self) -> None:
        """Release the store (an Oxigraph folder can then be opened by another process)."""
        self.store.close()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- SPARQL --

    def query(self, text_or_name: str, bindings: Mapping[str, Any] | None = None, **values: Any) -> Any:
        """Run a named query, a ``.rq`` file or SPARQL text.

        Values are bound to the query's variables as RDF terms, never
        formatted into the text; an entity name can be resolved first with
        :meth:`resolve`.

        Returns
        -------
        :class:`~diplograph.query.Rows` for SELECT (``.df()`` gives a
        DataFrame), bool for ASK, a graph for CONSTRUCT/DESCRIBE.

        Examples
        --------
        >>> import diplograph as dg
        >>> kg = dg.load()
        >>> rows = kg.query("direct-contacts", a=kg.resolve("Trump"), b=kg.resolve("Putin"))
        >>> rows[0]["date"], rows[0]["kind"]
        ('2017-07-07', 'sidelines meeting')
        """
        return run_query(self.store, text_or_name, bindings, **values)

    def stream(self, text_or_name: str, bindings: Mapping[str, Any] | None = None,
               **values: Any) -> Iterator[dict[str, Any]]:
        """The rows of a SELECT query one at a time, as plain dictionaries; nothing is kept.

        For results too big to hold (every quote of a million contacts): on
        an Oxigraph store the engine produces each row as it is asked for.
        Values are bound as in :meth:`query`.

        Examples
        --------
        >>> import diplograph as dg
        >>> kg = dg.load()
        >>> sum(1 for row in kg.stream("evidence") if row["quote"])
        102
        """
        return iter_rows(self.store, text_or_name, bindings, **values)

    # -- names --

    @property
    def names(self) -> NameIndex:
        """The index of every entity by every name the graph gives it."""
        if self._names is None:
            self._names = self._build_names()
        return self._names

    def _build_names(self) -> NameIndex:
        by_entity: dict[str, dict[str, Any]] = {}
        for r in iter_rows(self.store, "entities"):
            e = by_entity.setdefault(r["entity"], {"kinds": set(), "en": None, "ar": None, "aliases": [],
                                                   "wikidata": r["wikidata"]})
            e["kinds"].add(_KIND_BY_TYPE.get(str(_local(r["type"])), "organisation"))
            if r["nameKind"] == "label" and r["nameLang"] in ("en", "ar") and e[r["nameLang"]] is None:
                e[r["nameLang"]] = r["name"]
            else:
                e["aliases"].append(r["name"])
        index = NameIndex()
        for iri, e in sorted(by_entity.items()):
            kind = next(k for k in _PRIORITY if k in e["kinds"])
            local = str(_local(iri))
            index.add(Entity(id=local, kind=kind, en=e["en"] or local, ar=e["ar"] or e["en"] or local,
                             aliases=tuple(e["aliases"]), wikidata=e["wikidata"], iri=iri))
        return index

    def resolve(self, name: str | Entity) -> Entity:
        """The entity a name refers to: any spelling, Arabic or English, its id or IRI.

        Raises
        ------
        UnknownEntityError
            With up to five near matches.

        Examples
        --------
        >>> import diplograph as dg
        >>> kg = dg.load()
        >>> kg.resolve("فيلاديمير بوتين").id, kg.resolve("Putin").id
        ('vladimir-putin', 'vladimir-putin')
        """
        if isinstance(name, Entity):
            return name
        return self.names.resolve(name)

    # -- contacts --

    def _all_contacts(self) -> list[ContactRecord]:
        if self._contacts is None:
            self._contacts = self._load_contacts()
            self._records = {c.iri: c for c in self._contacts}
        return self._contacts

    def _contacts_of(self, iris: Iterable[str]) -> list[ContactRecord]:
        """The contacts and plans in which any of *iris* has a role, in date order.

        Only their records are read (the named queries, each narrowed to
        events in which the actor has a role, so that the engine starts from
        the actor), unless every contact was read already: on a big store the
        first question about one actor costs that actor's contacts, not the
        whole graph's.
        """
        wanted = list(dict.fromkeys(iris))
        if self._contacts is not None:
            keep = set(wanted)
            return [c for c in self._contacts
                    if any(p.iri in keep for p in (*c.participants, *c.initiators, *c.intermediaries))]
        found: dict[str, ContactRecord] = {}
        for iri in wanted:
            if iri not in self._events_of:
                records = self._load_contacts(actor=iri)
                for record in records:
                    self._records.setdefault(record.iri, record)
                self._events_of[iri] = [record.iri for record in records]
            found.update((e, self._records[e]) for e in self._events_of[iri])
        return sorted(found.values(), key=_date_order)

    def _load_contacts(self, actor: str | None = None) -> list[ContactRecord]:
        """Read contact records: all of them, or those in which *actor* has a role."""
        bound: dict[str, Any] = {"actor": URIRef(actor)} if actor is not None else {}

        def narrowed(name: str, var: str) -> Iterator[dict[str, Any]]:
            if actor is None:
                return iter_rows(self.store, name)
            text, _ = resolve_query(name)
            return iter_rows(self.store, prepend_to_where(text, f"?{var} {_HAS_ACTOR} ?actor ."), **bound)

        roles: dict[str, list[tuple[str, ActorRef]]] = defaultdict(list)
        for r in narrowed("roles", "event"):
            roles[r["event"]].append((str(_local(r["roleType"])), ActorRef(r["agent"], r["label"], r["labelAr"])))
        topics: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for r in narrowed("topics", "contact"):
            topics[r["contact"]].append((r["label"], r["labelAr"] or r["label"]))
        hedges: dict[str, list[str]] = defaultdict(list)
        for r in narrowed("hedges", "subject"):
            hedges[r["subject"]].append(str(_local(r["hedge"])))
        grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in narrowed("contacts", "contact"):
            grouped[r["contact"]].append(r)
        records = []
        for iri, rows in grouped.items():
            first = rows[0]
            evidences = []
            for r in rows:
                src = SourceRef(r["source"], r["sourceTitle"] or r["source"], r["published"])
                ev = Evidence(r["quote"], r["start"], r["end"], src)
                if ev not in evidences:
                    evidences.append(ev)
            participants, initiators, intermediaries = by_role(roles.get(iri, []))
            records.append(ContactRecord(
                iri=iri, kind=str(_local(first["kind"])), date=first["date"],
                precision=str(_local(first["precision"])).replace("precision", "").lower() or "undated",
                participants=participants,
                initiators=initiators, intermediaries=intermediaries,
                place=first["placeLabel"], place_ar=first["placeLabelAr"], gathering=first["gatheringLabel"],
                topics=tuple(t for t, _ in topics.get(iri, [])), topics_ar=tuple(a for _, a in topics.get(iri, [])),
                evidence=evidences[0], source=evidences[0].source, planned=first["type"] == str(DG.PlannedContact),
                status=_local(first["status"]), duration_minutes=first["minutes"],
                duration_bound=_local(first["bound"]), duration_text=first["durationText"],
                date_expression=first["expression"], other_date=first["otherDate"],
                other_date_note=first["otherDateNote"], hedges=tuple(hedges.get(iri, [])),
                also_reported_in=tuple(evidences[1:]),
            ))
        records.sort(key=_date_order)
        return records

    def _actor_iris(self, name: str | Entity | None) -> str | None:
        if name is None:
            return None
        return self.resolve(name).iri if not isinstance(name, Entity) else name.iri

    @staticmethod
    def _window(since: str | int | date | None, until: str | int | date | None) -> tuple[date | None, date | None]:
        lo = hi = None
        if since is not None:
            lo = date_bounds(_iso(since))[0]
        if until is not None:
            hi = date_bounds(_iso(until))[1]
        if lo and hi and lo > hi:
            raise NoAnswerError(f"empty time window: since {since} is after until {until}")
        return lo, hi

    def _select(self, planned: bool, a: str | Entity | None, b: str | Entity | None,
                kinds: Iterable[str] | None, since: Any, until: Any) -> list[ContactRecord]:
        ia, ib = self._actor_iris(a), self._actor_iris(b)
        kind_set = set(kinds) if kinds is not None else None
        if kind_set is not None:
            from .annotation.model import CONTACT_KINDS

            unknown = kind_set - set(CONTACT_KINDS)
            if unknown:
                raise QueryError(f"unknown contact kind(s) {sorted(unknown)}; kinds are {', '.join(CONTACT_KINDS)}")
        lo, hi = self._window(since, until)
        out = []
        pool = self._contacts_of([ia]) if ia else self._all_contacts()
        for c in pool:
            if c.planned != planned:
                continue
            who = {p.iri for p in c.participants}
            if (ia and ia not in who) or (ib and ib not in who):
                continue
            if kind_set is not None and c.kind not in kind_set:
                continue
            if lo or hi:
                if c.date is None:
                    continue
                first, last = date_bounds(c.date)
                if (lo and first < lo) or (hi and last > hi):
                    continue
            out.append(c)
        return out

    def contacts(self, a: str | Entity | None = None, b: str | Entity | None = None, kinds: Iterable[str] | None = None,
                 since: str | int | date | None = None, until: str | int | date | None = None) -> list[ContactRecord]:
        """Contacts that took place, in date order (undated last).

        Parameters
        ----------
        a, b : str, optional
            Names of participants (any spelling); with both, contacts between them.
        kinds : iterable of str, optional
            Contact kinds to keep (``"phoneCall"``, ``"sidelinesMeeting"``, ...).
        since, until : str, int or date, optional
            A time window ("2017", "2018-07", a date); a contact is kept when
            its whole date (at its precision) lies inside.

        Examples
        --------
        >>> import diplograph as dg
        >>> kg = dg.load()
        >>> [c.date for c in kg.contacts("Trump", "Putin", kinds=["phoneCall"], since=2019)]
        ['2019-05-01', '2020-07-03', '2025-02-13']
        """
        return self._select(False, a, b, kinds, since, until)

    def planned(self, a: str | Entity | None = None, b: str | Entity | None = None,
                kinds: Iterable[str] | None = None) -> list[ContactRecord]:
        """Contacts planned, announced, agreed, offered or invited, which had not taken place.

        Examples
        --------
        >>> import diplograph as dg
        >>> sorted(p.status for p in dg.load().planned("Putin"))
        ['agreed', 'announced', 'invited', 'offered']
        """
        return self._select(True, a, b, kinds, None, None)

    def timeline(self, a: str | Entity, b: str | Entity | None = None) -> list[ContactRecord]:
        """Every contact of *a* (with *b*, if given) of every kind, plans included, in date order."""
        records = self._select(False, a, b, None, None, None) + self._select(True, a, b, None, None, None)
        return sorted(records, key=lambda c: (c.date is None, c.date or "", c.planned, c.iri))

    # -- gaps --

    def gaps(self, a: str | Entity, b: str | Entity) -> list[Gap]:
        """Gaps between consecutive direct contacts of two actors, longest first.

        *a* and *b* may be people, institutions or countries; for an
        institution or a country the contacts of whoever held its top post
        at the time count (the White House and the Kremlin stand for the US
        and Russian presidents). The numbers are those of :meth:`rhythm`
        (one implementation, :mod:`diplograph.network.rhythm`).

        Examples
        --------
        >>> import diplograph as dg
        >>> gap = dg.load().gaps("البيت الأبيض", "الكرملين")[0]
        >>> gap.start, gap.end, gap.days, gap.months
        ('2022-02-12', '2025-02-13', 1097, 36)
        """
        return self.rhythm(a, b).gaps

    def rhythm(self, a: str | Entity, b: str | Entity) -> Rhythm:
        """Contact rhythm of a pair: contacts per year, first and last contact, gaps (longest first).

        See :func:`diplograph.network.rhythm.rhythm`.

        Examples
        --------
        >>> import diplograph as dg
        >>> r = dg.load().rhythm("Biden", "Putin")
        >>> r.count, r.first, r.gaps
        (1, '2022-02-12', [])
        """
        from .network.rhythm import rhythm

        return rhythm(self, a, b)

    # -- networks --

    def network(self, network: str = "persons", *, indirect: bool = False, planned: bool = False,
                institutional: bool = False, since: str | int | date | None = None,
                until: str | int | date | None = None) -> Any:
        """The graph as a NetworkX network (``"persons"``, ``"bipartite"`` or ``"full"``).

        See :func:`diplograph.network.project` for the options and attributes.

        Examples
        --------
        >>> import diplograph as dg
        >>> G = dg.load().network(institutional=True)
        >>> G.graph["options"]["institutional"], G.number_of_edges() > 5
        (True, True)
        """
        from .network import project

        return project(self, network, indirect=indirect, planned=planned, institutional=institutional,
                       since=since, until=until)

    def _node(self, G: Any, name: str | Entity) -> str:
        from .network.paths import node_of

        return node_of(G, self.resolve(name))

    def path(self, a: str | Entity, b: str | Entity, **options: Any) -> NetworkPath:
        """The shortest path between two actors, each hop explained by its events or ties.

        Parameters
        ----------
        a, b : str
            Actor names, any spelling.
        **options
            Projection options: ``indirect``, ``planned``, ``institutional``, ``since``, ``until``.

        Raises
        ------
        UnknownEntityError
            A name no entity is known by.
        NoPathError
            No path under these options (the message names them).

        Examples
        --------
        >>> import diplograph as dg
        >>> kg = dg.load()
        >>> p = kg.path("Sullivan", "Putin", institutional=True)
        >>> [a.label for a in p.actors]
        ['Jake Sullivan', 'The White House', 'Donald Trump', 'Vladimir Putin']
        """
        return self.paths(a, b, all=False, **options)[0]

    def paths(self, a: str | Entity, b: str | Entity, *, all: bool = True, limit: int = 100,
              **options: Any) -> list[NetworkPath]:
        """Every shortest path between two actors (at most *limit*), in a stable order."""
        from .network.paths import shortest_paths

        G = self.network("persons", **options)
        return shortest_paths(G, self._node(G, a), self._node(G, b), all=all, limit=limit,
                              names=(self.resolve(a).en, self.resolve(b).en))

    def centrality(self, measure: str = "degree", top: int | None = None, *, weighted: bool = True,
                   engine: str | None = None, **options: Any) -> list[Score]:
        """Actors ranked by a centrality measure of the persons network.

        Measures: degree, strength (contacts counted), betweenness, closeness,
        eigenvector, pagerank; see :func:`diplograph.network.centrality.centrality`.
        *engine* ("igraph", the default, or "networkx") computes betweenness,
        closeness and PageRank (same scores; see :mod:`diplograph.network.engine`).

        Examples
        --------
        >>> import diplograph as dg
        >>> [s.label for s in dg.load().centrality("betweenness", top=1)]
        ['Vladimir Putin']
        """
        from .network.centrality import centrality

        return centrality(self.network("persons", **options), measure, top=top, weighted=weighted, engine=engine)

    def ego(self, name: str | Entity, depth: int = 1, **options: Any) -> Any:
        """The ego network of an actor: everyone within *depth* hops (node attribute ``distance``)."""
        from .network.structure import ego

        G = self.network("persons", **options)
        return ego(G, self._node(G, name), depth)

    def brokers(self, **options: Any) -> Brokers:
        """Articulation points and bridges of the persons network."""
        from .network.structure import brokers

        return brokers(self.network("persons", **options))

    def communities(self, algorithm: str = "greedy-modularity", *, seed: int = 0, **options: Any) -> list[Community]:
        """Communities of the persons network (see :func:`diplograph.network.structure.communities`)."""
        from .network.structure import communities

        return communities(self.network("persons", **options), algorithm=algorithm, seed=seed)

    def export(self, path: str | Path, format: str | None = None, network: str = "persons",
               **options: Any) -> Path:
        """Write the network or the contacts to *path* (graphml, gexf, csv or plover json), atomically.

        See :func:`diplograph.network.export.export`.
        """
        from .network.export import export

        return export(self, path, format=format, network=network, **options)

    # -- claims, posts, evidence --

    def claims(self, by: str | Entity | None = None) -> list[ClaimRecord]:
        """Claims, optionally only those attributed to *by* (exactly that speaker).

        The Kremlin's statements and Putin's own words are separate speakers.

        Examples
        --------
        >>> import diplograph as dg
        >>> kg = dg.load()
        >>> len(kg.claims(by="Kremlin")), len(kg.claims(by="Trump"))
        (5, 5)
        """
        binding = {"by": URIRef(self.resolve(by).iri)} if by is not None else {}
        hedges: dict[str, list[str]] = defaultdict(list)
        for r in run_query(self.store, "hedges"):
            hedges[r["subject"]].append(str(_local(r["hedge"])))
        out = []
        for r in run_query(self.store, "claims", binding):
            src = SourceRef(r["source"], r["sourceTitle"] or r["source"], "")
            out.append(ClaimRecord(
                iri=r["claim"], by=ActorRef(r["by"], r["byLabel"], r["byLabelAr"]), text=r["statement"],
                medium=str(_local(r["medium"])), stated=r["stated"],
                evidence=Evidence(r["quote"], r["start"], r["end"], src), source=src,
                supports=tuple(sorted(r["supports"].split())) if r["supports"] else (),
                hedges=tuple(hedges.get(r["claim"], [])),
            ))
        return out

    def posts(self, who: str | Entity | None = None) -> list[PostRecord]:
        """Posts held, optionally by one person, with their terms or attested dates."""
        binding = {"member": URIRef(self.resolve(who).iri)} if who is not None else {}
        return [
            PostRecord(iri=r["post"], holder=ActorRef(r["member"], r["memberLabel"]), role=r["roleLabel"],
                       organisation=ActorRef(r["org"], r["orgLabel"]), begin=r["begin"], end=r["end"],
                       attested=r["attested"], appointed_by=r["appointer"], quote=r["quote"])
            for r in run_query(self.store, "posts", binding)
        ]

    def evidence(self, node: str) -> list[Evidence]:
        """The quotes a contact, plan, role, post or claim rests on.

        *node* is an IRI or the local id of a contact, plan or claim
        ("trump-putin-call-2019-05-01").
        """
        iri = node if node.startswith(("http://", "https://", "urn:")) else None
        if iri is None:
            for kind in ("contact", "plan", "claim"):
                candidate = f"{ID}{kind}/{node}"
                if self.store.has_subject(candidate):
                    iri = candidate
                    break
        if iri is None:
            raise NoAnswerError(f"no contact, plan or claim with id {node!r}")
        rows = run_query(self.store, "evidence", node=URIRef(iri))
        return [Evidence(r["quote"], r["start"], r["end"], SourceRef(r["source"], r["sourceTitle"] or "",
                                                                     r["published"])) for r in rows]

    # -- page --

    def view(self, around: str | Entity | None = None, depth: int = 1, *, network: str = "persons",
             since: str | int | date | None = None, until: str | int | date | None = None,
             size_by: str = "degree", **options: Any) -> Any:
        """The interactive page of this graph (or of the part *around* an actor).

        In Jupyter the returned :class:`~diplograph.view.Page` shows inline;
        ``.save(path)`` writes it as one offline HTML file. Other keyword
        options go to :func:`diplograph.view.view`.

        Examples
        --------
        >>> import diplograph as dg
        >>> page = dg.load().view("Putin", depth=1, size_by="betweenness")
        >>> page.nodes > 1, "<iframe srcdoc=" in page._repr_html_()
        (True, True)
        """
        from .view import view

        name = around.iri if isinstance(around, Entity) else around
        return view(self, network=network, around=name, depth=depth, since=since, until=until, size_by=size_by,
                    **options)

    def describe(self, name: str | Entity) -> dict[str, Any]:
        """Everything the graph says of an entity, as one dictionary (used by ``diplograph show``)."""
        e = self.resolve(name)
        posts = self.posts(e) if e.kind == "person" else []
        return {
            "iri": e.iri, "id": e.id, "kind": e.kind, "label": e.en, "label_ar": e.ar,
            "aliases": list(e.aliases), "wikidata": e.wikidata,
            "posts": [p.as_dict() for p in posts],
            "contacts": [c.as_dict() for c in self.contacts(e)],
            "planned": [c.as_dict() for c in self.planned(e)],
            "claims": [c.as_dict() for c in self.claims(by=e)],
        }


def _iso(value: str | int | date) -> str:
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    try:
        date_bounds(text)
    except (KeyError, ValueError):
        raise QueryError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return text


def load(*paths: str | Path, ontology: bool = True, store: str | Backend = "memory",
         **options: Any) -> KnowledgeGraph:
    """Load a knowledge graph.

    Parameters
    ----------
    *paths : str or Path
        Graph files (Turtle, N-Triples, N-Quads, TriG, JSON-LD). With none,
        the built graph of the seed article (but see *store*).
    ontology : bool
        Mix in the ontology (labels of kinds and statuses, CAMEO/PLOVER)
        when loading files.
    store : str or Backend
        Where the graph is kept: ``"memory"`` (default), ``"oxigraph:PATH"``
        (on disk; files given here replace its data atomically, and with no
        files an existing store is opened as it is, an empty one gets the
        seed graph), or ``"sparql:URL"`` (a SPARQL 1.1 endpoint; files given
        here replace its named graph, with none it is queried as it is).
    **options
        For the store (see :func:`diplograph.backends.open_store`), such as
        ``graph="https://..."`` or ``update_url=...`` for an endpoint.

    Raises
    ------
    StoreError
        A file is missing or does not parse (a store keeps its previous
        data), or the store cannot be opened.

    Examples
    --------
    >>> import diplograph as dg
    >>> kg = dg.load()
    >>> len(kg.contacts()) >= 10
    True
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> on_disk = dg.load(store=f"oxigraph:{folder}")
    >>> [c.date for c in on_disk.contacts("Trump", "Putin")][:2]
    ['2017-07-07', '2017-11-11']
    >>> on_disk.close()
    """
    backend = open_store(store, **options)
    files = [Path(p) for p in paths]
    if not files and (isinstance(backend, MemoryBackend)
                      or (backend.spec.startswith("oxigraph:") and not _has_data(backend))):
        files = [GRAPH_FILE]
    if files:
        if ontology:
            files.append(ONTOLOGY_FILE)
        backend.load(files)
        log.debug("loaded %s into %s", ", ".join(map(str, files)), backend.spec)
    return KnowledgeGraph(backend)


def _has_data(backend: Backend) -> bool:
    return bool(backend.execute("ASK { ?s ?p ?o }").boolean)


_ = Rows  # re-exported for typing users
