/*
 * 方案助手 embeddable widget. One tag on the host page:
 *   <script src="http://HOST:PORT/widget.js" data-title="节能减排问答" async></script>
 * Adds a floating button (bottom right) that opens a chat panel: an iframe of HOST:PORT/embed.
 * Everything lives in a Shadow DOM, so no CSS leaks either way. No secret is held here: the server decides which
 * host origins may embed it (frame-ancestors) and call it (Origin check); on a refused origin nothing is shown.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__fanganWidget) return;
  window.__fanganWidget = true;

  var src = new URL(script.src, document.baseURI);
  var base = src.href.replace(/widget\.js(\?.*)?$/, "");
  var appOrigin = src.origin;
  var title = (script.getAttribute("data-title") || "方案助手").slice(0, 40);
  var position = script.getAttribute("data-position") === "left" ? "left" : "right";

  var CSS = [
    ":host { all: initial; }",
    ".launcher { position: fixed; bottom: 24px; " + position + ": 24px; z-index: 2147483000;",
    "  display: flex; align-items: center; gap: 8px; padding: 0 20px; height: 56px; border-radius: 28px;",
    "  border: 2px solid #ffffff; background: #0b4f8a; color: #ffffff; cursor: pointer;",
    "  font: 600 17px/1 'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',system-ui,sans-serif;",
    "  box-shadow: 0 4px 14px rgba(0,0,0,.3); }",
    ".launcher:hover { background: #083d6b; }",
    ".launcher:focus-visible, .close:focus-visible { outline: 3px solid #ffbf47; outline-offset: 3px; }",
    ".launcher svg { width: 24px; height: 24px; }",
    ".panel { position: fixed; bottom: 92px; " + position + ": 24px; z-index: 2147483001;",
    "  width: 400px; height: 640px; max-height: calc(100vh - 116px); display: none; flex-direction: column;",
    "  background: #ffffff; border-radius: 12px; overflow: hidden; box-shadow: 0 8px 30px rgba(0,0,0,.35);",
    "  border: 1px solid #8a8a8a; }",
    ".panel.open { display: flex; }",
    ".bar { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 0 8px 0 16px;",
    "  height: 48px; background: #0b4f8a; color: #ffffff; flex: none;",
    "  font: 600 17px/1.2 'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',system-ui,sans-serif; }",
    ".bar h2 { all: unset; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }",
    ".close { all: unset; box-sizing: border-box; width: 40px; height: 40px; border-radius: 6px; cursor: pointer;",
    "  display: flex; align-items: center; justify-content: center; color: #ffffff; font-size: 26px; }",
    ".close:hover { background: rgba(255,255,255,.18); }",
    "iframe { border: 0; width: 100%; flex: 1; background: #ffffff; }",
    "@media (max-width: 480px) {",
    "  .panel { inset: 0; width: 100vw; height: 100vh; height: 100dvh; max-height: none; border-radius: 0;",
    "    border: 0; }",
    "  .panel.open + .launcher, .launcher.hidden { display: none; }",
    "}"
  ].join("\n");

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  function mount() {
    var host = el("div", { id: "fangan-widget", "data-fangan-widget": "" });
    var root = host.attachShadow({ mode: "open" });
    root.appendChild(el("style", {}, CSS));

    var panelId = "fangan-panel";
    var panel = el("div", { class: "panel", id: panelId, role: "dialog", "aria-label": title, "aria-modal": "false" });
    var bar = el("div", { class: "bar" });
    bar.appendChild(el("h2", {}, title));
    var close = el("button", { class: "close", type: "button", "aria-label": "关闭" + title }, "×");
    bar.appendChild(close);
    panel.appendChild(bar);

    var launcher = el("button", {
      class: "launcher", type: "button", "aria-haspopup": "dialog", "aria-expanded": "false",
      "aria-controls": panelId, "aria-label": "打开" + title
    });
    launcher.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" ' +
      'stroke-width="2"><path d="M4 5h16v11H9l-5 4z"/></svg>';  // static markup, no data
    launcher.appendChild(el("span", {}, title));
    root.appendChild(panel);
    root.appendChild(launcher);

    var frame = null;
    var frameReady = false;  // posting to a frame still on about:blank logs a warning in the host's console
    function frameUrl() {
      return base + "embed?title=" + encodeURIComponent(title) + "&parent=" + encodeURIComponent(location.origin);
    }
    function open() {
      if (!frame) {
        frame = el("iframe", { title: title + "对话窗口", src: frameUrl(), allow: "clipboard-write" });
        frame.addEventListener("load", function () { frameReady = true; post("fangan:focus"); });
        panel.appendChild(frame);
      }
      panel.classList.add("open");
      launcher.classList.add("hidden");
      launcher.setAttribute("aria-expanded", "true");
      launcher.setAttribute("aria-label", "收起" + title);
      setTimeout(function () { frame.focus(); post("fangan:focus"); }, 0);
    }
    function shut() {
      if (!panel.classList.contains("open")) return;
      panel.classList.remove("open");
      launcher.classList.remove("hidden");
      launcher.setAttribute("aria-expanded", "false");
      launcher.setAttribute("aria-label", "打开" + title);
      launcher.focus();
    }
    function post(type) {
      if (frame && frameReady && frame.contentWindow) frame.contentWindow.postMessage({ type: type }, appOrigin);
    }
    launcher.addEventListener("click", function () {
      panel.classList.contains("open") ? shut() : open();
    });
    close.addEventListener("click", shut);
    // Esc inside the host page (or the panel bar); Esc inside the iframe arrives as a message
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && panel.classList.contains("open")) shut();
    });
    window.addEventListener("message", function (e) {
      if (e.origin !== appOrigin || !frame || e.source !== frame.contentWindow) return;
      if (e.data && e.data.type === "fangan:close") shut();
    });
    document.body.appendChild(host);
  }

  // Ask the server first: on an origin it does not allow, it answers 403 without CORS and nothing is shown.
  fetch(base + "api/widget/config", { mode: "cors", credentials: "omit" })
    .then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    })
    .then(function () {
      if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
    })
    .catch(function () {
      if (window.console) console.warn("[方案助手] 本站点（" + location.origin + "）未获授权嵌入问答组件，" +
        "或服务暂不可用。请联系管理员将本站来源加入 FANGAN_ALLOWED_ORIGINS。");
    });
})();
