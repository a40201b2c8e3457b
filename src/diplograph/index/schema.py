"""The tables of the contact index, and the SQL that derives them from what the store gave.

Every table is documented in ``docs/scale.md`` (the Parquet export writes
them as they are). IRIs are kept whole; kinds, statuses, precisions and role
types by their local names (``phoneCall``, ``agreed``, ``day``,
``initiatorRole``); dates as the source gives them (``2019-05-01``,
``2024-02``, ``2017``) with their first and last possible day beside them.

=============  ===================================================================
table          one row per
=============  ===================================================================
``contacts``   contact or plan: kind, planned, status, date and its bounds,
               precision, place, gathering, duration, sources, first quote
``roles``      role of an actor in a contact, plan or claim (agent, role type)
``evidence``   quote a contact rests on (offsets, source), in source order
``sources``    source article: headline, publication time, language
``topics``     topic of a contact
``entities``   person, organisation, country, place, group or gathering
``names``      name of an entity (label or alias, language)
``name_keys``  each normalised name and the entity it names (what a typed name is matched on)
``posts``      post held (member, organisation, role, term or attested date)
``ties``       institutional tie (post, team, office) with its dates and quote
``tenures``    holder of the top post of a state, organisation or office
``claims``     claim: claimant, statement, medium, date, quote, contacts it supports
``hedges``     hedge word on a contact, plan, claim or source
``kind_codes`` CAMEO and PLOVER codes of a contact kind
``person_edges`` pair of actors in the persons network: the events behind it, first and last dates
``meta``       key/value: the store's content version the index was built from, ...
=============  ===================================================================
"""

from __future__ import annotations

from ..vocab import DG

__all__ = ["DERIVED", "EDGE_COLUMNS", "KIND_CODES_QUERY", "ORG_CONTACTS", "PERSON_EDGES", "PUBLIC_TABLES",
           "QUERY_TABLES", "SCHEMA_VERSION", "TABLES", "org_contacts_sql", "person_edges_sql"]

#: Bumped whenever a table changes: an index of another schema is rebuilt, never read.
SCHEMA_VERSION = 4

_V, _I, _D, _L = "VARCHAR", "BIGINT", "DOUBLE", "VARCHAR[]"

#: Named queries kept as they answer (small at any size): table, query, columns. Entities, posts, ties, top
#: posts and claims are joined from scans instead (:data:`DERIVED`): their queries join labels, terms and
#: quotes in the store, which costs more than reading each property once.
QUERY_TABLES: tuple[tuple[str, str, list[tuple[str, str]]], ...] = (
    ("q_hedges", "hedges", [("subject", _V), ("hedge", _V), ("hedgeLabel", _V), ("expression", _V)]),
)

#: The CAMEO and PLOVER codes of contact kinds: the ``cameo-plover`` query's patterns, per kind.
KIND_CODES_QUERY = """
PREFIX dg: <https://w3id.org/diplograph/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?kind ?cameo ?plover ?ploverMode
WHERE {
  OPTIONAL { ?kind skos:exactMatch|skos:closeMatch|skos:broadMatch ?c .
             ?c skos:inScheme dg:CAMEO ; skos:notation ?cameo }
  OPTIONAL { ?kind skos:exactMatch|skos:closeMatch ?p . ?p skos:inScheme dg:PLOVER ; skos:notation ?ploverMode ;
             skos:broader/skos:notation ?plover }
}
ORDER BY ?kind ?cameo ?ploverMode
"""

_PLANNED = str(DG.PlannedContact)


def _local(column: str) -> str:
    return f"regexp_replace({column}, '^.*[#/]', '')"


_EN = "(SELECT s, o FROM s_label WHERE l = 'en')"
_INTERMEDIARY = str(DG.intermediaryRole)
# what the named queries' time:inXSDDate|time:inXSDgYearMonth|time:inXSDgYear paths reach
_INSTANTS = "(SELECT s, o FROM s_in_date UNION ALL SELECT s, o FROM s_in_month UNION ALL SELECT s, o FROM s_in_year)"

