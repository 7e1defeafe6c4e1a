#!/usr/bin/env bash
# usage: dask_ingest.sh PYTHON NEWSKB CORPUS_DIR
# scripts/dask-ingest.py on a local Dask cluster of two worker processes
# over corpus/ gives the same knowledge base as `newskb ingest corpus/`.
# Skips (77) where Dask distributed is not installed.
set -u
py=$1; newskb=$2; corpus=$(cd "$3" && pwd)
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
"$py" -c "import distributed" 2>/dev/null || { echo "dask_ingest.sh: no Dask distributed; skipped"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$newskb" ingest --no-progress --db "$tmp/ingest.sqlite" "$corpus" || { echo "ingest failed" >&2; exit 1; }
cd "$tmp"   # Dask workers write their scratch files in the working folder
"$py" "$root/scripts/dask-ingest.py" --scheduler local --workers 2 --newskb "$newskb" \
  --db "$tmp/dask.sqlite" "$corpus" || { echo "dask-ingest.py failed" >&2; exit 1; }
"$py" "$here/kb_equal.py" "$tmp/ingest.sqlite" "$tmp/dask.sqlite"
