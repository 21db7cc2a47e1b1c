#!/usr/bin/env python3
"""Writes roles/<id>.json from the hand-checked entries below (read note by note against source/)."""
import json, os
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def E(section, evidence, note, lead=(), co=(), responsible=(), implement=(), item=None):
    d = {"section": section}
    if item is not None:
        d["item"] = item
    d.update(evidence=evidence, note=note, lead=list(lead), co=list(co),
             responsible=list(responsible), implement=list(implement))
    return d

ROLES = {}

ROLES["hongshan-campus-food-safety"] = {
 "convention": ("Notes in 【】 at the end of each task paragraph (no 牵头/配合 labels). The document states its own rule in 四(一): "
   "“各项任务后【】内注明的主责单位负责统筹推进、牵头落实，协办单位按照职责分工积极配合。” So 主责 → lead, 协办 → co. "
   "Notes without 主责 (“…负责”, also “A、B、C按照各自职责负责”) name no lead → responsible. Units written with 落实 "
   "(“各乡镇人民政府落实属地管理责任”, “各学校落实”) → implement, only for the note that names them. 二(四) carries two notes → two entries. "
   "Headings 一、/（一） are Word automatic numbering; labels use the displayed numbers."),
 "clauses": [
  E("二(一)", "【县教育局主责，县市场监管局协办】", "【县教育局主责，县市场监管局协办】", lead=["县教育局"], co=["县市场监管局"]),
  E("二(二)", "【县市场监管局主责，县教育局、县财政局", "【县市场监管局主责，县教育局、县财政局、县大数据中心协办】",
    lead=["县市场监管局"], co=["县教育局", "县财政局", "县大数据中心"]),
  E("二(三)", "【县市场监管局主责，县教育局协办】", "【县市场监管局主责，县教育局协办】", lead=["县市场监管局"], co=["县教育局"]),
  E("二(四)", "【县市场监管局主责，县公安局、县城市管理局协办】", "【县市场监管局主责，县公安局、县城市管理局协办】",
    lead=["县市场监管局"], co=["县公安局", "县城市管理局"]),
  E("二(四)", "【各乡镇人民政府落实属地管理责任】", "【各乡镇人民政府落实属地管理责任】", implement=["各乡镇人民政府"]),
  E("二(五)", "【县卫生健康局主责，县教育局协办】", "【县卫生健康局主责，县教育局协办】", lead=["县卫生健康局"], co=["县教育局"]),
  E("二(六)", "【县教育局负责，各学校落实】", "【县教育局负责，各学校落实】", responsible=["县教育局"], implement=["各学校"]),
  E("二(七)", "【县卫生健康局、县市场监管局、县教育局", "【县卫生健康局、县市场监管局、县教育局按照各自职责负责】",
    responsible=["县卫生健康局", "县市场监管局", "县教育局"]),
  E("四(二)", "【县财政局负责】", "【县财政局负责】", responsible=["县财政局"]),
  E("四(三)", "【县食安办、县教育局负责】", "【县食安办、县教育局负责】", responsible=["县食安办", "县教育局"]),
 ]}

