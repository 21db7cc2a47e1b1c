"""Real-browser tests: Debian's chromium (headless) drives the chat page and the widget on a host page.

One app server (uvicorn in a thread, 127.0.0.1, a free port) and two host-page servers on other local origins: one
on the allowlist, one not. Screenshots go to ``tmp_path``, and also to ``$WEB_SCREENSHOTS_DIR`` when set (the
README's pictures are made with ``WEB_SCREENSHOTS_DIR=docs``).
"""

from __future__ import annotations

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
HOST_CSS = "button { background: red !important; font-size: 40px !important; } * { font-family: serif; }"


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
        update={"data_dir": tmp / "data", "allowed_origins": [hosts["allowed"]], "rate_limit_per_minute": 0}
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
    page.locator("#chatbot").get_by_role("button", name="踩").click()
    expect(page.locator("#feedback-note")).to_contain_text("已记录您的评价：没帮助")
    page.locator("#comment textarea").fill("希望列出每项任务的完成时限")
    page.locator("#comment-send").click()
    expect(page.locator("#feedback-note")).to_contain_text("感谢您的反馈")
    stored = FeedbackStore(Path(sites["feedback"]) / "feedback.sqlite3").recent(1)[0]
    assert stored.rating is Rating.DOWN and stored.comment == "希望列出每项任务的完成时限"
    assert stored.question == "我们水务局要负责哪些工作？"


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
    expect(page.locator("#matrix-heatmap img")).to_be_visible()
    assert page.locator("#matrix-heatmap img").evaluate("i => i.naturalWidth") > 600
    expect(page.locator("#matrix-table")).to_contain_text("区发展改革局")
    page.get_by_role("tab", name="目标台账").click()
    expect(page.locator("#ledger-table")).to_contain_text("清洁取暖率")


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
    expect(citations).to_have_count(2)
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
