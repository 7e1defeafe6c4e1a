#!/usr/bin/env python3
"""Split a page suite into a seen and an unseen part by a fixed rule.

  suite_parts.py SUITE.jsonl OUT_PREFIX   writes OUT_PREFIX.seen.jsonl and OUT_PREFIX.unseen.jsonl

The pages are sorted by id; every third (index 2, 5, 8, ...) is unseen: a rule author
looks only at the seen part's per-page output and scores the unseen part as a whole,
so that a fix fitted to the pages read can be told from one that carries over (the
split of the earlier rounds, "2 of every 3 by sorted id"). Then score each part:

  python3 ../shared/gold/body_score.py --newskb build/newskb OUT_PREFIX.seen.jsonl
"""
import json
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    pages = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
    pages.sort(key=lambda p: p["id"])
    parts = {"seen": [], "unseen": []}
    for i, p in enumerate(pages):
        parts["unseen" if i % 3 == 2 else "seen"].append(p)
    for name, ps in parts.items():
        with open(f"{sys.argv[2]}.{name}.jsonl", "w", encoding="utf-8") as f:
            for p in ps:
                f.write(json.dumps(p, ensure_ascii=False) + "\n")
        print(f"{sys.argv[2]}.{name}.jsonl: {len(ps)} pages", file=sys.stderr)


if __name__ == "__main__":
    main()
