// Loading into a triple store, against a local Graph Store on 127.0.0.1: batches, replacing rather
// than adding, blank nodes kept together, and the read-back that catches a store that drops triples.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFactory } from 'n3';
import type { Quad } from 'n3';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError, LoadError, UsageError } from '../src/errors.js';
import { writeNTriples, writeTurtle } from '../src/export/turtle.js';
import { parseRdf } from '../src/rdf-file.js';
import { batches, countTriples, credentialsFromEnv, DEFAULT_GRAPH, loadFile, loadQuads } from '../src/store-load.js';
import { buildFixture } from './export/fixture.js';
import { startStore, type TestStore } from './gsp-server.js';

const { namedNode, blankNode, literal, quad } = DataFactory;
const ex = (s: string) => namedNode(`https://example.org/${s}`);
const ground = (n: number): Quad[] => Array.from({ length: n }, (_, i) => quad(ex(`s${i}`), ex('p'), literal(String(i))));
const fast = { retries: 1, retryDelay: 1 };
let store: TestStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe('batches', () => {
  it('splits distinct triples into batches of the given size', () => {
    const b = batches([...ground(5), ...ground(5)], 2);
    expect(b.map((x) => x.length)).toEqual([2, 2, 1]);
  });

  it('puts every triple with a blank node into the first batch, even past the size', () => {
    const list = blankNode('l');
    const quads = [...ground(3), quad(ex('c'), ex('unionOf'), list), quad(list, ex('first'), ex('A')), quad(list, ex('rest'), ex('nil'))];
    const b = batches(quads, 2);
    expect(b[0].filter((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode')).toHaveLength(3);
    expect(b.slice(1).flat().some((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode')).toBe(false);
    expect(b.flat()).toHaveLength(6);
  });

  it('gives one empty batch for no triples, so a load of nothing empties the graph', () => {
    expect(batches([], 10)).toEqual([[]]);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a batch size of %s', (size) => {
    expect(() => batches(ground(1), size)).toThrow(UsageError);
  });
});

describe('loadQuads', () => {
  it('replaces the graph with a PUT, adds the rest with POSTs, and checks the count', async () => {
    store = await startStore();
    const seen: string[] = [];
    const r = await loadQuads(ground(25), { endpoint: store.url, graph: 'https://example.org/g', batchSize: 10, onBatch: (d, t, n) => seen.push(`${d}/${t}:${n}`) });
    expect(r).toEqual({ graph: 'https://example.org/g', triples: 25, batches: 3, stored: 25 });
    expect(store.requests.map((x) => `${x.method}:${x.triples}`)).toEqual(['PUT:10', 'POST:10', 'POST:5', 'GET:0']);
    expect(seen).toEqual(['1/3:10', '2/3:10', '3/3:5']);
  });

  it('loads into https://w3id.org/newskg/graph unless told otherwise', async () => {
    store = await startStore();
    expect((await loadQuads(ground(1), { endpoint: store.url })).graph).toBe(DEFAULT_GRAPH);
    expect(store.graphs.has(DEFAULT_GRAPH)).toBe(true);
  });

  it('leaves one copy when the same graph is loaded twice, and drops what an earlier load left', async () => {
    store = await startStore();
    const options = { endpoint: store.url, graph: 'g', batchSize: 4 };
    await loadQuads(ground(10), options);
    await loadQuads(ground(10), options);
    expect(store.graphs.get('g')?.size).toBe(10);
    await loadQuads(ground(3), options);
    expect(store.graphs.get('g')?.size).toBe(3);
  });

  it('fails with code verify when the store kept fewer triples than it accepted', async () => {
    store = await startStore();
    store.keep = 0.9;
    const e = await loadQuads(ground(100), { endpoint: store.url, graph: 'g', batchSize: 20 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LoadError);
    expect((e as LoadError).code).toBe('verify');
    expect((e as LoadError).message).toMatch(/holds 92 triples after the load, but 100 were sent; load again/);
  });

  it('can skip the read-back', async () => {
    store = await startStore();
    store.keep = 0.5;
    const r = await loadQuads(ground(10), { endpoint: store.url, graph: 'g', batchSize: 4, verify: false });
    expect(r.stored).toBeUndefined();
    expect(store.requests.map((x) => x.method)).toEqual(['PUT', 'POST', 'POST']);
  });

  it('survives a batch that failed once: the retry sends the same triples again', async () => {
    store = await startStore();
    const r = await loadQuads(ground(30), { endpoint: store.url, graph: 'g', batchSize: 10, ...fast, onBatch: (d) => { if (d === 1) store!.failures = [{ status: 503 }]; } });
    expect(r.stored).toBe(30);
    expect(store.requests.map((x) => x.method)).toEqual(['PUT', 'POST', 'POST', 'POST', 'GET']);
  });

  it('keeps the blank nodes of the ontology whole at any batch size', async () => {
    store = await startStore();
    const r = await loadFile('ontology/newskg.ttl', { endpoint: store.url, graph: 'onto', batchSize: 25 });
    expect(r.stored).toBe(r.triples);
    expect(r.batches).toBeGreaterThan(5);
  });

  it('loads the fixture graph from Turtle and from N-Triples alike', async () => {
    store = await startStore();
    const dir = mkdtempSync(join(tmpdir(), 'newskg-load-'));
    const graph = buildFixture();
    writeFileSync(join(dir, 'g.ttl'), await writeTurtle(graph));
    writeFileSync(join(dir, 'g.nt'), await writeNTriples(graph));
    const a = await loadFile(join(dir, 'g.ttl'), { endpoint: store.url, graph: 'a', batchSize: 7 });
    const b = await loadFile(join(dir, 'g.nt'), { endpoint: store.url, graph: 'b', batchSize: 1000 });
    expect(a.stored).toBe(b.stored);
    expect(store.graphs.get('a')).toEqual(store.graphs.get('b'));
  });

  it('reports a file that is missing or not RDF as an InputError, before any request', async () => {
    store = await startStore();
    const dir = mkdtempSync(join(tmpdir(), 'newskg-load-'));
    writeFileSync(join(dir, 'bad.ttl'), '<a> <b> .');
    await expect(loadFile(join(dir, 'nope.ttl'), { endpoint: store.url })).rejects.toThrow(InputError);
    await expect(loadFile(join(dir, 'bad.ttl'), { endpoint: store.url })).rejects.toMatchObject({ name: 'InputError', code: 'syntax' });
    await expect(loadFile(join(dir, 'graph.json'), { endpoint: store.url })).rejects.toThrow(InputError);
    expect(store.requests).toHaveLength(0);
  });
});

describe('countTriples', () => {
  it('counts distinct triples in N-Triples or Turtle', () => {
    const nt = '<https://e.org/a> <https://e.org/p> "1" .\n<https://e.org/a> <https://e.org/p> "1" .\n_:b <https://e.org/p> "2" .\n';
    expect(countTriples(nt, 'application/n-triples; charset=UTF-8')).toBe(2);
    expect(countTriples('@prefix e: <https://e.org/> . e:a e:p 1, 2 .', 'text/turtle')).toBe(2);
    expect(countTriples('', null)).toBe(0);
  });
});

describe('credentialsFromEnv', () => {
  it.each([
    [{}, undefined],
    [{ NEWSKG_SPARQL_USER: 'dba', NEWSKG_SPARQL_PASSWORD: 'pw' }, { user: 'dba', password: 'pw' }],
    [{ NEWSKG_SPARQL_USER: 'dba', NEWSKG_SPARQL_PASSWORD: '' }, { user: 'dba', password: '' }],
    [{ NEWSKG_SPARQL_TOKEN: 't', NEWSKG_SPARQL_USER: 'dba', NEWSKG_SPARQL_PASSWORD: 'pw' }, { token: 't' }],
  ])('%j -> %j', (env, expected) => {
    expect(credentialsFromEnv(env)).toEqual(expected);
  });

  it.each([[{ NEWSKG_SPARQL_USER: 'dba' }], [{ NEWSKG_SPARQL_PASSWORD: 'pw' }]])('asks for both halves of %j', (env) => {
    expect(() => credentialsFromEnv(env)).toThrow(UsageError);
    try {
      credentialsFromEnv(env);
    } catch (e) {
      expect((e as Error).message).not.toContain('pw');
    }
  });
});

describe('parseRdf', () => {
  it('names the file and n3’s reason for a syntax error', () => {
    expect(() => parseRdf('<a> <b>', 'Turtle', 'x.ttl')).toThrow(/^x\.ttl: not valid Turtle: .+line 1/);
  });
});
