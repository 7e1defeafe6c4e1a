#!/usr/bin/env bash
# usage: scripts/question_split.sh NEWSKB OUT_DIR [MOD REM [show]]
# Scores every analyst question set (corpus/real/*.questions.jsonl and corpus/samples.questions.jsonl)
# with a part of each file kept unseen: the questions whose 0-based line index i in their file has
# i % MOD == REM (default 4 and 3). For each file it prints "FILE seen A/N unseen B/M"; the seen
# misses, one a line with their class (scripts/question_misses.py), go to OUT_DIR/misses.tsv and
# the unseen ones are counted only (--hide), so a round can fix classes of the seen part and score
# the unseen part at its start and end without reading it. Each file has its own scratch
# knowledge base (OUT_DIR/FILE.sqlite), as scripts/dev_scores.sh scores it. The unseen scores are
# printed only with a fifth argument `show` (at a round's start and end), so that runs in between
# do not read them.
set -u
cd "$(dirname "$0")/.."
newskb=${1:?NEWSKB}; out=${2:?OUT_DIR}; mod=${3:-4}; rem=${4:-3}; show=${5:-}
evaluate=../shared/gold/evaluate.py
mkdir -p "$out"; : > "$out/misses.tsv"
unseen_ids() {  # FILE -> comma-separated ids of the unseen lines
  python3 - "$1" "$mod" "$rem" <<'EOF'
import json, sys
path, mod, rem = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
lines = [l for l in open(path, encoding="utf-8") if l.strip()]
print(",".join(json.loads(l)["id"] for i, l in enumerate(lines) if i % mod == rem))
EOF
}
score() {  # FILE DB
  local f=$1 db=$2 hide
  hide=$(unseen_ids "$f")
  python3 scripts/question_misses.py --db "$db" --hide "$hide" "$f" > "$out/m.txt"
  grep -v '^seen:\|^hidden:' "$out/m.txt" | sed "s#^#$(basename "$f" .jsonl)\t#" >> "$out/misses.tsv"
  python3 - "$(basename "$f" .jsonl)" "$out/m.txt" "$show" <<'EOF'
import sys
name, path, show = sys.argv[1], sys.argv[2], sys.argv[3] == "show"
def parse(line):
    d = dict(kv.split("=") for kv in line.split(":", 1)[1].split())
    return int(d.get("answered", 0)), sum(int(v) for v in d.values())
seen = hidden = (0, 0)
for line in open(path, encoding="utf-8"):
    if line.startswith("seen:"): seen = parse(line)
    if line.startswith("hidden:"): hidden = parse(line)
print(f"{name}\tseen {seen[0]}/{seen[1]}" + (f"\tunseen {hidden[0]}/{hidden[1]}" if show else ""))
EOF
}
for f in corpus/real/*.questions.jsonl; do
  n=$(basename "$f" .jsonl)
  python3 scripts/real_gold.py "$f" > "$out/$n.docs.jsonl"
  rm -f "$out/$n.sqlite"
  python3 "$evaluate" --newskb "$newskb" --keep-db "$out/$n.sqlite" --questions "$f" "$out/$n.docs.jsonl" > /dev/null 2>&1
  score "$f" "$out/$n.sqlite"
done
rm -f "$out/samples.sqlite"
"$newskb" ingest --db "$out/samples.sqlite" corpus > /dev/null 2>&1
score corpus/samples.questions.jsonl "$out/samples.sqlite"
