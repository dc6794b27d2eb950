// `newskg load` against a real Virtuoso (SPARQL_ENDPOINT set; everything here is skipped otherwise).
// `.ci/run` runs this file twice:
// - under ../shared/check/virtuoso-ci.sh, with NEWSKG_STORE_BULK=1: out/dev/store.nt is bulk-loaded
//   into SPARQL_GRAPH, but nobody may write (the dba password is random and not exported; anonymous
//   Graph Store writes answer 403). The read-back of the bulk-loaded graph and the refusals run there.
// - under scripts/virtuoso-writer.sh: an empty store with a writer account in STORE_WRITE_USER /
//   STORE_WRITE_PASSWORD. The refusals and the writes run there: the `newskg load` command (src/cli)
//   loads the dev-corpus graph, and SPARQL counts show the store holds exactly what was sent.
import { readFileSync } from 'node:fs';
import { Parser } from 'n3';
import type { Quad, Term } from 'n3';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { LoadError } from '../../src/errors.js';
import { GraphStore } from '../../src/gsp.js';
import { parseRdf } from '../../src/rdf-file.js';
import { countTriples, loadQuads } from '../../src/store-load.js';

const endpoint = process.env.SPARQL_ENDPOINT;
const graphIri = process.env.SPARQL_GRAPH;
const bulk = process.env.NEWSKG_STORE_BULK === '1';
const devOut = process.env.NEWSKG_DEV_OUT ?? 'out/dev';
const base = endpoint?.replace(/\/sparql\/?$/, '');
const open = `${base}/sparql-graph-crud`, guarded = `${base}/sparql-graph-crud-auth`;
const writer = process.env.STORE_WRITE_USER && process.env.STORE_WRITE_PASSWORD
  ? { user: process.env.STORE_WRITE_USER, password: process.env.STORE_WRITE_PASSWORD } : undefined;
const fast = { retries: 1, retryDelay: 10 };

const SKIP = 'SPARQL_ENDPOINT is not set: run under ../shared/check/virtuoso-ci.sh or scripts/virtuoso-writer.sh, as .ci/run does';
if (!endpoint) {
  console.warn(`tests/store/load.test.ts: skipped: ${SKIP}`);
  describe(`newskg load against Virtuoso (skipped: ${SKIP})`, () => {
    it.skip('loads, replaces and verifies a graph', () => {});
  });
}

// ### Triples as N-Triples-like strings, parsed here with n3 and not by the code under test, so a
// store's answer and a file compare whatever escapes either uses.
// Blank nodes keep their labels, which tell triples of one file apart but never match a store's.
const termKey = (t: Term): string =>
  t.termType === 'Literal' ? `${JSON.stringify(t.value)}${t.language ? `@${t.language}` : `^^${t.datatype.value}`}`
    : t.termType === 'BlankNode' ? `_:${t.value}` : `<${t.value}>`;
