"""Real-browser tests: Debian's chromium (headless) drives the chat page and the widget on a host page.

One app server (uvicorn in a thread, 127.0.0.1, a free port) and two host-page servers on other local origins: one
on the allowlist, one not. Screenshots go to ``tmp_path``, and also to ``$WEB_SCREENSHOTS_DIR`` when set (the
README's pictures are made with ``WEB_SCREENSHOTS_DIR=docs``).
"""

from __future__ import annotations

import base64
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Frame, FrameLocator, Page

    from assistant.assistant import Assistant

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]  # fmt: skip
Q = "清洁取暖率的目标是多少？由谁牵头？"
BOT = "#chatbot [data-testid=bot]"  # one per answer
LAPTOP = {"width": 1366, "height": 768}  # the office laptop
HOST_CSS = "button { background: red !important; font-size: 40px !important; } * { font-family: serif; }"


# the browser tests drive many calls from one address (127.0.0.1): rate limits are tested in test_hardening.py
_NO_LIMITS = {"lookup_rate_limit_per_minute": 0, "ui_rate_limit_per_minute": 0, "feedback_rate_limit_per_minute": 0}

def _listening_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    return sock


def _host_page(app_url: str) -> str:
    """A government page with hostile CSS that embeds the widget by its one script tag."""
    return f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>莱芜区人民政府</title>
