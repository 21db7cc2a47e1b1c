# Hand-written questions for qa-v7. Each Q(...) call is one question, written by hand.
import json, os
BASE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
P = {
    "L": "laiwu-14th-fyp-energy-saving-plan",
    "A": "sc-2018-agricultural-mechanization",
    "B": "sc-2018-consumption-poverty-alleviation",
    "C": "sc-2018-free-trade-zones",
    "D": "sc-2018-inspection-incentives",
    "E": "sc-2018-zero-waste-cities",
    "F": "sc-2019-comprehensive-bonded-zones",
    "G": "sc-2019-vocational-education-reform",
    "X": "",
}
ROWS = []

def Q(plan, question, style, typ, must=(), ev=(), secs=(), s=None):
    r = {"id": None, "plan": P[plan], "question": question, "style": style, "type": typ,
         "answerable": typ != "unanswerable", "must_include": list(must), "evidence": list(ev),
         "sections": list(secs)}
    if s:
        r["session"] = s
    ROWS.append(r)

def U(plan, question, style="unanswerable", s=None):
    Q(plan, question, style, "unanswerable", s=s)

