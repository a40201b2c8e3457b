/* diplograph page: the labels on the network canvas.
   vis-network draws the nodes and edges; the names and edge labels are drawn here, at a fixed size on
   screen (never below MIN_PX CSS pixels), only where they fit: inside the canvas, clear of every node
   and of every other label. Names are placed in order of centrality (the most central first), each
   below, above, right or left of its node; edge labels at the middle of their edge. What does not fit
   is shown on hover, and more fits as the reader zooms in (placement runs again after each zoom). */
(function () {
  "use strict";
  var FACE = '"DejaVu Sans", "Noto Sans Arabic", Arial, sans-serif';
  var MIN_PX = 12;
  var NAME_PX = 13, ARABIC_PX = 14, EDGE_PX = 12;
  var PAD = 2, CELL = 64, EDGE_LABELS_MAX = 200;

  function Grid() { this.cells = {}; }
  Grid.prototype.keys = function (r) {
    var out = [];
    for (var i = Math.floor(r.x / CELL); i <= Math.floor((r.x + r.w) / CELL); i++) {
      for (var j = Math.floor(r.y / CELL); j <= Math.floor((r.y + r.h) / CELL); j++) { out.push(i + ":" + j); }
    }
    return out;
  };
  Grid.prototype.add = function (r) {
    var self = this;
    this.keys(r).forEach(function (k) { (self.cells[k] = self.cells[k] || []).push(r); });
  };
  Grid.prototype.hits = function (r, ignore) {
    var keys = this.keys(r);
    for (var n = 0; n < keys.length; n++) {
      var list = this.cells[keys[n]] || [];
      for (var m = 0; m < list.length; m++) {
        var o = list[m];
        if (o.owner !== undefined && o.owner === ignore) { continue; }
        if (r.x < o.x + o.w && o.x < r.x + r.w && r.y < o.y + o.h && o.y < r.y + r.h) { return true; }
      }
    }
    return false;
  };

  function Labeller(network, container, opts) {
    this.network = network;
    this.container = container;
    this.opts = opts;  /* nodeLines(id) -> [{text, rtl}], edgeText(id) -> "", nodeOrder() -> ids, edgeOrder() -> ids */
    this.placed = [];
    this.hover = null;
    this.counts = {names: 0, nodes: 0, edgeLabels: 0, edges: 0};
    this.measure = document.createElement("canvas").getContext("2d");
    var self = this;
    network.on("afterDrawing", function (ctx) { self.draw(ctx); });
    var timer = null;
    function later() {
      self.pending = true;
      clearTimeout(timer);
      timer = setTimeout(function () { self.place(); network.redraw(); }, 80);
    }
    this.later = later;
    network.on("zoom", later);
    network.on("dragEnd", later);
    network.on("resize", later);
    network.on("hoverNode", function (p) { self.hover = {kind: "node", id: p.node}; network.redraw(); });
    network.on("blurNode", function () { self.hover = null; network.redraw(); });
    network.on("hoverEdge", function (p) { self.hover = {kind: "edge", id: p.edge}; network.redraw(); });
    network.on("blurEdge", function () { self.hover = null; network.redraw(); });
  }

  Labeller.prototype.font = function (px) { return px + "px " + FACE; };

  Labeller.prototype.size = function (lines) {
    var w = 0, h = 0, ctx = this.measure, self = this;
    lines.forEach(function (l) {
      ctx.font = self.font(l.px);
      ctx.direction = l.rtl ? "rtl" : "ltr";
      w = Math.max(w, ctx.measureText(l.text).width);
      h += Math.round(l.px * 1.3);
    });
    return {w: Math.ceil(w) + 2 * PAD, h: h + 2 * PAD};
  };

  Labeller.prototype.nodeBox = function (id) {
    var b = this.network.getBoundingBox(id);
    var a = this.network.canvasToDOM({x: b.left, y: b.top}), z = this.network.canvasToDOM({x: b.right, y: b.bottom});
    return {x: a.x, y: a.y, w: z.x - a.x, h: z.y - a.y};
  };

  /* Where a label of size s goes on side `side` of a node drawn in box n. */
  function sideBox(n, s, side) {
    var cx = n.x + n.w / 2, cy = n.y + n.h / 2;
    if (side === "below") { return {x: cx - s.w / 2, y: n.y + n.h + 1, w: s.w, h: s.h}; }
    if (side === "above") { return {x: cx - s.w / 2, y: n.y - 1 - s.h, w: s.w, h: s.h}; }
    if (side === "right") { return {x: n.x + n.w + 3, y: cy - s.h / 2, w: s.w, h: s.h}; }
    if (side === "left") { return {x: n.x - 3 - s.w, y: cy - s.h / 2, w: s.w, h: s.h}; }
    var right = side.slice(-5) === "right";
    var x = right ? n.x + n.w * 0.85 : n.x + n.w * 0.15 - s.w;
    return {x: x, y: side.indexOf("below") === 0 ? n.y + n.h * 0.85 : n.y + n.h * 0.15 - s.h, w: s.w, h: s.h};
  }
  var SIDES = ["below", "above", "right", "left", "below-right", "below-left", "above-right", "above-left"];
  /* Further out (a thin line then joins label and node): for the most central names, when nothing close is free. */
  var FAR = 26, FAR_RANK = 30, FARTHER_RANK = 10;
  function farBox(n, s, side, far) {
    var r = sideBox(n, s, side), d = FAR * far;
    var dx = side.indexOf("right") !== -1 ? d : side.indexOf("left") !== -1 ? -d : 0;
    var dy = side.indexOf("below") === 0 ? d : side.indexOf("above") === 0 ? -d : 0;
    return {x: r.x + dx, y: r.y + dy, w: r.w, h: r.h, far: far};
  }
  function boxFor(n, s, side, far) { return far ? farBox(n, s, side, far) : sideBox(n, s, side); }

  /* Where along its edge a label may sit: the middle first, then further out; on the line or beside it. */
  var ALONG = [0.5, 0.4, 0.6, 0.3, 0.7];
  var BESIDE = [0, -1, 1];
  Labeller.prototype.edgeBox = function (id, s, spot) {
    var e = this.network.body.edges[id];
    if (!e) { return null; }
    var p = this.network.getPositions([e.fromId, e.toId]);
    var a = this.network.canvasToDOM(p[e.fromId]), b = this.network.canvasToDOM(p[e.toId]);
    var t = spot ? spot.t : 0.5, side = spot ? spot.side : 0;
    var dx = b.x - a.x, dy = b.y - a.y, length = Math.hypot(dx, dy) || 1;
    var nx = -dy / length, ny = dx / length;
    var push = side ? (Math.abs(nx) * s.w + Math.abs(ny) * s.h) / 2 + 1 : 0;
    var cx = a.x + dx * t + side * nx * push, cy = a.y + dy * t + side * ny * push;
    return {x: cx - s.w / 2, y: cy - s.h / 2, w: s.w, h: s.h, length: length, anchor: {x: a.x + dx * t, y: a.y + dy * t}};
  };

  Labeller.prototype.edgeLines = function (id) {
    var text = this.opts.edgeText(id);
    return text ? [{text: text, rtl: false, px: EDGE_PX}] : [];
  };

  Labeller.prototype.nodeLines = function (id) {
    return this.opts.nodeLines(id).map(function (l) { return {text: l.text, rtl: l.rtl, px: l.rtl ? ARABIC_PX : NAME_PX}; });
  };

  /* Decide which labels are drawn, for the current view. */
  Labeller.prototype.place = function () {
    var W = this.container.clientWidth, H = this.container.clientHeight, self = this;
    var inside = function (r) { return r.x >= 2 && r.y >= 2 && r.x + r.w <= W - 2 && r.y + r.h <= H - 2; };
    var obstacles = new Grid(), labels = new Grid();
    var order = this.opts.nodeOrder(), boxes = {};
    order.forEach(function (id) {
      var b = self.nodeBox(id);
      boxes[id] = b;
      if (b.x + b.w >= 0 && b.y + b.h >= 0 && b.x <= W && b.y <= H) {
        obstacles.add({x: b.x - 1, y: b.y - 1, w: b.w + 2, h: b.h + 2, owner: id});
      }
    });
    var placed = [], names = 0, onScreen = 0;
    order.forEach(function (id) {
      var b = boxes[id];
      if (b.x + b.w < 0 || b.y + b.h < 0 || b.x > W || b.y > H) { return; }
      onScreen++;
      var lines = self.nodeLines(id);
      if (!lines.length) { return; }
      var rank = self.opts.rank(id), s = self.size(lines);
      var rings = rank <= FARTHER_RANK ? [0, 1, 2] : rank <= FAR_RANK ? [0, 1] : [0];
      for (var f = 0; f < rings.length; f++) {
        for (var k = 0; k < SIDES.length; k++) {
          var r = boxFor(b, s, SIDES[k], rings[f]);
          if (inside(r) && !obstacles.hits(r, id) && !labels.hits(r)) {
            labels.add({x: r.x - 1, y: r.y - 1, w: r.w + 2, h: r.h + 2});
            placed.push({kind: "node", id: id, side: SIDES[k], far: rings[f], lines: lines});
            names++;
            return;
          }
        }
      }
    });
    var edgeLabels = 0, edgesWithText = 0, edgeIds = this.opts.edgeOrder();
    if (edgeIds.length > EDGE_LABELS_MAX) { edgeIds = []; }  /* a dense page: link labels on hover only */
    edgeIds.forEach(function (id) {
      var lines = self.edgeLines(id);
      if (!lines.length) { return; }
      var s = self.size(lines), mid = self.edgeBox(id, s);
      if (!mid || !inside(mid)) { return; }
      edgesWithText++;
      for (var i = 0; i < ALONG.length; i++) {
        for (var j = 0; j < BESIDE.length; j++) {
          var spot = {t: ALONG[i], side: BESIDE[j]}, r = self.edgeBox(id, s, spot);
          if (inside(r) && !obstacles.hits(r) && !labels.hits(r)) {
            labels.add({x: r.x - 1, y: r.y - 1, w: r.w + 2, h: r.h + 2});
            placed.push({kind: "edge", id: id, lines: lines, spot: spot});
            edgeLabels++;
            return;
          }
        }
      }
    });
    this.placed = placed;
    this.placedFor = this.view();
    this.pending = false;
    this.counts = {names: names, nodes: onScreen, edgeLabels: edgeLabels, edges: edgesWithText};
    if (this.opts.onPlaced) { this.opts.onPlaced(this.counts); }
    return this.counts;
  };

  /* The boxes of the labels drawn now, in CSS pixels of the canvas (what the tests measure). */
  Labeller.prototype.boxes = function () {
    var self = this;
    return this.placed.map(function (p) {
      var s = self.size(p.lines);
      var r = p.kind === "node" ? boxFor(self.nodeBox(p.id), s, p.side, p.far) : self.edgeBox(p.id, s, p.spot);
      return {kind: p.kind, id: p.id, side: p.side || null, far: p.far || 0, lines: p.lines.map(function (l) { return l.text; }),
              px: p.lines.map(function (l) { return l.px; }), box: {x: r.x, y: r.y, w: r.w, h: r.h},
              anchor: r.anchor || null, font: FACE};
    });
  };

  Labeller.prototype.paint = function (ctx, lines, r, framed) {
    if (framed) {
      ctx.fillStyle = "rgba(255,255,255,0.96)";
      ctx.strokeStyle = "#888";
      ctx.lineWidth = 1;
      ctx.fillRect(r.x, r.y, r.w, r.h);
      ctx.strokeRect(r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1);
    }
    var y = r.y + PAD, self = this;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    lines.forEach(function (l) {
      ctx.font = self.font(l.px);
      ctx.direction = l.rtl ? "rtl" : "ltr";
      var x = r.x + r.w / 2;
      if (!framed) {
        ctx.lineWidth = 4; ctx.lineJoin = "round"; ctx.strokeStyle = "rgba(255,255,255,0.92)";
        ctx.strokeText(l.text, x, y + 1);
      }
      ctx.fillStyle = l.px === EDGE_PX && !l.rtl && lines.length === 1 && !framed ? "#333" : "#111";
      ctx.fillText(l.text, x, y + 1);
      y += Math.round(l.px * 1.3);
    });
  };

  /* The thin line from a label set further out to its node. */
  Labeller.prototype.leader = function (ctx, n, r) {
    var cx = n.x + n.w / 2, cy = n.y + n.h / 2;
    var lx = Math.max(r.x, Math.min(cx, r.x + r.w)), ly = Math.max(r.y, Math.min(cy, r.y + r.h));
    ctx.strokeStyle = "#777"; ctx.lineWidth = 1;
    ctx.beginPath(); ctx.moveTo(lx, ly); ctx.lineTo(cx, cy); ctx.stroke();
  };

  Labeller.prototype.view = function () {
    var at = this.network.getViewPosition();
    return [this.network.getScale().toFixed(5), at.x.toFixed(1), at.y.toFixed(1),
            this.container.clientWidth, this.container.clientHeight].join(" ");
  };

  Labeller.prototype.draw = function (ctx) {
    if (this.placedFor !== undefined && this.placedFor !== this.view()) { this.later(); }  /* moved: place again */
    var canvas = ctx.canvas, ratio = canvas.width / Math.max(1, canvas.clientWidth), self = this;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    var shown = {};
    this.placed.forEach(function (p) {
      if (p.kind === "node" && !self.network.body.nodes[p.id]) { return; }
      var s = self.size(p.lines);
      var n = p.kind === "node" ? self.nodeBox(p.id) : null;
      var r = p.kind === "node" ? boxFor(n, s, p.side, p.far) : self.edgeBox(p.id, s, p.spot);
      if (!r) { return; }
      if (p.far) { self.leader(ctx, n, r); }
      self.paint(ctx, p.lines, r, false);
      shown[p.kind + ":" + p.id] = true;
    });
    var h = this.hover;
    if (h && !shown[h.kind + ":" + h.id]) {
      var lines = h.kind === "node" ? this.nodeLines(h.id) : this.edgeLines(h.id);
      if (lines.length) {
        var s = this.size(lines), r;
        if (h.kind === "node") {
          var b = this.nodeBox(h.id), W = this.container.clientWidth, H = this.container.clientHeight;
          r = sideBox(b, s, "below");
          if (r.y + r.h > H) { r = sideBox(b, s, "above"); }
          r.x = Math.max(2, Math.min(r.x, W - r.w - 2));
        } else {
          r = this.edgeBox(h.id, s);
        }
        if (r) { this.paint(ctx, lines, r, true); }
      }
    }
    ctx.restore();
  };

  /* Whether the labels drawn were placed for the view shown now (no placement waiting). */
  Labeller.prototype.settled = function () { return !this.pending && this.placedFor === this.view(); };

  Labeller.MIN_PX = MIN_PX;
  window.DiplographLabels = Labeller;
})();
