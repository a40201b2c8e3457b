"""Reading a store for the index: one streamed single-pattern query per property.

The index is built without joins in the store: at a million contacts a
SPARQL join over every contact's roles, times and quotes takes minutes on
Oxigraph, while a query of one triple pattern streams its rows in the
order of the store's own index. Each :class:`Scan` reads the subjects and
objects of one property (with the language of a literal object where it
matters) into a CSV file, written by the store's engine where it can (no
Python object per value); DuckDB reads each file into a staging table and
joins them afterwards (:mod:`diplograph.index.builder`).

The queries are plain SPARQL 1.1, so any store answers them: memory,
Oxigraph on disk, a remote endpoint.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..backends import Backend
from ..vocab import DG, OA, ORG, PROV, RDF, RDFS, SDO, SEM, SKOS, TIME

__all__ = ["SCANS", "Scan", "read_sql", "scan_to_csv", "sql_text"]


@dataclass(frozen=True)
class Scan:
    """One property read whole: ``table`` gets its subjects (``s``) and objects (``o``).

    ``lang`` adds the language tag of each literal object (``l``), ``typed``
    its datatype IRI instead (a number keeps the type the store gives it); ``kind``
    is the DuckDB type of the object column; ``types`` reads the subjects of
    ``rdf:type`` for those classes instead (``o`` is the class).
    """

    table: str
    predicate: str
    kind: str = "VARCHAR"
    lang: bool = False
    typed: bool = False
    types: tuple[str, ...] = ()

    @property
    def query(self) -> str:
        if self.types:
            values = " ".join(f"<{t}>" for t in self.types)
            return f"SELECT ?s ?o WHERE {{ VALUES ?o {{ {values} }} ?s <{RDF.type}> ?o }}"
        if self.lang:
            return f"SELECT ?s ?o (LANG(?o) AS ?l) WHERE {{ ?s <{self.predicate}> ?o }}"
        if self.typed:
            return f"SELECT ?s ?o (STR(DATATYPE(?o)) AS ?l) WHERE {{ ?s <{self.predicate}> ?o }}"
        return f"SELECT ?s ?o WHERE {{ ?s <{self.predicate}> ?o }}"

    @property
    def columns(self) -> list[tuple[str, str]]:
        cols = [("s", "VARCHAR"), ("o", self.kind)]
        return [*cols, ("l", "VARCHAR")] if self.lang or self.typed else cols


def _s(name: str, predicate: Any, **kw: Any) -> Scan:
    return Scan(name, str(predicate), **kw)


#: Every property the index reads, in the order it reads them.
SCANS: tuple[Scan, ...] = (
    _s("s_type", RDF.type, types=(str(DG.Contact), str(DG.PlannedContact))),
    _s("s_article", RDF.type, types=(str(SDO.NewsArticle),)),
    _s("s_kind", DG.kind),
    _s("s_precision", DG.datePrecision),
    _s("s_has_time", TIME.hasTime),
    _s("s_in_date", TIME.inXSDDate),
    _s("s_in_month", TIME.inXSDgYearMonth),
    _s("s_in_year", TIME.inXSDgYear),
    _s("s_beginning", TIME.hasBeginning),
    _s("s_end_of", TIME.hasEnd),
    _s("s_status", DG.planStatus),
    _s("s_place", SEM.hasPlace),
    _s("s_gathering", SEM.subEventOf),
    _s("s_expression", DG.dateExpression),
    _s("s_discrepancy", DG.dateDiscrepancy),
    _s("s_other_date", DG.otherDate),
    _s("s_comment", RDFS.comment),
    _s("s_duration", TIME.hasDuration),
    _s("s_minutes", TIME.numericDuration, kind="DOUBLE", typed=True),
    _s("s_bound", DG.durationBound),
    _s("s_duration_text", DG.durationExpression),
    _s("s_about", SDO.about),
    _s("s_pref_label", SKOS.prefLabel, lang=True),
    _s("s_label", RDFS.label, lang=True),
    _s("s_has_role", DG.hasRole),
    _s("s_value", RDF.value),
    _s("s_role_type", SEM.roleType),
    _s("s_reported_in", DG.reportedIn),
    _s("s_evidence", DG.evidence),
    _s("s_target", OA.hasTarget),
    _s("s_source", OA.hasSource),
    _s("s_selector", OA.hasSelector),
    _s("s_exact", OA.exact),
    _s("s_start", OA.start, kind="BIGINT"),
    _s("s_end", OA.end, kind="BIGINT"),
    _s("s_published", SDO.datePublished),
    _s("s_headline", SDO.headline, lang=True),
    _s("s_language", SDO.inLanguage),
    # entities and their names
    _s("s_entity", RDF.type, types=(str(SDO.Person), str(SDO.Country), str(DG.UnnamedGroup),
                                    str(PROV.Organization), str(SEM.Place), str(DG.Gathering))),
    _s("s_alt_label", SKOS.altLabel, lang=True),
    _s("s_wikidata", DG.wikidata),
    # posts, offices and top posts
    _s("s_membership", RDF.type, types=(str(ORG.Membership),)),
    _s("s_member", ORG.member),
    _s("s_organization", ORG.organization),
    _s("s_post_role", ORG.role),
    _s("s_member_during", ORG.memberDuring),
    _s("s_attested", DG.attestedOn),
    _s("s_appointed", DG.appointedBy),
    _s("s_head_role", DG.headRole),
    _s("s_office_of", DG.officeOf),
    # claims
    _s("s_claim", RDF.type, types=(str(DG.Claim),)),
    _s("s_claimant", DG.claimant),
    _s("s_statement", DG.statement),
    _s("s_medium", DG.medium),
    _s("s_stated_on", DG.statedOn),
    _s("s_supports", DG.supports),
)


def sql_text(text: str) -> str:
    """*text* as a SQL string literal (a path with a quote in it stays one string).

    >>> sql_text("/tmp/o'brien")
    "'/tmp/o''brien'"
    """
    return "'" + text.replace("'", "''") + "'"


def read_sql(scan: Scan, path: str) -> str:
    """The DuckDB SELECT reading the CSV rows *scan* wrote to *path* (a missing language is ``''``)."""
    columns = ", ".join(f"'{name}': '{kind}'" for name, kind in scan.columns)
    source = (f"read_csv({sql_text(path)}, header = true, delim = ',', quote = '\"', escape = '\"', "
              f"columns = {{{columns}}}, auto_detect = false)")
    return f"SELECT s, o, coalesce(l, '') FROM {source}" if scan.lang or scan.typed else f"SELECT s, o FROM {source}"


def scan_to_csv(store: Backend, scan: Scan, path: str) -> None:
    """Write the rows of *scan* on *store* to *path* as CSV (the store's engine writes them where it can)."""
    store.select_csv(scan.query, path)
