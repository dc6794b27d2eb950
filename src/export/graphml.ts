// **graphml** writes the graph as GraphML that the GraphML XSD, networkx, igraph and Gephi all accept.
//
// Shape, following graphology-gexf's writer (check, infer the attribute model, then write):
// - node ids are `n0…` in graph order and edge ids `e0…` (the XSD wants NMTOKENs, so the
//   entity key and IRI go into attributes); every edge is directed (networkx refuses mixed graphs);
// - keys are declared `for="node"`/`for="edge"` with `attr.name` and `attr.type`; Gephi reads
//   `label`, `weight`, `size`, `r`, `g`, `b`, `x`, `y` as its own properties (key ids must be unique
//   across the file, so the edge label's key id is `edgelabel`, a name Gephi also maps to the label);
// - every text is XML-escaped and cleaned of characters XML 1.0 cannot carry (chars.ts).
//
// NOTE: Gephi merges parallel edges at import unless they differ in edge type, which it takes only
// from a `label` XML attribute on `<edge>` that the GraphML XSD forbids. So the facts between two
// nodes are written as one edge (network.ts): its label lists the predicates, its weight counts
// every mention, and its `statements` JSON holds each fact with qualifiers and provenance.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { layout, type Positions } from '../layout.js';
import type { EntityType, KnowledgeGraph } from '../types.js';
import { cleanText } from './chars.js';
import { LIST_SEPARATOR, networkEdges, summarize } from './network.js';
import { batched } from './batch.js';

/** Options of {@link writeGraphml}. */
export interface GraphmlOptions {
  /** Write node colour (`r`, `g`, `b` by type), `size` (by degree) and `x`/`y` (ForceAtlas2) for Gephi. Default true. */
  style?: boolean;
  /** Node positions to write instead of computing a ForceAtlas2 layout (only with `style`). */
  positions?: Positions;
}

/** Options of {@link writeGraphmlStream}. */
export interface GraphmlStreamOptions extends GraphmlOptions {
  /** End `out` when done. Default true; pass false for `process.stdout`. */
  end?: boolean;
}

type AttrType = 'string' | 'int' | 'double' | 'boolean';
interface Key { id: string; name: string; type: AttrType }

// Fixed keys in the order they are declared and written.
const NODE_KEYS: Key[] = [
  { id: 'label', name: 'label', type: 'string' },
  { id: 'type', name: 'type', type: 'string' },
  { id: 'key', name: 'key', type: 'string' },
  { id: 'iri', name: 'iri', type: 'string' },
  { id: 'aliases', name: 'aliases', type: 'string' },
  { id: 'wikidata', name: 'wikidata', type: 'string' },
  { id: 'sources', name: 'sources', type: 'string' },
  { id: 'degree', name: 'degree', type: 'int' },
];
const STYLE_KEYS: Key[] = [
  { id: 'x', name: 'x', type: 'double' },
  { id: 'y', name: 'y', type: 'double' },
  { id: 'size', name: 'size', type: 'double' },
  { id: 'r', name: 'r', type: 'int' },
  { id: 'g', name: 'g', type: 'int' },
  { id: 'b', name: 'b', type: 'int' },
];
const EDGE_KEYS: Key[] = [
  { id: 'edgelabel', name: 'label', type: 'string' },
  { id: 'weight', name: 'weight', type: 'double' },
  { id: 'predicate', name: 'predicate', type: 'string' },
  { id: 'facts', name: 'facts', type: 'int' },
  { id: 'symmetric', name: 'symmetric', type: 'boolean' },
  { id: 'date', name: 'date', type: 'string' },
  { id: 'place', name: 'place', type: 'string' },
  { id: 'occasion', name: 'occasion', type: 'string' },
  { id: 'topics', name: 'topics', type: 'string' },
  { id: 'rules', name: 'rules', type: 'string' },
  { id: 'edgesources', name: 'sources', type: 'string' },
  { id: 'statements', name: 'statements', type: 'string' },
];

// Node attributes written by the fixed keys, and names an extra attribute may not take
// because Gephi would read them as its own properties (matched on id or attr.name).
const KNOWN_NODE_ATTRS = new Set(['label', 'type', 'aliases', 'iri', 'wikidata', 'sources']);
const RESERVED = new Set([...NODE_KEYS, ...STYLE_KEYS, ...EDGE_KEYS].flatMap((k) => [k.id.toLowerCase(), k.name.toLowerCase()])
  .concat(['id', 'nodelabel', 'z', 'xpos', 'ypos', 'zpos', 'color', 'timeset', 'edge weight']));
// A key id is an xs:ID and attr.name an NMTOKEN: this keeps to both.
const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Node colours by type (Tableau 10), as Gephi's `r`, `g`, `b`. */
export const TYPE_COLORS: Record<EntityType, [number, number, number]> = {
  Person: [31, 119, 180], Country: [214, 39, 40], Organization: [44, 160, 44], Location: [148, 103, 189],
  Position: [255, 127, 14], Event: [140, 86, 75], Document: [127, 127, 127],
};

