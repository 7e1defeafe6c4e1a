#!/usr/bin/env bash
# Peak resident memory of `newskb ingest` for each class of bad input
# (issue 16: under 200 MB for any single bad input). Prints one line per
# class: peak MiB, seconds, exit status, what newskb said. Exits 1 when a
# class peaks at 200 MiB or more. The mention-dense records (figures, dates,
# organization names, short sentences) are stored with their first 50,000
# mentions and a warning (exit 1); the others are rejected or stored whole.
# Takes about 5 minutes on 2 cores.
#
# usage: tests/stress/peak_rss.sh NEWSKB
set -euo pipefail
newskb=$1
over=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mib=$((1024 * 1024))
report() {  # NAME STATUS: one line; a peak of 200 MiB or more fails the run
  local mib=$(($(tail -1 "$tmp/rss" | cut -d' ' -f1) / 1024)) secs=$(tail -1 "$tmp/rss" | cut -d' ' -f2)
  printf '%-52s %6.0f MiB %6.1f s  exit %s  %s\n' "$1" "$mib" "$secs" "$2" \
    "$(grep -m1 -o -E '(rejected|warning) [^;]*' "$tmp/out" | cut -c1-100)"
  if [ "$mib" -ge 200 ]; then echo "  over 200 MiB"; over=1; fi
}
run() {  # NAME INPUT...
  local name=$1; shift
  rm -f "$tmp"/kb.sqlite*
  local st=0
  /usr/bin/time -f "%M %e" -o "$tmp/rss" "$newskb" ingest --no-progress --jobs 2 --db "$tmp/kb.sqlite" "$@" \
    >"$tmp/out" 2>&1 || st=$?
  report "$name" "$st"
}
runstdin() {  # NAME GENERATOR
  local name=$1 gen=$2
  rm -f "$tmp"/kb.sqlite*
  local st=0
  bash -c "$gen" | /usr/bin/time -f "%M %e" -o "$tmp/rss" "$newskb" ingest --no-progress --db "$tmp/kb.sqlite" - \
    >"$tmp/out" 2>&1 || st=$?
  report "$name" "$st"
}
echo "鋰電池。" >"$tmp/small.txt"
run "baseline: one small article" "$tmp/small.txt"
runstdin "JSON line of 256 MiB on stdin" \
  "printf '{\"text\":\"'; head -c $((256 * mib)) /dev/zero | tr '\\0' a; printf '\"}\\n'"
runstdin "JSON line of 1 GiB without a newline" "head -c $((1024 * mib)) /dev/zero | tr '\\0' a"
truncate -s 1G "$tmp/huge.txt"
run "text file of 1 GiB (sparse)" "$tmp/huge.txt"
python3 -c "import sys; sys.stdout.write('[' * (31 * $mib))" >"$tmp/nested.jsonl"
run "31 MiB of [ (malformed, deeply nested JSON)" "$tmp/nested.jsonl"
python3 -c "import sys; sys.stdout.write('{\"text\":\"' + '1,' * (15 * $mib) + '\"}\n')" >"$tmp/commas.jsonl"
run "31 MiB JSON string of digits and commas" "$tmp/commas.jsonl"
python3 -c "import sys; sys.stdout.write('[' + '1,' * (15 * $mib) + '1]\n')" >"$tmp/array.jsonl"
run "31 MiB JSON array of numbers (not an object)" "$tmp/array.jsonl"
python3 -c "import sys; sys.stdout.buffer.write('中'.encode() * (10 * $mib) + b'\xff')" >"$tmp/badutf8.txt"
run "30 MiB text with invalid UTF-8 at the end" "$tmp/badutf8.txt"
head -c $((31 * mib)) /dev/zero >"$tmp/nul.txt"
run "31 MiB of NUL bytes" "$tmp/nul.txt"
python3 -c "import sys; sys.stdout.write(' \n' * (15 * $mib))" >"$tmp/blank.txt"
run "31 MiB of blank lines" "$tmp/blank.txt"
mkdir -p "$tmp/loop" && ln -s "$tmp/loop/b.txt" "$tmp/loop/a.txt" && ln -s "$tmp/loop/a.txt" "$tmp/loop/b.txt"
run "folder with a symbolic link loop" "$tmp/loop"
python3 -c "import sys; sys.stdout.write('{\"text\":\"' + '\\\\u4e2d' * (5 * $mib) + '\"}\n')" >"$tmp/escaped.jsonl"
run "31 MiB JSON string of \\u escapes" "$tmp/escaped.jsonl"
python3 -c "import sys; sys.stdout.write('{\"text\":\"' + '中' * (31 * $mib // 3) + '\"}\n')" >"$tmp/han.jsonl"
run "31 MiB JSON string of 中 (no separator to cut at)" "$tmp/han.jsonl"
dense() {  # NAME UNIT: a JSON record of UNIT repeated to ~31 MiB
  python3 -c "import sys; u = sys.argv[1]; sys.stdout.write('{\"text\":\"' + u * (31 * $mib // len(u.encode())) + '\"}\n')" "$2" \
    >"$tmp/dense.jsonl"
  run "$1" "$tmp/dense.jsonl"
}
dense "31 MiB of 1%,1%,... (a figure every 3 bytes)" "1%,"
dense "31 MiB of 增長1%。 (short sentences, a figure each)" "增長1%。"
dense "31 MiB of 2026年3月1日、 (dates)" "2026年3月1日、"
dense "31 MiB of 中國人民銀行、美國能源部、 (organizations)" "中國人民銀行、美國能源部、"
exit "$over"
