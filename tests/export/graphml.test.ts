import { PassThrough } from 'node:stream';
import { DOMParser } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/export/chars.js';
import { graphmlChunks, writeGraphml, writeGraphmlStream, xml } from '../../src/export/graphml.js';
import { createGraph } from '../../src/graph.js';
import { layout } from '../../src/layout.js';
import { buildFixture, E, EXTRACTIONS, NASTY } from './fixture.js';

// ### `parse` reads GraphML with a real XML parser that fails on any error, not just fatal ones.
function parse(text: string) {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(text, 'text/xml');
  const all = (name: string): Element[] => Array.from(doc.getElementsByTagName(name));
  const keys = new Map(all('key').map((k) => [k.getAttribute('id')!, k]));
  // Attribute values of one node or edge, by attr.name.
  const values = (el: Element): Record<string, string> => Object.fromEntries(Array.from(el.getElementsByTagName('data'))
    .map((d) => [keys.get(d.getAttribute('key')!)!.getAttribute('attr.name')!, d.textContent ?? '']));
  return { doc, all, keys, values };
}

describe('writeGraphml', () => {
  const graph = buildFixture();
  const text = writeGraphml(graph);
  const { all, keys, values } = parse(text);
  const nodes = all('node'), edges = all('edge');
  const nodeByKey = (key: string) => nodes.find((n) => values(n).key === cleanText(key))!;

  it('has one node per graph node and one edge per ordered pair of nodes with facts, all directed', () => {
    expect(nodes).toHaveLength(graph.order);
    const pairs = new Set<string>();
    graph.forEachEdge((_, __, s, t) => pairs.add(JSON.stringify([s, t])));
    expect(edges).toHaveLength(pairs.size);
    expect(edges.length).toBeLessThan(graph.size);
    expect(all('graph')[0].getAttribute('edgedefault')).toBe('directed');
    expect(edges.every((e) => !e.hasAttribute('directed'))).toBe(true);
  });

  it('uses NMTOKEN ids and points edges at declared nodes', () => {
    const ids = new Set(nodes.map((n) => n.getAttribute('id')));
    expect([...ids].every((id) => /^n\d+$/.test(id!))).toBe(true);
    expect(ids.size).toBe(nodes.length);
    for (const e of edges) {
      expect(e.getAttribute('id')).toMatch(/^e\d+$/);
      expect(ids.has(e.getAttribute('source'))).toBe(true);
      expect(ids.has(e.getAttribute('target'))).toBe(true);
    }
  });

  it('declares every key for one domain with a name and a GraphML type, and uses only those', () => {
    for (const k of keys.values()) {
      expect(['node', 'edge']).toContain(k.getAttribute('for'));
      expect(k.getAttribute('attr.name')).toMatch(/^[\w.-]+$/);
      expect(['string', 'int', 'double', 'boolean']).toContain(k.getAttribute('attr.type'));
    }
    for (const el of [...nodes, ...edges]) {
      for (const d of Array.from(el.getElementsByTagName('data'))) {
        expect(keys.get(d.getAttribute('key')!)?.getAttribute('for')).toBe(el.tagName);
      }
    }
  });

  it('keeps nasty labels, replacing only what XML cannot carry', () => {
    expect(values(nodeByKey(E.bayramov.key)).label).toBe(NASTY.person);
    expect(values(nodeByKey(E.org.key)).label).toBe(NASTY.org);
    expect(values(nodeByKey(E.lavrov.key)).label).toBe(NASTY.cyrillic);
    expect(values(nodeByKey(E.mecca.key)).label).toBe(NASTY.arabic);
    expect(values(nodeByKey(E.summit.key)).label).toBe(NASTY.event);
    expect(values(nodeByKey(E.doc.key)).label).toBe('Control\u241AChar\tStatement\r\nof 10 November');
    expect(values(nodeByKey(E.bayramov.key)).aliases).toBe('Bayramov | FM <Bayramov> & co | broken \u241A alias');
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  });

  it('writes node attributes, Gephi style (colour, size, ForceAtlas2 position) and extra attributes', () => {
    const v = values(nodeByKey(E.bayramov.key));
    expect(v).toMatchObject({ type: 'Person', iri: graph.getNodeAttribute(E.bayramov.key, 'iri'), wikidata: 'Q4231231', degree: '3' });
    expect(v).toMatchObject({ r: '31', g: '119', b: '180', size: String(Math.round((10 + 5 * Math.sqrt(3)) * 100) / 100) });
    const { x, y } = layout(graph).get(E.bayramov.key)!;
    expect([v.x, v.y]).toEqual([String(x), String(y)]);
    expect(new Set(nodes.map((n) => `${values(n).x},${values(n).y}`)).size).toBe(nodes.length);
    expect(values(nodeByKey(E.post.key))).toMatchObject({ title: 'Minister of Foreign Affairs', of: 'Azerbaijan' });
  });

  it('writes a one-fact edge with its predicate, weight, qualifiers and provenance', () => {
    const supported = edges.find((e) => values(e).predicate === 'supported')!;
    const v = values(supported);
    const key = `${E.org.key}|supported|${E.doc.key}`;
    expect(v).toMatchObject({ label: 'supported', weight: '1', facts: '1', symmetric: 'false', date: '2024', rules: 'support', sources: 'статья-2' });
    const [fact] = JSON.parse(v.statements);
    expect(fact).toEqual({ key, predicate: 'supported', symmetric: false, date: '2024', provenance: graph.getEdgeAttribute(key, 'provenance') });
    expect(fact.provenance[0].evidence).toBe('backed the \u0001 statement');
  });

  it('folds the facts between one pair into one edge, so Gephi cannot merge them away', () => {
    const [bay, lav] = [nodeByKey(E.bayramov.key).getAttribute('id'), nodeByKey(E.lavrov.key).getAttribute('id')];
    const between = edges.filter((e) => e.getAttribute('source') === bay && e.getAttribute('target') === lav);
    expect(between).toHaveLength(1);
    const v = values(between[0]);
    expect(v).toMatchObject({ label: 'counterpartOf | metWith', predicate: 'counterpartOf | metWith', weight: '3', facts: '2', symmetric: 'true' });
    expect(v).toMatchObject({ date: '2023-09-21', place: E.mecca.key, occasion: E.summit.key, rules: 'counterpart | meet.v1', sources: 'article one | статья-2' });
    expect(v.topics).toBe('bilateral cooperation | situation "in" the region');
    const facts = JSON.parse(v.statements);
    expect(facts.map((f: { key: string }) => f.key)).toEqual([`${E.bayramov.key}|counterpartOf|${E.lavrov.key}`, `${E.bayramov.key}|metWith|${E.lavrov.key}`]);
    expect(facts[1].provenance).toEqual(graph.getEdgeAttribute(`${E.bayramov.key}|metWith|${E.lavrov.key}`, 'provenance'));
    expect(between[0].hasAttribute('label')).toBe(false);
  });

  it('loses no fact: every edge of the graph is in exactly one statements list', () => {
    const keys = edges.flatMap((e) => JSON.parse(values(e).statements).map((f: { key: string }) => f.key)).sort();
    expect(keys).toEqual(graph.edges().sort());
  });

  it('can leave out the Gephi style', () => {
    const plain = parse(writeGraphml(graph, { style: false }));
    expect([...plain.keys.keys()]).not.toContain('size');
    expect([...plain.keys.keys()]).not.toContain('x');
    expect(plain.values(plain.all('node')[0])).not.toHaveProperty('r');
  });

  it('is byte-identical for the same graph and whatever the article order', () => {
    expect(writeGraphml(graph)).toBe(text);
    expect(writeGraphml(buildFixture([...EXTRACTIONS].reverse()))).toBe(text);
  });

  it('streams the same bytes', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeGraphmlStream(graph, out);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(text);
  });

  it('streams a graph bigger than one write buffer as the same bytes as the string and the pieces', async () => {
    const big = createGraph();
    const names = ['Сергей Лавров', 'Zoë "Z" Ó Briain', 'مكة & co', 'Summit 🌍 <2024>'];
    for (let i = 0; i < 3000; i++) {
      big.addNode(`Person:${names[i % 4]} ${i}`, { label: `${names[i % 4]} ${i}`, type: 'Person', aliases: [], iri: `https://example.org/p${i}`, sources: ['a'] });
    }
    for (let i = 1; i < 3000; i++) {
      const provenance = [{ source: 'статья', sentence: i, start: 0, end: 5, evidence: names[i % 4], rule: 'meet' }];
      big.addEdgeWithKey(`e${i}`, `Person:${names[i % 4]} ${i}`, `Person:${names[(i - 1) % 4]} ${i - 1}`, { predicate: 'metWith', label: 'metWith', symmetric: true, provenance });
    }
    const positions = layout(big, { iterations: 1 });
    const whole = writeGraphml(big, { positions });
    expect(whole.length).toBeGreaterThan(1 << 20);
    expect(whole).toBe([...graphmlChunks(big, { positions })].join(''));
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeGraphmlStream(big, out, { positions });
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).equals(Buffer.from(whole, 'utf8'))).toBe(true);
  });

  it('writes a valid document for an empty graph', () => {
    const empty = parse(writeGraphml(createGraph()));
    expect(empty.all('node')).toHaveLength(0);
    expect(empty.all('graph')).toHaveLength(1);
  });
});

describe('xml', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<tag attr="v">', '&lt;tag attr=&quot;v&quot;&gt;'],
    ["it's", 'it&apos;s'],
    ['line\r\nnext\ttab', 'line&#13;&#10;next&#9;tab'],
    ['nul\u0000 and \uDFFF', 'nul\u241A and \u241A'],
    ['NEL\u0085 LS\u2028', 'NEL&#133; LS&#8232;'],
    ['emoji 😀 stays', 'emoji 😀 stays'],
  ])('%j -> %j', (input, expected) => {
    expect(xml(input)).toBe(expected);
  });

  it('makes every BMP code unit parse as XML', () => {
    let all = '';
    for (let c = 0; c < 0x10000; c++) all += String.fromCharCode(c);
    const doc = new DOMParser({ onError: (level, m) => { if (level !== 'warning') throw new Error(m); } })
      .parseFromString(`<r a="${xml(all)}">${xml(all)}</r>`, 'text/xml');
    const root = doc.documentElement!;
    // Compared as booleans: a failure must not print 64 Ki characters.
    expect(root.getAttribute('a') === cleanText(all)).toBe(true);
    expect(root.textContent === cleanText(all)).toBe(true);
  });
});
