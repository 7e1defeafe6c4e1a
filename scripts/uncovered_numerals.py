#!/usr/bin/env python3
"""Rank the numerals of stored article bodies that no figure, date or mask explains.

The figure and date rules were written from sentences someone read; this tool looks at every
numeral of a whole sample instead, so the gaps come out ranked by how often they occur:

  python3 scripts/sample_records.py --seed 20261245 --n 3000 > /tmp/s.jsonl
  python3 scripts/uncovered_numerals.py --input /tmp/s.jsonl            # ingests into a temporary KB
  python3 scripts/uncovered_numerals.py --db KB --top 30 --examples 3   # or reads a KB already made
  python3 scripts/uncovered_numerals.py --db KB --covered figure        # numerals figures DID take:
                                                                        # a precision sample by class

Three reports, most frequent class first, each with its count and example ids and contexts:

1. uncovered numeral runs: every run of Arabic digits (1,200.5), full-width digits, Chinese
   numerals (二〇二四, 三十五, 四萬, 壹佰; a lone 一 or 二 only before a scale), 半, and 兩/两
   before a measure word, that no mention of any kind (figure, date, organization, policy, place,
   commodity) touches and no mask (extractors/rules/masks.json: URLs, phones, stock codes,
   model numbers...) covers. A run's class is its style (arabic, fullwidth, cn, mixed, half,
   liang) with the characters after it (--after, default 2, folded: Simplified, half width,
   lower case; digits shown as 9); the characters before it (--before, default 2) are counted
   within the class and the most common shown.
2. partial spans: figures and dates whose span ends right before a unit, qualifier, currency or
   date qualifier (前, 后, 以来, 起, 为止...) that it leaves out, or starts right after a
   qualifier it leaves out (约, 近, 逾, 超过, 截至...). The words are figure_words.tsv's
   currency, unit and qualifier tables and date_words.tsv's qualifier table (folded; rows that
   give no qualifier, such as 达 or 在, left out); class = kind, side, word.
3. (--covered KIND) the numeral runs that mentions of KIND do cover, by the same classes: the
   classes FORMAT.md does not count (ordinals, scores, ids) that show up here are false figures.

Masks are approximated: masks.json's patterns run with Python's re (ASCII \\b, as RE2; \\p{Han}
as the CJK blocks) over the body folded character by character with newskb's own fold()
(through `newskb query`: Traditional -> Simplified, half width, lower case). A mask
the C++ masker finds through a phrase-level conversion may be missed here; such a numeral is
listed as uncovered, never hidden.
"""
import argparse
import collections
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata

# \p{Han} of masks.json for Python's re (the CJK blocks RE2's Han script spans).
HAN = "\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")

CN_DIGITS = "零〇一二两兩三四五六七八九壹贰貳叁參参肆伍陆陸柒捌玖"
CN_UNITS = "十百千拾佰仟廿卅"
CN_SCALES = "万萬亿億兆"
CN_ALL = CN_DIGITS + CN_UNITS + CN_SCALES + "点點"
FW_DIGITS = "０１２３４５６７８９"

# Arabic (half or full width) with thousands separators and a decimal part, optionally followed
# by Chinese scales (3.5万 is "mixed"); or a Chinese run; or 半.
NUMERAL = re.compile(
    r"(?:[0-9０-９]+(?:[,，.．][0-9０-９]+)*(?:[" + CN_UNITS + CN_SCALES + r"]+)?)"
    r"|(?:[" + CN_ALL + r"]+)"
    r"|半")

# Measure words after which 两/兩 (and a lone single Chinese digit) is a count.
MEASURE_AFTER_LIANG = set("个個名位家间間项項次年月天日周週岁歲成倍座所款种種类類艘架辆輛批条條张張部只隻份件台臺层層场場届屆期节節轮輪万萬亿億千百十米吨噸公斤克元块塊角分秒小时時")


