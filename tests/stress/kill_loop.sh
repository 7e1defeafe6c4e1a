#!/usr/bin/env bash
# SIGKILL an ingest at random points, KILLS times, on one knowledge base
# (started again on a new file whenever a run got to the end first);
# after each kill the file must pass integrity_check and hold whole
# documents only (each stored document has exactly the sentences, mentions
# and facts a clean ingest gives it); then a resumed run must equal a clean
# ingest, row for row.
#
# usage: tests/stress/kill_loop.sh NEWSKB [KILLS=30] [ARTICLES=2000]
# Needs the sqlite3 shell (exit 77, "skipped", without it).
set -euo pipefail
newskb=$1
kills=${2:-30}
articles=${3:-2000}
command -v sqlite3 >/dev/null || { echo "skipped: no sqlite3 shell"; exit 77; }
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$here/gen_articles.py" "$articles" "$tmp/in.jsonl" k
"$newskb" ingest --no-progress --jobs 2 --batch 50 --db "$tmp/ref.sqlite" "$tmp/in.jsonl" >/dev/null 2>&1

dump() {  # every row a reader sees, by document key
  sqlite3 "$1" "SELECT doc_key, text, published FROM documents ORDER BY doc_key;
    SELECT d.doc_key, m.kind, m.start, m.\"end\", m.text, m.value, m.unit, m.rule, (SELECT name FROM entities e WHERE e.entity_id = m.entity_id)
      FROM mentions m JOIN documents d USING(doc_id) ORDER BY 1, 3, 4, 2, 8;
    SELECT doc_key, subject, predicate, object, figure_text, date FROM v_facts ORDER BY 1, 2, 3, 4, 5, 6;"
}
partial() {  # documents whose rows differ in number from the clean ingest's
  sqlite3 "$1" "ATTACH '$tmp/ref.sqlite' AS r;
    SELECT count(*) FROM documents d JOIN r.documents rd USING(doc_key) WHERE
      (SELECT count(*) FROM sentences x WHERE x.doc_id = d.doc_id) != (SELECT count(*) FROM r.sentences x WHERE x.doc_id = rd.doc_id)
   OR (SELECT count(*) FROM mentions x WHERE x.doc_id = d.doc_id) != (SELECT count(*) FROM r.mentions x WHERE x.doc_id = rd.doc_id)
   OR (SELECT count(*) FROM facts x WHERE x.doc_id = d.doc_id) != (SELECT count(*) FROM r.facts x WHERE x.doc_id = rd.doc_id);"
}

db="$tmp/kb.sqlite"
survived=0
midway=0  # kills after which some but not all documents were stored
for k in $(seq 1 "$kills"); do
  "$newskb" ingest --no-progress --jobs 2 --batch 50 --db "$db" "$tmp/in.jsonl" >/dev/null 2>&1 & pid=$!
  sleep "$(python3 -c "import random; print(random.uniform(0.1, 2.5))")"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -f "$db" ] || { survived=$((survived + 1)); continue; }
  ic=$(sqlite3 "$db" "PRAGMA integrity_check" 2>&1 || true)
  bad=$(partial "$db" 2>&1 || true)
  n=$(sqlite3 "$db" "SELECT count(*) FROM documents" 2>&1 || true)
  if [ "$ic" = ok ] && [ "$bad" = 0 ]; then
    survived=$((survived + 1))
    if [ "$n" -gt 0 ] && [ "$n" -lt "$articles" ]; then midway=$((midway + 1)); fi
    # All stored before the kill: start again on a new file, so the next
    # kills land in the middle of writing, not in a run of duplicates.
    if [ "$n" = "$articles" ] && [ "$k" -lt "$kills" ]; then rm -f "$db" "$db-wal" "$db-shm"; fi
  else
    echo "kill $k: integrity '$ic', partial documents '$bad', $n documents"
  fi
done
"$newskb" ingest --no-progress --jobs 2 --batch 50 --db "$db" "$tmp/in.jsonl" >/dev/null 2>&1
dump "$tmp/ref.sqlite" >"$tmp/ref.dump"
dump "$db" >"$tmp/kb.dump"
if ! cmp -s "$tmp/ref.dump" "$tmp/kb.dump" || [ "$(wc -l <"$tmp/ref.dump")" -lt "$articles" ]; then
  echo "the resumed run differs from a clean ingest"
  survived=-1
fi
echo "SIGKILL loop: $survived of $kills kills survived ($midway with a part of the input stored) (valid file, whole documents), resumed run equals a clean one: $([ $survived -ge 0 ] && echo yes || echo no)"
[ "$survived" = "$kills" ]
