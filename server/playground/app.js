// The tiercel playground: forms that ask the server and show its answers.
// Every value from an answer goes into the page as text (textContent) or as
// SVG elements parsed as XML, never as markup parsed as HTML.
"use strict";

const $ = (id) => document.getElementById(id);

// call sends a request and returns the response, or throws an Error whose
// message is the API's error message.
async function call(method, path, body, type) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.body = body;
    init.headers["Content-Type"] = type || "application/json";
  }
  const resp = await fetch(path, init);
  if (!resp.ok) {
    let msg = resp.status + " " + resp.statusText;
    try {
      const e = (await resp.json()).error;
      if (e && e.message) msg = e.message;
    } catch (_) { /* not JSON: keep the status */ }
    throw new Error(msg);
  }
  return resp;
}

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

// showSVG parses an SVG document as XML and puts its root element in box.
function showSVG(box, text) {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = doc.documentElement;
  if (root.nodeName !== "svg") throw new Error("the server's picture is not an SVG document");
  box.replaceChildren(document.importNode(root, true));
}

// form wires the submit of a form to run, with errors shown in errBox.
function form(id, errBox, run) {
  $(id).addEventListener("submit", async (ev) => {
    ev.preventDefault();
    $(errBox).textContent = "";
    try {
      await run();
    } catch (e) {
      $(errBox).textContent = e.message;
    }
  });
}

async function loadCatalog() {
  const c = await (await call("GET", "/v1/catalog")).json();
  $("revision").textContent = c.revision;
  for (const [sel, pick] of [["compare-from", 0], ["compare-to", 1]]) {
    const s = $(sel);
    s.replaceChildren();
    for (const t of c.tiers) {
      const o = el("option", t.name ? t.name + " (" + t.id + ")" : t.id);
      o.value = t.id;
      s.append(o);
    }
    if (c.tiers.length > pick) s.selectedIndex = pick;
  }
}

function target(t) { return t ? t.text : "none"; }

function compareRows(changes) {
  const body = $("compare-table").tBodies[0];
  body.replaceChildren();
  for (const ch of changes) {
    const tr = el("tr");
    const effect = ch.effect ? ch.effect.reading : "";
    for (const v of [ch.priority, target(ch.from), target(ch.to), ch.change, effect]) tr.append(el("td", v));
    body.append(tr);
  }
  $("compare-table").hidden = false;
}

form("compare-form", "compare-error", async () => {
  const req = JSON.stringify({
    from: $("compare-from").value,
    to: $("compare-to").value,
    scope: { zone: $("compare-zone").value, country: $("compare-country").value,
             from: $("compare-start").value, to: $("compare-end").value },
  });
  $("weekgrid").replaceChildren();
  const cmp = await (await call("POST", "/v1/compare", req)).json();
  compareRows(cmp.result.changes);
  showSVG($("weekgrid"), await (await call("POST", "/playground/weekgrid", req)).text());
});

form("timeline-form", "timeline-error", async () => {
  $("timeline").replaceChildren();
  const resp = await call("POST", "/playground/timeline", $("timeline-case").value);
  showSVG($("timeline"), await resp.text());
});

form("check-form", "check-error", async () => {
  const list = $("check-errors");
  list.replaceChildren();
  $("check-summary").textContent = "";
  const r = await (await call("POST", "/playground/check", $("check-catalog").value, "application/yaml")).json();
  if (r.ok) {
    $("check-summary").textContent = "The catalog compiles: " + r.tiers.length + " tiers (" + r.tiers.join(", ") + ").";
    return;
  }
  $("check-summary").textContent = r.errors.length + " errors:";
  for (const e of r.errors) {
    const li = el("li");
    const pos = e.line ? e.line + ":" + e.column : "?";
    li.append(el("span", pos, "pos"), document.createTextNode(" " + (e.path ? e.path + ": " : "") + e.message));
    list.append(li);
  }
});

loadCatalog().catch((e) => { $("compare-error").textContent = "loading the catalog: " + e.message; });
