#!/usr/bin/env python3
"""How many figures the facts pass ties to something, and why the others have no fact.

  python3 scripts/sample_records.py --seed 20261248 --n 3000 > /tmp/s.jsonl
  build/newskb ingest --db /tmp/s.sqlite /tmp/s.jsonl
  python3 scripts/fact_coverage.py --db /tmp/s.sqlite [--examples 3] [--json]
  python3 scripts/fact_coverage.py --db /tmp/after.sqlite --compare /tmp/before.sqlite [--sample 40]

Reports the share of figures with a fact and with a subject, and classes every figure WITHOUT a
fact by:
  unit   the unit kind of the figure (money, %, count, duration, mass, rate, other);
  shape  the first shape that fits its clause (the text between , ; : 。 ! ? around it):
           table     a table-like line (the sentence has 4+ figures and few other characters,
                     or | / tab separators)
           list      the figure stands in a list (、 or 和/及 between two figures of the clause)
           entity_before / entity_after   an organization, policy, place, indicator or project
                     stands in the same clause before / after the figure
           entity_sentence  an entity stands elsewhere in the figure's sentence
           topic_previous   the sentence has none, the previous sentence of the paragraph has one
           none      no entity in this or the previous sentence
With --compare OLD, prints facts gained and lost per predicate (a fact is keyed by document,
figure offsets, subject, predicate, object) and --sample N random changed facts to check by hand.
"""
import argparse
import collections
import json
import random
import re
import sqlite3
import sys

ENTITY_KINDS = ("organization", "policy", "place", "indicator", "project", "actor")
CUT = re.compile(r"[,，;；:：。!！?？\n]")
UNIT_KIND = [
    ("%", {"%"}),
    ("duration", {"year", "quarter", "month", "week", "day", "hour", "minute"}),
    ("count", {"count", "times"}),
    ("mass", {"t", "kg", "g"}),
]


def unit_kind(unit):
    u = unit or ""
    for name, units in UNIT_KIND:
        if u in units:
            return name
    if "/" in u:
        return "rate"
    if re.fullmatch(r"[A-Z]{3}|CUR\?", u):
        return "money"
    return "other"


def clause_bounds(text, b, e):
    """The clause of text[b:e]: from the cut before b to the cut at or after e."""
    lo = b
    while lo > 0 and not CUT.match(text[lo - 1]):
        lo -= 1
    hi = e
    while hi < len(text) and not CUT.match(text[hi]):
        hi += 1
    return lo, hi


def shape(fig, sent, figs_in_sent, ents_in_sent, prev_has_entity):
    s_start, s_text = sent
    b, e = fig["start"], fig["end"]
    digits_and_figs = sum(f["end"] - f["start"] for f in figs_in_sent)
    if len(figs_in_sent) >= 4 and digits_and_figs * 2 >= len(s_text) or "|" in s_text or "\t" in s_text:
        return "table"
    lo, hi = clause_bounds(s_text, b - s_start, e - s_start)
    lo += s_start
    hi += s_start
    others = [f for f in figs_in_sent if f is not fig and lo <= f["start"] < hi]
    for o in others:
        a, z = (o["end"], b) if o["end"] <= b else (e, o["start"])
        gap = s_text[a - s_start:z - s_start]
        if len(gap) <= 6 and re.search(r"[、和及与與]|以及", gap):
            return "list"
    if any(lo <= m["start"] and m["end"] <= b for m in ents_in_sent):
        return "entity_before"
    if any(e <= m["start"] and m["end"] <= hi for m in ents_in_sent):
        return "entity_after"
    if ents_in_sent:
        return "entity_sentence"
    if prev_has_entity:
        return "topic_previous"
    return "none"


def load(db):
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    return con


