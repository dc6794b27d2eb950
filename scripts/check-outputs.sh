#!/usr/bin/env bash
# **check-outputs** runs the shared third-party checkers on the built graph files and the ontology.
#
# Usage: scripts/check-outputs.sh   (from anywhere)
# Environment:
#   NEWSKG_SHARED          path to shared/ (default ../shared, beside the repo root)
#   NEWSKG_OUT             folder holding graph.ttl, graph.nt, graph.graphml (default out/ of the repo)
#   NEWSKG_GRAPHML_STRICT  1 = fail on GraphML warnings too (Gephi merging parallel edges warns)
#   NEWSKG_SKIP_INSTALL    1 = do not run shared/check/install.sh (it is idempotent and instant
#                          once installed, but needs root and apt the first time)
# Exit: 0 all files pass; 1 a checker rejected a file; 2 a file or the checkers are missing.
set -euo pipefail
# Paths given in the environment are relative to where the script is called from.
abs() { [[ "$1" == /* ]] && echo "$1" || echo "$PWD/$1"; }
SHARED="$(abs "${NEWSKG_SHARED:-$(dirname "${BASH_SOURCE[0]}")/../../shared}")"
OUT="$(abs "${NEWSKG_OUT:-$(dirname "${BASH_SOURCE[0]}")/../out}")"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
CHECK="$SHARED/check"

if [[ ! -x "$CHECK/check-rdf" || ! -x "$CHECK/check-graphml" ]]; then
  echo "check-outputs: no checkers in $CHECK (set NEWSKG_SHARED)" >&2
  exit 2
fi
if [[ "${NEWSKG_SKIP_INSTALL:-0}" != 1 ]]; then
  bash "$CHECK/install.sh"
fi

rdf=("$OUT/graph.ttl" "$OUT/graph.nt" ontology/newskg.ttl)
graphml=("$OUT/graph.graphml")
missing=0
for f in "${rdf[@]}" "${graphml[@]}"; do
  [[ -s "$f" ]] || { echo "check-outputs: missing or empty: $f" >&2; missing=1; }
done
((missing == 0)) || exit 2

status=0
"$CHECK/check-rdf" "${rdf[@]}" || status=1
strict=()
[[ "${NEWSKG_GRAPHML_STRICT:-0}" == 1 ]] && strict=(--strict)
"$CHECK/check-graphml" "${strict[@]}" "${graphml[@]}" || status=1
if ((status == 0)); then echo "check-outputs: all files pass"; else echo "check-outputs: FAILED" >&2; fi
exit "$status"
