#!/usr/bin/env python3
"""Count figures that overlap a URL-like or percent-encoded run of the stored bodies.

Issue 12 counted about 2,000 false figures in percent-encoded URLs of the real-news corpus
(%E3%80%8C read as 80%). This re-measures it on a knowledge base:

  build/newskb ingest --db /tmp/all.sqlite --jobs 2 ../shared/corpora/real-news.dev.jsonl
  python3 scripts/figures_in_urls.py --db /tmp/all.sqlite [--show 20]

A run is a maximal stretch of URL characters (ASCII letters, digits, %._~:/?#@!$&'*+,;=-) that
holds ://, starts with www., holds a %XX pair or names a host (x.com/, x.hk ...). A figure counts
when its span overlaps such a run. Figures are read from documents.text (the body), so this is the
count of false figures a user sees; a %XX pair glued to a word (91%DACA) is listed to be read.
"""
import argparse
import collections
import re
import sqlite3

URL_CHARS = re.compile(r"[A-Za-z0-9%._~:/?#@!$&'*+,;=\-]+")
HOST = re.compile(r"[a-z0-9-]+\.(?:com|org|net|hk|cn|tw|gov|edu|io)(?:/|$)")
PCT = re.compile(r"%[0-9A-Fa-f]{2}")


def urlish(s):
    low = s.lower()
    return "://" in s or low.startswith("www.") or PCT.search(s) or HOST.search(low)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--show", type=int, default=20, help="examples to print")
    a = ap.parse_args()
    db = sqlite3.connect(a.db)
    by_doc = collections.defaultdict(list)
    total = 0
    for doc_id, text, start, end, rule in db.execute('SELECT doc_id, text, start, "end", rule FROM v_figures'):
        by_doc[doc_id].append((text, start, end, rule))
        total += 1
    hits, with_pct, docs_pct, docs_url, shown = 0, 0, 0, 0, []
    for doc_id, body in db.execute("SELECT doc_id, text FROM documents"):
        runs = [(m.start(), m.end(), m.group()) for m in URL_CHARS.finditer(body) if urlish(m.group())]
        docs_pct += any(PCT.search(g) for _, _, g in runs)
        docs_url += any("://" in g or g.lower().startswith("www.") for _, _, g in runs)
        for text, start, end, rule in by_doc.get(doc_id, []):
            if any(s < end and start < e for s, e, _ in runs):
                hits += 1
                with_pct += "%" in text
                if len(shown) < a.show:
                    shown.append((text, rule, body[max(0, start - 25):end + 10].replace("\n", " ")))
    print(f"figures {total}; overlapping a URL-like or %XX run {hits} ({with_pct} with % in their text)")
    print(f"bodies holding a %XX pair {docs_pct}; bodies holding a URL {docs_url}")
    for s in shown:
        print("  ", *s, sep="\t")


if __name__ == "__main__":
    main()
