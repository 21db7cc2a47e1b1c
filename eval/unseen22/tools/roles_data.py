"""Hand-entered responsibility entries (checked note by note against source/). Writes roles/<id>.json."""
import json, os
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def E(section, evidence, note, lead=(), co=(), responsible=(), implement=(), **extra):
    d = {"section": section, "evidence": evidence, "note": note, "lead": list(lead), "co": list(co),
         "responsible": list(responsible), "implement": list(implement)}
    d.update(extra); return d

ROLES = {}
# ------------------------------------------------------------------ liqiao
ROLES['liqiao-collective-economy-2024'] = {
 "plan": "liqiao-collective-economy-2024",
 "convention": "Rule stated in the 批复 (批复二), not in the plan: “括号内写明“牵头”的单位负责组织推进、协调调度和汇总报送，写明“参与”的单位按照职责分工配合落实；只列单位而未写明“牵头”“参与”的，由所列单位共同负责。为简明起见，括号内同属县直部门的单位采用合并写法，如“县财政、自然资源部门”即指县财政局、县自然资源局。各镇人民政府是本镇村级集体经济发展的责任主体，组织各村抓好落实，括号内不再逐一列出。” So 牵头 → lead, 参与 → co, unmarked lists → responsible; merged lists “县X、Y部门” are expanded to 县X局、县Y局 (as_written keeps the literal phrase); 各镇人民政府 → implement_by_rule for every note of 三.",
 "rule_location": "批复二",
 "implement_by_rule": ["各镇人民政府"],
 "clauses": [
  E("三(一)", "县农业农村局牵头，县财政、自然资源部门参与", "（县农业农村局牵头，县财政、自然资源部门参与）",
    lead=["县农业农村局"], co=["县财政局", "县自然资源局"], kind="note", as_written={"co": "县财政、自然资源部门"}),
  E("三(二)", "县农业农村局、县国资中心牵头，县住房城乡建设局参与", "（县农业农村局、县国资中心牵头，县住房城乡建设局参与）",
    lead=["县农业农村局", "县国资中心"], co=["县住房城乡建设局"], kind="note"),
  E("三(三)", "（县商务局、县工业园区管委会、县农业农村局）", "（县商务局、县工业园区管委会、县农业农村局）",
    responsible=["县商务局", "县工业园区管委会", "县农业农村局"], kind="note"),
  E("三(四)", "县自然资源局牵头，县农业农村、林业部门参与", "（县自然资源局牵头，县农业农村、林业部门参与）",
    lead=["县自然资源局"], co=["县农业农村局", "县林业局"], kind="note", as_written={"co": "县农业农村、林业部门"}),
  E("三(五)", "县财政局牵头，县农商银行、县金融服务中心参与", "（县财政局牵头，县农商银行、县金融服务中心参与）",
    lead=["县财政局"], co=["县农商银行", "县金融服务中心"], kind="note"),
  E("三(六)", "县农业农村局牵头，县审计、民政部门参与", "（县农业农村局牵头，县审计、民政部门参与）",
    lead=["县农业农村局"], co=["县审计局", "县民政局"], kind="note", as_written={"co": "县审计、民政部门"}),
  E("三(七)", "县农业农村局牵头，县财政、人力资源社会保障部门参与",
    "（县委组织部、县农业农村局牵头，县财政、人力资源社会保障部门参与）",
    lead=["县委组织部", "县农业农村局"], co=["县财政局", "县人力资源社会保障局"], kind="note",
    as_written={"co": "县财政、人力资源社会保障部门"}),
  E("批复三", "县财政局要将村级集体经济发展扶持资金", "三、县财政局要将村级集体经济发展扶持资金足额纳入年度预算；县审计局要加强对扶持资金使用情况的审计监督。",
    responsible=["县财政局"], kind="sentence", supervise=["县审计局"], task={"县财政局": "扶持资金纳入年度预算", "县审计局": "审计监督"}),
  E("批复四", "请你局会同县委组织部加强跟踪调度", "四、请你局会同县委组织部加强跟踪调度，每半年向县人民政府报送一次《方案》实施情况，重大问题及时请示报告。",
    lead=["县农业农村局"], co=["县委组织部"], kind="sentence", as_written={"lead": "你局"}),
  E("五(一)", "办公室设在县农业农村局", "成立栎桥县村级集体经济发展工作专班（以下简称县专班），由分管副县长任组长，办公室设在县农业农村局。",
    responsible=["县专班"], kind="sentence", host="县农业农村局", persons=["分管副县长"]),
 ]}
