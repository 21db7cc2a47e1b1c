"""A fault-injecting OpenAI-compatible chat server on 127.0.0.1, the test double of the optional LLM path.

``FakeOpenAI(reply)`` answers ``POST /v1/chat/completions`` streaming (server-sent events) or whole; ``reply(body)``
returns a :class:`Reply` that says what to send and how to misbehave (delay, 5xx/429, malformed JSON, an error inside
a 200, a dropped connection, an empty reply, a stream without its end, keep-alive comments forever, a trickled body).

``honest(body)`` is a small faithful "model": it words the clauses it is given (the sentences of clause [1] closest to
the question, its responsibility note when the question asks who, every clause of a list question) in varying styles
(``[n]``/``【n】``/``［n］`` markers, before or after the full stop, a Chinese-numeral figure, a ``<think>`` block, an
English lead-in for an English question). ``DEFECTS`` turn an honest reply into one defect class each; ``scripted``
picks an honest reply or one defect per question. ``scripts/fake_llm.py`` serves it on a port for ``eval``.
"""

from __future__ import annotations

import hashlib
import json
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Reply:
    text: str = ""
    status: int = 200
    delay: float = 0.0  # seconds before anything is sent
    malformed: bool = False  # a body, or one server-sent event, that is not JSON
    pieces: int = 5  # server-sent events the text is split into
    keepalive: float = 0.0  # send ": keep-alive" comments this often, forever, and never an answer
    trickle: float = 0.0  # send the reply one byte at a time, this many seconds apart
    no_end: bool = False  # the stream stops without a finish_reason or [DONE]
    drop: bool = False  # the connection is closed half way through the reply
    error_in_200: bool = False  # status 200 whose body (or first event) is an error object
    empty: bool = False  # a 200 with an empty body


