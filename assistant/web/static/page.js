/* 方案助手 chat page: what Gradio's options cannot express.
 * - Chinese for the few English strings Gradio hard-codes (aria-labels, tooltips, toast titles);
 * - the citation list as ONE radio group (one Tab stop, arrow keys), and a citation click that scrolls the clause
 *   panel into view, highlights the sentence and moves focus there (Esc or 返回引用列表 moves it back);
 * - 大字模式 (remembered in localStorage), and the light theme kept (its colours are the ones checked for contrast);
 * - the unit picker filters while a Chinese input method composes, and Enter never picks a unit that is not shown.
 * Loaded once in the page's <head>; everything is delegated or observed, so Gradio's re-renders do not undo it.
 */
(function () {
  "use strict";
  if (window.__fanganPage) return;
  window.__fanganPage = true;
  document.documentElement.lang = "zh-CN";

  var EXACT = {
    "chatbot conversation": "对话记录",
    "Scroll down": "滚动到最新消息",
    "Liked": "已赞（再点一次撤销）",
    "Disliked": "已踩（再点一次撤销）",
    "Like": "赞",
    "Dislike": "踩",
    "Copy message": "复制本条（纯文本，含引用）",
    "Copied message": "已复制",
    "Copy": "复制",
    "Copied": "已复制",
    "Copy all": "复制全部对话",
    "Clear": "清空",
    "Error": "错误",
    "Warning": "提示",
    "Info": "提示",
    "Success": "完成",
    "Close": "关闭",
    "Download": "下载",
    "Fullscreen": "全屏",
    "Exit fullscreen mode": "退出全屏",
    "Loading...": "加载中…",
    "Share": "分享"
  };
  var PREFIX = [["user's message: ", "您的问题："], ["bot's message: ", "助手的回答："], ["Dropdown", "下拉选择"]];
  var ATTRS = ["aria-label", "title", "aria-roledescription", "alt"];

  function zh(text) {
    if (!text) return null;
    var t = text.trim();
    if (Object.prototype.hasOwnProperty.call(EXACT, t)) return EXACT[t];
    for (var i = 0; i < PREFIX.length; i++) {
      if (text.indexOf(PREFIX[i][0]) === 0) return PREFIX[i][1] + text.slice(PREFIX[i][0].length);
    }
    return null;
  }
  function translate(el) {
    if (el.nodeType !== 1) return;
    for (var i = 0; i < ATTRS.length; i++) {
      var v = el.getAttribute(ATTRS[i]);
      var w = v && zh(v);
      if (w && w !== v) el.setAttribute(ATTRS[i], w);
    }
    // toast titles and similar one-word text nodes
    if (el.childNodes.length === 1 && el.firstChild.nodeType === 3) {
      var s = el.firstChild.nodeValue;
      var z = s && s.length < 30 && zh(s);
      if (z && z !== s) el.firstChild.nodeValue = z;
    }
  }
  function sweep(root) {
    translate(root);
    if (root.querySelectorAll) root.querySelectorAll("*").forEach(translate);
  }

  // ------------------------------------------------------------------ citations: one group, jump to the clause
  var pending = null;  // {focus: bool, at: time} set by a citation choice, consumed when the clause panel updates
  function citeInputs() {
    return document.querySelectorAll("#citations input[type=radio]");
  }
  function groupCitations() {
    var inputs = citeInputs();
    inputs.forEach(function (input) {
      if (input.name !== "fangan-citations") input.name = "fangan-citations";
    });
    var box = document.querySelector("#citations .wrap");
    if (box && box.getAttribute("role") !== "radiogroup") {
      box.setAttribute("role", "radiogroup");
      box.setAttribute("aria-label", "引用（选择编号查看方案原文）");
    }
  }
  function sectionPanel() {
    return document.querySelector("#section-view .section-view");
  }
  function jump(focus) {
    var panel = sectionPanel();
    if (!panel) return;
    var mark = panel.querySelector("mark.cited");
    var body = panel.querySelector(".section-body");
    if (mark && body) body.scrollTop = Math.max(0, mark.offsetTop - body.offsetTop - 24);
    (mark || panel).scrollIntoView({ block: "center", behavior: "auto" });
    if (focus) {
      panel.setAttribute("tabindex", "-1");
      panel.focus({ preventScroll: true });
    }
  }
  function backToCitations() {
    var checked = document.querySelector("#citations input[type=radio]:checked") || citeInputs()[0];
    if (checked) {
      checked.focus({ preventScroll: true });
      checked.scrollIntoView({ block: "center", behavior: "auto" });
    }
  }
  document.addEventListener("click", function (e) {
    var t = e.target;
    if (!t.closest) return;
    if (t.closest("#citations label") && e.detail > 0) {  // a pointer click (arrow keys also fire "click")
      pending = { focus: true, at: Date.now() };
      var input = t.closest("label").querySelector("input");
      if (input && input.checked) setTimeout(function () { jump(true); }, 0);  // same choice: no new panel
    }
    if (t.closest(".back-to-citations")) { e.preventDefault(); backToCitations(); }
  }, true);
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (!t.closest) return;
    if (t.closest("#citations") && t.type === "radio") {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        if (!t.checked) { pending = { focus: true, at: Date.now() }; t.click(); } else jump(true);
      } else if (e.key.indexOf("Arrow") === 0) {
        pending = { focus: false, at: Date.now() };  // keep focus on the group while the user browses
      }
    }
    if (e.key === "Escape" && t.closest("#section-view")) { e.preventDefault(); backToCitations(); }
  }, true);

  // ------------------------------------------------------------------ copy as plain text (with the citations)
  document.addEventListener("click", function (e) {
    var btn = e.target.closest && e.target.closest("#chatbot button");
    if (!btn) return;
    var label = btn.getAttribute("aria-label") || btn.getAttribute("title") || "";
    if (label.indexOf("复制本条") !== 0 && label !== "Copy message") return;
    var row = btn.closest(".message-row, .message-wrap > div, [class*=message-row]");
    var msg = row && row.querySelector(".message, [data-testid=bot], [data-testid=user]");
    if (!msg || !navigator.clipboard) return;
    var text = msg.innerText.trim();
    setTimeout(function () { navigator.clipboard.writeText(text).catch(function () {}); }, 60);  // after Gradio's
  }, true);

  // ------------------------------------------------------------------ 大字模式
  var LARGE = "fangan-large";
  function setLarge(on) {
    document.documentElement.classList.toggle(LARGE, on);
    try { localStorage.setItem("fangan-large", on ? "1" : "0"); } catch (err) { /* private mode */ }
    var b = document.querySelector("#font-toggle");
    if (b) {
      b.setAttribute("aria-pressed", on ? "true" : "false");
      b.textContent = on ? "标准字号" : "大字模式";
    }
  }
  window.fanganToggleLarge = function () {
    setLarge(!document.documentElement.classList.contains(LARGE));
  };
  try { if (localStorage.getItem("fangan-large") === "1") document.documentElement.classList.add(LARGE); }
  catch (err) { /* private mode */ }

  // ------------------------------------------------------------------ unit picker: IME and Enter
  // Gradio's dropdown filters on keydown; an input method's keys arrive while the text is still pinyin, and the
  // commit brings no keydown, so the list stayed empty. Replay one after the commit so the list filters on the
  // Chinese text; and Enter or ArrowDown with no option shown picks nothing.
  document.addEventListener("compositionend", function (e) {
    var input = e.target;
    if (!input.closest || !input.closest("#unit-select")) return;
    setTimeout(function () {
      input.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, key: "Process" }));
    }, 0);
  }, true);
  document.addEventListener("keydown", function (e) {
    var input = e.target;
    if (!input.closest || !input.closest("#unit-select") || e.isComposing) return;
    if (e.key === "Enter" || e.key === "ArrowDown") {
      var shown = document.querySelectorAll("ul.options li[role=option], #unit-select li[role=option]");
      if (shown.length === 0 && input.value) { e.preventDefault(); e.stopImmediatePropagation(); }
    }
  }, true);

  // ------------------------------------------------------------------ one observer keeps it all in place
  var scheduled = false;
  function settle() {
    scheduled = false;
    groupCitations();
    var b = document.querySelector("#font-toggle");
    if (b && !b.hasAttribute("aria-pressed")) setLarge(document.documentElement.classList.contains(LARGE));
    if (document.body.classList.contains("dark") && !/__theme=dark/.test(location.search)) {
      document.body.classList.remove("dark");  // the checked colours are the light theme's
    }
  }
  var sectionSeen = null;
  var observer = new MutationObserver(function (records) {
    for (var i = 0; i < records.length; i++) {
      var r = records[i];
      if (r.type === "attributes") translate(r.target);
      else r.addedNodes.forEach(function (n) { if (n.nodeType === 1) sweep(n); else if (n.parentNode) translate(n.parentNode); });
    }
    var panel = sectionPanel();
    if (panel && panel !== sectionSeen) {
      sectionSeen = panel;
      if (pending && Date.now() - pending.at < 8000) {
        var focus = pending.focus;
        pending = null;
        setTimeout(function () { jump(focus); }, 0);
      }
    }
    if (!scheduled) { scheduled = true; requestAnimationFrame(settle); }
  });
  function start() {
    sweep(document.body);
    observer.observe(document.body, {
      subtree: true, childList: true, characterData: false, attributes: true, attributeFilter: ATTRS.concat(["class"])
    });
    settle();
  }
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
