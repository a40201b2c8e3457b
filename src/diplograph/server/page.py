"""The query page: a form, the named queries one click away, results as a table. No network beyond the endpoint."""

from __future__ import annotations

import html
import json

__all__ = ["query_page"]

_STYLE = """
body{font-family:system-ui,sans-serif;margin:0;display:flex;min-height:100vh;color:#222}
nav{width:19rem;background:#f4f4f6;padding:1rem;overflow:auto;border-right:1px solid #ddd}
nav button{display:block;width:100%;text-align:left;margin:.2rem 0;padding:.35rem .5rem;border:1px solid #ccd;
background:#fff;border-radius:4px;cursor:pointer;font-size:.85rem}
nav button:hover{background:#e8eefc}
nav small{display:block;color:#555;font-size:.75rem}
main{flex:1;padding:1rem;min-width:0}
textarea{width:100%;height:16rem;font-family:ui-monospace,monospace;font-size:.85rem}
table{border-collapse:collapse;font-size:.8rem;margin-top:.5rem}
td,th{border:1px solid #ccc;padding:.2rem .4rem;vertical-align:top;max-width:32rem}
th{background:#eee;position:sticky;top:0}
#out{overflow:auto;max-height:70vh}td.iri{color:#1a4d8f}sup{color:#888;margin-left:.2em}
#status{margin:.5rem 0;color:#444}#status.error{color:#b00020;white-space:pre-wrap}
"""

_SCRIPT = """
const queries = JSON.parse(document.getElementById('named').textContent);
const nav = document.getElementById('queries');
const box = document.getElementById('query');
for (const q of queries) {
  const b = document.createElement('button');
  b.textContent = q.name;
  const s = document.createElement('small'); s.textContent = q.question; b.appendChild(s);
  b.onclick = () => { box.value = q.text; run(); };
  nav.appendChild(b);
}
const SHORT = [['https://w3id.org/diplograph/id/', 'id:'], ['https://w3id.org/diplograph/ns#', 'dg:'],
               ['http://www.w3.org/2001/XMLSchema#', 'xsd:']];
function fill(td, t) {
  if (!t) return;
  let text = t.value;
  if (t.type === 'uri') { for (const [long, short] of SHORT) if (text.startsWith(long)) {
    text = short + text.slice(long.length); break; } td.title = t.value; td.className = 'iri'; }
  td.textContent = text;
  if (t['xml:lang']) { const l = document.createElement('sup'); l.textContent = t['xml:lang']; td.appendChild(l); }
}
async function run() {
  const status = document.getElementById('status'), out = document.getElementById('out');
  status.className = ''; status.textContent = 'running…'; out.replaceChildren();
  const started = performance.now();
  const r = await fetch('sparql', {method: 'POST', body: new URLSearchParams({query: box.value}),
    headers: {'Accept': 'application/sparql-results+json, text/turtle;q=0.9'}});
  const ms = Math.round(performance.now() - started);
  if (!r.ok) { status.className = 'error'; status.textContent = r.status + ': ' + await r.text(); return; }
  const type = r.headers.get('content-type') || '';
  if (!type.includes('json')) { const pre = document.createElement('pre'); pre.textContent = await r.text();
    out.appendChild(pre); status.textContent = ms + ' ms'; return; }
  const data = await r.json();
  if ('boolean' in data) { status.textContent = 'answer: ' + data.boolean + ' (' + ms + ' ms)'; return; }
  const vars = data.head.vars, rows = data.results.bindings;
  status.textContent = rows.length + ' row' + (rows.length === 1 ? '' : 's') + ' (' + ms + ' ms)';
  const table = document.createElement('table'), head = table.insertRow();
  for (const v of vars) { const th = document.createElement('th'); th.textContent = v; head.appendChild(th); }
  for (const row of rows) { const tr = table.insertRow();
    for (const v of vars) { const td = tr.insertCell(); fill(td, row[v]); td.dir = 'auto'; } }
  out.appendChild(table);
}
document.getElementById('run').onclick = run;
box.addEventListener('keydown', e => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run(); });
"""


def query_page(graph_link: str | None = None) -> str:
    """The HTML of the query page, with every named query embedded (works without a network).

    Examples
    --------
    >>> page = query_page()
    >>> "direct-contacts" in page and "<script src" not in page
    True
    """
    from ..query import named_queries

    named = [{"name": q.name, "question": q.question, "text": q.text} for q in named_queries().values()]
    data = json.dumps(named, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    link = (f'<p><a href="{html.escape(graph_link)}">The interactive graph</a></p>' if graph_link else "")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>diplograph SPARQL endpoint</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_STYLE}</style></head>
<body><nav><h2>Named queries</h2><p>One click runs a query; edit it to bind values.</p>{link}
<div id="queries"></div></nav>
<main><h1>diplograph SPARQL endpoint</h1>
<p>Endpoint: <code>sparql</code> (SPARQL 1.1 Protocol, read-only). Ctrl+Enter runs the query.</p>
<textarea id="query" spellcheck="false">SELECT * WHERE {{ ?s ?p ?o }} LIMIT 20</textarea>
<p><button id="run">Run</button></p><div id="status"></div><div id="out"></div></main>
<script type="application/json" id="named">{data}</script>
<script>{_SCRIPT}</script></body></html>
"""
