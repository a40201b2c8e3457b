(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("review-data").textContent);
  var byId = {};
  data.cards.forEach(function (c) { byId[c.id] = c; });
  var ORDER = ["denial", "contact", "plan", "claim", "candidate"];
  var TITLES = {contact: "Contacts that took place", plan: "Plans", denial: "Denials: contacts said not to have taken place",
                claim: "Claims", candidate: "People the registry does not know"};

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function auto(tag, cls, text) {
    var e = el(tag, cls, text);
    e.dir = "auto";
    return e;
  }

  function section(cards) {
    var best = null;
    cards.forEach(function (id) {
      var s = id.indexOf("noise-") === 0 ? "noise" : (byId[id] ? byId[id].section : "noise");
      var rank = s === "noise" ? 99 : ORDER.indexOf(s);
      if (best === null || rank < best.rank) { best = {name: s, rank: rank}; }
    });
    return best ? best.name : null;
  }

  // -- the article --
  var article = document.getElementById("article");
  data.segments.forEach(function (seg) {
    if (!seg.cards.length) { article.appendChild(document.createTextNode(seg.text)); return; }
    var kind = section(seg.cards);
    var mark = el("mark", "k-" + kind, seg.text);
    mark.dataset.cards = seg.cards.join(" ");
    if (kind === "noise") { mark.title = "page furniture, left out"; }
    else {
      mark.title = seg.cards.filter(function (id) { return byId[id]; }).map(function (id) {
        return byId[id].section + " " + id;
      }).join("\n");
      mark.addEventListener("click", function () { select(seg.cards.filter(function (id) { return byId[id]; }), false); });
    }
    article.appendChild(mark);
  });

  // -- the cards --
  var aside = document.getElementById("cards");
  var cardEls = {};

  function row(dl, label, value, isAuto) {
    if (value === undefined || value === null || value === "") { return; }
    dl.appendChild(el("dt", null, label));
    var dd = isAuto ? auto("dd", null, value) : el("dd", null, value);
    dl.appendChild(dd);
    return dd;
  }

  function people(dl, label, list) {
    if (!list || !list.length) { return; }
    dl.appendChild(el("dt", null, label));
    var dd = el("dd");
    list.forEach(function (p, i) {
      var line = el("div");
      var name = auto("bdi", null, p.ar && p.ar !== p.name ? p.name + " · " + p.ar : p.name);
      line.appendChild(name);
      line.appendChild(el("span", "muted", " — " + p.how));
      dd.appendChild(line);
    });
    dl.appendChild(dd);
  }

  function card(c) {
    var box = el("div", "card k-" + c.section);
    box.id = "card-" + c.id;
    box.dataset.review = c.review || c.section === "candidate" ? "1" : "0";
    var h = el("h2");
    h.appendChild(auto("bdi", null, c.section === "candidate" ? c.name : c.id));
    h.appendChild(el("span", "badge", c.section === "plan" ? "plan: " + (c.status || "announced") :
                                      c.section === "contact" ? "took place" : c.section));
    if (c.kind) { h.appendChild(el("span", "badge", c.kind)); }
    if (typeof c.confidence === "number") {
      h.appendChild(el("span", "badge " + (c.review ? "review" : "ok"), "confidence " + c.confidence.toFixed(2)));
    }
    if (c.review) { h.appendChild(el("span", "badge review", "marked for review")); }
    box.appendChild(h);
    var dl = el("dl");
    if (c.section === "contact" || c.section === "plan") {
      var dd = row(dl, "date", c.date, false);
      if (dd && c.date_how) {
        dd.appendChild(document.createTextNode(" — "));
        dd.appendChild(auto("bdi", "muted", c.date_how));
      }
      people(dl, "participants", c.participants);
      row(dl, "place", c.place, true);
      row(dl, "gathering", c.gathering, true);
      row(dl, "duration", c.duration);
      row(dl, "confidence", c.why);
      row(dl, "review", c.review);
    } else if (c.section === "denial" || c.section === "claim") {
      people(dl, "said by", [c.by]);
      people(dl, "denied contact", c.participants);
      row(dl, "attribution", c.attribution, true);
      row(dl, "statement", c.statement, true);
      row(dl, "supports", (c.supports || []).join(", "));
    } else {
      row(dl, "title", c.title, true);
      row(dl, "country", c.country);
      row(dl, "note", c.note, true);
      row(dl, "to do", "register this person (or correct the name) before adding the draft");
    }
    box.appendChild(dl);
    box.appendChild(auto("div", "quote", c.evidence));
    var det = el("details");
    det.appendChild(el("summary", null, "draft line " + c.line));
    det.appendChild(el("pre", "yaml", c.yaml));
    box.appendChild(det);
    box.addEventListener("click", function (ev) {
      if (ev.target.tagName === "SUMMARY") { return; }
      select([c.id], true);
    });
    cardEls[c.id] = box;
    return box;
  }

  ["contact", "plan", "denial", "candidate", "claim"].forEach(function (name) {
    var list = data.cards.filter(function (c) { return c.section === name; });
    if (!list.length) { return; }
    var group = el("section");
    group.dataset.section = name;
    group.appendChild(el("div", "section-title", TITLES[name] + " (" + list.length + ")"));
    list.forEach(function (c) { group.appendChild(card(c)); });
    aside.appendChild(group);
  });

  function select(ids, scrollText) {
    Array.prototype.forEach.call(document.querySelectorAll(".card.selected, mark.flash"), function (e) {
      e.classList.remove("selected"); e.classList.remove("flash");
    });
    ids.forEach(function (id) {
      if (cardEls[id]) { cardEls[id].classList.add("selected"); }
      Array.prototype.forEach.call(document.querySelectorAll("mark"), function (m) {
        if ((" " + m.dataset.cards + " ").indexOf(" " + id + " ") >= 0) { m.classList.add("flash"); }
      });
    });
    var first = scrollText ? document.querySelector("mark.flash") : (ids[0] && cardEls[ids[0]]);
    if (first && first.scrollIntoView) { first.scrollIntoView({block: "center"}); }
  }

  // -- the header --
  document.getElementById("meta").textContent = "draft " + data.path + " · text " + data.text_path +
    " · published " + data.published + " · language " + data.language;
  var counts = data.counts;
  document.getElementById("summary").textContent = (counts.contact || 0) + " contact(s), " + (counts.plan || 0) +
    " plan(s), " + (counts.denial || 0) + " denial(s), " + (counts.claim || 0) + " claim(s), " +
    (counts.candidate || 0) + " new person/people; " + data.to_review + " to review before `diplograph add`.";
  var legend = document.getElementById("legend");
  ["contact", "plan", "denial", "claim", "candidate"].forEach(function (k) {
    var item = el("span", "legend-item");
    var sw = el("span", "swatch");
    sw.style.background = "var(--" + k + ")";
    sw.style.borderColor = "var(--" + k + "-edge)";
    item.appendChild(sw);
    item.appendChild(el("span", null, k));
    legend.appendChild(item);
  });
  document.getElementById("only-review").addEventListener("change", function (ev) {
    Array.prototype.forEach.call(document.querySelectorAll(".card"), function (c) {
      c.classList.toggle("hidden", ev.target.checked && c.dataset.review !== "1");
    });
    Array.prototype.forEach.call(document.querySelectorAll("#cards section"), function (sec) {
      sec.classList.toggle("hidden", !sec.querySelector(".card:not(.hidden)"));
    });
  });

  window.diplographReview = {
    counts: function () {
      return {cards: document.querySelectorAll(".card").length, marks: document.querySelectorAll("mark").length,
              review: document.querySelectorAll(".card[data-review='1']").length};
    },
    select: select
  };
})();
