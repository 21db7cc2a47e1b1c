# Section labelling shared by check.py (see README "Section labels").
import re
CN = '一二三四五六七八九十'
CH = re.compile(r'^([一二三四五六七八九十]+)、')
ZH = re.compile(r'^第([一二三四五六七八九十]+)章')
SUB = re.compile(r'^（([一二三四五六七八九十]+)）')
NUM = re.compile(r'^(\d+)[.．]')
ART = re.compile(r'^第([一二三四五六七八九十]+)条')

def sections(lines):
    """Return {label: text} (text = the lines of that label joined with \\n) and the per-line labels."""
    cur_ch = None; label = '序言'; labs = []
    for l in lines:
        if m := CH.match(l): cur_ch = m.group(1); label = cur_ch
        elif m := ZH.match(l): cur_ch = '第%s章' % m.group(1); label = cur_ch
        elif (m := SUB.match(l)) and cur_ch: label = '%s(%s)' % (cur_ch, m.group(1))
        elif (m := NUM.match(l)) and cur_ch: label = '%s(%s)' % (cur_ch, m.group(1))
        elif m := ART.match(l): label = '第%s条' % m.group(1)
        labs.append(label)
    out = {}
    for l, lab in zip(lines, labs):
        out[lab] = out[lab] + '\n' + l if lab in out else l
    return out, labs
