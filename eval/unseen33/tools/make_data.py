#!/usr/bin/env python
"""Hand-written questions and responsibility tables for batch unseen33.

Writes  qa-unseen33-all.jsonl  (folder root)  and  roles/<id>.json.
Every string below was typed by hand from the source texts; nothing is
extracted automatically.   Run: python tools/make_data.py
"""
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

P1 = "mingchuan-gongyejieshui-2025"   # pdf
P2 = "qinyang-wuranggengdi-2025"      # docx
P3 = "yishan-yiwujiaoyu-2025"         # html

# ---------------------------------------------------------------------------
# Responsibility tables
# ---------------------------------------------------------------------------
RULE1 = ("各项任务后括号内注明牵头单位和配合单位，单位名称后“〔〕”内为该单位的具体承办股室（单位），"
         "负责日常推进、台账管理和进展报送；括号内仅写“负责”、未注明“牵头”的，由所列单位按职责分工共同负责。"
         "各乡镇人民政府、街道办事处和开发区管委会负责辖区内企业节水工作的组织推动，不再逐项列出。")

ROLES = {}

ROLES[P1] = {
    "plan": P1,
    "convention": ("Rule stated at the head of 三 (before the tasks): “" + RULE1 + "” 牵头 → lead, 配合 → co; "
                   "a note that only says 负责 → responsible (共同负责, no lead). The 〔〕 after a unit name is that "
                   "unit's 承办股室（单位）, not a separate unit: it is kept in the extra key `desk` "
                   "(unit → desks, as written). The 乡镇/街道/开发区管委会 sentence is a document-level implementer "
                   "rule for the 三 tasks; those units are not written in the notes, so they are given once in "
                   "top-level `implement_by_rule`."),
    "rule_location": "三",
    "implement_by_rule": {"units": ["各乡镇人民政府", "街道办事处", "开发区管委会"],
                          "applies_to": ["三(一)", "三(二)", "三(三)", "三(四)", "三(五)", "三(六)", "三(七)", "三(八)"],
                          "duty": "负责辖区内企业节水工作的组织推动"},
    "clauses": [
        {"section": "三(一)", "evidence": "（县水利局〔水资源股〕牵头，县发展和改革局",
         "note": "（县水利局〔水资源股〕牵头，县发展和改革局、县工业和信息化局〔节能与综合利用股〕配合）",
         "lead": ["县水利局"], "co": ["县发展和改革局", "县工业和信息化局"], "responsible": [], "implement": [],
         "desk": {"县水利局": ["水资源股"], "县工业和信息化局": ["节能与综合利用股"]}},
        {"section": "三(二)", "evidence": "（县工业和信息化局〔节能与综合利用股、经济运行股〕牵头",
         "note": "（县工业和信息化局〔节能与综合利用股、经济运行股〕牵头，县水利局〔水资源股〕配合）",
         "lead": ["县工业和信息化局"], "co": ["县水利局"], "responsible": [], "implement": [],
         "desk": {"县工业和信息化局": ["节能与综合利用股", "经济运行股"], "县水利局": ["水资源股"]}},
        {"section": "三(三)", "evidence": "（县工业和信息化局〔节能与综合利用股〕牵头，县财政局",
         "note": "（县工业和信息化局〔节能与综合利用股〕牵头，县财政局〔经济建设股〕、县水利局〔水资源股〕配合）",
         "lead": ["县工业和信息化局"], "co": ["县财政局", "县水利局"], "responsible": [], "implement": [],
         "desk": {"县工业和信息化局": ["节能与综合利用股"], "县财政局": ["经济建设股"], "县水利局": ["水资源股"]}},
        {"section": "三(四)", "evidence": "（县住房和城乡建设局〔市政公用股〕牵头",
         "note": "（县住房和城乡建设局〔市政公用股〕牵头，开发区管委会〔规划建设局〕、县水利局〔水资源股〕配合）",
         "lead": ["县住房和城乡建设局"], "co": ["开发区管委会", "县水利局"], "responsible": [], "implement": [],
         "desk": {"县住房和城乡建设局": ["市政公用股"], "开发区管委会": ["规划建设局"], "县水利局": ["水资源股"]}},
        {"section": "三(五)", "evidence": "（县工业和信息化局〔节能与综合利用股〕、县水利局",
         "note": "（县工业和信息化局〔节能与综合利用股〕、县水利局〔水资源股〕负责）",
         "lead": [], "co": [], "responsible": ["县工业和信息化局", "县水利局"], "implement": [],
         "desk": {"县工业和信息化局": ["节能与综合利用股"], "县水利局": ["水资源股"]}},
        {"section": "三(六)", "evidence": "（县水利局〔水资源股、水政监察大队〕牵头",
         "note": "（县水利局〔水资源股、水政监察大队〕牵头，县市场监督管理局〔计量股〕配合）",
         "lead": ["县水利局"], "co": ["县市场监督管理局"], "responsible": [], "implement": [],
         "desk": {"县水利局": ["水资源股", "水政监察大队"], "县市场监督管理局": ["计量股"]}},
        {"section": "三(七)", "evidence": "（县工业和信息化局〔中小企业服务中心〕负责）",
         "note": "（县工业和信息化局〔中小企业服务中心〕负责）",
         "lead": [], "co": [], "responsible": ["县工业和信息化局"], "implement": [],
         "desk": {"县工业和信息化局": ["中小企业服务中心"]}},
        {"section": "三(八)", "evidence": "（县水利局〔水政监察大队〕牵头",
         "note": "（县水利局〔水政监察大队〕牵头，市生态环境局洺川分局〔综合行政执法大队〕、县市场监督管理局〔信用监管股〕配合）",
         "lead": ["县水利局"], "co": ["市生态环境局洺川分局", "县市场监督管理局"], "responsible": [], "implement": [],
         "desk": {"县水利局": ["水政监察大队"], "市生态环境局洺川分局": ["综合行政执法大队"], "县市场监督管理局": ["信用监管股"]}},
        {"section": "五(二)", "evidence": "（县财政局〔经济建设股〕负责）",
         "note": "（县财政局〔经济建设股〕负责）",
         "lead": [], "co": [], "responsible": ["县财政局"], "implement": [],
         "desk": {"县财政局": ["经济建设股"]}},
    ],
}

