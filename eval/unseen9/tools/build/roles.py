"""Write roles/<id>.json. Unit lists are typed by hand (read from the text); notes are cut from source/ so they stay verbatim."""
import json, os, re
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
def src(pid): return open(os.path.join(ROOT, 'source', pid + '.txt'), encoding='utf-8').read()
def dump(pid, conv, clauses):
    json.dump({'plan': pid, 'convention': conv, 'clauses': clauses},
              open(os.path.join(ROOT, 'roles', pid + '.json'), 'w', encoding='utf-8'), ensure_ascii=False, indent=2)

# ---------- A: matrix table ----------
pid = 'lanxi-rural-sewage-2025'; s = src(pid)
rows = {l.split('\t')[0]: l for l in s.splitlines() if re.match(r'^2\.\d\t', l)}
header = [l for l in s.splitlines() if l.startswith('编号\t')][0]
E, ZJ, NY, SL, CZ, WJ, XZ = '市生态环境局岚溪分局', '县住房城乡建设局', '县农业农村局', '县水利局', '县财政局', '县卫生健康局', '各乡镇人民政府'
A = {  # item: (lead, co, implement) read off the ●/○/△ marks, column order kept
 '2.1': ([E], [ZJ, NY, SL], [XZ]),
 '2.2': ([ZJ], [E, CZ], [XZ]),
 '2.3': ([E], [ZJ, NY, CZ], [XZ]),
 '2.4': ([NY], [E, SL], [XZ]),
 '2.5': ([NY], [E, WJ], [XZ]),
 '2.6': ([E, SL], [ZJ, NY], [XZ]),
 '2.7': ([E], [ZJ, CZ], [XZ]),
 '2.8': ([E], [WJ], []),
 '2.9': ([E], [CZ], [XZ]),
}
cl = []
for item, (lead, co, imp) in A.items():
    row = rows[item]
    cells = row.split('\t')
    ev = '\t'.join(cells[:3])          # number + task + first unit cell
    if len(ev) < 8: ev = '\t'.join(cells[:4])
    cl.append({'section': '3', 'item': item, 'evidence': ev, 'note': row,
               'lead': lead, 'co': co, 'responsible': [], 'implement': imp})
dump(pid, '责任分工矩阵（第3章“3 责任分工”中的表格，行=重点任务编号2.1—2.9，列=单位）。表头：“' + header.replace('\t', '｜') +
     '”。文件自述规则：“表中“●”表示牵头单位，“○”表示配合单位，“△”表示落实单位；同一任务标注两个“●”的，由两个单位共同牵头。”'
     ' → ●=lead，○=co，△=implement；note = 整行（单元格以制表符连接），单位名取自表头。', cl)

# ---------- B: 统筹 / 配合 / 具体实施, some leads by phase ----------
pid = 'luchuan-charging-2025'; s = src(pid)
X = '各县（市、区）人民政府'; G = '国网鹭川供电公司'
B = [  # (section, lead, co, implement, phases)
 ('二(一)', ['市发展改革委'], [], ['市自然资源和规划局', X], None),
 ('二(二)', ['市住房和城乡建设局'], ['市自然资源和规划局'], [X, G], None),
 ('二(三)', ['市交通运输局'], ['市城市管理局'], [X], None),
 ('二(四)', ['市农业农村局', '市发展改革委'], [], [X], {'2025年': ['市农业农村局'], '2026年起': ['市发展改革委']}),
 ('二(五)', ['市机关事务管理局'], ['市国资委'], [X], None),
 ('二(六)', ['市工业和信息化局', '市大数据中心'], [], [G], {'平台建设期': ['市工业和信息化局'], '上线运行后': ['市大数据中心']}),
 ('二(七)', ['市应急管理局'], ['市市场监督管理局', '市消防救援支队'], [X], None),
 ('二(八)', ['市发展改革委'], [], [G], None),
 ('二(九)', ['市工业和信息化局'], ['市交通运输局', '市城市管理局'], [X], None),
 ('二(十)', [G, '市发展改革委'], [], [G], {'2025年': [G], '2026年起': ['市发展改革委']}),
]
cn = '一二三四五六七八九十'
cl = []
for sec, lead, co, imp, ph in B:
    k = sec[2:-1]
    para = [l for l in s.splitlines() if l.startswith('（' + k + '）')][1] if k in ('一', '二') else \
           [l for l in s.splitlines() if l.startswith('（' + k + '）')][0]
    note = re.search(r'（(?:由|2025年|平台)[^\n]*）$', para).group(0)
    ev = note[:16]
    e = {'section': sec, 'evidence': ev, 'note': note, 'lead': lead, 'co': co, 'responsible': [], 'implement': imp}
    if ph: e['phases'] = ph
    cl.append(e)
