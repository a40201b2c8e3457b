"""The contact source of an index: the same answers as the store's named queries, from DuckDB tables.

:class:`IndexContacts` implements :class:`~diplograph.contacts.ContactSource`
over the tables of :mod:`diplograph.index.schema`. It builds each record with
the same functions the store's source uses (:func:`~diplograph.contacts.contact_record`,
:func:`~diplograph.contacts.summaries`, ...) from rows of the same shape, so
the two give the same records; a question about one actor reads that actor's
rows only. The evidence of a role, post or claim, and the triples of the
full network, come from the store.

Before every answer the store's content version is compared with the
index's stamp: an index that no longer matches its store is never read
(:class:`StaleIndexError`).
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import Any

import networkx as nx
from rdflib.term import Node

from ..backends import Backend
from ..backends.base import INTEGER_TYPES
from ..bulk import paused
from ..contacts import (
    EventCodes,
    StoreContacts,
    claim_record,
    contact_record,
    date_order,
    post_record,
    precision_word,
    tie_of,
)
from ..errors import StoreError, first_line
from ..records import (
    ActorRef,
    ClaimRecord,
    ContactFacts,
    ContactRecord,
    ContactSummary,
    Evidence,
    PostRecord,
    Tie,
    by_role,
)
from ..registry import Entity, NameIndex
from ..vocab import DG, local_name
from .stamp import store_version

__all__ = ["IndexContacts", "StaleIndexError"]

log = logging.getLogger(__name__)

Triple = tuple[Node, Node, Node]

_CONTACT = str(DG.Contact)
_PLANNED = str(DG.PlannedContact)
_ROLE_NS = str(DG)
#: The rows of the events a network is drawn from: each contact or plan with a quote, joined to its named roles.
_EVENT_ROWS = """contacts c JOIN roles r ON r.contact = c.iri
                 WHERE c.quote IS NOT NULL AND r.role_type IS NOT NULL AND r.label IS NOT NULL"""

#: Whoever shares a contact (any role) or an institutional tie with one of the actors $1 (a superset of the
#: neighbours of $1 in every network drawn from the index).
_CO_ACTORS = """
SELECT DISTINCT o.agent FROM roles r JOIN roles o ON o.contact = r.contact
WHERE r.agent IN (SELECT unnest($1::VARCHAR[]))
UNION SELECT org FROM ties WHERE member IN (SELECT unnest($1::VARCHAR[]))
UNION SELECT member FROM ties WHERE org IN (SELECT unnest($1::VARCHAR[]))
"""
#: Columns of a contact's rows, named as the ``contacts`` query names them.
_CONTACT_COLUMNS = """c.iri, c.planned, c.kind, c.date, c.bounds, c.precision, c.date_expression, c.other_date,
    c.other_date_note,
    c.place_label, c.place_label_ar, c.gathering_label, c.status, c.duration_minutes, c.duration_type, c.duration_bound,
    c.duration_text, e.quote, e.start, e."end", e.source, e.source_title, e.published"""
_ROW_KEYS = ("contact", "planned", "kind", "date", "bounds", "precision", "expression", "otherDate", "otherDateNote",
             "placeLabel", "placeLabelAr", "gatheringLabel", "status", "minutes", "minutesType", "bound",
             "durationText", "quote", "start", "end", "source", "sourceTitle", "published")


class StaleIndexError(StoreError):
    """The index does not match its store (the store changed, another schema, a damaged file): it is not read."""


def read_error(spec: str, exc: Exception) -> StoreError:
    """The error a failed read of the index of *spec* is reported with.

    A missing table or a file that cannot be read means a damaged index
    (:class:`StaleIndexError`, "rebuild it"); running out of memory, or any
    other failure, is not cured by a rebuild and is not reported as one.
    """
    import duckdb

    what = first_line(exc)  # DuckDB adds lines of context
    damaged = (duckdb.CatalogException, duckdb.IOException, duckdb.SerializationException)
    if isinstance(exc, damaged):
        return StaleIndexError(f"{spec}: its index cannot be read ({what}); rebuild it "
                               f"with `diplograph index --rebuild --store {spec}`")
    if isinstance(exc, duckdb.OutOfMemoryException):
        return StoreError(f"{spec}: the index ran out of memory answering this question ({what})")
    return StoreError(f"{spec}: the index could not answer this question ({what})")


class IndexContacts:
    """The contact source of an index (see :class:`~diplograph.contacts.ContactSource`).

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection
        A connection holding the index tables (a file opened read-only, or in memory).
    store : Backend
        The store the index was built from (for evidence, triples, and its version).
    stamp : str or None
        The store version the index was built from; None for a store that
        cannot tell (an endpoint): that index is read as long as this object lives.
    reopen : callable, optional
        Called with the new store version when the store moved on; returns a
        connection to an index of that version, or None (then questions raise
        :class:`StaleIndexError`).
    """

    def __init__(self, con: Any, store: Backend, stamp: str | None, *, reopen: Any = None):
        self.con = con
        self.store = store
        self.spec = store.spec
        self.stamp = stamp
        self.cache: dict[str, Any] = {}
        self._reopen = reopen
        self._lock = threading.RLock()
        self._store_source = StoreContacts(store)
        self._names: NameIndex | None = None
        self._all: list[ContactRecord] | None = None
        self._records: dict[str, ContactRecord] = {}
        self._events: list[ContactSummary] | None = None
        self._ties: list[Tie] | None = None
        self._hedges: dict[str, list[str]] | None = None

    def __repr__(self) -> str:
        return f"<IndexContacts of {self.spec}>"

    # -- reading the tables --

    def check(self) -> None:
        """Raise :class:`StaleIndexError` unless the store still holds the data the index was built from.

        A store that moved on to data whose index was written meanwhile (a
        load in another process) is followed: that index is opened instead.
        """
        if self.con is None:
            raise StoreError(f"{self.spec}: the index was closed")
        if self.stamp is None:
            return
        now = store_version(self.store)
        if now == self.stamp:
            return
        con = self._reopen(now) if self._reopen is not None else None
        if con is None:
            raise StaleIndexError(f"{self.spec}: the store changed since its index was built "
                                  f"({self.stamp} → {now}); rebuild it with `diplograph index --store {self.spec}`")
        with self._lock:
            if self.con is not None:
                self.con.close()
            self.con, self.stamp = con, now
            self._drop_cached()

    def _drop_cached(self) -> None:
        self.cache.clear()
        self._store_source = StoreContacts(self.store)
        self._names = self._all = self._events = self._ties = self._hedges = None
        self._records = {}

    def sql(self, text: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        """Rows of a SQL query over the index tables (after :meth:`check`)."""
        import duckdb

        self.check()
        with self._lock:
            try:
                rows: list[tuple[Any, ...]] = self.con.execute(text, params or []).fetchall()
            except duckdb.Error as exc:
                raise read_error(self.spec, exc) from None
        return rows

    def run(self, text: str) -> None:
        """Run a SQL statement on the index (a ``COPY`` to Parquet, say), after :meth:`check`."""
        import duckdb

        self.check()
        with self._lock:
            try:
                self.con.execute(text)
            except duckdb.Error as exc:
                raise StoreError(f"{self.spec}: {first_line(exc)}") from None

    def arrow(self, text: str, params: Sequence[Any] | None = None) -> Any:
        """A SQL query over the index tables as an Arrow table."""
        import duckdb

        self.check()
        with self._lock:
            try:
                if params:
                    return self.con.execute(text, params).to_arrow_table()
                return self.con.sql(text).to_arrow_table()
            except duckdb.Error as exc:
                raise read_error(self.spec, exc) from None

    # -- names --

    @property
    def names(self) -> NameIndex:
        self.check()
        if self._names is None:
            entities = [Entity(id=i, kind=k, en=en, ar=ar, aliases=tuple(aliases), wikidata=w, iri=iri)
                        for iri, i, k, en, ar, aliases, w in self.sql(
                            "SELECT iri, id, kind, label, label_ar, aliases, wikidata FROM entities ORDER BY iri")]
            self._names = NameIndex.from_keys(entities, self.sql("SELECT key, iri, shown FROM name_keys ORDER BY rank"))
        return self._names

    # -- contact records --

    def _hedge_map(self) -> dict[str, list[str]]:
        if self._hedges is None:
            hedges: dict[str, list[str]] = defaultdict(list)
            for subject, hedge in self.sql("SELECT subject, hedge FROM hedges ORDER BY rank"):
                hedges[subject].append(local_name(hedge))
            self._hedges = dict(hedges)
        return self._hedges

    @paused()
    def _read_records(self, where: str, params: Sequence[Any]) -> list[ContactRecord]:
        """Records of the recorded contacts whose IRI ``where`` keeps (a condition on ``iri``)."""
        rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in self.sql(f"""SELECT {_CONTACT_COLUMNS} FROM contacts c JOIN evidence e ON e.contact = c.iri
                              WHERE c.recorded AND c.iri IN ({where}) ORDER BY c.iri, e.rank""", params):
            row = dict(zip(_ROW_KEYS, r, strict=True))
            row["type"] = _PLANNED if row["planned"] else _CONTACT
            if row["minutes"] is not None and row.pop("minutesType") in INTEGER_TYPES:
                row["minutes"] = int(row["minutes"])  # a whole number as the store types it, as its rows give it
            rows[row["contact"]].append(row)
        roles: dict[str, list[tuple[str, ActorRef]]] = defaultdict(list)
        for event, agent, role_type, label, label_ar in self.sql(
                f"""SELECT contact, agent, role_type, label, label_ar FROM roles
                    WHERE evidenced AND role_type IS NOT NULL AND label IS NOT NULL AND contact IN ({where})
                    ORDER BY contact, '{_ROLE_NS}' || role_type, label, agent, label_ar NULLS FIRST""", params):
            roles[event].append((role_type, ActorRef(agent, label, label_ar)))
        topics: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for contact, label, label_ar in self.sql(
                f"""SELECT contact, label, label_ar FROM topics WHERE contact IN ({where})
                    ORDER BY contact, label, label_ar NULLS FIRST""", params):
            topics[contact].append((label, label_ar or label))
        hedges = self._hedge_map()
        records = [contact_record(iri, group, roles.get(iri, []), topics.get(iri, []), hedges.get(iri, []))
                   for iri, group in rows.items()]
        records.sort(key=date_order)
        return records

    def all_contacts(self) -> list[ContactRecord]:
        self.check()
        if self._all is None:
            self._all = self._read_records("SELECT iri FROM contacts", [])
            self._records = {c.iri: c for c in self._all}
        return self._all

    def contact_iris_of(self, iris: Iterable[str]) -> list[str]:
        """The contacts and plans in which any of *iris* has a role, in date order."""
        wanted = list(dict.fromkeys(iris))
        return [iri for (iri,) in self.sql(
            """SELECT iri FROM contacts WHERE recorded AND iri IN
                 (SELECT contact FROM roles WHERE agent IN (SELECT unnest(?::VARCHAR[])))
               ORDER BY date IS NULL, date, iri""", [wanted])]

    def contacts_of(self, iris: Iterable[str]) -> list[ContactRecord]:
        self.check()
        wanted = list(dict.fromkeys(iris))
        if self._all is not None:
            keep = set(wanted)
            return [c for c in self._all
                    if any(p.iri in keep for p in (*c.participants, *c.initiators, *c.intermediaries))]
        found = self.contact_iris_of(wanted)
        missing = [iri for iri in found if iri not in self._records]
        if missing:
            for record in self._read_records("SELECT unnest(?::VARCHAR[])", [missing]):
                self._records[record.iri] = record
        return sorted((self._records[i] for i in found), key=date_order)

    @paused()
    def contact_facts(self, iris: Iterable[str]) -> list[ContactFacts]:
        """What a rhythm counts (:class:`~diplograph.records.ContactFacts`) of the contacts and plans of *iris*.

        The same contacts as :meth:`contacts_of`, in the same order, without
        reading their full records.
        """
        self.check()
        wanted = list(dict.fromkeys(iris))
        if self._all is not None:
            return [ContactFacts.of(c) for c in self.contacts_of(wanted)]
        out = []
        for iri, date, precision, planned, kind, agents in self.sql(
                """SELECT c.iri, c.date, c.precision, c.planned, c.kind,
                          list(r.agent ORDER BY r.role_type, r.label, r.agent, r.label_ar NULLS FIRST)
                            FILTER (WHERE r.role_type IN ('initiatorRole', 'participantRole'))
                   FROM contacts c
                   LEFT JOIN (SELECT * FROM roles WHERE evidenced AND label IS NOT NULL) r ON r.contact = c.iri
                   WHERE c.recorded AND c.iri IN (SELECT contact FROM evidence)
                     AND c.iri IN (SELECT contact FROM roles WHERE agent IN (SELECT unnest(?::VARCHAR[])))
                   GROUP BY ALL""", [wanted]):
            out.append(ContactFacts(iri, date, precision_word(precision), planned, kind != "indirectContact",
                                    tuple(dict.fromkeys(agents or ()))))
        out.sort(key=date_order)
        return out

    def records(self, iris: Sequence[str]) -> list[ContactRecord]:
        """The full records of the contacts and plans *iris* (unknown IRIs are left out), in date order."""
        self.check()
        missing = [iri for iri in dict.fromkeys(iris) if iri not in self._records]
        if missing:
            for record in self._read_records("SELECT unnest(?::VARCHAR[])", [missing]):
                self._records[record.iri] = record
        return sorted((self._records[i] for i in dict.fromkeys(iris) if i in self._records), key=date_order)

    # -- the network's lean view --

    def events(self) -> list[ContactSummary]:
        self.check()
        if self._all is not None:
            return [ContactSummary.of(c) for c in self._all]
        if self._events is None:
            self._events = self._read_events("", [])
        return self._events

    def event_count(self) -> int:
        """How many events :meth:`events` gives, counted without reading them."""
        self.check()
        if self._events is not None or self._all is not None:
            return len(self.events())
        (n,), = self.sql(f"SELECT count(DISTINCT c.iri) FROM {_EVENT_ROWS}")
        return int(n)

    def summaries(self, iris: Iterable[str]) -> list[ContactSummary]:
        """The lean records (as :meth:`events` gives them) of the events *iris*, in date order; others left out."""
        self.check()
        if self._events is not None or self._all is not None:
            keep = set(iris)
            return [e for e in self.events() if e.iri in keep]
        return self._read_events("AND c.iri IN (SELECT unnest(?::VARCHAR[]))", [sorted(set(iris))])

    @paused()
    def _read_events(self, where: str, params: Sequence[Any]) -> list[ContactSummary]:
        # the roles of each event gathered by DuckDB, in the order summaries() gives them (by label within a role)
        events = []
        for iri, planned, kind, date, bounds, status, quote, source, reported, types, agents, labels, ars in self.sql(
                f"""SELECT c.iri, c.planned, c.kind, c.date, c.bounds, c.status, c.quote, c.quote_source, c.reported,
                          list(r.role_type ORDER BY r.role_type, r.label, r.agent, r.label_ar NULLS FIRST),
                          list(r.agent ORDER BY r.role_type, r.label, r.agent, r.label_ar NULLS FIRST),
                          list(r.label ORDER BY r.role_type, r.label, r.agent, r.label_ar NULLS FIRST),
                          list(r.label_ar ORDER BY r.role_type, r.label, r.agent, r.label_ar NULLS FIRST)
                   FROM {_EVENT_ROWS} {where}
                   GROUP BY ALL""", params):
            participants, initiators, intermediaries = by_role(
                (t, ActorRef(a, label, ar)) for t, a, label, ar in zip(types, agents, labels, ars, strict=True))
            events.append(ContactSummary(
                iri=iri, kind=kind, date=date, planned=planned, status=status, participants=participants,
                initiators=initiators, intermediaries=intermediaries, quote=quote, source=source, reported=reported,
                bounds=bounds))
        events.sort(key=date_order)
        return events

    def project_network(self, network: str, *, indirect: bool = False, planned: bool = False,
                        institutional: bool = False, since: Any = None, until: Any = None,
                        among: Collection[str] | None = None) -> nx.Graph | None:
        """The persons network projected in bulk from the role table (:mod:`diplograph.index.network`).

        Kept for the next question with the same options and frozen
        (:func:`networkx.freeze`): copy it (``G.copy()``) before changing
        it. None for the other networks (drawn from :meth:`events`).
        """
        if network != "persons":
            return None
        from ..network.projection import ties
        from .network import persons_network

        self.check()
        drawn = None if among is None else frozenset(among)
        key = ("persons", indirect, planned, institutional, str(since), str(until), drawn)
        networks = self.cache.setdefault("diplograph.index.network", {})
        if key not in networks:
            if drawn is not None:  # one part kept at a time: each page around an actor asks its own
                for old in [k for k in networks if k[-1] is not None]:
                    del networks[old]
            tie_list = ties(self, since=since, until=until) if institutional else None
            networks[key] = nx.freeze(persons_network(self, indirect=indirect, planned=planned, since=since,
                                                      until=until, ties=tie_list, among=drawn))
        G: nx.Graph = networks[key]
        return G

    def co_actors(self, iris: Collection[str]) -> set[str]:
        """*iris* and every agent that shares a contact or plan (in any part) or an institutional tie with one of them.

        At any time and under any option: every actor one step from *iris*
        in any network the index draws is among them (and some more).
        """
        listed = sorted(set(iris))
        rows = self.sql(_CO_ACTORS, [listed])
        return set(listed) | {a for (a,) in rows}

    # -- ties and top posts --

    def ties(self) -> list[Tie]:
        self.check()
        if self._ties is None:
            keys = ("tie", "post", "member", "org", "roleLabel", "orgLabel", "memberLabel", "begin", "end",
                    "attested", "quote", "head")
            self._ties = [tie_of(dict(zip(keys, r, strict=True))) for r in self.sql(
                f"SELECT {', '.join(chr(34) + k + chr(34) for k in keys)} FROM ties ORDER BY rank")]
        return self._ties

    # -- claims, posts, evidence --

    def claims(self, by: str | None = None) -> list[ClaimRecord]:
        keys = ("claim", "by", "byLabel", "byLabelAr", "statement", "medium", "stated", "quote", "start", "end",
                "source", "sourceTitle", "supports")
        cols = ", ".join(f'"{k}"' for k in keys)
        rows = (self.sql(f"SELECT {cols} FROM claims ORDER BY rank") if by is None else
                self.sql(f'SELECT {cols} FROM claims WHERE "by" = ? ORDER BY rank', [by]))
        hedges = self._hedge_map()
        out = []
        for r in rows:
            row = dict(zip(keys, r, strict=True))
            row["supports"] = " ".join(row["supports"] or [])
            out.append(claim_record(row, hedges))
        return out

    def posts(self, who: str | None = None) -> list[PostRecord]:
        """Posts held, or those of the person *who* (an IRI), with their terms or attested dates."""
        keys = ("post", "member", "memberLabel", "org", "orgLabel", "role", "roleLabel", "begin", "end", "attested",
                "appointer", "quote")
        cols = ", ".join(f'"{k}"' for k in keys)
        rows = (self.sql(f"SELECT {cols} FROM posts ORDER BY rank") if who is None else
                self.sql(f"SELECT {cols} FROM posts WHERE member = ? ORDER BY rank", [who]))
        return [post_record(dict(zip(keys, r, strict=True))) for r in rows]

    def evidence(self, node: str) -> list[Evidence]:
        """The quotes a contact, plan, role, post or claim rests on (read from the store)."""
        self.check()
        return self._store_source.evidence(node)

    def codes(self) -> dict[str, EventCodes]:
        return {iri: EventCodes(cameo, plover, mode) for iri, cameo, plover, mode in self.sql(
            "SELECT c.iri, k.cameo, k.plover, k.mode FROM contacts c JOIN kind_codes k ON k.kind = c.kind")}

    def languages(self) -> dict[str, str]:
        rows = self.sql("SELECT iri, language FROM sources WHERE language IS NOT NULL")
        return {iri: str(lang) for iri, lang in rows}

    # -- the whole graph --

    def triples(self) -> Iterator[Triple]:
        self.check()
        return self._store_source.triples()

    def count(self) -> int:
        (value,) = self.sql("SELECT value FROM meta WHERE key = 'triples'")[0]
        return int(value)

    def meta(self) -> dict[str, str]:
        """What the index says of itself: the store and version it was built from, its schema, when, how long."""
        return dict(self.sql("SELECT key, value FROM meta"))

    def close(self) -> None:
        """Close the index's connection (questions then raise :class:`~diplograph.errors.StoreError`)."""
        with self._lock:
            if self.con is not None:
                self.con.close()
            self.con = None
