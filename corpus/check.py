#!/usr/bin/env python3
"""Validate the sample corpus: python3 corpus/check.py [corpus-folder]

For every NAME.txt there must be NAME.expected.jsonl with one JSON line in the
gold format (../shared/gold/FORMAT.md). Checks: the line parses; id = NAME;
date is null or YYYY-MM-DD and matches the file's ` date ` line; body_first and
body_last occur in the file, in that order; every annotated `text` occurs in
the file at least as many times as it is listed; units, qualifiers, kinds and
date values are well formed. Exit status 1 if anything fails.
"""
import collections, json, os, re, sys

UNITS = {"USD", "CNY", "TWD", "HKD", "EUR", "JPY", "AUD", "KRW", "GBP", "CUR?", "%",
         "t", "kg", "year", "month", "day", "hour", "count"}
QUALS = {"approx", "more_than", "less_than", "at_least", "at_most"}
DQUALS = {"before", "after", "by"}
KINDS = {"law", "order", "program", "strategy", "initiative", "alliance", "report"}
ALL = ["figures", "dates", "organizations", "policies"]


def unit_ok(u):
    if u in UNITS:
        return True
    if "/" in u:
        a, b = u.split("/", 1)
        return a in UNITS and b in UNITS
    return False


def check(folder, name):
    errs = []
    raw = open(os.path.join(folder, name + ".txt"), encoding="utf-8").read()
    exp = os.path.join(folder, name + ".expected.jsonl")
    if not os.path.exists(exp):
        return [f"{name}: no expected file"], None
    lines = [l for l in open(exp, encoding="utf-8").read().split("\n") if l.strip()]
    if len(lines) != 1:
        errs.append(f"{name}: {len(lines)} lines, want 1")
    try:
        d = json.loads(lines[0])
    except (ValueError, IndexError) as e:
        return errs + [f"{name}: bad JSON: {e}"], None
    if d.get("id") != name:
        errs.append(f"{name}: id is {d.get('id')!r}")
    m = re.match(r" date (\d{4}-\d{2}-\d{2}) ", raw)
    if (m.group(1) if m else None) != d.get("date"):
        errs.append(f"{name}: date {d.get('date')!r} but file says {m.group(1) if m else None!r}")
    i, j = raw.find(d.get("body_first") or "\0"), raw.find(d.get("body_last") or "\0")
    if i < 0: errs.append(f"{name}: body_first not in file")
    if j < 0: errs.append(f"{name}: body_last not in file")
    if i >= 0 and j >= 0 and j < i: errs.append(f"{name}: body_last before body_first")
    for k in ALL:
        if not isinstance(d.get(k), list):
            errs.append(f"{name}: {k} missing")
    if sorted(d.get("complete", [])) != sorted(ALL):
        errs.append(f"{name}: complete is {d.get('complete')}")
    need = collections.Counter(x["text"] for k in ALL for x in d.get(k, []))
    # count per text, but a text listed under two kinds is counted once per kind
    for k in ALL:
        c = collections.Counter(x["text"] for x in d.get(k, []))
        for t, n in c.items():
            have = raw.count(t)
            if have < n:
                errs.append(f"{name}: {k} '{t}' listed {n}x, occurs {have}x")
    for f in d.get("figures", []):
        if not unit_ok(f.get("unit", "")): errs.append(f"{name}: bad unit {f}")
        if f.get("qualifier") and f["qualifier"] not in QUALS: errs.append(f"{name}: bad qualifier {f}")
        if ("value" in f) == ("low" in f and "high" in f): errs.append(f"{name}: value xor low/high {f}")
    for x in d.get("dates", []):
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(x.get("value"))): errs.append(f"{name}: bad date {x}")
        if x.get("qualifier") and x["qualifier"] not in DQUALS: errs.append(f"{name}: bad qualifier {x}")
    for x in d.get("organizations", []) + d.get("policies", []):
        if not x.get("name"): errs.append(f"{name}: no name {x}")
    for x in d.get("policies", []):
        if x.get("kind") not in KINDS: errs.append(f"{name}: bad kind {x}")
    return errs, d


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    names = sorted(f[:-4] for f in os.listdir(folder) if f.endswith(".txt"))
    bad = 0
    tot = collections.Counter()
    for n in names:
        errs, d = check(folder, n)
        for e in errs:
            print("FAIL", e)
        bad += bool(errs)
        if d:
            tot.update({k: len(d[k]) for k in ALL})
            print(f"ok   {n}: " + ", ".join(f"{len(d[k])} {k}" for k in ALL) if not errs else f"     {n}")
    print(f"{len(names)} samples, {bad} failing; mentions: " + ", ".join(f"{tot[k]} {k}" for k in ALL))
    return 1 if bad else 0


sys.exit(main())
