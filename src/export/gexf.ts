// **gexf** writes the graph as GEXF 1.2, Gephi's native format, streaming.
//
// The same design as the GraphML writer, so both files open alike: node ids `n0…` with the key,
// IRI and type as attributes; colour by type, size by degree and a ForceAtlas2 position as `viz:`;
// one directed edge per ordered pair of nodes holding every fact between them (network.ts), with
// the predicates as label and the mention count as weight.
//
// The bytes are those graphology-gexf's writer gives for the same graph (it was the writer until
// it had to stream: it builds the whole file in one string, which a big graph cannot fit): its
// pretty-printing, its escaping of attribute values (`&`, `<`, `"`, tab, LF, CR) and its attribute
// model, each column typed by graphology-gexf's inference and declared in the order it is first met.
// tests/export/gexf.test.ts compares the two on the fixture and on random graphs.
//
// NOTE: GEXF 1.2 rather than 1.3, because networkx before 3.x (Debian 12 has 2.8) reads only 1.1 and
// 1.2; and the viz namespace is the one networkx looks for (graphology-gexf wrote 1.2's wrongly, as
// `http:///www.gexf.net/1.1draft/viz`) — Gephi reads viz elements whatever their namespace.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { layout, type Positions } from '../layout.js';
import type { KnowledgeGraph } from '../types.js';
import { utf8Batched } from './batch.js';
import { cleanText } from './chars.js';
import { TYPE_COLORS } from './graphml.js';
import { type EdgeSummary, LIST_SEPARATOR, networkEdges, summarize } from './network.js';

/** The viz namespace of GEXF 1.2, as Gephi writes it and networkx reads it. */
export const VIZ_NAMESPACE = 'http://www.gexf.net/1.2draft/viz';

/** Options of {@link writeGexf}. */
export interface GexfOptions {
  /** Node positions to write instead of computing a ForceAtlas2 layout. */
  positions?: Positions;
}

/** Options of {@link writeGexfStream}. */
export interface GexfStreamOptions extends GexfOptions {
  /** End `out` when done. Default true; pass false for `process.stdout`. */
  end?: boolean;
}

// Node attributes written by name below, or that GEXF keeps for `viz:`; anything else a node carries
// (a position's title, an actor's folded positions) is written when it is a string, number or boolean.
const SKIP = new Set(['label', 'type', 'aliases', 'iri', 'wikidata', 'sources', 'key', 'degree', 'x', 'y', 'z', 'size', 'color', 'shape', 'thickness']);

type Scalar = string | number | boolean;
const clean = (v: unknown): unknown => (typeof v === 'string' ? cleanText(v) : v);

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

// ---------------------------------------------------------------------------------------------
// graphology-gexf's attribute model: a type per column, inferred from every value it takes.

type ValueType = 'liststring' | 'listdouble' | 'listlong' | 'listinteger' | 'listboolean' | 'string' | 'double' | 'long' | 'integer' | 'boolean' | 'empty';
const PRIORITY: Record<ValueType, number> = {
  liststring: 0, listdouble: 1, listlong: 2, listinteger: 3, listboolean: 4, string: 5, double: 6, long: 7, integer: 8, boolean: 9, empty: 10,
};

const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === '' || v !== v;

function scalarType(v: unknown): ValueType {
  if (isEmpty(v)) return 'empty';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return v === (v | 0) ? (v <= 0x7fffffff && v >= -0x7fffffff ? 'integer' : 'long') : 'double';
  return 'string';
}

function valueType(v: unknown): ValueType {
  const list = v instanceof Set ? [...v] : Array.isArray(v) ? v : undefined;
  if (!list) return scalarType(v);
  let type: ValueType = 'empty';
  for (const x of list) {
    const t = scalarType(x);
    if (PRIORITY[t] < PRIORITY[type]) type = t;
  }
  return type === 'empty' ? 'empty' : (`list${type}` as ValueType);
}

