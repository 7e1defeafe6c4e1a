#!/usr/bin/env bash
# Writes a help2man include file with a COMMANDS section: the --help of every
# sub-command, so `man newskb` holds the whole manual.
# usage: man-commands.sh NEWSKB OUT
set -euo pipefail
newskb=$1 out=$2
{
  echo "[COMMANDS]"
  for c in ingest query search stats entity facts show report reextract rules; do
    echo ".SS \"newskb $c\""
    echo ".nf"
    "$newskb" "$c" --help | sed -e 's/\\/\\\\/g' -e 's/^\./\\\&./' -e "s/^'/\\\\\&'/"
    echo ".fi"
  done
  echo "[ENVIRONMENT]"
  echo ".TP"
  echo ".B NEWSKB_DB"
  echo "the knowledge base when --db is not given (default ./newskb.sqlite)"
  echo ".TP"
  echo ".B NEWSKB_RULES"
  echo "the rule and dictionary folder when --rules is not given (default: PREFIX/share/newskb/rules, beside bin/newskb)"
  echo ".TP"
  echo ".B NO_COLOR"
  echo "no colours on a terminal"
  echo "[FILES]"
  echo ".TP"
  echo ".I PREFIX/share/newskb/rules"
  echo "the rules and dictionaries (JSON, TSV), checked by \\fBnewskb rules check\\fR"
} >"$out"