Z1 = "责任分工：第1、2项由市自然资源和规划局牵头，市体育局、市住房和城乡建设局配合；第3项由市住房和城乡建设局负责。"
Z2 = "责任分工：第1、3项由市体育局牵头，市自然资源和规划局、市城市管理局配合；第2项由市城市管理局、市水利局、市林业局按职责分工负责。"
Z3 = "责任分工：第1、2项由各区县（市）人民政府负责，市体育局配合；第3项由市自然资源和规划局牵头，市住房和城乡建设局配合。"
Z4 = "责任分工：第1项由市体育局负责；第2、3项由市体育局牵头，市城市管理局、市财政局配合。"
Z5 = "责任分工：第1项由市教育局牵头，市体育局、市公安局配合；第2项由市体育局负责；第3项由市机关事务管理局牵头，市体育局配合。"
Z6 = "责任分工：第1项由市体育局负责；第2项由市体育局牵头，市大数据局配合。"
ROLES["heting-fitness-facilities"] = {
 "convention": ("Tasks are <ol>/<li> items (numbers 1. 2. 3. drawn by the browser, restarting in every （X） sub-clause); each sub-clause of 二 "
   "ends with one “责任分工：” paragraph that assigns the items by number, e.g. “第1、2项由市自然资源和规划局牵头，市体育局、"
   "市住房和城乡建设局配合；第3项由市住房和城乡建设局负责”. No document-level rule beyond these statements. Read: “由A牵头” → lead, "
   "“B配合” → co, “由A负责” / “由A、B、C按职责分工负责” (no lead named) → responsible. One entry per item; note = the whole 责任分工 "
   "paragraph, evidence = the part of it that assigns that item. 三、保障措施 has no notes (“各区县（市）人民政府是…责任主体” is prose, not a note)."),
 "clauses": [
  E("二(一)", "第1、2项由市自然资源和规划局牵头", Z1, item="1", lead=["市自然资源和规划局"], co=["市体育局", "市住房和城乡建设局"]),
  E("二(一)", "第1、2项由市自然资源和规划局牵头", Z1, item="2", lead=["市自然资源和规划局"], co=["市体育局", "市住房和城乡建设局"]),
  E("二(一)", "第3项由市住房和城乡建设局负责", Z1, item="3", responsible=["市住房和城乡建设局"]),
  E("二(二)", "第1、3项由市体育局牵头", Z2, item="1", lead=["市体育局"], co=["市自然资源和规划局", "市城市管理局"]),
  E("二(二)", "第2项由市城市管理局、市水利局、市林业局", Z2, item="2", responsible=["市城市管理局", "市水利局", "市林业局"]),
  E("二(二)", "第1、3项由市体育局牵头", Z2, item="3", lead=["市体育局"], co=["市自然资源和规划局", "市城市管理局"]),
  E("二(三)", "第1、2项由各区县（市）人民政府负责", Z3, item="1", responsible=["各区县（市）人民政府"], co=["市体育局"]),
  E("二(三)", "第1、2项由各区县（市）人民政府负责", Z3, item="2", responsible=["各区县（市）人民政府"], co=["市体育局"]),
  E("二(三)", "第3项由市自然资源和规划局牵头", Z3, item="3", lead=["市自然资源和规划局"], co=["市住房和城乡建设局"]),
  E("二(四)", "责任分工：第1项由市体育局负责；第2、3项", Z4, item="1", responsible=["市体育局"]),
  E("二(四)", "第2、3项由市体育局牵头", Z4, item="2", lead=["市体育局"], co=["市城市管理局", "市财政局"]),
  E("二(四)", "第2、3项由市体育局牵头", Z4, item="3", lead=["市体育局"], co=["市城市管理局", "市财政局"]),
  E("二(五)", "第1项由市教育局牵头", Z5, item="1", lead=["市教育局"], co=["市体育局", "市公安局"]),
  E("二(五)", "第2项由市体育局负责", Z5, item="2", responsible=["市体育局"]),
  E("二(五)", "第3项由市机关事务管理局牵头", Z5, item="3", lead=["市机关事务管理局"], co=["市体育局"]),
  E("二(六)", "第1项由市体育局负责；第2项由市体育局牵头", Z6, item="1", responsible=["市体育局"]),
  E("二(六)", "第2项由市体育局牵头，市大数据局配合", Z6, item="2", lead=["市体育局"], co=["市大数据局"]),
 ]}

def N(units, lead):
    return f"（{'、'.join(units)}按职责分工负责，{lead}为牵头单位）"
