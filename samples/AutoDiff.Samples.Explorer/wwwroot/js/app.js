// The page: an editor, a slider per parameter, and everything POST /api/differentiate answers (value, gradient,
// generated code, diagnostics, graph), plus POST /api/signature for the parameter names and POST /api/plot for the curve.
(function () {
  const $ = id => document.getElementById(id);
  const defaultRange = [-5, 5];
  const maxDrawnNodes = 150;
  const plotPoints = 201;

  const editor = CodeMirror.fromTextArea($("source"), { mode: "text/x-csharp", lineNumbers: true, indentUnit: 4, viewportMargin: Infinity });
  const generatedView = CodeMirror.fromTextArea($("generated"), { mode: "text/x-csharp", lineNumbers: true, readOnly: true });
  window.explorer = { editor, generatedView };

  const state = { name: null, params: null, values: {}, ranges: {}, wrt: null, presets: {}, presetRanges: {} };
  let editorMarks = [];
  let sourceVersion = 0, busy = false, dirty = false, revision = 0;

  const picker = $("example");
  window.explorerExamples.forEach((example, i) => picker.add(new Option(example.title, String(i))));
  picker.addEventListener("change", () => loadExample(window.explorerExamples[+picker.value]));

  let typingTimer = null;
  editor.on("change", () => { clearTimeout(typingTimer); typingTimer = setTimeout(sourceChanged, 250); });
  loadExample(window.explorerExamples[0]);

  function loadExample(example) {
    state.presets = example.point;
    state.presetRanges = example.ranges ?? {};
    state.values = {};
    state.ranges = {};
    state.wrt = null;
    editor.setValue(example.source);
  }

  async function post(path, body) {
    const response = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    let json = null;
    try { json = await response.json(); } catch { /* an empty or non-JSON body: reported below */ }
    return { ok: response.ok, body: json ?? { diagnostics: [{ id: "HTTP" + response.status, severity: "error", message: "The server answered " + response.status + "." }] } };
  }

  async function sourceChanged() {
    const version = ++sourceVersion;
    const signature = await post("/api/signature", { source: editor.getValue() });
    if (version !== sourceVersion) return;
    if (signature.ok) {
      state.name = signature.body.name;
      state.params = signature.body.parameters;
      for (const p of state.params) {
        const isInt = p.type === "int";
        if (!(p.name in state.values)) state.values[p.name] = state.presets[p.name] ?? (isInt ? 1 : 1.0);
        if (!(p.name in state.ranges)) state.ranges[p.name] = [...(state.presetRanges[p.name] ?? (isInt ? [0, 20] : defaultRange))];
        widen(p.name, state.values[p.name]);
      }
      const differentiable = state.params.filter(p => p.differentiable).map(p => p.name);
      if (!differentiable.includes(state.wrt)) state.wrt = differentiable[0] ?? null;
      renderParameters();
    }
    schedule();
  }

  function widen(name, value) {
    const range = state.ranges[name];
    if (value < range[0]) range[0] = Math.floor(value) - 1;
    if (value > range[1]) range[1] = Math.ceil(value) + 1;
  }

  function renderParameters() {
    const host = $("parameters");
    host.replaceChildren();
    for (const p of state.params) {
      const row = document.createElement("div");
      row.className = "param";
      row.dataset.name = p.name;
      const label = document.createElement("label");
      const radio = Object.assign(document.createElement("input"), { type: "radio", name: "wrt", value: p.name, disabled: !p.differentiable, checked: p.name === state.wrt });
      radio.addEventListener("change", () => { state.wrt = p.name; schedule(); });
      label.append(radio, " " + p.name);
      const [min, max] = state.ranges[p.name];
      const slider = Object.assign(document.createElement("input"), { type: "range", min, max, step: p.type === "int" ? 1 : (max - min) / 1000 });
      slider.setAttribute("aria-label", p.name + " slider");
      slider.value = state.values[p.name];
      const box = Object.assign(document.createElement("input"), { type: "number", step: p.type === "int" ? 1 : "any", value: state.values[p.name] });
      box.setAttribute("aria-label", p.name + " value");
      slider.addEventListener("input", () => { state.values[p.name] = +slider.value; box.value = slider.value; schedule(); });
      box.addEventListener("change", () => {
        const v = +box.value;
        if (box.value === "" || !isFinite(v)) return;
        state.values[p.name] = v;
        widen(p.name, v);
        [slider.min, slider.max] = state.ranges[p.name];
        slider.value = v;
        schedule();
      });
      row.append(label, slider, box);
      host.appendChild(row);
    }
  }

  function schedule() {
    if (busy) { dirty = true; return; }
    update();
  }

  async function update() {
    busy = true;
    document.body.dataset.state = "busy";
    try {
      const source = editor.getValue();
      const point = {};
      for (const p of state.params ?? []) point[p.name] = state.values[p.name];
      const plotting = state.params && state.wrt !== null;
      const [result, plot] = await Promise.all([
        post("/api/differentiate", { source, point }),
        plotting ? post("/api/plot", { source, point, wrt: state.wrt, from: state.ranges[state.wrt][0], to: state.ranges[state.wrt][1], count: plotPoints }) : null,
      ]);
      render(result, plot);
    } finally {
      busy = false;
      document.body.dataset.revision = String(++revision);
      document.body.dataset.state = "ready";
      if (dirty) { dirty = false; update(); }
    }
  }

  function render(result, plot) {
    const body = result.body;
    const params = state.params ?? [];
    $("value-label").textContent = (state.name ?? "f") + "(" + params.map(p => p.name).join(", ") + ")";
    $("value").textContent = result.ok ? format(body.value) : "–";
    const gradient = $("gradient");
    gradient.replaceChildren();
    for (const p of params.filter(p => p.differentiable)) {
      const row = document.createElement("tr");
      row.dataset.name = p.name;
      if (p.name === state.wrt) row.className = "chosen";
      const th = document.createElement("th");
      th.textContent = "∂" + (state.name ?? "f") + "/∂" + p.name;
      const td = document.createElement("td");
      td.className = "gradient-value";
      td.textContent = result.ok && body.gradient ? format(body.gradient[p.name]) : "–";
      row.append(th, td);
      gradient.appendChild(row);
    }

    showDiagnostics([...(body.diagnostics ?? []), ...(plot && !plot.ok ? plot.body.diagnostics ?? [] : [])]);
    generatedView.setValue(body.generated ?? "// The generator wrote nothing for this source; see the diagnostics.");
    drawGraph($("graph"), result.ok ? body.dot : null, maxDrawnNodes);
    $("plot-title").textContent = state.wrt ? `${state.name}(…) along ${state.wrt}, with the tangent at ${state.wrt} = ${format(state.values[state.wrt])}` : "No variable to plot";
    if (plot && plot.ok) {
      drawPlot($("plot"), { xs: plot.body.xs, values: plot.body.values, wrt: state.wrt, at: state.values[state.wrt],
        value: result.ok ? body.value : null, slope: result.ok && body.gradient ? body.gradient[state.wrt] : null });
    } else {
      $("plot").replaceChildren();
    }
  }

  function showDiagnostics(diagnostics) {
    editorMarks.forEach(clear => clear());
    editorMarks = [];
    const list = $("diagnostics");
    list.replaceChildren();
    const seen = new Set();
    for (const d of diagnostics) {
      const key = d.id + d.line + d.message;
      if (seen.has(key)) continue;
      seen.add(key);
      const item = document.createElement("li");
      item.className = d.severity;
      item.dataset.id = d.id;
      if (d.line) item.dataset.line = d.line;
      item.textContent = (d.line ? `line ${d.line}: ` : "") + `${d.id} ${d.message}`;
      list.appendChild(item);
      if (d.line && d.severity !== "info") markLine(d);
    }
  }

  function markLine(d) {
    const line = Math.min(d.line, editor.lineCount()) - 1;
    const handle = editor.addLineClass(line, "background", "cm-line-error");
    editorMarks.push(() => editor.removeLineClass(handle, "background", "cm-line-error"));
    if (d.endLine && (d.endLine > d.line || d.endColumn > d.column)) {
      const mark = editor.markText({ line, ch: d.column - 1 }, { line: Math.min(d.endLine, editor.lineCount()) - 1, ch: d.endColumn - 1 }, { className: "cm-span-error" });
      editorMarks.push(() => mark.clear());
    }
    const note = document.createElement("div");
    note.className = "line-diagnostic";
    note.dataset.id = d.id;
    note.dataset.line = d.line;
    note.textContent = `${d.id}: ${d.message}`;
    const widget = editor.addLineWidget(line, note);
    editorMarks.push(() => widget.clear());
  }

  function format(v) {
    if (typeof v !== "number") return v === null || v === undefined ? "–" : String(v);
    return String(Number(v.toPrecision(10)));
  }
})();
