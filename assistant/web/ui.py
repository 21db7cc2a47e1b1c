"""The Gradio chat for officials: streamed answers with numbered citations, the cited clause highlighted,
example questions, follow-ups, 👍/👎 feedback, and the task-assignment tabs."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import gradio as gr

from ..answer import Answer, Citation
from ..errors import AssistantError
from .feedback import FeedbackError, FeedbackStore, Rating
from .library_tab import build_library_tab, plan_picker, plan_value
from .ratelimit import RateLimiter
from .render import SECTION_PLACEHOLDER, answer_markdown, citation_choices, md_text, section_html, status_html
from .service import ChatService
from .tabs import TaskViews, build_task_tabs

log = logging.getLogger(__name__)

EXAMPLES = (
    "清洁取暖率的目标是多少？由谁牵头？",
    "我们水务局要负责哪些工作？",
    "到2025年单位地区生产总值能耗下降多少？",
    "重点行业绿色升级工程由哪些单位负责？",
    "方案的保障措施有哪些？",
)
PLACEHOLDER = (
    "**您好！** 我依据《莱芜区“十四五”节能减排工作实施方案》回答问题：目标指标、牵头和配合单位、"
    "各单位的任务和具体措施。每个回答都附方案原文引用；方案没有的内容，我会如实说明。"
)
_SCROLL_TO_MARK = """
watch('value', () => {
  const box = element.querySelector('.section-body');
  const mark = element.querySelector('mark.cited');
  if (box && mark) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 24);
});
"""
CSS = """
.status { display:flex; gap:12px; align-items:center; padding:10px 14px; border-radius:8px;
  background:#fff7e0; color:#3d2e00; border:1px solid #e0b400; font-size:16px; }
.status.failed { background:#fdecea; color:#5f1610; border-color:#c62828; }
.status progress { width:220px; height:14px; }
.section-view { font-size:16px; line-height:1.8; color:#1a1a1a; }
.section-view h3 { margin:2px 0 8px; font-size:18px; }
.section-view .chapter { margin:0; color:#4a4a4a; font-size:14px; }
.section-view .section-body { white-space:pre-wrap; max-height:480px; overflow:auto; padding-right:6px; }
.section-view mark.cited { background:#ffe066; color:#1a1a1a; padding:1px 2px; border-radius:3px;
  outline:2px solid #b58900; }
#citations label { font-size:15px; }
"""


@dataclass
class ChatTurn:
    """One question and its answer as shown in the chat (not ``assistant.Turn``, the engine's memory)."""

    question: str
    markdown: str = "…"
    answer: str = ""
    citations: tuple[Citation, ...] = ()
    sections: tuple[str, ...] = field(default_factory=tuple)


def _messages(turns: list[ChatTurn]) -> list[dict[str, str]]:
    out = []
    for t in turns:
        out += [{"role": "user", "content": md_text(t.question)}, {"role": "assistant", "content": t.markdown}]
    return out


def _client(request: gr.Request | None) -> str:
    return request.client.host if request is not None and request.client else "unknown"


def build_ui(service: ChatService, feedback: FeedbackStore, limiter: RateLimiter, views: TaskViews) -> gr.Blocks:
    """The Blocks app (mounted at ``/`` on the FastAPI app)."""

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
        if not text:
            gr.Warning("请输入要咨询的问题。")
            yield gr.skip(), gr.skip(), turns, conv, gr.skip(), gr.skip(), gr.skip()
            return
        conv = conv or service.new_conversation()
        turn = ChatTurn(text)
        turns.append(turn)
        wait = limiter.hit(_client(request))
        if wait is not None:
            turn.markdown = md_text(f"提问过于频繁，请 {wait} 秒后再试。")
            yield _messages(turns), "", turns, conv, gr.skip(), gr.skip(), gr.skip()
            return
        yield _messages(turns), "", turns, conv, gr.skip(), gr.skip(), gr.skip()
        partial = ""
        try:
            for item in service.stream(text, conv, plan_value(picked)):
                if isinstance(item, str):
                    partial += item
                    turn.markdown = md_text(partial)
                    yield _messages(turns), gr.skip(), turns, conv, gr.skip(), gr.skip(), gr.skip()
                elif isinstance(item, Answer):
                    turn.markdown = answer_markdown(item)
                    turn.answer = item.answer
                    turn.citations = item.citations
                    turn.sections = tuple(dict.fromkeys(c.section for c in item.citations))
        except AssistantError as exc:  # not ready, bad input, …: a notice in the chat, never a traceback
            turn.markdown = md_text(str(exc))
        except Exception:
            log.exception("chat failed")
            turn.markdown = md_text("抱歉，服务内部出错，请稍后再试；如持续出现请联系管理员。")
        shown = len(turns) - 1
        choices = citation_choices(turn.citations)
        first = choices[0][1] if choices else None
        radio = gr.Radio(choices=choices, value=first, label=_radio_label(turn))
        yield _messages(turns), gr.skip(), turns, conv, radio, show_citation(turns, shown, first), shown

    def select_message(turns: list[ChatTurn], evt: gr.SelectData) -> tuple[Any, ...]:
        index = evt.index if isinstance(evt.index, int) else evt.index[0]
        shown = index // 2
        if shown >= len(turns) or not turns[shown].citations:
            return gr.skip(), gr.skip(), gr.skip()
        choices = citation_choices(turns[shown].citations)
        radio = gr.Radio(choices=choices, value=choices[0][1], label=_radio_label(turns[shown]))
        return radio, show_citation(turns, shown, choices[0][1]), shown

    def like(turns: list[ChatTurn], conv: str | None, evt: gr.LikeData) -> tuple[Any, ...]:
        index = evt.index if isinstance(evt.index, int) else evt.index[0]
        if evt.liked not in (True, False) or index // 2 >= len(turns):
            return gr.Group(visible=False), None, ""
        t = turns[index // 2]
        rating = Rating.UP if evt.liked else Rating.DOWN
        fid = feedback.add(rating, t.question, t.answer or t.markdown, t.sections, conversation_id=conv, source="web")
        verdict = "有帮助" if rating is Rating.UP else "没帮助"
        return gr.Group(visible=True), fid, f"已记录您的评价：{verdict}。如有补充意见，可在下方填写（可选）。"

    def send_comment(fid: int | None, comment: str) -> tuple[Any, ...]:
        if fid is None or not (comment or "").strip():
            return gr.Group(visible=True), fid, "请先填写意见，或直接忽略此栏。", comment
        try:
            feedback.set_comment(fid, comment)
        except FeedbackError as exc:
            return gr.Group(visible=True), fid, str(exc), comment
        return gr.Group(visible=False), None, "感谢您的反馈！", ""

    def poll() -> tuple[str, gr.Timer]:
        readiness = service.readiness
        return status_html(readiness), gr.Timer(active=not readiness.ready and readiness.status.value != "failed")

    with gr.Blocks(title="方案助手 · 节能减排问答", analytics_enabled=False) as demo:
        gr.Markdown(
            "# 方案助手\n《莱芜区“十四五”节能减排工作实施方案》智能问答与任务分工。回答均摘自方案原文，并标注出处。"
            "（[接口文档](/docs)）"
        )
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
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(
                            label="对话", height=500, placeholder=PLACEHOLDER, elem_id="chatbot",
                            feedback_options=("Like", "Dislike"), latex_delimiters=[], buttons=["copy"],
                        )  # fmt: skip
                        picked = plan_picker(service, "chat-plan", "依据方案（全部方案时自动选择）")
                        with gr.Row():
                            box = gr.Textbox(
                                label="您的问题", placeholder=f"例如：{EXAMPLES[0]}", lines=1, max_lines=4,
                                max_length=service.settings.max_question_chars, elem_id="question", scale=5,
                            )  # fmt: skip
                            send = gr.Button("提问", variant="primary", elem_id="send", scale=1, min_width=90)
                        examples = gr.Dataset(
                            components=[box], samples=[[q] for q in EXAMPLES], label="示例问题（点击即问）",
                            elem_id="examples", samples_per_page=len(EXAMPLES),
                        )  # fmt: skip
                        with gr.Row():
                            new_chat = gr.Button("新对话", size="sm", elem_id="new-chat")
                        note = gr.Markdown("", elem_id="feedback-note")
                        with gr.Group(visible=False) as comment_group:
                            comment = gr.Textbox(label="补充意见（可选）", lines=2, max_length=1000, elem_id="comment")
                            comment_btn = gr.Button("提交意见", size="sm", elem_id="comment-send")
                    with gr.Column(scale=2):
                        radio = gr.Radio(choices=[], label="引用（点击编号查看原文）", elem_id="citations")
                        section = gr.HTML(SECTION_PLACEHOLDER, elem_id="section-view", js_on_load=_SCROLL_TO_MARK)
            build_task_tabs(views)
            build_library_tab(service)

        outputs = [chatbot, box, turns, conv, radio, section, shown]
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
        new_chat.click(
            lambda: ([], "", [], None, gr.Radio(choices=[], value=None, label="引用（点击编号查看原文）"),
                     SECTION_PLACEHOLDER, None),
            None, outputs, **ui_only,
        )  # fmt: skip
    return demo


def _radio_label(turn: ChatTurn) -> str:
    q = turn.question if len(turn.question) <= 20 else turn.question[:19] + "…"
    return f"引用（点击编号查看原文）· 问：{q}"


def theme() -> gr.themes.Base:
    """Gradio's default look with local fonts only (no web-font download: the app runs on an intranet)."""
    fonts = ["Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "ui-sans-serif", "system-ui", "sans-serif"]
    return gr.themes.Default(
        primary_hue="blue",
        font=fonts,
        font_mono=fonts,  # tables use the mono font: keep them readable CJK
    )
