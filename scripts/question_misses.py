#!/usr/bin/env python3
"""Why an analyst question is not answered by v_facts: one class per miss.

  python3 scripts/real_gold.py corpus/real/real.questions.jsonl > /tmp/q.jsonl
  python3 ../shared/gold/evaluate.py --newskb build/newskb --keep-db /tmp/q.sqlite \
      --questions corpus/real/real.questions.jsonl /tmp/q.jsonl
  python3 scripts/question_misses.py --db /tmp/q.sqlite corpus/real/real.questions.jsonl \
      [--hide ID,ID...] [--counts-only]

A question is answered as evaluate.py decides it (a fact of the document whose subject or object
folds to one of the question's names, with the question's unit and value). An unanswered one falls
in the first class that fits, in this order:

  no_figure         no figure mention of the document has the value (any unit)
  wrong_unit        a figure has the value but another unit
  no_fact           the figure is found, but no fact is drawn from it
  wrong_subject     the fact's subject and object are other entities, and one of the question's
                    names is an entity mentioned in the document
  name_mismatch     a mention's text is one of the question's names, but its entity's name is not
                    (the canonical name differs from every name the question accepts)
  never_a_mention   a question name stands in the text, but no mention covers it
  not_in_text       no question name stands in the document's text at all

--hide lists question ids (held out) whose misses are counted but not printed. Names fold as
evaluate.py folds them (NFKC, case, spaces, uconv Traditional-Simplified when installed).
"""
import argparse
import collections
import importlib.util
import json
import os
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.join(HERE, "..", "..", "shared", "gold", "evaluate.py")


def load_evaluate():
    spec = importlib.util.spec_from_file_location("evaluate", EVAL)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def value_matches(ev, q, v, lo, hi):
    if "low" in q:
        return ev.close(q["low"], lo) and ev.close(q["high"], hi)
    return ev.close(q["value"], v)


def classify(ev, db, q):
    doc = q["doc"]
    names = {ev.fold(a) for a in q["subject"]}
    units = {u.lower() for u in (q["unit"] if isinstance(q["unit"], list) else [q["unit"]])}
    facts = db.execute("select subject, object, value, low, high, unit, predicate, rule "
                       "from v_facts where doc_key = ?", (doc,)).fetchall()
    for subj, obj, v, lo, hi, unit, _p, _r in facts:
        if (unit or "").lower() in units and value_matches(ev, q, v, lo, hi) and \
                (ev.fold(subj or "") in names or ev.fold(obj or "") in names):
            return "answered", ""
    figs = db.execute("select mention_id, text, value, low, high, unit from v_figures where doc_key = ?",
                      (doc,)).fetchall()
    same_value = [f for f in figs if value_matches(ev, q, f[2], f[3], f[4])]
    if not same_value:
        return "no_figure", ""
    hits = [f for f in same_value if (f[5] or "").lower() in units]
    if not hits:
        return "wrong_unit", " ".join(f"{f[1]}={f[5]}" for f in same_value)
    ids = [f[0] for f in hits]
    rows = db.execute(f"select subject, object, predicate, rule from v_facts where doc_key = ? and "
                      f"figure_id in ({','.join('?' * len(ids))})", (doc, *ids)).fetchall()
    if not rows:
        return "no_fact", hits[0][1]
    got = "; ".join(f"{s}|{p}|{o} [{r}]" for s, o, p, r in rows)
    ments = db.execute("select m.text, e.name from v_mentions m left join entities e "
                       "on e.entity_id = m.entity_id where m.doc_key = ? and m.kind not in "
                       "('figure', 'date')", (doc,)).fetchall()
    if any(ev.fold(n or "") in names for _t, n in ments):
        return "wrong_subject", got
    if any(ev.fold(t) in names for t, _n in ments):
        return "name_mismatch", got + "  mention names: " + ",".join(
            sorted({n for t, n in ments if ev.fold(t) in names}))
    text = ev.fold(db.execute("select text from documents where doc_key = ?", (doc,)).fetchone()[0])
    if any(n in text for n in names):
        return "never_a_mention", got
    return "not_in_text", got


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("questions", nargs="+")
    ap.add_argument("--hide", default="")
    ap.add_argument("--counts-only", action="store_true")
    a = ap.parse_args()
    ev = load_evaluate()
    hide = set(filter(None, a.hide.split(",")))
    db = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
    counts = collections.Counter()
    hidden = collections.Counter()
    for path in a.questions:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                q = json.loads(line)
                cls, detail = classify(ev, db, q)
                (hidden if q["id"] in hide else counts)[cls] += 1
                if q["id"] in hide or cls == "answered" or a.counts_only:
                    continue
                print(f"{q['id']}\t{q['doc']}\t{cls}\t{q['question']}\t{detail}")
    print("seen:  " + " ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    if hide:
        print("hidden: " + " ".join(f"{k}={v}" for k, v in sorted(hidden.items())))


if __name__ == "__main__":
    sys.exit(main())