dump(pid, '任务段末括注“由A统筹，B配合，C具体实施”。文件在“二、重点任务”开头自述规则：“各项任务后括注的单位中，“统筹”单位负责牵头组织、统筹协调，“配合”单位负责协同推进，“具体实施”单位负责组织落实；分阶段列明统筹单位的，由所列单位在相应阶段分别负责统筹。”'
     ' → 统筹=lead，配合=co，具体实施=implement；分阶段统筹的条目 lead 列出各阶段全部统筹单位（按出现顺序），另以附加键 phases 记录“阶段→统筹单位”。', cl)

# ---------- C: trailing sentences, no rule stated ----------
pid = 'qingfeng-gas-safety-2025'; s = src(pid)
Z = '县住房城乡建设局'
C = [  # (section, item, note-start, responsible, co, supervise)
 ('二(一)', None, '此项工作由县住房城乡建设局负责，县应急管理局', [Z], ['县应急管理局', '县市场监管局'], []),
 ('二(二)', None, '此项工作由县住房城乡建设局负责，县市场监管局、县交通运输局', [Z], ['县市场监管局', '县交通运输局', '县公安局'], []),
 ('二(三)', None, '燃气经营企业为责任单位，县住房城乡建设局为监管单位。', ['燃气经营企业'], [], [Z]),
 ('二(四)', '1', '此项工作由县市场监管局负责，县住房城乡建设局、县商务局', ['县市场监管局'], [Z, '县商务局', '县消防救援大队'], []),
 ('二(四)', '2', '燃气经营企业为责任单位，县住房城乡建设局、各乡镇', ['燃气经营企业'], [], [Z, '各乡镇人民政府', '街道办事处']),
 ('二(四)', '3', '此项工作由县教育局、县民政局负责', ['县教育局', '县民政局'], [Z], []),
 ('二(五)', None, '此项工作由县市场监管局负责。', ['县市场监管局'], [], []),
 ('二(六)', None, '此项工作由县委宣传部负责', ['县委宣传部'], [Z, '县应急管理局', '各乡镇人民政府', '街道办事处'], []),
 ('二(七)', None, '此项工作由县住房城乡建设局负责，县自然资源局', [Z], ['县自然资源局'], []),
 ('二(八)', None, '此项工作由县应急管理局负责，县住房城乡建设局', ['县应急管理局'], [Z, '县消防救援大队'], []),
]
cl = []
for sec, item, start, resp, co, sup in C:
    i = s.index(start); assert s.count(start) == 1, start
    j = s.index('。', i) + 1
    note = s[i:j]
    e = {'section': sec}
    if item: e['item'] = item
    e.update({'evidence': start[:30], 'note': note, 'lead': [], 'co': co, 'responsible': resp, 'implement': [], 'supervise': sup})
    cl.append(e)
dump(pid, '各条整治内容段末的句子“此项工作由A负责，B、C按各自职责做好相关工作。”，另有两处“X为责任单位，Y为监管单位。”。文件未陈述任何角色解读规则（无“牵头”字样）。'
     ' → 无规则时按 ROLES-FORMAT 的默认：“由A负责”的A = responsible；“B、C按各自职责做好相关工作”的B、C = co（协同办理）；“X为责任单位”= responsible；“Y为监管单位”= 附加键 supervise。lead / implement 均为空。', cl)
print('ok')
