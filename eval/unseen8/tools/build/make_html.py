import re, html
SRC='/work/unseen-author-8/source/luchuan-2026-embedded-elderly-care.txt'
OUT='/work/unseen-author-8/files/luchuan-2026-embedded-elderly-care.html'
L=open(SRC,encoding='utf-8').read().rstrip('\n').split('\n')
e=html.escape
body=[]
for i,l in enumerate(L):
    if i==0: body.append(f'<p class="wh" style="text-align:center">{e(l)}</p>')
    elif i==1: body.append(f'<h1 class="art-title">{e(l)}</h1>')
    elif i==2: body.append(f'<p class="zs">{e(l)}</p>')
    elif i>=len(L)-2: body.append(f'<p class="lk" style="text-align:right">{e(l)}</p>')
    elif re.match(r'^[一二三四五六七八九十]+、',l): body.append(f'<h2 class="lv1">{e(l)}</h2>')
    elif re.match(r'^（[一二三四五六七八九十]+）',l):
        m=re.match(r'^(（[一二三四五六七八九十]+）[^。]*。)(.*)$',l)
        body.append(f'<p class="lv2"><strong>{e(m.group(1))}</strong>{e(m.group(2))}</p>')
    else: body.append(f'<p>{e(l)}</p>')
title=L[1]
page=f'''<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}_市政府办文件_鹭川市人民政府</title>
<meta name="ArticleTitle" content="{e(title)}">
<meta name="PubDate" content="2026-03-24 16:30">
<meta name="ContentSource" content="鹭川市人民政府办公室">
<style>
body{{margin:0;font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#f4f6f9;color:#333}}
.top{{background:#b71c1c;color:#fff;padding:18px 0}} .wrap{{width:1100px;margin:0 auto}}
.top .logo{{font-size:30px;font-weight:bold;letter-spacing:4px}} .top .tools{{float:right;font-size:13px;margin-top:12px}}
.nav{{background:#8e1515}} .nav a{{display:inline-block;color:#fff;padding:12px 26px;text-decoration:none}}
.crumb{{font-size:13px;padding:12px 0;color:#666}} .crumb a{{color:#666}}
.main{{background:#fff;padding:30px 50px 50px}}
table.meta{{width:100%;border-collapse:collapse;font-size:14px;margin-bottom:30px;background:#fafafa}}
table.meta th,table.meta td{{border:1px solid #ddd;padding:8px 10px;text-align:left}} table.meta th{{width:12%;color:#555;font-weight:normal}}
#zoom{{font-family:"Noto Serif CJK SC",serif;font-size:18px;line-height:1.9}}
#zoom p{{text-indent:2em;margin:0 0 6px}} #zoom p.wh,#zoom p.zs,#zoom p.lk{{text-indent:0}}
#zoom h1{{text-align:center;font-size:26px;color:#b71c1c;margin:10px 0 24px}} #zoom h2{{font-size:19px;margin:14px 0 6px;text-indent:2em}}
.art-tools{{text-align:right;font-size:13px;color:#888;border-top:1px solid #eee;margin-top:30px;padding-top:10px}}
.foot{{background:#333;color:#bbb;font-size:13px;text-align:center;padding:24px 0;margin-top:30px;line-height:2}}
</style>
</head>
<body>
<div class="top"><div class="wrap"><span class="logo">鹭川市人民政府</span><span class="tools">无障碍 | 长者模式 | 繁體 | English</span></div></div>
<div class="nav"><div class="wrap"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/zwfw/">政务服务</a><a href="/hdjl/">互动交流</a><a href="/zjlc/">走进鹭川</a></div></div>
<div class="wrap">
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zcwj/">政策文件</a> &gt; <a href="/zwgk/zcwj/szfbwj/">市政府办文件</a></div>
<div class="main">
<table class="meta">
<tr><th>索引号</th><td>11350900MB0187264K/2026-00015</td><th>主题分类</th><td>民政、扶贫、救灾</td></tr>
<tr><th>发文机关</th><td>鹭川市人民政府办公室</td><th>发文字号</th><td>鹭政办发〔2026〕15号</td></tr>
<tr><th>成文日期</th><td>2026年03月20日</td><th>发布日期</th><td>2026年03月24日</td></tr>
<tr><th>标题</th><td colspan="3">{e(title)}</td></tr>
</table>
<div id="zoom" class="article-content">
{chr(10).join(body)}
</div>
<div class="art-tools">【字体：大 中 小】 打印本页 关闭窗口</div>
</div>
</div>
<div class="foot">主办单位：鹭川市人民政府办公室　　承办单位：鹭川市大数据中心<br>网站标识码：3509000017　　澜ICP备05012345号-1　　公安机关备案号：35090002000123<br>地址：鹭川市滨江路1号　　邮编：350900　　联系电话：0599-6120000</div>
</body>
</html>
'''
open(OUT,'w',encoding='utf-8').write(page);print('ok')
