#!/usr/bin/env bash
# bench/growth.sh: does adding articles slow down as the knowledge base grows?
#
#   bench/growth.sh [--base N] [--add M] [--runs R] [--corpus FILE] [--work DIR]
#                   [--load L] [--batch B] [--chunk C] [--build DIR]
#
# Times `newskb ingest --jobs 1` of the same M real articles (default 1,000:
# the corpus's last M records) into an empty knowledge base and into one
# that already holds N documents (default 1,000,000), R runs each (default
# 3), and prints the medians of wall and CPU seconds, their ratio (the
# target: at most 1.5), the peak RSS and the files' sizes.
#
# The large base (built once, kept in --work, default /tmp/newskb-growth;
# later runs reuse it): the corpus's other records (default
# ../shared/corpora/real-news.dev.jsonl: 28,419 articles) are extracted once
# (`newskb extract`, two parts at a time); bench/growth_copies.py copies the
# extracted documents, each copy a new document (a new id and content hash,
# entity names of its own), and `newskb load --batch B` (default 5000)
# stores the first L of them (default 200,000), C at a time (default
# 100,000; the seconds per part are printed: the load's own growth curve).
# Loading goes at ~150-550 documents a second here, so the rest, up to N,
# is copied inside SQLite (bench/growth_grow.py: documents, sentences,
# mentions, facts, entities and the search index, row for row, in rounds
# that double the file): minutes instead of hours. Extracting takes ~10
# minutes on a busy machine, loading 200,000 ~25, copying ~30 or more; the
# file of a million documents takes ~17 GB.
# Each timed run adds the articles to the base itself, as new documents
# (see step 4): the base grows by M a run (3,000 in a million: nothing);
# the page cache is not dropped (a user adding to a file they just wrote
# has it warm as well).
# Not a test: never run by ctest. A small check of the script itself:
#   bench/growth.sh --base 3000 --load 1000 --add 100 --chunk 500 --work /tmp/g3k
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
base=1000000; add=1000; runs=3; batch=5000; chunk=100000; loaded=200000
build=$here/../build; corpus=$here/../../shared/corpora/real-news.dev.jsonl; work=/tmp/newskb-growth
while [ $# -gt 0 ]; do
  case $1 in
    --base) base=$2; shift 2;;
    --add) add=$2; shift 2;;
    --runs) runs=$2; shift 2;;
    --corpus) corpus=$2; shift 2;;
    --work) work=$2; shift 2;;
    --batch) batch=$2; shift 2;;
    --chunk) chunk=$2; shift 2;;
    --load) loaded=$2; shift 2;;
    --build) build=$2; shift 2;;
    -h|--help) sed -n '2,32p' "$0"; exit 0;;
    *) echo "growth.sh: unknown argument $1" >&2; exit 2;;
  esac
done
newskb=$build/newskb
[ -x "$newskb" ] || { echo "growth.sh: no $newskb (build first)" >&2; exit 2; }
[ -f "$corpus" ] || { echo "growth.sh: no corpus $corpus" >&2; exit 2; }
mkdir -p "$work"
big=$work/base-$base.sqlite
tmp=$(mktemp -d "$work/run.XXXXXX"); trap 'rm -rf "$tmp"' EXIT

# 1. The addition: the corpus's last M records; the base's source: the others.
total=$(wc -l < "$corpus")
[ "$total" -gt "$add" ] || { echo "growth.sh: $corpus has $total records, --add $add leaves none" >&2; exit 2; }
tail -n "$add" "$corpus" > "$work/add.jsonl"

# 2. The base's documents, extracted once.
shard=$work/base.shard.jsonl
if [ ! -s "$shard" ]; then
  head -n $((total - add)) "$corpus" > "$tmp/src.jsonl"
  echo "extracting $((total - add)) records of $corpus (once) ..." >&2
  for k in 0 1; do "$newskb" extract --part $k/2 -o "$tmp/part$k.jsonl" "$tmp/src.jsonl" 2>"$tmp/ext$k.err" &
  done
  rc=0; for k in 0 1; do wait -n || rc=$?; done
  [ $rc -le 1 ] || { echo "growth.sh: extract failed: $(tail -3 "$tmp"/ext*.err)" >&2; exit 2; }
  cat "$tmp/part0.jsonl" "$tmp/part1.jsonl" > "$shard.part" && mv "$shard.part" "$shard"
  rm -f "$tmp/src.jsonl" "$tmp"/part*.jsonl
fi

