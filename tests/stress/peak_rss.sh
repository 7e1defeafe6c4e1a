#!/usr/bin/env bash
# Peak resident memory of `newskb ingest` for each class of bad input
# (issue 16: under 200 MB for any single bad input). Prints one line per
# class: peak MiB, exit status, what newskb said. Exits 1 when a class that
# is bounded peaks at 200 MiB or more (the mention-dense record is printed
# but not checked: it is not bounded yet and takes minutes; pass --dense to
# run it).
#
# usage: tests/stress/peak_rss.sh NEWSKB [--dense]
set -euo pipefail
newskb=$1 dense=${2:-}
over=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mib=$((1024 * 1024))
report() {  # NAME STATUS: one line; a peak of 200 MiB or more fails the run
  local mib=$(($(tail -1 "$tmp/rss") / 1024))
  printf '%-44s %6.0f MiB  exit %s  %s\n' "$1" "$mib" "$2" \
    "$(grep -m1 -o 'rejected [^;]*$' "$tmp/out" | cut -c1-100)"
  if [ "$mib" -ge 200 ]; then echo "  over 200 MiB"; over=1; fi
}
run() {  # NAME INPUT...
  local name=$1; shift
  rm -f "$tmp"/kb.sqlite*
  local st=0
  /usr/bin/time -f "%M" -o "$tmp/rss" "$newskb" ingest --no-progress --jobs 2 --db "$tmp/kb.sqlite" "$@" \
    >"$tmp/out" 2>&1 || st=$?
  report "$name" "$st"
}
runstdin() {  # NAME GENERATOR
  local name=$1 gen=$2
  rm -f "$tmp"/kb.sqlite*
  local st=0
  bash -c "$gen" | /usr/bin/time -f "%M" -o "$tmp/rss" "$newskb" ingest --no-progress --db "$tmp/kb.sqlite" - \
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
if [ "$dense" = --dense ]; then
  python3 -c "import sys; sys.stdout.write('{\"text\":\"' + '1%,' * (10 * $mib) + '\"}\n')" >"$tmp/dense.jsonl"
  run "31 MiB of 1%,1%,... (mention-dense; not bounded yet)" "$tmp/dense.jsonl"
fi
exit "$over"
