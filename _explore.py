import sys, time, logging
sys.path.insert(0, "tests")
from fake_llm import FakeOpenAI, defect, DEFECTS, FAILURES, honest, Scripted
from assistant.assistant import Assistant
from assistant.settings import load_settings
logging.disable(logging.WARNING)
qs = ["清洁取暖率的目标是多少？由谁牵头？", "到2025年单位地区生产总值能耗下降多少？", "新增污水处理能力的目标是多少？", "区发展改革局牵头哪些任务？", "绿色工厂要创建多少家？", "农作物秸秆综合利用率要达到多少？"]
with FakeOpenAI() as server:
    a = Assistant(load_settings(index_dir="/tmp/h7-index", llm="openai", llm_base_url=server.base_url, llm_model="fake", llm_timeout=3, llm_max_retries=0), build=False)
    for name in ["honest", *DEFECTS, *FAILURES]:
        server.reply = Scripted(name)
        for q in qs:
            before = dict(a.generator.stats.rejected_by); bf=dict(a.generator.stats.failed_by)
            t=time.time(); ans = a.ask(q); dt=time.time()-t
            rb = {k:v-before.get(k,0) for k,v in a.generator.stats.rejected_by.items() if v-before.get(k,0)}
            fb = {k:v-bf.get(k,0) for k,v in a.generator.stats.failed_by.items() if v-bf.get(k,0)}
            print(f"{name:22s} {q[:12]:14s} {dt:4.1f}s kept={not ans.notes} {rb} {fb} {ans.answer[:60]!r}" if ans.notes else f"{name:22s} {q[:12]:14s} {dt:4.1f}s kept=True {ans.answer[:70]!r}")
