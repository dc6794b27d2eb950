// The query library on the dev corpus and on small hand-made graphs: names through labels,
// aliases, keys and IRIs with case and accents folded; symmetric facts both ways; neighbourhoods;
// shortest paths; every result with its qualifiers and provenance; typed errors with suggestions.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { addExtraction, createGraph, sortedGraph } from '../../src/graph.js';
import {
  buildFromTexts, findEntities, InputError, loadGraph, neighbours, QueryError, relations, resolveEntity, resolvePredicate, resolveType,
  shortestPaths, writeGraphml, writeGraphmlStream, writeJson, writeTurtle, writeTurtleStream, type KnowledgeGraph,
} from '../../src/index.js';
import { entityKey } from '../../src/iri.js';
import type { Entity, EntityType, Extraction } from '../../src/types.js';
import { buildFixture, NASTY } from '../export/fixture.js';
import { devCorpus } from './corpus.js';

const BAYRAMOV = 'Person:Jeyhun Bayramov';
const LAVROV = 'Person:Sergey Lavrov';
const CAVUSOGLU = 'Person:Mevlüt Çavuşoğlu';

// ### `caught` runs `f` and returns the QueryError it throws.
function caught(f: () => unknown): QueryError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(QueryError);
    return e as QueryError;
  }
  throw new Error('expected a QueryError');
}

// ### `tiny` makes a graph by hand: entities `[type, label, aliases]` and facts `[s, p, o]` by label or key.
function tiny(entities: [EntityType, string, string[]?][], facts: [string, string, string][] = []): KnowledgeGraph {
  const ents: Entity[] = entities.map(([type, label, aliases]) => ({ key: entityKey(type, label), label, type, aliases: aliases ?? [] }));
  const key = (name: string): string => ents.find((e) => e.key === name || e.label === name)!.key;
  const x: Extraction = {
    article: { id: 'a', path: 'a.txt', text: '', meta: { bodyStart: 0, bodyEnd: 0, spans: [] } },
    entities: ents,
    facts: facts.map(([s, p, o], i) => ({
      subject: key(s), predicate: p as never, object: key(o), qualifiers: {},
      provenance: { source: 'a', sentence: i, start: i * 10, end: i * 10 + 5, evidence: `${s} ${p} ${o}`, rule: 'r' },
    })),
  };
  const g = createGraph();
  addExtraction(g, x);
  return sortedGraph(g);
}

let dev: KnowledgeGraph;
beforeAll(async () => {
  dev = (await devCorpus()).graph;
});

// The other end of every `predicate` edge at `key`, read straight from graphology: the oracle.
function othersOf(graph: KnowledgeGraph, key: string, predicate: string): string[] {
  const out = new Set<string>();
  graph.forEachEdge(key, (_e, a, s, t) => {
    if (a.predicate === predicate) out.add(s === key ? t : s);
  });
  return [...out].sort();
}

