#!/usr/bin/env python3
"""Hand-written responsibility tables -> roles/<id>.json (checked note by note against source/)."""
import json
from pathlib import Path
ROOT = Path(__file__).resolve().parents[1]

def src(pid): return (ROOT / "source" / f"{pid}.txt").read_text(encoding="utf-8")

# ---------- zhangpu (body notes, no rule stated; literal reading; 前者/后者 picks the lead of a two-unit 负责 list)
Z = "zhangpu-ip-strong-county-2025"
z = [
 ("二(一)", "县科技局负责，前者牵头", "（县市场监管局、县科技局负责，前者牵头）", ["县市场监管局"], ["县科技局"], [], []),
 ("二(二)", "县金融服务中心、县市场监管局负责，后者牵头", "（县金融服务中心、县市场监管局负责，后者牵头）", ["县市场监管局"], ["县金融服务中心"], [], []),
 ("二(二)", "樟浦监管支局牵头，县财政局", "（国家金融监督管理总局樟浦监管支局牵头，县财政局、县市场监管局配合）", ["国家金融监督管理总局樟浦监管支局"], ["县财政局", "县市场监管局"], [], []),
 ("二(三)", "县人民检察院、县司法局配合", "（县市场监管局牵头，县公安局、县人民法院、县人民检察院、县司法局配合）", ["县市场监管局"], ["县公安局", "县人民法院", "县人民检察院", "县司法局"], [], []),
 ("二(四)", "县农业农村局、县市场监管局负责，前者牵头", "（县农业农村局、县市场监管局负责，前者牵头；各乡镇人民政府落实）", ["县农业农村局"], ["县市场监管局"], [], ["各乡镇人民政府"]),
 ("二(五)", "县经济开发区管委会牵头", "（县经济开发区管委会牵头，县市场监管局、县数据资源管理局配合）", ["县经济开发区管委会"], ["县市场监管局", "县数据资源管理局"], [], []),
 ("二(六)", "县委党校按职责分工负责", "（县人力资源社会保障局、县教育局、县委党校按职责分工负责）", [], [], ["县人力资源社会保障局", "县教育局", "县委党校"], []),
 ("二(七)", "县工业和信息化局、县市场监管局负责，前者牵头", "（县工业和信息化局、县市场监管局负责，前者牵头）", ["县工业和信息化局"], ["县市场监管局"], [], []),
 ("四(二)", "根据财力状况逐年增加。（县财政局负责）", "（县财政局负责）", [], [], ["县财政局"], []),
 ("四(四)", "县委宣传部、县市场监管局负责，后者牵头", "（县委宣传部、县市场监管局负责，后者牵头）", ["县市场监管局"], ["县委宣传部"], [], []),
]
zj = {"plan": Z,
 "convention": "No reading rule is stated. Notes are read literally: 'A牵头，B、C配合' -> lead A, co B, C; a two-unit list 'A、B负责，前者牵头' -> lead A, co B; '…，后者牵头' -> lead B, co A (the position word names the lead, the other listed unit co-handles); 'A、B、C按职责分工负责' and 'A负责' (no lead named) -> responsible; '各乡镇人民政府落实' -> implement. 四(一) places the 县领导小组办公室 in 县市场监管局 (prose, not a note). 县市场监管局 = 樟浦县市场监督管理局（樟浦县知识产权局） by the 序言 definition.",
 "clauses": [dict(section=s, evidence=e, note=n, lead=l, co=c, responsible=r, implement=i) for s, e, n, l, c, r, i in z]}

# ---------- jiachuan (附件 table; 同上 resolved by the 说明 rule)
J = "jiachuan-medical-insurance-fund-2025"
O = "oujiang-sponge-city-2025"

def table_rows(pid):
    rows = [l.split("\t") for l in src(pid).split("\n") if "\t" in l]
    return rows[0], rows[1:]

def evid(pid, row):
    text = src(pid)
    task = row[1]
    if text.count(task) == 1:
        return task
    e = "\t".join(row[1:3]) if row[2] else "\t".join(row[1:4])
    assert text.count(e) == 1, e
    return e

jc = []
_, rows = table_rows(J)
prev = None
towns = ["各镇人民政府"]
for r in rows:
    res = list(r)
    if prev:
        for k in (2, 3, 4):
            if r[k] == "同上":
                res[k] = prev[k]
    ent = dict(section="附件", item=r[0], evidence=evid(J, r), note="\t".join(r),
               lead=[u for u in res[2].split("、")], co=[u for u in res[3].split("、")],
               responsible=[], implement=towns, deadline=res[4])
    aw = {h: r[k] for h, k in (("牵头单位", 2), ("配合单位", 3), ("完成时限", 4)) if r[k] == "同上"}
    if aw: ent["as_written"] = aw
    jc.append(ent)
    prev = res
jj = {"plan": J,
 "convention": "Roles are given only in the 附件 重点任务分工表 (columns 牵头单位/配合单位/完成时限). The 说明 line states the rule: “表中“同上”，是指该栏内容与上一行同一栏相同。牵头单位负责统筹推进、牵头汇总报送进展，配合单位按照职责分工做好配合；各镇人民政府负责做好辖区内政策宣传和线索摸排，表中不再逐项列出。” So 牵头单位 -> lead, 配合单位 -> co, a “同上” cell takes the resolved content of the same column in the row above (chains resolved), and 各镇人民政府 -> implement for every row. Extra keys: as_written (the literal “同上” cells), deadline (resolved 完成时限). Body prose (e.g. 三(一) “县医疗保障局制定自查清单”, 五(一) 联席会议办公室设在县医疗保障局) is not a note.",
 "clauses": jc}

# ---------- oujiang (附件 table; merged 牵头单位 cells by the 说明 rule)
oc = []
_, rows = table_rows(O)
cur = None; start = None
spans = {}
for r in rows:
    if r[2]:
        cur = r[2]; start = r[0]
    spans[r[0]] = (cur, start)
ends = {}
for k, (u, s) in spans.items():
    ends[s] = k
for r in rows:
    lead, s = spans[r[0]]
    ent = dict(section="附件", item=r[0], evidence=evid(O, r), note="\t".join(r),
               lead=[lead], co=r[3].split("、"), responsible=[],
               implement=["各区人民政府", "鸥江高新区管委会"], deadline=r[4])
    if s != ends[s]:
        ent["merged_lead_rows"] = f"{s}—{ends[s]}"
    oc.append(ent)
oj = {"plan": O,
 "convention": "Roles are given only in the 附件 重点任务分工表. Its 牵头单位 column uses vertically merged cells (HTML rowspan; in source/ the covered cells are empty). The 说明 line states the rule: “表中牵头单位一栏为合并单元格的，该单元格所列单位为其所跨各项任务的牵头单位。各区人民政府、鸥江高新区管委会是辖区内海绵城市建设的实施主体，负责各项任务在本辖区的具体落实，表中不再逐项列出。” So each row's lead is the unit of the merged cell that spans it (extra key merged_lead_rows gives the span), 配合单位 -> co, and 各区人民政府 + 鸥江高新区管委会 -> implement for every row. Extra key deadline = 完成时限. Body prose (二(六) 项目业主单位/产权单位 负责运行维护; 三(一) 市海绵办设在市住房和城乡建设局) is not a note.",
 "clauses": oc}

for pid, data in ((Z, zj), (J, jj), (O, oj)):
    (ROOT / "roles" / f"{pid}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(pid, len(data["clauses"]))
