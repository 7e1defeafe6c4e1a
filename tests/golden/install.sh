#!/usr/bin/env bash
# `cmake --install` into a temporary prefix, then the installed newskb run
# from elsewhere as a user would: it finds its rules beside itself
# (PREFIX/share/newskb/rules), or $NEWSKB_RULES; man page and bash
# completion are in place.
# usage: install.sh BUILD_DIR CORPUS_DIR
set -euo pipefail
build=$(cd "$1" && pwd) corpus=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; fail "cmake --install"; }
bin=$prefix/bin/newskb
[ -x "$bin" ] || fail "no $bin"
[ -f "$prefix/share/newskb/rules/figures.json" ] || fail "no rules in share/newskb/rules"
[ -f "$prefix/share/bash-completion/completions/newskb" ] || fail "no bash completion"
ext=$(find "$prefix" -name 'libnewskb_sqlite.so' | head -1)
[ -n "$ext" ] || fail "no SQLite extension (libnewskb_sqlite.so) in the prefix"
if command -v sqlite3 >/dev/null; then  # it loads and folds in any SQLite program
  f=$(sqlite3 -cmd ".load ${ext%.so}" :memory: "SELECT fold('美國能源部')")
  [ "$f" = "美国能源部" ] || fail "the installed extension: fold gave '$f'"
fi
if command -v help2man >/dev/null; then
  man=$prefix/share/man/man1/newskb.1
  [ -f "$man" ] || fail "no man page"
  grep -q 'newskb reextract' "$man" || fail "the man page lacks the commands"
  grep -q 'fB\\-\\-version' "$man" || fail "the man page does not document --version"
fi

# Run from an unrelated folder, no NEWSKB_RULES: the installed rules are used.
cd "$tmp"
unset NEWSKB_RULES NEWSKB_DB
"$bin" --version | grep -qE '^newskb [0-9]+\.[0-9]+' || fail "--version"
out=$("$bin" rules explain "美國能源部投入4億美元。")
grep -q "rules $prefix/share/newskb/rules" <<<"$out" || fail "rules not found beside the binary: $out"
grep -q '4億美元' <<<"$out" || fail "explain found no figure: $out"
"$bin" rules check >/dev/null || fail "rules check with the installed rules"
"$bin" ingest --db "$tmp/kb.sqlite" "$corpus/s02_plain_catl_annual.txt" 2>"$tmp/ingest.log" || { cat "$tmp/ingest.log"; fail "ingest"; }
grep -q "1 ingested" "$tmp/ingest.log" || fail "ingest: $(cat "$tmp/ingest.log")"
"$bin" show --db "$tmp/kb.sqlite" s02_plain_catl_annual | grep -q '\[宁德时代\]{org}' || fail "show"
# The installed copy never reads the source tree: moved away, it still works.
mv "$prefix" "$tmp/moved"
"$tmp/moved/bin/newskb" rules explain "美國能源部投入4億美元。" | grep -q "rules $tmp/moved/share/newskb/rules" \
  || fail "a moved prefix does not find its rules"
# $NEWSKB_RULES wins; a folder without rules is an error naming it.
mkdir "$tmp/empty"
set +e
msg=$(NEWSKB_RULES=$tmp/empty "$tmp/moved/bin/newskb" ingest --db "$tmp/x.sqlite" "$corpus/s02_plain_catl_annual.txt" 2>&1)
rc=$?
set -e
[ "$rc" -eq 2 ] && echo "$msg" | grep -q "$tmp/empty" || fail "NEWSKB_RULES=empty: exit $rc: $msg"

# Bash completion: commands, options, and stored document keys.
mv "$tmp/moved" "$prefix"
complete_line() {  # complete_line WORD...: what bash offers for the last word
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _newskb; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$prefix/share/bash-completion/completions/newskb" "$@"
}
[ "$(complete_line newskb re | sort | tr '\n' ' ')" = "reextract report " ] || fail "completion of 're': $(complete_line newskb re)"
complete_line newskb report --e | grep -qx -- '--entity' || fail "completion of report --e"
keys=$(cd "$tmp" && complete_line "$bin" show --db "$tmp/kb.sqlite" s02)
[ "$keys" = "s02_plain_catl_annual" ] || fail "completion of show keys: '$keys'"
echo "install: $prefix holds bin, rules, man page, completion; the installed binary runs from anywhere"