def coverage(con, n_examples):
    sents = {(r["doc_id"], r["idx"]): (r["start"], r["text"])
             for r in con.execute("select doc_id, idx, start, text from sentences")}
    paragraph_prev = {}
    ments = collections.defaultdict(list)
    figs = collections.defaultdict(list)
    for r in con.execute("select mention_id, doc_id, kind, start, \"end\", text, unit, sentence_idx "
                         "from mentions order by doc_id, start"):
        d = dict(r)
        if r["kind"] == "figure":
            figs[(r["doc_id"], r["sentence_idx"])].append(d)
        elif r["kind"] in ENTITY_KINDS:
            ments[(r["doc_id"], r["sentence_idx"])].append(d)
    fact_of = {}
    for r in con.execute("select figure_id, subject_id, object_id from facts"):
        prev = fact_of.get(r["figure_id"], (False, False))
        fact_of[r["figure_id"]] = (True, prev[1] or r["subject_id"] is not None)
    total = with_fact = with_subject = 0
    by_unit = collections.Counter()
    by_shape = collections.Counter()
    by_both = collections.Counter()
    examples = collections.defaultdict(list)
    rng = random.Random(1)
    for key, fl in sorted(figs.items()):
        doc_id, idx = key
        sent = sents.get(key, (0, ""))
        prev_sent = sents.get((doc_id, idx - 1))
        # the previous sentence counts only inside the paragraph: no line break between
        prev_has = bool(ments.get((doc_id, idx - 1))) and prev_sent is not None and \
            "\n" not in prev_sent[1][-1:]
        for f in fl:
            total += 1
            has, subj = fact_of.get(f["mention_id"], (False, False))
            if has:
                with_fact += 1
                with_subject += subj
                continue
            u = unit_kind(f["unit"])
            s = shape(f, sent, fl, ments.get(key, []), prev_has)
            by_unit[u] += 1
            by_shape[s] += 1
            by_both[(s, u)] += 1
            ex = examples[s]
            line = f"{f['text']} ({f['unit']}) | {sent[1].strip()[:160]}"
            if len(ex) < n_examples:
                ex.append(line)
            elif rng.random() < 0.05:
                ex[rng.randrange(n_examples)] = line
    return {"figures": total, "with_fact": with_fact, "with_subject": with_subject,
            "no_fact": total - with_fact, "no_fact_by_unit": dict(by_unit.most_common()),
            "no_fact_by_shape": dict(by_shape.most_common()),
            "no_fact_by_shape_unit": {f"{s}/{u}": n for (s, u), n in by_both.most_common(20)},
            "examples": dict(examples)}


def fact_keys(con):
    rows = con.execute("select d.doc_key, fm.start, fm.\"end\", fm.text, se.name, f.predicate, oe.name, "
                       "f.rule, s.text from facts f join documents d on d.doc_id = f.doc_id "
                       "join mentions fm on fm.mention_id = f.figure_id "
                       "left join entities se on se.entity_id = f.subject_id "
                       "left join entities oe on oe.entity_id = f.object_id "
                       "left join sentences s on s.doc_id = fm.doc_id and s.idx = fm.sentence_idx")
    out = {}
    for r in rows:
        out[(r[0], r[1], r[2], r[4], r[5], r[6])] = (r[3], r[7], r[8])
    return out


def compare(new, old, n_sample):
    a, b = fact_keys(new), fact_keys(old)
    gained = [k for k in a if k not in b]
    lost = [k for k in b if k not in a]
    per = collections.Counter()
    for k in gained:
        per[(k[4], "+")] += 1
    for k in lost:
        per[(k[4], "-")] += 1
    print(f"facts: {len(b)} -> {len(a)}  gained {len(gained)}  lost {len(lost)}")
    for p in sorted({p for p, _ in per}):
        print(f"  {p:<12} +{per[(p, '+')]:<5} -{per[(p, '-')]}")
    rng = random.Random(7)
    for label, keys, src in (("gained", gained, a), ("lost", lost, b)):
        pick = rng.sample(keys, min(n_sample, len(keys)))
        print(f"\n{label} (sample of {len(pick)}):")
        for k in pick:
            fig, rule, sent = src[k]
            print(f"  {k[0]}  {k[3]} | {k[4]} | {k[5]}  {fig}  [{rule}]\n      {(sent or '').strip()[:200]}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--compare", help="an older knowledge base of the same inputs")
    ap.add_argument("--sample", type=int, default=40)
    a = ap.parse_args()
    con = load(a.db)
    if a.compare:
        compare(con, load(a.compare), a.sample)
        return 0
    r = coverage(con, a.examples)
    if a.json:
        print(json.dumps(r, ensure_ascii=False))
        return 0
    t = r["figures"] or 1
    print(f"figures {r['figures']}  with a fact {r['with_fact']} ({100 * r['with_fact'] / t:.1f}%)  "
          f"with a subject {r['with_subject']} ({100 * r['with_subject'] / t:.1f}%)  "
          f"no fact {r['no_fact']} ({100 * r['no_fact'] / t:.1f}%)")
    print("no fact, by unit kind:  " + "  ".join(f"{k} {v}" for k, v in r["no_fact_by_unit"].items()))
    print("no fact, by clause shape:  " + "  ".join(f"{k} {v}" for k, v in r["no_fact_by_shape"].items()))
    print("no fact, top shape/unit:  " + "  ".join(f"{k} {v}" for k, v in r["no_fact_by_shape_unit"].items()))
    for s, ex in r["examples"].items():
        print(f"\n{s}:")
        for line in ex:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
