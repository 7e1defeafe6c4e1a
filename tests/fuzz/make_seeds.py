#!/usr/bin/env python3
"""Writes the seed inputs of one fuzz target into a folder.

usage: make_seeds.py TARGET OUT_DIR

Seeds come from the repository's corpus/ and extractors/rules/, and from
the dev suites in ../shared/suites when present (read here, never copied
into the repository). A few hand-written seeds cover the edges each
boundary must handle (BOM, CRLF, blank lines, hostile SQL).
"""
import glob
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SUITES = os.path.join(ROOT, "..", "shared", "suites")
MAX = 16384


def texts_from_suites(limit_per_suite):
    out = []
    for path in sorted(glob.glob(os.path.join(SUITES, "*.dev.jsonl"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            for i, line in enumerate(f):
                if i >= limit_per_suite:
                    break
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue
                for key in ("text", "expected_body", "html"):
                    if isinstance(rec.get(key), str):
                        out.append(rec[key][:MAX])
                        break
    return out


def corpus_texts():
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "corpus", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            out.append(f.read()[:MAX])
    return out


def seeds(target):
    if target == "jsonl_reader_fuzzer":
        recs = [json.dumps({"id": f"c{i}", "date": "2026-02-18", "text": t}, ensure_ascii=False)
                for i, t in enumerate(corpus_texts())]
        yield from ("\n".join(recs[i:i + 3]) + "\n" for i in range(0, len(recs), 3))
        for path in sorted(glob.glob(os.path.join(SUITES, "*.dev.jsonl"))):
            with open(path, encoding="utf-8", errors="replace") as f:
                lines = [l[:MAX] for _, l in zip(range(6), f)]
            yield "".join(lines)
        yield "\ufeff" + '{"id":"a","text":"一。"}\r\n\r\n{"id":"b","text":"二。","date":null}'
        yield '{"id":"a","text":"x","text":"y"}\n{"text":7}\n[1]\n{"text":"\\u0000"}\n'
        yield ""
    elif target == "text_body_fuzzer":
        yield from corpus_texts()
        yield from texts_from_suites(15)
        yield " date 2026-02-18 標題\r\n\r\n正文第一段。\r\n責任編輯：某某\r\n"
    elif target == "normalizer_fuzzer":
        for t in corpus_texts() + texts_from_suites(40):
            yield t[:4096]
        yield "ＡＢＣ１２３，全形。\u00bd ﬁ ㍿ 𠀀😀 e\u0301"
    elif target == "rules_loader_fuzzer":
        for path in sorted(glob.glob(os.path.join(ROOT, "extractors", "rules", "*.json"))):
            with open(path, encoding="utf-8") as f:
                yield f.read()
    elif target == "markup_fuzzer":
        # The first byte picks the kind: 0 page, 1 fragment, 2 Markdown, 3 detect.
        for path in sorted(glob.glob(os.path.join(SUITES, "html-*.dev.jsonl"))):
            with open(path, encoding="utf-8", errors="replace") as f:
                for _, line in zip(range(15), f):
                    try:
                        rec = json.loads(line)
                    except ValueError:
                        continue
                    if isinstance(rec.get("html"), str):
                        yield "\x00" + rec["html"][:65536]
        for t in corpus_texts()[:5]:
            yield "\x03" + t
        yield "\x02# 標題\n\n正文[連結](http://example.com/a b)，**粗體。\n\n---\n訂閱"
        yield "\x01<p>第一段。</p><div><p>第二段<br>續。</p></div>"
        yield '\x00<html><head><meta charset="big5"><title>t</title></head><body><article><p>\xa4\xa4</p></article></body></html>'
    elif target == "shard_reader_fuzzer":
        # Shard records in the format of pipeline/io/shard.h, around the samples' texts.
        for i, t in enumerate(corpus_texts()[:6]):
            body = t[:2000]
            doc = {"n": i, "id": f"c{i}", "date": "2026-02-18", "origin": f"in.jsonl:{i + 1}", "raw": body,
                   "body": body, "script": "hant", "rules": "0123456789abcdef",
                   "sentences": [[0, min(10, len(body))], [min(10, len(body)), len(body)]],
                   "mentions": [{"kind": "figure", "start": 0, "end": 2, "text": body[:2], "value": 5,
                                 "unit": "%", "rule": "fig.test"},
                                {"kind": "organization", "start": 2, "end": 4, "text": body[2:4],
                                 "name": body[2:4], "key": body[2:4], "rule": "gaz.org"}],
                   "facts": [{"subject": 1, "predicate": "share", "figure": 0, "rule": "fact.test"}]}
            yield json.dumps(doc, ensure_ascii=False) + "\n" + json.dumps(
                {"n": i + 1, "reject": "no article body found", "where": "in.jsonl:9"}) + "\n"
        yield '{"n":0,"reject":"bad","source":"a.jsonl","line":2,"id":"k"}\n{"n":1}\n[]\n\n'
    elif target == "query_guard_fuzzer":
        yield from [
            "SELECT doc_key, text, value, unit FROM v_figures LIMIT 3",
            "SELECT name, count(*) FROM v_organizations GROUP BY name",
            "SELECT * FROM v_facts WHERE predicate = 'share'",
            "SELECT o.doc_key, o.text FROM v_organizations o JOIN v_entities e USING(entity_id) WHERE e.alias_key = 'x'",
            "DELETE FROM documents", "DROP TABLE documents", "UPDATE entities SET name = 'x'",
            "INSERT INTO rejects(source, line, reason) VALUES ('a', 1, 'b')",
            "ATTACH 'other.sqlite' AS o; CREATE TABLE o.t(x)", "VACUUM INTO 'copy.sqlite'", "VACUUM",
            "PRAGMA user_version = 9", "PRAGMA journal_mode = DELETE", "PRAGMA writable_schema = 1",
            "SELECT load_extension('x')", "SELECT fts3_tokenizer('simple')", "REINDEX", "ANALYZE",
            "BEGIN; COMMIT", "SAVEPOINT a; RELEASE a", "CREATE TEMP TABLE t(x); INSERT INTO t VALUES (1)",
            "PRAGMA wal_checkpoint(TRUNCATE)", "PRAGMA optimize", "SELECT * FROM pragma_table_info('documents')",
        ]
    else:
        raise SystemExit(f"make_seeds.py: unknown target {target}")


def main():
    target, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    n = 0
    for i, s in enumerate(seeds(target)):
        with open(os.path.join(out, f"seed{i:04d}"), "wb") as f:
            f.write(s.encode("utf-8"))
        n += 1
    print(f"make_seeds.py: {n} seeds for {target} in {out}")


if __name__ == "__main__":
    main()