ROLES[P2] = {
    "plan": P2,
    "convention": ("No reading rule is stated anywhere in the document. Notes are read literally: "
                   "`（责任单位：A、B、C）` → all responsible, no lead (the order does not make a lead); "
                   "`（A牵头，B、C配合）` → lead/co; `（A负责）` → responsible; `（A负责，B配合）` and `（A负责，B参与）` → A responsible, "
                   "B co (no lead). Back-reference notes `（责任分工同本部分第（X）项）` take over the roles of the note of "
                   "二(X) (followed through chains: 二(六) → 二(三) → 二(一)); `另增A、B` adds A, B with the same role "
                   "(responsible). Extra key `ref` = the clause(s) whose note is taken over, in chain order; for such "
                   "entries the units occur in the referenced notes (and, for 另增 units, in the note itself). "
                   "The prose “组建由县农技推广中心牵头的技术指导组” in 二(七) makes 县农技推广中心 lead of the "
                   "指导组 only; it is not a note and is not tabulated (see question u33-056)."),
    "rule_location": "none",
    "clauses": [
        {"section": "二(一)", "evidence": "（责任单位：县农业农村局、市生态环境局芩阳分局",
         "note": "（责任单位：县农业农村局、市生态环境局芩阳分局、县自然资源局）",
         "lead": [], "co": [], "responsible": ["县农业农村局", "市生态环境局芩阳分局", "县自然资源局"], "implement": []},
        {"section": "二(二)", "evidence": "（责任单位：县农业农村局、各重点乡镇人民政府）",
         "note": "（责任单位：县农业农村局、各重点乡镇人民政府）",
         "lead": [], "co": [], "responsible": ["县农业农村局", "各重点乡镇人民政府"], "implement": []},
        {"section": "二(三)", "evidence": "（责任分工同本部分第（一）项）",
         "note": "（责任分工同本部分第（一）项）", "ref": ["二(一)"],
         "lead": [], "co": [], "responsible": ["县农业农村局", "市生态环境局芩阳分局", "县自然资源局"], "implement": []},
        {"section": "二(四)", "evidence": "（县农业农村局牵头，县林业局、县财政局配合）",
         "note": "（县农业农村局牵头，县林业局、县财政局配合）",
         "lead": ["县农业农村局"], "co": ["县林业局", "县财政局"], "responsible": [], "implement": []},
        {"section": "二(五)", "evidence": "（责任单位：市生态环境局芩阳分局、县工业和信息化局）",
         "note": "（责任单位：市生态环境局芩阳分局、县工业和信息化局）",
         "lead": [], "co": [], "responsible": ["市生态环境局芩阳分局", "县工业和信息化局"], "implement": []},
        {"section": "二(六)", "evidence": "（责任分工同本部分第（三）项，另增县发展和改革局",
         "note": "（责任分工同本部分第（三）项，另增县发展和改革局、县市场监督管理局）", "ref": ["二(三)", "二(一)"],
         "lead": [], "co": [],
         "responsible": ["县农业农村局", "市生态环境局芩阳分局", "县自然资源局", "县发展和改革局", "县市场监督管理局"],
         "implement": []},
        {"section": "二(七)", "evidence": "（县农业农村局负责）",
         "note": "（县农业农村局负责）",
         "lead": [], "co": [], "responsible": ["县农业农村局"], "implement": []},
        {"section": "二(八)", "evidence": "（责任分工同本部分第（二）项）",
         "note": "（责任分工同本部分第（二）项）", "ref": ["二(二)"],
         "lead": [], "co": [], "responsible": ["县农业农村局", "各重点乡镇人民政府"], "implement": []},
        {"section": "二(九)", "evidence": "（县水利局负责，市生态环境局芩阳分局参与）",
         "note": "（县水利局负责，市生态环境局芩阳分局参与）",
         "lead": [], "co": ["市生态环境局芩阳分局"], "responsible": ["县水利局"], "implement": []},
        {"section": "四(二)", "evidence": "（县财政局负责，县农业农村局配合）",
         "note": "（县财政局负责，县农业农村局配合）",
         "lead": [], "co": ["县农业农村局"], "responsible": ["县财政局"], "implement": []},
    ],
}