describe('names', () => {
  it.each([
    ['Jeyhun Bayramov', BAYRAMOV],
    ['jeyhun bayramov', BAYRAMOV],
    ['  JEYHUN   BAYRAMOV ', BAYRAMOV],
    ['Bayramov', BAYRAMOV],
    ['Person:Jeyhun Bayramov', BAYRAMOV],
    ['person:bayramov', BAYRAMOV],
    ['https://w3id.org/newskg/id/person/Jeyhun_Bayramov', BAYRAMOV],
    ['Mevlüt Çavuşoğlu', CAVUSOGLU],
    ['Mevlut Cavusoglu', CAVUSOGLU],
    ['mevlut çavusoglu', CAVUSOGLU],
    ['Lavrov', LAVROV],
  ])('%s is %s', (name, key) => {
    expect(resolveEntity(dev, name).key).toBe(key);
  });

  it.each([
    ['Bayramof', 'Jeyhun Bayramov'],
    ['Jeyhun Bayramow', 'Jeyhun Bayramov'],
    ['Lavrow', 'Sergey Lavrov'],
    ['Cavusolu', 'Mevlüt Çavuşoğlu'],
  ])('an unknown name (%s) suggests %s', (name, suggestion) => {
    const e = caught(() => relations(dev, { subject: name }));
    expect(e.code).toBe('unknown-entity');
    expect(e.term).toBe(name);
    expect(e.suggestions[0]).toBe(suggestion);
    expect(e.message).toContain(`did you mean "${suggestion}"`);
  });

  it('suggests nothing for a name like no other', () => {
    const e = caught(() => resolveEntity(dev, 'Qqqqxxxzzzz'));
    expect(e.code).toBe('unknown-entity');
    expect(e.suggestions).toEqual([]);
  });

  it('a name of two entities matches both in a filter, but must be chosen where one is wanted', () => {
    const g = tiny([['Location', 'United Nations'], ['Organization', 'United Nations'], ['Person', 'António Guterres'], ['Person', 'Fidan'], ['Person', 'Hakan Fidan', ['Fidan']]],
      [['António Guterres', 'affiliatedWith', 'Organization:United Nations'], ['Hakan Fidan', 'metWith', 'António Guterres']]);
    expect(findEntities(g, 'united nations').map((e) => e.key)).toEqual(['Location:United Nations', 'Organization:United Nations']);
    const e = caught(() => resolveEntity(g, 'United Nations'));
    expect(e.code).toBe('ambiguous-entity');
    expect(e.suggestions).toEqual(['Location:United Nations', 'Organization:United Nations']);
    expect(resolveEntity(g, 'Organization:United Nations').key).toBe('Organization:United Nations');
    // A label beats an alias; the alias still finds its entity in a filter.
    expect(resolveEntity(g, 'Fidan').key).toBe('Person:Fidan');
    expect(relations(g, { subject: 'Fidan' }).map((r) => r.subject.key)).toEqual(['Person:Hakan Fidan']);
    expect(relations(g, { subject: 'antonio guterres' }).map((r) => r.object.key)).toEqual(['Organization:United Nations', 'Person:Hakan Fidan']);
  });

  it('sees entities added after the first query', () => {
    const g = tiny([['Person', 'A']]);
    expect(findEntities(g, 'B')).toEqual([]);
    g.addNode('Person:B', { label: 'B', type: 'Person', aliases: ['Bee'], iri: 'x', sources: [] });
    expect(findEntities(g, 'bee').map((e) => e.key)).toEqual(['Person:B']);
    g.updateNodeAttribute('Person:B', 'aliases', () => ['Bea']);
    expect(findEntities(g, 'bee')).toEqual([]);
    expect(findEntities(g, 'bea').map((e) => e.key)).toEqual(['Person:B']);
  });

  it('finds hostile names: quotes, Cyrillic, markup', () => {
    const g = buildFixture();
    expect(resolveEntity(g, NASTY.person).label).toBe(NASTY.person);
    expect(resolveEntity(g, 'jeyhun "jay" bayramov').label).toBe(NASTY.person);
    expect(resolveEntity(g, 'сергей лавров').label).toBe(NASTY.cyrillic);
    expect(resolveEntity(g, 'FM <Bayramov> & co').label).toBe(NASTY.person);
  });
});

describe('predicates and types', () => {
  it.each([['metWith', 'metWith'], ['metwith', 'metWith'], ['METWITH', 'metWith'], ['nkg:metWith', 'metWith'], ['https://w3id.org/newskg/ontology#signed', 'signed']])('%s is %s', (name, p) => {
    expect(resolvePredicate(name)).toBe(p);
  });

  it.each([['met', 'metWith'], ['spoke', 'spokeWith'], ['sign', 'signed'], ['vistied', 'visited'], ['congratulate', 'congratulated']])('an unknown predicate (%s) suggests %s', (name, p) => {
    const e = caught(() => relations(dev, { predicate: name }));
    expect(e.code).toBe('unknown-predicate');
    expect(e.suggestions[0]).toBe(p);
    expect(e.message).toContain('Known: holdsPosition');
  });

  it('reads types case-insensitively and suggests the closest', () => {
    expect(resolveType('country')).toBe('Country');
    const e = caught(() => relations(dev, { type: 'persn' }));
    expect(e.code).toBe('unknown-type');
    expect(e.suggestions).toEqual(['Person']);
  });
});

