import json,re
R='/work/unseen-author-8/roles/'
S='/work/unseen-author-8/source/'
def E(**k):
    d={'section':k.pop('section')}
    if 'item' in k: d['item']=k.pop('item')
    d['evidence']=k.pop('evidence'); d['note']=k.pop('note')
    for key in ('lead','co','responsible'): d[key]=k.pop(key,[])
    for key in ('guide','supervise','support'):
        if key in k: d[key]=k.pop(key)
    d['implement']=k.pop('implement',[])
    for key in ('deadline','persons'):
        if key in k: d[key]=k.pop(key)
    assert not k,k
    return d
# ---------- plan 1: lanxi (docx) ----------
src=open(S+'lanxi-2026-rural-sewage.txt').read().split('\n')
cl=[]
for l in src:
    m=re.match(r'^（([一二三四五六七八])）(.+?)：',l)
    if m and src.index(l)>src.index('四、责任分工'):
        unit=m.group(2)
        ev=l[:min(len(l),22)]
        cl.append(E(section='四(%s)'%m.group(1),evidence=ev,note=l,lead=[unit]))
json.dump({'plan':'lanxi-2026-rural-sewage',
 'convention':'Closing chapter 四、责任分工 lists duties keyed by unit (“（一）县生态环境局：…”). Rule stated at the head of that chapter: “列入某一单位名下的事项，由该单位牵头落实，其他相关单位按职责积极配合，不再逐项注明。” → the keyed unit is lead for everything in its paragraph; co-operating units are not named, so co is empty. One entry per unit paragraph; note = the whole paragraph.',
 'clauses':cl},open(R+'lanxi-2026-rural-sewage.json','w'),ensure_ascii=False,indent=1)
# ---------- plan 2: luchuan (html) ----------
src=open(S+'luchuan-2026-embedded-elderly-care.txt').read()
def note_of(sec_line_start):
    line=[l for l in src.split('\n') if l.startswith(sec_line_start)][0]
    m=re.search(r'（[^（）]*(负责|牵头)[^（）]*）',line[::-1][::-1])
    notes=re.findall(r'（[^（）]*(?:负责|牵头)[^（）]*）',line)
    return notes[-1]
P=[('二(一)','（一）科学布局',dict(lead=['市民政局'],co=['市自然资源和规划局','市住房和城乡建设局'],implement=['各区人民政府'],deadline='2026年6月底前完成专项规划备案')),
 ('二(二)','（二）推进综合体建设',dict(lead=['市民政局'],co=['市发展和改革委员会','市消防救援支队'],implement=['各区人民政府'])),
 ('二(三)','（三）扩大老年助餐',dict(lead=['市民政局'],co=['市商务局','市市场监督管理局'],support=['市财政局'],implement=['各区人民政府'],deadline='2026年底前助餐点达到260个')),
 ('二(四)','（四）深化医养康养',dict(lead=['市卫生健康委'],co=['市医疗保障局'],persons=['分管副市长'])),
 ('二(五)','（五）发展上门照护',dict(lead=['各区人民政府'],guide=['市民政局'])),
 ('二(六)','（六）加强人才队伍',dict(lead=['市人力资源和社会保障局'],co=['市民政局','市财政局'],support=['市总工会'])),
 ('二(七)','（七）推进智慧养老',dict(lead=['市大数据中心'],co=['市民政局'],deadline='2027年6月底前实现全市综合体服务数据实时接入市养老平台')),
 ('二(八)','（八）培育多元运营',dict(lead=['市民政局'],co=['市国有资产监督管理委员会'],support=['鹭川康养集团有限公司'],implement=['各区人民政府'])),
 ('二(九)','（九）建设家庭养老床位',dict(lead=['市民政局'],co=['市残疾人联合会'],implement=['各区人民政府'],deadline='每年11月底前完成当年新增任务')),
]
cl=[]
for sec,start,roles in P:
    n=note_of(start)
    ev=n[:min(len(n),24)]
    if len(ev)<8: ev=n
    cl.append(E(section=sec,evidence=ev,note=n,**roles))
for sec,head,unit in [('三(一)','强化用地保障','市自然资源和规划局'),('三(二)','加大资金支持','市财政局'),('三(三)','落实优惠政策','市税务局'),('三(四)','加强监督管理','市民政局'),('三(五)','营造良好氛围','市委宣传部')]:
    n='（%s牵头）'%unit
    cl.append(E(section=sec,evidence=head+n,note=n,lead=[unit]))
json.dump({'plan':'luchuan-2026-embedded-elderly-care',
 'convention':'Bracketed notes at the end of each 重点任务 clause with several role words, and a unit in brackets after each 保障措施 sub-heading. Rule stated in the preamble: “本方案重点任务各条末尾的括注中，“负责”前所列单位为牵头单位，“配合”前所列单位为配合单位，“支持”前所列单位为支持单位，“落实”前所列单位为具体落实单位；保障措施各条标题后括注的单位为该条牵头单位。” → 负责 → lead, 配合 → co, 支持 → support, 落实 → implement, heading note → lead; 指导 (not covered by the rule) → guide. Time limits inside a note → deadline; posts of persons (分管副市长) → persons, never units.',
 'clauses':cl},open(R+'luchuan-2026-embedded-elderly-care.json','w'),ensure_ascii=False,indent=1)
