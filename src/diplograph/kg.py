"""The Python API: :class:`KnowledgeGraph` and :func:`load`.

A knowledge graph is a store (:mod:`diplograph.backends`) and the contact
source read from it (:mod:`diplograph.contacts`); each method asks one
question of them through the module that owns it.

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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Unpack, overload

import networkx as nx
from rdflib import Graph

from . import contacts as _contacts
from .backends import Backend, open_store
from .backends.memory import MemoryBackend
from .bundled import GRAPH_FILE, ONTOLOGY_FILE
from .contacts import StoreContacts
from .dates import DateLike
from .errors import InvalidArgumentError, StoreNotFoundError
from .index import IndexContacts, check_index_setting, contact_source, load_indexed, open_index
from .index.tables import index_table
from .network import centrality as _centrality
from .network import export as _export
from .network import paths as _paths
from .network import structure as _structure
from .network.centrality import CentralityScore
from .network.paths import Path as NetworkPath
from .network.projection import NetworkOptions, near, project
from .network.rhythm import Rhythm, rhythm
from .network.structure import Brokers, Community
from .query import Rows, SelectQueryName, iter_rows, run_query
from .records import ClaimRecord, ContactRecord, Evidence, Gap, PostRecord
from .registry import Entity, NameIndex
from .view import Page
from .view import view as _view

__all__ = ["KnowledgeGraph", "load"]

log = logging.getLogger(__name__)


class KnowledgeGraph:
    """A knowledge graph of reported political contacts.

    Parameters
    ----------
    graph : rdflib.Graph or Backend
        The data, with the ontology mixed in (labels of kinds, statuses and
        CAMEO/PLOVER mappings come from it): an rdflib graph (copied into
        the in-memory store), or a store from
        :func:`diplograph.backends.open_store` (in memory, Oxigraph on disk,
        a SPARQL endpoint). Every query runs on that store.
    index : bool or "auto"
        Answer from the contact index: ``"auto"`` (default) for an Oxigraph
        store on disk (its index is kept in its folder, rebuilt when it no
        longer matches), True for any store, False never.

    Attributes
    ----------
    store : Backend
        Where the data is kept and queried.
    source : StoreContacts or IndexContacts
        The contacts, ties, claims and names (the
        :class:`~diplograph.contacts.ContactSource` that networks and pages
        are drawn from): read from the store's contact index
        (:mod:`diplograph.index`) or with the store's named queries.

    Examples
    --------
    >>> import diplograph as dg
    >>> kg = dg.load()
    >>> [c.by.label for c in kg.claims(by="الكرملين")][:1]
    ['The Kremlin']
    """

    def __init__(self, graph: Graph | Backend, *, index: bool | str = "auto"):
        self.store: Backend = MemoryBackend(graph) if isinstance(graph, Graph) else graph
        self.source: StoreContacts | IndexContacts = contact_source(self.store, index)
        self._index: IndexContacts | None = self.source if isinstance(self.source, IndexContacts) else None
        self._graph: Graph | None = None

    def __repr__(self) -> str:
        return f"<KnowledgeGraph on {self.store.spec}>"

    @property
    def graph(self) -> Graph:
        """The data as an rdflib graph: a copy, made on first use (costly for big stores: prefer :meth:`query`)."""
        if self._graph is None:
            log.info("copying %s into an rdflib graph", self.store.spec)
            self._graph = self.store.to_graph()
        return self._graph

    def close(self) -> None:
        """Release the store and its index (an Oxigraph folder can then be opened by another process)."""
        if self._index is not None:
            self._index.close()
        self.store.close()

    def table(self, name: str, *, kind: str = "arrow") -> Any:
        """A table of the contact index (see :mod:`diplograph.index.schema`) as an Arrow table or a DataFrame.

        *kind* is ``"arrow"`` (a :class:`pyarrow.Table`), ``"pandas"`` or
        ``"polars"``. A graph answered from its store gets an index in memory
        for this.

        Raises
        ------
        InvalidArgumentError
            An unknown table or kind (with near matches).
        ImportError
            pandas or polars is not installed (naming the pip extra).

        Examples
        --------
        >>> import diplograph as dg
        >>> roles = dg.load().table("roles")
        >>> sorted(set(roles.column("role_type").to_pylist()))[:2]
        ['initiatorRole', 'intermediaryRole']
        """
        return index_table(self.index, name, kind=kind)

    @property
    def index(self) -> IndexContacts:
        """The contact index (:mod:`diplograph.index`): the one questions go to, or one built in memory now."""
        if self._index is None:
            self._index = open_index(self.store)
        return self._index

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- SPARQL --

    @overload
    def query(self, text_or_name: SelectQueryName, bindings: Mapping[str, Any] | None = None,
              **values: Any) -> Rows: ...

    @overload
    def query(self, text_or_name: str, bindings: Mapping[str, Any] | None = None,
              **values: Any) -> Rows | bool | Graph: ...

    def query(self, text_or_name: str, bindings: Mapping[str, Any] | None = None,
              **values: Any) -> Rows | bool | Graph:
        """Run a named query, a ``.rq`` file or SPARQL text.

        Values are bound to the query's variables as RDF terms, never
        formatted into the text, as each variable declares it takes them
        (``# Bind: ?a entity`` in the query; see :mod:`diplograph.bindings`):
        a name given for an entity is resolved (any spelling, Arabic or
        English), and an unknown one raises :class:`UnknownEntityError`
        with near matches.

        Returns
        -------
        :class:`~diplograph.query.Rows` for SELECT (``.df()`` gives a
        DataFrame), bool for ASK, a graph for CONSTRUCT/DESCRIBE. Every
        named query is a SELECT.

        Examples
        --------
        >>> import diplograph as dg
        >>> kg = dg.load()
        >>> rows = kg.query("direct-contacts", a="Trump", b="بوتين")
        >>> rows[0]["date"], rows[0]["kind"]
        ('2017-07-07', 'sidelines meeting')
        >>> kg.query("direct-contacts", a="Trmp")
        Traceback (most recent call last):
        ...
        diplograph.errors.UnknownEntityError: ?a: unknown entity 'Trmp'; did you mean 'Trump'?
        """
        return run_query(self.store, text_or_name, bindings, resolve=self._iri_of, **values)

    def _iri_of(self, name: str) -> str:
        return self.resolve(name).iri

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
        return iter_rows(self.store, text_or_name, bindings, resolve=self._iri_of, **values)

    # -- names --

    @property
    def names(self) -> NameIndex:
        """The index of every entity by every name the graph gives it."""
        return self.source.names

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
        return name if isinstance(name, Entity) else self.names.resolve(name)

    # -- contacts --

    def contacts(self, a: str | Entity | None = None, b: str | Entity | None = None, kinds: Iterable[str] | None = None,
                 since: DateLike | None = None, until: DateLike | None = None) -> list[ContactRecord]:
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

        Raises
        ------
        UnknownEntityError
            A name no entity is known by.
        InvalidArgumentError
            An unknown kind, or a bound that is not a date.

        Examples
        --------
        >>> import diplograph as dg
        >>> kg = dg.load()
        >>> [c.date for c in kg.contacts("Trump", "Putin", kinds=["phoneCall"], since=2019)]
        ['2019-05-01', '2020-07-03', '2025-02-13']
        """
        return _contacts.select(self.source, planned=False, a=a, b=b, kinds=kinds, since=since, until=until)

    def planned(self, a: str | Entity | None = None, b: str | Entity | None = None,
                kinds: Iterable[str] | None = None) -> list[ContactRecord]:
        """Contacts planned, announced, agreed, offered or invited, which had not taken place.

        Examples
        --------
        >>> import diplograph as dg
        >>> sorted(p.status for p in dg.load().planned("Putin"))
        ['agreed', 'announced', 'invited', 'offered']
        """
        return _contacts.select(self.source, planned=True, a=a, b=b, kinds=kinds)

    def timeline(self, a: str | Entity, b: str | Entity | None = None) -> list[ContactRecord]:
        """Every contact of *a* (with *b*, if given) of every kind, plans included, in date order."""
        return _contacts.timeline(self.source, a, b)

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
        return rhythm(self.source, self.resolve(a), self.resolve(b))

    # -- networks --

    def network(self, network: str = "persons", **options: Unpack[NetworkOptions]) -> nx.Graph:
        """The graph as a NetworkX network (``"persons"``, ``"bipartite"`` or ``"full"``).

        See :func:`diplograph.network.project` for the options and attributes.

        Examples
        --------
        >>> import diplograph as dg
        >>> G = dg.load().network(institutional=True)
        >>> G.graph["options"]["institutional"], G.number_of_edges() > 5
        (True, True)
        """
        return project(self.source, network, **options)

    def path(self, a: str | Entity, b: str | Entity, **options: Unpack[NetworkOptions]) -> NetworkPath:
        """The shortest path between two actors, each hop explained by its events or ties, each join valid in time.

        A tie (a post, an office, a team) joins the contact or tie before it
        only where both are known to hold together (see
        :mod:`diplograph.network.paths`); ``Hop.during`` says when.

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
        >>> p = kg.path("Waltz", "Putin", institutional=True)
        >>> [a.label for a in p.actors]
        ['Mike Waltz', 'The White House (2025-02-13)', 'Donald Trump', 'Vladimir Putin']
        >>> kg.path("Sullivan", "Putin", institutional=True)  # his post is undated: it joins nothing in time
        Traceback (most recent call last):
        ...
        diplograph.errors.NoPathError: no path between 'Jake Sullivan' and 'Vladimir Putin' ...
        """
        return self.paths(a, b, all=False, **options)[0]

    def paths(self, a: str | Entity, b: str | Entity, *, all: bool = True, limit: int = 100,
              **options: Unpack[NetworkOptions]) -> list[NetworkPath]:
        """Every shortest path between two actors (at most *limit*), in a stable order."""
        ea, eb = self.resolve(a), self.resolve(b)
        G = self.network("persons", **options)
        return _paths.shortest_paths(G, _paths.node_of(G, ea), _paths.node_of(G, eb), all=all, limit=limit,
                                     names=(ea.en, eb.en))

    def centrality(self, measure: str = "degree", top: int | None = None, *, weighted: bool = True,
                   engine: str | None = None, **options: Unpack[NetworkOptions]) -> list[CentralityScore]:
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
        return _centrality.centrality(self.network("persons", **options), measure, top=top, weighted=weighted,
                                      engine=engine)

    def ego(self, name: str | Entity, depth: int = 1, **options: Unpack[NetworkOptions]) -> nx.Graph:
        """The ego network of an actor: everyone within *depth* hops (node attribute ``distance``).

        Drawn from the part of the network the actors near it make, where the
        source can tell who they are (:func:`diplograph.network.projection.near`).
        """
        entity = self.resolve(name)
        G = project(self.source, "persons", among=near(self.source, entity.iri, depth), **options)
        return _structure.ego(G, _paths.node_of(G, entity, with_edges=True), depth)  # alone, no ego network

    def brokers(self, **options: Unpack[NetworkOptions]) -> Brokers:
        """Articulation points and bridges of the persons network."""
        return _structure.brokers(self.network("persons", **options))

    def communities(self, algorithm: str = "greedy-modularity", *, seed: int = 0,
                    **options: Unpack[NetworkOptions]) -> list[Community]:
        """Communities of the persons network (see :func:`diplograph.network.structure.communities`)."""
        return _structure.communities(self.network("persons", **options), algorithm=algorithm, seed=seed)

    def export(self, path: str | Path, format: str | None = None, network: str = "persons",
               **options: Unpack[NetworkOptions]) -> Path:
        """Write the network or the contacts to *path* (graphml, gexf, csv or plover json), atomically.

        See :func:`diplograph.network.export.export`.
        """
        return _export.export(self.source, path, format=format, network=network, **options)

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
        return self.source.claims(by=None if by is None else self.resolve(by).iri)

    def posts(self, who: str | Entity | None = None) -> list[PostRecord]:
        """Posts held, optionally by one person, with their terms or attested dates."""
        return self.source.posts(who=None if who is None else self.resolve(who).iri)

    def evidence(self, node: str) -> list[Evidence]:
        """The quotes a contact, plan, role, post or claim rests on.

        *node* is an IRI or the local id of a contact, plan or claim
        ("trump-putin-call-2019-05-01").

        Raises
        ------
        NoAnswerError
            No contact, plan or claim has that id.
        """
        return self.source.evidence(node)

    # -- page --

    def view(self, around: str | Entity | None = None, depth: int = 1, *, network: str = "persons",
             since: DateLike | None = None, until: DateLike | None = None, size_by: str = "degree",
             timeline: str | Entity | tuple[str | Entity, str | Entity] | None = None, **options: Any) -> Page:
        """The interactive page of this graph (or of the part *around* an actor), or a timeline alone.

        In Jupyter the returned :class:`~diplograph.view.Page` shows inline;
        ``.save(path)`` writes it as one offline HTML file. ``timeline=A`` or
        ``timeline=(A, B)`` draws the contacts and plans of an actor or a pair
        along time, with the gaps of :meth:`gaps`. Other keyword options go to
        :func:`diplograph.view.view`.

        Examples
        --------
        >>> import diplograph as dg
        >>> kg = dg.load()
        >>> page = kg.view("Putin", depth=1, size_by="betweenness")
        >>> page.nodes > 1, "<iframe srcdoc=" in page._repr_html_()
        (True, True)
        >>> kg.view(timeline=("Trump", "Putin")).events
        10
        """
        name = around.iri if isinstance(around, Entity) else around
        if timeline is not None:
            who = [timeline] if isinstance(timeline, str | Entity) else list(timeline)
            options["timeline"] = [w.iri if isinstance(w, Entity) else w for w in who]
        return _view(self.source, network=network, around=name, depth=depth, since=since, until=until,
                     size_by=size_by, **options)

    def describe(self, name: str | Entity, *, limit: int | None = None) -> dict[str, Any]:
        """Everything the graph says of an entity, as one dictionary (used by ``diplograph show``).

        *limit*, keyword only, keeps the first *limit* contacts, plans and
        claims each; ``counts`` always says how many there are.
        """
        if limit is not None and limit < 0:
            raise InvalidArgumentError(f"limit must be 0 or more, not {limit}")
        e = self.resolve(name)
        posts = self.posts(e) if e.kind == "person" else []
        found: dict[str, Sequence[Any]] = {"contacts": self.contacts(e), "planned": self.planned(e),
                                           "claims": self.claims(by=e)}
        return {
            "iri": e.iri, "id": e.id, "kind": e.kind, "label": e.en, "label_ar": e.ar,
            "aliases": list(e.aliases), "wikidata": e.wikidata,
            "posts": [p.as_dict() for p in posts],
            **{key: [r.as_dict() for r in rows[:limit]] for key, rows in found.items()},
            "counts": {key: len(rows) for key, rows in found.items()},
        }


def load(*paths: str | Path, ontology: bool = True, store: str | Backend = "memory", create: bool = False,
         index: bool | str = "auto", **options: Any) -> KnowledgeGraph:
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
        Where the graph is kept: ``"memory"`` (default: Oxigraph in
        memory), ``"oxigraph:PATH"`` (on disk; files given here replace its
        data atomically; with none, the store at PATH is opened as it is),
        or ``"sparql:URL"`` (a SPARQL 1.1 endpoint; files given here replace
        its named graph; with none it is queried as it is).
    create : bool
        Keyword only. Without files, a store that does not exist is an
        error naming it (an Oxigraph folder that holds no store, with the
        stores beside it whose names are close; an endpoint graph that
        holds no triples): a typo never becomes a new, empty store. With
        ``create=True`` a missing Oxigraph store is made and given the seed
        graph, and an empty endpoint graph is accepted. Files given always
        create the store they are loaded into.
    index : bool or "auto"
        Keyword only. Answer the analyst's questions from the contact index
        (:mod:`diplograph.index`): ``"auto"`` for an Oxigraph store on disk,
        whose index is written next to its data at every load; True for any
        store (in memory for the others); False never.
    **options
        For the store (see :func:`diplograph.backends.open_store`):
        ``read_only=True`` for an Oxigraph store only read (no files), or
        ``graph="https://..."``, ``update_url=...`` for an endpoint.

    Raises
    ------
    StoreError
        A file is missing, refused or does not parse (a store keeps its
        previous data), or the store cannot be opened; in particular
        :class:`StoreNotFoundError`, no store at the path or graph given,
        and :class:`StoreBusyError`, another process is loading into it.

    Examples
    --------
    >>> import diplograph as dg
    >>> kg = dg.load()
    >>> len(kg.contacts()) >= 10
    True
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> dg.load(store=f"oxigraph:{folder}/smal")
    Traceback (most recent call last):
    ...
    diplograph.errors.StoreNotFoundError: no store at .../smal (no such folder); to make one there, ...
    >>> on_disk = dg.load(store=f"oxigraph:{folder}/small", create=True)
    >>> [c.date for c in on_disk.contacts("Trump", "Putin")][:2]
    ['2017-07-07', '2017-11-11']
    >>> on_disk.close()
    """
    files = [Path(p) for p in paths]
    check_index_setting(index)  # before anything is loaded
    backend = open_store(store, create=create or bool(files), **options)
    try:
        if not files and (isinstance(backend, MemoryBackend)
                          or (backend.spec.startswith("oxigraph:") and backend.data_version() is None)):
            files = [GRAPH_FILE]  # memory, or an Oxigraph store just created
        elif not files and not create and backend.spec.startswith("sparql:"):
            _require_data(backend)
        if files:
            if ontology:
                files.append(ONTOLOGY_FILE)
            if index is False:
                backend.load(files)
            else:
                load_indexed(backend, files)
            log.debug("loaded %s into %s", ", ".join(map(str, files)), backend.spec)
    except BaseException:
        backend.close()
        raise
    return KnowledgeGraph(backend, index=index)


def _require_data(backend: Backend) -> None:
    if not backend.execute("ASK { ?s ?p ?o }").boolean:
        graph = getattr(backend, "graph", None)
        where = f"the graph <{graph}>" if graph else "the default graph"
        raise StoreNotFoundError(f"{backend.spec}: {where} holds no triples (a typo in the URL or graph IRI?); "
                                 "load files into it, or pass --create (in Python: create=True) to query it empty")
