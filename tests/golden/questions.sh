#!/usr/bin/env bash
# usage: questions.sh NEWSKB EVALUATE_PY MIN_ANSWERED
# Ingests corpus/ into a scratch knowledge base and scores the analyst
# questions of corpus/samples.questions.jsonl with the shared scorer
# (../shared/gold/evaluate.py --questions): passes when at least
# MIN_ANSWERED are answered by a row of v_facts. Prints the scorer's line.
set -u
newskb=$1; evaluate=$2; min=$3
corpus=$(cd "$(dirname "$0")/../../corpus" && pwd)
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
"$newskb" ingest --db "$dir/kb.sqlite" "$corpus" >/dev/null 2>"$dir/err" || { cat "$dir/err"; exit 1; }
out=$(python3 "$evaluate" --db "$dir/kb.sqlite" --questions "$corpus/samples.questions.jsonl" \
      "$corpus"/*.expected.jsonl) || { echo "$out"; exit 1; }
line=$(printf '%s\n' "$out" | grep '^questions answered')
echo "$line"
answered=$(printf '%s\n' "$line" | sed -E 's#^questions answered ([0-9]+)/.*#\1#')
[ "$answered" -ge "$min" ] || { echo "questions.sh: $answered answered, expected at least $min" >&2; exit 1; }
