"""The baselines of the analyst benchmark: plain DuckDB SQL on the index's tables, and raw Oxigraph.

:class:`Baseline` answers each question the way an analyst with the same
facts in DuckDB would: one SQL query, and for graph questions NetworkX on
DuckDB's edge table (built once, then kept, as diplograph keeps its
network). :func:`raw_oxigraph` runs the named query that answers the
question on a pyoxigraph store of the same file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import networkx as nx

QUERIES = Path(__file__).resolve().parents[1] / "src" / "diplograph" / "queries"

_OF_A = """
SELECT c.iri, c.date, c.kind, c.planned, c.status, c.place_label, c.quote, list(r2.label ORDER BY r2.label) AS who
FROM contacts c JOIN roles r2 ON r2.contact = c.iri
WHERE c.iri IN (SELECT contact FROM roles WHERE agent = $a) {extra}
GROUP BY ALL ORDER BY c.date NULLS LAST, c.iri
"""
_EDGES = """
WITH p AS (SELECT DISTINCT r.contact, r.agent FROM roles r JOIN contacts c ON c.iri = r.contact
           WHERE r.role_type IN ('initiatorRole', 'participantRole') AND NOT c.planned
             AND c.kind <> 'indirectContact')
SELECT x.agent, y.agent, count(*) FROM p x JOIN p y ON x.contact = y.contact AND x.agent < y.agent GROUP BY ALL
"""


def _index_file(store: Path) -> Path:
    files = sorted(Path(store).glob("index-*.duckdb"), key=lambda p: p.stat().st_mtime)
    if not files:
        raise SystemExit(f"{store}: no index file (load it with diplograph first)")
    return files[-1]


class Baseline:
    """DuckDB on the index tables of *store* (read-only), asked about the actors of *cast*."""

    def __init__(self, store: str | Path, cast: dict[str, Any]):
        import duckdb

        self.con = duckdb.connect(str(_index_file(Path(store))), read_only=True)
        self.cast = cast
        self._graph: nx.Graph | None = None

    def rows(self, sql: str, **params: Any) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = self.con.execute(sql, params).fetchall()
        return rows

    def graph(self) -> nx.Graph:
        if self._graph is None:
            G = nx.Graph()
            G.add_weighted_edges_from(self.rows(_EDGES))
            self._graph = G
        return self._graph

    def ask(self, kind: str) -> Any:
        a, b, s, f = (self.cast[k] for k in ("A", "B", "S", "F"))
        if kind == "contacts":
            return self.rows(_OF_A.format(extra=""), a=a)
        if kind == "planned":
            return self.rows(_OF_A.format(extra="AND c.planned"), a=a)
        if kind == "timeline":
            return self.rows(_OF_A.format(extra="AND c.iri IN (SELECT contact FROM roles WHERE agent = $b)"),
                             a=a, b=b)
        if kind == "gaps":
            return self.rows("""
                SELECT prev, date, day - prev_day AS days FROM (
                  SELECT date, date_first AS day, lag(date) OVER w AS prev, lag(date_first) OVER w AS prev_day
                  FROM (SELECT DISTINCT c.date, c.date_first FROM contacts c
                        WHERE NOT c.planned AND c.kind <> 'indirectContact' AND c.date IS NOT NULL
                          AND c.iri IN (SELECT contact FROM roles WHERE agent = $a)
                          AND c.iri IN (SELECT contact FROM roles WHERE agent = $b))
                  WINDOW w AS (ORDER BY date_first, date))
                WHERE prev IS NOT NULL ORDER BY days DESC, prev""", a=a, b=b)
        if kind == "claims":
            return self.rows('SELECT * FROM claims WHERE "by" = $s ORDER BY rank', s=s)
        if kind == "edges":
            return self.graph()
        if kind == "degree":
            scores = nx.degree_centrality(self.graph())
            return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:20]
        if kind == "path":
            return nx.shortest_path(self.graph(), a, f)
        if kind == "ego":
            return nx.ego_graph(self.graph(), a, 1)
        if kind == "brokers":
            G = self.graph()
            return list(nx.articulation_points(G)), list(nx.bridges(G))
        if kind == "copy":
            import tempfile

            out = Path(tempfile.mkdtemp(prefix="bench-copy-"))
            tables = [t for (t,) in self.rows("SELECT table_name FROM duckdb_tables()")]
            for t in tables:
                self.con.execute(f"COPY \"{t}\" TO '{out / t}.parquet' (FORMAT parquet, COMPRESSION zstd)")
            return tables
        raise ValueError(f"unknown baseline {kind!r}")

    @classmethod
    def cast_of(cls, store: Path, tmp: Path) -> dict[str, Any]:
        """The actors of the questions, found with DuckDB on the index tables."""
        base = cls(store, {"A": "", "B": "", "S": "", "F": ""})
        counts = base.rows("""SELECT agent, count(DISTINCT contact) n FROM roles
                              WHERE role_type IN ('initiatorRole', 'participantRole')
                                AND contact IN (SELECT iri FROM contacts)
                              GROUP BY agent ORDER BY n DESC, agent LIMIT 1""")
        a, a_n = counts[0]
        partners = base.rows("""SELECT y.agent, count(DISTINCT x.contact) n FROM roles x JOIN roles y
                                  ON x.contact = y.contact AND x.agent = $a AND y.agent <> $a
                                WHERE y.role_type IN ('initiatorRole', 'participantRole')
                                  AND x.contact IN (SELECT iri FROM contacts)
                                GROUP BY y.agent ORDER BY n DESC, y.agent LIMIT 1""", a=a)
        b, ab_n = partners[0]
        s, s_n = base.rows('SELECT "by", count(*) n FROM claims GROUP BY ALL ORDER BY n DESC, "by" LIMIT 1')[0]
        G = base.graph()
        hops = nx.single_source_shortest_path_length(G, a)
        f = max(hops, key=lambda n: (hops[n], n))
        labels = dict(base.rows("SELECT iri, label FROM entities"))
        return {"A": a, "B": b, "S": s, "F": f, "TMP": str(tmp), "A_contacts": a_n, "AB_contacts": ab_n,
                "S_claims": s_n, "F_hops": hops[f], "A_label": labels.get(a, a), "B_label": labels.get(b, b),
                "S_label": labels.get(s, s), "F_label": labels.get(f, f), "nodes": G.number_of_nodes(),
                "edges": G.number_of_edges()}


_RAW: dict[str, tuple[str, str]] = {
    "show": ("contacts", "?contact dg:hasRole/rdf:value <{A}> ."),
    "timeline": ("direct-contacts", "VALUES (?a ?b) {{ (<{A}> <{B}>) }}"),
    "gaps": ("direct-contacts", "VALUES (?a ?b) {{ (<{A}> <{B}>) }}"),
    "claims": ("claims", "VALUES ?by {{ <{S}> }}"),
    "planned": ("planned-contacts", "?plan dg:hasRole/rdf:value <{A}> ."),
    "network": ("network-events", ""),
}


def raw_oxigraph(store: str | Path, question: str, cast: dict[str, Any]) -> int:
    """Run the named query answering *question* on the raw pyoxigraph store *store*; the number of rows."""
    import pyoxigraph as ox

    name, narrowing = _RAW[question]
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    if narrowing:
        where = re.search(r"\bWHERE\s*\{", text)
        assert where is not None
        text = text[:where.end()] + " " + narrowing.format(**cast) + text[where.end():]
    prefixes = {"dg": "https://w3id.org/diplograph/ns#", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}
    st = ox.Store.read_only(str(store))
    return sum(1 for _ in st.query(text, prefixes=prefixes))
