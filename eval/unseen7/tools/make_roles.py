import json
IMP_A = ["各区（市）人民政府"]
A = []
def a(sec, item, ev, note, lead, co, imp=IMP_A):
    A.append(dict(section=sec, item=item, evidence=ev, note=note, lead=lead, co=co, responsible=[], implement=imp))
a("二(一)","1","（市卫生健康委、市发展改革委、市财政局）","（市卫生健康委、市发展改革委、市财政局）",["市卫生健康委"],["市发展改革委","市财政局"])
a("二(一)","2","（市教育局、市卫生健康委、市发展改革委）","（市教育局、市卫生健康委、市发展改革委）",["市教育局"],["市卫生健康委","市发展改革委"])
a("二(一)","3","（市自然资源和规划局、市住房城乡建设局","（市自然资源和规划局、市住房城乡建设局、市卫生健康委）",["市自然资源和规划局"],["市住房城乡建设局","市卫生健康委"])
a("二(一)","4","（市总工会、市卫生健康委、市国资委、市妇联）","（市总工会、市卫生健康委、市国资委、市妇联）",["市总工会"],["市卫生健康委","市国资委","市妇联"])
a("二(二)","5","（市财政局、市卫生健康委）","（市财政局、市卫生健康委）",["市财政局"],["市卫生健康委"])
a("二(二)","6","（市卫生健康委、市财政局）","（市卫生健康委、市财政局）",["市卫生健康委"],["市财政局"])
a("二(二)","7","（市税务局、市发展改革委、国网澄屿供电公司","（市税务局、市发展改革委、国网澄屿供电公司、市水务集团）",["市税务局"],["市发展改革委","国网澄屿供电公司","市水务集团"])
a("二(三)","8","（市人力资源社会保障局、市教育局、市卫生健康委）","（市人力资源社会保障局、市教育局、市卫生健康委）",["市人力资源社会保障局"],["市教育局","市卫生健康委"])
a("二(三)","9","（市卫生健康委、市市场监管局）","（市卫生健康委、市市场监管局）",["市卫生健康委"],["市市场监管局"])
a("二(三)","10","（市卫生健康委、市公安局、市消防救援支队","（市卫生健康委、市公安局、市消防救援支队、市市场监管局）",["市卫生健康委"],["市公安局","市消防救援支队","市市场监管局"])
a("二(四)","11","传染病防控指导。（市卫生健康委）","（市卫生健康委）",["市卫生健康委"],[])
a("二(四)","12","（市妇联、市卫生健康委、市教育局）","（市妇联、市卫生健康委、市教育局）",["市妇联"],["市卫生健康委","市教育局"])
a("二(四)","13","（市人力资源社会保障局、市总工会、市税务局","（市人力资源社会保障局、市总工会、市税务局、市政务服务管理办）",["市人力资源社会保障局"],["市总工会","市税务局","市政务服务管理办"])
rows = [l for l in open("source/chengyu-childcare.txt",encoding="utf-8").read().split("\n") if l[:1].isdigit() and "\t" in l]
evs = ["示范托育中心建设工程","社区托育点覆盖工程","托育人才培育工程","智慧托育平台工程"]
for r, ev in zip(rows, evs):
    c = r.split("\t")
    a("三", c[0], ev, r, [c[3]], c[4].split("、"))
A.append(dict(section="四(三)", evidence="市卫生健康委会同市教育局、市统计局负责", note="市卫生健康委会同市教育局、市统计局负责建立托育服务统计监测和督导评估制度", lead=["市卫生健康委"], co=["市教育局","市统计局"], responsible=[], implement=[]))
convA = ("The plan states its own rule at the head of 二、主要任务: “本方案“主要任务”和“重点工程”所列各项任务，括号内列第一位的单位为牵头单位，其他单位为配合单位；各项任务均需各区（市）人民政府负责落实，不再逐一列出。” "
 "So for the 13 bracketed notes after items 1.–13. in 二 (item = the item number), lead = the first unit, co = the others, implement = 各区（市）人民政府 (from the rule). "
 "三、重点工程 assigns the four projects in a table with separate columns 牵头单位 / 配合单位: one entry per row (note = the whole row, cells joined by tabs; item = 序号), lead = 牵头单位 column, co = 配合单位 column; the rule also covers 重点工程, so implement = 各区（市）人民政府. "
 "四(三) has one prose sentence “市卫生健康委会同市教育局、市统计局负责…” → lead A, co B (A会同B负责); it is a 保障措施, not a 主要任务/重点工程 task, so the 落实 rule is not applied. 四(一) (联席会议办公室设在市卫生健康委) is not an assignment and has no entry.")
json.dump(dict(plan="chengyu-childcare", convention=convA, clauses=A), open("roles/chengyu-childcare.json","w",encoding="utf-8"), ensure_ascii=False, indent=2)

