PLAN = ""
U = "unanswerable"
QS = [
("山东省“十四五”节能减排实施方案里全省能耗强度要降多少？", U, U, [], [], []),
("What are the key points of the 2021 opinion on promoting high-quality development of vocational education?", "english", U, [], [], []),
]
