#!/usr/bin/env bash
# usage: names.sh NEWSKB DIR
# Golden test of names shown as the articles write them: ingests
# DIR/short_forms.jsonl (articles that name 台積電 and 国资委 by their short
# forms more often than by the gazetteer's official names) in two runs: the
# first article alone writes the official name twice, so it is shown; after
# the rest the short form is (4 mentions to 3). Compares the views' names,
# the official names (v_entities.official) and what `newskb entity OFFICIAL
# NAME` prints with DIR/expected.txt; then --names official and back.
set -u
newskb=$1; dir=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
db=$tmp/kb.sqlite
# Two runs: the counts carry over from one commit to the next.
head -n 1 "$dir/short_forms.jsonl" > "$tmp/first.jsonl"
tail -n +2 "$dir/short_forms.jsonl" > "$tmp/rest.jsonl"
ingest() {
  "$newskb" ingest --no-progress --db "$db" --script hant "$tmp/$1.jsonl" 2>/dev/null || { echo "names.sh: ingest failed"; exit 1; }
}
ingest first
{
  echo "# after the first article"
  "$newskb" query --db "$db" --format csv "SELECT DISTINCT name FROM v_organizations"
} > "$tmp/got.txt"
ingest rest
{
  echo "# views"
  "$newskb" query --db "$db" --format csv "
    SELECT 'organization' AS kind, doc_key, text, name FROM v_organizations UNION ALL
    SELECT 'fact', doc_key, subject, predicate || ' ' || value || ' ' || unit FROM v_facts ORDER BY 1, 2, 3, 4"
  echo "# official names"
  "$newskb" query --db "$db" --format csv \
    "SELECT DISTINCT kind, name, official FROM v_entities WHERE kind = 'organization' ORDER BY 2"
  echo "# entity by official name"
  "$newskb" entity --db "$db" 台湾积体电路制造公司 | head -2
  "$newskb" entity --db "$db" 國務院國有資產監督管理委員會 | head -1
  # --names official shows the official names (stored), --names usage goes back.
  "$newskb" ingest --db "$db" --names official 2>&1
  "$newskb" query --db "$db" --format csv "SELECT DISTINCT name FROM v_organizations ORDER BY 1"
  "$newskb" ingest --db "$db" --names usage 2>&1
  "$newskb" query --db "$db" --format csv "SELECT DISTINCT name FROM v_organizations ORDER BY 1"
  "$newskb" stats --db "$db" | grep -A2 "named by usage"
} >> "$tmp/got.txt"
diff -u "$dir/expected.txt" "$tmp/got.txt" || { echo "names.sh: names differ"; exit 1; }
echo "names.sh: short forms shown, official names kept"
