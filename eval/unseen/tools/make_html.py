# Build plans/tingyang-2023-sewage-river-chief.html: a government web page whose article body
# (<div class="article-body">) carries exactly the lines of the .txt, one <p> per line.
import html
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PID = "tingyang-2023-sewage-river-chief"
lines = (ROOT / "plans" / f"{PID}.txt").read_text(encoding="utf-8").splitlines()
e = html.escape

body = []
body.append('      <div class="article-title">')
body.append(f'        <p class="t1">{e(lines[0])}</p>')
body.append(f'        <p class="t1">{e(lines[1])}</p>')
body.append('      </div>')
body.append(f'      <p class="wh">{e(lines[2])}</p>')
body.append(f'      <p class="zs">{e(lines[3])}</p>')
for line in lines[4:-2]:
    if re.match(r"^[一二三四五六七八九十]+、", line):
        body.append(f'      <p class="h1"><strong>{e(line)}</strong></p>')
    elif re.match(r"^（[一二三四五六七八九十]+）", line):
        m = re.match(r"^(（[一二三四五六七八九十]+）[^。]*。)(.*)$", line)
        body.append(f'      <p class="tx"><span class="h2">{e(m.group(1))}</span>{e(m.group(2))}</p>')
    else:
        body.append(f'      <p class="tx">{e(line)}</p>')
body.append(f'      <p class="lk">{e(lines[-2])}</p>')
body.append(f'      <p class="lk">{e(lines[-1])}</p>')
BODY = "\n".join(body)

