import re
def edit(fn, deletes=(), repl=(), appends=""):
    s=open(fn).read()
    lines=s.split("\n")
    out=[]
    for l in lines:
        if any(d in l for d in deletes): continue
        out.append(l)
    s="\n".join(out)
    for a,b in repl:
        assert s.count(a)==1, (fn,a,s.count(a))
        s=s.replace(a,b)
    s=s.rstrip("\n")+"\n"+appends
    open(fn,"w").write(s)

edit("q_laiwu.py",
 deletes=["绿色防控覆盖率莱芜定多少","莱芜区新增或更新的公交车","区城市规划协调服务中心在莱芜","区委组织部要配合","农业农村节能减排谁牵头","能源清洁低碳转型这块","莱芜方案对区属国企","化学需氧量和氨氮两项","城市建成区雨污合流管网清零"],
 repl=[('q("清洁取暖率咱区2025年得达到多少？", "colloquial"','q("清洁取暖率咱区2025年的达到多少？", "typo"'),
       ('q("莱芜区节约型机关到2025年要建成多少个？", "synonym"','q("听说莱芜区节约型机关到2025年要建100个？", "false_premise"')],
 appends='''q("莱芜区节能减排方案最后的保障措施都有哪些？", "overview", "overview", ["强化组织领导", "强化考核奖惩", "倡导全民参与"], ["(一)强化组织领导", "(二)强化考核奖惩", "(三)倡导全民参与"], ["六(一)", "六(二)", "六(三)"])
q("In Laiwu's energy-saving plan, is there a lead unit for the 'public participation' clause, or are units just jointly responsible?", "english", "role_check", ["区委宣传部", "区发展改革局", "市生态环境局莱芜分局"], ["(区委宣传部、区发展改革局、区自然资源局"], ["六(三)"])
U("莱芜区十四五期间要淘汰多少台燃煤锅炉？")
''')
edit("q_bonded.py",
 deletes=["文物局在综保区那份意见里","综保区进口的人用疫苗","综保区新设的研发、加工企业能直接拿"],
 repl=[('综保区企业进口医疗器械搞研发展示，要不要办注册备案？牵头部门是谁", "colloquial"','综保区企业进口医料器械搞研发展示，要不要办注册备案？牵头部门是谁", "typo"')],
 appends='''UB("综保区内企业能享受多少比例的企业所得税优惠？")
''')
edit("q_consume.py",
 deletes=["消费扶贫里要在什么日子前后","贫困地区建生产基地推的是啥模式","区域性扶贫产品标识以什么为单元"],
 repl=[('"大型电商给贫困地区开什么？扶贫专卖店那些", "colloquial"','"大型电商给贫困地区开设啥？扶贫专麦店那些", "typo"'),
       ('"东西部消费扶贫协作机制由哪些部门负责？", "synonym"','"消扶意见里东西部协作那条，发改委、人社部、商务部都管吗？", "abbreviation"')])
edit("q_agri.py",
 deletes=["民航局为什么会出现在农机化意见里","农机意见第二十条政府与市场互动","农田“宜机化”是啥意思"],
 repl=[('"农机装备创新体系建设谁牵头？", "colloquial"','"国发42号 农机装备创新体系 谁牵头", "abbreviation"')],
 appends='''qa("农机化和农机装备转型升级那份指导意见，主要从哪些方面部署？", "overview", "overview", ["全程机械化", "农机社会化服务", "农机人才培养"], ["三、着力推进主要农作物生产全程机械化", "五、积极发展农机社会化服务", "七、切实加强农机人才培养"], ["三", "五", "七"])
''')
edit("q_ftz.py",
 deletes=["西安航空物流的支持措施","自贸区建筑企业资质改告知承诺制","社会办医配乙类大型医用设备"],
 repl=[('"中欧班列运邮件快件那条，谁负责，适用哪里？", "colloquial"','"中欧班列运邮件快件那条，谁负则，适用哪里？", "typo"'),
       ('"艺术品进出口批准文件一证多批，最多能用几批？", "number_form", "target"','"自贸区艺术品进出口批准文件一证多批，听说最多能用十批？", "false_premise", "target"')])
edit("q_insp.py",
 deletes=["易地扶贫搬迁搞得好的省","科技创新成效好的省，高新区扩区"],
 repl=[('"督查激励措施2016年那版是几项？", "number_form"','"督查激励措施是不是从30项减到了24项？", "false_premise"'),
       ('"“免督查”是怎么回事", "definition"','"受表扬的市县“免督查”是咋回事", "colloquial"'),
       ('"企业债券“直通车”是什么意思？持续多久", "definition"','"企业债“直通车”啥意思？发改委管的那个，管几年", "abbreviation"')])
edit("q_zero.py",
 deletes=["无废城市试点优先挑哪类城市","试点城市的大中型矿山到2020年","农药包装废弃物回收按什么原则","危险废物经营单位推行环境污染责任保险"],
 repl=[('"无废城市试点选多少个城市？", "colloquial"','"无废城事试点选多少个城市？", "typo"')],
 appends='''qz("无废城市建设试点工作方案的主要任务有哪几方面？", "overview", "overview", ["工业绿色生产", "农业绿色生产", "绿色生活方式"], ["（二）实施工业绿色生产", "（三）推行农业绿色生产", "（四）践行绿色生活方式"], ["二(二)", "二(三)", "二(四)"])
qz("By 2020, what livestock manure utilization rate do zero-waste pilot cities need to reach?", "english", "target", ["75%"], ["畜禽粪污综合利用率达到75%以上"], ["二(三)"])
''')
edit("q_voc.py",
 deletes=["职校在多少个技能人才紧缺领域","培训评价组织遴选时优先考虑","1+X证书是啥？","职业教育改革要花多长时间完成格局转变"],
 repl=[('"职业院校学生顶岗实习一般多久？", "colloquial"','"职业院校学生顶刚实习一般多久？", "typo"'),
       ('"双师型教师培养培训基地要建多少个？教师每年到企业实训至少多久", "number_form", "target", ["100个", "1个月"]','"双师型教师培养培训基地要建一百个吗？", "number_form", "target", ["100个"]')],
 appends='''qv("国家职业教育改革实施方案都讲了哪些方面？", "overview", "overview", ["完善国家职业教育制度体系", "构建职业教育国家标准", "促进产教融合校企“双元”育人"], ["一、完善国家职业教育制度体系", "二、构建职业教育国家标准", "三、促进产教融合校企“双元”育人"], ["一", "二", "三"])
qv("Under China's vocational education reform plan, how long must vocational college teachers train in enterprises each year?", "english", "target", ["至少1个月"], ["教师每年至少1个月在企业或实训基地实训"], ["三(十二)"])
''')
