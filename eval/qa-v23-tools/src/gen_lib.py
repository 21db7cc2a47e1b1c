# Scratch helpers for writing qa-v23 by hand (not part of the set).
import json, os, sys, collections
BASE = "/tmp/qa23"
sys.path.insert(0, BASE)
import check  # parse() for section labels

PLANS = {
    "L": "laiwu-14th-fyp-energy-saving-plan",
    "AG": "sc-2018-agricultural-mechanization",
    "CP": "sc-2018-consumption-poverty-alleviation",
    "FT": "sc-2018-free-trade-zones",
    "IN": "sc-2018-inspection-incentives",
    "ZW": "sc-2018-zero-waste-cities",
    "BZ": "sc-2019-comprehensive-bonded-zones",
    "VE": "sc-2019-vocational-education-reform",
    "": "",
}
ROWS = []
_session = [None]


def Q(p, question, style, typ, must=(), ev=(), secs=(), session=None):
    plan = PLANS[p]
    answerable = typ != "unanswerable"
    r = collections.OrderedDict()
    r["id"] = None
    r["plan"] = plan
    r["question"] = question
    r["style"] = style
    r["type"] = typ
    r["answerable"] = answerable
    r["must_include"] = list(must)
    r["evidence"] = list(ev)
    r["sections"] = list(secs)
    if session:
        r["session"] = session
    ROWS.append(r)


def U(p, question, style="unanswerable"):
    Q(p, question, style, "unanswerable")


_cache = {}


def texts(plan):
    if plan not in _cache:
        _cache[plan] = check.parse(plan)
    return _cache[plan]


def lint():
    """Extra checks beyond check.py: evidence unique in the plan, style/type sanity."""
    warn = []
    for r in ROWS:
        if not r["answerable"]:
            continue
        text, secs = texts(r["plan"])
        for e in r["evidence"]:
            n = text.count(e)
            if n != 1:
                warn.append(f"{r['id']}: evidence occurs {n}x in plan: {e}")
    return warn


def write(path):
    for i, r in enumerate(ROWS, 1):
        r["id"] = f"v23-{i:03d}"
    with open(path, "w", encoding="utf-8") as f:
        for r in ROWS:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
