/* diplograph page: the network (or a timeline alone), search, filters, legend and the details panel.
   Every filter reaches everything at once: which edges and nodes are drawn, each edge's label, width
   and colour (from the contacts that pass), the details panel, the timeline and the header counts.
   Every string from the data is written with textContent or as canvas text, never as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("diplograph-data").textContent);
  var meta = data.meta, legend = data.legend;
  var isNetwork = meta.mode !== "timeline";
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "text") { node.textContent = attrs[k]; }
        else if (k === "className") { node.className = attrs[k]; }
        else { node.setAttribute(k, attrs[k]); }
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === "") { continue; }
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }
  function ar(text) { return el("bdi", {dir: "rtl", lang: "ar", className: "ar", text: text}); }
  function both(words) { return words[1] && words[1] !== words[0] ? el("span", null, words[0] + " · ", ar(words[1])) : el("span", {text: words[0]}); }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : (many || one + "s")); }
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function dateText(iso) {
    if (!iso) { return "undated"; }
    var p = iso.split("-");
    if (p.length === 3) { return Number(p[2]) + " " + MONTHS[Number(p[1]) - 1] + " " + p[0]; }
    if (p.length === 2) { return MONTHS[Number(p[1]) - 1] + " " + p[0]; }
    return p[0];
  }

  /* The same folding as diplograph.text.normalize: diacritics, alef forms, yeh, teh marbuta, case. */
  var FOLD = {"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627", "\u0649": "\u064a",
              "\u0629": "\u0647", "\u06a9": "\u0643", "\u06cc": "\u064a", "\u06af": "\u0643"};
  function normalize(text) {
    return text.replace(/[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f]/g, "")
      .replace(/[\u0623\u0625\u0622\u0671\u0649\u0629\u06a9\u06cc\u06af]/g, function (c) { return FOLD[c]; })
      .toLowerCase().replace(/\s+/g, " ").trim();
  }

  /* ---- indexes ---- */
  var byId = {}, edgeById = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; n.edgeIds = []; });
  data.edges.forEach(function (e) { edgeById[e.id] = e; byId[e.from].edgeIds.push(e.id); byId[e.to].edgeIds.push(e.id); });
  var total = {nodes: data.nodes.length, edges: data.edges.length, events: Object.keys(data.events).length};
  var actorNoun = meta.network === "persons" ? ["actor", "actors"] : ["node", "nodes"];
  var isEventNode = function (n) { return n.type === "contact" || n.type === "plan"; };

  function nodeName(id) { var n = byId[id]; if (n) { return n.en; } var names = nameOf(id); return names[0]; }
  function nameOf(iri) {
    var n = byId[iri];
    if (n) { return [n.en, n.ar || n.en]; }
    if (meta.timeline && meta.timeline.names[iri]) { return meta.timeline.names[iri]; }
    var found = null;
    Object.keys(data.events).some(function (k) { var names = (data.events[k].names || {})[iri]; if (names) { found = names; } return !!found; });
    return found || [iri.split("/").pop(), iri.split("/").pop()];
  }
  function kindStyle(kind) {
    if (kind === "tie") { return legend.tie; }
    return legend.kinds[kind] || {words: [kind, kind], color: legend.other_kind.color, dashes: []};
  }
  function kindWords(kind) {
    if (legend.kinds[kind]) { return legend.kinds[kind].words; }
    var ev = Object.keys(data.events).map(function (k) { return data.events[k]; }).filter(function (e) { return e.kind === kind; })[0];
    return ev ? ev.kind_words : [kind, kind];
  }
  function typeWords(type) { var t = legend.types[type] || legend.types.other; return [t.label, t.label_ar]; }

  /* ---- filters ---- */
  var kindsPresent = {}, kindCounts = {};
  Object.keys(data.events).forEach(function (k) {
    var ev = data.events[k]; kindsPresent[ev.kind] = true; kindCounts[ev.kind] = (kindCounts[ev.kind] || 0) + 1;
  });
  var tieCount = data.edges.reduce(function (s, e) { return s + e.ties.length; }, 0);
  var plannedCount = Object.keys(data.events).filter(function (k) { return data.events[k].planned; }).length;
  var boxes = {};
  function checkbox(key, labelNode, count) {
    var box = el("input", {type: "checkbox", "data-kind": key});
    box.checked = true;
    box.addEventListener("change", apply);
    boxes[key] = box;
    $("kind-filters").appendChild(el("li", null, el("label", null, box, labelNode, el("span", {className: "count", text: "(" + count + ")"}))));
  }
  legend.order.concat(Object.keys(kindsPresent).filter(function (k) { return legend.order.indexOf(k) === -1; }).sort())
    .forEach(function (k) { if (kindsPresent[k]) { checkbox(k, both(kindWords(k)), kindCounts[k]); } });
  if (plannedCount) { checkbox("__planned", both(["planned contacts", "الاتصالات المزمعة"]), plannedCount); }
  if (tieCount) { checkbox("tie", both(legend.tie.words), tieCount); }
  if (!Object.keys(boxes).length) { $("kinds-section").hidden = true; }

  var years = meta.years;
  if (years) {
    [$("year-from"), $("year-to")].forEach(function (input) {
      input.min = years[0]; input.max = years[1]; input.step = 1;
      input.addEventListener("input", apply);
    });
    $("year-from").value = years[0]; $("year-to").value = years[1];
    $("undated").addEventListener("change", apply);
  } else {
    $("years-section").hidden = true;
  }

  function currentFilters() {
    var kinds = {};
    Object.keys(boxes).forEach(function (k) { kinds[k] = boxes[k].checked; });
    var f = {kinds: kinds, years: null, undated: true, narrowed: false};
    if (years) {
      var a = Number($("year-from").value), b = Number($("year-to").value);
      f.years = [Math.min(a, b), Math.max(a, b)];
      f.undated = $("undated").checked;
      $("year-label").textContent = f.years[0] === f.years[1] ? String(f.years[0]) : f.years[0] + "–" + f.years[1];
      f.narrowed = f.years[0] !== years[0] || f.years[1] !== years[1] || !f.undated;
    }
    f.narrowed = f.narrowed || Object.keys(kinds).some(function (k) { return !kinds[k]; });
    return f;
  }
  function eventPasses(id, f) {
    var ev = data.events[id];
    if (!ev) { return true; }
    if (f.kinds[ev.kind] === false) { return false; }
    if (ev.planned && f.kinds.__planned === false) { return false; }
    if (!f.years) { return true; }
    if (ev.year === null || ev.year === undefined) { return f.undated; }
    return ev.year >= f.years[0] && ev.year <= f.years[1];
  }
  function tiePasses(t, f) {
    if (f.kinds.tie === false) { return false; }
    if (!f.years) { return true; }
    if (!t.years) { return f.undated; }
    return t.years[0] <= f.years[1] && t.years[1] >= f.years[0];
  }

  /* ---- how an edge looks, from the contacts and ties that pass ---- */
  function edgeLook(e, evs, ties) {
    if (e.role) {
      var rs = legend.roles[e.role] || legend.roles.participant;
      var toEvent = byId[e.to] && isEventNode(byId[e.to]);
      return {label: "", width: 1.5, color: rs.color, dashes: rs.dashes.length ? rs.dashes : false, legendKey: "role:" + e.role,
              arrows: rs.arrow ? {to: {enabled: toEvent, scaleFactor: 0.6}, from: {enabled: !toEvent, scaleFactor: 0.6}} : {to: {enabled: false}, from: {enabled: false}}};
    }
    if (!e.events.length && !e.ties.length) {
      return {label: "", width: 1, color: "#9a9a9a", dashes: false, legendKey: "link"};
    }
    var counts = {};
    evs.forEach(function (id) { var k = data.events[id].kind; counts[k] = (counts[k] || 0) + 1; });
    var kinds = Object.keys(counts).sort(function (a, b) {
      return counts[b] - counts[a] || legend.order.indexOf(a) - legend.order.indexOf(b) || (a < b ? -1 : 1);
    });
    var allPlanned = evs.length > 0 && evs.every(function (id) { return data.events[id].planned; });
    var main = kinds.length ? kinds[0] : "tie";
    var style = kindStyle(main);
    var dashes = allPlanned ? legend.planned_dashes : (style.dashes && style.dashes.length ? style.dashes : false);
    var dated = evs.map(function (id) { return data.events[id].date; }).filter(Boolean).sort();
    var label = "";
    if (evs.length === 1) { label = dated.length ? dateText(dated[0]) : ""; }
    else if (evs.length > 1) {
      var span = !dated.length ? "" : dated[0].slice(0, 4) === dated[dated.length - 1].slice(0, 4) ? dated[0].slice(0, 4)
        : dated[0].slice(0, 4) + "–" + dated[dated.length - 1].slice(0, 4);
      label = dated.length ? span + " ×" + dated.length + (dated.length < evs.length ? ", " + (evs.length - dated.length) + " undated" : "")
        : "×" + evs.length + " undated";
    }
    var n = evs.length + (evs.length ? 0 : ties.length);
    return {label: label, width: 1.5 + 1.8 * Math.log2(Math.max(n, 1)), color: style.color, dashes: dashes,
            legendKey: (allPlanned ? "planned:" : "kind:") + main};
  }

  /* ---- the network ---- */
  var network = null, nodes = null, edges = null, labeller = null;
  if (isNetwork) {
    nodes = new vis.DataSet(data.nodes.map(function (n) {
      var c = typeof n.color === "string" ? {background: n.color, border: shade(n.color)} : n.color;
      var copy = {id: n.id, x: n.x, y: n.y, size: n.size, shape: n.shape, title: nodeTip(n),
                  color: {background: c.background, border: c.border, highlight: {background: c.background, border: "#111"},
                          hover: {background: c.background, border: "#111"}}};
      if (n.shapeProperties) { copy.shapeProperties = n.shapeProperties; }
      return copy;
    }));
    edges = new vis.DataSet(data.edges.map(function (e) {
      return {id: e.id, from: e.from, to: e.to, title: edgeTip(e), width: 1.5, color: {color: "#999"}};
    }));
    network = new vis.Network($("graph"), {nodes: nodes, edges: edges}, data.options);
    network.fit({animation: false});
    labeller = new window.DiplographLabels(network, $("graph"), {
      nodeLines: nodeLines, rank: function (id) { return byId[id].rank; },
      edgeText: function (id) { return (state.look[id] || {}).label || ""; },
      nodeOrder: function () { return data.nodes.filter(function (n) { return state.nodeVis[n.id]; })
        .sort(function (a, b) { return a.rank - b.rank; }).map(function (n) { return n.id; }); },
      edgeOrder: function () { return data.edges.filter(function (e) { return state.edgeVis[e.id]; })
        .sort(function (a, b) { return (state.passing[b.id] || []).length - (state.passing[a.id] || []).length || (a.id < b.id ? -1 : 1); })
        .map(function (e) { return e.id; }); },
      onPlaced: labelNote
    });
  }
  function shade(hex) {
    var v = parseInt(hex.slice(1), 16), r = (v >> 16) & 255, g = (v >> 8) & 255, b = v & 255;
    var d = function (x) { return Math.max(0, Math.round(x * 0.7)).toString(16).padStart(2, "0"); };
    return "#" + d(r) + d(g) + d(b);
  }
  function wrap(text, width) {
    if (text.length <= width) { return [text]; }
    var words = text.split(" "), lines = [], line = "";
    words.forEach(function (w) {
      if (line && (line + " " + w).length > width) { lines.push(line); line = w; } else { line = line ? line + " " + w : w; }
    });
    if (line) { lines.push(line); }
    return lines;
  }
  function nodeLines(id) {
    var n = byId[id], out = [];
    wrap(n.short, 22).forEach(function (t) { out.push({text: t, rtl: false}); });
    /* dates and spans inside an Arabic line keep their left-to-right order (2025-02-13, not 13-02-2025) */
    var ltr = function (t) { return t.replace(/\d[\d\-\u2013\/]*\d/g, function (m) { return "\u2066" + m + "\u2069"; }); };
    if (n.ar && n.type !== "claim") { wrap(n.ar, 24).forEach(function (t) { out.push({text: "\u2068" + ltr(t) + "\u2069", rtl: true}); }); }
    return out;
  }
  function measureWords() { return meta.size_words; }
  function centralityLine(n) {
    var w = measureWords();
    var value = Math.round(n.value * 1000) / 1000;
    var extra = meta.size_by === "degree" && meta.network === "persons" ?
      " (linked to " + n.degree + " of the " + (total.nodes - 1) + " others)" : "";
    return w.en + " " + value + " — " + w.means + extra + "; ranked " + n.rank + " of " + total.nodes;
  }
  function centralityLineAr(n) {
    var w = measureWords();
    return w.ar + " " + (Math.round(n.value * 1000) / 1000) + " — " + w.means_ar + "؛ المرتبة " + n.rank + " من " + total.nodes;
  }
  function tooltip(lines) {
    var box = el("div", {className: "tip"});
    lines.forEach(function (l) { if (l) { box.appendChild(typeof l === "string" ? el("div", {text: l}) : l); } });
    return box;
  }
  function nodeTip(n) {
    var w = measureWords();
    return tooltip([el("strong", {text: n.en}), n.ar ? el("div", null, ar(n.ar)) : null,
      typeWords(n.type)[0] + " · " + w.en + " " + (Math.round(n.value * 1000) / 1000) + " (ranked " + n.rank + " of " + total.nodes + ")",
      "Click for its contacts and timeline."]);
  }
  function edgeTip(e) {
    var lines = [nodeName(e.from) + " — " + nodeName(e.to)];
    e.events.slice(0, 12).forEach(function (id) {
      var ev = data.events[id];
      if (ev) { lines.push(ev.date_text + " · " + ev.kind_words[0] + (ev.planned ? " (planned)" : "")); }
    });
    if (e.events.length > 12) { lines.push("… " + (e.events.length - 12) + " more: click the link"); }
    e.ties.forEach(function (t) { lines.push(t.kind_words[0] + ": " + t.label + " (" + t.when_text + ")"); });
    if (e.role_words) { lines.push("role: " + e.role_words[0]); }
    e.predicates.forEach(function (p) { lines.push(p[0]); });
    return tooltip(lines);
  }

  /* ---- header ---- */
  if (meta.notice) { $("notice").textContent = meta.notice; $("notice").hidden = false; }
  if (meta.banner) {
    $("banner-en").textContent = meta.banner.en;
    $("banner-ar").textContent = meta.banner.ar;
    meta.banner.hints.forEach(function (h) {
      $("banner-hints").tBodies[0].appendChild(el("tr", null,
        el("td", null, h.en, " · ", ar(h.ar)),
        el("td", null, el("code", {dir: "ltr", text: h.cli})),
        el("td", null, el("code", {dir: "ltr", text: h.python}))));
    });
    $("banner").hidden = false;
    $("banner-close").addEventListener("click", function () { $("banner").hidden = true; if (network) { network.redraw(); } });
  }
  function labelNote(c) {
    var note = $("label-note");
    if (!c.nodes) { note.textContent = ""; return; }
    var text = c.names === c.nodes ? "All " + c.nodes + " names are shown" :
      "Names shown: " + c.names + " of " + c.nodes + " (the most central first; hover a node or zoom in for the others)";
    if (c.edges) { text += " · link labels: " + c.edgeLabels + " of " + c.edges + (c.edgeLabels < c.edges ? " (hover a link)" : ""); }
    else if (visibleCount().edges > 200) { text += " · hover a link for its contacts"; }
    note.textContent = text + ".";
  }

  /* ---- the legend: exactly what is drawn now ---- */
  function dashSample(color, dashes, width) {
    var svgNS = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(svgNS, "svg");
    svg.setAttribute("width", "34"); svg.setAttribute("height", "12");
    var line = document.createElementNS(svgNS, "line");
    line.setAttribute("x1", "1"); line.setAttribute("y1", "6"); line.setAttribute("x2", "33"); line.setAttribute("y2", "6");
    line.setAttribute("stroke", color); line.setAttribute("stroke-width", String(width || 3));
    if (dashes && dashes.length) { line.setAttribute("stroke-dasharray", dashes.join(" ")); }
    svg.appendChild(line);
    return svg;
  }
  function glyph(text, color, outline) {
    var g = el("span", {className: "glyph", text: text});
    g.style.color = color;
    if (outline) { g.style.webkitTextStroke = "1px " + color; }
    return g;
  }
  function legendRow(sample, words, extra) {
    $("legend").appendChild(el("li", {"data-legend": extra || ""}, el("span", {className: "sample"}, sample), both(words)));
  }
  function renderLegend() {
    $("legend").textContent = "";
    if (!isNetwork) {
      Object.keys(state.timelineKinds || {}).forEach(function (k) { legendRow(glyph("■", kindStyle(k).color), kindWords(k), "kind:" + k); });
      if (state.timelinePlanned) { legendRow(glyph("□", "#555"), ["planned (dashed outline, a row of its own)", "مزمع (إطار متقطع)"], "planned"); }
      legendRow(glyph("▨", "#d9a441"), ["gap between direct contacts (longest in orange)", "فجوة بين الاتصالات المباشرة"], "gap");
      return;
    }
    var types = {}, kinds = {}, keys = {}, eventKinds = {}, plannedNodes = false;
    data.nodes.forEach(function (n) {
      if (!state.nodeVis[n.id]) { return; }
      types[n.type] = true;
      if (isEventNode(n)) { eventKinds[data.events[n.id].kind] = true; plannedNodes = plannedNodes || n.type === "plan"; }
    });
    data.edges.forEach(function (e) { if (state.edgeVis[e.id]) { keys[state.look[e.id].legendKey] = true; } });
    Object.keys(legend.types).forEach(function (t) {
      if (!types[t]) { return; }
      var s = legend.types[t];
      var words = [s.label, s.label_ar];
      if ((t === "contact" || t === "plan") && Object.keys(eventKinds).length) { words = [s.label + " (colour: its kind)", s.label_ar + " (اللون: نوعه)"]; }
      legendRow(glyph(s.glyph, t === "contact" || t === "plan" ? "#666" : s.color), words, "type:" + t);
    });
    Object.keys(eventKinds).forEach(function (k) { legendRow(glyph("★", kindStyle(k).color), kindWords(k), "event-kind:" + k); });
    legend.order.concat(Object.keys(legend.kinds)).forEach(function (k) {
      if (kinds[k] || k === "tie") { return; }
      kinds[k] = true;
      if (keys["kind:" + k]) { var s = kindStyle(k); legendRow(dashSample(s.color, s.dashes), kindWords(k).map(function (w, i) {
        return (i ? "أكثر أنواع اتصالاتها: " : "link, most of its contacts: ") + w; }), "kind:" + k); }
    });
    Object.keys(keys).forEach(function (key) {
      if (key.indexOf("planned:") === 0) { legendRow(dashSample(kindStyle(key.slice(8)).color, legend.planned_dashes), ["link of planned contacts only (" + kindWords(key.slice(8))[0] + ")", "صلة باتصالات مزمعة فقط"], key); }
      if (key.indexOf("kind:") === 0 && !legend.kinds[key.slice(5)] && key !== "kind:tie") { legendRow(dashSample(legend.other_kind.color, []), kindWords(key.slice(5)), key); }
    });
    if (keys["kind:tie"]) { legendRow(dashSample(legend.tie.color, legend.tie.dashes), ["institutional ties only (post, team, office)", "روابط مؤسسية فقط"], "kind:tie"); }
    Object.keys(legend.roles).forEach(function (r) {
      if (keys["role:" + r]) { var s = legend.roles[r]; legendRow(dashSample(s.color, s.dashes), ["role: " + s.words[0] + (s.arrow ? " (arrow to the event)" : ""), "الدور: " + s.words[1]], "role:" + r); }
    });
    if (keys.link) { legendRow(dashSample("#9a9a9a", [], 1.5), ["a triple between two nodes drawn (hover for its predicate)", "علاقة بين عقدتين"], "link"); }
    var counted = data.edges.some(function (e) { return state.edgeVis[e.id] && (state.passing[e.id] || []).length > 1; });
    if (counted) { legendRow(dashSample("#777", [], 6), ["thicker: more contacts; label: years ×count", "أسمك: اتصالات أكثر"], "width"); }
    var w = measureWords();
    legendRow(glyph("●", "#999"), ["size: " + w.en + " — " + w.means, "الحجم: " + w.ar], "size");
  }

  /* ---- apply every filter to everything ---- */
  var state = {nodeVis: {}, edgeVis: {}, passing: {}, ties: {}, look: {}, panel: null, selection: null, filters: null,
               ready: false, stabilized: true, counts: null};
  function visibility(f) {
    var own = {}, edgeVis = {}, passing = {}, ties = {};
    data.nodes.forEach(function (n) { own[n.id] = n.events.length ? n.events.some(function (id) { return eventPasses(id, f); }) : null; });
    data.edges.forEach(function (e) {
      passing[e.id] = e.events.filter(function (id) { return eventPasses(id, f); });
      ties[e.id] = e.ties.filter(function (t) { return tiePasses(t, f); });
      edgeVis[e.id] = !e.events.length && !e.ties.length ? null : passing[e.id].length + ties[e.id].length > 0;
    });
    var nodeVis = {};
    data.nodes.forEach(function (n) {
      if (own[n.id] !== null) { nodeVis[n.id] = own[n.id]; return; }
      var filterable = n.edgeIds.filter(function (id) { return edgeVis[id] !== null; });
      if (filterable.length) { nodeVis[n.id] = filterable.some(function (id) { return edgeVis[id]; }); return; }
      if (!n.edgeIds.length) { nodeVis[n.id] = true; return; }
      nodeVis[n.id] = n.edgeIds.some(function (id) { var e = edgeById[id]; return own[e.from === n.id ? e.to : e.from] !== false; });
    });
    data.edges.forEach(function (e) { edgeVis[e.id] = edgeVis[e.id] !== false && nodeVis[e.from] && nodeVis[e.to]; });
    return {nodeVis: nodeVis, edgeVis: edgeVis, passing: passing, ties: ties};
  }
  function searchMatches(q, nodeVis) {
    var exact = [], starts = [], inside = [];
    data.nodes.forEach(function (n) {
      if (!nodeVis[n.id]) { return; }
      if (n.search.some(function (s) { return s === q; })) { exact.push(n); }
      else if (n.search.some(function (s) { return s.indexOf(q) === 0 || s.indexOf(" " + q) !== -1; })) { starts.push(n); }
      else if (n.search.some(function (s) { return s.indexOf(q) !== -1; })) { inside.push(n); }
    });
    var byRank = function (a, b) { return a.rank - b.rank; };
    return exact.sort(byRank).concat(starts.sort(byRank), inside.sort(byRank)).map(function (n) { return n.id; });
  }
  function apply(opts) {
    var f = currentFilters();
    state.filters = f;
    var v = visibility(f);
    var q = normalize($("search").value || ""), matches = [];
    if (q && isNetwork) {
      matches = searchMatches(q, v.nodeVis);
      if (matches.length) {
        var hit = {}, near = {};
        matches.forEach(function (id) { hit[id] = true; });
        data.edges.forEach(function (e) {
          v.edgeVis[e.id] = v.edgeVis[e.id] && !!(hit[e.from] || hit[e.to]);
          if (v.edgeVis[e.id]) { near[e.from] = true; near[e.to] = true; }
        });
        data.nodes.forEach(function (n) { v.nodeVis[n.id] = v.nodeVis[n.id] && !!(hit[n.id] || near[n.id]); });
        $("search-result").textContent = plural(matches.length, "match", "matches") + (matches.length > 1 ? " (the first is open below)" : "") +
          "; shown with their direct links.";
      } else {
        $("search-result").textContent = "no match: the network is left as it was.";
      }
    } else {
      $("search-result").textContent = "";
    }
    state.nodeVis = v.nodeVis; state.edgeVis = v.edgeVis; state.passing = v.passing; state.ties = v.ties;
    data.edges.forEach(function (e) { state.look[e.id] = edgeLook(e, v.passing[e.id], v.ties[e.id]); });
    if (isNetwork) { updateNetwork(); }
    counts();
    renderLegend();
    if (matches.length && !(opts && opts.keepSelection)) {
      network.selectNodes(matches);
      network.fit({nodes: data.nodes.filter(function (n) { return state.nodeVis[n.id]; }).map(function (n) { return n.id; }), animation: false});
      select({actors: [matches[0]]});
      showNode(matches[0]);
    } else if (state.panel) {
      state.panel.fn(state.panel.id, true);
    }
    if (isNetwork) { labeller.place(); network.redraw(); }
    refreshTimeline();
    return {nodes: visibleCount().nodes, edges: visibleCount().edges, matches: matches.length};
  }
  function updateNetwork() {
    var nodeUpdates = [], edgeUpdates = [];
    nodes.forEach(function (n) { var hide = !state.nodeVis[n.id]; if (!!n.hidden !== hide) { nodeUpdates.push({id: n.id, hidden: hide}); } });
    edges.forEach(function (e) {
      var look = state.look[e.id], hide = !state.edgeVis[e.id];
      edgeUpdates.push({id: e.id, hidden: hide, width: look.width, dashes: look.dashes, arrows: look.arrows,
                        color: {color: look.color, highlight: look.color, hover: look.color, inherit: false}});
    });
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    edges.update(edgeUpdates);
  }
  function visibleCount() {
    var n = 0, e = 0;
    data.nodes.forEach(function (x) { if (state.nodeVis[x.id]) { n++; } });
    data.edges.forEach(function (x) { if (state.edgeVis[x.id]) { e++; } });
    return {nodes: n, edges: e};
  }
  function shownEvents() {
    var seen = {};
    data.edges.forEach(function (e) { if (state.edgeVis[e.id]) { state.passing[e.id].forEach(function (id) { seen[id] = true; }); } });
    data.nodes.forEach(function (n) { if (state.nodeVis[n.id]) { n.events.forEach(function (id) { if (eventPasses(id, state.filters)) { seen[id] = true; } }); } });
    if (!isNetwork) { Object.keys(data.events).forEach(function (id) { if (eventPasses(id, state.filters)) { seen[id] = true; } }); }
    return Object.keys(seen).length;
  }
  function counts() {
    var c = visibleCount(), evs = shownEvents(), f = state.filters;
    var period = f.years ? (f.years[0] === f.years[1] ? String(f.years[0]) : f.years[0] + "–" + f.years[1]) + (f.undated ? "" : ", dated only") : "";
    var text = isNetwork ?
      "Showing " + c.nodes + " of " + plural(total.nodes, actorNoun[0], actorNoun[1]) + " · " + c.edges + " of " + plural(total.edges, "link") +
      " · " + evs + " of " + total.events + " contacts and plans" :
      "Showing " + evs + " of " + total.events + " contacts and plans";
    if (period && f.narrowed) { text += " · " + period; }
    $("counts").textContent = text;
    state.counts = {nodes: c.nodes, edges: c.edges, events: evs};
  }

  /* ---- details panel ---- */
  function field(label, value) {
    if (value === null || value === undefined || value === "" || (value.length === 0)) { return null; }
    var dd = el("dd");
    (Array.isArray(value) ? value : [value]).forEach(function (v, i) {
      if (i) { dd.appendChild(document.createTextNode(" · ")); }
      dd.appendChild(typeof v === "string" ? document.createTextNode(v) : v);
    });
    return el("div", {className: "field"}, el("dt", {text: label}), dd);
  }
  function sourceBlock(src) {
    if (!src) { return null; }
    return el("div", {className: "source"}, "Source: ", el("bdi", {dir: "auto", text: src.title || src.iri}),
      src.published ? " (" + src.published + ")" : "", el("div", {className: "iri", text: src.iri}));
  }
  function eventCard(id, selfId) {
    var ev = data.events[id];
    if (!ev) { return el("li", {text: id}); }
    var others = (ev.participants || []).filter(function (p) { return p !== selfId; }).map(function (p) {
      var names = (ev.names || {})[p]; return names ? names[0] : nodeName(p);
    });
    var via = (ev.intermediaries || []).map(function (p) { var names = (ev.names || {})[p]; return names ? names[0] : nodeName(p); });
    var topics = (ev.topics || []).map(function (t, i) {
      var arT = (ev.topics_ar || [])[i];
      return arT && arT !== t ? el("span", null, t + " / ", ar(arT)) : el("span", {text: t});
    });
    var place = ev.place ? (ev.place_ar && ev.place_ar !== ev.place ? el("span", null, ev.place + " / ", ar(ev.place_ar)) : ev.place) : null;
    var kind = el("span", null, both(ev.kind_words));
    if (ev.planned) { kind.appendChild(document.createTextNode(" — planned")); if (ev.status_words) { kind.appendChild(document.createTextNode(" (")); kind.appendChild(both(ev.status_words)); kind.appendChild(document.createTextNode(")")); } }
    var when = el("span", {text: ev.date_text + " "}, el("span", {className: "muted"}, "(precision: ", both(ev.precision_words), ")"));
    return el("li", {className: "event" + (ev.planned ? " planned" : ""), "data-event": id},
      el("div", {className: "event-label", lang: "en", text: ev.label}),
      el("dl", null, field("kind", kind), field("date", when), others.length ? field("with", others.join(", ")) : null,
        via.length ? field("through", via.join(", ")) : null,
        field("place", place), field("gathering", ev.gathering || null), field("topics", topics),
        field("hedges", (ev.hedges || []).map(both))),
      ev.quote ? el("blockquote", {dir: "rtl", lang: "ar", text: ev.quote}) : null,
      sourceBlock(ev.source));
  }
  function claimCard(c) {
    return el("div", {className: "event"}, el("div", {className: "event-label", text: c.label}),
      el("dl", null, field("by", c.by_ar ? el("span", null, c.by + " / ", ar(c.by_ar)) : c.by), field("medium", both(c.medium_words)),
        field("stated", c.date_text && c.date ? c.date_text : null), field("hedges", (c.hedges || []).map(both))),
      c.quote ? el("blockquote", {dir: "rtl", lang: "ar", text: c.quote}) : null, sourceBlock(c.source));
  }
  function sortByDate(ids) {
    return ids.sort(function (a, b) {
      var x = (data.events[a] || {}).date || "9999", y = (data.events[b] || {}).date || "9999";
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
  function eventList(panel, title, ids, selfId) {
    var shown = sortByDate(ids.filter(function (id) { return eventPasses(id, state.filters); }));
    var hidden = ids.length - shown.length;
    panel.appendChild(el("h3", {text: title + " (" + shown.length + (hidden ? " of " + ids.length : "") + ")"}));
    if (hidden) { panel.appendChild(el("div", {className: "note", text: plural(hidden, "contact") + " hidden by the filters."})); }
    var ul = el("ul", {className: "events"});
    shown.forEach(function (x) { ul.appendChild(eventCard(x, selfId)); });
    panel.appendChild(ul);
  }
  function eventsOfNode(id) {
    var n = byId[id], seen = {}, out = [];
    function add(x) { if (!seen[x]) { seen[x] = true; out.push(x); } }
    n.events.forEach(add);
    n.edgeIds.forEach(function (eid) {
      var e = edgeById[eid], other = e.from === id ? e.to : e.from;
      e.events.forEach(add);
      byId[other].events.forEach(add);
    });
    return out;
  }
  function showNode(id, refresh) {
    var n = byId[id], panel = $("details");
    if (!n) { return; }
    state.panel = {fn: showNode, id: id};
    panel.textContent = "";
    panel.appendChild(el("h2", null, el("bdi", {text: n.en})));
    if (n.ar) { panel.appendChild(el("div", {className: "name-ar"}, ar(n.ar))); }
    panel.appendChild(el("div", {className: "muted"}, both(typeWords(n.type))));
    panel.appendChild(el("div", {className: "muted", text: centralityLine(n)}));
    panel.appendChild(el("div", {className: "muted"}, ar(centralityLineAr(n))));
    if (data.claims[id]) { panel.appendChild(claimCard(data.claims[id])); }
    var neighbours = n.edgeIds.map(function (eid) { var e = edgeById[eid]; return e.from === id ? e.to : e.from; })
      .filter(function (o) { return state.nodeVis[o]; });
    if (neighbours.length) {
      var list = el("ul", {className: "neighbours"});
      neighbours.forEach(function (o) {
        var item = el("li", null, el("a", {href: "#", "data-node": o, text: nodeName(o)}));
        if (byId[o].ar) { item.appendChild(document.createTextNode(" ")); item.appendChild(ar(byId[o].ar)); }
        list.appendChild(item);
      });
      panel.appendChild(el("h3", {text: "Connected to (" + neighbours.length + ")"}));
      panel.appendChild(list);
    }
    var evIds = eventsOfNode(id);
    if (evIds.length) { eventList(panel, "Contacts", evIds, id); }
    if (!refresh) { select({actors: [id]}); }
  }
  function showEdge(eid, refresh) {
    var e = edgeById[eid], panel = $("details");
    if (!e) { return; }
    state.panel = {fn: showEdge, id: eid};
    panel.textContent = "";
    panel.appendChild(el("h2", null, el("bdi", {text: nodeName(e.from)}), " — ", el("bdi", {text: nodeName(e.to)})));
    var look = state.look[eid];
    if (e.events.length) { panel.appendChild(el("div", {className: "muted", text: "Drawn as: " + (look.label || "no label") + "; colour: the most frequent kind of the contacts shown"})); }
    var ties = state.ties[eid] || [];
    if (ties.length) {
      var tl = el("ul", {className: "ties"});
      ties.forEach(function (t) { tl.appendChild(el("li", null, both(t.kind_words), ": " + t.label + " (" + t.when_text + ")")); });
      panel.appendChild(el("h3", {text: "Institutional ties (" + ties.length + (ties.length < e.ties.length ? " of " + e.ties.length : "") + ")"}));
      panel.appendChild(tl);
    }
    if (e.role_words) { panel.appendChild(el("div", null, "Role: ", both(e.role_words))); }
    if (e.predicates.length) { panel.appendChild(el("div", {text: "Links: " + e.predicates.map(function (p) { return p[0]; }).join(", ")})); }
    if (e.events.length) { eventList(panel, "Contacts", e.events.slice(), null); }
    if (!refresh) { select({actors: [e.from, e.to], edge: eid}); }
  }
  function showEvent(id) {
    var panel = $("details");
    state.panel = {fn: showEvent, id: id};
    panel.textContent = "";
    var ev = data.events[id];
    if (!ev) { return; }
    panel.appendChild(el("h2", {text: ev.kind_words[0] + (ev.planned ? " (planned)" : "") + ", " + ev.date_text}));
    var ul = el("ul", {className: "events"});
    ul.appendChild(eventCard(id, null));
    panel.appendChild(ul);
  }
  $("details").addEventListener("click", function (ev) {
    var target = ev.target;
    if (target && target.getAttribute && target.getAttribute("data-node")) {
      ev.preventDefault();
      var id = target.getAttribute("data-node");
      network.selectNodes([id]); network.focus(id, {animation: false}); showNode(id);
    }
  });

  /* ---- the timeline ---- */
  var timeline = new window.DiplographTimeline($("timeline-view"), {
    events: data.events, gaps: data.gaps, gapsKnown: meta.gaps_source, name: nameOf, dateText: dateText,
    kindColor: function (k) { return kindStyle(k).color; }, onSelect: function (id) { showEvent(id); },
    counterparts: function (actor, evId) {
      var n = byId[actor]; if (!n) { return []; }
      return n.edgeIds.filter(function (eid) { return edgeById[eid].events.indexOf(evId) !== -1; })
        .map(function (eid) { var e = edgeById[eid]; return e.from === actor ? e.to : e.from; });
    }
  });
  function timelineEvents(actors) {
    if (!isNetwork) { return Object.keys(data.events); }
    var sets = actors.map(function (a) { return eventsOfNode(a); });
    var first = sets[0] || [];
    return first.filter(function (id) { return sets.every(function (s) { return s.indexOf(id) !== -1; }); });
  }
  function select(sel) { state.selection = sel; refreshTimeline(); }
  function refreshTimeline() {
    var sel = state.selection;
    if (!sel) { $("tab-hint").textContent = isNetwork ? "select an actor or a link for its timeline" : ""; }
    else {
      $("tab-hint").textContent = "timeline of " + sel.actors.map(function (a) { return nameOf(a)[0]; }).join(" and ");
    }
    state.timelineKinds = {}; state.timelinePlanned = false;
    if ($("timeline-view").hidden) { return; }
    if (!sel) { state.timelineShown = timeline.show(null, []); return; }
    var ids = timelineEvents(sel.actors).filter(function (id) { return eventPasses(id, state.filters); });
    ids.forEach(function (id) { state.timelineKinds[data.events[id].kind] = true; state.timelinePlanned = state.timelinePlanned || data.events[id].planned; });
    var title = "Timeline of " + sel.actors.map(function (a) { return nameOf(a)[0]; }).join(" and ");
    state.timelineShown = timeline.show(sel.actors, ids, title);
    if (!isNetwork) { renderLegend(); }
  }
  function tab(which) {
    var net = which === "network" && isNetwork;
    $("graph").hidden = !net; $("timeline-view").hidden = net;
    $("tab-network").setAttribute("aria-selected", String(net));
    $("tab-timeline").setAttribute("aria-selected", String(!net));
    if (net) { network.redraw(); } else { refreshTimeline(); timeline.redraw(); }
  }
  $("tab-network").addEventListener("click", function () { tab("network"); });
  $("tab-timeline").addEventListener("click", function () { tab("timeline"); });

  if (isNetwork) {
    network.on("click", function (params) {
      if (params.nodes.length) {
        var chosen = network.getSelectedNodes();
        showNode(params.nodes[0]);
        if (chosen.length === 2) { select({actors: chosen}); }
      } else if (params.edges.length) { showEdge(params.edges[0]); }
    });
  }
  $("search").addEventListener("input", function () { apply(); });
  $("reset").addEventListener("click", function () {
    $("search").value = "";
    Object.keys(boxes).forEach(function (k) { boxes[k].checked = true; });
    if (years) { $("year-from").value = years[0]; $("year-to").value = years[1]; $("undated").checked = true; }
    if (network) { network.unselectAll(); }
    apply();
    if (network) { network.fit({animation: false}); labeller.place(); network.redraw(); }
  });

  apply();
  if (!isNetwork) {
    state.selection = {actors: meta.timeline.actors};
    tab("timeline");
  }
  if (network) {
    network.once("afterDrawing", function () { state.ready = true; });
    network.redraw();
  } else {
    state.ready = true;
  }
  window.diplograph = {
    network: network, nodes: nodes, edges: edges, data: data, apply: apply, state: state, labeller: labeller,
    timeline: timeline, showNode: showNode, showEdge: showEdge, showEvent: showEvent, tab: tab, select: select,
    visible: function () { var c = visibleCount(); return {nodes: c.nodes, edges: c.edges}; },
    edgeLabel: function (id) { return (state.look[id] || {}).label; }
  };
})();