# The names, posts, ties and top posts tables: the patterns of the entities, posts, institutional-ties and
# head-posts queries as joins, in their order (an unbound value first, as SPARQL orders it) and then by
# every other column, as the queries order them too (the same rows in the same order from either).
_POST_SQL: tuple[tuple[str, str], ...] = (
    ("x_memberships", """
        SELECT m.s AS post, mb.o AS member, og.o AS org, r.o AS role
        FROM (SELECT DISTINCT s FROM s_membership) m
        JOIN s_member mb ON mb.s = m.s JOIN s_organization og ON og.s = m.s JOIN s_post_role r ON r.s = m.s
    """),
    ("x_terms", f"""
        SELECT md.s AS post, b.o AS "begin", e.o AS "end"
        FROM s_member_during md
        JOIN s_beginning hb ON hb.s = md.o JOIN {_INSTANTS} b ON b.s = hb.o
        JOIN s_end_of he ON he.s = md.o JOIN {_INSTANTS} e ON e.s = he.o
    """),
    ("x_attested", f"SELECT a.s AS post, i.o AS attested FROM s_attested a JOIN {_INSTANTS} i ON i.s = a.o"),
    ("x_post_quotes", """
        SELECT ev.s AS post, x.o AS quote
        FROM s_evidence ev JOIN s_target tg ON tg.s = ev.o JOIN s_selector sel ON sel.s = tg.o
        JOIN s_exact x ON x.s = sel.o
        WHERE ev.s IN (SELECT s FROM s_membership)
    """),
    ("names", """
        SELECT entity, type, name, lang, name_kind, wikidata,
               row_number() OVER (ORDER BY entity, name_kind, lang, name, type, wikidata NULLS FIRST) - 1 AS rank
        FROM (SELECT e.s AS entity, e.o AS type, n.name, n.lang, n.name_kind, w.o AS wikidata
              FROM s_entity e
              JOIN (SELECT s, o AS name, l AS lang, 'label' AS name_kind FROM s_label
                    UNION ALL SELECT s, o, l, 'alias' FROM s_alt_label) n ON n.s = e.s
              LEFT JOIN s_wikidata w ON w.s = e.s)
        ORDER BY rank
    """),
    ("posts", f"""
        SELECT *, row_number() OVER (ORDER BY "memberLabel", "begin" NULLS FIRST, attested NULLS FIRST, post,
                                              "end" NULLS FIRST, appointer NULLS FIRST, quote) - 1 AS rank
        FROM (SELECT m.post, m.member, ml.o AS "memberLabel", m.org, ol.o AS "orgLabel", m.role,
                     rl.o AS "roleLabel", t."begin", t."end", a.attested, ap.o AS appointer, q.quote
              FROM x_memberships m
              JOIN {_EN} ml ON ml.s = m.member JOIN {_EN} ol ON ol.s = m.org JOIN {_EN} rl ON rl.s = m.role
              JOIN x_post_quotes q ON q.post = m.post
              LEFT JOIN x_terms t ON t.post = m.post
              LEFT JOIN x_attested a ON a.post = m.post
              LEFT JOIN s_appointed ap ON ap.s = m.post)
        ORDER BY rank
    """),
    ("ties", f"""
        SELECT *, row_number() OVER (ORDER BY tie, member, org, post, "begin" NULLS FIRST, "end" NULLS FIRST,
                                              attested NULLS FIRST, quote NULLS FIRST, "roleLabel", "orgLabel",
                                              "memberLabel", head) - 1 AS rank
        FROM (SELECT DISTINCT b.tie, b.post, b.member, b.org, b."roleLabel", b."orgLabel", b."memberLabel",
                              t."begin", t."end", a.attested, q.quote, b.head
              FROM (SELECT CASE WHEN ap.s IS NOT NULL OR im.org IS NOT NULL THEN 'team' ELSE 'post' END AS tie,
                           m.post, m.member, m.org, rl.o AS "roleLabel", ol.o AS "orgLabel",
                           ml.o AS "memberLabel", CASE WHEN hr.s IS NULL THEN 'no' ELSE 'yes' END AS head
                    FROM x_memberships m
                    JOIN {_EN} rl ON rl.s = m.role JOIN {_EN} ol ON ol.s = m.org JOIN {_EN} ml ON ml.s = m.member
                    LEFT JOIN s_appointed ap ON ap.s = m.post
                    LEFT JOIN (SELECT DISTINCT v.o AS org FROM s_role_type rt JOIN s_value v ON v.s = rt.s
                               WHERE rt.o = '{_INTERMEDIARY}') im ON im.org = m.org
                    LEFT JOIN s_head_role hr ON hr.s = m.org AND hr.o = m.role
                    UNION ALL
                    SELECT 'office', m.post, m.member, o.s, rl.o, ol.o, ml.o, 'yes'
                    FROM s_office_of o JOIN s_head_role h ON h.s = o.o
                    JOIN x_memberships m ON m.org = o.o AND m.role = h.o
                    JOIN {_EN} rl ON rl.s = m.role JOIN {_EN} ol ON ol.s = o.s JOIN {_EN} ml ON ml.s = m.member) b
              LEFT JOIN x_post_quotes q ON q.post = b.post
              LEFT JOIN x_terms t ON t.post = b.post
              LEFT JOIN x_attested a ON a.post = b.post)
        ORDER BY rank
    """),
    ("tenures", """
        SELECT *, row_number() OVER (ORDER BY actor, holder, "begin" NULLS FIRST, attested NULLS FIRST,
                                              "end" NULLS FIRST) - 1 AS rank
        FROM (SELECT h.actor, m.member AS holder, t."begin", t."end", a.attested
              FROM (SELECT s AS actor, s AS org, o AS role FROM s_head_role
                    UNION ALL SELECT o.s, o.o, h.o FROM s_office_of o JOIN s_head_role h ON h.s = o.o) h
              JOIN x_memberships m ON m.org = h.org AND m.role = h.role
              LEFT JOIN x_terms t ON t.post = m.post
              LEFT JOIN x_attested a ON a.post = m.post)
        ORDER BY rank
    """),
)
_AR = "(SELECT s, o FROM s_label WHERE l = 'ar')"