const tripleKey = (q: Quad): string => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`;
const isGround = (q: Quad): boolean => q.subject.termType !== 'BlankNode' && q.object.termType !== 'BlankNode';
const parseFile = (path: string): Quad[] => new Parser({ format: path.endsWith('.nt') ? 'N-Triples' : 'Turtle' }).parse(readFileSync(path, 'utf8'));
const groundKeys = (quads: Quad[]): Set<string> => new Set(quads.filter(isGround).map(tripleKey));
const distinct = (quads: Quad[]): number => new Set(quads.map(tripleKey)).size;

describe.skipIf(!endpoint)('newskg load against Virtuoso: refusals and read-back', () => {
  it.skipIf(!bulk)(`reads the bulk-loaded graph back over the Graph Store protocol and counts it as the bulk loader did${bulk ? '' : ' (skipped: NEWSKG_STORE_BULK is not 1, so SPARQL_GRAPH holds no bulk-loaded graph; .ci/run sets it under virtuoso-ci.sh)'}`, async () => {
    const answer = await new GraphStore({ endpoint: open, graph: graphIri, ...fast }).getWithType('application/n-triples');
    expect(answer?.type).toMatch(/^application\/n-triples/);
    const lines = new Set(readFileSync(`${devOut}/store.nt`, 'utf8').split('\n').filter((l) => l.trim()));
    expect(countTriples(answer!.text, answer!.type)).toBe(lines.size);
  });

  it('answers a graph that does not exist as empty', async () => {
    expect(await new GraphStore({ endpoint: open, graph: 'https://w3id.org/newskg/graph/none', ...fast }).getWithType('text/turtle')).toBeUndefined();
  });

  it("reports Virtuoso's 403 for an anonymous write with the status and the store's reason", async () => {
    const quads = parseRdf('<https://example.org/a> <https://example.org/p> "x" .', 'N-Triples');
    const e = await loadQuads(quads, { endpoint: open, graph: 'https://w3id.org/newskg/graph/denied', ...fast }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LoadError);
    expect((e as LoadError).status).toBe(403);
    expect((e as LoadError).message).toMatch(/^PUT http:\/\/127\.0\.0\.1:\d+\/sparql-graph-crud\?graph=.*: HTTP 403.*(Permission denied|SECURITY)/);
  });

  it('answers the Digest challenge of the guarded endpoint, and reports refused credentials without showing them', async () => {
    const password = 'not-the-password-7f3a';
    const quads = parseRdf('<https://example.org/a> <https://example.org/p> "x" .', 'N-Triples');
    const e = await loadQuads(quads, { endpoint: guarded, credentials: { user: 'newskg-test', password }, ...fast }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LoadError);
    expect((e as LoadError).code).toBe('auth');
    expect((e as LoadError).message).toMatch(/HTTP 401.*refused the credentials/);
    expect((e as LoadError).message).not.toContain(password);
  });
});

describe.skipIf(!endpoint || !writer)(`newskg load against Virtuoso: writes${writer ? '' : ' (skipped: STORE_WRITE_USER / STORE_WRITE_PASSWORD not set; virtuoso-ci.sh exports no writer account, scripts/virtuoso-writer.sh does)'}`, () => {
  // SPARQL_GRAPH is virtuoso-writer.sh's test graph; never write over a bulk-loaded one.
  const target = !bulk && graphIri ? graphIri : 'https://w3id.org/newskg/graph/load-test';
  const graphNt = `${devOut}/graph.nt`, graphTtl = `${devOut}/graph.ttl`, ontology = 'ontology/newskg.ttl';

  // ### `newskg` runs the CLI as `npx newskg` would, with credentials in the environment as `load` reads them.
  async function newskg(args: string[], credentials?: { user: string; password: string }): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [], err: string[] = [];
    const saved = { user: process.env.NEWSKG_SPARQL_USER, password: process.env.NEWSKG_SPARQL_PASSWORD };
    if (credentials) Object.assign(process.env, { NEWSKG_SPARQL_USER: credentials.user, NEWSKG_SPARQL_PASSWORD: credentials.password });
    else {
      delete process.env.NEWSKG_SPARQL_USER;
      delete process.env.NEWSKG_SPARQL_PASSWORD;
    }
    try {
      const code = await run(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
      return { code, out, err };
    } finally {
      for (const [k, v] of [['NEWSKG_SPARQL_USER', saved.user], ['NEWSKG_SPARQL_PASSWORD', saved.password]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  }

  // ### `sparql` asks the store's SPARQL endpoint, anonymously, independently of the Graph Store protocol.
  async function sparql<T>(query: string): Promise<T> {
    const res = await fetch(endpoint!, { method: 'POST', body: new URLSearchParams({ query }), headers: { accept: 'application/sparql-results+json' } });
    const text = await res.text();
    if (!res.ok) throw new Error(`SPARQL ${res.status}: ${text.slice(0, 300)}\n${query}`);
    return JSON.parse(text) as T;
  }
  const count = async (graph: string, filter = ''): Promise<number> =>
    Number((await sparql<{ results: { bindings: Array<{ n: { value: string } }> } }>(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${graph}> { ?s ?p ?o ${filter} } }`)).results.bindings[0].n.value);
  const ask = async (query: string): Promise<boolean> => (await sparql<{ boolean: boolean }>(query)).boolean;
  const blankFilter = 'FILTER(isBlank(?s) || isBlank(?o))';

  // ### `stored` reads a graph back over the Graph Store protocol as keys, to compare with a file.
  async function stored(graph: string): Promise<Set<string>> {
    const answer = await new GraphStore({ endpoint: open, graph, ...fast }).getWithType('application/n-triples');
    return groundKeys(answer ? new Parser({ format: 'N-Triples' }).parse(answer.text) : []);
  }
  function expectSameTriples(actual: Set<string>, expected: Set<string>): void {
    expect([...expected].filter((k) => !actual.has(k)).slice(0, 5), 'triples sent but not stored').toEqual([]);
    expect([...actual].filter((k) => !expected.has(k)).slice(0, 5), 'triples stored but not sent').toEqual([]);
  }

  const load = (file: string, graph: string, ...more: string[]) => newskg(['load', file, '--endpoint', guarded, '--graph', graph, ...more], writer);

  it('`newskg load` sends the dev-corpus graph in batches, and the store holds exactly its triples', async () => {
    const expected = groundKeys(parseFile(graphNt));
    expect(expected.size).toBeGreaterThan(5000); // the dev corpus, not an empty build
    expect(parseFile(graphNt).every(isGround)).toBe(true); // so no batch carries blank nodes
    const batches = Math.ceil(expected.size / 2000);
    const r = await load(graphNt, target, '--batch-size', '2000');
    expect(r.err.filter((l) => !/^batch \d+\/\d+: \d+ triples$/.test(l))).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([`loaded ${expected.size} triples into <${target}> in ${batches} batches; the store holds ${expected.size}`]);
    expect(r.err).toHaveLength(batches);
    expect(r.err.reduce((n, l) => n + Number(/: (\d+) triples$/.exec(l)![1]), 0)).toBe(expected.size);
    expect(await count(target)).toBe(expected.size);
    expectSameTriples(await stored(target), expected);
  });

  it('loading again, from graph.ttl, replaces the graph: what it held before is gone, and one copy remains', async () => {
    const graph = `${target}/replace`;
    const expected = groundKeys(parseFile(graphTtl));
    expectSameTriples(expected, groundKeys(parseFile(graphNt))); // the two exports are the same graph
    const symmetric = `ASK { GRAPH <${graph}> { <https://w3id.org/newskg/ontology#metWith> a <http://www.w3.org/2002/07/owl#SymmetricProperty> } }`;
    expect((await load(ontology, graph, '--quiet')).code).toBe(0);
    expect(await count(graph)).toBe(distinct(parseFile(ontology)));
    expect(await ask(symmetric)).toBe(true);
    for (let i = 0; i < 2; i++) {
      const r = await load(graphTtl, graph, '--batch-size', '4000');
      expect(r.code).toBe(0);
      expect(r.out).toEqual([`loaded ${expected.size} triples into <${graph}> in ${Math.ceil(expected.size / 4000)} batches; the store holds ${expected.size}`]);
      expect(await count(graph)).toBe(expected.size);
      expect(await count(graph, blankFilter)).toBe(0);
      expect(await ask(symmetric)).toBe(false);
    }
    expectSameTriples(await stored(graph), expected);
  });

  it('keeps the blank nodes of the ontology in the first batch, so loading it twice in batches of 50 leaves one copy', async () => {
    const graph = `${target}/ontology`;
    const quads = parseFile(ontology);
    const total = distinct(quads), ground = groundKeys(quads).size, blank = total - ground;
    expect(blank).toBeGreaterThan(0);
    // the first batch: every blank-node triple, topped up to 50 with ground ones; then batches of 50
    const first = blank + Math.min(ground, Math.max(0, 50 - blank));
    const batches = 1 + Math.ceil((total - first) / 50);
    expect(batches).toBeGreaterThan(2);
    for (let i = 0; i < 2; i++) {
      const r = await load(ontology, graph, '--batch-size', '50');
      expect(r.code).toBe(0);
      expect(r.out).toEqual([`loaded ${total} triples into <${graph}> in ${batches} batches; the store holds ${total}`]);
      expect(r.err[0]).toBe(`batch 1/${batches}: ${first} triples`);
      expect(await count(graph)).toBe(total);
      expect(await count(graph, blankFilter)).toBe(blank);
    }
    expectSameTriples(await stored(graph), groundKeys(quads));
  });

  it('`--no-verify` skips the read-back, and the store still holds every triple', async () => {
    const graph = `${target}/no-verify`;
    const expected = groundKeys(parseFile(graphNt));
    const r = await load(graphNt, graph, '--no-verify', '--batch-size', '5000');
    expect(r.code).toBe(0);
    expect(r.out).toEqual([`loaded ${expected.size} triples into <${graph}> in ${Math.ceil(expected.size / 5000)} batches; not verified`]);
    expect(await count(graph)).toBe(expected.size);
  });

  it('refuses clearly, exit 1, and writes nothing: a wrong password, no credentials, the open endpoint, a path that is no Graph Store (Virtuoso: 501)', async () => {
    const graph = `${target}/refused`;
    const small = 'ontology/newskg.ttl';
    const wrong = `${writer!.password}-wrong`;
    const cases: Array<{ args: string[]; credentials?: { user: string; password: string }; message: RegExp }> = [
      { args: ['--endpoint', guarded], credentials: { user: writer!.user, password: wrong }, message: /^newskg: PUT http:\/\/127\.0\.0\.1:\d+\/sparql-graph-crud-auth\?graph=\S+: HTTP 401.*\(the store refused the credentials\)$/ },
      { args: ['--endpoint', guarded], message: /HTTP 401.*\(the store wants credentials\)$/ },
      { args: ['--endpoint', open], credentials: writer, message: /^newskg: PUT http:\/\/127\.0\.0\.1:\d+\/sparql-graph-crud\?graph=\S+: HTTP 403.*(Permission denied|SECURITY)/ },
      { args: ['--endpoint', `${base}/no-such-graph-store`], credentials: writer, message: /^newskg: PUT http:\/\/127\.0\.0\.1:\d+\/no-such-graph-store\?graph=\S+: HTTP 501 Method Not Implemented/ },
    ];
    for (const c of cases) {
      const r = await newskg(['load', small, '--graph', graph, '--quiet', ...c.args], c.credentials);
      expect(r.code, c.args.join(' ')).toBe(1);
      expect(r.out).toEqual([]);
      expect(r.err.find((l) => l.startsWith('newskg: ') && !l.startsWith('newskg: hint'))).toMatch(c.message);
      expect(r.err.join('\n')).not.toContain(writer!.password);
      if (!c.credentials) expect(r.err).toContain('newskg: hint: set NEWSKG_SPARQL_USER and NEWSKG_SPARQL_PASSWORD (or NEWSKG_SPARQL_TOKEN) for a store that needs credentials');
    }
    expect(await count(graph)).toBe(0);
  });
});
