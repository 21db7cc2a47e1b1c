"""Hand-entered responsibility tables -> roles/<id>.json (one entry per note / row / assignment sentence)."""
import json, os
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
T = "\t"

def row(src, n):
    for l in src:
        if l.startswith(f"{n}\t"):
            return l
    raise KeyError(n)

def load(pid):
    return open(os.path.join(HERE, "source", pid + ".txt"), encoding="utf-8").read().split("\n")[:-1]

# ------------------------------------------------------------ yanbei
pid = "yanbei-heavy-pollution-2025"
src = load(pid)
TOWN = ["各街道办事处", "镇人民政府"]
rows = [
 # item, evidence, lead, co, implement, supervise
 ("1", "涉气工业企业\t区工业和信息化局", ["区工业和信息化局"], [], TOWN, ["区生态环境分局"]),
 ("2", "建筑施工工地\t区住房和城乡建设局", ["区住房和城乡建设局"], [], TOWN, ["区综合行政执法局"]),
 ("3", "市政和水务工程工地\t区城市管理局、区水务局", ["区城市管理局"], ["区水务局"], TOWN, ["区综合行政执法局"]),
 ("4", "道路清扫保洁\t区城市管理局", ["区城市管理局"], [], TOWN, ["区综合行政执法局"]),
 ("5", "渣土运输车辆\t区城市管理局、区交通运输局", ["区城市管理局"], ["区交通运输局"], TOWN, ["区交管大队"]),
 ("6", "重型柴油货车\t区交通运输局、区生态环境分局", ["区交通运输局"], ["区生态环境分局"], [], ["区交管大队"]),
 ("7", "非道路移动机械\t区生态环境分局、区住房和城乡建设局", ["区生态环境分局"], ["区住房和城乡建设局"], TOWN, ["区生态环境分局"]),
 ("8", "秸秆和垃圾露天焚烧\t区农业农村局", ["区农业农村局"], [], ["各镇人民政府"], ["区综合行政执法局"]),
 ("9", "烟花爆竹燃放\t区应急管理局、区公安分局", ["区应急管理局"], ["区公安分局"], TOWN, ["区公安分局"]),
 ("10", "餐饮油烟和露天烧烤\t区商务局、区市场监督管理局", ["区商务局"], ["区市场监督管理局"], ["各街道办事处"], ["区综合行政执法局"]),
 ("11", "中小学校、幼儿园户外活动\t区教育局", ["区教育局"], [], [], []),
]
clauses = []
for item, ev, lead, co, imp, sup in rows:
    r = row(src, item)
    cells = r.split(T)
    clauses.append({"section": "附件", "item": item, "kind": "row", "evidence": ev, "note": r,
                    "area": cells[1],
                    "lead": lead, "co": co, "responsible": [], "implement": imp, "supervise": sup})
clauses += [
 {"section": "2.1", "kind": "sentence",
  "evidence": "负责预警信息的接收与发布",
  "note": "区应急指挥部办公室设在市生态环境局砚北分局（以下简称区生态环境分局），办公室主任由区生态环境分局局长兼任，负责预警信息的接收与发布、应急减排清单的汇总修订、响应期间的调度督导和信息报送等日常工作",
  "lead": [], "co": [], "responsible": ["区应急指挥部办公室"], "implement": [], "supervise": []},
 {"section": "4.2.2", "kind": "sentence",
  "evidence": "要会同区交通运输局加强路检路查",
  "note": "区公安分局交通管理大队（以下简称区交管大队）要会同区交通运输局加强路检路查",
  "lead": ["区公安分局交通管理大队"], "co": ["区交通运输局"], "responsible": [], "implement": [], "supervise": []},
 {"section": "4.3", "kind": "sentence",
  "evidence": "区卫生健康局负责指导医疗机构增设",
  "note": "区卫生健康局负责指导医疗机构增设相关科室门诊，增加值班医护人员",
  "lead": [], "co": [], "responsible": ["区卫生健康局"], "implement": [], "supervise": []},
 {"section": "5.1", "kind": "sentence",
  "evidence": "区生态环境分局会同区工业和信息化局",
  "note": "区生态环境分局会同区工业和信息化局、区住房和城乡建设局等行业主管部门，每年7月至9月组织开展应急减排清单修订",
  "lead": ["区生态环境分局"], "co": ["区工业和信息化局", "区住房和城乡建设局"], "responsible": [], "implement": [], "supervise": []},
]
yanbei = {
 "plan": pid,
 "convention": ("Rule stated in 2.2 (before the 附件 table it governs): “清单中“行业主管部门”对本领域应急减排措施的组织落实负牵头责任；"
                "“属地责任单位”负责将减排措施落实到本辖区具体企业、工地和点位；“监督检查单位”负责对措施落实情况开展检查，依法查处违法行为。”"
                " and ““行业主管部门”栏列有两个部门的，排在前面的部门负主要责任，排在后面的部门协同配合。” → per 附件 row: first unit of 行业主管部门 = lead, "
                "second = co; 属地责任单位 = implement (split at 、, “—” = none); 监督检查单位 = supervise (extra key). "
                "Four prose assignments are read literally (A会同B → lead/co; …负责 → responsible)."),
 "clauses": clauses,
}