#: The edges of the persons network (:func:`diplograph.index.network.persons_network`): a pair of actors, the
#: events behind it in date order and their lists, from the roles and contacts tables. ``$planned``,
#: ``$indirect``, ``$lo`` and ``$hi`` are its options (plans, indirect contacts, a time window); the
#: ``person_edges`` table keeps its answer without any.
_NETWORK_EVENTS = """
WITH ev AS (
  SELECT iri, kind, date, planned, quote, status, date_first, date_last,
         coalesce(date_first, bounds_first) AS win_first, coalesce(date_last, bounds_last) AS win_last,
         row_number() OVER (ORDER BY date IS NULL, date, iri) AS ord
  FROM contacts
  WHERE quote IS NOT NULL
    AND iri IN (SELECT contact FROM roles WHERE role_type IS NOT NULL AND label IS NOT NULL)
    AND ($planned OR NOT planned) AND ($indirect OR kind <> 'indirectContact')
    AND ($lo IS NULL AND $hi IS NULL
         OR win_first IS NOT NULL AND ($lo IS NULL OR win_first >= $lo) AND ($hi IS NULL OR win_last <= $hi))
),
r AS (SELECT DISTINCT contact, agent, role_type FROM roles
      WHERE role_type IN ('initiatorRole', 'participantRole', 'intermediaryRole') AND label IS NOT NULL
        AND contact IN (SELECT iri FROM ev)$among)"""
PERSON_EDGES = _NETWORK_EVENTS + """,
p AS (SELECT DISTINCT contact, agent FROM r WHERE role_type <> 'intermediaryRole'),
m AS (SELECT DISTINCT contact, agent FROM r WHERE role_type = 'intermediaryRole'),
links AS (
  SELECT x.contact, x.agent AS a, y.agent AS b FROM p x JOIN p y ON x.contact = y.contact AND x.agent < y.agent
  UNION
  SELECT m.contact, least(m.agent, p.agent), greatest(m.agent, p.agent)
  FROM m JOIN p ON m.contact = p.contact AND m.agent <> p.agent
),
kinds AS (SELECT a, b, kind, count(*) AS n FROM links JOIN ev ON ev.iri = links.contact GROUP BY a, b, kind),
dominant AS (SELECT a, b, min({'n': -n, 'kind': kind}).kind AS kind FROM kinds GROUP BY a, b)
SELECT l.a, l.b,
       list(ev.iri ORDER BY ev.ord) AS events, list(ev.kind ORDER BY ev.ord) AS kinds,
       list(ev.date ORDER BY ev.ord) AS dates, list(ev.planned ORDER BY ev.ord) AS planned,
       list(ev.quote ORDER BY ev.ord) AS quotes, list(ev.status ORDER BY ev.ord) AS statuses,
       min({'f': ev.date_first, 'l': ev.date_last, 'd': ev.date}) FILTER (WHERE ev.date IS NOT NULL).d AS "first",
       max({'l': ev.date_last, 'f': ev.date_first, 'd': ev.date}) FILTER (WHERE ev.date IS NOT NULL).d AS "last",
       any_value(d.kind) AS kind
FROM links l JOIN ev ON ev.iri = l.contact JOIN dominant d ON d.a = l.a AND d.b = l.b
GROUP BY l.a, l.b
"""

