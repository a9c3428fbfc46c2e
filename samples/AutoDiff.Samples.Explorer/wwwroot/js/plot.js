// Draws f along one variable as an SVG line, the tangent line at the current point (the seeds' picture of a slope),
// and the point itself. Samples that are null (not finite) leave gaps.
window.drawPlot = function (svg, plot) {
  const W = 560, H = 300, left = 48, right = 12, top = 12, bottom = 30;
  const ns = "http://www.w3.org/2000/svg";
  svg.replaceChildren();
  const add = (name, attrs, text) => {
    const el = document.createElementNS(ns, name);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    if (text !== undefined) el.textContent = text;
    svg.appendChild(el);
    return el;
  };

  const finite = plot.values.filter(v => typeof v === "number" && isFinite(v));
  if (typeof plot.value === "number" && isFinite(plot.value)) finite.push(plot.value);
  if (finite.length === 0) {
    add("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "tick" }, "no finite values to plot");
    return;
  }

  const x0 = plot.xs[0], x1 = plot.xs[plot.xs.length - 1];
  let y0 = Math.min(...finite), y1 = Math.max(...finite);
  if (y1 - y0 < 1e-12) { y0 -= 1; y1 += 1; }
  const pad = (y1 - y0) * 0.08;
  y0 -= pad; y1 += pad;
  const sx = x => left + (x - x0) / (x1 - x0) * (W - left - right);
  const sy = y => top + (y1 - y) / (y1 - y0) * (H - top - bottom);

  const clip = add("clipPath", { id: "plot-area" });
  const rect = document.createElementNS(ns, "rect");
  for (const [k, v] of Object.entries({ x: left, y: top, width: W - left - right, height: H - top - bottom })) rect.setAttribute(k, v);
  clip.appendChild(rect);

  add("line", { class: "axis", x1: left, y1: H - bottom, x2: W - right, y2: H - bottom });
  add("line", { class: "axis", x1: left, y1: top, x2: left, y2: H - bottom });
  for (let i = 0; i <= 4; i++) {
    const xv = x0 + (x1 - x0) * i / 4, yv = y0 + (y1 - y0) * i / 4;
    add("text", { class: "tick", x: sx(xv), y: H - bottom + 14, "text-anchor": "middle" }, formatTick(xv));
    add("text", { class: "tick", x: left - 4, y: sy(yv) + 3, "text-anchor": "end" }, formatTick(yv));
  }
  if (y0 < 0 && y1 > 0) add("line", { class: "axis", x1: left, y1: sy(0), x2: W - right, y2: sy(0), "stroke-dasharray": "2 3" });

  let d = "", pen = false;
  plot.xs.forEach((x, i) => {
    const v = plot.values[i];
    if (typeof v !== "number" || !isFinite(v)) { pen = false; return; }
    d += (pen ? "L" : "M") + sx(x).toFixed(2) + " " + sy(v).toFixed(2) + " ";
    pen = true;
  });
  add("path", { id: "curve", class: "curve", d: d.trim(), "clip-path": "url(#plot-area)" });

  add("text", { class: "tick", x: W - right, y: H - 4, "text-anchor": "end" }, plot.wrt);
  if (typeof plot.value !== "number" || typeof plot.slope !== "number") return;
  // The tangent y = f(a) + f'(a)·(t − a), drawn across the whole range and clipped to the plot area.
  const at = t => plot.value + plot.slope * (t - plot.at);
  add("line", {
    id: "tangent", class: "tangent", "clip-path": "url(#plot-area)",
    x1: sx(x0), y1: sy(at(x0)), x2: sx(x1), y2: sy(at(x1)),
    "data-slope": String(plot.slope), "data-at": String(plot.at),
  });
  add("circle", { id: "point", class: "point", cx: sx(plot.at), cy: sy(plot.value), r: 4 });
};

function formatTick(v) {
  const a = Math.abs(v);
  return a !== 0 && (a >= 1e4 || a < 1e-2) ? v.toExponential(1) : String(Math.round(v * 100) / 100);
}