# ------------------------------------------------------------------ qutang
ROLES['qutang-offcampus-training-2025'] = {
 "plan": "qutang-offcampus-training-2025",
 "convention": "Rule stated in 二、职责分工, before the tasks: “各项任务后括号内注明的“主管部门”对该项任务负主要责任，负责组织推进并汇总工作进展；“协管部门”在各自职责范围内协同管理、参与联合执法。括号内未区分主管、协管的，由所列部门依职责分别负责。非学科类机构按照培训类别确定主管部门：体育类、文化艺术类由区文化旅游体育局主管，科技类由区科学技术局主管。各街道办事处、镇人民政府履行属地管理责任，负责辖区内校外培训机构日常巡查和隐患排查，下文不再逐项列出。” 主管部门 → lead, 协管部门 → co, unlabelled lists → responsible; 各街道办事处、镇人民政府 → implement_by_rule (日常巡查和隐患排查) for all of 三. ▲ marks a 2025 key task (key_task), not a role.",
 "rule_location": "二",
 "implement_by_rule": ["各街道办事处", "镇人民政府"],
 "clauses": [
  E("三(一)", "主管部门：区教育局；协管部门：区市场监管局、区行政审批服务局", "（主管部门：区教育局；协管部门：区市场监管局、区行政审批服务局）",
    lead=["区教育局"], co=["区市场监管局", "区行政审批服务局"], kind="note", key_task=True),
  E("三(二)", "主管部门：区文化旅游体育局、区科学技术局", "（主管部门：区文化旅游体育局、区科学技术局；协管部门：区教育局、区市场监管局）",
    lead=["区文化旅游体育局", "区科学技术局"], co=["区教育局", "区市场监管局"], kind="note", key_task=False,
    lead_by_category={"体育类、文化艺术类": "区文化旅游体育局", "科技类": "区科学技术局"}),
  E("三(三)", "协管部门：区金融工作服务中心、区市场监管局", "（主管部门：区教育局；协管部门：区金融工作服务中心、区市场监管局）",
    lead=["区教育局"], co=["区金融工作服务中心", "区市场监管局"], kind="note", key_task=True),
  E("三(四)", "协管部门：区人力资源和社会保障局", "（主管部门：区教育局；协管部门：区人力资源和社会保障局）",
    lead=["区教育局"], co=["区人力资源和社会保障局"], kind="note", key_task=False),
  E("三(五)", "主管部门：区教育局、区市场监管局", "（主管部门：区教育局、区市场监管局；协管部门：区公安分局、区文化旅游体育局）",
    lead=["区教育局", "区市场监管局"], co=["区公安分局", "区文化旅游体育局"], kind="note", key_task=True),
  E("三(六)", "（区消防救援大队、区公安分局、区市场监管局）", "（区消防救援大队、区公安分局、区市场监管局）",
    responsible=["区消防救援大队", "区公安分局", "区市场监管局"], kind="note", key_task=False),
  E("三(七)", "引导家长理性选择培训服务。（区委宣传部、区教育局）", "（区委宣传部、区教育局）",
    responsible=["区委宣传部", "区教育局"], kind="note", key_task=False),
  E("五(一)", "联席会议办公室设在区教育局", "建立蕖塘区校外培训治理工作联席会议制度（以下简称区联席会议），由分管副区长担任召集人，联席会议办公室设在区教育局，每季度至少召开一次会议。",
    responsible=["区联席会议"], kind="sentence", host="区教育局", persons=["分管副区长"]),
  E("五(三)", "由区政府督查室会同区教育局进行约谈", "对工作推进不力、问题突出的，由区政府督查室会同区教育局进行约谈。",
    lead=["区政府督查室"], co=["区教育局"], kind="sentence", task="约谈"),
 ]}
