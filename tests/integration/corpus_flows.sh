#!/usr/bin/env bash
# Runs the real binary on every capture that has flow expectations and scores
# the records with shared/tools/compare_flows.py (the one definition of a match).
# Usage: corpus_flows.sh WIRELENS SHARED_DIR [extra wirelens flags...]
set -euo pipefail
bin=$1 shared=$2
shift 2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for exp in "$shared"/pcaps/expected/*.flows.tsv; do
  cap=$(basename "$exp" .flows.tsv)
  if ! "$bin" -i "$shared/pcaps/$cap" --shutdown-when-done -v 0 -F "file;$out/$cap.ndjson" "$@" 2>"$out/$cap.log"; then
    echo "FAIL: wirelens failed on $cap"; cat "$out/$cap.log"; exit 1
  fi
done
python3 "$(dirname "$0")/corpus_report.py" "$shared" "$out" "$@"
