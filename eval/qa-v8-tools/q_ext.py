def UE(question, style="unanswerable"):
    Q.append(dict(plan="", question=question, style=style, type="unanswerable", mi=[], ev=[], secs=[], session=None))
UE("济南市“十四五”节能减排工作实施方案里济南全市单位GDP能耗要降多少？")
UE("国务院《“十四五”节能减排综合工作方案》对全国挥发性有机物减排量定了多少万吨？")
UE("钢城区十四五节能减排实施方案里谁牵头清洁取暖？")
UE("What does the 2021 State Council action plan for carbon dioxide peaking before 2030 require of provinces?", "english")
UE("2019年国务院关于推进自由贸易试验区贸易投资便利化改革创新的若干措施有多少条")
UE("“十四五”职业教育规划里职业本科招生规模要占多少？")
