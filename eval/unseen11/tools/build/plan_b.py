# Builds plans/tangchuan-old-community-renovation-2025.html and its source text. Text written by hand.
import os, html
ID = "tangchuan-old-community-renovation-2025"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SITE = ["棠川县人民政府", "www.tangchuan.gov.cn"]
NAV = ["首页", "走进棠川", "政务公开", "政务服务", "互动交流", "专题专栏"]
CRUMB = "当前位置：首页 > 政务公开 > 政府文件 > 县政府办文件"
META = [("索引号", "115321280093641278/2025-00041", "主题分类", "城乡建设、环境保护\\住房"),
        ("发文机关", "棠川县人民政府办公室", "发文字号", "棠政办发〔2025〕17号"),
        ("成文日期", "2025年03月20日", "发布日期", "2025年03月26日"),
        ("标题", "棠川县城镇老旧小区改造提升三年行动方案（2025—2027年）", "有效性", "有效")]
TITLE = "棠川县城镇老旧小区改造提升三年行动方案（2025—2027年）"
INTRO = "为贯彻落实国家、省、市关于全面推进城镇老旧小区改造工作的决策部署，改善居民居住条件，补齐城镇功能短板，结合我县实际，制定本方案。"
GOAL = [
 "坚持以人民为中心，坚持“居民自愿、政府引导、属地负责、共建共享”，聚焦群众反映强烈的“急难愁盼”问题，以2000年底前建成、失养失修失管、市政配套设施不完善的住宅小区（以下简称“老旧小区”）为改造对象，统筹推进小区及周边区域基础设施、公共服务和环境提升，打造安全、整洁、便利的宜居社区。",
 "坚持规划引领、分类实施，坚持先地下后地上、先基础后提升，坚持改造与管理并重，做到一区一策、成熟一批改造一批，避免大拆大建和“改造后无人管”。",
 "2025—2027年，全县计划改造老旧小区126个、涉及居民10800户、建筑面积约92万平方米，计划总投资4亿元；到2027年底，基本完成2000年底前建成的老旧小区改造任务，改造小区物业服务覆盖率达到85%以上，居民满意度不低于90%。年度计划见下表。"]
TABLE = [["年度", "改造小区（个）", "涉及户数（户）", "计划投资（亿元）"],
         ["2025年", "48", "4120", "1.6"], ["2026年", "45", "3860", "1.4"],
         ["2027年", "33", "2820", "1.0"], ["合计", "126", "10800", "4.0"]]