describe('relations', () => {
  it('finds everyone Bayramov met, whichever end of the stored fact he is', () => {
    const rels = relations(dev, { subject: 'bayramov', predicate: 'metWith' });
    expect(rels.map((r) => r.object.key).sort()).toEqual(othersOf(dev, BAYRAMOV, 'metWith'));
    expect(rels.map((r) => r.object.key)).toEqual(expect.arrayContaining([LAVROV, CAVUSOGLU]));
    for (const r of rels) {
      expect(r.subject.key).toBe(BAYRAMOV);
      expect(r.predicate).toBe('metWith');
      expect(r.symmetric).toBe(true);
      expect(r.provenance.length).toBeGreaterThan(0);
    }
    // The same meetings asked from the other side.
    const back = relations(dev, { object: 'Jeyhun Bayramov', predicate: 'metWith' });
    expect(back.map((r) => r.subject.key).sort()).toEqual(othersOf(dev, BAYRAMOV, 'metWith'));
    expect(back.every((r) => r.object.key === BAYRAMOV)).toBe(true);
  });

  it('keeps a directed fact one way round', () => {
    const holds = relations(dev, { object: 'Bayramov', predicate: 'holdsPosition' });
    expect(holds).toEqual([]);
    expect(relations(dev, { subject: 'Bayramov', predicate: 'holdsPosition' }).length).toBeGreaterThan(0);
  });

  it('carries the qualifiers and every mention of each fact', () => {
    for (const r of relations(dev, { predicate: ['metWith', 'visited', 'signed'] })) {
      const a = dev.getEdgeAttributes(r.key);
      expect(r.provenance).toEqual(a.provenance);
      expect(r.qualifiers.date).toBe(a.date);
      expect(r.qualifiers.place?.key).toBe(a.place);
      expect(r.qualifiers.occasion?.key).toBe(a.occasion);
      if (r.qualifiers.place) expect(r.qualifiers.place.label).toBe(dev.getNodeAttribute(a.place!, 'label'));
      for (const p of r.provenance) expect(p.evidence.length).toBe(p.end - p.start);
    }
  });

  it('filters by the type of either end, or of the end not named', () => {
    const signed = relations(dev, { predicate: 'signed', subjectType: 'Country' });
    const oracle = dev.filterEdges((_e, a, s) => a.predicate === 'signed' && dev.getNodeAttribute(s, 'type') === 'Country');
    expect(signed.map((r) => r.key).sort()).toEqual(oracle.sort());
    expect(relations(dev, { predicate: 'signed', type: 'country' }).map((r) => r.key).sort()).toEqual(oracle.sort());
    const countries = relations(dev, { subject: 'Jeyhun Bayramov', type: 'Country' });
    expect(countries.length).toBeGreaterThan(0);
    expect(countries.every((r) => r.object.type === 'Country')).toBe(true);
    expect(relations(dev, { objectType: 'Document' }).every((r) => r.object.type === 'Document')).toBe(true);
  });

  it('returns everything, sorted, with no filter', () => {
    const all = relations(dev);
    expect(all).toHaveLength(dev.size);
    const keys = all.map((r) => `${r.subject.label}\u0000${r.predicate}\u0000${r.object.label}`);
    expect(keys).toEqual([...keys].sort());
  });
});

describe('neighbours', () => {
  it('lists what is one hop from Lavrov, symmetric facts facing him', () => {
    const n = neighbours(dev, 'Sergey Lavrov');
    expect(n.entity.key).toBe(LAVROV);
    expect(n.neighbours.map((x) => x.key).sort()).toEqual([...new Set(dev.neighbors(LAVROV))].sort());
    expect(n.neighbours.every((x) => x.distance === 1)).toBe(true);
    expect(n.relations).toHaveLength(dev.degree(LAVROV));
    for (const r of n.relations) {
      expect([r.subject.key, r.object.key]).toContain(LAVROV);
      if (r.symmetric) expect(r.subject.key).toBe(LAVROV);
    }
  });

  it('goes further out with depth, and keeps to predicates and types', () => {
    const one = neighbours(dev, 'Lavrov');
    const two = neighbours(dev, 'Lavrov', { depth: 2 });
    expect(two.neighbours.length).toBeGreaterThan(one.neighbours.length);
    expect(two.neighbours.filter((x) => x.distance === 1).map((x) => x.key)).toEqual(one.neighbours.map((x) => x.key));
    expect(new Set(two.neighbours.map((x) => x.distance))).toEqual(new Set([1, 2]));
    const met = neighbours(dev, 'Lavrov', { predicate: 'metWith', type: 'Person' });
    expect(met.relations.every((r) => r.predicate === 'metWith')).toBe(true);
    expect(met.neighbours.every((x) => x.type === 'Person')).toBe(true);
  });

  it('needs one entity', () => {
    const g = tiny([['Location', 'United Nations'], ['Organization', 'United Nations']]);
    expect(caught(() => neighbours(g, 'United Nations')).code).toBe('ambiguous-entity');
    expect(caught(() => neighbours(dev, 'Lavrof')).suggestions).toContain('Sergey Lavrov');
  });
});

// An independent breadth-first search: the length of the shortest undirected path.
function bfsLength(graph: KnowledgeGraph, from: string, to: string): number | undefined {
  const seen = new Map([[from, 0]]);
  const queue = [from];
  while (queue.length) {
    const u = queue.shift()!;
    if (u === to) return seen.get(u);
    for (const w of graph.neighbors(u)) if (!seen.has(w)) { seen.set(w, seen.get(u)! + 1); queue.push(w); }
  }
  return undefined;
}

