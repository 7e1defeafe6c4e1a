#!/usr/bin/env python3
"""Print a random sample of real-news records, none of them annotated in corpus/real.

For hand checks of what newskb finds in news it was not tuned on:

  python3 scripts/sample_records.py --seed 20261212 --n 300 > /tmp/s.jsonl
  build/newskb ingest --db /tmp/s.sqlite /tmp/s.jsonl
  sqlite3 /tmp/s.sqlite "SELECT doc_key, text, kind, sentence FROM v_policies"

The sample is random.Random(seed).sample over the corpus's records in file order, after leaving
out every id that a file of corpus/real names (so a sample never overlaps our gold).
"""
import argparse
import glob
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.join(HERE, "..", "..", "shared", "corpora", "real-news.dev.jsonl")


def gold_ids():
    ids = set()
    for path in glob.glob(os.path.join(HERE, "..", "corpus", "real", "*.jsonl")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    ids.add(d.get("doc") or d.get("id"))
    return ids


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, default=300)
    args = ap.parse_args()
    if not os.path.exists(args.corpus):
        print(f"sample_records: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    skip = gold_ids()
    with open(args.corpus, encoding="utf-8") as f:
        lines = [l for l in f if l.strip() and json.loads(l).get("id") not in skip]
    for line in random.Random(args.seed).sample(lines, min(args.n, len(lines))):
        sys.stdout.write(line if line.endswith("\n") else line + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
