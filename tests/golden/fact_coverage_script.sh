#!/usr/bin/env bash
# usage: fact_coverage_script.sh NEWSKB SCRIPT INPUT...
# Ingests INPUT into a scratch knowledge base and runs scripts/fact_coverage.py
# on it: its counts must agree with the knowledge base (every figure counted
# once, with a fact as the facts table says, and every figure without a fact
# in exactly one unit kind and one clause shape), and --compare of the
# knowledge base with itself must report no change.
set -u
newskb=$1; script=$2; shift 2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
db=$dir/kb.sqlite
"$newskb" ingest --db "$db" "$@" >/dev/null 2>"$dir/ingest.err"
st=$?
if [ "$st" -ne 0 ]; then cat "$dir/ingest.err" >&2; echo "fact_coverage_script: ingest exited $st" >&2; exit 1; fi
python3 "$script" --db "$db" --json >"$dir/cov.json" || { echo "fact_coverage.py failed" >&2; exit 1; }
figures=$("$newskb" query --db "$db" --format csv "SELECT count(*) FROM mentions WHERE kind = 'figure'" | tail -1)
with_fact=$("$newskb" query --db "$db" --format csv "SELECT count(DISTINCT figure_id) FROM facts" | tail -1)
python3 - "$dir/cov.json" "$figures" "$with_fact" <<'PY' || exit 1
import json, sys
r = json.load(open(sys.argv[1]))
figures, with_fact = int(sys.argv[2]), int(sys.argv[3])
errors = []
if r["figures"] != figures: errors.append(f"figures {r['figures']} != {figures}")
if r["with_fact"] != with_fact: errors.append(f"with a fact {r['with_fact']} != {with_fact}")
if not 0 <= r["with_subject"] <= r["with_fact"]: errors.append("with a subject out of range")
if r["no_fact"] != figures - with_fact: errors.append("no fact != figures - with a fact")
if sum(r["no_fact_by_unit"].values()) != r["no_fact"]: errors.append("unit kinds do not sum to no fact")
if sum(r["no_fact_by_shape"].values()) != r["no_fact"]: errors.append("shapes do not sum to no fact")
print(f"figures {figures}, with a fact {with_fact}, with a subject {r['with_subject']}")
if errors:
    print("fact_coverage.py: " + "; ".join(errors), file=sys.stderr)
    sys.exit(1)
PY
same=$(python3 "$script" --db "$db" --compare "$db" --sample 0) || { echo "fact_coverage.py --compare failed" >&2; exit 1; }
grep -q "gained 0  lost 0" <<<"$same" \
  || { echo "fact_coverage.py --compare of a knowledge base with itself reports a change: $same" >&2; exit 1; }
