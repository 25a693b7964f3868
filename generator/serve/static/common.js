// Shared by every page: requests that report the server's one-line Chinese errors.
"use strict";
async function api(method, url, body, raw) {
  const opts = { method, headers: {} };
  if (raw !== undefined) { opts.body = raw; opts.headers["Content-Type"] = "application/octet-stream"; }
  else if (body !== undefined) { opts.body = JSON.stringify(body); opts.headers["Content-Type"] = "application/json"; }
  let resp;
  try { resp = await fetch(url, opts); }
  catch (e) { throw Object.assign(new Error("连不上 reportgen 服务：它可能已经停止，请重新运行 reportgen serve"), { status: 0 }); }
  if (!resp.ok) {
    let info = {};
    try { info = await resp.json(); } catch (e) { /* not JSON */ }
    throw Object.assign(new Error(info.error || ("请求失败（" + resp.status + "）")), { status: resp.status, field: info.field });
  }
  return (resp.headers.get("content-type") || "").includes("json") ? resp.json() : resp;
}

function fileName(resp, fallback) {
  const m = /filename\*=UTF-8''([^;]+)/.exec(resp.headers.get("content-disposition") || "");
  return m ? decodeURIComponent(m[1]) : fallback;
}

async function saveResponse(resp, fallback) {
  const blob = await resp.blob();
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = fileName(resp, fallback);
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60000);
}

function say(el, text, kind) { el.textContent = text; el.className = "msg" + (kind ? " " + kind : ""); }

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "text") el.textContent = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c);
  return el;
}
