"""Hand-entered responsibility entries (checked note by note). Writes roles/<id>.json."""
import json, os
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def E(section, evidence, note, lead=(), co=(), responsible=(), implement=(), **extra):
    d = {'section': section, 'evidence': evidence, 'note': note, 'lead': list(lead), 'co': list(co),
         'responsible': list(responsible), 'implement': list(implement)}
    d.update(extra)
    return d


SW, ZJ, CG = '市水务局', '市住房城乡建设局', '市城市管理局'
yilan = {
    'plan': 'yilan-waterlogging-2025',
    'convention': '二、重点任务 states the rule before the tasks: “各项任务括号内标注“为主”的单位负责牵头组织推进，标注“协助”的单位按职责分工配合；只列明一个单位并注明“负责”的，由该单位独立承担。各区人民政府和高新区管委会均须抓好本辖区任务落实，以下不再逐项列出。” → 为主 = lead, 协助 = co, single “X负责” = responsible; 各区人民政府 and 高新区管委会 implement every task of 二 (implement_by_rule, not written in the notes). The 二(一) point table is read by its own 注: 责任主体 (the district government) = responsible for the 整治施工 of that point; 市水务局 技术指导 (guide) and 验收销号 together with 市住房城乡建设局 (注 sentence entry). Chapter 三 (outside the rule) is read literally.',
    'implement_by_rule': {'units': ['各区人民政府', '高新区管委会'], 'applies_to': ['二(一)', '二(二)', '二(三)', '二(四)', '二(五)', '二(六)', '二(七)'],
                          'evidence': '各区人民政府和高新区管委会均须抓好本辖区任务落实'},
    'persons': {'组长': '赵立群（市人民政府副市长）', '副组长': ['钱学文（市人民政府副秘书长）', '孙建明（市水务局局长）', '李红英（市住房城乡建设局局长）'],
                '专班办公室主任': '孙建明', 'section': '附件'},
    'clauses': [
        E('二(一)', '（市水务局为主，市住房城乡建设局、市城市管理局协助）', '（市水务局为主，市住房城乡建设局、市城市管理局协助）', [SW], [ZJ, CG], kind='note'),
        E('二(一)', '人民路下穿铁路立交\t澜东区', '1\t人民路下穿铁路立交\t澜东区\t地势低洼，泵站能力不足\t泵站扩容至每秒3立方米，增设挡水设施\t澜东区人民政府\t2025年6月15日前', responsible=['澜东区人民政府'], kind='point-row', item='1', deadline='2025年6月15日前'),
        E('二(一)', '解放路与建设街交叉口', '2\t解放路与建设街交叉口\t澜东区\t雨水管径偏小\t翻建DN1200雨水管道800米\t澜东区人民政府\t2025年6月15日前', responsible=['澜东区人民政府'], kind='point-row', item='2', deadline='2025年6月15日前'),
        E('二(一)', '西关农贸市场周边\t澜西区', '3\t西关农贸市场周边\t澜西区\t雨污混接，管道淤堵\t实施混接改造，清淤疏通\t澜西区人民政府\t2025年6月15日前', responsible=['澜西区人民政府'], kind='point-row', item='3', deadline='2025年6月15日前'),
        E('二(一)', '滨河大道沂河桥下\t滨河区', '4\t滨河大道沂河桥下\t滨河区\t河道顶托，排口倒灌\t增设拍门和强排泵组\t滨河区人民政府\t2025年10月31日前', responsible=['滨河区人民政府'], kind='point-row', item='4', deadline='2025年10月31日前'),
        E('二(一)', '高新四路科创园段\t高新区', '5\t高新四路科创园段\t高新区\t道路竖向标高偏低\t抬高路面，新建调蓄池5000立方米\t高新区管委会\t2025年12月31日前', responsible=['高新区管委会'], kind='point-row', item='5', deadline='2025年12月31日前'),
        E('二(一)', '火车站东广场\t澜西区', '6\t火车站东广场\t澜西区\t汇水面积大，收水口不足\t增设收水口60个，改造排水边沟\t澜西区人民政府\t2025年12月31日前', responsible=['澜西区人民政府'], kind='point-row', item='6', deadline='2025年12月31日前'),
        E('二(一)', '市水务局负责技术指导，并会同市住房城乡建设局', '注：表中“责任主体”为点位所在区人民政府（管委会），负责组织整治施工；市水务局负责技术指导，并会同市住房城乡建设局组织验收销号。其余22处点位清单由市水务局另行印发。',
          [SW], [ZJ], guide=[SW], kind='sentence', task='验收销号 (lead/co); 技术指导 (guide); the 责任主体 of each row is in the point-row entries'),
        E('二(二)', '（市住房城乡建设局为主，市水务局、市城市管理局协助）', '（市住房城乡建设局为主，市水务局、市城市管理局协助）', [ZJ], [SW, CG], kind='note'),
        E('二(三)', '（市住房城乡建设局为主，市自然资源和规划局协助）', '（市住房城乡建设局为主，市自然资源和规划局协助）', [ZJ], ['市自然资源和规划局'], kind='note'),
        E('二(四)', '汛期前完成河道、泵站全面检修。（市水务局负责）', '（市水务局负责）', responsible=[SW], kind='note'),
        E('二(五)', '（市住房城乡建设局为主，市交通运输局、市人民防空办公室协助）'[:30], '（市住房城乡建设局为主，市交通运输局、市人民防空办公室协助）', [ZJ], ['市交通运输局', '市人民防空办公室'], kind='note'),
        E('二(六)', '（市水务局为主，市大数据局、市气象局协助）', '（市水务局为主，市大数据局、市气象局协助）', [SW], ['市大数据局', '市气象局'], kind='note'),
        E('二(七)', '（市应急管理局为主，市水务局、市城市管理局、市公安局协助）'[:30], '（市应急管理局为主，市水务局、市城市管理局、市公安局协助）', ['市应急管理局'], [SW, CG, '市公安局'], kind='note'),
        E('三(一)', '市专班办公室设在市水务局', '市专班办公室设在市水务局，负责日常调度、信息汇总和督促检查。各区人民政府（管委会）是本辖区内涝治理的责任主体，主要负责同志为第一责任人。',
          responsible=['市专班办公室'], implement=['各区人民政府（管委会）'], host='市水务局', kind='sentence', persons=['主要负责同志（第一责任人）']),
        E('三(二)', '市财政局会同市发展改革委统筹落实资金', '市财政局会同市发展改革委统筹落实资金，按工程进度及时拨付。', ['市财政局'], ['市发展改革委'], kind='sentence'),
        E('三(三)', '对进度滞后的单位予以约谈', '市专班办公室每月通报工作进展，对进度滞后的单位予以约谈。', supervise=['市专班办公室'], kind='sentence'),
        E('三(四)', '市委宣传部、市融媒体中心要及时发布', '市委宣传部、市融媒体中心要及时发布工程进展和避险提示', responsible=['市委宣传部', '市融媒体中心'], kind='sentence'),
    ]}

