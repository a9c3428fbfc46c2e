// Draws the DOT text that Value.ToDot() writes (a record { label | data … | grad … } per value, an oval per operation)
// as SVG, left to right as the seeds' draw_dot does. It reads only that format: node lines, op lines and edges.
window.drawGraph = function (container, dot, maxNodes) {
  container.replaceChildren();
  const note = text => {
    const p = document.createElement("p");
    p.className = "note";
    p.textContent = text;
    container.appendChild(p);
  };
  if (!dot) { note("No graph for this input."); return; }

  const graph = parseDot(dot);
  if (graph.nodes.size > maxNodes) { note(`The graph has ${graph.nodes.size} nodes; the page draws graphs of up to ${maxNodes}.`); return; }

  // Columns by longest path from the leaves; rows by the average row of a node's inputs (one sweep is enough here).
  const preds = new Map([...graph.nodes.keys()].map(id => [id, []]));
  graph.edges.forEach(([from, to]) => preds.get(to)?.push(from));
  const rank = new Map();
  const rankOf = id => {
    if (rank.has(id)) return rank.get(id);
    rank.set(id, 0);
    const r = preds.get(id).reduce((m, p) => Math.max(m, rankOf(p) + 1), 0);
    rank.set(id, r);
    return r;
  };
  [...graph.nodes.keys()].forEach(rankOf);
  const columns = [];
  rank.forEach((r, id) => (columns[r] ??= []).push(id));
  const row = new Map();
  columns.forEach(column => {
    column.sort((a, b) => average(preds.get(a), row) - average(preds.get(b), row));
    column.forEach((id, i) => row.set(id, i));
  });

  const ns = "http://www.w3.org/2000/svg";
  const charWidth = 7;
  const fieldsOf = node => [node.label, "data " + node.data, "grad " + node.grad];
  const fieldWidth = (field, i) => (i === 0 ? 12 : 14) + charWidth * field.length;
  const recordWidth = node => fieldsOf(node).reduce((sum, field, i) => sum + fieldWidth(field, i), 0);
  const widthOf = id => graph.nodes.get(id).op !== undefined ? 36 : recordWidth(graph.nodes.get(id));
  const colX = [];
  let x = 10;
  columns.forEach((column, c) => { colX[c] = x; x += Math.max(...column.map(widthOf)) + 40; });
  const rowH = 40, tallest = Math.max(...columns.map(c => c.length));
  const svg = document.createElementNS(ns, "svg");
  const height = tallest * rowH + 20;
  svg.setAttribute("viewBox", `0 0 ${x} ${height}`);
  svg.setAttribute("width", x);
  svg.setAttribute("height", height);
  const el = (name, attrs, parent, text) => {
    const e = document.createElementNS(ns, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    (parent ?? svg).appendChild(e);
    return e;
  };
  const defs = el("defs", {});
  const marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto" }, defs);
  el("path", { d: "M0 0 L10 5 L0 10 z", fill: "#555" }, marker);

  const box = new Map();
  graph.nodes.forEach((node, id) => {
    const c = rank.get(id), offset = (tallest - columns[c].length) * rowH / 2;
    const w = widthOf(id), cx = colX[c] + (Math.max(...columns[c].map(widthOf)) - w) / 2, cy = 10 + offset + row.get(id) * rowH + rowH / 2;
    box.set(id, { left: cx, right: cx + w, y: cy });
    if (node.op !== undefined) {
      const g = el("g", { class: "op", "data-op": node.op });
      el("ellipse", { cx: cx + w / 2, cy, rx: w / 2, ry: 13 }, g);
      el("text", { x: cx + w / 2, y: cy + 4, "text-anchor": "middle" }, g, node.op);
      return;
    }
    const g = el("g", { class: "record", "data-label": node.label, "data-data": node.data, "data-grad": node.grad });
    el("rect", { x: cx, y: cy - 13, width: w, height: 26 }, g);
    let fx = cx;
    fieldsOf(node).forEach((field, i) => {
      const fw = fieldWidth(field, i);
      if (i > 0) el("line", { x1: fx, y1: cy - 13, x2: fx, y2: cy + 13 }, g);
      el("text", { x: fx + fw / 2, y: cy + 4, "text-anchor": "middle" }, g, field);
      fx += fw;
    });
  });
  graph.edges.forEach(([from, to]) => {
    const a = box.get(from), b = box.get(to);
    if (!a || !b) return;
    const mid = (a.right + b.left) / 2;
    el("path", { class: "edge", d: `M${a.right} ${a.y} C${mid} ${a.y} ${mid} ${b.y} ${b.left} ${b.y}`, "marker-end": "url(#arrow)" });
  });
  container.appendChild(svg);
  // A graph a little wider than the panel is scaled to fit; a much wider one keeps its size and scrolls, so its text stays legible.
  const fit = container.clientWidth / x;
  if (fit < 1 && fit >= 0.7) {
    svg.setAttribute("width", x * fit);
    svg.setAttribute("height", height * fit);
  }
};

function average(ids, row) {
  const known = ids.filter(id => row.has(id));
  return known.length ? known.reduce((s, id) => s + row.get(id), 0) / known.length : 0;
}

// Node lines: `n0 [shape=record, label="{ a | data 2.0000 | grad 6.0000 }"];` and `n0op [label="*"];`; edges `n1 -> n0op;`.
function parseDot(dot) {
  const nodes = new Map(), edges = [];
  for (const line of dot.split("\n")) {
    const edge = line.match(/^\s*(\w+)\s*->\s*(\w+);/);
    if (edge) { edges.push([edge[1], edge[2]]); continue; }
    const node = line.match(/^\s*(\w+)\s*\[(.*)\];\s*$/);
    if (!node) continue;
    const label = node[2].match(/label="((?:[^"\\]|\\.)*)"/)?.[1] ?? "";
    if (/shape=record/.test(node[2])) {
      const fields = splitRecord(label.replace(/^\{\s?/, "").replace(/\s?\}$/, ""));
      nodes.set(node[1], {
        label: fields[0]?.trim() ?? "",
        data: (fields[1] ?? "").trim().replace(/^data\s*/, ""),
        grad: (fields[2] ?? "").trim().replace(/^grad\s*/, ""),
      });
    } else {
      nodes.set(node[1], { op: unquote(label) });
    }
  }
  return { nodes, edges };
}

// An op label's escapes: \" and \\. (A record label is decoded by splitRecord, which also keeps \| from splitting.)
function unquote(text) { return text.replace(/\\(["\\])/g, "$1"); }

function splitRecord(text) {
  const fields = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\" && i + 1 < text.length) { current += text[++i]; continue; }
    if (text[i] === "|") { fields.push(current); current = ""; continue; }
    current += text[i];
  }
  fields.push(current);
  return fields;
}
