# Builds README.md: hand-written prose + tables filled from qa-v23-all.jsonl (ids looked up by question text).
import json, collections, sys
sys.path.insert(0, "/tmp/qa23")
import check
rows = [json.loads(l) for l in open("/tmp/qa23/qa-v23-all.jsonl", encoding="utf-8")]
byq = {}
def rid(prefix):
    m = [r for r in rows if r["question"].startswith(prefix)]
    assert len(m) == 1, (prefix, len(m))
    return m[0]["id"]
short = {'laiwu-14th-fyp-energy-saving-plan': 'laiwu', 'sc-2018-agricultural-mechanization': 'agri',
         'sc-2018-consumption-poverty-alleviation': 'consump', 'sc-2018-free-trade-zones': 'ftz',
         'sc-2018-inspection-incentives': 'inspect', 'sc-2018-zero-waste-cities': 'zerowaste',
         'sc-2019-comprehensive-bonded-zones': 'bonded', 'sc-2019-vocational-education-reform': 'voc', '': '(none)'}
plans = list(dict.fromkeys(r["plan"] for r in rows))
STY = ["colloquial","indirect","abbreviation","synonym","typo","traditional","english","number_form","false_premise","deadline","overview","definition","count","unit_tasks","role_check","followup","unanswerable"]
TYP = ["target","lead","co","responsible","measures","deadline","no_deadline","unit_tasks","count","role_check","overview","definition","meta","unanswerable"]
def table(key, vals):
    out = ["| " + key + " | " + " | ".join(short[p] for p in plans) + " | total |", "|" + "---|" * (len(plans) + 2)]
    for v in vals:
        c = [sum(1 for r in rows if r["plan"] == p and r[key] == v) for p in plans]
        out.append(f"| {v} | " + " | ".join(str(x) for x in c) + f" | {sum(c)} |")
    c = [sum(1 for r in rows if r["plan"] == p) for p in plans]
    out.append("| **all** | " + " | ".join(str(x) for x in c) + f" | {sum(c)} |")
    return "\n".join(out)