LY, ZJ2 = '区林业局', '区住房城乡建设局'
liushan = {
    'plan': 'liushan-ancient-trees-2025',
    'convention': 'Rule stated at the head of 二: “本部分任务实行城乡分区牵头：括号内“城区”“镇村”分别标注的，生长在城市规划区内的古树名木由“城区”后所列单位牵头，生长在城市规划区外的由“镇村”后所列单位牵头，标注“配合”的单位按职责配合；未分区标注的，括号内所列单位共同负责。” → both area units are lead (lead_by_area says which area; the order of the two labels in the note does not matter, see 二(七)); 配合 → co; units with no area label → responsible (二(三), 二(五), and 区文化和旅游局 in 二(六)). The 养护责任人 table of 二(二) (kind custodian-row) names non-government custodians by location under “谁所有、谁养护，谁管理、谁负责”; they are kept in the extra key custodian, and the unit lists stay empty. 三 is read literally.',
    'clauses': [
        E('二(一)', '配合：区自然资源局、各镇人民政府', '（城区：区住房城乡建设局；镇村：区林业局；配合：区自然资源局、各镇人民政府、街道办事处）', [ZJ2, LY], ['区自然资源局', '各镇人民政府', '街道办事处'], kind='note', lead_by_area={'城区': ZJ2, '镇村': LY}),
        E('二(二)', '；镇村：区林业局）', '（城区：区住房城乡建设局；镇村：区林业局）', [ZJ2, LY], kind='note', lead_by_area={'城区': ZJ2, '镇村': LY}),
        E('二(二)', '由区林业局、区住房城乡建设局与养护责任人', '由区林业局、区住房城乡建设局与养护责任人签订养护责任书，2025年12月底前全部签订。', responsible=[LY, ZJ2], kind='sentence', deadline='2025年12月底前'),
        E('二(二)', '机关、团体、部队、企业事业单位用地范围内', '机关、团体、部队、企业事业单位用地范围内\t所在单位', kind='custodian-row', item='机关、团体、部队、企业事业单位用地范围内', custodian='所在单位'),
        E('二(二)', '铁路、公路、河道管理范围内', '铁路、公路、河道管理范围内\t铁路、公路、河道管理单位', kind='custodian-row', item='铁路、公路、河道管理范围内', custodian='铁路、公路、河道管理单位'),
        E('二(二)', '公共绿地内\t区园林绿化服务中心', '城市道路、公园、广场等公共绿地内\t区园林绿化服务中心', kind='custodian-row', item='城市道路、公园、广场等公共绿地内', custodian='区园林绿化服务中心'),
        E('二(二)', '风景名胜区、森林公园内\t景区管理机构', '风景名胜区、森林公园内\t景区管理机构', kind='custodian-row', item='风景名胜区、森林公园内', custodian='景区管理机构'),
        E('二(二)', '住宅小区内\t物业服务企业', '住宅小区内\t物业服务企业；未实行物业管理的，由所在街道办事处负责', kind='custodian-row', item='住宅小区内', custodian='物业服务企业；未实行物业管理的，由所在街道办事处负责'),
        E('二(二)', '农村集体土地上\t所在村民委员会', '农村集体土地上\t所在村民委员会；生长在承包地、宅基地上的，由承包人或者使用人负责', kind='custodian-row', item='农村集体土地上', custodian='所在村民委员会；生长在承包地、宅基地上的，由承包人或者使用人负责'),
        E('二(二)', '养护责任人不明确或者有争议的', '养护责任人不明确或者有争议的，由古树名木所在地镇人民政府、街道办事处确定。', responsible=['镇人民政府', '街道办事处'], kind='sentence', task='确定有争议的养护责任人'),
        E('二(三)', '（区林业局、区住房城乡建设局、区城市管理局）', '（区林业局、区住房城乡建设局、区城市管理局）', responsible=[LY, ZJ2, '区城市管理局'], kind='note'),
        E('二(四)', '镇村：区林业局；配合：区财政局）', '（城区：区住房城乡建设局；镇村：区林业局；配合：区财政局）', [ZJ2, LY], ['区财政局'], kind='note', lead_by_area={'城区': ZJ2, '镇村': LY}),
        E('二(五)', '（区自然资源局、区住房城乡建设局、区林业局、区城市管理局）'[:30], '（区自然资源局、区住房城乡建设局、区林业局、区城市管理局）', responsible=['区自然资源局', ZJ2, LY, '区城市管理局'], kind='note'),
        E('二(六)', '（区文化和旅游局；配合：区林业局、区住房城乡建设局）', '（区文化和旅游局；配合：区林业局、区住房城乡建设局）', co=[LY, ZJ2], responsible=['区文化和旅游局'], kind='note'),
        E('二(七)', '（镇村：区林业局；城区：区住房城乡建设局；', '（镇村：区林业局；城区：区住房城乡建设局；配合：区应急管理局、区气象局）', [LY, ZJ2], ['区应急管理局', '区气象局'], kind='note', lead_by_area={'镇村': LY, '城区': ZJ2}),
        E('三(一)', '区住房城乡建设局共同召集的古树名木保护', '建立由区林业局、区住房城乡建设局共同召集的古树名木保护联席会议制度', convene=[LY, ZJ2], kind='sentence'),
        E('三(一)', '区林业局负责建设全区古树名木信息管理系统', '区林业局负责建设全区古树名木信息管理系统，实现巡查记录、复壮档案和养护补助在线管理，2026年6月底前投入使用。', responsible=[LY], kind='sentence', deadline='2026年6月底前'),
        E('三(三)', '区住房城乡建设局按照管理权限查明原因', '由区林业局、区住房城乡建设局按照管理权限查明原因，依法追究相关单位和人员责任。', responsible=[LY, ZJ2], kind='sentence'),
    ]}

