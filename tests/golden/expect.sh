#!/usr/bin/env bash
# usage: expect.sh STATUS REGEX COMMAND [ARGS...]
# Runs COMMAND; passes when it exits with STATUS and its output (stdout and
# stderr) matches the extended regular expression REGEX.
want=$1; regex=$2; shift 2
out=$("$@" 2>&1); got=$?
printf '%s\n' "$out"
if [ "$got" -ne "$want" ]; then echo "expect.sh: exit status $got, expected $want" >&2; exit 1; fi
if ! printf '%s\n' "$out" | tr '\n' ' ' | grep -Eq -- "$regex"; then echo "expect.sh: output does not match /$regex/" >&2; exit 1; fi
exit 0
