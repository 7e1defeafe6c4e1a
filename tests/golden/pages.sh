#!/usr/bin/env bash
# usage: pages.sh NEWSKB PAGES_DIR
# Ingests every page of PAGES_DIR (HTML in Big5, GBK and UTF-8, three site
# layouts) and checks each stored document's title, date, and first and last
# body line against PAGES_DIR/expected.tsv; also that no stored text holds a
# tag. Prints one line per difference.
set -u
newskb=$1; dir=$2
db=$(mktemp -d)/pages.sqlite
trap 'rm -rf "$(dirname "$db")"' EXIT
"$newskb" ingest --no-progress --db "$db" "$dir" || { echo "pages.sh: ingest failed" >&2; exit 1; }
fail=0
while IFS=$'\t' read -r key title date first last; do
  case "$key" in '#'*|'') continue ;; esac
  got=$(sqlite3 -separator $'\t' "$db" "SELECT title, published,
          CASE WHEN instr(text, char(10)) > 0 THEN substr(text, 1, instr(text, char(10)) - 1) ELSE text END,
          replace(text, rtrim(text, replace(text, char(10), '')), '')
        FROM documents WHERE doc_key = '$key'")
  want="$title"$'\t'"$date"$'\t'"$first"$'\t'"$last"
  if [ "$got" != "$want" ]; then
    echo "pages.sh: $key"; echo "  want: $want"; echo "  got:  $got"; fail=1
  fi
done < "$dir/expected.tsv"
tags=$(sqlite3 "$db" "SELECT count(*) FROM documents WHERE text GLOB '*<[a-zA-Z/]*>*'")
[ "$tags" = 0 ] || { echo "pages.sh: $tags stored texts hold a tag"; fail=1; }
n=$(sqlite3 "$db" "SELECT count(*) FROM documents")
echo "pages.sh: $n pages stored"
exit $fail