RULE3 = ("本意见各项任务实行“AB角”责任制：括号内标注“A角”的单位为牵头单位，对任务落实负总责；标注“B角”的单位协助A角单位推进，"
         "A角单位因机构调整等原因不能履职时，由B角单位接续牵头；标注“配合”的单位按照职责分工做好配合；"
         "仅列单位并写明“负责”的，由所列单位共同负责。各镇人民政府、街道办事处负责辖区内学校建设用地保障和校园周边环境治理，不再逐项列出。")

ROLES[P3] = {
    "plan": P3,
    "convention": ("Rule stated after the tasks, in 四、组织实施: “" + RULE3 + "” A角 → lead; B角 → co (it assists the "
                   "A角 unit) and, because the rule also makes it the successor lead if the A角 unit cannot act, it is "
                   "repeated in the extra key `b_role`; 配合 → co; “A、B负责” → responsible (共同负责, no lead). "
                   "co keeps the note order (B角 unit first, then the 配合 units). The 镇/街道 sentence is a "
                   "document-level implementer rule limited to 学校建设用地保障和校园周边环境治理; the units are not "
                   "written in the notes and are given once in top-level `implement_by_rule`."),
    "rule_location": "四",
    "implement_by_rule": {"units": ["各镇人民政府", "街道办事处"],
                          "applies_to": ["二(一)", "二(二)", "二(三)", "二(四)", "二(五)", "二(六)", "二(七)", "二(八)", "三(一)"],
                          "duty": "负责辖区内学校建设用地保障和校园周边环境治理"},
    "clauses": [
        {"section": "二(一)", "evidence": "（A角：区教育局；B角：区自然资源局",
         "note": "（A角：区教育局；B角：区自然资源局；配合：区发展改革局、区住房和城乡建设局）",
         "lead": ["区教育局"], "co": ["区自然资源局", "区发展改革局", "区住房和城乡建设局"], "responsible": [],
         "implement": [], "b_role": ["区自然资源局"]},
        {"section": "二(二)", "evidence": "（A角：区教育局；B角：区财政局；配合",
         "note": "（A角：区教育局；B角：区财政局；配合：区住房和城乡建设局）",
         "lead": ["区教育局"], "co": ["区财政局", "区住房和城乡建设局"], "responsible": [], "implement": [],
         "b_role": ["区财政局"]},
        {"section": "二(三)", "evidence": "（A角：区委编办；B角：区教育局",
         "note": "（A角：区委编办；B角：区教育局；配合：区人力资源和社会保障局、区财政局）",
         "lead": ["区委编办"], "co": ["区教育局", "区人力资源和社会保障局", "区财政局"], "responsible": [],
         "implement": [], "b_role": ["区教育局"]},
        {"section": "二(四)", "evidence": "（区教育局负责）",
         "note": "（区教育局负责）",
         "lead": [], "co": [], "responsible": ["区教育局"], "implement": [], "b_role": []},
        {"section": "二(五)", "evidence": "（A角：区教育局；配合：区教师发展中心）",
         "note": "（A角：区教育局；配合：区教师发展中心）",
         "lead": ["区教育局"], "co": ["区教师发展中心"], "responsible": [], "implement": [], "b_role": []},
        {"section": "二(六)", "evidence": "（A角：区教育局；B角：区残联",
         "note": "（A角：区教育局；B角：区残联；配合：区民政局、区卫生健康局）",
         "lead": ["区教育局"], "co": ["区残联", "区民政局", "区卫生健康局"], "responsible": [], "implement": [],
         "b_role": ["区残联"]},
        {"section": "二(七)", "evidence": "（A角：区教育局；B角：区数据资源管理局",
         "note": "（A角：区教育局；B角：区数据资源管理局；配合：区财政局）",
         "lead": ["区教育局"], "co": ["区数据资源管理局", "区财政局"], "responsible": [], "implement": [],
         "b_role": ["区数据资源管理局"]},
        {"section": "二(八)", "evidence": "（A角：区教育局；B角：区市场监督管理局）",
         "note": "（A角：区教育局；B角：区市场监督管理局）",
         "lead": ["区教育局"], "co": ["区市场监督管理局"], "responsible": [], "implement": [],
         "b_role": ["区市场监督管理局"]},
        {"section": "三(一)", "evidence": "（区财政局、区教育局负责）",
         "note": "（区财政局、区教育局负责）",
         "lead": [], "co": [], "responsible": ["区财政局", "区教育局"], "implement": [], "b_role": []},
    ],
}

