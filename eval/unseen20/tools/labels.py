"""Section labeller shared by check.py and the data tools.

Labels (ROLES-FORMAT scheme plus a few additions, see README):
  序言      lines of the plan before its first chapter (文号, title, 主送, preamble)
  通知      the cover notice (liuchuan: from the 文号 to 此件公开发布, before the plan title)
  一 / 二(三) chapter text before its first （X） / sub-clause （X） (tables inherit the clause they sit in)
  落款      附件 mention, issuing office, date and （此件…） after the last clause
  附件      from the line that is exactly “附件” to the end (qingtan)
  页面      web-page furniture (site name, nav, breadcrumb, tools line, footer)
  元数据    the web page's metadata table rows
"""
import re

CHAP = re.compile(r'^([一二三四五六七八九十]+)、')
SUB = re.compile(r'^（([一二三四五六七八九十]+)）')
DATE = re.compile(r'^\d{4}年\d{1,2}月\d{1,2}日$')


def label_lines(pid, lines):
    out = []
    cur = '序言'
    chap = None
    mode = 'start'
    n = len(lines)
    # cover notice: line 1 ends with 的通知 -> lines until the plan title are 通知
    cover_end = -1
    if n > 1 and lines[1].endswith('的通知'):
        for i in range(2, n):
            if lines[i].startswith('（此件'):
                cover_end = i
                break
    html = pid.startswith('zhuxi')
    art_start = 0
    if html:
        for i, l in enumerate(lines):
            if '\t' not in l and i > 2:
                art_start = i
                break
    for i, l in enumerate(lines):
        if i <= cover_end:
            out.append('通知')
            continue
        if html and i < art_start:
            out.append('元数据' if i >= 3 else '页面')
            continue
        if html and l.startswith('【打印本页】'):
            mode = 'page'
        if mode == 'page':
            out.append('页面')
            continue
        if mode == 'annex' or l == '附件':
            mode = 'annex'
            out.append('附件')
            continue
        if mode == 'sign' or l.startswith('附件：') or (
                l.endswith('人民政府办公室') and len(l) < 20 and chap is not None):
            mode = 'sign'
            out.append('落款')
            continue
        m = CHAP.match(l)
        if m and len(l) < 22:
            chap = m.group(1)
            cur = chap
        else:
            m2 = SUB.match(l)
            if m2 and chap is not None:
                cur = '%s(%s)' % (chap, m2.group(1))
        out.append(cur)
    return out


if __name__ == '__main__':
    import sys
    pid = sys.argv[1]
    lines = open('source/%s.txt' % pid, encoding='utf-8').read().split('\n')[:-1]
    for lab, l in zip(label_lines(pid, lines), lines):
        print('%-8s %s' % (lab, l[:50]))