TASKS = [
 ("【县住房城乡建设局】", "摸清底数，科学编制计划。", "2025年4月底前完成全县老旧小区普查建档，逐个小区建立改造台账，按照“先急后缓、先民生后提升”原则确定改造时序，建立“储备一批、实施一批、竣工一批”项目库。年度改造计划须于每年1月底前报县人民政府审定。"),
 ("【县住房城乡建设局、县自然资源局】", "分类确定改造内容。", "一是基础类，重点改造供水、排水、供电、道路、消防、安防等设施，确保应改尽改；二是完善类，重点建设停车泊位、电动自行车充电设施、无障碍设施，具备条件的多层住宅加装电梯；三是提升类，重点建设养老托育、卫生服务、便民市场等公共服务设施。三年内新增停车泊位不少于2500个、加装电梯不少于60部。"),
 ("【县水务局】", "同步实施管网更新。", "结合老旧小区改造同步实施雨污分流改造，推动小区供水管网与市政管网统一运维，改造后小区供水管网漏损率控制在9%以内。小区燃气老化管道更新由县住房城乡建设局负责（棠川华润燃气有限公司协助），2026年6月底前全部完成排查范围内老化管道更新。"),
 ("【县发展改革局】", "多渠道筹措资金。", "积极争取中央预算内投资和地方政府专项债券支持，县级财政每年安排配套资金不少于3000万元（县发展改革局、县财政局按职责分工落实；县政府办督办）。按照“谁受益、谁出资”原则，引导居民通过直接出资、使用住宅专项维修资金、让渡小区公共收益等方式合理分担改造费用；鼓励管线单位对专营设施改造给予出资支持。"),
 ("【各镇人民政府、城区街道办事处】", "发动居民共建共治。", "改造前广泛征求居民意见，小区改造方案须经专有部分面积占比三分之二以上且人数占比三分之二以上的业主同意方可实施；改造中组织居民代表参与质量监督；改造后指导成立业主委员会或物业管理委员会。"),
 ("【县住房城乡建设局】", "加强工程质量安全监管。", "严格落实项目法人责任制、招投标制和工程监理制，实行施工现场“挂牌公示”。竣工联合验收由县住房城乡建设局负责（县自然资源局、县消防救援大队协助），验收时邀请居民代表参加，验收结果在小区内公示不少于7天。"),
 ("【县城市管理局】", "同步推进环境整治。", "结合改造同步拆除小区内违法建设，规范空中线缆和户外招牌，完善生活垃圾分类收集设施，到2027年底改造小区生活垃圾分类设施覆盖率达到100%。小区周边背街小巷整治由县城市管理局负责（县公安局交通管理大队协助），每年完成整治不少于15条。"),
 ("【县卫生健康局、县教育体育局】", "补齐公共服务短板。", "利用小区存量用房、闲置土地，按照“一老一小”需求配建社区嵌入式服务设施，三年内新建社区养老服务站点不少于12处、普惠托育点不少于6处；推动社区卫生服务站、健身场地向改造小区延伸，打造“15分钟便民生活圈”。"),
 ("【县民政局】", "健全长效管理机制。", "推动改造小区引入专业化物业服务，暂不具备条件的由社区托管或居民自管，确保“改造一个、管好一个”（各镇人民政府、城区街道办事处按职责分工落实；县政府办督办）。将老旧小区纳入社区网格化管理，建立改造后设施运行维护清单。"),
]
STEPS = [
 "第一阶段：动员部署（2025年3月—4月）。印发行动方案，召开动员会议，完成老旧小区普查建档和2025年项目清单确定。",
 "第二阶段：全面实施（2025年5月—2027年9月）。按年度计划分批推进改造，每年10月底前完成当年项目主体工程，每季度通报一次进展情况。",
 "第三阶段：验收总结（2027年10月—12月）。全面开展竣工验收和绩效评价，总结经验做法，建立长效管理制度。"]
GUARD = [
 ("加强组织领导。", "成立棠川县城镇老旧小区改造工作领导小组，由县长任组长、分管副县长任副组长，领导小组办公室设在县住房城乡建设局，办公室主任由县住房城乡建设局局长兼任。"),
 ("强化要素保障。", "简化项目审批流程，实行联合审查，项目立项、用地、规划、施工许可审批时限压缩至30个工作日以内（县政务服务管理局负责，县发展改革局、县自然资源局协助）。"),
 ("强化资金监管。", "改造资金实行专账核算、专款专用，严禁截留、挤占、挪用；项目竣工后及时开展结算审计，审计结果向居民公开（县审计局、县财政局按职责分工落实；县政府办督办）。"),
 ("加强宣传引导。", "通过社区公告栏、微信公众号、入户走访等方式宣传改造政策，及时回应居民关切，每年评选一批“美丽小区”，营造居民支持改造、参与改造的良好氛围。"),
 ("严格督查考核。", "将老旧小区改造纳入县对各镇、各部门年度综合考核，对进度滞后的予以通报；对工作成效明显的镇（街道）在年度项目安排上予以倾斜。")]
SIGN = ["棠川县人民政府办公室", "2025年3月20日"]
TOOLS = ["【字体：大 中 小】", "【打印本页】", "【关闭窗口】", "分享到："]
FOOT = ["网站地图 | 联系我们 | 隐私声明", "主办：棠川县人民政府办公室　承办：棠川县大数据中心", "网站标识码：5328220017　棠ICP备05001234号"]