const special = /[&<>"'\r\n\t\u0085\u2028\u2029]/;
const specialAll = /[&<>"'\r\n\t\u0085\u2028\u2029]/g;
const entities: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;',
  '\r': '&#13;', '\n': '&#10;', '\t': '&#9;', '\u0085': '&#133;', '\u2028': '&#8232;', '\u2029': '&#8233;',
};

// ### `xml` escapes text for element content and attribute values alike. Line ends and
// tabs become character references because parsers normalise them otherwise (CR in content,
// all three in attributes; XML 1.1 readers such as xmldom also turn NEL, LS and PS into line ends).
export function xml(value: string): string {
  const clean = cleanText(value);
  return special.test(clean) ? clean.replace(specialAll, (c) => entities[c]) : clean;
}

// ### `extraKeys` infers keys for node attributes beyond the schema (e.g. a Position's
// title): string, double or boolean by their values, skipped when a value is an object or
// the name is unsafe or taken.
function extraKeys(graph: KnowledgeGraph): Key[] {
  const types = new Map<string, AttrType | null>();
  graph.forEachNode((_, attrs) => {
    for (const [name, value] of Object.entries(attrs)) {
      if (KNOWN_NODE_ATTRS.has(name) || value === undefined || value === null) continue;
      const t: AttrType | null = typeof value === 'string' ? 'string' : typeof value === 'boolean' ? 'boolean'
        : typeof value === 'number' && Number.isFinite(value) ? 'double' : null;
      const old = types.get(name);
      types.set(name, old === undefined ? t : old === t ? t : old === null || t === null ? null : 'string');
    }
  });
  return [...types].filter(([name, t]) => t !== null && SAFE_NAME.test(name) && !RESERVED.has(name.toLowerCase()))
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([name, t]) => ({ id: name, name, type: t as AttrType }));
}

const keyLine = (k: Key, domain: 'node' | 'edge'): string => `  <key id="${k.id}" for="${domain}" attr.name="${k.name}" attr.type="${k.type}"/>\n`;
const data = (key: string, value: string): string => `<data key="${key}">${xml(value)}</data>`;

// Gephi size by degree: grows with the square root so hubs do not swamp the view.
const nodeSize = (degree: number): string => String(Math.round((10 + 5 * Math.sqrt(degree)) * 100) / 100);

// ### `graphmlChunks` yields the document piece by piece, one node or edge at a time.
export function* graphmlChunks(graph: KnowledgeGraph, options: GraphmlOptions = {}): Generator<string> {
  const style = options.style ?? true;
  const positions = style ? options.positions ?? layout(graph) : undefined;
  const extras = extraKeys(graph);
  const nodeKeys = [...NODE_KEYS, ...(style ? STYLE_KEYS : []), ...extras];
  yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    + `<!-- newskg knowledge graph, schema v${Number(graph.getAttribute('schemaVersion')) || 0} -->\n`
    + '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"\n'
    + '         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
    + '         xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    + nodeKeys.map((k) => keyLine(k, 'node')).join('')
    + EDGE_KEYS.map((k) => keyLine(k, 'edge')).join('')
    + '  <graph id="newskg" edgedefault="directed">\n';

  const ids = new Map<string, string>();
  for (const node of graph.nodes()) {
    const id = `n${ids.size}`;
    ids.set(node, id);
    const a = graph.getNodeAttributes(node);
    const degree = graph.degree(node);
    // Gephi shows the id for a blank label; the key at least says what the node is.
    let out = `    <node id="${id}">${data('label', a.label?.trim() ? a.label : node)}${data('type', a.type)}${data('key', node)}${data('iri', a.iri)}`;
    if (a.aliases?.length) out += data('aliases', a.aliases.join(LIST_SEPARATOR));
    if (a.wikidata) out += data('wikidata', a.wikidata);
    if (a.sources?.length) out += data('sources', a.sources.join(LIST_SEPARATOR));
    out += data('degree', String(degree));
    if (positions) {
      const [r, g, b] = TYPE_COLORS[a.type] ?? [0, 0, 0];
      const p = positions.get(node) ?? { x: 0, y: 0 };
      out += data('x', String(p.x)) + data('y', String(p.y)) + data('size', nodeSize(degree)) + data('r', String(r)) + data('g', String(g)) + data('b', String(b));
    }
    for (const k of extras) {
      const v = a[k.name];
      if (v !== undefined && v !== null && v !== '') out += data(k.id, String(v));
    }
    yield `${out}</node>\n`;
  }

  let n = 0;
  for (const edge of networkEdges(graph)) {
    const e = summarize(edge);
    let out = `    <edge id="e${n++}" source="${ids.get(edge.source)}" target="${ids.get(edge.target)}">`;
    out += data('edgelabel', e.label) + data('weight', String(e.weight)) + data('predicate', e.label)
      + data('facts', String(e.facts)) + data('symmetric', String(e.symmetric));
    if (e.date) out += data('date', e.date);
    if (e.place) out += data('place', e.place);
    if (e.occasion) out += data('occasion', e.occasion);
    if (e.topics) out += data('topics', e.topics);
    if (e.rules) out += data('rules', e.rules);
    if (e.sources) out += data('edgesources', e.sources);
    out += data('statements', e.statements);
    yield `${out}</edge>\n`;
  }
  yield '  </graph>\n</graphml>\n';
}

// ### `writeGraphml` returns the whole document as a string.
// Nodes and edges come out in graph order: pass a `sortedGraph` for byte-identical files.
export function writeGraphml(graph: KnowledgeGraph, options: GraphmlOptions = {}): string {
  let out = '';
  for (const chunk of graphmlChunks(graph, options)) out += chunk;
  return out;
}

// ### `writeGraphmlStream` writes the document to `out`, honouring back-pressure.
export async function writeGraphmlStream(graph: KnowledgeGraph, out: NodeJS.WritableStream, options: GraphmlStreamOptions = {}): Promise<void> {
  await pipeline(Readable.from(batched(graphmlChunks(graph, options)), { objectMode: false }), out, { end: options.end ?? true });
}

