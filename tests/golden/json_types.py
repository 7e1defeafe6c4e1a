#!/usr/bin/env python3
"""usage: json_types.py NEWSKB CORPUS_DIR

Typed output, end to end: ingests CORPUS_DIR into a scratch knowledge base,
then prints every public view (and v_entities, runs, rejects) with
`newskb query --format json` and with `--format jsonl`, parses both with
Python's json and checks each cell against what Python's sqlite3 reads
from the same file: INTEGER -> int, REAL -> float (same value), TEXT -> str,
NULL -> None, BLOB -> hex str. Also a row of edge values ('2026' as TEXT,
.5, 5.0, a BLOB with a NUL, 1e999, invalid UTF-8) and CSV read back by
Python's csv module (RFC 4180; --excel: byte-order mark and CRLF).
Exits 1 with the first differences."""
import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

VIEWS = ["documents", "v_figures", "v_dates", "v_organizations", "v_policies", "v_places",
         "v_commodities", "v_facts", "v_entities", "runs", "rejects"]


def newskb(*args, stdin=None):
    r = subprocess.run([NEWSKB, *args], capture_output=True, input=stdin)
    if r.returncode != 0:
        sys.exit(f"newskb {' '.join(args)} exited {r.returncode}: {r.stderr.decode(errors='replace')}")
    return r.stdout


def expected(value):
    if isinstance(value, bytes):
        return value.hex()
    return value


def same(got, want):
    if type(got) is not type(want):
        return False
    if isinstance(want, float):
        return got == want or (want != want and got != got)
    return got == want


def check(name, rows, db_rows, cols, failures):
    if len(rows) != len(db_rows):
        failures.append(f"{name}: {len(rows)} rows in JSON, {len(db_rows)} in SQLite")
        return
    for i, (obj, ref) in enumerate(zip(rows, db_rows)):
        if list(obj.keys()) != cols:
            failures.append(f"{name} row {i}: keys {list(obj.keys())} != columns {cols}")
            return
        for c, v in zip(cols, ref):
            if not same(obj[c], expected(v)):
                failures.append(f"{name} row {i} column {c}: JSON {obj[c]!r} ({type(obj[c]).__name__}), "
                                f"SQLite {v!r} ({type(v).__name__})")
                return


def main():
    global NEWSKB
    NEWSKB, corpus = sys.argv[1], sys.argv[2]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "kb.sqlite")
        r = subprocess.run([NEWSKB, "ingest", "--db", db, corpus], capture_output=True)
        if r.returncode not in (0, 1):
            sys.exit(f"ingest exited {r.returncode}: {r.stderr.decode(errors='replace')}")
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        con.text_factory = lambda b: b.decode("utf-8", errors="replace")
        total = 0
        for view in VIEWS:
            sql = f"SELECT * FROM {view} ORDER BY rowid" if view in ("documents", "runs", "rejects") \
                else f"SELECT * FROM {view}"
            cur = con.execute(sql)
            cols = [d[0] for d in cur.description]
            db_rows = cur.fetchall()
            check(view + " (json)", json.loads(newskb("query", "--db", db, "--format", "json", sql)),
                  db_rows, cols, failures)
            lines = newskb("query", "--db", db, "--format", "jsonl", sql).decode().splitlines()
            check(view + " (jsonl)", [json.loads(l) for l in lines], db_rows, cols, failures)
            total += len(db_rows)
        if total < 100:
            failures.append(f"only {total} rows in the views: is {corpus} the corpus?")

        edge = ("SELECT '2026' AS t, 2026 AS i, .5 AS r, 5.0 AS f, 0.1 AS p, -0.0 AS z, 1e300 AS big, "
                "9223372036854775807 AS maxi, x'00ff41' AS b, NULL AS n, 'a\"b\\\\c\n\t\x01' AS esc, "
                "CAST(x'ff41' AS TEXT) AS bad_utf8, '稀土' AS cjk")
        obj = json.loads(newskb("query", "--db", db, "--format", "json", edge))[0]
        want = {"t": "2026", "i": 2026, "r": 0.5, "f": 5.0, "p": 0.1, "z": -0.0, "big": 1e300,
                "maxi": 9223372036854775807, "b": "00ff41", "n": None, "esc": "a\"b\\\\c\n\t\x01",
                "bad_utf8": "\ufffdA", "cjk": "稀土"}
        for k, v in want.items():
            if not same(obj.get(k), v):
                failures.append(f"edge value {k}: got {obj.get(k)!r}, want {v!r}")
        inf = json.loads(newskb("query", "--db", db, "--format", "json", "SELECT 1e999 AS inf"))[0]["inf"]
        if inf != float("inf"):
            failures.append(f"1e999: got {inf!r}")

        text = 'comma, "quote"\nline'
        sql = f"SELECT 1 AS n, '{text}' AS t, NULL AS z"
        plain = newskb("query", "--db", db, "--format", "csv", sql)
        rows = list(csv.reader(io.StringIO(plain.decode(), newline="")))
        if rows != [["n", "t", "z"], ["1", text, ""]] or b"\r\n" in plain:
            failures.append(f"csv: {plain!r}")
        excel = newskb("query", "--db", db, "--excel", sql)
        if not excel.startswith(b"\xef\xbb\xbf") or excel.count(b"\r\n") != 2:
            failures.append(f"csv --excel: {excel!r}")
        rows = list(csv.reader(io.StringIO(excel.decode("utf-8-sig"), newline="")))
        if rows != [["n", "t", "z"], ["1", text, ""]]:
            failures.append(f"csv --excel read back: {rows!r}")
    for f in failures[:20]:
        print(f)
    print(f"json types: {total} rows of {len(VIEWS)} views checked, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
