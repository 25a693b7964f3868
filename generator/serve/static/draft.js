// The draft page: a form built from the template's schema, a live preview, saving with versions.
"use strict";
const boot = JSON.parse(document.getElementById("boot").textContent);
const schema = boot.schema;
let state = boot.form || {};
let version = boot.version;
let conflict = false;
const STAT_COLUMNS = ["名称", "值", "上年", "目标", "单位"];

// ---- paths into the state, and their dotted names (主要做法[2].要点) -----------------
function dotted(path) {
  return path.map((p, i) => typeof p === "number" ? "[" + (p + 1) + "]" : (i ? "." : "") + p).join("");
}
function getAt(path) { return path.reduce((v, p) => (v == null ? undefined : v[p]), state); }
function setAt(path, value) {
  let obj = state;
  path.slice(0, -1).forEach((p, i) => {
    if (obj[p] == null) obj[p] = typeof path[i + 1] === "number" ? [] : {};
    obj = obj[p];
  });
  obj[path[path.length - 1]] = value;
}
function changed() { schedulePreview(); scheduleSave(); }

// ---- building the form --------------------------------------------------------------
function emptyValue(field) {
  if (field.type === "list") return [];
  if (field.type === "object") return {};
  if (field.type === "stats") return [];
  if (field.type === "table") return { 表题: "", 表头: ["", ""], 行: [["", ""]] };
  return "";
}

function fieldBox(field, path, body, tail) {
  const about = [];
  if (field.description) about.push(field.description);
  const box = h("div", { class: "field", "data-field": dotted(path), "data-type": field.type },
    h("div", { class: "label" }, field.name, field.required ? h("span", { class: "req", title: "必填" }, "*") : null,
      tail ? h("span", { class: "tail" }, tail) : null),
    about.length || field.example ? h("div", { class: "about" }, about.join(""),
      field.example ? h("span", { class: "eg" }, (about.length ? "　" : "") + "示例：" + field.example) : null) : null,
    body, h("div", { class: "field-msg" }));
  return box;
}

function scalarInput(field, path) {
  const value = getAt(path) ?? "";
  const on = ev => { setAt(path, ev.target.value); changed(); };
  const name = dotted(path);
  if (field.type === "text") return h("textarea", { rows: 3, name, oninput: on, text: value });
  if (field.type === "date") {
    const iso = value === "" || /^\d{4}-\d{2}-\d{2}$/.test(value);
    return h("input", { type: iso ? "date" : "text", name, value, oninput: on, onchange: on });
  }
  const attrs = { type: "text", name, value, oninput: on };
  if (field.type === "integer" || field.type === "number") {
    attrs.inputmode = "decimal"; attrs.placeholder = "如 1,234 或 1.2万";
  }
  return h("input", attrs);
}

function render(field, path) {
  const kind = field.type;
  if (kind === "list") return listField(field, path);
  if (kind === "object") return fieldBox(field, path, objectBody(field, path));
  if (kind === "stats") return statsField(field, path);
  if (kind === "table") return tableField(field, path);
  return fieldBox(field, path, scalarInput(field, path), suggestButton(field, path));
}

function objectBody(field, path) {
  return h("div", { class: "object" }, field.fields.map(f => render(f, path.concat(f.name))));
}

function rerender(field, path) {   // after a structural change: rebuild this field only
  const old = document.querySelector('[data-field="' + CSS.escape(dotted(path)) + '"]');
  old.replaceWith(render(field, path));
  changed();
}

function listField(field, path) {
  const items = getAt(path) || [];
  const item = field.items;
  const move = (i, to) => { const list = getAt(path); list.splice(to, 0, list.splice(i, 1)[0]); rerender(field, path); };
  const rows = items.map((_, i) => {
    const ops = [
      h("button", { type: "button", class: "small up", title: "上移", disabled: i === 0, onclick: () => move(i, i - 1) }, "上移"),
      h("button", { type: "button", class: "small down", title: "下移", disabled: i === items.length - 1, onclick: () => move(i, i + 1) }, "下移"),
      h("button", { type: "button", class: "small remove", title: "删除这一项", onclick: () => { getAt(path).splice(i, 1); rerender(field, path); } }, "删除"),
    ];
    const p = path.concat(i);
    if (item.type === "object")
      return h("div", { class: "item", "data-field": dotted(p) }, h("div", { class: "item-head" }, h("span", { class: "n" }, "第 " + (i + 1) + " 项"), ops),
        item.fields.map(f => render(f, p.concat(f.name))), h("div", { class: "field-msg" }));
    if (["list", "stats", "table"].includes(item.type))
      return h("div", { class: "item" }, h("div", { class: "item-head" }, h("span", { class: "n" }, "第 " + (i + 1) + " 项"), ops), render(item, p));
    return h("div", { class: "item scalar", "data-field": dotted(p) }, h("span", { class: "n" }, (i + 1) + "."), scalarInput(item, p), ops);
  });
  const add = h("button", { type: "button", class: "small add adder", onclick: () => {
    const list = getAt(path) || []; list.push(emptyValue(item)); setAt(path, list); rerender(field, path);
    const boxes = document.querySelectorAll('[data-field="' + CSS.escape(dotted(path)) + '"] .item');
    const last = boxes[boxes.length - 1]; if (last) { const inp = last.querySelector("input,textarea"); if (inp) inp.focus(); }
  } }, "＋ 添加一项");
  return fieldBox(field, path, h("div", { class: "list" }, rows, add), suggestButton(field, path));
}

