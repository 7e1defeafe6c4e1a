#!/usr/bin/env bash
# Regenerates extractors/rules/repeats.tsv: the text each source of the
# development corpus repeats glued onto its paragraphs (pipeline/body/known_repeats.h),
# so that a small batch loses it from its first document on.
#
#   scripts/learn-repeats.sh [NEWSKB] [CORPUS...]
#
# NEWSKB defaults to build/newskb, CORPUS to ../shared/corpora/real-news.dev.jsonl.
# The file names, for each segment, how many documents held it and the first ids
# (the corpus records to read to see it); `newskb rules repeats --text` prints the
# text as well, for review. The file holds hashes only, no article text.
set -euo pipefail
cd "$(dirname "$0")/.."
newskb=${1:-build/newskb}
shift || true
corpus=("$@")
[ ${#corpus[@]} -gt 0 ] || corpus=(../shared/corpora/real-news.dev.jsonl)
for c in "${corpus[@]}"; do
  [ -e "$c" ] || { echo "learn-repeats.sh: $c: no such corpus" >&2; exit 2; }
done
# At least 10 documents of a source; in half of them or more the segment ends
# the body glued onto the last paragraph (after an ideographic space), and in
# half or more it shares at most a fifth of its character pairs with the rest
# of the article: a notice stuck onto articles on other topics. A sentence
# standing as its own line in many articles is left to the run's own repeat
# memory: news formulas ("蔡奇、王毅等参加上述活动。") are body.
out=extractors/rules/repeats.tsv
"$newskb" rules repeats --rules extractors/rules --min-docs 10 --glued "${corpus[@]}" > "$out.tmp"
mv "$out.tmp" "$out"
echo "learn-repeats.sh: $(grep -vc '^#' "$out") segments in $out" >&2
