"""Author's English question set (written from the plan texts, before any code change)."""
import json, random, sys, os
sys.path.insert(0, os.getcwd())
from assistant.clauses import load_plan
L="laiwu-14th-fyp-energy-saving-plan"; A="sc-2018-agricultural-mechanization"; P="sc-2018-consumption-poverty-alleviation"
F="sc-2018-free-trade-zones"; I="sc-2018-inspection-incentives"; Z="sc-2018-zero-waste-cities"; B="sc-2019-comprehensive-bonded-zones"
V="sc-2019-vocational-education-reform"
Q = [
 # plan, question, type, must, evidence, sections
 (L,"How much is energy consumption per unit of GDP supposed to fall by 2025 compared with 2020?","target",["20.8%"],["单位地区生产总值能耗较2020年下降20.8%"],["二"]),
 (L,"Which agency is in charge of improving energy efficiency in public institutions?","lead",["区机关事务服务中心"],["区机关事务服务中心牵头"],["三(六)"]),
 (L,"What's the goal for the straw utilization rate in Laiwu?","target",["98%以上"],["农作物秸秆综合利用率达到98%以上"],["三(五)"]),
 (L,"How many conservation-oriented government offices should the district have built by 2025?","target",["64个"],["全区建成节约型机关64个"],["三(六)"]),
 (L,"How much new sewage treatment capacity will be added under the plan?","target",["3.5万吨/日"],["新增污水处理能力3.5万吨/日"],["三(十)"]),
 (L,"Who is responsible for technological innovation in energy conservation and emission reduction?","lead",["区科技局"],["区科技局牵头负责"],["五(四)"]),
 (L,"What will the district do to improve statistics and monitoring of energy use?","measures",["重点用能单位能源利用状况报告制度"],["严格实施重点用能单位能源利用状况报告制度"],["五(六)"]),
 (L,"What is the district's target for cutting sulfur dioxide emissions?","unanswerable",[],[],[]),
 (L,"How much money has the district budgeted for EV charging stations?","unanswerable",[],[],[]),
 (L,"What share of total energy consumption should non-fossil energy account for by 2025?","target",["12%左右"],["非化石能源占能源消费总量的比重达到12%左右"],["三(七)"]),
 (A,"What comprehensive mechanization rate for ploughing, sowing and harvesting of crops is targeted for 2025?","target",["75%"],["全国农作物耕种收综合机械化率达到75%"],["一(二)"]),
 (A,"How much total farm machinery power should the country have by 2020?","target",["10亿千瓦"],["全国农机总动力超过10亿千瓦"],["一(二)"]),
 (A,"Which ministry takes the lead in building the talent training system for agricultural engineering?","lead",["教育部"],["（教育部、工业和信息化部、农业农村部等负责）"],["七(十六)"]),
 (A,"Who leads the national coordination mechanism for agricultural mechanization?","lead",["农业农村部","工业和信息化部"],["农业农村部、工业和信息化部牵头负责"],["八(十八)"]),
 (A,"Can the people who actually use leased farm machines receive the purchase subsidy?","measures",["享受农机购置补贴"],["允许租赁农机等设备的实际使用人按规定享受农机购置补贴"],["五(十二)"]),
 (A,"What does the guideline say about plant protection drones?","measures",["植保无人机"],["规范和促进植保无人机推广应用"],["四(九)"]),
 (A,"What mechanization rate is expected for potato planting and harvesting?","target",["45%"],["马铃薯种植、收获机械化率均达到45%"],["一(二)"]),
 (A,"How many old tractors must be scrapped each year under the guideline?","unanswerable",[],[],[]),
 (P,"Which departments are responsible for mobilising private companies to take part in poverty alleviation through consumption?","responsible",["全国工商联"],["全国工商联、发展改革委、民政部、农业农村部"],["二(三)"]),
 (P,"What exactly is meant by consumption-based poverty alleviation?","definition",["帮助贫困人口增收脱贫的一种扶贫方式"],["帮助贫困人口增收脱贫的一种扶贫方式"],["序言"]),
 (P,"What are large e-commerce companies encouraged to open for poor areas?","measures",["扶贫专卖店"],["设立扶贫专卖店、电商扶贫馆和扶贫频道"],["三(五)"]),
 (P,"What storage facilities should poor regions build or upgrade to cut logistics costs?","measures",["冷藏冷冻保鲜库"],["产地仓、气调库、冷藏冷冻保鲜库等设施"],["三(六)"]),
 (P,"Which agencies must strengthen overall coordination of the consumption poverty alleviation work?","responsible",["发展改革委","扶贫办"],["发展改革委、扶贫办、农业农村部、商务部、文化和旅游部"],["六(十四)"]),
 (P,"What rewards do firms that make outstanding contributions to consumption poverty alleviation get?","measures",["给予奖励激励"],["采取适当方式给予奖励激励"],["六(十六)"]),
 (P,"How many billion yuan of products from poor areas must government bodies purchase every year?","unanswerable",[],[],[]),
 (P,"What does the 'three renovations and one tidy-up' project for poor rural tourism households involve?","definition",["改厨、改厕、改客房、整理院落"],["改厨、改厕、改客房、整理院落"],["五(十)"]),
 (F,"Which department is in charge of setting up trademark application windows in the free trade zones?","responsible",["知识产权局"],["支持在自贸试验区设置商标受理窗口"],["一(十三)"]),
 (F,"At most how many batches can one approval document for art imports and exports be used for?","target",["六批"],["但最多不超过六批"],["二(二十二)"]),
 (F,"Which pilot free trade zone does the new oil reserve model apply to?","measures",["浙江自贸试验区"],["探索创新政府储备与企业储备相结合的石油储备模式"],["一(十六)"]),
 (F,"What share of the shareholders of a newly set up patent agency may lack patent agent qualifications?","target",["五分之一"],["允许不超过五分之一不具有专利代理人资格"],["一(十五)"]),
 (F,"Who is responsible for the pilot on parallel imports of cars?","responsible",["商务部"],["支持符合条件的自贸试验区开展汽车平行进口试点"],["二(十九)"]),
 (F,"Is Xi'an airport allowed to use fifth freedom traffic rights?","measures",["第五航权"],["支持西安机场利用第五航权"],["二(三十一)"]),
 (F,"How many new free trade zones will be set up in 2019?","unanswerable",[],[],[]),
 (F,"Which agency handles short-term cross-border renminbi lending to banks in Taiwan?","responsible",["人民银行"],["向台湾地区金融同业跨境拆出短期人民币资金"],["三(四十六)"]),
 (I,"How many inspection incentive measures are there after the adjustment?","count",["30项"],["调整增加为30项督查激励措施"],["序言"]),
 (I,"What reward do cities that use land intensively and economically receive?","measures",["新增建设用地计划"],["在全国新增建设用地计划中安排一定指标予以奖励"],["九"]),
 (I,"Which ministries are responsible for the incentive for public hospital reform?","responsible",["国家卫生健康委","财政部"],["公立医院综合改革成效较为明显"],["二十五"]),
 (I,"What is the inspection exemption, and which localities get it?","measures",["免督查"],["在下一年度国务院组织的有关实地督查中实行"],["三十"]),
 (I,"For how long can enterprises in rewarded cities use the 'through train' mechanism for enterprise bonds?","deadline",["两年之内"],["在两年之内对其行政区域内企业申请企业债券"],["三"]),
 (I,"Which ministry is responsible for the incentive related to vocational education reform?","responsible",["教育部"],["推进职业教育改革成效明显的省"],["二十"]),
 (I,"How much prize money in yuan does each rewarded province get?","unanswerable",[],[],[]),
 (Z,"How many cities will be chosen for the zero-waste city pilot?","target",["10个左右"],["在全国范围内选择10个左右"],["一(五)"]),
 (Z,"What straw utilization rate should the pilot cities achieve by 2020?","target",["85%以上"],["秸秆综合利用率达到85%以上"],["二(三)"]),
 (Z,"By when do pilot city governments have to submit their evaluation and summary reports?","deadline",["2021年3月底前"],["2021年3月底前，试点城市政府对本地区"],["三(四)"]),
 (Z,"Who selects and confirms the pilot cities?","responsible",["生态环境部"],["试点城市由省级有关部门推荐"],["三(一)"]),
 (Z,"What does the term zero-waste city actually mean?","definition",["将固体废物环境影响降至最低的城市发展模式"],["将固体废物环境影响降至最低的城市发展模式"],["序言"]),
 (Z,"What utilization rate for livestock and poultry manure should the pilots reach?","target",["75%以上"],["畜禽粪污综合利用率达到75%以上"],["二(三)"]),
 (Z,"What recycling rate for household waste must the pilot cities hit?","unanswerable",[],[],[]),
 (Z,"When should pilot city governments issue their implementation plans?","deadline",["2019年上半年"],["2019年上半年，试点城市政府印发实施方案"],["三(二)"]),
 (B,"Which department leads the rollout of the VAT general taxpayer pilot in comprehensive bonded zones?","lead",["税务总局"],["积极稳妥地在综合保税区推广增值税一般纳税人资格试点"],["四(一)"]),
 (B,"What credit rating are newly established R&D and manufacturing firms in bonded zones given?","measures",["最高信用等级"],["直接赋予最高信用等级"],["四(二)"]),
 (B,"What five kinds of centres should comprehensive bonded zones develop into?","overview",["加工制造中心","研发设计中心","物流分拨中心","检测维修中心","销售服务中心"],["加工制造中心、研发设计中心、物流分拨中心"],["三"]),
 (B,"Who takes the lead on the trial of bonded storage for imported cars?","lead",["发展改革委"],["允许在汽车整车进口口岸的综合保税区内开展进口汽车保税存储"],["四(三)"]),
 (B,"For which commodities can bonded futures delivery be carried out?","measures",["铁矿石","天然橡胶"],["支持具备条件的综合保税区开展铁矿石、天然橡胶等商品期货保税交割业务"[:30]],["四(五)"]),
 (B,"How many new comprehensive bonded zones will be approved by 2020?","unanswerable",[],[],[]),
 (B,"Who is responsible for applying for, planning and running comprehensive bonded zones?","responsible",["各省、自治区、直辖市人民政府"],["作为综合保税区的申请设立、规划建设和运行管理主体"],["五"]),
 (V,"How many training bases for 'double-qualified' teachers will be set up?","target",["100个"],["建立100个“双师型”教师培养培训基地"],["三(十二)"]),
 (V,"What level of per-student funding for higher vocational education should be maintained?","target",["12000元"],["高等职业教育生均财政拨款水平达到12000元"],["五(十六)"]),
 (V,"How often is the catalogue of majors for vocational colleges revised?","deadline",["每5年修订1次"],["原则上每5年修订1次职业院校专业目录"],["三(九)"]),
 (V,"How many demonstration vocational education groups should be built by 2020?","target",["300个"],["2020年初步建成300个示范性职业教育集团"],["四(十三)"]),
 (V,"Who convenes the State Council inter-ministerial joint conference on vocational education?","responsible",["国务院分管教育工作的副总理担任召集人"],["国务院分管教育工作的副总理担任召集人"],["七(二十)"]),
 (V,"How long must vocational college teachers spend in enterprises each year?","target",["至少1个月"],["每年至少1个月在企业或实训基地实训"],["三(十二)"]),
 (V,"By how many students will higher vocational colleges expand enrollment this year?","unanswerable",[],[],[]),
 (V,"What is the tuition fee cap for secondary vocational schools?","unanswerable",[],[],[]),
]
TRAD = [
 (L,"農村生活污水治理村莊佔比要達到多少？","target",["100%"],["农村生活污水治理村庄占比达到100%"],["三(五)"]),
 (Z,"「無廢城市」試點城市規模養殖場糞污處理設施裝備配套率要達到多少？","target",["95%以上"],["规模养殖场粪污处理设施装备配套率达到95%以上"],["二(三)"]),
 (F,"自貿試驗區內醫療機構可以開展幹細胞臨床研究嗎？","measures",["干细胞临床前沿医疗技术研究项目"],["干细胞临床前沿医疗技术研究项目"],["一(十)"]),
 (V,"職業教育國家「學分銀行」從哪一年開始建設？","deadline",["2019年"],["从2019年开始，探索建立职业教育个人学习账号"],["二(八)"]),
 (P,"消費扶貧工作由哪些部門加強統籌協調？","responsible",["发展改革委","扶贫办"],["发展改革委、扶贫办、农业农村部、商务部、文化和旅游部"],["六(十四)"]),
 (B,"綜合保稅區裡的商品期貨保稅交割由哪個部門牽頭？","lead",["海关总署"],["（海关总署、证监会负责）"],["四(五)"]),
]
plans = {pid: load_plan(f"corpus/{pid}.txt") for pid in {q[0] for q in Q}}
def item(i, q, style, prefix):
    pid, question, typ, must, ev, secs = q
    ans = typ != "unanswerable"
    p = plans[pid]
    for e in ev:
        assert 8 <= len(e) <= 30, (question, e, len(e))
        assert any(e in p.clause(s).text for s in secs), (question, e)
    for m in must:
        assert any(m in p.clause(s).text for s in secs), (question, m)
    return {"id": f"{prefix}-{i:03d}", "plan": pid, "question": question, "style": style, "type": typ,
            "answerable": ans, "must_include": must, "evidence": ev, "sections": secs}
items = [item(i + 1, q, "english", "en") for i, q in enumerate(Q)]
ids = [it["id"] for it in items]
rng = random.Random(7); shuffled = ids[:]; rng.shuffle(shuffled)
dev_ids = set(shuffled[: round(0.4 * len(ids))])
dev = [it for it in items if it["id"] in dev_ids] + [item(i + 1, q, "traditional", "tw") for i, q in enumerate(TRAD)]
hold = [it for it in items if it["id"] not in dev_ids]
w = lambda path, rows: open(path, "w").write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
w("eval/qa-en-dev.jsonl", dev); w("eval/qa-en-holdout.jsonl", hold)
print(len(items), "english;", len(dev), "dev (incl.", len(TRAD), "traditional);", len(hold), "holdout;",
      sum(not r["answerable"] for r in dev), "/", sum(not r["answerable"] for r in hold), "unanswerable dev/holdout")