# ---- expected role answers (hand-written, under each document's own convention)
ROLE = [
 # Laiwu
 ("街道办和镇政府在这个方案里", "三(一) rule “以下均需各街道（镇）办事处（人民政府）落实，不再逐一列出” → implement every noted clause from 三(一) on; 六(一) also tells them to 加强组织领导"),
 ("这项有哪些部门按职责配合", "s1 → 三(三): lead 区住房城乡建设局; co 区发展改革局、区自然资源局、区交通运输局、区水务局、区城市规划协调服务中心、市生态环境局莱芜分局"),
 ("区住房城乡建设局牵头的有哪几项", "lead in 三(三) (sole), 三(十) (with 区水务局), 五(三) (with 3 others, 牵头负责)"),
 ("交通物流节能减排那一条是区发改局", "premise wrong: 三(四) lead 区交通运输局; 区发展改革局 is co"),
 ("那这项由谁牵头", "s2 → 三(五): lead 区农业农村局"),
 ("公共機構能效提升", "三(六): lead 区机关事务服务中心; co 区发展改革局、区水务局"),
 ("VOCs综合治理这块", "三(九): lead 市生态环境局莱芜分局; co 区工业和信息化局、区住房城乡建设局、区交通运输局"),
 ("Which units lead the task of upgrading", "三(十): lead 区住房城乡建设局、区水务局"),
 ("这项哪些单位按职责分工负责", "s3 → 三(十): co 区发展改革局、区城管局、市生态环境局莱芜分局"),
 ("优化能耗双控制度这一条", "yes: 四(一) lead 区发展改革局, co 区统计局"),
 ("遏制“两高”项目盲目发展，区行政审批", "no: 四(三) lead 区发展改革局; 区行政审批服务局 is co"),
 ("财政涉企资金", "五(二): lead 区发展改革局、区财政局"),
 ("人民银行莱芜分行在方案里", "五(三) 用好金融价格政策工具: one of four leads (牵头负责)"),
 ("科技局在节能减排方案里", "五(四) 推动节能减排科技创新: 区科技局牵头负责 (sole lead)"),
 ("提高统记监测水平", "五(六): lead 区发展改革局、区统计局、市生态环境局莱芜分局"),
 ("区委编办在这个方案里", "co in 五(七) 壮大节能减排执法队伍 (leads 区发展改革局、市生态环境局莱芜分局)"),
 ("考核奖惩这一条是区委组织部", "premise wrong: 六(二) lead 区发展改革局、市生态环境局莱芜分局; 区委组织部 is co"),
 ("Who leads the 'encourage public participation'", "六(三) names no lead: 区委宣传部、区发展改革局、区自然资源局、区住房城乡建设局、区规划协调服务中心、市生态环境局莱芜分局 are all responsible (按职责分工负责)"),
 ("倡导全民参与这条是不是区委宣传部", "no lead is named in 六(三); the six units are responsible; 区委宣传部 is only listed first"),
 # Agri
 ("这份农机文件括号里一列好几个部门", "二(三) rule: 列第一位者为牵头单位，下同"),
 ("农机全产业链协同发展这块是工信部", "yes: 二(四) lead 工业和信息化部; co 发展改革委、科技部、农业农村部、商务部"),
 ("优化农机装备产业结构布局那条", "二(五): 国际发展合作署 is co; lead 工业和信息化部 (first listed)"),
 ("农机质量可靠性建设这条", "yes: 二(六) lead 市场监管总局 (first listed); co 工业和信息化部、发展改革委、农业农村部"),
 ("“互联网+农机作业”这条是国资委", "premise wrong: 四(十) lead 农业农村部; 国资委 is co"),
 ("Under the farm machinery guideline", "五(十二): lead 农业农村部; co 财政部、人民银行、税务总局、银保监会"),
 ("教育部在农机化意见里", "七(十六) 健全新型农业工程人才培养体系: lead 教育部"),
 ("国家农业机械化发展协调推进机制", "八(十八) “牵头负责”: both 农业农村部、工业和信息化部 lead"),
 ("推进农机化，地方政府层面", "s4 → 八(十九): 各省级人民政府 (only unit → lead by the rule)"),
 # Consumption
 ("机关和国有企事业单位带头参与消费扶贫", "no lead is named (no rule in this document): 扶贫办 … 全国总工会 and 各省级人民政府 are responsible"),
 ("东西部消费扶贫写作机制", "二(二): responsible 扶贫办、发展改革委、人力资源社会保障部、商务部、各有关省级人民政府"),
 ("消费扶贫意见规定括号里排第一", "premise wrong: the document states no first-listed rule; 三(四) responsible 商务部、发展改革委、农业农村部、各有关省级人民政府, no lead"),
 ("Who is responsible for expanding sales channels", "三(五): responsible 商务部 … 供销合作总社 (10 departments) and 各有关省级人民政府; no lead"),
 ("邮政局在消费扶贫意见里", "三(六) 加快流通服务网点建设 (responsible, with 商务部、发展改革委、交通运输部、供销合作总社、各有关省级人民政府)"),
 ("这条谁负责？", "s5 → 四(七): responsible 农业农村部、科技部、市场监管总局、各有关省级人民政府"),
 ("打造區域性特色農產品品牌", "四(九): responsible 中央宣传部、农业农村部、商务部、发展改革委、人民银行、市场监管总局、各有关省级人民政府"),
 ("广电总局在消费扶贫里", "五(十三) 加强宣传推介 (responsible)"),
 ("保障措施里写了发改委等部门", "no lead: 六(十四) prose gives 统筹协调 to a group of seven departments; the note makes them and 各省级人民政府 responsible"),
 # FTZ
 ("浙江自贸区石油储备模式那条", "no lead (负责部门 only): 发展改革委、粮食和储备局 responsible; scope 浙江自贸试验区"),
 ("自贸区汽车平行进口保税仓储业务是商务部", "premise wrong: 二(二十五) 负责部门 海关总署 (商务部 is 负责部门 of 二(十九) 汽车平行进口试点)"),
 ("药监局在自贸区这份通知里", "二(二十八) 化妆品备案 (all FTZs); 二(三十四) 首次进口药品和生物制品口岸 (重庆, with 海关总署); 二(三十五) 第一类医疗器械备案权限 (福建)"),
 ("鄭州機場利用第五航權", "二(三十): 负责部门 民航局; scope 河南自贸试验区"),
 ("平潭人民币和新台币直接清算", "yes: 三(四十四) 负责部门 人民银行、外汇局 (responsible, no lead); scope 福建"),
 ("负责部门呢？", "s6 → 三(四十五): 人民银行(等部门); scope 浙江"),
 ("外国留学声勤工助学", "四(五十): 负责部门 教育部"),
 ("国务院自由贸易试验区工作部际联席会议办公室在落实中", "五 (prose): 发挥统筹协调作用, 差别化指导, 加强督促检查, 复制推广"),
 # Inspection
 ("高标准农田建设激励是不是农业农村部", "十: plain “（农业农村部负责）”, no lead rule → 农业农村部 responsible; no lead named"),
 ("科技部负责哪几项督查激励", "十二 (alone) and 十三 (with 财政部)"),
 ("银保监会、证监会在督查激励里", "八 金融风险/金融生态: responsible 人民银行、银保监会、证监会"),
 ("战略性新兴产业集群那项激励", "十六 “国家发展改革委会同有关部门负责” → lead 国家发展改革委"),
 ("资源枯竭城市那项", "十八 “国家发展改革委、财政部会同有关部门负责” → both lead"),
 ("Which departments are responsible for the incentive on shantytown", "二十四: responsible 住房城乡建设部、国家发展改革委、财政部"),
 ("由谁负责？有牵头单位吗？", "s7 → 二十九: 农业农村部、财政部 responsible; no lead named"),
 ("省里的督查激励工作机制由谁挑头", "closing paragraph (三十): 省级政府办公厅牵头、省级有关部门参与"),
 # Zero waste
 ("“无废城市”指标体系那项是谁牵头", "二(一) first note: lead 生态环境部; 参与 (co) 国家发展改革委、工业和信息化部、住房城乡建设部、农业农村部、国家统计局"),
 ("方案里这么多“指导”", "二(一) rule “以下均需试点城市政府落实，不再列出” → 试点城市政府 implement; ministries only 指导 (guide)"),
 ("大宗工业固废综合利用标准体系", "二(二) the only “负责” note: 市场监管总局、工业和信息化部 responsible"),
 ("这项是哪些部门指导的", "s8 → 二(三): guide 生态环境部、农业农村部、财政部; 试点城市政府 implement"),
 ("国管局在“无废城市”方案里", "guide in three notes: 二(四) ×2 (绿色服务/无纸化, 绿色餐厅/光盘行动), 二(六) ×1 (绿色建材/综合利用产品)"),
 ("危险废物电子转移联单这条", "no: note is “生态环境部、交通运输部指导” — guide, no lead; 试点城市政府 implement"),
 ("“互联网+”回收那块", "二(六): 商务部指导 (guide), 供销合作总社参与 (co)"),
 ("试点城市最后由谁拍板", "三(一) prose: 省级有关部门推荐, 生态环境部会同 … 筛选确定 → 生态环境部 lead (A in A会同B)"),
 # Bonded
 ("综保区文件里每项后面列了好几个部门", "item 1 rule: 排在第一位的部门为牵头部门，下同"),
 ("在综保区推广增值税一般纳税人资格试点", "item 1: lead 税务总局; co 财政部、海关总署"),
 ("药监局在综保区意见里", "item 9 支持医疗设备研发: lead 药监局; co 海关总署"),
 ("发改委在综保区意见里", "item 7 建设创新高地, item 12 试行汽车保税存储"),
 ("汽车宝税存储", "item 12: lead 发展改革委; co 海关总署"),
 ("促進文物回流", "item 13: lead 海关总署; co 文化和旅游部、文物局"),
 ("开展检测维修那项", "premise wrong: item 14 lead 商务部; 生态环境部 is co (with 工业和信息化部、海关总署)"),
 ("综保区跨境电商那项", "item 18: lead 商务部; co 海关总署 (等有关部门 not a unit)"),
 ("谁牵头？", "s9 → item 20: lead 海关总署"),
 ("配合单位呢？", "s9 → item 20: co 证监会"),
 ("Which department leads the overall work", "五 prose: 海关总署要继续做好牵头工作"),
 ("省级人民政府在综保区建设里", "五 prose: 申请设立、规划建设和运行管理主体, 落实主体责任"),
 # Vocational
 ("院校外的职业技能等级证书", "二(六) prose: 院校外 → 国务院人力资源社会保障行政部门; 院校内 → 教育行政部门 (技工院校内 → 人社)"),
 ("职教改革方案里每项任务后面有没有标", "no bracketed notes in this plan; roles are in prose, e.g. 七(二十) 国务院教育行政部门负责统筹规划、综合协调、宏观管理"),
 ("召集人是谁？", "s10 → 七(二十): 国务院分管教育工作的副总理"),
]
role_lines = ["| id | question (start) | expected role answer |", "|---|---|---|"]
for pre, ans in ROLE:
    i = rid(pre)
    q = [r for r in rows if r["id"] == i][0]["question"]
    role_lines.append(f"| {i} | {q[:34].replace('|','/')}{'…' if len(q) > 34 else ''} | {ans} |")