<link rel="icon" href="data:,"><style>{HOST_CSS}</style></head>
<body><h1>莱芜区人民政府 · 政策文件</h1><p><a href="#notice" id="host-link">通知公告</a></p>
<button id="host-button" type="button">站内按钮</button>
<script src="{app_url}widget.js" data-title="节能减排问答" async></script></body></html>"""


def _serve_dir(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def sites(assistant_instance: Assistant, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The app (with its allowlist) and the two host pages; all stopped afterwards."""
    import uvicorn

    from assistant.web.server import build_app
    from assistant.web.service import ChatService

    tmp = tmp_path_factory.mktemp("browser")
    sock = _listening_socket()
    app_url = f"http://127.0.0.1:{sock.getsockname()[1]}/"
    hosts = {}
    servers = []
    for name in ("allowed", "refused"):
        folder = tmp / name
        folder.mkdir()
        (folder / "index.html").write_text(_host_page(app_url), encoding="utf-8")
        server, url = _serve_dir(folder)
        servers.append(server)
        hosts[name] = url
    settings = assistant_instance.settings.model_copy(
        update={
            "data_dir": tmp / "data", "allowed_origins": [hosts["allowed"]], "rate_limit_per_minute": 0, **_NO_LIMITS
        }
    )
    service = ChatService(settings, factory=lambda progress: assistant_instance, warmup=())
    service.start().result()
    app = build_app(settings, service)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    assert server.started, "the app server did not start"
    try:
        yield {"app": app_url, **{f"{k}_host": v for k, v in hosts.items()}, "feedback": str(tmp / "data")}
    finally:
        server.should_exit = True
        thread.join(10)
        for s in servers:
            s.shutdown()
        sock.close()
        service.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail("Debian chromium is missing: run `bash scripts/bootstrap.sh` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page on an "intranet": any request that would leave 127.0.0.1 (a CDN, web fonts) fails the test."""
    context = browser.new_context(viewport={"width": 1360, "height": 900}, locale="zh-CN")
    outside: list[str] = []

    def intranet(route: Any) -> None:
        url = route.request.url
        if url.startswith(("http://127.0.0.1:", "data:", "blob:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", intranet)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()
    assert not outside, f"the page needed the internet: {outside}"


def _screenshot(page: Page, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000
    target = os.environ.get("WEB_SCREENSHOTS_DIR")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(target) / name)


# ---------------------------------------------------------------------------------------------- 1. chat page


def test_chat_answers_with_citations_and_opens_the_cited_clause(
    page: Page, sites: dict[str, str], assistant_instance: Assistant, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    page.goto(sites["app"])
    box = page.locator("#question textarea")
    box.fill("清洁取暖率的目标是多少？")
    page.locator("#send").click()
    chat = page.locator("#chatbot")
    expect(chat).to_contain_text("清洁取暖率达到90%以上")
    expect(chat).to_contain_text("[1] 三(三) 实施城镇绿色节能改造")
    box.fill("由谁牵头？")  # a follow-up: the topic comes from the previous turn
    box.press("Enter")
    expect(chat).to_contain_text("由区住房城乡建设局牵头")

    follow_up = assistant_instance.ask("由谁牵头？", session=_session(assistant_instance))
    page.set_viewport_size(LAPTOP)
    note = next(c for c in follow_up.citations if "区住房城乡建设局牵头" in c.quote)  # the responsibility note
    citations = page.locator("#citations label")
    expect(citations).to_have_count(len(follow_up.citations))
    citations.nth(follow_up.citations.index(note)).click()
    expect(page.locator("#section-view mark.cited")).to_have_text(note.quote)
    expect(page.locator("#section-view h3")).to_have_text("三(三) 实施城镇绿色节能改造")
    _screenshot(page, tmp_path, "screenshot-chat.png")
    page.locator("#chatbot .bot").first.click()  # an earlier answer: its own citations come back
    expect(page.locator("#citations")).to_contain_text("问：清洁取暖率的目标是多少？")
    expect(page.locator("#section-view mark.cited")).to_contain_text("清洁取暖率达到90%以上")


def _session(assistant: Assistant) -> Any:
    """A session that already asked the first question, to count the follow-up's citations."""
    from assistant.assistant import Session

    session = Session()
    assistant.ask("清洁取暖率的目标是多少？", session=session)
    return session


def test_chat_feedback_is_stored_with_a_comment(page: Page, sites: dict[str, str]) -> None:
    from playwright.sync_api import expect

    from assistant.web.feedback import FeedbackStore, Rating

    page.goto(sites["app"])
    page.locator("#examples").get_by_text("我们水务局要负责哪些工作？").click()  # an example question asks at once
    expect(page.locator("#chatbot")).to_contain_text("区水务局在方案中共涉及")
    store = FeedbackStore(Path(sites["feedback"]) / "feedback.sqlite3")
    before = len(store)
    page.locator("#chatbot").get_by_role("button", name="赞").click()
    expect(page.locator("#feedback-note")).to_contain_text("已记录您的评价：有帮助")
    page.locator("#chatbot").get_by_role("button", name="踩").click()  # changing one's mind: the row is updated
    expect(page.locator("#feedback-note")).to_contain_text("已记录您的评价：没帮助")
    page.locator("#comment textarea").fill("希望列出每项任务的完成时限")
    page.locator("#comment-send").click()
    expect(page.locator("#feedback-note")).to_contain_text("感谢您的反馈")
    assert len(store) == before + 1  # one row per answer and rater, not one per click
    stored = store.recent(1)[0]
    assert stored.rating is Rating.DOWN and stored.comment == "希望列出每项任务的完成时限"
    assert stored.question == "我们水务局要负责哪些工作？" and stored.context == ()

    box = page.locator("#question textarea")  # a follow-up is stored with the question it follows
    box.fill("那配合单位呢？")
    box.press("Enter")
    expect(page.locator(BOT)).to_have_count(2)
    expect(page.locator(BOT).nth(1)).not_to_have_text("…")
    page.locator("#chatbot").get_by_role("button", name="赞").nth(1).click()
    expect(page.locator("#feedback-note")).to_contain_text("已记录您的评价：有帮助")
    follow = store.recent(1)[0]
    assert follow.question == "那配合单位呢？" and follow.context == ("我们水务局要负责哪些工作？",)
    assert follow.conversation_id == stored.conversation_id and len(store) == before + 2

    page.locator("#new-chat").click()  # 新对话 clears the note and the comment box with the conversation
    expect(page.locator("#feedback-note")).to_have_text("")
    expect(page.locator("#comment textarea")).to_be_hidden()
    expect(page.locator(BOT)).to_have_count(0)


def test_task_tabs_show_tables_heatmap_and_xlsx(page: Page, sites: dict[str, str], tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from playwright.sync_api import expect

    page.goto(sites["app"])
    page.get_by_role("tab", name="单位任务清单").click()
    page.locator("#unit-select input").click()
    page.get_by_role("option", name="区水务局（牵头2、配合5）").click()
    expect(page.locator("#unit-summary")).to_contain_text("区水务局 共 7 项任务")
    expect(page.locator("#unit-table")).to_contain_text("全面提升环境基础设施水平")
    with page.expect_download() as download:
        page.locator("#unit-xlsx").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    sheet = load_workbook(saved).active
    assert saved.suffix == ".xlsx" and sheet.max_row == 8 and sheet["B1"].value == "角色"

    page.get_by_role("tab", name="责任矩阵").click()
    heatmap = page.locator("#matrix-heatmap img")
    expect(heatmap).to_be_visible()
    assert heatmap.evaluate("i => i.naturalWidth") > 600
    assert heatmap.evaluate("i => i.width === i.naturalWidth")  # shown at its own size: cell words stay readable
    assert "责任分工热力图" in (heatmap.get_attribute("alt") or "")
    for role in ("牵头", "配合", "落实"):  # a legend entry for every role
        expect(page.locator("#matrix-heatmap .heatmap-legend")).to_contain_text(role)
    with page.expect_download() as png:
        page.locator("#matrix-png").click()
    png_path = tmp_path / png.value.suggested_filename
    png.value.save_as(png_path)
    shown = heatmap.evaluate("i => i.src.split(',')[1]")
    assert base64.b64decode(shown) == png_path.read_bytes()  # the same picture as the export
    expect(page.locator("#matrix-table")).to_contain_text("区发展改革局")
    page.get_by_role("tab", name="目标台账").click()
    expect(page.locator("#ledger-table")).to_contain_text("清洁取暖率")


# ---------------------------------------------------------------------------------------------- 1b. the page for all


def _ask(page: Page, question: str, turn: int = 1) -> None:
    """Ask ``question`` as the conversation's ``turn``-th question and wait for its answer and citations."""
    from playwright.sync_api import expect

    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
    expect(page.locator(BOT)).to_have_count(turn)
    expect(page.locator(BOT).last).not_to_have_text("…")
    expect(page.locator("#citations")).to_contain_text(f"问：{question[:19]}")


def test_trash_icon_and_new_chat_clear_the_same_things(page: Page, sites: dict[str, str]) -> None:
    from playwright.sync_api import expect

    page.goto(sites["app"])
    for clear in ("trash", "new chat"):
        _ask(page, "清洁取暖率的目标是多少？")
        page.locator("#chatbot").get_by_role("button", name="赞").click()
        expect(page.locator("#comment textarea")).to_be_visible()
        if clear == "trash":
            page.locator("#chatbot").get_by_role("button", name="清空对话").click()
        else:
            page.locator("#new-chat").click()
        expect(page.locator(BOT)).to_have_count(0)
        expect(page.locator("#citations input")).to_have_count(0)  # citations gone with the turn
        expect(page.locator("#section-view mark")).to_have_count(0)
        expect(page.locator("#feedback-note")).to_have_text("")
        expect(page.locator("#comment textarea")).to_be_hidden()
        box = page.locator("#question textarea")  # and the follow-up context: "由谁牵头？" no longer means 清洁取暖
        box.fill("由谁牵头？")
        box.press("Enter")
        expect(page.locator(BOT)).to_have_count(1)
        expect(page.locator(BOT)).not_to_have_text("…")
        expect(page.locator(BOT)).not_to_contain_text("区住房城乡建设局牵头")
        page.locator("#new-chat").click()
        expect(page.locator(BOT)).to_have_count(0)


def test_citation_click_brings_the_clause_into_view_and_focus_there_and_back(
    page: Page, sites: dict[str, str], tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    page.set_viewport_size(LAPTOP)
    page.goto(sites["app"])
    _ask(page, "我们水务局要负责哪些工作？")  # several citations: the list is long
    expect(page.locator(BOT)).not_to_contain_text("在右侧")  # no wording that assumes the layout
    citations = page.locator("#citations input")
    assert citations.count() >= 4
    names = citations.evaluate_all("xs => new Set(xs.map(x => x.name)).size")
    assert names == 1  # one radio group: one Tab stop, arrow keys move within it
    page.locator("#citations label").last.click()
    mark = page.locator("#section-view mark.cited")
    expect(mark).to_be_visible()
    expect(page.locator("#section-view .section-view")).to_be_focused()
    box = mark.bounding_box()
    assert box and 0 <= box["y"] and box["y"] + min(box["height"], 100) <= LAPTOP["height"], box
    page.keyboard.press("Escape")  # and back to the citation it came from
    expect(citations.last).to_be_focused()
    page.keyboard.press("ArrowUp")  # arrow keys choose within the group; the clause follows
    expect(citations.nth(citations.count() - 2)).to_be_checked()
    expect(citations.nth(citations.count() - 2)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#section-view .section-view")).to_be_focused()
    page.locator("#section-view .back-to-citations").click()
    expect(citations.nth(citations.count() - 2)).to_be_focused()


def test_copy_gives_plain_text_with_the_citations(page: Page, sites: dict[str, str]) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(sites["app"])
    _ask(page, "清洁取暖率的目标是多少？")
    page.locator(BOT).hover()
    page.locator("#chatbot").get_by_role("button", name="复制本条").last.click()
    page.wait_for_timeout(300)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "清洁取暖率达到90%以上" in copied and "[1] 三(三) 实施城镇绿色节能改造" in copied
    assert "**" not in copied and "\\" not in copied  # no Markdown source, no escapes


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


_COLOURS_JS = """([sel, pseudo, prop]) => {
  const el = document.querySelector(sel);
  if (!el) return null;
  const rgb = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  let bg = null, e = el;
  while (e) { const c = rgb(getComputedStyle(e).backgroundColor); if (c && c[3] > 0.5) { bg = c; break; }
    e = e.parentElement; }
  return { fg: rgb(getComputedStyle(el, pseudo)[prop]), bg: bg || [255, 255, 255, 1] };
}"""
MEASURED: dict[str, float] = {}  # name → contrast ratio (printed with -s; the figures in notes/h5-webui.md)


def _ratio(page: Page, name: str, selector: str, pseudo: str | None = None, prop: str = "color") -> float:
    found = page.evaluate(_COLOURS_JS, [selector, pseudo, prop])
    assert found and found["fg"], f"{name}: {selector} not found"
    ratio = _contrast(tuple(found["fg"][:3]), tuple(found["bg"][:3]))
    MEASURED[name] = round(ratio, 2)
    print(f"contrast {name}: {ratio:.2f}:1")
    return ratio


def test_colours_meet_wcag_aa_and_the_focus_ring_is_strong(page: Page, sites: dict[str, str]) -> None:
    page.goto(sites["app"])
    page.locator("#question textarea").wait_for()
    text = {
        "提问 button": "#send",
        "selected tab": "button[role=tab][aria-selected=true]",
        "other tab": "button[role=tab][aria-selected=false]",
        "大字模式 button": "#font-toggle",
        "新对话 button": "#new-chat",
        "question label": "#question span[data-testid=block-info]",
        "page text": "#intro p",
        "example question": "#examples button",
    }
    for name, selector in text.items():
        assert _ratio(page, name, selector) >= 4.5, name
    assert _ratio(page, "placeholder", "#question textarea", "::placeholder") >= 4.5
    assert _ratio(page, "text box border", "#question textarea", None, "borderTopColor") >= 3
    page.locator("#question textarea").focus()
    assert _ratio(page, "focus ring (text box)", "#question textarea", None, "outlineColor") >= 3
    width = page.locator("#question textarea").evaluate("t => parseFloat(getComputedStyle(t).outlineWidth)")
    assert width >= 2
    page.keyboard.press("Shift+Tab")  # to a button by keyboard: the ring shows there too
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.id || document.activeElement.tagName")
    ring = page.evaluate("() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, "
                         "parseFloat(s.outlineWidth)]; }")  # fmt: skip
    assert ring[0] != "none" and ring[1] >= 2, (focused, ring)
    body = page.locator("#question textarea").evaluate("t => parseFloat(getComputedStyle(t).fontSize)")
    assert body >= 16
    page.locator("#font-toggle").click()  # 大字模式 on the main page, as in the widget
    expect_large = page.locator("#question textarea").evaluate("t => parseFloat(getComputedStyle(t).fontSize)")
    assert expect_large >= 20 > body
    assert page.locator("#font-toggle").get_attribute("aria-pressed") == "true"
    page.reload()  # remembered
    page.locator("#question textarea").wait_for()
    assert page.locator("#question textarea").evaluate("t => parseFloat(getComputedStyle(t).fontSize)") >= 20
    page.locator("#font-toggle").click()


_ALLOWED_LATIN = {"Enter", "Esc", "Excel", "xlsx", "png", "API"}
_ARIA_WORDS = """button textbox tab tablist tabpanel radio radiogroup heading link img log status region paragraph text
group list listitem checkbox combobox option listbox table row cell columnheader rowgroup main navigation level checked
pressed expanded selected disabled url figure separator generic contentinfo banner label article dialog alert
progressbar false true mixed mark placeholder"""  # the snapshot's own vocabulary (roles and states), not page text


def test_the_chat_page_speaks_chinese(page: Page, sites: dict[str, str]) -> None:
    import re

    from playwright.sync_api import expect

    page.goto(sites["app"])
    _ask(page, "清洁取暖率的目标是多少？")
    page.locator("#chatbot").get_by_role("button", name="赞").click()
    expect(page.locator("#feedback-note")).to_contain_text("有帮助")
    tree = page.locator("body").aria_snapshot()
    tree = re.sub(r"^\s*- /url: .*$", "", tree, flags=re.M)  # link targets are addresses, not words
    words = {w for w in re.findall(r"[A-Za-z][A-Za-z']{2,}", re.sub(r"^\s*- \w+", "", tree, flags=re.M))}
    roles = set(_ARIA_WORDS.split())
    english = sorted(w for w in words if w not in roles and w not in _ALLOWED_LATIN)
    assert english == [], english
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    box = page.locator("#question textarea")  # a question is shown as text, never as HTML or Markdown
    evil = '<img src=x onerror="document.title=1">**粗体**'
    box.fill(evil)
    box.press("Enter")
    expect(page.locator("#chatbot [data-testid=user]").last).to_have_text(evil)
    assert page.locator("#chatbot img").count() == 0
    assert page.title().startswith("方案助手 · ") and "Gradio" not in page.title()
    og = page.locator('meta[property="og:title"]').first.get_attribute("content")
    assert og and og.startswith("方案助手") and page.locator('meta[content="Gradio"]').count() == 0
    assert page.locator("#matrix-heatmap button[aria-label*=share i], button[title*=分享]").count() == 0


@pytest.mark.parametrize(
    ("name", "size", "scale"),
    [("zoom200", {"width": 683, "height": 384}, 2), ("phone", {"width": 375, "height": 667}, 2)],
)
def test_usable_at_200_percent_zoom_and_on_a_phone(
    browser: Browser, sites: dict[str, str], tmp_path: Path, name: str, size: dict[str, int], scale: int
) -> None:
    """200 % zoom on a 1366×768 laptop is a 683×384 CSS viewport at device scale 2; a phone is 375×667."""
    from playwright.sync_api import expect

    context = browser.new_context(viewport=size, device_scale_factor=scale, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(sites["app"])
        _ask(page, "清洁取暖率的目标是多少？")
        chat = page.locator("#chatbot").bounding_box()
        assert chat and chat["height"] <= size["height"] * 0.8, chat  # the chat box fits the viewport
        overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"the page scrolls sideways by {overflow}px"
        for target in ("#question textarea", "#send", "#new-chat"):
            el = page.locator(target)
            el.scroll_into_view_if_needed()
            box = el.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= size["width"] + 1, target
            assert box["height"] >= 24, target  # a finger-sized target
        page.locator("#citations label").first.click()
        expect(page.locator("#section-view mark.cited")).to_be_in_viewport()
        page.locator("#question textarea").scroll_into_view_if_needed()
        _screenshot(page, tmp_path, f"screenshot-{name}.png")
    finally:
        context.close()


def _ime_type(page: Page, selector: str, pinyin: str, text: str) -> None:
    """What a Chinese input method does: compose pinyin with key events marked "Process", then commit the text."""
    cdp = page.context.new_cdp_session(page)
    page.locator(selector).click()
    for i in range(1, len(pinyin) + 1):
        key = {"key": "Process", "code": f"Key{pinyin[i - 1].upper()}", "windowsVirtualKeyCode": 229}
        cdp.send("Input.dispatchKeyEvent", {"type": "rawKeyDown", **key})
        cdp.send("Input.imeSetComposition", {"text": pinyin[:i], "selectionStart": i, "selectionEnd": i})
        cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", **key})
    cdp.send("Input.insertText", {"text": text})
    cdp.detach()


def test_unit_picker_works_with_a_chinese_input_method_and_roles(page: Page, sites: dict[str, str]) -> None:
    from playwright.sync_api import expect

    page.goto(sites["app"])
    page.get_by_role("tab", name="单位任务清单").click()
    _ime_type(page, "#unit-select input", "shuiwu", "水务")
    options = page.get_by_role("option")
    expect(options).to_have_count(1)
    expect(options.first).to_contain_text("区水务局（牵头2、配合5）")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.locator("#unit-summary")).to_contain_text("区水务局 共 7 项任务")

    page.locator("#unit-select input").fill("")
    _ime_type(page, "#unit-select input", "meiyou", "没有此单位")  # nothing matches: Enter picks nothing
    expect(options).to_have_count(0)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)
    expect(page.locator("#unit-summary")).to_contain_text("区水务局 共 7 项任务")  # unchanged

    from assistant.structure import Role

    for role in Role:  # untick every role the picker offers
        page.locator("#unit-roles").get_by_text(f"{role.label}单位").click()
    expect(page.locator("#unit-summary")).to_contain_text("未勾选任何角色")
    expect(page.locator("#unit-table")).not_to_contain_text("全面提升环境基础设施水平")
    assert (
        page.locator("#unit-roles label[title]").evaluate_all("ls => ls.filter(l => /[a-z]/.test(l.title)).length") == 0
    )  # no "lead"/"co"/"implement" tooltips


def test_a_question_typed_while_the_index_builds_stays_in_the_box(
    browser: Browser, assistant_instance: Assistant, tmp_path_factory: pytest.TempPathFactory
) -> None:
    import uvicorn
    from playwright.sync_api import expect

    from assistant.web.server import build_app
    from assistant.web.service import ChatService

    gate = threading.Event()

    def slow(progress: Any) -> Assistant:
        progress(3, 10, "嵌入")
        gate.wait(60)
        return assistant_instance

    settings = assistant_instance.settings.model_copy(
        update={"data_dir": tmp_path_factory.mktemp("building"), "rate_limit_per_minute": 0, **_NO_LIMITS}
    )
    service = ChatService(settings, factory=slow, warmup=())
    service.start()
    sock = _listening_socket()
    server = uvicorn.Server(uvicorn.Config(build_app(settings, service), log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    context = browser.new_context(viewport=LAPTOP, locale="zh-CN")
    try:
        deadline = time.time() + 30
        while not server.started and time.time() < deadline:
            time.sleep(0.05)
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{sock.getsockname()[1]}/")
        expect(page.locator("#status")).to_contain_text("正在建立索引")
        box = page.locator("#question textarea")
        box.fill(Q)
        box.press("Enter")
        expect(page.locator("#chat-notice")).to_contain_text("您的问题已保留在输入框中")
        expect(box).to_have_value(Q)
        gate.set()
        expect(page.locator("#status")).to_have_text("", timeout=30_000)
        page.locator("#send").click()
        expect(page.locator("#chatbot")).to_contain_text("清洁取暖率达到90%以上")
        expect(page.locator("#chat-notice")).to_have_text("")
    finally:
        gate.set()
        context.close()
        server.should_exit = True
        thread.join(10)
        sock.close()
        service.close()


# ---------------------------------------------------------------------------------------------- 2. widget


def _launcher(page: Page) -> Any:
    return page.locator("#fangan-widget button.launcher")  # Playwright's CSS engine pierces open shadow roots


def _widget_frame(page: Page) -> FrameLocator:
    return page.frame_locator("#fangan-widget iframe")


def _shadow_focus(page: Page) -> str:
    return page.evaluate(
        "() => { const a = document.activeElement; const s = a && a.shadowRoot && a.shadowRoot.activeElement;"
        " return s ? s.className : (a ? a.tagName + '#' + a.id : ''); }"
    )


def test_widget_by_mouse_asks_shows_citations_and_closes_with_esc(
    page: Page, sites: dict[str, str], assistant_instance: Assistant, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    from assistant.web.feedback import FeedbackStore, Rating

    noise: list[str] = []
    page.on("console", lambda m: noise.append(m.text) if m.type in ("warning", "error") else None)
    page.goto(sites["allowed_host"])
    launcher = _launcher(page)
    expect(launcher).to_be_visible()
    # no CSS leaks in: the host's `button { background: red !important }` does not reach the widget
    assert launcher.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(11, 79, 138)"
    assert launcher.evaluate("b => getComputedStyle(b).zIndex") == "2147483000"
    launcher.click()
    panel = page.locator("#fangan-widget .panel")
    expect(panel).to_be_visible()
    size = panel.bounding_box()
    assert size and abs(size["width"] - 400) <= 2 and abs(size["height"] - 640) <= 2
    frame = _widget_frame(page)
    frame.locator("#q").fill(Q)
    frame.locator("#send").click()
    answer = frame.locator(".msg.bot:not(.intro)").last
    expect(answer.locator(".text")).to_contain_text("清洁取暖率达到90%以上")
    citations = answer.locator("button.cite")
    expect(citations).to_have_count(3)  # the target, its note, and the rule that makes the streets carry it out
    expect(citations.first).to_have_text("[1] 三(三) 实施城镇绿色节能改造")
    _screenshot(page, tmp_path, "screenshot-widget.png")
    citations.nth(1).click()
    expected = assistant_instance.ask(Q).citations[1].quote
    expect(answer.locator(".section mark")).to_have_text(expected)
    # the host page keeps its own styles: nothing leaks out of the widget either
    assert page.locator("#host-button").evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(255, 0, 0)"
    answer.get_by_role("button", name="有帮助").click()  # the widget's feedback lands in the same SQLite store
    expect(answer.locator(".rate [role=status]")).to_have_text("已记录，谢谢！")
    stored = FeedbackStore(Path(sites["feedback"]) / "feedback.sqlite3").recent(1)[0]
    assert stored.source == "widget" and stored.rating is Rating.UP and stored.question == Q
    frame.locator("#q").press("Escape")  # Esc inside the iframe
    expect(panel).to_be_hidden()
    launcher.click()
    expect(panel).to_be_visible()
    page.locator("#fangan-widget button.close").click()
    expect(panel).to_be_hidden()
    assert noise == []  # nothing in the host page's console (no postMessage to a frame still loading)


def test_widget_by_keyboard_only(page: Page, sites: dict[str, str]) -> None:
    from playwright.sync_api import expect

    page.goto(sites["allowed_host"])
    expect(_launcher(page)).to_be_visible()
    for _ in range(6):  # host link, host button, then the widget's launcher
        page.keyboard.press("Tab")
        if "launcher" in _shadow_focus(page):
            break
    assert "launcher" in _shadow_focus(page)
    page.keyboard.press("Enter")
    frame = _widget_frame(page)
    expect(frame.locator("#q")).to_be_focused()
    page.keyboard.type("我们水务局要负责哪些工作？")
    page.keyboard.press("Enter")
    answer = frame.locator(".msg.bot:not(.intro)").last
    expect(answer.locator(".text")).to_contain_text("区水务局在方案中共涉及")
    expect(frame.locator("#q")).to_be_focused()
    for _ in range(30):  # back through the answer's controls to its first citation
        page.keyboard.press("Shift+Tab")
        if answer.locator("button.cite").first.evaluate("b => b === document.activeElement"):
            break
    page.keyboard.press("Enter")
    expect(answer.locator(".section mark").first).to_be_visible()
    expect(answer.locator("button.cite").first).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(page.locator("#fangan-widget .panel")).to_be_hidden()
    assert "launcher" in _shadow_focus(page)  # focus returns to the button that opened it


def test_widget_fills_a_narrow_screen_and_has_a_large_font_toggle(page: Page, sites: dict[str, str]) -> None:
    from playwright.sync_api import expect

    page.set_viewport_size({"width": 375, "height": 700})
    page.goto(sites["allowed_host"])
    _launcher(page).click()
    panel = page.locator("#fangan-widget .panel")
    expect(panel).to_be_visible()
    box = panel.bounding_box()
    assert box and box["x"] == 0 and box["y"] == 0 and box["width"] == 375 and box["height"] == 700
    frame = _widget_frame(page)
    toggle = frame.locator("#font-toggle")
    before = frame.locator("#q").evaluate("t => parseFloat(getComputedStyle(t).fontSize)")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    assert frame.locator("#q").evaluate("t => parseFloat(getComputedStyle(t).fontSize)") > before
    expect(frame.locator("#log")).to_have_attribute("role", "log")


def test_widget_renders_questions_as_text_never_html(page: Page, sites: dict[str, str]) -> None:
    from playwright.sync_api import expect

    page.goto(sites["allowed_host"])
    _launcher(page).click()
    frame = _widget_frame(page)
    evil = "<img src=x onerror=\"document.title='pwned'\">清洁取暖由谁牵头？"
    frame.locator("#q").fill(evil)
    frame.locator("#q").press("Enter")
    expect(frame.locator(".msg.user").last).to_have_text(evil)
    expect(frame.locator(".msg.bot:not(.intro)").last).not_to_have_class("msg bot pending")
    assert frame.locator(".msg img").count() == 0
    assert page.title() == "莱芜区人民政府"


# ---------------------------------------------------------------------------------------------- 3. refused origin


def test_a_host_origin_not_on_the_allowlist_is_refused(page: Page, sites: dict[str, str]) -> None:
    messages: list[str] = []
    page.on("console", lambda m: messages.append(m.text))
    with page.expect_console_message(lambda m: "未获授权" in m.text):
        page.goto(sites["refused_host"])
    assert page.locator("#fangan-widget").count() == 0  # no button, no panel
    # framing /embed by hand is blocked by the server's CSP frame-ancestors
    with page.expect_console_message(lambda m: "frame-ancestors" in m.text):
        page.evaluate(
            "url => { const f = document.createElement('iframe'); f.id = 'manual'; f.src = url;"
            " document.body.appendChild(f); }",
            sites["app"] + "embed",
        )
    manual: Frame | None = page.locator("#manual").element_handle().content_frame()  # type: ignore[union-attr]
    assert manual is None or manual.locator("#q").count() == 0
    # and the API refuses calls from that origin (403, no CORS headers: the browser sees a network error)
    outcome = page.evaluate(
        "url => fetch(url + 'api/ask', {method: 'POST', headers: {'Content-Type': 'application/json'},"
        " body: JSON.stringify({question: '清洁取暖率的目标是多少？'})})"
        ".then(r => 'status ' + r.status, () => 'blocked')",
        sites["app"],
    )
    assert outcome == "blocked"


def test_openapi_docs_work_offline(page: Page, sites: dict[str, str]) -> None:
    from playwright.sync_api import expect

    page.goto(sites["app"] + "docs")
    expect(page.get_by_text("/api/ask/stream").first).to_be_visible()
    expect(page.get_by_text("/api/units/{name}/tasks").first).to_be_visible()
    expect(page.get_by_text("单位任务清单").first).to_be_visible()  # operations named in Chinese
    schema = page.request.get(sites["app"] + "openapi.json").json()
    summaries = [op.get("summary", "") for path in schema["paths"].values() for op in path.values()]
    assert summaries and all(any("\u4e00" <= ch <= "\u9fff" for ch in s) for s in summaries), summaries
