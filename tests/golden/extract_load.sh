#!/usr/bin/env bash
# usage: extract_load.sh NEWSKB CORPUS_DIR PYTHON
# `newskb extract` on two different splits of the input, then `newskb load`
# of the shards in input order, gives the same knowledge base as one
# `newskb ingest` (tests/golden/kb_equal.py), rejects and duplicates
# included; the same input gives the same bytes; a damaged shard line is
# rejected with the shard's name and line while the rest is stored.
set -u
newskb=$1; corpus=$2; py=$3
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "extract_load.sh: $*" >&2; exit 1; }

# The input: corpus/ plus a JSON Lines file holding one article twice under
# two ids (a duplicate), an empty text and a malformed line (rejects).
mkdir "$tmp/in"; cp -r "$corpus"/. "$tmp/in/"
first=$(ls "$corpus"/*.txt | head -1)
"$py" - "$first" > "$tmp/in/zz_extra.jsonl" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
print(json.dumps({"id": "first", "text": text}, ensure_ascii=False))
print(json.dumps({"id": "copy_of_first", "text": text}, ensure_ascii=False))
print(json.dumps({"id": "empty", "text": ""}))
print('{"id": "broken", "text": ')
print(json.dumps({"id": "last", "date": "2026-02-03", "text": "中國人民銀行3日宣布下調存款準備金率0.5個百分點。"}, ensure_ascii=False))
PY

out=$("$newskb" ingest --no-progress --db "$tmp/ingest.sqlite" "$tmp/in" 2>&1); rc=$?
[ $rc -eq 1 ] || fail "ingest should exit 1 (two rejects): $out"
echo "$out" | grep -Eq "1 duplicates, 2 rejected" || fail "ingest: $out"

# Split 1: three equal parts of the records (--part).
for k in 0 1 2; do "$newskb" extract --part $k/3 -o "$tmp/p$k.jsonl" "$tmp/in" 2>/dev/null; done
"$newskb" load --no-progress --db "$tmp/parts.sqlite" "$tmp"/p0.jsonl "$tmp"/p1.jsonl "$tmp"/p2.jsonl \
  || [ $? -eq 1 ] || fail "load of the parts failed"
"$py" "$here/kb_equal.py" "$tmp/ingest.sqlite" "$tmp/parts.sqlite" || fail "parts: knowledge bases differ"

# Split 2: the whole extract cut every 7 lines (as `split -l` or a cluster would).
"$newskb" extract "$tmp/in" > "$tmp/all.jsonl" 2>/dev/null
"$newskb" extract "$tmp/in" 2>/dev/null | cmp -s - "$tmp/all.jsonl" || fail "extract is not deterministic"
cat "$tmp"/p0.jsonl "$tmp"/p1.jsonl "$tmp"/p2.jsonl | cmp -s - "$tmp/all.jsonl" || fail "parts do not add up to the whole"
split -l 7 "$tmp/all.jsonl" "$tmp/s_"
"$newskb" load --no-progress --db "$tmp/split.sqlite" "$tmp"/s_a* 2>/dev/null
"$py" "$here/kb_equal.py" "$tmp/ingest.sqlite" "$tmp/split.sqlite" >/dev/null || fail "split -l 7: knowledge bases differ"

# Loading the same shards again changes nothing (all duplicates).
out=$("$newskb" load --no-progress --db "$tmp/split.sqlite" "$tmp"/s_aa 2>&1)
echo "$out" | grep -Eq "0 ingested, [0-9]+ duplicates" || fail "reload: $out"

# A damaged line: rejected with shard and line, the rest stored, exit 1.
{ head -2 "$tmp/all.jsonl"; echo '{"n": 99, "id": "x", "body": "abc", "mentions": [{"kind": "figure", "start": 0, "end": 9, "text": "abc"}]}'; echo 'not json'; } > "$tmp/bad.jsonl"
out=$("$newskb" load --no-progress --db "$tmp/bad.sqlite" "$tmp/bad.jsonl" 2>&1); rc=$?
[ $rc -eq 1 ] || fail "damaged shard: exit $rc, expected 1: $out"
echo "$out" | grep -q "rejected .*bad.jsonl (x): shard record 99: mention 'abc' ends past the body" || fail "no reject for bad offsets: $out"
echo "$out" | grep -q "rejected .*bad.jsonl:4: not a shard record" || fail "no reject for the malformed line: $out"
echo "$out" | grep -Eq "2 ingested" || fail "the good lines were not stored: $out"
# A shard that cannot be read: rejected by name, exit 1.
out=$("$newskb" load --no-progress --db "$tmp/none.sqlite" "$tmp/missing.jsonl" 2>&1); rc=$?
[ $rc -eq 1 ] || fail "missing shard: exit $rc: $out"
echo "$out" | grep -q "rejected .*missing.jsonl: cannot open for reading" || fail "missing shard: $out"
echo "extract_load.sh: ingest = extract + load on two splits; deterministic; damaged shards rejected"