# ---------------------------------------------------------------------------
# Questions
# (style, type, question, must_include, evidence, sections[, session])
# ---------------------------------------------------------------------------
Q1 = [
    ("colloquial", "target", "咱们县到2027年，万元工业增加值用水量得压到多少？",
     ["16%以上", "14.5立方米以内"], ["较2024年下降16%以上，控制在14.5立方米以内"], ["二"]),
    ("deadline", "deadline", "37家重点用水企业的用水计划，最晚什么时候要核定完？",
     ["2025年9月底前"], ["2025年9月底前完成37家重点用水企业"], ["三(一)"], "u33-s1"),
    ("followup", "deadline", "那以后每年的年度用水计划什么时候下达？",
     ["每年1月底前"], ["以后每年1月底前下达年度用水计划"], ["三(一)"], "u33-s1"),
    ("followup", "lead", "这项工作由谁牵头？具体是哪个股室在办？",
     ["县水利局", "水资源股"], ["（县水利局〔水资源股〕牵头，县发展和改革局", "内为该单位的具体承办股室"], ["三(一)", "三"], "u33-s1"),
    ("indirect", "target", "我们厂想请第三方做个节水诊断，诊断费县里能补一部分吗？最多能补多少？",
     ["50%", "3万元"], ["按实际诊断费用的50%给予补助", "单个企业最高不超过3万元"], ["三(二)"]),
    ("indirect", "measures", "我们化工厂门口已经通了再生水管，冷却用水还能接着用自备井的水吗？",
     ["一律使用再生水"], ["冷却用水一律使用再生水"], ["三(四)"]),
    ("abbreviation", "responsible", "节水服务市场培育是县工信局哪个单位负责？这项有牵头单位吗？",
     ["县工业和信息化局", "中小企业服务中心"], ["（县工业和信息化局〔中小企业服务中心〕负责）"], ["三(七)"]),
    ("abbreviation", "measures", "县节水办设在哪个部门？平时主要干什么？",
     ["县水利局", "日常调度和督促检查"], ["（以下简称县节水办）设在县水利局", "负责日常调度和督促检查"], ["五(一)"]),
    ("synonym", "no_deadline", "新上的工业项目，节水设施要跟主体工程同步设计、施工、投用，这条有没有给截止日期？",
     [], ["同时设计、同时施工、同时投入使用"], ["三(一)"]),
    ("typo", "co", "用水计量监空这项，县市场监管局是配合单位吗？具体是哪个股？",
     ["县市场监督管理局", "计量股"], ["县市场监督管理局〔计量股〕配合"], ["三(六)"]),
    ("traditional", "lead", "節水診斷這項是縣工信局牽頭嗎？由哪幾個股室承辦？",
     ["县工业和信息化局", "节能与综合利用股", "经济运行股"], ["（县工业和信息化局〔节能与综合利用股、经济运行股〕牵头"],
     ["三(二)"]),
    ("english", "target",
     "In 2024, what share of the county's total industrial water withdrawal did the key water-using enterprises account for?",
     ["71%"], ["占全县工业取水总量的71%"], ["二"]),
    ("english", "lead",
     "Which department leads the reclaimed-water pipeline work for the development zone, and which of its sections handles it day to day?",
     ["县住房和城乡建设局", "市政公用股"], ["（县住房和城乡建设局〔市政公用股〕牵头", "内为该单位的具体承办股室"], ["三(四)", "三"]),
    ("english", "deadline",
     "By what date must the key enterprises' online water meters be connected to the county monitoring platform?",
     ["2025年12月31日前"], ["2025年12月31日前接入县水资源监控平台"], ["三(六)"]),
    ("number_form", "target", "县财政每年给工业节水的专项资金，是不是不少于六百万？",
     ["600万元"], ["工业节水专项资金不少于600万元"], ["五(二)"]),
    ("number_form", "target", "县级节水型企业到二〇二六年底累计要创建几家？",
     ["28家"], ["2026年底前累计达到28家"], ["三(五)"]),
    ("false_premise", "target", "听说方案要求每年完成20个节水改造项目，这个压力不小吧？",
     ["不少于12个"], ["每年实施节水改造项目不少于12个"], ["三(三)"]),
    ("deadline", "deadline", "开发区创建省级节水型工业园区，申报最晚什么时候要完成？",
     ["2027年6月底前"], ["开发区于2027年6月底前完成省级节水型工业园区"], ["三(五)"]),
    ("colloquial", "deadline", "各牵头单位的工作进展一年要报几回？啥时候报、报给谁？",
     ["6月25日前", "12月25日前", "县节约用水工作领导小组办公室"], ["各牵头单位请于每年6月25日前和12月25日前"], ["通知"]),
    ("overview", "overview", "这个工业节水方案一共安排了哪些重点任务？",
     ["水效对标和节水诊断", "节水技术改造", "用水计量和监控"],
     ["（二）开展水效对标和节水诊断", "（三）实施节水技术改造", "（六）强化用水计量和监控"], ["三(二)", "三(三)", "三(六)"]),
    ("definition", "definition", "方案里的“重点用水企业”是按什么标准划的？",
     ["5万立方米及以上"], ["是指年取水量5万立方米及以上的工业企业"], ["二"]),
    ("count", "count", "看推进时段表，2027年那一栏空着的任务有几项？",
     ["2"], ["水效对标和节水诊断\t■\t■", "用水计量和监控\t■\t■", "空白表示该时段以巩固成果和日常管理为主"], ["四"]),
    ("unit_tasks", "unit_tasks", "县水利局在这个方案里牵头哪几项任务？",
     ["严格定额和计划用水管理", "强化用水计量和监控", "强化节水监督执法"],
     ["（县水利局〔水资源股〕牵头，县发展和改革局", "（县水利局〔水资源股、水政监察大队〕牵头", "（县水利局〔水政监察大队〕牵头"],
     ["三(一)", "三(六)", "三(八)"]),
    ("unit_tasks", "unit_tasks", "县财政局在工业节水这块要承担哪些事？",
     ["经济建设股", "600万元"], ["县财政局〔经济建设股〕、县水利局", "（县财政局〔经济建设股〕负责）"], ["三(三)", "五(二)"]),
    ("role_check", "role_check", "节水型企业和园区建设，是县工信局牵头、县水利局配合吧？",
     ["县工业和信息化局", "县水利局"], ["（县工业和信息化局〔节能与综合利用股〕、县水利局", "由所列单位按职责分工共同负责"],
     ["三(五)", "三"]),
    ("role_check", "role_check", "乡镇和街道在这些节水任务里有没有责任？任务后面的括号里没看到它们。",
     ["组织推动", "不再逐项列出"], ["负责辖区内企业节水工作的组织推动"], ["三"]),
    ("unanswerable", "unanswerable", "超定额、超计划取水实行累进加价，具体按几倍加价？", [], [], []),
    ("unanswerable", "unanswerable", "评上县级节水型企业以后，县里奖励每家多少钱？", [], [], []),
    ("unanswerable", "unanswerable", "县节水领导小组的组长是哪位县领导？", [], [], []),
    ("unanswerable", "unanswerable", "洺川经济开发区2024年工业取水量一共有多少立方米？", [], [], []),
]

