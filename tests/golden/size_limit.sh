#!/usr/bin/env bash
# One article at the size limit ingests in bounded time (issue 16): a text of
# about 31 MiB made of the samples' body sentences (lines of 40 or more
# characters ending with 。; no navigation or credit lines, which the body
# step rightly leaves out), each paragraph three of them in an order no other
# paragraph has (a paragraph repeated within an article is boilerplate to the
# body step), is stored whole with its mentions. ctest gives it a generous timeout; the seconds per MB of
# each stage are in bench/ (newskb_bench_scale, newskb_bench_facts).
#   size_limit.sh NEWSKB CORPUS_DIR PYTHON
set -euo pipefail
newskb=$1 corpus=$2 python=${3:-python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$python" - "$corpus" "$tmp/big.txt" <<'PY'
import glob, os, re, sys
corpus, out = sys.argv[1], sys.argv[2]
lines = []
for p in sorted(glob.glob(os.path.join(corpus, "*.txt"))):
    text = re.sub(r"^ date \S+ ", "", open(p, encoding="utf-8").read())
    lines += [l.strip() for l in text.splitlines() if len(l.strip()) >= 40 and l.strip().endswith("。")]
n = len(lines)
size, i = 0, 0
with open(out, "w", encoding="utf-8") as f:
    while size < 31 * 1024 * 1024:
        line = lines[i % n] + lines[(i // n) % n] + lines[(i // n // n) % n] + "\n"
        f.write(line)
        size += len(line.encode())
        i += 1
PY
start=$(date +%s)
# Every mention is kept (--max-mentions over the article's ~250,000): the
# time is that of the whole article's extraction, not of its first
# mentions (the default limit, 50,000, which such an article reaches).
"$newskb" ingest --db "$tmp/kb.sqlite" --no-progress --max-mentions 100000000 "$tmp/big.txt" 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
secs=$(( $(date +%s) - start ))
cat "$tmp/err"
grep -q "1 ingested" "$tmp/err" || { echo "size_limit.sh: the article was not stored"; exit 1; }
chars=$("$newskb" query --db "$tmp/kb.sqlite" --format csv "SELECT length(text) FROM documents" | tail -n 1)
figures=$("$newskb" query --db "$tmp/kb.sqlite" --format csv "SELECT count(*) FROM v_figures" | tail -n 1)
raw=$("$newskb" query --db "$tmp/kb.sqlite" --format csv "SELECT length(raw) FROM documents" | tail -n 1)
echo "size_limit.sh: 31 MiB article stored in ${secs} s: ${chars} of ${raw} characters as body, ${figures} figures"
# The whole article is body: the time above is that of all of it.
[ "$chars" -ge $(( raw * 99 / 100 )) ] || { echo "size_limit.sh: the body kept ${chars} of ${raw} characters"; exit 1; }
