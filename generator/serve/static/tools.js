// The 检查 Word 文档 and 一键排版 pages.
"use strict";
function picker(inputId, nameId, onPick) {
  const input = document.getElementById(inputId);
  if (!input) return;
  input.addEventListener("change", () => {
    const file = input.files[0];
    document.getElementById(nameId).textContent = file ? file.name : "";
    onPick(file);
  });
}

// ---- lint -------------------------------------------------------------------------
let lintFile = null;
picker("lint-file", "lint-name", file => {
  lintFile = file;
  document.getElementById("lint-run").disabled = !file;
  document.getElementById("lint-fix").disabled = !file;
  if (file) runLint();
});

async function runLint() {
  const msg = document.getElementById("lint-msg"), out = document.getElementById("lint-result");
  const pages = document.getElementById("lint-pages").checked ? "1" : "0";
  say(msg, pages === "1" ? "正在检查（按页检查要用 LibreOffice 排版，需要几秒钟）……" : "正在检查……");
  out.textContent = "";
  try {
    const r = await api("POST", "/api/lint?pages=" + pages + "&name=" + encodeURIComponent(lintFile.name), undefined, lintFile);
    const errors = r.findings.filter(f => f.level === "错误").length;
    say(msg, r.findings.length ? "发现 " + r.findings.length + " 处问题（错误 " + errors + "，提醒 " + (r.findings.length - errors) + "）"
      : "没有发现问题", r.findings.length ? "bad" : "good");
    if (r.notice) out.append(h("p", { class: "unavailable" }, r.notice));
    if (r.findings.length) out.append(h("table", { class: "list findings" },
      h("thead", {}, h("tr", {}, ["页", "位置", "开头文字", "级别", "规则", "应为", "实为"].map(t => h("th", {}, t)))),
      h("tbody", {}, r.findings.map(f => h("tr", {},
        h("td", {}, f.page ? "第 " + f.page + " 页" : "—"),
        h("td", {}, f.where || (f.paragraph ? "第 " + f.paragraph + " 段" : "")),
        h("td", {}, f.excerpt || ""), h("td", { class: f.level === "错误" ? "lv-error" : "lv-warn" }, f.level), h("td", {}, f.rule),
        h("td", {}, f.expected), h("td", {}, f.seen))))));
  } catch (e) { say(msg, "无法检查：" + e.message, "bad"); }
}

const run = document.getElementById("lint-run");
if (run) {
  run.addEventListener("click", runLint);
  document.getElementById("lint-fix").addEventListener("click", async () => {
    const msg = document.getElementById("lint-msg");
    say(msg, "正在修正……");
    try {
      await saveResponse(await api("POST", "/api/fix?name=" + encodeURIComponent(lintFile.name), undefined, lintFile), "修正.docx");
      say(msg, "已下载修正后的文档（原文件不变）", "good");
    } catch (e) { say(msg, "无法修正：" + e.message, "bad"); }
  });
}

// ---- format -----------------------------------------------------------------------
let roughFile = null;
picker("format-file", "format-name", file => { roughFile = file; });
const formatRun = document.getElementById("format-run");
if (formatRun) formatRun.addEventListener("click", async () => {
  const msg = document.getElementById("format-msg");
  const clean = document.getElementById("format-clean").checked ? "1" : "0";
  const text = document.getElementById("format-text").value;
  say(msg, "正在排版……");
  try {
    const resp = roughFile && !text.trim()
      ? await api("POST", "/api/format?clean=" + clean + "&name=" + encodeURIComponent(roughFile.name), undefined, roughFile)
      : await api("POST", "/api/format?clean=" + clean, { text });
    await saveResponse(resp, "排版.docx");
    const notices = JSON.parse(decodeURIComponent(resp.headers.get("x-reportgen-notices") || "%5B%5D"));
    if (notices.length) say(msg, "已下载排好版的 Word 文档。请注意：" + notices.join("；"), "warn");
    else say(msg, "已下载排好版的 Word 文档", "good");
  } catch (e) { say(msg, "无法排版：" + e.message, "bad"); }
});