# ------------------------------------------------------------------ tanyu
ROLES['tanyu-grain-reserve-storage-2025'] = {
 "plan": "tanyu-grain-reserve-storage-2025",
 "convention": "No reading rule is stated. Each task card has a 责任分工 row in which every unit carries its own role tag: “A（牵头）、B（配合）、C（实施）”, once “（监督）”. Read literally: （牵头） → lead, （配合） → co, （实施） → implement, （监督） → extra key supervise. Short names are those defined in 序言 (县发改局, 县粮购公司, 县国储库, 农发行檀屿县支行) and are kept as written. The 二(四) sentence “由县发改局商县财政局、农发行檀屿县支行后提出” is an extra consult entry: the proposing unit → responsible, the consulted units → extra key consult.",
 "rule_location": None,
 "clauses": [
  E("二(一)", "县发改局（牵头）、县财政局（配合）、县粮购公司（实施）", "责任分工\t县发改局（牵头）、县财政局（配合）、县粮购公司（实施）",
    lead=["县发改局"], co=["县财政局"], implement=["县粮购公司"], kind="card", deadline="2025年9月底前"),
  E("二(二)", "县自然资源局（配合）、县国储库（实施）", "责任分工\t县发改局（牵头）、县财政局（配合）、县自然资源局（配合）、县国储库（实施）、县粮购公司（实施）",
    lead=["县发改局"], co=["县财政局", "县自然资源局"], implement=["县国储库", "县粮购公司"], kind="card", deadline="2026年底前"),
  E("二(三)", "县国储库（实施）、县发改局（监督）", "责任分工\t县粮购公司（实施）、县国储库（实施）、县发改局（监督）",
    implement=["县粮购公司", "县国储库"], kind="card", supervise=["县发改局"], deadline="长期坚持"),
  E("二(四)", "农发行檀屿县支行（配合）、县粮购公司（实施）", "责任分工\t县发改局（牵头）、县财政局（配合）、农发行檀屿县支行（配合）、县粮购公司（实施）",
    lead=["县发改局"], co=["县财政局", "农发行檀屿县支行"], implement=["县粮购公司"], kind="card", deadline="每年3月底前下达年度轮换计划"),
  E("二(四)", "由县发改局商县财政局、农发行檀屿县支行后提出", "年度轮换计划由县发改局商县财政局、农发行檀屿县支行后提出，报县人民政府批准后执行。",
    responsible=["县发改局"], kind="sentence", consult=["县财政局", "农发行檀屿县支行"], approve=["县人民政府"], task="年度轮换计划"),
  E("二(五)", "县市场监管局（配合）、县粮油质量检验站（实施）", "责任分工\t县发改局（牵头）、县市场监管局（配合）、县粮油质量检验站（实施）",
    lead=["县发改局"], co=["县市场监管局"], implement=["县粮油质量检验站"], kind="card", deadline="2025年底前"),
  E("二(六)", "县应急管理局（牵头）、县消防救援大队（配合）", "责任分工\t县应急管理局（牵头）、县消防救援大队（配合）、县发改局（配合）、县粮购公司（实施）、县国储库（实施）",
    lead=["县应急管理局"], co=["县消防救援大队", "县发改局"], implement=["县粮购公司", "县国储库"], kind="card", deadline="长期坚持"),
  E("二(七)", "县数据资源局（配合）、县粮购公司（实施）", "责任分工\t县发改局（牵头）、县数据资源局（配合）、县粮购公司（实施）",
    lead=["县发改局"], co=["县数据资源局"], implement=["县粮购公司"], kind="card", deadline="2025年12月31日前"),
  E("三(三)", "县发改局会同县财政局对各库点进行验收评估", "县发改局会同县财政局对各库点进行验收评估，形成评估报告报县人民政府。",
    lead=["县发改局"], co=["县财政局"], kind="sentence", task="验收评估"),
  E("四(一)", "联席会议办公室设在县发改局", "建立县储备粮管理联席会议制度，由分管副县长召集，县发改局、县财政局、县市场监管局、县应急管理局、农发行檀屿县支行为成员单位，联席会议办公室设在县发改局。",
    kind="sentence", host="县发改局", members=["县发改局", "县财政局", "县市场监管局", "县应急管理局", "农发行檀屿县支行"], persons=["分管副县长"]),
  E("四(二)", "县财政局负责按每吨每年90元的标准", "县财政局负责按每吨每年90元的标准足额拨付储备粮保管费用补贴",
    responsible=["县财政局"], kind="sentence", deadline="每年3月底前拨付上年度费用"),
  E("四(三)", "承储企业对县储备粮储存安全负主体责任", "承储企业对县储备粮储存安全负主体责任，企业法定代表人为第一责任人。",
    kind="sentence", primary=["承储企业"], persons=["企业法定代表人"]),
  E("四(四)", "县审计局对储备粮财务收支开展专项审计", "县发改局每年对承储企业开展不少于2次全面检查，县审计局对储备粮财务收支开展专项审计",
    responsible=["县发改局", "县审计局"], kind="sentence", split={"县发改局": "全面检查（每年不少于2次）", "县审计局": "财务收支专项审计"}),
 ]}

if __name__ == '__main__':
    os.makedirs(os.path.join(HERE, 'roles'), exist_ok=True)
    for pid, d in ROLES.items():
        json.dump(d, open(os.path.join(HERE, 'roles', pid + '.json'), 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
    print('roles written', {k: len(v['clauses']) for k, v in ROLES.items()})