Q2 = [
    ("colloquial", "responsible", "我们镇要给受污染的地块一块一块建档，这事归哪些单位管？",
     ["县农业农村局", "各重点乡镇人民政府"], ["（责任分工同本部分第（二）项）", "（责任单位：县农业农村局、各重点乡镇人民政府）"],
     ["二(八)", "二(二)"]),
    ("deadline", "deadline", "土壤和农产品协同监测的点位，要在什么时候之前布设完？",
     ["2025年9月底前"], ["2025年9月底前完成点位布设"], ["二(三)"], "u33-s2"),
    ("followup", "responsible", "那这项监测由哪些单位负责？有牵头的吗？",
     ["县农业农村局", "市生态环境局芩阳分局", "县自然资源局"],
     ["（责任分工同本部分第（一）项）", "（责任单位：县农业农村局、市生态环境局芩阳分局"], ["二(三)", "二(一)"], "u33-s2"),
    ("followup", "deadline", "评估报告每年什么时候要汇总出来？",
     ["每年12月15日前"], ["监测数据于每年12月15日前汇总"], ["二(三)"], "u33-s2"),
    ("colloquial", "responsible", "超标稻谷收储这块，到底是哪几家单位在管？",
     ["县发展和改革局", "县市场监督管理局", "县自然资源局"],
     ["（责任分工同本部分第（三）项，另增县发展和改革局", "（责任分工同本部分第（一）项）", "（责任单位：县农业农村局、市生态环境局芩阳分局"],
     ["二(六)", "二(三)", "二(一)"]),
    ("indirect", "measures", "我们村有块中度污染的水稻田，按方案能用哪些治理办法？要同时用几项？",
     ["叶面阻控", "3项以上"], ["叶面阻控\t\t\t√", "原则上同时采取3项以上适用措施"], ["附件"]),
    ("indirect", "target", "农户把严格管控类的地改种桑树，每亩一年能拿多少补助，补几年？",
     ["500元", "3年"], ["按每亩每年500元标准给予补助", "给予补助，连续补助3年"], ["二(四)"]),
    ("abbreviation", "measures", "VIP+n里面那个P指的是啥措施？",
     ["施用石灰调节土壤酸碱度"], ["施用石灰调节土壤酸碱度（P）"], ["二(二)"]),
    ("abbreviation", "measures", "县领导小组谁当组长？办公室放在哪？",
     ["分管副县长", "县农业农村局"], ["由分管副县长任组长，办公室设在县农业农村局"], ["四(一)"]),
    ("synonym", "no_deadline", "给承包户讲解技术和补助政策这件事，方案有没有规定完成时限？",
     [], ["（四）加强宣传引导。通过村务公开栏"], ["四(四)"]),
    ("typo", "deadline", "严格管控类耕地的种植结构调正哪年底前要做完？面积多少？",
     ["2026年底前", "0.4万亩"], ["2026年底前完成0.4万亩全部调整任务"], ["二(四)"]),
    ("traditional", "target", "重點鄉鎮稻穀鎘含量超標率要比2024年下降多少？2024年是多少？",
     ["50%以上", "8.6%"], ["较2024年下降50%以上（2024年为8.6%）"], ["一(二)"]),
    ("english", "target",
     "What safe-utilisation rate for contaminated farmland must the county reach by the end of 2025, and by the end of 2027?",
     ["92%以上", "95%以上"], ["全县受污染耕地安全利用率达到92%以上", "安全利用率稳定在95%以上"], ["一(二)"]),
    ("english", "measures", "Which measures does the annex table mark as suitable for strictly controlled farmland?",
     ["种植结构调整", "退耕还林还草"], ["种植结构调整\t\t\t\t√", "退耕还林还草\t\t\t\t√"], ["附件"]),
    ("english", "lead", "Who leads the crop-structure adjustment on strictly controlled farmland, and who assists?",
     ["县农业农村局", "县林业局", "县财政局"], ["（县农业农村局牵头，县林业局、县财政局配合）"], ["二(四)"]),
    ("number_form", "target", "三年县级资金是不是不少于一千八百万元？头一年不少于多少？",
     ["1800万元", "500万元"], ["安排县级资金不少于1800万元", "其中2025年不少于500万元"], ["四(二)"]),
    ("number_form", "target", "技术培训是每年不少于六期、培训农户一千五百人次吗？",
     ["6期", "1500人次"], ["每年开展培训不少于6期、培训农户不少于1500人次"], ["二(七)"]),
    ("false_premise", "deadline", "耕地类别是每年6月底前动态调整一次，对吧？",
     ["每年11月底前"], ["每年11月底前对耕地土壤环境质量类别进行动态调整"], ["二(一)"]),
    ("deadline", "deadline", "重点乡镇附近那些涉重金属企业，排查最迟什么时候搞完？",
     ["2025年10月底前"], ["2025年10月底前完成重点乡镇周边涉重金属企业排查"], ["二(五)"]),
    ("overview", "overview", "这个方案分几个阶段推进？每个阶段的时间怎么安排？",
     ["启动部署阶段", "全面实施阶段", "总结验收阶段"],
     ["启动部署阶段（2025年5月—6月）", "全面实施阶段（2025年7月—2027年6月）", "总结验收阶段（2027年7月—12月）"],
     ["三(一)", "三(二)", "三(三)"]),
    ("definition", "definition", "方案里的安全利用率是怎么算的？",
     ["食品安全国家标准"], ["所产农产品达到食品安全国家标准的受污染耕地面积"], ["一(三)"]),
    ("count", "count", "附件的对照表一共列了多少种措施？",
     ["8"], ["测土配方施肥\t√\t√\t√", "低积累品种替代\t\t√\t√"], ["附件"]),
    ("unit_tasks", "unit_tasks", "市生态环境局芩阳分局要参与哪些任务？",
     ["动态更新耕地分类清单", "强化污染源头防控"],
     ["（责任单位：市生态环境局芩阳分局、县工业和信息化局）", "（县水利局负责，市生态环境局芩阳分局参与）", "（责任分工同本部分第（一）项）"],
     ["二(一)", "二(五)", "二(九)", "二(三)", "二(六)"]),
    ("unit_tasks", "unit_tasks", "县财政局在这个方案里要干些什么？",
     ["1800万元", "80元"],
     ["（县财政局负责，县农业农村局配合）", "县农业农村局牵头，县林业局、县财政局配合", "县财政按每亩每年80元标准补助物资"],
     ["四(二)", "二(四)", "二(二)"]),
    ("role_check", "role_check", "耕地分类清单的动态更新是县农业农村局牵头吗？",
     ["县农业农村局", "市生态环境局芩阳分局", "县自然资源局"], ["（责任单位：县农业农村局、市生态环境局芩阳分局"], ["二(一)"]),
    ("role_check", "role_check", "技术指导组是县农业农村局牵头组建的吗？",
     ["县农技推广中心", "县农业农村局负责"], ["组建由县农技推广中心牵头的技术指导组", "（县农业农村局负责）"], ["二(七)"]),
    ("unanswerable", "unanswerable", "叶面阻控剂县里每亩补助多少钱？", [], [], []),
    ("unanswerable", "unanswerable", "全县涉及受污染耕地的承包农户一共有多少户？", [], [], []),
    ("unanswerable", "unanswerable", "严格管控类耕地退耕还林后，每亩的生态补偿标准是多少？", [], [], []),
    ("unanswerable", "unanswerable", "超标稻谷定向处置时，收购价格按多少钱一斤执行？", [], [], []),
]

