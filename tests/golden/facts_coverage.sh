#!/usr/bin/env bash
# usage: facts_coverage.sh NEWSKB INPUT...
# Ingests INPUT into a scratch knowledge base and checks the facts stage's
# coverage promise (extractors/facts/README.md):
#   1. every figure whose sentence names an organization, policy or place
#      (a possible subject; not one cited as the source after 据/據, as in
#      据海关总署统计) is the figure of at least one fact;
#   2. every fact whose figure's clause holds a date carries a date, unless
#      that date modifies a noun (创立于2019年的…).
# Prints the offending rows and the facts per predicate; exits 1 if any
# figure is uncovered or any dated clause gave an undated fact.
set -u
newskb=$1; shift
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
db=$dir/kb.sqlite
"$newskb" ingest --db "$db" "$@" >/dev/null 2>"$dir/ingest.err"
st=$?
if [ "$st" -ne 0 ]; then cat "$dir/ingest.err" >&2; echo "facts_coverage: ingest exited $st" >&2; exit 1; fi
q() { "$newskb" query --db "$db" --format csv "$1"; }
uncovered=$(q "
SELECT d.doc_key, m.text AS figure, s.text AS sentence
FROM mentions m JOIN documents d ON d.doc_id = m.doc_id
JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence_idx
WHERE m.kind = 'figure'
  AND NOT EXISTS (SELECT 1 FROM facts f WHERE f.figure_id = m.mention_id)
  AND EXISTS (SELECT 1 FROM mentions o WHERE o.doc_id = m.doc_id AND o.sentence_idx = m.sentence_idx
              AND o.kind IN ('organization', 'policy', 'place')
              AND (o.start = 0 OR substr(d.text, o.start, 1) NOT IN ('据', '據')))" | tail -n +2)
# A date in the figure's clause: same sentence, no clause break (，,；;：:)
# between the date and the figure, and not followed by 的 (a noun modifier).
undated=$(q "
SELECT d.doc_key, fm.text AS figure, dm.text AS date_in_clause, s.text AS sentence
FROM facts f JOIN mentions fm ON fm.mention_id = f.figure_id
JOIN documents d ON d.doc_id = f.doc_id
JOIN sentences s ON s.doc_id = fm.doc_id AND s.idx = fm.sentence_idx
JOIN mentions dm ON dm.doc_id = fm.doc_id AND dm.sentence_idx = fm.sentence_idx AND dm.kind = 'date'
  AND dm.date_value IS NOT NULL
WHERE f.date_id IS NULL
  AND substr(d.text, min(dm.\"end\", fm.start) + 1, max(fm.start, dm.start) - min(dm.\"end\", fm.start))
      NOT GLOB '*[,;:，；：]*'
  AND substr(d.text, dm.\"end\" + 1, 1) <> '的'" | tail -n +2)
echo "facts per predicate:"
q "SELECT predicate, count(*) AS facts, sum(subject IS NOT NULL) AS with_subject,
          sum(object IS NOT NULL) AS with_object, sum(date IS NOT NULL) AS dated
   FROM v_facts GROUP BY predicate ORDER BY facts DESC, predicate"
echo "figures: $(q 'SELECT count(*) FROM mentions WHERE kind = '\''figure'\''' | tail -1), with a fact: $(q 'SELECT count(DISTINCT figure_id) FROM facts' | tail -1)"
fail=0
if [ -n "$uncovered" ]; then echo "figures with a possible subject in their sentence and no fact:"; echo "$uncovered"; fail=1; fi
if [ -n "$undated" ]; then echo "facts without a date although their clause has one:"; echo "$undated"; fail=1; fi
[ "$fail" -eq 0 ] && echo "facts coverage: ok"
exit $fail