ROLE_TABLE = "\n".join(role_lines)

COUNT = [
 ("区发改局在整个方案里一共牵头", "14", "roles/laiwu…json: `lead` contains 区发展改革局 in 14 of the 24 notes (三(一)(二)(七), 四(一)(三), 五(一)(二)(三)(五)(六)(七)(八), 六(一)(二)); its co (5) and 六(三) responsible (1) are not counted."),
 ("市生态环境局莱芜分局作为牵头单位", "12", "`lead` contains exactly “市生态环境局莱芜分局” in 12 notes (三(一)(二)(八)(九), 四(二), 五(一)(五)(六)(七)(八), 六(一)(二)). The typo form 市生态环境局菜芜分局 (三(四)) is co anyway."),
 ("“健全节能减排法规标准”这一条写了几个", "6", "五(一) note: six units before 牵头 (区发展改革局、区工业和信息化局、区司法局、区水务局、区市场监管局、市生态环境局莱芜分局)."),
 ("农业农村部在这份农机意见里当牵头单位", "12", "first-listed rule: 农业农村部 is first in 三(七)(八), 四(九)(十)(十一), 五(十二)(十三), 六(十四)(十五), 七(十七), 八(二十) = 11, plus the joint 牵头负责 of 八(十八) = 12."),
 ("农业农村部出现在多少条措施的负责单位", "14", "consumption table: 农业农村部 in `responsible` of 14 of the 17 notes (all except 二(一), 二(二), 三(六))."),
 ("How many of the FTZ measures apply only", "5", "`scope` = 福建自贸试验区 for （二十九）（三十五）（四十四）（四十六）（四十七）."),
 ("53条措施中，标明只适用于特定自贸试验区", "14", "53 measures minus 39 whose scope is 所有自贸试验区 (the default by the rule in （一）) = 14: 浙江 2, 福建 5, 陕西 2, 重庆 2, 河南 1, 广东 1, 上海 1."),
 ("海关总署作为负责部门出现在几条", "9", "海关总署 in 负责部门 of （十七）（二十二）（二十三）（二十四）（二十五）（二十六）（二十七）（二十九）（三十四）."),
 ("调整后的督查激励措施比2016年那版", "6", "序言: 24项 → 30项, so 30 − 24 = 6."),
 ("国家发展改革委涉及的督查激励措施", "10", "responsible in 三、四、七、十四、二十三、二十四、二十六 (7) + lead (会同) in 十六、十七、十八 (3) = 10."),
 ("生态环境部作为指导单位出现在多少个括注", "21", "zero-waste table: `guide` contains 生态环境部 in 21 of the 39 notes (the 牵头 note of 二(一) is not a 指导 note)."),
 ("基本原则列了几条", "4", "text: 二、基本原则 has （一）–（四）."),
 ("海关总署在21项任务里牵头", "12", "first-listed rule: 海关总署 first in items 2,3,5,6,10,11,13,16,17,19,20,21."),
 ("21项任务里有没有海关总署不参与", "21", "海关总署 is lead in 12 items and co in the other 9 (1,4,7,8,9,12,14,15,18) → it appears in all 21."),
]
count_lines = ["| id | question (start) | answer | how it was worked out |", "|---|---|---|---|"]
for pre, n, how in COUNT:
    i = rid(pre)
    q = [r for r in rows if r["id"] == i][0]["question"]
    count_lines.append(f"| {i} | {q[:30]}{'…' if len(q) > 30 else ''} | {n} | {how} |")
