#!/usr/bin/env bash
# bench/kb_digest.sh: md5 of every table a speed change must leave alone.
#
#   bench/kb_digest.sh [--build DIR] INPUT.jsonl
#
# Ingests INPUT into a fresh knowledge base (--jobs 1) and prints one md5
# per table, each over all its rows in a fixed order, without the columns
# that name a run or a time: documents, sentences, mentions, facts,
# entities, aliases, entity_forms, rejects (reasons), and the search index
# (documents_fts's segments). A change that claims "same results" prints
# the same lines before and after (run it with the build before, then with
# the build after). Not a test: it takes as long as the ingest.
set -euo pipefail
build=$(cd "$(dirname "$0")/.." && pwd)/build
[ "${1:-}" != --build ] || { build=$2; shift 2; }
[ $# -eq 1 ] || { echo "usage: bench/kb_digest.sh [--build DIR] INPUT.jsonl" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
rc=0; "$build/newskb" ingest --no-progress --jobs 1 --db "$tmp/kb.sqlite" "$1" > /dev/null 2>&1 || rc=$?
[ $rc -le 1 ] || { echo "kb_digest.sh: ingest failed (exit $rc)" >&2; exit 2; }
digest() {  # NAME SQL
  printf '%-13s %s\n' "$1" "$("$build/newskb" query --db "$tmp/kb.sqlite" --format csv "$2" | md5sum | cut -c1-32)"
}
digest documents "SELECT doc_id, doc_key, title, published, source, text, raw, content_hash, script FROM documents ORDER BY doc_id"
digest sentences "SELECT * FROM sentences ORDER BY doc_id, idx"
digest mentions "SELECT mention_id, doc_id, kind, start, \"end\", text, sentence_idx, value, low, high, unit, qualifier, date_value, entity_id, policy_kind, note, rule FROM mentions ORDER BY mention_id"
digest facts "SELECT fact_id, doc_id, subject_id, predicate, object_id, figure_id, date_id, rule FROM facts ORDER BY fact_id"
digest entities "SELECT * FROM entities ORDER BY entity_id"
digest aliases "SELECT * FROM aliases ORDER BY entity_id, key"
digest entity_forms "SELECT * FROM entity_forms ORDER BY entity_id, key"
digest rejects "SELECT source, line, doc_key, reason FROM rejects ORDER BY reject_id"
digest search "SELECT id, hex(block) FROM documents_fts_data ORDER BY id"
"$build/newskb" query --db "$tmp/kb.sqlite" --format csv \
  "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM mentions), (SELECT count(*) FROM facts), (SELECT count(*) FROM entities)" |
  tail -1 | awk -F, '{printf "counts        %s documents, %s mentions, %s facts, %s entities\n", $1, $2, $3, $4}'
