import re, html
SRC='/work/unseen-author-8/source/qingmo-2025-cold-chain-logistics.txt'
OUT='/tmp/unseen8/qingmo.html'
L=open(SRC,encoding='utf-8').read().rstrip('\n').split('\n')
e=html.escape;b=[]
for i,l in enumerate(L):
    if i==0: b.append(f'<p class="wh">{e(l)}</p>')
    elif i in (1,2): b.append(f'<h1>{e(l)}</h1>')
    elif i==3: b.append(f'<p class="zs">{e(l)}</p>')
    elif i>=len(L)-2: b.append(f'<p class="lk">{e(l)}</p>')
    elif re.match(r'^[一二三四五六七八九十]+、',l): b.append(f'<h2>{e(l)}</h2>')
    elif re.match(r'^（[一二三四五六七八九十]+）',l): b.append(f'<h3>{e(l)}</h3>')
    else: b.append(f'<p>{e(l)}</p>')
page='''<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>青墨县加快推进县域冷链物流体系建设实施方案</title>
<style>
@page{size:A4;margin:30mm 26mm 28mm 28mm}
body{font-family:"Noto Serif CJK SC",serif;font-size:15.5pt;line-height:1.75}
p{text-indent:2em;margin:0;text-align:justify}
p.wh{text-indent:0;text-align:center;margin-bottom:18pt}
h1{font-size:21pt;text-align:center;margin:0;font-weight:bold}
h1+p.zs{margin-top:20pt}
p.zs{text-indent:0}
h2{font-family:"Noto Sans CJK SC",sans-serif;font-size:15.5pt;margin:0;text-indent:2em;font-weight:bold}
h3{font-size:15.5pt;margin:0;text-indent:2em;font-weight:bold}
p.lk{text-align:right;text-indent:0}
h2+h2{margin-top:0}
</style></head><body>
'''+'\n'.join(b)+'\n</body></html>\n'
open(OUT,'w',encoding='utf-8').write(page)
