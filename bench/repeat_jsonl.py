#!/usr/bin/env python3
"""Writes the records of a JSON Lines corpus repeated to at least N MB, for
memory and throughput runs on more text than the corpus holds (bench/,
docs/measurements.md: peak RSS at 100 MB and 1 GB). Copy c >= 1 of a record
gets the id ID~c and "（第c份）" before its text, so its content hash
differs and no copy is a duplicate; every other field is kept.

usage: bench/repeat_jsonl.py --mb 1000 IN.jsonl OUT.jsonl
"""
import argparse, json, sys

ap = argparse.ArgumentParser()
ap.add_argument("input")
ap.add_argument("out")
ap.add_argument("--mb", type=float, required=True)
a = ap.parse_args()
records = [line for line in open(a.input, encoding="utf-8") if line.strip()]
if not records:
    sys.exit(f"{a.input}: no records")
target, size, n, copy = a.mb * 1e6, 0, 0, 0
with open(a.out, "w", encoding="utf-8") as f:
    while size < target:
        for line in records:
            if size >= target:
                break
            if copy:
                r = json.loads(line)
                r["id"] = f"{r.get('id', n)}~{copy}"
                if isinstance(r.get("text"), str):
                    r["text"] = f"（第{copy}份）" + r["text"]
                line = json.dumps(r, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            n += 1
        copy += 1
print(f"{a.out}: {n} records, {size / 1e6:.1f} MB, {copy} copies", file=sys.stderr)
