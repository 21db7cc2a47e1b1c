/* 方案助手 /embed page logic. Every question, answer and plan sentence is inserted with textContent: never as HTML. */
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var app = document.getElementById("app");
  var log = document.getElementById("log");
  var form = document.getElementById("form");
  var box = document.getElementById("q");
  var send = document.getElementById("send");
  var fontToggle = document.getElementById("font-toggle");
  var maxChars = parseInt(app.getAttribute("data-max"), 10) || 1000;
  var title = (params.get("title") || "").slice(0, 40);
  var parentOrigin = /^https?:\/\/[^/]+$/.test(params.get("parent") || "") ? params.get("parent") : null;
  var conversation = null;  // issued by the server with the first answer, sent back with each follow-up
  var asked = [];  // this conversation's questions, oldest first: feedback keeps them so a follow-up can be understood
  var answers = 0;  // answers shown on this page: each rating names its answer, so 赞 → 踩 updates one row
  var rater = (function () {  // who rates: this page view (random, never sent anywhere but the feedback)
    var bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  })();
  var busy = false;

  if (title) document.title = title;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  // ---- large font (适老化) -------------------------------------------------------------------------------
  function setLarge(on) {
    document.documentElement.classList.toggle("large", on);
    fontToggle.setAttribute("aria-pressed", on ? "true" : "false");
    try { localStorage.setItem("fangan-large", on ? "1" : "0"); } catch (e) { /* storage may be blocked */ }
  }
  try { setLarge(localStorage.getItem("fangan-large") === "1"); } catch (e) { setLarge(false); }
  fontToggle.addEventListener("click", function () {
    setLarge(!document.documentElement.classList.contains("large"));
  });

  // ---- messages -----------------------------------------------------------------------------------------
  function addUser(text) {
    var m = el("div", { class: "msg user" });
    m.appendChild(el("p", {}, text));
    log.appendChild(m);
    scrollDown();
  }

  function addBot() {
    var m = el("div", { class: "msg bot pending", "aria-busy": "true" });
    m.appendChild(el("p", { class: "text" }, ""));
    log.appendChild(m);
    scrollDown();
    return m;
  }

  function showError(m, message) {
    m.classList.remove("pending");
    m.classList.add("error");
    m.removeAttribute("aria-busy");
    m.setAttribute("role", "alert");
    m.querySelector(".text").textContent = message;
  }

  function citationLabel(n, c) {
    var where = c.title && c.title !== c.section ? c.section + " " + c.title : c.section;
    return "[" + n + "] " + where;
  }

  function renderSection(target, data, cite) {
    target.textContent = "";
    target.appendChild(el("h4", {}, data.section + " " + (data.title || "")));
    var body = el("div", {});
    data.sentences.forEach(function (s) {
      var overlaps = s.start < cite.end && s.end > cite.start;
      body.appendChild(overlaps ? el("mark", {}, s.text) : document.createTextNode(s.text));
    });
    target.appendChild(body);
    var mark = body.querySelector("mark");
    if (mark) {  // centre the cited sentence in the clause box, then bring the box into the visible log
      var m = mark.getBoundingClientRect(), t = target.getBoundingClientRect();
      target.scrollTop += m.top - t.top - (t.height - Math.min(m.height, t.height)) / 2;
    }
    var box = target.getBoundingClientRect(), view = log.getBoundingClientRect();
    if (box.bottom > view.bottom) log.scrollTop += Math.min(box.bottom - view.bottom + 8, box.top - view.top - 8);
  }

  function toggleSection(button, panel, cite) {
    var open = button.getAttribute("aria-expanded") === "true";
    button.setAttribute("aria-expanded", open ? "false" : "true");
    panel.hidden = open;
    if (open || panel.getAttribute("data-loaded")) return;
    panel.textContent = "正在载入原文…";
    fetch("api/sections/" + encodeURIComponent(cite.section))
      .then(function (r) { return r.json().then(function (d) { return { ok: r.ok, data: d }; }); })
      .then(function (res) {
        if (!res.ok) { panel.textContent = res.data.message || "原文载入失败。"; return; }
        renderSection(panel, res.data, cite);
        panel.setAttribute("data-loaded", "1");
      })
      .catch(function () { panel.textContent = "原文载入失败，请稍后再试。"; });
  }

  function addCitations(m, citations) {
    if (!citations.length) return;
    var list = el("ol", { class: "cites", "aria-label": "引用原文" });
    citations.forEach(function (c, i) {
      var item = el("li", {});
      var id = "sec-" + Math.random().toString(36).slice(2);
      var button = el("button", { type: "button", class: "cite", "aria-expanded": "false", "aria-controls": id },
        citationLabel(i + 1, c));
      var panel = el("div", { class: "section", id: id, role: "region", "aria-label": "原文 " + c.section });
      panel.hidden = true;
      button.addEventListener("click", function () { toggleSection(button, panel, c); });
      item.appendChild(button);
      item.appendChild(el("p", { class: "quote" }, "“" + c.quote + "”"));
      item.appendChild(panel);
      list.appendChild(item);
    });
    m.appendChild(list);
  }

  function addRating(m, answer) {
    answers += 1;
    var key = "w" + answers;
    var context = asked.slice(0, -1);
    var row = el("div", { class: "rate", role: "group", "aria-label": "这个回答有帮助吗？" });
    row.appendChild(el("span", {}, "这个回答："));
    [[1, "有帮助"], [-1, "没帮助"]].forEach(function (spec) {  // text, not emoji: intranet PCs may lack emoji fonts
      var b = el("button", { type: "button", "aria-pressed": "false" }, spec[1]);
      b.addEventListener("click", function () {
        row.querySelectorAll("button").forEach(function (x) { x.setAttribute("aria-pressed", "false"); });
        b.setAttribute("aria-pressed", "true");
        fetch("api/feedback", {
          method: "POST", headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            rating: spec[0], question: answer.question, answer: answer.answer, source: "widget",
            sections: answer.citations.map(function (c) { return c.section; }), conversation_id: conversation,
            rater: rater, answer_key: key, context: context
          })
        }).then(function (r) { status.textContent = r.ok ? "已记录，谢谢！" : "反馈未能保存。"; })
          .catch(function () { status.textContent = "反馈未能保存。"; });
      });
      row.appendChild(b);
    });
    var status = el("span", { role: "status" });
    row.appendChild(status);
    m.appendChild(row);
  }

  function finish(m, answer) {
    m.classList.remove("pending");
    m.removeAttribute("aria-busy");
    m.querySelector(".text").textContent = answer.answer;
    addCitations(m, answer.citations || []);
    addRating(m, answer);
    scrollDown();
  }

  // ---- asking: server-sent events over fetch, so HTTP errors (400/413/429/503) keep their JSON message -------
  function handleEvent(m, raw, state) {
    var event = "message", data = "";
    raw.split("\n").forEach(function (line) {
      if (line.indexOf("event:") === 0) event = line.slice(6).trim();
      else if (line.indexOf("data:") === 0) data += line.slice(5).trim();
    });
    if (!data) return;
    var payload = JSON.parse(data);
    if (event === "delta") {
      state.text += payload.text;
      m.querySelector(".text").textContent = state.text;
      scrollDown();
    } else if (event === "answer") {
      state.done = true;
      if (payload.conversation_id) conversation = payload.conversation_id;
      finish(m, payload);
    } else if (event === "error") {
      state.done = true;
      showError(m, payload.message);
    }
  }

  function ask(question) {
    var text = question.trim();
    if (!text || busy) return;
    if (text.length > maxChars) {
      var warn = addBot();
      showError(warn, "问题过长（" + text.length + " 字），请控制在 " + maxChars + " 字以内。");
      return;
    }
    busy = true;
    send.disabled = true;
    box.value = "";
    asked.push(text);
    addUser(text);
    var m = addBot();
    var state = { text: "", done: false };
    var url = "api/ask/stream?question=" + encodeURIComponent(text) +
      (conversation ? "&conversation_id=" + encodeURIComponent(conversation) : "");
    fetch(url, { headers: { Accept: "text/event-stream" } })
      .then(function (r) {
        if (!r.ok) {
          return r.json().catch(function () { return {}; }).then(function (body) {
            var wait = r.headers.get("Retry-After");
            var msg = body.message || ("请求失败（HTTP " + r.status + "）");
            showError(m, r.status === 429 && wait && !body.message ? msg + "，请 " + wait + " 秒后再试。" : msg);
            state.done = true;
          });
        }
        var reader = r.body.getReader();
        var decoder = new TextDecoder();
        var buffer = "";
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) return;
            buffer += decoder.decode(chunk.value, { stream: true });
            var parts = buffer.split("\n\n");
            buffer = parts.pop();
            parts.forEach(function (raw) { handleEvent(m, raw, state); });
            return pump();
          });
        }
        return pump();
      })
      .catch(function () { if (!state.done) showError(m, "网络连接失败，请稍后再试。"); state.done = true; })
      .then(function () {
        if (!state.done) showError(m, "回答中断，请重试。");
        busy = false;
        send.disabled = false;
        box.focus();
      });
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); ask(box.value); });
  box.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); ask(box.value); }
  });
  log.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("button.example");
    if (b) ask(b.textContent);
  });
  document.getElementById("new-chat").addEventListener("click", function () {
    conversation = null;
    asked = [];
    Array.prototype.slice.call(log.querySelectorAll(".msg:not(.intro)")).forEach(function (n) { n.remove(); });
    box.focus();
  });

  // ---- talking to the widget on the host page ---------------------------------------------------------------
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && window.parent !== window && parentOrigin) {
      window.parent.postMessage({ type: "fangan:close" }, parentOrigin);
    }
  });
  window.addEventListener("message", function (e) {
    if (e.source === window.parent && e.data && e.data.type === "fangan:focus") box.focus();
  });
  if (window.parent === window) box.focus();
})();
