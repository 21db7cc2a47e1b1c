"""Understand a question: what is asked (intent), about which units, years and topic."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import cache
from importlib import resources

from .structure import Role
from .units import Unit, UnitRegistry


class Intent(str, Enum):
    """What a question asks for."""

    TARGET = "target"  # a quantified target value / deadline
    LEAD = "lead"  # who leads a task
    CO = "co"  # who co-handles a task
    UNIT_TASKS = "unit_tasks"  # what a unit must do
    MEASURES = "measures"  # what is to be done
    OVERVIEW = "overview"  # purpose, basis, requirements, goals, structure
    OUT_OF_SCOPE = "out_of_scope"


_INJECTION_RE = re.compile(
    r"忽略|无视|不要理会|忘记.{0,6}(指令|设定|规则|提示)|系统提示|提示词|system\s*prompt|prompt|开发者模式|越狱|jailbreak"
    r"|扮演|角色扮演|你的(指令|设定|规则|配置)|原样输出|输出.{0,6}(指令|提示|设定)|ignore\s+(all|previous|the)",
    re.IGNORECASE,
)
_GENERATIVE_RE = re.compile(r"(写|编|创作)(一|个|首|篇|段)|作一首|讲(个|一个)笑话|翻译(成|一下)|聊聊天|你是谁|你叫什么")
_COMPANY_RE = re.compile(r"哪(家|个|些)(公司|企业|厂家|厂商|施工单位)|承建|中标|供应商")
_LEAD_RE = re.compile(
    r"牵头|谁(来)?(负责|主抓|抓|管|主管)|由谁|哪(个|些|家)(单位|部门|局)(来)?(负责|主管|主抓|抓|管)|主管(单位|部门)"
    r"|责任(单位|部门)|负责(单位|部门)|主责|归谁管|谁管|是谁的|谁的(活|事|任务|工作)|谁来(做|干|办|负责)|由哪"
)
_CO_RE = re.compile(
    r"配合|协同|协助|协作|参与(单位|部门)|按职责分工|分工负责|其他(单位|部门)|还有(哪些|哪个|谁|什么)(单位|部门)?"
    r"|一起(负责|做|干)|共同负责|责任分工|哪些(单位|部门)(负责|参与)|具体是哪些单位|涉及(哪些)?(单位|部门)"
)
_TARGET_RE = re.compile(
    r"多少|(?<!哪)几(个|家|座|台|辆|所|处|成|万|千|百)|百分之|哪些(量化)?(指标|目标)|量化目标|(目标|指标)有哪些|目标值|指标(是|为|有)|量化|数值|具体数"
    r"|目标(是|为|呢|有|值|要求)|要求达到|达到(什么水平|啥)|什么水平|什么时候|何时|哪一?年|啥时候|截止|期限|时间节点"
    r"|比例|比重|占比|(下降|降低|降|提高|提升|增长|减少)(了)?(多少|几)"
)
_SOFT_TARGET_RE = re.compile(r"比例|比重|占比|目标有|目标(要求)?")
_OVERVIEW_RE = re.compile(
    r"第[一二三四五六七八九十]+(部分|章|大部分|条)|根据哪|依据哪|依据什么|上级文件|开头|前言|为啥|为什么|背景|几项|几条|哪几项|哪几条|哪几个方面|这一章|那一章|一章|章节"
    r"|指的是|什么意思|含义|是指|全称|简称|总体要求|指导思想|主要目标|总目标|总体目标|依据|目的是|的目的|为什么(要)?制定|根据什么|出台背景|方案(的)?(主要)?内容|几(大)?部分"
    r"|哪几部分|几个部分|结构|框架|概述|概况|总体(思路|安排)|包括哪几|有哪几(条|项|方面)|主要讲|讲了什么|核心"
)
_MEASURES_HINT = re.compile(r"怎么|如何|怎样|措施|举措|做法|办法|重点|推进|要求|做什么|有哪些|哪些方面|途径")
_ANAPHORA_RE = re.compile(
    r"^(那|那么|还有|另外|其中|这个|这项|该项|此项|上述|这块|这方面)|它|其(中|目标|牵头|配合)|该项|这项|此项|那项|那一项|这块"
    r"|上面|前面|刚才|上述|这个(任务|工作|目标)|这方面|呢[？?]?$"
)
_YEAR_RE = re.compile(r"(19|20)\d{2}")
_PERIOD_RE = re.compile(r"十[一二三四五六七八九]五")
_QUANTITY_RE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|万吨|吨|万平方米|平方米|万千瓦|千瓦|公里|个|家|亿元|万元|元)")
# Tokens that say what is asked rather than what about; dropped (as whole jieba tokens) to get the topic.
ASK_TOKENS = frozenset(
    """牵头 负责 配合 协同 协助 协作 参与 按职责分工 分工 落实 承担 主抓 主管 管 抓 由谁 是谁 谁 哪个 哪些
    哪家 哪几 哪一 什么 啥 多少 几个 几项 几家 几条 目标 目标值 指标 量化 数值 具体 要求 任务 工作 职责
    事情 事儿 措施 举措 做法 办法 情况 内容 方面 规定 怎么 如何 怎样 怎么样 有没有 是否 能否 请问 告诉
    一下 我们 咱们 方案 实施方案 本方案 这个 这项 该项 那个 那项 那一项 这一项 其中 还有 另外 需要 应该
    达到 完成 实现 提出 提到 明确 莱芜区 莱芜 全区 我区 区里 区级 咱区 咱们区 本区 十四五 期间 单位
    部门 简单 说说 讲讲 介绍 干啥 干什么 做啥 做 干 搞 指 指的是 是指 意思 含义 文件 主要 一共 分别 列
    列了 包括 包含 哪些方面 这部分 那部分 这块 那块 这条 那条 一章 那一章 这一章 部分 归 吗 呢 吧 啊 有
    是 的 了 和 与 及 要 能 会 对 把 在 为 到 各 都 里 中 相关 有关 一起 共同 其他 别的 节能减排
    节能减排工作 那 这 其 它 该 此 那么 上述 刚才 前面 上面 具体数 数 哪一部分 一部分 哪部分 哪一条 哪条 活
    安排 部署 提 哪里 在哪 了解 知道 查询 查 看看 咨询 问问 想 想要 请教 一下子 讲 讲了 讲什么 说了""".split()
)
_GENERIC_TERMS = frozenset(
    """工作 方案 任务 目标 指标 要求 措施 举措 内容 情况 方面 单位 部门 具体 主要 相关 有关 全区
    我区 莱芜 莱芜区 达到 多少 进行 开展 推进 加强 实施 提出 提到 规定 明确 完成 实现 一共 分别 哪些
    什么 怎么 如何 负责 牵头 配合 节能减排 十四五 期间 问题 事项 东西 包括 包含 涉及 一项 部分 一块""".split()
)


@dataclass(frozen=True)
class Question:
    """A question as understood: intents in the order asked, units named, and the topic left over."""

    text: str
    intents: tuple[Intent, ...]
    quoted: tuple[str, ...]
    units: tuple[Unit, ...]
    unknown_units: tuple[str, ...]
    roles: tuple[Role, ...]  # for unit tasks: which roles were asked about
    years: tuple[str, ...]
    periods: tuple[str, ...]
    quantities: tuple[str, ...]
    topic: str  # the question minus unit names and ask-words, with synonyms appended
    anaphoric: bool
    injection: bool
    off_domain: bool  # generative chat or companies/contracts, which plans never cover

    @property
    def primary(self) -> Intent:
        return self.intents[0]


def normalize(text: str) -> str:
    """NFKC (full-width Latin/digits → ASCII), trimmed; Chinese punctuation kept."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", " ", text).strip()


