#!/usr/bin/env python3
"""Split a page suite into a seen and an unseen part by a fixed rule.

  suite_parts.py SUITE.jsonl OUT_PREFIX [--salt S]
      writes OUT_PREFIX.seen.jsonl and OUT_PREFIX.unseen.jsonl

The pages are sorted by id; every third (index 2, 5, 8, ...) is unseen: a rule author
looks only at the seen part's per-page output and scores the unseen part as a whole,
so that a fix fitted to the pages read can be told from one that carries over (the
split of the earlier rounds, "2 of every 3 by sorted id"). With --salt S a page is unseen
when the MD5 of S + its id, read as a number, is divisible by 3: a new split for a new
round (--salt bodies8 is the eighth bodies round's). Then score each part:

  python3 ../shared/gold/body_score.py --newskb build/newskb OUT_PREFIX.seen.jsonl
"""
import hashlib
import json
import sys


def main():
    args = sys.argv[1:]
    salt = None
    if len(args) == 4 and args[2] == "--salt":
        salt = args[3]
        args = args[:2]
    if len(args) != 2:
        sys.exit(__doc__)
    pages = [json.loads(l) for l in open(args[0], encoding="utf-8") if l.strip()]
    pages.sort(key=lambda p: p["id"])
    parts = {"seen": [], "unseen": []}
    for i, p in enumerate(pages):
        if salt is None:
            unseen = i % 3 == 2
        else:
            unseen = int(hashlib.md5((salt + str(p["id"])).encode("utf-8")).hexdigest(), 16) % 3 == 0
        parts["unseen" if unseen else "seen"].append(p)
    for name, ps in parts.items():
        with open(f"{args[1]}.{name}.jsonl", "w", encoding="utf-8") as f:
            for p in ps:
                f.write(json.dumps(p, ensure_ascii=False) + "\n")
        print(f"{args[1]}.{name}.jsonl: {len(ps)} pages", file=sys.stderr)


if __name__ == "__main__":
    main()
