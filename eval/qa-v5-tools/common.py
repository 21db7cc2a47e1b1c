"""Helpers for writing questions. Each plan module defines PLAN and ITEMS (list of dicts from Q/U)."""


def Q(question, style, typ, must=(), ev=(), secs=(), session=None, plan=None):
    d = {"question": question, "style": style, "type": typ, "answerable": typ != "unanswerable",
         "must_include": list(must), "evidence": list(ev), "sections": list(secs)}
    if session:
        d["session"] = session
    if plan is not None:
        d["plan"] = plan
    return d


def U(question, style="unanswerable", plan=None, session=None):
    """Unanswerable: plan=None -> the module's plan; plan="" -> a document not in the corpus."""
    return Q(question, style, "unanswerable", session=session, plan=plan)
