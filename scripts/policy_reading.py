#!/usr/bin/env python3
"""Which gold policies meet FORMAT.md's rule for a named policy, and which do not.

FORMAT.md (../shared/gold): "A policy is named: in quotation or book-title marks, with an English
or acronym alias, as a numbered order (13817號總統令), or repeating a name so given elsewhere in the
article." Annotators of corpus/real have also counted unmarked proper names (基本法 written bare in
an article that never marks it, 全球发展倡议 in a list). This script sorts every gold policy
mention of the files it is given into:

  marked    the occurrence stands in marks (《基本法》, 「X」計劃 for X, 生态保护“十五五”规划),
            or the mention is itself marked inside (“十四五”规划)
  alias     an English or acronym alias in brackets follows it, or it is Latin itself (IRA)
  numbered  a numbered order or decree (13817號總統令, 国务院令第708号)
  repeat    a repeat, without marks, of a name the article gives in one of the ways above:
            the same text, the gold name of such a mention, or its short form (the given name
            without a jurisdiction prefix: 中华人民共和国XX法 -> XX法; or a given name ending
            in it: 安全監察撮要報告 -> 撮要報告)
  unmarked  none of these: the annotator counted a proper name FORMAT.md does not make a policy

and prints, per file, the counts, the unmarked mentions, and (--write-format DIR) a copy of each
gold file keeping only the mentions that meet the rule, for scoring on that reading:

  python3 scripts/real_gold.py corpus/real/mentions-heldout4.expected.jsonl > /tmp/g.jsonl
  python3 scripts/policy_reading.py /tmp/g.jsonl
  python3 scripts/policy_reading.py --write-format /tmp/fmt /tmp/g.jsonl
  python3 ../shared/gold/evaluate.py --newskb build/newskb /tmp/fmt/g.jsonl

The input must carry the article text (scripts/real_gold.py fills it in). Occurrences are looked
for in the body (body_first .. body_last) when the line gives it, else in the whole text; the n-th
gold mention of a text is the n-th occurrence there.
"""
import argparse
import json
import os
import re
import sys

OPEN = "《「『“\"〈‘"
CLOSE = {"《": "》", "「": "」", "『": "』", "“": "”", "\"": "\"", "〈": "〉", "‘": "’"}
ANY_CLOSE = set(CLOSE.values())
# Jurisdictions a law's full title starts with and its short form drops.
JURISDICTIONS = ["中华人民共和国", "中華人民共和國", "香港特别行政区", "香港特別行政區", "澳门特别行政区",
                 "澳門特別行政區", "中华民国", "中華民國", "香港", "澳门", "澳門", "台湾", "臺灣", "台灣",
                 "国家", "國家", "全国", "全國"]
NUMBERED = re.compile(r"(第?[0-9０-９一二三四五六七八九十百千]+[号號](?:总统令|總統令|行政命令|行政令|令))|"
                      r"(令第?[0-9０-９]+[号號])|(executive order)", re.I)
LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9 .&'-]*$")
ALIAS_AFTER = re.compile(r"^[》」』”\"]?\s*[（(]\s*[A-Za-z]")


def body_of(d):
    t = d.get("text", "")
    first, last = d.get("body_first"), d.get("body_last")
    b = t.find(first) if first else -1
    e = t.find(last, max(b, 0)) if last else -1
    if b < 0:
        b = 0
    e = e + len(last) if e >= 0 else len(t)
    return t[b:e]


def occurrences(t, s):
    out, i = [], t.find(s)
    while i >= 0:
        out.append(i)
        i = t.find(s, i + 1)
    return out


def way_given(t, i, s):
    """How the occurrence t[i:i+len(s)] of mention s is named by itself, or None."""
    before = t[i - 1] if i > 0 else ""
    after = t[i + len(s)] if i + len(s) < len(t) else ""
    if before in OPEN and after in ANY_CLOSE:
        return "marked"
    if s[:1] in OPEN or any(c in s for c in "“「『《"):
        return "marked"
    # Inside a marked title as its whole head-less name: 「X」計劃 is X with its head.
    if ALIAS_AFTER.match(t[i + len(s):i + len(s) + 4]):
        return "alias"
    if LATIN.match(s):
        return "alias"
    if NUMBERED.search(s):
        return "numbered"
    return None


def short_forms(name):
    forms = {name}
    for j in JURISDICTIONS:
        if name.startswith(j) and len(name) - len(j) >= 2:
            forms.add(name[len(j):])
    return forms


def classify(d):
    """[(mention, way)] for the gold policies of one document."""
    t = body_of(d)
    ps = d.get("policies", [])
    seen = {}
    ways = []
    for p in ps:
        s = p["text"]
        k = seen.get(s, 0)
        seen[s] = k + 1
        occ = occurrences(t, s)
        if not occ:
            occ = occurrences(d.get("text", ""), s)
            tt = d.get("text", "")
        else:
            tt = t
        i = occ[min(k, len(occ) - 1)] if occ else -1
        ways.append(way_given(tt, i, s) if i >= 0 else None)
    given = set()
    for p, w in zip(ps, ways):
        if w:
            given |= short_forms(p["text"]) | short_forms(p.get("name", p["text"]))
    # Any occurrence of a gold name given in marks anywhere in the body counts as its giving too.
    for p in ps:
        for n in {p["text"], p.get("name", p["text"])}:
            if any(way_given(t, i, n) for i in occurrences(t, n)):
                given |= short_forms(n)
    out = []
    for p, w in zip(ps, ways):
        if not w:
            s, n = p["text"], p.get("name", p["text"])
            if s in given or n in given or any(len(s) >= 2 and g.endswith(s) for g in given):
                w = "repeat"
            else:
                w = "unmarked"
        out.append((p, w))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write-format", metavar="DIR",
                    help="write each file with only the mentions FORMAT.md makes policies")
    ap.add_argument("--quiet", action="store_true", help="counts only")
    ap.add_argument("gold", nargs="+")
    args = ap.parse_args()
    total = {}
    for path in args.gold:
        counts = {}
        lines = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                d = json.loads(line)
                if "text" not in d:
                    print(f"policy_reading: {path}: {d.get('id')} has no text (run scripts/real_gold.py)",
                          file=sys.stderr)
                    return 2
                kept = []
                for p, w in classify(d):
                    counts[w] = counts.get(w, 0) + 1
                    total[w] = total.get(w, 0) + 1
                    if w == "unmarked":
                        if not args.quiet:
                            print(f"  unmarked {d['id']}: {p['text']} ({p.get('kind')})")
                    else:
                        kept.append(p)
                if "policies" in d:
                    d["policies"] = kept
                lines.append(d)
        meets = sum(v for k, v in counts.items() if k != "unmarked")
        print(f"{path}: {meets + counts.get('unmarked', 0)} gold policies, {meets} meet FORMAT.md "
              f"({', '.join(f'{k} {v}' for k, v in sorted(counts.items()) if k != 'unmarked') or 'none'}), "
              f"{counts.get('unmarked', 0)} unmarked")
        if args.write_format:
            os.makedirs(args.write_format, exist_ok=True)
            with open(os.path.join(args.write_format, os.path.basename(path)), "w", encoding="utf-8") as f:
                for d in lines:
                    f.write(json.dumps(d, ensure_ascii=False) + "\n")
    if len(args.gold) > 1:
        meets = sum(v for k, v in total.items() if k != "unmarked")
        print(f"all: {meets + total.get('unmarked', 0)} gold policies, {meets} meet FORMAT.md, "
              f"{total.get('unmarked', 0)} unmarked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