# 3. The large base, built once: the first L documents by `newskb load`, C
#    at a time (the seconds per part: the load's own growth curve), then
#    copied inside SQLite up to N (bench/growth_grow.py).
if [ ! -f "$big" ] || [ ! -f "$big.done" ]; then
  if [ ! -f "$big.loaded" ]; then
    rm -f "$big" "$big"-wal "$big"-shm
    echo "loading $loaded documents into $big (once), $chunk at a time:" >&2
    for ((s = 0; s < loaded; s += chunk)); do
      n=$((loaded - s < chunk ? loaded - s : chunk))
      python3 "$here/growth_copies.py" --start $s --count $n "$shard" 2>/dev/null |
        /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$newskb" load --no-progress --batch "$batch" --db "$big" - \
          > /dev/null 2>"$tmp/load.err" || { rc=$?; [ $rc -eq 1 ] || { echo "growth.sh: load failed (exit $rc): $(tail -3 "$tmp/load.err")" >&2; exit 2; }; }
      read -r w u y m < "$tmp/t"
      awk -v s=$s -v n=$n -v w=$w -v c="$(echo "$u + $y" | bc)" -v m=$m -v sz="$(stat -c %s "$big")" \
        'BEGIN{printf "  documents %7d-%7d: %6.0f s wall, %6.0f s CPU, %5.0f docs/s, peak %4.0f MB, file %.2f GB\n", s, s+n-1, w, c, n/w, m/1024, sz/1e9}' >&2
    done
    touch "$big.loaded"
  fi
  echo "copying rows up to $base documents:" >&2
  /usr/bin/time -f "  %e s wall, %U s user, %S s sys" /usr/bin/python3 "$here/growth_grow.py" --to "$base" \
    --extension "$build/libnewskb_sqlite.so" "$big"
  touch "$big.done"
fi

# A file of an older schema is migrated once here (a new index over a
# million documents takes minutes), not in the timed runs.
"$newskb" load --no-progress --db "$big" /dev/null > /dev/null 2>&1 || true

count() { "$newskb" query --db "$1" --format csv "SELECT count(*) FROM $2" | tail -1; }
echo "base: $(count "$big" documents) documents, $(count "$big" entities) entities, $(count "$big" aliases) aliases," \
     "$(count "$big" mentions) mentions, $(count "$big" facts) facts; $(du -h "$big" | cut -f1) ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"

# 4. The M articles into an empty file and into the base itself, R runs
#    each. Run i adds them as new documents (id ID@T.i, "（第T.i次）"
#    before the text, T this invocation's time: the same articles, none a
#    duplicate of an earlier run), so the base grows by M a run and needs no
#    copy of its gigabytes.
timed() {  # DB LABEL INPUT: ingest INPUT into DB; appends "wall cpu rss_kb" to $tmp/LABEL
  local rc=0
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$newskb" ingest --no-progress --jobs 1 --db "$1" "$3" \
    > "$tmp/ing.out" 2>"$tmp/ing.err" || rc=$?
  [ $rc -le 1 ] || { echo "growth.sh: ingest failed (exit $rc): $(tail -3 "$tmp/ing.err")" >&2; exit 2; }
  grep -q " ingested, 0 duplicates" "$tmp/ing.err" || { echo "growth.sh: $(tail -1 "$tmp/ing.err")" >&2; exit 2; }
  read -r w u y m < "$tmp/t"; echo "$w $(echo "$u + $y" | bc) $m" >> "$tmp/$2"
}
stamp=$(date +%s); stored=$(count "$big" documents)
for i in $(seq "$runs"); do
  python3 -c '
import json, sys
tag = sys.argv[1]
for line in open(sys.argv[2], encoding="utf-8"):
    r = json.loads(line)
    r["id"] = str(r["id"]) + "@" + tag
    r["text"] = f"（第{tag}次）" + r["text"]
    print(json.dumps(r, ensure_ascii=False))' "$stamp.$i" "$work/add.jsonl" > "$tmp/add$i.jsonl"
  rm -f "$tmp"/e.sqlite*; timed "$tmp/e.sqlite" empty "$tmp/add$i.jsonl"
  esize=$(stat -c %s "$tmp/e.sqlite")
  bsize=$(stat -c %s "$big"); timed "$big" large "$tmp/add$i.jsonl"
  bgrow=$(( $(stat -c %s "$big") - bsize ))
done
med() { cut -d' ' -f"$2" "$tmp/$1" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
peak() { cut -d' ' -f3 "$tmp/$1" | sort -n | tail -1; }
awk -v n="$add" -v N="$stored" -v r="$runs" -v ew="$(med empty 1)" -v ec="$(med empty 2)" -v lw="$(med large 1)" \
    -v lc="$(med large 2)" -v em="$(peak empty)" -v lm="$(peak large)" -v es="$esize" -v bg="$bgrow" 'BEGIN{
  printf "add %d articles (ingest --jobs 1), medians of %d runs:\n", n, r
  printf "  into an empty kb:        %6.2f s wall, %6.2f s CPU, peak %4.0f MB, file %.1f MB\n", ew, ec, em/1024, es/1e6
  printf "  into the kb of %7d:  %6.2f s wall, %6.2f s CPU, peak %4.0f MB, file +%.1f MB\n", N, lw, lc, lm/1024, bg/1e6
  printf "  ratio: wall %.2f, CPU %.2f (target <= 1.5)\n", lw/ew, lc/ec }'