# ---------- plan 3: qingmo (pdf) ----------
Q=[('二(一)','1','县发展改革局负责集配中心项目立项和上级专项资金申报',dict(responsible=['县发展改革局'])),
 ('二(一)','1','县自然资源局要优先保障项目建设用地',dict(responsible=['县自然资源局'])),
 ('二(一)','2','县供销合作社负责集散点建设和运营',dict(responsible=['县供销合作社'])),
 ('二(一)','2','各乡镇要做好选址和用地协调工作',dict(responsible=['各乡镇'])),
 ('二(一)','3','县农业农村局负责项目申报审核和竣工验收',dict(responsible=['县农业农村局'])),
 ('二(一)','3','各乡镇负责组织本辖区新型经营主体申报',dict(responsible=['各乡镇'])),
 ('二(一)','3','县农业农村局加强业务指导',dict(guide=['县农业农村局'])),
 ('二(二)','1','县交通运输局要落实冷藏车城区通行便利政策',dict(implement=['县交通运输局'])),
 ('二(二)','1','县公安局交警大队负责办理冷藏车城区通行证',dict(responsible=['县公安局交警大队'])),
 ('二(二)','2','县商务局负责推进共同配送体系建设',dict(responsible=['县商务局'])),
 ('二(二)','2','县邮政分公司具体承办农村冷链寄递业务',dict(responsible=['县邮政分公司'])),
 ('二(三)','1','县投资促进中心负责冷链物流项目招商引资',dict(responsible=['县投资促进中心'])),
 ('二(三)','1','县商务局要建立冷链物流重点企业培育库，对入库企业实行一企一策帮扶',dict(responsible=['县商务局'])),
 ('二(三)','2','县工业和信息化局负责预制菜产业招引和园区配套',dict(responsible=['县工业和信息化局'])),
 ('二(三)','2','县市场监管局要加强冷链食品生产经营环节质量安全监管',dict(responsible=['县市场监管局'])),
 ('二(四)',None,'县市场监管局负责冷链食品追溯管理',dict(responsible=['县市场监管局'])),
 ('二(四)',None,'县农业农村局督促新型经营主体规范使用冷藏保鲜设施',dict(supervise=['县农业农村局'])),
 ('二(四)',None,'县商务局指导冷链物流企业执行冷库温控、冷藏车运输等国家标准',dict(guide=['县商务局'])),
 ('二(五)',None,'县数据资源中心负责冷链平台建设和运行维护',dict(responsible=['县数据资源中心'])),
 ('二(六)',None,'县应急管理局负责冷库安全生产综合监管',dict(responsible=['县应急管理局'])),
 ('二(六)',None,'县消防救援大队要加强冷库消防安全检查',dict(responsible=['县消防救援大队'])),
 ('三(一)',None,'分管副县长要每季度调度一次工作进展',dict(persons=['分管副县长'])),
 ('三(二)',None,'县财政局要统筹整合衔接资金和农业产业发展资金',dict(responsible=['县财政局'])),
 ('三(二)',None,'国网青墨县供电公司要落实农业生产用电价格政策',dict(implement=['国网青墨县供电公司'])),
 ('三(三)',None,'人民银行青墨县支行要引导辖区金融机构开发“冷链贷”等专属信贷产品',dict(responsible=['人民银行青墨县支行'])),
 ('三(三)',None,'县农业融资担保公司负责为新型经营主体提供融资担保',dict(responsible=['县农业融资担保公司'])),
 ('三(四)',None,'县人力资源社会保障局要将冷链物流相关职业纳入职业技能提升补贴目录',dict(responsible=['县人力资源社会保障局'])),
 ('三(四)',None,'县教育体育局负责指导职业学校与冷链物流企业开展订单式培养',dict(guide=['县教育体育局'])),
 ('三(五)',None,'县政府督查室要将冷链物流体系建设重点任务纳入年度督查计划',dict(responsible=['县政府督查室'])),
 ('三(五)',None,'由领导小组办公室约谈其主要负责人',dict(responsible=['领导小组办公室'])),
 ('四(一)',None,'各乡镇和县直有关单位结合本方案制定具体工作措施',dict(responsible=['各乡镇'])),
]
txt=open(S+'qingmo-2025-cold-chain-logistics.txt').read()
cl=[]
for sec,item,note,roles in Q:
    assert txt.count(note)==1,note
    ev=note[:24] if len(note)>30 else note
    kw=dict(section=sec,evidence=ev,note=note,**roles)
    if item: kw['item']=item
    cl.append(E(**kw))
json.dump({'plan':'qingmo-2025-cold-chain-logistics',
 'convention':'No notes and no reading rule stated: units are the grammatical subjects of assignment sentences (“县财政局要…”, “县农业农村局负责…”, “县农业农村局加强业务指导”). One entry per assignment clause; note = that clause as written. Plain 负责/要/承办 → responsible; 指导 (incl. 负责指导) → guide; 督促 → supervise; 要落实 → implement. A person’s post (分管副县长) → persons, not a unit. Generic subjects (冷库经营单位, 各有关企业, 县直有关单位) are not listed.',
 'clauses':cl},open(R+'qingmo-2025-cold-chain-logistics.json','w'),ensure_ascii=False,indent=1)
print('ok')