def load_jsonc(path):
    """JSON with // comments outside strings (extractors/rules/README.md)."""
    out, i, s, in_str = [], 0, open(path, encoding="utf-8").read(), False
    while i < len(s):
        c = s[i]
        if in_str:
            out.append(c)
            if c == "\\":
                out.append(s[i + 1]); i += 1
            elif c == '"':
                in_str = False
        elif c == '"':
            in_str = True; out.append(c)
        elif s.startswith("//", i):
            while i < len(s) and s[i] != "\n":
                i += 1
            continue
        else:
            out.append(c)
        i += 1
    return json.loads("".join(out))


def expand(pattern, macros, depth=0):
    if depth > 10:
        return pattern
    def sub(m):
        name = m.group(1)
        return "(?:" + expand(macros[name], macros, depth + 1) + ")" if name in macros else m.group(0)
    return re.sub(r"\{([A-Z][A-Z0-9_]*)\}", sub, pattern)


def mask_patterns(rules_dir):
    macros = dict(load_jsonc(os.path.join(rules_dir, "macros.json")).get("macros", {}))
    f = load_jsonc(os.path.join(rules_dir, "masks.json"))
    macros.update(f.get("macros", {}))
    out = []
    for r in f["rules"]:
        pat = expand(r["pattern"], macros).replace("[\\p{Han}]", "[" + HAN + "]").replace("\\p{Han}", HAN)
        try:
            out.append((r["id"], re.compile(pat, re.ASCII)))
        except re.error as e:
            print(f"uncovered_numerals: {r['id']}: {e}: skipped", file=sys.stderr)
    return out


class Folder:
    """Character-by-character fold with newskb's own fold() (`newskb query` has it), so the folded
    text has the input's length and offsets stay exact."""

    def __init__(self, newskb, db):
        self.newskb, self.db, self.cache = newskb, db, {}

    def _fold(self, items):
        items = [w for w in dict.fromkeys(items) if w not in self.cache]
        for i in range(0, len(items), 400):
            part = items[i:i + 400]
            values = ",".join("('" + w.replace("'", "''") + "')" for w in part)
            r = subprocess.run([self.newskb, "query", "--db", self.db, "--format", "json",
                                f"SELECT column1 AS w, fold(column1) AS f FROM (VALUES {values})"],
                               capture_output=True, text=True)
            if r.returncode != 0:
                sys.exit(f"uncovered_numerals: newskb query fold() failed: {r.stderr[-300:]}")
            for row in json.loads(r.stdout):
                self.cache[row["w"]] = row["f"] or row["w"]

    def prepare(self, texts):
        chars = set()
        for t in texts:
            chars.update(t)
        self._fold([c for c in chars if c.isprintable() and c != "\x00"])

    def char(self, c):
        f = self.cache.get(c, c)
        if len(f) != 1:
            n = unicodedata.normalize("NFKC", c).lower()
            f = n if len(n) == 1 else c
        return f

    def text(self, s):
        return "".join(self.char(c) for c in s)

    def words(self, ws):
        self._fold(list(ws))

    def word(self, s):
        if s not in self.cache:
            self._fold([s])
        return self.cache[s]


def style(run):
    has_ar = any(c.isascii() and c.isdigit() for c in run)
    has_fw = any(c in FW_DIGITS for c in run)
    has_cn = any(c in CN_ALL for c in run)
    if run == "半":
        return "half"
    if run in ("两", "兩"):
        return "liang"
    if (has_ar or has_fw) and has_cn:
        return "mixed"
    if has_fw:
        return "fullwidth"
    return "arabic" if has_ar else "cn"


def shape(s):
    """Folded context with digits shown as 9 and Chinese digits as 〇 (so classes gather)."""
    return "".join("9" if c.isdigit() else "〇" if c in CN_DIGITS else c for c in s)


