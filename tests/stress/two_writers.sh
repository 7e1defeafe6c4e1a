#!/usr/bin/env bash
# Two ingests started at once on a new knowledge base, TRIALS times (issue
# 16.2: both used to see schema version 0 and one failed with "table runs
# already exists"; later one failed with "database is locked" when SQLITE_BUSY
# came back from the switch to WAL without the busy handler). Each trial passes when both exit 0 and the file holds
# both inputs' documents with integrity_check ok.
#
# usage: tests/stress/two_writers.sh NEWSKB [TRIALS=20]
set -euo pipefail
newskb=$1
trials=${2:-20}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$here/gen_articles.py" 20 "$tmp/a.jsonl" a
python3 "$here/gen_articles.py" 20 "$tmp/b.jsonl" b
ok=0
for t in $(seq 1 "$trials"); do
  db="$tmp/kb$t.sqlite"
  "$newskb" ingest --no-progress --jobs 1 --db "$db" "$tmp/a.jsonl" >"$tmp/a.out" 2>&1 & pa=$!
  "$newskb" ingest --no-progress --jobs 1 --db "$db" "$tmp/b.jsonl" >"$tmp/b.out" 2>&1 & pb=$!
  sa=0; sb=0
  wait $pa || sa=$?
  wait $pb || sb=$?
  n=$("$newskb" query --db "$db" --format csv "SELECT count(*) FROM documents" | tail -1)
  ic=$(sqlite3 "$db" "PRAGMA integrity_check" 2>/dev/null || echo "no sqlite3 shell")
  if [ "$sa" = 0 ] && [ "$sb" = 0 ] && [ "$n" = 40 ] && { [ "$ic" = ok ] || [ "$ic" = "no sqlite3 shell" ]; }; then
    ok=$((ok + 1))
  else
    echo "trial $t: exit $sa and $sb, $n documents, integrity: $ic"
    cat "$tmp/a.out" "$tmp/b.out"
  fi
done
echo "two writers on a new knowledge base: $ok of $trials trials passed"
[ "$ok" = "$trials" ]