Q3 = [
    ("colloquial", "target", "咱区这三年要新建改扩建几所中小学，新增多少学位？",
     ["8所", "9600个"], ["新建、改扩建中小学8所，新增学位9600个"], ["二(一)"]),
    ("colloquial", "target", "城区老师到乡村学校交流轮岗，每年要有多大比例？骨干教师占多少？",
     ["10%", "20%"], ["每年不少于符合条件教师总数的10%", "其中骨干教师不低于交流总数的20%"], ["二(三)"], "u33-s3"),
    ("followup", "lead", "这项由谁牵头？",
     ["区委编办"], ["（A角：区委编办；B角：区教育局", "括号内标注“A角”的单位为牵头单位"], ["二(三)", "四"], "u33-s3"),
    ("followup", "co", "那区教育局在这项里算什么角色？",
     ["B角", "接续牵头"], ["（A角：区委编办；B角：区教育局", "由B角单位接续牵头"], ["二(三)", "四"], "u33-s3"),
    ("indirect", "target", "我们是外地来翊山打工的，孩子上公办学校的比例有保障吗？",
     ["90%以上"], ["就读比例保持在90%以上"], ["二(六)"]),
    ("indirect", "measures", "孩子有残疾去不了学校，区里会怎么安排？上门多勤？",
     ["送教上门", "每月不少于2次"], ["提供送教上门服务，每月不少于2次"], ["二(六)"]),
    ("abbreviation", "lead", "区教育平台谁牵头建？什么时候建成？",
     ["区教育局", "2026年底前"],
     ["2026年底前建成区智慧教育平台", "（A角：区教育局；B角：区数据资源管理局", "括号内标注“A角”的单位为牵头单位"],
     ["二(七)", "四"]),
    ("abbreviation", "co", "区发改局在学校布局这项里是什么角色？",
     ["区发展改革局"], ["配合：区发展改革局、区住房和城乡建设局"], ["二(一)"]),
    ("synonym", "target", "每一百个学生要配几名县级以上的骨干老师？",
     ["1.2人"], ["小学、初中均不少于1.2人"], ["二(三)"]),
    ("typo", "target", "初中生均教学仪器设被值最低要多少？",
     ["3000元"], ["初中不低于3000元"], ["二(二)"]),
    ("traditional", "deadline", "集團化辦學什麼時候要覆蓋全部鄉村學校？",
     ["2025年9月底前"], ["2025年9月底前实现集团化办学覆盖全部乡村学校"], ["二(四)"]),
    ("english", "target",
     "What are the 2027 caps on the inter-school composite difference coefficients for primary and junior secondary schools?",
     ["0.45", "0.40"], ["分别控制在0.45、0.40以内"], ["一"]),
    ("english", "meta", "When was this document published on the portal, and until when does it remain in force?",
     ["2025年07月22日", "2028年12月31日"], ["发布日期\t2025年07月22日", "有效期至2028年12月31日"], ["元数据", "四"]),
    ("english", "lead",
     "Which unit leads the work on school facility standards, and what role does the finance bureau play in it?",
     ["区教育局", "区财政局"], ["（A角：区教育局；B角：区财政局；配合", "标注“B角”的单位协助A角单位推进"], ["二(二)", "四"]),
    ("number_form", "target", "三年的优质均衡专项资金不低于两点四个亿吧？二〇二五年不低于多少？",
     ["2.4亿元", "6000万元"], ["专项资金不低于2.4亿元", "其中2025年不低于6000万元"], ["三(一)"]),
    ("number_form", "target", "大班额是按五十六人以上算吗？从什么时候起要基本消除？",
     ["56人以上", "2026年秋季学期起"], ["2026年秋季学期起基本消除56人以上大班额"], ["二(一)"]),
    ("false_premise", "target", "适龄残疾儿童少年入学率，方案定的是95%以上吧？",
     ["97%以上"], ["义务教育入学率达到97%以上"], ["二(六)"]),
    ("deadline", "deadline", "中小学布局专项规划要什么时候报区政府审定？",
     ["2025年12月底前"], ["2025年12月底前报区人民政府审定"], ["二(一)"]),
    ("deadline", "deadline", "区域教学质量监测报告每年什么时候发布？从哪年开始？",
     ["2026年起每年8月底前"], ["2026年起每年8月底前发布区域教学质量监测报告"], ["二(五)"]),
    ("overview", "overview", "这份实施意见的重点任务有哪几块？",
     ["优化学校布局", "推进集团化办学", "推进教育数字化转型"],
     ["（一）优化学校布局", "（四）推进集团化办学", "（七）推进教育数字化转型"], ["二(一)", "二(四)", "二(七)"]),
    ("definition", "definition", "文件里说的“优质学位”具体指什么？",
     ["区级以上示范学校"], ["本意见所称优质学位，是指在区级以上示范学校", "或在区教育集团的核心校、成员校就读"], ["一", "问答"]),
    ("count", "count", "这份意见里有几项任务设了B角单位？",
     ["6"], ["B角：区自然资源局", "B角：区残联；配合", "B角：区市场监督管理局"],
     ["二(一)", "二(二)", "二(三)", "二(六)", "二(七)", "二(八)"]),
    ("unit_tasks", "unit_tasks", "区财政局在这份意见里要承担哪些工作？",
     ["2.4亿元"], ["（A角：区教育局；B角：区财政局；配合", "；配合：区财政局）", "（区财政局、区教育局负责）"],
     ["二(二)", "二(三)", "二(七)", "三(一)"]),
    ("unit_tasks", "unit_tasks", "各镇、街道在这份意见里要负责什么？",
     ["学校建设用地保障", "校园周边环境治理"], ["负责辖区内学校建设用地保障和校园周边环境治理"], ["四"]),
    ("role_check", "role_check", "保障特殊群体受教育这项，是区残联牵头吗？",
     ["区教育局", "区残联"], ["（A角：区教育局；B角：区残联", "括号内标注“A角”的单位为牵头单位"], ["二(六)", "四"]),
    ("role_check", "role_check", "经费投入这条是区财政局牵头、区教育局配合吧？",
     ["区财政局", "区教育局"], ["（区财政局、区教育局负责）", "由所列单位共同负责"], ["三(一)", "四"]),
    ("unanswerable", "unanswerable", "新建改扩建的8所学校分别建在哪几个镇街？总投资多少？", [], [], []),
    ("unanswerable", "unanswerable", "到乡村学校交流轮岗的老师，每月能拿多少交流补贴？", [], [], []),
    ("unanswerable", "unanswerable", "区政府教育督导委员会的主任由谁担任？", [], [], []),
    ("unanswerable", "unanswerable", "How many pupils are enrolled in compulsory education in the district this year?", [], [], []),
]


def rows():
    out = []
    n = 0
    for plan, qs in ((P1, Q1), (P2, Q2), (P3, Q3)):
        for q in qs:
            n += 1
            style, typ, text, must, ev, secs = q[:6]
            r = {
                "id": "u33-%03d" % n,
                "plan": plan,
                "question": text,
                "style": style,
                "type": typ,
                "answerable": typ != "unanswerable",
                "must_include": must,
                "evidence": ev,
                "sections": secs,
            }
            if len(q) > 6:
                r["session"] = q[6]
            out.append(r)
    return out


def main():
    os.makedirs(os.path.join(ROOT, "roles"), exist_ok=True)
    for pid, data in ROLES.items():
        with open(os.path.join(ROOT, "roles", pid + ".json"), "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=2)
            f.write("\n")
    rs = rows()
    with open(os.path.join(ROOT, "qa-unseen33-all.jsonl"), "w", encoding="utf-8") as f:
        for r in rs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("wrote %d questions, %d role tables" % (len(rs), len(ROLES)))


if __name__ == "__main__":
    main()
