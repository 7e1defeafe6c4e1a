#!/usr/bin/env python3
"""usage: search_latency.py DB EXTENSION [--queries 100] [--seed 1] [--newskb BIN]

Search latency on a knowledge base (a benchmark, not a test): draws
--queries terms of one to four CJK characters from random stored articles
(fixed seed), runs each as `newskb search` does (MATCH, bm25 order,
highlight, top 20) through libnewskb_sqlite in one connection, and prints
the median and p99 milliseconds, hits, and the index's share of the file.
With --newskb, also times the whole `newskb search` command (process start
included) on the first 20 terms."""
import argparse
import os
import random
import re
import sqlite3
import statistics
import subprocess
import time

SQL = ("SELECT d.doc_key, d.published, d.title, highlight(documents_fts, 1, '«', '»'), -documents_fts.rank "
       "FROM documents_fts JOIN documents d ON d.doc_id = documents_fts.rowid "
       "WHERE documents_fts MATCH ? ORDER BY documents_fts.rank LIMIT 20")


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("ext")
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--newskb")
    a = ap.parse_args()
    con = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
    con.enable_load_extension(True)
    con.load_extension(os.path.splitext(a.ext)[0])
    rng = random.Random(a.seed)
    n_docs = con.execute("SELECT max(doc_id) FROM documents").fetchone()[0]
    terms = []
    while len(terms) < a.queries:
        row = con.execute("SELECT text FROM documents WHERE doc_id = ?", (rng.randint(1, n_docs),)).fetchone()
        runs = re.findall(r"[\u4e00-\u9fff]{4,}", row[0] if row else "")
        if not runs:
            continue
        run = rng.choice(runs)
        k = rng.choice([1, 2, 2, 3, 4])
        i = rng.randrange(0, len(run) - k + 1)
        terms.append(run[i:i + k])
    ms, hits = [], 0
    for t in terms:
        t0 = time.perf_counter()
        rows = con.execute(SQL, ('"' + t + '"',)).fetchall()
        ms.append((time.perf_counter() - t0) * 1000)
        hits += len(rows)
    fts = con.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'documents_fts%'").fetchone()[0] or 0
    total = con.execute("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()").fetchone()[0]
    docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    print(f"{docs} documents, {len(terms)} queries of 1-4 characters (seed {a.seed}): "
          f"median {statistics.median(ms):.1f} ms, p99 {pct(ms, 99):.1f} ms, max {max(ms):.1f} ms, "
          f"{hits / len(terms):.1f} rows a query (top 20)")
    print(f"index {fts / 1e6:.1f} MB of {total / 1e6:.1f} MB: {100 * fts / total:.1f}% of the file")
    if a.newskb:
        wall = []
        for t in terms[:20]:
            t0 = time.perf_counter()
            subprocess.run([a.newskb, "search", "--db", a.db, "--format", "jsonl", t], capture_output=True)
            wall.append((time.perf_counter() - t0) * 1000)
        print(f"`newskb search` command, 20 queries: median {statistics.median(wall):.0f} ms (process start included)")


if __name__ == "__main__":
    main()
