#!/usr/bin/env python3
"""Draw the records of a blind held-out part from the real-news corpus.

    python3 scripts/heldout_candidates.py SEED OUT.jsonl [--per-source 2]

For each source (the id prefix: aml-, hkcnews-, xwlb-) it draws
`--per-source` ids with random.Random(SEED).sample over that source's sorted
ids, after leaving out every id the repository already names (git grep), and
records under 300 characters or holding U+FFFD (Big5 decoded wrongly). It
writes the drawn records whole to OUT, for annotators who must not run
newskb; it prints the ids. The held-out parts in corpus/real were drawn this
way (README there: seeds and dates).
"""
import argparse
import json
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "real-news.dev.jsonl"
ID_PATTERN = r"(aml|hkcnews|xwlb)-[0-9]+(-[0-9]+)?"


def ids_named_by_repository():
    out = subprocess.run(["git", "-C", str(ROOT), "grep", "-hoE", ID_PATTERN],
                         capture_output=True, text=True, check=False).stdout
    return set(out.split())


def usable(record):
    text = record.get("text") or ""
    return len(text) >= 300 and "\ufffd" not in text


def draw(records, seed, per_source, named):
    by_source = {}
    for rec in records:
        if rec["id"] in named or not usable(rec):
            continue
        by_source.setdefault(rec["id"].split("-")[0], []).append(rec["id"])
    rng = random.Random(seed)
    drawn = []
    for source in sorted(by_source):
        drawn += rng.sample(sorted(by_source[source]), per_source)
    return drawn


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("seed", type=int)
    ap.add_argument("out")
    ap.add_argument("--per-source", type=int, default=2)
    ap.add_argument("--corpus", default=str(CORPUS))
    args = ap.parse_args()
    records = {}
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            records[rec["id"]] = rec
    ids = draw(records.values(), args.seed, args.per_source,
               ids_named_by_repository())
    with open(args.out, "w", encoding="utf-8") as f:
        for i in ids:
            f.write(json.dumps(records[i], ensure_ascii=False) + "\n")
    print(" ".join(ids))


if __name__ == "__main__":
    sys.exit(main())
