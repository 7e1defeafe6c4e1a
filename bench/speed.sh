#!/usr/bin/env bash
# bench/speed.sh: end-to-end speed of newskb on a corpus, as a user runs it.
#
#   bench/speed.sh [--runs 3] [--mb N] [--build DIR] CORPUS.jsonl...
#
# For each corpus (its first N MB of whole lines with --mb; all of it
# without), median of --runs runs, on this machine, in this run:
#   gzip -1            MB/s of `gzip -1` on the same bytes (the yardstick: a
#                      noisy day moves both; the ratio keeps its meaning)
#   ingest --jobs 1/2  MB/s and documents/s end to end (read, body,
#                      normalise, extract, link, facts, store), the ratio to
#                      gzip -1, and peak RSS (the largest of the runs)
#   extract            the same without the store (`newskb extract`, 1 thread)
#   load               the store alone (`newskb load` of extract's shard;
#                      MB/s of the corpus, not of the shard)
# and for each the median CPU seconds (user + system, all threads) and MB
# per CPU second: on a machine shared with other jobs wall time depends on
# the neighbours, CPU seconds much less.
# then the in-process stage table of build/bench/newskb_bench_extract
# (normalise, each rule family, all families, the full extractors).
# Not a test: it takes minutes; never run by ctest. Example:
#   python3 bench/replicate_seeds.py --mb 20 /tmp/s20.jsonl
#   bench/speed.sh --mb 10 ../shared/corpora/real-news.dev.jsonl /tmp/s20.jsonl
set -euo pipefail
runs=3; mb=0; build=$(cd "$(dirname "$0")/.." && pwd)/build
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2;;
    --mb) mb=$2; shift 2;;
    --build) build=$2; shift 2;;
    -h|--help) sed -n '2,25p' "$0"; exit 0;;
    *) break;;
  esac
done
[ $# -gt 0 ] || { echo "usage: bench/speed.sh [--runs 3] [--mb N] [--build DIR] CORPUS.jsonl..." >&2; exit 2; }
newskb=$build/newskb; stages=$build/bench/newskb_bench_extract
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# timed CMD...: runs CMD, appends "wall_seconds max_rss_kb cpu_seconds" to $tmp/t
# (exit 1, some records rejected, is accepted; any other failure stops the bench with its message)
timed() {
  local rc=0
  /usr/bin/time -f "%e %M %U %S" -o "$tmp/one" "$@" >/dev/null 2>"$tmp/err" || rc=$?
  if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then echo "speed.sh: $* failed (exit $rc): $(tail -3 "$tmp/err")" >&2; exit 2; fi
  tail -1 "$tmp/one" | awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' >> "$tmp/t"
}

for corpus in "$@"; do
  slice=$tmp/slice.jsonl
  if [ "$mb" != 0 ]; then head -c $((mb * 1000000)) "$corpus" | head -n -1 > "$slice"; else cp "$corpus" "$slice"; fi
  bytes=$(stat -c %s "$slice"); docs=$(wc -l < "$slice"); size=$(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}')
  echo "== $corpus: $size MB, $docs documents; medians of $runs runs ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
  : > "$tmp/t"; for i in $(seq "$runs"); do timed gzip -1 -c "$slice"; done
  gz=$(cut -d' ' -f1 "$tmp/t" | median); gzrate=$(awk -v b="$bytes" -v s="$gz" 'BEGIN{printf "%.1f", b/1e6/s}')
  gzcpu=$(cut -d' ' -f3 "$tmp/t" | median)
  printf '%-16s %8s %8s %10s %9s %9s %8s %9s\n' stage seconds "MB/s" "docs/s" "x gzip-1" "peak MB" "CPU s" "MB/CPU s"
  printf '%-16s %8.2f %8s %10s %9s %9s %8.2f %9s\n' "gzip -1" "$gz" "$gzrate" - 1 - "$gzcpu" -
  row() {  # NAME: median wall of $tmp/t, max RSS
    local s rss c; s=$(cut -d' ' -f1 "$tmp/t" | median); rss=$(cut -d' ' -f2 "$tmp/t" | sort -n | tail -1)
    c=$(cut -d' ' -f3 "$tmp/t" | median)
    awk -v n="$1" -v b="$bytes" -v d="$docs" -v s="$s" -v g="$gzrate" -v r="$rss" -v c="$c" \
      'BEGIN{m=b/1e6/s; printf "%-16s %8.2f %8.2f %10.0f %9.3f %9.0f %8.2f %9.2f\n", n, s, m, d/s, m/g, r/1024, c, b/1e6/c}'
  }
  for j in 1 2; do
    : > "$tmp/t"
    for i in $(seq "$runs"); do rm -f "$tmp"/kb.sqlite*; timed "$newskb" ingest --no-progress --jobs $j --db "$tmp/kb.sqlite" "$slice"; done
    row "ingest --jobs $j"
  done
  : > "$tmp/t"; for i in $(seq "$runs"); do timed "$newskb" extract -o "$tmp/shard.jsonl" "$slice"; done
  row "extract"
  : > "$tmp/t"
  for i in $(seq "$runs"); do rm -f "$tmp"/kb.sqlite*; timed "$newskb" load --no-progress --db "$tmp/kb.sqlite" "$tmp/shard.jsonl"; done
  row "load"
  if [ -x "$stages" ]; then
    echo "-- in-process stages, one thread (newskb_bench_extract --input, MB/s of body text)"
    "$stages" --input "$slice" --mb "$(awk -v b="$bytes" 'BEGIN{print int(b/1e6)+1}')" | sed -n '/^family/,$p'
  fi
  echo "(load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
done
