#!/usr/bin/env bash
# Runs one libFuzzer target for MINUTES (fractions allowed: 0.25 = 15 s).
#
#   scripts/fuzz.sh TARGET MINUTES [libFuzzer options...]
#   scripts/fuzz.sh --build-only        # configure and build every target
#   scripts/fuzz.sh --list
#
# Targets (tests/fuzz/*_fuzzer.cc): jsonl_reader_fuzzer, text_body_fuzzer,
# normalizer_fuzzer, rules_loader_fuzzer, query_guard_fuzzer, markup_fuzzer,
# shard_reader_fuzzer.
# Build: build-fuzz/ (clang, -DNEWSKB_FUZZ=ON, ASan + UBSan), apart from
# build/. Seeds: made from corpus/, extractors/rules/ and ../shared/suites
# (tests/fuzz/make_seeds.py); the growing corpus is kept in
# build-fuzz/fuzz-corpus/TARGET, crashes in build-fuzz/fuzz-findings/TARGET.
# Exit status: 0 no finding, 1 a finding (its input is saved and named).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=${NEWSKB_FUZZ_BUILD:-$root/build-fuzz}
targets=$(cd tests/fuzz && ls *_fuzzer.cc | sed 's/\.cc$//')

if [ "${1:-}" = "--list" ]; then echo "$targets"; exit 0; fi
command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ not found (apt-get install clang)"; exit 77; }

if [ ! -f "$out/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$out" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DNEWSKB_FUZZ=ON -DNEWSKB_TESTS=OFF -DNEWSKB_BENCH=OFF >/dev/null
fi
if [ "${1:-}" = "--build-only" ]; then
  cmake --build "$out" -j2 --target $targets
  exit 0
fi

target=${1:?usage: scripts/fuzz.sh TARGET MINUTES}
minutes=${2:?usage: scripts/fuzz.sh TARGET MINUTES}
shift 2
echo "$targets" | grep -qx "$target" || { echo "fuzz.sh: no target $target (try --list)"; exit 2; }
cmake --build "$out" -j2 --target "$target" >/dev/null
seconds=$(python3 -c "print(max(1, int(float('$minutes') * 60)))")
seeds="$out/fuzz-seeds/$target"
corpus="$out/fuzz-corpus/$target"
findings="$out/fuzz-findings/$target"
mkdir -p "$corpus" "$findings"
[ -d "$seeds" ] || python3 tests/fuzz/make_seeds.py "$target" "$seeds"
log="$out/fuzz-$target.log"
status=0
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
  "$out/tests/fuzz/$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$findings/" "$@" "$corpus" "$seeds" >"$log" 2>&1 || status=$?
execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
if [ "$status" = 0 ]; then
  echo "fuzz $target: $execs executions in $seconds s, $cov, no finding"
else
  echo "fuzz $target: FINDING after $execs executions (exit $status); input saved in $findings:"
  grep -E "ERROR|invariant failed|SUMMARY|Test unit written" "$log" | head -20
  echo "full log: $log"
  exit 1
fi
