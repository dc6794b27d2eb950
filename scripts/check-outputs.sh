#!/usr/bin/env bash
# **check-outputs** runs the shared third-party checkers on the built graph files, the ontology and the shapes.
#
# Usage: scripts/check-outputs.sh   (from anywhere)
# Environment:
#   NEWSKG_SHARED          path to shared/ (default ../shared, beside the repo root)
#   NEWSKG_OUT             folder holding graph.ttl, graph.nt, graph.graphml (default out/ of the repo);
#                          graph.gexf and the actor view (actors.graphml, actors.gexf) are checked when present
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

rdf=("$OUT/graph.ttl" "$OUT/graph.nt" ontology/newskg.ttl ontology/shapes.ttl)
graphml=("$OUT/graph.graphml")
missing=0
for f in "${rdf[@]}" "${graphml[@]}"; do
  [[ -s "$f" ]] || { echo "check-outputs: missing or empty: $f" >&2; missing=1; }
done
((missing == 0)) || exit 2
[[ -s "$OUT/actors.graphml" ]] && graphml+=("$OUT/actors.graphml")
gexf=()
for f in "$OUT/graph.gexf" "$OUT/actors.gexf"; do [[ -s "$f" ]] && gexf+=("$f"); done

status=0
"$CHECK/check-rdf" "${rdf[@]}" || status=1
strict=()
[[ "${NEWSKG_GRAPHML_STRICT:-0}" == 1 ]] && strict=(--strict)
"$CHECK/check-graphml" "${strict[@]}" "${graphml[@]}" || status=1
# No shared checker reads GEXF: networkx must load it with the nodes and edges the file declares,
# every node with a position and a colour, and a directed graph (Gephi's and networkx's type).
for f in "${gexf[@]}"; do
  echo "== $f"
  /usr/bin/python3 - "$f" <<'PY' || status=1
import sys, networkx as nx
from lxml import etree
path = sys.argv[1]
root = etree.parse(path).getroot()
nodes = root.findall('.//{*}nodes/{*}node'); edges = root.findall('.//{*}edges/{*}edge')
G = nx.read_gexf(path)
ok = (G.number_of_nodes(), G.number_of_edges()) == (len(nodes), len(edges)) and G.is_directed()
placed = all('position' in d.get('viz', {}) and 'color' in d.get('viz', {}) for _, d in G.nodes(data=True))
pairs = len({(e.get('source'), e.get('target')) for e in edges})
print('  %s networkx %d nodes, %d edges (%s); positions and colours: %s; parallel edges: %d'
      % ('OK   ' if ok and placed and pairs == len(edges) else 'ERROR', G.number_of_nodes(), G.number_of_edges(),
         type(G).__name__, 'all' if placed else 'MISSING', len(edges) - pairs))
sys.exit(0 if ok and placed and pairs == len(edges) else 1)
PY
done
if ((status == 0)); then echo "check-outputs: all files pass"; else echo "check-outputs: FAILED" >&2; fi
exit "$status"