def keep_run(run, after):
    """A Chinese-numeral run counts when it is a number, not a word that holds a digit."""
    st = style(run)
    if st in ("arabic", "fullwidth", "mixed", "half"):
        return True
    if st == "liang":
        return bool(after) and after[0] in MEASURE_AFTER_LIANG
    core = run.strip("点點")
    if not core:
        return False
    if len(core) == 1:
        # a lone digit other than 一/二 before a measure word (三天, 五年); scales alone are words (千万)
        return core in "三四五六七八九" and bool(after) and after[0] in MEASURE_AFTER_LIANG
    if all(c in CN_SCALES + CN_UNITS for c in core):
        return False  # 千万 (by all means), 百万 alone is rare and vague
    if core in ("一一", "万一", "萬一", "一万", "十一", "一二", "三三", "十二"):
        return core in ("十一", "十二") and bool(after) and after[0] in MEASURE_AFTER_LIANG
    # 一 + digit-free word-ish pairs (一千 is kept, 一一 not)
    return any(c in CN_UNITS + CN_SCALES + "〇零" for c in core) or len(core) >= 2


def ingest(newskb, inp, db):
    if os.path.exists(db):
        os.remove(db)
    r = subprocess.run([newskb, "ingest", "--db", db, inp], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True)
    if r.returncode not in (0, 1):
        sys.exit(f"uncovered_numerals: newskb ingest failed ({r.returncode}): {r.stderr[-500:]}")


def words_of(rules_dir, folder):
    """Words a span may leave out, by kind and side: after a figure its currencies, units and
    qualifiers (figure_words.tsv), before it its qualifiers; after a date its qualifiers
    (date_words.tsv: 前, 后, 以来, 起, 为止...), before it those of 'by' (截至, 直到; not 到/至,
    which mostly join a range). Only table rows that give a qualifier count (达, 在 give none)."""
    rows = []
    for name, kind, tables in (("figure_words.tsv", "figure", ("currency", "unit", "subunit", "qualifier")),
                               ("date_words.tsv", "date", ("qualifier",))):
        for line in open(os.path.join(rules_dir, name), encoding="utf-8"):
            if line.startswith("#") or "\t" not in line:
                continue
            f = line.rstrip("\n").split("\t")
            t, w, v = f[0], f[1], (f[2] if len(f) > 2 else "")
            if t in tables and not w.isascii() and v.strip():
                rows.append((kind, t, w, v.strip()))
    folder.words([w for _, _, w, _ in rows])
    out = {("figure", "after"): set(), ("figure", "before"): set(), ("date", "after"): set(),
           ("date", "before"): set()}
    for kind, t, w, v in rows:
        w = folder.word(w)
        if kind == "figure":
            out[(kind, "after")].add(w)
            if t == "qualifier":
                out[(kind, "before")].add(w)
        elif v == "by" and w not in ("到", "至"):
            out[(kind, "before")].add(w)
            out[(kind, "after")].add(w)
        else:
            out[(kind, "after")].add(w)
    return {k: sorted(v, key=len, reverse=True) for k, v in out.items()}


def context(text, b, e, width=12):
    return (text[max(0, b - width):b] + "[" + text[b:e] + "]" + text[e:e + width]).replace("\n", " ")