# ------------------------------------------------------------ mingling
pid = "mingling-public-energy-2025"
src = load(pid)
RULE_EV = "标注“分系统抓总”的任务，教育系统"
SYS = {"教育系统": "县教育局", "卫生健康系统": "县卫生健康局", "其他公共机构": "县机关事务服务中心"}
def fenl(sec, ev, co, imp):
    note = next(l for l in src if l.startswith("责任分工：") and ev in l)
    return {"section": sec, "kind": "note", "evidence": ev, "note": note,
            "lead": list(SYS.values()), "co": co, "responsible": [], "implement": imp,
            "lead_by_system": SYS, "lead_from_rule": RULE_EV}
def plain(sec, ev, lead, co, imp):
    note = next(l for l in src if l.startswith("责任分工：") and ev in l)
    return {"section": sec, "kind": "note", "evidence": ev, "note": note,
            "lead": lead, "co": co, "responsible": [], "implement": imp}
clauses = [
 plain("二(一)", "县住房和城乡建设局、县财政局协同", ["县机关事务服务中心"], ["县住房和城乡建设局", "县财政局"], ["相关公共机构"]),
 fenl("二(二)", "县发展和改革局、国网茗岭县供电公司协同", ["县发展和改革局", "国网茗岭县供电公司"], ["各公共机构"]),
 plain("二(三)", "县财政局、国网茗岭县供电公司协同", ["县机关事务服务中心"], ["县财政局", "国网茗岭县供电公司"], ["各公共机构"]),
 plain("二(四)", "县大数据发展中心抓总", ["县大数据发展中心"], ["县机关事务服务中心"], ["各公共机构"]),
 fenl("二(五)", "县发展和改革局、县财政局协同；试点单位落实", ["县发展和改革局", "县财政局"], ["试点单位"]),
 plain("二(六)", "县统计局、县大数据发展中心协同", ["县机关事务服务中心"], ["县统计局", "县大数据发展中心"], ["各公共机构"]),
 fenl("二(七)", "分系统抓总；县水利局协同", ["县水利局"], ["各公共机构"]),
 plain("二(八)", "县发展和改革局、县融媒体中心协同", ["县机关事务服务中心"], ["县发展和改革局", "县融媒体中心"], []),
 {"section": "三(一)", "kind": "sentence", "evidence": "联席会议办公室设在县机关事务服务中心",
  "note": "建立县公共机构节能降碳工作联席会议制度（以下简称县联席会议），由分管副县长召集，联席会议办公室设在县机关事务服务中心",
  "lead": [], "co": [], "responsible": ["县联席会议"], "implement": [], "persons": ["分管副县长"]},
 {"section": "三(二)", "kind": "sentence", "evidence": "县财政局统筹安排公共机构节能降碳专项资金",
  "note": "县财政局统筹安排公共机构节能降碳专项资金，2025年至2027年每年安排不少于300万元",
  "lead": [], "co": [], "responsible": ["县财政局"], "implement": []},
 {"section": "三(四)", "kind": "sentence", "evidence": "县机关事务服务中心会同县发展和改革局",
  "note": "县机关事务服务中心会同县发展和改革局每年开展一次节能降碳专项检查",
  "lead": ["县机关事务服务中心"], "co": ["县发展和改革局"], "responsible": [], "implement": []},
]
mingling = {
 "plan": pid,
 "convention": ("Rule stated in the joint 印发通知 (序言), not in the plan itself: “方案所列重点任务均附“责任分工”，其含义如下：“抓总”单位负责该项任务的统筹推进，承担牵头责任；"
                "“协同”单位按照各自职责配合推进；“落实”单位为具体实施主体。标注“分系统抓总”的任务，教育系统（含县属中小学校、幼儿园）由县教育局抓总，"
                "卫生健康系统（含县属医疗卫生机构）由县卫生健康局抓总，其他公共机构由县机关事务服务中心抓总。” → 抓总 = lead, 协同 = co, 落实 = implement; "
                "“分系统抓总” = lead split by system: lead lists the three units, extra key lead_by_system maps system → unit, lead_from_rule quotes the rule "
                "(those units are in the rule line, not in the note). Sentences in 三 (outside the 责任分工 lines) are read literally; 三(一) 分管副县长 → persons."),
 "clauses": clauses,
}