function gridInput(path, onPaste) {
  return h("input", { type: "text", value: getAt(path) ?? "", oninput: ev => { setAt(path, ev.target.value); changed(); },
    onpaste: onPaste });
}

function statsField(field, path) {
  if (!Array.isArray(getAt(path))) setAt(path, []);
  const rows = getAt(path);
  if (!rows.length) rows.push({});
  const body = rows.map((row, i) => h("tr", {},
    STAT_COLUMNS.map(c => h("td", {}, gridInput(path.concat(i, c), ev => pasteStats(ev, field, path, i, c)))),
    h("td", { class: "ops" }, h("button", { type: "button", class: "small remove", title: "删除这一行",
      onclick: () => { rows.splice(i, 1); rerender(field, path); } }, "删除"))));
  const grid = h("table", { class: "grid stats" },
    h("thead", {}, h("tr", {}, STAT_COLUMNS.map(c => h("th", {}, c)), h("th", {}, ""))), h("tbody", {}, body));
  const tools = h("div", { class: "grid-tools" }, h("button", { type: "button", class: "small add",
    onclick: () => { rows.push({}); rerender(field, path); } }, "＋ 添加一行"),
    "“上年”用于比较增减，“目标”用于算完成率；可从 Excel 复制几行粘贴进来");
  return fieldBox(field, path, h("div", {}, grid, tools));
}

// Excel / WPS put tab-separated rows on the clipboard
function parseTSV(text) {
  const rows = text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n").map(line => line.split("\t")
    .map(c => c.replace(/^"(.*)"$/s, "$1").replace(/""/g, '"').trim()));
  return rows;
}

function pasteStats(ev, field, path, row, column) {
  const text = ev.clipboardData.getData("text/plain");
  if (!/[\t\n]/.test(text)) return;
  ev.preventDefault();
  const rows = getAt(path), start = STAT_COLUMNS.indexOf(column);
  parseTSV(text).forEach((cells, i) => {
    const target = rows[row + i] || (rows[row + i] = {});
    cells.forEach((c, j) => { if (start + j < STAT_COLUMNS.length) target[STAT_COLUMNS[start + j]] = c; });
  });
  rerender(field, path);
}

function tableField(field, path) {
  let t = getAt(path);
  if (!t || typeof t !== "object") { t = emptyValue(field); setAt(path, t); }
  t.表头 = t.表头 || []; t.行 = t.行 || [];
  const width = Math.max(1, t.表头.length, ...t.行.map(r => r.length));
  while (t.表头.length < width) t.表头.push("");
  t.行.forEach(r => { while (r.length < width) r.push(""); });
  const paste = (r, c) => ev => pasteTable(ev, field, path, r, c);
  const head = h("tr", {}, t.表头.map((_, c) => h("td", {}, gridInput(path.concat("表头", c), paste(-1, c)))),
    h("td", { class: "ops" }));
  const body = t.行.map((row, r) => h("tr", {}, row.map((_, c) => h("td", {}, gridInput(path.concat("行", r, c), paste(r, c)))),
    h("td", { class: "ops" }, h("button", { type: "button", class: "small remove", title: "删除这一行",
      onclick: () => { t.行.splice(r, 1); rerender(field, path); } }, "删行"))));
  const caption = h("input", { type: "text", name: dotted(path.concat("表题")), placeholder: "表题（可不写）", value: t.表题 || "",
    oninput: ev => { t.表题 = ev.target.value; changed(); } });
  const tools = h("div", { class: "grid-tools" },
    h("button", { type: "button", class: "small add", onclick: () => { t.行.push(new Array(width).fill("")); rerender(field, path); } }, "＋ 加一行"),
    h("button", { type: "button", class: "small", onclick: () => { t.表头.push(""); t.行.forEach(r => r.push("")); rerender(field, path); } }, "＋ 加一列"),
    h("button", { type: "button", class: "small", disabled: width <= 1, onclick: () => { t.表头.pop(); t.行.forEach(r => r.pop()); rerender(field, path); } }, "删最后一列"),
    "第一行是表头；可在 Excel 或 WPS 里选中区域复制，点一个格子粘贴");
  return fieldBox(field, path, h("div", {}, caption, h("table", { class: "grid table" }, h("thead", {}, head), h("tbody", {}, body)), tools));
}