#: The events of the persons network (options as in :data:`PERSON_EDGES`) in which the actors ``$5`` (a list
#: of IRIs: organisations with ties) take part or mediate, with what their spans are made of.
ORG_CONTACTS = _NETWORK_EVENTS + """
SELECT DISTINCT r.agent, c.iri, c.date, c.planned, c.reported, c.bounds
FROM r JOIN contacts c ON c.iri = r.contact
WHERE r.agent IN (SELECT unnest($5::VARCHAR[]))
"""


def person_edges_sql(planned: str = "$1", indirect: str = "$2", lo: str = "$3", hi: str = "$4",
                     among: str | None = None) -> str:
    """:data:`PERSON_EDGES` with its options given as SQL: parameters (``$1``…``$4``, the default) or values.

    With *among* (a parameter holding a list of IRIs), only the edges between two of those actors.

    >>> "AND (FALSE OR NOT planned)" in person_edges_sql("FALSE", "FALSE", "NULL", "NULL")
    True
    >>> "agent IN (SELECT unnest($5::VARCHAR[]))" in person_edges_sql(among="$5")
    True
    """
    return _options(PERSON_EDGES, planned, indirect, lo, hi, among)


def org_contacts_sql() -> str:
    """:data:`ORG_CONTACTS` with its options as parameters ``$1``…``$4`` and the organisations as ``$5``."""
    return _options(ORG_CONTACTS, "$1", "$2", "$3", "$4")


def _options(query: str, planned: str, indirect: str, lo: str, hi: str, among: str | None = None) -> str:
    agents = "" if among is None else f" AND agent IN (SELECT unnest({among}::VARCHAR[]))"
    return (query.replace("$planned", planned).replace("$indirect", indirect)
            .replace("$lo", f"{lo}::DATE").replace("$hi", f"{hi}::DATE").replace("$among", agents))


#: The columns of ``person_edges``, in the order the persons network reads them.
EDGE_COLUMNS = 'a, b, events, kinds, dates, planned, quotes, statuses, "first", "last", kind'

