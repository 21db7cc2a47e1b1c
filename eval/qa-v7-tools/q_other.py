# Questions about documents that are NOT in the corpus (plan "") — hand-written.
from qa import Q, U

X = "X"
U(X, "济南市那个“十四五”节能减排实施方案，全市单位GDP能耗要降多少？")
U(X, "国务院“十四五”节能减排综合工作方案里，全国能耗强度下降目标是多少？")
U(X, "Could you summarize Laiwu district's 14th Five-Year plan for ecological and environmental protection?", style="english")
U(X, "关于深化产教融合的若干意见里，产教融合型企业是怎么认定的？")
U(X, "乡村振兴战略规划（2018—2022年）里，农作物耕种收的综合机械化率定的多少？")
U(X, "海南自由贸易港建设总体方案里“零关税”清单是怎么规定的？")
U(X, "莱芜区2023年政府工作报告里节能减排讲了哪些内容？")
U(X, "What are the key tasks of the 2018 three-year action plan for winning the blue-sky defense war?", style="english")