function pasteTable(ev, field, path, row, column) {
  const text = ev.clipboardData.getData("text/plain");
  if (!/[\t\n]/.test(text)) return;
  ev.preventDefault();
  const t = getAt(path);
  parseTSV(text).forEach((cells, i) => {
    const r = row + i;
    let target;
    if (r < 0) target = t.表头;
    else { while (t.行.length <= r) t.行.push([]); target = t.行[r]; }
    cells.forEach((c, j) => { target[column + j] = c; });
  });
  const width = Math.max(t.表头.length, ...t.行.map(r => r.length));
  [t.表头, ...t.行].forEach(r => { for (let c = 0; c < width; c++) if (r[c] == null) r[c] = ""; });
  rerender(field, path);
}

// ---- 素材: mined headings and phrases for a section ----------------------------------
function suggestButton(field, path) {
  const category = path.length === 1 && boot.categories[field.name];
  if (!category) return null;
  return h("button", { type: "button", class: "small suggest-btn", title: "语料里“" + category + "”类章节的常用小标题和说法",
    onclick: ev => showSuggestion(ev.target, category, path) }, "素材：" + category);
}

async function showSuggestion(button, category, path) {
  const box = button.closest(".field");
  const old = box.querySelector(":scope > .suggest");
  if (old) { old.remove(); return; }
  const panel = h("div", { class: "suggest" }, "正在从语料中整理……");
  const about = box.querySelector(":scope > .about") || box.querySelector(":scope > .label");
  about.after(panel);              // under the field's heading, where the user is looking
  try {
    const s = await api("GET", "/api/suggest/" + encodeURIComponent(category));
    panel.textContent = "";
    const chips = (title, list) => list && list.length ? [h("h4", {}, title), h("div", {}, list.map(x => h("span", { class: "chip" }, x)))] : [];
    panel.append(...chips("常用小标题", (s["小标题"] || []).map(x => x["例"])),
      ...Object.entries(s["短语"] || {}).flatMap(([k, v]) => chips(k, v.map(x => x["短语"]))),
      ...chips("关键词", s["关键词"] || []));
    if (!panel.childNodes.length) panel.textContent = "语料里没有这类章节的素材";
  } catch (e) { panel.textContent = "无法取得素材：" + e.message; }
}

// ---- preview ---------------------------------------------------------------------
let previewTimer = null, previewSeq = 0;
function schedulePreview() {
  clearTimeout(previewTimer);
  document.getElementById("preview").classList.add("stale");
  previewTimer = setTimeout(runPreview, 200);
}

function fieldElement(name) {
  while (name) {
    const el = document.querySelector('[data-field="' + CSS.escape(name) + '"]');
    if (el) return el;
    const cut = Math.max(name.lastIndexOf("."), name.lastIndexOf("["));
    name = cut > 0 ? name.slice(0, cut) : "";
  }
  return null;
}

function showMessages(warnings, error) {
  document.querySelectorAll(".field-msg").forEach(m => { m.textContent = ""; });
  document.querySelectorAll(".has-error").forEach(m => m.classList.remove("has-error"));
  const list = document.getElementById("warnings");
  list.textContent = "";
  const place = (message, field, cls) => {
    const el = field && fieldElement(field);
    const line = h("div", { class: cls === "error" ? "e" : "w" }, message);
    if (el) {
      el.querySelector(":scope > .field-msg").append(h("div", { class: cls }, message));
      if (cls === "error") el.classList.add("has-error");
      line.addEventListener("click", () => el.scrollIntoView({ behavior: "smooth", block: "center" }));
    }
    list.append(line);
  };
  if (error) place(error.message, error.field, "error");
  warnings.forEach(w => place(w.message, w.field, "warn"));
}

