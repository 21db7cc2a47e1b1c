"""The Gradio chat for officials: streamed answers with numbered citations, the cited clause highlighted,
example questions, follow-ups, 👍/👎 feedback, and the task-assignment tabs.

Accessibility is part of the page, not an add-on: the theme's colours are chosen for WCAG 2.1 AA (measured in
tests/test_web_browser.py), every string is Chinese (Gradio's own strings through ``I18N`` and ``static/page.js``),
a 大字模式 button enlarges every size, and the chat's height follows the viewport (200 % zoom, phones).

``build_ui`` takes the tabs as a list of builders (``default_tabs``) and an optional ``header`` builder, so a plan
picker or a 方案库 tab are added without touching the chat.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gradio as gr

from ..answer import Answer, Citation
from ..errors import AssistantError
from .feedback import FeedbackError, FeedbackStore, Rating
from .library_tab import build_library_tab, plan_picker, plan_value
from .ratelimit import RateLimiter
from .render import SECTION_PLACEHOLDER, answer_text, citation_choices, section_html, status_html
from .service import ChatService
from .tabs import TaskViews, build_task_tabs

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
SITE_TITLE = "方案助手"
TabBuilder = Callable[[], None]  # adds one or more ``gr.Tab`` to the enclosing ``gr.Tabs``

EXAMPLES = (
    "清洁取暖率的目标是多少？由谁牵头？",
    "我们水务局要负责哪些工作？",
    "到2025年单位地区生产总值能耗下降多少？",
    "重点行业绿色升级工程由哪些单位负责？",
    "方案的保障措施有哪些？",
)
QUESTION_PLACEHOLDER = "请输入问题，按 Enter 或点“提问”发送"
CITATIONS_LABEL = "引用（选择编号查看方案原文；方向键切换）"
_CHAT_HEIGHT = "clamp(200px, calc(100vh - 400px), 680px)"  # follows the viewport: 200 % zoom, phones
# Colours (measured against white in the browser tests): text #1a1a1a 17.4:1, secondary text #4d4d4d 8.5:1,
# placeholder #595959 7.0:1, primary/accent/focus #0b4f8a 8.4:1, control borders #6b6b6b 5.3:1.
INK, INK_2, PLACEHOLDER_INK = "#1a1a1a", "#4d4d4d", "#595959"
ACCENT, ACCENT_DARK, BORDER = "#0b4f8a", "#083a66", "#6b6b6b"
CSS = f"""
:root {{ --fangan-accent:{ACCENT}; }}
.gradio-container {{ max-width: 1400px !important; }}
/* a strong focus ring everywhere (3 px, {ACCENT} on white 8.4:1), never hidden by Gradio's own styles */
.gradio-container :focus-visible, .gradio-container input:focus, .gradio-container textarea:focus {{
  outline: 3px solid {ACCENT} !important; outline-offset: 2px !important; }}
