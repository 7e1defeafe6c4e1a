#!/usr/bin/env bash
# usage: script.sh NEWSKB DIR
# Golden test of `newskb ingest --script`: ingests DIR/mixed.jsonl (Traditional
# and Simplified articles naming the same organizations, policies and places)
# and compares every view's names
# with DIR/expected_hant.txt, then switches the stored setting to hans (no
# input) and compares with DIR/expected_hans.txt; last, `auto` goes back to the
# script most documents use (two Traditional of three: hant).
set -u
newskb=$1; dir=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
db=$tmp/kb.sqlite
names() {
  "$newskb" query --db "$db" --format csv "
    SELECT 'organization' AS kind, doc_key, text, name FROM v_organizations UNION ALL
    SELECT 'policy', doc_key, text, name FROM v_policies UNION ALL
    SELECT 'place', doc_key, text, name FROM v_places UNION ALL
    SELECT 'fact', doc_key, subject, coalesce(object, '') FROM v_facts
    ORDER BY 1, 2, 3, 4"
}
fail=0
"$newskb" ingest --no-progress --db "$db" --script hant "$dir/mixed.jsonl" || { echo "script.sh: ingest failed"; exit 1; }
names > "$tmp/hant.txt"
diff -u "$dir/expected_hant.txt" "$tmp/hant.txt" || { echo "script.sh: --script hant differs"; fail=1; }
"$newskb" ingest --db "$db" --script hans || { echo "script.sh: --script hans failed"; exit 1; }
names > "$tmp/hans.txt"
diff -u "$dir/expected_hans.txt" "$tmp/hans.txt" || { echo "script.sh: --script hans differs"; fail=1; }
"$newskb" ingest --db "$db" --script auto 2>&1 | grep -q "shown in hant" || { echo "script.sh: auto is not hant"; fail=1; }
names > "$tmp/auto.txt"
diff -q "$dir/expected_hant.txt" "$tmp/auto.txt" >/dev/null || { echo "script.sh: auto differs from hant"; fail=1; }
[ $fail -eq 0 ] && echo "script.sh: hant, hans and auto as expected"
exit $fail
