// tiesdb view: legend, filters, search, neighbourhood highlight and a side panel around a
// vis-network graph. Every piece of data is shown with textContent, never as markup.
(function () {
  "use strict";
  const started = performance.now();
  const data = JSON.parse(document.getElementById("tiesdb-data").textContent);
  const $ = (id) => document.getElementById(id);
  const MAX_TOOLTIP_TIES = 3;

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function clip(text, n) {
    text = String(text || "");
    return text.length > n ? text.slice(0, n - 1) + "\u2026" : text;
  }
  function plural(n, word) { return n.toLocaleString("en") + " " + word + (n === 1 ? "" : "s"); }

  // -- data --------------------------------------------------------------------------------
  const nodeById = new Map(data.nodes.map((n) => [n.id, n]));
  const labelStyle = new Map(data.labels.map((l) => [l.name, l]));
  const typeStyle = new Map(data.types.map((t) => [t.name, t]));
  function name(id) { const n = nodeById.get(id); return n ? n.label : id; }
  function arrow(e) { return typeStyle.get(e.type).symmetric ? " \u2014 " : " \u2192 "; }
  function source(t) {
    const d = data.docs[t.doc] || {};
    const parts = [d.title || t.doc];
    if (t.date) parts.push(t.date);
    else if (d.date) parts.push(d.date);
    if (t.domain) parts.push(t.domain);
    if (t.amount !== undefined) parts.push(t.amount.toLocaleString("en") + (t.currency ? " " + t.currency : ""));
    if (t.item) parts.push("item: " + t.item);
    if (t.implied) parts.push("implied");
    return parts.filter(Boolean).join(" \u00b7 ");
  }
  function nodeTitle(n) {
    const lines = [n.label, [n.group, n.kind, n.country].filter(Boolean).join(" \u00b7 ")];
    if (n.aliases) lines.push("also: " + clip(n.aliases.join(", "), 300));
    lines.push(plural(n.degree, "tie") + " (click for the evidence)");
    return lines.join("\n");
  }
  function edgeTitle(e) {
    const lines = [e.type + ": " + name(e.from) + arrow(e) + name(e.to) + " (" + plural(e.ties.length, "piece") + " of evidence)"];
    for (const t of e.ties.slice(0, MAX_TOOLTIP_TIES)) {
      lines.push("", "\u201c" + clip(t.evidence || "(no sentence)", 400) + "\u201d", "\u2014 " + source(t));
    }
    if (e.ties.length > MAX_TOOLTIP_TIES) lines.push("", "\u2026 and " + (e.ties.length - MAX_TOOLTIP_TIES) + " more: click the tie");
    return lines.join("\n");
  }
  // Plain-text titles: vis-network shows string titles with innerText.
  for (const n of data.nodes) n.title = nodeTitle(n);
  for (const e of data.edges) e.title = edgeTitle(e);

  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  const incident = new Map(data.nodes.map((n) => [n.id, []]));
  for (const e of data.edges) { incident.get(e.from).push(e); if (e.to !== e.from) incident.get(e.to).push(e); }

  // -- filtering ---------------------------------------------------------------------------
  const state = {
    labels: new Set(labelStyle.keys()), types: new Set(typeStyle.keys()),
    from: "", to: "", ego: false, depth: 1, selected: null,
  };
  let shownNodes = new Set(data.nodes.map((n) => n.id));
  let shownEdges = new Set(data.edges.map((e) => e.id));

  function tieInRange(t) {
    if (!state.from && !state.to) return true;
    if (!t.date) return false;
    return (!state.from || t.date >= state.from) && (!state.to || t.date <= state.to);
  }
  function egoSet() {
    const seen = new Set([state.selected]);
    let frontier = [state.selected];
    for (let d = 0; d < state.depth; d++) {
      const next = [];
      for (const id of frontier) for (const e of incident.get(id)) {
        if (!shownEdges.has(e.id)) continue;
        const other = e.from === id ? e.to : e.from;
        if (!seen.has(other)) { seen.add(other); next.push(other); }
      }
      frontier = next;
    }
    return seen;
  }
  function computeShown() {
    const labelOk = (id) => state.labels.has(nodeById.get(id).group);
    const tieFilter = state.types.size < typeStyle.size || state.from || state.to;
    shownEdges = new Set();
    const touched = new Set();
    for (const e of data.edges) {
      if (!state.types.has(e.type) || !labelOk(e.from) || !labelOk(e.to)) continue;
      if (!e.ties.some(tieInRange)) continue;
      shownEdges.add(e.id); touched.add(e.from); touched.add(e.to);
    }
    shownNodes = new Set();
    for (const n of data.nodes) {
      // With a tie filter on, a node whose ties are all filtered out goes too.
      if (labelOk(n.id) && (!tieFilter || touched.has(n.id) || n.degree === 0)) shownNodes.add(n.id);
    }
    if (state.ego && state.selected !== null && shownNodes.has(state.selected)) {
      const ego = egoSet();
      shownNodes = new Set([...shownNodes].filter((id) => ego.has(id)));
    }
    for (const id of [...shownEdges]) {
      const e = edges.get(id);
      if (!shownNodes.has(e.from) || !shownNodes.has(e.to)) shownEdges.delete(id);
    }
  }
  const nodeView = new vis.DataView(nodes, { filter: (n) => shownNodes.has(n.id) });
  const edgeView = new vis.DataView(edges, { filter: (e) => shownEdges.has(e.id) });

  function refresh() {
    clearHighlight();
    computeShown();
    nodeView.refresh();
    edgeView.refresh();
    let ties = 0;
    for (const id of shownEdges) ties += edges.get(id).ties.length;
    $("shown").textContent = "Showing " + plural(shownNodes.size, "node") + " and " + plural(ties, "tie") + ".";
    if (state.selected !== null && shownNodes.has(state.selected)) highlight(state.selected);
  }

  // -- the network -------------------------------------------------------------------------
  const built = performance.now();
  const network = new vis.Network($("network"), { nodes: nodeView, edges: edgeView }, data.options);
  const constructed = performance.now();
  // vis-network fits node positions only; leave a margin for the labels of the outer nodes.
  function fit() {
    network.fit({ animation: false });
    network.moveTo({ scale: network.getScale() * 0.9, animation: false });
  }
  const physicsBox = $("physics");
  physicsBox.checked = data.physics;
  function ready() {
    // ms since navigation began, for benchmarks: script start, data built, network made, ready.
    window.tiesdbTimes = { script: started, data: built, network: constructed, ready: performance.now() };
    window.tiesdbReadyAt = window.tiesdbTimes.ready;
    window.tiesdbReady = true;
    document.body.dataset.ready = "true";
  }
  if (data.physics) {
    // Freeze once stable so that nodes stay where they are clicked; the checkbox resumes it.
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: { enabled: false } });
      physicsBox.checked = false;
      fit();
      network.once("afterDrawing", ready);
      network.redraw();
    });
  } else {
    fit();
    network.once("afterDrawing", ready);
  }
  physicsBox.addEventListener("change", () => network.setOptions({ physics: { enabled: physicsBox.checked } }));

  // -- neighbourhood highlight -------------------------------------------------------------
  // Drawn as a veil over the canvas with the neighbourhood painted again on top. Changing the
  // nodes' colours instead costs a DataSet update, after which vis-network re-indexes every
  // node and edge (~0.2 s per update at 1,000 nodes, seconds at 10,000).
  let focusNodes = null, focusEdges = null;
  network.on("afterDrawing", (ctx) => {
    if (!focusNodes) return;
    const canvas = $("network").querySelector("canvas");
    const a = network.DOMtoCanvas({ x: 0, y: 0 });
    const b = network.DOMtoCanvas({ x: canvas.clientWidth, y: canvas.clientHeight });
    ctx.save();
    ctx.fillStyle = "rgba(255, 255, 255, 0.8)";
    ctx.fillRect(a.x, a.y, b.x - a.x, b.y - a.y);
    ctx.restore();
    // vis-network's own drawing calls (the library version is pinned with pyvis).
    for (const id of focusEdges) {
      const edge = network.body.edges[id];
      if (edge) { edge.draw(ctx); edge.drawArrows(ctx); }
    }
    const labels = [];
    for (const id of focusNodes) {
      const node = network.body.nodes[id];
      if (!node) continue;
      const drawn = node.draw(ctx);
      if (drawn && drawn.drawExternalLabel) labels.push(drawn.drawExternalLabel);
    }
    for (const draw of labels) draw();
  });
  // Coalesced with vis-network's own pending redraw; network.redraw() would draw at once
  // (1 s per call at 10,000 nodes).
  function requestRedraw() { network.body.emitter.emit("_requestRedraw"); }
  function highlight(id) {
    focusNodes = new Set([id]);
    focusEdges = new Set();
    for (const e of incident.get(id) || []) {
      if (!shownEdges.has(e.id)) continue;
      focusEdges.add(e.id); focusNodes.add(e.from); focusNodes.add(e.to);
    }
    requestRedraw();
  }
  function clearHighlight() {
    if (focusNodes) { focusNodes = focusEdges = null; requestRedraw(); }
  }

  // -- side panel --------------------------------------------------------------------------
  const panel = $("panel"), body = $("panel-body");
  function docLink(t) {
    const d = data.docs[t.doc] || {};
    const href = d.url || d.path || "";
    const p = el("p", null, "source");
    p.append("\u2014 ");
    if (/^https?:\/\//i.test(href)) {
      const a = el("a", source(t));
      a.href = href; a.target = "_blank"; a.rel = "noopener noreferrer";
      p.append(a);
    } else {
      p.append(source(t));
      if (href) p.append(" (" + href + ")");
    }
    return p;
  }
  function evidence(parent, ties) {
    for (const t of ties) {
      parent.append(el("blockquote", t.evidence || "(no sentence)"));
      parent.append(docLink(t));
    }
  }
  function nodeButton(id) {
    const b = el("button", name(id), "link");
    b.type = "button";
    b.addEventListener("click", () => select(id));
    return b;
  }
  function swatch(color) { const s = el("span", null, "swatch"); s.style.background = color; return s; }
  function showNode(id) {
    const n = nodeById.get(id);
    body.replaceChildren();
    body.append(el("h2", n.label));
    body.append(el("p", [n.group, n.kind, n.country].filter(Boolean).join(" \u00b7 "), "facts"));
    if (n.aliases) body.append(el("p", "Also called: " + n.aliases.join(", "), "facts"));
    const mine = incident.get(id);
    body.append(el("p", plural(mine.reduce((s, e) => s + e.ties.length, 0), "tie"), "facts"));
    for (const e of mine) {
      const h = el("h3");
      h.append(swatch(typeStyle.get(e.type).color), e.type + " ");
      if (e.from === id && e.to !== id) h.append(arrow(e).trim() + " ", nodeButton(e.to));
      else if (e.to === id && e.from !== id) h.append(nodeButton(e.from), " " + arrow(e).trim() + " this");
      else h.append("itself");
      if (!shownEdges.has(e.id)) h.append(el("span", " (filtered out)", "note"));
      body.append(h);
      evidence(body, e.ties);
    }
    panel.hidden = false;
  }
  function showEdge(id) {
    const e = edges.get(id);
    body.replaceChildren();
    const h = el("h2");
    h.append(swatch(typeStyle.get(e.type).color), e.type);
    body.append(h);
    const p = el("p", null, "facts");
    p.append(nodeButton(e.from), arrow(e), nodeButton(e.to));
    body.append(p);
    body.append(el("p", plural(e.ties.length, "piece") + " of evidence", "facts"));
    evidence(body, e.ties);
    panel.hidden = false;
  }
  function closePanel() { panel.hidden = true; body.replaceChildren(); }
  $("panel-close").addEventListener("click", () => { closePanel(); unselect(); });

  function select(id) {
    $("search-message").textContent = "";
    state.selected = id;
    if (state.ego) refresh();
    if (!shownNodes.has(id)) {
      $("search-message").textContent = name(id) + " is hidden by the filters.";
      showNode(id);
      return;
    }
    network.selectNodes([id]);
    highlight(id);
    showNode(id);
  }
  function unselect() {
    state.selected = null;
    clearHighlight();
    network.unselectAll();
    if (state.ego) refresh();
  }
  network.on("click", (params) => {
    if (params.nodes.length) select(params.nodes[0]);
    else if (params.edges.length) { state.selected = null; clearHighlight(); showEdge(params.edges[0]); }
    else { closePanel(); unselect(); }
  });

  // -- search ------------------------------------------------------------------------------
  const byName = new Map();
  const datalist = $("names");
  for (const n of data.nodes) {
    for (const a of [n.label, n.id, ...(n.aliases || [])]) {
      const key = a.toLowerCase();
      if (!byName.has(key)) byName.set(key, n.id);
    }
    for (const a of [n.label, ...(n.aliases || [])]) {
      const o = document.createElement("option");
      o.value = a;
      datalist.append(o);
    }
  }
  function search(text) {
    const key = String(text).trim().toLowerCase();
    if (!key) return null;
    let id = byName.get(key);
    if (id === undefined) {
      for (const [k, v] of byName) if (k.includes(key)) { id = v; break; }
    }
    if (id === undefined) { $("search-message").textContent = "No node called \u201c" + text + "\u201d."; return null; }
    select(id);
    if (shownNodes.has(id)) network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: false });
    return id;
  }
  const searchBox = $("search");
  let searched = null;  // Enter and the change event that follows it search once
  function searchBoxValue() {
    if (searchBox.value !== searched) { searched = searchBox.value; search(searched); }
  }
  searchBox.addEventListener("change", searchBoxValue);
  searchBox.addEventListener("keydown", (ev) => { if (ev.key === "Enter") searchBoxValue(); });

  // -- legend and filters ------------------------------------------------------------------
  const SVG = "http://www.w3.org/2000/svg";
  function glyph(shape, color, dashed) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "16"); svg.setAttribute("height", "16"); svg.setAttribute("viewBox", "0 0 16 16");
    const points = { diamond: "8,1 15,8 8,15 1,8", triangle: "8,1 15,14 1,14", triangleDown: "1,2 15,2 8,15",
      star: "8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6",
      hexagon: "4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8", square: "2,2 14,2 14,14 2,14" };
    let s;
    if (shape === "line") {
      s = document.createElementNS(SVG, "line");
      s.setAttribute("x1", "0"); s.setAttribute("y1", "8"); s.setAttribute("x2", "16"); s.setAttribute("y2", "8");
      s.setAttribute("stroke", color); s.setAttribute("stroke-width", "3");
    } else {
      if (points[shape]) { s = document.createElementNS(SVG, "polygon"); s.setAttribute("points", points[shape]); }
      else { s = document.createElementNS(SVG, "circle"); s.setAttribute("cx", "8"); s.setAttribute("cy", "8"); s.setAttribute("r", "6.5"); }
      s.setAttribute("fill", color); s.setAttribute("stroke", "#333");
      if (dashed) s.setAttribute("stroke-dasharray", "2,1.5");
    }
    svg.append(s);
    return svg;
  }
  function legendItem(parent, key, icon, count, set, kind) {
    const label = el("label", null, "legend-item");
    const box = document.createElement("input");
    box.type = "checkbox"; box.checked = true; box.dataset[kind] = key;
    box.addEventListener("change", () => { if (box.checked) set.add(key); else set.delete(key); refresh(); });
    label.append(box, icon, el("span", key), el("span", "(" + count.toLocaleString("en") + ")", "count"));
    parent.append(label);
  }
  const labelCounts = {}, typeCounts = {};
  for (const n of data.nodes) labelCounts[n.group] = (labelCounts[n.group] || 0) + 1;
  for (const e of data.edges) typeCounts[e.type] = (typeCounts[e.type] || 0) + e.ties.length;
  for (const s of data.labels) {
    legendItem($("legend-labels"), s.name, glyph(s.shape, s.color, s.name === "Place"), labelCounts[s.name], state.labels, "label");
  }
  for (const s of data.types) {
    legendItem($("legend-types"), s.name, glyph("line", s.color), typeCounts[s.name], state.types, "type");
  }
  const dates = data.edges.flatMap((e) => e.ties.map((t) => t.date).filter(Boolean)).sort();
  for (const [id, key] of [["date-from", "from"], ["date-to", "to"]]) {
    const input = $(id);
    if (dates.length) { input.min = dates[0]; input.max = dates[dates.length - 1]; }
    input.addEventListener("change", () => { state[key] = input.value; refresh(); });
  }
  $("ego").addEventListener("change", () => { state.ego = $("ego").checked; refresh(); });
  $("ego-depth").addEventListener("change", () => { state.depth = Number($("ego-depth").value); refresh(); });
  $("reset").addEventListener("click", () => {
    for (const k of labelStyle.keys()) state.labels.add(k);
    for (const k of typeStyle.keys()) state.types.add(k);
    state.from = state.to = ""; state.ego = false;
    for (const box of document.querySelectorAll(".legend-item input")) box.checked = true;
    $("date-from").value = $("date-to").value = ""; $("ego").checked = false;
    refresh();
  });
  $("fit").addEventListener("click", fit);

  refresh();
  // For scripts and tests: the vis objects and the actions the controls perform.
  window.tiesdb = {
    network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView, data: data,
    search: search, select: select, refresh: refresh, state: state,
    shown: () => ({ nodes: [...shownNodes], edges: [...shownEdges] }),
    highlighted: () => (focusNodes ? [...focusNodes] : []),
  };
})();
