/* diplograph page: draws the network and runs search, filters and the details panel.
   Every string from the data is written with textContent or as canvas text, never as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("diplograph-data").textContent);
  var meta = data.meta;
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

  /* The same folding as diplograph.text.normalize: diacritics, alef forms, yeh, teh marbuta, case. */
  var FOLD = {"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627", "\u0649": "\u064a",
              "\u0629": "\u0647", "\u06a9": "\u0643", "\u06cc": "\u064a", "\u06af": "\u0643"};
  function normalize(text) {
    return text.replace(/[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f]/g, "")
      .replace(/[\u0623\u0625\u0622\u0671\u0649\u0629\u06a9\u06cc\u06af]/g, function (c) { return FOLD[c]; })
      .toLowerCase().replace(/\s+/g, " ").trim();
  }

  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; n.edgeIds = []; });
  data.edges.forEach(function (e) { byId[e.from].edgeIds.push(e.id); byId[e.to].edgeIds.push(e.id); });
  var edgeById = {};
  data.edges.forEach(function (e) { edgeById[e.id] = e; });

  function nodeName(id) { var n = byId[id]; return n ? n.en : id; }

  function tooltip(lines) {
    var box = el("div", {className: "tip"});
    lines.forEach(function (l) { if (l) { box.appendChild(typeof l === "string" ? el("div", {text: l}) : l); } });
    return box;
  }
  function nodeTip(n) {
    var typeLabel = (data.legend.types.filter(function (t) { return t.key === n.type; })[0] || {label: n.type}).label;
    return tooltip([el("strong", {text: n.en}), n.ar && n.ar !== n.en ? el("div", null, ar(n.ar)) : null,
      typeLabel + " · " + meta.size_by + " " + n.value_measure]);
  }
  function edgeTip(e) {
    var lines = [nodeName(e.from) + " — " + nodeName(e.to)];
    e.events.forEach(function (id) {
      var ev = data.events[id];
      if (ev) { lines.push((ev.date || "undated") + " · " + ev.kind_label + (ev.planned ? " (planned)" : "")); }
    });
    e.ties.forEach(function (t) { lines.push("tie: " + t); });
    e.predicates.forEach(function (p) { lines.push(p); });
    return tooltip(lines);
  }

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var copy = Object.assign({}, n); delete copy.edgeIds; copy.title = nodeTip(n); return copy;
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    return Object.assign({}, e, {title: edgeTip(e)});
  }));
  var network = new vis.Network($("graph"), {nodes: nodes, edges: edges}, data.options);
  var state = {ready: false, stabilized: !meta.physics};
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: {enabled: false}});
    state.stabilized = true;
    $("status").textContent = "layout settled";
  });
  network.once("afterDrawing", function () { state.ready = true; });

  /* ---- header ---- */
  $("counts").textContent = meta.nodes + " nodes · " + meta.edges + " edges · size: " + meta.size_by;
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
    $("banner-close").addEventListener("click", function () { $("banner").hidden = true; });
  }

  /* ---- legend and kind filters ---- */
  var kindBoxes = {};
  function dashSample(color, dashes) {
    var svgNS = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(svgNS, "svg");
    svg.setAttribute("width", "34"); svg.setAttribute("height", "10");
    var line = document.createElementNS(svgNS, "line");
    line.setAttribute("x1", "1"); line.setAttribute("y1", "5"); line.setAttribute("x2", "33"); line.setAttribute("y2", "5");
    line.setAttribute("stroke", color); line.setAttribute("stroke-width", "3");
    if (dashes && dashes.length) { line.setAttribute("stroke-dasharray", dashes.join(" ")); }
    svg.appendChild(line);
    return svg;
  }
  data.legend.types.forEach(function (t) {
    var glyph = el("span", {className: "glyph", text: t.glyph});
    glyph.style.color = t.color;
    $("legend-types").appendChild(el("li", null, glyph, t.label));
  });
  function checkbox(key, label, sample, listId) {
    var box = el("input", {type: "checkbox", "data-kind": key});
    box.checked = true;
    box.addEventListener("change", apply);
    kindBoxes[key] = box;
    $(listId).appendChild(el("li", null, el("label", null, box, sample, label)));
  }
  data.legend.kinds.forEach(function (k) { checkbox(k.key, k.label, dashSample(k.color, k.dashes), "legend-kinds"); });
  if (meta.planned) { checkbox("__planned", "planned (dashed)", dashSample("#666", data.legend.planned_dashes), "legend-kinds"); }
  if (!data.legend.kinds.length) { $("kinds-section").hidden = true; }

  /* ---- year range ---- */
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

  /* ---- visibility ---- */
  function eventPasses(id, f) {
    var ev = data.events[id];
    if (!ev) { return true; }
    if (f.kinds[ev.kind] === false) { return false; }
    if (ev.planned && f.kinds.__planned === false) { return false; }
    if (!f.years) { return true; }
    if (ev.year === null || ev.year === undefined) { return f.undated; }
    return ev.year >= f.years[0] && ev.year <= f.years[1];
  }
  function tiePasses(span, f) {
    if (!f.years) { return true; }
    if (!span) { return f.undated; }
    return span[0] <= f.years[1] && span[1] >= f.years[0];
  }
  function currentFilters() {
    var kinds = {};
    Object.keys(kindBoxes).forEach(function (k) { kinds[k] = kindBoxes[k].checked; });
    var f = {kinds: kinds, years: null, undated: true};
    if (years) {
      var a = Number($("year-from").value), b = Number($("year-to").value);
      f.years = [Math.min(a, b), Math.max(a, b)];
      f.undated = $("undated").checked;
      $("year-label").textContent = f.years[0] === f.years[1] ? String(f.years[0]) : f.years[0] + "–" + f.years[1];
    }
    return f;
  }

  function apply() {
    var f = currentFilters();
    var own = {}, edgeVis = {};
    data.nodes.forEach(function (n) {
      own[n.id] = n.events.length ? n.events.some(function (id) { return eventPasses(id, f); }) : null;
    });
    data.edges.forEach(function (e) {
      if (!e.events.length && !e.ties.length) { edgeVis[e.id] = null; return; }
      edgeVis[e.id] = e.events.some(function (id) { return eventPasses(id, f); }) ||
        (f.kinds.tie !== false && e.tie_years.some(function (span) { return tiePasses(span, f); }));
    });
    var nodeVis = {};
    data.nodes.forEach(function (n) {
      if (own[n.id] !== null) { nodeVis[n.id] = own[n.id]; return; }
      var filterable = n.edgeIds.filter(function (id) { return edgeVis[id] !== null; });
      if (filterable.length) { nodeVis[n.id] = filterable.some(function (id) { return edgeVis[id]; }); return; }
      if (!n.edgeIds.length) { nodeVis[n.id] = true; return; }
      nodeVis[n.id] = n.edgeIds.some(function (id) {
        var e = edgeById[id], other = e.from === n.id ? e.to : e.from;
        return own[other] !== false;
      });
    });
    data.edges.forEach(function (e) {
      edgeVis[e.id] = edgeVis[e.id] !== false && nodeVis[e.from] && nodeVis[e.to];
    });
    var q = normalize($("search").value || "");
    var matches = [];
    if (q) {
      var hit = {};
      data.nodes.forEach(function (n) {
        if (nodeVis[n.id] && n.search.some(function (s) { return s.indexOf(q) !== -1; })) { hit[n.id] = true; matches.push(n.id); }
      });
      var near = {};
      data.edges.forEach(function (e) {
        var touches = hit[e.from] || hit[e.to];
        edgeVis[e.id] = edgeVis[e.id] && !!touches;
        if (edgeVis[e.id]) { near[e.from] = true; near[e.to] = true; }
      });
      data.nodes.forEach(function (n) { nodeVis[n.id] = nodeVis[n.id] && !!(hit[n.id] || near[n.id]); });
      $("search-result").textContent = matches.length ? matches.length + " match" + (matches.length > 1 ? "es" : "")
        : "no match";
    } else {
      $("search-result").textContent = "";
    }
    var nodeUpdates = [], edgeUpdates = [];
    nodes.forEach(function (n) { var hide = !nodeVis[n.id]; if (!!n.hidden !== hide) { nodeUpdates.push({id: n.id, hidden: hide}); } });
    edges.forEach(function (e) { var hide = !edgeVis[e.id]; if (!!e.hidden !== hide) { edgeUpdates.push({id: e.id, hidden: hide}); } });
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    var shownN = nodes.get({filter: function (n) { return !n.hidden; }}).length;
    var shownE = edges.get({filter: function (e) { return !e.hidden; }}).length;
    $("shown").textContent = "showing " + shownN + " of " + meta.nodes + " nodes, " + shownE + " of " + meta.edges + " edges";
    if (q && matches.length) { network.selectNodes(matches); network.fit({nodes: matches.concat(Object.keys(nodeVis).filter(function (id) { return nodeVis[id]; })), animation: false}); }
    return {nodes: shownN, edges: shownE, matches: matches.length};
  }
  $("search").addEventListener("input", apply);
  $("reset").addEventListener("click", function () {
    $("search").value = "";
    Object.keys(kindBoxes).forEach(function (k) { kindBoxes[k].checked = true; });
    if (years) { $("year-from").value = years[0]; $("year-to").value = years[1]; $("undated").checked = true; }
    apply(); network.unselectAll(); network.fit({animation: false});
  });

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
      var names = (ev.names || {})[p];
      return names ? names[0] : nodeName(p);
    });
    var topics = (ev.topics || []).map(function (t, i) {
      var arT = (ev.topics_ar || [])[i];
      return arT && arT !== t ? el("span", null, t + " / ", ar(arT)) : el("span", {text: t});
    });
    var place = ev.place ? (ev.place_ar && ev.place_ar !== ev.place ? el("span", null, ev.place + " / ", ar(ev.place_ar)) : ev.place) : null;
    return el("li", {className: "event" + (ev.planned ? " planned" : "")},
      el("div", {className: "event-label", lang: "en", text: ev.label}),
      el("dl", null,
        field("kind", ev.kind_label + (ev.planned ? " — planned" + (ev.status ? " (" + ev.status + ")" : "") : "")),
        field("date", (ev.date || "undated") + (ev.date ? " (precision: " + ev.precision + ")" : "")),
        others.length ? field("with", others.join(", ")) : null,
        field("place", place), field("gathering", ev.gathering || null), field("topics", topics),
        field("hedges", (ev.hedges || []).join(", "))),
      ev.quote ? el("blockquote", {dir: "rtl", lang: "ar", text: ev.quote}) : null,
      sourceBlock(ev.source));
  }
  function claimCard(c) {
    return el("div", {className: "event"}, el("div", {className: "event-label", text: c.label}),
      el("dl", null, field("by", c.by_ar ? el("span", null, c.by + " / ", ar(c.by_ar)) : c.by), field("medium", c.medium),
        field("stated", c.date || null), field("hedges", (c.hedges || []).join(", "))),
      c.quote ? el("blockquote", {dir: "rtl", lang: "ar", text: c.quote}) : null, sourceBlock(c.source));
  }
  function showNode(id) {
    var n = byId[id], panel = $("details");
    panel.textContent = "";
    var typeLabel = (data.legend.types.filter(function (t) { return t.key === n.type; })[0] || {label: n.type}).label;
    panel.appendChild(el("h2", null, el("bdi", {text: n.en})));
    if (n.ar && n.ar !== n.en) { panel.appendChild(el("div", {className: "name-ar"}, ar(n.ar))); }
    panel.appendChild(el("div", {className: "muted", text: typeLabel + " · " + meta.size_by + " " + n.value_measure}));
    if (data.claims[id]) { panel.appendChild(claimCard(data.claims[id])); }
    var evIds = [], seen = {}, neighbours = [];
    function addEv(x) { if (!seen[x]) { seen[x] = true; evIds.push(x); } }
    n.events.forEach(addEv);
    n.edgeIds.forEach(function (eid) {
      var e = edgeById[eid], other = e.from === id ? e.to : e.from;
      e.events.forEach(addEv);
      byId[other].events.forEach(addEv);
      neighbours.push(other);
    });
    evIds.sort(function (a, b) {
      var x = (data.events[a] || {}).date || "9999", y = (data.events[b] || {}).date || "9999";
      return x < y ? -1 : x > y ? 1 : 0;
    });
    if (neighbours.length) {
      var list = el("ul", {className: "neighbours"});
      neighbours.forEach(function (o) {
        var item = el("li", null, el("a", {href: "#", "data-node": o, text: nodeName(o)}));
        if (byId[o].ar && byId[o].ar !== byId[o].en) { item.appendChild(document.createTextNode(" ")); item.appendChild(ar(byId[o].ar)); }
        list.appendChild(item);
      });
      panel.appendChild(el("h3", {text: "Connected to (" + neighbours.length + ")"}));
      panel.appendChild(list);
    }
    if (evIds.length) {
      panel.appendChild(el("h3", {text: "Contacts (" + evIds.length + ")"}));
      var ul = el("ul", {className: "events"});
      evIds.forEach(function (x) { ul.appendChild(eventCard(x, id)); });
      panel.appendChild(ul);
    }
  }
  function showEdge(eid) {
    var e = edgeById[eid], panel = $("details");
    panel.textContent = "";
    panel.appendChild(el("h2", null, el("bdi", {text: nodeName(e.from)}), " — ", el("bdi", {text: nodeName(e.to)})));
    panel.appendChild(el("div", {className: "muted", text: e.count + " event" + (e.count !== 1 ? "s" : "") + " · " +
      ((data.legend.kinds.filter(function (k) { return k.key === e.kind; })[0] || {label: e.kind}).label)}));
    if (e.ties.length) {
      var tl = el("ul", {className: "ties"});
      e.ties.forEach(function (t, i) { tl.appendChild(el("li", {text: t + (e.tie_labels[i] ? ": " + e.tie_labels[i] : "")})); });
      panel.appendChild(el("h3", {text: "Institutional ties (" + e.ties.length + ")"}));
      panel.appendChild(tl);
    }
    if (e.predicates.length) { panel.appendChild(el("div", {text: "links: " + e.predicates.join(", ")})); }
    var ul = el("ul", {className: "events"});
    e.events.forEach(function (x) { ul.appendChild(eventCard(x, null)); });
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
  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
  });

  apply();
  window.diplograph = {
    network: network, nodes: nodes, edges: edges, data: data, apply: apply, state: state,
    showNode: showNode, showEdge: showEdge,
    visible: function () {
      return {nodes: nodes.get({filter: function (n) { return !n.hidden; }}).length,
              edges: edges.get({filter: function (e) { return !e.hidden; }}).length};
    }
  };
})();