e = html.escape
def main():
    L = []  # source lines
    L += SITE + NAV + [CRUMB]
    meta_rows = "".join(f"<tr><th>{e(a)}</th><td>{e(b)}</td><th>{e(c)}</th><td>{e(d)}</td></tr>" for a, b, c, d in META)
    L += ["\t".join(r) for r in META]
    L.append(TITLE)
    art = []
    art.append(f'<p class="intro">　　{e(INTRO)}</p>'); L.append(INTRO)
    art.append('<h3>总体要求</h3>'); L.append("总体要求")
    art.append('<div class="txt">' + "<br>\n".join("　　" + e(g) for g in GOAL) + "</div>"); L += GOAL
    tb = "".join("<tr>" + "".join((f"<th>{e(c)}</th>" if i == 0 else f"<td>{e(c)}</td>") for c in r) + "</tr>" for i, r in enumerate(TABLE))
    art.append(f'<table class="data" border="1" cellspacing="0">{tb}</table>'); L += ["\t".join(r) for r in TABLE]
    art.append('<h3>重点任务</h3>'); L.append("重点任务")
    rows = []
    for unit, head, body in TASKS:
        rows.append(f'　　<span class="lead">{e(unit)}</span><strong>{e(head)}</strong>{e(body)}')
        L.append(unit + head + body)
    art.append('<div class="txt">' + "<br>\n".join(rows) + "</div>")
    art.append('<h3>实施步骤</h3>'); L.append("实施步骤")
    art.append('<div class="txt">' + "<br>\n".join("　　" + e(s) for s in STEPS) + "</div>"); L += STEPS
    art.append('<h3>保障措施</h3>'); L.append("保障措施")
    art.append('<div class="txt">' + "<br>\n".join(f"　　<strong>{e(h)}</strong>{e(b)}" for h, b in GUARD) + "</div>"); L += [h + b for h, b in GUARD]
    art.append('<div class="sign">' + "<br>".join(e(s) for s in SIGN) + "</div>"); L += SIGN
    L += TOOLS + FOOT
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(TITLE)}_县政府办文件_棠川县人民政府</title>
<style>
body{{margin:0;font-family:"Microsoft YaHei",sans-serif;background:#f3f3f3}}
.top{{background:#b30000;color:#fff;padding:18px 40px}} .top .logo{{font-size:30px;font-weight:bold}}
.nav ul{{list-style:none;margin:0;padding:0;display:flex;background:#8c0000}} .nav li a{{color:#fff;padding:10px 24px;display:block;text-decoration:none}}
.wrap{{width:1000px;margin:0 auto;background:#fff}} .crumb{{padding:10px 20px;font-size:13px;color:#666}}
table.meta{{width:94%;margin:10px auto;border-collapse:collapse;font-size:13px}} table.meta th,table.meta td{{border:1px solid #ddd;padding:6px}} table.meta th{{background:#f7f7f7;width:90px}}
.art h1{{text-align:center;font-size:22px;color:#b30000}} .art h3{{font-size:16px;margin:14px 0 6px 2em}}
.txt{{line-height:2}} table.data{{margin:8px auto;border-collapse:collapse}} table.data td,table.data th{{padding:4px 14px;text-align:center}}
.sign{{text-align:right;margin:20px 40px}} .tools{{text-align:right;font-size:12px;color:#666;padding:10px 20px;border-top:1px dashed #ccc}}
.foot{{background:#333;color:#ccc;text-align:center;font-size:12px;padding:16px}}
</style><script>function setSize(s){{document.getElementById('zoom').style.fontSize=s+'px';}}</script></head>
<body>
<div class="top"><div class="logo">{e(SITE[0])}</div><div class="url">{e(SITE[1])}</div></div>
<div class="nav"><ul>{''.join(f'<li><a href="#">{e(n)}</a></li>' for n in NAV)}</ul></div>
<div class="wrap">
 <div class="crumb">{e(CRUMB)}</div>
 <table class="meta">{meta_rows}</table>
 <table class="layout" width="100%" cellpadding="0" cellspacing="0"><tr><td width="3%"></td><td>
  <div class="art"><h1>{e(TITLE)}</h1>
   <div id="zoom">
{chr(10).join(art)}
   </div>
  </div>
 </td><td width="3%"></td></tr></table>
 <div class="tools"><span>{e(TOOLS[0])}</span> <span>{e(TOOLS[1])}</span> <span>{e(TOOLS[2])}</span> <span>{e(TOOLS[3])}</span></div>
</div>
<div class="foot">{'<br>'.join(e(f) for f in FOOT)}</div>
</body></html>
"""
    open(os.path.join(ROOT, "plans", ID + ".html"), "w", encoding="utf-8").write(page)
    open(os.path.join(ROOT, "source", ID + ".txt"), "w", encoding="utf-8").write("\n".join(L) + "\n")

if __name__ == "__main__":
    main()
