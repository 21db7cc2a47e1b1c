from lib import Q, U
U("", "济南市“十四五”节能减排工作实施方案里，全市单位GDP能耗下降目标是多少？")
U("", "《中共中央 国务院关于打赢脱贫攻坚战三年行动的指导意见》对消费扶贫提了哪些具体要求？")
U("", "国办发〔2016〕82号原来那24项督查激励措施里，第5项是什么？")
U("", "What does the 2021 State Council measures document on trade and investment facilitation in pilot free trade zones say about cross-border data flows?", "english")
U("", "钢城区的十四五节能减排方案里清洁取暖率定的多少？")
U("", "《中华人民共和国农业机械化促进法》对农机购置补贴是怎么规定的？")
