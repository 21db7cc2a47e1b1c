# Hand-written responsibility tables (checked note by note against source/*.txt). Writes roles/*.json.
import json, os
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FULL = {"交通运输": "省交通运输厅", "邮政管理": "省邮政管理局", "自然资源": "省自然资源厅", "供销": "省供销合作社",
        "商务": "省商务厅", "农业农村": "省农业农村厅", "财政": "省财政厅", "工业和信息化": "省工业和信息化厅",
        "市场监管": "省市场监管局", "国资": "省政府国资委", "大数据": "省大数据局", "住房城乡建设": "省住房城乡建设厅",
        "税务": "国家税务总局岚江省税务局", "发展改革": "省发展改革委"}
def A(item, ev, dept, city, lead, co, deadline):
    note = dept + "\t" + city
    c = {"section": "附件1", "item": item, "evidence": ev, "note": note, "lead": lead, "co": co, "responsible": [],
         "implement": [] if city == "—" else [city],
         "lead_full": [FULL[u] for u in lead], "co_full": [FULL[u] for u in co], "deadline": deadline}
    return c
lanjiang = {
 "plan": "lanjiang-rural-passenger-freight-mail-2025",
 "convention": "Roles sit in the 附件1 重点任务清单 table (several 具体措施 rows per task, 序号/重点任务 cells merged vertically). Rule stated in 四(1): “附件1所列重点任务中，“省级责任部门”栏标注“*”的为牵头部门，未标注的为配合部门；“市级责任主体”栏所列单位负责本地区落实。部门简称与全称对应关系见附件2。” → starred short names = lead, unstarred = co, 市级责任主体 = implement ('—' = none). Unit names are the table's short names (as written, '*' dropped); lead_full/co_full expand them by 附件2. Body text carries no bracket notes; 四(1) names the coordination-mechanism leads and the 责任主体 of each city in running text.",
 "clauses": [
  A("1-1", "建设县级客货邮综合服务中心80个左右", "交通运输*、邮政管理、自然资源", "各市人民政府", ["交通运输"], ["邮政管理", "自然资源"], "2027年底前"),
  A("1-2", "改造提升乡镇综合服务站800个以上", "邮政管理*、交通运输、供销", "各市人民政府", ["邮政管理"], ["交通运输", "供销"], "2027年底前"),
  A("1-3", "商务*、邮政管理、农业农村、供销", "商务*、邮政管理、农业农村、供销", "各市人民政府", ["商务"], ["邮政管理", "农业农村", "供销"], "持续推进"),
  A("2-1", "每个融合县至少开通3条融合线路", "交通运输*、邮政管理", "各市人民政府", ["交通运输"], ["邮政管理"], "每年6月底前完成年度调整"),
  A("2-2", "交通运输*、财政", "交通运输*、财政", "各市人民政府", ["交通运输"], ["财政"], "2026年底前"),
  A("3-1", "推广带独立货舱的农村客运车辆", "交通运输*、工业和信息化", "各市人民政府", ["交通运输"], ["工业和信息化"], "2027年底前"),
  A("3-2", "推广标准化周转箱和智能快件箱", "邮政管理*、市场监管", "—", ["邮政管理"], ["市场监管"], "2026年底前"),
  A("4-1", "支持邮政、快递企业与客运企业合作经营", "邮政管理*、交通运输、国资", "—", ["邮政管理"], ["交通运输", "国资"], "持续推进"),
  A("4-2", "认定省级示范县20个", "交通运输*、邮政管理*、财政", "各市人民政府", ["交通运输", "邮政管理"], ["财政"], "2027年底前"),
  A("5-1", "建设运行省融合平台", "交通运输*、大数据、邮政管理", "—", ["交通运输"], ["大数据", "邮政管理"], "2025年9月底前上线试运行"),
  A("5-2", "推动主要寄递企业系统接入", "邮政管理*、大数据", "—", ["邮政管理"], ["大数据"], "2026年底前"),
  A("6-1", "开展农产品寄递“一县一品”项目", "农业农村*、商务、邮政管理、供销", "各市人民政府", ["农业农村"], ["商务", "邮政管理", "供销"], "持续推进"),
  A("6-2", "推动便民服务叠加", "商务*、供销、邮政管理", "各市人民政府", ["商务"], ["供销", "邮政管理"], "2027年底前"),
  A("7-1", "每年安排专项资金不少于1.2亿元", "财政*、交通运输、邮政管理", "各市人民政府", ["财政"], ["交通运输", "邮政管理"], "每年3月底前下达"),
  A("8-1", "站点建设用地纳入国土空间规划", "自然资源*、住房城乡建设", "各市人民政府", ["自然资源"], ["住房城乡建设"], "持续推进"),
  A("9-1", "落实小微企业税费减免和车辆通行费优惠", "税务*、交通运输、发展改革", "—", ["税务"], ["交通运输", "发展改革"], "持续推进"),
  {"section": "四(1)", "evidence": "建立由省交通运输厅、省邮政管理局牵头的", "note": "建立由省交通运输厅、省邮政管理局牵头的省级客货邮融合发展工作协调机制",
   "lead": ["省交通运输厅", "省邮政管理局"], "co": [], "responsible": [], "implement": []},
  {"section": "四(1)", "evidence": "各市人民政府是本地区客货邮融合发展的责任主体", "note": "各市人民政府是本地区客货邮融合发展的责任主体",
   "lead": [], "co": [], "responsible": ["各市人民政府"], "implement": []},
 ]}
