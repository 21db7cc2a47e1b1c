ENTRIES = []
def Q(plan, question, style, typ, must, evid, secs, session=None):
    ENTRIES.append(dict(plan=plan, question=question, style=style, type=typ,
                        answerable=True, must_include=must, evidence=evid,
                        sections=secs, session=session))
def U(plan, question, style="unanswerable"):
    ENTRIES.append(dict(plan=plan, question=question, style=style, type="unanswerable",
                        answerable=False, must_include=[], evidence=[], sections=[], session=None))