ROLES["linpu-foreign-trade"] = {
 "convention": ("Chapters 一、, numbered points 1. 2. directly under 二 (labels 二(1)…二(5)), and measures （1）（2）… inside each point, each ending "
   "with a bracketed note. No document-level rule is stated; each note states its own roles: “（A、B按职责分工负责，A为牵头单位）” → "
   "lead A, co the other listed units; “（A、B按职责分工负责）” without “为牵头单位” → responsible (both); “（A负责）” → responsible; "
   "“（各街道办事处、镇人民政府落实）” → implement. item = the （n） measure. Where the same note text occurs twice (“（区商务局、区财政局"
   "按职责分工负责，区商务局为牵头单位）”, “（区商务局负责）”) the evidence is the text ending at the note. 三、保障措施 has no notes."),
 "clauses": [
  E("二(1)", "（区商务局、区工业和信息化局按职责分工负责", N(["区商务局", "区工业和信息化局"], "区商务局"), item="(1)",
    lead=["区商务局"], co=["区工业和信息化局"]),
  E("二(1)", "给予一次性奖励5万元。", N(["区商务局", "区财政局"], "区商务局"), item="(2)", lead=["区商务局"], co=["区财政局"]),
  E("二(1)", "（各街道办事处、镇人民政府落实）", "（各街道办事处、镇人民政府落实）", item="(3)", implement=["各街道办事处", "镇人民政府"]),
  E("二(2)", "（临浦经济开发区管委会负责）", "（临浦经济开发区管委会负责）", item="(1)", responsible=["临浦经济开发区管委会"]),
  E("二(2)", "单个最高不超过100万元。", N(["区商务局", "区财政局"], "区商务局"), item="(2)", lead=["区商务局"], co=["区财政局"]),
  E("二(2)", "市场采购贸易出口额达到25亿元。", "（区商务局负责）", item="(3)", responsible=["区商务局"]),
  E("二(3)", "（区工业和信息化局、区商务局按职责分工负责", N(["区工业和信息化局", "区商务局"], "区工业和信息化局"), item="(1)",
    lead=["区工业和信息化局"], co=["区商务局"]),
  E("二(3)", "给予展位费70%的补助。", "（区商务局负责）", item="(2)", responsible=["区商务局"]),
  E("二(3)", "（区发展改革局、区商务局按职责分工负责）", "（区发展改革局、区商务局按职责分工负责）", item="(3)",
    responsible=["区发展改革局", "区商务局"]),
  E("二(4)", "（区金融服务中心、区商务局按职责分工负责", N(["区金融服务中心", "区商务局"], "区金融服务中心"), item="(1)",
    lead=["区金融服务中心"], co=["区商务局"]),
  E("二(4)", "（区金融服务中心负责）", "（区金融服务中心负责）", item="(2)", responsible=["区金融服务中心"]),
  E("二(4)", "（临浦海关负责）", "（临浦海关负责）", item="(3)", responsible=["临浦海关"]),
  E("二(4)", "（区税务局负责）", "（区税务局负责）", item="(4)", responsible=["区税务局"]),
  E("二(5)", "（区商务局、区人力资源社会保障局", N(["区商务局", "区人力资源社会保障局", "区发展改革局"], "区商务局"), item="(1)",
    lead=["区商务局"], co=["区人力资源社会保障局", "区发展改革局"]),
  E("二(5)", "（区交通运输局、区财政局按职责分工负责", N(["区交通运输局", "区财政局"], "区交通运输局"), item="(2)",
    lead=["区交通运输局"], co=["区财政局"]),
  E("二(5)", "（区商务局、区司法局按职责分工负责", N(["区商务局", "区司法局"], "区商务局"), item="(3)",
    lead=["区商务局"], co=["区司法局"]),
 ]}

os.makedirs(os.path.join(HERE, "roles"), exist_ok=True)
for pid, r in ROLES.items():
    with open(os.path.join(HERE, "roles", pid + ".json"), "w", encoding="utf-8") as f:
        json.dump({"plan": pid, **r}, f, ensure_ascii=False, indent=1)
    print(pid, len(r["clauses"]))