# A "note" in tangchuan is either the 【…】 prefix of a task paragraph or a sentence/bracket inside it.
def P(section, ev, note, responsible):
    return {"section": section, "evidence": ev, "note": note, "lead": [], "co": [], "responsible": responsible, "implement": []}
tangchuan = {
 "plan": "tangchuan-old-community-renovation-2025",
 "convention": "No reading rule is stated (deliberately). Each 重点任务 paragraph opens with a 【…】 prefix naming the units in charge → responsible (several units in one prefix are all responsible; none is made lead). Inside paragraphs: “由A负责（B协助）” → A responsible, B co; “（A、B按职责分工落实；县政府办督办）” → implement A, B, and the extra key supervise = 县政府办. The document never uses 牵头, so no lead anywhere.",
 "clauses": [
  P("重点任务[1]", "【县住房城乡建设局】摸清底数", "【县住房城乡建设局】", ["县住房城乡建设局"]),
  P("重点任务[2]", "【县住房城乡建设局、县自然资源局】分类", "【县住房城乡建设局、县自然资源局】", ["县住房城乡建设局", "县自然资源局"]),
  P("重点任务[3]", "【县水务局】同步实施管网更新", "【县水务局】", ["县水务局"]),
  dict(P("重点任务[3]", "燃气老化管道更新由县住房城乡建设局负责", "小区燃气老化管道更新由县住房城乡建设局负责（棠川华润燃气有限公司协助）", ["县住房城乡建设局"]), co=["棠川华润燃气有限公司"]),
  P("重点任务[4]", "【县发展改革局】多渠道筹措资金", "【县发展改革局】", ["县发展改革局"]),
  dict(P("重点任务[4]", "（县发展改革局、县财政局按职责分工落实", "（县发展改革局、县财政局按职责分工落实；县政府办督办）", []), implement=["县发展改革局", "县财政局"], supervise=["县政府办"]),
  P("重点任务[5]", "【各镇人民政府、城区街道办事处】发动", "【各镇人民政府、城区街道办事处】", ["各镇人民政府", "城区街道办事处"]),
  P("重点任务[6]", "【县住房城乡建设局】加强工程质量", "【县住房城乡建设局】", ["县住房城乡建设局"]),
  dict(P("重点任务[6]", "竣工联合验收由县住房城乡建设局负责", "竣工联合验收由县住房城乡建设局负责（县自然资源局、县消防救援大队协助）", ["县住房城乡建设局"]), co=["县自然资源局", "县消防救援大队"]),
  P("重点任务[7]", "【县城市管理局】同步推进环境整治", "【县城市管理局】", ["县城市管理局"]),
  dict(P("重点任务[7]", "背街小巷整治由县城市管理局负责", "小区周边背街小巷整治由县城市管理局负责（县公安局交通管理大队协助）", ["县城市管理局"]), co=["县公安局交通管理大队"]),
  P("重点任务[8]", "【县卫生健康局、县教育体育局】补齐", "【县卫生健康局、县教育体育局】", ["县卫生健康局", "县教育体育局"]),
  P("重点任务[9]", "【县民政局】健全长效管理机制", "【县民政局】", ["县民政局"]),
  dict(P("重点任务[9]", "（各镇人民政府、城区街道办事处按职责分工落实", "（各镇人民政府、城区街道办事处按职责分工落实；县政府办督办）", []), implement=["各镇人民政府", "城区街道办事处"], supervise=["县政府办"]),
  dict(P("保障措施[2]", "（县政务服务管理局负责，县发展改革局", "（县政务服务管理局负责，县发展改革局、县自然资源局协助）", ["县政务服务管理局"]), co=["县发展改革局", "县自然资源局"]),
  dict(P("保障措施[3]", "（县审计局、县财政局按职责分工落实", "（县审计局、县财政局按职责分工落实；县政府办督办）", []), implement=["县审计局", "县财政局"], supervise=["县政府办"]),
 ]}
for c in tangchuan["clauses"]:
    c.setdefault("supervise", [])
