def mk(plan):
    rows = []
    def q(question, style, typ, must=(), evid=(), secs=(), session=None):
        ans = typ != "unanswerable"
        r = {"plan": plan, "question": question, "style": style, "type": typ, "answerable": ans,
             "must_include": list(must), "evidence": list(evid), "sections": list(secs)}
        if session: r["session"] = session
        rows.append(r)
    def u(question, style="unanswerable", plan_override=None):
        r = {"plan": plan if plan_override is None else plan_override, "question": question, "style": style,
             "type": "unanswerable", "answerable": False, "must_include": [], "evidence": [], "sections": []}
        rows.append(r)
    return rows, q, u
