"""The guard report of ``eval --engine llm|both``: per defect class, how many generated answers were rejected."""

from __future__ import annotations

# defect class (``Problem.kind`` of the guard, or a failure kind of the exchange) → what it means
CLASSES: dict[str, str] = {
    "figure": "数字不在所引条款中 / figure not in the cited clauses",
    "unit_magnitude": "单位或数量级改变（%↔个百分点，万吨↔吨）/ unit or magnitude changed",
    "indicator": "数值属于另一指标 / value borrowed from another indicator",
    "year": "年份错误 / wrong year",
    "unit_name": "方案中没有的单位 / organisation not in the plan",
    "role": "牵头/配合角色不符 / role not held for that clause",
    "polarity": "意思相反（不再/取消、以上↔以下、提高↔下降）/ reversed requirement",
    "citation": "引用缺失、越界或所引条款不支持 / citation missing, out of range or unsupported",
    "completeness": "清单不完整 / list incomplete",
    "language": "不是中文 / not Chinese",
    "shape": "只有推理过程 / reasoning only",
    "leak": "复述系统提示 / repeats the instructions",
    "length": "回答过长 / too long",
}
FAILURES: dict[str, str] = {
    "timeout": "超过时限 / deadline passed",
    "connect": "连接失败 / connection refused",
    "status": "HTTP 错误（5xx、429）/ HTTP error",
    "auth": "拒绝访问 / 401, 403",
    "not_found": "找不到模型 / 404",
    "malformed": "回应无法解析 / malformed reply",
    "error": "200 回应中的错误 / error inside a 200 reply",
    "incomplete": "回答中断或被截断 / reply cut short",
    "empty": "空回答 / empty reply",
}


def delta(before: dict, after: dict) -> dict[str, dict[str, int]]:
    """The per-class counts of one eval run, from the guard statistics before and after it."""
    out = {}
    for key in ("rejected_by", "failed_by"):
        old, new = before.get(key, {}), after.get(key, {})
        out[key] = {k: new[k] - old.get(k, 0) for k in new if new[k] - old.get(k, 0)}
    return out


def render(engines: dict[str, dict]) -> list[str]:
    """Markdown lines: one row per defect class with the answers the guard rejected for it (none without an llm)."""
    llm = next((m for m in engines.values() if "rejected_by" in m), None)
    if llm is None:
        return []
    rejected, failed = llm.get("rejected_by", {}), llm.get("failed_by", {})
    lines = [
        "",
        "## 核验报告 / Guard report",
        "",
        f"Generated {int(llm.get('generated', 0))}, kept {int(llm.get('accepted', 0))}, "
        f"rejected by the guard {int(llm.get('rejected', 0))}, failed exchanges {int(llm.get('failed', 0))}; "
        "each rejected or failed answer fell back to the extractive one with a note (counted by its first problem).",
        "",
        "| class | meaning | rejected |",
        "|---|---|---|",
    ]
    for kind, meaning in CLASSES.items():
        lines.append(f"| {kind} | {meaning} | {rejected.get(kind, 0)} |")
    lines += ["", "| failure | meaning | answers |", "|---|---|---|"]
    for kind, meaning in FAILURES.items():
        lines.append(f"| {kind} | {meaning} | {failed.get(kind, 0)} |")
    return lines
