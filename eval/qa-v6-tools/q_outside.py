from common import U
# Questions about documents that are NOT in the corpus (plan ""): the right answer says the document is not available.
QS = [
 U("济南市“十四五”节能减排工作实施方案要求全市单位GDP能耗下降多少？"),
 U("《2030年前碳达峰行动方案》主要有哪些重点任务？", style="overview"),
 U("新能源汽车产业发展规划（2021—2035年）讲了哪些内容？", style="overview"),
 U("What does the State Council's 2019 opinion on the night-time economy require of cities?", style="english"),
 U("國辦發〔2019〕5號關於推進養老服務發展的意見由哪些部門負責？", style="traditional"),
 U("山东省十四伍节能减排实施方案的重点工程有哪些？", style="typo"),
 U("国办发〔2018〕1号文件是讲什么的？"),
 U("莱芜区“十四五”能源发展规划里光伏装机目标是多少？"),
 U("海南自由贸易港建设总体方案里零关税清单怎么确定？"),
 U("乡村振兴战略规划（2018－2022年）对农村厕所普及率提了什么目标？", style="colloquial"),
]
for q in QS:
    q["plan"] = ""
