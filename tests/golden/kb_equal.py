#!/usr/bin/env python3
"""usage: kb_equal.py A.sqlite B.sqlite

Exit 0 when two knowledge bases hold the same data: every row of documents,
sentences, mentions, entities, aliases, facts and rejects (ids included;
run_id and the reject's time left out, as they name the run), and every row
of the contract views. Else prints the first differences and exits 1.
"""
import sqlite3
import sys

SKIP = {"run_id", "at"}
TABLES = ["documents", "sentences", "mentions", "entities", "aliases", "facts", "rejects",
          "v_figures", "v_dates", "v_organizations", "v_policies", "v_places", "v_commodities",
          "v_facts"]


def rows(db, table):
    cols = [r[1] for r in db.execute(f"PRAGMA table_info({table})") if r[1] not in SKIP]
    sel = ", ".join(f'"{c}"' for c in cols)
    return cols, sorted(db.execute(f"SELECT {sel} FROM {table}").fetchall(), key=repr)


def main():
    a, b = (sqlite3.connect(f"file:{p}?mode=ro", uri=True) for p in sys.argv[1:3])
    bad = 0
    for t in TABLES:
        ca, ra = rows(a, t)
        cb, rb = rows(b, t)
        if ca != cb:
            print(f"{t}: columns differ: {ca} vs {cb}")
            bad += 1
            continue
        if ra != rb:
            bad += 1
            only_a = [r for r in ra if r not in set(rb)][:3]
            only_b = [r for r in rb if r not in set(ra)][:3]
            print(f"{t}: {len(ra)} vs {len(rb)} rows; only in the first: {only_a}; only in the second: {only_b}")
        else:
            print(f"{t}: {len(ra)} rows equal")
    if not any(n for n in [len(rows(a, "documents")[1])]):
        print("no documents: nothing compared")
        bad += 1
    sys.exit(1 if bad else 0)


main()