#: Derived tables, in the order they are made: name, SELECT.
DERIVED: tuple[tuple[str, str], ...] = (
    # every quote of a contact, plan or role: the named queries' evidence patterns
    ("x_evidence", """
        SELECT e.s AS subject, x.o AS quote, st.o AS start, en.o AS "end", src.o AS source, p.o AS published,
               pk.pkey AS pkey, h.title AS source_title
        FROM s_evidence e
        JOIN s_target tg ON tg.s = e.o
        JOIN s_source src ON src.s = tg.o
        JOIN s_selector qs ON qs.s = tg.o JOIN s_exact x ON x.s = qs.o
        JOIN s_selector ps ON ps.s = tg.o JOIN s_start st ON st.s = ps.o
        LEFT JOIN s_end en ON en.s = ps.o
        LEFT JOIN s_published p ON p.s = src.o
        LEFT JOIN k_published pk ON pk.published = p.o
        LEFT JOIN (SELECT s, min(o) AS title FROM s_headline WHERE l <> 'en' GROUP BY s) h ON h.s = src.o
        WHERE e.s IN (SELECT s FROM s_type) OR e.s IN (SELECT o FROM s_has_role)
    """),
    ("evidence", """
        SELECT subject AS contact,
               row_number() OVER (PARTITION BY subject ORDER BY pkey, start, source, quote, "end", source_title)
                 - 1 AS rank,
               quote, start, "end", source, source_title, published
        FROM (SELECT DISTINCT subject, quote, start, "end", source, source_title, published, pkey FROM x_evidence
              WHERE published IS NOT NULL AND "end" IS NOT NULL AND subject IN (SELECT s FROM s_type))
    """),
    ("roles", f"""
        SELECT hr.s AS contact, v.o AS agent, {_local('rt.o')} AS role_type, en.o AS label, ar.o AS label_ar,
               hr.o AS role,
               hr.o IN (SELECT subject FROM x_evidence WHERE "end" IS NOT NULL) AS evidenced
        FROM s_has_role hr JOIN s_value v ON v.s = hr.o
        LEFT JOIN s_role_type rt ON rt.s = hr.o
        LEFT JOIN {_EN} en ON en.s = v.o
        LEFT JOIN {_AR} ar ON ar.s = v.o
    """),
    ("x_dates", """
        SELECT h.s AS iri, min(i.o) AS date
        FROM s_has_time h
        JOIN (SELECT s, o FROM s_in_date UNION ALL SELECT s, o FROM s_in_month UNION ALL SELECT s, o FROM s_in_year) i
          ON i.s = h.o
        WHERE h.s IN (SELECT s FROM s_type)
        GROUP BY h.s
    """),
    ("x_bounds", """
        SELECT h.s AS iri, min(a.o || '/' || b.o) AS bounds
        FROM s_has_time h
        JOIN s_beginning hb ON hb.s = h.o
        JOIN (SELECT s, o FROM s_in_date UNION ALL SELECT s, o FROM s_in_month UNION ALL SELECT s, o FROM s_in_year) a
          ON a.s = hb.o
        JOIN s_end_of he ON he.s = h.o
        JOIN (SELECT s, o FROM s_in_date UNION ALL SELECT s, o FROM s_in_month UNION ALL SELECT s, o FROM s_in_year) b
          ON b.s = he.o
        WHERE h.s IN (SELECT s FROM s_type)
        GROUP BY h.s
    """),
    ("x_quote", """
        SELECT subject AS iri, quote, source, published FROM (
          SELECT subject, quote, source, published,
                 row_number() OVER (PARTITION BY subject ORDER BY pkey, start, source, quote) AS n
          FROM x_evidence WHERE published IS NOT NULL AND subject IN (SELECT s FROM s_type))
        WHERE n = 1
    """),
    ("contacts", f"""
        SELECT t.s AS iri, t.o = '{_PLANNED}' AS planned, {_local('k.kind')} AS kind,
               {_local('st.status')} AS status, d.date AS date,
               CASE WHEN pr.precision IS NULL THEN NULL
                    ELSE coalesce(nullif(lower(replace({_local('pr.precision')}, 'precision', '')), ''), 'undated')
               END AS precision,
               kd.first AS date_first, kd.last AS date_last, xb.bounds,
               kb1.first AS bounds_first, kb2.last AS bounds_last,
               pl.place, pl.place_label, pl.place_label_ar, g.gathering, g.gathering_label,
               du.minutes AS duration_minutes, du.minutes_type AS duration_type,
               {_local('du.bound')} AS duration_bound, du.text AS duration_text,
               ex.expression AS date_expression, dd.other_date, dd.other_date_note,
               coalesce(ns.sources, 0) AS sources, q.quote, q.source AS quote_source, q.published AS reported,
               (pr.precision IS NOT NULL AND ns.sources IS NOT NULL) AS recorded
        FROM (SELECT s, min(o) AS o FROM s_type GROUP BY s) t
        JOIN (SELECT s, min(o) AS kind FROM s_kind GROUP BY s) k ON k.s = t.s
        LEFT JOIN (SELECT s, min(o) AS status FROM s_status GROUP BY s) st ON st.s = t.s
        LEFT JOIN (SELECT s, min(o) AS precision FROM s_precision GROUP BY s) pr ON pr.s = t.s
        LEFT JOIN x_dates d ON d.iri = t.s
        LEFT JOIN k_dates kd ON kd.date = d.date
        LEFT JOIN x_bounds xb ON xb.iri = t.s
        LEFT JOIN k_dates kb1 ON kb1.date = split_part(xb.bounds, '/', 1)
        LEFT JOIN k_dates kb2 ON kb2.date = split_part(xb.bounds, '/', 2)
        LEFT JOIN (SELECT p.s, min(p.o) AS place, min(en.o) AS place_label, min(ar.o) AS place_label_ar
                   FROM s_place p JOIN {_EN} en ON en.s = p.o JOIN {_AR} ar ON ar.s = p.o GROUP BY p.s) pl
          ON pl.s = t.s
        LEFT JOIN (SELECT g.s, min(g.o) AS gathering, min(en.o) AS gathering_label
                   FROM s_gathering g JOIN {_EN} en ON en.s = g.o GROUP BY g.s) g ON g.s = t.s
        LEFT JOIN (SELECT d.s, min(m.o) AS minutes, min(m.l) AS minutes_type, min(b.o) AS bound, min(x.o) AS text
                   FROM s_duration d JOIN s_minutes m ON m.s = d.o JOIN s_bound b ON b.s = d.o
                   JOIN s_duration_text x ON x.s = d.o GROUP BY d.s) du ON du.s = t.s
        LEFT JOIN (SELECT s, min(o) AS expression FROM s_expression GROUP BY s) ex ON ex.s = t.s
        LEFT JOIN (SELECT n.s, min(od.o) AS other_date, min(c.o) AS other_date_note
                   FROM s_discrepancy n JOIN s_other_date od ON od.s = n.o JOIN s_comment c ON c.s = n.o
                   GROUP BY n.s) dd ON dd.s = t.s
        LEFT JOIN (SELECT contact, count(DISTINCT source) AS sources FROM evidence GROUP BY contact) ns
          ON ns.contact = t.s
        LEFT JOIN x_quote q ON q.iri = t.s
        ORDER BY d.date IS NULL, d.date, t.s
    """),
    ("topics", """
        SELECT a.s AS contact, a.o AS topic, en.o AS label, ar.o AS label_ar
        FROM s_about a
        JOIN (SELECT s, o FROM s_pref_label WHERE l = 'en') en ON en.s = a.o
        LEFT JOIN (SELECT s, o FROM s_pref_label WHERE l = 'ar') ar ON ar.s = a.o
        WHERE a.s IN (SELECT s FROM s_type)
        ORDER BY contact, label
    """),
    ("sources", """
        SELECT a.s AS iri, h.title, p.published, l.language
        FROM (SELECT DISTINCT s FROM s_article) a
        JOIN (SELECT s, min(o) AS published FROM s_published GROUP BY s) p ON p.s = a.s
        LEFT JOIN (SELECT s, min(o) AS title FROM s_headline WHERE l <> 'en' GROUP BY s) h ON h.s = a.s
        LEFT JOIN (SELECT s, min(o) AS language FROM s_language GROUP BY s) l ON l.s = a.s
        ORDER BY iri
    """),
    *_POST_SQL,
    ("claims", f"""
        SELECT *, (row_number() OVER (ORDER BY byLabel, start, claim, quote, source, stated, sourceTitle,
                                      byLabelAr, statement, medium, "end") - 1)::BIGINT AS rank
        FROM (
          SELECT c.s AS claim, cl.o AS by, en.o AS byLabel, ar.o AS byLabelAr, st.o AS statement, md.o AS medium,
                 sd.o AS stated, ex.o AS quote, ps.o AS start, pe.o AS "end", src.o AS source,
                 hl.o AS sourceTitle,
                 coalesce(list_sort(list(DISTINCT sp.o) FILTER (WHERE sp.o IS NOT NULL)), []::VARCHAR[]) AS supports
          FROM s_claim c JOIN s_claimant cl ON cl.s = c.s JOIN s_statement st ON st.s = c.s
          JOIN s_medium md ON md.s = c.s JOIN s_evidence ev ON ev.s = c.s
          JOIN {_EN} en ON en.s = cl.o
          JOIN s_target t ON t.s = ev.o JOIN s_source src ON src.s = t.o
          JOIN s_selector qs ON qs.s = t.o JOIN s_exact ex ON ex.s = qs.o
          JOIN s_selector pss ON pss.s = t.o JOIN s_start ps ON ps.s = pss.o JOIN s_end pe ON pe.s = pss.o
          LEFT JOIN {_AR} ar ON ar.s = cl.o
          LEFT JOIN (SELECT s, o FROM s_headline WHERE l != 'en') hl ON hl.s = src.o
          LEFT JOIN (SELECT so.s, i.o FROM s_stated_on so JOIN {_INSTANTS} i ON i.s = so.o) sd ON sd.s = c.s
          LEFT JOIN s_supports sp ON sp.s = c.s
          GROUP BY ALL
        )
        ORDER BY rank
    """),
    ("hedges", "SELECT * FROM q_hedges ORDER BY rank"),
    ("kind_codes", f"SELECT {_local('kind')} AS kind, cameo, plover, mode FROM q_kind_codes ORDER BY kind"),
    ("person_edges", f"SELECT * FROM ({person_edges_sql('FALSE', 'FALSE', 'NULL', 'NULL')}) ORDER BY a, b"),
)

#: The tables an index file holds (``entities`` is written from the name index; ``meta`` last).
TABLES = ("contacts", "roles", "evidence", "sources", "topics", "names", "posts", "ties", "tenures", "claims",
          "hedges", "kind_codes", "person_edges")

#: The tables :meth:`~diplograph.KnowledgeGraph.table` and the Parquet export offer.
PUBLIC_TABLES = (*TABLES[:5], "entities", *TABLES[5:], "name_keys", "meta")
