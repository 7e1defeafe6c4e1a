#!/usr/bin/env bash
# The main job on the bundled sample corpus: installs what is needed, builds,
# ingests corpus/ into ./newskb.sqlite and shows a few queries.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
rm -f newskb.sqlite newskb.sqlite-wal newskb.sqlite-shm
set +e
build/newskb ingest --db newskb.sqlite corpus/
status=$?
set -e
if [ "$status" -ge 2 ]; then exit "$status"; fi
q() { echo; echo "\$ newskb query \"$1\""; build/newskb query --db newskb.sqlite "$1"; }
q "SELECT doc_key, published, substr(title, 1, 24) AS title FROM documents ORDER BY doc_key LIMIT 8"
q "SELECT doc_key, text, value, unit, qualifier FROM v_figures WHERE unit IN ('USD','CNY','TWD','EUR') ORDER BY value DESC LIMIT 8"
q "SELECT text, value, qualifier FROM v_dates ORDER BY value DESC LIMIT 8"
q "SELECT name, count(*) AS mentions, count(DISTINCT doc_key) AS articles FROM v_organizations GROUP BY name ORDER BY mentions DESC LIMIT 8"
q "SELECT name, kind, count(*) AS mentions FROM v_policies GROUP BY name, kind ORDER BY mentions DESC LIMIT 8"
echo; echo "\$ newskb search 稀土 --limit 5      # either script: Traditional and Simplified"
build/newskb search --db newskb.sqlite 稀土 --limit 5 || true
echo
build/newskb stats --db newskb.sqlite
