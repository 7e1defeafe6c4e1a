#!/usr/bin/env bash
# bench/growth.sh: does adding articles slow down as the knowledge base grows?
#
#   bench/growth.sh [--base N] [--add M] [--jobs J] [--big FILE] [--build DIR]
#
# Times `newskb ingest` of the same M new articles (default 1,000) into an
# empty knowledge base and into one that already holds N articles (default
# 1,000,000), and prints both times and their ratio (target: at most 1.5).
# The articles are the seeds replicated (bench/replicate_seeds.py: each
# copy a new id and its digits shifted, so none is a duplicate); the M
# added ones are copies the large base does not hold.
# The large base is built once with ingest (hours for 1 million articles on
# 2 cores: ~8 GB of text) and kept at --big (default /tmp/newskb-growth-N.sqlite);
# later runs reuse it and time the addition on a copy of it.
# Not a test: never run by ctest. A small check of the script itself:
#   bench/growth.sh --base 2000 --add 200
set -euo pipefail
base=1000000; add=1000; jobs=2; build=$(cd "$(dirname "$0")/.." && pwd)/build; big=""
while [ $# -gt 0 ]; do
  case $1 in
    --base) base=$2; shift 2;;
    --add) add=$2; shift 2;;
    --jobs) jobs=$2; shift 2;;
    --big) big=$2; shift 2;;
    --build) build=$2; shift 2;;
    -h|--help) sed -n '2,19p' "$0"; exit 0;;
    *) echo "growth.sh: unknown argument $1" >&2; exit 2;;
  esac
done
here=$(cd "$(dirname "$0")" && pwd)
newskb=$build/newskb
big=${big:-/tmp/newskb-growth-$base.sqlite}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# Articles: base + add copies of the seeds (~8 kB each); the last `add` lines are the addition.
total=$((base + add))
python3 "$here/replicate_seeds.py" --mb $(( (total * 9) / 1000 + 1 )) "$tmp/all.jsonl" >&2
have=$(wc -l < "$tmp/all.jsonl")
[ "$have" -ge "$total" ] || { echo "growth.sh: only $have articles replicated, need $total" >&2; exit 2; }
head -n "$base" "$tmp/all.jsonl" > "$tmp/base.jsonl"
sed -n "$((base + 1)),$((total))p" "$tmp/all.jsonl" > "$tmp/add.jsonl"
rm "$tmp/all.jsonl"

if [ ! -f "$big" ]; then
  echo "building the base of $base articles in $big (once) ..." >&2
  "$newskb" ingest --no-progress --jobs "$jobs" --db "$big" "$tmp/base.jsonl"
fi
stored=$("$newskb" query --db "$big" --format csv "SELECT count(*) FROM documents" | tail -1)

timed() {  # DB: seconds to ingest the addition into DB
  /usr/bin/time -f "%e" -o "$tmp/t" "$newskb" ingest --no-progress --jobs "$jobs" --db "$1" "$tmp/add.jsonl" 2>/dev/null
  cat "$tmp/t"
}
empty=(); large=()
for i in 1 2 3; do
  rm -f "$tmp"/e.sqlite*; empty+=("$(timed "$tmp/e.sqlite")")
  cp --reflink=auto "$big" "$tmp/b.sqlite"; rm -f "$tmp"/b.sqlite-wal "$tmp"/b.sqlite-shm
  large+=("$(timed "$tmp/b.sqlite")"); rm -f "$tmp"/b.sqlite*
done
med() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
e=$(med "${empty[@]}"); l=$(med "${large[@]}")
awk -v e="$e" -v l="$l" -v n="$add" -v s="$stored" \
  'BEGIN{printf "add %d articles: empty kb %.2f s, kb of %d articles %.2f s, ratio %.2f (target <= 1.5); medians of 3\n", n, e, s, l, l/e}'