async function runPreview() {
  const seq = ++previewSeq;
  const stateEl = document.getElementById("preview-state");
  try {
    const r = await api("POST", "/api/preview", { 模板: schema.name, form: state });
    if (seq !== previewSeq) return;          // a newer preview is on its way
    const paper = document.getElementById("preview");
    if (!r.error) paper.innerHTML = r.html;
    paper.classList.toggle("stale", !!r.error);
    stateEl.textContent = r.error ? "（数据有误，显示的是上一次的预览）" : r.warnings.length ? "（" + r.warnings.length + " 条提醒）" : "";
    showMessages(r.warnings, r.error);
  } catch (e) {
    if (seq === previewSeq) stateEl.textContent = "（" + e.message + "）";
  }
}

// ---- saving ----------------------------------------------------------------------
let saveTimer = null, saving = null, dirty = false;
function scheduleSave() {
  dirty = true;
  if (conflict) return;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(save, 800);
  status("有修改，正在保存……");
}
function status(text, bad) {
  const el = document.getElementById("save-state");
  el.textContent = text; el.classList.toggle("bad", !!bad);
}

async function save() {
  clearTimeout(saveTimer);
  if (saving) await saving;
  if (!dirty || conflict) return;
  dirty = false;
  saving = (async () => {
    try {
      const r = await api("PUT", "/api/drafts/" + boot.id, { form: state, version });
      version = r.version;
      status("已保存（第 " + version + " 版，" + new Date().toLocaleTimeString("zh-CN", { hour12: false }) + "）");
    } catch (e) {
      if (e.status === 409) {
        conflict = true;
        status("未保存：有冲突", true);
        const banner = document.getElementById("banner");
        banner.hidden = false;
        banner.textContent = e.message + "　";
        banner.append(h("button", { type: "button", id: "keep-mine", onclick: keepMine }, "把这里的内容另存为新草稿"));
      } else { dirty = true; status("未保存：" + e.message, true); }
    }
  })();
  await saving; saving = null;
}

async function keepMine() {   // after a conflict: nothing typed here is lost
  try { location.href = "/draft/" + (await api("POST", "/api/drafts", { 模板: schema.name, form: state })).id; }
  catch (e) { status("未能另存：" + e.message, true); }
}

window.addEventListener("beforeunload", ev => {
  if (dirty && !conflict) { save(); ev.preventDefault(); ev.returnValue = ""; }
});

// ---- downloads -------------------------------------------------------------------
async function download(fmt, button) {
  await save();
  if (conflict) return;
  const label = button.textContent;
  button.disabled = true; button.textContent = "正在生成……";
  try { await saveResponse(await api("GET", "/draft/" + boot.id + "/download." + fmt), "草稿." + fmt); }
  catch (e) { status(e.message, true); }
  finally { button.disabled = false; button.textContent = label; }
}

function offer(id, fmt, reason) {
  const button = document.getElementById(id);
  if (reason) {
    button.disabled = true; button.title = reason; button.textContent += "（不可用）";
    document.getElementById("notes").append(h("div", { class: "unavailable" }, button.textContent.replace(/（不可用）$/, "") + "：" + reason));
  }
  else button.addEventListener("click", () => download(fmt, button));
}
offer("dl-docx", "docx"); offer("dl-pdf", "pdf", boot.pdf); offer("dl-yaml", "yaml"); offer("dl-xlsx", "xlsx", boot.workbook);

// the preview follows the form: focusing a field shows where its words (or its placeholder) are
function findInPreview(input) {
  const paper = document.getElementById("preview");
  const value = (input.value || "").trim().slice(0, 12);
  const blocks = [...paper.querySelectorAll("h1,h2,h3,h4,h5,p,td,th")];
  if (value.length >= 2) {
    const hit = blocks.find(el => el.textContent.includes(value));
    if (hit) return hit;
  }
  const box = input.closest(".field");
  const about = box && box.querySelector(":scope > .about");
  const words = about && about.firstChild && about.firstChild.nodeType === 3 ? about.firstChild.textContent.slice(0, 10) : "";
  return words ? [...paper.querySelectorAll("mark")].find(m => m.textContent.includes(words)) : null;
}
document.getElementById("form").addEventListener("focusin", ev => {
  if (!ev.target.matches("input,textarea")) return;
  const hit = findInPreview(ev.target);
  if (!hit) return;
  hit.scrollIntoView({ block: "center", behavior: "smooth" });
  hit.classList.add("here");
  setTimeout(() => hit.classList.remove("here"), 1200);
});

document.getElementById("form").append(...schema.fields.map(f => render(f, [f.name])));
status("已打开（第 " + version + " 版）");
runPreview();