describe('shortestPaths', () => {
  it('finds how Lavrov and Saidov are connected, every hop with its facts', () => {
    const paths = shortestPaths(dev, 'Lavrov', 'Bakhtiyor Saidov', { limit: 50 });
    const length = bfsLength(dev, LAVROV, 'Person:Bakhtiyor Saidov');
    expect(length).toBeDefined();
    expect(paths.length).toBeGreaterThan(0);
    expect(new Set(paths.map((p) => p.entities.map((e) => e.key).join('>'))).size).toBe(paths.length);
    for (const p of paths) {
      expect(p.entities[0].key).toBe(LAVROV);
      expect(p.entities.at(-1)!.key).toBe('Person:Bakhtiyor Saidov');
      expect(p.hops).toHaveLength(length!);
      p.hops.forEach((h, i) => {
        expect(h.from.key).toBe(p.entities[i].key);
        expect(h.to.key).toBe(p.entities[i + 1].key);
        expect(h.relations.length).toBeGreaterThan(0);
        expect(new Set(h.relations.map((r) => r.key)).size).toBe(h.relations.length);
        for (const r of h.relations) expect([r.subject.key, r.object.key].sort()).toEqual([h.from.key, h.to.key].sort());
      });
    }
    expect(shortestPaths(dev, 'Lavrov', 'Bakhtiyor Saidov', { limit: 2 })).toEqual(paths.slice(0, 2));
  });

  it('keeps to the predicates asked for, and says when nothing connects', () => {
    const g = tiny([['Person', 'A'], ['Person', 'B'], ['Person', 'C'], ['Person', 'D'], ['Country', 'X']],
      [['A', 'metWith', 'B'], ['B', 'spokeWith', 'C'], ['A', 'visited', 'X'], ['C', 'visited', 'X']]);
    expect(shortestPaths(g, 'A', 'C').map((p) => p.entities.map((e) => e.label))).toEqual([['A', 'B', 'C'], ['A', 'X', 'C']]);
    expect(shortestPaths(g, 'A', 'C', { predicate: 'visited' }).map((p) => p.entities.map((e) => e.label))).toEqual([['A', 'X', 'C']]);
    expect(shortestPaths(g, 'A', 'C', { predicate: 'metWith' })).toEqual([]);
    expect(shortestPaths(g, 'A', 'D')).toEqual([]);
    expect(shortestPaths(g, 'A', 'a')).toEqual([{ entities: [expect.objectContaining({ key: 'Person:A' })], hops: [] }]);
    const [p] = shortestPaths(g, 'C', 'A', { predicate: 'visited' });
    expect(p.hops[1].relations[0]).toMatchObject({ subject: { label: 'A' }, predicate: 'visited', object: { label: 'X' } });
  });
});

describe('building, loading and writing from code', () => {
  it('builds a graph from strings', () => {
    const g = buildFromTexts({ brasilia: 'Turkish Foreign Minister Hakan Fidan met Sergey Lavrov in Brasília on Monday.' });
    const [r] = relations(g, { subject: 'Hakan Fidan', predicate: 'metWith' });
    expect(r.object.label).toBe('Sergey Lavrov');
    expect(r.provenance[0].source).toBe('brasilia');
    expect(buildFromTexts(new Map([['brasilia', 'Turkish Foreign Minister Hakan Fidan met Sergey Lavrov in Brasília on Monday.']])).size).toBe(g.size);
    expect(() => buildFromTexts({ empty: '   ' })).toThrow(InputError);
    expect(() => buildFromTexts([['a', 'Lavrov met Fidan.'], ['a', 'Lavrov met Fidan.']])).toThrow(InputError);
  });

  it('loads a saved graph.json with the same answers, and reports a bad file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newskg-load-'));
    writeFileSync(join(dir, 'graph.json'), writeJson(dev));
    const g = await loadGraph(join(dir, 'graph.json'));
    expect(relations(g, { subject: 'Bayramov' })).toEqual(relations(dev, { subject: 'Bayramov' }));
    await expect(loadGraph(join(dir, 'nope.json'))).rejects.toMatchObject({ name: 'InputError', code: 'missing' });
    writeFileSync(join(dir, 'bad.json'), '{"nodes": 3}');
    await expect(loadGraph(join(dir, 'bad.json'))).rejects.toMatchObject({ name: 'InputError', code: 'not-a-graph' });
    writeFileSync(join(dir, 'broken.json'), '{');
    await expect(loadGraph(join(dir, 'broken.json'))).rejects.toBeInstanceOf(InputError);
  });

  it('writes to a stream exactly what it writes to a string', async () => {
    const g = buildFixture();
    const collect = async (write: (out: PassThrough) => Promise<void>): Promise<string> => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      await write(out);
      return Buffer.concat(chunks).toString('utf8');
    };
    expect(await collect((out) => writeTurtleStream(g, out))).toBe(await writeTurtle(g));
    expect(await collect((out) => writeGraphmlStream(g, out))).toBe(writeGraphml(g));
  });
});
