#!/usr/bin/env python3
"""Fill in article text for gold lines that name a real-news article by id.

Our annotations of real articles (corpus/real/*.jsonl) keep only the article id, so that no
article of ../shared/corpora is copied into the repository. evaluate.py ingests a gold line's
"text"; this script adds it (and the record's title, date and source) from the corpus:

  python3 scripts/real_gold.py corpus/real/real-gold.dev.jsonl > /tmp/g.jsonl
  python3 ../shared/gold/evaluate.py --newskb build/newskb /tmp/g.jsonl

A question line ({"doc", "question", ...}, as in questions.dev.jsonl) becomes one gold line per
article it asks about, {"id", "date", "text", "complete": []}, so that evaluate.py ingests the
article and scores nothing but the questions:

  python3 scripts/real_gold.py corpus/real/questions.dev.jsonl > /tmp/qdocs.jsonl
  python3 ../shared/gold/evaluate.py --newskb build/newskb --questions corpus/real/questions.dev.jsonl /tmp/qdocs.jsonl

With --records, it prints the corpus records themselves ({"id","title","date","source","text"},
as a crawler delivers them) for the articles the files name, to ingest directly:

  python3 scripts/real_gold.py --records corpus/real/bodies.expected.jsonl > /tmp/b.jsonl
  build/newskb ingest --db /tmp/b.sqlite /tmp/b.jsonl
  python3 scripts/score_bodies.py --db /tmp/b.sqlite corpus/real/bodies.expected.jsonl

Lines that already carry "text" or "source" pass through unchanged. An id missing from the
corpus is an error (exit 1) naming the id.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.join(HERE, "..", "..", "shared", "corpora", "real-news.dev.jsonl")


def wanted_ids(paths):
    ids = set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    if "text" not in d and "source" not in d:
                        ids.add(d.get("doc") or d["id"])
    return ids


def load_articles(corpus, ids):
    found = {}
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("id") in ids:
                found[rec["id"]] = rec
    return found


def print_records(paths, articles):
    status = 0
    seen = set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                d = json.loads(line)
                key = d.get("doc") or d["id"]
                if key in seen:
                    continue
                seen.add(key)
                if key not in articles:
                    print(f"real_gold: {path}: id {key} is not in the corpus", file=sys.stderr)
                    status = 1
                    continue
                sys.stdout.write(json.dumps(articles[key], ensure_ascii=False) + "\n")
    return status


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--records", action="store_true", help="print the named corpus records")
    ap.add_argument("gold", nargs="+")
    args = ap.parse_args()
    if not os.path.exists(args.corpus):
        print(f"real_gold: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    articles = load_articles(args.corpus, wanted_ids(args.gold))
    if args.records:
        return print_records(args.gold, articles)
    status = 0
    emitted = set()
    for path in args.gold:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                d = json.loads(line)
                if "question" in d:
                    if d["doc"] in emitted:
                        continue
                    emitted.add(d["doc"])
                    d = {"id": d["doc"], "complete": []}
                if "text" not in d and "source" not in d:
                    rec = articles.get(d["id"])
                    if rec is None:
                        print(f"real_gold: {path}: id {d['id']} is not in {args.corpus}", file=sys.stderr)
                        status = 1
                        continue
                    d["text"] = rec["text"]
                    d.setdefault("date", rec.get("date"))
                    if d.get("date") is None:
                        d["date"] = rec.get("date")
                sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