.gradio-container button.primary:focus-visible {{ box-shadow: 0 0 0 2px #fff inset !important; }}
.status {{ display:flex; gap:12px; align-items:center; padding:10px 14px; border-radius:8px;
  background:#fff7e0; color:#3d2e00; border:1px solid #8a6d00; font-size:var(--text-md); }}
.status.failed {{ background:#fdecea; color:#5f1610; border-color:#c62828; }}
.status progress {{ width:220px; height:14px; }}
#chat-notice:empty {{ display:none; }}
#chat-notice p {{ margin:0; color:#5f1610; font-size:var(--text-md); }}
.section-view {{ font-size:var(--text-lg); line-height:1.8; color:{INK}; }}
.section-view h3 {{ margin:2px 0 8px; font-size:calc(var(--text-lg) + 2px); }}
.section-view .chapter {{ margin:0; color:{INK_2}; font-size:var(--text-md); }}
.section-view .section-body {{ white-space:pre-wrap; max-height:min(480px, 60vh); overflow:auto; padding-right:6px; }}
.section-view mark.cited {{ background:#ffe066; color:#1a1a1a; padding:1px 2px; border-radius:3px;
  outline:2px solid #8a6d00; }}
.section-view:focus {{ outline:3px solid {ACCENT}; outline-offset:4px; }}
.section-view .back-to-citations {{ margin-top:10px; padding:6px 12px; font-size:var(--text-md); color:{ACCENT};
  background:#fff; border:1px solid {ACCENT}; border-radius:6px; cursor:pointer; }}
#citations label {{ font-size:var(--text-md); }}
/* the chat's icon buttons (copy, 赞, 踩, clear): 32 px targets instead of 18 px */
#chatbot button.icon-button {{ width:32px !important; height:32px !important; padding:6px !important; }}
#chatbot button.icon-button svg {{ width:20px; height:20px; }}
#header {{ align-items:center; }}
#header h1 {{ margin:0; }}
#font-toggle {{ max-width:9em; }}
.heatmap-scroll {{ overflow:auto; max-height:80vh; border:1px solid {BORDER}; }}
.heatmap-scroll img {{ max-width:none; display:block; }}
.heatmap-legend {{ display:flex; flex-wrap:wrap; gap:14px; margin:8px 0; font-size:var(--text-md); }}
.heatmap-legend span.swatch {{ display:inline-block; width:1.4em; height:1em; vertical-align:middle;
  margin-right:4px; border:1px solid #595959; }}
@media (max-width: 700px) {{ .gradio-container {{ padding: 4px !important; }} }}
/* 大字模式: every size of the theme one step up (GB/T 37668, 适老化) */
:root.fangan-large {{ --text-xxs:14px; --text-xs:16px; --text-sm:19px; --text-md:21px; --text-lg:24px;
  --text-xl:28px; --text-xxl:32px; --input-text-size:21px; --block-label-text-size:19px;
  --block-info-text-size:19px; --block-title-text-size:19px; --button-large-text-size:21px;
  --button-medium-text-size:21px; --button-small-text-size:19px; --checkbox-label-text-size:19px;
  --chatbot-text-size:21px; --prose-text-size:21px; --section-header-text-size:21px; }}
"""

# Gradio's own strings that its zh-CN catalogue lacks (the rest, hard-coded in English, are in static/page.js)
_ZH = {
    "chatbot.copy_message": "复制本条（纯文本，含引用）",
    "chatbot.copied_message": "已复制",
    "chatbot.like": "赞",
    "chatbot.dislike": "踩",
    "chatbot.clear": "清空对话（与“新对话”相同）",
    "chatbot.complete": "完成",
    "chatbot.retry": "重试",
    "chatbot.undo": "撤销",
    "chatbot.edit": "编辑",
    "common.copy": "复制",
    "common.download": "下载",
    "common.fullscreen": "全屏",
    "common.share": "分享",
    "common.clear": "清除",
    "common.error": "错误",
    "common.loading": "加载中",
    "dropdown.dropdown": "下拉选择",
    "radio.radio": "单选",
    "checkbox.checkbox_group": "复选框组",
}
I18N = gr.I18n(**{"zh-CN": _ZH, "zh": _ZH})


def page_script() -> str:
    """The ``<head>`` addition: the script that fixes what Gradio's options cannot (see static/page.js)."""
    return f"<script>{(STATIC / 'page.js').read_text(encoding='utf-8')}</script>"


def page_title(service: ChatService) -> str:
    """``方案助手 · <plan title>`` from the loaded plan(s), for <title> and the sharing metadata."""
    try:
        title = service.structure.plan.title
    except Exception:  # the plan failed to load: the page still says what it is
        log.exception("plan title unavailable")
        return SITE_TITLE
    return f"{SITE_TITLE} · {title}" if title else SITE_TITLE


def page_description(service: ChatService) -> str:
    try:
        title = service.structure.plan.title
    except Exception:
        title = ""
    what = f"《{title}》" if title else "实施方案"
    return f"{what}智能问答与任务分工：目标指标、牵头和配合单位、各单位任务，回答均摘自方案原文并标注出处。"


@dataclass
class ChatTurn:
    """One question and its answer as shown in the chat (not ``assistant.Turn``, the engine's memory)."""

    question: str
    text: str = "…"
    answer: str = ""
    citations: tuple[Citation, ...] = ()
    sections: tuple[str, ...] = field(default_factory=tuple)


def _messages(turns: list[ChatTurn]) -> list[dict[str, str]]:
    """The chat's messages: plain text (no Markdown), HTML-escaped, since the chat inserts its text as HTML."""
    out = []
    for t in turns:
        out += [{"role": "user", "content": _text(t.question)}, {"role": "assistant", "content": _text(t.text)}]
    return out


def _text(text: str) -> str:
    return html.escape(text, quote=False)


def _client(request: gr.Request | None) -> str:
    return request.client.host if request is not None and request.client else "unknown"


def _rater(request: gr.Request | None) -> str:
    """Who rates: the browser tab's Gradio session (one row per answer and rater)."""
    if request is not None and getattr(request, "session_hash", None):
        return str(request.session_hash)
    return _client(request)


def default_tabs(views: TaskViews) -> list[TabBuilder]:
    """The tabs after 智能问答: 单位任务清单, 责任矩阵, 目标台账, 方案库 (append builders for more)."""
    return [lambda: build_task_tabs(views), lambda: build_library_tab(views.service)]


def build_ui(
    service: ChatService,
    feedback: FeedbackStore,
    limiter: RateLimiter,
    views: TaskViews,
    tabs: Sequence[TabBuilder] | None = None,
    header: Callable[[], None] | None = None,
) -> gr.Blocks:
    """The Blocks app (mounted at ``/`` on the FastAPI app).

    Args:
        service: answers questions.
        feedback: where 赞/踩 go.
        limiter: per-client rate limit of the chat.
        views: the task-assignment tables.
        tabs: builders of the tabs after 智能问答; default ``default_tabs(views)``.
        header: optional builder of extra controls under the title (e.g. a plan picker).
    """
    tab_builders = list(tabs) if tabs is not None else default_tabs(views)

    def show_citation(turns: list[ChatTurn], shown: int | None, choice: str | None) -> str:
        if shown is None or choice is None or shown >= len(turns):
            return SECTION_PLACEHOLDER
        cites = turns[shown].citations
        i = int(choice)
        if not 0 <= i < len(cites):
            return SECTION_PLACEHOLDER
        plan = service.structure_of(cites[i].plan_id or None).plan  # in a library: the citation's own plan
        return section_html(plan.clause(cites[i].section), cites[i], i + 1)

    def respond(
        question: str, turns: list[ChatTurn] | None, conv: str | None, picked: str | None, request: gr.Request
    ) -> Any:
        turns = list(turns or [])
        text = (question or "").strip()
        keep = (gr.skip(),) * 4  # radio, section, shown, notice untouched
        if not text:
            yield gr.skip(), gr.skip(), turns, conv, gr.skip(), gr.skip(), gr.skip(), "请先输入要咨询的问题。"
            return
        readiness = service.readiness
        if not readiness.ready:  # the question stays in the box, to send once the index is ready
            note = f"{readiness.describe()}。您的问题已保留在输入框中，就绪后请再点“提问”。"
            if readiness.status.value == "failed":
                note = f"{readiness.describe()}。请联系管理员。"
            yield gr.skip(), gr.skip(), turns, conv, gr.skip(), gr.skip(), gr.skip(), note
            return
        conv = conv or service.new_conversation()
        turn = ChatTurn(text)
        turns.append(turn)
        wait = limiter.hit(_client(request))
        if wait is not None:
            turn.text = f"提问过于频繁，请 {wait} 秒后再试。"
            yield _messages(turns), "", turns, conv, *keep[:3], ""
            return
        yield _messages(turns), "", turns, conv, *keep[:3], ""
        partial = ""
        try:
            for item in service.stream(text, conv, plan_value(picked)):
                if isinstance(item, str):
                    partial += item
                    turn.text = partial
                    yield _messages(turns), gr.skip(), turns, conv, *keep
                elif isinstance(item, Answer):
                    turn.text = answer_text(item)
                    turn.answer = item.answer
                    turn.citations = item.citations
                    turn.sections = tuple(dict.fromkeys(c.section for c in item.citations))
        except AssistantError as exc:  # not ready, bad input, …: a notice in the chat, never a traceback
            turn.text = str(exc)
        except Exception:
            log.exception("chat failed")
            turn.text = "抱歉，服务内部出错，请稍后再试；如持续出现请联系管理员。"
        shown = len(turns) - 1
        choices = citation_choices(turn.citations)
        first = choices[0][1] if choices else None
        radio = gr.Radio(choices=choices, value=first, label=_radio_label(turn))
        yield _messages(turns), gr.skip(), turns, conv, radio, show_citation(turns, shown, first), shown, ""

    def select_message(turns: list[ChatTurn], evt: gr.SelectData) -> tuple[Any, ...]:
        index = evt.index if isinstance(evt.index, int) else evt.index[0]
        shown = index // 2
        if shown >= len(turns) or not turns[shown].citations:
            return gr.skip(), gr.skip(), gr.skip()
        choices = citation_choices(turns[shown].citations)
        radio = gr.Radio(choices=choices, value=choices[0][1], label=_radio_label(turns[shown]))
        return radio, show_citation(turns, shown, choices[0][1]), shown

    def like(turns: list[ChatTurn], conv: str | None, evt: gr.LikeData, request: gr.Request) -> tuple[Any, ...]:
        index = evt.index if isinstance(evt.index, int) else evt.index[0]
        n = index // 2
        if n >= len(turns):
            return gr.Group(visible=False), None, ""
        t = turns[n]
        key = f"{conv}:{n}"
        rater = _rater(request)
        if evt.liked not in (True, False):  # the chosen 赞/踩 clicked again: the rating is withdrawn
            feedback.retract("web", rater, key)
            return gr.Group(visible=False), None, "已撤销您的评价。"
        rating = Rating.UP if evt.liked else Rating.DOWN
        fid = feedback.rate(
            rating, t.question, t.answer or t.text, t.sections, rater=rater, answer_key=key,
            context=[p.question for p in turns[:n]], conversation_id=conv, source="web",
        )  # fmt: skip
        verdict = "有帮助" if rating is Rating.UP else "没帮助"
        note = f"已记录您的评价：{verdict}（可随时改选）。如有补充意见，可在下方填写（可选）。"
        return gr.Group(visible=True), fid, note

    def send_comment(fid: int | None, comment: str) -> tuple[Any, ...]:
        if fid is None or not (comment or "").strip():
            return gr.Group(visible=True), fid, "请先填写意见，或直接忽略此栏。", comment
        try:
            feedback.set_comment(fid, comment)
        except FeedbackError as exc:
            return gr.Group(visible=True), fid, str(exc), comment
        return gr.Group(visible=False), None, "感谢您的反馈！", ""

    def reset() -> tuple[Any, ...]:
        """新对话 and the chat's trash icon: history, citations, follow-up context and feedback, all cleared."""
        radio = gr.Radio(choices=[], value=None, label=CITATIONS_LABEL)
        return [], [], None, radio, SECTION_PLACEHOLDER, None, "", gr.Group(visible=False), "", None, ""

    def poll() -> tuple[str, gr.Timer]:
        readiness = service.readiness
        return status_html(readiness), gr.Timer(active=not readiness.ready and readiness.status.value != "failed")

    with gr.Blocks(title=page_title(service), analytics_enabled=False) as demo:
        with gr.Row(elem_id="header", equal_height=True):
            gr.Markdown(f"# {SITE_TITLE}\n{page_description(service)}（[接口文档](/docs)）", elem_id="intro")
            gr.Button("大字模式", elem_id="font-toggle", size="md", scale=0, min_width=120).click(
                None, js="() => window.fanganToggleLarge && window.fanganToggleLarge()"
            )
        if header is not None:
            header()
        status = gr.HTML(status_html(service.readiness), elem_id="status")
        timer = gr.Timer(1.0)
        timer.tick(poll, None, [status, timer], show_progress="hidden", api_visibility="private")
        demo.load(poll, None, [status, timer], show_progress="hidden", api_visibility="private")

        turns = gr.State([])
        conv = gr.State(None)
        shown = gr.State(None)
        fid = gr.State(None)
        with gr.Tabs():
            with gr.Tab("智能问答", id="chat"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3, min_width=300):
                        chatbot = gr.Chatbot(
                            label="对话", height=_CHAT_HEIGHT, elem_id="chatbot", render_markdown=False,
                            placeholder=(
                                "您好！我依据方案原文回答问题：目标指标、牵头和配合单位、各单位的任务和具体措施。"
                                "每个回答都附方案原文引用；方案没有的内容，我会如实说明。"
                            ),
                            feedback_options=("Like", "Dislike"), latex_delimiters=[], buttons=["copy"],
                        )  # fmt: skip
                        notice = gr.Markdown("", elem_id="chat-notice")
                        picked = plan_picker(service, "chat-plan", "依据方案（全部方案时自动选择）")
                        with gr.Row():
                            box = gr.Textbox(
                                label="您的问题", placeholder=QUESTION_PLACEHOLDER, lines=1, max_lines=4,
                                max_length=service.settings.max_question_chars, elem_id="question", scale=5,
                            )  # fmt: skip
                            send = gr.Button("提问", variant="primary", elem_id="send", scale=1, min_width=90)
                        examples = gr.Dataset(
                            components=[box], samples=[[q] for q in EXAMPLES], label="示例问题（点击即问）",
                            elem_id="examples", samples_per_page=len(EXAMPLES),
                        )  # fmt: skip
                        with gr.Row():
                            new_chat = gr.Button("新对话（清空当前对话）", size="md", elem_id="new-chat")
                        note = gr.Markdown("", elem_id="feedback-note")
                        with gr.Group(visible=False) as comment_group:
                            comment = gr.Textbox(label="补充意见（可选）", lines=2, max_length=1000, elem_id="comment")
                            comment_btn = gr.Button("提交意见", size="md", elem_id="comment-send")
                    with gr.Column(scale=2, min_width=300):
                        radio = gr.Radio(choices=[], label=CITATIONS_LABEL, elem_id="citations")
                        section = gr.HTML(SECTION_PLACEHOLDER, elem_id="section-view")
            for build in tab_builders:
                build()

        outputs = [chatbot, box, turns, conv, radio, section, shown, notice]
        ui_only: dict[str, Any] = {"api_visibility": "private"}  # the public API is /api/… (documented, rate-limited)
        chat: dict[str, Any] = {**ui_only, "concurrency_limit": 8}
        box.submit(respond, [box, turns, conv, picked], outputs, **chat)
        send.click(respond, [box, turns, conv, picked], outputs, **chat)
        examples.click(lambda sample: sample[0], examples, box, **ui_only).then(
            respond, [box, turns, conv, picked], outputs, **chat
        )
        radio.input(show_citation, [turns, shown, radio], section, **ui_only)
        chatbot.select(select_message, turns, [radio, section, shown], **ui_only)
        chatbot.like(like, [turns, conv], [comment_group, fid, note], **ui_only)
        comment_btn.click(send_comment, [fid, comment], [comment_group, fid, note, comment], **ui_only)
        cleared = [chatbot, turns, conv, radio, section, shown, note, comment_group, comment, fid, notice]
        new_chat.click(reset, None, cleared, **ui_only)
        chatbot.clear(reset, None, cleared, **ui_only)
    return demo


def _radio_label(turn: ChatTurn) -> str:
    q = turn.question if len(turn.question) <= 20 else turn.question[:19] + "…"
    return f"{CITATIONS_LABEL} · 问：{q}"


def theme() -> gr.themes.Base:
    """Gradio's default layout with local fonts only (no web-font download: the app runs on an intranet), a
    16 px base size, and colours that meet WCAG 2.1 AA (the figures are in ``CSS`` above and in the tests)."""
    fonts = ["Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "ui-sans-serif", "system-ui", "sans-serif"]
    sizes = gr.themes.Size(xxs="12px", xs="14px", sm="16px", md="17px", lg="19px", xl="24px", xxl="28px")
    base = gr.themes.Default(primary_hue="blue", text_size=sizes, font=fonts, font_mono=fonts)
    return base.set(
        body_text_color=INK,
        body_text_color_subdued=INK_2,
        block_label_text_color=INK_2,
        block_title_text_color=INK,
        block_info_text_color=INK_2,
        color_accent=ACCENT,
        color_accent_soft="#e3edf7",
        border_color_accent=ACCENT,
        link_text_color=ACCENT,
        link_text_color_hover=ACCENT_DARK,
        link_text_color_visited="#5a2d82",
        button_primary_background_fill=ACCENT,
        button_primary_background_fill_hover=ACCENT_DARK,
        button_primary_text_color="#ffffff",
        button_primary_text_color_hover="#ffffff",
        button_primary_border_color=ACCENT,
        button_secondary_background_fill="#ffffff",
        button_secondary_background_fill_hover="#e3edf7",
        button_secondary_text_color=ACCENT,
        button_secondary_text_color_hover=ACCENT_DARK,
        button_secondary_border_color=ACCENT,
        button_border_width="1px",
        button_large_text_size="*text_md",
        button_medium_text_size="*text_md",
        button_small_text_size="*text_sm",
        input_border_color=BORDER,
        input_border_color_hover=INK_2,
        input_border_color_focus=ACCENT,
        input_border_width="1px",
        input_shadow_focus=f"0 0 0 2px {ACCENT}",
        input_placeholder_color=PLACEHOLDER_INK,
        input_text_size="*text_md",
        checkbox_border_color=BORDER,
        checkbox_border_color_focus=ACCENT,
        checkbox_border_color_selected=ACCENT,
        checkbox_background_color_selected=ACCENT,
        checkbox_label_background_fill_selected="#e3edf7",
        checkbox_label_border_color_selected=ACCENT,
        checkbox_label_text_color_selected=INK,
        checkbox_label_text_size="*text_md",
        block_label_text_size="*text_sm",
        block_info_text_size="*text_sm",
        chatbot_text_size="*text_lg",
        table_text_color=INK,
        loader_color=ACCENT,
        slider_color=ACCENT,
    )
