"""Which engine for the contact index: DuckDB, or pyarrow and numpy alone, on the same tables.

Usage::

    python -m bench.engines STORE_FOLDER      # a store diplograph loaded (its index file is read)

For three of the analyst's questions — an actor's contacts with their
participants, a pair's gaps, the persons network's edge table — it times
DuckDB SQL on the index file against the same answer computed with
pyarrow.compute and numpy on the tables read into Arrow, each first and
second run in one process, plus what each needs before its first answer
(DuckDB: connect; pyarrow: read the tables from the index as Arrow). It
prints one JSON line per measurement.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any


def _timed(f: Any) -> tuple[float, float, Any]:
    t0 = time.perf_counter()
    out = f()
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    out = f()
    return first, time.perf_counter() - t0, out


def main(argv: list[str]) -> int:
    import duckdb
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from bench.baseline import _index_file

    path = _index_file(Path(argv[0]))
    t0 = time.perf_counter()
    con = duckdb.connect(str(path), read_only=True)
    connect = time.perf_counter() - t0
    (a,) = con.execute("""SELECT agent FROM roles WHERE role_type IN ('initiatorRole', 'participantRole')
                          GROUP BY agent ORDER BY count(*) DESC, agent LIMIT 1""").fetchall()[0]
    (b,) = con.execute("""SELECT y.agent FROM roles x JOIN roles y ON x.contact = y.contact AND y.agent <> x.agent
                          WHERE x.agent = ? GROUP BY y.agent ORDER BY count(*) DESC, y.agent LIMIT 1""",
                       [a]).fetchall()[0]

    def duck_contacts() -> Any:
        return con.execute("""SELECT c.iri, c.date, c.kind, list(r2.label ORDER BY r2.label)
                              FROM contacts c JOIN roles r2 ON r2.contact = c.iri
                              WHERE c.iri IN (SELECT contact FROM roles WHERE agent = ?)
                              GROUP BY ALL ORDER BY c.date NULLS LAST, c.iri""", [a]).fetchall()

    def duck_gaps() -> Any:
        return con.execute("""SELECT date_first - lag(date_first) OVER (ORDER BY date_first) AS d FROM
                              (SELECT DISTINCT c.date_first FROM contacts c WHERE NOT planned AND date IS NOT NULL
                                 AND iri IN (SELECT contact FROM roles WHERE agent = ?)
                                 AND iri IN (SELECT contact FROM roles WHERE agent = ?)) ORDER BY d DESC""",
                           [a, b]).fetchall()

    def duck_edges() -> Any:
        return con.execute("""WITH p AS (SELECT DISTINCT contact, agent FROM roles
                                         WHERE role_type IN ('initiatorRole', 'participantRole'))
                              SELECT x.agent, y.agent, count(*) FROM p x JOIN p y
                                ON x.contact = y.contact AND x.agent < y.agent GROUP BY ALL""").fetchall()

    t0 = time.perf_counter()
    roles = con.sql("SELECT contact, agent, role_type, label FROM roles").to_arrow_table()
    contacts = con.sql("SELECT iri, date, date_first, kind, planned FROM contacts").to_arrow_table()
    read = time.perf_counter() - t0

    def arrow_contacts() -> Any:
        mine = pc.unique(roles.filter(pc.equal(roles["agent"], a))["contact"])
        c = contacts.filter(pc.is_in(contacts["iri"], value_set=mine))
        who = roles.filter(pc.is_in(roles["contact"], value_set=mine)).group_by("contact").aggregate(
            [("label", "list")])
        lists = dict(zip(who["contact"].to_pylist(), who["label_list"].to_pylist(), strict=True))
        c = c.sort_by([("date", "ascending"), ("iri", "ascending")])
        return [(i, d, k, sorted(lists.get(i, []))) for i, d, k in zip(c["iri"].to_pylist(), c["date"].to_pylist(),
                                                                       c["kind"].to_pylist(), strict=True)]

    def arrow_gaps() -> Any:
        ca = pc.unique(roles.filter(pc.equal(roles["agent"], a))["contact"])
        cb = pc.unique(roles.filter(pc.equal(roles["agent"], b))["contact"])
        both = pc.filter(ca, pc.is_in(ca, value_set=cb))
        c = contacts.filter(pc.and_(pc.is_in(contacts["iri"], value_set=both), pc.invert(contacts["planned"])))
        days = np.unique(c["date_first"].drop_null().to_numpy().astype("datetime64[D]"))
        return np.sort(np.diff(days))[::-1].tolist()

    def arrow_edges() -> Any:
        p = roles.filter(pc.is_in(roles["role_type"], value_set=pa.array(["initiatorRole", "participantRole"])))
        p = p.select(["contact", "agent"]).group_by(["contact", "agent"]).aggregate([])
        pairs = p.join(p, "contact", join_type="inner", left_suffix="_x", right_suffix="_y")
        pairs = pairs.filter(pc.less(pairs["agent_x"], pairs["agent_y"]))
        return pairs.group_by(["agent_x", "agent_y"]).aggregate([("contact", "count")]).num_rows

    print(json.dumps({"step": "setup", "duckdb_connect_s": round(connect, 4), "arrow_read_s": round(read, 4),
                      "roles": roles.num_rows, "contacts": contacts.num_rows}))
    for name, duck, arrow in (("contacts of A", duck_contacts, arrow_contacts), ("gaps A-B", duck_gaps, arrow_gaps),
                              ("edge table", duck_edges, arrow_edges)):
        d1, d2, dout = _timed(duck)
        a1, a2, aout = _timed(arrow)
        print(json.dumps({"question": name, "duckdb_first_s": round(d1, 4), "duckdb_warm_s": round(d2, 4),
                          "arrow_first_s": round(a1, 4), "arrow_warm_s": round(a2, 4),
                          "rows": len(dout), "arrow_rows": aout if isinstance(aout, int) else len(aout)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