def Z(item, ev, note, lead, co, sup, person, **extra):
    d = {"section": "分工方案", "item": item, "evidence": ev, "note": note, "lead": lead, "co": co, "responsible": [], "implement": [],
         "supervise": sup, "person": person}
    d.update(extra); return d
ANN = open(os.path.join(ROOT, "source", "zhexi-business-environment-2025.txt"), encoding="utf-8").read().split("\n")
def line(prefix):
    (l,) = [x for x in ANN if x.startswith(prefix)]; return l
zhexi = {
 "plan": "zhexi-business-environment-2025",
 "convention": "Tasks 1–20 carry no notes; roles are in the separate 分工方案 (附件) that maps task numbers to units. Rule stated there: ““主抓”单位对所列任务负总责，负责制定推进措施、按时报送进展；“参与”单位按职责做好配合；“督导”单位负责跟踪督办；“责任人”为主抓单位的分管负责同志。” → 主抓 = lead, 参与 = co, 督导 = supervise (extra key), 责任人 = person (extra key). item = the task numbers of the line; where one line splits leads/co by task (第8—9项, 第18—20项) lead_by_item / co_by_item give the split. Task 18 also names 市营商办 as 统筹协调 in running text (responsible).",
 "clauses": [
  Z("1—2", "第1—2项：市政务服务局主抓", line("第1—2项"), ["市政务服务局"], ["市市场监管局", "市人力资源社会保障局", "市大数据中心"], ["市营商办"], "市政务服务局分管副局长"),
  Z("3", "第3项：市12345政务服务便民热线管理中心", line("第3项"), ["市12345政务服务便民热线管理中心"], ["市政务服务局"], ["市政府督查室"], "中心分管副主任"),
  Z("4", "第4项：各县（市、区）人民政府主抓", line("第4项"), ["各县（市、区）人民政府"], ["市政务服务局"], ["市营商办"], "各县（市、区）分管副县（市、区）长"),
  Z("5", "第5项：市住房城乡建设局主抓", line("第5项"), ["市住房城乡建设局"], ["市自然资源局", "市发展改革委", "市政务服务局"], ["市营商办"], "市住房城乡建设局分管副局长"),
  Z("6", "第6项：市自然资源局主抓", line("第6项"), ["市自然资源局"], ["市工业和信息化局"], ["市营商办"], "市自然资源局分管副局长"),
  Z("7", "第7项：市金融工作局主抓", line("第7项"), ["市金融工作局"], ["人民银行柘溪市分行", "市财政局"], ["市营商办"], "市金融工作局分管副局长"),
  Z("8—9", "第8—9项：市人力资源社会保障局主抓第8项", line("第8—9项"), ["市人力资源社会保障局", "市发展改革委"], ["市财政局", "国家税务总局柘溪市税务局"], ["市营商办"], "各主抓单位分管负责同志",
    lead_by_item={"8": ["市人力资源社会保障局"], "9": ["市发展改革委"]}),
  Z("10—13", "第10—13项：市市场监管局主抓", line("第10—13项"), ["市市场监管局"], ["市司法局", "市发展改革委"], ["市政府督查室"], "市市场监管局分管副局长"),
  Z("14", "第14项：市市场监管局主抓", line("第14项"), ["市市场监管局"], ["市发展改革委", "市司法局"], ["市营商办"], "市市场监管局分管副局长"),
  Z("15", "第15项：市市场监管局（市知识产权局）主抓", line("第15项"), ["市市场监管局（市知识产权局）"], ["市中级人民法院"], ["市营商办"], "市市场监管局分管副局长"),
  Z("16", "第16项：市工业和信息化局主抓", line("第16项"), ["市工业和信息化局"], ["市财政局", "市国资委"], ["市政府督查室"], "市工业和信息化局局长"),
  Z("17", "第17项：市工商联主抓", line("第17项"), ["市工商联"], ["市发展改革委", "市工业和信息化局"], ["市营商办"], "市工商联分管副主席"),
  Z("18—20", "第18—20项：市发展改革委（市营商办）主抓", line("第18—20项"), ["市发展改革委（市营商办）"], ["市委宣传部"], ["市政府督查室"], "市发展改革委分管副主任",
    co_by_item={"18": [], "19": [], "20": ["市委宣传部"]}),
  {"section": "任务18", "evidence": "（设在市发展改革委，以下简称“市营商办”）", "note": "市优化营商环境工作领导小组办公室（设在市发展改革委，以下简称“市营商办”）负责统筹协调",
   "lead": [], "co": [], "responsible": ["市优化营商环境工作领导小组办公室"], "implement": [], "supervise": [], "person": ""},
 ]}
for r in (lanjiang, tangchuan, zhexi):
    json.dump(r, open(os.path.join(ROOT, "roles", r["plan"] + ".json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