B = []
lines = [l for l in open("source/xilan-culture-tourism.txt",encoding="utf-8").read().split("\n") if l.startswith(("主责单位：","责任单位："))]
secs = ["第二部分(%s)" % n for n in "一 二 三 四 五 六 七 八 九 十 十一 十二".split()]
evB = ["协办单位：市商务局、市公安局、市城市管理局", "市公安局、市消防救援支队", "市发展改革委、市自然资源局",
       "主责单位：市农业农村局、市文化广电旅游局", "责任单位：市体育局、市文化广电旅游局", "主责单位：市商务局；协办单位",
       "主责单位：市财政局；协办单位", "市教育局、市外事办、人民银行溪岚市分行", "主责单位：市交通运输局；协办单位",
       "责任单位：市市场监管局、市文化广电旅游局", "市工业和信息化局、市委网信办", "协办单位：市委宣传部、市融媒体中心"]
for sec, l, ev in zip(secs, lines, evB):
    e = dict(section=sec, evidence=ev, note=l, lead=[], co=[], responsible=[], implement=[])
    if l.startswith("主责单位："):
        m, c = l.split("；")
        e["lead"] = m[len("主责单位："):].split("、")
        e["co"] = c[len("协办单位："):].split("、")
    else:
        e["responsible"] = l[len("责任单位："):].split("、")
    B.append(e)
convB = ("No reading rule is stated. Each measure under 第二部分 重点任务 is followed by a labelled line. "
 "“主责单位：…” → lead (both units when two are listed, as in 第二部分(四) 市农业农村局、市文化广电旅游局); “协办单位：…” → co; "
 "a plain “责任单位：…” line (第二部分(五), 第二部分(十)) names no lead and no rule makes the first one lead → all listed units responsible. "
 "第三部分 保障措施 carries no unit lines (联席会议办公室设在市文化广电旅游局 is an organisational statement, not an assignment) → no entries. One entry per labelled line (12).")
json.dump(dict(plan="xilan-culture-tourism", convention=convB, clauses=B), open("roles/xilan-culture-tourism.json","w",encoding="utf-8"), ensure_ascii=False, indent=2)

C = []
def c(sec, ev, note, lead=[], co=[], resp=[], imp=[]):
    C.append(dict(section=sec, evidence=ev, note=note, lead=lead, co=co, responsible=resp, implement=imp))
c("第二章","本章任务由县气象局负总责","本章任务由县气象局负总责，县水利局、县自然资源局协助，各乡（镇）人民政府落实。",["县气象局"],["县水利局","县自然资源局"],[],["各乡（镇）人民政府"])
c("第五条","由县水利局统一招标确定专业维护单位","由县水利局统一招标确定专业维护单位",resp=["县水利局"])
c("第三章","本章任务由县水利局负总责","本章任务由县水利局负总责，县发展和改革局、县财政局协助，各乡（镇）人民政府落实。",["县水利局"],["县发展和改革局","县财政局"],[],["各乡（镇）人民政府"])
c("第九条","山洪沟治理由县水利局负责","山洪沟治理由县水利局负责",resp=["县水利局"])
c("第九条","地质灾害隐患点工程治理由县自然资源局负责","地质灾害隐患点工程治理由县自然资源局负责",resp=["县自然资源局"])
c("第九条","城区易涝点改造由县住房和城乡建设局负责","城区易涝点改造由县住房和城乡建设局负责",resp=["县住房和城乡建设局"])
c("第九条","在建涉水工程度汛安全由县交通运输局负责","在建涉水工程度汛安全由县交通运输局负责",resp=["县交通运输局"])
c("第四章","本章任务由县应急管理局负总责","本章任务由县应急管理局负总责，县消防救援大队、县人武部、县交通运输局协助，各乡（镇）人民政府和各村（社区）落实。",["县应急管理局"],["县消防救援大队","县人武部","县交通运输局"],[],["各乡（镇）人民政府","各村（社区）"])
c("第十五条","县财政局负责将防汛抗旱经费纳入年度预算","县财政局负责将防汛抗旱经费纳入年度预算",resp=["县财政局"])
c("第十六条","由县防指办公室牵头，县政府督查室参与","由县防指办公室牵头，县政府督查室参与",["县防指办公室"],["县政府督查室"])
convC = ("The plan states its rule in 第四条: “本方案第二章至第四章开头所列“负总责”单位对本章任务承担牵头责任，“协助”单位承担配合责任，所列“落实”主体负责本辖区内具体实施；条文中另行明确责任单位的，以条文为准。” "
 "So each chapter-opening sentence (labelled 第二章/第三章/第四章, text before the chapter's first article) gives lead = the 负总责 unit, co = the 协助 units, implement = the 落实 bodies, for the whole chapter. "
 "Where an article names its own unit it prevails: 第五条 (由县水利局统一招标确定专业维护单位) and the four items of the 第九条 sentence (one entry per item, …由…负责) → responsible. "
 "Chapter 第五章 has no chapter-opening line; 第十五条 “县财政局负责…” → responsible; 第十六条 “由县防指办公室牵头，县政府督查室参与” → lead / co. "
 "Not treated as notes: 第十四条 (县防指办公室设在县应急管理局; 各乡（镇）要落实防汛抗旱行政首长负责制 — organisational duty, no task assignment) and 第十七条 (负责解释).")
json.dump(dict(plan="fengling-flood-drought", convention=convC, clauses=C), open("roles/fengling-flood-drought.json","w",encoding="utf-8"), ensure_ascii=False, indent=2)
print(len(A), len(B), len(C))
