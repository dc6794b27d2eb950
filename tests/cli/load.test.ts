// `newskg load` as a user runs it: credentials only from the environment and never printed,
// a summary line, one clear line per failure, and the documented exit codes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { check } from '../../src/cli/commands/load.js';
import { run } from '../../src/cli/index.js';
import { UsageError } from '../../src/errors.js';
import { startStore, type TestStore } from '../gsp-server.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const ENV = ['NEWSKG_SPARQL_USER', 'NEWSKG_SPARQL_PASSWORD', 'NEWSKG_SPARQL_TOKEN'] as const;
let store: TestStore | undefined;
afterEach(async () => {
  for (const k of ENV) delete process.env[k];
  await store?.close();
  store = undefined;
});

function ntFile(lines: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'newskg-cli-load-'));
  const file = join(dir, 'g.nt');
  writeFileSync(file, Array.from({ length: lines }, (_, i) => `<https://example.org/s${i}> <https://example.org/p> "${i}" .\n`).join(''));
  return file;
}

describe('newskg load', () => {
  it('loads with the credentials of the environment and prints one summary line', async () => {
    store = await startStore({ auth: { scheme: 'digest', user: 'loader', password: 'pa55-word' } });
    process.env.NEWSKG_SPARQL_USER = 'loader';
    process.env.NEWSKG_SPARQL_PASSWORD = 'pa55-word';
    const c = capture();
    const code = await run(['load', ntFile(12), '--endpoint', store.url, '--graph', 'https://example.org/g', '--batch-size', '5'], c.io);
    expect(code).toBe(0);
    expect(c.out).toEqual(['loaded 12 triples into <https://example.org/g> in 3 batches; the store holds 12']);
    expect(c.err).toEqual(['batch 1/3: 5 triples', 'batch 2/3: 5 triples', 'batch 3/3: 2 triples']);
    expect([...c.out, ...c.err].join('\n')).not.toContain('pa55-word');
  });

  it('exits 1 with one line naming the request and status, and a hint when the store wants credentials', async () => {
    store = await startStore({ auth: { scheme: 'basic', user: 'u', password: 'p' } });
    const c = capture();
    expect(await run(['load', ntFile(1), '-e', store.url, '-q'], c.io)).toBe(1);
    expect(c.err).toHaveLength(2);
    expect(c.err[0]).toMatch(/^newskg: hint: set NEWSKG_SPARQL_USER/);
    expect(c.err[1]).toMatch(/^newskg: PUT http:\/\/127\.0\.0\.1:\d+\/store\?graph=https%3A%2F%2Fw3id\.org%2Fnewskg%2Fgraph: HTTP 401 Unauthorized/);
  });

  it('never prints a refused password', async () => {
    store = await startStore({ auth: { scheme: 'basic', user: 'u', password: 'right' } });
    process.env.NEWSKG_SPARQL_USER = 'u';
    process.env.NEWSKG_SPARQL_PASSWORD = 'wrong-and-secret';
    const c = capture();
    expect(await run(['load', ntFile(1), '-e', store.url], c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/refused the credentials/);
    expect([...c.out, ...c.err].join('\n')).not.toContain('wrong-and-secret');
  });

  it('exits 1 when the store keeps less than it was sent', async () => {
    store = await startStore();
    store.keep = 0.5;
    const c = capture();
    expect(await run(['load', ntFile(20), '-e', store.url, '--batch-size', '5', '-q'], c.io)).toBe(1);
    expect(c.err[0]).toMatch(/holds 14 triples after the load, but 20 were sent/);
  });

  it('exits 1 for a file that is missing or not RDF', async () => {
    store = await startStore();
    const c = capture();
    expect(await run(['load', '/nonexistent/graph.ttl', '-e', store.url], c.io)).toBe(1);
    expect(c.err[0]).toMatch(/^newskg: \/nonexistent\/graph\.ttl: no such file$/);
    expect(store.requests).toHaveLength(0);
  });

  it.each([
    [['load', 'x.ttl'], /endpoint/],
    [['load', 'x.ttl', '-e', 'http://dba:topsecret@localhost:8890/sparql-graph-crud-auth'], /holds a user name or password/],
    [['load', 'x.ttl', '-e', 'ftp://localhost/x'], /http or https/],
  ])('exits 2 for %j', async (args, message) => {
    const c = capture();
    expect(await run(args, c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(message);
    expect(c.err.join('\n')).not.toContain('topsecret');
  });

  it('exits 2 for a mistyped option without touching the store: a load replaces a graph', async () => {
    store = await startStore();
    const c = capture();
    expect(await run(['load', ntFile(1), '-e', store.url, '--grpah', 'https://example.org/g'], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/Unknown argument: grpah/);
    expect(store.requests).toHaveLength(0);
  });

  it('exits 2 when only half of the credentials are set', async () => {
    process.env.NEWSKG_SPARQL_USER = 'u';
    const c = capture();
    expect(await run(['load', ntFile(1), '-e', 'http://127.0.0.1:9/store'], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/set both NEWSKG_SPARQL_USER and NEWSKG_SPARQL_PASSWORD/);
  });
});

describe('check', () => {
  it('accepts the declared options in both spellings', () => {
    expect(() => check({ _: ['load'], $0: 'newskg', file: 'f.ttl', endpoint: 'http://x/store', e: 'http://x/store', 'batch-size': 5, batchSize: 5, verify: true, quiet: false, q: false, graph: 'g', g: 'g' })).not.toThrow();
  });

  it.each([
    [{ file: 'f.ttl' }, /endpoint/],
    [{ file: 'f.ttl', endpoint: '' }, /endpoint/],
    [{ file: 'f.ttl', endpoint: 'http://x', grpah: 'g', bogus: 1 }, /Unknown arguments: grpah, bogus/],
  ])('refuses %j', (argv, message) => {
    expect(() => check(argv)).toThrow(UsageError);
    expect(() => check(argv)).toThrow(message);
  });
});
