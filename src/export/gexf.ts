// **gexf** writes the graph as GEXF 1.2, Gephi's native format, through graphology-gexf.
//
// The same design as the GraphML writer, so both files open alike: node ids `n0…` with the key,
// IRI and type as attributes; colour by type, size by degree and a ForceAtlas2 position as `viz:`;
// one directed edge per ordered pair of nodes holding every fact between them (network.ts), with
// the predicates as label and the mention count as weight.
//
// NOTE: GEXF 1.2 rather than 1.3, because networkx before 3.x (Debian 12 has 2.8) reads only 1.1 and
// 1.2; and graphology-gexf writes 1.2's viz namespace wrongly (`http:///www.gexf.net/1.1draft/viz`),
// so it is replaced by the one networkx looks for — Gephi reads viz elements whatever their namespace.
import { DirectedGraph } from 'graphology';
import { write as gexfWrite } from 'graphology-gexf';
import { layout, type Positions } from '../layout.js';
import type { KnowledgeGraph } from '../types.js';
import { cleanText } from './chars.js';
import { TYPE_COLORS } from './graphml.js';
import { LIST_SEPARATOR, networkEdges, summarize } from './network.js';

/** The viz namespace of GEXF 1.2, as Gephi writes it and networkx reads it. */
export const VIZ_NAMESPACE = 'http://www.gexf.net/1.2draft/viz';

/** Options of {@link writeGexf}. */
export interface GexfOptions {
  /** Node positions to write instead of computing a ForceAtlas2 layout. */
  positions?: Positions;
}

// Node attributes written by name below, or that GEXF keeps for `viz:`; anything else a node carries
// (a position's title, an actor's folded positions) is written when it is a string, number or boolean.
const SKIP = new Set(['label', 'type', 'aliases', 'iri', 'wikidata', 'sources', 'key', 'degree', 'x', 'y', 'z', 'size', 'color', 'shape', 'thickness']);

type Scalar = string | number | boolean;
const clean = (v: Scalar): Scalar => (typeof v === 'string' ? cleanText(v) : v);

// ### `extraNames` lists the extra scalar node attributes, sorted, so the column model is stable.
function extraNames(graph: KnowledgeGraph): string[] {
  const names = new Set<string>();
  graph.forEachNode((_, a) => {
    for (const [k, v] of Object.entries(a)) {
      if (!SKIP.has(k) && (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)))) names.add(k);
    }
  });
  return [...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

// ### `writeGexf` returns the GEXF document. Nodes and edges come out in graph order: pass a
// `sortedGraph` for byte-identical files.
export function writeGexf(graph: KnowledgeGraph, options: GexfOptions = {}): string {
  const positions = options.positions ?? layout(graph);
  const extras = extraNames(graph);
  // graphology-gexf writes a graph as it finds it: build the one to write, with our ids and columns.
  const out = new DirectedGraph({ allowSelfLoops: false });
  out.setAttribute('creator', 'newskg');
  const ids = new Map<string, string>();
  graph.forEachNode((node, a) => {
    const id = `n${ids.size}`;
    ids.set(node, id);
    const attributes: Record<string, Scalar> = { type: a.type, key: node, iri: a.iri };
    if (a.aliases?.length) attributes.aliases = a.aliases.join(LIST_SEPARATOR);
    if (a.wikidata) attributes.wikidata = a.wikidata;
    if (a.sources?.length) attributes.sources = a.sources.join(LIST_SEPARATOR);
    const degree = graph.degree(node);
    attributes.degree = degree;
    for (const k of extras) {
      const v = a[k];
      if (v !== undefined && v !== null && v !== '') attributes[k] = v as Scalar;
    }
    const [r, g, b] = TYPE_COLORS[a.type] ?? [0, 0, 0];
    const p = positions.get(node) ?? { x: 0, y: 0 };
    out.addNode(id, {
      label: cleanText(a.label?.trim() ? a.label : node),
      attributes: Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, clean(v)])),
      viz: { color: `rgb(${r},${g},${b})`, size: Math.round((10 + 5 * Math.sqrt(degree)) * 100) / 100, x: p.x, y: p.y },
    });
  });
  let n = 0;
  for (const edge of networkEdges(graph)) {
    const s = summarize(edge);
    const attributes: Record<string, Scalar> = { predicate: s.label, facts: s.facts, symmetric: s.symmetric };
    for (const k of ['date', 'place', 'occasion', 'topics', 'rules', 'sources'] as const) if (s[k]) attributes[k] = s[k]!;
    attributes.statements = s.statements;
    out.addEdgeWithKey(`e${n++}`, ids.get(edge.source)!, ids.get(edge.target)!, {
      label: cleanText(s.label), weight: s.weight,
      attributes: Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, clean(v)])),
    });
  }
  // graphology-gexf declares the columns in the order it first meets them: graph order, so stable.
  const text = gexfWrite(out, {
    version: '1.2',
    formatNode: (_key, a) => ({ label: a.label, attributes: a.attributes, viz: a.viz }),
    formatEdge: (_key, a) => ({ label: a.label, weight: a.weight, attributes: a.attributes }),
  });
  return `${text.replace(/ xmlns:viz="[^"]*"/, ` xmlns:viz="${VIZ_NAMESPACE}"`)}\n`;
}
