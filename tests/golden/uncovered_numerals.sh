#!/usr/bin/env bash
# scripts/uncovered_numerals.py as a rule author runs it: two records with
# clock times (numerals no figure or date covers, FORMAT.md), figures the
# rules take and a percent-encoded URL a mask covers. The clock times come
# out as one class with their count and contexts; the figures and the
# masked numerals never do; --covered figure lists the figures' classes.
#   uncovered_numerals.sh NEWSKB SCRIPT PYTHON
set -euo pipefail
newskb=$1 script=$2 python=${3:-python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/in.jsonl" <<'JSONL'
{"id": "u1", "date": "2026-02-18", "text": "下午3時12分，美國國防部宣布投入4億美元。\n下午5時20分，部長再次開會。\n詳見 https://example.com/a%E3%80%8C 網頁。"}
{"id": "u2", "date": "2026-02-18", "text": "上午9時30分，該公司宣布營收增長25%，產能達到8000噸。"}
JSONL
out=$("$python" "$script" --newskb "$newskb" --input "$tmp/in.jsonl" --after 1 --examples 3)
fail() { echo "FAIL: $1"; echo "$out"; exit 1; }
grep -q "^# 2 documents" <<<"$out" || fail "header"
grep -Eq "^ +[0-9]+\. +3  arabic +\+时  before: 下午:2, 上午:1" <<<"$out" || fail "clock times as one class"
grep -q "u1: 下午\[3\]時12分" <<<"$out" || fail "an example with its id and context"
for n in 4 25 8000 80 E3; do
  grep -q "\[$n\]" <<<"$out" && fail "covered or masked numeral $n listed as uncovered"
done
cov=$("$python" "$script" --newskb "$newskb" --input "$tmp/in.jsonl" --after 1 --covered figure)
grep -Eq "mixed +\+美" <<<"$cov" || { out=$cov; fail "--covered figure lists 4億美元"; }
grep -Eq "arabic +\+%" <<<"$cov" || { out=$cov; fail "--covered figure lists 25%"; }
echo "uncovered_numerals: ok"
