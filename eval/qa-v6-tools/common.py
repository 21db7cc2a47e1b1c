"""Helper for writing questions compactly."""
def Q(question, style, type_, must=(), ev=(), sec=(), session=None, plan=None):
    d = {"question": question, "style": style, "type": type_,
         "answerable": type_ != "unanswerable",
         "must_include": list(must), "evidence": list(ev), "sections": list(sec)}
    if plan is not None:
        d["plan"] = plan
    if session:
        d["session"] = session
    return d

def U(question, style="unanswerable", plan=None):
    """Unanswerable: the plan does not say it."""
    return Q(question, style, "unanswerable", plan=plan)
