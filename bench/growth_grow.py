#!/usr/bin/env python3
"""Grows a knowledge base that `newskb load` filled to N documents by copying
its stored rows inside SQLite, for bench/growth.sh: loading a million
documents one by one takes hours on 2 cores; copying rows takes minutes.

Each round copies the documents stored first (all of them, or the first K
the round still needs) with every row that belongs to them, as new rows:
  * documents: doc_id + D, doc_key and the entity names take the round's
    suffix "+R"; the body and the raw input are the same text; the content
    hash, a unique 16-hex-digit key like FNV-1a's, is the new doc_id written
    in hex (not the FNV of the raw text: no ingest compares them here, and
    the index on it grows by one key per copy as with new articles);
  * sentences, mentions, facts: the same rows with doc, mention, fact and
    entity ids moved past the ones stored (mention_id + M, ...);
  * entities, aliases, entity_forms: every entity again with the suffix
    (its own key as alias too), so the entity tables grow with every round
    (an upper bound: real news mostly meets names it has met);
  * the search index: each new document is indexed (INSERT INTO
    documents_fts, as ingest does, with newskb's tokenizer from
    libnewskb_sqlite.so), so its postings grow as with new articles.
The file is written with journal_mode=OFF and synchronous=OFF (a benchmark
fixture: a crash leaves it to be rebuilt) and returned to WAL at the end.

usage: bench/growth_grow.py --to N --extension build/libnewskb_sqlite.so KB.sqlite
"""
import argparse, sqlite3, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("db")
ap.add_argument("--to", type=int, required=True)
ap.add_argument("--extension", required=True)
a = ap.parse_args()

con = sqlite3.connect(a.db, isolation_level=None)
con.enable_load_extension(True)
con.load_extension(a.extension)
con.execute("PRAGMA journal_mode=OFF")
con.execute("PRAGMA synchronous=OFF")
con.execute("PRAGMA cache_size=-262144")  # 256 MiB


def one(sql):
    return con.execute(sql).fetchone()[0]


rnd = 1
while True:
    have = one("SELECT count(*) FROM documents")
    if have >= a.to:
        break
    D = one("SELECT max(doc_id) FROM documents")
    if have != D:
        sys.exit(f"growth_grow.py: doc ids are not 1..{have} (max {D}): load into a new file")
    K = min(have, a.to - have)
    M = one("SELECT max(mention_id) FROM mentions")
    F = one("SELECT coalesce(max(fact_id), 0) FROM facts")
    E = one("SELECT max(entity_id) FROM entities")
    tag = f"+{D}"  # unique to the round: D grows
    t0 = time.time()
    con.execute("BEGIN")
    p = {"D": D, "M": M, "F": F, "E": E, "K": K, "tag": tag}
    con.execute("""INSERT INTO entities(entity_id, kind, name, key, name_hant, name_hans, shown_hant, shown_hans, shown_key)
                   SELECT entity_id + :E, kind, name || :tag, key || :tag, name_hant || :tag, name_hans || :tag,
                          shown_hant || :tag, shown_hans || :tag, shown_key || :tag
                   FROM entities WHERE entity_id <= :E ORDER BY entity_id""", p)
    con.execute("""INSERT INTO aliases(entity_id, key, alias)
                   SELECT a.entity_id + :E, CASE WHEN a.key = e.key THEN a.key || :tag ELSE a.key END, a.alias
                   FROM aliases a JOIN entities e ON e.entity_id = a.entity_id
                   WHERE a.entity_id <= :E ORDER BY a.entity_id, a.key""", p)
    con.execute("""INSERT INTO entity_forms(entity_id, key, form, n)
                   SELECT entity_id + :E, key, form, n FROM entity_forms WHERE entity_id <= :E
                   ORDER BY entity_id, key""", p)
    con.execute("""INSERT INTO documents(doc_id, doc_key, title, published, source, text, raw, content_hash,
                                         run_id, rules_hash, script)
                   SELECT doc_id + :D, doc_key || :tag, title, published, source, text, raw,
                          printf('%016x', doc_id + :D), run_id, rules_hash, script
                   FROM documents WHERE doc_id <= :K ORDER BY doc_id""", p)
    con.execute("""INSERT INTO sentences(doc_id, idx, start, "end", text)
                   SELECT doc_id + :D, idx, start, "end", text FROM sentences WHERE doc_id <= :K
                   ORDER BY doc_id, idx""", p)
    con.execute("""INSERT INTO mentions(mention_id, doc_id, kind, start, "end", text, sentence_idx, value, low, high,
                                        unit, qualifier, date_value, entity_id, policy_kind, note, rule, run_id)
                   SELECT mention_id + :M, doc_id + :D, kind, start, "end", text, sentence_idx, value, low, high,
                          unit, qualifier, date_value, entity_id + :E, policy_kind, note, rule, run_id
                   FROM mentions WHERE doc_id <= :K ORDER BY mention_id""", p)
    con.execute("""INSERT INTO facts(fact_id, doc_id, subject_id, predicate, object_id, figure_id, date_id, rule, run_id)
                   SELECT fact_id + :F, doc_id + :D, subject_id + :E, predicate, object_id + :E, figure_id + :M,
                          date_id + :M, rule, run_id
                   FROM facts WHERE doc_id <= :K ORDER BY fact_id""", p)
    con.execute("""INSERT INTO documents_fts(rowid, title, text)
                   SELECT doc_id + :D, title, text FROM documents WHERE doc_id <= :K ORDER BY doc_id""", p)
    con.execute("COMMIT")
    print(f"growth_grow.py: round {rnd}: {have} -> {have + K} documents in {time.time() - t0:.0f} s", file=sys.stderr)
    rnd += 1
con.execute("PRAGMA journal_mode=WAL")
con.close()
