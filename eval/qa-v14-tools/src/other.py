L=[
["","《山东省“十四五”节能减排实施方案》里给济南市定的能耗下降目标是多少？","unanswerable","unanswerable",[],[],[],None],
]
