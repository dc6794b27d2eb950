// GEXF for Gephi: parses back (graphology-gexf's own parser and a strict XML parser) into the same
// nodes, positions, colours and facts, one directed edge per ordered pair, byte-identical runs.
import { PassThrough } from 'node:stream';
import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import { DirectedGraph } from 'graphology';
import { parse, write } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/export/chars.js';
import { VIZ_NAMESPACE, writeGexf, writeGexfStream } from '../../src/export/gexf.js';
import { TYPE_COLORS } from '../../src/export/graphml.js';
import { createGraph } from '../../src/graph.js';
import { LIST_SEPARATOR, networkEdges, summarize } from '../../src/export/network.js';
import { layout, type Positions } from '../../src/layout.js';
import type { KnowledgeGraph } from '../../src/types.js';
import { buildFixture, E, EXTRACTIONS, NASTY } from './fixture.js';

describe('writeGexf', () => {
  const graph = buildFixture();
  const text = writeGexf(graph);
  const back = parse(DirectedGraph, text);
  const nodeByKey = (key: string) => back.findNode((_, a) => a.key === cleanText(key))!;

  it('is well-formed XML that a strict parser reads, declared as GEXF 1.2 with the viz namespace networkx reads', () => {
    const doc = new DOMParser({ onError: (level, message) => { if (level !== 'warning') throw new Error(`${level}: ${message}`); } }).parseFromString(text, 'text/xml');
    expect(doc.documentElement!.getAttribute('version')).toBe('1.2');
    expect(doc.documentElement!.getAttribute('xmlns')).toBe('http://www.gexf.net/1.2draft');
    expect(doc.documentElement!.getAttribute('xmlns:viz')).toBe('http://www.gexf.net/1.2draft/viz');
    expect(doc.getElementsByTagNameNS('http://www.gexf.net/1.2draft/viz', 'position')).toHaveLength(graph.order);
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  });

  it('has every node, with label, type, key, IRI, colour by type, size by degree and the ForceAtlas2 position', () => {
    expect(back.order).toBe(graph.order);
    const id = nodeByKey(E.bayramov.key);
    const a = back.getNodeAttributes(id);
    const { x, y } = layout(graph).get(E.bayramov.key)!;
    expect(a).toMatchObject({ label: NASTY.person, type: 'Person', iri: graph.getNodeAttribute(E.bayramov.key, 'iri'), wikidata: 'Q4231231', degree: 3, x, y });
    expect(a.color).toBe(`rgb(${TYPE_COLORS.Person.join(',')})`);
    expect(a.size).toBe(Math.round((10 + 5 * Math.sqrt(3)) * 100) / 100);
    expect(back.getNodeAttribute(nodeByKey(E.lavrov.key), 'label')).toBe(NASTY.cyrillic);
    expect(back.getNodeAttribute(nodeByKey(E.post.key), 'title')).toBe('Minister of Foreign Affairs');
  });

  it('folds the facts between a pair into one directed edge with the predicates as label and the mentions as weight', () => {
    expect(back.type).toBe('directed');
    const e = back.edge(nodeByKey(E.bayramov.key), nodeByKey(E.lavrov.key))!;
    expect(back.getEdgeAttributes(e)).toMatchObject({ label: 'counterpartOf | metWith', weight: 3, facts: 2, symmetric: true, date: '2023-09-21' });
    const facts = JSON.parse(back.getEdgeAttribute(e, 'statements'));
    expect(facts[1].provenance).toEqual(graph.getEdgeAttribute(`${E.bayramov.key}|metWith|${E.lavrov.key}`, 'provenance'));
  });

  it('loses no fact', () => {
    const keys = back.mapEdges((_, a) => JSON.parse(a.statements).map((f: { key: string }) => f.key)).flat().sort();
    expect(keys).toEqual(graph.edges().sort());
  });

  it('is byte-identical for the same graph and whatever the article order', () => {
    expect(writeGexf(graph)).toBe(text);
    expect(writeGexf(buildFixture([...EXTRACTIONS].reverse()))).toBe(text);
  });

  it('writes an empty graph', () => {
    expect(parse(DirectedGraph, writeGexf(createGraph()), { respectInputGraphType: true }).order).toBe(0);
  });
});

