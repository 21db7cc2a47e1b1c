"""Section labeller shared by check.py. python3 labels.py <id> prints each line with its label."""
import re, sys, os
HERE = os.path.dirname(os.path.abspath(__file__))
CH = re.compile(r'^([一二三四五六七八九十]+)、')
SUB = re.compile(r'^▲?（([一二三四五六七八九十]+)）')
PLANS = ['liqiao-collective-economy-2024', 'qutang-offcampus-training-2025', 'tanyu-grain-reserve-storage-2025']

def source(pid):
    return open(os.path.join(HERE, 'source', pid + '.txt'), encoding='utf-8').read().rstrip('\n').split('\n')

def labels(pid):
    L = source(pid); out = []
    if pid.startswith('liqiao'):
        start = L.index('附件'); end = len(L)
        frame = '批复'
    elif pid.startswith('qutang'):
        start = L.index('蕖塘区校外培训机构规范治理工作方案'); end = next(i for i, s in enumerate(L) if s.startswith('【打印本页】'))
        frame = '通知'
    else:
        start = L.index('檀屿县地方储备粮仓储安全管理提升行动方案'); end = next(i for i, s in enumerate(L) if s.startswith('抄送：'))
        frame = '通知'
    ch = None; sub = None; fch = None
    for i, s in enumerate(L):
        if pid.startswith('qutang') and (i < 7 or i >= end):
            out.append('页面'); continue
        if pid.startswith('tanyu') and i >= end:
            out.append('版记'); continue
        if i < start:
            m = CH.match(s)
            if pid.startswith('liqiao') and m: fch = m.group(1)
            if pid.startswith('liqiao') and s.startswith('附件：'): fch = None
            out.append(frame + (fch or '')); continue
        m = CH.match(s)
        if m: ch, sub = m.group(1), None; out.append(ch); continue
        m = SUB.match(s)
        if m and ch: sub = m.group(1); out.append('%s(%s)' % (ch, sub)); continue
        if ch is None: out.append('序言'); continue
        out.append('%s(%s)' % (ch, sub) if sub else ch)
    return L, out

if __name__ == '__main__':
    L, lab = labels(sys.argv[1])
    for s, l in zip(L, lab): print(l.ljust(8), s[:60])
