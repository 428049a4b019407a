// The kg network page: draws the graph with vis-network and adds search, filters, a legend and
// evidence tooltips. Every text from documents reaches the page through textContent, never
// innerHTML, so a name like <img onerror=...> shows as text.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(data.edges.map((e) => [e.id, e]));
  const hiddenTypes = new Set();
  let relation = "";
  let minConfidence = 0;

  const nodes = new vis.DataSet(data.nodes.map((n) => ({
    id: n.id, label: n.label, x: n.x, y: n.y, size: n.size, shape: "dot",
    color: { background: data.colors[n.type], border: "#555" }, font: { size: 14 },
  })));
  const edges = new vis.DataSet(data.edges.map((e) => ({
    id: e.id, from: e.from, to: e.to, label: e.label, arrows: "to",
    dashes: e.kind !== "asserted", color: { color: e.kind === "asserted" ? "#888" : "#c44" },
    font: { size: 11, strokeWidth: 3, color: "#333" },
  })));

  const options = {
    physics: data.physics
      ? { solver: "barnesHut", stabilization: { iterations: 250, fit: true },
          barnesHut: { gravitationalConstant: -6000, springLength: 140, avoidOverlap: 0.2 } }
      : false,
    interaction: { hover: true, tooltipDelay: 80, hideEdgesOnDrag: data.nodes.length > 1000 },
    edges: { smooth: false, scaling: { label: { enabled: true, drawThreshold: 7 } } },
    nodes: { scaling: { label: { enabled: true, drawThreshold: 6 } } },
    layout: { improvedLayout: data.physics && data.nodes.length < 150 },
  };
  const network = new vis.Network(document.getElementById("kg-network"), { nodes, edges }, options);
  window.kgNetwork = network;
  window.kgReady = false;
  const ready = () => { window.kgReady = true; document.body.dataset.ready = "true"; };
  if (data.physics) {
    network.once("stabilizationIterationsDone", () => { network.setOptions({ physics: false }); ready(); });
  } else {
    network.once("afterDrawing", ready);
  }

  // Legend: one entry per type present, doubling as the type filter.
  const legend = document.getElementById("kg-legend");
  for (const [type, count] of Object.entries(data.typeCounts)) {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox"; box.checked = true; box.value = type; box.dataset.type = type;
    box.addEventListener("change", () => {
      if (box.checked) hiddenTypes.delete(type); else hiddenTypes.add(type);
      applyFilters();
    });
    const swatch = document.createElement("span");
    swatch.className = "swatch"; swatch.style.background = data.colors[type];
    label.append(box, swatch, document.createTextNode(`${type} (${count})`));
    legend.append(label);
  }
  if (data.edges.some((e) => e.kind !== "asserted")) {
    const note = document.createElement("div");
    const line = document.createElement("span");
    line.className = "dashed";
    note.append(line, document.createTextNode("negated, reported or hedged"));
    legend.append(note);
  }

  // Relation filter and confidence slider.
  const select = document.getElementById("kg-relation");
  for (const name of [...new Set(data.edges.map((e) => e.label))].sort()) {
    const option = document.createElement("option");
    option.value = name; option.textContent = name;
    select.append(option);
  }
  select.addEventListener("change", () => { relation = select.value; applyFilters(); });
  const slider = document.getElementById("kg-confidence");
  slider.addEventListener("input", () => {
    minConfidence = Number(slider.value);
    document.getElementById("kg-confidence-value").textContent = minConfidence.toFixed(2);
    applyFilters();
  });

  function applyFilters() {
    nodes.update(data.nodes.map((n) => ({ id: n.id, hidden: hiddenTypes.has(n.type) })));
    edges.update(data.edges.map((e) => ({
      id: e.id,
      hidden: (relation !== "" && e.label !== relation) || e.confidence < minConfidence,
    })));
    showCounts();
  }
  function showCounts() {
    const shownNodes = nodes.get({ filter: (n) => !n.hidden }).length;
    const shownEdges = edges.get({ filter: (e) => !e.hidden && !hiddenTypes.has(byId.get(e.from).type)
      && !hiddenTypes.has(byId.get(e.to).type) }).length;
    document.getElementById("kg-counts").textContent = `${shownNodes} entities, ${shownEdges} relations`;
  }
  showCounts();

  // Search by name or alias; Enter focuses the best match.
  const names = document.getElementById("kg-names");
  for (const n of data.nodes) {
    for (const name of [n.label, ...n.aliases]) {
      const option = document.createElement("option");
      option.value = name;
      names.append(option);
    }
  }
  const search = document.getElementById("kg-search");
  search.addEventListener("keydown", (event) => { if (event.key === "Enter") focusEntity(search.value); });
  search.addEventListener("change", () => focusEntity(search.value));
  function focusEntity(text) {
    const query = text.trim().toLowerCase();
    if (!query) return null;
    const names = (n) => [n.label, ...n.aliases].map((s) => s.toLowerCase());
    const match = data.nodes.find((n) => names(n).includes(query))
      || data.nodes.find((n) => names(n).some((s) => s.startsWith(query)))
      || data.nodes.find((n) => names(n).some((s) => s.includes(query)));
    if (!match) return null;
    network.selectNodes([match.id]);
    highlight(match.id);
    network.focus(match.id, { scale: 1.4, animation: { duration: 300 } });
    window.kgFocused = match.id;
    return match.id;
  }
  window.kgFocus = focusEntity;

  // Clicking a node dims everything outside its neighbourhood.
  function highlight(id) {
    const keep = new Set(id === null ? data.nodes.map((n) => n.id) : [id, ...network.getConnectedNodes(id)]);
    nodes.update(data.nodes.map((n) => ({ id: n.id, opacity: keep.has(n.id) ? 1 : 0.15 })));
  }
  network.on("click", (params) => highlight(params.nodes.length ? params.nodes[0] : null));

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
    const pointer = event.event && event.event.center ? event.event.center : event.pointer.DOM;
    tooltip.style.left = `${Math.min(pointer.x + 14, window.innerWidth - 420)}px`;
    tooltip.style.top = `${pointer.y + 14}px`;
  }
  network.on("hoverNode", (event) => {
    const n = byId.get(event.node);
    const parts = [line("head", n.label), line("source", `${n.type}, ${n.mentions} mention${n.mentions === 1 ? "" : "s"}`)];
    if (n.aliases.length) parts.push(line("source", `also: ${n.aliases.join(", ")}`));
    showTooltip(parts, event);
  });
  network.on("hoverEdge", (event) => {
    const e = edgeById.get(event.edge);
    const head = `${byId.get(e.from).label} ${e.label} ${byId.get(e.to).label}`;
    const parts = [line("head", e.kind === "asserted" ? head : `${head} (${e.kind})`)];
    for (const ev of e.evidence) {
      parts.push(line("quote", `“${ev.sentence}”`));
      parts.push(line("source", `${ev.document} · confidence ${ev.confidence.toFixed(2)}`));
    }
    showTooltip(parts, event);
  });
  network.on("blurNode", () => { tooltip.hidden = true; });
  network.on("blurEdge", () => { tooltip.hidden = true; });
})();