// ### `referenceGexf` is the writer as it was through graphology-gexf (one string for the whole
// file): the streaming writer must give the same bytes.
function referenceGexf(graph: KnowledgeGraph, positions: Positions): string {
  const SKIP = new Set(['label', 'type', 'aliases', 'iri', 'wikidata', 'sources', 'key', 'degree', 'x', 'y', 'z', 'size', 'color', 'shape', 'thickness']);
  type Scalar = string | number | boolean;
  const clean = (v: Scalar): Scalar => (typeof v === 'string' ? cleanText(v) : v);
  const names = new Set<string>();
  graph.forEachNode((_, a) => {
    for (const [k, v] of Object.entries(a)) {
      if (!SKIP.has(k) && (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)))) names.add(k);
    }
  });
  const extras = [...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
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
  const text = write(out, {
    version: '1.2',
    formatNode: (_key, a) => ({ label: a.label, attributes: a.attributes, viz: a.viz }),
    formatEdge: (_key, a) => ({ label: a.label, weight: a.weight, attributes: a.attributes }),
  });
  return `${text.replace(/ xmlns:viz="[^"]*"/, ` xmlns:viz="${VIZ_NAMESPACE}"`)}\n`;
}

describe('writeGexf against graphology-gexf', () => {
  it('writes the fixture as graphology-gexf did, and streams the same bytes', async () => {
    const graph = buildFixture();
    const positions = layout(graph);
    const text = writeGexf(graph, { positions });
    expect(text).toBe(referenceGexf(graph, positions));
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeGexfStream(graph, out, { positions });
    expect(Buffer.concat(chunks).toString('utf8')).toBe(text);
    expect(writeGexf(createGraph())).toBe(referenceGexf(createGraph(), new Map()));
  });

  it('writes any graph as graphology-gexf did: nasty text, missing and extra columns, mixed types', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '&', '<', '>', '"', "'", '\t', '\n', '\r', '\u0001', '\uD800', 'ж', '😀', '|'), maxLength: 8 });
    const extra = fc.oneof(text, fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(''), fc.constant(undefined), fc.constant(2 ** 40));
    const node = fc.record({
      label: text, type: fc.constantFrom('Person', 'Country', 'Event', 'Nonsense'), iri: text, aliases: fc.array(text, { maxLength: 2 }),
      wikidata: fc.option(text, { nil: undefined }), sources: fc.array(text, { maxLength: 2 }), title: extra, rank: extra, '0': extra,
    });
    const fact = fc.record({
      s: fc.nat(), o: fc.nat(), predicate: fc.constantFrom('metWith', 'visited', ''), symmetric: fc.boolean(),
      date: fc.option(text, { nil: undefined }), place: fc.option(text, { nil: undefined }), topics: fc.option(fc.array(text, { maxLength: 2 }), { nil: undefined }),
      provenance: fc.array(fc.record({ source: text, sentence: fc.nat(9), start: fc.nat(99), end: fc.nat(99), evidence: text, rule: text }), { maxLength: 2 }),
    });
    fc.assert(fc.property(fc.uniqueArray(fc.tuple(text, node), { selector: ([k]) => k, minLength: 1, maxLength: 6 }), fc.array(fact, { maxLength: 10 }), (nodes, facts) => {
      const graph = createGraph();
      for (const [key, attrs] of nodes) {
        const a: Record<string, unknown> = { ...attrs };
        for (const k of Object.keys(a)) if (a[k] === undefined) delete a[k];
        graph.addNode(key, a as never);
      }
      const keys = graph.nodes();
      facts.forEach(({ s, o, ...f }, i) => {
        const [source, target] = [keys[s % keys.length], keys[o % keys.length]];
        if (source !== target) graph.addEdgeWithKey(`f${i}`, source, target, { ...f, label: f.predicate } as never);
      });
      const positions = layout(graph, { iterations: 2 });
      expect(writeGexf(graph, { positions })).toBe(referenceGexf(graph, positions));
    }), { numRuns: 300 });
  });
});
