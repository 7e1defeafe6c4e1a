#!/usr/bin/env bash
# usage: scripts/dev_scores.sh [NEWSKB] > scores.txt
# Prints every development score in one run, one labelled block each, so that two builds can be
# compared with diff: the seeds' gold and questions, the public suites' development halves
# (Recognizers-Text figures and dates, CLUENER and People's Daily organizations), our samples'
# questions, the real-article sets of corpus/real (mentions and questions of each part) and the
# page suites. Needs ../shared (skips what is absent). Takes under a minute on two cores.
# These are development numbers: every set here has been read; a held-out set is scored apart.
set -u
cd "$(dirname "$0")/.."
newskb=${1:-build/newskb}
shared=../shared
evaluate=$shared/gold/evaluate.py
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# block LABEL COMMAND...: runs the command, keeps the score lines only
block() {
  local label=$1; shift
  echo "== $label"
  "$@" 2>&1 | grep -E '^(figures|dates|organizations|policies|linking|questions answered|body|title|date|mean|pages)' \
    | sed -E 's/  unanswered:.*//'
}

[ -d "$shared/gold" ] || { echo "dev_scores.sh: $shared/gold not found" >&2; exit 77; }
block seeds python3 "$evaluate" --newskb "$newskb" --questions "$shared/gold/questions.dev.jsonl" "$shared/gold/seeds.jsonl"
for suite in recognizers-zh cluener-org pd-org; do
  [ -f "$shared/suites/$suite.dev.jsonl" ] && block "$suite.dev" python3 "$evaluate" --newskb "$newskb" "$shared/suites/$suite.dev.jsonl"
done
echo "== samples"; bash tests/golden/questions.sh "$newskb" "$evaluate" 0

# corpus/real: mentions of each part, then its questions
python3 scripts/real_gold.py corpus/real/mentions.expected.jsonl > "$tmp/g.jsonl"
block real.mentions python3 "$evaluate" --newskb "$newskb" "$tmp/g.jsonl"
for f in corpus/real/mentions-heldout*.expected.jsonl corpus/real/mentions-orgs*.expected.jsonl; do
  part=$(basename "$f" .expected.jsonl)
  python3 scripts/real_gold.py "$f" > "$tmp/g.jsonl"
  block "$part" python3 "$evaluate" --newskb "$newskb" "$tmp/g.jsonl"
done
for q in corpus/real/*.questions.jsonl; do
  python3 scripts/real_gold.py "$q" > "$tmp/q.jsonl"
  echo "== $(basename "$q" .jsonl)"
  python3 "$evaluate" --newskb "$newskb" --questions "$q" "$tmp/q.jsonl" 2>&1 | grep '^questions answered' | sed -E 's/  unanswered:.*//'
done

# page suites
for suite in html-zh html-other; do
  [ -f "$shared/suites/$suite.dev.jsonl" ] && block "$suite.dev" python3 "$shared/gold/body_score.py" --newskb "$newskb" "$shared/suites/$suite.dev.jsonl"
done
exit 0