WJ, HB = '县卫生健康局', '市生态环境局葑桥分局'
fengqiao = {
    'plan': 'fengqiao-medical-waste-2025',
    'convention': 'No reading rule is stated for the notes “（责任单位：A、B）” in 四 → every listed unit is responsible; no lead is guessed (the first-listed unit is not lead). 三(三) states a custody rule: “医疗废物的责任以交接为界” — before handover the 产生单位, after it 康洁公司, and for village clinics the 乡镇卫生院 from handover until it passes the waste to 康洁公司 (kind handover, extra key custody). Sentences in 五 and 六 are read literally (A会同B → lead/co).',
    'clauses': [
        E('三(三)', '医疗废物的责任以交接为界', '医疗废物的责任以交接为界：交接前的分类收集、包装标识和暂存安全由产生单位负责；交接后的运输、贮存和处置由康洁公司负责；村卫生室、社区卫生服务站送交乡镇卫生院暂存点的，自交接之时起由乡镇卫生院负责，至移交康洁公司时止。',
          responsible=['产生单位', '康洁公司', '乡镇卫生院'], kind='handover',
          custody={'交接前（分类收集、包装标识和暂存安全）': '产生单位', '交接后（运输、贮存和处置）': '康洁公司', '村卫生室、社区卫生服务站送交后至移交康洁公司': '乡镇卫生院'}),
        E('四(一)', '（责任单位：县卫生健康局、各乡镇人民政府）', '（责任单位：县卫生健康局、各乡镇人民政府）', responsible=[WJ, '各乡镇人民政府'], kind='note', deadline='2025年8月底前'),
        E('四(二)', '县发展和改革局、市生态环境局葑桥分局、县卫生', '（责任单位：县发展和改革局、市生态环境局葑桥分局、县卫生健康局）', responsible=['县发展和改革局', HB, WJ], kind='note', deadline='2026年6月底前'),
        E('四(三)', '（责任单位：县交通运输局、市生态环境局葑桥分局）', '（责任单位：县交通运输局、市生态环境局葑桥分局）', responsible=['县交通运输局', HB], kind='note'),
        E('四(四)', '（责任单位：县发展和改革局、县医疗保障局）', '（责任单位：县发展和改革局、县医疗保障局）', responsible=['县发展和改革局', '县医疗保障局'], kind='note'),
        E('四(五)', '县卫生健康局、市生态环境局葑桥分局）', '（责任单位：县卫生健康局、市生态环境局葑桥分局）', responsible=[WJ, HB], kind='note', deadline='2025年10月底前'),
        E('四(六)', '市生态环境局葑桥分局、县卫生健康局、县公安局', '（责任单位：市生态环境局葑桥分局、县卫生健康局、县公安局）', responsible=[HB, WJ, '县公安局'], kind='note'),
        E('四(七)', '葑桥分局、县应急管理局）', '（责任单位：县卫生健康局、市生态环境局葑桥分局、县应急管理局）', responsible=[WJ, HB, '县应急管理局'], kind='note'),
        E('五(一)', '县卫生健康局会同市生态环境局葑桥分局对全县', '县卫生健康局会同市生态环境局葑桥分局对全县医疗卫生机构逐一摸底', [WJ], [HB], kind='sentence', deadline='2025年6月1日至6月30日'),
        E('六(一)', '要建立医疗废物管理联合工作机制', '县卫生健康局、市生态环境局葑桥分局要建立医疗废物管理联合工作机制，每季度会商1次。', responsible=[WJ, HB], kind='sentence'),
        E('六(一)', '督促村卫生室落实“小箱进大箱”要求', '各乡镇人民政府要将辖区医疗废物管理纳入网格化管理，督促村卫生室落实“小箱进大箱”要求。', responsible=['各乡镇人民政府'], kind='sentence', supervise=['各乡镇人民政府']),
        E('六(二)', '县医疗保障局在制定医疗服务价格政策时', '县医疗保障局在制定医疗服务价格政策时统筹考虑医疗废物处置成本', responsible=['县医疗保障局'], kind='sentence'),
        E('六(三)', '每半年联合通报一次各产生单位', '县卫生健康局、市生态环境局葑桥分局每半年联合通报一次各产生单位医疗废物管理情况，对连续两次排名靠后的机构主要负责人进行约谈。', supervise=[WJ, HB], kind='sentence'),
    ]}

os.makedirs(os.path.join(HERE, 'roles'), exist_ok=True)
for d in (yilan, liushan, fengqiao):
    with open(os.path.join(HERE, 'roles', d['plan'] + '.json'), 'w', encoding='utf-8') as f:
        json.dump(d, f, ensure_ascii=False, indent=1)
print('roles written')