// ### `Model` collects the columns in the order they are first met, each with the type of highest
// priority among its values (strings over numbers, lists over scalars), as graphology-gexf does.
class Model {
  // A plain object, as graphology-gexf's: the same key order (integer-like names first).
  readonly types: Record<string, ValueType> = {};

  see(attributes: Record<string, unknown>): void {
    for (const k in attributes) {
      const t = valueType(attributes[k]);
      if (t === 'empty') continue;
      const old = this.types[k];
      if (!old || (t !== old && PRIORITY[t] < PRIORITY[old])) this.types[k] = t;
    }
  }

  declaration(domain: 'node' | 'edge'): string {
    let out = '';
    for (const k in this.types) out += `\n      <attribute${named('id', k)}${named('title', k)} type="${this.types[k]}"/>`;
    return out ? `\n    <attributes class="${domain}">${out}\n    </attributes>` : '';
  }

  // The `<attvalues>` of one element: its non-empty values, in column order.
  values(attributes: Record<string, unknown>): string {
    let out = '';
    for (const k in this.types) {
      if (!(k in attributes)) continue;
      const v = attributes[k];
      if (isEmpty(v)) continue;
      const type = this.types[k];
      let text: string;
      if (type.startsWith('list')) text = (v instanceof Set ? [...v] : Array.isArray(v) ? v : [v]).join('|');
      else text = `${v as Scalar}`;
      out += `\n          <attvalue${named('for', k)}${named('value', text)}/>`;
    }
    return out ? `\n        <attvalues>${out}\n        </attvalues>` : '\n        <attvalues/>';
  }
}