@cache
def _synonyms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    text = resources.files("assistant.data").joinpath("synonyms.txt").read_text(encoding="utf-8")
    pairs = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#") and "\t" in line:
            word, targets = line.split("\t", 1)
            pairs.append((word.strip(), tuple(t.strip() for t in targets.split(",") if t.strip())))
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def expand_synonyms(text: str, plan_text: str) -> str:
    """Put the plan's wording for everyday words: in place of a word the plan never uses (``电动汽车`` →
    ``新能源汽车``); after the question for one the plan uses too, when the question uses it on its own (``VOCs`` is
    also the plan's shorthand, but its targets say 挥发性有机物; ``低VOCs原辅料`` is the plan's own phrase)."""
    extra: list[str] = []
    for word, targets in _synonyms():
        if word not in text:
            continue
        if word not in plan_text:
            text = text.replace(word, " " + " ".join(targets) + " ")
        elif not _inside_plan_phrase(word, text, plan_text):
            extra += [t for t in targets if t != word and t not in text and t not in extra]
    return " ".join([text, *extra]) if extra else text


def _inside_plan_phrase(word: str, text: str, plan_text: str) -> bool:
    """Whether every use of ``word`` in ``text`` is part of a longer phrase the plan itself has (清洁取暖 for 取暖)."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        before = text[max(0, start - 1) : end]
        after = text[start : end + 1]
        if not ((len(before) > len(word) and before in plan_text) or (len(after) > len(word) and after in plan_text)):
            return False
        start = text.find(word, start + 1)
    return True


def analyse(text: str, units: UnitRegistry) -> Question:
    """Classify a question. Pure and fast: regular expressions and the unit registry, no model."""
    q = normalize(text)
    found, unknown = units.find_in_text(q)
    intents: list[Intent] = []
    asks_units = bool(re.search(r"谁|哪(个|些|家|几个)(单位|部门)|什么(单位|部门)|(单位|部门)(是|有)", q))
    target_match = _TARGET_RE.search(q)
    if (
        target_match
        and _MEASURES_HINT.search(q)
        and all(
            _SOFT_TARGET_RE.fullmatch(m.group(0)) or re.fullmatch(r"(下降|降低|降|提高|提升|增长|减少)", m.group(0))
            for m in _TARGET_RE.finditer(q)
        )
    ):
        target_match = None  # "怎么提高…比例" asks how, not how much
    if found and not asks_units:
        intents.append(Intent.UNIT_TASKS)
    if target_match:
        intents.append(Intent.TARGET)
    if not found or asks_units:
        if _LEAD_RE.search(q):
            intents.append(Intent.LEAD)
        if _CO_RE.search(q):
            intents.append(Intent.CO)
    if _OVERVIEW_RE.search(q) and (not intents or (intents == [Intent.TARGET] and re.search(r"几项|几条|哪几", q))):
        intents[:] = [Intent.OVERVIEW]
    if not intents:
        intents.append(Intent.MEASURES)
    # order by where each ask appears in the question ("目标是多少？由谁牵头？" → target, lead)
    positions = {
        Intent.TARGET: target_match.start() if target_match else 999,
        Intent.LEAD: _pos(_LEAD_RE, q),
        Intent.CO: _pos(_CO_RE, q),
    }
    intents.sort(key=lambda i: positions.get(i, -1))

    roles: tuple[Role, ...] = tuple(Role)
    if Intent.UNIT_TASKS in intents:
        if re.search(r"牵头", q) and not re.search(r"配合|参与|协同", q):
            roles = (Role.LEAD,)
        elif re.search(r"配合|参与|协同|协助", q) and "牵头" not in q:
            roles = (Role.CO,)
        elif re.search(r"落实", q) and not re.search(r"牵头|配合", q):
            roles = (Role.IMPLEMENT,)

    topic = q
    for unit in found:
        for name in sorted(unit.names, key=len, reverse=True):
            topic = topic.replace(normalize(name), " ").replace(name, " ")
    for name in unknown:
        topic = topic.replace(name, " ")
    topic = re.sub(r"(19|20)\d{2}年?|十[一二三四五六七八九]五", " ", topic)
    topic = re.sub(r"[\s，。？！、,.?!；;：:“”\"'（）()]+", " ", topic).strip()
    return Question(
        text=q,
        intents=tuple(intents),
        quoted=tuple(re.findall(r"[“\"]([^”\"]{2,20})[”\"]", q)),
        units=tuple(found),
        unknown_units=tuple(unknown),
        roles=roles,
        years=tuple(m.group(0) for m in _YEAR_RE.finditer(q)),
        periods=tuple(_PERIOD_RE.findall(q)),
        quantities=tuple(m.group(0) for m in _QUANTITY_RE.finditer(q)),
        topic=topic,
        anaphoric=bool(_ANAPHORA_RE.search(q)),
        injection=bool(_INJECTION_RE.search(q)),
        off_domain=bool(_GENERATIVE_RE.search(q) or _COMPANY_RE.search(q)),
    )


def _pos(pattern: re.Pattern[str], text: str) -> int:
    m = pattern.search(text)
    return m.start() if m else 999


def is_generic(term: str) -> bool:
    return term in _GENERIC_TERMS or term in ASK_TOKENS