def report(title, classes, top, n_examples, before_counts=None, rng=None):
    total = sum(len(v) for v in classes.values())
    print(f"\n## {title}: {total} in {len(classes)} classes")
    for rank, (key, items) in enumerate(sorted(classes.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top], 1):
        extra = ""
        if before_counts is not None:
            bc = before_counts[key].most_common(4)
            extra = "  before: " + ", ".join(f"{w or '^'}:{n}" for w, n in bc)
        print(f"{rank:3d}. {len(items):6d}  {key}{extra}")
        ex = items if len(items) <= n_examples else rng.sample(items, n_examples)
        for doc, ctx in ex:
            print(f"         {doc}: {ctx}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--input", help="JSON Lines records to ingest into a temporary knowledge base")
    src.add_argument("--db", help="a knowledge base already made")
    ap.add_argument("--newskb", default=os.path.join(ROOT, "build", "newskb"))
    ap.add_argument("--rules", default=os.path.join(ROOT, "extractors", "rules"))
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--after", type=int, default=2, help="characters after a numeral in its class")
    ap.add_argument("--before", type=int, default=2, help="characters before a numeral counted in its class")
    ap.add_argument("--covered", choices=["figure", "date"], help="report the runs this kind covers instead")
    ap.add_argument("--seed", type=int, default=1, help="which examples are shown")
    ap.add_argument("--dump", help="also write every listed run as JSON Lines (doc, run, style, folded text "
                    "before and after) for other groupings")
    args = ap.parse_args()

    tmp = None
    db = args.db
    if args.input:
        tmp = tempfile.mkdtemp(prefix="uncovered_")
        db = os.path.join(tmp, "kb.sqlite")
        ingest(args.newskb, args.input, db)
    conn = sqlite3.connect(db)
    folder = Folder(args.newskb, db)
    masks = mask_patterns(args.rules)
    words = words_of(args.rules, folder)
    rng = random.Random(args.seed)

    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    docs = conn.execute("SELECT doc_id, doc_key, text FROM documents ORDER BY doc_id").fetchall()
    folder.prepare(t or "" for _, _, t in docs)
    mentions = collections.defaultdict(list)
    for doc_id, kind, s, e in conn.execute('SELECT doc_id, kind, start, "end" FROM mentions'):
        mentions[doc_id].append((kind, s, e))

    uncovered = collections.defaultdict(list)
    uncovered_before = collections.defaultdict(collections.Counter)
    partial = collections.defaultdict(list)
    n_runs = n_covered = n_masked = 0
    for doc_id, key, text in docs:
        text = text or ""
        ft = folder.text(text)
        owner = [None] * len(text)  # kind covering each code point
        for kind, s, e in mentions[doc_id]:
            for i in range(max(0, s), min(e, len(text))):
                if owner[i] is None or kind in ("figure", "date"):
                    owner[i] = kind
        for _, rx in masks:
            for m in rx.finditer(ft):
                for i in range(m.start(), m.end()):
                    if owner[i] is None:
                        owner[i] = "mask"
        for m in NUMERAL.finditer(text):
            b, e = m.span()
            run = m.group(0)
            aft = ft[e:e + args.after]
            if not keep_run(run, aft):
                continue
            n_runs += 1
            kinds = {owner[i] for i in range(b, e)} - {None}
            if args.covered:
                if args.covered not in kinds:
                    continue
            elif kinds:
                n_masked += "mask" in kinds
                n_covered += 1
                continue
            cls = f"{style(run):9s} +{shape(aft)}"
            uncovered[cls].append((key, context(text, b, e)))
            if dump:
                dump.write(json.dumps({"doc": key, "run": run, "style": style(run), "start": b,
                                       "before": ft[max(0, b - 10):b], "after": ft[e:e + 10]},
                                      ensure_ascii=False) + "\n")
            uncovered_before[cls][shape(ft[max(0, b - args.before):b])] += 1
        if args.covered:
            continue
        for kind, s, e in mentions[doc_id]:
            if kind not in ("figure", "date"):
                continue
            for w in words[(kind, "after")]:
                if ft.startswith(w, e) and (e >= len(owner) or owner[e] not in ("figure", "date")):
                    partial[f"{kind:6s} after  {w}"].append((key, context(text, s, e)))
                    break
            for w in words[(kind, "before")]:
                if s >= len(w) and ft.startswith(w, s - len(w)) and owner[s - 1] not in ("figure", "date"):
                    partial[f"{kind:6s} before {w}"].append((key, context(text, s, e)))
                    break

    print(f"# {len(docs)} documents, {n_runs} numeral runs"
          + ("" if args.covered else f": {n_covered} covered by a mention or mask ({n_masked} by a mask), "
             f"{n_runs - n_covered} uncovered"))
    title = f"numeral runs covered by {args.covered}" if args.covered else "uncovered numeral runs"
    report(title + " (class: style +folded characters after; 9 = a digit, 〇 = a Chinese digit)", uncovered,
           args.top, args.examples, uncovered_before, rng)
    if not args.covered:
        report("partial spans (a figure or date next to a word it leaves out)", partial, args.top, args.examples,
               None, rng)
    if tmp:
        os.remove(db)
        for f in os.listdir(tmp):
            os.remove(os.path.join(tmp, f))
        os.rmdir(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