page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="SiteName" content="汀阳市人民政府">
<meta name="SiteDomain" content="www.tingyang.gov.cn">
<meta name="SiteIDCode" content="4399000021">
<meta name="ColumnName" content="市政府办公室文件">
<meta name="ArticleTitle" content="汀阳市城乡生活污水治理提质增效暨河湖长制深化行动工作方案">
<meta name="PubDate" content="2023-05-16 10:32">
<meta name="ContentSource" content="汀阳市人民政府办公室">
<title>汀阳市城乡生活污水治理提质增效暨河湖长制深化行动工作方案_市政府办公室文件_汀阳市人民政府</title>
<style>
body{{margin:0;font-family:"Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#f3f5f8;color:#333}}
a{{color:#333;text-decoration:none}}
.top-bar{{background:#0b4e9b;color:#fff;font-size:12px;padding:4px 0}}
.top-bar .w,.header .w,.nav .w,.main,.footer .w{{width:1200px;margin:0 auto}}
.top-bar a{{color:#fff;margin-left:14px}}
.header{{background:linear-gradient(#1565c0,#0d47a1);height:120px}}
.header .logo{{font-size:36px;color:#fff;line-height:120px;font-weight:bold;letter-spacing:6px}}
.header .search{{float:right;margin-top:44px}}
.nav{{background:#0a3d7c}}
.nav ul{{list-style:none;margin:0;padding:0;display:flex}}
.nav li a{{display:block;color:#fff;padding:12px 30px;font-size:17px}}
.crumb{{font-size:14px;padding:14px 0;color:#666}}
.crumb a{{color:#0b4e9b}}
.main{{background:#fff;padding:24px 40px 40px}}
table.xxgk{{width:100%;border-collapse:collapse;font-size:14px;margin-bottom:28px;background:#f8fbff}}
table.xxgk td{{border:1px solid #d6e2f0;padding:8px 10px}}
table.xxgk td.k{{width:12%;color:#0b4e9b;font-weight:bold;text-align:right;background:#eef4fb}}
.article-title p.t1{{text-align:center;font-size:26px;font-weight:bold;color:#c00;margin:6px 0;font-family:"Noto Serif CJK SC",serif}}
.article-body p{{font-size:17px;line-height:1.9;margin:0 0 6px;font-family:"Noto Serif CJK SC",serif}}
.article-body p.wh{{text-align:center;margin:14px 0 20px}}
.article-body p.tx,.article-body p.h1{{text-indent:2em}}
.article-body p.h1{{font-family:"Noto Sans CJK SC",sans-serif}}
.article-body span.h2{{font-family:"KaiTi","Noto Serif CJK SC",serif;font-weight:bold}}
.article-body p.lk{{text-align:right;padding-right:2em}}
.tools{{margin-top:30px;border-top:1px dashed #ccc;padding-top:12px;font-size:14px;text-align:right}}
.tools a{{margin-left:18px;color:#0b4e9b}}
.related{{margin-top:20px;font-size:14px}}
.related li{{line-height:2}}
.footer{{background:#0a3d7c;color:#cfd8e6;font-size:13px;padding:20px 0;margin-top:30px;text-align:center;line-height:2}}
.footer a{{color:#cfd8e6;margin:0 10px}}
</style>
</head>
<body>
<div class="top-bar"><div class="w">今天是：2023年5月16日　星期二<span style="float:right"><a href="/">无障碍浏览</a><a href="/">长者模式</a><a href="/english/">English</a><a href="/m/">移动版</a></span></div></div>
<div class="header"><div class="w"><span class="logo">汀阳市人民政府</span>
<form class="search" action="/search/" method="get"><input type="text" name="q" placeholder="请输入关键词"><button type="submit">搜索</button></form></div></div>
<div class="nav"><div class="w"><ul>
<li><a href="/">首页</a></li>
<li><a href="/zwgk/">政务公开</a></li>
<li><a href="/zwfw/">政务服务</a></li>
<li><a href="/hdjl/">互动交流</a></li>
<li><a href="/zjty/">走进汀阳</a></li>
<li><a href="/ztzl/">专题专栏</a></li>
</ul></div></div>
<div class="main">
  <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zcwj/">政策文件</a> &gt; <a href="/zwgk/zcwj/szfbgswj/">市政府办公室文件</a></div>
  <table class="xxgk">
    <tr><td class="k">索引号</td><td>11431100MB1H27K3X4/2023-00127</td><td class="k">主题分类</td><td>城乡建设、环境保护／水利</td></tr>
    <tr><td class="k">发文机关</td><td>汀阳市人民政府办公室</td><td class="k">发文字号</td><td>汀政办发〔2023〕27号</td></tr>
    <tr><td class="k">成文日期</td><td>2023年05月12日</td><td class="k">发布日期</td><td>2023年05月16日</td></tr>
    <tr><td class="k">名　　称</td><td colspan="3">汀阳市城乡生活污水治理提质增效暨河湖长制深化行动工作方案</td></tr>
    <tr><td class="k">有 效 性</td><td>有效</td><td class="k">体裁分类</td><td>方案</td></tr>
  </table>
  <div class="article" id="zoom">
{BODY}
  </div>
  <div class="tools">【字体：<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a>】<a href="javascript:window.print();">打印本页</a><a href="javascript:window.close();">关闭窗口</a></div>
  <div class="related"><strong>相关链接：</strong>
    <ul>
      <li><a href="/zwgk/zcjd/202305/t20230517_5521.html">图解：《汀阳市城乡生活污水治理提质增效暨河湖长制深化行动工作方案》</a></li>
      <li><a href="/zwgk/zcwj/szfbgswj/202303/t20230308_5402.html">汀阳市人民政府办公室关于进一步加强城市排水防涝工作的通知</a></li>
    </ul>
  </div>
</div>
<div class="footer"><div class="w">
  <a href="/wzdt/">网站地图</a>|<a href="/lxwm/">联系我们</a>|<a href="/wzsm/">网站声明</a>|<a href="/jcjc/">纠错</a><br>
  主办：汀阳市人民政府办公室　承办：汀阳市大数据局　地址：汀阳市政务新区行政中心A座<br>
  网站标识码：4399000021　<a href="https://beian.miit.gov.cn/">湘ICP备05009827号-1</a>　湘公网安备 43990002000118号
</div></div>
</body>
</html>
"""
page = page.replace('<div class="article" id="zoom">', '<div class="article article-body" id="zoom">')
out = ROOT / "plans" / f"{PID}.html"
out.write_text(page, encoding="utf-8")
print("wrote", out)
