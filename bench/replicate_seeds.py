#!/usr/bin/env python3
"""Writes the seed articles replicated to at least N MB as JSON Lines, for
throughput measurements (`newskb ingest`, bench/). Each copy gets a new id
and one varied number, so the content hash differs and no copy is a
duplicate.

usage: bench/replicate_seeds.py [--mb 20] [--seeds ../shared/corpus/seeds] OUT.jsonl
"""
import argparse, json, os, re, sys

ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("--mb", type=float, default=20)
ap.add_argument("--seeds", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus", "seeds"))
a = ap.parse_args()
docs = []
for name in sorted(os.listdir(a.seeds)):
    if not name.endswith(".txt"):
        continue
    text = open(os.path.join(a.seeds, name), encoding="utf-8").read()
    date = None
    m = re.match(r" ?date (\d{4}-\d{2}-\d{2}) ", text)
    if m:
        date, text = m.group(1), text[m.end():]
    docs.append((name[:-4], date, text))
if not docs:
    sys.exit(f"no seeds in {a.seeds}")
target, size, i = a.mb * 1e6, 0, 0
with open(a.out, "w", encoding="utf-8") as f:
    while size < target:
        key, date, text = docs[i % len(docs)]
        line = json.dumps({"id": f"{key}-{i}", "date": date, "text": f"（第{i}份）" + text}, ensure_ascii=False) + "\n"
        f.write(line)
        size += len(line.encode("utf-8"))
        i += 1
print(f"{a.out}: {i} documents, {size / 1e6:.1f} MB", file=sys.stderr)