COUNT_TABLE = "\n".join(count_lines)

def ids(pred):
    return ", ".join(r["id"] for r in rows if pred(r))

st = collections.Counter(r["style"] for r in rows); ty = collections.Counter(r["type"] for r in rows)
n = len(rows); nl = sum(1 for r in rows if r["plan"].startswith("laiwu"))
sessions = sorted({r["session"] for r in rows if "session" in r}, key=lambda s: int(s[1:]))
cov = []
for p in plans:
    if not p: continue
    _, secs = check.parse(p)
    subs = [s for s in secs if len(secs[s]) > 30]
    c = set(s for r in rows if r["plan"] == p for s in r["sections"])
    cov.append(f"| {short[p]} | {sum(1 for s in subs if s in c)}/{len(subs)} |")

README = f"""# qa-v23 — datasheet

`qa-v23-all.jsonl`: **{n} questions** (v23-001 … v23-{n:03d}) for the Chinese plan Q&A assistant, written blind
(no project code, nothing under /work read; only the Python interpreter /work/main/.venv/bin/python was run).
`python check.py` reports **0 problems**.

## What was read

- All eight plans in `plans/`, each in full: the Laiwu district plan (《莱芜区“十四五”节能减排工作实施方案》) and the seven
  State Council documents (agricultural mechanization 国发〔2018〕42号, consumption poverty alleviation 国办发〔2018〕129号,
  free-trade zones 国发〔2018〕38号, inspection incentives 国办发〔2018〕117号, zero-waste cities 试点工作方案, comprehensive
  bonded zones 国发〔2019〕3号, vocational education reform 实施方案), plus `plans/SOURCES.md`.
- `roles/FORMAT.md` and all seven role tables (`convention` + every note); the vocational plan has no table (no notes).
- `FORMAT-QA.md` and `check.py` (section labelling, field order, verbatim checks).

## How it was written

1. Each plan was read end to end and clause-by-clause notes were taken of figures, years, units, definitions and roles.
2. Questions were written by hand as literal strings in `scratch/gen.py` (one `Q(...)` / `U(...)` call per question;
   `scratch/gen_lib.py` only serialises them, numbers the ids and lints). Nothing is generated from templates: the
   phrasing is the one an official (or an English-speaking visitor) would type — colloquial (咱们区/归谁管/挑头),
   indirect (想了解一下…), abbreviations (发改局/发改委, 工信部, 市监总局, 人社部门, 央行/外管局, 供销总社, 国资委, VOCs, 固废,
   综保区, 自贸区), synonyms (处置→处理, 牵头→挑头, 电商→网购平台), plausible wrong characters (园去, 防空, 统记, 无人基,
   写作, 留学声, 综和, 有好型, 宝税, 银航), traditional characters, English, numbers in another unit/form (吨→公斤, 公里→米,
   万千瓦, 几成, 百分之几, 微米 vs 0.01毫米, 一万二 vs 12000元, 30−24 项), and false premises that the answer must correct.
3. `must_include` strings are short (the figure, the unit name, the year); `evidence` strings are 8–30 characters copied
   from the text of the listed section (Laiwu's half-width punctuation, full-width brackets and the typo 菜芜 kept).
   The lint in `gen_lib.py` additionally requires every evidence string to occur **exactly once** in its plan, so it
   pins the clause (e.g. repeated notes such as “（生态环境部指导）” are always quoted with the preceding words).
4. Role answers were taken from the role tables and re-checked against the note in the text; counts were worked out
   from the tables and the text (see below). `python check.py` was run until it reported 0 problems.

## Role conventions and the answers they imply

| plan | convention (from `roles/*.json` + text) | “谁牵头?” | “是不是X牵头?” when X is merely listed |
|---|---|---|---|
| laiwu | note `(A、B牵头,C、D等按职责分工负责)` / `(A牵头负责)`; 六(三) has no 牵头; 三(一) rule: 各街道（镇）办事处（人民政府） implement all later clauses | units before 牵头 (lead); units before 等按职责分工负责 are co | 六(三): no lead is named, the six units are responsible |
| agri | `（A、B、C等负责。列第一位者为牵头单位，下同）`; 八(十八) `牵头负责` | first-listed unit (八(十八): both) | the others are co |
| consump | plain `（A、B等和各（有关）省级人民政府负责）`, no rule | no lead is named | “no lead is named; these units (incl. 各（有关）省级人民政府) are responsible” |
| ftz | `（负责部门：…；适用范围：…）`, no rule; scope default 所有自贸试验区 | no lead; 负责部门 are responsible; scope given | no lead is named |
| inspect | plain `（A、B负责）` → responsible; `A会同有关部门负责` → A lead (十六、十七、十八、二十) | only the 会同 items have a lead | plain items: no lead named |
| zerowaste | `牵头/参与` once (二(一) 指标体系), usual `指导` (guide), one `负责` (二(二)), rule 试点城市政府 implement | only 二(一) first note: 生态环境部; 三(一) 生态环境部会同… | 指导 notes name no lead (guide only) |
| bonded | `排在第一位的部门为牵头部门，下同` | first-listed department; 五: 海关总署 overall 牵头工作 | the others are co |
| voc | no notes; prose only (七(二十) 教育行政部门统筹, 二(六) 人社/教育 split) | answer from prose | — |

### Expected role answers for the role questions in the set

{ROLE_TABLE}

## How the counts were worked out

Every `count` question is answered from the role tables (checked against the notes) or from the numbering of the text:

{COUNT_TABLE}

## Counts

Questions by style and plan:

{table('style', STY)}

Questions by type and plan:

{table('type', TYP)}

Sub-clause coverage (sections with real text that at least one question cites):

| plan | covered |
|---|---|
{chr(10).join(cov)}

(The free-trade-zone notice has 53 one-sentence measures and the inspection notice 30 — more than ~27 questions can
cover one by one; the set samples every chapter of both, and the count questions run over all measures, the 适用范围
scope notes, the closing 组织实施 paragraphs and the page metadata.)

## Quotas

| quota | required | in the set |
|---|---|---|
| all 17 styles used | 17 | {len(st)} |
| unanswerable (type) | ≥ 30 | {ty['unanswerable']} |
| English questions (style english) | ≥ 25 | {st['english']} |
| false premises (style false_premise; corrected in the answer) | ≥ 15 | {st['false_premise']} |
| deadline + no_deadline (type) | ≥ 20 | {ty['deadline']} + {ty['no_deadline']} = {ty['deadline'] + ty['no_deadline']} |
| follow-up sessions (2–3 turns) | ≥ 8 | {len(sessions)} ({', '.join(sessions)}; {st['followup']} turns) |
| Laiwu share | about ¼ | {nl}/{n} = {nl / n:.1%} |
| other seven plans | even | {', '.join(f"{short[p]} {sum(1 for r in rows if r['plan'] == p)}" for p in plans if p and not p.startswith('laiwu'))} |
| documents not in the library (plan "") | 2–3 | {sum(1 for r in rows if r['plan'] == '')} |

## Unanswerable questions ({ty['unanswerable']})

All keep their plan id (except the three about other documents) and sound like something the plan could say:

- **a figure the plan lacks** — Laiwu carbon-emission cap, SO₂ reduction, PM2.5 target, coal-consumption cut, the
  percentage cut for 溶剂型工业涂料 (the plan only says 完成市下达的下降目标任务); 农机购置补贴 budget, 2030 农机总动力, 报废更新
  per-machine subsidy; 消费扶贫 purchase volume, income-tax deduction rate; FTZ negative-list length, foreign-ownership cap
  for 人才中介; reward money per province; central subsidy per zero-waste city, 生活垃圾回收利用率; bonded-zone trade volume
  and number cap; number of 本科层次职业教育 pilot schools, share of education spending, 1+X certificate holders.
- **a list / term the plan names but never spells out** — the “五个替代” of 四(三).
- **a unit that has no task** — 区教育局 (Laiwu).
- **a year or place the plan does not cover** — 海南自贸试验区 (not in the notice), 高职扩招100万 (not in this plan),
  2019 reward list, first zero-waste pilot list, first bonded zones of the VAT pilot.
- **a topic absent from the plan** — 安全生产 incentive, 消费扶贫示范城市.
- **documents not in the library** (plan ""): {ids(lambda r: r['plan'] == '')} — the Jinan city plan (only cited by the
  Laiwu plan), the 2030 carbon-peaking action plan, the Shandong provincial plan.

Ids: {ids(lambda r: r['type'] == 'unanswerable')}.

## False premises ({st['false_premise']})

The answer must correct the premise and cite the clause: **wrong figure** (能耗下降18% → 20.8%; 公交八成 → 100%;
花生收获65% → 55%; 地膜回收90% → 80%; 专利代理股东三分之一 → 五分之一; 顶岗实习一年 → 6个月), **wrong period** (直通车三年 → 两年之内),
**wrong lead** (交通物流 区发改局 → 区交通运输局; 考核奖惩 区委组织部 → co; 互联网+农机作业 国资委 → co; 检测维修 生态环境部 → co;
平行进口保税仓储 商务部 → 海关总署), **wrong convention** (消费扶贫 “排第一即牵头” — no such rule), **missed exception or
qualifier** (公务用车 — 除特殊工作要求外; 信用等级 较高 → 最高; 中职拨款 不能高于 → 可适当高于), **wrong definition**
(“无废城市”不产生固废 → 并不是没有固体废物产生). Ids: {ids(lambda r: r['style'] == 'false_premise')}.

## Notes for graders

- `no_deadline` items ({ids(lambda r: r['type'] == 'no_deadline')}) expect “the plan sets no date” plus what it does say
  (动态管理, 按时安装, 逐步实现, 适时, 探索建立 …); `must_include` is empty by format.
- Follow-up turns (`session` s1–s10) are only answerable with the first turn of the same session in context.
- `count` answers are the number only (not verbatim); their `evidence` quotes representative notes and `sections` lists
  every counted clause.
- English questions expect the Chinese quote in the answer (`must_include` is verbatim Chinese).
"""
open("/tmp/qa23/README.md", "w", encoding="utf-8").write(README)
print("README written", len(README))
