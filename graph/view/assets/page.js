// The kg network page: draws the graph with vis-network and adds a legend that filters by type,
// a relation filter, a confidence slider, search, neighbourhood highlighting and evidence
// tooltips. Every text from documents reaches the page through textContent, never innerHTML,
// so a name like <img onerror=...> shows as text.
(function () {
  "use strict";
  const times = { start: performance.now() };
  window.kgTimes = times;
  window.kgReady = false;
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const edgeList = data.edges.map((e, i) => ({ ...e, id: i, from: data.nodes[e.from].id, to: data.nodes[e.to].id }));
  const many = data.edges.length > 1000;
  const hiddenTypes = new Set();
  const state = { relation: "", minConfidence: 0, center: null, neighbours: null };
  const plural = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;

  // Facts are solid lines; negated, hedged and reported statements each have a colour and a
  // dash pattern of their own (graph/visualize.py EDGE_STYLES), named in the legend.
  const styleOf = (e) => data.edgeStyles[e.kind] || data.edgeStyles.asserted;
  const labelSize = (n) => Math.round(8 + n.size / 2);  // hubs' labels stay readable further out
  const overview = data.physics ? null : firstView();
  const hubs = overview === null ? new Set() : hubLabels(overview);
  const nodes = new vis.DataSet(data.nodes.map((n) => ({
    id: n.id, label: n.label, x: n.x, y: n.y, size: n.size,
    color: { background: data.colors[n.type] || "#999", border: "#555" },
    font: { size: hubs.has(n.id) ? Math.ceil(14 / overview.scale) : labelSize(n) },
  })));

  // The view vis-network's fit() will choose for our positions (its formula), known before
  // drawing: decided here, options cost nothing; changed after the first draw, each costs a
  // full redraw (0.3 s at 10,000 nodes).
  function firstView() {
    const box = document.getElementById("kg-network");
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const n of data.nodes) {
      minX = Math.min(minX, n.x - n.size); maxX = Math.max(maxX, n.x + n.size);
      minY = Math.min(minY, n.y - n.size); maxY = Math.max(maxY, n.y + n.size + 20);
    }
    const scale = Math.min(1, box.clientWidth / (1.1 * (maxX - minX || 1)), box.clientHeight / (1.1 * (maxY - minY || 1)));
    return { scale, x: (minX + maxX) / 2, y: (minY + maxY) / 2, width: box.clientWidth, height: box.clientHeight };
  }
  // Zoomed out, the labels of the most connected entities that do not overlap are drawn at a
  // readable size, so that the first view of a large graph names its hubs.
  function hubLabels(view) {
    const chosen = new Set(), boxes = [];
    const byDegree = [...data.nodes].sort((a, b) => b.degree - a.degree).slice(0, 300);
    for (const n of byDegree) {
      if (chosen.size >= 20) break;
      if (labelSize(n) * view.scale >= 8) continue;  // drawn anyway
      const x = (n.x - view.x) * view.scale + view.width / 2;
      const top = (n.y - view.y) * view.scale + view.height / 2 + n.size * view.scale;
      const half = 4 * n.label.length + 6;
      const box = { left: x - half, right: x + half, top, bottom: top + 18 };
      if (boxes.some((b) => b.left < box.right && box.left < b.right && b.top < box.bottom && box.top < b.bottom)) continue;
      boxes.push(box);
      chosen.add(n.id);
    }
    return chosen;
  }
  const edges = new vis.DataSet(edgeList.map((e) => ({
    id: e.id, from: e.from, to: e.to, label: e.label, dashes: styleOf(e).dashes,
    color: { color: styleOf(e).color, highlight: "#333", hover: "#333" },
  })));

  const options = {
    physics: data.physics
      ? { solver: "barnesHut", minVelocity: 1.5,
          barnesHut: { gravitationalConstant: -3500, springLength: 130, centralGravity: 0.6, avoidOverlap: 0.5 },
          stabilization: { iterations: 300, updateInterval: 1000, fit: true } }
      : false,
    interaction: { hover: true, tooltipDelay: 100, hideEdgesOnDrag: many, hideEdgesOnZoom: many },
    layout: { improvedLayout: false },
    nodes: { shape: "dot", borderWidth: 1,
      font: { color: "#222", strokeWidth: 3, strokeColor: "#ffffff" },
      // Labels under 7 screen pixels are not drawn: zoomed out, only the hubs are named.
      scaling: { label: { enabled: true, drawThreshold: 8 } } },
    // Zoomed out, arrowheads are specks that cost a third of each frame: drawn from 30% on
    // (see "afterDrawing" below).
    edges: { arrows: { to: { enabled: overview === null || overview.scale >= 0.3, scaleFactor: 0.55 } }, smooth: false, width: 1.2,
      font: { size: 11, color: "#444", strokeWidth: 3, strokeColor: "#ffffff" },
      // Relation labels show only from 64% zoom on: further out they would be a grey smear.
      scaling: { label: { enabled: true, drawThreshold: 8 } } },
  };
  const network = new vis.Network(document.getElementById("kg-network"), { nodes, edges }, options);
  window.kgNetwork = network;

  network.once("afterDrawing", () => { times.firstDraw = performance.now(); });
  function markReady() {
    times.ready = performance.now();
    window.kgReady = true;
    document.body.dataset.ready = "true";
  }
  if (data.physics && data.nodes.length > 0) {
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: false });
      network.once("afterDrawing", markReady);
      network.fit();
    });
  } else {
    network.once("afterDrawing", markReady);
  }

  // Legend: one entry per type present, doubling as the type filter.
  const legend = document.getElementById("kg-types");
  for (const [type, count] of Object.entries(data.typeCounts)) {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox"; box.checked = true; box.dataset.type = type;
    box.addEventListener("change", () => {
      if (box.checked) hiddenTypes.delete(type); else hiddenTypes.add(type);
      applyFilters();
    });
    const swatch = document.createElement("span");
    swatch.className = "swatch"; swatch.style.background = data.colors[type] || "#999";
    label.append(box, swatch, document.createTextNode(`${type} (${count})`));
    legend.append(label);
  }
  // One entry per kind of statement drawn, its line drawn as the network draws it.
  const kinds = document.getElementById("kg-kinds");
  const present = new Set(data.edges.map((e) => e.kind));
  for (const [kind, style] of Object.entries(data.edgeStyles)) {
    if (!present.has(kind)) continue;
    const entry = document.createElement("div");
    entry.className = "kind"; entry.dataset.kind = kind;
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("width", "26"); svg.setAttribute("height", "8");
    const stroke = document.createElementNS("http://www.w3.org/2000/svg", "line");
    for (const [name, value] of [["x1", 1], ["y1", 4], ["x2", 25], ["y2", 4], ["stroke", style.color],
      ["stroke-width", 2], ["stroke-dasharray", style.dashes ? style.dashes.join(" ") : "none"]]) {
      stroke.setAttribute(name, String(value));
    }
    svg.append(stroke);
    entry.append(svg, document.createTextNode(style.legend));
    kinds.append(entry);
  }
  // What the page leaves out, and where it is.
  const notDrawn = data.statements - data.drawnStatements;
  if (notDrawn > 0) {
    const note = document.getElementById("kg-left-out");
    note.textContent = `${notDrawn} of ${plural(data.statements, "statement")} not drawn: `
      + "dates, quantities, concepts that say what no entity is and that fewer than two entities "
      + "share, and entities outside the part shown. Every statement stays in the store: "
      + "ask with kg query, or read graph.ttl.";
    note.hidden = false;
  }

  // Relation filter (most frequent first) and confidence slider.
  const select = document.getElementById("kg-relation");
  const relationCounts = new Map();
  for (const e of data.edges) relationCounts.set(e.label, (relationCounts.get(e.label) || 0) + 1);
  const relations = [...relationCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  for (const [name, count] of relations) {
    const option = document.createElement("option");
    option.value = name; option.textContent = `${name} (${count})`;
    select.append(option);
  }
  select.addEventListener("change", () => { state.relation = select.value; applyFilters(); });
  const slider = document.getElementById("kg-confidence");
  slider.addEventListener("input", () => {
    state.minConfidence = Number(slider.value);
    document.getElementById("kg-confidence-value").textContent = state.minConfidence.toFixed(2);
    applyFilters();
  });

  // Filters send vis-network only the items whose visibility changes: at 10,000 nodes,
  // updating all of them costs seconds.
  const shown = { nodes: new Map(), edges: new Map() };
  function updateHidden(set, known, items, hidden) {
    const changes = [];
    for (const item of items) {
      const next = hidden(item);
      if ((known.get(item.id) || false) !== next) { known.set(item.id, next); changes.push({ id: item.id, hidden: next }); }
    }
    if (changes.length) set.update(changes);
  }
  const edgeHidden = (e) => (state.relation !== "" && e.label !== state.relation) || e.confidence < state.minConfidence;
  function applyFilters() {
    updateHidden(nodes, shown.nodes, data.nodes, (n) => hiddenTypes.has(n.type));
    updateHidden(edges, shown.edges, edgeList, edgeHidden);
    showCounts();
  }
  function showCounts() {
    const visibleNodes = data.nodes.filter((n) => !hiddenTypes.has(n.type)).length;
    const visibleEdges = edgeList.filter((e) => !edgeHidden(e) && !hiddenTypes.has(byId.get(e.from).type)
      && !hiddenTypes.has(byId.get(e.to).type)).length;
    document.getElementById("kg-counts").textContent = `${visibleNodes} entities, ${visibleEdges} relations`;
  }
  showCounts();

  // Clicking a node veils everything else and draws its neighbourhood again on top; clicking
  // elsewhere lifts the veil. Redrawing a few items costs the same at any size of graph, where
  // dimming every other item through the DataSet took 2 s at 10,000 nodes. Node.draw and
  // Edge.draw/drawArrows are vis-network 9.1.2 internals (the copy pinned with pyvis 0.3.2).
  function highlight(id) {
    state.center = id;
    state.neighbours = id === null ? null : new Set([id, ...network.getConnectedNodes(id)]);
    document.body.dataset.highlighted = id === null ? "" : id;
    network.redraw();
  }
  window.kgNeighbours = () => (state.neighbours === null ? [] : [...state.neighbours].sort());
  network.on("click", (params) => highlight(params.nodes.length ? params.nodes[0] : null));
  network.on("afterDrawing", (ctx) => {
    if (state.neighbours === null) return;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "rgba(255, 255, 255, 0.86)";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
    const drawn = network.getConnectedEdges(state.center).map((id) => network.body.edges[id])
      .filter((edge) => edge && !edge.options.hidden && !edge.from.options.hidden && !edge.to.options.hidden);
    for (const edge of drawn) edge.draw(ctx);
    for (const edge of drawn) edge.drawArrows(ctx);
    const labels = [];
    for (const id of state.neighbours) {
      const node = network.body.nodes[id];
      if (node && !node.options.hidden) {
        const result = node.draw(ctx);
        if (result && result.drawExternalLabel) labels.push(result.drawExternalLabel);
      }
    }
    for (const label of labels) label();
  });

  // Whatever changed the zoom (wheel, search, fit), the next frame checks the two things that
  // depend on it; each change costs one more redraw, and only when a threshold is crossed.
  const shape = { arrows: options.edges.arrows.to.enabled, bigHubs: hubs.size > 0, pending: false };
  network.on("afterDrawing", () => {
    if (shape.pending) return;
    const scale = network.getScale();
    const arrows = scale >= 0.3;
    // The hubs' overview labels shrink back once they would pass about 25 screen pixels.
    const bigHubs = hubs.size > 0 && scale <= overview.scale * 1.8;
    if (arrows === shape.arrows && bigHubs === shape.bigHubs) return;
    shape.pending = true;
    requestAnimationFrame(() => {
      const before = { ...shape };
      Object.assign(shape, { arrows, bigHubs, pending: false });  // before the redraws below
      if (arrows !== before.arrows) network.setOptions({ edges: { arrows: { to: { enabled: arrows } } } });
      if (bigHubs !== before.bigHubs) {
        nodes.update([...hubs].map((id) => ({
          id, font: { size: bigHubs ? Math.ceil(14 / overview.scale) : labelSize(byId.get(id)) },
        })));
      }
    });
  });


  // Search by name or alias: exact match first, then prefix, then substring; Enter focuses it.
  const search = document.getElementById("kg-search");
  search.addEventListener("focus", fillNames, { once: true });
  search.addEventListener("keydown", (event) => { if (event.key === "Enter") focusEntity(search.value); });
  search.addEventListener("change", () => focusEntity(search.value));
  function fillNames() {
    // Filled on first use: 10,000 options would delay the first draw for nothing.
    const names = document.getElementById("kg-names");
    for (const n of data.nodes) {
      for (const name of [n.label, ...n.aliases]) {
        const option = document.createElement("option");
        option.value = name;
        names.append(option);
      }
    }
  }
  function focusEntity(text) {
    const query = text.trim().toLowerCase();
    if (!query) return null;
    const names = (n) => [n.label, ...n.aliases].map((s) => s.toLowerCase());
    const match = data.nodes.find((n) => names(n).includes(query))
      || data.nodes.find((n) => names(n).some((s) => s.startsWith(query)))
      || data.nodes.find((n) => names(n).some((s) => s.includes(query)));
    if (!match) { search.setCustomValidity("no such entity"); search.reportValidity(); return null; }
    search.setCustomValidity("");
    if (hiddenTypes.has(match.type)) document.querySelector(`input[data-type="${CSS.escape(match.type)}"]`).click();
    network.selectNodes([match.id]);
    highlight(match.id);
    network.focus(match.id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 300 } });
    window.kgFocused = match.id;
    return match.id;
  }
  window.kgFocus = focusEntity;

  // Tooltips built from text nodes.
  const tooltip = document.getElementById("kg-tooltip");
  function line(className, text) {
    const div = document.createElement("div");
    div.className = className; div.textContent = text;
    return div;
  }
  function showTooltip(parts, event) {
    tooltip.replaceChildren(...parts);
    tooltip.hidden = false;
    const box = document.getElementById("kg-network").getBoundingClientRect();
    const x = box.left + event.pointer.DOM.x, y = box.top + event.pointer.DOM.y;
    const left = x + 14 + tooltip.offsetWidth > window.innerWidth ? x - 14 - tooltip.offsetWidth : x + 14;
    const top = Math.min(y + 14, window.innerHeight - tooltip.offsetHeight - 4);
    tooltip.style.left = `${Math.max(left, 4)}px`;
    tooltip.style.top = `${Math.max(top, 4)}px`;
  }
  network.on("hoverNode", (event) => {
    const n = byId.get(event.node);
    const parts = [line("head", n.label),
      line("source", `${n.type} · ${plural(n.mentions, "mention")} · ${plural(n.degree, "relation")}`)];
    if (n.aliases.length) parts.push(line("source", `also: ${n.aliases.join(", ")}`));
    showTooltip(parts, event);
  });
  const KINDS = {
    negated: "negated: the text says this is not so",
    reported: "reported: the text attributes it to someone",
    hedged: "hedged: the text says it may, would or is meant to be so",
  };
  network.on("hoverEdge", (event) => {
    const e = edgeList[event.edge];
    const parts = [line("head", `${byId.get(e.from).label} ${e.label} ${byId.get(e.to).label}`)];
    if (e.kind in KINDS) {
      const kind = line("kind", KINDS[e.kind]);
      kind.style.color = styleOf(e).color;
      parts.push(kind);
    }
    for (const [sentence, documentIndex, confidence] of e.evidence) {
      parts.push(line("quote", `“${data.sentences[sentence]}”`));
      parts.push(line("source", `${data.documents[documentIndex]} · confidence ${confidence.toFixed(2)}`));
    }
    if (e.more > 0) parts.push(line("source", `and ${plural(e.more, "more sentence")}`));
    showTooltip(parts, event);
  });
  const hideTooltip = () => { tooltip.hidden = true; };
  for (const name of ["blurNode", "blurEdge", "dragStart", "zoom"]) network.on(name, hideTooltip);
  if (data.nodes.length === 0) markReady();  // vis-network draws nothing, so says nothing
})();