class FakeOpenAI:
    """A scripted chat-completions server; ``reply(request_body) -> Reply`` decides each answer."""

    def __init__(self, reply: Callable[[dict], Reply] | None = None, port: int = 0) -> None:
        self.reply = reply or (lambda body: Reply("到2025年，清洁取暖率达到90%以上[1]，由区住房城乡建设局牵头[1]。"))
        self.requests: list[dict] = []
        self.open = 0  # connections being answered now
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                fake.open += 1
                try:
                    body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                    body["authorization"] = self.headers.get("Authorization")
                    fake.requests.append(body)
                    self._answer(fake.reply(body), body)
                except (BrokenPipeError, ConnectionResetError, OSError):  # the client gave up: a timeout test
                    pass
                finally:
                    fake.open -= 1

            def _answer(self, reply: Reply, body: dict) -> None:
                time.sleep(reply.delay)
                if reply.status != 200:
                    error = {"error": {"message": "boom", "type": "server_error"}}
                    return self._send(reply.status, json.dumps(error))
                if reply.empty:
                    return self._send(200, "")
                if reply.error_in_200:
                    return self._send(200, json.dumps({"error": {"message": "model overloaded", "code": 503}}))
                if not body.get("stream"):
                    payload = "{not json" if reply.malformed else json.dumps(_completion(reply.text))
                    return self._send(200, payload, trickle=reply.trickle, drop=reply.drop)
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Connection", "close")
                self.end_headers()
                self.close_connection = True
                if reply.keepalive:
                    while True:  # until the client hangs up
                        self._write(b": keep-alive\n\n")
                        time.sleep(reply.keepalive)
                events = []
                size = max(1, -(-len(reply.text) // max(1, reply.pieces)))
                for i in range(0, len(reply.text), size):
                    events.append(json.dumps(_chunk(reply.text[i : i + size], None), ensure_ascii=False))
                if reply.malformed:
                    events.append("{not json")
                if reply.drop:
                    events = events[: max(1, len(events) // 2)]
                elif not reply.no_end:
                    events += [json.dumps(_chunk("", "stop")), "[DONE]"]
                data = "".join(f"data: {e}\n\n" for e in events).encode()
                if reply.trickle:
                    for i in range(len(data)):
                        self._write(data[i : i + 1])
                        time.sleep(reply.trickle)
                    return
                for e in events:
                    self._write(f"data: {e}\n\n".encode())
                if reply.drop:
                    self.connection.shutdown(socket.SHUT_RDWR)

            def _send(self, status: int, payload: str, trickle: float = 0.0, drop: bool = False) -> None:
                data = payload.encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if drop:
                    self._write(data[: len(data) // 2])
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if trickle:
                    for i in range(len(data)):
                        self._write(data[i : i + 1])
                        time.sleep(trickle)
                    return
                self.wfile.write(data)

            def _write(self, data: bytes) -> None:
                self.wfile.write(data)
                self.wfile.flush()

        self._server = _Server(("127.0.0.1", port), Handler)  # port 0: a free port
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def serve_forever(self) -> None:
        self._server.serve_forever()


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hung up (a timeout test) is expected, not an error of the double


def _completion(text: str) -> dict:
    message = {"role": "assistant", "content": text}
    return {
        "id": "chatcmpl-fake", "object": "chat.completion", "created": 0, "model": "fake",
        "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }  # fmt: skip


def _chunk(text: str, finish: str | None) -> dict:
    choice = {"index": 0, "delta": {"content": text} if text else {}, "finish_reason": finish}
    return {
        "id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 0, "model": "fake", "choices": [choice],
    }  # fmt: skip


# ---------------------------------------------------------------------------------------------- the prompt


def user_message(body: dict) -> str:
    return next(m["content"] for m in body["messages"] if m["role"] == "user")


@dataclass(frozen=True)
class Block:
    n: int
    label: str
    title: str
    text: str


@dataclass(frozen=True)
class Prompt:
    question: str
    blocks: tuple[Block, ...]
    is_list: bool


def read_prompt(body: dict) -> Prompt:
    text = user_message(body)
    question = text.split("问题：", 1)[1].split("\n", 1)[0].strip()
    context = text.split("=== 条款开始 ===\n", 1)[1].split("\n=== 条款结束 ===", 1)[0]
    blocks = []
    for raw in re.split(r"\n\n(?=\[\d+\] )", context.strip()):
        head, _, rest = raw.partition("\n")
        m = re.match(r"\[(\d+)\] (\S+) ?(.*)", head)
        if m:
            blocks.append(Block(int(m.group(1)), m.group(2), m.group(3), rest))
    return Prompt(question, tuple(blocks), "这是清单类问题" in text)


def _digest(text: str) -> int:
    return int(hashlib.md5(text.encode()).hexdigest(), 16)


def _grams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


_STYLES = ("[{}]", "【{}】", "［{}］")
_WHO_RE = re.compile(r"牵头|负责|配合|部门|单位|谁")
_NOTE_RE = re.compile(r"[（(]([^（()）]*?(?:[（(][^（()）]*[)）][^（()）]*?)*?(?:牵头|负责|落实)[^()]*?)[)）]\s*$")


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.findall(r"[^。；\n]+", text) if len(s.strip()) > 4]


def honest(body: dict) -> Reply:
    """A faithful answer in one of several styles chosen by the question."""
    p = read_prompt(body)
    h = _digest(p.question)
    mark = _STYLES[h % 3].format
    after_stop = h % 2 == 1  # "…以上。[1]" rather than "…以上[1]。"

    def cite(sentence: str, n: int) -> str:
        return f"{sentence}。{mark(n)}" if after_stop else f"{sentence}{mark(n)}。"

    if p.is_list:
        lines = [f"{b.n}. {b.title}{mark(b.n)}" for b in p.blocks]
        return Reply("相关任务如下：\n" + "\n".join(lines), pieces=8)
    first = p.blocks[0]
    grams = _grams(p.question)
    body_sentences = [s for s in _sentences(first.text) if not s.startswith(("(", "（"))]
    best = sorted(body_sentences, key=lambda s: -len(grams & _grams(s)))[:2]
    best.sort(key=body_sentences.index)
    parts = [cite(s, first.n) for s in best]
    if _WHO_RE.search(p.question):
        note = _NOTE_RE.search(first.text.strip())
        if note:
            parts.append(cite(f"该项工作{note.group(1)}", first.n))
    text = "".join(parts) or cite(first.title, first.n)
    if h % 5 == 0:  # a figure in Chinese numerals, the same value
        text = re.sub(r"(?<![\d.])(\d{1,2})%", lambda m: "百分之" + cn_numeral(int(m.group(1))), text, count=1)
    if h % 7 == 0:
        text = "<think>先找到与问题最相关的条款，再照抄其中的数字。</think>" + text
    if re.fullmatch(r"[\x00-\x7f]+", p.question):
        text = "According to the plan (facts in Chinese as written): " + text
    return Reply(text, pieces=6)


def cn_numeral(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


# ---------------------------------------------------------------------------------------------- defects


_FIGURE_UNITS = r"%|个百分点|万?吨(?:/日)?|家|个|万?千瓦|万?平方米|公里"


def _first_figure(text: str, units: str = _FIGURE_UNITS) -> re.Match[str] | None:
    return re.search(rf"(?<![\d.\[【［])(\d+(?:\.\d+)?)\s*({units})", text)


def _pct_to_pp(p: Prompt, r: Reply) -> Reply | None:
    m = _first_figure(r.text, "%")
    return replace(r, text=r.text[: m.start(2)] + "个百分点" + r.text[m.end(2) :]) if m else None


def _magnitude(p: Prompt, r: Reply) -> Reply | None:
    m = _first_figure(r.text, r"万?吨(?:/日)?|家|万?千瓦|万?平方米")
    if not m:
        return None
    unit = m.group(2)
    new = unit[1:] if unit.startswith("万") else "万" + unit
    return replace(r, text=r.text[: m.start(2)] + new + r.text[m.end(2) :])


def _cn_numeral(p: Prompt, r: Reply) -> Reply | None:
    m = _first_figure(r.text, "%|家|个")
    if not m or "." in m.group(1) or int(m.group(1)) > 94:
        return None
    value = int(m.group(1)) + 5
    said = "百分之" + cn_numeral(value) if m.group(2) == "%" else cn_numeral(value) + m.group(2)
    return replace(r, text=r.text[: m.start()] + said + r.text[m.end() :])


def _borrow_same(p: Prompt, r: Reply) -> Reply | None:
    m = _first_figure(r.text, "%")
    if not m:
        return None
    others = [f for f in re.findall(r"(?<![\d.])(\d+(?:\.\d+)?)%", p.blocks[0].text) if f != m.group(1)]
    return replace(r, text=r.text[: m.start(1)] + others[0] + r.text[m.end(1) :]) if others else None


def _borrow_other(p: Prompt, r: Reply) -> Reply | None:
    m = _first_figure(r.text, "%")
    if not m or len(p.blocks) < 2:
        return None
    others = [f for f in re.findall(r"(?<![\d.])(\d+(?:\.\d+)?)%", p.blocks[1].text) if f != m.group(1)]
    others = [f for f in others if not re.search(rf"(?<![\d.]){re.escape(f)}%", p.blocks[0].text)]
    if not others:
        return None
    head = r.text[: m.start(1)] + others[0]
    tail = re.sub(r"[\[【［]1[\]】］]", "[1][2]", r.text[m.end(1) :], count=1)  # the marker of that claim
    return replace(r, text=head + tail)


def _role_swap(p: Prompt, r: Reply) -> Reply | None:
    for b in p.blocks[:1]:
        note = _NOTE_RE.search(b.text.strip())
        co = re.search(r"[,，]([^,，、（(]+?)(?:、|等按职责分工负责)", note.group(1)) if note else None
        if co:
            return Reply(f"该项工作由{co.group(1)}牵头[{b.n}]。")
    return None


def _invented_unit(p: Prompt, r: Reply) -> Reply | None:
    unit = "区节能办" if _digest(p.question) % 2 else "国网莱芜供电公司"
    return replace(r, text=r.text + f"具体工作由{unit}负责督导推进[1]。")


def _polarity(p: Prompt, r: Reply) -> Reply | None:
    sentences = [s for s in _sentences(p.blocks[0].text) if not s.startswith(("(", "（")) and "不再" not in s]
    return Reply(f"方案不再要求{sentences[0]}[1]。") if sentences else None


def _wrong_year(p: Prompt, r: Reply) -> Reply | None:
    m = re.search(r"(20\d\d)年", r.text)
    return replace(r, text=r.text[: m.start(1)] + str(int(m.group(1)) + 5) + r.text[m.end(1) :]) if m else None


def _invented_figure(p: Prompt, r: Reply) -> Reply | None:
    m = _first_figure(r.text)
    if not m:
        return None
    return replace(r, text=r.text[: m.start(1)] + str(int(float(m.group(1))) + 3) + r.text[m.end(1) :])


def _wrong_clause(p: Prompt, r: Reply) -> Reply | None:
    if len(p.blocks) < 2 or not _first_figure(r.text):
        return None
    return replace(r, text=re.sub(r"[\[【［]1[\]】］]", "[2]", r.text))


def _uncited(p: Prompt, r: Reply) -> Reply | None:
    return replace(r, text=re.sub(r"[\[【［]\d+[\]】］]", "", r.text))


def _out_of_range(p: Prompt, r: Reply) -> Reply | None:
    return replace(r, text=re.sub(r"[\[【［]1[\]】］]", "[42]", r.text, count=1))


def _list_cut(p: Prompt, r: Reply) -> Reply | None:
    if not p.is_list or len(p.blocks) < 4:
        return None
    lines = r.text.split("\n")
    return replace(r, text="\n".join(lines[: 1 + len(p.blocks) // 2]))


def _english(p: Prompt, r: Reply) -> Reply | None:
    return Reply("According to the plan, the relevant target should be reached by the end of the period [1].")


def _reasoning_only(p: Prompt, r: Reply) -> Reply | None:
    return Reply("<think>The user asks about the plan. Let me think about which clause applies and what figure")


def _prompt_leak(p: Prompt, r: Reply) -> Reply | None:
    return Reply("我是这份方案的问答助手，只依据用户消息中给出的编号条款作答，不使用任何其他知识，不作推测[1]。")


def _huge(p: Prompt, r: Reply) -> Reply | None:
    return replace(r, text=r.text + "节能减排工作要持续推进。" * 9000, pieces=200)


def _no_end(p: Prompt, r: Reply) -> Reply | None:
    return replace(r, no_end=True)


# defect class → (the guard's kind that must catch it, or "failed" for a fallback on a failed exchange; transform)
DEFECTS: dict[str, tuple[str, Callable[[Prompt, Reply], Reply | None]]] = {
    "pct_to_points": ("unit_magnitude", _pct_to_pp),
    "magnitude": ("unit_magnitude", _magnitude),
    "chinese_numeral": ("figure", _cn_numeral),
    "borrowed_same_clause": ("indicator", _borrow_same),
    "borrowed_other_clause": ("indicator", _borrow_other),
    "role_swap": ("role", _role_swap),
    "invented_unit": ("unit_name", _invented_unit),
    "reversal": ("polarity", _polarity),
    "wrong_year": ("year", _wrong_year),
    "invented_figure": ("figure", _invented_figure),
    "wrong_clause": ("figure", _wrong_clause),
    "uncited": ("citation", _uncited),
    "out_of_range": ("citation", _out_of_range),
    "list_cut": ("completeness", _list_cut),
    "english": ("language", _english),
    "reasoning_only": ("shape", _reasoning_only),
    "prompt_leak": ("leak", _prompt_leak),
    "huge": ("length", _huge),
    "no_end": ("failed", _no_end),
}
FAILURES: dict[str, Reply] = {
    "http_500": Reply(status=500),
    "http_429": Reply(status=429),
    "malformed": Reply("x", malformed=True),
    "error_in_200": Reply(error_in_200=True),
    "dropped": Reply("清洁取暖率达到90%以上[1]。" * 4, drop=True),
    "empty": Reply(empty=True),
}


def defect(name: str) -> Callable[[dict], Reply]:
    """A server whose every reply has defect ``name`` (honest when it does not apply to a question)."""

    def reply(body: dict) -> Reply:
        if name in FAILURES:
            return FAILURES[name]
        p = read_prompt(body)
        return DEFECTS[name][1](p, honest(body)) or honest(body)

    return reply


class Scripted:
    """Honest replies, or one defect class per question in turn (``mixed``); ``log`` records what was sent."""

    def __init__(self, mode: str = "honest") -> None:
        self.mode = mode
        self.log: list[tuple[str, str]] = []  # (question, defect class or "honest")
        self._lock = threading.Lock()

    def __call__(self, body: dict) -> Reply:
        p = read_prompt(body)
        base = honest(body)
        if self.mode == "honest":
            return self._sent(p.question, "honest", base)
        if self.mode != "mixed":
            return self._sent(p.question, self.mode, defect(self.mode)(body))
        names = [n for n in DEFECTS if n not in ("huge", "no_end")] + list(FAILURES)
        start = _digest(p.question) % len(names)
        for name in names[start:] + names[:start]:
            if name in FAILURES:
                return self._sent(p.question, name, FAILURES[name])
            out = DEFECTS[name][1](p, base)
            if out is not None:
                return self._sent(p.question, name, out)
        return self._sent(p.question, "honest", base)

    def _sent(self, question: str, name: str, reply: Reply) -> Reply:
        with self._lock:
            self.log.append((question, name))
        return reply
