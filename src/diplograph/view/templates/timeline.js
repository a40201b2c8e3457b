/* diplograph page: the timeline of an actor or a pair (vis-timeline).
   A contact dated to the day is a box at its day; one dated to a month or a year is a bar across the
   whole month or year; undated ones are listed apart under the axis. Planned contacts have a row of
   their own and a dashed outline. The gaps between direct contacts (from kg.gaps, computed when the
   page was built) are shaded behind the contacts and labelled with their length in months. Every
   string is written with textContent. */
(function () {
  "use strict";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "className") { node.className = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function monthsText(g) {
    return (g.approximate ? "about " : "") + g.months + " month" + (g.months === 1 ? "" : "s");
  }

  function Timeline(view, api) {
    /* api: events, gaps, name(iri) -> [en, ar], dateText(iso), kindColor(kind), onSelect(eventId) */
    this.view = view;
    this.api = api;
    this.box = view.querySelector("#timeline");
    this.head = view.querySelector("#timeline-head");
    this.undated = view.querySelector("#undated-list");
    this.items = new vis.DataSet();
    this.groups = new vis.DataSet();
    this.timeline = null;
    this.shown = {held: [], planned: [], undated: [], gaps: []};
  }

  Timeline.prototype.ensure = function () {
    if (this.timeline) { return; }
    var self = this;
    this.timeline = new vis.Timeline(this.box, this.items, this.groups, {
      stack: true, orientation: {axis: "top", item: "top"}, margin: {item: {horizontal: 4, vertical: 6}},
      showCurrentTime: false, zoomKey: "ctrlKey", selectable: true, groupOrder: "order",
      tooltip: {followMouse: false}, minHeight: 160, verticalScroll: false
    });
    this.timeline.on("rangechanged", function () { self.fitGapLabels(); });
    this.timeline.on("select", function (props) {
      var id = props.items && props.items[0];
      if (id !== undefined && self.api.onSelect) { self.api.onSelect(String(id).split("|")[0]); }
    });
  };

  Timeline.prototype.rows = function (actors, ids) {
    /* the rows: for a pair, "contacts" and "planned"; for one actor, one row per counterpart and "planned" */
    var api = this.api, rows = {}, order = [];
    function row(key, label, ar) {
      if (!rows[key]) { rows[key] = {id: key, label: label, ar: ar, count: 0}; order.push(key); }
      return rows[key];
    }
    var placed = [];
    ids.forEach(function (id) {
      var ev = api.events[id];
      if (ev.planned) { placed.push({id: id, row: row("planned", "planned", "مزمع")}); return; }
      if (actors.length === 2) { placed.push({id: id, row: row("held", "contacts", "اتصالات")}); return; }
      var others = (ev.participants || []).concat(ev.intermediaries || []).filter(function (p) { return p !== actors[0]; });
      if (!others.length) { others = api.counterparts ? api.counterparts(actors[0], id) : []; }
      if (!others.length) { placed.push({id: id, row: row("held", "contacts", "اتصالات")}); return; }
      others.forEach(function (o) { var names = api.name(o); placed.push({id: id, row: row(o, names[0], names[1])}); });
    });
    placed.forEach(function (p) { p.row.count++; });
    order.sort(function (a, b) {
      if (a === "planned" || b === "planned") { return a === "planned" ? 1 : -1; }
      return rows[b].count - rows[a].count || (rows[a].label < rows[b].label ? -1 : 1);
    });
    return {rows: rows, order: order, placed: placed};
  };

  Timeline.prototype.item = function (id, rowId) {
    var ev = this.api.events[id], color = this.api.kindColor(ev.kind);
    var text = ev.kind_words[0] + (ev.planned && ev.status_words ? " (" + ev.status_words[0] + ")" : "");
    var content = el("span", {title: ev.label + " · " + ev.date_text + " (precision: " + ev.precision_words[0] + ")"}, text);
    var item = {id: id + "|" + rowId, group: rowId, content: content, className: (ev.planned ? "planned " : "") + "p-" + ev.precision,
                style: "border-color:" + color + ";" + (ev.planned ? "" : "background-color:" + color + ";")};
    if (ev.precision === "day") { item.type = "box"; item.start = ev.span[0]; }
    else { item.type = "range"; item.start = ev.span[0]; item.end = ev.span[1]; }
    return item;
  };

  Timeline.prototype.gapItems = function (actors, rowsOf, passes) {
    var api = this.api, out = [], self = this;
    var pairs = actors.length === 2 ? [[actors[0], actors[1], "held"]]
      : rowsOf.order.filter(function (k) { return k !== "planned" && k !== "held"; }).map(function (k) { return [actors[0], k, k]; });
    pairs.forEach(function (p) {
      var gaps = api.gaps[[p[0], p[1]].sort().join(" ")] || [];
      gaps.forEach(function (g, i) {
        var longest = i === 0;
        var words = monthsText(g) + (longest ? " without a direct contact" : "");
        var content = el("span", {title: monthsText(g) + " (" + g.days + " days) without a direct contact: " +
          api.dateText(g.start) + " – " + api.dateText(g.end) + " (from kg.gaps)"}, words);
        out.push({id: "gap|" + p[2] + "|" + i, group: p[2], type: "background", start: g.start, end: g.end,
                  content: content, className: "gap" + (longest ? " longest" : ""), words: words});
        self.shown.gaps.push({row: p[2], start: g.start, end: g.end, months: g.months, text: words, longest: longest});
      });
    });
    return out;
  };

  /* Show the contacts `ids` of `actors` (one actor or a pair); `title` heads the view. */
  Timeline.prototype.show = function (actors, ids, title) {
    var api = this.api, self = this;
    this.head.textContent = "";
    this.undated.textContent = "";
    this.shown = {held: [], planned: [], undated: [], gaps: []};
    if (!actors || !actors.length) {
      if (this.timeline) { this.items.clear(); this.groups.clear(); }
      this.box.hidden = true;
      this.head.appendChild(el("p", {className: "timeline-empty"},
        "Select an actor or a link in the network (or search a name) to see its contacts along time. " +
        "Hold Ctrl to select a second actor for the timeline of the pair."));
      return this.shown;
    }
    var dated = ids.filter(function (id) { return api.events[id].span; });
    var undated = ids.filter(function (id) { return !api.events[id].span; });
    var held = ids.filter(function (id) { return !api.events[id].planned; });
    var rowsOf = this.rows(actors, dated);
    this.head.appendChild(el("h2", null, title));
    var summary = held.length + " contact" + (held.length === 1 ? "" : "s") + " that took place, " +
      (ids.length - held.length) + " planned" + (undated.length ? ", " + undated.length + " undated (listed under the axis)" : "");
    var pairGaps = actors.length === 2 ? api.gaps[actors.slice().sort().join(" ")] : null;
    if (pairGaps && pairGaps.length) {
      summary += "; the longest gap between direct contacts: " + monthsText(pairGaps[0]) + " (" +
        api.dateText(pairGaps[0].start) + " – " + api.dateText(pairGaps[0].end) + ")";
    } else if (actors.length === 2 && !api.gapsKnown) {
      summary += "; gaps are computed from the knowledge graph (kg.view), not from a bare network";
    }
    this.head.appendChild(el("div", {className: "muted"}, summary + "."));
    this.box.hidden = !dated.length;
    if (dated.length) {
      this.ensure();
      this.groups.clear();
      this.items.clear();
      rowsOf.order.forEach(function (k, i) {
        var r = rowsOf.rows[k], label = el("div");
        label.appendChild(el("div", null, r.label));
        if (r.ar && r.ar !== r.label) { label.appendChild(el("div", {className: "ar", dir: "rtl", lang: "ar"}, r.ar)); }
        self.groups.add({id: k, content: label, order: i});
      });
      var items = rowsOf.placed.map(function (p) { return self.item(p.id, p.row.id); });
      items = items.concat(this.gapItems(actors, rowsOf));
      this.items.add(items);
      rowsOf.placed.forEach(function (p) { self.shown[api.events[p.id].planned ? "planned" : "held"].push(p.id); });
      var starts = items.map(function (it) { return new Date(it.start).getTime(); });
      var ends = items.map(function (it) { return new Date(it.end || it.start).getTime(); });
      var lo = Math.min.apply(null, starts), hi = Math.max.apply(null, ends), px = Math.max(this.box.clientWidth - 90, 300);
      var pad = Math.max(90 * (hi - lo) / (px - 180), 86400000 * 90);  /* room for half a box either side */
      this.timeline.setWindow(new Date(lo - pad), new Date(hi + pad), {animation: false});
      this.fitGapLabels();
    }
    if (undated.length) {
      this.undated.appendChild(el("div", {className: "muted"}, "Undated (the source gives no date; not on the axis):"));
      undated.forEach(function (id) {
        var ev = api.events[id];
        var b = el("button", {type: "button", className: ev.planned ? "planned" : "", "data-event": id},
          (ev.planned ? "planned " : "") + ev.kind_words[0] + (ev.status_words ? " (" + ev.status_words[0] + ")" : "") +
          ": " + ev.label.split(": ").slice(1).join(": "));
        b.style.borderColor = api.kindColor(ev.kind);
        b.addEventListener("click", function () { api.onSelect(id); });
        self.undated.appendChild(b);
        self.shown.undated.push(id);
      });
    }
    return this.shown;
  };

  Timeline.prototype.redraw = function () { if (this.timeline) { this.timeline.redraw(); } };

  /* A gap is labelled where its label fits across it at the current zoom (its length stays in its tooltip). */
  Timeline.prototype.fitGapLabels = function () {
    if (!this.timeline) { return; }
    var w = this.timeline.getWindow(), span = w.end - w.start, px = this.box.clientWidth - 90, self = this;
    var ctx = document.createElement("canvas").getContext("2d");
    ctx.font = "bold 13px " + getComputedStyle(document.body).fontFamily;
    var updates = [];
    this.items.get({filter: function (it) { return it.type === "background"; }}).forEach(function (it) {
      var width = (new Date(it.end) - new Date(it.start)) / span * px;
      var text = ctx.measureText(it.words).width + 12 <= width ? it.words : "";
      if (it.content.textContent !== text) { it.content.textContent = text; updates.push({id: it.id, content: it.content}); }
    });
    if (updates.length) { self.items.update(updates); }
  };

  window.DiplographTimeline = Timeline;
})();