# ------------------------------------------------------------ yanwan
pid = "yanwan-parking-2025"
src = load(pid)
rows = [
 ("1", "编制停车设施专项规划\t区自然资源和规划分局"),
 ("2", "新建公共停车场\t区城投集团"),
 ("3", "老旧小区停车挖潜\t区住房和城乡建设局"),
 ("4", "新建项目配建审查\t区自然资源和规划分局"),
 ("5", "机关事业单位泊位共享\t区机关事务服务中心"),
 ("6", "经营性停车场错时共享\t区城市管理局"),
 ("7", "路内泊位设置和清理\t区公安分局交通警察大队"),
 ("8", "违法停车综合整治\t区公安分局交通警察大队"),
 ("9", "区停车平台建设\t区大数据中心"),
 ("10", "停车收费价格调整\t区发展和改革局"),
 ("11", "建设补助资金保障\t区财政局"),
]
clauses = []
for item, ev in rows:
    r = row(src, item)
    c = r.split(T)
    units = c[2].split("、")
    e = {"section": "附件1", "item": item, "kind": "row", "evidence": ev, "note": r, "task": c[1]}
    if len(units) >= 2:
        e.update(lead=[units[0]], co=units[1:], responsible=[])
    else:
        e.update(lead=[], co=[], responsible=units)
    e.update(implement=[], persons=[c[3]], output=c[4], deadline=c[5])
    clauses.append(e)
clauses += [
 {"section": "二(四)", "kind": "sentence", "evidence": "会同区城市管理局编制年度设置方案",
  "note": "由区公安分局交通警察大队会同区城市管理局编制年度设置方案，报区城市停车治理工作领导小组审定后，由各街道办事处组织施划",
  "lead": ["区公安分局交通警察大队"], "co": ["区城市管理局"], "responsible": [], "implement": ["各街道办事处"],
  "approve": ["区城市停车治理工作领导小组"],
  "stages": {"编制": ["区公安分局交通警察大队", "区城市管理局"], "审定": ["区城市停车治理工作领导小组"], "施划": ["各街道办事处"]}},
 {"section": "二(五)", "kind": "sentence", "evidence": "对人行道违法停车，由区城市管理局依法查处",
  "note": "对人行道违法停车，由区城市管理局依法查处；对机动车道违法停车，由区公安分局交通警察大队依法查处",
  "lead": [], "co": [], "responsible": ["区城市管理局", "区公安分局交通警察大队"], "implement": [],
  "split": {"人行道违法停车": "区城市管理局", "机动车道违法停车": "区公安分局交通警察大队"}},
 {"section": "四(一)", "kind": "sentence", "evidence": "区领导小组办公室设在区城市管理局",
  "note": "区领导小组办公室设在区城市管理局，负责日常协调和督促推进",
  "lead": [], "co": [], "responsible": ["区领导小组办公室"], "implement": []},
 {"section": "四(二)", "kind": "sentence", "evidence": "区财政局对列入年度计划的公共停车场",
  "note": "区财政局对列入年度计划的公共停车场按照每个泊位3000元的标准给予建设补助",
  "lead": [], "co": [], "responsible": ["区财政局"], "implement": []},
]
yanwan = {
 "plan": pid,
 "convention": ("Rule stated in the 说明 (table note) directly under the 附件1 table: “1.“责任单位”栏列有两个及以上单位的，排在第一位的为牵头单位，其余为配合单位；"
                "只列一个单位的，由该单位负责。2.各街道办事处负责本辖区停车治理具体落实，表中不再逐项列出。3.“联系区领导”负责协调解决任务推进中的重大问题。”"
                " → multi-unit rows: first = lead, rest = co; single-unit rows: responsible (not lead); 各街道办事处 = implementer of every row by rule "
                "(top-level implement_by_rule; not repeated per row); 联系区领导 → persons; 成果形式 → output; 完成时限 → deadline. "
                "Body sentences read literally: 二(四) the 编制—审定—施划 procedure (A会同B编制 → lead/co, 审定 → approve, 组织施划 → implement; stages), "
                "二(五) split enforcement (split), 四(一), 四(二) → responsible."),
 "implement_by_rule": {"units": ["各街道办事处"], "evidence": "各街道办事处负责本辖区停车治理具体落实", "section": "附件1", "applies_to": "all 附件1 rows"},
 "clauses": clauses,
}

for d in (yanbei, mingling, yanwan):
    with open(os.path.join(HERE, "roles", d["plan"] + ".json"), "w", encoding="utf-8") as f:
        json.dump(d, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(d["plan"], len(d["clauses"]))
