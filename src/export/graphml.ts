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
import { utf8Batched } from './batch.js';

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

// Any character that needs work: markup, line ends and tabs, NEL/LS/PS, C0 controls, surrogates
// (paired ones pass unchanged after a second look) and U+FFFE/U+FFFF. Almost no text has one.
const needsWork = /[\u0000-\u001F"&'<>\u0085\u2028\u2029\uD800-\uDFFF\uFFFE\uFFFF]/;
const specialAll = /[&<>"'\r\n\t\u0085\u2028\u2029]/g;
// A cheap test for what `cleanText` may replace (paired surrogates too, which it keeps).
const mayNeedCleaning = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const entities: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;',
  '\r': '&#13;', '\n': '&#10;', '\t': '&#9;', '\u0085': '&#133;', '\u2028': '&#8232;', '\u2029': '&#8233;',
};
const entity = (c: string): string => entities[c];

// ### `xml` escapes text for element content and attribute values alike. Line ends and
// tabs become character references because parsers normalise them otherwise (CR in content,
// all three in attributes; XML 1.1 readers such as xmldom also turn NEL, LS and PS into line ends).
// One native scan settles the common case of a string with nothing to escape or clean.
export function xml(value: string): string {
  if (!needsWork.test(value)) return value;
  return (mayNeedCleaning.test(value) ? cleanText(value) : value).replace(specialAll, entity);
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

// Gephi size by degree: grows with the square root so hubs do not swamp the view.
const nodeSize = (degree: number): string => String(Math.round((10 + 5 * Math.sqrt(degree)) * 100) / 100);

// The colour columns of each type, written once rather than per node.
const COLOR_DATA = new Map<string, string>(Object.entries(TYPE_COLORS)
  .map(([type, [r, g, b]]) => [type, `<data key="r">${r}</data><data key="g">${g}</data><data key="b">${b}</data>`]));
const NO_COLOR = '<data key="r">0</data><data key="g">0</data><data key="b">0</data>';

// ### `graphmlChunks` yields the document piece by piece, one node or edge at a time. Every
// node and edge is one template string; attribute values are escaped once each (`xml`), colours
// are written per type and sizes computed once per degree.
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
  const sizes = new Map<number, string>();
  for (const { node, attributes: a } of graph.nodeEntries()) {
    const id = `n${ids.size}`;
    ids.set(node, id);
    const degree = graph.degree(node);
    // Gephi shows the id for a blank label; the key at least says what the node is.
    let out = `    <node id="${id}"><data key="label">${xml(a.label?.trim() ? a.label : node)}</data><data key="type">${xml(a.type)}</data>`
      + `<data key="key">${xml(node)}</data><data key="iri">${xml(a.iri)}</data>`;
    if (a.aliases?.length) out += `<data key="aliases">${xml(a.aliases.join(LIST_SEPARATOR))}</data>`;
    if (a.wikidata) out += `<data key="wikidata">${xml(a.wikidata)}</data>`;
    if (a.sources?.length) out += `<data key="sources">${xml(a.sources.join(LIST_SEPARATOR))}</data>`;
    out += `<data key="degree">${degree}</data>`;
    if (positions) {
      const p = positions.get(node);
      let size = sizes.get(degree);
      if (size === undefined) sizes.set(degree, (size = nodeSize(degree)));
      out += `<data key="x">${p ? p.x : 0}</data><data key="y">${p ? p.y : 0}</data><data key="size">${size}</data>${COLOR_DATA.get(a.type) ?? NO_COLOR}`;
    }
    for (const k of extras) {
      const v = a[k.name];
      if (v !== undefined && v !== null && v !== '') out += `<data key="${k.id}">${xml(String(v))}</data>`;
    }
    yield `${out}</node>\n`;
  }

  let n = 0;
  for (const edge of networkEdges(graph)) {
    const e = summarize(edge);
    const label = xml(e.label);
    let out = `    <edge id="e${n++}" source="${ids.get(edge.source)}" target="${ids.get(edge.target)}"><data key="edgelabel">${label}</data>`
      + `<data key="weight">${e.weight}</data><data key="predicate">${label}</data><data key="facts">${e.facts}</data><data key="symmetric">${e.symmetric}</data>`;
    if (e.date) out += `<data key="date">${xml(e.date)}</data>`;
    if (e.place) out += `<data key="place">${xml(e.place)}</data>`;
    if (e.occasion) out += `<data key="occasion">${xml(e.occasion)}</data>`;
    if (e.topics) out += `<data key="topics">${xml(e.topics)}</data>`;
    if (e.rules) out += `<data key="rules">${xml(e.rules)}</data>`;
    if (e.sources) out += `<data key="edgesources">${xml(e.sources)}</data>`;
    yield `${out}<data key="statements">${xml(e.statements)}</data></edge>\n`;
  }
  yield '  </graph>\n</graphml>\n';
}

// ### `writeGraphml` returns the whole document as a string.
// Nodes and edges come out in graph order: pass a `sortedGraph` for byte-identical files.
export function writeGraphml(graph: KnowledgeGraph, options: GraphmlOptions = {}): string {
  return Buffer.concat([...utf8Batched(graphmlChunks(graph, options))]).toString('utf8');
}

// ### `writeGraphmlStream` writes the document to `out` in buffers of about 256 KiB, encoded as
// they fill, honouring back-pressure: the graph is read only as fast as `out` takes the bytes.
export async function writeGraphmlStream(graph: KnowledgeGraph, out: NodeJS.WritableStream, options: GraphmlStreamOptions = {}): Promise<void> {
  await pipeline(Readable.from(utf8Batched(graphmlChunks(graph, options)), { objectMode: false }), out, { end: options.end ?? true });
}
