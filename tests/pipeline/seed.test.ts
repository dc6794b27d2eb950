// The seed article end to end: every required gold triple is built, with provenance
// offsets that point at the evidence, and the exports parse back with the graph's counts.
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { fold } from '../../src/text.js';
import { writeGraphml } from '../../src/export/graphml.js';
import { graphQuads } from '../../src/export/rdf.js';
import { writeTurtle } from '../../src/export/turtle.js';
import type { KnowledgeGraph } from '../../src/types.js';

const SEED = 'data/articles/seed-bayramov-lavrov-unga78.txt';
const GOLD = '../shared/corpus/dev/gold/seed-bayramov-lavrov-unga78.json';

interface Gold {
  entities: { name: string; type: string; aliases?: string[] }[];
  triples: { s: string; p: string; o: string; optional?: boolean; qualifiers?: Record<string, string> }[];
}

const norm = (s: string): string => fold(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/^the /, '');

// ### `nodeFor` finds the graph node of a gold entity by its name or any alias, as the scorer does.
function nodeFor(graph: KnowledgeGraph, gold: Gold, name: string): string | undefined {
  const e = gold.entities.find((x) => x.name === name)!;
  const names = new Set([e.name, ...(e.aliases ?? [])].map(norm));
  return graph.findNode((_, a) => a.type === e.type && [a.label, ...a.aliases].some((n) => names.has(norm(n))));
}

describe('seed article', async () => {
  const gold = JSON.parse(readFileSync(GOLD, 'utf8')) as Gold;
  const text = readFileSync(SEED, 'utf8');
  const { graph } = await build([SEED]);

  for (const t of gold.triples.filter((x) => !x.optional)) {
    it(`has ${t.s} ${t.p} ${t.o}`, () => {
      const s = nodeFor(graph, gold, t.s);
      const o = nodeFor(graph, gold, t.o);
      expect(s, `node for ${t.s}`).toBeDefined();
      expect(o, `node for ${t.o}`).toBeDefined();
      const edge = graph.findEdge((_, a, src, tgt) => a.predicate === t.p && ((src === s && tgt === o) || (a.symmetric && src === o && tgt === s)));
      expect(edge, `edge ${t.s} ${t.p} ${t.o}`).toBeDefined();
      const attrs = graph.getEdgeAttributes(edge!);
      for (const [k, v] of Object.entries(t.qualifiers ?? {})) {
        if (k === 'date') expect(attrs.date).toBe(v);
        if (k === 'occasion') expect(graph.getNodeAttributes(attrs.occasion!).label).toBe(v);
      }
    });
  }

  it('gives every fact provenance whose offsets hold its evidence', () => {
    expect(graph.size).toBeGreaterThan(0);
    graph.forEachEdge((_, a) => {
      expect(a.provenance.length).toBeGreaterThan(0);
      for (const p of a.provenance) {
        expect(p.source).toBe('seed-bayramov-lavrov-unga78');
        expect(text.slice(p.start, p.end)).toBe(p.evidence);
        expect(p.rule).toMatch(/^[a-z]+\.[a-z-]+$/);
      }
    });
  });

  it('states where Bayramov met Lavrov: the evidence sentence and rule', () => {
    const edge = graph.findEdge((_, a, s, t) => a.predicate === 'metWith' && [s, t].includes('Person:Jeyhun Bayramov') && [s, t].includes('Person:Sergey Lavrov'));
    const p = graph.getEdgeAttributes(edge!).provenance[0];
    expect(p.sentence).toBe(0);
    expect(p.rule).toBe('meet.met-with');
    expect(p.evidence.replace(/\s+/g, ' ')).toBe('Jeyhun Bayramov has met with his Russian counterpart Sergey Lavrov');
  });

  it('writes Turtle that n3 parses back to the same triples', async () => {
    const ttl = await writeTurtle(graph);
    const parsed = new Parser().parse(ttl);
    expect(parsed.length).toBe([...graphQuads(graph)].length);
    const types = parsed.filter((q) => q.predicate.value.endsWith('#type') && q.object.value.startsWith('https://w3id.org/newskg/ontology#') && !/#(Statement|Reference|Article|Rule)$/.test(q.object.value));
    expect(types.length).toBe(graph.order);
  });

  it('writes GraphML with one node element per node and one edge element per pair of nodes with facts, every fact inside', () => {
    const doc = new DOMParser().parseFromString(writeGraphml(graph), 'text/xml');
    expect(doc.getElementsByTagName('node').length).toBe(graph.order);
    const pairs = new Set(graph.mapEdges((_, __, s, t) => `${s}\u0000${t}`));
    const edges = Array.from(doc.getElementsByTagName('edge'));
    expect(edges.length).toBe(pairs.size);
    const facts = edges.flatMap((e) => JSON.parse(Array.from(e.getElementsByTagName('data')).find((d) => d.getAttribute('key') === 'statements')!.textContent!));
    expect(facts.length).toBe(graph.size);
  });
});
