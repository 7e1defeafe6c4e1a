#!/usr/bin/env bash
# The report in a real browser: ingest corpus/, write the report, load it in
# headless Chromium and check the DOM after load; keep screenshots of the
# overview and of one article page as test artefacts.
# usage: report_chromium.sh NEWSKB CORPUS_DIR ARTEFACT_DIR
# Exit 77 (ctest: skipped) when no Chromium is installed.
set -euo pipefail
newskb=$1 corpus=$2 artefacts=$3
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$chromium" ]; then
  echo "SKIP: no chromium on this machine (apt-get install chromium; scripts/install-deps.sh does)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
count() { grep -o -- "$1" "$2" | wc -l; }

"$newskb" ingest --db "$tmp/kb.sqlite" --no-progress "$corpus" >/dev/null 2>&1 || fail "ingest of $corpus"
"$newskb" report --db "$tmp/kb.sqlite" --out "$tmp/report.html" || fail "report"
html=$tmp/report.html

# Self-contained: no script, no external stylesheet, image, font or frame.
grep -qiE '<script|<link|<iframe|<img|@import|url\(' "$html" && fail "the report loads something or runs a script"
grep -qiE '(src|href)="(https?:)?//' "$html" && fail "the report points at the network"

# What the browser builds from it (no network: a fresh profile, background networking off).
browse() {  # browse URL [chromium options...]
  local url=$1; shift
  rm -rf "$tmp/profile"; mkdir "$tmp/profile"
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/profile" --hide-scrollbars "$@" "$url" 2>"$tmp/chromium.log"
}
browse "file://$html" --dump-dom >"$tmp/dom.html" || { cat "$tmp/chromium.log"; fail "chromium --dump-dom"; }
dom=$tmp/dom.html
docs=$("$newskb" query --db "$tmp/kb.sqlite" --format csv "SELECT count(*) FROM documents" | tail -1)
dated=$("$newskb" query --db "$tmp/kb.sqlite" --format csv \
  "SELECT count(*) FROM facts f JOIN mentions d ON d.mention_id = f.date_id WHERE d.date_value IS NOT NULL AND f.subject_id IS NOT NULL" | tail -1)
[ "$(count '<svg class="timeline"' "$dom")" -eq 1 ] || fail "no timeline SVG in the DOM"
dots=$(count '<circle class="fact"' "$dom")
[ "$dots" -ge 20 ] && [ "$dots" -le "$dated" ] || fail "$dots dots on the timeline (expected 20 to $dated dated facts)"
for k in organization policy commodity; do
  grep -q "<div class=\"panel top\" data-kind=\"$k\"><h3>" "$dom" || fail "no top list of $k"
done
[ "$(count '<article class="page" id="doc-' "$dom")" -eq "$docs" ] || fail "not one page per article ($docs)"
[ "$(count '<table class="facts">' "$dom")" -ge $((docs / 2)) ] || fail "too few fact tables"
for k in figure date organization policy place commodity; do
  [ "$(count "<mark class=\"k-$k\" title=" "$dom")" -ge 10 ] || fail "fewer than 10 $k mentions highlighted"
done
grep -q '<mark class="k-organization" title="organization: 寧德時代">宁德时代</mark>' "$dom" || fail "宁德时代 not highlighted as the organization 寧德時代"
grep -q "<b>$docs</b><span>articles</span>" "$dom" || fail "the header does not count $docs articles"

# The filter by entity, named in the other script: only the articles that mention it.
want=$("$newskb" query --db "$tmp/kb.sqlite" --format csv \
  "SELECT count(DISTINCT m.doc_id) FROM mentions m JOIN aliases a USING(entity_id) WHERE a.key = '宁德时代'" | tail -1)
"$newskb" report --db "$tmp/kb.sqlite" --entity 寧德時代 --out "$tmp/catl.html" 2>/dev/null || fail "report --entity"
[ "$(count '<article class="page"' "$tmp/catl.html")" -eq "$want" ] || fail "--entity 寧德時代: not its $want articles"
grep -q '<g class="row" data-entity="寧德時代">' "$tmp/catl.html" || fail "--entity: its timeline is missing"
set +e
"$newskb" report --db "$tmp/kb.sqlite" --entity 不存在的公司 --out "$tmp/none.html" >/dev/null 2>&1
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "an unknown --entity exits $rc, not 1"

# Screenshots, kept for a person to look at.
mkdir -p "$artefacts"
browse "file://$html" --window-size=1280,1500 --screenshot="$artefacts/report.png" >/dev/null || fail "screenshot"
browse "file://$html#doc-s02_plain_catl_annual" --window-size=1280,1100 \
  --screenshot="$artefacts/report_article.png" >/dev/null || fail "screenshot of an article page"
for png in report.png report_article.png; do
  size=$(stat -c %s "$artefacts/$png")
  [ "$size" -gt 40000 ] || fail "$png is $size bytes: a blank page?"
done
cp "$html" "$artefacts/report.html"
echo "report: $docs articles, $dots timeline dots; DOM checks passed; screenshots in $artefacts"
