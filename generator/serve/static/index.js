"use strict";
document.querySelectorAll("button.start").forEach(btn => btn.addEventListener("click", async () => {
  btn.disabled = true;
  try { location.href = "/draft/" + (await api("POST", "/api/drafts", { 模板: btn.dataset.template })).id; }
  catch (e) { alert(e.message); btn.disabled = false; }
}));
document.getElementById("open-file").addEventListener("change", async ev => {
  const file = ev.target.files[0], msg = document.getElementById("open-msg");
  if (!file) return;
  say(msg, "正在打开 " + file.name + " ……");
  try {
    const r = await api("POST", "/api/open?name=" + encodeURIComponent(file.name), undefined, file);
    if (r.notices.length) {
      say(msg, "已打开；以下内容模板中没有，未导入：" + r.notices.join("；"), "bad");
      setTimeout(() => { location.href = "/draft/" + r.id; }, 4000);
    } else location.href = "/draft/" + r.id;
  } catch (e) { say(msg, "无法打开：" + e.message, "bad"); }
  ev.target.value = "";
});
