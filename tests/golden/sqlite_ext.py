#!/usr/bin/env python3
"""usage: sqlite_ext.py NEWSKB EXTENSION

The loadable extension from Python's sqlite3, as an analyst would use it:
ingests two small articles (one Traditional, one Simplified) with newskb,
then, in Python only, loads EXTENSION (build/libnewskb_sqlite.so) and checks
that fold() gives v_entities.alias_key's folding and that the search index
answers a query in either script, two- and one-character terms included,
with the rows `newskb search` gives. Exits 77 (skipped) when this Python's
sqlite3 cannot load extensions."""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

TRAD = "美國能源部宣布，向稀土開發商投資4億美元，碳酸鋰擴產計劃同步展開。"
SIMP = "中国稀土集团表示，碳酸锂扩产将于明年完成，锂价预计回落。"


def main():
    newskb, ext = sys.argv[1], sys.argv[2]
    probe = sqlite3.connect(":memory:")
    if not hasattr(probe, "enable_load_extension"):
        print("this Python's sqlite3 cannot load extensions: skipped")
        return 77
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "kb.sqlite")
        src = os.path.join(tmp, "in.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "trad", "date": "2026-02-18", "text": TRAD}, ensure_ascii=False) + "\n")
            f.write(json.dumps({"id": "simp", "date": "2026-03-01", "text": SIMP}, ensure_ascii=False) + "\n")
        subprocess.run([newskb, "ingest", "--db", db, src], check=True, capture_output=True)

        con = sqlite3.connect(db)
        con.enable_load_extension(True)
        con.load_extension(os.path.splitext(ext)[0] if ext.endswith(".so") else ext)
        con.enable_load_extension(False)

        def q(sql, *args):
            return con.execute(sql, args).fetchall()

        if q("SELECT fold('美國 能源部'), fold('ＤＯＥ'), fold(NULL)") != [("美国能源部", "doe", None)]:
            failures.append(f"fold: {q('SELECT fold(?), fold(?)', '美國 能源部', 'ＤＯＥ')}")
        got = q("SELECT DISTINCT name FROM v_entities WHERE alias_key = fold(?)", "美國能源部")
        if len(got) != 1:
            failures.append(f"alias_key = fold('美國能源部'): {got}")

        def search(term):
            return sorted(r[0] for r in q(
                "SELECT d.doc_key FROM documents_fts JOIN documents d ON d.doc_id = documents_fts.rowid "
                "WHERE documents_fts MATCH ?", '"' + term + '"'))

        cases = {"稀土": ["simp", "trad"], "碳酸鋰": ["simp", "trad"], "碳酸锂": ["simp", "trad"],
                 "鋰": ["simp", "trad"], "锂价": ["simp"], "鋰價": ["simp"], "擴產": ["simp", "trad"],
                 "能源部": ["trad"], "能源": ["trad"], "稀碳": []}
        for term, want in cases.items():
            if search(term) != want:
                failures.append(f"MATCH {term}: {search(term)}, want {want}")
        hl = q("SELECT highlight(documents_fts, 1, '[', ']') FROM documents_fts WHERE documents_fts MATCH ? "
               "AND rowid = (SELECT doc_id FROM documents WHERE doc_key = 'simp')", '"鋰價"')
        if not hl or "[锂价]" not in hl[0][0]:
            failures.append(f"highlight of 鋰價 in the Simplified text: {hl}")
        # The same rows as `newskb search`.
        out = subprocess.run([newskb, "search", "--db", db, "--format", "jsonl", "碳酸鋰", "擴產"],
                             capture_output=True, text=True)
        cli = sorted(json.loads(l)["doc_key"] for l in out.stdout.splitlines())
        if cli != search("碳酸锂") or out.returncode != 0:
            failures.append(f"newskb search: {cli} (exit {out.returncode}), extension: {search('碳酸锂')}")
    for f in failures:
        print(f)
    print(f"extension from Python: {len(cases) + 3} checks, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