// ### `attr` escapes an attribute value as graphology-gexf's XML writer does.
const attrSpecial = /[&<"\t\n\r]/;
const attrSpecialAll = /[&<"\t\n\r]/g;
const ATTR_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '"': '&quot;', '\t': '&#x9;', '\n': '&#xA;', '\r': '&#xD;' };
const attrEntity = (c: string): string => ATTR_ENTITIES[c];
function attr(value: string): string {
  return attrSpecial.test(value) ? value.replace(attrSpecialAll, attrEntity) : value;
}
// ` name="value"`, or nothing for an empty value, which graphology-gexf's XML writer leaves out.
const named = (name: string, value: string): string => (value === '' ? '' : ` ${name}="${attr(value)}"`);

// ---------------------------------------------------------------------------------------------
// The document

interface NodeData { id: string; label: string; attributes: Record<string, unknown>; viz: string }

// ### `nodeData` gives a node's label, GEXF attributes (cleaned) and `viz:` elements.
function nodeData(graph: KnowledgeGraph, node: string, id: string, extras: string[], positions: Positions): NodeData {
  const a = graph.getNodeAttributes(node);
  // Without a prototype, so no attribute name (`__proto__`, `toString`) is taken for something else.
  const attributes: Record<string, unknown> = Object.create(null);
  attributes.type = clean(a.type);
  attributes.key = clean(node);
  attributes.iri = clean(a.iri);
  if (a.aliases?.length) attributes.aliases = cleanText(a.aliases.join(LIST_SEPARATOR));
  if (a.wikidata) attributes.wikidata = clean(a.wikidata);
  if (a.sources?.length) attributes.sources = cleanText(a.sources.join(LIST_SEPARATOR));
  const degree = graph.degree(node);
  attributes.degree = degree;
  for (const k of extras) {
    const v = a[k];
    if (v !== undefined && v !== null && v !== '') attributes[k] = clean(v);
  }
  const [r, g, b] = Object.hasOwn(TYPE_COLORS, a.type) ? TYPE_COLORS[a.type] : [0, 0, 0];
  const p = positions.get(node) ?? { x: 0, y: 0 };
  const viz = `\n        <viz:color r="${r}" g="${g}" b="${b}"/>\n        <viz:size value="${Math.round((10 + 5 * Math.sqrt(degree)) * 100) / 100}"/>`
    + `\n        <viz:position x="${p.x}" y="${p.y}"/>`;
  return { id, label: cleanText(a.label?.trim() ? a.label : node), attributes, viz };
}

// ### `edgeAttributes` gives an edge's GEXF attributes (cleaned); `statements` is added when written.
function edgeAttributes(s: EdgeSummary): Record<string, unknown> {
  const attributes: Record<string, unknown> = Object.create(null);
  attributes.predicate = cleanText(s.label);
  attributes.facts = s.facts;
  attributes.symmetric = s.symmetric;
  for (const k of ['date', 'place', 'occasion', 'topics', 'rules', 'sources'] as const) if (s[k]) attributes[k] = cleanText(s[k]!);
  return attributes;
}

// ### `gexfChunks` yields the document piece by piece: the header with the attribute model, then
// one node or edge at a time. The model needs every node's and edge's columns first: one pass
// collects them (the facts' JSON, most of the file, is made only when its edge is written).
export function* gexfChunks(graph: KnowledgeGraph, options: GexfOptions = {}): Generator<string> {
  const positions = options.positions ?? layout(graph);
  const extras = extraNames(graph);
  const ids = new Map<string, string>();
  const nodes: NodeData[] = [];
  const nodeModel = new Model();
  graph.forEachNode((node) => {
    const id = `n${ids.size}`;
    ids.set(node, id);
    const data = nodeData(graph, node, id, extras, positions);
    nodeModel.see(data.attributes);
    nodes.push(data);
  });
  const edges = networkEdges(graph);
  const summaries: EdgeSummary[] = [];
  const edgeModel = new Model();
  for (const edge of edges) {
    const s = summarize(edge, { statements: false });
    summaries.push(s);
    // Every edge has statements, a non-empty JSON array; written in this place of the columns.
    const attributes = edgeAttributes(s);
    attributes.statements = '[]';
    edgeModel.see(attributes);
  }

  yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    + `<gexf version="1.2" xmlns="http://www.gexf.net/1.2draft" xmlns:viz="${VIZ_NAMESPACE}">\n`
    + '  <meta>\n    <creator>newskg</creator>\n  </meta>\n'
    + `  <graph defaultedgetype="directed">${nodeModel.declaration('node')}${edgeModel.declaration('edge')}`
    + (nodes.length ? '\n    <nodes>' : '\n    <nodes/>');
  for (const n of nodes) {
    yield `\n      <node id="${n.id}"${named('label', n.label)}>${nodeModel.values(n.attributes)}${n.viz}\n      </node>`;
  }
  // Let the nodes go: only the edges are left to write.
  nodes.length = 0;
  yield edges.length ? '\n    </nodes>\n    <edges>' : (graph.order ? '\n    </nodes>\n    <edges/>' : '\n    <edges/>');
  for (let i = 0; i < edges.length; i++) {
    const s = summaries[i], edge = edges[i];
    const attributes = edgeAttributes(s);
    attributes.statements = cleanText(JSON.stringify(edge.facts));
    const label = cleanText(s.label);
    yield `\n      <edge id="e${i}" source="${ids.get(edge.source)}" target="${ids.get(edge.target)}" weight="${s.weight}"${named('label', label)}>`
      + `${edgeModel.values(attributes)}\n      </edge>`;
  }
  yield `${edges.length ? '\n    </edges>' : ''}\n  </graph>\n</gexf>\n`;
}

// ### `writeGexf` returns the GEXF document. Nodes and edges come out in graph order: pass a
// `sortedGraph` for byte-identical files.
export function writeGexf(graph: KnowledgeGraph, options: GexfOptions = {}): string {
  return Buffer.concat([...utf8Batched(gexfChunks(graph, options))]).toString('utf8');
}

// ### `writeGexfStream` writes the same bytes to `out` in buffers of about 256 KiB, honouring back-pressure.
export async function writeGexfStream(graph: KnowledgeGraph, out: NodeJS.WritableStream, options: GexfStreamOptions = {}): Promise<void> {
  await pipeline(Readable.from(utf8Batched(gexfChunks(graph, options)), { objectMode: false }), out, { end: options.end ?? true });
}
